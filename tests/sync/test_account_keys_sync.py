"""Accounts flow from the hub: an officer created on workstation A signs in offline on B.

B never sees the password: it seals its own store key to the officer's public key, which arrives
with the officer record.  Password changes, resets and closed accounts follow after a sync.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from synchelp import Hub, LiveHub, make_hub, to_feed_end, trust_store_admin

from officer_desk.app import account_keys, accounts
from officer_desk.app.accounts import SignedIn
from officer_desk.cli.admin import main as admin_main
from officer_desk.cli.unlock import NEW_PASSWORD_ENV, PASSWORD_ENV
from officer_desk.domain.errors import DeskError
from officer_desk.server import db as hub_db
from officer_desk.server.cli import main as server_main
from officer_desk.store import keyslots
from officer_desk.store.database import Store
from officer_desk.store.keyslots import (
    AccountKey,
    AccountLocked,
    KdfParams,
    KeySlots,
    WrongPassword,
    slots_path,
)
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport

FAST_KDF = KdfParams(time_cost=1, memory_kib=8192)
ADMIN_PW = "fjellvann og brunost"
KARI_PW = "morgenkaffe på avdeling C"
NEW_PW = "ny kaffe etter nattevakt"
KARI_NEW = "kveldsvakt med vafler"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", FAST_KDF)


@pytest.fixture
def sqlite_hub(tmp_path: Path) -> Iterator[Hub]:
    made = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite'}")
    yield made
    made.engine.dispose()


class Unit:
    """Workstation A (set up the unit, admin 'it') and B (joined empty), both enrolled."""

    def __init__(self, root: Path, hub: Hub) -> None:
        self.hub = hub
        self.path_a = root / "a" / "officer_desk.sqlite"
        self.path_b = root / "b" / "officer_desk.sqlite"
        self.path_a.parent.mkdir()
        self.path_b.parent.mkdir()
        self.a, self.admin = accounts.create_store(
            self.path_a,
            facility_name="Halden fengsel",
            facility_code="HAL",
            unit_name="Enhet C",
            unit_code="C",
            admin_username="it",
            admin_name="Åse IT",
            admin_password=ADMIN_PW,
        )
        trust_store_admin(hub.engine, self.a, self.admin.officer_id)
        self.client_a = self._enrol(self.a, "a")
        self.sync_a()
        self.b = account_keys.create_joining_store(self.path_b)
        self.client_b = self._enrol(self.b, "b")
        self.client_b.sync_once()

    def _enrol(self, store: Store, name: str) -> SyncClient:
        client = SyncClient(store, InProcessTransport(self.hub.app))
        client.enroll("https://hub.test", self.hub.code("C"), name)
        return client

    def sync_a(self) -> None:
        self.client_a.sync_once()

    def sync_b(self) -> None:
        """B is a shared workstation: someone signed in (the admin), sync runs, it closes."""
        if self.b is None:
            self.b, _ = accounts.sign_in(self.path_b, "it", ADMIN_PW)
            self.client_b = SyncClient(self.b, InProcessTransport(self.hub.app))
        self.client_b.sync_once()
        self.close_b()

    def close_b(self) -> None:
        if self.b is not None:
            self.client_b.close()
            self.b.close()
            self.b = None  # type: ignore[assignment]

    def sign_in_b(self, username: str, password: str) -> SignedIn:
        store, who = accounts.sign_in(self.path_b, username, password)
        store.close()
        return who

    def close(self) -> None:
        self.close_b()
        self.client_a.close()
        self.a.close()


@pytest.fixture
def unit(tmp_path: Path, sqlite_hub: Hub) -> Iterator[Unit]:
    made = Unit(tmp_path, sqlite_hub)
    yield made
    made.close()


def _add_kari(unit: Unit) -> None:
    accounts.create_account(
        unit.a,
        unit.admin.actor(),
        username="kari",
        display_name="Kari Nordmann",
        role="officer",
        password=KARI_PW,
    )
    unit.sync_a()
    unit.sync_b()


def _kari_at_a(unit: Unit) -> SignedIn:
    return accounts.verify_at_desk(unit.a, "kari", KARI_PW, action="switch officer")


def test_an_officer_made_on_a_signs_in_offline_on_b_which_never_saw_the_password(
    unit: Unit,
) -> None:
    # The admin who set up A can sign in on B too (B's slots came from the hub alone).
    _add_kari(unit)
    who = unit.sign_in_b("kari", KARI_PW)
    assert (who.username, who.display_name) == ("kari", "Kari Nordmann")
    assert unit.sign_in_b("it", ADMIN_PW).role.value == "admin"
    with pytest.raises(WrongPassword):
        unit.sign_in_b("kari", ADMIN_PW)


def test_a_password_change_on_a_reaches_b_and_the_old_password_is_refused(unit: Unit) -> None:
    _add_kari(unit)
    public_before = _public_key(unit.path_b, "kari")
    accounts.change_password(unit.a, _kari_at_a(unit), old_password=KARI_PW, new_password=KARI_NEW)
    unit.sync_a()
    # Offline, B still knows only the old wrapping.
    assert unit.sign_in_b("kari", KARI_PW).username == "kari"
    unit.sync_b()
    assert unit.sign_in_b("kari", KARI_NEW).username == "kari"
    with pytest.raises(WrongPassword):
        unit.sign_in_b("kari", KARI_PW)
    # The same key pair, newly wrapped: B did not need to reseal.
    assert _public_key(unit.path_b, "kari") == public_before


def test_an_admin_reset_on_a_gives_a_new_key_pair_and_b_replaces_its_slot(unit: Unit) -> None:
    _add_kari(unit)
    public_before = _public_key(unit.path_b, "kari")
    for _ in range(5):  # kari locked herself out on B
        with pytest.raises((WrongPassword, AccountLocked)):
            unit.sign_in_b("kari", "not her password at all")
    with pytest.raises(AccountLocked):
        unit.sign_in_b("kari", KARI_PW)
    accounts.reset_password(unit.a, unit.admin.actor(), username="kari", new_password=KARI_NEW)
    unit.sync_a()
    unit.sync_b()
    assert _public_key(unit.path_b, "kari") != public_before
    assert unit.sign_in_b("kari", KARI_NEW).username == "kari"  # the reset also unlocks
    with pytest.raises(WrongPassword):
        unit.sign_in_b("kari", KARI_PW)


def test_a_closed_account_cannot_sign_in_on_b_after_a_sync(unit: Unit) -> None:
    _add_kari(unit)
    accounts.deactivate(unit.a, unit.admin.actor(), username="kari")
    unit.sync_a()
    unit.sync_b()
    slots = KeySlots.for_store(unit.path_b)
    assert slots is not None and not slots.has("kari") and slots.has("it")
    with pytest.raises(WrongPassword):
        unit.sign_in_b("kari", KARI_PW)


def test_wrong_passwords_on_b_lock_the_account_there(unit: Unit) -> None:
    _add_kari(unit)
    lefts = []
    for _ in range(4):
        with pytest.raises(WrongPassword) as wrong:
            unit.sign_in_b("kari", "guess " * 3)
        lefts.append(wrong.value.attempts_left)
    assert lefts == [4, 3, 2, 1]
    with pytest.raises(AccountLocked):
        unit.sign_in_b("kari", "guess " * 3)
    with pytest.raises(AccountLocked):
        unit.sign_in_b("kari", KARI_PW)
    assert unit.sign_in_b("it", ADMIN_PW).username == "it"  # only kari is locked


def test_a_tampered_slot_on_b_is_refused_with_a_plain_message(unit: Unit) -> None:
    _add_kari(unit)
    keys = slots_path(unit.path_b)
    data = json.loads(keys.read_text())
    slot_id = KeySlots.for_store(unit.path_b).slot_id("kari")  # type: ignore[union-attr]
    original = dict(data["slots"][slot_id])

    def tamper(field: str, value: str) -> None:
        data["slots"][slot_id] = dict(original) | {field: value}
        keys.write_text(json.dumps(data))

    sealed = bytearray(base64.b64decode(original["sealed"]))
    sealed[0] ^= 1
    tamper("sealed", base64.b64encode(bytes(sealed)).decode())
    with pytest.raises(DeskError, match=r"damaged.*reset"):
        unit.sign_in_b("kari", KARI_PW)
    account = json.loads(original["account"])
    wrapped = bytearray(base64.b64decode(account["wrapped"]))
    wrapped[5] ^= 1
    tamper("account", json.dumps(account | {"wrapped": base64.b64encode(bytes(wrapped)).decode()}))
    with pytest.raises(WrongPassword):  # AES-GCM cannot tell an edit from a wrong password
        unit.sign_in_b("kari", KARI_PW)
    tamper("account", "{not json")
    with pytest.raises(DeskError, match="damaged"):
        unit.sign_in_b("kari", KARI_PW)


def test_a_damaged_account_key_from_the_hub_leaves_sync_and_other_slots_alone(
    unit: Unit,
) -> None:
    _add_kari(unit)
    with unit.hub.engine.begin() as conn:
        row = conn.execute(
            sa.select(hub_db.record.c.entity_id, hub_db.record.c.data).where(
                hub_db.record.c.entity == "officer"
            )
        ).all()
        kari_id, data = next((r.entity_id, r.data) for r in row if '"kari"' in r.data)
        record = json.loads(data) | {"account_key": '{"v": 1, "public": "AAAA"}'}
        conn.execute(
            hub_db.record.update()
            .where(hub_db.record.c.entity == "officer", hub_db.record.c.entity_id == kari_id)
            .values(data=json.dumps(record))
        )
        to_feed_end(conn, "officer", kari_id)
    unit.sync_b()  # no crash
    assert unit.sign_in_b("kari", KARI_PW).username == "kari"  # the slot she had stays
    assert unit.sign_in_b("it", ADMIN_PW).username == "it"


def test_no_key_material_in_clear_in_the_key_files_or_on_the_hub(unit: Unit) -> None:
    _add_kari(unit)
    secrets = []
    for path in (unit.path_a, unit.path_b):
        slots = KeySlots.for_store(path)
        assert slots is not None
        store_key = slots.unlock("kari", KARI_PW)
        secrets.append(store_key)
    account = AccountKey.from_text(str(_slot(unit.path_b, "kari")["account"]))
    private = account.private_key(KARI_PW)
    assert private is not None
    secrets.append(
        private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
    )
    forms = [f for s in secrets for f in (s, s.hex().encode(), base64.b64encode(s))]
    hub_file = Path(str(unit.hub.engine.url.database)).read_bytes()
    for raw in (
        slots_path(unit.path_a).read_bytes(),
        slots_path(unit.path_b).read_bytes(),
        hub_file,
    ):
        assert not [f for f in forms if f in raw]
    assert KARI_PW.encode() not in hub_file


def test_an_old_password_slot_is_upgraded_at_sign_in_and_then_travels(unit: Unit) -> None:
    # An account from before account keys: a password slot on A only, no key in its record.
    accounts.create_account(
        unit.a,
        unit.admin.actor(),
        username="kari",
        display_name="Kari Nordmann",
        role="officer",
        password=KARI_PW,
    )
    slots = KeySlots.for_store(unit.path_a)
    assert slots is not None and unit.a.key is not None
    slots.put("kari", KARI_PW, unit.a.key)
    slots.save()
    accounts._set_account_key(unit.a, unit.admin.actor(), "kari", "", "as before account keys")
    assert not KeySlots.for_store(unit.path_a).is_sealed("kari")  # type: ignore[union-attr]
    unit.sync_a()
    unit.sync_b()
    with pytest.raises(WrongPassword):  # B has no slot for her yet
        unit.sign_in_b("kari", KARI_PW)
    _kari_at_a(unit)  # signing in on A upgrades the slot...
    assert KeySlots.for_store(unit.path_a).is_sealed("kari")  # type: ignore[union-attr]
    unit.sync_a()  # ...but a new key for an account is an admin's decision: it stays on A
    unit.sync_b()
    with pytest.raises(WrongPassword):
        unit.sign_in_b("kari", KARI_PW)
    assert _kari_at_a(unit).username == "kari"
    # The admin resets her password: a key the hub trusts, signed by the admin, travels.
    accounts.reset_password(unit.a, unit.admin.actor(), username="kari", new_password=NEW_PW)
    unit.sync_a()
    unit.sync_b()
    assert unit.sign_in_b("kari", NEW_PW).username == "kari"


def _slot(store_path: Path, username: str) -> dict[str, object]:
    slots = KeySlots.for_store(store_path)
    assert slots is not None
    data = json.loads(slots_path(store_path).read_text())
    return data["slots"][slots.slot_id(username)]


def _public_key(store_path: Path, username: str) -> bytes:
    return AccountKey.from_text(str(_slot(store_path, username)["account"])).public


# --- officer-desk-admin join: another workstation of the unit, against a hub process -------------


def test_join_sets_up_a_workstation_where_the_units_officers_sign_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "hub").mkdir()
    live = LiveHub(tmp_path / "hub")
    try:
        first, second, empty = tmp_path / "ws1", tmp_path / "ws2", tmp_path / "ws3"
        monkeypatch.setenv(PASSWORD_ENV, ADMIN_PW)
        assert admin_main(["init", "--data-dir", str(first), "--facility-name", "Halden",
                           "--facility-code", "HAL", "--unit-name", "Enhet J", "--unit-code", "J",
                           "--admin-username", "it", "--admin-name", "Åse IT"]) == 0  # fmt: skip
        # Facility IT's ceremony: the first admin's signing key, read at the workstation, is
        # registered at the hub as the unit's root of trust.
        capsys.readouterr()
        assert admin_main(["signing-key", "--data-dir", str(first), "--user", "it"]) == 0
        shown = dict(
            line.split(":", 1) for line in capsys.readouterr().out.splitlines() if ":" in line
        )
        officer_id = shown["account"].split()[0]
        key = shown["signing key"].strip()
        assert server_main(["trust-admin", "--data-dir", str(tmp_path / "hub"), "--unit", "J",
                            "--officer", officer_id, "--key", key]) == 0  # fmt: skip
        assert shown["fingerprint"].strip() in capsys.readouterr().out
        monkeypatch.setenv(NEW_PASSWORD_ENV, KARI_PW)
        assert admin_main(["add-officer", "--data-dir", str(first), "--user", "it", "--username",
                           "kari", "--name", "Kari", "--role", "officer"]) == 0  # fmt: skip
        assert admin_main(["enroll", "--data-dir", str(first), "--user", "it", "--hub", live.url,
                           "--code", live.code("J")]) == 0  # fmt: skip
        capsys.readouterr()
        assert admin_main(["join", "--data-dir", str(second), "--hub", live.url,
                           "--code", live.code("J"), "--name", "ws2"]) == 0  # fmt: skip
        assert "joined unit J" in capsys.readouterr().out
        store, who = accounts.sign_in(second / "officer_desk.sqlite", "kari", KARI_PW)
        store.close()
        assert who.username == "kari"
        # Again into the same folder: refused, nothing changed.
        assert admin_main(["join", "--data-dir", str(second), "--hub", live.url,
                           "--code", live.code("J")]) == 2  # fmt: skip
        assert "already an Officer Desk store" in capsys.readouterr().err
        # A unit nobody has synced yet: no one could open the store, so none is kept.
        assert admin_main(["join", "--data-dir", str(empty), "--hub", live.url,
                           "--code", live.code("Q")]) == 2  # fmt: skip
        assert "sent no accounts" in capsys.readouterr().err
        assert list(empty.glob("officer_desk.sqlite*")) == []
    finally:
        live.stop()
