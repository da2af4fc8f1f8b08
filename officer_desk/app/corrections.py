"""Correct anything in a person's timeline, and take back a one-click action for a short time.

One mechanism for every kind of entry, the rules of the append-only logs
(``domain.rules.effective_log_ids``): a correction of a meal, activity (a programme session
too) or conversation is a new row whose ``amends_id`` names the original, a void is such a
row with ``voided`` set and the reason; a note is corrected by a new revision and voided by
marking it ``deleted_at`` with the reason (its revisions stay).  Every one goes through
``writes.write``: audited with the reason, queued for the hub, signed.

Undo of Done (a follow-up), Enrol and Reassign writes the reverse change through the same
path, audited as ``undo``, and only within :data:`UNDO_WINDOW` of the change it reverses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import SQLModel, col, or_, select

from officer_desk.app import access
from officer_desk.app.writes import Actor, Change, Writer, write
from officer_desk.domain import moments, rules
from officer_desk.domain.enums import ActivityOutcome, DeclineReason, MealOutcome
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.store.database import Store
from officer_desk.store.tables import (
    ActivityLog,
    Assignment,
    CaseNote,
    Conversation,
    Enrolment,
    FollowUp,
    MealLog,
    MilestoneSignoff,
    Synced,
)

# The append-only logs of a timeline, by the timeline's kind names.
LOGS: dict[str, type[MealLog] | type[ActivityLog] | type[Conversation]] = {
    "meal": MealLog,
    "activity": ActivityLog,
    "conversation": Conversation,
}
KINDS = (*LOGS, "note")
# What a correction may change, per kind (when, who and which meal stay as logged: a wrong
# person or a wrong day is a void and a new entry).
AMENDABLE: dict[str, frozenset[str]] = {
    "meal": frozenset({"outcome", "decline_reason", "ate_together", "note"}),
    "activity": frozenset({"outcome", "duration_minutes", "note"}),
    "conversation": frozenset({"mood", "duration_minutes", "topics", "note"}),
    "note": frozenset({"text"}),
}
_AREAS = {"meal": "meals", "activity": "activities", "conversation": "conversations"}
# How long after a one-click action its undo is accepted.  The screen offers it for ten
# seconds; the service allows a little more for a slow worker or a busy machine.
UNDO_WINDOW = timedelta(minutes=2)
_SYNC_COLUMNS = frozenset({"id", *Synced.model_fields})


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError("“{kind}” is not a kind of timeline entry.", "kind", kind=kind)
    return kind


def _reason(reason: str, label: str) -> str:
    return rules.required_text(reason, "reason", label)


def amend_entry(
    store: Store,
    actor: Actor,
    *,
    kind: str,
    entry_id: str,
    values: Mapping[str, Any],
    reason: str,
) -> Change:
    """Correct the entry that counts now: an amendment row (a note: a new revision)."""
    why = _reason(reason, "A reason for the correction")
    if _kind(kind) == "note":
        from officer_desk.app import notes

        return notes.amend_note(
            store, actor, note_id=entry_id, text=str(values.get("text", "")), reason=why
        )
    unknown = set(values) - AMENDABLE[kind]
    if unknown:
        raise ValidationError(
            "{value1} cannot be corrected here.", "values", value1=", ".join(sorted(unknown))
        )
    with write(store, actor) as w:
        current = counting_entry(w, kind, entry_id)
        access.require_people(w.session, actor, [current.inmate_id], w.now.date(), _AREAS[kind])
        changes = _checked(kind, current, values)
        if not changes:
            raise ValidationError("Nothing was changed; change a value or cancel.", "values")
        w.insert(
            copy_entry(w, current, **changes),
            action="amend",
            detail=f"{kind} corrected ({', '.join(sorted(changes))}): {why}",
        )
        return w.change


def void_entry(store: Store, actor: Actor, *, kind: str, entry_id: str, reason: str) -> Change:
    """Void an entry with a reason: it stops counting and leaves the timeline; history stays."""
    why = _reason(reason, "A reason for the void")
    with write(store, actor) as w:
        if _kind(kind) == "note":
            note = w.session.get(CaseNote, entry_id)
            if note is None or note.deleted_at is not None:
                raise NotFound("That note does not exist (or was voided already).")
            access.require_people(w.session, actor, [note.inmate_id], w.now.date(), "notes")
            w.update(
                note,
                {"deleted_at": w.now, "void_reason": why},
                detail=f"void: {why}",
                action="void",
            )
            w.change.inmate_ids.add(note.inmate_id)
            return w.change
        current = counting_entry(w, kind, entry_id)
        access.require_people(w.session, actor, [current.inmate_id], w.now.date(), _AREAS[kind])
        void_row(w, current, why)
        return w.change


def counting_entry(w: Writer, kind: str, entry_id: str) -> Any:
    """The log row ``entry_id`` if it is the one that counts for its original now."""
    table: Any = LOGS[kind]  # one of three tables with the same log columns
    row = w.session.get(table, entry_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("That entry does not exist on this workstation.")
    root = row.amends_id or row.id
    family: Sequence[Any] = w.session.exec(
        select(table).where(
            or_(col(table.id) == root, col(table.amends_id) == root),
            col(table.deleted_at).is_(None),
        )
    ).all()
    counts = rules.effective_log_ids(
        [rules.LogEvent(r.id, r.amends_id, r.voided, r.logged_at) for r in family]
    )
    if row.id not in counts:
        raise ValidationError(
            "This entry was changed meanwhile (or voided); open the timeline again to see what "
            "counts now.",
            "entry",
        )
    return row


def copy_entry(w: Writer, row: Any, **changes: Any) -> Any:
    """A new row of ``row``'s log amending its original, logged now by the writer's actor."""
    fields = {k: v for k, v in row.model_dump().items() if k not in _SYNC_COLUMNS}
    fields.update(
        logged_at=w.now,
        logged_by=w.actor.officer_id,
        amends_id=row.amends_id or row.id,
        voided=False,
        void_reason="",
    )
    fields.update(changes)
    made: SQLModel = type(row)(**fields)
    return made


def void_row(w: Writer, row: Any, why: str) -> None:
    """The tombstone of ``row``'s original: a copy marked void, with the reason."""
    w.insert(copy_entry(w, row, voided=True, void_reason=why), action="void", detail=why)


def _checked(kind: str, current: Any, values: Mapping[str, Any]) -> dict[str, Any]:
    """The changed values, checked by the same rules as when they were logged."""
    out: dict[str, Any] = {}
    if "note" in values:
        limit = {"meal": 500, "activity": 2000, "conversation": 4000}[kind]
        out["note"] = rules.limited_text(values["note"], "note", "Note", limit)
    if "duration_minutes" in values:
        minutes, most = int(values["duration_minutes"]), 24 * 60 if kind == "activity" else 8 * 60
        if not 0 < minutes <= most:
            hours = most // 60
            raise ValidationError(
                "Duration must be between 1 minute and {hours} hours.",
                "duration_minutes",
                hours=hours,
            )
        out["duration_minutes"] = minutes
    if kind == "meal":
        out.update(_meal_values(current, values))
    elif kind == "activity" and "outcome" in values:
        out["outcome"] = _one_of(ActivityOutcome, values["outcome"], "outcome")
    elif kind == "conversation":
        if "mood" in values:
            if values["mood"] not in (1, 2, 3, 4, 5):
                raise ValidationError("Choose a mood from 1 (very low) to 5 (very good).", "mood")
            out["mood"] = int(values["mood"])
        if "topics" in values:
            topics = [rules.limited_text(t, "topics", "A topic", 60) for t in values["topics"]]
            out["topics"] = [t for t in topics if t]
    return {k: v for k, v in out.items() if getattr(current, k) != v}


def _meal_values(current: MealLog, values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    outcome = _one_of(MealOutcome, values.get("outcome", current.outcome), "outcome")
    reason = values.get("decline_reason", current.decline_reason)
    if outcome == MealOutcome.DECLINED:
        if not reason:
            raise ValidationError("Say why the meal was declined.", "decline_reason")
        reason = _one_of(DeclineReason, reason, "decline_reason")
    else:
        reason = None  # a reason belongs to a declined meal only
    out.update(outcome=outcome, decline_reason=reason)
    if "ate_together" in values:
        out["ate_together"] = bool(values["ate_together"])
    return out


def _one_of(enum: Any, value: Any, field: str) -> str:
    try:
        return str(enum(str(value)).value)
    except ValueError:
        raise ValidationError("“{value}” is not a choice here.", field, value=value) from None


# --- undo of one-click actions ----------------------------------------------------------------


def _recent(w: Writer, moment: datetime | None, what: str) -> None:
    """Refuse an undo of something done longer ago than :data:`UNDO_WINDOW`."""
    if moment is None or w.now - moments.as_utc(moment) > UNDO_WINDOW:
        raise ValidationError(
            "{what} was too long ago to undo; change it instead.", "undo", what=what
        )


def undo_follow_up_done(store: Store, actor: Actor, follow_up_id: str) -> Change:
    """The follow-up is open again (it was marked done by mistake)."""
    with write(store, actor) as w:
        row = w.session.get(FollowUp, follow_up_id)
        if row is None:
            raise NotFound("That follow-up does not exist.")
        access.require_people(w.session, actor, [row.inmate_id], w.now.date(), "follow-ups")
        if row.done_at is None:
            raise ValidationError("This follow-up is open already.", "undo")
        _recent(w, row.done_at, "Marking it done")
        w.update(row, {"done_at": None, "done_by": None}, detail="undo: done", action="undo")
        return w.change


def undo_enrolment(store: Store, actor: Actor, enrolment_id: str) -> Change:
    """An enrolment made by mistake is taken back (marked deleted; it never counted)."""
    with write(store, actor) as w:
        row = w.session.get(Enrolment, enrolment_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("That enrolment does not exist.")
        access.require_people(w.session, actor, [row.inmate_id], w.now.date(), "programmes")
        _recent(w, row.status_changed_at, "The enrolment")
        signed = w.session.exec(
            select(MilestoneSignoff.id).where(MilestoneSignoff.enrolment_id == enrolment_id)
        ).first()
        if signed is not None:
            raise ValidationError(
                "A milestone of this enrolment is signed off; withdraw it instead.", "undo"
            )
        w.update(
            row,
            {"deleted_at": w.now, "status_reason": "enrolled by mistake (undone)"},
            detail="undo: enrolled",
            action="undo",
        )
        return w.change


def undo_reassign(store: Store, actor: Actor, assignment_ids: Sequence[str]) -> Change:
    """Take back a reassignment: ``assignment_ids`` are what it wrote (the new assignments and
    the ones it ended); the new ones are withdrawn, the ended ones run on."""
    from officer_desk.domain.enums import Role

    with write(store, actor) as w:
        access.require_role(
            w.session, actor, Role.SUPERVISOR, Role.ADMIN, what="undo a reassignment"
        )
        rows = w.session.exec(
            select(Assignment).where(col(Assignment.id).in_(assignment_ids))
        ).all()
        new = [r for r in rows if r.end_date is None and r.deleted_at is None and _moved(r, rows)]
        if not new:
            raise ValidationError("Nothing of this reassignment is left to undo.", "undo")
        for row in new:
            ended = [
                r
                for r in rows
                if r.inmate_id == row.inmate_id and r.end_date == row.start_date and r is not row
            ]
            # The new one goes first, so no moment has two contact officers for a person.
            w.update(row, {"deleted_at": w.now}, detail="undo: reassigned", action="undo")
            for earlier in ended:
                w.update(earlier, {"end_date": None}, detail="undo: reassigned", action="undo")
        return w.change


def _moved(row: Assignment, rows: Sequence[Assignment]) -> bool:
    """``row`` is a move not undone yet: what it ended (if anything) ended on its first day."""
    others = [r for r in rows if r.inmate_id == row.inmate_id and r is not row]
    return all(r.deleted_at is None and r.end_date == row.start_date for r in others)
