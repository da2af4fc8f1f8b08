"""Fixtures of the app tests: a supervisor and a second officer of the unit."""

from __future__ import annotations

import pytest

from officer_desk.app import people
from officer_desk.app.writes import Actor
from officer_desk.store.database import Store
from officer_desk.store.tables import Officer


@pytest.fixture
def unit_supervisor(unit_store: Store, admin: Actor) -> Actor:
    officer = people.add_officer(
        unit_store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )
    return Actor(officer.id, officer.display_name, role="supervisor")


@pytest.fixture
def bjorn(unit_store: Store, admin: Actor) -> Officer:
    """A second officer of the unit (the one who covers, in the cover tests)."""
    return people.add_officer(
        unit_store, admin, username="bjorn", display_name="Bjørn Lie", role="officer"
    )
