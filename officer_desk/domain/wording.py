"""Text kept as keys with values and rendered in the reader's language when it is shown.

A :class:`Phrase` is a key of the translation catalogue (the English text, ``{fields}`` for
values and ``%n`` for a count with plural forms) in a context, with its values: plain text
and numbers go in as they are (a note's words, a mood), a phrase or a tuple of phrases is
rendered in the same language first (a meal's name, a list of meals).  What the app drafts
for a person to read later (a handover's draft) is stored as phrases (:func:`dumps`), never
as sentences, so a draft written at an English desk reads in Norwegian at a Norwegian one.

No Qt here: whoever shows a phrase passes ``translate(context, key, n)`` — the screen
``QCoreApplication.translate``, a report the catalogue of the reader's language.  The keys
are found for the catalogue by ``tools/i18n/catalogue.py`` from the ``phrase(...)`` calls.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Union

Value = Union[str, int, float, "Phrase", tuple["Phrase", ...]]
Translate = Callable[[str, str, int | None], str]  # (context, key, n) -> text, %n filled in

TOPICS = "topics"  # the context of the common conversation topics
_MARKER = "phrases"  # a stored document starts {"phrases": …}; anything else is plain text


@dataclass(frozen=True)
class Phrase:
    context: str
    key: str
    n: int | None = None
    params: tuple[tuple[str, Value], ...] = ()


def phrase(context: str, key: str, n: int | None = None, **params: Value) -> Phrase:
    """A key of the catalogue with its values (``n``: the count for ``%n`` plural forms)."""
    return Phrase(context, key, n, tuple(params.items()))


# The topics a conversation offers to tick: stored as these keys, shown translated.  A topic
# typed by the officer is kept and shown as typed.
COMMON_TOPICS: tuple[Phrase, ...] = (
    phrase(TOPICS, "Family"), phrase(TOPICS, "Health"), phrase(TOPICS, "Work"),
    phrase(TOPICS, "School"), phrase(TOPICS, "Housing"), phrase(TOPICS, "Release plan"),
    phrase(TOPICS, "Wellbeing"), phrase(TOPICS, "Conflict"),
)  # fmt: skip


def topic(text: str) -> Phrase:
    """A conversation topic: a common one translates, one typed by an officer stays."""
    return phrase(TOPICS, text)


def english(context: str, key: str, n: int | None) -> str:
    """The key itself (no catalogue): for logs, and where no translation is at hand."""
    return key if n is None else key.replace("%n", str(n))


def render(p: Phrase, translate: Translate) -> str:
    text = translate(p.context, p.key, p.n)
    if not p.params:
        return text
    values = {name: _value(value, translate) for name, value in p.params}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: the key, not a crash
        return english(p.context, p.key, p.n).format(**values)


def _value(value: Value, translate: Translate) -> str:
    if isinstance(value, Phrase):
        return render(value, translate)
    if isinstance(value, tuple):
        return ", ".join(render(item, translate) for item in value)
    return str(value)


def render_lines(lines: Sequence[Phrase], translate: Translate) -> str:
    return "\n".join(render(line, translate) for line in lines)


def dumps(lines: Sequence[Phrase]) -> str:
    """Phrases as stored text (JSON), one line each."""
    return json.dumps({_MARKER: [_encode(line) for line in lines]}, ensure_ascii=False)


def loads(stored: str) -> list[Phrase] | None:
    """The phrases of stored text; None when it is plain text (typed, or stored before)."""
    if not stored.startswith('{"' + _MARKER + '"'):
        return None
    try:
        lines = json.loads(stored)[_MARKER]
        return [_decode(line) for line in lines]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def render_stored(stored: str, translate: Translate) -> str:
    """Stored text for the reader: phrases rendered in their language, plain text as it is."""
    lines = loads(stored)
    return stored if lines is None else render_lines(lines, translate)


def _encode(p: Phrase) -> dict[str, Any]:
    out: dict[str, Any] = {"c": p.context, "k": p.key}
    if p.n is not None:
        out["n"] = p.n
    if p.params:
        out["p"] = {name: _encode_value(value) for name, value in p.params}
    return out


def _encode_value(value: Value) -> Any:
    if isinstance(value, Phrase):
        return _encode(value)
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    return value


def _decode(data: dict[str, Any]) -> Phrase:
    params = tuple((name, _decode_value(value)) for name, value in data.get("p", {}).items())
    n = data.get("n")
    return Phrase(str(data["c"]), str(data["k"]), None if n is None else int(n), params)


def _decode_value(value: Any) -> Value:
    if isinstance(value, dict):
        return _decode(value)
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return str(value)
    return value
