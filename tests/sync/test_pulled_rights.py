"""Workstations do not trust the hub blindly (issue 14, item 4): a record that grants a right
is applied only with a signature, by someone allowed to make it, that the workstation can
check from the roots it pinned at enrolment (sync/trust.py).  Tried as a compromised hub and
as a man in the middle would; the legitimate paths (an admin's role change, a supervisor's
reassignment, a fresh workstation taking the whole unit) go through."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from synchelp import KEYS, Hub, make_account_key, seeded_pair, to_feed_end, workstation

from officer_desk.app import accounts, people
from officer_desk.app.writes import Actor, write
from officer_desk.domain.signing import change_bytes, public_text, sign
from officer_desk.server import db as hub_db
from officer_desk.server.authority import trust_admin
from officer_desk.store.tables import Assignment, Officer
from officer_desk.sync.client import K_ROOTS, SyncClient
from officer_desk.sync.transport import InProcessTransport, Transport


@pytest.fixture
def pair(hub: Hub, tmp_path: Path) -> tuple[SyncClient, SyncClient, dict[str, Any]]:
    return seeded_pair(tmp_path, hub, persons=2)


def tamper(hub: Hub, entity: str, entity_id: str, edit: Any, *, proof: Any = "keep") -> None:
    """What a compromised hub does: rewrite a stored record (or add one) behind the merge and
    put it at the end of the feed, so every workstation pulls it."""
    record = hub_db.record
    with hub.engine.begin() as conn:
        row = conn.execute(
            sa.select(record).where(record.c.entity == entity, record.c.entity_id == entity_id)
        ).first()
        if row is None:
            values = edit({})
            conn.execute(
                record.insert().values(
                    entity=entity,
                    entity_id=entity_id,
                    inmate_id=values.get("inmate_id"),
                    scope_unit=values.get("unit_id"),
                    prev_unit=None,
                    rank=0,
                    version=1,
                    deleted=False,
                    data=json.dumps(values),
                    meta="{}",
                    proof=None if proof == "keep" else json.dumps(proof),
                )
            )
            to_feed_end(conn, entity, entity_id)
            return
        data = edit(json.loads(row.data))
        changes: dict[str, Any] = {"data": json.dumps(data), "version": row.version + 1}
        if proof != "keep":
            changes["proof"] = None if proof is None else json.dumps(proof)
        conn.execute(
            record.update()
            .where(record.c.entity == entity, record.c.entity_id == entity_id)
            .values(**changes)
        )
        to_feed_end(conn, entity, entity_id)


def officer(client: SyncClient, officer_id: str) -> Officer | None:
    with client.store.reading() as session:
        return session.get(Officer, officer_id)


def put_aside(client: SyncClient) -> dict[tuple[str, str], str]:
    return {(p.entity, p.entity_id): p.reason for p in client.problems()}


def envelope(signer: str, key: Any, entity: str, entity_id: str, payload: dict[str, Any]) -> dict:
    """A change as ``signer`` would sign it with ``key`` (the attacker's or a real one)."""
    body = {
        "op_id": f"op-forged-{entity_id[-12:]}",
        "entity": entity,
        "entity_id": entity_id,
        "op": "insert",
        "payload": payload,
        "hlc": "1900000000000-00000-forger",
        "schema_version": 1,
    }
    message = change_bytes(**body, signer=signer)
    return body | {"signer": signer, "signature": sign(key, message)}


def test_a_role_or_key_the_hub_rewrote_is_put_aside_not_applied(
    hub: Hub, pair: tuple[SyncClient, SyncClient, dict[str, Any]]
) -> None:
    _, b, info = pair
    kari, sara = info["officer"], info["supervisor"]
    old_key = officer(b, sara).account_key  # type: ignore[union-attr]
    attacker_key, _ = make_account_key()
    tamper(hub, "officer", kari, lambda d: d | {"role": "admin"})
    tamper(hub, "officer", sara, lambda d: d | {"account_key": attacker_key})

    report = b.sync_once()

    assert officer(b, kari).role == "officer"  # type: ignore[union-attr]
    assert officer(b, sara).account_key == old_key  # type: ignore[union-attr]
    aside = put_aside(b)
    assert "role" in aside[("officer", kari)] and "account_key" in aside[("officer", sara)]
    assert report.problems == 2


def test_an_admin_the_hub_made_up_or_signed_with_a_key_it_added_is_not_trusted(
    hub: Hub, pair: tuple[SyncClient, SyncClient, dict[str, Any]]
) -> None:
    _, b, info = pair
    unit_id = officer(b, info["officer"]).unit_id  # type: ignore[union-attr]
    text, key = make_account_key()
    fake = {
        "id": "fake-admin-0001",
        "username": "mallory",
        "display_name": "Mallory",
        "role": "admin",
        "active": True,
        "unit_id": unit_id,
        "account_key": text,
    }
    # The hub registers a root of its own for the unit and logs a signed creation by it.
    trust_admin(hub.engine, unit_code="C", officer_id="fake-admin-0001", public=public_text(key))
    with hub.engine.begin() as conn:
        conn.execute(
            hub_db.account_log.insert().values(
                unit_id=unit_id,
                prev_unit=None,
                officer_id="fake-admin-0001",
                envelope=json.dumps(envelope("fake-admin-0001", key, "officer", fake["id"], fake)),
            )
        )
    tamper(hub, "officer", "fake-admin-0001", lambda _: fake)

    b.sync_once()

    assert officer(b, "fake-admin-0001") is None
    assert ("officer", "fake-admin-0001") in put_aside(b)
    # The roots B pinned at enrolment are the ones it still has.
    assert "fake-admin-0001" not in (b._setting(K_ROOTS) or "")


def test_an_assignment_without_a_lead_s_signature_is_put_aside(
    hub: Hub, pair: tuple[SyncClient, SyncClient, dict[str, Any]]
) -> None:
    _, b, info = pair
    kari, person = info["officer"], info["inmates"][0]
    new = {
        "id": "forged-assignment-1",
        "officer_id": kari,
        "inmate_id": person,
        "start_date": "2026-01-01",
        "end_date": None,
        "reason": "arrival",
        "note": "",
        "deleted_at": None,
        "updated_hlc": "1900000000000-00000-forger",
        "updated_by": kari,
        "device_id": "forger",
    }
    # No proof at all; then one signed by the officer herself (an officer may not assign).
    tamper(hub, "assignment", new["id"], lambda _: new | {"inmate_id": person})
    own = envelope(kari, KEYS[kari], "assignment", new["id"], new)
    tamper(
        hub,
        "assignment",
        "forged-assignment-2",
        lambda _: new | {"id": "forged-assignment-2"},
        proof={"fields": dict.fromkeys(["officer_id"], own["op_id"]), "ops": {own["op_id"]: own}},
    )

    b.sync_once()

    with b.store.reading() as session:
        assert session.get(Assignment, "forged-assignment-1") is None
        assert session.get(Assignment, "forged-assignment-2") is None
    aside = put_aside(b)
    assert ("assignment", "forged-assignment-1") in aside
    assert ("assignment", "forged-assignment-2") in aside


class RewritingTransport:
    """A man in the middle: every officer record in a pull answer becomes an admin."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner

    def send(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        status, data = self.inner.send(method, path, **kwargs)
        if path == "/sync/pull" and isinstance(data, dict):
            for change in data.get("changes", []):
                if change["entity"] == "officer":
                    change["record"]["role"] = "admin"
        return status, data

    def close(self) -> None:
        self.inner.close()  # type: ignore[attr-defined]


def test_a_man_in_the_middle_cannot_make_anyone_admin_on_a_fresh_workstation(
    hub: Hub, tmp_path: Path
) -> None:
    _, _, info = seeded_pair(tmp_path, hub, persons=1)
    c = workstation(tmp_path / "c.sqlite", hub, RewritingTransport(InProcessTransport(hub.app)))
    c.sync_once()
    roles = dict(c._conn().execute("SELECT id, role FROM officer").fetchall())
    assert roles.get(info["officer"]) != "admin" and roles.get(info["supervisor"]) != "admin"
    aside = put_aside(c)
    assert ("officer", info["officer"]) in aside and ("officer", info["supervisor"]) in aside
    # The real admin's record said "admin" already: it applies.
    assert roles[info["admin"]] == "admin"


def test_legitimate_rights_reach_a_workstation_and_a_fresh_one(
    hub: Hub, pair: tuple[SyncClient, SyncClient, dict[str, Any]], tmp_path: Path
) -> None:
    a, b, info = pair
    kari, sara, person = info["officer"], info["supervisor"], info["inmates"][0]
    # An admin makes Kari a supervisor; Sara takes a person over (signed with her key of
    # then), after which an admin resets Sara's password (a new key).
    admin = Actor(info["admin"], "Ada", role="admin")
    accounts.set_role(a.store, admin, username="kari", role="supervisor")
    people.reassign(
        a.store,
        Actor(sara, "Sara", role="supervisor"),
        inmate_ids=[person],
        officer_id=sara,
        start=date.today(),
        reason="workload",
    )
    new_key, KEYS[sara] = make_account_key()
    a.store.signers[sara] = KEYS[sara]
    with write(a.store, admin) as w:
        w.update(w.session.get(Officer, sara), {"account_key": new_key})  # type: ignore[arg-type]
    assert a.sync_once().rejected == 0

    b.sync_once()
    fresh = workstation(tmp_path / "fresh.sqlite", hub)
    fresh.sync_once()

    for client in (b, fresh):
        assert officer(client, kari).role == "supervisor"  # type: ignore[union-attr]
        assert officer(client, sara).account_key == new_key  # type: ignore[union-attr]
        open_ones = client._conn().execute(
            "SELECT officer_id FROM assignment WHERE inmate_id = ? AND end_date IS NULL",
            (person,),
        )
        assert [r[0] for r in open_ones] == [sara]
        assert put_aside(client) == {}
