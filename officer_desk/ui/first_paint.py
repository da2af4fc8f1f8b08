"""For the start-up benchmark: report the first paints, quit after the one that shows data."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Prints ``<what>: <ms> ms`` (since ``started``) after the next paint of ``widget``."""

    def __init__(
        self,
        widget: QWidget,
        started: float,
        what: str,
        *,
        then_quit: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._widget = widget
        self._started = started
        self._what = what
        self._then_quit = then_quit

    def arm(self) -> None:
        self._widget.installEventFilter(self)
        self._widget.update()

    def arm_after(self, ready: SignalInstance) -> None:
        """Watch for the paint that follows ``ready`` (the data is in), not an earlier one."""
        ready.connect(self.arm, Qt.ConnectionType.SingleShotConnection)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # After this paint is done and flushed to the screen, not before.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        elapsed = (time.perf_counter() - self._started) * 1000
        print(f"{self._what}: {elapsed:.0f} ms", flush=True)
        if self._then_quit:
            QCoreApplication.exit(0)
