"""A cover arranged on one workstation and a person assigned to the absent officer on another,
after the cover began: once both have synced, the cover officer has that person everywhere
(the cover is a rule read at the time asked, and it names its absent officer on the wire)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlmodel import select
from synchelp import Hub, give_keys, seed_unit, workstation

from officer_desk.app import cover, people
from officer_desk.app.writes import Actor
from officer_desk.store import home
from officer_desk.store.database import Store, open_store
from officer_desk.store.tables import Assignment
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport


def home_ids(store: Store, officer_id: str, on: date) -> set[str]:
    with store.raw() as conn:
        return {r.inmate_id for r in home.caseload_rows(conn, officer_id, on)}


def test_a_person_assigned_elsewhere_after_the_cover_began_is_covered_after_sync(
    tmp_path: Path, hub: Hub
) -> None:
    store = open_store(tmp_path / "a.sqlite")
    info = seed_unit(store)
    bjorn = people.add_officer(
        store, Actor.system("test-admin"), username="bjorn", display_name="Bjørn", role="officer"
    )
    give_keys(store, [bjorn.id])
    a = SyncClient(store, InProcessTransport(hub.app))
    a.enroll("https://hub.test", hub.code(), "a")
    a.sync_once()
    b = workstation(tmp_path / "b.sqlite", hub)
    b.sync_once()
    try:
        today, end = date.today(), date.today() + timedelta(days=7)
        sara = Actor(info["supervisor"], "Sara Sjef", role="supervisor")
        cover.arrange_cover(
            a.store,
            sara,
            absent_officer_id=info["officer"],
            cover_officer_id=bjorn.id,
            start=today,
            end=end,
        )
        for client in (a, b):
            client.sync_once()
        # On B, after the cover reached it: a newcomer assigned to Kari, the absent officer.
        [newcomer] = people.add_inmates(
            b.store,
            sara,
            [people.InmateDetails(prison_number="H-9100", full_name="Ny Person")],
            today=today,
        ).ids
        people.assign(b.store, sara, officer_id=info["officer"], inmate_id=newcomer, start=today)
        for client in (b, a, b):
            client.sync_once()
        for client in (a, b):
            assert home_ids(client.store, bjorn.id, today) == {*info["inmates"], newcomer}
            assert home_ids(client.store, bjorn.id, end) == set()
            assert newcomer in home_ids(client.store, info["officer"], end)
            with client.store.reading() as session:
                covers = session.exec(select(Assignment).where(Assignment.reason == "cover")).all()
            assert {c.covers_officer_id for c in covers} == {info["officer"]}
        assert a.status().rejected == 0 and b.status().rejected == 0
        assert b.status().waiting == 0
    finally:
        for client in (a, b):
            client.close()
            client.store.close()
