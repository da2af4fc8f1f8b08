"""Corrections reach the other workstations: an amended activity, a voided meal and a voided
note made on A are what B shows after both synced (the hub takes each kind)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from synchelp import Hub, seeded_pair

from officer_desk.app import corrections, logbook, notes
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import ActivityCategory
from officer_desk.store import queries
from officer_desk.sync.client import SyncClient


@pytest.fixture
def pair(tmp_path: Path, hub: Hub) -> Iterator[tuple[SyncClient, SyncClient, dict[str, Any]]]:
    a, b, info = seeded_pair(tmp_path, hub)
    yield a, b, info
    for client in (a, b):
        client.close()
        client.store.close()


def shown(client: SyncClient, person: str) -> list[tuple[str, str]]:
    with client.store.raw() as conn:
        return [(i.kind, i.text) for i in queries.timeline_page(conn, person).items]


def test_amendments_and_voids_of_each_kind_reach_the_other_workstation(
    pair: tuple[SyncClient, SyncClient, dict[str, Any]],
) -> None:
    a, b, info = pair
    kari = Actor(info["officer"], "Kari Nordmann")
    person = info["inmates"][0]
    logbook.log_meal(
        a.store, kari, day=date.today(), meal="breakfast", entries=[logbook.MealEntry(person)]
    )
    logbook.log_activity(
        a.store,
        kari,
        inmate_ids=[person],
        activity=logbook.ActivityEntry(
            ActivityCategory.WORK, datetime.now(UTC) - timedelta(hours=1), 60, note="first"
        ),
    )
    notes.add_note(a.store, kari, inmate_id=person, kind="general", text="To be voided")
    ids = _ids(a, person)
    corrections.amend_entry(
        a.store, kari, kind="activity", entry_id=ids["activity"], values={"note": "second"},
        reason="Typed in a hurry",
    )  # fmt: skip
    corrections.void_entry(a.store, kari, kind="meal", entry_id=ids["meal"], reason="Wrong day")
    corrections.void_entry(a.store, kari, kind="note", entry_id=ids["note"], reason="Wrong person")
    report = a.sync_once()
    assert report.rejected == 0, "the hub refused a correction"
    b.sync_once()
    assert shown(b, person) == shown(a, person) == [("activity", "second")]


def _ids(client: SyncClient, person: str) -> dict[str, str]:
    with client.store.raw() as conn:
        return {i.kind: i.id for i in queries.timeline_page(conn, person).items}
