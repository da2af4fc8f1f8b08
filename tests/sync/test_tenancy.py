"""One hub for two facilities, each with a unit "C" (issue 15, items 1 and 2): no record
crosses facilities, a pull reads only its own scopes, a device of one facility can neither
write into nor read from the other's, and a person moves between facilities only by an
admin's signed transfer.  SQLite and PostgreSQL (the ``hub`` fixture)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from synchelp import Hub, local_rows, seed_unit, sign_op
from synchelp import push_ops as push

from officer_desk.app import logbook, programmes
from officer_desk.app.writes import Actor
from officer_desk.cli.verify import verify
from officer_desk.server import db as hub_db
from officer_desk.server.routes.changes import _PAGE
from officer_desk.store.database import open_store
from officer_desk.sync import protocol as p
from officer_desk.sync.client import K_CURSOR, K_TOKEN, SyncClient
from officer_desk.sync.transport import InProcessTransport


def facility(hub: Hub, folder: Path, code: str, numbers_from: int) -> dict[str, Any]:
    """Unit C of facility ``code`` set up on a workstation of its own and enrolled (it
    uploads everything), and a second, empty workstation joined to it."""
    store = open_store(folder / f"{code}-1.sqlite")
    info = seed_unit(store, persons=2, facility_code=code, numbers_from=numbers_from)
    first = SyncClient(store, InProcessTransport(hub.app))
    first.enroll("https://hub.test", hub.code("C", code), f"{code}-1")
    assert first.sync_once().rejected == 0
    second = SyncClient(open_store(folder / f"{code}-2.sqlite"), InProcessTransport(hub.app))
    second.enroll("https://hub.test", hub.code("C", code), f"{code}-2")
    second.sync_once()
    return info | {"stations": [first, second], "code": code}


def hub_ids(hub: Hub) -> dict[str, str]:
    """Facility code -> its id at the hub."""
    with hub.engine.connect() as conn:
        return dict(conn.execute(sa.select(hub_db.site.c.code, hub_db.site.c.facility_id)).all())


def records_of(hub: Hub, facility_id: str) -> set[tuple[str, str]]:
    record = hub_db.record
    with hub.engine.connect() as conn:
        rows = conn.execute(
            sa.select(record.c.entity, record.c.entity_id).where(
                record.c.facility_id == facility_id
            )
        ).all()
    return {(r.entity, r.entity_id) for r in rows}


@pytest.fixture
def two(hub: Hub, tmp_path: Path) -> dict[str, Any]:
    return {
        "hub": hub,
        "HAL": facility(hub, tmp_path, "HAL", 1000),
        "OSL": facility(hub, tmp_path, "OSL", 5000),
    }


def test_two_facilities_with_a_unit_c_never_mix(two: dict[str, Any]) -> None:
    hub: Hub = two["hub"]
    for code in ("HAL", "OSL"):
        fac = two[code]
        first = fac["stations"][0]
        sara = Actor(fac["supervisor"], "Sara", role="supervisor")
        for n in range(3):
            logbook.log_meal(
                first.store,
                sara,
                day=date.today() - timedelta(days=n),
                meal="lunch",
                entries=[logbook.MealEntry(inmate_id=i) for i in fac["inmates"]],
            )
        # The same programme code in both facilities (their seeded catalogues share codes
        # too), and the same user names (kari, sara, ada): each unique in its facility only.
        programmes.save_programme(
            first.store,
            Actor(fac["admin"], "Ada", role="admin"),
            code="SHARED",
            name_en=f"Shared {code}",
            name_nb=f"Delt {code}",
            category="vocational",
            milestones=[programmes.MilestoneDraft("Start", "Start", 10)],
        )
    for _ in range(2):
        for code in ("HAL", "OSL"):
            for station in two[code]["stations"]:
                report = station.sync_once()
                assert report.rejected == 0 and report.skipped == 0, (code, report)
    ids = hub_ids(hub)
    assert set(ids) == {"HAL", "OSL"}
    held = {code: records_of(hub, ids[code]) for code in ids}
    assert not held["HAL"] & held["OSL"]
    for code, other in (("HAL", "OSL"), ("OSL", "HAL")):
        for station in two[code]["stations"]:
            rows = local_rows(station)
            # Everything it holds is its facility's; nothing of the other's reached it.
            assert set(rows) <= held[code]
            assert not set(rows) & held[other]
            assert sorted(r["username"] for k, r in rows.items() if k[0] == "officer") == [
                "ada",
                "kari",
                "sara",
            ]
            assert [r["name_en"] for r in rows.values() if r.get("code") == "SHARED"] == [
                f"Shared {code}"
            ]
            assert {k[1] for k in rows if k[0] == "inmate"} == set(two[code]["inmates"])
            report = verify(station.store)
            assert report.ok, report.problems
    # Both workstations of a facility hold the same records.
    for code in ("HAL", "OSL"):
        first, second = (set(local_rows(s)) for s in two[code]["stations"])
        assert first == second


def pull(hub: Hub, token: str, cursor: Any) -> tuple[int, Any]:
    text = cursor if isinstance(cursor, str) else p.format_cursor(cursor)
    transport = InProcessTransport(hub.app)
    try:
        return transport.send("GET", "/sync/pull", token=token, params={"cursor": text})
    finally:
        transport.close()


_CLOCK = [0]


def change(entity: str, entity_id: str, payload: dict[str, Any], *, op: str = "update") -> Any:
    import time

    _CLOCK[0] = max(_CLOCK[0] + 1, time.time_ns() // 1_000_000 + 60_000)
    return {
        "op_id": f"op-tenancy-{_CLOCK[0]}",
        "entity": entity,
        "entity_id": entity_id,
        "op": op,
        "payload": {"id": entity_id, **payload},
        "hlc": f"{_CLOCK[0]:013d}-00000-tenancy",
        "schema_version": 1,
    }


def unit_of(hub: Hub, code: str) -> str:
    with hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(hub_db.place.c.unit_id)
                .join(hub_db.site, hub_db.site.c.facility_id == hub_db.place.c.facility_id)
                .where(hub_db.site.c.code == code)
            ).scalar_one()
        )


def test_a_pull_after_a_week_offline_reads_only_its_own_scopes(two: dict[str, Any]) -> None:
    """While HAL's workstation is away, OSL's unit C is busy: HAL's pull brings HAL's few
    changes only, and the database reads them by the feed's key, never the other feed."""
    hub: Hub = two["hub"]
    hal, osl = two["HAL"], two["OSL"]
    away = hal["stations"][1]
    osl_token = osl["stations"][0]._setting(K_TOKEN)
    person = osl["inmates"][0]
    meal = {"meal": "lunch", "outcome": "ate", "logged_at": "2026-01-01T12:00:00+00:00"}
    for week_day in range(7):
        ops = [
            sign_op(
                change(
                    "meal_log",
                    f"busy-{week_day}-{n}",
                    meal | {"inmate_id": person, "day": f"2026-01-{n % 28 + 1:02d}"},
                    op="insert",
                ),
                osl["officer"],
            )
            for n in range(300)
        ]
        assert {r["status"] for r in push(hub, osl_token, *ops)} == {"applied"}
    sara = Actor(hal["supervisor"], "Sara", role="supervisor")
    logbook.log_meal(
        hal["stations"][0].store,
        sara,
        day=date.today(),
        meal="dinner",
        entries=[logbook.MealEntry(inmate_id=hal["inmates"][0])],
    )
    hal["stations"][0].sync_once()
    report = away.sync_once()
    assert report.pulled == 1  # HAL's one new meal, none of OSL's 2,100
    with hub.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE feed")
            conn.exec_driver_sql("ANALYZE record")
        page = _PAGE.params(s=unit_of(hub, "HAL"), n=0, l=5001)
        sql = str(page.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        if conn.dialect.name == "sqlite":
            plan = " ".join(
                str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
            )
            # The feed's primary key (scope, seq): a range of the unit's own numbers.
            assert "SEARCH feed USING INDEX sqlite_autoindex_feed_1 (scope=? AND seq>?)" in plan
            assert "SCAN feed" not in plan, plan
        else:
            found = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}").scalar_one()
            plan = (found if isinstance(found, list) else json.loads(found))[0]["Plan"]
            scans = [n for n in _nodes(plan) if n.get("Relation Name") == "feed"]
            assert scans and all("Index" in n["Node Type"] for n in scans), scans
            # Rows read from the feed: HAL's unit feed only, none of OSL's thousands.
            assert all(n.get("Rows Removed by Filter", 0) == 0 for n in scans), scans
            assert sum(n["Actual Rows"] for n in scans) < 100, scans


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    out = [plan]
    for child in plan.get("Plans", []):
        out += _nodes(child)
    return out


def test_a_device_of_one_facility_cannot_reach_the_other(two: dict[str, Any]) -> None:
    hub: Hub = two["hub"]
    hal, osl = two["HAL"], two["OSL"]
    token = hal["stations"][0]._setting(K_TOKEN)
    ids = hub_ids(hub)
    hal_unit, osl_unit = unit_of(hub, "HAL"), unit_of(hub, "OSL")
    before = records_of(hub, ids["OSL"])
    officer, admin = hal["officer"], hal["admin"]
    theirs = osl["inmates"][0]
    their_programme = next(k[1] for k in before if k[0] == "programme")
    meal = {"meal": "lunch", "day": "2026-01-02", "outcome": "ate"}
    meal |= {"logged_at": "2026-01-02T12:00:00+00:00"}
    officer_row = {"username": "mole", "display_name": "Mole", "role": "admin"}
    results = push(
        hub,
        token,
        # a meal for their person, a person and an officer placed in their unit by id
        sign_op(change("meal_log", "m-x-1", meal | {"inmate_id": theirs}, op="insert"), officer),
        sign_op(change("inmate", theirs, {"cell": "X1"}), admin),
        sign_op(
            change("officer", "o-mole", officer_row | {"unit_id": osl_unit}, op="insert"), admin
        ),
        # their catalogue and their facility record
        sign_op(change("programme", their_programme, {"name_en": "Taken over"}), admin),
        sign_op(change("facility", ids["OSL"], {"name": "Taken over"}), admin),
        # their unit's record, named by its id
        sign_op(change("unit", osl_unit, {"name": "Taken over"}), admin),
    )
    assert [r["status"] for r in results] == ["rejected"] * 6, results
    assert records_of(hub, ids["OSL"]) == before
    # Forged cursors: another facility's unit or facility, alone or beside its own.
    for cursor in (
        {osl_unit: 0},
        {hal_unit: 0, osl_unit: 0},
        {ids["OSL"]: 0},
    ):
        status, body = pull(hub, token, cursor)
        assert status == 404 and body["code"] == "out_of_scope", (cursor, body)
    for text in ("[]", '{"a": -1}', '{"a": "1"}', "{", "x" * 3000):
        status, body = pull(hub, token, text)
        assert 400 <= status < 500, (text, status, body)
    transport = InProcessTransport(hub.app)
    try:
        status, body = transport.send(
            "GET", "/sync/snapshot", token=token, params={"inmate": theirs}
        )
        assert status == 404
        digest = {"count": 0, "digest": "0" * 64}
        status, body = transport.send(
            "POST", "/sync/verify", token=token, body={"scopes": {theirs: digest}}
        )
        assert status == 404
    finally:
        transport.close()
    # Its own pull holds nothing of theirs.
    status, body = pull(hub, token, {})
    assert status == 200
    assert not {(c["entity"], c["entity_id"]) for c in body["changes"]} & before


def test_a_person_moves_to_another_facility_only_by_an_admins_signed_transfer(
    two: dict[str, Any],
) -> None:
    hub: Hub = two["hub"]
    hal = two["HAL"]
    token = hal["stations"][0]._setting(K_TOKEN)
    ids = hub_ids(hub)
    person = hal["inmates"][0]
    osl_unit = unit_of(hub, "OSL")
    # A supervisor may move people between the facility's units, not out of it.
    [refused] = push(
        hub, token, sign_op(change("inmate", person, {"unit_id": osl_unit}), hal["supervisor"])
    )
    assert refused["status"] == "rejected"
    assert "transfer between facilities" in refused["reason"]
    assert (("inmate", person)) in records_of(hub, ids["HAL"])
    # A unit the hub does not know is no destination either.
    [unknown] = push(
        hub, token, sign_op(change("inmate", person, {"unit_id": "no-such-unit"}), hal["admin"])
    )
    assert unknown["status"] == "rejected" and "does not know" in unknown["reason"]
    # An admin's signed transfer moves the person and what is about them.
    [moved] = push(
        hub, token, sign_op(change("inmate", person, {"unit_id": osl_unit}), hal["admin"])
    )
    assert moved["status"] == "applied", moved
    osl_records = records_of(hub, ids["OSL"])
    assert ("inmate", person) in osl_records
    assert not any(
        k for k in records_of(hub, ids["HAL"]) if k[0] == "meal_log" and k[1] in osl_records
    )
    # HAL's workstations learn the person left and drop them.
    for station in hal["stations"]:
        station.sync_once()
        assert ("inmate", person) not in local_rows(station)


def test_enrolment_codes_name_the_facility_once_a_hub_serves_several(
    two: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from officer_desk.server.cli import main as server_main

    hub: Hub = two["hub"]
    url = ["--database-url", hub.engine.url.render_as_string(hide_password=False)]
    assert server_main(["enroll-device", *url, "--unit", "C"]) == 2
    assert "name the facility with --facility" in capsys.readouterr().err
    assert server_main(["enroll-device", *url, "--facility", "OSL", "--unit", "C"]) == 0
    code = capsys.readouterr().out.strip()
    # The code is bound to OSL's unit C by id: the workstation it enrols is OSL's.
    client = SyncClient(
        open_store(tmp_path / "OSL-3.sqlite"),
        InProcessTransport(hub.app),
    )
    client.enroll("https://hub.test", code, "OSL-3")
    client.sync_once()
    assert {k[1] for k in local_rows(client) if k[0] == "inmate"} == set(two["OSL"]["inmates"])


def test_a_cursor_stored_before_scoped_feeds_is_translated_once(two: dict[str, Any]) -> None:
    """A workstation that still holds a number as its cursor (from a hub before h0008) sends
    it once; it keeps the map the hub answers with and goes on from it (this hub has nothing
    from before, so the map covers nothing: everything again, which changes nothing)."""
    station = two["HAL"]["stations"][1]
    held = local_rows(station)
    where = p.cursor_position(station._setting(K_CURSOR))
    station._keep_cursor("7")
    station.sync_once()
    cursor = station._setting(K_CURSOR) or ""
    assert cursor.startswith("{") and p.cursor_position(cursor) == where
    assert local_rows(station) == held
