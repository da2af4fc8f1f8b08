"""Read queries shared by the screens, the admin command line and the reports.

They return plain frozen dataclasses (no live ORM objects), so results can cross from the
database worker thread to the GUI thread safely.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlmodel import Session, col, select

from officer_desk.domain import rules
from officer_desk.store import home
from officer_desk.store.rows import CaseloadRow, OfficerSummary
from officer_desk.store.tables import (
    ActivityLog,
    Assignment,
    CaseNote,
    CaseNoteRevision,
    Conversation,
    MealLog,
)


def active_assignment_filter(on: date) -> tuple[Any, ...]:
    """WHERE clauses for assignments in force on ``on`` (start inclusive, end exclusive)."""
    return (
        col(Assignment.deleted_at).is_(None),
        Assignment.start_date <= on,
        (col(Assignment.end_date).is_(None)) | (col(Assignment.end_date) > on),
    )


def dbapi(session: Session) -> Any:
    """The session's DB-API connection, inside its transaction, for the raw home queries."""
    return session.connection().connection.driver_connection


def officers(session: Session, on: date) -> list[OfficerSummary]:
    return home.officer_summaries(dbapi(session), on)


def caseload(
    session: Session,
    officer_id: str,
    today: date,
    *,
    nudge_days: int = rules.DEFAULT_CONTACT_NUDGE_DAYS,
    streak_meals: int = rules.DEFAULT_REFUSAL_STREAK,
) -> list[CaseloadRow]:
    """The officer's people as the home screen shows them (see store.home)."""
    return home.caseload_rows(
        dbapi(session), officer_id, today, nudge_days=nudge_days, streak_meals=streak_meals
    )


def effective_meals(
    session: Session, inmate_ids: Sequence[str], *, day: date
) -> dict[str, list[tuple[str, str]]]:
    """(meal, outcome) per person for one day, after amendments and voids."""
    return home.meals_on(dbapi(session), inmate_ids, day)


def refusal_streak(session: Session, inmate_id: str) -> int:
    return home.refusal_streak(dbapi(session), inmate_id)


# --- one person's timeline -----------------------------------------------------------------

MEAL_TIMES = {
    "breakfast": time(8, 0),
    "lunch": time(12, 0),
    "dinner": time(17, 0),
    "evening": time(20, 0),
}
TIMELINE_KINDS = ("meal", "activity", "conversation", "note")


@dataclass(frozen=True)
class TimelineItem:
    kind: str  # one of TIMELINE_KINDS
    id: str
    at: datetime
    what: str  # meal name / activity category / note kind
    outcome: str  # meal or activity outcome; "" for notes
    text: str  # note text (latest revision), activity note, meal note or decline reason
    author_id: str | None
    sensitive: bool = False
    revisions: int = 1
    minutes: int = 0


@dataclass(frozen=True)
class TimelinePage:
    items: list[TimelineItem]
    next_before: tuple[datetime, str] | None  # pass back as ``before`` for the next page


def _sort_key(item: TimelineItem) -> tuple[datetime, str]:
    return (item.at, item.id)


def timeline_page(
    session: Session,
    inmate_id: str,
    *,
    before: tuple[datetime, str] | None = None,
    limit: int = 50,
    kinds: Sequence[str] = TIMELINE_KINDS,
    since: date | None = None,
    include_sensitive: bool = True,
) -> TimelinePage:
    """One page of everything about a person, newest first (keyset paging, so page N costs
    the same as page 1 however long the history).  Voided log entries are left out;
    amended ones show their latest version; notes show their latest revision."""
    items: list[TimelineItem] = []
    if "meal" in kinds:
        items += _timeline_meals(session, inmate_id, before, limit, since)
    if "activity" in kinds:
        items += _timeline_activities(session, inmate_id, before, limit, since)
    if "conversation" in kinds:
        items += _timeline_conversations(session, inmate_id, before, limit, since)
    if "note" in kinds:
        items += _timeline_notes(session, inmate_id, before, limit, since, include_sensitive)
    items.sort(key=_sort_key, reverse=True)
    page = items[:limit]
    more = len(items) > limit
    return TimelinePage(page, _sort_key(page[-1]) if more and page else None)


def _meal_at(day: date, meal: str) -> datetime:
    return datetime.combine(day, MEAL_TIMES.get(meal, time(12, 0)), tzinfo=UTC)


def _effective(session: Session, table: Any, rows: Sequence[Any]) -> list[Any]:
    """Drop rows that a later void or amendment replaces (looked up for this page only)."""
    ids = [r.id for r in rows]
    if not ids:
        return []
    replaced = set(session.exec(select(table.amends_id).where(col(table.amends_id).in_(ids))).all())
    return [r for r in rows if r.id not in replaced and not r.voided]


def _collect(
    session: Session,
    query: Any,
    table: Any,
    to_item: Callable[[Any], TimelineItem],
    before: tuple[datetime, str] | None,
    limit: int,
) -> list[TimelineItem]:
    """Page through ``query`` until ``limit`` items survive voids and the cursor, or rows end.

    Voids and amendments thin out a chunk, and rows on the cursor's own day may sort after
    it, so one fixed-size fetch could return too few and let an older item of another kind
    jump ahead in the merged page.
    """
    chunk = limit + 16
    items: list[TimelineItem] = []
    offset = 0
    while True:
        rows = session.exec(query.offset(offset).limit(chunk)).all()
        items += [
            item
            for item in map(to_item, _effective(session, table, rows))
            if before is None or _sort_key(item) < before
        ]
        if len(items) >= limit or len(rows) < chunk:
            return items
        offset += chunk


def _timeline_meals(
    session: Session,
    inmate_id: str,
    before: tuple[datetime, str] | None,
    limit: int,
    since: date | None,
) -> list[TimelineItem]:
    query = select(MealLog).where(MealLog.inmate_id == inmate_id, col(MealLog.deleted_at).is_(None))
    if before is not None:
        query = query.where(MealLog.day <= before[0].date())
    if since is not None:
        query = query.where(MealLog.day >= since)
    query = query.order_by(col(MealLog.day).desc(), col(MealLog.id).desc())
    return _collect(
        session,
        query,
        MealLog,
        lambda r: TimelineItem(
            "meal",
            r.id,
            _meal_at(r.day, r.meal),
            r.meal,
            r.outcome,
            r.note or (r.decline_reason or ""),
            r.logged_by,
        ),
        before,
        limit,
    )


def _timeline_activities(
    session: Session,
    inmate_id: str,
    before: tuple[datetime, str] | None,
    limit: int,
    since: date | None,
) -> list[TimelineItem]:
    query = select(ActivityLog).where(
        ActivityLog.inmate_id == inmate_id, col(ActivityLog.deleted_at).is_(None)
    )
    if before is not None:
        query = query.where(ActivityLog.started_at <= before[0])
    if since is not None:
        query = query.where(ActivityLog.started_at >= datetime.combine(since, time(0), UTC))
    query = query.order_by(col(ActivityLog.started_at).desc(), col(ActivityLog.id).desc())
    return _collect(
        session,
        query,
        ActivityLog,
        lambda r: TimelineItem(
            "activity",
            r.id,
            r.started_at,
            r.category,
            r.outcome,
            r.note,
            r.logged_by,
            minutes=r.duration_minutes,
        ),
        before,
        limit,
    )


def _timeline_conversations(
    session: Session,
    inmate_id: str,
    before: tuple[datetime, str] | None,
    limit: int,
    since: date | None,
) -> list[TimelineItem]:
    query = select(Conversation).where(
        Conversation.inmate_id == inmate_id, col(Conversation.deleted_at).is_(None)
    )
    if before is not None:
        query = query.where(Conversation.started_at <= before[0])
    if since is not None:
        query = query.where(Conversation.started_at >= datetime.combine(since, time(0), UTC))
    query = query.order_by(col(Conversation.started_at).desc(), col(Conversation.id).desc())
    return _collect(
        session,
        query,
        Conversation,
        lambda r: TimelineItem(
            "conversation",
            r.id,
            r.started_at,
            ", ".join(r.topics),
            f"mood {r.mood}",
            r.note,
            r.logged_by,
            minutes=r.duration_minutes,
        ),
        before,
        limit,
    )


def _timeline_notes(
    session: Session,
    inmate_id: str,
    before: tuple[datetime, str] | None,
    limit: int,
    since: date | None,
    include_sensitive: bool,
) -> list[TimelineItem]:
    query = select(CaseNote).where(
        CaseNote.inmate_id == inmate_id, col(CaseNote.deleted_at).is_(None)
    )
    if before is not None:
        query = query.where(CaseNote.created_at <= before[0])
    if since is not None:
        query = query.where(CaseNote.created_at >= datetime.combine(since, time(0), UTC))
    if not include_sensitive:
        query = query.where(col(CaseNote.sensitive).is_(False))
    notes = session.exec(
        query.order_by(col(CaseNote.created_at).desc(), col(CaseNote.id).desc()).limit(limit + 1)
    ).all()
    latest = latest_revisions(session, [n.id for n in notes])
    items = [
        TimelineItem(
            "note",
            n.id,
            n.created_at,
            n.kind,
            "",
            latest[n.id][1],
            n.created_by,
            sensitive=n.sensitive,
            revisions=latest[n.id][0],
        )
        for n in notes
        if n.id in latest
    ]
    return [i for i in items if before is None or _sort_key(i) < before]


def latest_revisions(session: Session, note_ids: Sequence[str]) -> dict[str, tuple[int, str]]:
    """note id -> (number of revisions, text of the newest)."""
    if not note_ids:
        return {}
    rows = session.exec(
        select(CaseNoteRevision.note_id, CaseNoteRevision.number, CaseNoteRevision.text)
        .where(col(CaseNoteRevision.note_id).in_(note_ids))
        .order_by(CaseNoteRevision.note_id, CaseNoteRevision.number)
    ).all()
    result: dict[str, tuple[int, str]] = {}
    for note_id, number, text in rows:
        result[note_id] = (number, text)
    return result
