"""After the first screen: what it did not need, loaded one step at a time.

A step runs either on the database worker (importing modules, warming the ORM) or on the GUI
thread (building a screen), never both at once: a screen built while the worker runs Python
waits for the interpreter lock in every switch interval, and 30 ms of building became an
80-140 ms stall (``benchmarks/officer_day_bench.py``).  Each GUI step gets an event-loop turn
of its own, a short real timer after the previous step, so the screen repaints in between.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from officer_desk.app.executor import DbExecutor

if TYPE_CHECKING:
    from officer_desk.store.database import Store

log = logging.getLogger("officer_desk.ui")

# A later event-loop turn with a real (if short) timer rather than singleShot(0), which is a
# posted event delivered along with whatever else is posted: in officer_day_bench the stall
# while the desk settles went from 111-167 to 91-126 ms with it.
NEXT_TURN_MS = 15


@dataclass(frozen=True)
class Step:
    """One step: ``work`` on the worker, or ``build`` on the GUI thread.  A worker step whose
    ``head_start`` is set only saves time later: if it fails, that is logged and the rest runs
    (the same work runs again when it is needed, and fails there if it really cannot)."""

    name: str
    work: Callable[[Store], object] | None = None
    build: Callable[[], object] | None = None
    head_start: bool = False


def on_worker(name: str, work: Callable[[Store], object], *, head_start: bool = False) -> Step:
    return Step(name, work=work, head_start=head_start)


def on_screen(name: str, build: Callable[[], object]) -> Step:
    return Step(name, build=build)


class Settling(QObject):
    """Runs a sequence of steps once; ``settled`` when the last is done (or a step that is
    not a head start failed).  Started again while it runs, it carries on with the sequence
    it has (the new one would repeat it)."""

    settled = Signal()

    def __init__(self, executor: DbExecutor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self._steps: list[Step] = []

    @property
    def running(self) -> bool:
        return bool(self._steps)

    def start(self, steps: Sequence[Step]) -> None:
        if self._steps:
            return
        self._steps = list(steps)
        self._next()

    def _next(self) -> None:
        if not self._steps:
            self.settled.emit()
            return
        step = self._steps[0]
        if step.work is not None:
            failed = self._skip if step.head_start else self._stop
            self._executor.submit(step.work, self._done, failed, owner=self)
        else:
            QTimer.singleShot(NEXT_TURN_MS, self, self._build)

    def _build(self) -> None:
        step = self._steps[0]
        assert step.build is not None
        try:
            step.build()
        except Exception as error:  # a screen that cannot be built: reported like the rest
            self._stop(error)
            return
        self._done(None)

    def _done(self, _result: object) -> None:
        self._steps.pop(0)
        self._next()

    def _stop(self, error: BaseException) -> None:
        # What the screens need later cannot load: the rest would fail the same way.  As any
        # unhandled worker error: logged, and the crash dialog offered.  Still ``settled``:
        # what waits for it (the window's sync, the supervisor's screens) goes on without.
        self._steps.clear()
        log.error("settling failed", exc_info=error)
        self._executor.failed.emit(error)
        self.settled.emit()

    def _skip(self, error: BaseException) -> None:
        log.warning("settling: %s failed: %r", self._steps[0].name, error)
        self._done(None)
