"""What this workstation holds about its sync, read from its own store: the changes the hub
refused, the records put aside as unreadable, the conflicts, and each person's digest for
``verify`` (the count and hash of their records at the hub's versions).

Plain functions of a DB-API connection; :class:`~officer_desk.sync.client.SyncClient` calls them
for the screens and the command line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from officer_desk.sync import protocol as p

DROP = [  # children first
    (
        "referral",
        "item_id IN (SELECT i.id FROM release_plan_item i JOIN release_plan rp "
        "ON i.plan_id = rp.id WHERE rp.inmate_id = ?)",
    ),
    ("release_signoff", "plan_id IN (SELECT id FROM release_plan WHERE inmate_id = ?)"),
    ("release_plan_item", "plan_id IN (SELECT id FROM release_plan WHERE inmate_id = ?)"),
    ("release_plan", "inmate_id = ?"),
    ("case_note_revision", "note_id IN (SELECT id FROM case_note WHERE inmate_id = ?)"),
    ("case_note", "inmate_id = ?"),
    ("milestone_signoff", "enrolment_id IN (SELECT id FROM enrolment WHERE inmate_id = ?)"),
    ("enrolment", "inmate_id = ?"),
    ("follow_up", "inmate_id = ?"),
    ("conversation", "inmate_id = ?"),
    ("activity_log", "inmate_id = ?"),
    ("meal_log", "inmate_id = ?"),
    ("certificate", "inmate_id = ?"),
    ("assignment", "inmate_id = ?"),
    ("sync_conflict", "inmate_id = ?"),
    ("handover_entry", "inmate_id = ?"),
    ("handover_action", "inmate_id = ?"),
    ("handover_contingency", "inmate_id = ?"),
    ("inmate", "id = ?"),
]

# A put-aside record whose parent is put aside too is reached through it (verify's digest).
CHILDREN = {
    "case_note": (("case_note_revision", "note_id"),),
    "enrolment": (("milestone_signoff", "enrolment_id"),),
    "release_plan": (("release_plan_item", "plan_id"), ("release_signoff", "plan_id")),
    "release_plan_item": (("referral", "item_id"),),
}


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows."""

    enrolled: bool
    hub_url: str | None
    last_sync_at: datetime | None
    waiting: int  # changes in the outbox
    rejected: int
    open_conflicts: int
    problem: str | None  # the last problem in plain words, None after a good sync
    problems: int = 0  # pulled records put aside (SyncClient.problems())


@dataclass(frozen=True)
class RejectedItem:
    op_id: str
    entity: str
    entity_id: str
    reason: str
    rejected_at: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class ProblemItem:
    """A record from the hub that this workstation cannot read: put aside, not applied."""

    entity: str
    entity_id: str
    inmate_id: str | None
    hub_seq: int | None  # the hub's sequence number of the version put aside
    version: int
    reason: str
    record: str  # as the hub sent it (JSON text)
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class ConflictItem:
    id: str
    entity: str
    entity_id: str
    inmate_id: str | None
    kind: str
    field_name: str
    kept_value: Any
    lost_value: Any
    lost_by: str | None
    note: str
    auto_resolved: bool
    resolved: bool


def rejected(db: Any) -> list[RejectedItem]:
    return [
        RejectedItem(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]))
        for r in db.execute(
            "SELECT op_id, entity, entity_id, reason, rejected_at, payload "
            "FROM rejected_change ORDER BY seq"
        )
    ]


def problems(db: Any) -> list[ProblemItem]:
    """Records from the hub put aside because this workstation cannot read them (oldest
    first); each goes when a good version of its record arrives."""
    return [
        ProblemItem(r[0], r[1], r[2], r[3], r[4], r[5], r[6], str(r[7]), str(r[8]))
        for r in db.execute(
            "SELECT entity, entity_id, inmate_id, hub_seq, version, reason, record, "
            "first_seen, last_seen FROM sync_problem ORDER BY seq"
        )
    ]


def conflicts(db: Any, *, include_auto_resolved: bool = True) -> list[ConflictItem]:
    sql = (
        "SELECT id, entity, entity_id, inmate_id, kind, field_name, kept_value, lost_value, "
        "lost_by, note, auto_resolved, resolved_at FROM sync_conflict"
    )
    if not include_auto_resolved:
        sql += " WHERE auto_resolved = 0"
    return [
        ConflictItem(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            loads_or_text(r[6]),
            loads_or_text(r[7]),
            r[8],
            r[9],
            bool(r[10]),
            r[11] is not None,
        )
        for r in db.execute(sql + " ORDER BY detected_at, id")
    ]


def local_digests(db: Any, inmate_ids: Iterable[str]) -> dict[str, p.ScopeDigest]:
    """Per person: count and hash of (entity, id, hub version), as the hub computes it.

    A record put aside in the problems list counts at the version that was put aside (it
    was received, just not readable here), so ``verify`` does not take the person again
    and again for it; a newer version at the hub still differs and is taken."""

    aside: dict[str, dict[tuple[str, str], Any]] = {}
    for entity, entity_id, person, version in db.execute(
        "SELECT entity, entity_id, inmate_id, version FROM sync_problem WHERE inmate_id IS NOT NULL"
    ):
        aside.setdefault(person, {})[(entity, entity_id)] = version
    out = {}
    for inmate_id in inmate_ids:
        seen: dict[tuple[str, str], Any] = {
            ("inmate", inmate_id): version_of(db, "inmate", inmate_id)
        }
        for table, where in DROP:  # every record that belongs to the person
            if table == "inmate":
                continue  # the first line
            for row_id, version in db.execute(
                f"SELECT id, server_version FROM {table} WHERE {where}", (inmate_id,)
            ):
                seen[(table, row_id)] = version
        problems = aside.get(inmate_id, {})
        if problems:
            _children_of(db, problems, seen)
            seen.update(problems)
        lines = sorted(f"{t}:{i}:{v}" for (t, i), v in seen.items())
        out[inmate_id] = p.ScopeDigest(
            count=len(lines), digest=hashlib.sha256("\n".join(lines).encode()).hexdigest()
        )
    return out


def _children_of(
    db: Any, problems: dict[tuple[str, str], Any], seen: dict[tuple[str, str], Any]
) -> None:
    """Rows stored here whose parent was put aside (the person's tables reach them only
    through a parent row that is not here)."""
    parents = [key for key in problems if key[0] in CHILDREN]
    while parents:
        entity, entity_id = parents.pop()
        for table, key in CHILDREN[entity]:
            for row_id, version in db.execute(
                f"SELECT id, server_version FROM {table} WHERE {key} = ?", (entity_id,)
            ):
                if (table, row_id) not in seen:
                    seen[(table, row_id)] = version
                    if table in CHILDREN:
                        parents.append((table, row_id))


def version_of(db: Any, table: str, row_id: str) -> Any:
    row = db.execute(f"SELECT server_version FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return None if row is None else row[0]


def loads_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text
