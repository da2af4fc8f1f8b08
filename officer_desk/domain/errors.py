"""Errors that carry a message fit to show a person, raised before anything is written.

A message is a *key* with parameters, never a rendered sentence: the key is the English
text with ``{fields}`` (``"There is no account called {username}."``), the values go in
as keywords.  The screen renders it in the reader's language (``message``); ``str(error)``,
the logs and the command line read the English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

# The screen shows messages in the person's language: the UI installs a function that
# translates a key (or a word passed as a value) from the catalogue, context "messages".
# The command line and the logs keep the English text.
_translate: Callable[[str], str] | None = None


def set_message_translator(translate: Callable[[str], str] | None) -> None:
    global _translate
    _translate = translate


def render(key: str, params: Mapping[str, object], translate: Callable[[str], str] | None) -> str:
    """The message ``key`` with its values, translated by ``translate`` (None: English).

    Text values are translated too when the catalogue has them: the services pass words
    (``what="release plans"``, a field's ``label``, a role) that the sentence shows."""
    if translate is None:
        return key.format(**params) if params else key
    template = translate(key)
    if not params:
        return template
    values = {k: translate(v) if isinstance(v, str) and v else v for k, v in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: English, not a crash
        return key.format(**params)


class DeskError(Exception):
    """Something the person can act on; ``message`` is written for them, not for a developer.

    ``key`` is the message as raised (English, with ``{fields}``), ``params`` its values;
    ``english`` (also ``str(error)``) the English sentence; ``message`` the sentence in the
    interface's language.
    """

    def __init__(self, message: str, **params: object) -> None:
        self.key = message
        self.params = params
        self.english = render(message, params, None)
        super().__init__(self.english)

    @property
    def message(self) -> str:
        return render(self.key, self.params, _translate)


class ValidationError(DeskError):
    """Input that cannot be saved.  ``field`` names the input it is about, when there is one."""

    def __init__(self, message: str, field: str | None = None, **params: object) -> None:
        super().__init__(message, **params)
        self.field = field


class NotFound(DeskError):
    """A record the request names does not exist (or is no longer visible here)."""


class PermissionDenied(DeskError):
    """The signed-in person may not do this; ``entity``/``entity_id`` say what was asked for."""

    def __init__(
        self, message: str, entity: str = "", entity_id: str | None = None, **params: object
    ) -> None:
        super().__init__(message, **params)
        self.entity = entity
        self.entity_id = entity_id
