"""The database executor: one worker thread owns all SQLite work; results return on the GUI thread.

Screens call :meth:`DbExecutor.submit` with a function of the :class:`Store`; the function runs
on the single worker, and ``on_done`` / ``on_error`` run later on the thread that owns the
executor (the GUI thread).  Writes that return a :class:`Change` are also announced through
:attr:`DbExecutor.changed`, the one signal screens refresh from.  Callbacks whose ``owner``
widget has been deleted meanwhile are dropped instead of touching a dead C++ object.  The
delivery itself (:class:`DeliversToOwner`) serves the sync thread too (``ui/sync/worker.py``).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from officer_desk.app.change import Change

if TYPE_CHECKING:
    from officer_desk.store.database import Store

log = logging.getLogger("officer_desk.app")
T = TypeVar("T")


class Job:
    """One piece of work for a worker thread, and where its answer goes on the owner's thread."""

    __slots__ = ("error", "on_done", "on_error", "owner", "result", "work")

    def __init__(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        owner: QObject | None,
    ) -> None:
        self.work = work
        self.on_done = on_done
        self.on_error = on_error
        self.owner = owner
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> Any:
        """On the worker: the work's result, or its error kept for the owner and raised."""
        try:
            self.result = self.work()
            return self.result
        except BaseException as error:
            self.error = error
            raise


class DeliversToOwner(QObject):
    """The way answers come back from a worker thread, for :class:`DbExecutor` and the sync
    thread alike: the worker emits the finished :class:`Job` (a queued signal, since this
    object lives on the GUI thread), and its ``on_done`` / ``on_error`` run there, unless the
    ``owner`` widget has been deleted meanwhile.  Subclasses run the jobs on their worker and
    say what an unhandled error and a delivered result mean to them."""

    _finished = Signal(object)  # Job, crossing from the worker to this object's thread
    WORK = "background work"  # what the log calls an unhandled error's work
    LOG = log  # where it is logged

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = 0
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def _job(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        owner: QObject | None,
    ) -> Job:
        """A job counted as pending until it is delivered (or :meth:`_dropped`)."""
        self._pending += 1
        return Job(work, on_done, on_error, owner)

    def _dropped(self) -> None:
        """A job that will never run (its worker has stopped) is no longer pending."""
        self._pending -= 1

    @Slot(object)
    def _deliver(self, job: Job) -> None:
        self._pending -= 1
        if job.owner is not None and not shiboken6.isValid(job.owner):
            return
        if job.error is not None:
            if job.on_error is not None:
                job.on_error(job.error)
            else:
                self._unhandled(job.error)
            return
        self._delivered(job.result)
        if job.on_done is not None:
            job.on_done(job.result)

    def _unhandled(self, error: BaseException) -> None:
        """An error nobody asked to handle: logged."""
        self.LOG.error(
            "unhandled error in %s:\n%s", self.WORK, "".join(traceback.format_exception(error))
        )

    def _delivered(self, result: Any) -> None:
        """Before the ``on_done`` callback, on the owner's thread: nothing by default."""


class DbExecutor(DeliversToOwner):
    changed = Signal(object)  # Change
    failed = Signal(object)  # an exception nobody handled (goes to the crash dialog)
    WORK = "database work"

    def __init__(self, store: Store | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="officer-desk-db")
        self._store = store

    def set_store(self, store: Store) -> None:
        self._store = store

    def submit(
        self,
        work: Callable[[Store], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> Future[T]:
        """Run ``work(store)`` on the database worker."""

        def with_store() -> T:
            if self._store is None:
                raise RuntimeError("the store is not open yet")
            return work(self._store)

        return self._run(with_store, on_done, on_error, owner)

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> Future[T]:
        """Run work that does not need the open store (opening or seeding it) on the worker."""
        return self._run(work, on_done, on_error, owner)

    def _run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        owner: QObject | None,
    ) -> Future[T]:
        job = self._job(work, on_done, on_error, owner)

        def run_job() -> T:
            try:
                result: T = job.run()
                return result
            finally:
                self._finished.emit(job)

        try:
            return self._pool.submit(run_job)
        except RuntimeError:
            # The worker has stopped (the app is closing): a late callback's follow-up work
            # (building a screen, starting the sync) has nothing left to run for.
            self._dropped()
            log.info("not run, the database worker has stopped: %s", work)
            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped

    def _unhandled(self, error: BaseException) -> None:
        super()._unhandled(error)
        self.failed.emit(error)

    def _delivered(self, result: Any) -> None:
        if isinstance(result, Change):
            self.changed.emit(result)

    def shutdown(self) -> None:
        """Finish queued work (so nothing typed is lost), then stop the worker and close."""
        self._pool.shutdown(wait=True)
        if self._store is not None:
            self._store.close()
