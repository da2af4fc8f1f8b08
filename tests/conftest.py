"""Shared fixtures: every test runs offscreen with its own data dir and home directory."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from officer_desk import paths
from officer_desk.app import people
from officer_desk.app.writes import Actor
from officer_desk.store.database import Store, open_store
from officer_desk.store.tables import Officer


@pytest.fixture(autouse=True)
def in_process_transports_closed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every in-process hub transport a test makes is closed when the test ends: each owns an
    event loop with a socket pair, and one left to the garbage collector warns in whatever
    test happens to run then (a ResourceWarning, which this suite turns into a failure)."""
    from officer_desk.sync.transport import InProcessTransport

    made: list[InProcessTransport] = []
    original = InProcessTransport.__init__

    def tracked(self: InProcessTransport, app: object) -> None:
        original(self, app)
        made.append(self)

    monkeypatch.setattr(InProcessTransport, "__init__", tracked)
    yield
    for transport in made:
        with contextlib.suppress(Exception):
            transport.close()


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """No test touches the real home directory or platform folders."""
    home = tmp_path_factory.mktemp("home")
    data = home / "officer-desk-data"
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(data))
    paths.configure(data)
    yield data
    paths._configured = None


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "store.sqlite")
    yield opened
    opened.close()


@pytest.fixture
def admin() -> Actor:
    return Actor.system("test-admin")


@pytest.fixture
def unit_store(store: Store, admin: Actor) -> Store:
    """A store with a facility, a unit and no people yet."""
    people.initialise(
        store,
        admin,
        facility_name="Halden fengsel",
        facility_code="HAL",
        unit_name="Enhet C",
        unit_code="C",
    )
    return store


@pytest.fixture
def officer(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="kari", display_name="Kari Nordmann", role="officer"
    )


@pytest.fixture
def caseload(unit_store: Store, admin: Actor, officer: Officer) -> list[str]:
    """Six people assigned to ``officer``; returns their ids."""
    today = date.today()
    details = [
        people.InmateDetails(
            prison_number=f"H-{1000 + n}",
            full_name=name,
            date_of_birth=date(1985 + n, 3, 1),
            arrival_date=date(2025, 1, 1),
            expected_release_date=date(today.year + 1, 6, 1),
            cell=f"C{n:02d}",
        )
        for n, name in enumerate(
            ["Øystein Ås", "Ahmed Khalil", "Jonas Berg", "Tomasz Nowak", "Per Ærø", "Lars Håland"],
            start=1,
        )
    ]
    change = people.add_inmates(unit_store, admin, details, today=today)
    for inmate_id in change.ids:
        people.assign(
            unit_store, admin, officer_id=officer.id, inmate_id=inmate_id, start=date(2025, 1, 1)
        )
    return change.ids
