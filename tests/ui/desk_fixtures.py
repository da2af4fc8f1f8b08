"""The gate tests' fixtures (a pytest plugin: ``pytest_plugins = ["desk_fixtures"]``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from desk_fakes import ADMIN, KARI, OLA, SECRET_PEOPLE, Desk
from pytestqt.qtbot import QtBot

from officer_desk import paths
from officer_desk.app import accounts, people
from officer_desk.paths import AppPaths
from officer_desk.store import keyslots
from officer_desk.store.keyslots import KdfParams


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # Full-cost Argon2id is measured in benchmarks/; tests only need the same code path.
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", KdfParams(time_cost=1, memory_kib=8192))


@pytest.fixture
def app_paths() -> AppPaths:
    return paths.app_paths().ensure()


@pytest.fixture
def encrypted_unit(fast_kdf: None, app_paths: AppPaths) -> AppPaths:
    """An encrypted store in the data folder: an admin, Kari (two people) and Ola; closed."""
    store, admin = accounts.create_store(
        app_paths.store,
        backups=app_paths.backups,
        facility_name="Halden fengsel",
        facility_code="HAL",
        unit_name="Enhet C",
        unit_code="C",
        admin_username=ADMIN[0],
        admin_name=ADMIN[1],
        admin_password=ADMIN[2],
    )
    try:
        actor = admin.actor()
        officers = {}
        for username, name, password in (KARI, OLA):
            officers[username] = accounts.create_account(
                store,
                actor,
                username=username,
                display_name=name,
                role="officer",
                password=password,
            )
        change = people.add_inmates(
            store,
            actor,
            [
                people.InmateDetails(
                    prison_number=f"H-{n}", full_name=name, date_of_birth=date(1990, 1, n)
                )
                for n, name in enumerate(SECRET_PEOPLE, start=1)
            ],
            today=date.today(),
        )
        for inmate_id in change.ids:
            people.assign(
                store,
                actor,
                officer_id=officers["kari"].id,
                inmate_id=inmate_id,
                start=date.today(),
            )
    finally:
        store.close()
    return app_paths


@pytest.fixture
def desk(qtbot: QtBot, encrypted_unit: AppPaths) -> Iterator[Desk]:
    opened = Desk(qtbot, encrypted_unit)
    yield opened
    opened.close()
