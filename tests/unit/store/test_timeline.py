"""One person's timeline: newest first, keyset pages that join up exactly, filters."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from officer_desk.app import logbook, notes
from officer_desk.app.logbook import ActivityEntry, MealEntry
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import ActivityCategory, DeclineReason, MealOutcome
from officer_desk.store import queries
from officer_desk.store.database import Store
from officer_desk.store.tables import MealLog


def fill_history(store: Store, actor: Actor, person: str, days: int) -> dict[str, set[str]]:
    """Meals, activities and notes over ``days`` days, with some voids; returns the ids that
    should show, per kind."""
    rnd = random.Random(5)
    expected: dict[str, set[str]] = {"meal": set(), "activity": set(), "note": set()}
    today = date.today()
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        for meal in ("breakfast", "lunch", "dinner"):
            declined = rnd.random() < 0.2
            change = logbook.log_meal(
                store,
                actor,
                day=day,
                meal=meal,
                entries=[
                    MealEntry(
                        person,
                        MealOutcome.DECLINED if declined else MealOutcome.ATE,
                        DeclineReason.NOT_HUNGRY if declined else None,
                    )
                ],
            )
            if rnd.random() < 0.1:
                logbook.void_meal(store, actor, meal_log_id=change.ids[0], reason="wrong day")
            else:
                expected["meal"].add(change.ids[0])
        started = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=9)
        change = logbook.log_activity(
            store,
            actor,
            inmate_ids=[person],
            activity=ActivityEntry(ActivityCategory.WORK, started, 120),
        )
        expected["activity"].add(change.ids[0])
    for n in range(5):
        change = notes.add_note(
            store, actor, inmate_id=person, kind="positive", text=f"Note {n}", sensitive=n == 3
        )
        expected["note"].add(change.ids[0])
    return expected


def test_pages_join_up_to_the_whole_history_newest_first(
    store: Store, caseload: list[str], admin: Actor
) -> None:
    person = caseload[0]
    expected = fill_history(store, admin, person, days=12)
    seen: list[queries.TimelineItem] = []
    before = None
    with store.reading() as session:
        while True:
            page = queries.timeline_page(session, person, before=before, limit=7)
            seen += page.items
            assert len(page.items) <= 7
            if page.next_before is None:
                break
            before = page.next_before
    ids = [item.id for item in seen]
    assert len(ids) == len(set(ids)), "an item appeared on two pages"
    assert set(ids) == expected["meal"] | expected["activity"] | expected["note"]
    keys = [(item.at, item.id) for item in seen]
    assert keys == sorted(keys, reverse=True)


def test_filters_by_kind_date_and_sensitivity(
    store: Store, caseload: list[str], admin: Actor
) -> None:
    person = caseload[1]
    expected = fill_history(store, admin, person, days=6)
    with store.reading() as session:
        only_notes = queries.timeline_page(session, person, kinds=("note",), limit=100)
        assert {i.id for i in only_notes.items} == expected["note"]
        assert sum(i.sensitive for i in only_notes.items) == 1
        public = queries.timeline_page(
            session, person, kinds=("note",), limit=100, include_sensitive=False
        )
        assert len(public.items) == 4 and not any(i.sensitive for i in public.items)
        recent = queries.timeline_page(
            session, person, kinds=("activity",), limit=100, since=date.today() - timedelta(days=3)
        )
        assert len(recent.items) == 3


def test_an_amended_note_shows_its_latest_text(
    store: Store, caseload: list[str], admin: Actor
) -> None:
    change = notes.add_note(
        store, admin, inmate_id=caseload[2], kind="concern", text="Seemed low at dinner"
    )
    notes.amend_note(
        store,
        admin,
        note_id=change.ids[0],
        text="Seemed low at dinner; talked after, feeling better",
    )
    with store.reading() as session:
        page = queries.timeline_page(session, caseload[2])
    (item,) = page.items
    assert item.revisions == 2 and item.text.endswith("feeling better")


def test_a_busy_day_pages_in_meal_time_order(
    store: Store, caseload: list[str], admin: Actor
) -> None:
    """Many logs on one day (the same meal logged again and again, as workstations offline
    at the same time can sync it in; the desk itself logs a meal once): the evening meal,
    logged first, still sorts first, and pages join up without gaps across that day."""
    person = caseload[3]
    day = date.today() - timedelta(days=1)
    evening = logbook.log_meal(
        store, admin, day=day, meal="evening", entries=[MealEntry(person, MealOutcome.ATE)]
    ).ids[0]
    lunches = set()
    for _ in range(30):
        with write(store, admin) as w:
            row = MealLog(inmate_id=person, day=day, meal="lunch", outcome="ate", logged_at=w.now)
            w.insert(row)
            lunches.add(row.id)
    with store.reading() as session:
        first = queries.timeline_page(session, person, kinds=("meal",), limit=7)
        assert first.items[0].id == evening
        seen, before = [], None
        while True:
            page = queries.timeline_page(session, person, kinds=("meal",), before=before, limit=7)
            seen += [i.id for i in page.items]
            if page.next_before is None:
                break
            before = page.next_before
    assert seen[0] == evening and set(seen[1:]) == lunches and len(seen) == 31


def test_the_person_page_reads_the_same_page_without_the_orm(
    store: Store, caseload: list[str], admin: Actor
) -> None:
    """``queries.timeline_page`` on the raw connection (as the person page reads it) and
    through a session: same items, same cursor."""
    person = caseload[4]
    fill_history(store, admin, person, days=5)
    with store.reading() as session:
        through_session = queries.timeline_page(session, person, limit=6)
    with store.raw() as conn:
        raw = queries.timeline_page(conn, person, limit=6)
        after = queries.timeline_page(conn, person, limit=6, before=raw.next_before)
    assert raw == through_session
    assert raw.next_before is not None
    assert {i.id for i in raw.items}.isdisjoint(i.id for i in after.items)
    assert all(a.at.tzinfo is not None for a in raw.items + after.items)
