"""Conflict review: what the sync could not merge, decided by a supervisor.

The hub opens a ``sync_conflict`` for a value that lost a concurrent change (``field``, decided
automatically by the newer HLC but kept for review), for two revisions of one case note written
at once (``note_revisions``) and for a checklist item set to opposite statuses
(``disputed``), and when changes made apart would break one of the unit's invariants
(``INVARIANT_KINDS``, see ``server/invariants.py``: two contact officers, one officer's
overlapping covers, two ongoing enrolments, two release plans, a sign-off made twice),
the later change stored closed or refused.  A decision is itself a synced change through the
single write path: the chosen value is written as a normal field update (its fresh HLC makes
it win everywhere; for a contact officer, an ordinary reassignment) and the conflict is marked
resolved (``resolved_at``/``resolved_by``, the decision in ``note``).
The hub accepts that update from a supervisor only.  Changes the hub rejected are listed
beside the conflicts; a supervisor dismisses them once read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Session, SQLModel, col, func, select

from officer_desk.app import access
from officer_desk.app.people import assign_in
from officer_desk.app.writes import Actor, Change, refusals_audited, write
from officer_desk.domain import moments, rules
from officer_desk.domain.enums import INVARIANT_CONFLICT_KINDS, AssignmentReason, Role
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.domain.hlc import Timestamp
from officer_desk.domain.release import ItemStatus
from officer_desk.store.database import Store
from officer_desk.store.tables import (
    Assignment,
    CaseNote,
    CaseNoteRevision,
    Inmate,
    Officer,
    RejectedChange,
    ReleasePlan,
    ReleasePlanItem,
    SyncConflict,
)

# Conflicts the hub opens to keep an invariant: what lost was closed or refused, so deciding
# is keeping what stands or (a contact officer) making the other officer the contact now.
INVARIANT_KINDS = frozenset(INVARIANT_CONFLICT_KINDS)


class Decision(StrEnum):
    KEEP = "keep"  # the value the sync kept stands
    TAKE_OTHER = "take_other"  # the value that lost is put back
    MERGE = "merge"  # a value the supervisor wrote (combined text, or any checklist status)
    KEEP_BOTH = "keep_both"  # note revisions only: both stay in the note's history


DECISION_WORDS = {
    Decision.KEEP: "kept the value the sync kept",
    Decision.TAKE_OTHER: "put back the other value",
    Decision.MERGE: "wrote a combined value",
    Decision.KEEP_BOTH: "kept both revisions",
}


@dataclass(frozen=True)
class Side:
    """One competing value: what, who, on which workstation, when."""

    value: Any
    by: str | None  # officer's name, None when not known
    device: str  # the workstation's id ("" when not known)
    at: datetime | None
    here: bool  # written on this workstation


@dataclass(frozen=True)
class ConflictRow:
    id: str
    kind: str  # field | note_revisions | disputed | one of INVARIANT_KINDS
    entity: str
    entity_id: str
    inmate_id: str | None
    person: str
    record: str  # what the value belongs to, in words
    field_name: str
    kept: Side
    lost: Side
    note: str
    detected_at: datetime | None
    auto_resolved: bool
    resolved: bool

    @property
    def decisions(self) -> tuple[Decision, ...]:
        if self.kind == "note_revisions":
            return (Decision.KEEP, Decision.TAKE_OTHER, Decision.MERGE, Decision.KEEP_BOTH)
        if self.kind == "disputed":
            return (Decision.KEEP, Decision.TAKE_OTHER, Decision.MERGE)
        if self.kind == "assignment":
            return (Decision.KEEP, Decision.TAKE_OTHER)
        if self.kind in INVARIANT_KINDS:
            return (Decision.KEEP,)
        if isinstance(self.kept.value, str | None) and isinstance(self.lost.value, str | None):
            return (Decision.KEEP, Decision.TAKE_OTHER, Decision.MERGE)
        return (Decision.KEEP, Decision.TAKE_OTHER)


@dataclass(frozen=True)
class RejectedRow:
    op_id: str
    entity: str
    entity_id: str
    person: str
    reason: str
    rejected_at: datetime | None
    fields: tuple[tuple[str, Any], ...]  # what the change tried to set


@dataclass(frozen=True)
class Inbox:
    conflicts: tuple[ConflictRow, ...]
    rejected: tuple[RejectedRow, ...]

    @property
    def open_count(self) -> int:
        return sum(1 for c in self.conflicts if not c.resolved and not c.auto_resolved)


# --- reading ---------------------------------------------------------------------------------


def model_of(entity: str) -> type[SQLModel]:
    table = SQLModel.metadata.tables.get(entity)
    for mapper in SQLModel._sa_registry.mappers:
        if table is not None and mapper.local_table is table:
            model: type[SQLModel] = mapper.class_
            return model
    raise NotFound("Records of kind “{kind}” are not kept on this workstation.", kind=entity)


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def _hlc_side(
    hlc: str, by: str | None, names: dict[str, str], device_here: str
) -> tuple[str, datetime | None, bool]:
    try:
        stamp = Timestamp.decode(hlc)
    except ValueError:
        return "", None, False
    at = datetime.fromtimestamp(stamp.millis / 1000, UTC) if stamp.millis else None
    return stamp.device, at, stamp.device == device_here


def _kept_side(session: Session, c: SyncConflict, names: dict[str, str], here: str) -> Side:
    kept = _loads(c.kept_value)
    if c.kind == "note_revisions":
        revision = session.get(CaseNoteRevision, c.entity_id)
        other = None
        if revision is not None:
            other = session.exec(
                select(CaseNoteRevision).where(
                    CaseNoteRevision.note_id == revision.note_id,
                    CaseNoteRevision.id != revision.id,
                    CaseNoteRevision.text == kept,
                )
            ).first()
        if other is not None:
            return Side(
                kept,
                names.get(other.written_by or ""),
                other.device_id or "",
                other.written_at,
                other.device_id == here,
            )
        return Side(kept, None, "", None, False)
    row = session.get(model_of(c.entity), c.entity_id)
    if row is None:
        return Side(kept, None, "", None, False)
    device, at, is_here = _hlc_side(str(getattr(row, "updated_hlc", "") or ""), None, names, here)
    return Side(kept, names.get(str(getattr(row, "updated_by", "") or "")), device, at, is_here)


def _standing_assignment(session: Session, c: SyncConflict) -> Assignment | None:
    """The contact assignment that stood against the one the hub closed."""
    return session.exec(
        select(Assignment)
        .where(
            Assignment.inmate_id == (c.inmate_id or ""),
            Assignment.officer_id == str(_loads(c.kept_value)),
            Assignment.reason != AssignmentReason.COVER.value,
            col(Assignment.deleted_at).is_(None),
            Assignment.id != c.entity_id,
        )
        .order_by(col(Assignment.start_date).desc())
    ).first()


def _invariant_sides(
    session: Session, c: SyncConflict, names: dict[str, str], here: str
) -> tuple[Side, Any]:
    """(the kept side, the lost value) of an invariant conflict: officers by name."""
    kept, lost = _loads(c.kept_value), _loads(c.lost_value)
    if c.kind != "assignment":
        return Side(kept, None, "", None, False), lost
    row = _standing_assignment(session, c)
    name = names.get(str(kept), str(kept))
    if row is None:
        return Side(name, None, "", None, False), names.get(str(lost), str(lost))
    device, at, is_here = _hlc_side(row.updated_hlc, None, names, here)
    return Side(name, names.get(row.updated_by or ""), device, at, is_here), names.get(
        str(lost), str(lost)
    )


def _record_words(session: Session, c: SyncConflict) -> str:
    if c.kind == "assignment":
        return "Contact officer"
    if c.kind == "cover":
        return "Cover"
    if c.kind == "enrolment":
        return "Programme enrolment"
    if c.kind == "release_plan":
        return "Release plan"
    if c.kind == "milestone_signoff":
        return "Programme milestone"
    if c.kind == "release_signoff":
        return "Release sign-off"
    if c.entity == "release_plan_item":
        item = session.get(ReleasePlanItem, c.entity_id)
        return f"Release plan: {item.title_en}" if item else "Release plan item"
    if c.entity == "case_note_revision":
        return "Case note"
    if c.entity == "inmate":
        return f"Profile: {c.field_name.replace('_', ' ')}"
    label = c.entity.replace("_", " ").capitalize()
    return f"{label}: {c.field_name.replace('_', ' ')}" if c.field_name else label


def _inmate_of(
    session: Session, entity: str, entity_id: str, payload: dict[str, Any]
) -> str | None:
    if entity == "inmate":
        return entity_id
    if payload.get("inmate_id"):
        return str(payload["inmate_id"])
    try:
        row = session.get(model_of(entity), entity_id)
    except NotFound:
        return None
    return getattr(row, "inmate_id", None) if row is not None else None


def read_inbox(session: Session, *, device_id: str, include_resolved: bool = False) -> Inbox:
    """The conflicts (open ones first, then the automatic ones still to review) and the
    rejected changes of this workstation."""
    names = {o.id: o.display_name for o in session.exec(select(Officer)).all()}
    people = {i.id: i.full_name for i in session.exec(select(Inmate)).all()}
    query = select(SyncConflict).where(col(SyncConflict.deleted_at).is_(None))
    if not include_resolved:
        query = query.where(col(SyncConflict.resolved_at).is_(None))
    rows = []
    for c in session.exec(query.order_by(col(SyncConflict.detected_at))).all():
        device, at, here = _hlc_side(c.lost_hlc, c.lost_by, names, device_id)
        if c.kind in INVARIANT_KINDS:
            kept_side, lost_value = _invariant_sides(session, c, names, device_id)
        else:
            kept_side, lost_value = _kept_side(session, c, names, device_id), _loads(c.lost_value)
        rows.append(
            ConflictRow(
                id=c.id,
                kind=c.kind,
                entity=c.entity,
                entity_id=c.entity_id,
                inmate_id=c.inmate_id,
                person=people.get(c.inmate_id or "", ""),
                record=_record_words(session, c),
                field_name=c.field_name,
                kept=kept_side,
                lost=Side(lost_value, names.get(c.lost_by or ""), device, at, here),
                note=c.note,
                detected_at=c.detected_at,
                auto_resolved=c.auto_resolved,
                resolved=c.resolved_at is not None,
            )
        )
    rows.sort(key=lambda r: (r.resolved, r.auto_resolved))
    rejected = []
    for r in session.exec(select(RejectedChange).order_by(col(RejectedChange.seq))).all():
        payload = _loads(r.payload)
        payload = payload if isinstance(payload, dict) else {}
        inmate_id = _inmate_of(session, r.entity, r.entity_id, payload)
        skip = {"id", "updated_hlc", "updated_by", "device_id", "server_version", "deleted_at"}
        rejected.append(
            RejectedRow(
                op_id=r.op_id,
                entity=r.entity,
                entity_id=r.entity_id,
                person=people.get(inmate_id or "", ""),
                reason=r.reason,
                rejected_at=r.rejected_at,
                fields=tuple((k, v) for k, v in sorted(payload.items()) if k not in skip),
            )
        )
    return Inbox(tuple(rows), tuple(rejected))


def inbox(store: Store, actor: Actor, *, include_resolved: bool = False) -> Inbox:
    """What a supervisor reviews (anyone else is refused, and the refusal audited)."""
    with refusals_audited(store, actor), store.reading() as session:
        access.require_role(session, actor, Role.SUPERVISOR, what="review sync conflicts")
        return read_inbox(session, device_id=store.device_id, include_resolved=include_resolved)


# --- deciding --------------------------------------------------------------------------------


def _column_value(model: type[SQLModel], name: str, value: Any) -> Any:
    """A wire (JSON) value as the column holds it (dates come as ISO text)."""
    column = model.__table__.columns.get(name)  # type: ignore[attr-defined]
    if column is None:
        raise ValidationError("The record has no field “{name}” any more.", "field", name=name)
    if value is None or not isinstance(value, str):
        return value
    try:
        kind = column.type.python_type
    except NotImplementedError:
        kind = str
    if kind is datetime or column.type.__class__.__name__ == "UTCDateTime":
        return moments.parse_utc(value)
    if kind is date:
        return date.fromisoformat(value)
    return value


def resolve(
    store: Store,
    actor: Actor,
    *,
    conflict_id: str,
    decision: Decision | str,
    merged: str | None = None,
) -> Change:
    """Decide a conflict (supervisors).  ``merged`` is the combined text for MERGE, or the
    status a supervisor gives a disputed checklist item."""
    try:
        decision = Decision(decision)
    except ValueError:
        raise ValidationError(
            "“{decision}” is not a way to decide a conflict.", "decision", decision=decision
        ) from None
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.SUPERVISOR, what="decide sync conflicts")
        conflict = w.session.get(SyncConflict, conflict_id)
        if conflict is None or conflict.deleted_at is not None:
            raise NotFound("That conflict is not on this workstation.")
        if conflict.resolved_at is not None:
            who = w.session.get(Officer, conflict.resolved_by) if conflict.resolved_by else None
            raise ValidationError(
                "This conflict was already decided by {who} on {at}; reload the list."
                if who
                else "This conflict was already decided on {at}; reload the list.",
                "decision",
                who=who.display_name if who else "",
                at=f"{conflict.resolved_at:%Y-%m-%d %H:%M}",
            )
        if conflict.inmate_id:
            access.require_people(w.session, actor, [conflict.inmate_id], w.now.date(), "records")
        if conflict.kind == "note_revisions":
            summary = _decide_note(w, conflict, decision, merged)
        elif conflict.kind == "disputed":
            summary = _decide_status(w, conflict, decision, merged)
        elif conflict.kind in INVARIANT_KINDS:
            summary = _decide_invariant(w, conflict, decision)
        else:
            summary = _decide_field(w, conflict, decision, merged)
        w.update(
            conflict,
            {
                "resolved_at": w.now,
                "resolved_by": actor.officer_id,
                "note": (conflict.note + "\n" if conflict.note else "")
                + f"Decided by {actor.name}: {summary}.",
            },
            detail=f"conflict decided: {decision.value}",
        )
        if conflict.inmate_id:
            w.change.inmate_ids.add(conflict.inmate_id)
        return w.change


def _chosen(conflict: SyncConflict, decision: Decision, merged: str | None) -> Any:
    if decision is Decision.KEEP:
        return _loads(conflict.kept_value)
    if decision is Decision.TAKE_OTHER:
        return _loads(conflict.lost_value)
    if merged is None or not merged.strip():
        raise ValidationError("Write the combined value before saving the decision.", "merged")
    return merged


def _decide_field(w: Any, conflict: SyncConflict, decision: Decision, merged: str | None) -> str:
    if decision is Decision.KEEP_BOTH:
        raise ValidationError(
            "A field holds one value: choose one of them, or write a combined value.", "decision"
        )
    model = model_of(conflict.entity)
    row = w.session.get(model, conflict.entity_id)
    if row is None:
        raise NotFound("The record this conflict is about is not on this workstation.")
    kept, lost = _loads(conflict.kept_value), _loads(conflict.lost_value)
    if decision is Decision.MERGE and not (
        isinstance(kept, str | None) and isinstance(lost, str | None)
    ):
        raise ValidationError(
            "Only text can be combined; choose one of the two values.", "decision"
        )
    value = _chosen(conflict, decision, merged)
    if decision is Decision.MERGE:
        value = rules.limited_text(value, "merged", "The combined value", rules.MAX_NOTE_TEXT)
    w.update(
        row,
        {conflict.field_name: _column_value(model, conflict.field_name, value)},
        detail=f"conflict decided: {conflict.field_name}",
    )
    return DECISION_WORDS[decision]


def _decide_status(w: Any, conflict: SyncConflict, decision: Decision, merged: str | None) -> str:
    if decision is Decision.KEEP_BOTH:
        raise ValidationError(
            "A checklist item has one status: choose the status it has now.", "decision"
        )
    value = _chosen(conflict, decision, merged)
    try:
        status = ItemStatus(value)
    except ValueError:
        raise ValidationError(
            "“{value}” is not a checklist status.", "merged", value=value
        ) from None
    if status is ItemStatus.DISPUTED:
        raise ValidationError("Choose the status the item really has.", "merged")
    item = w.session.get(ReleasePlanItem, conflict.entity_id)
    if item is None:
        raise NotFound("The checklist item is not on this workstation.")
    w.update(item, {"status": status.value}, detail=f"dispute decided: {status.value}")
    plan = w.session.get(ReleasePlan, item.plan_id)
    if plan is not None:
        w.change.inmate_ids.add(plan.inmate_id)
    return f"set the status to {status.value}"


def _decide_invariant(w: Any, conflict: SyncConflict, decision: Decision) -> str:
    """What stands stays (KEEP), or for a contact officer the other officer becomes the
    contact from today: an ordinary reassignment, synced like any other."""
    if decision is Decision.KEEP:
        return "kept what the sync kept"
    if conflict.kind != "assignment" or decision is not Decision.TAKE_OTHER:
        raise ValidationError(
            "What lost here was closed by the sync; keep what stands, and make the change "
            "again if it is still wanted.",
            "decision",
        )
    officer_id = str(_loads(conflict.lost_value))
    inmate_id = conflict.inmate_id or ""
    officer = w.session.get(Officer, officer_id)
    assign_in(
        w,
        officer_id=officer_id,
        inmate_id=inmate_id,
        start=w.now.date(),
        reason=AssignmentReason.OTHER,
        note="sync conflict decided",
    )
    w.change.inmate_ids.add(inmate_id)
    return f"made {officer.display_name if officer else 'the other officer'} the contact officer"


def _decide_note(w: Any, conflict: SyncConflict, decision: Decision, merged: str | None) -> str:
    if decision is Decision.KEEP_BOTH:
        return DECISION_WORDS[decision]
    revision = w.session.get(CaseNoteRevision, conflict.entity_id)
    if revision is None:
        raise NotFound("The note revision is not on this workstation.")
    text = _chosen(conflict, decision, merged)
    text = rules.required_text(str(text), "merged", "The note", rules.MAX_NOTE_TEXT)
    note = w.session.get(CaseNote, revision.note_id)
    last = w.session.exec(
        select(CaseNoteRevision)
        .where(CaseNoteRevision.note_id == revision.note_id)
        .order_by(col(CaseNoteRevision.number).desc())
    ).first()
    if last is not None and last.text == text:
        return DECISION_WORDS[decision]  # the note already reads that way
    number = (
        w.session.exec(
            select(func.max(CaseNoteRevision.number)).where(
                CaseNoteRevision.note_id == revision.note_id
            )
        ).one()
        or 0
    )
    w.insert(
        CaseNoteRevision(
            note_id=revision.note_id,
            number=number + 1,
            text=text,
            written_at=w.now,
            written_by=w.actor.officer_id,
        ),
        action="amend",
        detail=f"revision {number + 1} (conflict decided)",
    )
    if note is not None:
        w.change.inmate_ids.add(note.inmate_id)
    return DECISION_WORDS[decision]


def dismiss_rejected(store: Store, actor: Actor, *, op_id: str) -> Change:
    """Take a rejected change off the list once a supervisor has read it (audited; the
    list is this workstation's own, so nothing is synced)."""
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.SUPERVISOR, what="clear rejected changes")
        row = w.session.exec(select(RejectedChange).where(RejectedChange.op_id == op_id)).first()
        if row is None:
            raise NotFound("That rejected change is no longer in the list.")
        w.audit_only(
            "dismiss",
            row.entity,
            row.entity_id,
            f"rejected change read and dismissed ({row.reason})",
        )
        w.session.delete(row)
        w.change.entities.add("rejected_change")
        return w.change
