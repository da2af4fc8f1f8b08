"""Read queries shared by the screens, the admin command line and the reports.

They return plain frozen dataclasses (no live ORM objects), so results can cross from the
database worker thread to the GUI thread safely.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy.orm import configure_mappers
from sqlmodel import Session, col, select

from officer_desk.domain import moments, rules
from officer_desk.domain.enums import Role
from officer_desk.store import home
from officer_desk.store.rows import CaseloadRow, OfficerSummary
from officer_desk.store.tables import Assignment, CaseNoteRevision, Inmate, Officer


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


def people_of(session: Session, officer_id: str, on: date) -> set[str]:
    """The people ``officer_id`` has on ``on``: contact and cover, by the rule in
    :func:`home.holders` (rows this transaction added are flushed first, so they count)."""
    session.flush()
    return {inmate for _o, inmate, _u in home.holders(dbapi(session), on, officer_id=officer_id)}


def holders_of(session: Session, inmate_id: str, on: date) -> list[str]:
    """The officers who have ``inmate_id`` on ``on``, the contact officer first."""
    session.flush()
    rows = home.holders(dbapi(session), on, inmate_id=inmate_id)
    return [officer for officer, _i, _until in sorted(rows, key=lambda r: r[2] is not None)]


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
    source: Session | Any,
    inmate_id: str,
    *,
    before: tuple[datetime, str] | None = None,
    limit: int = 50,
    kinds: Sequence[str] = TIMELINE_KINDS,
    since: date | None = None,
    include_sensitive: bool = True,
    only: Sequence[str] | None = None,
) -> TimelinePage:
    """One page of everything about a person, newest first (keyset paging, so page N costs
    the same as page 1 however long the history).  Voided log entries are left out;
    amended ones show their latest version; notes show their latest revision.

    ``source``: a session (the journal, the command line) or a DB-API connection
    (``Store.raw``: the person page).  Plain SQL either way: the person page reads it on the
    worker while the GUI thread paints, and building ORM objects for four kinds
    of rows held the interpreter lock about seven times as long (and the first page paid
    for compiling the statements: some 80 ms).  Each kind is read in the page's own order,
    (time, id) newest first, so at most ``limit`` + 1 rows of each are read and the cursor
    is exact in SQL (a chunk in day and id order could miss a later meal of a busy day).
    ``only``: just these entries (the search's hits, store.search), still by these rules.
    """
    conn = dbapi(source) if isinstance(source, Session) else source
    after = None if before is None else (_stored(before[0]), before[1])
    wanted = limit + 1  # one more than shown tells whether there is a next page
    start = None if since is None else _stored(datetime.combine(since, time(0), UTC))
    items: list[TimelineItem] = []
    if "meal" in kinds:
        items += _timeline_meals(conn, inmate_id, after, wanted, start, only)
    if "activity" in kinds:
        items += _timeline_activities(conn, inmate_id, after, wanted, start, only)
    if "conversation" in kinds:
        items += _timeline_conversations(conn, inmate_id, after, wanted, start, only)
    if "note" in kinds:
        items += _timeline_notes(conn, inmate_id, after, wanted, start, include_sensitive, only)
    items.sort(key=_sort_key, reverse=True)
    page = items[:limit]
    more = len(items) > limit
    return TimelinePage(page, _sort_key(page[-1]) if more and page else None)


def _stored(moment: datetime) -> str:
    return moments.stored_utc(moment)


def _meal_at(day: date, meal: str) -> datetime:
    return datetime.combine(day, MEAL_TIMES.get(meal, time(12, 0)), tzinfo=UTC)


# A meal's moment as stored text ("YYYY-MM-DD HH:MM:SS.ffffff", like the logged times), so
# meals sort and page against the cursor in SQL exactly as _meal_at places them.
_MEAL_MOMENT = (
    "m.day || ' ' || CASE m.meal "
    + " ".join(f"WHEN '{meal}' THEN '{at:%H:%M:%S}.000000'" for meal, at in MEAL_TIMES.items())
    + " ELSE '12:00:00.000000' END"
)


def counts(table: str, row: str = "m") -> str:
    """SQL that is true when the log entry ``row`` of ``table`` counts: not deleted, not
    voided, and (domain.rules.effective_log_ids) an original with no amendment or void, or
    the newest amendment of an original that was not voided.  Amendments name the original,
    so a second correction must hide the first."""
    return f"""{row}.deleted_at IS NULL AND {row}.voided = 0
        AND NOT EXISTS (SELECT 1 FROM {table} r
                         WHERE r.amends_id = coalesce({row}.amends_id, {row}.id)
                           AND r.id <> {row}.id AND r.deleted_at IS NULL
                           AND (r.voided = 1 OR {row}.amends_id IS NULL
                                OR (r.logged_at, r.id) > ({row}.logged_at, {row}.id)))"""


def _log_rows(
    conn: Any,
    columns: str,
    table: str,
    inmate_id: str,
    after: tuple[str, str] | None,
    limit: int,
    start: str | None,
    *,
    moment: str,
    day: str | None = None,
    only: Sequence[str] | None = None,
) -> list[Any]:
    """``columns`` of a log ``table`` (aliased ``m``) for one person, left out what is
    deleted, voided or replaced by an amendment, from ``start`` and older than the cursor,
    ``limit`` rows newest first by (``moment``, id).  ``day``: a date column that ``moment``
    begins with (meals), compared first so SQLite walks the (inmate_id, day) index.
    ``only``: these ids and no others (the search's hits)."""
    # With ``only``, the ids lead: "+" keeps SQLite from walking the person's whole log by
    # the (inmate_id, …) index to find a handful of rows.
    where = ["m.inmate_id = ?" if only is None else "+m.inmate_id = ?", counts(table)]
    args: list[Any] = [inmate_id]
    if only is not None:
        where.append(f"m.id IN ({', '.join('?' * len(only))})")
        args += only
    if start is not None:
        where.append(f"{day or moment} >= ?")
        args.append(start[:10] if day else start)
    if after is not None:
        if day:
            where.append(f"{day} <= ?")
            args.append(after[0][:10])
        where.append(f"({moment}, m.id) < (?, ?)")
        args += after
    leading = f"{day} DESC, " if day else ""
    sql = (
        f"SELECT {columns} FROM {table} m WHERE {' AND '.join(where)} "
        f"ORDER BY {leading}{moment} DESC, m.id DESC LIMIT ?"
    )
    return conn.execute(sql, [*args, limit]).fetchall()


def _timeline_meals(
    conn: Any,
    inmate_id: str,
    after: tuple[str, str] | None,
    limit: int,
    start: str | None,
    only: Sequence[str] | None = None,
) -> list[TimelineItem]:
    rows = _log_rows(
        conn,
        "m.id, m.day, m.meal, m.outcome, m.note, m.decline_reason, m.logged_by",
        "meal_log",
        inmate_id,
        after,
        limit,
        start,
        moment=_MEAL_MOMENT,
        day="m.day",
        only=only,
    )
    return [
        TimelineItem(
            "meal",
            id_,
            _meal_at(date.fromisoformat(day), meal),
            meal,
            outcome,
            note or (decline_reason or ""),
            by,
        )
        for id_, day, meal, outcome, note, decline_reason, by in rows
    ]


def _timeline_activities(
    conn: Any,
    inmate_id: str,
    after: tuple[str, str] | None,
    limit: int,
    start: str | None,
    only: Sequence[str] | None = None,
) -> list[TimelineItem]:
    columns = "m.id, m.started_at, m.category, m.outcome, m.note, m.logged_by, m.duration_minutes"
    rows = _log_rows(
        conn,
        columns,
        "activity_log",
        inmate_id,
        after,
        limit,
        start,
        moment="m.started_at",
        only=only,
    )
    return [
        TimelineItem("activity", id_, _utc(at), category, outcome, note, by, minutes=minutes)
        for id_, at, category, outcome, note, by, minutes in rows
    ]


def _timeline_conversations(
    conn: Any,
    inmate_id: str,
    after: tuple[str, str] | None,
    limit: int,
    start: str | None,
    only: Sequence[str] | None = None,
) -> list[TimelineItem]:
    columns = "m.id, m.started_at, m.topics, m.mood, m.note, m.logged_by, m.duration_minutes"
    rows = _log_rows(
        conn,
        columns,
        "conversation",
        inmate_id,
        after,
        limit,
        start,
        moment="m.started_at",
        only=only,
    )
    return [
        TimelineItem(
            "conversation",
            id_,
            _utc(at),
            ", ".join(json.loads(topics)),
            f"mood {mood}",
            note,
            by,
            minutes=minutes,
        )
        for id_, at, topics, mood, note, by, minutes in rows
    ]


def _timeline_notes(
    conn: Any,
    inmate_id: str,
    after: tuple[str, str] | None,
    limit: int,
    start: str | None,
    include_sensitive: bool,
    only: Sequence[str] | None = None,
) -> list[TimelineItem]:
    """Notes with their newest revision's text (text lives only in revisions)."""
    where, args = ["n.inmate_id = ?", "n.deleted_at IS NULL"], [inmate_id]
    if only is not None:
        where.append(f"n.id IN ({', '.join('?' * len(only))})")
        args += only
    if start is not None:
        where.append("n.created_at >= ?")
        args.append(start)
    if not include_sensitive:
        where.append("n.sensitive = 0")
    if after is not None:
        where.append("(n.created_at, n.id) < (?, ?)")
        args += after
    rows = conn.execute(
        f"""
        SELECT n.id, n.created_at, n.kind, n.created_by, n.sensitive, r.number, r.text
          FROM case_note n
          JOIN case_note_revision r ON r.note_id = n.id
               AND r.number = (SELECT max(number) FROM case_note_revision
                                WHERE note_id = n.id)
         WHERE {" AND ".join(where)}
         ORDER BY n.created_at DESC, n.id DESC
         LIMIT ?
        """,
        [*args, limit],
    ).fetchall()
    return [
        TimelineItem(
            "note", id_, _utc(at), kind, "", text, by, sensitive=bool(sensitive), revisions=number
        )
        for id_, at, kind, by, sensitive, number, text in rows
    ]


def _utc(text: str) -> datetime:
    moment = moments.parse_utc(text)
    assert moment is not None  # the columns read with it are NOT NULL
    return moment


@dataclass(frozen=True)
class NoteRevision:
    number: int
    text: str
    written_at: datetime
    author: str


def note_revisions(session: Session, note_id: str) -> list[NoteRevision]:
    """Every revision of a note, oldest first, with who wrote it ("—": an unknown officer)."""
    rows = session.exec(
        select(CaseNoteRevision, Officer.display_name)
        .join(Officer, col(Officer.id) == col(CaseNoteRevision.written_by), isouter=True)
        .where(CaseNoteRevision.note_id == note_id)
        .order_by(col(CaseNoteRevision.number))
    ).all()
    return [NoteRevision(r.number, r.text, r.written_at, name or "—") for r, name in rows]


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str
    active: bool


def accounts(session: Session) -> list[Account]:
    """Every account not deleted, in the store's order (the caller orders them by name)."""
    officers = session.exec(select(Officer).where(col(Officer.deleted_at).is_(None))).all()
    return [Account(o.username, o.display_name, o.role, bool(o.active)) for o in officers]


def officer_names(session: Session) -> dict[str, str]:
    """Officer id -> display name, every officer (closed and deleted ones too: old records
    name them)."""
    return dict(session.exec(select(Officer.id, Officer.display_name)).all())


def officer_role(session: Session, officer_id: str | None) -> str | None:
    officer = session.get(Officer, officer_id) if officer_id else None
    return officer.role if officer is not None else None


@dataclass(frozen=True)
class PersonFacts:
    full_name: str
    preferred_name: str
    prison_number: str
    expected_release_date: date | None


def person_facts(session: Session, inmate_id: str) -> PersonFacts | None:
    inmate = session.get(Inmate, inmate_id)
    if inmate is None:
        return None
    return PersonFacts(
        inmate.full_name, inmate.preferred_name, inmate.prison_number, inmate.expected_release_date
    )


def registered_numbers(session: Session, numbers: Sequence[str]) -> set[str]:
    """Which of ``numbers`` are prison numbers already in the store (deleted people too)."""
    return set(
        session.exec(
            select(Inmate.prison_number).where(col(Inmate.prison_number).in_(numbers))
        ).all()
    )


def active_officers(session: Session, usernames: Iterable[str]) -> dict[str, str]:
    """User name -> officer id of the open accounts among ``usernames``."""
    rows = session.exec(
        select(Officer.username, Officer.id).where(
            col(Officer.username).in_(set(usernames)),
            col(Officer.active).is_(True),
            col(Officer.deleted_at).is_(None),
        )
    ).all()
    return dict(rows)


def configure_orm() -> None:
    """Configure the ORM's mappers now (SQLAlchemy does it on the first ORM query anywhere,
    some 60 ms): for warming up on the worker before a screen needs it."""
    configure_mappers()


def active_admins(session: Session) -> list[tuple[str, str | None]]:
    """(user name, published account key) of every open admin account."""
    rows = session.exec(
        select(Officer.username, Officer.account_key).where(
            Officer.role == Role.ADMIN.value, col(Officer.active).is_(True)
        )
    ).all()
    return [(username, key) for username, key in rows]
