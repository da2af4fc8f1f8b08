"""Reads for a screen only while it can be seen.

The person page keeps its programmes and release-plan panels in tabs: each person opened and
each change to them made both panels read on the worker even when nobody was looking at
them (the home screen was showing, or another tab), competing with the screen that was.  A
panel asks through ``ReadWhenShown.request``: shown, it reads now; hidden, it is only marked
stale and reads once when next shown.  ``PersonPanel`` is such a panel about one person.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor


class ReadWhenShown(QObject):
    def __init__(self, widget: QWidget, read: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._read = read
        self._stale = False
        widget.installEventFilter(self)

    @property
    def stale(self) -> bool:
        """A read was asked for while the widget was hidden, and has not run yet."""
        return self._stale

    def request(self) -> None:
        if self._widget.isVisible():
            self._stale = False
            self._read()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._read()
        return False


class PersonPanel(QWidget):
    """A panel about one person (a tab of the person page): it reads on the worker while it
    can be seen, and again after a change that concerns the person."""

    loaded = Signal()  # the person's data is shown
    status = Signal(str)  # a short confirmation for the status bar

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._actor = actor
        self._today = today
        self.inmate_id: str | None = None
        self._reads = ReadWhenShown(self, self._read_if_someone)
        executor.changed.connect(self._changed)

    def reload(self) -> None:
        """Read the person's data now if the panel can be seen, else when it is."""
        self._reads.request()

    def _read_if_someone(self) -> None:
        if self.inmate_id is not None:
            self._read(self.inmate_id)

    def _read(self, inmate_id: str) -> None:
        """Submit the read of ``inmate_id``'s data (its answer shows it and emits loaded)."""
        raise NotImplementedError

    def _concerns(self, change: Change) -> bool:
        return self.inmate_id is not None and self.inmate_id in change.inmate_ids

    @Slot(object)
    def _changed(self, change: Change) -> None:
        if self._concerns(change):
            self.reload()
