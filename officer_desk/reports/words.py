"""The reports' words in the reader's language, from the app's own translation catalogue.

A report is written in the language of whoever reads it (the person's own, for a journal or
a release plan), which need not be the screen's, and it runs without a screen too (the
admin tool).  So it does not use the translators the screen installed: :func:`words_for`
loads the compiled catalogue of the language asked for (``resources/i18n``, the same
``.qm`` files the screen reads) and renders :class:`~officer_desk.domain.wording.Phrase`
keys through it.  No dictionaries: a report's fixed texts are ``phrase(...)`` keys, found
by ``tools/i18n/update.py`` and translated in the ``.ts`` files like every other text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

from officer_desk.domain import wording
from officer_desk.domain.wording import Phrase, phrase
from officer_desk.paths import resource_dir

LANGUAGES = ("nb", "en")
DATES = "report dates"  # the catalogue context of the dates written out in full
# A person's own copy (journal, release plan) writes a date out: "6 February 2026".
MONTHS = [
    phrase(DATES, "January"), phrase(DATES, "February"), phrase(DATES, "March"),
    phrase(DATES, "April"), phrase(DATES, "May"), phrase(DATES, "June"),
    phrase(DATES, "July"), phrase(DATES, "August"), phrase(DATES, "September"),
    phrase(DATES, "October"), phrase(DATES, "November"), phrase(DATES, "December"),
]  # fmt: skip
LONG_DATE = phrase(DATES, "{day} {month} {year}")


class Words:
    """One language's catalogue, to render phrases and format dates for a report."""

    def __init__(self, language: str) -> None:
        # Qt is imported here, not with the module: the admin tool imports the reports
        # without loading Qt until it writes one.
        from PySide6.QtCore import QLocale, QTranslator

        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        self.language = language
        # English is the source language: its catalogue holds only the plural forms.
        self._translator = QTranslator()
        self.loaded = self._translator.load(
            f"officer_desk_{language}", str(resource_dir() / "i18n")
        )
        self._locale = (
            QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)
            if language == "nb"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )

    def translate(self, context: str, key: str, n: int | None = None) -> str:
        found = self._translator.translate(context, key, None, -1 if n is None else n)
        text = found or key
        return text if n is None else text.replace("%n", str(n))

    def __call__(self, p: Phrase) -> str:
        return wording.render(p, self.translate)

    def tree(self, texts: Any) -> Any:
        """A report's table of phrases (dicts, tuples and lists of them) as text."""
        if isinstance(texts, Phrase):
            return self(texts)
        if isinstance(texts, dict):
            return {key: self.tree(value) for key, value in texts.items()}
        if isinstance(texts, tuple | list):
            return type(texts)(self.tree(value) for value in texts)
        return texts

    def lines(self, stored: str) -> str:
        """Stored text (a draft's phrases, or typed text) for this reader."""
        return wording.render_stored(stored, self.translate)

    def join(self, phrases: Sequence[Phrase], separator: str = ", ") -> str:
        return separator.join(self(p) for p in phrases)

    def date(self, day: date | None) -> str:
        """The app's one date format (``6 Feb 2026``, ``6. feb. 2026``; its pattern is itself
        a translated text, as on the screen)."""
        if day is None:
            return ""
        from PySide6.QtCore import QDate

        pattern = self.translate("vocabulary", DATE_PATTERN)
        return self._locale.toString(QDate(day.year, day.month, day.day), pattern)

    def moment(self, at: datetime | None) -> str:
        """Date and clock in local time, as the screen shows them: ``6 Feb 2026 14:05``."""
        if at is None:
            return ""
        from PySide6.QtCore import QLocale, QTime

        local = at.astimezone()
        clock = self._locale.toString(
            QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
        )
        return f"{self.date(local.date())} {clock}"


DATE_PATTERN = "d MMM yyyy"  # the source of ui.vocabulary.date_format(), context "vocabulary"


@cache
def words_for(language: str) -> Words:
    """The catalogue of ``language`` (``nb``/``en``), loaded once per process."""
    return Words(language)
