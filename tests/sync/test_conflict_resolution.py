"""A conflict made by two workstations, decided on one, reaches the other decided, with the
chosen value; the hub takes decisions from supervisors only; a reassignment syncs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select
from synchelp import Hub, seed_unit, sign_op, workstation

from officer_desk.app import conflicts, people, profile, release
from officer_desk.app.conflicts import Decision
from officer_desk.app.writes import Actor, write
from officer_desk.domain.errors import PermissionDenied
from officer_desk.server import authority
from officer_desk.store.database import open_store
from officer_desk.store.tables import Assignment, Inmate, ReleasePlanItem, SyncConflict
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport


@pytest.fixture
def pair(tmp_path: Path, hub: Hub) -> Iterator[tuple[SyncClient, SyncClient, dict[str, Any]]]:
    store = open_store(tmp_path / "a.sqlite")
    info = seed_unit(store)
    for inmate_id in info["inmates"]:
        release.create_plan(
            store,
            Actor.system("test"),
            inmate_id=inmate_id,
            release_date=date.today() + timedelta(days=200),
        )
    a = SyncClient(store, InProcessTransport(hub.app))
    a.enroll("https://hub.test", hub.code(), "a")
    a.sync_once()
    b = workstation(tmp_path / "b.sqlite", hub)
    b.sync_once()
    yield a, b, info
    for client in (a, b):
        client.close()
        client.store.close()


def both_sync(a: SyncClient, b: SyncClient) -> None:
    for client in (a, b, a, b):
        client.sync_once()


def open_conflicts(client: SyncClient, sara: Actor) -> list[conflicts.ConflictRow]:
    return [c for c in conflicts.inbox(client.store, sara).conflicts if not c.resolved]


def test_a_field_conflict_decided_on_a_reaches_b_with_the_chosen_value(
    pair: tuple[SyncClient, SyncClient, dict[str, Any]],
) -> None:
    a, b, info = pair
    kari = Actor(info["officer"], "Kari")
    sara = Actor(info["supervisor"], "Sara Sjef")
    person = info["inmates"][0]
    # Both workstations change the same field while apart.
    profile.update_profile(a.store, kari, person, profile.ProfileEdit(diet="Halal"))
    profile.update_profile(b.store, kari, person, profile.ProfileEdit(diet="Vegetarian"))
    both_sync(a, b)
    [row] = [c for c in open_conflicts(a, sara) if c.field_name == "diet"]
    assert row.kind == "field" and row.auto_resolved
    assert {row.kept.value, row.lost.value} == {"Halal", "Vegetarian"}
    assert row.person == "Person 0" and row.lost.at is not None and row.lost.device
    losing = row.lost.value

    conflicts.resolve(a.store, sara, conflict_id=row.id, decision=Decision.TAKE_OTHER)
    both_sync(a, b)

    for client in (a, b):
        with client.store.reading() as session:
            inmate = session.get(Inmate, person)
            decided = session.get(SyncConflict, row.id)
            assert inmate is not None and inmate.diet == losing
            assert decided is not None and decided.resolved_at is not None
            assert decided.resolved_by == info["supervisor"]
            assert "Decided by Sara Sjef: put back the other value" in decided.note
        assert client.status().rejected == 0
        assert not [c for c in open_conflicts(client, sara) if c.id == row.id]


def test_a_disputed_item_decided_on_b_reaches_a(
    pair: tuple[SyncClient, SyncClient, dict[str, Any]],
) -> None:
    a, b, info = pair
    kari = Actor(info["officer"], "Kari")
    sara = Actor(info["supervisor"], "Sara Sjef")
    with a.store.reading() as session:
        item = session.exec(
            select(ReleasePlanItem).where(col(ReleasePlanItem.gate_role).is_(None))
        ).first()
        assert item is not None
        item_id = item.id
    release.update_item(a.store, kari, item_id=item_id, status="in_progress")
    release.update_item(b.store, kari, item_id=item_id, status="not_needed")
    both_sync(a, b)
    [row] = [c for c in open_conflicts(b, sara) if c.kind == "disputed"]
    assert Decision.KEEP_BOTH not in row.decisions
    with b.store.reading() as session:
        disputed = session.get(ReleasePlanItem, item_id)
        assert disputed is not None and disputed.status == "disputed"

    conflicts.resolve(b.store, sara, conflict_id=row.id, decision=Decision.MERGE, merged="done")
    both_sync(a, b)
    for client in (a, b):
        with client.store.reading() as session:
            decided = session.get(ReleasePlanItem, item_id)
            assert decided is not None and decided.status == "done"
        assert not open_conflicts(client, sara)


def test_the_hub_refuses_a_decision_from_an_officer(
    pair: tuple[SyncClient, SyncClient, dict[str, Any]], hub: Hub
) -> None:
    a, b, info = pair
    kari = Actor(info["officer"], "Kari")
    sara = Actor(info["supervisor"], "Sara Sjef")
    person = info["inmates"][1]
    profile.update_profile(a.store, kari, person, profile.ProfileEdit(cell="C90"))
    profile.update_profile(b.store, kari, person, profile.ProfileEdit(cell="C91"))
    both_sync(a, b)
    [row] = [c for c in open_conflicts(a, sara) if c.field_name == "cell"]
    # The desk refuses an officer's decision before writing it (the rules table)...
    with pytest.raises(PermissionDenied), write(a.store, kari) as w:
        conflict = w.session.get(SyncConflict, row.id)
        assert conflict is not None
        w.update(conflict, {"resolved_at": w.now, "resolved_by": kari.officer_id})
    # ...and a tampered client that signs it with Kari's key and sends it anyway with the
    # workstation's token is refused by the hub, whatever the change says about its author.
    token = a._setting("sync.token")
    forged = sign_op(
        {
            "op_id": "op-forged-decision-1",
            "entity": "sync_conflict",
            "entity_id": row.id,
            "op": "update",
            "payload": {
                "id": row.id,
                "resolved_at": "2026-01-01T12:00:00+00:00",
                "resolved_by": sara.officer_id,
                "updated_by": sara.officer_id,
            },
            "hlc": a.store.clock.now(),
            "schema_version": 1,
        },
        kari.officer_id,
    )
    status, answer = InProcessTransport(hub.app).send(
        "POST", "/sync/push", token=token, body={"ops": [forged]}
    )
    assert status == 200
    [result] = answer["results"]
    assert result["status"] == "rejected"
    assert result["reason"] == "Only a supervisor or admin of this unit can decide sync conflicts."
    refusals = authority.refusals(hub.engine)
    assert (refusals[0]["op_id"], refusals[0]["claimed_signer"]) == (
        "op-forged-decision-1",
        kari.officer_id,
    )
    b.sync_once()
    with b.store.reading() as session:
        still = session.get(SyncConflict, row.id)
        assert still is not None and still.resolved_at is None


def test_a_reassignment_travels_through_the_hub(
    pair: tuple[SyncClient, SyncClient, dict[str, Any]],
) -> None:
    a, b, info = pair
    sara = Actor(info["supervisor"], "Sara Sjef")
    moved = info["inmates"][:2]
    today = date.today()
    people.reassign(
        a.store,
        sara,
        officer_id=info["supervisor"],
        inmate_ids=moved,
        start=today,
        reason="workload",
    )
    both_sync(a, b)
    with b.store.reading() as session:
        rows = session.exec(select(Assignment).where(col(Assignment.inmate_id).in_(moved))).all()
        current = {r.inmate_id: r.officer_id for r in rows if r.end_date is None}
        ended = [r for r in rows if r.end_date == today]
    assert current == {pid: info["supervisor"] for pid in moved}
    assert len(ended) == 2 and all(r.officer_id == info["officer"] for r in ended)
    assert a.status().rejected == 0 and b.status().waiting == 0
