"""Roster preview: the import's own checks against the store as it is, and nothing written."""

from __future__ import annotations

from datetime import date

import pytest

from officer_desk.app import people, roster
from officer_desk.app.writes import Actor
from officer_desk.store.database import Store

TODAY = date(2026, 3, 1)
HEADER = "prison_number,full_name,arrival_date,officer"


def count_people(store: Store) -> int:
    with store.raw() as conn:
        return int(conn.execute("SELECT count(*) FROM inmate").fetchone()[0])


@pytest.fixture
def kari(unit_store: Store, admin: Actor) -> str:
    return people.add_officer(
        unit_store, admin, username="kari", display_name="Kari", role="officer"
    ).id


def test_a_good_file_previews_who_would_arrive_and_writes_nothing(
    unit_store: Store, kari: str
) -> None:
    data = f"{HEADER}\nR-1,Åsmund Ødegård,2026-02-01,KARI\nR-2,Leila Haddad,,\n".encode()
    found = roster.preview(unit_store, data, today=TODAY)
    assert found.problems == ()
    assert [
        (a.line, a.prison_number, a.full_name, a.arrival_date, a.officer) for a in found.arrivals
    ] == [
        (2, "R-1", "Åsmund Ødegård", date(2026, 2, 1), "kari"),
        (3, "R-2", "Leila Haddad", None, ""),
    ]
    assert count_people(unit_store) == 0


def test_the_preview_names_the_problems_the_import_would_refuse_with(
    unit_store: Store, admin: Actor, kari: str
) -> None:
    people.add_inmates(
        unit_store, admin, [people.InmateDetails(prison_number="H-1", full_name="Per")], today=TODAY
    )
    data = (
        f"{HEADER}\nH-1,Per Igjen,,\nR-2,Leila,1.2.2026,\nR-3,Ali,,ghost\nR-2,Leila,,\n"
    ).encode()
    found = roster.preview(unit_store, data, today=TODAY)
    with pytest.raises(roster.RosterRejected) as refused:
        roster.import_data(unit_store, admin, data, today=TODAY)
    assert list(found.problems) == refused.value.problems
    assert [p.line for p in found.problems] == [2, 3, 4, 5]
    assert found.arrivals == ()
    assert count_people(unit_store) == 1


def test_a_file_that_is_no_roster_comes_back_as_its_problems(unit_store: Store) -> None:
    found = roster.preview(unit_store, b"name;cell\nPer;C1\n", today=TODAY)
    assert [str(p) for p in found.problems] == [
        "line 1: the columns are separated by semicolons; save the file with commas between "
        "columns (in Excel: “CSV UTF-8 (comma delimited)”)."
    ]
