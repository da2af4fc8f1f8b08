"""A one-click action's "Undo", on the status bar for a few seconds after it was done.

Done on a follow-up, Enrol and Reassign are one click; the screen that made the change
offers its reverse (an :class:`UndoOffer`) through a signal, and the window's
:class:`UndoNotice` shows it with an Undo button for :data:`UNDO_SECONDS`.  Undo runs the
reverse change on the database worker through the write path (``app.corrections``): audited
as ``undo`` and queued for the hub like any change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError

if TYPE_CHECKING:
    from officer_desk.store.database import Store

UNDO_SECONDS = 10


@dataclass(frozen=True)
class UndoOffer:
    """What was done (shown beside Undo), its reverse change, and what to say once undone."""

    done: str
    undo: Callable[[Store], Any]
    undone: str


class UndoNotice(QWidget):
    """The latest undoable action with an Undo button; hidden again after ten seconds."""

    said = Signal(str)  # after an undo (or its refusal): a line for the status bar

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UndoNotice")
        self._executor = executor
        self.offered: UndoOffer | None = None
        self.text = QLabel()
        self.button = QPushButton(self.tr("Undo"))
        self.button.setObjectName("QuietButton")
        self.button.setAutoDefault(False)
        self.button.setAccessibleName(self.tr("Undo the last action"))
        self.button.clicked.connect(self.undo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 8, 0)
        row.addWidget(self.text)
        row.addWidget(self.button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UNDO_SECONDS * 1000)
        self._timer.timeout.connect(self.withdraw)
        self.hide()

    @Slot(object)
    def offer(self, offer: UndoOffer) -> None:
        self.offered = offer
        self.text.setText(offer.done)
        self.button.setEnabled(True)
        self.show()
        self._timer.start()

    @Slot()
    def withdraw(self) -> None:
        """The time is up (or someone signs out): nothing is offered any more."""
        self._timer.stop()
        self.offered = None
        self.hide()

    @Slot()
    def undo(self) -> None:
        offer = self.offered
        if offer is None:
            return
        self.withdraw()
        self._executor.submit(
            offer.undo, lambda _change: self.said.emit(offer.undone), self._refused, owner=self
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            self.said.emit(error.message)
        else:
            self._executor.failed.emit(error)
