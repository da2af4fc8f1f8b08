"""Errors that carry a message fit to show a person, raised before anything is written."""

from __future__ import annotations

from collections.abc import Callable

# The screen shows messages in the person's language: the UI installs a translating function
# here (officer_desk.ui.i18n); the command line and the logs keep the English text.
_translate: Callable[[str], str] | None = None


def set_message_translator(translate: Callable[[str], str] | None) -> None:
    global _translate
    _translate = translate


class DeskError(Exception):
    """Something the person can act on; ``message`` is written for them, not for a developer.

    ``english`` is the text as raised (also ``str(error)``); ``message`` is that text in the
    interface's language.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.english = message

    @property
    def message(self) -> str:
        return self.english if _translate is None else _translate(self.english)


class ValidationError(DeskError):
    """Input that cannot be saved.  ``field`` names the input it is about, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(DeskError):
    """A record the request names does not exist (or is no longer visible here)."""


class PermissionDenied(DeskError):
    """The signed-in person may not do this; ``entity``/``entity_id`` say what was asked for."""

    def __init__(self, message: str, entity: str = "", entity_id: str | None = None) -> None:
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id
