"""Which language of our printed documents a person reads, from the languages on their record.

The documents a person receives (their journal, their release plan) are written in Norwegian
bokmål or English.  A person's record lists the languages they speak, as the unit wrote them
("norsk", "polsk, engelsk", "English"); the first of those we write in is the one to use.
"""

from __future__ import annotations

from collections.abc import Sequence

DOCUMENT_LANGUAGES = ("nb", "en")
_NAMES = {
    "nb": {"norsk", "bokmål", "bokmal", "nynorsk", "norwegian", "nb", "nn", "no"},
    "en": {"engelsk", "english", "en"},
}


def document_language(spoken: Sequence[str]) -> str | None:
    """ "nb" or "en": the first of ``spoken`` (in the record's order: their own language
    first) that our documents are written in; None when they speak neither."""
    for language in spoken:
        word = language.strip().casefold()
        for code, names in _NAMES.items():
            if word in names:
                return code
    return None
