"""Reads for a screen only while it can be seen.

The person page keeps its programmes and release-plan panels in tabs: each person opened and
each change to them made both panels read on the worker even when nobody was looking at
them (the home screen was showing, or another tab), competing with the screen that was.  A
panel asks through ``ReadWhenShown.request``: shown, it reads now; hidden, it is only marked
stale and reads once when next shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


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
