"""The hash-chained audit log: appending entries and proving the chain is intact.

Each entry's hash covers its own fields and the previous entry's hash, so an edited, deleted
or reordered entry breaks the chain at a place ``verify_chain`` can name.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import insert
from sqlmodel import Session

from officer_desk.domain.ids import new_id
from officer_desk.store.tables import AuditEntry

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


def append_many(session: Session, drafts: Sequence[Draft]) -> None:
    """Chain ``drafts`` in order onto the end of the log and insert them in one statement.

    The caller's write transaction (BEGIN IMMEDIATE) holds the database's write lock from its
    start, so the end of the chain read here cannot move before the commit.
    """
    if not drafts:
        return
    connection = session.connection()
    last = connection.exec_driver_sql(
        "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1"
    ).first()
    seq, previous = (0, GENESIS) if last is None else (int(last[0]), str(last[1]))
    for draft in drafts:
        seq += 1
        draft.seq = seq
        draft.prev_hash = previous
        draft.hash = previous = entry_hash(draft)
    connection.execute(insert(AuditEntry.__table__), [asdict(d) for d in drafts])  # type: ignore[attr-defined]


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
