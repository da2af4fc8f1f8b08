"""Account keys on one workstation: key pairs, sealed slots, upgrades of old password slots."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from sqlmodel import select

from officer_desk.app import account_keys, accounts
from officer_desk.app.accounts import SignedIn
from officer_desk.app.writes import Actor, write
from officer_desk.domain.errors import DeskError, ValidationError
from officer_desk.store import keyslots
from officer_desk.store.database import Store
from officer_desk.store.keyslots import (
    AccountKey,
    DamagedKey,
    KdfParams,
    KeySlots,
    WrongPassword,
    slots_path,
)
from officer_desk.store.tables import LocalSetting, Officer, OutboxEntry, Unit

FAST_KDF = KdfParams(time_cost=1, memory_kib=8192)
ADMIN_PW = "kaffe og vafler i fellesrommet"
KARI_PW = "stille morgen ved fjorden"
KARI_NEW = "lange netter med snø"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", FAST_KDF)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Store, SignedIn]]:
    store, admin = accounts.create_store(
        tmp_path / "officer_desk.sqlite",
        facility_name="Halden fengsel",
        facility_code="HAL",
        unit_name="Enhet C",
        unit_code="C",
        admin_username="it-admin",
        admin_name="Åse IT",
        admin_password=ADMIN_PW,
    )
    yield store, admin
    store.close()


def _kari(desk: tuple[Store, SignedIn]) -> Officer:
    store, admin = desk
    return accounts.create_account(
        store, admin.actor(), username="kari", display_name="Kari", role="officer", password=KARI_PW
    )


def _slots(store: Store) -> KeySlots:
    slots = KeySlots.for_store(store.path)
    assert slots is not None
    return slots


def _row(store: Store, username: str) -> Officer:
    with store.reading() as session:
        officer = session.exec(select(Officer).where(Officer.username == username)).one()
    return officer


def _set_row(store: Store, username: str, **values: object) -> None:
    """A change to an officer record as it would arrive from another workstation."""
    with write(store, Actor.system("test")) as w:
        officer = w.session.exec(select(Officer).where(Officer.username == username)).one()
        w.update(officer, dict(values))


# --- the key pair --------------------------------------------------------------------------


def test_an_account_key_opens_with_its_password_only_and_round_trips_as_text() -> None:
    account = AccountKey.create(KARI_PW, FAST_KDF)
    again = AccountKey.from_text(account.to_text())
    assert again == account
    private = again.private_key(KARI_PW)
    assert private is not None
    assert again.private_key(KARI_NEW) is None
    rewrapped = AccountKey.create(KARI_NEW, FAST_KDF, private)
    assert rewrapped.public == account.public and rewrapped.salt != account.salt
    assert rewrapped.private_key(KARI_NEW) is not None and rewrapped.private_key(KARI_PW) is None


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: "{not json",
        lambda d: json.dumps(d | {"v": 2}),
        lambda d: json.dumps(d | {"public": "AAAA"}),
        lambda d: json.dumps(d | {"wrapped": "not base64!"}),
        lambda d: json.dumps(d | {"kdf": d["kdf"] | {"memory_kib": 64 * 1024 * 1024}}),
        lambda d: json.dumps(d | {"kdf": d["kdf"] | {"time_cost": 0}}),
        lambda d: json.dumps({k: v for k, v in d.items() if k != "salt"}),
        lambda d: "[]",
    ],
)
def test_a_damaged_account_key_is_refused_with_a_plain_message(edit: object) -> None:
    data = json.loads(AccountKey.create(KARI_PW, FAST_KDF).to_text())
    with pytest.raises(DamagedKey, match=r"damaged.*reset this account's password"):
        AccountKey.from_text(edit(data))  # type: ignore[operator]


def test_a_key_whose_public_half_was_swapped_is_damaged_not_accepted() -> None:
    account = AccountKey.create(KARI_PW, FAST_KDF)
    other = AccountKey.create(KARI_PW, FAST_KDF)
    data = json.loads(account.to_text()) | {"public": base64.b64encode(other.public).decode()}
    # The public key is bound into the wrapping, so this reads as not opening at all.
    assert AccountKey.from_text(json.dumps(data)).private_key(KARI_PW) is None


# --- one workstation -----------------------------------------------------------------------


def test_new_accounts_get_a_synced_key_pair_and_a_sealed_slot(
    desk: tuple[Store, SignedIn],
) -> None:
    store, _ = desk
    kari = _kari(desk)
    row = _row(store, "kari")
    assert AccountKey.from_text(row.account_key).private_key(KARI_PW) is not None
    slots = _slots(store)
    assert slots.is_sealed("kari") and slots.is_sealed("it-admin")
    assert slots.unlock("kari", KARI_PW) == store.key
    with store.reading() as session:
        ops = session.exec(select(OutboxEntry).where(OutboxEntry.entity_id == kari.id)).all()
    assert any("account_key" in json.loads(op.payload) for op in ops)  # it goes to the hub


def test_the_key_file_holds_no_key_material_in_clear(desk: tuple[Store, SignedIn]) -> None:
    store, _ = desk
    _kari(desk)
    assert store.key is not None
    private = AccountKey.from_text(_row(store, "kari").account_key).private_key(KARI_PW)
    assert private is not None
    raw_private = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    raw = slots_path(store.path).read_bytes()
    for secret in (store.key, raw_private):
        for form in (secret, secret.hex().encode(), base64.b64encode(secret)):
            assert form not in raw
    assert KARI_PW.encode() not in raw


def test_change_password_keeps_the_pair_and_only_the_new_password_opens(
    desk: tuple[Store, SignedIn],
) -> None:
    store, _ = desk
    _kari(desk)
    public = AccountKey.from_text(_row(store, "kari").account_key).public
    kari = accounts.verify_at_desk(store, "kari", KARI_PW, action="switch officer")
    accounts.change_password(store, kari, old_password=KARI_PW, new_password=KARI_NEW)
    assert AccountKey.from_text(_row(store, "kari").account_key).public == public
    assert accounts.verify_at_desk(store, "kari", KARI_NEW, action="unlock").username == "kari"
    with pytest.raises(WrongPassword):
        accounts.verify_at_desk(store, "kari", KARI_PW, action="unlock")


def test_a_reset_gives_a_new_pair(desk: tuple[Store, SignedIn]) -> None:
    store, admin = desk
    _kari(desk)
    public = AccountKey.from_text(_row(store, "kari").account_key).public
    accounts.reset_password(store, admin.actor(), username="kari", new_password=KARI_NEW)
    assert AccountKey.from_text(_row(store, "kari").account_key).public != public
    assert _slots(store).unlock("kari", KARI_NEW) == store.key
    with pytest.raises(WrongPassword):
        _slots(store).unlock("kari", KARI_PW)


def test_slots_follow_records_changed_elsewhere(desk: tuple[Store, SignedIn]) -> None:
    store, _ = desk
    _kari(desk)
    # A reset made on another workstation arrives as a new account key.
    _set_row(store, "kari", account_key=AccountKey.create(KARI_NEW, FAST_KDF).to_text())
    assert account_keys.refresh_slots(store) == []
    assert _slots(store).unlock("kari", KARI_NEW) == store.key
    # A closed account arrives as active = False: its slot goes.
    _set_row(store, "kari", active=False)
    account_keys.refresh_slots(store)
    assert not _slots(store).has("kari") and _slots(store).has("it-admin")


def test_a_damaged_key_in_a_record_is_reported_and_leaves_the_slot_alone(
    desk: tuple[Store, SignedIn],
) -> None:
    store, _ = desk
    _kari(desk)
    _set_row(store, "kari", account_key='{"v": 1}')
    assert account_keys.refresh_slots(store) == ["kari"]
    assert _slots(store).unlock("kari", KARI_PW) == store.key


def test_only_the_enrolled_units_officers_get_slots(desk: tuple[Store, SignedIn]) -> None:
    store, _ = desk
    system = Actor.system("test")
    with write(store, system) as w:
        w.session.merge(LocalSetting(key=account_keys.SYNC_UNIT_SETTING, value="C"))
    _kari(desk)
    # kari moves to another unit (a transfer arriving from the hub): her slot here goes.
    with write(store, system) as w:
        unit_c = w.session.exec(select(Unit).where(Unit.code == "C")).one()
        other = Unit(facility_id=unit_c.facility_id, name="Enhet D", code="D")
        w.insert(other)
        kari = w.session.exec(select(Officer).where(Officer.username == "kari")).one()
        w.update(kari, {"unit_id": other.id})
    account_keys.refresh_slots(store)
    assert not _slots(store).has("kari") and _slots(store).has("it-admin")


def test_an_old_password_slot_still_opens_and_becomes_a_sealed_one(
    desk: tuple[Store, SignedIn],
) -> None:
    store, _ = desk
    _kari(desk)
    assert store.key is not None
    # As a store from before account keys: a password slot, nothing in the record.
    slots = _slots(store)
    slots.put("kari", KARI_PW, store.key)
    slots.save()
    _set_row(store, "kari", account_key="")
    with pytest.raises(WrongPassword) as wrong:  # the lockout counts on the old form too
        _slots(store).unlock("kari", KARI_NEW)
    assert wrong.value.attempts_left == 4
    assert accounts.verify_at_desk(store, "kari", KARI_PW, action="unlock").username == "kari"
    slots = _slots(store)
    assert slots.is_sealed("kari")
    made_here = slots.unpublished()[slots.slot_id("kari")]
    account_keys.publish_upgrades(store)
    assert _row(store, "kari").account_key == made_here
    assert _slots(store).unpublished() == {}
    assert _slots(store).unlock("kari", KARI_PW) == store.key


def test_an_upgrade_never_overwrites_a_key_pair_made_elsewhere(
    desk: tuple[Store, SignedIn],
) -> None:
    store, _ = desk
    _kari(desk)
    assert store.key is not None
    slots = _slots(store)
    slots.put("kari", KARI_PW, store.key)  # an old slot with the old password...
    slots.save()
    newer = AccountKey.create(KARI_NEW, FAST_KDF).to_text()
    _set_row(store, "kari", account_key=newer)  # ...while she changed it elsewhere
    _slots(store).unlock("kari", KARI_PW)  # upgraded here before the refresh ran
    account_keys.refresh_slots(store)
    assert _row(store, "kari").account_key == newer
    assert _slots(store).unlock("kari", KARI_NEW) == store.key
    with pytest.raises(WrongPassword):
        _slots(store).unlock("kari", KARI_PW)


def test_a_tampered_sealed_slot_is_a_plain_refusal(desk: tuple[Store, SignedIn]) -> None:
    store, _ = desk
    _kari(desk)
    path = slots_path(store.path)
    data = json.loads(path.read_text())
    slot = data["slots"][_slots(store).slot_id("kari")]
    slot["ephemeral"] = base64.b64encode(b"\x01" * 32).decode()
    path.write_text(json.dumps(data))
    with pytest.raises(DeskError, match="damaged"):
        accounts.verify_at_desk(store, "kari", KARI_PW, action="unlock")
    assert accounts.verify_at_desk(store, "it-admin", ADMIN_PW, action="unlock").username


def test_a_joining_workstation_starts_with_no_one_until_the_first_pull(tmp_path: Path) -> None:
    store = account_keys.create_joining_store(tmp_path / "officer_desk.sqlite")
    try:
        assert not account_keys.has_accounts(store)
        assert account_keys.refresh_slots(store) == []  # no officers yet: nothing removed
    finally:
        store.close()
    with pytest.raises(ValidationError, match="already records"):
        account_keys.create_joining_store(tmp_path / "officer_desk.sqlite")


def test_officers_get_slots_even_before_their_units_record_has_arrived(
    desk: tuple[Store, SignedIn],
) -> None:
    store, admin = desk
    with write(store, Actor.system("test")) as w:
        w.session.merge(LocalSetting(key=account_keys.SYNC_UNIT_SETTING, value="NOT-YET"))
    _kari(desk)
    assert _slots(store).unlock("kari", KARI_PW) == store.key
    assert _slots(store).has(admin.username)
