"""Opening the store on the database worker (and filling it with demo data when asked).

The GUI thread only hears about it through signals: ``progress`` while it works, then
``opened`` with the store or ``problem`` with a :class:`DeskError` worded for the person.
"""

from __future__ import annotations

import logging
import traceback
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Signal
from sqlmodel import func, select

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError
from officer_desk.paths import AppPaths
from officer_desk.store.database import Store, open_store
from officer_desk.store.tables import Inmate

log = logging.getLogger("officer_desk.ui")

DEMO_INMATES = 12
DEMO_YEARS = 2
DEMO_SEED = 7


class StoreOpening(QObject):
    # Emitted from the worker thread; Qt queues them to receivers on the GUI thread.
    progress = Signal(str)
    opened = Signal(object)  # Store
    problem = Signal(object)  # DeskError

    def __init__(
        self,
        executor: DbExecutor,
        paths: AppPaths,
        *,
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._paths = paths
        self._demo = demo
        self._unclaimed: Store | None = None

    def start(self) -> None:
        self._executor.run(self._open, self._hand_over, self._failed, owner=self)

    def _open(self) -> Store:  # on the worker thread: no widgets here
        self.progress.emit(QCoreApplication.translate("StoreOpening", "Opening records…"))
        store = open_store(self._paths.store, backups=self._paths.backups)
        self._unclaimed = store
        try:
            if self._demo and not _has_people(store):
                self._seed_demo(store)
        except BaseException:
            self._unclaimed = None
            store.close()
            raise
        return store

    def _seed_demo(self, store: Store) -> None:
        from officer_desk.app.demo import seed_demo  # only --demo needs it

        self.progress.emit(
            QCoreApplication.translate("StoreOpening", "Filling an empty store with demo data…")
        )
        summary = seed_demo(
            store,
            inmates=DEMO_INMATES,
            years=DEMO_YEARS,
            seed=DEMO_SEED,
            today=date.today(),
            progress=self.progress.emit,
        )
        log.info("demo data: %s", summary.counts)

    def _hand_over(self, store: Store) -> None:
        self._unclaimed = None
        self._executor.set_store(store)
        self.opened.emit(store)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            log.warning("the store could not be opened: %s", error.message)
            self.problem.emit(error)
        else:
            # A bug, not the environment: the crash dialog, like any unhandled error.
            log.error("opening the store failed:\n%s", "".join(traceback.format_exception(error)))
            self._executor.failed.emit(error)

    def close_unclaimed(self) -> None:
        """Close a store that opened after the window was gone (quit during opening)."""
        if self._unclaimed is not None:
            self._unclaimed.close()
            self._unclaimed = None


def _has_people(store: Store) -> bool:
    with store.reading() as session:
        return session.exec(select(func.count()).select_from(Inmate)).one() > 0
