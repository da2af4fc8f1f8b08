"""Read queries shared by the screens, the admin command line and the reports.

They return plain frozen dataclasses (no live ORM objects), so results can cross from the
database worker thread to the GUI thread safely.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, func, select

from officer_desk.domain import rules
from officer_desk.domain.rules import LogEvent
from officer_desk.store.tables import Assignment, Inmate, MealLog, Officer

REFUSAL_LOOKBACK_MEALS = 40


@dataclass(frozen=True)
class OfficerSummary:
    id: str
    username: str
    display_name: str
    role: str
    caseload_size: int


@dataclass(frozen=True)
class CaseloadRow:
    inmate_id: str
    prison_number: str
    full_name: str
    preferred_name: str
    cell: str
    arrival_date: date | None
    expected_release_date: date | None
    days_to_release: int | None
    diet: str
    allergies: str
    alerts: tuple[str, ...]
    meals_today: tuple[tuple[str, str], ...]  # (meal, outcome) in the order logged
    refusal_streak: int

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name


def active_assignment_filter(on: date) -> tuple[Any, ...]:
    """WHERE clauses for assignments in force on ``on`` (start inclusive, end exclusive)."""
    return (
        col(Assignment.deleted_at).is_(None),
        Assignment.start_date <= on,
        (col(Assignment.end_date).is_(None)) | (col(Assignment.end_date) > on),
    )


def officers(session: Session, on: date) -> list[OfficerSummary]:
    counts = dict(
        session.exec(
            select(Assignment.officer_id, func.count())
            .where(*active_assignment_filter(on))
            .group_by(Assignment.officer_id)
        ).all()
    )
    rows = session.exec(
        select(Officer)
        .where(col(Officer.active).is_(True), col(Officer.deleted_at).is_(None))
        .order_by(Officer.display_name)
    ).all()
    return [
        OfficerSummary(o.id, o.username, o.display_name, o.role, counts.get(o.id, 0)) for o in rows
    ]


def caseload(session: Session, officer_id: str, today: date) -> list[CaseloadRow]:
    people = session.exec(
        select(Inmate)
        .join(Assignment, col(Assignment.inmate_id) == col(Inmate.id))
        .where(
            Assignment.officer_id == officer_id,
            *active_assignment_filter(today),
            col(Inmate.deleted_at).is_(None),
        )
        .order_by(Inmate.full_name)
    ).all()
    ids = [p.id for p in people]
    today_meals = effective_meals(session, ids, day=today)
    return [
        CaseloadRow(
            inmate_id=p.id,
            prison_number=p.prison_number,
            full_name=p.full_name,
            preferred_name=p.preferred_name,
            cell=p.cell,
            arrival_date=p.arrival_date,
            expected_release_date=p.expected_release_date,
            days_to_release=rules.days_to_release(today, p.expected_release_date),
            diet=p.diet,
            allergies=p.allergies,
            alerts=tuple(p.alerts),
            meals_today=tuple((m.meal, m.outcome) for m in today_meals.get(p.id, [])),
            refusal_streak=refusal_streak(session, p.id),
        )
        for p in people
    ]


def effective_meals(
    session: Session, inmate_ids: Sequence[str], *, day: date
) -> dict[str, list[MealLog]]:
    """Meals of one day that count (amendments applied, voids removed), per person."""
    rows = session.exec(
        select(MealLog)
        .where(
            col(MealLog.inmate_id).in_(inmate_ids),
            MealLog.day == day,
            col(MealLog.deleted_at).is_(None),
        )
        .order_by(MealLog.id)
    ).all()
    keep = rules.effective_log_ids([LogEvent(r.id, r.amends_id, r.voided) for r in rows])
    result: dict[str, list[MealLog]] = defaultdict(list)
    for row in rows:
        if row.id in keep:
            result[row.inmate_id].append(row)
    return result


def refusal_streak(session: Session, inmate_id: str) -> int:
    rows = session.exec(
        select(MealLog)
        .where(MealLog.inmate_id == inmate_id, col(MealLog.deleted_at).is_(None))
        .order_by(col(MealLog.day).desc(), col(MealLog.id).desc())
        .limit(REFUSAL_LOOKBACK_MEALS)
    ).all()
    keep = rules.effective_log_ids([LogEvent(r.id, r.amends_id, r.voided) for r in reversed(rows)])
    return rules.refusal_streak(r.outcome for r in rows if r.id in keep)
