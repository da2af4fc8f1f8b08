"""For the start-up benchmark: quit right after the first paint that shows data."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    def __init__(self, widget: QWidget, started: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._widget = widget
        self._started = started

    def arm_after(self, ready: SignalInstance) -> None:
        """Watch for the next paint of the widget once ``ready`` fires (the data is in)."""
        ready.connect(self._arm, Qt.ConnectionType.SingleShotConnection)

    def _arm(self) -> None:
        self._widget.installEventFilter(self)
        self._widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # After this paint is done and flushed to the screen, not before.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        elapsed = (time.perf_counter() - self._started) * 1000
        print(f"first paint with data: {elapsed:.0f} ms", flush=True)
        QCoreApplication.exit(0)
