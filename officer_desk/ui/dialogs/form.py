"""What every logging dialog shares: inline messages next to fields, saving on the worker.

A dialog checks what it can before anything is sent (empty fields, times in the future,
an end before the start); the service checks again and its :class:`ValidationError` names
the field, so the message lands next to the right input.  On any refusal the dialog stays
open with everything typed still in it.  A message goes as soon as its input is changed (the
input on the form row above it), and Ctrl+Enter saves from a multi-line text as Enter does
from any other field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError, ValidationError
from officer_desk.ui import vocabulary
from officer_desk.ui.fit import grow_to_fit

if TYPE_CHECKING:
    from officer_desk.store.database import Store

log = logging.getLogger("officer_desk.ui")

# The service's own tolerance (domain.rules.FUTURE_TOLERANCE); checked here first so the
# message appears at once, next to the time.
FUTURE_TOLERANCE = timedelta(minutes=5)


def local_now() -> datetime:
    return datetime.now().astimezone()


def local_moment(day: QDate | date, at: QTime | time) -> datetime:
    """A local date and wall-clock time as an aware datetime."""
    d: date = day.toPython() if isinstance(day, QDate) else day  # type: ignore[assignment]
    t: time = at.toPython() if isinstance(at, QTime) else at  # type: ignore[assignment]
    return datetime.combine(d, t.replace(second=0, microsecond=0)).astimezone()


class FieldMessage(QLabel):
    """A short message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FieldMessage")
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class FormDialog(QDialog):
    """A dialog that saves through one use case on the worker and keeps its input on failure."""

    saved = Signal(object)  # the Change, after the dialog has closed

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self.messages: dict[str, FieldMessage] = {}
        self.general = FieldMessage()
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.saving = False
        self._watching = False
        self._inputs: dict[FieldMessage, set[QWidget]] = {}  # a message and what it is about

    def field_message(self, field: str) -> FieldMessage:
        message = self.messages.get(field)
        if message is None:
            message = self.messages[field] = FieldMessage()
        return message

    def finish_layout(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

    def clear_messages(self) -> None:
        self.general.clear_message()
        for message in self.messages.values():
            message.clear_message()

    def show_problem(self, field: str | None, text: str) -> None:
        target = self.messages.get(field or "")
        (target or self.general).say(text)
        grow_to_fit(self)  # the message must not be cut off at the dialog's first size

    # --- messages go when the input is fixed; Ctrl+Enter saves --------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._watching:  # every field exists by the first show
            self._watching = True
            watch_inputs(self, self._edited)
            self._inputs = {m: inputs_above(self, m) for m in self.findChildren(FieldMessage)}

    def _edited(self, widget: QWidget) -> None:
        self.general.clear_message()
        for message, inputs in self._inputs.items():
            if widget in inputs:
                message.clear_message()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_ctrl_enter(watched, event):
            self.save()
            return True
        return super().eventFilter(watched, event)

    # --- subclasses ------------------------------------------------------------------------

    def check(self) -> list[tuple[str | None, str]]:
        """Problems found before saving: (field, message) pairs; empty when all is well."""
        return []

    def work(self) -> Callable[[Store], Any]:
        """The use case to run on the worker, built from plain values read off the form."""
        raise NotImplementedError

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        if self.saving:
            return  # a second Enter while the first save is on its way
        self.clear_messages()
        problems = self.check()
        if problems:
            for field, text in problems:
                self.show_problem(field, text)
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self._executor.submit(self.work(), self._saved, self._failed, owner=self)

    def _saved(self, change: object) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.accept()
        self.saved.emit(change)

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_problem(error.field, error.message)
        elif isinstance(error, DeskError):
            self.general.say(error.message)
        else:
            # A bug, not the person's input: the one crash dialog (the form stays as typed).
            self._executor.failed.emit(error)


def is_ctrl_enter(watched: QObject, event: QEvent) -> bool:
    """Ctrl+Enter (or Ctrl+Return) in a multi-line text: save, as Enter does elsewhere."""
    return (
        isinstance(watched, QPlainTextEdit)
        and event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    )


def watch_inputs(dialog: QDialog, edited: Callable[[QWidget], None]) -> None:
    """Call ``edited(widget)`` whenever the person changes any input of ``dialog``; its
    multi-line texts pass Ctrl+Enter to the dialog's event filter."""
    for widget in dialog.findChildren(QWidget):
        signals: list[Any] = []
        if isinstance(widget, QLineEdit):
            signals = [widget.textEdited]
        elif isinstance(widget, QPlainTextEdit):
            signals = [widget.textChanged]
            widget.installEventFilter(dialog)
        elif isinstance(widget, QComboBox):
            signals = [widget.currentIndexChanged, widget.editTextChanged]
        elif isinstance(widget, QSpinBox):
            signals = [widget.valueChanged]
        elif isinstance(widget, QDateTimeEdit):
            signals = [widget.dateTimeChanged]
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            signals = [widget.toggled]
        elif isinstance(widget, QListWidget):
            signals = [widget.itemChanged]
        for signal in signals:
            signal.connect(lambda *_args, w=widget: edited(w))


def inputs_above(dialog: QDialog, message: QWidget) -> set[QWidget]:
    """The input a field message speaks of: what the form row above it holds (with
    everything inside it), or nothing when the message is not under a row."""
    for form in dialog.findChildren(QFormLayout):
        position: Any = form.getWidgetPosition(message)
        row = int(position[0])
        if row <= 0:
            continue
        for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
            item = form.itemAt(row - 1, role)
            if item is not None:
                return _widgets_in(item.widget(), item.layout())
    return set()


def _widgets_in(widget: QWidget | None, layout: QLayout | None) -> set[QWidget]:
    found: set[QWidget] = set()
    if widget is not None:
        found |= {widget, *widget.findChildren(QWidget)}
    if layout is not None:
        for n in range(layout.count()):
            item = layout.itemAt(n)
            if item is not None:
                found |= _widgets_in(item.widget(), item.layout())
    return found


class TimeSpan(QWidget):
    """When something happened: a day, a start and an end (local wall-clock time)."""

    def __init__(self, now: datetime, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QTimeEdit

        start = now - timedelta(minutes=minutes)
        day = start.date()
        self.day = QDateEdit(QDate(day.year, day.month, day.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(vocabulary.date_input_format())
        self.start = QTimeEdit(QTime(start.hour, start.minute))
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(QTime(now.hour, now.minute))
        self.end.setDisplayFormat("HH:mm")
        self.day.setAccessibleName(self.tr("Day"))
        self.start.setAccessibleName(self.tr("Start"))
        self.end.setAccessibleName(self.tr("End"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day)
        row.addWidget(QLabel(self.tr("from")))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end)
        row.addStretch(1)

    def started_at(self) -> datetime:
        return local_moment(self.day.date(), self.start.time())

    def ended_at(self) -> datetime:
        return local_moment(self.day.date(), self.end.time())

    def minutes(self) -> int:
        return int((self.ended_at() - self.started_at()).total_seconds() // 60)

    def problems(self, now: datetime, what: str) -> list[tuple[str | None, str]]:
        """The span's own checks: not in the future, and an end after the start."""
        if self.started_at() > now + FUTURE_TOLERANCE:
            return [
                (
                    "started_at",
                    self.tr("{what} starts in the future; enter a time that has passed.").format(
                        what=what
                    ),
                )
            ]
        if self.ended_at() <= self.started_at():
            return [("duration_minutes", self.tr("The end is before the start; check both times."))]
        if self.ended_at() > now + FUTURE_TOLERANCE:
            return [
                (
                    "duration_minutes",
                    self.tr("The end is in the future; enter a time that has passed."),
                )
            ]
        return []
