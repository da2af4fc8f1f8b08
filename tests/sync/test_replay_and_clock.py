"""Replays and clocks (issue 14, item 6): the hub refuses a change whose clock is not after the
last one it applied from the same workstation, whatever its op id, while a resend of the same
op id still gets its stored answer; the legitimate orders (the outbox, a standalone store's
first upload, a second process on the same store) are never refused; a workstation's clock
starts after the newest one its store holds, so a system clock set back loses nothing.
Runs against a SQLite hub and a real PostgreSQL hub."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from synchelp import KEYS, LATEST, Hub, seed_unit, sign_op, workstation

from officer_desk.app.profile import ProfileEdit, update_profile
from officer_desk.app.writes import Actor
from officer_desk.domain.hlc import HybridClock, Timestamp
from officer_desk.server import db as hub_db
from officer_desk.server.pushes import REPLAY_REASON, PushJob
from officer_desk.store.database import open_store
from officer_desk.store.signed_outbox import sign_entry
from officer_desk.sync import protocol as p
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport


class _Supervisor:
    """The seeded unit's supervisor, signed in: the actor of this module's edits."""

    def __getattr__(self, name: str) -> Any:
        return getattr(Actor(LATEST["supervisor"], "Sara", role="supervisor"), name)


ADMIN: Any = _Supervisor()


def make_op(
    op_id: str, entity: str, entity_id: str, payload: dict[str, Any], hlc: str, **more: Any
) -> dict[str, Any]:
    """Every hand-made op of this module, signed by the seeded unit's supervisor (an insider
    with their own key: a signature does not make an old change new)."""
    return sign_op(
        {
            "op_id": op_id,
            "entity": entity,
            "entity_id": entity_id,
            "op": more.pop("op", "update"),
            "payload": payload,
            "hlc": hlc,
            "schema_version": 1,
            **more,
        }
    )


def queued(client: SyncClient) -> list[dict[str, Any]]:
    """The workstation's outbox as ops (what an attacker with the store finds)."""
    rows = (
        client._conn()
        .execute("SELECT op_id, entity, entity_id, op, payload, hlc FROM outbox_entry ORDER BY seq")
        .fetchall()
    )
    return [
        make_op(op_id, entity, entity_id, json.loads(payload), hlc, op=op)
        for op_id, entity, entity_id, op, payload, hlc in rows
    ]


def push(client: SyncClient, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    """Push raw ops with the workstation's own token (the attacker's position)."""
    token = client._setting("sync.token")
    status, body = client._transport_or_raise().send(
        "POST", "/sync/push", token=token, body={"ops": list(ops)}
    )
    assert status == 200, body
    results: list[dict[str, Any]] = body["results"]
    return results


def hub_cell(hub: Hub, inmate_id: str) -> Any:
    return hub.records()[("inmate", inmate_id)]["cell"]


def feed_length(hub: Hub) -> int:
    with hub.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.sum(hub_db.scope_seq.c.last))).scalar() or 0)


def set_cell(client: SyncClient, inmate_id: str, cell: str) -> None:
    update_profile(client.store, ADMIN, inmate_id, ProfileEdit(cell=cell))


def test_an_old_change_resent_under_a_new_op_id_is_refused(hub: Hub, tmp_path: Path) -> None:
    a = workstation(tmp_path / "a.sqlite", hub)
    person = seed_unit(a.store, persons=1)["inmates"][0]
    a.sync_once()
    set_cell(a, person, "OLD-1")
    (old,) = queued(a)
    a.sync_once()
    set_cell(a, person, "NEW-2")
    (newer,) = queued(a)
    a.sync_once()
    assert hub_cell(hub, person) == "NEW-2"
    b = workstation(tmp_path / "b.sqlite", hub)
    b.sync_once()
    seq = feed_length(hub)

    # The attacker holds a's token and the old change: sent again under a new op id.
    (answer,) = push(a, old | {"op_id": "replayed-0000001"})
    assert answer["status"] == "rejected"
    assert answer["reason"] == REPLAY_REASON
    assert "replay" in answer["reason"]
    # ... even with the newest clock the hub had from a (equal is not after).
    (same,) = push(a, old | {"op_id": "replayed-0000002", "hlc": newer["hlc"]})
    assert same["status"] == "rejected"

    assert hub_cell(hub, person) == "NEW-2"
    assert feed_length(hub) == seq  # nothing stored, nothing for other workstations
    assert b.sync_once().pulled == 0
    # The refusal is the op id's stored answer: sent again, the same refusal.
    (again,) = push(a, old | {"op_id": "replayed-0000001"})
    assert (again["status"], again["reason"]) == ("rejected", REPLAY_REASON)
    # A resend of an op id already applied (its answer was lost) still gets its result,
    # though its clock is older than the last change: idempotency comes first.
    (resent,) = push(a, old)
    assert resent["status"] == "duplicate"
    assert hub_cell(hub, person) == "NEW-2"


def test_the_rule_is_per_workstation(hub: Hub, tmp_path: Path) -> None:
    """Another workstation's change with an older clock is not a replay: it merges as a
    concurrent change (and loses by clock, kept as a conflict)."""
    a = workstation(tmp_path / "a.sqlite", hub)
    person = seed_unit(a.store, persons=1)["inmates"][0]
    a.sync_once()
    b = workstation(tmp_path / "b.sqlite", hub)
    b.sync_once()
    set_cell(b, person, "B-EARLIER")
    time.sleep(0.002)  # b's edit is earlier by the wall clock
    set_cell(a, person, "A-LATER")
    a.sync_once()
    report = b.sync_once()
    assert report.rejected == 0 and report.pushed == 1
    assert hub_cell(hub, person) == "A-LATER"


def test_a_replay_answer_goes_to_the_rejected_list_once(hub: Hub, tmp_path: Path) -> None:
    a = workstation(tmp_path / "a.sqlite", hub)
    person = seed_unit(a.store, persons=1)["inmates"][0]
    a.sync_once()
    set_cell(a, person, "FIRST")
    (first,) = queued(a)
    a.sync_once()
    # An op stamped before the last applied one lands in the outbox (a store restored from
    # an old copy, a bug): the workstation shows it as refused and does not send it again.
    stale = {
        "op_id": "stale-op-000001",
        "entity": "inmate",
        "entity_id": person,
        "op": "update",
        "payload": json.dumps(first["payload"] | {"cell": "STALE"}),
        "schema_version": 1,
        "hlc": first["hlc"],
        "signer": LATEST["supervisor"],
    }
    db = a._begin()
    db.execute(
        "INSERT INTO outbox_entry (op_id, entity, entity_id, op, payload, schema_version, hlc, "
        "signer, signature, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            *stale.values(),
            sign_entry(KEYS[LATEST["supervisor"]], stale),
            datetime.now(UTC).isoformat(" "),
        ),
    )
    db.execute("COMMIT")
    report = a.sync_once()
    assert (report.rejected, report.pushed) == (1, 0)
    (item,) = a.rejected()
    assert item.op_id == "stale-op-000001" and item.reason == REPLAY_REASON
    assert a.status().waiting == 0
    assert a.sync_once().rejected == 0
    assert hub_cell(hub, person) == "FIRST"


def test_a_groups_ops_of_one_device_are_judged_in_order(hub: Hub, tmp_path: Path) -> None:
    """Group commit: two pushes of one device in one transaction; the second carries a new op
    id stamped before the first's last op.  Another device's older clock is no replay."""
    a = workstation(tmp_path / "a.sqlite", hub)
    person = seed_unit(a.store, persons=1)["inmates"][0]
    a.sync_once()
    b = workstation(tmp_path / "b.sqlite", hub)
    b.sync_once()
    with hub.engine.connect() as conn:
        devices = {r.name: dict(r._mapping) for r in conn.execute(sa.select(hub_db.device)).all()}
    base = time.time_ns() // 1_000_000 + 60_000

    def cell(op_id: str, value: str, at: int, device: str) -> dict[str, Any]:
        return make_op(
            op_id, "inmate", person, {"id": person, "cell": value}, f"{at:013d}-00000-{device}"
        )

    def job(device: str, *ops: dict[str, Any]) -> PushJob:
        body = p.PushRequest.model_validate({"ops": list(ops)})
        return PushJob(body, devices[device], datetime.now(UTC))

    first = job(
        "a", cell("grp-a-000001", "A1", base + 1, "a"), cell("grp-a-000002", "A2", base + 3, "a")
    )
    second = job("a", cell("grp-a-000003", "A-OLD", base + 2, "a"))
    other = job("b", cell("grp-b-000001", "B", base, "b"))
    writer = hub.app.app.state.push_writer
    writer.apply([first, second, other])
    assert [r.status for r in first.result.results] == ["applied", "applied"]
    assert [(r.status, r.reason) for r in second.result.results] == [("rejected", REPLAY_REASON)]
    assert [r.status for r in other.result.results] == ["applied"]
    assert hub_cell(hub, person) == "A2"
    with hub.engine.connect() as conn:
        last = conn.execute(
            sa.select(hub_db.device.c.last_hlc).where(hub_db.device.c.id == devices["a"]["id"])
        ).scalar_one()
    assert last == f"{base + 3:013d}-00000-a"


def test_a_standalone_store_uploads_everything_it_holds(hub: Hub, tmp_path: Path) -> None:
    """The first upload takes rows parents first, not in clock order; each op is stamped
    afresh, so none is refused as a replay."""
    store = open_store(tmp_path / "alone.sqlite")
    info = seed_unit(store, persons=3)
    # Rows changed later than their children were made: the facility last.
    update_profile(store, ADMIN, info["inmates"][0], ProfileEdit(cell="LATER"))
    from officer_desk.app import people

    admin = Actor(info["admin"], "Ada", role="admin")
    people.add_officer(store, admin, username="ola", display_name="Ola", role="officer")
    client = SyncClient(store, InProcessTransport(hub.app))
    client.enroll("https://hub.test", hub.code(), "alone")
    clocks = [op["hlc"] for op in queued(client)]
    assert clocks == sorted(clocks) and len(set(clocks)) == len(clocks)
    report = client.sync_once()
    assert report.rejected == 0 and report.pushed == len(clocks)
    assert hub_cell(hub, info["inmates"][0]) == "LATER"


def test_a_clock_set_back_never_makes_new_edits_lose(hub: Hub, tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    a = workstation(path, hub)
    person = seed_unit(a.store, persons=1)["inmates"][0]
    set_cell(a, person, "BEFORE")
    a.sync_once()
    a.close()
    a.store.close()
    with hub.engine.connect() as conn:
        hub_rows = conn.execute(sa.select(hub_db.record.c.meta)).all()
    newest_at_hub = max(h for r in hub_rows for h, *_ in json.loads(r.meta).values())

    # The system clock is set back four minutes (still within the hub's five for hello).
    back = time.time_ns() // 1_000_000 - 4 * 60_000
    store = open_store(path, wall_ms=lambda: back)
    with store.raw() as db:
        stored = max(
            v
            for table in ("inmate", "facility", "unit", "officer", "assignment")
            for (v,) in db.execute(f"SELECT updated_hlc FROM {table}")
        )
    client = SyncClient(store, InProcessTransport(hub.app))
    set_cell(client, person, "AFTER")
    (edit,) = queued(client)
    assert edit["hlc"] > stored and edit["hlc"] > newest_at_hub
    assert Timestamp.decode(edit["hlc"]).millis > back
    report = client.sync_once()
    assert (report.pushed, report.rejected) == (1, 0)
    assert hub_cell(hub, person) == "AFTER"

    # Without the store's clock, the same edit would have been a replay: shown here.
    naive = HybridClock(store.device_id, lambda: back).now()
    assert naive < newest_at_hub


def test_the_clock_starts_after_pulled_and_pushed_changes(hub: Hub, tmp_path: Path) -> None:
    """What left the outbox (pushed) and what was pulled from other workstations both stay
    below the clock of a store opened again, whatever its system clock says."""
    a = workstation(tmp_path / "a.sqlite", hub)
    person = seed_unit(a.store, persons=1)["inmates"][0]
    a.sync_once()
    b_path = tmp_path / "b.sqlite"
    b = workstation(b_path, hub)
    b.sync_once()
    set_cell(a, person, "FROM-A")
    a.sync_once()
    b.sync_once()  # pulls a's change
    with b.store.raw() as db:
        (pulled,) = db.execute("SELECT updated_hlc FROM inmate WHERE id = ?", (person,)).fetchone()
    assert pulled.endswith(a.store.device_id)
    b.close()
    b.store.close()
    reopened = open_store(b_path, wall_ms=lambda: 1_000)
    assert reopened.clock.now() > pulled
    a_path = a.store.path
    a.close()
    a.store.close()
    a_again = open_store(a_path, wall_ms=lambda: 1_000)
    assert a_again.clock.now() > pulled  # pushed: no longer in a's outbox
    a_again.close()
    reopened.close()


def test_a_second_process_on_the_store_stays_in_clock_order(hub: Hub, tmp_path: Path) -> None:
    """The desk and the admin command line write to one store: the second handle's clock is
    behind the first's (same millisecond, or its system clock stepped back), yet its change
    is queued after the first's in clock order too, and none is refused at the hub."""
    path = tmp_path / "a.sqlite"
    a = workstation(path, hub)
    person = seed_unit(a.store, persons=2)["inmates"]
    a.sync_once()
    frozen = time.time_ns() // 1_000_000
    other = open_store(path, wall_ms=lambda: frozen - 10)  # opened before a's edits below
    for n in range(3):
        set_cell(a, person[0], f"A{n}")
    update_profile(other, ADMIN, person[1], ProfileEdit(cell="OTHER"))
    clocks = [op["hlc"] for op in queued(a)]
    assert clocks == sorted(clocks) and len(set(clocks)) == 4
    report = a.sync_once()
    assert (report.pushed, report.rejected) == (4, 0)
    update_profile(other, ADMIN, person[1], ProfileEdit(cell="OTHER-2"))  # after the push
    assert a.sync_once().rejected == 0
    assert hub_cell(hub, person[1]) == "OTHER-2"
    other.close()


def test_observe_moves_the_clock_only_forward() -> None:
    clock = HybridClock("dev", lambda: 1_000)
    clock.observe("0000000005000-00007-other")
    first = clock.now()
    assert first > "0000000005000-00007-other"
    clock.observe("0000000002000-00000-other")  # older: nothing moves
    clock.observe("not a clock")
    assert clock.now() == "0000000005000-00009-dev"
