"""The database executor: one worker thread owns all SQLite work; results return on the GUI thread.

Screens call :meth:`DbExecutor.submit` with a function of the :class:`Store`; the function runs
on the single worker, and ``on_done`` / ``on_error`` run later on the thread that owns the
executor (the GUI thread).  Writes that return a :class:`Change` are also announced through
:attr:`DbExecutor.changed`, the one signal screens refresh from.  Callbacks whose ``owner``
widget has been deleted meanwhile are dropped instead of touching a dead C++ object.
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


class _Delivery:
    __slots__ = ("error", "on_done", "on_error", "owner", "result")

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        owner: QObject | None,
    ) -> None:
        self.on_done = on_done
        self.on_error = on_error
        self.owner = owner
        self.result: Any = None
        self.error: BaseException | None = None


class DbExecutor(QObject):
    changed = Signal(object)  # Change
    failed = Signal(object)  # an exception nobody handled (goes to the crash dialog)
    _finished = Signal(object)  # _Delivery, crossing from the worker to this object's thread

    def __init__(self, store: Store | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="officer-desk-db")
        self._store = store
        self._pending = 0
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._pending > 0

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
        delivery = _Delivery(on_done, on_error, owner)
        self._pending += 1

        def job() -> T:
            try:
                delivery.result = work()
                return delivery.result
            except BaseException as error:
                delivery.error = error
                raise
            finally:
                self._finished.emit(delivery)

        try:
            return self._pool.submit(job)
        except RuntimeError:
            # The worker has stopped (the app is closing): a late callback's follow-up work
            # (building a screen, starting the sync) has nothing left to run for.
            self._pending -= 1
            log.info("not run, the database worker has stopped: %s", work)
            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped

    @Slot(object)
    def _deliver(self, delivery: _Delivery) -> None:
        self._pending -= 1
        if delivery.owner is not None and not shiboken6.isValid(delivery.owner):
            return
        if delivery.error is not None:
            if delivery.on_error is not None:
                delivery.on_error(delivery.error)
            else:
                log.error(
                    "unhandled error in database work:\n%s",
                    "".join(traceback.format_exception(delivery.error)),
                )
                self.failed.emit(delivery.error)
            return
        if isinstance(delivery.result, Change):
            self.changed.emit(delivery.result)
        if delivery.on_done is not None:
            delivery.on_done(delivery.result)

    def shutdown(self) -> None:
        """Finish queued work (so nothing typed is lost), then stop the worker and close."""
        self._pool.shutdown(wait=True)
        if self._store is not None:
            self._store.close()
