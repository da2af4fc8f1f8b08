"""Temporary cover: while an officer is away, another officer has their people until a date.

A cover is stored as assignments with reason "cover" and an end date, one per person the
absent officer had when it was arranged, but it is read as a rule (``store.home.holders``):
while it runs, the cover officer has whoever the absent officer has on that day, so people
assigned to the absent officer later are covered too.  Nothing has to happen when it ends:
assignments count only between their start and end dates, so the caseload returns by itself
on the end date (and the cover officer's access to those people ends with it).
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
from officer_desk.store.queries import active_assignment_filter, people_of
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
                "{display_name} is no longer active; choose an active officer.",
                "cover_officer",
                display_name=cover.display_name,
            )
        if cover.unit_id != absent.unit_id:
            raise ValidationError(
                ("{display_name} works on another unit; choose an officer of this unit."),
                "cover_officer",
                display_name=cover.display_name,
            )
        overlapping = w.session.exec(
            select(Assignment).where(
                Assignment.officer_id == cover.id,
                Assignment.reason == AssignmentReason.COVER.value,
                col(Assignment.deleted_at).is_(None),
                Assignment.start_date < end,
                col(Assignment.end_date) > start,
            )
        ).all()
        if any(covered_officer(w.session, c) == absent.id for c in overlapping):
            raise ValidationError(
                (
                    "{display_name} already covers for {absent_display_name} in these "
                    "dates; end that cover first or choose other dates."
                ),
                "start",
                display_name=cover.display_name,
                absent_display_name=absent.display_name,
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
                "{display_name} has no one to cover on that date.",
                "absent_officer",
                display_name=absent.display_name,
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
                    covers_officer_id=absent.id,
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
        covers = [
            c
            for c in w.session.exec(
                select(Assignment).where(
                    Assignment.officer_id == cover_officer_id,
                    Assignment.reason == AssignmentReason.COVER.value,
                    *active_assignment_filter(on),
                )
            ).all()
            if covered_officer(w.session, c) == absent_officer_id
        ]
        if not covers:
            raise NotFound("There is no cover running between these officers.")
        for assignment in covers:
            w.update(assignment, {"end_date": on}, detail="cover ended early")
        return w.change


def covered_officer(session: Session, cover: Assignment) -> str | None:
    """The officer a cover row covers for; for a cover arranged before it said so, who held
    the person's contact assignment on its first day (the same reading as
    ``store.home.holders``)."""
    if cover.covers_officer_id is not None:
        return cover.covers_officer_id
    return session.exec(
        select(Assignment.officer_id).where(
            Assignment.inmate_id == cover.inmate_id,
            Assignment.reason != AssignmentReason.COVER.value,
            *active_assignment_filter(cover.start_date),
        )
    ).first()


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
    absent officer is whoever holds the person's contact assignment when the cover starts;
    ``people`` counts whom they have on the cover's first day still to come (the rule's
    reading, so people assigned to them since count)."""
    covers = session.exec(
        select(Assignment).where(
            Assignment.reason == AssignmentReason.COVER.value,
            col(Assignment.deleted_at).is_(None),
            col(Assignment.end_date) > today,
            col(Assignment.end_date) > col(Assignment.start_date),  # not a cancelled one
        )
    ).all()
    names = {o.id: o.display_name for o in session.exec(select(Officer)).all()}
    groups: set[tuple[str, str, date, date]] = set()
    for c in covers:
        assert c.end_date is not None
        groups.add((covered_officer(session, c) or "", c.officer_id, c.start_date, c.end_date))
    return sorted(
        (
            CoverRow(
                absent,
                names.get(absent, "?"),
                cov,
                names.get(cov, "?"),
                s,
                e,
                len(people_of(session, absent, max(s, today)) if absent else ()),
            )
            for absent, cov, s, e in groups
        ),
        key=lambda r: (r.end, r.cover_name),
    )
