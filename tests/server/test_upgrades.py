"""Upgrades in stages (issue 15 item 5): the hub takes changes written in the current and the
previous schema version and upgrades the older ones before merging (server/upgrades.py); a
workstation whose changes are older or newer than that keeps its outbox and is told to update
the app (or the hub).  SQLite and PostgreSQL hubs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from synchelp import Hub, seeded_pair, sign_op

from officer_desk.app import notes
from officer_desk.app.writes import Actor
from officer_desk.domain import permissions
from officer_desk.server import upgrades
from officer_desk.sync import protocol as p
from officer_desk.sync.client import SyncClient
from officer_desk.sync.errors import UpdateTheApp, UpdateTheHub


def outbox(client: SyncClient) -> list[dict[str, Any]]:
    rows = client._conn().execute(
        "SELECT op_id, entity, entity_id, op, payload, hlc, schema_version, signer "
        "FROM outbox_entry ORDER BY seq"
    )
    names = ("op_id", "entity", "entity_id", "op", "payload", "hlc", "schema_version", "signer")
    return [dict(zip(names, row, strict=True)) for row in rows]


def rewrite_as_previous_version(client: SyncClient, entry: dict[str, Any]) -> dict[str, Any]:
    """The outbox entry as the previous version of the app wrote and signed it: a note
    without ``void_reason``, schema version 1 (kept through the app's update, sent after)."""
    payload = json.loads(entry["payload"])
    del payload["void_reason"]
    old = {k: entry[k] for k in ("op_id", "entity", "entity_id", "op", "hlc")}
    old = sign_op({**old, "payload": payload, "schema_version": 1}, entry["signer"])
    with client._transaction() as db:
        db.execute(
            "UPDATE outbox_entry SET payload = ?, schema_version = 1, signature = ? "
            "WHERE op_id = ?",
            (json.dumps(payload), old["signature"], entry["op_id"]),
        )
    return old


def test_the_hub_takes_the_current_and_the_previous_version() -> None:
    assert p.MAX_SCHEMA_VERSION - p.MIN_SCHEMA_VERSION == 1
    assert set(upgrades.STEPS) <= set(range(p.MIN_SCHEMA_VERSION + 1, p.MAX_SCHEMA_VERSION + 1))


def test_a_previous_version_note_is_upgraded_and_reaches_every_workstation(
    hub: Hub, tmp_path: Path
) -> None:
    a, b, info = seeded_pair(tmp_path, hub)
    actor = Actor(officer_id=info["supervisor"], name="Sara", workstation="a")
    person = info["inmates"][0]
    notes.add_note(a.store, actor, inmate_id=person, kind="general", text="written before")
    [entry] = [e for e in outbox(a) if e["entity"] == "case_note"]
    assert entry["schema_version"] == p.MAX_SCHEMA_VERSION  # today's app writes the current
    old = rewrite_as_previous_version(a, entry)

    report = a.sync_once()
    assert a.status().waiting == 0 and a.rejected() == []
    assert report.pushed >= 1
    # Stored in today's shape: the field the previous version did not know is there.
    note = hub.records()[("case_note", entry["entity_id"])]
    assert note["void_reason"] == "" and note["inmate_id"] == person
    b.sync_once()
    assert b.problems() == []
    row = (
        b._conn()
        .execute("SELECT inmate_id, void_reason FROM case_note WHERE id = ?", (entry["entity_id"],))
        .fetchone()
    )
    assert tuple(row) == (person, "")
    # The signature checked was the one the previous version made: the same change claiming
    # to be of the current version (unsigned as such) is refused.
    assert old["schema_version"] == 1


def test_a_change_passed_off_as_another_version_is_refused(hub: Hub, tmp_path: Path) -> None:
    a, _, info = seeded_pair(tmp_path, hub)
    actor = Actor(officer_id=info["supervisor"], name="Sara", workstation="a")
    notes.add_note(a.store, actor, inmate_id=info["inmates"][1], kind="general", text="x")
    [entry] = [e for e in outbox(a) if e["entity"] == "case_note"]
    with a._transaction() as db:  # signed as version 2, sent as version 1: not what was signed
        db.execute("UPDATE outbox_entry SET schema_version = 1 WHERE op_id = ?", (entry["op_id"],))
    a.sync_once()
    [refused] = [r for r in a.rejected() if r.op_id == entry["op_id"]]
    assert "signature" in refused.reason
    assert ("case_note", entry["entity_id"]) not in hub.records()


@pytest.mark.parametrize(
    ("version", "error", "says"),
    [
        (p.MIN_SCHEMA_VERSION - 1, UpdateTheApp, "update the app"),
        (p.MAX_SCHEMA_VERSION + 1, UpdateTheHub, "update the hub"),
    ],
    ids=["too old", "too new"],
)
def test_a_change_outside_the_range_is_refused_and_kept(
    hub: Hub, tmp_path: Path, version: int, error: type[Exception], says: str
) -> None:
    a, _, info = seeded_pair(tmp_path, hub)
    actor = Actor(officer_id=info["supervisor"], name="Sara", workstation="a")
    notes.add_note(a.store, actor, inmate_id=info["inmates"][2], kind="general", text="kept")
    waiting = [e["op_id"] for e in outbox(a)]  # the note and its first revision
    [entry] = [e for e in outbox(a) if e["entity"] == "case_note"]
    with a._transaction() as db:
        db.execute(
            "UPDATE outbox_entry SET schema_version = ? WHERE op_id = ?",
            (version, entry["op_id"]),
        )
    with pytest.raises(error) as raised:
        a.sync_once()
    message = str(raised.value)
    assert says in message and f"format {version}" in message
    assert f"{p.MIN_SCHEMA_VERSION} to {p.MAX_SCHEMA_VERSION}" in message
    if version < p.MIN_SCHEMA_VERSION:
        assert not isinstance(raised.value, UpdateTheHub)
    # Nothing lost: the change waits in the outbox, the problem is shown, nothing reached
    # the hub.
    assert [e["op_id"] for e in outbox(a)] == waiting
    assert a.status().problem and says in a.status().problem
    assert ("case_note", entry["entity_id"]) not in hub.records()


def test_the_upgrade_steps() -> None:
    note = {"id": "n1", "inmate_id": "i1", "kind": "general", "text": "t"}
    op = p.Op(
        op_id="op-00001",
        entity="case_note",
        entity_id="n1",
        op="insert",
        payload=note,
        hlc="0000000000001-00000-dev",
        schema_version=1,
        signer="o1",
        signature="c2ln",
    )
    current = upgrades.to_current(op)
    assert current.payload == {**note, "void_reason": ""}
    assert current.schema_version == p.MAX_SCHEMA_VERSION
    assert upgrades.as_signed(current) is op and op.payload == note  # the original untouched
    update = op.model_copy(update={"op": "update", "payload": {"text": "u"}})
    assert upgrades.to_current(update).payload == {"text": "u"}  # no field it did not change
    voided = op.model_copy(update={"payload": {**note, "void_reason": "wrong person"}})
    assert upgrades.to_current(voided).payload["void_reason"] == "wrong person"
    already = op.model_copy(update={"schema_version": p.MAX_SCHEMA_VERSION})
    assert upgrades.to_current(already) is already
    meal = op.model_copy(update={"entity": "meal_log", "payload": {"id": "m1"}})
    assert upgrades.to_current(meal) is meal  # no step for its kind: nothing to do
    # No step touches a field that grants rights (workstations check those against the
    # signed original, sync/trust.py).
    for steps in upgrades.STEPS.values():
        for entity, step in steps.items():
            rights = {name: f"kept-{name}" for name in permissions.RIGHTS.get(entity, ())}
            for kind in ("insert", "update"):
                out = step(kind, dict(rights))
                assert {k: out[k] for k in rights} == rights
