"""Temporary cover: while an officer is away, another officer has their people until a date.

A cover is an assignment with reason "cover" and an end date, next to the person's contact
assignment.  Nothing has to happen when it ends: assignments count only between their start
and end dates, so the caseload returns by itself on the end date (and the cover officer's
access to those people ends with it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

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
) -> CoverResult:
    """Give the absent officer's contact caseload to ``cover_officer_id`` from start to end."""
    if end <= start:
        raise ValidationError("The cover must end after it starts; check the dates.", "end")
    if (end - start).days > 366:
        raise ValidationError(
            "A cover longer than a year is a reassignment; reassign instead.", "end"
        )
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.SUPERVISOR, Role.ADMIN, what="arrange cover")
        if start < w.now.date():
            raise ValidationError("The cover cannot start in the past.", "start")
        absent = w.session.get(Officer, absent_officer_id)
        cover = w.session.get(Officer, cover_officer_id)
        if absent is None or cover is None or not cover.active:
            raise NotFound("Choose two officers of the unit.")
        if absent.id == cover.id:
            raise ValidationError("An officer cannot cover for themselves.", "cover_officer")
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
