"""The audit log anchored at the hub (issue 16, item 1): every sync sends the end of the
workstation's hash chain, signed by the person signed in; a log cut at its tail or recomputed
after an edit passes the chain check but no longer holds what the hub kept, and ``verify``
says where.  A store never anchored says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select
from synchelp import KEYS, Hub, seed_unit, seeded_pair

from officer_desk.cli.verify import heads_from_file, verify
from officer_desk.domain import signing
from officer_desk.server.app import audit_heads
from officer_desk.store import audit
from officer_desk.store.database import open_store
from officer_desk.store.tables import AuditEntry
from officer_desk.sync.client import K_DEVICE, SyncClient
from officer_desk.sync.transport import InProcessTransport


@pytest.fixture
def pair(hub: Hub, tmp_path: Path) -> tuple[SyncClient, SyncClient, dict[str, Any]]:
    return seeded_pair(tmp_path, hub, persons=2)


def hub_heads(client: SyncClient) -> list[Any]:
    from officer_desk.cli.verify import Head

    return [Head(h.seq, h.hash) for h in client.anchored_heads()]


def last_seq(client: SyncClient) -> int:
    return int(client._conn().execute("SELECT max(seq) FROM audit_entry").fetchone()[0])


def test_each_sync_anchors_the_chain_and_verify_checks_it(
    pair: tuple[SyncClient, SyncClient, dict[str, Any]],
) -> None:
    a, _, _ = pair
    report = a.sync_once()
    assert report.anchored == last_seq(a) and report.anchor_refused == ""
    heads = hub_heads(a)
    assert heads[-1].seq == last_seq(a)
    checked = verify(a.store, heads, "checked against the hub's record")
    assert checked.ok, checked.problems
    assert "anchored up to entry" in checked.summary()
    # Without heads given, the last one this workstation recorded is used.
    assert "as this workstation recorded it" in verify(a.store).summary()


def test_a_store_never_anchored_says_so(tmp_path: Path) -> None:
    store = open_store(tmp_path / "alone.sqlite")
    seed_unit(store, persons=1)
    report = verify(store)
    assert report.ok and "not anchored" in report.summary()


def test_a_cut_tail_is_named_and_refused_at_the_next_anchor(
    pair: tuple[SyncClient, SyncClient, dict[str, Any]],
) -> None:
    a, _, _ = pair
    a.sync_once()
    top = last_seq(a)
    db = a._conn()
    db.execute("DELETE FROM audit_entry WHERE seq > ?", (top - 3,))  # the insider's cut
    assert audit.verify_chain(_entries(a)) == []  # the chain itself still looks whole
    problems = verify(a.store, hub_heads(a)).problems
    assert any(f"audit entry {top}," in p and "cut" in p for p in problems), problems
    report = a.sync_once()
    assert "cut or rewritten" in report.anchor_refused
    assert "cut or rewritten" in (a.status().problem or "")


def test_a_recomputed_chain_is_named(pair: tuple[SyncClient, SyncClient, dict[str, Any]]) -> None:
    a, _, _ = pair
    a.sync_once()
    top = last_seq(a)
    # An insider edits an early entry and recomputes every hash after it, as the app would.
    entries = _entries(a)
    entries[1].detail = "nothing happened here"
    previous = entries[0].hash
    for entry in entries[1:]:
        entry.prev_hash = previous
        entry.hash = previous = audit.entry_hash(entry)
    db = a._conn()
    db.executemany(
        "UPDATE audit_entry SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?",
        [(e.detail, e.prev_hash, e.hash, e.seq) for e in entries],
    )
    assert audit.verify_chain(_entries(a)) == []
    problems = verify(a.store, hub_heads(a)).problems
    assert any(f"audit entry {top} is not the one anchored" in p for p in problems), problems


def test_heads_exported_by_facility_it_check_a_seized_store(
    hub: Hub, pair: tuple[SyncClient, SyncClient, dict[str, Any]]
) -> None:
    a, _, _ = pair
    a.sync_once()
    device = a._setting(K_DEVICE)
    assert device
    with hub.engine.connect() as conn:
        exported = audit_heads(conn, device).model_dump_json()
    heads = heads_from_file(exported)
    assert verify(a.store, heads, "checked against heads.json").ok
    a._conn().execute("DELETE FROM audit_entry WHERE seq = (SELECT max(seq) FROM audit_entry)")
    assert not verify(a.store, heads).ok
    with pytest.raises(ValueError):
        heads_from_file('{"nothing": 1}')


def test_a_head_not_signed_by_a_person_of_the_unit_is_refused(
    hub: Hub, pair: tuple[SyncClient, SyncClient, dict[str, Any]]
) -> None:
    _, b, info = pair
    device, token = b._setting(K_DEVICE), b._setting("sync.token")
    assert device and token
    seq = last_seq(b) + 100  # ahead of what B anchored when it synced
    head = {"seq": seq, "hash": "0" * 64, "signer": info["officer"]}
    forged = head | {"signature": signing.sign(KEYS[info["admin"]], b"something else")}
    message = signing.head_bytes(device_id=device, seq=seq, hash="0" * 64, signer=info["officer"])
    good = head | {"signature": signing.sign(KEYS[info["officer"]], message)}
    transport = InProcessTransport(hub.app)
    try:
        status, body = transport.send("POST", "/sync/anchor", token=token, body=forged)
        assert status == 400 and body["code"] == "bad_signature"
        status, body = transport.send("POST", "/sync/anchor", token=token, body=good)
        assert status == 200
        # The same place with another hash: refused as a rewrite.
        other = head | {"hash": "1" * 64}
        message = signing.head_bytes(
            device_id=device, seq=seq, hash="1" * 64, signer=info["officer"]
        )
        other["signature"] = signing.sign(KEYS[info["officer"]], message)
        status, body = transport.send("POST", "/sync/anchor", token=token, body=other)
        assert status == 409 and body["code"] == "audit_rewritten"
        status, body = transport.send("POST", "/sync/anchor", token=token, body={"seq": -1})
        assert status == 422
    finally:
        transport.close()


def _entries(client: SyncClient) -> list[AuditEntry]:
    with client.store.reading() as session:
        return list(session.exec(select(AuditEntry).order_by(col(AuditEntry.seq))).all())
