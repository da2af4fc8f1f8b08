"""First paints: start the rest of the app after the window's first paint; report paints for the
start-up benchmark."""

from __future__ import annotations

import time
from collections.abc import Callable

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


class AfterFirstPaint(QObject):
    """Calls ``then`` once, after ``widget``'s first paint has reached the screen, or after
    ``at_latest_ms`` (a window that is never exposed, kept minimised, still gets the rest)."""

    def __init__(self, widget: QWidget, then: Callable[[], object], at_latest_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], object] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(at_latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._widget.removeEventFilter(self)
            then()
