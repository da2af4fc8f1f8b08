"""Opening the local store: the Store handle, pragmas, migrations on open, read and write sessions.

* WAL, ``synchronous=FULL`` and foreign keys on every connection.
* Migrations (Alembic) run when the store opens; an existing file is copied to ``backups/``
  before it is upgraded; a file written by a newer app is refused and left untouched.
* Writes use ``BEGIN IMMEDIATE`` so that the audit chain and outbox order stay serial even with
  a second window or the admin command line on the same file.
* The handle is light: SQLAlchemy and the SQLModel tables are imported and the engine made on
  first use, so the first screen can be read through :meth:`Store.raw` (``store.home``) while
  the heavy stack loads afterwards on the same worker.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from officer_desk import owner_only
from officer_desk.domain.hlc import HybridClock
from officer_desk.store import migrate
from officer_desk.store.connect import connect, engine_for
from officer_desk.store.errors import StorageProblem, classify

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

log = logging.getLogger("officer_desk.store")

BUSY_TIMEOUT_MS = 5_000


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Driver-level autocommit; transactions are begun explicitly in _on_begin.
    dbapi_connection.isolation_level = None
    _apply_pragmas(dbapi_connection)


def _apply_pragmas(dbapi_connection: Any) -> None:
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
    from sqlalchemy import event

    engine = engine_for(path, key)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn environment failures (disk full, locked, damaged) into StorageProblem."""
    try:
        yield
    except Exception as error:
        problem = classify(error)
        if problem is None:
            raise
        log.warning("storage problem: %s (%s)", type(problem).__name__, error)
        raise problem from error


@dataclass
class Store:
    path: Path
    device_id: str
    clock: HybridClock = field(repr=False)
    key: bytes | None = field(default=None, repr=False)
    _engine: Engine | None = field(default=None, repr=False)
    _raw: Any = field(default=None, repr=False)
    # Set by the GUI: any database work attempted on this thread is a bug (it would freeze
    # the screen), so it fails loudly instead of quietly blocking.
    forbidden_thread: threading.Thread | None = field(default=None, repr=False)
    # Officer id -> Ed25519 signing key of everyone who signed in on this handle: the write
    # path signs their changes with it (domain/signing.py).  Held in memory only.
    signers: dict[str, Any] = field(default_factory=dict, repr=False)

    def _check_thread(self) -> None:
        if self.forbidden_thread is threading.current_thread():
            raise RuntimeError("database work on the GUI thread; submit it to the DbExecutor")

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            import officer_desk.store.tables  # noqa: F401  (registers the tables)

            self._engine = make_engine(self.path, self.key)
        return self._engine

    def warm_up(self) -> None:
        """Load the database stack now (on the worker), before the first write needs it."""
        with self.reading() as session:
            session.connection()

    @contextmanager
    def raw(self) -> Iterator[Any]:
        """A DB-API connection inside one read transaction, for the light queries in
        ``store.home``; one per store, used only from the database worker."""
        self._check_thread()
        with storage_errors():
            if self._raw is None:
                self._raw = connect(
                    self.path, self.key, check_same_thread=False, isolation_level=None
                )
                _apply_pragmas(self._raw)
            self._raw.execute("BEGIN")
            try:
                yield self._raw
            finally:
                self._raw.execute("ROLLBACK")

    @contextmanager
    def reading(self) -> Iterator[Session]:
        from sqlmodel import Session

        self._check_thread()
        with storage_errors(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE), committed when the block ends without error."""
        from sqlmodel import Session

        from officer_desk.store.audit import track_changes

        self._check_thread()
        with storage_errors():
            session = Session(
                self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False
            )
            try:
                with session.begin():
                    # Another process on this file (the admin command line beside the desk)
                    # may have queued or pushed changes stamped after this clock's last one:
                    # start after them, so the outbox stays in clock order (the hub refuses a
                    # change not after the last one it applied from this workstation).
                    connection = session.connection()
                    newest = connection.exec_driver_sql(_NEWEST).scalar()
                    if newest:
                        self.clock.observe(newest)
                    track_changes(connection.connection.driver_connection)
                    yield session
            finally:
                session.close()

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def open_store(
    path: Path,
    *,
    backups: Path | None = None,
    key: bytes | None = None,
    wall_ms: Callable[[], int] | None = None,
) -> Store:
    """Open (creating or upgrading as needed) the store at ``path``.  ``wall_ms``: the system
    clock in milliseconds for the store's hybrid clock (tests set it back).

    Raises StoreTooNew if the file was written by a newer app, and other StorageProblems when
    the file cannot be used; in both cases the file is left as it was.
    """
    owner_only.folder(path.parent)
    with storage_errors():
        migrate.upgrade_on_open(path, backups or path.parent / "backups", key)
        device_id, newest = _identity(path, key)
    owner_only.store_files(path)  # a store made before files were private, WAL and SHM too
    clock = HybridClock(device_id, wall_ms)
    clock.observe(newest)
    return Store(path=path, device_id=device_id, clock=clock, key=key)


def _identity(path: Path, key: bytes | None) -> tuple[str, str]:
    """(this store's device id, the newest clock value it holds): the clock starts after it,
    so a system clock set back never stamps a new change below one already made or pulled
    here (the hub would refuse it as a replay, or let an older change win)."""
    connection = connect(path, key, isolation_level=None)
    try:
        _apply_pragmas(connection)
        connection.execute("BEGIN IMMEDIATE")
        row = connection.execute(
            "SELECT value FROM local_setting WHERE key = 'device_id'"
        ).fetchone()
        if row is None:
            device_id = secrets.token_hex(8)
            connection.execute(
                "INSERT INTO local_setting (key, value) VALUES ('device_id', ?)", (device_id,)
            )
        else:
            device_id = row[0]
        newest = _newest_clock(connection)
        connection.execute("COMMIT")
        return str(device_id), newest
    finally:
        connection.close()


# The newest clock value a store holds, in one query over two rows found by primary key: the
# last change queued in the outbox (the outbox is in clock order: changes are stamped and
# queued in one write transaction) and ``HLC_HIGH``, which the sync client raises for what
# left the outbox (pushed or refused) and for every pulled page.
HLC_HIGH = "hlc.high"
_NEWEST = (
    "SELECT max(h) FROM ("
    "SELECT (SELECT hlc FROM outbox_entry ORDER BY seq DESC LIMIT 1) AS h "
    "UNION ALL SELECT value FROM local_setting WHERE key = 'hlc.high')"
)


def _newest_clock(connection: Any) -> str:
    """The newest clock value in the store (see ``_NEWEST``).  A store made before ``HLC_HIGH``
    existed is read once (every synced table's ``updated_hlc`` and the outbox, in no clock
    order then) and the mark written."""
    mark = connection.execute(
        "SELECT value FROM local_setting WHERE key = ?", (HLC_HIGH,)
    ).fetchone()
    if mark is None:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c "
                "WHERE m.type = 'table' AND c.name = 'updated_hlc'"
            )
        ]
        found = [
            connection.execute(
                f"SELECT max({column}) FROM {name} WHERE {column} GLOB '[0-9]*'"
            ).fetchone()[0]
            for name, column in [*((t, "updated_hlc") for t in tables), ("outbox_entry", "hlc")]
        ]
        connection.execute(
            "INSERT INTO local_setting (key, value) VALUES (?, ?)",
            (HLC_HIGH, max((f for f in found if f), default="")),
        )
    return str(connection.execute(_NEWEST).fetchone()[0] or "")


def utc_now() -> datetime:
    """Aware UTC; SQLModel stores it as UTC and returns it aware."""
    return datetime.now(UTC)


__all__ = ["StorageProblem", "Store", "open_store", "storage_errors", "utc_now"]
