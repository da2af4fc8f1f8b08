"""Use cases for the append-only logs: meals and activities, with voids that keep history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Session, col, select

from officer_desk.app import access, corrections
from officer_desk.app.writes import Actor, Change, Writer, write
from officer_desk.domain import rules
from officer_desk.domain.enums import (
    ActivityCategory,
    ActivityOutcome,
    DeclineReason,
    Meal,
    MealOutcome,
)
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.store.database import Store
from officer_desk.store.tables import ActivityLog, Inmate, MealLog, Officer


@dataclass(frozen=True)
class MealEntry:
    inmate_id: str
    outcome: MealOutcome = MealOutcome.ATE
    decline_reason: DeclineReason | None = None
    ate_together: bool = False
    note: str = ""
    # A correction: the id of the entry that counts now for this person's meal, which this
    # one amends.  Without it, a person whose meal is already logged is refused.
    corrects: str | None = None


def _choice(enum: type[StrEnum], value: object, field: str, label: str) -> object:
    try:
        return enum(str(value))
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ValidationError(
            "{label} “{value}” is unknown; choose one of {choices}.",
            field,
            label=label,
            value=value,
            choices=choices,
        ) from None


def _require_people(w: Writer, inmate_ids: Sequence[str]) -> None:
    if not inmate_ids:
        raise ValidationError("Choose at least one person.", "people")
    if len(set(inmate_ids)) != len(inmate_ids):
        raise ValidationError("The same person is listed twice.", "people")
    found = set(
        w.session.exec(
            select(Inmate.id).where(
                col(Inmate.id).in_(inmate_ids), col(Inmate.deleted_at).is_(None)
            )
        ).all()
    )
    missing = [i for i in inmate_ids if i not in found]
    if missing:
        raise NotFound("{count} of the chosen people are not registered here.", count=len(missing))


def log_meal(
    store: Store,
    actor: Actor,
    *,
    day: date,
    meal: Meal | str,
    entries: Sequence[MealEntry],
    now: datetime | None = None,
) -> Change:
    """Log one meal for several people at once: one row, audit and outbox entry each.

    One meal is logged once per person: a person whose meal already counts is refused
    unless the entry corrects it (``MealEntry.corrects``), which writes an amendment of the
    entry that counts, so the day still has one breakfast for them."""
    with write(store, actor) as w:
        moment = now or w.now
        meal = _choice(Meal, meal, "meal", "Meal")  # type: ignore[assignment]
        if day > moment.date():
            raise ValidationError("The meal's day is in the future.", "day")
        ids = [e.inmate_id for e in entries]
        _require_people(w, ids)
        access.require_people(w.session, actor, ids, day, "meals")
        if len(set(ids)) < len(ids):
            raise ValidationError("A person is listed twice for this meal.", "people")
        logged = logged_meals(w.session, ids, day, str(meal))
        for entry in entries:
            amends = _amended(logged.get(entry.inmate_id), entry)
            outcome = _choice(MealOutcome, entry.outcome, "outcome", "Outcome")
            reason = rules.checked_decline_reason(str(outcome), entry.decline_reason)
            w.insert(
                MealLog(
                    inmate_id=entry.inmate_id,
                    day=day,
                    meal=str(meal),
                    outcome=str(outcome),
                    decline_reason=None if reason is None else str(reason),
                    ate_together=entry.ate_together,
                    logged_at=moment,
                    logged_by=actor.officer_id,
                    note=rules.limited_text(entry.note, "note", "Note", 500),
                    amends_id=amends,
                ),
                action="create" if amends is None else "amend",
                detail=f"{meal} {day.isoformat()}: {outcome}",
            )
        return w.change


def logged_meals(
    session: Session, inmate_ids: Sequence[str], day: date, meal: str
) -> dict[str, MealLog]:
    """The entry that counts for each person's ``meal`` on ``day`` (people with none left out)."""
    rows = session.exec(
        select(MealLog).where(
            col(MealLog.inmate_id).in_(list(inmate_ids)),
            MealLog.day == day,
            MealLog.meal == meal,
            col(MealLog.deleted_at).is_(None),
        )
    ).all()
    counts = rules.effective_log_ids(
        [rules.LogEvent(r.id, r.amends_id, r.voided, r.logged_at) for r in rows]
    )
    return {r.inmate_id: r for r in rows if r.id in counts}


@dataclass(frozen=True)
class LoggedMeal:
    """A person's meal as it counts now, for the meal screen (plain values, no ORM row)."""

    entry_id: str
    outcome: str
    decline_reason: str | None
    ate_together: bool
    logged_by: str  # the officer's name ("" when unknown)
    logged_at: datetime


def meal_slot(
    store: Store, day: date, meal: str, inmate_ids: Sequence[str]
) -> dict[str, LoggedMeal]:
    """Who already has ``meal`` on ``day`` logged, and how (people with none left out)."""
    with store.reading() as session:
        logged = logged_meals(session, inmate_ids, day, meal)
        names = dict(session.exec(select(Officer.id, Officer.display_name)).all())
        return {
            inmate_id: LoggedMeal(
                row.id,
                row.outcome,
                row.decline_reason,
                row.ate_together,
                names.get(row.logged_by or "", ""),
                row.logged_at,
            )
            for inmate_id, row in logged.items()
        }


def _amended(current: MealLog | None, entry: MealEntry) -> str | None:
    """The original an entry amends (None: a first entry), or why it may not be written."""
    field = f"row:{entry.inmate_id}"
    if entry.corrects is None:
        if current is not None:
            raise ValidationError(
                "This meal is already logged for this person; correct it instead of logging "
                "it again.",
                field,
            )
        return None
    if current is None or current.id != entry.corrects:
        raise ValidationError(
            "This entry was changed meanwhile (or voided); close the meal and open it again "
            "to see what counts now.",
            field,
        )
    return current.amends_id or current.id


def void_meal(store: Store, actor: Actor, *, meal_log_id: str, reason: str) -> Change:
    """Void a meal entry: a tombstone row with the reason; the original stays in history."""
    return corrections.void_entry(store, actor, kind="meal", entry_id=meal_log_id, reason=reason)


@dataclass(frozen=True)
class ActivityEntry:
    category: ActivityCategory
    started_at: datetime
    duration_minutes: int
    outcome: ActivityOutcome = ActivityOutcome.ATTENDED
    note: str = ""
    # A session of this programme: everyone logged must be enrolled in it (not waiting).
    programme_id: str | None = None


def log_activity(
    store: Store,
    actor: Actor,
    *,
    inmate_ids: Sequence[str],
    activity: ActivityEntry,
) -> Change:
    """Log one activity for one or several people."""
    with write(store, actor) as w:
        category = _choice(ActivityCategory, activity.category, "category", "Activity")
        outcome = _choice(ActivityOutcome, activity.outcome, "outcome", "Outcome")
        rules.not_in_future(activity.started_at, w.now, "started_at", "The start time")
        if not 0 < activity.duration_minutes <= 24 * 60:
            raise ValidationError(
                "Duration must be between 1 minute and 24 hours.", "duration_minutes"
            )
        note = rules.limited_text(activity.note, "note", "Note", 2000)
        _require_people(w, list(inmate_ids))
        access.require_people(w.session, actor, inmate_ids, w.now.date(), "activities")
        if category is ActivityCategory.PROGRAMME and activity.programme_id is None:
            # A session that names no programme counts nowhere (no hours, no attendance).
            raise ValidationError("Choose the programme this session belongs to.", "programme")
        if activity.programme_id is not None:
            _require_enrolled(w, inmate_ids, activity.programme_id)
        for inmate_id in inmate_ids:
            w.insert(
                ActivityLog(
                    inmate_id=inmate_id,
                    category=str(category),
                    started_at=activity.started_at,
                    duration_minutes=activity.duration_minutes,
                    outcome=str(outcome),
                    note=note,
                    logged_at=w.now,
                    logged_by=actor.officer_id,
                    programme_id=activity.programme_id,
                ),
                detail=f"{category}: {outcome}",
            )
        return w.change


def _require_enrolled(w: Writer, inmate_ids: Sequence[str], programme_id: str) -> None:
    from officer_desk.store.tables import Enrolment

    enrolled = set(
        w.session.exec(
            select(Enrolment.inmate_id).where(
                col(Enrolment.inmate_id).in_(inmate_ids),
                Enrolment.programme_id == programme_id,
                col(Enrolment.status).in_(["active", "completed"]),
                col(Enrolment.deleted_at).is_(None),
            )
        ).all()
    )
    missing = len([i for i in inmate_ids if i not in enrolled])
    if missing:
        raise ValidationError(
            (
                "{missing} of the chosen people are not enrolled in this programme "
                "(or are still on its waiting list); enrol them first or log a "
                "plain activity."
            ),
            "programme",
            missing=missing,
        )


def _last_batch(session: Session, actor: Actor, since: datetime) -> Sequence[MealLog]:
    """The officer's last meal log since ``since`` (one "log lunch" for everyone in it) that
    still stands as logged: not voided, not corrected."""
    replaced = select(MealLog.amends_id).where(col(MealLog.amends_id).is_not(None))
    standing = (
        MealLog.logged_by == actor.officer_id,
        MealLog.logged_at >= since,
        col(MealLog.amends_id).is_(None),
        col(MealLog.id).not_in(replaced),
    )
    last = session.exec(
        select(MealLog.logged_at).where(*standing).order_by(col(MealLog.logged_at).desc()).limit(1)
    ).first()
    if last is None:
        return []
    return session.exec(select(MealLog).where(*standing, MealLog.logged_at == last)).all()


@dataclass(frozen=True)
class MealBatch:
    """What "undo last meal log" would void (for the screen to say before asking why)."""

    meal: str
    day: date
    people: int
    logged_at: datetime


def last_meal_batch(store: Store, actor: Actor, *, since: datetime) -> MealBatch | None:
    """The meal log an undo would void now, or None when there is nothing to undo."""
    with store.reading() as session:
        batch = _last_batch(session, actor, since)
        if not batch:
            return None
        first = batch[0]
        return MealBatch(first.meal, first.day, len(batch), first.logged_at)


def undo_last_meal_log(store: Store, actor: Actor, *, since: datetime, reason: str) -> Change:
    """Void the last meal log this officer saved since ``since`` (the start of the shift).

    One "log lunch" for six people is one batch (same officer, same moment); the whole batch is
    voided with the reason, and stays in history as written.
    """
    why = rules.required_text(reason, "reason", "A reason for the undo")
    with write(store, actor) as w:
        batch = _last_batch(w.session, actor, since)
        if not batch:
            raise NotFound("There is no meal log of yours in this shift to undo.")
        access.require_people(w.session, actor, [r.inmate_id for r in batch], w.now.date(), "meals")
        for original in batch:
            corrections.void_row(w, original, why)
        return w.change
