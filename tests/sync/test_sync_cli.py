"""``officer-desk-admin enroll`` and ``sync`` against a real hub process over a socket: the
happy path (a standalone store uploads what it has), and plain messages with non-zero exit
codes for an unreachable hub, a bad or used code, a revoked workstation, a clock more than
5 minutes off and an app too old for the hub (which keeps the outbox)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from synchelp import LiveHub, free_port, trust_store_admin

from officer_desk.app import accounts, people
from officer_desk.cli import sync_cmds
from officer_desk.cli.admin import main
from officer_desk.cli.unlock import NEW_PASSWORD_ENV, PASSWORD_ENV
from officer_desk.server.app import revoke_device
from officer_desk.store import keyslots
from officer_desk.store.keyslots import KdfParams
from officer_desk.sync import client as sync_client
from officer_desk.sync.client import SyncClient

ADMIN, ADMIN_PW = "solvi", "kaffe og vafler i fellesrommet"
KARI_PW = "stille morgen ved fjorden"
INIT = [
    "--facility-name", "Halden fengsel", "--facility-code", "HAL",
    "--unit-name", "Enhet C", "--unit-code", "C",
    "--admin-username", ADMIN, "--admin-name", "Sølvi Lægreid",
]  # fmt: skip


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", KdfParams(time_cost=1, memory_kib=8192))


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveHub]:
    hub = LiveHub(tmp_path_factory.mktemp("hub"))
    yield hub
    hub.stop()


def admin(
    monkeypatch: pytest.MonkeyPatch, folder: Path, *args: str, user: str = ADMIN, pw: str = ADMIN_PW
) -> int:
    monkeypatch.setenv(PASSWORD_ENV, pw)
    command, rest = args[0], list(args[1:])
    who = [] if command == "init" else ["--user", user]
    return main([command, "--data-dir", str(folder), *who, *rest])


@pytest.fixture
def desk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, live: LiveHub) -> Path:
    """A standalone workstation: an admin, an officer account and two people registered; the
    hub trusts the admin's key (facility IT's ceremony, docs/admin-guide.md)."""
    folder = tmp_path / "ws"
    assert admin(monkeypatch, folder, "init", *INIT) == 0
    monkeypatch.setenv(NEW_PASSWORD_ENV, KARI_PW)
    assert admin(monkeypatch, folder, "add-officer", "--username", "kari", "--name", "Kari N",
                 "--role", "officer") == 0  # fmt: skip
    store, who = accounts.sign_in(folder / "officer_desk.sqlite", ADMIN, ADMIN_PW)
    try:
        people.add_inmates(
            store,
            who.actor(),
            [people.InmateDetails(prison_number=f"H-{n}", full_name=f"Person {n}") for n in (1, 2)],
            today=date.today(),
        )
        trust_store_admin(live.engine, store, who.officer_id)
    finally:
        store.close()
    return folder


def outbox(folder: Path) -> int:
    store, _ = accounts.sign_in(folder / "officer_desk.sqlite", ADMIN, ADMIN_PW)
    try:
        with closing(SyncClient(store)) as client:
            return client.status().waiting
    finally:
        store.close()


def test_enroll_uploads_the_standalone_store_and_sync_reports(
    live: LiveHub, desk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert outbox(desk) > 0  # written before there was a hub
    assert admin(monkeypatch, desk, "enroll", "--hub", live.url, "--code", live.code(),
                 "--name", "desk-1") == 0  # fmt: skip
    out = capsys.readouterr().out
    assert f"enrolled with {live.url} as 'desk-1' (unit C" in out
    assert "Sync done" in out
    names = {r["full_name"] for (e, _), r in live.records().items() if e == "inmate"}
    assert names == {"Person 1", "Person 2"}
    assert outbox(desk) == 0
    # Any account may sync; --verify compares every person with the hub.
    assert admin(monkeypatch, desk, "sync", "--verify", user="kari", pw=KARI_PW) == 0
    out = capsys.readouterr().out
    assert "sent 0 changes" in out and "Every person here matches the hub." in out
    # The hub's unit overview knows this workstation: synced just now, nothing waiting.
    store, _ = accounts.sign_in(desk / "officer_desk.sqlite", ADMIN, ADMIN_PW)
    try:
        with closing(SyncClient(store)) as client:
            (me,) = client.devices()
    finally:
        store.close()
    assert me.name == "desk-1" and me.this_device and not me.revoked and me.waiting == 0
    assert me.last_sync_at is not None
    assert abs(me.last_sync_at - datetime.now(UTC)) < timedelta(minutes=1)


def test_bad_used_and_missing_codes(
    live: LiveHub, desk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert admin(monkeypatch, desk, "enroll", "--hub", live.url, "--code", "WRONG-CODE-1") == 2
    assert "This enrolment code is not valid" in capsys.readouterr().err
    code = live.code()
    other = desk.parent / "other"
    assert admin(monkeypatch, other, "init", *INIT) == 0
    assert admin(monkeypatch, other, "enroll", "--hub", live.url, "--code", code,
                 "--no-sync") == 0  # fmt: skip
    assert admin(monkeypatch, desk, "enroll", "--hub", live.url, "--code", code) == 2
    assert "already used" in capsys.readouterr().err
    # Not an address; only an admin enrols; sync before enrolling says how to enrol.
    assert admin(monkeypatch, desk, "enroll", "--hub", "hub.example", "--code", code) == 2
    assert "is not a hub address" in capsys.readouterr().err
    assert admin(monkeypatch, desk, "enroll", "--hub", live.url, "--code", live.code(),
                 user="kari", pw=KARI_PW) == 2  # fmt: skip
    assert admin(monkeypatch, desk, "sync") == 2
    assert "not enrolled with a hub" in capsys.readouterr().err


def test_unreachable_hub_exits_3_and_keeps_the_outbox(
    desk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    waiting = outbox(desk)
    nobody = f"http://127.0.0.1:{free_port()}"
    assert admin(monkeypatch, desk, "enroll", "--hub", nobody, "--code", "ABCD-EFGH-JKLM") == 3
    assert "The hub cannot be reached" in capsys.readouterr().err
    assert outbox(desk) == waiting


@pytest.fixture
def enrolled(live: LiveHub, desk: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    assert admin(monkeypatch, desk, "enroll", "--hub", live.url, "--code", live.code()) == 0
    store, who = accounts.sign_in(desk / "officer_desk.sqlite", ADMIN, ADMIN_PW)
    try:
        people.add_inmates(
            store, who.actor(), [people.InmateDetails("H-9", "Person 9")], today=date.today()
        )
    finally:
        store.close()
    return desk


def test_clock_off_by_more_than_five_minutes(
    enrolled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    monkeypatch.setattr(sync_cmds, "_clock", lambda: datetime.now(UTC) + timedelta(minutes=12))
    assert admin(monkeypatch, enrolled, "sync") == 2
    err = capsys.readouterr().err
    assert "clock is off by 12 minutes (ahead)" in err and "nothing typed here is lost" in err
    assert outbox(enrolled) == 1
    monkeypatch.setattr(sync_cmds, "_clock", lambda: datetime.now(UTC) + timedelta(minutes=4))
    assert admin(monkeypatch, enrolled, "sync") == 0  # within 5 minutes: fine
    assert outbox(enrolled) == 0


def test_app_too_old_keeps_the_outbox(
    enrolled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    monkeypatch.setattr(sync_client, "SYNC_SCHEMA_VERSION", 0)
    assert admin(monkeypatch, enrolled, "sync") == 2
    assert "update the app" in capsys.readouterr().err
    assert outbox(enrolled) == 1
    monkeypatch.undo()
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", KdfParams(time_cost=1, memory_kib=8192))
    assert admin(monkeypatch, enrolled, "sync") == 0
    assert outbox(enrolled) == 0


def test_revoked_workstation(
    live: LiveHub,
    enrolled: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store, _ = accounts.sign_in(enrolled / "officer_desk.sqlite", ADMIN, ADMIN_PW)
    try:
        with closing(SyncClient(store)) as client:
            device_id = client._setting(sync_client.K_DEVICE)
    finally:
        store.close()
    assert device_id and revoke_device(live.engine, device_id)
    capsys.readouterr()
    assert admin(monkeypatch, enrolled, "sync") == 2
    assert "access to the hub was withdrawn" in capsys.readouterr().err
    assert outbox(enrolled) == 1
    # Enrolled again with a new code, it sends what waited.
    assert admin(monkeypatch, enrolled, "enroll", "--hub", live.url, "--code", live.code()) == 0
    assert outbox(enrolled) == 0
