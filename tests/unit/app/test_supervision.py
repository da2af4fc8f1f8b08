"""Supervising the unit: temporary cover that returns by itself, and the unit overview."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from officer_desk.app import cover, logbook, notes, people
from officer_desk.app.logbook import MealEntry
from officer_desk.app.writes import Actor
from officer_desk.domain.errors import PermissionDenied, ValidationError
from officer_desk.store import home
from officer_desk.store.database import Store
from officer_desk.store.tables import Officer

TODAY = date.today()


@pytest.fixture
def sup(unit_store: Store, admin: Actor) -> Actor:
    officer = people.add_officer(
        unit_store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )
    return Actor(officer.id, officer.display_name, role="supervisor")


@pytest.fixture
def ola(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="ola", display_name="Ola Bø", role="officer"
    )


def caseload_ids(store: Store, officer_id: str, on: date) -> set[str]:
    with store.raw() as conn:
        return {r.inmate_id for r in home.caseload_rows(conn, officer_id, on)}


def test_cover_gives_the_caseload_and_returns_it_by_itself(
    unit_store: Store, sup: Actor, officer: Officer, ola: Officer, caseload: list[str]
) -> None:
    end = TODAY + timedelta(days=7)
    result = cover.arrange_cover(
        unit_store,
        sup,
        absent_officer_id=officer.id,
        cover_officer_id=ola.id,
        start=TODAY,
        end=end,
        note="Kari on holiday",
    )
    assert result.people == 6 and result.warning is None
    assert caseload_ids(unit_store, ola.id, TODAY) == set(caseload)
    assert caseload_ids(unit_store, ola.id, end - timedelta(days=1)) == set(caseload)
    assert caseload_ids(unit_store, ola.id, end) == set()  # back by itself on the end date
    assert caseload_ids(unit_store, officer.id, end) == set(caseload)
    # While covering, Ola may write for Kari's people; the scope follows the dates.
    logbook.log_meal(
        unit_store,
        Actor(ola.id, "Ola Bø"),
        day=TODAY,
        meal="lunch",
        entries=[MealEntry(caseload[0])],
    )


def test_cover_bad_input_and_roles(
    unit_store: Store, sup: Actor, officer: Officer, ola: Officer, caseload: list[str]
) -> None:
    with pytest.raises(ValidationError, match="end after it starts"):
        cover.arrange_cover(
            unit_store,
            sup,
            absent_officer_id=officer.id,
            cover_officer_id=ola.id,
            start=TODAY + timedelta(days=3),
            end=TODAY + timedelta(days=1),
        )
    with pytest.raises(ValidationError, match="themselves"):
        cover.arrange_cover(
            unit_store,
            sup,
            absent_officer_id=officer.id,
            cover_officer_id=officer.id,
            start=TODAY,
            end=TODAY + timedelta(days=1),
        )
    with pytest.raises(ValidationError, match="no one to cover"):
        cover.arrange_cover(
            unit_store,
            sup,
            absent_officer_id=ola.id,
            cover_officer_id=officer.id,
            start=TODAY,
            end=TODAY + timedelta(days=1),
        )
    with pytest.raises(PermissionDenied):
        cover.arrange_cover(
            unit_store,
            Actor(officer.id, "Kari"),
            absent_officer_id=officer.id,
            cover_officer_id=ola.id,
            start=TODAY,
            end=TODAY + timedelta(days=2),
        )


def test_a_cover_above_six_warns(
    unit_store: Store, sup: Actor, admin: Actor, officer: Officer, ola: Officer, caseload: list[str]
) -> None:
    extra = people.add_inmates(
        unit_store,
        admin,
        [
            people.InmateDetails(
                prison_number="H-77", full_name="Per Ås", date_of_birth=date(1990, 2, 2)
            )
        ],
        today=TODAY,
    )
    people.assign(unit_store, admin, officer_id=ola.id, inmate_id=extra.ids[0], start=TODAY)
    result = cover.arrange_cover(
        unit_store,
        sup,
        absent_officer_id=officer.id,
        cover_officer_id=ola.id,
        start=TODAY,
        end=TODAY + timedelta(days=3),
    )
    assert result.warning is not None and "7 people" in result.warning


def test_ending_a_cover_early(
    unit_store: Store, sup: Actor, officer: Officer, ola: Officer, caseload: list[str]
) -> None:
    cover.arrange_cover(
        unit_store,
        sup,
        absent_officer_id=officer.id,
        cover_officer_id=ola.id,
        start=TODAY,
        end=TODAY + timedelta(days=10),
    )
    cover.end_cover(
        unit_store, sup, cover_officer_id=ola.id, absent_officer_id=officer.id, on=TODAY
    )
    assert caseload_ids(unit_store, ola.id, TODAY) == set()


def test_unit_overview_shows_caseloads_capacity_flags_and_unassigned(
    unit_store: Store, sup: Actor, admin: Actor, officer: Officer, ola: Officer, caseload: list[str]
) -> None:
    loose = people.add_inmates(
        unit_store,
        admin,
        [
            people.InmateDetails(
                prison_number="H-88", full_name="Åsmund Lie", date_of_birth=date(1992, 3, 3)
            )
        ],
        today=TODAY,
    )
    notes.add_note(
        unit_store, sup, inmate_id=caseload[0], kind="concern", text="Seemed withdrawn at the visit"
    )
    with unit_store.raw() as conn:
        unit_id = conn.execute(
            "SELECT unit_id FROM officer WHERE id = ?", (officer.id,)
        ).fetchone()[0]
        overview = home.unit_overview(conn, unit_id, TODAY)
    by_name = {c.officer.display_name: c for c in overview.caseloads}
    assert len(by_name["Kari Nordmann"].people) == 6
    assert not by_name["Kari Nordmann"].over_capacity
    assert by_name["Ola Bø"].people == ()
    assert "Sigrid Ås" not in by_name  # a supervisor without a caseload is not a caseload
    assert [r.inmate_id for r in overview.unassigned] == loose.ids
    flagged = {r.inmate_id: r.recent_concerns for r in by_name["Kari Nordmann"].people}
    assert flagged[caseload[0]] == 1 and flagged[caseload[1]] == 0
