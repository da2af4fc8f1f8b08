"""Group commit (server/pushes.py): pushes waiting for the hub's writer are applied together
in one transaction, yet each gets exactly its own answer; a replayed op id inside a group gets
the earlier op's result; a push that fails fails only its own request; a device revoked while
its push waited is refused.  Runs against a SQLite hub and a real PostgreSQL hub."""

from __future__ import annotations

import itertools
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hubseed import seed_and_enrol
from synchelp import Hub, sign_op

from officer_desk.server import bulk, merge
from officer_desk.server import db as hub_db
from officer_desk.server.app import ProblemError, revoke_device
from officer_desk.server.pushes import PushJob, PushWriter
from officer_desk.sync import protocol as p
from officer_desk.sync.transport import InProcessTransport


@pytest.fixture
def unit(hub: Hub, tmp_path: Path) -> dict[str, Any]:
    """A seeded unit on the hub and three more workstations of it (device rows)."""
    info, tokens = seed_and_enrol(hub, tmp_path, persons=2, stations=3)
    with hub.engine.connect() as conn:
        rows = conn.execute(sa.select(hub_db.device).where(hub_db.device.c.name.like("ws%"))).all()
    devices = {r.name: dict(r._mapping) for r in rows}
    return {**info, "devices": [devices[f"ws{n}"] for n in range(3)], "tokens": tokens}


def writer_of(hub: Hub) -> PushWriter:
    writer = hub.app.app.state.push_writer
    assert isinstance(writer, PushWriter)
    return writer


# Each op made here is stamped after the one before (the hub refuses a new op id whose clock is
# not after the last one it applied from the same workstation: a replay).
_CLOCK = itertools.count(1700000000000)


def meal(op_id: str, entity_id: str, inmate: str, outcome: str = "ate") -> dict[str, Any]:
    return sign_op(
        {
            "op_id": op_id,
            "entity": "meal_log",
            "entity_id": entity_id,
            "op": "insert",
            "payload": {
                "id": entity_id,
                "inmate_id": inmate,
                "meal": "lunch",
                "day": "2026-01-01",
                "outcome": outcome,
                "logged_at": "2026-01-01T12:00:00+00:00",
            },
            "hlc": f"{next(_CLOCK):013d}-00000-ws",
            "schema_version": 1,
        }
    )


def job(device: dict[str, Any], *ops: dict[str, Any], waiting: int = 0) -> PushJob:
    body = p.PushRequest.model_validate({"ops": list(ops), "waiting": waiting})
    return PushJob(body, device, datetime.now(UTC))


def statuses(done: PushJob) -> list[tuple[str, str]]:
    assert done.error is None, done.error
    assert done.result is not None
    return [(r.op_id, r.status) for r in done.result.results]


def feed(hub: Hub) -> list[tuple[int, str]]:
    """The unit's feed (the hub has one unit here), in order."""
    rows = hub_db.feed
    with hub.engine.connect() as conn:
        unit = conn.execute(sa.select(hub_db.place.c.unit_id)).scalar_one()
        found = conn.execute(
            sa.select(rows.c.seq, rows.c.entity_id).where(rows.c.scope == unit).order_by(rows.c.seq)
        ).all()
    return [(r.seq, r.entity_id) for r in found]


def test_one_group_answers_each_push_with_its_own_results(hub: Hub, unit: dict[str, Any]) -> None:
    a, b, _ = unit["devices"]
    person = unit["inmates"][0]
    first = job(a, meal("op-a-000001", "m-a1", person), meal("op-a-000002", "m-a2", person))
    second = job(b, meal("op-b-000001", "m-b1", person), waiting=7)
    third = job(a, meal("op-a-000003", "m-a3", person), waiting=3)
    writer = writer_of(hub)
    groups = writer.groups
    before = feed(hub)

    writer.apply([first, second, third])

    assert writer.groups == groups + 1
    assert statuses(first) == [("op-a-000001", "applied"), ("op-a-000002", "applied")]
    assert statuses(second) == [("op-b-000001", "applied")]
    assert statuses(third) == [("op-a-000003", "applied")]
    # The records follow the feed in the order of the pushes, numbered after what was there.
    after = feed(hub)[len(before) :]
    assert [e for _, e in after] == ["m-a1", "m-a2", "m-b1", "m-a3"]
    top = before[-1][0]
    assert [s for s, _ in after] == [top + 1, top + 2, top + 3, top + 4]
    # Each device's status comes from its last push in the group.
    with hub.engine.connect() as conn:
        waiting = dict(conn.execute(sa.select(hub_db.device.c.id, hub_db.device.c.waiting)).all())
    assert waiting[a["id"]] == 3 and waiting[b["id"]] == 7


def test_a_replayed_op_id_inside_a_group_gets_the_earlier_result(
    hub: Hub, unit: dict[str, Any]
) -> None:
    a, b, _ = unit["devices"]
    person = unit["inmates"][0]
    good = meal("op-r-000001", "m-r1", person)
    clash = meal("op-r-000002", "m-r1", person, outcome="refused")  # same id, other content
    sent = job(a, good, clash)
    resent = job(a, good, clash)  # the same push again: its answer was lost
    stolen = job(b, meal("op-r-000001", "m-r9", person))  # another device reuses an op id

    writer = writer_of(hub)
    groups = writer.groups

    writer.apply([sent, resent, stolen])

    assert writer.groups == groups + 1  # one transaction, no retry alone
    assert statuses(sent) == [("op-r-000001", "applied"), ("op-r-000002", "rejected")]
    assert statuses(resent) == [("op-r-000001", "duplicate"), ("op-r-000002", "rejected")]
    assert sent.result is not None and resent.result is not None
    assert resent.result.results[0].version == sent.result.results[0].version == 1
    assert resent.result.results[1].reason == sent.result.results[1].reason
    assert stolen.result is not None
    assert stolen.result.results[0].status == "rejected"
    assert "another workstation" in stolen.result.results[0].reason
    entities = [e for _, e in feed(hub)]
    assert entities.count("m-r1") == 1 and "m-r9" not in entities
    with hub.engine.connect() as conn:
        stored = conn.execute(
            sa.select(sa.func.count()).where(hub_db.op_result.c.op_id.like("op-r-%"))
        ).scalar_one()
    assert stored == 2


def test_a_failing_push_fails_only_its_own_request(
    hub: Hub, unit: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, c = unit["devices"]
    person = unit["inmates"][0]
    real = merge.Merger._merge

    def merge_or_break(self: merge.Merger, op: p.Op) -> list[merge.Rec]:
        if op.entity_id == "m-boom":
            raise RuntimeError("a bug in merging this op")
        return real(self, op)

    monkeypatch.setattr(merge.Merger, "_merge", merge_or_break)
    good = job(a, meal("op-f-000001", "m-f1", person))
    bad = job(b, meal("op-f-000002", "m-f2", person), meal("op-f-000003", "m-boom", person))
    later = job(c, meal("op-f-000004", "m-f4", person))
    writer = writer_of(hub)
    groups = writer.groups

    writer.apply([good, bad, later])

    assert writer.groups == groups  # the group was rolled back; each push ran alone
    assert statuses(good) == [("op-f-000001", "applied")]
    assert statuses(later) == [("op-f-000004", "applied")]
    assert isinstance(bad.error, RuntimeError) and bad.result is None
    entities = [e for _, e in feed(hub)]
    assert "m-f1" in entities and "m-f4" in entities
    assert "m-f2" not in entities  # nothing of the failed push stayed
    with hub.engine.connect() as conn:
        ids = set(conn.execute(sa.select(hub_db.op_result.c.op_id)).scalars())
    assert {"op-f-000001", "op-f-000004"} <= ids
    assert not ids & {"op-f-000002", "op-f-000003"}


def test_a_database_clash_in_a_group_is_applied_again_op_by_op(
    hub: Hub, unit: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batched write of a group fails on a database clash: every push is applied again
    alone, and a push whose batched write still clashes goes op by op (each in a savepoint)."""
    a, b, _ = unit["devices"]
    person = unit["inmates"][0]
    real = bulk.BulkInsert.run
    clashes = []

    def run_or_clash(self: bulk.BulkInsert, conn: Any, rows: list[tuple[Any, ...]]) -> None:
        if self.table is hub_db.record and any(row[1] == "m-c2" for row in rows):
            clashes.append(len(rows))
            raise sa.exc.IntegrityError("INSERT", {}, Exception("clash"))
        real(self, conn, rows)

    monkeypatch.setattr(bulk.BulkInsert, "run", run_or_clash)
    first = job(a, meal("op-c-000001", "m-c1", person))
    second = job(b, meal("op-c-000002", "m-c2", person), meal("op-c-000003", "m-c3", person))

    writer_of(hub).apply([first, second])

    assert clashes == [3, 2]  # the group, then the second push alone (batched)
    assert statuses(first) == [("op-c-000001", "applied")]
    assert statuses(second) == [("op-c-000002", "applied"), ("op-c-000003", "applied")]
    assert {"m-c1", "m-c2", "m-c3"} <= {e for _, e in feed(hub)}


def test_a_device_revoked_while_its_push_waited_is_refused(hub: Hub, unit: dict[str, Any]) -> None:
    a, b, _ = unit["devices"]
    person = unit["inmates"][0]
    assert revoke_device(hub.engine, b["id"])
    allowed = job(a, meal("op-v-000001", "m-v1", person))
    revoked = job(b, meal("op-v-000002", "m-v2", person))

    writer_of(hub).apply([allowed, revoked])

    assert statuses(allowed) == [("op-v-000001", "applied")]
    assert isinstance(revoked.error, ProblemError) and revoked.error.status == 401
    assert revoked.error.code == "device_revoked"
    assert "m-v2" not in {e for _, e in feed(hub)}


def test_a_revoked_device_is_refused_at_the_door_it_passed_before(
    hub: Hub, unit: dict[str, Any]
) -> None:
    """The push path remembers tokens it let in; revocation still takes effect at once."""
    a = unit["devices"][0]
    transport = InProcessTransport(hub.app)
    person = unit["inmates"][0]
    token = unit["tokens"][0]
    status, _ = transport.send(
        "POST", "/sync/push", token=token, body={"ops": [meal("op-d-000001", "m-d1", person)]}
    )
    assert status == 200
    assert revoke_device(hub.engine, a["id"])
    status, body = transport.send(
        "POST", "/sync/push", token=token, body={"ops": [meal("op-d-000002", "m-d2", person)]}
    )
    assert status == 401 and body["code"] == "device_revoked"
    assert "m-d2" not in {e for _, e in feed(hub)}
    transport.close()


def test_pushes_that_wait_together_commit_together_and_a_pull_sees_them_all(
    hub: Hub, unit: dict[str, Any], tmp_path: Path
) -> None:
    """Pushes arriving while the writer is busy queue, are taken as one group, and each
    request is answered with its own results; a pull afterwards sees every change once."""
    person = unit["inmates"][0]
    writer = writer_of(hub)
    groups = writer.groups
    blocker = _hold_write_lock(hub, unit["devices"][0]["unit_id"])
    answers: dict[int, tuple[int, Any]] = {}

    def pusher(n: int) -> None:
        transport = InProcessTransport(hub.app)
        ops = [meal(f"op-g-{n:02d}-{i:03d}", f"m-g-{n}-{i}", person) for i in range(5)]
        answers[n] = transport.send(
            "POST", "/sync/push", token=unit["tokens"][n], body={"ops": ops}
        )
        transport.close()

    threads = [threading.Thread(target=pusher, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    # What the writer took first waits for the lock; whatever came after queues.
    while writer.applying + writer.waiting < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert writer.applying + writer.waiting == 3
    blocker()
    for thread in threads:
        thread.join(30)

    assert writer.groups == groups + 1
    for n in range(3):
        status, body = answers[n]
        assert status == 200, body
        assert [r["op_id"] for r in body["results"]] == [f"op-g-{n:02d}-{i:03d}" for i in range(5)]
        assert {r["status"] for r in body["results"]} == {"applied"}
    puller = InProcessTransport(hub.app)
    seen: list[str] = []
    cursor, more = "", True
    while more:
        status, page = puller.send(
            "GET", "/sync/pull", token=unit["tokens"][0], params={"cursor": cursor, "limit": 4}
        )
        assert status == 200
        seen += [c["entity_id"] for c in page["changes"]]
        cursor, more = p.format_cursor(page["cursor"]), page["more"]
    puller.close()
    expected = {f"m-g-{n}-{i}" for n in range(3) for i in range(5)}
    assert expected <= set(seen)
    assert len(seen) == len(set(seen))


def _hold_write_lock(hub: Hub, scope: str) -> Any:
    """Hold the hub database's write lock for ``scope`` (a unit) from outside the hub, as
    another writer would: SQLite's one lock, or PostgreSQL's advisory lock of that scope;
    returns the function that lets go."""
    if hub_db.is_sqlite(hub.engine):
        import sqlite3

        conn = sqlite3.connect(hub.engine.url.database or "", isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")

        def release() -> None:
            conn.execute("ROLLBACK")
            conn.close()

        return release
    raw = hub.engine.raw_connection()
    cursor = raw.cursor()
    key = (hub_db.ADVISORY_LOCK_KEY, scope)
    cursor.execute("SELECT pg_advisory_lock(%s, hashtext(%s))", key)

    def release_pg() -> None:
        cursor.execute("SELECT pg_advisory_unlock(%s, hashtext(%s))", key)
        raw.close()

    return release_pg
