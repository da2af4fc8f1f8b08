"""What the data folder holds at start-up, and making a demo store on the database worker.

Nothing here opens the store: signing in does (the password unwraps the database key).  This
module only looks at which files are there, and for ``--demo`` fills an empty folder.
It imports nothing heavy; the demo generator is imported on the worker.
"""

from __future__ import annotations

import logging
import traceback
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError
from officer_desk.paths import AppPaths

if TYPE_CHECKING:
    from officer_desk.demo.generator import DemoSummary

log = logging.getLogger("officer_desk.ui")


class Records(Enum):
    NONE = "none"  # an empty data folder: set-up or --demo
    ENCRYPTED = "encrypted"  # a store and its key slots: sign in
    PLAIN = "plain"  # an unencrypted store from before encryption: facility IT converts it
    KEYLESS = "keyless"  # a store without its key file: nobody can open it here


def records_here(store: Path) -> Records:
    """A look at the files only (no SQLite, no key).  Run it on the worker: it loads the
    SQLCipher and key-slot libraries, which the GUI thread has no need to wait for."""
    from officer_desk.store.connect import is_plain_sqlite
    from officer_desk.store.keyslots import slots_path

    if slots_path(store).exists():
        return Records.ENCRYPTED
    if not store.exists() or store.stat().st_size == 0:
        return Records.NONE
    return Records.PLAIN if is_plain_sqlite(store) else Records.KEYLESS


class DemoCreation(QObject):
    """Fills an empty data folder with a demo unit on the worker; signals come to the GUI."""

    # ``progress`` is emitted from the worker thread; Qt queues it to the GUI thread.
    progress = Signal(str)
    created = Signal(object)  # DemoSummary
    problem = Signal(object)  # DeskError

    def __init__(
        self, executor: DbExecutor, paths: AppPaths, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._paths = paths

    def start(self) -> None:
        self._executor.run(self._create, self.created.emit, self._failed, owner=self)

    def _create(self) -> DemoSummary:  # on the worker thread: no widgets here
        from officer_desk.demo.generator import create_demo_store

        self.progress.emit(
            QCoreApplication.translate("DemoCreation", "Making demo records for a whole unit…")
        )
        return create_demo_store(
            self._paths.store, backups=self._paths.backups, progress=self.progress.emit
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            log.warning("demo records could not be made: %s", error.message)
            self.problem.emit(error)
        else:
            # A bug, not the environment: the crash dialog, like any unhandled error.
            log.error("making demo records failed:\n%s", "".join(traceback.format_exception(error)))
            self._executor.failed.emit(error)
