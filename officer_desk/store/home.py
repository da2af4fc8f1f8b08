"""The home screen's queries on a plain DB-API connection (sqlite3 or sqlcipher3).

They import nothing heavier than the standard library, so the first screen with data can be
painted while SQLAlchemy, SQLModel and the tables are still loading on the worker (on a
2-core workstation those imports take longer than starting Qt).  ``store.queries`` calls the
same functions through its session's connection: one implementation serves both.

Values come back as SQLAlchemy stores them on SQLite: dates ``YYYY-MM-DD``, UTC times
``YYYY-MM-DD HH:MM:SS.ffffff``, JSON as text, booleans as 0/1.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from officer_desk.domain import release, rules, triage
from officer_desk.domain.enums import MealOutcome
from officer_desk.domain.moments import parse_date, parse_utc, stored_utc
from officer_desk.domain.rules import LogEvent
from officer_desk.store.rows import CaseloadRow, FollowUpSummary, OfficerSummary

REFUSAL_LOOKBACK_MEALS = 40
REFUSAL_FIRST_LOOK = 9  # three days of meals: enough for most people (refusal_streak)
STREAK_GOES_ON = {MealOutcome.DECLINED.value, MealOutcome.AWAY.value}  # rules.refusal_streak
MEAL_ORDER = {"breakfast": 0, "lunch": 1, "dinner": 2, "evening": 3}


def _placeholders(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def local_setting(conn: Any, key: str) -> str | None:
    row = conn.execute("SELECT value FROM local_setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def officer_summaries(conn: Any, on: date, unit_id: str | None = None) -> list[OfficerSummary]:
    rows = conn.execute(
        """
        SELECT o.id, o.username, o.display_name, o.role
          FROM officer o
         WHERE o.active = 1 AND o.deleted_at IS NULL AND (? IS NULL OR o.unit_id = ?)
         ORDER BY o.display_name
        """,
        (unit_id, unit_id),
    ).fetchall()
    sizes: dict[str, int] = defaultdict(int)
    for officer_id, _inmate_id, _until in holders(conn, on):
        sizes[officer_id] += 1
    return [OfficerSummary(o, user, name, role, sizes[o]) for o, user, name, role in rows]


# Who has whom on a day is a rule, read when asked, never a copy made when a cover starts.
# A cover row (reason "cover") names the cover officer, one person and the officer it covers
# for (``covers_officer_id``; for covers arranged before that column, whoever held the
# person's contact assignment on the cover's first day).  While the cover runs, the cover
# officer has everyone the absent officer has *on the day asked*: a person assigned to the
# absent officer after the cover began (roster import, reassignment, a change pulled from the
# hub) is covered too, and one moved to somebody else is not.
_HOLDERS_SQL = """
WITH contact AS (
  SELECT officer_id, inmate_id FROM assignment
   WHERE reason <> 'cover' AND deleted_at IS NULL AND start_date <= :on
     AND (end_date IS NULL OR end_date > :on)),
covering AS (
  SELECT c.officer_id AS cover_id, max(c.end_date) AS until,
         coalesce(c.covers_officer_id,
                  (SELECT k.officer_id FROM assignment k
                    WHERE k.inmate_id = c.inmate_id AND k.reason <> 'cover'
                      AND k.deleted_at IS NULL AND k.start_date <= c.start_date
                      AND (k.end_date IS NULL OR k.end_date > c.start_date))) AS absent_id
    FROM assignment c
   WHERE c.reason = 'cover' AND c.deleted_at IS NULL AND c.start_date <= :on
     AND c.end_date > :on
   GROUP BY cover_id, absent_id)
SELECT officer_id, inmate_id, NULL FROM contact
 WHERE (:officer IS NULL OR officer_id = :officer) AND (:inmate IS NULL OR inmate_id = :inmate)
UNION ALL
SELECT v.cover_id, k.inmate_id, max(v.until) FROM covering v
  JOIN contact k ON k.officer_id = v.absent_id
 WHERE k.officer_id <> v.cover_id
   AND NOT EXISTS (SELECT 1 FROM contact m
                    WHERE m.officer_id = v.cover_id AND m.inmate_id = k.inmate_id)
   AND (:officer IS NULL OR v.cover_id = :officer) AND (:inmate IS NULL OR k.inmate_id = :inmate)
 GROUP BY v.cover_id, k.inmate_id
"""


def holders(
    conn: Any, on: date, *, officer_id: str | None = None, inmate_id: str | None = None
) -> list[tuple[str, str, date | None]]:
    """(officer, person, cover until — None for the contact officer) in force on ``on``,
    optionally for one officer or one person: the one answer to "who has whom today"."""
    rows = conn.execute(
        _HOLDERS_SQL, {"on": on.isoformat(), "officer": officer_id, "inmate": inmate_id}
    ).fetchall()
    return [(officer, inmate, parse_date(until)) for officer, inmate, until in rows]


PERSON_COLUMNS = """i.id, i.prison_number, i.full_name, i.preferred_name, i.cell, i.arrival_date,
               i.expected_release_date, i.diet, i.allergies, i.alerts, i.languages, i.photo,
               i.alert_severities"""
CONCERN_WINDOW_DAYS = 14


def caseload_rows(
    conn: Any,
    officer_id: str,
    today: date,
    *,
    nudge_days: int = rules.DEFAULT_CONTACT_NUDGE_DAYS,
    streak_meals: int = rules.DEFAULT_REFUSAL_STREAK,
) -> list[CaseloadRow]:
    """The officer's people as the home screen shows them (flags derived from the logs).

    Covered people are included while the cover lasts (:func:`holders`)."""
    ids = [inmate for _officer, inmate, _until in holders(conn, today, officer_id=officer_id)]
    people = conn.execute(
        f"""
        SELECT {PERSON_COLUMNS} FROM inmate i
         WHERE i.id IN ({_placeholders(ids)}) AND i.deleted_at IS NULL
         ORDER BY i.full_name
        """,
        ids,
    ).fetchall()
    return person_rows(conn, people, today, nudge_days=nudge_days, streak_meals=streak_meals)


def person_rows(
    conn: Any,
    people: Sequence[tuple[Any, ...]],
    today: date,
    *,
    nudge_days: int = rules.DEFAULT_CONTACT_NUDGE_DAYS,
    streak_meals: int = rules.DEFAULT_REFUSAL_STREAK,
) -> list[CaseloadRow]:
    """Home-card rows for people selected with PERSON_COLUMNS."""
    ids = [p[0] for p in people]
    meals = meals_on(conn, ids, today)
    activities = activities_on(conn, ids, today)
    talks = last_conversations(conn, ids)
    follow_ups = open_follow_ups(conn, ids, today)
    plans = release_readiness(conn, ids, today)
    concerns = recent_concerns(conn, ids, today)
    result = []
    for (
        pid,
        number,
        full,
        preferred,
        cell,
        arrival,
        expected_release,
        diet,
        allergies,
        alerts,
        languages,
        photo,
        severities,
    ) in people:
        arrival_date = parse_date(arrival)
        release_date = parse_date(expected_release)
        streak = refusal_streak(conn, pid)
        talked = talks.get(pid)
        plan = plans.get(pid)
        alert = plan.alert if plan is not None else release.unplanned_alert(release_date, today)
        since_talk = None if talked is None else (today - talked.astimezone().date()).days
        shown_alerts = tuple(json.loads(alerts or "[]"))
        result.append(
            CaseloadRow(
                inmate_id=pid,
                prison_number=number,
                full_name=full,
                preferred_name=preferred,
                cell=cell,
                arrival_date=arrival_date,
                expected_release_date=release_date,
                days_to_release=rules.days_to_release(today, release_date),
                diet=diet,
                allergies=allergies,
                alerts=shown_alerts,
                alert_severities=triage.paired_severities(
                    shown_alerts, json.loads(severities or "[]")
                ),
                meals_today=tuple(meals.get(pid, [])),
                refusal_streak=streak,
                activities_today=tuple(activities.get(pid, [])),
                days_since_conversation=since_talk,
                open_follow_ups=tuple(follow_ups.get(pid, [])),
                languages=tuple(json.loads(languages or "[]")),
                photo=photo,
                refusal_flag=streak >= streak_meals,
                contact_nudge=rules.needs_contact(since_talk, arrival_date, today, nudge_days),
                release_alert=None if alert is None else alert.value,
                plan_share_done=None if plan is None else plan.share_done,
                recent_concerns=concerns.get(pid, 0),
            )
        )
    return result


def _effective_rows(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows shaped (id, amends_id, voided, logged_at, ...) that count after voids/amendments."""
    rows = list(rows)
    if not any(r[1] is not None or r[2] for r in rows):
        return rows  # no amendment and no void among them (the usual case): all of them count
    keep = rules.effective_log_ids(
        # Only an amendment's time is ever compared (domain.rules._newer): parse just those.
        [LogEvent(r[0], r[1], bool(r[2]), parse_utc(r[3]) if r[1] else None) for r in rows]
    )
    return [r for r in rows if r[0] in keep]


def meals_on(conn: Any, inmate_ids: Sequence[str], day: date) -> dict[str, list[tuple[str, str]]]:
    """(meal, outcome) per person for one day, in the order of the day's meals."""
    if not inmate_ids:
        return {}
    rows = conn.execute(
        f"""SELECT id, amends_id, voided, logged_at, inmate_id, meal, outcome FROM meal_log
             WHERE inmate_id IN ({_placeholders(inmate_ids)}) AND day = ?
               AND deleted_at IS NULL""",
        (*inmate_ids, day.isoformat()),
    ).fetchall()
    result: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in sorted(_effective_rows(rows), key=lambda r: MEAL_ORDER.get(r[5], 9)):
        result[row[4]].append((row[5], row[6]))
    return result


def refusal_streak(conn: Any, inmate_id: str) -> int:
    """Declined meals in a row, newest first.  Most people's streak ends at their last meal,
    so a short look comes first; the longer one only when the short one cannot tell (the unit
    overview asks this for everyone, issue #19)."""
    for limit in (REFUSAL_FIRST_LOOK, REFUSAL_LOOKBACK_MEALS):
        rows = conn.execute(
            """SELECT id, amends_id, voided, logged_at, day, meal, outcome FROM meal_log
                WHERE inmate_id = ? AND deleted_at IS NULL
                ORDER BY day DESC LIMIT ?""",
            (inmate_id, limit),
        ).fetchall()
        newest_first = sorted(
            _effective_rows(rows), key=lambda r: (r[4], MEAL_ORDER.get(r[5], 9)), reverse=True
        )
        # The limit may cut the oldest day fetched (an amendment left out); every newer day
        # is whole, so a meal eaten on one of them ends the streak exactly as the long look.
        whole_days = [r for r in newest_first if r[4] != rows[-1][4]] if rows else []
        if len(rows) < limit or any(r[6] not in STREAK_GOES_ON for r in whole_days):
            break
    return rules.refusal_streak(r[6] for r in newest_first)


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0)).astimezone()
    return start, start + timedelta(days=1)


def activities_on(
    conn: Any, inmate_ids: Sequence[str], day: date
) -> dict[str, list[tuple[str, str]]]:
    if not inmate_ids:
        return {}
    start, end = local_day_bounds(day)
    rows = conn.execute(
        f"""SELECT id, amends_id, voided, logged_at, inmate_id, category, outcome, started_at
              FROM activity_log
             WHERE inmate_id IN ({_placeholders(inmate_ids)})
               AND started_at >= ? AND started_at < ? AND deleted_at IS NULL""",
        (*inmate_ids, stored_utc(start), stored_utc(end)),
    ).fetchall()
    result: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in sorted(_effective_rows(rows), key=lambda r: r[7]):
        result[row[4]].append((row[5], row[6]))
    return result


def last_conversations(conn: Any, inmate_ids: Sequence[str]) -> dict[str, datetime]:
    if not inmate_ids:
        return {}
    # Per person the newest conversation that counts, walking the (inmate_id, started_at)
    # index from the newest end: a max() over everyone's conversations read them all, which
    # grew with the history and made the unit overview slow (issue #19).
    rows = conn.execute(
        """SELECT p.value,
                   (SELECT c.started_at FROM conversation c
                     WHERE c.inmate_id = p.value AND c.voided = 0 AND c.deleted_at IS NULL
                       AND NOT EXISTS (SELECT 1 FROM conversation v
                                        WHERE v.amends_id = c.id AND v.voided = 1)
                     ORDER BY c.started_at DESC LIMIT 1)
              FROM (SELECT DISTINCT value FROM json_each(?)) p""",
        (json.dumps(list(inmate_ids)),),
    ).fetchall()
    return {inmate_id: parse_utc(at) for inmate_id, at in rows if at is not None}


def open_follow_ups(
    conn: Any, inmate_ids: Sequence[str], today: date
) -> dict[str, list[FollowUpSummary]]:
    if not inmate_ids:
        return {}
    rows = conn.execute(
        f"""SELECT id, inmate_id, text, due_date FROM follow_up
             WHERE inmate_id IN ({_placeholders(inmate_ids)}) AND done_at IS NULL
               AND deleted_at IS NULL
             ORDER BY due_date""",
        tuple(inmate_ids),
    ).fetchall()
    result: dict[str, list[FollowUpSummary]] = defaultdict(list)
    for fid, inmate_id, text, due in rows:
        due_date = date.fromisoformat(due)
        result[inmate_id].append(FollowUpSummary(fid, text, due_date, due_date < today))
    return result


def release_readiness(
    conn: Any, inmate_ids: Sequence[str], today: date
) -> dict[str, release.Readiness]:
    """Readiness of the people who have a release plan (see domain.release)."""
    if not inmate_ids:
        return {}
    rows = conn.execute(
        f"""SELECT p.inmate_id, p.release_date, i.status, i.due_date, i.gate_role
              FROM release_plan p JOIN release_plan_item i ON i.plan_id = p.id
             WHERE p.inmate_id IN ({_placeholders(inmate_ids)}) AND p.deleted_at IS NULL""",
        tuple(inmate_ids),
    ).fetchall()
    states: dict[str, list[release.PlanItemState]] = defaultdict(list)
    dates: dict[str, date] = {}
    for inmate_id, release_date, status, due, gate_role in rows:
        dates[inmate_id] = date.fromisoformat(release_date)
        states[inmate_id].append(
            release.PlanItemState(
                release.ItemStatus(status),
                parse_date(due),
                release.GateRole(gate_role) if gate_role else None,
            )
        )
    return {pid: release.readiness(states[pid], dates[pid], today) for pid in dates}


def recent_concerns(conn: Any, inmate_ids: Sequence[str], today: date) -> dict[str, int]:
    """Concern and safety notes of the last two weeks, per person."""
    if not inmate_ids:
        return {}
    since, _end = local_day_bounds(today - timedelta(days=CONCERN_WINDOW_DAYS))
    rows = conn.execute(
        f"""SELECT inmate_id, count(*) FROM case_note
             WHERE inmate_id IN ({_placeholders(inmate_ids)}) AND kind IN ('concern', 'safety')
               AND created_at >= ? AND deleted_at IS NULL
             GROUP BY inmate_id""",
        (*inmate_ids, stored_utc(since)),
    ).fetchall()
    return dict(rows)


@dataclass(frozen=True)
class OfficerCaseload:
    officer: OfficerSummary
    people: tuple[CaseloadRow, ...]

    @property
    def over_capacity(self) -> bool:
        return len(self.people) > rules.MAX_CASELOAD


@dataclass(frozen=True)
class UnitOverview:
    caseloads: tuple[OfficerCaseload, ...]
    unassigned: tuple[CaseloadRow, ...]


def unit_overview(
    conn: Any,
    unit_id: str,
    today: date,
    *,
    nudge_days: int = rules.DEFAULT_CONTACT_NUDGE_DAYS,
    streak_meals: int = rules.DEFAULT_REFUSAL_STREAK,
) -> UnitOverview:
    """Every caseload of the unit against capacity, and the people nobody has (supervisors).

    The people's rows are built once and shared between caseloads (a covered person shows
    under both officers)."""
    people = conn.execute(
        f"SELECT {PERSON_COLUMNS} FROM inmate i WHERE i.unit_id = ? AND i.deleted_at IS NULL "
        "ORDER BY i.full_name",
        (unit_id,),
    ).fetchall()
    rows = {
        row.inmate_id: row
        for row in person_rows(
            conn, people, today, nudge_days=nudge_days, streak_meals=streak_meals
        )
    }
    by_officer: dict[str, list[CaseloadRow]] = defaultdict(list)
    assigned: set[str] = set()
    for officer_id, inmate_id, _until in holders(conn, today):
        if inmate_id in rows:
            by_officer[officer_id].append(rows[inmate_id])
            assigned.add(inmate_id)
    officers = [
        o
        for o in officer_summaries(conn, today, unit_id)
        if o.role in ("officer", "supervisor") and (o.role == "officer" or by_officer[o.id])
    ]
    return UnitOverview(
        caseloads=tuple(OfficerCaseload(o, tuple(by_officer[o.id])) for o in officers),
        unassigned=tuple(r for pid, r in rows.items() if pid not in assigned),
    )
