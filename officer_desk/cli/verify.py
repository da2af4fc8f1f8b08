"""Checking a store: SQLite's own integrity checks and the audit log's hash chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import col, func, select

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


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    audit_entries: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        counted = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        return (
            f"OK: database integrity and foreign keys intact; audit chain of "
            f"{self.audit_entries} entries intact; {counted}."
        )


def verify(store: Store) -> VerifyReport:
    """Every problem found, in words that name the table or audit entry concerned."""
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
        for what, table in COUNTED.items():
            report.counts[what] = session.exec(select(func.count()).select_from(table)).one()
    return report
