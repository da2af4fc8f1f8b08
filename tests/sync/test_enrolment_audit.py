"""Enrolling a workstation is audited like any other change: who, when, which hub and unit;
somebody who may not enrol leaves a "denied" entry and never reaches the hub."""

# ruff: noqa: F811

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from sqlmodel import col, select
from synchelp import LiveHub

# desk, fast_kdf and live are the command line tests' fixtures (workstation, KDF, hub).
from test_sync_cli import ADMIN, ADMIN_PW, KARI_PW, admin, desk, fast_kdf, live  # noqa: F401

from officer_desk.app import accounts, enrolment
from officer_desk.app.joining import join_hub
from officer_desk.cli.verify import verify
from officer_desk.domain.errors import PermissionDenied
from officer_desk.store.tables import AuditEntry
from officer_desk.sync.client import SyncClient


def audit(folder: Path, user: str = ADMIN, pw: str = ADMIN_PW) -> list[AuditEntry]:
    store, _ = accounts.sign_in(folder / "officer_desk.sqlite", user, pw)
    try:
        with store.reading() as session:
            return list(session.exec(select(AuditEntry).order_by(col(AuditEntry.seq))).all())
    finally:
        store.close()


def test_enrolling_is_audited_with_the_hub_the_unit_and_who(
    live: LiveHub, desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert admin(monkeypatch, desk, "enroll", "--hub", live.url, "--code", live.code(),
                 "--name", "desk-1", "--no-sync") == 0  # fmt: skip
    # Enrolled again (a new code, e.g. after the hub moved): the entry says what it was before.
    assert admin(monkeypatch, desk, "enroll", "--hub", live.url, "--code", live.code(),
                 "--name", "desk-1", "--no-sync") == 0  # fmt: skip
    entries = [e for e in audit(desk) if e.action == "enrol"]
    assert [e.actor_name for e in entries] == ["Sølvi Lægreid"] * 2
    first, second = entries
    assert first.entity == "workstation" and first.entity_id
    assert first.detail.startswith(f"enrolled with {live.url} as 'desk-1' (unit C, device ")
    assert "before" not in first.detail
    assert second.detail.endswith(f"; it synced with {live.url} before")
    assert second.entity_id != first.entity_id  # a new device token and id from the hub


def test_an_officer_may_not_enrol_the_refusal_is_audited_and_the_code_stays_unused(
    live: LiveHub, desk: Path
) -> None:
    code = live.code()
    store, kari = accounts.sign_in(desk / "officer_desk.sqlite", "kari", KARI_PW)
    try:
        with closing(SyncClient(store)) as client:
            with pytest.raises(PermissionDenied, match="Only an admin can join this workstation"):
                enrolment.enrol(store, kari.actor(), client, url=live.url, code=code, name="x")
            assert not client.status().enrolled
    finally:
        store.close()
    denied = [e for e in audit(desk) if e.action == "denied"]
    assert [(e.actor_name, e.entity) for e in denied] == [("Kari N", "officer")]
    assert not [e for e in audit(desk) if e.action == "enrol"]
    # The hub never saw the code: the admin can still use it.
    store, who = accounts.sign_in(desk / "officer_desk.sqlite", ADMIN, ADMIN_PW)
    try:
        with closing(SyncClient(store)) as client:
            done = enrolment.enrol(store, who.actor(), client, url=live.url, code=code, name="y")
        assert done.unit_code == "C" and done.previous_hub is None
    finally:
        store.close()


def test_a_joining_workstation_audits_its_enrolment_and_verifies(
    live: LiveHub, desk: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The unit's accounts reach the hub from the first workstation.
    assert admin(monkeypatch, desk, "enroll", "--hub", live.url, "--code", live.code()) == 0
    joined = tmp_path / "second" / "officer_desk.sqlite"
    join_hub(joined, url=live.url, code=live.code(), name="desk-2")
    entries = [e for e in audit(joined.parent) if e.action == "enrol"]
    assert len(entries) == 1
    assert entries[0].actor_name == "officer-desk join" and entries[0].actor_id is None
    assert entries[0].detail.startswith(f"enrolled with {live.url} as 'desk-2' (unit C")
    store, _ = accounts.sign_in(joined, ADMIN, ADMIN_PW)
    try:
        assert verify(store).ok
    finally:
        store.close()
