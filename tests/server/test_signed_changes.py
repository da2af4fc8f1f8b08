"""The hub as the authority: with a workstation's token in an insider's hands, no change that
grants or moves a right is accepted unless the right person signed it (domain/permissions.py),
and every refusal is kept at the hub with the device and the signer it claimed.  The
legitimate paths go through: an admin's role change reaches the other workstation, a
supervisor reassigns, changes signed offline before a reset or a closing still count."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from synchelp import KEYS, Hub, make_account_key, seed_unit, seeded_pair, sign_op
from synchelp import push_ops as push

from officer_desk.app import accounts, people
from officer_desk.app.writes import Actor, write
from officer_desk.cli import sync_cmds
from officer_desk.domain.signing import change_bytes, sign
from officer_desk.server import authority
from officer_desk.server import db as hub_db
from officer_desk.store.database import open_store
from officer_desk.store.tables import Officer
from officer_desk.sync.client import K_DEVICE, SyncClient
from officer_desk.sync.transport import InProcessTransport


@pytest.fixture
def unit(hub: Hub, tmp_path: Path) -> dict[str, Any]:
    """Unit C on the hub through workstation A (seeded, enrolled, synced), workstation B of
    the same unit synced, and an officer's stolen token for A."""
    a, b, info = seeded_pair(tmp_path, hub, persons=2)
    token = a._setting("sync.token")
    assert token
    return info | {"a": a, "b": b, "token": token}


def change(entity: str, entity_id: str, payload: dict[str, Any], *, op: str = "update") -> dict:
    change.count += 1  # type: ignore[attr-defined]
    return {
        "op_id": f"op-attack-{change.count:06d}",  # type: ignore[attr-defined]
        "entity": entity,
        "entity_id": entity_id,
        "op": op,
        "payload": {"id": entity_id, **payload},
        "hlc": f"{1900000000000 + change.count:013d}-00000-attacker",  # type: ignore[attr-defined]
        "schema_version": 1,
    }


change.count = 0  # type: ignore[attr-defined]


def hub_record(hub: Hub, entity: str, entity_id: str) -> dict[str, Any] | None:
    return hub.records().get((entity, entity_id))


def officer_row(client: SyncClient, officer_id: str) -> Officer:
    with client.store.reading() as session:
        row = session.get(Officer, officer_id)
        assert row is not None
        return row


def test_an_officer_cannot_make_themself_admin_whatever_the_change_claims(
    hub: Hub, unit: dict[str, Any]
) -> None:
    kari, admin = unit["officer"], unit["admin"]
    before = hub_record(hub, "officer", kari)
    results = push(
        hub,
        unit["token"],
        sign_op(change("officer", kari, {"role": "admin"}), kari),
        # claiming the admin wrote it does not help: the signature is Kari's
        sign_op(change("officer", kari, {"role": "admin", "updated_by": admin}), kari),
    )
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert "Only an admin" in results[0]["reason"]
    assert hub_record(hub, "officer", kari) == before
    unit["b"].sync_once()
    assert officer_row(unit["b"], kari).role == "officer"


def test_an_officer_cannot_give_a_supervisor_a_new_key_or_make_an_admin(
    hub: Hub, unit: dict[str, Any]
) -> None:
    kari, sara = unit["officer"], unit["supervisor"]
    text, _ = make_account_key()
    new_admin = {
        "unit_id": hub_record(hub, "officer", kari)["unit_id"],  # type: ignore[index]
        "username": "mallory",
        "display_name": "Mallory",
        "role": "admin",
        "active": True,
        "account_key": text,
    }
    results = push(
        hub,
        unit["token"],
        sign_op(change("officer", sara, {"account_key": text}), kari),
        sign_op(change("officer", "off-mallory", new_admin, op="insert"), kari),
    )
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert hub_record(hub, "officer", "off-mallory") is None
    with hub.engine.connect() as conn:
        keys = conn.execute(
            sa.select(hub_db.signing_key.c.officer_id).where(
                hub_db.signing_key.c.officer_id.in_([sara, "off-mallory"])
            )
        ).all()
    assert len(keys) == 1  # Sara's own key, nothing new


def test_assignments_transfers_and_unsigned_or_forged_changes_are_refused(
    hub: Hub, unit: dict[str, Any], tmp_path: Path
) -> None:
    kari, sara = unit["officer"], unit["supervisor"]
    person = unit["inmates"][0]
    unit_c = hub_record(hub, "inmate", person)["unit_id"]  # type: ignore[index]
    assignment = {
        "officer_id": kari,
        "inmate_id": person,
        "start_date": "2026-01-01",
        "reason": "arrival",
        "updated_by": None,
    }
    d_store = open_store(tmp_path / "d.sqlite")
    other_unit = seed_unit(d_store, persons=1, unit_code="D", numbers_from=2000)
    d = SyncClient(d_store, InProcessTransport(hub.app))
    d.enroll("https://hub.test", hub.code("D"), "d")
    d.sync_once()
    unsigned = change("inmate", person, {"cell": "X1"})
    tampered = sign_op(change("inmate", person, {"cell": "X2"}), kari)
    tampered["payload"]["cell"] = "X3"  # changed after signing
    someone_else = sign_op(change("inmate", person, {"cell": "X4"}), kari)
    someone_else["signer"] = sara  # Kari's signature passed off as Sara's
    results = push(
        hub,
        unit["token"],
        sign_op(change("assignment", "as-1", assignment, op="insert"), kari),
        sign_op(change("assignment", "as-2", assignment | {"updated_by": sara}, op="insert"), kari),
        sign_op(change("inmate", person, {"unit_id": "unit-elsewhere"}), kari),
        unsigned,
        tampered,
        someone_else,
        # an officer of another unit cannot sign for this one
        sign_op(change("inmate", person, {"cell": "X5"}), other_unit["officer"]),
    )
    assert [r["status"] for r in results] == ["rejected"] * 7
    assert "supervisor or admin" in results[0]["reason"]
    assert "not signed" in results[3]["reason"]
    assert "signature" in results[4]["reason"] and "signature" in results[5]["reason"]
    assert "not of this workstation's unit" in results[6]["reason"]
    assert hub_record(hub, "assignment", "as-1") is None
    record = hub_record(hub, "inmate", person)
    assert record is not None and record["unit_id"] == unit_c and record["cell"] == "C00"
    # Every refusal is kept at the hub: when, which device, which signer it claimed, why.
    # (Unit D's own catalogue, set up on its own, was refused too: its programme codes are
    # this facility's already.)
    device_a = unit["a"]._setting(K_DEVICE)
    refusals = [r for r in authority.refusals(hub.engine) if r["entity"] != "programme"]
    assert len(refusals) == 7
    assert {r["claimed_signer"] for r in refusals} == {kari, sara, None, other_unit["officer"]}
    assert {r["device_id"] for r in refusals} == {device_a}


def test_a_handover_is_not_signed_by_its_own_author(hub: Hub, unit: dict[str, Any]) -> None:
    kari = unit["officer"]
    unit_c = hub_record(hub, "officer", kari)["unit_id"]  # type: ignore[index]
    handover = {
        "unit_id": unit_c,
        "shift_start": "2026-01-01T06:00:00+00:00",
        "shift_end": "2026-01-01T14:00:00+00:00",
        "outgoing_id": kari,
        "incoming_id": None,
        "status": "handed_over",
        "created_at": "2026-01-01T13:00:00+00:00",
        "handed_over_at": "2026-01-01T13:30:00+00:00",
        "signed_at": None,
        "signed_by": None,
    }
    results = push(
        hub,
        unit["token"],
        sign_op(change("handover", "ho-1", handover, op="insert"), kari),
        sign_op(
            change(
                "handover",
                "ho-1",
                {"status": "signed", "signed_by": kari, "signed_at": "2026-01-01T14:00:00+00:00"},
            ),
            kari,
        ),
    )
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert "someone other than" in results[1]["reason"]
    assert hub_record(hub, "handover", "ho-1")["status"] == "handed_over"  # type: ignore[index]


def test_unit_wide_records_of_another_unit_and_the_catalogue_are_out_of_reach(
    hub: Hub, unit: dict[str, Any], tmp_path: Path
) -> None:
    d_store = open_store(tmp_path / "d.sqlite")
    d_info = seed_unit(d_store, persons=1, unit_code="D", numbers_from=2000)
    d = SyncClient(d_store, InProcessTransport(hub.app))
    d.enroll("https://hub.test", hub.code("D"), "d")
    d.sync_once()
    d_unit = hub_record(hub, "officer", d_info["officer"])["unit_id"]  # type: ignore[index]
    programme = next(k[1] for k in hub.records() if k[0] == "programme")
    results = push(
        hub,
        unit["token"],
        # C's admin (trusted for C) edits unit D's record, and C's officer the catalogue
        sign_op(change("unit", d_unit, {"name": "Taken over"}), unit["admin"]),
        sign_op(change("programme", programme, {"name": "Renamed"}), unit["officer"]),
    )
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert hub_record(hub, "unit", d_unit)["name"] == "Enhet C"  # type: ignore[index]


def test_an_admins_role_change_on_a_reaches_b_and_a_supervisor_reassigns(
    hub: Hub, unit: dict[str, Any]
) -> None:
    a, b = unit["a"], unit["b"]
    admin = Actor(unit["admin"], "Ada", role="admin")
    accounts.set_role(a.store, admin, username="kari", role="supervisor")
    sara = Actor(unit["supervisor"], "Sara", role="supervisor")
    person = unit["inmates"][0]
    people.reassign(
        a.store,
        sara,
        inmate_ids=[person],
        officer_id=unit["supervisor"],
        start=date.today(),
        reason="workload",
    )
    report = a.sync_once()
    assert report.rejected == 0 and report.unsigned == 0
    b.sync_once()
    assert officer_row(b, unit["officer"]).role == "supervisor"
    open_ones = b._conn().execute(
        "SELECT officer_id FROM assignment WHERE inmate_id = ? AND end_date IS NULL", (person,)
    )
    assert [r[0] for r in open_ones] == [unit["supervisor"]]


def test_changes_signed_before_a_reset_or_a_closing_still_count_and_later_ones_do_not(
    hub: Hub, unit: dict[str, Any]
) -> None:
    a, kari = unit["a"], unit["officer"]
    person = unit["inmates"][1]
    old_key = KEYS[kari]
    # Offline at another desk, Kari edits a cell: signed with her key at that moment.
    early = change("inmate", person, {"cell": "EARLY"})
    early["hlc"] = a.store.clock.now()
    early = sign_op(early, kari)
    # Then an admin resets her password (a new key pair) and closes Sara's account.
    admin = Actor(unit["admin"], "Ada", role="admin")
    new_key, KEYS[kari] = make_account_key()
    with write(a.store, admin) as w:
        w.update(w.session.get(Officer, kari), {"account_key": new_key})  # type: ignore[arg-type]
        w.update(w.session.get(Officer, unit["supervisor"]), {"active": False})  # type: ignore[arg-type]
    assert a.sync_once().rejected == 0
    late = change("inmate", person, {"cell": "LATE"})
    late["hlc"] = a.store.clock.now()
    message = change_bytes(
        **{k: late[k] for k in ("op_id", "entity", "entity_id", "op", "payload", "hlc")},
        schema_version=1,
        signer=kari,
    )
    late |= {"signer": kari, "signature": sign(old_key, message)}
    sara_late = change("inmate", person, {"cell": "SARA"})
    sara_late["hlc"] = a.store.clock.now()
    # Kari's other desk (B) comes back online and sends what waited there.
    b_token = unit["b"]._setting("sync.token")
    results = push(hub, b_token, early, late, sign_op(sara_late, unit["supervisor"]))
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected"]
    assert "closed" in results[2]["reason"]
    assert hub_record(hub, "inmate", person)["cell"] == "EARLY"  # type: ignore[index]


def test_nothing_unsigned_leaves_a_workstation_even_when_its_author_signs_in_later(
    hub: Hub, unit: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """A row put into the outbox behind the app's back (SQL on the store) is never pushed,
    and the person it names signing in does not sign it."""
    a, kari = unit["a"], unit["officer"]
    person = unit["inmates"][0]
    with a.store.writing() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO outbox_entry (op_id, entity, entity_id, op, payload, schema_version,"
            " hlc, created_at, signer) VALUES (?, 'officer', ?, 'update', ?, 1, ?, ?, ?)",
            (
                "op-planted-0001",
                kari,
                f'{{"id":"{kari}","role":"admin"}}',
                a.store.clock.now(),
                "2026-01-01 00:00:00",
                kari,
            ),
        )
    from officer_desk.app.writes import sign_queued

    assert sign_queued(a.store, Actor(kari, "Kari")) == 0
    report = a.sync_once()
    assert report.unsigned == 1 and report.pushed == 0
    sync_cmds._report(a, report)  # what `officer-desk-admin sync` says about it
    assert "1 of them carry no signature" in capsys.readouterr().out
    with hub.engine.connect() as conn:
        assert not conn.execute(
            sa.select(hub_db.op_result).where(hub_db.op_result.c.op_id == "op-planted-0001")
        ).first()
    assert hub_record(hub, "officer", kari)["role"] == "officer"  # type: ignore[index]
    assert person  # the unit's people are untouched
