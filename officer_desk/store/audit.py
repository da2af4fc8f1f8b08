"""The hash-chained audit log: appending entries and proving the chain is intact.

Each entry's hash covers its own fields and the previous entry's hash, so an edited, deleted
or reordered entry breaks the chain at a place ``verify_chain`` can name.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from officer_desk.store.tables import AuditEntry

GENESIS = "0" * 64


def entry_hash(entry: AuditEntry) -> str:
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


def append(
    session: Session,
    *,
    at: datetime,
    actor_id: str | None,
    actor_name: str,
    workstation: str,
    action: str,
    entity: str,
    entity_id: str | None,
    detail: str = "",
) -> AuditEntry:
    """Append one entry; the caller's write transaction (BEGIN IMMEDIATE) serialises the chain."""
    last = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq).desc()).limit(1)).first()
    seq = 1 if last is None else (last.seq or 0) + 1
    entry = AuditEntry(
        seq=seq,
        at=at,
        actor_id=actor_id,
        actor_name=actor_name,
        workstation=workstation,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=detail,
        prev_hash=GENESIS if last is None else last.hash,
        hash="",
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    return entry


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
