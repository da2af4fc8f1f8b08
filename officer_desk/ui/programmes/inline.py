"""Writes started from a panel (not a dialog): messages next to the inputs, nothing else moves.

A panel keeps one :class:`InlineMessages` per form; :func:`run_write` clears it, runs the use
case on the database worker and, on a refusal, puts ``DeskError.message`` next to the field the
``ValidationError`` names (or under the form when no field matches).  Bugs go to the one crash
dialog through ``DbExecutor.failed``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError, ValidationError
from officer_desk.ui.dialogs.form import FieldMessage

if TYPE_CHECKING:
    from officer_desk.store.database import Store


class InlineMessages:
    """The field messages of one inline form, and one general message under it."""

    def __init__(self) -> None:
        self.general = FieldMessage()
        self.fields: dict[str, FieldMessage] = {}

    def field(self, name: str) -> FieldMessage:
        message = self.fields.get(name)
        if message is None:
            message = self.fields[name] = FieldMessage()
        return message

    def clear(self) -> None:
        self.general.clear_message()
        for message in self.fields.values():
            message.clear_message()

    def say(self, field: str | None, text: str) -> None:
        (self.fields.get(field or "") or self.general).say(text)

    def visible_text(self) -> list[str]:
        """What is shown now (for tests and the self-test)."""
        shown = [m.text() for m in self.fields.values() if not m.isHidden()]
        return shown + ([self.general.text()] if not self.general.isHidden() else [])


def run_write(
    executor: DbExecutor,
    work: Callable[[Store], Any],
    *,
    owner: QObject,
    messages: InlineMessages,
    on_done: Callable[[Any], None] | None = None,
    button: QAbstractButton | None = None,
) -> None:
    """Run ``work`` on the worker; refusals land next to their field, the input stays."""
    messages.clear()
    if button is not None:
        button.setEnabled(False)

    def done(result: Any) -> None:
        if button is not None:
            button.setEnabled(True)
        if on_done is not None:
            on_done(result)

    def failed(error: BaseException) -> None:
        if button is not None:
            button.setEnabled(True)
        if isinstance(error, ValidationError):
            messages.say(error.field, error.message)
        elif isinstance(error, DeskError):
            messages.say(None, error.message)
        else:
            executor.failed.emit(error)

    executor.submit(work, done, failed, owner=owner)
