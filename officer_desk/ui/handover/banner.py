"""A strip above every page while handed-over handovers wait for the signed-in officer (the
incoming officer, or a supervisor of the unit) to acknowledge and sign: unacknowledged
handovers stay visible until someone takes them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.ui import vocabulary, words

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.store.handover import HandoverSummary


def _read_waiting(officer_id: str) -> Callable[[Store], list[HandoverSummary]]:
    """``reads.read_waiting``, its module (and the handover queries behind it) imported on
    the worker: the banner is built with the window, before the first screen."""

    def work(store: Store) -> list[HandoverSummary]:
        from officer_desk.app.reads.handover import read_waiting

        return read_waiting(officer_id)(store)

    return work


class HandoverBanner(QFrame):
    open_requested = Signal(str)  # handover id

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HandoverBanner")  # styled in the stylesheet
        self._executor = executor
        self.officer_id: str | None = None
        self.waiting: list[HandoverSummary] = []
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Read and sign"))
        self.open_button.setAccessibleName(self.tr("Open the handover waiting for you"))
        self.open_button.clicked.connect(self._open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 6, 20, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        self.hide()
        executor.changed.connect(self._on_changed)

    def watch(self, officer_id: str | None) -> None:
        """Follow the handovers waiting for ``officer_id`` (None: nobody is signed in)."""
        self.officer_id = officer_id
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self.officer_id is None:
            self.waiting = []
            self.hide()
            return
        self._executor.submit(
            _read_waiting(self.officer_id), self._show, lambda _error: self.hide(), owner=self
        )

    def _show(self, waiting: list[HandoverSummary]) -> None:
        self.waiting = waiting
        if not waiting:
            self.hide()
            return
        first = waiting[-1]  # the oldest first: it has waited longest
        people = sum(h.unacknowledged for h in waiting)
        if len(waiting) == 1:
            text = self.tr(
                "A handover waits for you: {people} not acknowledged yet. From "
                "{outgoing}, shift {start} – {end}."
            )
        else:
            text = self.tr(
                "{n} handovers wait for you: {people} not acknowledged yet. Oldest: "
                "{outgoing}, shift {start} – {end}."
            )
        self.text.setText(
            text.format(
                n=len(waiting),
                people=words.people(people),
                outgoing=first.outgoing,
                start=vocabulary.short_moment(first.shift_start),
                end=vocabulary.short_moment(first.shift_end),
            )
        )
        self.show()

    @Slot()
    def _open(self) -> None:
        if self.waiting:
            self.open_requested.emit(self.waiting[-1].id)

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        if self.officer_id is None:
            return
        from officer_desk.app.reads.handover import HANDOVER_ENTITIES  # loaded by refresh()

        if change.entities & HANDOVER_ENTITIES:
            self.refresh()
