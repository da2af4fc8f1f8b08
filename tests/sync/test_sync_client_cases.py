"""The client's rarer paths: a person transferred to another unit (the old unit's workstation
drains its outbox for them, then drops their rows; the new unit's takes a snapshot), the
visible list of rejected changes (a refusal never blocks the rest), ``verify`` re-taking only
the person that differs, and the unit's device list for the supervisors' overview."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select
from synchelp import LATEST, Hub, comparable, make_hub, seed_unit, sign_op

from officer_desk.app import logbook
from officer_desk.app.writes import Actor, write
from officer_desk.store.database import open_store
from officer_desk.store.tables import MealLog, Unit
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport


@pytest.fixture
def hub(tmp_path: Path) -> Any:
    made = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite'}")
    yield made
    made.engine.dispose()


def enrolled(path: Path, hub: Hub, unit: str = "C", **kw: Any) -> SyncClient:
    client = SyncClient(open_store(path), InProcessTransport(hub.app), **kw)
    client.enroll("https://hub.test", hub.code(unit), path.stem)
    return client


def seeded(
    path: Path, hub: Hub, persons: int, unit: str = "C", **kw: Any
) -> tuple[SyncClient, dict[str, Any]]:
    """A unit set up on a standalone store, then enrolled (its admin signs the upload)."""
    store = open_store(path)
    info = seed_unit(
        store, persons=persons, unit_code=unit, numbers_from=2000 if unit != "C" else 1000
    )
    client = SyncClient(store, InProcessTransport(hub.app), **kw)
    client.enroll("https://hub.test", hub.code(unit), path.stem)
    return client, info


def rows_of(client: SyncClient, table: str, inmate_id: str) -> list[str]:
    column = "id" if table == "inmate" else "inmate_id"
    return [
        r[0]
        for r in client._conn().execute(
            f"SELECT id FROM {table} WHERE {column} = ? ORDER BY id", (inmate_id,)
        )
    ]


def meal(store: Any, inmate_id: str, day: date, actor: Actor | None = None) -> None:
    logbook.log_meal(
        store,
        actor or Actor(LATEST["supervisor"], "Sara"),
        day=day,
        meal="lunch",
        entries=[logbook.MealEntry(inmate_id=inmate_id)],
    )


def test_transfer_drains_then_drops_on_the_old_unit_and_snapshots_on_the_new(
    hub: Hub, tmp_path: Path
) -> None:
    c, info = seeded(tmp_path / "c.sqlite", hub, 2)
    moving, staying = info["inmates"]
    meal(c.store, moving, date(2026, 1, 1))
    c.sync_once()
    # Unit D is set up on its own workstation by its own admin (only a unit's own may).
    d, _ = seeded(tmp_path / "d.sqlite", hub, 1, unit="D")
    d.sync_once()
    with d.store.reading() as session:
        unit_d = session.exec(select(Unit.id).where(Unit.code == "D")).one()
    assert rows_of(d, "inmate", moving) == []  # not D's person (yet)

    # The transfer reaches the hub (facility IT's tool on another unit-C device).
    tool = InProcessTransport(hub.app)
    _, body = tool.send("POST", "/sync/enroll", body={"code": hub.code(), "device_name": "it"})
    version = c._conn().execute("SELECT server_version FROM inmate WHERE id = ?", (moving,))
    status, answer = tool.send(
        "POST",
        "/sync/push",
        token=body["token"],
        body={
            "ops": [
                sign_op(
                    {
                        "op_id": "op-transfer-0001",
                        "entity": "inmate",
                        "entity_id": moving,
                        "op": "update",
                        "payload": {"unit_id": unit_d},
                        "hlc": "9999999999999-00000-it",
                        "schema_version": 1,
                        "base_version": version.fetchone()[0],
                    },
                    info["supervisor"],
                )
            ]
        },
    )
    assert status == 200 and answer["results"][0]["status"] == "applied", answer

    # The officer on C logs a meal for the person while the sync is pulling the transfer:
    # it is drained to the hub before the person's rows leave C.
    kari = Actor(info["officer"], "Kari")

    def late_meal(what: str, _n: int) -> None:
        # Written as the transfer arrives (her screen had the person open a moment before),
        # signed by Kari: drained to the hub before the person's rows leave C.
        if what == "pulled":
            with write(c.store, kari) as w:
                w.insert(
                    MealLog(
                        inmate_id=moving,
                        day=date(2026, 1, 2),
                        meal="lunch",
                        outcome="ate",
                        logged_at=w.now,
                    )
                )

    c.on_page = late_meal
    report = c.sync_once()
    c.on_page = None
    assert report.dropped == [moving]
    for table in ("inmate", "meal_log", "assignment"):
        assert rows_of(c, table, moving) == [], table
    assert rows_of(c, "inmate", staying) == [staying]
    assert c.status().waiting == 0
    hub_meals = {
        k[1] for k, r in hub.records().items() if k[0] == "meal_log" and r["inmate_id"] == moving
    }
    assert len(hub_meals) == 2  # the drained meal reached the hub

    report = d.sync_once()
    assert report.snapshots == 1
    assert set(rows_of(d, "meal_log", moving)) == hub_meals
    records = hub.records()
    mine = {r[0] for r in d._conn().execute("SELECT id FROM meal_log")}
    assert mine == hub_meals
    (row,) = d._conn().execute("SELECT full_name FROM inmate WHERE id = ?", (moving,))
    assert row[0] == comparable(records[("inmate", moving)])["full_name"]


def test_rejected_changes_are_listed_and_do_not_block_the_rest(hub: Hub, tmp_path: Path) -> None:
    c, info = seeded(tmp_path / "c.sqlite", hub, 1)
    person = info["inmates"][0]
    meal(c.store, person, date(2026, 1, 1))
    c.sync_once()
    # A log entry changed in place (the hub refuses: logs are amended, never changed),
    # written between two good changes.
    meal(c.store, person, date(2026, 1, 2))
    with write(c.store, Actor(info["supervisor"], "Sara")) as w:
        first = w.session.exec(select(MealLog).where(MealLog.day == date(2026, 1, 1))).one()
        w.update(first, {"note": "changed afterwards"})
    meal(c.store, person, date(2026, 1, 3))
    report = c.sync_once()
    assert report.rejected == 1 and report.pushed == 2
    (item,) = c.rejected()
    assert item.entity == "meal_log" and item.entity_id == first.id
    assert "never changed" in item.reason and item.payload["note"] == "changed afterwards"
    status = c.status()
    assert status.rejected == 1 and status.waiting == 0 and status.problem is None
    days = {r["day"] for (e, _), r in hub.records().items() if e == "meal_log"}
    assert days == {"2026-01-01", "2026-01-02", "2026-01-03"}


def test_verify_retakes_only_the_person_that_differs(hub: Hub, tmp_path: Path) -> None:
    c, info = seeded(tmp_path / "c.sqlite", hub, 2)
    for person in info["inmates"]:
        meal(c.store, person, date(2026, 1, 1))
    c.sync_once()
    assert c.verify() == []
    damaged, _fine = info["inmates"]
    c._conn().execute("DELETE FROM meal_log WHERE inmate_id = ?", (damaged,))
    assert c.verify() == [damaged]
    assert len(rows_of(c, "meal_log", damaged)) == 1  # taken again from the hub
    assert c.verify() == []


def test_unit_devices_with_last_sync_and_changes_waiting(hub: Hub, tmp_path: Path) -> None:
    c, info = seeded(tmp_path / "c.sqlite", hub, 1, batch_size=2)
    c.sync_once()
    other = enrolled(tmp_path / "other.sqlite", hub)
    other.sync_once()
    enrolled(tmp_path / "never.sqlite", hub)  # enrolled, never synced
    d = enrolled(tmp_path / "d.sqlite", hub, unit="D")  # another unit: not listed
    d.sync_once()
    for n in range(3):
        meal(other.store, info["inmates"][0], date(2026, 1, 1 + n))
    other._hello()  # says 3 changes wait, and pushes nothing
    devices = {dev.name: dev for dev in c.devices()}
    assert set(devices) == {"c", "other", "never"}
    assert devices["c"].this_device and devices["c"].waiting == 0
    assert devices["other"].waiting == 3 and not devices["other"].this_device
    assert devices["never"].last_sync_at is None and devices["never"].waiting is None
    other.batch_size = 2
    other.sync_once()
    devices = {dev.name: dev for dev in c.devices()}
    assert devices["other"].waiting == 0
    assert devices["other"].last_sync_at is not None
