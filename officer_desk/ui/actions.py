"""The desk's keyboard shortcuts as QActions: one place, shown in menus and tooltips."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton


def with_shortcut(text: str, shortcut: QKeySequence | str) -> str:
    """``"Log a meal (Ctrl+M)"``: the tooltip that teaches the key."""
    keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({keys})" if keys else text


class DeskActions(QObject):
    """What an officer does all shift, each with a key; menus and buttons share these."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_meal = self._action(
            self.tr("Log &meal…"), "Ctrl+M", self.tr("Log a meal for everyone on the caseload")
        )
        self.log_activity = self._action(
            self.tr("Log &activity…"),
            "Ctrl+Shift+A",
            self.tr("Log an activity for one or more people"),
        )
        self.conversation = self._action(
            self.tr("&Conversation…"), "Ctrl+Shift+C", self.tr("Record a one-to-one conversation")
        )
        self.note = self._action(self.tr("&Note…"), "Ctrl+N", self.tr("Write a case note"))
        self.strength = self._action(
            self.tr("&Strength or progress…"),
            "Ctrl+Shift+N",
            self.tr("Record something that went well"),
        )
        self.undo_meal = self._action(
            self.tr("&Undo last meal log…"),
            "Ctrl+Shift+Z",
            self.tr("Undo your last meal log in this shift"),
        )
        self.find_person = self._action(
            self.tr("&Find person…"), "Ctrl+F", self.tr("Find a person by name or cell")
        )
        self.next_person = self._action(
            self.tr("Ne&xt person"), "Ctrl+PgDown", self.tr("Next person on the caseload")
        )
        self.previous_person = self._action(
            self.tr("&Previous person"), "Ctrl+PgUp", self.tr("Previous person on the caseload")
        )
        self.home = self._action(
            self.tr("Caseload &home"), "Alt+Home", self.tr("Back to the caseload")
        )
        # Not in ``all``: sync is not caseload work (an admin has none); the sync indicator
        # enables it while a hub is configured.
        self.sync_now = self._action(
            self.tr("S&ync now"), "Ctrl+Shift+Y", self.tr("Send and receive changes with the hub")
        )
        self.all = [
            self.log_meal,
            self.log_activity,
            self.conversation,
            self.note,
            self.strength,
            self.undo_meal,
            self.find_person,
            self.next_person,
            self.previous_person,
            self.home,
        ]

    def _action(self, text: str, shortcut: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(with_shortcut(tip, shortcut))
        action.setStatusTip(tip)
        return action

    def set_enabled(self, enabled: bool) -> None:
        for action in self.all:
            action.setEnabled(enabled)


def bind(button: QAbstractButton, action: QAction) -> None:
    """A button that triggers ``action`` and shows its tooltip (with the key)."""
    button.setToolTip(action.toolTip())
    button.clicked.connect(action.trigger)
    button.setEnabled(action.isEnabled())
    action.enabledChanged.connect(button.setEnabled)
