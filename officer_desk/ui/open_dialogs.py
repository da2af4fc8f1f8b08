"""The dialogs a screen has opened and not yet closed.

Hidden while the desk is locked (what was typed in them is kept), shown again when the same
officer unlocks, closed when someone else signs in or out: no one's records stay on screen.
The desk (logging dialogs) and the supervisor's screens (reassignment, cover) each keep one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


class OpenDialogs:
    def __init__(self) -> None:
        self.shown: list[QDialog] = []  # open, in the order they were opened
        self._hidden: list[QDialog] = []  # hidden by the lock

    def open(self, dialog: QDialog) -> None:
        self.shown.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if dialog in self.shown:
            self.shown.remove(dialog)
        dialog.deleteLater()

    def hide(self) -> None:
        """The desk is locked: hide every one on screen (kept, with what was typed)."""
        for dialog in self.shown:
            if dialog.isVisible():
                self._hidden.append(dialog)
                dialog.hide()

    def show(self) -> None:
        """Unlocked by the same officer: show again what the lock hid."""
        for dialog in self._hidden:
            if dialog in self.shown:
                dialog.show()
        self._hidden.clear()

    def close(self) -> None:
        """Someone else is coming (or no one): close them all, nothing kept."""
        for dialog in list(self.shown):
            dialog.reject()
            dialog.deleteLater()
        self.shown.clear()
        self._hidden.clear()
