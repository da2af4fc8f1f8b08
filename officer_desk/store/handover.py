"""The shift handover's reads on a plain DB-API connection: what happened in a shift, per
person (the facts a draft is written from), one handover in full, and the searchable list.

Like ``store.home`` this imports only the standard library and our domain, so the handover
screen reads through ``Store.raw()`` and ``app.handover`` through its session's connection
(``store.queries.dbapi``): one implementation.  Sensitive note text never leaves here: a
sensitive note is counted, its text is not read.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from officer_desk.domain import identity, rules
from officer_desk.domain.enums import HandoverEntryStatus
from officer_desk.domain.moments import parse_utc, stored_utc
from officer_desk.store.home import (
    MEAL_ORDER,
    _effective_rows,
    _placeholders,
    last_conversations,
    open_follow_ups,
    recent_concerns,
    refusal_streak,
)

# When a meal is served (local time), to tell which meals of a day fall in a shift.
MEAL_TIMES = {"breakfast": time(8), "lunch": time(12), "dinner": time(17), "evening": time(20)}
NOTE_EXCERPT = 160
STATUSES = tuple(status.value for status in HandoverEntryStatus)  # least to most worrying
UNIT_ITEM_KINDS = ("count", "escorts", "appointments", "visits", "property")


@dataclass(frozen=True)
class ShiftMeal:
    meal: str
    outcome: str
    decline_reason: str | None
    ate_together: bool


@dataclass(frozen=True)
class ShiftActivity:
    category: str
    outcome: str
    started_at: datetime


@dataclass(frozen=True)
class ShiftConversation:
    started_at: datetime
    mood: int
    duration_minutes: int
    topics: tuple[str, ...]


@dataclass(frozen=True)
class ShiftNote:
    kind: str
    sensitive: bool
    excerpt: str  # always empty for a sensitive note


@dataclass(frozen=True)
class ShiftFacts:
    """What the logs say about one person in one shift, and the flags standing at its end."""

    inmate_id: str
    name: str
    prison_number: str
    meals: tuple[ShiftMeal, ...] = ()
    activities: tuple[ShiftActivity, ...] = ()
    conversations: tuple[ShiftConversation, ...] = ()
    notes: tuple[ShiftNote, ...] = ()
    refusal_streak: int = 0
    refusal_flag: bool = False
    recent_concerns: int = 0
    overdue_follow_ups: int = 0
    days_since_conversation: int | None = None
    contact_nudge: bool = False
    alerts: tuple[str, ...] = ()


def shift_facts(
    conn: Any,
    inmate_ids: Sequence[str],
    start: datetime,
    end: datetime,
    *,
    streak_meals: int = rules.DEFAULT_REFUSAL_STREAK,
    nudge_days: int = rules.DEFAULT_CONTACT_NUDGE_DAYS,
) -> dict[str, ShiftFacts]:
    """Per person, what happened between ``start`` and ``end`` (aware datetimes)."""
    ids = list(inmate_ids)
    if not ids:
        return {}
    marks = _placeholders(ids)
    people = conn.execute(
        f"SELECT id, full_name, preferred_name, prison_number, alerts FROM inmate "
        f"WHERE id IN ({marks})",
        tuple(ids),
    ).fetchall()
    lo, hi = stored_utc(start), stored_utc(end)
    meals = _shift_meals(conn, ids, start, end)
    activities: dict[str, list[ShiftActivity]] = defaultdict(list)
    rows = conn.execute(
        f"""SELECT id, amends_id, voided, logged_at, inmate_id, category, outcome, started_at
              FROM activity_log WHERE inmate_id IN ({marks}) AND started_at >= ?
               AND started_at < ? AND deleted_at IS NULL""",
        (*ids, lo, hi),
    ).fetchall()
    for r in sorted(_effective_rows(rows), key=lambda r: r[7]):
        activities[r[4]].append(ShiftActivity(r[5], r[6], parse_utc(r[7])))
    talks: dict[str, list[ShiftConversation]] = defaultdict(list)
    rows = conn.execute(
        f"""SELECT id, amends_id, voided, logged_at, inmate_id, started_at, mood,
                   duration_minutes, topics
              FROM conversation WHERE inmate_id IN ({marks}) AND started_at >= ?
               AND started_at < ? AND deleted_at IS NULL""",
        (*ids, lo, hi),
    ).fetchall()
    for r in sorted(_effective_rows(rows), key=lambda r: r[5]):
        talks[r[4]].append(
            ShiftConversation(parse_utc(r[5]), r[6], r[7], tuple(json.loads(r[8] or "[]")))
        )
    notes: dict[str, list[ShiftNote]] = defaultdict(list)
    rows = conn.execute(
        f"""SELECT n.inmate_id, n.kind, n.sensitive,
                   CASE WHEN n.sensitive THEN '' ELSE
                     (SELECT r.text FROM case_note_revision r WHERE r.note_id = n.id
                       ORDER BY r.number DESC LIMIT 1) END
              FROM case_note n WHERE n.inmate_id IN ({marks}) AND n.created_at >= ?
               AND n.created_at < ? AND n.deleted_at IS NULL
             ORDER BY n.created_at""",
        (*ids, lo, hi),
    ).fetchall()
    for inmate_id, kind, sensitive, text in rows:
        notes[inmate_id].append(ShiftNote(kind, bool(sensitive), _excerpt(text or "")))
    today = end.astimezone().date()
    concerns = recent_concerns(conn, ids, today)
    follow_ups = open_follow_ups(conn, ids, today)
    last_talk = last_conversations(conn, ids)
    result = {}
    for pid, full, preferred, number, alerts in people:
        streak = refusal_streak(conn, pid)
        last = last_talk.get(pid)
        days = None if last is None else (today - last.astimezone().date()).days
        result[pid] = ShiftFacts(
            inmate_id=pid,
            name=identity.shown_name(full, preferred),
            prison_number=number,
            meals=tuple(meals.get(pid, ())),
            activities=tuple(activities.get(pid, ())),
            conversations=tuple(talks.get(pid, ())),
            notes=tuple(notes.get(pid, ())),
            refusal_streak=streak,
            refusal_flag=streak >= streak_meals,
            recent_concerns=concerns.get(pid, 0),
            overdue_follow_ups=sum(f.overdue for f in follow_ups.get(pid, ())),
            days_since_conversation=days,
            contact_nudge=days is None or days >= nudge_days,
            alerts=tuple(json.loads(alerts or "[]")),
        )
    return result


def _excerpt(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= NOTE_EXCERPT else line[: NOTE_EXCERPT - 1].rstrip() + "…"


def _shift_meals(
    conn: Any, ids: list[str], start: datetime, end: datetime
) -> dict[str, list[ShiftMeal]]:
    first = start.astimezone().date()
    last = end.astimezone().date()
    rows = conn.execute(
        f"""SELECT id, amends_id, voided, logged_at, inmate_id, day, meal, outcome,
                   decline_reason, ate_together
              FROM meal_log WHERE inmate_id IN ({_placeholders(ids)}) AND day >= ? AND day <= ?
               AND deleted_at IS NULL""",
        (*ids, first.isoformat(), last.isoformat()),
    ).fetchall()
    result: dict[str, list[ShiftMeal]] = defaultdict(list)
    for r in sorted(_effective_rows(rows), key=lambda r: (r[5], MEAL_ORDER.get(r[6], 9))):
        served = datetime.combine(date.fromisoformat(r[5]), MEAL_TIMES.get(r[6], time(12)))
        if start <= served.astimezone() < end:
            result[r[4]].append(ShiftMeal(r[6], r[7], r[8], bool(r[9])))
    return result


# --- one handover in full ------------------------------------------------------------------


@dataclass(frozen=True)
class EntryView:
    id: str
    inmate_id: str
    name: str
    prison_number: str
    draft: str
    text: str
    status: str
    acknowledged_at: datetime | None
    acknowledged_by: str  # a name, "" when not acknowledged
    question: str
    asked_by: str
    answer: str
    answered_by: str

    @property
    def open_question(self) -> bool:
        return bool(self.question) and not self.answer


@dataclass(frozen=True)
class ActionView:
    id: str
    inmate_id: str | None
    name: str  # the person's name, "" for the unit
    text: str
    owner_id: str
    owner: str
    due_at: datetime | None
    done_at: datetime | None


@dataclass(frozen=True)
class ContingencyView:
    id: str
    inmate_id: str | None
    name: str
    condition: str
    response: str


@dataclass(frozen=True)
class UnitItemView:
    id: str
    kind: str
    text: str


@dataclass(frozen=True)
class HandoverView:
    id: str
    unit_id: str
    unit_name: str
    shift_start: datetime
    shift_end: datetime
    outgoing_id: str
    outgoing: str
    incoming_id: str | None
    incoming: str
    status: str
    handed_over_at: datetime | None
    signed_at: datetime | None
    signed_by: str
    entries: tuple[EntryView, ...]
    actions: tuple[ActionView, ...]
    contingencies: tuple[ContingencyView, ...]
    unit_items: tuple[UnitItemView, ...]

    @property
    def unacknowledged(self) -> tuple[EntryView, ...]:
        return tuple(e for e in self.entries if e.acknowledged_at is None)

    @property
    def open_questions(self) -> tuple[EntryView, ...]:
        return tuple(e for e in self.entries if e.open_question)


def _names(conn: Any) -> dict[str, str]:
    return dict(conn.execute("SELECT id, display_name FROM officer").fetchall())


def handover_view(conn: Any, handover_id: str) -> HandoverView | None:
    row = conn.execute(
        """SELECT h.id, h.unit_id, u.name, h.shift_start, h.shift_end, h.outgoing_id,
                  h.incoming_id, h.status, h.handed_over_at, h.signed_at, h.signed_by
             FROM handover h JOIN unit u ON u.id = h.unit_id
            WHERE h.id = ? AND h.deleted_at IS NULL""",
        (handover_id,),
    ).fetchone()
    if row is None:
        return None
    names = _names(conn)
    people = {
        pid: (identity.person_label(full, preferred, number, cell).long, number)
        for pid, full, preferred, number, cell in conn.execute(
            """SELECT i.id, i.full_name, i.preferred_name, i.prison_number, i.cell
                 FROM inmate i
                WHERE i.id IN (SELECT inmate_id FROM handover_entry WHERE handover_id = ?)
                   OR i.id IN (SELECT inmate_id FROM handover_action WHERE handover_id = ?)
                   OR i.id IN (SELECT inmate_id FROM handover_contingency WHERE handover_id = ?)""",
            (handover_id, handover_id, handover_id),
        ).fetchall()
    }
    entries = tuple(
        EntryView(
            id=r[0],
            inmate_id=r[1],
            name=people.get(r[1], ("?", ""))[0],
            prison_number=people.get(r[1], ("?", ""))[1],
            draft=r[2],
            text=r[3],
            status=r[4],
            acknowledged_at=parse_utc(r[5]),
            acknowledged_by=names.get(r[6], "") if r[6] else "",
            question=r[7],
            asked_by=names.get(r[8], "") if r[8] else "",
            answer=r[9],
            answered_by=names.get(r[10], "") if r[10] else "",
        )
        for r in conn.execute(
            """SELECT id, inmate_id, draft, text, status, acknowledged_at, acknowledged_by,
                      question, asked_by, answer, answered_by
                 FROM handover_entry WHERE handover_id = ? AND deleted_at IS NULL""",
            (handover_id,),
        ).fetchall()
    )
    entries = tuple(sorted(entries, key=lambda e: (STATUSES.index(e.status) * -1, e.name)))
    actions = tuple(
        ActionView(
            r[0],
            r[1],
            people.get(r[1], ("", ""))[0] if r[1] else "",
            r[2],
            r[3],
            names.get(r[3], "?"),
            parse_utc(r[4]),
            parse_utc(r[5]),
        )
        for r in conn.execute(
            """SELECT id, inmate_id, text, owner_id, due_at, done_at FROM handover_action
                WHERE handover_id = ? AND deleted_at IS NULL
                ORDER BY due_at IS NULL, due_at, id""",
            (handover_id,),
        ).fetchall()
    )
    contingencies = tuple(
        ContingencyView(r[0], r[1], people.get(r[1], ("", ""))[0] if r[1] else "", r[2], r[3])
        for r in conn.execute(
            """SELECT id, inmate_id, condition, response FROM handover_contingency
                WHERE handover_id = ? AND deleted_at IS NULL ORDER BY id""",
            (handover_id,),
        ).fetchall()
    )
    items = conn.execute(
        """SELECT id, kind, text FROM handover_unit_item
            WHERE handover_id = ? AND deleted_at IS NULL ORDER BY id""",
        (handover_id,),
    ).fetchall()
    unit_items = tuple(
        sorted(
            (UnitItemView(*r) for r in items),
            key=lambda i: UNIT_ITEM_KINDS.index(i.kind) if i.kind in UNIT_ITEM_KINDS else 99,
        )
    )
    return HandoverView(
        id=row[0],
        unit_id=row[1],
        unit_name=row[2],
        shift_start=parse_utc(row[3]),
        shift_end=parse_utc(row[4]),
        outgoing_id=row[5],
        outgoing=names.get(row[5], "?"),
        incoming_id=row[6],
        incoming=names.get(row[6], "") if row[6] else "",
        status=row[7],
        handed_over_at=parse_utc(row[8]),
        signed_at=parse_utc(row[9]),
        signed_by=names.get(row[10], "") if row[10] else "",
        entries=entries,
        actions=actions,
        contingencies=contingencies,
        unit_items=unit_items,
    )


# --- the list: open ones first, past ones searchable ---------------------------------------


@dataclass(frozen=True)
class HandoverSummary:
    id: str
    shift_start: datetime
    shift_end: datetime
    outgoing_id: str
    outgoing: str
    incoming_id: str | None
    incoming: str
    status: str
    people: int
    unacknowledged: int
    open_questions: int


@dataclass(frozen=True)
class HandoverSearch:
    """What to look for; every part optional.  ``text`` matches the entries' text and draft,
    actions, contingencies, unit items and the people's names and prison numbers."""

    text: str = ""
    inmate_id: str | None = None
    officer_id: str | None = None  # outgoing, incoming or signer
    since: date | None = None
    until: date | None = None  # inclusive
    open_only: bool = False
    limit: int = 200


SUMMARY_SQL = """
SELECT h.id, h.shift_start, h.shift_end, h.outgoing_id, h.incoming_id, h.status,
       (SELECT count(*) FROM handover_entry e WHERE e.handover_id = h.id),
       (SELECT count(*) FROM handover_entry e WHERE e.handover_id = h.id
          AND e.acknowledged_at IS NULL),
       (SELECT count(*) FROM handover_entry e WHERE e.handover_id = h.id
          AND e.question != '' AND e.answer = '')
  FROM handover h
"""


def _summaries(conn: Any, where: list[str], params: list[Any], limit: int) -> list[HandoverSummary]:
    names = _names(conn)
    sql = SUMMARY_SQL + " WHERE " + " AND ".join(where) + " ORDER BY h.shift_start DESC LIMIT ?"
    return [
        HandoverSummary(
            r[0],
            parse_utc(r[1]),
            parse_utc(r[2]),
            r[3],
            names.get(r[3], "?"),
            r[4],
            names.get(r[4], "") if r[4] else "",
            r[5],
            r[6],
            r[7],
            r[8],
        )
        for r in conn.execute(sql, (*params, limit)).fetchall()
    ]


def search_handovers(conn: Any, unit_id: str, search: HandoverSearch) -> list[HandoverSummary]:
    """The unit's handovers matching ``search``, newest shift first."""
    where = ["h.unit_id = ?", "h.deleted_at IS NULL"]
    params: list[Any] = [unit_id]
    if search.open_only:
        where.append("h.status != 'signed'")
    if search.since is not None:
        start = datetime.combine(search.since, time(0)).astimezone()
        where.append("h.shift_end >= ?")
        params.append(stored_utc(start))
    if search.until is not None:
        end = datetime.combine(search.until + timedelta(days=1), time(0)).astimezone()
        where.append("h.shift_start < ?")
        params.append(stored_utc(end))
    if search.officer_id:
        where.append("? IN (h.outgoing_id, h.incoming_id, h.signed_by)")
        params.append(search.officer_id)
    if search.inmate_id:
        where.append(
            "EXISTS (SELECT 1 FROM handover_entry e WHERE e.handover_id = h.id AND e.inmate_id = ?)"
        )
        params.append(search.inmate_id)
    words = search.text.split()
    for word in words:
        like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clause = """(EXISTS (SELECT 1 FROM handover_entry e JOIN inmate i ON i.id = e.inmate_id
                         WHERE e.handover_id = h.id
                           AND (e.text LIKE ?1 ESCAPE '\\' OR e.draft LIKE ?1 ESCAPE '\\'
                                OR e.question LIKE ?1 ESCAPE '\\' OR e.answer LIKE ?1 ESCAPE '\\'
                                OR i.full_name LIKE ?1 ESCAPE '\\'
                                OR i.preferred_name LIKE ?1 ESCAPE '\\'
                                OR i.prison_number LIKE ?1 ESCAPE '\\'))
                OR EXISTS (SELECT 1 FROM handover_action a WHERE a.handover_id = h.id
                           AND a.text LIKE ?1 ESCAPE '\\')
                OR EXISTS (SELECT 1 FROM handover_contingency c WHERE c.handover_id = h.id
                           AND (c.condition LIKE ?1 ESCAPE '\\' OR c.response LIKE ?1 ESCAPE '\\'))
                OR EXISTS (SELECT 1 FROM handover_unit_item u WHERE u.handover_id = h.id
                           AND u.text LIKE ?1 ESCAPE '\\'))""".replace("?1", "?")
        where.append(clause)
        params.extend([like] * clause.count("?"))
    return _summaries(conn, where, params, max(1, min(search.limit, 1000)))


def waiting_for(conn: Any, officer_id: str) -> list[HandoverSummary]:
    """Handed-over handovers not yet signed that ``officer_id`` should read: those addressed
    to them, and for a supervisor every one of the unit not their own."""
    row = conn.execute("SELECT unit_id, role FROM officer WHERE id = ?", (officer_id,)).fetchone()
    if row is None:
        return []
    unit_id, role = row
    where = ["h.unit_id = ?", "h.deleted_at IS NULL", "h.status = 'handed_over'"]
    params: list[Any] = [unit_id]
    if role == "supervisor":
        where.append("h.outgoing_id != ?")
        params.append(officer_id)
    else:
        where.append("(h.incoming_id = ? OR (h.incoming_id IS NULL AND h.outgoing_id != ?))")
        params += [officer_id, officer_id]
    return _summaries(conn, where, params, 50)
