"""SIGTERM and SIGINT close the desk the normal way: queued writes finished, store closed, exit 0.

Python runs a signal handler only when the interpreter gets control back, and while Qt's event
loop waits in C for events that may be never (an idle desk at night, a logout that ends the
session with SIGTERM).  So the C-level handler writes the signal's number to a socket
(``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches: Qt wakes, Python runs the
handler, and the handler only asks the event loop to end.  Everything after that is the same
path as File → Quit (``application.run``'s clean-up).  A second signal while that clean-up
hangs gets the default action back: the system may still end a stuck process.  Where no
socket pair can be made, a timer hands Python control twice a second instead.
"""

from __future__ import annotations

import logging
import signal
import socket
from types import FrameType

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Slot

log = logging.getLogger("officer_desk.ui")

HANDLED = (signal.SIGTERM, signal.SIGINT)
POLL_MS = 500  # where there is no wake-up socket


class CloseOnSignals(QObject):
    """Installed once by the launcher for the life of the event loop; :meth:`uninstall` puts
    the previous handlers and wake-up descriptor back."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.received: int | None = None
        self._previous: dict[int, object] = {}
        self._previous_wakeup = -1
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self._timer: QTimer | None = None

    def install(self) -> None:
        for number in HANDLED:
            self._previous[number] = signal.signal(number, self._handle)
        try:
            reading, writing = socket.socketpair()
        except OSError:
            log.info("no wake-up socket for signals: polling for them")
            self._timer = QTimer(self)
            self._timer.timeout.connect(lambda: None)  # Python's turn: pending handlers run
            self._timer.start(POLL_MS)
            return
        for end in (reading, writing):
            end.setblocking(False)
        self._sockets = (reading, writing)
        self._previous_wakeup = signal.set_wakeup_fd(writing.fileno())
        self._notifier = QSocketNotifier(reading.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def uninstall(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
        self._previous.clear()
        if self._sockets is not None:
            assert self._notifier is not None
            self._notifier.setEnabled(False)
            signal.set_wakeup_fd(self._previous_wakeup)
            for end in self._sockets:
                end.close()
            self._sockets = None
        if self._timer is not None:
            self._timer.stop()

    @Slot()
    def _drain(self) -> None:
        """The wake-up: Python's handler has run by now; empty the socket for the next one."""
        assert self._sockets is not None
        try:
            while self._sockets[0].recv(64):
                pass
        except BlockingIOError:
            pass

    def _handle(self, number: int, _frame: FrameType | None) -> None:
        if self.received is not None:
            return  # already closing; the second signal gets the default action below
        self.received = number
        log.info("%s received: closing", signal.Signals(number).name)
        for handled in HANDLED:
            signal.signal(handled, signal.SIG_DFL)
        # Not from inside the handler: the event loop ends at its next turn.
        QTimer.singleShot(0, lambda: QCoreApplication.exit(0))
