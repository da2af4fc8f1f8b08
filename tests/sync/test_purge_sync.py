"""Retention reaches everywhere (issue 16, item 4): a purge at one workstation is a signed,
synced change; the hub removes every record about the person and keeps a tombstone with no
details, serves nothing else about them, refuses anything more about them, and every other
workstation drops what it holds on its next sync.  Only an admin of the unit may purge."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import select
from synchelp import Hub, seeded_pair, sign_op, workstation

from officer_desk.app import logbook, retention
from officer_desk.app.writes import Actor, write
from officer_desk.server import db as hub_db
from officer_desk.store.tables import Assignment
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport

LATER = date(2100, 1, 1)  # long after everyone's release: the retention period has run out


@pytest.fixture
def purged(hub: Hub, tmp_path: Path) -> dict[str, Any]:
    """A unit on two workstations; person 0 has meals on both; B logs one more offline; A's
    admin ends their assignment and purges them, and A syncs."""
    a, b, info = seeded_pair(tmp_path, hub, persons=2)
    person = info["inmates"][0]
    kari = Actor(info["officer"], "Kari")
    logbook.log_meal(
        a.store, kari, day=date(2026, 1, 5), meal="lunch",
        entries=[logbook.MealEntry(inmate_id=person)],
    )  # fmt: skip
    a.sync_once()
    b.sync_once()
    logbook.log_meal(
        b.store, kari, day=date(2026, 1, 6), meal="dinner",
        entries=[logbook.MealEntry(inmate_id=person)],
    )  # fmt: skip
    admin = Actor(info["admin"], "Ada", role="admin")
    with write(a.store, admin) as w:
        for row in w.session.exec(select(Assignment).where(Assignment.inmate_id == person)):
            w.update(row, {"end_date": date(2026, 2, 1)})
    result = retention.purge(a.store, admin, today=LATER, archive_dir=tmp_path / "archive")
    assert [p.inmate_id for p in result.people] == [person]
    assert a.sync_once().rejected == 0
    return info | {"a": a, "b": b, "person": person}


def hub_rows_about(hub: Hub, person: str) -> list[tuple[str, str]]:
    record = hub_db.record
    with hub.engine.connect() as conn:
        rows = conn.execute(
            sa.select(record.c.entity, record.c.data).where(record.c.inmate_id == person)
        ).all()
    return [(r.entity, r.data) for r in rows]


def held_about(client: SyncClient, person: str) -> dict[str, int]:
    db = client._conn()
    return {
        table: db.execute(
            f"SELECT count(*) FROM {table} WHERE inmate_id = ?", (person,)
        ).fetchone()[0]
        for table in ("meal_log", "assignment", "sync_conflict")
    }


def test_the_hub_keeps_only_a_tombstone_without_details(hub: Hub, purged: dict[str, Any]) -> None:
    rows = hub_rows_about(hub, purged["person"])
    assert [entity for entity, _ in rows] == ["inmate"]
    tombstone = json.loads(rows[0][1])
    assert tombstone["full_name"] == "" and tombstone["date_of_birth"] is None
    assert "Person 0" not in rows[0][1]
    # A snapshot asked for by a device of the unit gives the tombstone and nothing else.
    token = purged["b"]._setting("sync.token")
    transport = InProcessTransport(hub.app)
    try:
        status, body = transport.send(
            "GET", "/sync/snapshot", token=token, params={"inmate": purged["person"]}
        )
    finally:
        transport.close()
    assert status == 200, body
    assert [c["entity"] for c in body["changes"]] == ["inmate"]


def test_another_workstation_drops_what_it_held_and_what_waited(
    hub: Hub, purged: dict[str, Any], tmp_path: Path
) -> None:
    b, person = purged["b"], purged["person"]
    report = b.sync_once()
    assert person in report.dropped
    assert held_about(b, person) == {"meal_log": 0, "assignment": 0, "sync_conflict": 0}
    name = b._conn().execute("SELECT full_name FROM inmate WHERE id = ?", (person,)).fetchone()
    assert name == ("",)
    # The meal B logged offline was not sent after the purge, and is not kept as refused.
    assert b._conn().execute("SELECT count(*) FROM outbox_entry").fetchone()[0] == 0
    assert b.rejected() == []
    assert [entity for entity, _ in hub_rows_about(hub, person)] == ["inmate"]
    # The other person is untouched; a fresh workstation holds nothing about the purged one.
    other = purged["inmates"][1]
    assert held_about(b, other)["assignment"] == 1
    assert b._conn().execute("SELECT full_name FROM inmate WHERE id = ?", (other,)).fetchone()[0]
    fresh = workstation(tmp_path / "fresh.sqlite", hub)
    fresh.sync_once()
    assert held_about(fresh, person) == {"meal_log": 0, "assignment": 0, "sync_conflict": 0}


def test_nothing_more_is_stored_about_a_purged_person(hub: Hub, purged: dict[str, Any]) -> None:
    token = purged["b"]._setting("sync.token")
    late = sign_op(
        {
            "op_id": "op-after-purge-1",
            "entity": "meal_log",
            "entity_id": "meal-after-purge-1",
            "op": "insert",
            "payload": {
                "id": "meal-after-purge-1",
                "inmate_id": purged["person"],
                "day": "2026-03-01",
                "meal": "lunch",
                "outcome": "ate",
                "logged_at": "2026-03-01T12:00:00+00:00",
            },
            "hlc": purged["b"].store.clock.now(),
            "schema_version": 1,
        },
        purged["officer"],
    )
    transport = InProcessTransport(hub.app)
    try:
        status, body = transport.send("POST", "/sync/push", token=token, body={"ops": [late]})
    finally:
        transport.close()
    assert status == 200
    assert body["results"][0]["status"] == "rejected"
    assert "retention" in body["results"][0]["reason"]
    assert [entity for entity, _ in hub_rows_about(hub, purged["person"])] == ["inmate"]


def test_only_an_admin_can_purge(hub: Hub, tmp_path: Path) -> None:
    _, b, info = seeded_pair(tmp_path, hub, persons=1)
    person = info["inmates"][0]
    token = b._setting("sync.token")
    blank = {**retention.BLANK_PERSON, "deleted_at": "2100-01-01T00:00:00+00:00"}
    results = []
    for n, signer in enumerate((info["officer"], info["supervisor"])):
        attack = {
            "op_id": f"op-purge-attack-{n}",
            "entity": "inmate",
            "entity_id": person,
            "op": "update",
            "payload": {"id": person, **blank},
            "hlc": b.store.clock.now(),
            "schema_version": 1,
        }
        transport = InProcessTransport(hub.app)
        try:
            _, body = transport.send(
                "POST", "/sync/push", token=token, body={"ops": [sign_op(attack, signer)]}
            )
        finally:
            transport.close()
        results.append(body["results"][0])
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert all("admin" in r["reason"] for r in results)
    assert len(hub_rows_about(hub, person)) > 1  # nothing was removed


def test_the_retention_rule_is_one_for_the_facility(hub: Hub, tmp_path: Path) -> None:
    a, b, info = seeded_pair(tmp_path, hub, persons=1)
    admin = Actor(info["admin"], "Ada", role="admin")
    assert retention.get_retention_years(b.store) == 5
    retention.set_retention_years(a.store, admin, 8)
    assert a.sync_once().rejected == 0
    b.sync_once()
    assert retention.get_retention_years(b.store) == 8
    fresh = workstation(tmp_path / "fresh.sqlite", hub)
    fresh.sync_once()
    assert retention.get_retention_years(fresh.store) == 8
    # An officer's signed change of the rule is refused at the hub.
    facility_id = a._conn().execute("SELECT id FROM facility").fetchone()[0]
    attack = {
        "op_id": "op-retention-attack",
        "entity": "facility",
        "entity_id": facility_id,
        "op": "update",
        "payload": {"id": facility_id, "retention_years": 1},
        "hlc": b.store.clock.now(),
        "schema_version": 1,
    }
    transport = InProcessTransport(hub.app)
    try:
        _, body = transport.send(
            "POST",
            "/sync/push",
            token=b._setting("sync.token"),
            body={"ops": [sign_op(attack, info["officer"])]},
        )
    finally:
        transport.close()
    assert body["results"][0]["status"] == "rejected"
    b.sync_once()
    assert retention.get_retention_years(b.store) == 8
