"""One meal is logged once per person: logging it again is refused with the person named,
nothing written; a correction is an amendment of the entry that counts (one breakfast per
person in counts, streaks and the timeline, however often it is corrected)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import func, select

from officer_desk.app import logbook
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import DeclineReason, MealOutcome
from officer_desk.domain.errors import ValidationError
from officer_desk.store import home, queries
from officer_desk.store.database import Store
from officer_desk.store.tables import AuditEntry, MealLog, Officer, OutboxEntry

TODAY = date.today()


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name, role="officer")


def breakfast(store: Store, actor: Actor, entries: list[logbook.MealEntry]) -> None:
    logbook.log_meal(store, actor, day=TODAY, meal="breakfast", entries=entries)


def counted(store: Store) -> tuple[int, int, int]:
    with store.reading() as session:
        return (
            session.exec(select(func.count()).select_from(MealLog)).one(),
            session.exec(select(func.count()).select_from(AuditEntry)).one(),
            session.exec(select(func.count()).select_from(OutboxEntry)).one(),
        )


def timeline_meals(store: Store, inmate_id: str) -> list[tuple[str, str]]:
    with store.raw() as conn:
        page = queries.timeline_page(conn, inmate_id, kinds=("meal",))
    return [(item.what, item.outcome) for item in page.items]


def test_logging_a_meal_again_is_refused_and_writes_nothing(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    breakfast(unit_store, kari, [logbook.MealEntry(caseload[0])])
    before = counted(unit_store)
    with pytest.raises(ValidationError, match="already logged") as again:
        breakfast(unit_store, kari, [logbook.MealEntry(i) for i in caseload[:2]])
    assert again.value.field == f"row:{caseload[0]}"
    assert counted(unit_store) == before
    with pytest.raises(ValidationError, match="listed twice"):
        breakfast(unit_store, kari, [logbook.MealEntry(caseload[1])] * 2)
    # The others are logged; lunch is another meal.
    breakfast(unit_store, kari, [logbook.MealEntry(i) for i in caseload[1:]])
    logbook.log_meal(
        unit_store, kari, day=TODAY, meal="lunch", entries=[logbook.MealEntry(caseload[0])]
    )
    with unit_store.raw() as conn:
        meals = home.meals_on(conn, caseload, TODAY)
    assert all(meals[i].count(("breakfast", "ate")) == 1 for i in caseload)


def test_a_correction_amends_the_entry_that_counts_and_the_day_keeps_one_breakfast(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    person = caseload[0]
    breakfast(unit_store, kari, [logbook.MealEntry(person)])
    [first] = logbook.meal_slot(unit_store, TODAY, "breakfast", [person]).values()
    assert (first.outcome, first.logged_by) == ("ate", "Kari Nordmann")
    breakfast(
        unit_store,
        kari,
        [logbook.MealEntry(person, MealOutcome.PARTIAL, corrects=first.entry_id)],
    )
    [second] = logbook.meal_slot(unit_store, TODAY, "breakfast", [person]).values()
    assert second.outcome == "partial" and second.entry_id != first.entry_id
    # Correcting from a stale screen (the first entry no longer counts) is refused.
    with pytest.raises(ValidationError, match="changed meanwhile"):
        breakfast(
            unit_store,
            kari,
            [logbook.MealEntry(person, MealOutcome.AWAY, corrects=first.entry_id)],
        )
    breakfast(
        unit_store,
        kari,
        [
            logbook.MealEntry(
                person, MealOutcome.DECLINED, DeclineReason.MEDICAL, corrects=second.entry_id
            )
        ],
    )
    with unit_store.reading() as session:
        rows = session.exec(select(MealLog).where(MealLog.inmate_id == person)).all()
        audit = session.exec(select(AuditEntry).where(AuditEntry.action == "amend")).all()
    originals = [r for r in rows if r.amends_id is None]
    assert len(rows) == 3 and len(originals) == 1
    assert {r.amends_id for r in rows if r.amends_id} == {originals[0].id}
    assert len(audit) == 2
    with unit_store.raw() as conn:
        assert home.meals_on(conn, [person], TODAY)[person] == [("breakfast", "declined")]
    assert len(timeline_meals(unit_store, person)) == 1
    assert timeline_meals(unit_store, person)[0][1] == "declined"
    # A void of the correction takes the whole meal away, in the timeline too.
    [third] = logbook.meal_slot(unit_store, TODAY, "breakfast", [person]).values()
    logbook.void_meal(unit_store, kari, meal_log_id=third.entry_id, reason="wrong person")
    assert timeline_meals(unit_store, person) == []
    assert logbook.meal_slot(unit_store, TODAY, "breakfast", [person]) == {}
    breakfast(unit_store, kari, [logbook.MealEntry(person)])  # logged afresh, allowed
    assert len(timeline_meals(unit_store, person)) == 1
