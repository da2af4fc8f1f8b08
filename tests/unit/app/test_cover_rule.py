"""Cover is a rule read at the time asked, not a copy of the caseload made when it starts:
whoever is assigned to the absent officer later (roster import, reassignment) is covered for
the cover's remaining time, on the home screen, in the unit overview and in what the cover
officer may write; someone moved away is no longer covered; after the end all is back."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from officer_desk.app import cover, logbook, people
from officer_desk.app.roster import import_roster
from officer_desk.app.writes import Actor
from officer_desk.domain.errors import PermissionDenied
from officer_desk.store import home
from officer_desk.store.database import Store, open_store
from officer_desk.store.tables import Officer

TODAY = date.today()
END = TODAY + timedelta(days=7)


@pytest.fixture
def sup(unit_supervisor: Actor) -> Actor:
    return unit_supervisor


@pytest.fixture
def covered(
    unit_store: Store, sup: Actor, officer: Officer, bjorn: Officer, caseload: list[str]
) -> list[str]:
    """Kari (the absent officer, ``officer``) is covered by Bjørn from today for a week."""
    cover.arrange_cover(
        unit_store,
        sup,
        absent_officer_id=officer.id,
        cover_officer_id=bjorn.id,
        start=TODAY,
        end=END,
        today=TODAY,
    )
    return caseload


def home_ids(store: Store, officer_id: str, on: date) -> set[str]:
    with store.raw() as conn:
        return {r.inmate_id for r in home.caseload_rows(conn, officer_id, on)}


def roster_person(store: Store, tmp_path: Path, number: str, officer: str = "kari") -> str:
    roster = tmp_path / f"{number}.csv"
    roster.write_text(
        "prison_number,full_name,arrival_date,expected_release_date,officer\n"
        f"{number},Ny Person,{TODAY.isoformat()},{(TODAY + timedelta(days=17)).isoformat()},"
        f"{officer}\n",
        "utf-8",
    )
    import_roster(store, Actor.system("roster"), roster, today=TODAY)
    with store.raw() as conn:
        row = conn.execute("SELECT id FROM inmate WHERE prison_number = ?", (number,)).fetchone()
    return str(row[0])


def test_a_person_the_roster_assigns_to_the_absent_officer_is_covered(
    unit_store: Store,
    tmp_path: Path,
    officer: Officer,
    bjorn: Officer,
    covered: list[str],
) -> None:
    newcomer = roster_person(unit_store, tmp_path, "H-9001")
    assert home_ids(unit_store, bjorn.id, TODAY) == {*covered, newcomer}
    assert home_ids(unit_store, bjorn.id, END - timedelta(days=1)) == {*covered, newcomer}
    # The cover officer may write for them like for everyone else covered.
    bjorn_actor = Actor(bjorn.id, bjorn.display_name, role="officer")
    logbook.log_meal(
        unit_store,
        bjorn_actor,
        day=TODAY,
        meal="lunch",
        entries=[logbook.MealEntry(newcomer)],
    )
    # After the end: Kari's again, Bjørn's no longer (nothing ran on the end date).
    assert home_ids(unit_store, bjorn.id, END) == set()
    assert home_ids(unit_store, officer.id, END) == {*covered, newcomer}
    with unit_store.raw() as conn:
        during = home.unit_overview(conn, _unit_id(conn), TODAY)
        assert home.holders(conn, TODAY, inmate_id=newcomer) == [
            (officer.id, newcomer, None),
            (bjorn.id, newcomer, END),
        ]
    sizes = {c.officer.username: len(c.people) for c in during.caseloads}
    assert sizes == {"kari": 7, "bjorn": 7}
    assert newcomer not in {r.inmate_id for r in during.unassigned}


def test_people_moved_to_or_away_from_the_absent_officer_follow_the_rule(
    unit_store: Store,
    admin: Actor,
    sup: Actor,
    officer: Officer,
    bjorn: Officer,
    covered: list[str],
) -> None:
    ola = people.add_officer(
        unit_store, admin, username="ola", display_name="Ola Bø", role="officer"
    )
    people.assign(unit_store, admin, officer_id=ola.id, inmate_id=_extra(unit_store), start=TODAY)
    [incoming] = home_ids(unit_store, ola.id, TODAY)
    # From Kari (under cover) to Ola: Bjørn no longer has them.  From Ola to Kari: he has.
    people.reassign(
        unit_store,
        sup,
        officer_id=ola.id,
        inmate_ids=[covered[0]],
        start=TODAY,
        reason="workload",
    )
    people.reassign(
        unit_store,
        sup,
        officer_id=officer.id,
        inmate_ids=[incoming],
        start=TODAY,
        reason="workload",
    )
    assert home_ids(unit_store, bjorn.id, TODAY) == {*covered[1:], incoming}
    bjorn_actor = Actor(bjorn.id, bjorn.display_name, role="officer")
    with pytest.raises(PermissionDenied, match="own caseload"):
        logbook.log_meal(
            unit_store,
            bjorn_actor,
            day=TODAY,
            meal="lunch",
            entries=[logbook.MealEntry(covered[0])],
        )
    with unit_store.reading() as session:
        [row] = cover.covers_from(session, TODAY)
    assert (row.absent_name, row.cover_name, row.people) == ("Kari Nordmann", "Bjørn Lie", 6)


def test_the_rule_holds_after_a_restart_and_ending_early_ends_it_for_everyone(
    tmp_path: Path,
    unit_store: Store,
    sup: Actor,
    officer: Officer,
    bjorn: Officer,
    covered: list[str],
) -> None:
    newcomer = roster_person(unit_store, tmp_path, "H-9002")
    path = Path(unit_store.path)
    unit_store.close()
    reopened = open_store(path)
    try:
        assert newcomer in home_ids(reopened, bjorn.id, TODAY)
        cover.end_cover(
            reopened, sup, cover_officer_id=bjorn.id, absent_officer_id=officer.id, on=TODAY
        )
        assert home_ids(reopened, bjorn.id, TODAY) == set()
        assert home_ids(reopened, officer.id, TODAY) == {*covered, newcomer}
    finally:
        reopened.close()


def _extra(store: Store) -> str:
    return people.add_inmates(
        store,
        Actor.system("test"),
        [people.InmateDetails(prison_number="H-77", full_name="Per Ås")],
        today=TODAY,
    ).ids[0]


def _unit_id(conn: object) -> str:
    return str(conn.execute("SELECT id FROM unit").fetchone()[0])  # type: ignore[attr-defined]
