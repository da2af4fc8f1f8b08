"""Error messages from the services, shown in the interface's language (context "messages").

The services (which may not import Qt) raise their messages in English, some with values
filled in (``f"There is no account called {username}."``).  ``tools/i18n/update.py`` puts
each message into the translation as it is written, with ``{fields}`` for the values, and
lists those with fields in :mod:`officer_desk.ui.message_templates`.  Here an English
message is translated whole when it has no fields; otherwise it is matched against the
templates, the template is translated and the values go back in, each translated too when
it is a word the services pass in (``what="release plans"``).  A message that matches
nothing is shown in English rather than not at all.
"""

from __future__ import annotations

import re
import string
from functools import cache

from PySide6.QtCore import QCoreApplication

CONTEXT = "messages"
_DEPTH = 2  # values are themselves translated, once


def translate_message(text: str, depth: int = 0) -> str:
    whole = QCoreApplication.translate(CONTEXT, text)
    if whole != text or depth > _DEPTH:
        return whole
    for pattern, template in _patterns():
        found = pattern.fullmatch(text)
        if found is None:
            continue
        translated = QCoreApplication.translate(CONTEXT, template)
        if translated == template:
            return text
        values = {
            name: translate_message(value, depth + 1) for name, value in found.groupdict().items()
        }
        try:
            return translated.format(**values)
        except (KeyError, IndexError, ValueError):  # a broken translation: English, not a crash
            return text
    return text


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    from officer_desk.ui.message_templates import TEMPLATES

    compiled = []
    for template in TEMPLATES:
        regex = []
        seen: set[str] = set()
        for literal, field, _spec, _conversion in string.Formatter().parse(template):
            regex.append(re.escape(literal))
            if field is None:
                continue
            regex.append(f"(?P={field})" if field in seen else f"(?P<{field}>.+?)")
            seen.add(field)
        literal_length = len(re.sub(r"\{\w+\}", "", template))
        compiled.append((literal_length, re.compile("".join(regex), re.DOTALL), template))
    # The template with the most fixed words first: "{label} is required." must not take
    # a message a more specific template was written for.
    compiled.sort(key=lambda item: -item[0])
    return [(pattern, template) for _, pattern, template in compiled]
