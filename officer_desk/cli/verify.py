"""Checking a store: SQLite's own integrity checks, the audit log's hash chain, every record's
content against the hash the chain last holds for it (a row edited, added or deleted behind the
write path), and the chain against the heads anchored at the hub (a cut tail or a recomputed
chain no longer holds them)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import col, func, select

from officer_desk.cli import words
from officer_desk.store import audit
from officer_desk.store.database import Store
from officer_desk.store.tables import (
    ActivityLog,
    AuditEntry,
    CaseNote,
    Inmate,
    MealLog,
    Officer,
    OutboxEntry,
)

COUNTED = {
    "officers": Officer,
    "people": Inmate,
    "meal entries": MealLog,
    "activities": ActivityLog,
    "case notes": CaseNote,
    "outbox entries": OutboxEntry,
}


@dataclass(frozen=True)
class Head:
    """An audit chain head as anchored at the hub."""

    seq: int
    hash: str
    at: str = ""


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    audit_entries: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    # Against what the chain was checked: "" (never anchored) or where the heads came from.
    anchored: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        counted = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        anchor = (
            f"intact and {self.anchored}"
            if self.anchored
            else "intact but not anchored (this store has never anchored its log at a hub, so "
            "a cut or recomputed log could not be told)"
        )
        return (
            f"OK: database integrity and foreign keys intact; every record matches its audit "
            f"entry; audit chain of {words.counted(self.audit_entries, 'entry', 'entries')} "
            f"{anchor}; {counted}."
        )


def check_heads(entries: Sequence[AuditEntry], heads: Sequence[Head]) -> list[str]:
    """Each anchored head must still be in the chain, unchanged."""
    by_seq = {entry.seq: entry.hash for entry in entries}
    problems = []
    for head in heads:
        held = by_seq.get(head.seq)
        when = f" on {head.at}" if head.at else ""
        if held is None:
            problems.append(
                f"audit entry {head.seq}, anchored at the hub{when}, is gone: the log was cut "
                "after it"
            )
        elif held != head.hash:
            problems.append(
                f"audit entry {head.seq} is not the one anchored at the hub{when}: the log was "
                "rewritten up to there"
            )
    return problems


def verify(store: Store, heads: Sequence[Head] | None = None, source: str = "") -> VerifyReport:
    """Every problem found, in words that name the table or audit entry concerned.  ``heads``
    (from the hub, or a file facility IT exported from it) are what the chain must still
    hold; without them, the last head this workstation recorded as anchored is used."""
    report = VerifyReport()
    with store.reading() as session:
        connection = session.connection()
        for (message,) in connection.exec_driver_sql("PRAGMA integrity_check").all():
            if message != "ok":
                report.problems.append(f"database integrity: {message}")
        for table, rowid, parent, _fk in connection.exec_driver_sql(
            "PRAGMA foreign_key_check"
        ).all():
            report.problems.append(
                f"table {table} row {rowid} refers to a {parent} record that does not exist"
            )
        entries = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq))).all()
        report.audit_entries = len(entries)
        report.problems += [problem.description for problem in audit.verify_chain(entries)]
        report.problems += audit.verify_records(connection.connection.driver_connection)
        if heads is None:
            heads, source = _recorded_head(connection), "as this workstation recorded it"
        report.problems += check_heads(entries, heads)
        if heads:
            top = max(heads, key=lambda h: h.seq)
            report.anchored = f"anchored up to entry {top.seq} ({source})"
        for what, table in COUNTED.items():
            report.counts[what] = session.exec(select(func.count()).select_from(table)).one()
    return report


def _recorded_head(connection: Any) -> list[Head]:
    row = connection.exec_driver_sql(
        "SELECT value FROM local_setting WHERE key = ?", (audit.ANCHOR_SETTING,)
    ).first()
    if row is None:
        return []
    try:
        data = json.loads(row[0])
        return [Head(int(data["seq"]), str(data["hash"]))]
    except (ValueError, KeyError, TypeError):
        return []


def heads_from_file(text: str) -> list[Head]:
    """Heads as ``officer-desk-server audit-heads`` writes them (ValueError if not)."""
    data = json.loads(text)
    try:
        return [Head(int(h["seq"]), str(h["hash"]), str(h.get("at", ""))) for h in data["heads"]]
    except (KeyError, TypeError) as error:
        raise ValueError(f"not a list of audit heads ({error})") from None
