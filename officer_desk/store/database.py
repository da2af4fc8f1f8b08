"""Opening the local store: engine, pragmas, migrations on open, sessions for reads and writes.

* WAL, ``synchronous=FULL`` and foreign keys on every connection.
* Migrations (Alembic) run when the store opens; an existing file is copied to ``backups/``
  before it is upgraded; a file written by a newer app is refused and left untouched.
* Writes use ``BEGIN IMMEDIATE`` so that the audit chain and outbox order stay serial even with
  a second window or the admin command line on the same file.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy.exc
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from officer_desk.domain.hlc import HybridClock
from officer_desk.domain.ids import new_id
from officer_desk.store import migrate
from officer_desk.store.connect import DBAPI_ERRORS, engine_for
from officer_desk.store.errors import StorageProblem, classify
from officer_desk.store.tables import LocalSetting

log = logging.getLogger("officer_desk.store")

BUSY_TIMEOUT_MS = 5_000


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Driver-level autocommit; transactions are begun explicitly in _on_begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # Deleted content (a retention purge) is overwritten, not left in free pages.
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _on_begin(connection: Any) -> None:
    immediate = connection.get_execution_options().get("sqlite_immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    engine = engine_for(path, key)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn environment failures (disk full, locked, damaged) into StorageProblem."""
    try:
        yield
    except (
        sqlalchemy.exc.OperationalError,
        sqlalchemy.exc.DatabaseError,
        *DBAPI_ERRORS,
        OSError,
    ) as error:
        problem = classify(error)
        if problem is None:
            raise
        log.warning("storage problem: %s (%s)", type(problem).__name__, error)
        raise problem from error


@dataclass
class Store:
    path: Path
    engine: Engine
    device_id: str
    clock: HybridClock = field(repr=False)
    key: bytes | None = field(default=None, repr=False)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def read_session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with storage_errors(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE), committed when the block ends without error."""
        with storage_errors():
            session = Session(
                self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False
            )
            try:
                with session.begin():
                    yield session
            finally:
                session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: Path, *, backups: Path | None = None, key: bytes | None = None) -> Store:
    """Open (creating or upgrading as needed) the store at ``path``.

    Raises StoreTooNew if the file was written by a newer app, and other StorageProblems when
    the file cannot be used; in both cases the file is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with storage_errors():
        migrate.upgrade_on_open(path, backups or path.parent / "backups", key)
        engine = make_engine(path, key)
        device_id = _device_id(engine)
    return Store(
        path=path, engine=engine, device_id=device_id, clock=HybridClock(device_id), key=key
    )


def _device_id(engine: Engine) -> str:
    with Session(engine.execution_options(sqlite_immediate=True)) as session, session.begin():
        setting = session.get(LocalSetting, "device_id")
        if setting is None:
            setting = LocalSetting(key="device_id", value=new_id().replace("-", "")[-16:])
            session.add(setting)
        return setting.value


def utc_now() -> datetime:
    """Aware UTC; SQLModel stores it as UTC and returns it aware."""
    return datetime.now(UTC)


def local_setting(session: Session, key: str) -> str | None:
    row = session.exec(select(LocalSetting).where(LocalSetting.key == key)).first()
    return None if row is None else row.value


__all__ = ["StorageProblem", "Store", "open_store", "storage_errors", "utc_now"]
