"""Errors that carry a message fit to show a person, raised before anything is written."""

from __future__ import annotations


class DeskError(Exception):
    """Something the person can act on; ``message`` is written for them, not for a developer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
