"""Argon2id while the person pauses: the sign-in page's key derivation, started before Enter.

Argon2id (t=3, 64 MiB, p=1) is what most of the wait after Enter is.  Its cost stays; it is
hidden: when the user name and password fields have been still for :data:`PAUSE_MS`, the
derivation starts on a thread of its own (not the GUI thread, not the database worker), and
at Enter the sign-in uses it if it was made for exactly what is typed now.  Nothing is checked
before Enter: the result says nothing about whether the password is right, and the attempt is
counted and audited at Enter as always (``KeySlots.unlock``).

A derived key never outlives its sign-in: any change to either field, a failed or finished
sign-in, switching officer, locking, hiding the page and :data:`KEEP_MS` without Enter each
wipe it (``DerivedAhead.wipe``; a derivation still running is wiped when it ends).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    # Only the type: the GUI thread does not load the cryptography before the first paint.
    from officer_desk.store.keyslots import DerivedAhead

    Ahead = Future[DerivedAhead | None]  # a derivation under way or done

log = logging.getLogger("officer_desk.ui")

PAUSE_MS = 300  # typing pauses shorter than this are between keys, not before Enter
KEEP_MS = 60_000  # an abandoned sign-in: the key is wiped, the text stays

Derive = Callable[[str, str], "DerivedAhead | None"]


class KeyAhead(QObject):
    """Derives ahead for one pair of fields; :meth:`take` hands the derivation to the sign-in."""

    # A derivation for the text now in the fields has finished (benchmarks, tests).
    ready = Signal()
    _finished = Signal(int)  # from the derivation's thread; queued to the GUI thread

    def __init__(self, derive: Derive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._derive = derive
        self._texts: tuple[str, str] = ("", "")
        self._generation = 0  # bumped by every change: a derivation belongs to one
        self._future: Future[DerivedAhead | None] | None = None
        self._future_generation = -1
        self._pool: ThreadPoolExecutor | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._start)
        self._keep = QTimer(self)
        self._keep.setSingleShot(True)
        self._keep.setInterval(KEEP_MS)
        self._keep.timeout.connect(self.discard)
        self._finished.connect(self._derived)

    @property
    def pending(self) -> bool:
        """A derivation for the current text is running or done (not yet taken)."""
        return self._future is not None and self._future_generation == self._generation

    def text_changed(self, username: str, password: str) -> None:
        """The fields changed: what was derived is for other text; wait for the next pause."""
        self.discard()
        self._texts = (username.strip(), password)
        if self._texts[0] and password:
            self._pause.start()

    def take(self) -> Future[DerivedAhead | None] | None:
        """At Enter: the derivation for the current text (running or done), now the caller's
        to wipe (:func:`wipe_when_done`), or None when there is none."""
        self._pause.stop()
        self._keep.stop()
        if not self.pending:
            return None
        future, self._future = self._future, None
        return future

    def discard(self) -> None:
        """Forget and wipe any derivation (a change, a failure, switch, lock, hidden page)."""
        self._generation += 1
        self._pause.stop()
        self._keep.stop()
        future, self._future = self._future, None
        if future is not None:
            wipe_when_done(future)

    def shutdown(self) -> None:
        self.discard()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _start(self) -> None:
        username, password = self._texts
        if self._pool is None:
            # One thread: a derivation started by an earlier pause finishes (or is cancelled
            # while queued) before the next, so two never compete for the cores.
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="officer-desk-key")
        generation = self._generation
        future = self._pool.submit(self._derive, username, password)
        self._future, self._future_generation = future, generation
        future.add_done_callback(lambda _done: self._finished.emit(generation))
        self._keep.start()

    def _derived(self, generation: int) -> None:
        if generation == self._generation and self._future is not None:
            self.ready.emit()


def wipe_when_done(future: Future[DerivedAhead | None]) -> None:
    """Wipe the derived key once the derivation ends (now, if it has); cancel it if queued."""
    if future.cancel():
        return
    future.add_done_callback(_wipe)


def _wipe(future: Future[DerivedAhead | None]) -> None:
    if future.cancelled() or future.exception() is not None:
        return
    derived = future.result()
    if derived is not None:
        derived.wipe()


def result_of(future: Future[DerivedAhead | None] | None) -> DerivedAhead | None:
    """For the sign-in on the worker: wait for the derivation (it was started before Enter, so
    this waits for less than a whole one); None if there was none or it failed (the sign-in
    then derives itself, and says what went wrong)."""
    if future is None:
        return None
    try:
        return future.result()
    except Exception:  # the sign-in derives again, and reports what fails then
        log.warning("the key derived ahead failed; deriving at Enter", exc_info=True)
        return None
