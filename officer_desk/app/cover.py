"""Temporary cover: while an officer is away, another officer has their people until a date.

A cover is an assignment with reason "cover" and an end date, next to the person's contact
assignment.  Nothing has to happen when it ends: assignments count only between their start
and end dates, so the caseload returns by itself on the end date (and the cover officer's
access to those people ends with it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from officer_desk.app import access
from officer_desk.app.people import active_caseload_size
from officer_desk.app.writes import Actor, Change, write
from officer_desk.domain import rules
from officer_desk.domain.enums import AssignmentReason, Role
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.store.database import Store
from officer_desk.store.queries import active_assignment_filter
from officer_desk.store.tables import Assignment, Officer


@dataclass
class CoverResult:
    change: Change
    people: int
    warning: str | None


def arrange_cover(
    store: Store,
    actor: Actor,
    *,
    absent_officer_id: str,
    cover_officer_id: str,
    start: date,
    end: date,
    note: str = "",
    today: date | None = None,
) -> CoverResult:
    """Give the absent officer's contact caseload to ``cover_officer_id`` from start to end.

    ``today`` is the workstation's date (tests pass their own); the end date is exclusive:
    on ``end`` the people are back with their contact officer without anyone acting."""
    if end <= start:
        raise ValidationError("The cover must end after it starts; check the dates.", "end")
    if (end - start).days > 366:
        raise ValidationError(
            "A cover longer than a year is a reassignment; reassign instead.", "end"
        )
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.SUPERVISOR, Role.ADMIN, what="arrange cover")
        if start < (today or w.now.date()):
            raise ValidationError("The cover cannot start in the past.", "start")
        absent = w.session.get(Officer, absent_officer_id)
        cover = w.session.get(Officer, cover_officer_id)
        if absent is None or cover is None:
            raise NotFound("Choose two officers of the unit.")
        if absent.id == cover.id:
            raise ValidationError("An officer cannot cover for themselves.", "cover_officer")
        if not cover.active:
            raise ValidationError(
                f"{cover.display_name} is no longer active; choose an active officer.",
                "cover_officer",
            )
        if cover.unit_id != absent.unit_id:
            raise ValidationError(
                f"{cover.display_name} works on another unit; choose an officer of this unit.",
                "cover_officer",
            )
        overlapping = w.session.exec(
            select(Assignment.id).where(
                Assignment.officer_id == cover.id,
                Assignment.reason == AssignmentReason.COVER.value,
                col(Assignment.deleted_at).is_(None),
                Assignment.start_date < end,
                col(Assignment.end_date) > start,
                col(Assignment.inmate_id).in_(
                    select(Assignment.inmate_id).where(
                        Assignment.officer_id == absent.id, *active_assignment_filter(start)
                    )
                ),
            )
        ).first()
        if overlapping is not None:
            raise ValidationError(
                f"{cover.display_name} already covers for {absent.display_name} in these "
                "dates; end that cover first or choose other dates.",
                "start",
            )
        contact = w.session.exec(
            select(Assignment).where(
                Assignment.officer_id == absent.id,
                Assignment.reason != AssignmentReason.COVER.value,
                *active_assignment_filter(start),
            )
        ).all()
        if not contact:
            raise ValidationError(
                f"{absent.display_name} has no one to cover on that date.", "absent_officer"
            )
        text = rules.limited_text(note, "note", "Note")
        for assignment in contact:
            w.insert(
                Assignment(
                    officer_id=cover.id,
                    inmate_id=assignment.inmate_id,
                    start_date=start,
                    end_date=end,
                    reason=AssignmentReason.COVER.value,
                    note=text,
                ),
                detail=f"cover for {absent.username} by {cover.username} until {end}",
            )
        warning = rules.caseload_warning(active_caseload_size(w.session, cover.id, start))
        return CoverResult(w.change, len(contact), warning)


def end_cover(
    store: Store, actor: Actor, *, cover_officer_id: str, absent_officer_id: str, on: date
) -> Change:
    """End a cover early (the absent officer is back): the covers' end date becomes ``on``."""
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.SUPERVISOR, Role.ADMIN, what="end cover")
        theirs = select(Assignment.inmate_id).where(
            Assignment.officer_id == absent_officer_id, *active_assignment_filter(on)
        )
        covers = w.session.exec(
            select(Assignment).where(
                Assignment.officer_id == cover_officer_id,
                Assignment.reason == AssignmentReason.COVER.value,
                col(Assignment.inmate_id).in_(theirs),
                *active_assignment_filter(on),
            )
        ).all()
        if not covers:
            raise NotFound("There is no cover running between these officers.")
        for assignment in covers:
            w.update(assignment, {"end_date": on}, detail="cover ended early")
        return w.change


@dataclass(frozen=True)
class CoverRow:
    """A running or planned cover, as the cover screen lists it."""

    absent_officer_id: str
    absent_name: str
    cover_officer_id: str
    cover_name: str
    start: date
    end: date
    people: int


def covers_from(session: Session, today: date) -> list[CoverRow]:
    """Covers that have not ended by ``today`` (running or planned), by end date.  The
    absent officer is whoever holds the person's contact assignment when the cover starts."""
    covers = session.exec(
        select(Assignment).where(
            Assignment.reason == AssignmentReason.COVER.value,
            col(Assignment.deleted_at).is_(None),
            col(Assignment.end_date) > today,
            col(Assignment.end_date) > col(Assignment.start_date),  # not a cancelled one
        )
    ).all()
    names = {o.id: o.display_name for o in session.exec(select(Officer)).all()}
    groups: dict[tuple[str, str, date, date], int] = {}
    for c in covers:
        assert c.end_date is not None
        contact = session.exec(
            select(Assignment.officer_id).where(
                Assignment.inmate_id == c.inmate_id,
                Assignment.reason != AssignmentReason.COVER.value,
                *active_assignment_filter(c.start_date),
            )
        ).first()
        key = (contact or "", c.officer_id, c.start_date, c.end_date)
        groups[key] = groups.get(key, 0) + 1
    return sorted(
        (
            CoverRow(absent, names.get(absent, "?"), cov, names.get(cov, "?"), s, e, n)
            for (absent, cov, s, e), n in groups.items()
        ),
        key=lambda r: (r.end, r.cover_name),
    )
