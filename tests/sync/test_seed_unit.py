"""synchelp.seed_unit seeds units of any size (sync_bench runs it at 60 to 1,000 people), and a
workstation that joins takes every one of them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import select
from synchelp import make_hub, seed_unit, seeded_pair

from officer_desk.app import people
from officer_desk.store.database import open_store
from officer_desk.store.tables import Assignment, Inmate


def test_seed_unit_registers_forty_valid_people_all_assigned(tmp_path: Path) -> None:
    store = open_store(tmp_path / "a.sqlite")
    try:
        info = seed_unit(store, persons=40)
        with store.reading() as session:
            inmates = session.exec(select(Inmate)).all()
            holders = {a.inmate_id: a.officer_id for a in session.exec(select(Assignment)).all()}
    finally:
        store.close()

    assert len(info["inmates"]) == len(inmates) == 40
    assert len({i.prison_number for i in inmates}) == len({i.cell for i in inmates}) == 40
    for inmate in inmates:  # the domain's checks still pass on what was stored
        people.validate_inmate(
            people.InmateDetails(
                prison_number=inmate.prison_number,
                full_name=inmate.full_name,
                date_of_birth=inmate.date_of_birth,
                arrival_date=inmate.arrival_date,
                expected_release_date=inmate.expected_release_date,
            ),
            date.today(),
        )
    assert holders == dict.fromkeys(info["inmates"], info["officer"])


def test_a_joining_workstation_takes_a_forty_person_unit(tmp_path: Path) -> None:
    hub = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite'}")
    a, b, info = seeded_pair(tmp_path, hub, persons=40)
    try:
        with b.store.reading() as session:
            joined = set(session.exec(select(Inmate.id)).all())
        assert joined == set(info["inmates"])
    finally:
        for client in (a, b):
            client.close()
            client.store.close()
        hub.engine.dispose()
