"""Argon2id derived before Enter: used only for the same slot and password, wiped after, and the
attempt is checked and counted at Enter exactly as without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from officer_desk.app import signing_in
from officer_desk.store import keyslots
from officer_desk.store.keyslots import KdfParams, KeySlots, WrongPassword

PASSWORD = "stille morgen ved fjorden"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # Full-cost Argon2id is measured in benchmarks/; tests only need the same code path.
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", KdfParams(time_cost=1, memory_kib=8192))


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every Argon2id run, by password."""
    runs: list[str] = []
    real = KdfParams.derive

    def counted(self: KdfParams, password: str, salt: bytes) -> bytes:
        runs.append(password)
        return real(self, password, salt)

    monkeypatch.setattr(KdfParams, "derive", counted)
    return runs


@pytest.fixture
def slots(tmp_path: Path) -> tuple[KeySlots, bytes]:
    """A slot file with a sealed slot for kari (as new accounts get)."""
    store_path = tmp_path / "officer_desk.sqlite"
    made, key = KeySlots.create(store_path)
    made.put_sealed("kari", keyslots.AccountKey.create(PASSWORD), key)
    made.save()
    found = KeySlots.for_store(store_path)
    assert found is not None
    return found, key


def failed(slots: KeySlots) -> int:
    reread = KeySlots.for_store(slots.path.with_name(slots.path.name.removesuffix(".keys")))
    assert reread is not None
    return int(reread._data["slots"][reread.slot_id("kari")]["failed"])


def test_production_cost_is_unchanged() -> None:
    assert KdfParams() == KdfParams(time_cost=3, memory_kib=64 * 1024, parallelism=1)


def test_the_derivation_ahead_is_used_at_enter_when_nothing_changed(
    slots: tuple[KeySlots, bytes], derivations: list[str]
) -> None:
    found, key = slots
    ahead = found.derive_ahead("kari", PASSWORD)
    assert ahead is not None and derivations == [PASSWORD]
    assert found.unlock("kari", PASSWORD, ahead=ahead) == key
    assert derivations == [PASSWORD]  # not derived again


def test_another_password_at_enter_is_derived_anew_and_counted(
    slots: tuple[KeySlots, bytes], derivations: list[str]
) -> None:
    found, key = slots
    ahead = found.derive_ahead("kari", PASSWORD)
    assert ahead is not None
    # The right password derived ahead does not open the door for a wrong one typed after it.
    with pytest.raises(WrongPassword):
        found.unlock("kari", "not the password", ahead=ahead)
    assert derivations == [PASSWORD, "not the password"]
    assert failed(found) == 1
    # And a key derived for another user name is not used for kari.
    other = found.derive_ahead("ola", PASSWORD)
    assert found.unlock("kari", PASSWORD, ahead=other) == key
    assert derivations[-1] == PASSWORD and len(derivations) == 4


def test_a_wrong_password_derived_ahead_is_still_a_counted_failure(
    slots: tuple[KeySlots, bytes], derivations: list[str]
) -> None:
    found, _key = slots
    ahead = found.derive_ahead("kari", "a wrong guess")
    assert ahead is not None
    assert failed(found) == 0  # deriving ahead checks and counts nothing
    with pytest.raises(WrongPassword):
        found.unlock("kari", "a wrong guess", ahead=ahead)
    assert failed(found) == 1
    assert derivations == ["a wrong guess"]


def test_a_wiped_derivation_is_not_used(
    slots: tuple[KeySlots, bytes], derivations: list[str]
) -> None:
    found, key = slots
    ahead = found.derive_ahead("kari", PASSWORD)
    assert ahead is not None
    ahead.wipe()
    assert ahead.wiped
    assert ahead.key_for(ahead.slot_id, ahead.salt, ahead.kdf, PASSWORD) is None
    assert found.unlock("kari", PASSWORD, ahead=ahead) == key
    assert derivations == [PASSWORD, PASSWORD]


def test_an_unknown_name_costs_the_same_ahead_and_at_enter(
    slots: tuple[KeySlots, bytes], derivations: list[str]
) -> None:
    found, _key = slots
    ahead = found.derive_ahead("nobody", PASSWORD)
    assert ahead is not None and derivations == [PASSWORD]
    with pytest.raises(WrongPassword):
        found.unlock("nobody", PASSWORD, ahead=ahead)
    # As fast as a known name with its key derived ahead: Enter says nothing about names.
    assert derivations == [PASSWORD]


def test_signing_in_with_a_derivation_ahead_opens_the_store(tmp_path: Path) -> None:
    from officer_desk.app import accounts

    store, _admin = accounts.create_store(
        tmp_path / "officer_desk.sqlite",
        facility_name="Halden fengsel",
        facility_code="HAL",
        unit_name="Enhet C",
        unit_code="C",
        admin_username="it-admin",
        admin_name="Åse IT",
        admin_password=PASSWORD,
    )
    store.close()
    ahead = signing_in.derive_ahead(store.path, "it-admin", PASSWORD)
    assert ahead is not None
    opened, user = signing_in.open_with_password(store.path, "it-admin", PASSWORD, ahead=ahead)
    try:
        assert user.username == "it-admin"
    finally:
        opened.close()
    assert signing_in.derive_ahead(tmp_path / "none.sqlite", "it-admin", PASSWORD) is None
