"""The hash-chained audit log: appending entries and proving the chain is intact.

Each entry's hash covers its own fields and the previous entry's hash, so an edited, deleted
or reordered entry breaks the chain at a place ``verify_chain`` can name.

An entry that changed synced records also covers their content: every write transaction notes
the records it touches (temporary triggers, :func:`track_changes`), and the entry appended at
its end keeps each one's content hash in ``audit_record`` and their digest in its own hash.
``verify_records`` recomputes every live record's hash against the last one the chain holds,
so a row edited, added or deleted behind the write path is named.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from officer_desk.domain.ids import new_id
from officer_desk.domain.moments import stored_utc
from officer_desk.store.tables import AuditEntry, synced_tables

GENESIS = "0" * 64
# local_setting key: the last audit chain head the hub kept for this workstation (JSON seq and
# hash), written by the sync client, read by ``verify``.
ANCHOR_SETTING = "audit.anchored"


def entry_hash(entry: AuditEntry | Draft) -> str:
    """The hash of one entry: its fields and ``prev_hash`` (which ties it to the one before)."""
    fields = [
        entry.seq,
        entry.id,
        entry.at.isoformat(timespec="microseconds"),
        entry.actor_id,
        entry.actor_name,
        entry.workstation,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.detail,
        entry.prev_hash,
    ]
    if entry.content_hash is not None:  # entries from before record hashes keep their hash
        fields.append(entry.content_hash)
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class Draft:
    """An audit entry before it has its place in the chain (``seq``, ``prev_hash``, ``hash``).

    Plain, not an ``AuditEntry``: a write collects its entries and chains them all at once in
    :func:`append_many`, which costs one look-up of the chain's end per transaction.
    """

    at: datetime
    actor_id: str | None
    actor_name: str
    workstation: str
    action: str
    entity: str
    entity_id: str | None
    detail: str = ""
    id: str = field(default_factory=new_id)
    seq: int = 0
    prev_hash: str = ""
    hash: str = ""
    content_hash: str | None = None
    # (entity, entity_id, content hash) of the records this entry covers.
    records: list[tuple[str, str, str]] = field(default_factory=list)


_ENTRY_COLUMNS = (
    "seq, id, at, actor_id, actor_name, workstation, action, entity, entity_id, detail, "
    "prev_hash, hash, content_hash"
)


def append_many(db: Any, drafts: Sequence[Draft]) -> None:
    """Chain ``drafts`` in order onto the end of the log, with the content hashes of the
    records the transaction touched (each given to the last draft about it, the rest to the
    last draft), on the DB-API connection ``db``.

    The caller's write transaction (BEGIN IMMEDIATE) holds the database's write lock from its
    start, so the end of the chain read here cannot move before the commit.
    """
    if not drafts:
        return
    _attach_records(db, drafts)
    chain(db, drafts)


def chain(db: Any, drafts: Sequence[Draft]) -> None:
    """Chain ``drafts``, with the records already given to them, onto the end of the log."""
    last = db.execute("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
    seq, previous = (0, GENESIS) if last is None else (int(last[0]), str(last[1]))
    for draft in drafts:
        seq += 1
        draft.seq = seq
        draft.prev_hash = previous
        draft.content_hash = records_digest(draft.records) if draft.records else None
        draft.hash = previous = entry_hash(draft)
    db.executemany(
        f"INSERT INTO audit_entry ({_ENTRY_COLUMNS}) VALUES ({', '.join('?' * 13)})",
        [
            (
                d.seq, d.id, stored_utc(d.at), d.actor_id, d.actor_name, d.workstation,
                d.action, d.entity, d.entity_id, d.detail, d.prev_hash, d.hash, d.content_hash,
            )
            for d in drafts
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO audit_record (seq, entity, entity_id, hash) VALUES (?, ?, ?, ?)",
        [(d.seq, *record) for d in drafts for record in d.records],
    )


# --- the content of records --------------------------------------------------------------

DIRTY = "audit_dirty"


def track_changes(db: Any) -> None:
    """Make the connection ``db`` note every synced record its transactions insert, update or
    delete, with the record's content hash as stored, until :func:`append_many` takes the
    notes.  Temporary triggers: they live in the connection, not in the file, so they cost
    nothing to a store opened elsewhere.  Idempotent (cheap to call at every transaction's
    start); install it after the schema's migrations, since each trigger names its table's
    columns as they are then.

    The trigger hashes the new row itself (a function of this connection given the row's
    columns in their stored order, which is what ``SELECT *`` returns), so the entry needs no
    second read of what was just written: a fresh workstation's bulk apply pays for the hash
    and nothing more."""
    if db.execute(f"SELECT 1 FROM temp.sqlite_master WHERE name = '{DIRTY}'").fetchone():
        return
    db.create_function(_ROW_HASH, -1, _row_hash, deterministic=True)
    # A plain append per change (a record noted twice keeps its last note): cheaper than
    # keeping the table unique, and the statement that fires a trigger would impose its own
    # conflict resolution on an INSERT OR IGNORE inside it anyway.
    statements = [
        f"CREATE TEMP TABLE {DIRTY} "
        "(entity TEXT NOT NULL, entity_id TEXT NOT NULL, hash TEXT NOT NULL)"
    ]
    for table in synced_tables():
        columns = [row[1] for row in db.execute(f"PRAGMA main.table_info('{table}')")]
        if not columns:
            continue  # a store whose schema predates the table (an upgrade test's old head)
        whole = ", ".join(f'NEW."{name}"' for name in columns)
        for event, noted in (
            ("INSERT", f"NEW.id, {_ROW_HASH}({whole})"),
            ("UPDATE", f"NEW.id, {_ROW_HASH}({whole})"),
            ("DELETE", "OLD.id, ''"),
        ):
            statements.append(
                f"CREATE TEMP TRIGGER {DIRTY}_{table}_{event.lower()} AFTER {event} ON "
                f"main.{table} BEGIN INSERT INTO {DIRTY} VALUES ('{table}', {noted}); END"
            )
    for statement in statements:
        db.execute(statement)


_ROW_HASH = "audit_row_hash"


def _row_hash(*row: Any) -> str:
    return content_hash(row)


def _attach_records(db: Any, drafts: Sequence[Draft]) -> None:
    noted = {
        (entity, entity_id): digest
        for entity, entity_id, digest in db.execute(
            f"SELECT entity, entity_id, hash FROM temp.{DIRTY} ORDER BY rowid"
        )
    }  # the last note of a record is its state at the commit
    if not noted:
        return
    db.execute(f"DELETE FROM temp.{DIRTY}")
    about = {(d.entity, d.entity_id): d for d in drafts}
    for (entity, entity_id), digest in noted.items():
        about.get((entity, entity_id), drafts[-1]).records.append((entity, entity_id, digest))


def current_hashes(db: Any, keys: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    """(entity, id, content hash) of each record as stored now; "" for one that is gone."""
    by_table: dict[str, list[str]] = {}
    for entity, entity_id in keys:
        by_table.setdefault(entity, []).append(entity_id)
    for table, ids in by_table.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor = db.execute(
                f"SELECT * FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk
            )
            found = dict(_hashed_rows(cursor))
            for entity_id in chunk:
                yield table, entity_id, found.get(entity_id, "")


def _hashed_rows(cursor: Any) -> Iterator[tuple[str, str]]:
    at = [column[0] for column in cursor.description].index("id")
    for row in cursor:
        yield row[at], content_hash(row)


def content_hash(row: Sequence[Any]) -> str:
    """A record's content as SQLite returns it (``SELECT *``: the table's columns in their
    stored order).  Empty columns at the end do not count, so a column added later (SQLite adds
    it at the end, empty in old rows) leaves the old rows' hashes as they were; a migration that
    reorders or rewrites a synced table must write a new baseline entry (as 0015 does)."""
    text = repr(row if type(row) is tuple else tuple(row))
    while text.endswith(", None)"):
        text = text[:-7] + ")"
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def records_digest(records: Iterable[tuple[str, str, str]]) -> str:
    text = json.dumps(sorted(records), separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    description: str


def verify_chain(entries: Iterable[AuditEntry]) -> list[ChainProblem]:
    """Walk the entries in stored order and name every place the chain is broken."""
    problems: list[ChainProblem] = []
    expected_prev = GENESIS
    expected_seq = 1
    for entry in entries:
        seq = entry.seq or 0
        if seq != expected_seq:
            problems.append(
                ChainProblem(
                    seq,
                    f"audit entry {expected_seq} is missing or out of order "
                    f"(found entry {seq} in its place)",
                )
            )
        if entry.prev_hash != expected_prev:
            problems.append(
                ChainProblem(
                    seq,
                    f"audit entry {seq} does not follow the entry before it "
                    "(an entry was deleted, inserted or reordered)",
                )
            )
        if entry_hash(entry) != entry.hash:
            problems.append(
                ChainProblem(seq, f"audit entry {seq} was changed after it was written")
            )
        expected_prev = entry.hash
        expected_seq = seq + 1
    return problems


def baseline(db: Any, tables: Sequence[str], why: str) -> int:
    """For a migration that changes how records are stored (a column with a default added to
    filled rows, a rewritten value): one entry holding the current content hash of every
    record of ``tables``, so ``verify`` compares later rows with what the migration left.
    Returns how many records it holds (no entry when there are none)."""
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    keys = [
        (table, str(row[0]))
        for table in tables
        if table in present
        for row in db.execute(f"SELECT id FROM {table}")
    ]
    if not keys:
        return 0
    device = db.execute("SELECT value FROM local_setting WHERE key = 'device_id'").fetchone()
    entry = Draft(
        at=datetime.now(UTC),
        actor_id=None,
        actor_name="system",
        workstation=device[0] if device else "",
        action="baseline",
        entity="store",
        entity_id=None,
        detail=f"content hashes of the {len(keys)} records held when {why}",
        records=list(current_hashes(db, keys)),
    )
    chain(db, [entry])
    return len(keys)


# --- checking records against the chain --------------------------------------------------

# At most this many records of each kind of problem are named; the rest are counted.
NAMED = 20


def verify_records(db: Any) -> list[str]:
    """Every synced record whose content differs from what the audit chain last recorded for
    it, every record the chain does not know, and every one it holds that is gone; and every
    entry whose record hashes no longer match its digest.  Records held before record hashes
    began are covered by the baseline entry the upgrade wrote (migration 0015).

    Streams: the chain's last hash per record and the live rows are both read in (table, id)
    order and merged, so a store of millions of records is checked in little memory."""
    problems = _digest_problems(db)
    changed: list[str] = []
    added: list[str] = []
    removed: list[str] = []
    recorded = db.cursor().execute(
        "SELECT entity, entity_id, hash, max(seq) FROM audit_record "
        "GROUP BY entity, entity_id ORDER BY entity, entity_id"
    )
    held = next(recorded, None)

    def gone_before(key: tuple[str, str] | None) -> None:
        """Pass the chain's records before ``key`` (None: all the rest): no live row has them."""
        nonlocal held
        while held is not None and (key is None or (held[0], held[1]) < key):
            if held[2]:
                removed.append(f"{held[0]} {held[1]}|(last written in audit entry {held[3]})")
            held = next(recorded, None)

    for table in sorted(synced_tables()):
        gone_before((table, ""))
        for entity_id, digest in _hashed_rows(
            db.cursor().execute(f"SELECT * FROM {table} ORDER BY id")
        ):
            gone_before((table, entity_id))
            if held is None or held[0] != table or held[1] != entity_id:
                added.append(f"{table} {entity_id}")
                continue
            if held[2] != digest:
                changed.append(f"{table} {entity_id}|(last written in audit entry {held[3]})")
            held = next(recorded, None)
    gone_before(None)
    for found, what in (
        (changed, "changed behind the write path"),
        (added, "added behind the write path (no audit entry holds it)"),
        (removed, "deleted behind the write path"),
    ):
        for name in found[:NAMED]:
            record, _, where = name.partition("|")
            problems.append(f"record {record} was {what}" + (f" {where}" if where else ""))
        if len(found) > NAMED:
            problems.append(f"… and {len(found) - NAMED} more records {what}")
    return problems


def _digest_problems(db: Any) -> list[str]:
    """Each entry's record hashes against the digest its own hash covers."""
    problems: list[str] = []
    digests = dict(
        db.execute("SELECT seq, content_hash FROM audit_entry WHERE content_hash IS NOT NULL")
    )
    group: list[tuple[str, str, str]] = []
    current = None
    rows = db.cursor().execute("SELECT seq, entity, entity_id, hash FROM audit_record ORDER BY seq")
    for seq, entity, entity_id, digest in [*rows, (None, "", "", "")]:
        if seq != current:
            if current is not None and records_digest(group) != digests.pop(current, None):
                problems.append(
                    f"audit entry {current}: the record hashes it holds were changed after it "
                    "was written"
                )
            current, group = seq, []
        group.append((entity, entity_id, digest))
    problems += [
        f"audit entry {seq}: the record hashes it was written with are gone" for seq in digests
    ]
    return problems
