"""The hub's own database: tables (SQLAlchemy Core), engines for SQLite and PostgreSQL, migrations.

The hub keeps, per synced record, the merged JSON, a per-record ``version``, per-field HLC
metadata and the facility it belongs to.  Its registry of places (``site``: facilities,
``place``: units, each code unique within its facility) is what enrolment codes and devices
are bound to.  The pull feed is ``feed``, numbered per scope (a unit, or a facility for its
own and its catalogue's records) from ``scope_seq``: a push takes its scopes' next numbers at
its end, in its own transaction, so within a scope they become visible in order while other
scopes never wait (docs/ARCHITECTURE.md, "One hub for a service").
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import weakref
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from officer_desk import owner_only

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD_REVISION = "h0008"
# PostgreSQL advisory locks of the push path: pg_advisory_xact_lock(ADVISORY_LOCK_KEY,
# hashtext(scope)) per unit or facility a group writes in; (ADVISORY_LOCK_KEY, 0) while a
# place is registered (a device not bound to its unit yet).
ADVISORY_LOCK_KEY = 0x0FF1CE

metadata = sa.MetaData()

# The registry of places (h0008): facilities by their hub-wide code, units by their code
# within their facility.  Ids are the facility's and units' own record ids, registered from
# the signed records the first workstation of a place uploads.
site = sa.Table(
    "site",
    metadata,
    sa.Column("facility_id", sa.String(64), primary_key=True),
    sa.Column("code", sa.String(40), nullable=False, unique=True),
)

place = sa.Table(
    "place",
    metadata,
    sa.Column("unit_id", sa.String(64), primary_key=True),
    sa.Column("facility_id", sa.String(64), nullable=False),
    sa.Column("code", sa.String(40), nullable=False),
    sa.UniqueConstraint("facility_id", "code", name="uq_place_facility_code"),
)

device = sa.Table(
    "device",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("unit_code", sa.String(40), nullable=False),
    # The place it was enrolled for (h0008): the codes its enrolment code named (facility
    # None: the hub's first facility), and the ids once the place is registered.
    sa.Column("facility_code", sa.String(40), nullable=True),
    sa.Column("facility_id", sa.String(64), nullable=True),
    sa.Column("unit_id", sa.String(64), nullable=True, index=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    # What the device told the hub at its last sync (h0002): for the unit overview.
    sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("waiting", sa.Integer, nullable=True),  # changes in its outbox
    sa.Column("app_version", sa.String(40), nullable=True),
    # The clock of the last change applied from this device (h0004): a new op id whose clock
    # is not after it is refused as a replay (server/pushes.py).
    sa.Column("last_hlc", sa.String(120), nullable=True),
    # When its latest push came in (h0007): the results of its earlier pushes it has had
    # (it sends its outbox in order), so only those may be pruned (prune_results).
    sa.Column("last_push_at", sa.DateTime(timezone=True), nullable=True),
    # When a pull last brought it everything of its unit (h0007): the unit's lag in /metrics.
    sa.Column("pulled_at", sa.DateTime(timezone=True), nullable=True),
)

enrol_code = sa.Table(
    "enrol_code",
    metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("unit_code", sa.String(40), nullable=False),
    sa.Column("facility_code", sa.String(40), nullable=True),  # h0008, as on device
    sa.Column("facility_id", sa.String(64), nullable=True),
    sa.Column("unit_id", sa.String(64), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("device_id", sa.String(40), nullable=True),
)

record = sa.Table(
    "record",
    metadata,
    sa.Column("entity", sa.String(40), primary_key=True),
    sa.Column("entity_id", sa.String(64), primary_key=True),
    # The person the record belongs to (an inmate's own record names itself); NULL for
    # facility-, unit- and catalogue-level records.
    sa.Column("inmate_id", sa.String(64), nullable=True, index=True),
    # For inmates, officers and units: the unit id they belong to now (and, for inmates,
    # the one they were transferred from, so that unit's workstations learn they left).
    sa.Column("scope_unit", sa.String(64), nullable=True),
    sa.Column("prev_unit", sa.String(64), nullable=True),
    # The facility the record belongs to (h0008): a record never crosses facilities except
    # by an admin's signed transfer of its person.
    sa.Column("facility_id", sa.String(64), nullable=True),
    sa.Column("rank", sa.Integer, nullable=False),  # parents before children in snapshots
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False, default=False),
    sa.Column("data", sa.Text, nullable=False),  # merged record, JSON
    sa.Column("meta", sa.Text, nullable=False),  # {field: [hlc, version, device]}, JSON
    # For records whose fields grant rights (domain/permissions.RIGHTS, h0005): the signed
    # changes that set those fields' current values, JSON {"fields": {field: op id or
    # "hub"}, "ops": {op id: signed change}}, served with the record so that a workstation
    # applies no right the hub cannot show a signature for.
    sa.Column("proof", sa.Text, nullable=True),
)

# The pull feed (h0008): a record's latest change, per scope it is pulled in (its unit; the
# person's unit for what is about a person; the facility for the facility, its units'
# records... see merge.feed_scopes), numbered per scope.  A pull reads one primary-key range
# per scope.  ``legacy_seq``: the global sequence number a record had before h0008, to
# translate a workstation's old scalar cursor once.
feed = sa.Table(
    "feed",
    metadata,
    sa.Column("scope", sa.String(64), primary_key=True),
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("entity", sa.String(40), nullable=False),
    sa.Column("entity_id", sa.String(64), nullable=False),
    sa.Column("legacy_seq", sa.BigInteger, nullable=True),
    sa.Index("ix_feed_record", "entity", "entity_id"),
)

# Each scope's last sequence number: ``UPDATE ... SET last = last + n RETURNING last`` in the
# push's own transaction (the row stays locked until it commits: numbers commit in order).
scope_seq = sa.Table(
    "scope_seq",
    metadata,
    sa.Column("scope", sa.String(64), primary_key=True),
    sa.Column("last", sa.BigInteger, nullable=False),
)

# What must be unique within a facility (h0008): unit codes, programme codes, user names.
unique_name = sa.Table(
    "unique_name",
    metadata,
    sa.Column("facility_id", sa.String(64), primary_key=True),
    sa.Column("entity", sa.String(40), primary_key=True),
    sa.Column("value", sa.String(200), primary_key=True),
    sa.Column("entity_id", sa.String(64), nullable=False),
)

op_result = sa.Table(
    "op_result",
    metadata,
    sa.Column("op_id", sa.String(64), primary_key=True),
    sa.Column("device_id", sa.String(40), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=True),
    # When the op was answered, or last answered again to a resend (pruned by age, h0007).
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
)

# The public keys the hub checks signatures with (docs/ARCHITECTURE.md, "Signed changes").
# A root key (``root_unit_code`` set) is facility IT's: an admin of that unit, registered at
# the hub with ``officer-desk-server trust-admin``; the others come from officer records that
# a trusted admin signed.  ``valid_from``/``retired_at`` are HLCs: a change signed before a
# key was replaced still verifies with the old key.
signing_key = sa.Table(
    "signing_key",
    metadata,
    sa.Column("officer_id", sa.String(64), primary_key=True),
    sa.Column("public", sa.String(64), primary_key=True),
    sa.Column("root_unit_code", sa.String(40), nullable=True),
    # The root's facility (h0008; None: the hub's first facility, set when it registers).
    sa.Column("root_facility_code", sa.String(40), nullable=True),
    sa.Column("valid_from", sa.String(120), nullable=False),
    sa.Column("retired_at", sa.String(120), nullable=True),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
)

# Every signed change to an officer record, in the order the hub applied them (h0005): a
# workstation replays its unit's log from the admin keys it pinned at enrolment and so
# knows every account's keys and role without trusting the hub (sync/trust.py).
account_log = sa.Table(
    "account_log",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("unit_id", sa.String(64), nullable=True, index=True),  # the account's unit after
    sa.Column("prev_unit", sa.String(64), nullable=True, index=True),  # ... and before
    sa.Column("officer_id", sa.String(64), nullable=False),
    sa.Column("envelope", sa.Text, nullable=False),  # the signed change, JSON
)

# The audit chain heads workstations anchored here (h0006): each sync, the end of the
# workstation's hash-chained audit log (sequence and hash), signed by the person signed in.
# A chain later cut or rewritten no longer contains them (cli/verify.py, issue 16 item 1).
audit_head = sa.Table(
    "audit_head",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("device_id", sa.String(40), nullable=False, index=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("signer", sa.String(64), nullable=False),
    sa.Column("signature", sa.String(120), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

# Every change the hub refused, with the device that sent it and who it claimed to be from.
rejection = sa.Table(
    "rejection",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("device_id", sa.String(40), nullable=False),
    sa.Column("op_id", sa.String(64), nullable=False),
    sa.Column("entity", sa.String(40), nullable=False),
    sa.Column("entity_id", sa.String(64), nullable=False),
    sa.Column("claimed_signer", sa.String(64), nullable=True),
    sa.Column("reason", sa.Text, nullable=False),
)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we begin transactions ourselves (below)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # Pushes take the write lock up front, so two pushes never fail half-way on a lock upgrade.
    immediate = connection.get_execution_options().get("sqlite_immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def begin_write(engine: Engine) -> contextlib.AbstractContextManager[Connection]:
    """A transaction that will write: on SQLite it takes the write lock at ``BEGIN
    IMMEDIATE`` (waiting up to the busy timeout), so a read inside it never sees a snapshot
    that another writer's commit makes stale - SQLite refuses such an upgrade at once with
    "database is locked", whatever the timeout.  Every write outside the push path (the
    operator's commands, enrolment codes, revocation, pruning) goes through here."""
    return engine.execution_options(sqlite_immediate=True).begin()


class SqliteWriteLock:
    """The write lock of a SQLite hub: a ``threading.Lock`` for the threads of this process
    and an ``flock`` on ``<database>-writer.lock`` for the processes of ``serve --workers N``.

    A blocked ``flock`` wakes as soon as the holder lets go, where SQLite's busy handler polls
    in sleeps of up to 100 ms; so writers queue here, and ``BEGIN IMMEDIATE`` finds the
    database free.  Without ``fcntl`` (not Linux/macOS) or for an in-memory database, only the
    thread lock is taken."""

    def __init__(self, engine: Engine) -> None:
        self._threads = threading.Lock()
        self._fd: int | None = None
        database = engine.url.database
        try:
            import fcntl
        except ImportError:  # pragma: no cover  (Windows)
            return
        self._flock = fcntl.flock
        self._exclusive, self._unlock = fcntl.LOCK_EX, fcntl.LOCK_UN
        if database and database != ":memory:" and not database.startswith("file:"):
            self._path = f"{database}-writer.lock"

    def __enter__(self) -> None:
        self._threads.acquire()
        try:
            path = getattr(self, "_path", None)
            if path is not None:
                if self._fd is None:
                    self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
                    weakref.finalize(self, os.close, self._fd)
                self._flock(self._fd, self._exclusive)
        except BaseException:
            self._threads.release()
            raise

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if self._fd is not None:
                self._flock(self._fd, self._unlock)
        finally:
            self._threads.release()


def database_url_for(data_dir: Path) -> str:
    owner_only.folder(data_dir)  # the hub's records: only its own account (0700)
    return f"sqlite:///{data_dir / 'hub.sqlite'}"


def make_engine(url: str) -> Engine:
    # hide_parameters: a database error's message (logged by the hub) then names the statement
    # but not its values, which are records: names and note text stay out of the logs.
    if url.startswith("sqlite"):
        owner_only.sqlite_file(sa.engine.make_url(url).database)  # 0600, WAL/SHM follow it
        engine = sa.create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=20,
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(
        url, pool_size=20, max_overflow=40, pool_pre_ping=True, hide_parameters=True
    )


MIGRATION_LOCK_KEY = 0x0FF1CF  # PostgreSQL: one schema upgrade at a time
MIGRATE_HINT = "officer-desk-server migrate"


class SchemaNotCurrent(Exception):
    """The database's hub schema is not the one this code reads (``str`` says what to do)."""


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def schema_revision(conn: Connection) -> str | None:
    """The hub schema revision the database is at (None: no hub schema yet).  Read straight
    from Alembic's table: /readyz asks on every probe, and Alembic's own reader logs."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    found = sorted(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars())
    return ",".join(found) or None  # several heads would be a branch: no revision of ours


def schema_problem(revision: str | None) -> str | None:
    """Why a database at ``revision`` cannot be served by this code, in plain words; None
    when it is at head."""
    if revision == HEAD_REVISION:
        return None
    if revision is None:
        return (
            f"the hub database has no schema yet. Run '{MIGRATE_HINT}' with the same "
            "--data-dir or --database-url first, then start this command again."
        )
    from alembic.script import ScriptDirectory

    known = {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    if revision in known:
        return (
            f"the hub database's schema is at {revision}, behind this officer-desk-server "
            f"({HEAD_REVISION}). Run '{MIGRATE_HINT}' with the same --data-dir or "
            "--database-url (stop nothing: it waits for other migrations and is safe to run "
            "again), then start this command again."
        )
    return (
        f"the hub database's schema is at {revision}, which this officer-desk-server "
        f"({HEAD_REVISION}) does not know: a newer version migrated it. Update "
        "officer-desk-server on this machine."
    )


def require_head(engine: Engine) -> None:
    """Refuse (:class:`SchemaNotCurrent`) a database whose schema is not at head: only
    ``officer-desk-server migrate`` changes the schema."""
    with engine.connect() as conn:
        problem = schema_problem(schema_revision(conn))
    if problem is not None:
        raise SchemaNotCurrent(problem)


def upgrade(engine: Engine) -> tuple[str | None, str | None]:
    """Bring the hub schema to head with Alembic (its own versions folder): what
    ``officer-desk-server migrate`` does.  Migrations run together take turns (PostgreSQL: an
    advisory lock for the transaction; SQLite: the write lock, taken up front with ``BEGIN
    IMMEDIATE``; both make the whole upgrade one transaction), so the later ones find the
    schema at head and do nothing.  Returns the revision before and after."""
    from alembic import command

    config = _alembic_config()
    with engine.connect() as connection:
        if is_sqlite(engine):
            connection = connection.execution_options(sqlite_immediate=True)
        with connection.begin():
            if not is_sqlite(engine):
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(MIGRATION_LOCK_KEY)))
            before = schema_revision(connection)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            after = schema_revision(connection)
    return before, after


def prune_results(
    engine: Engine, older_than: timedelta, *, now: datetime | None = None, chunk: int = 5000
) -> int:
    """Delete the op results answered more than ``older_than`` ago that no workstation can
    ask for again; how many went.

    A workstation asks for a result again only by resending the op, which it does only if
    the answer never reached it: then that push is its latest (it sends its outbox in order
    and records each answer before the next push), and a resend refreshes ``at``.  So a
    result is kept, whatever its age, while it belongs to its device's latest push; those
    of a revoked device go by age alone.  Deleted in chunks: each a short transaction."""
    cutoff = (now or datetime.now(UTC)) - older_than
    result, dev = op_result, device
    done_with = sa.exists().where(
        dev.c.id == result.c.device_id,
        sa.or_(dev.c.revoked_at.is_not(None), dev.c.last_push_at > result.c.at),
    )
    doomed = sa.select(result.c.op_id).where(result.c.at < cutoff, done_with).limit(chunk)
    total = 0
    lock: contextlib.AbstractContextManager[Any] = (
        SqliteWriteLock(engine) if is_sqlite(engine) else contextlib.nullcontext()
    )
    while True:
        with lock, begin_write(engine) as conn:
            ids = list(conn.execute(doomed).scalars())
            if ids:
                conn.execute(result.delete().where(result.c.op_id.in_(ids)))
        total += len(ids)
        if len(ids) < chunk:
            return total
