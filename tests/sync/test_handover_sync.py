"""A handover written on workstation A is read back, acknowledged and signed on B, and the
result (answers, acknowledgements, signature) reaches A; other units never see it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from synchelp import Hub, comparable, local_rows, seed_unit, seeded_pair

from officer_desk.app import handover
from officer_desk.app.handover import ActionInput
from officer_desk.app.writes import Actor
from officer_desk.server import db as hub_db
from officer_desk.store import handover as reads
from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport


@pytest.fixture
def pair(tmp_path: Path, hub: Hub) -> Iterator[tuple[SyncClient, SyncClient, dict[str, Any]]]:
    a, b, info = seeded_pair(tmp_path, hub)
    yield a, b, info
    for client in (a, b):
        client.close()
        client.store.close()


def view(client: SyncClient, handover_id: str) -> reads.HandoverView | None:
    with client.store.raw() as conn:
        return reads.handover_view(conn, handover_id)


def test_a_handover_from_a_is_acknowledged_and_signed_on_b_and_the_result_reaches_a(
    pair: tuple[SyncClient, SyncClient, dict[str, Any]], tmp_path: Path, hub: Hub
) -> None:
    a, b, info = pair
    kari = Actor(info["officer"], "Kari Nordmann")
    sara = Actor(info["supervisor"], "Sara Sjef", role="supervisor")
    now = datetime.now().astimezone()
    hid = handover.start_handover(
        a.store, kari, now - timedelta(hours=8), now, incoming_id=sara.officer_id
    ).handover_id
    first = view(a, hid)
    assert first is not None and len(first.entries) == 3
    handover.add_action(
        a.store,
        kari,
        hid,
        ActionInput("Phone the school", sara.officer_id, now + timedelta(hours=3)),
    )
    handover.add_unit_item(a.store, kari, hid, "count", "3 present at 22:00")
    handover.add_contingency(a.store, kari, hid, "If the alarm sounds", "Call control")
    handover.hand_over(a.store, kari, hid)
    a.sync_once()
    b.sync_once()

    on_b = view(b, hid)
    assert on_b is not None and on_b.status == "handed_over"
    assert [e.text for e in on_b.entries] == [e.text for e in first.entries]
    assert on_b.unit_items[0].text == "3 present at 22:00" and on_b.actions[0].owner == "Sara Sjef"
    with b.store.raw() as conn:
        assert [h.id for h in reads.waiting_for(conn, sara.officer_id)] == [hid]

    # Read-back across the two workstations: Sara asks on B, Kari answers on A.
    asked = on_b.entries[0]
    handover.ask_question(b.store, sara, asked.id, "Anything I should know before breakfast?")
    b.sync_once()
    a.sync_once()
    handover.answer_question(a.store, kari, asked.id, "He starts work at 08:00.")
    a.sync_once()
    b.sync_once()
    for entry in on_b.entries:
        handover.acknowledge(b.store, sara, entry.id)
    handover.sign(b.store, sara, hid)
    b.sync_once()
    a.sync_once()

    on_a = view(a, hid)
    assert on_a is not None and on_a.status == "signed" and on_a.signed_by == "Sara Sjef"
    assert all(e.acknowledged_by == "Sara Sjef" for e in on_a.entries)
    answered = next(e for e in on_a.entries if e.id == asked.id)
    assert answered.question.startswith("Anything") and answered.answer.startswith("He starts")
    with a.store.raw() as conn:
        assert reads.waiting_for(conn, sara.officer_id) == []
    # Both workstations hold the same handover records as the hub.
    records = hub.records()
    for client in (a, b):
        rows = {k: v for k, v in local_rows(client).items() if k[0].startswith("handover")}
        assert len(rows) == 1 + 3 + 1 + 1 + 1
        for key, row in rows.items():
            assert comparable(row) == comparable(records[key])
    assert not a.rejected() and not b.rejected()


def test_a_handover_stays_in_its_unit(
    pair: tuple[SyncClient, SyncClient, dict[str, Any]], tmp_path: Path, hub: Hub
) -> None:
    a, _b, info = pair
    kari = Actor(info["officer"], "Kari Nordmann")
    now = datetime.now().astimezone()
    hid = handover.start_handover(a.store, kari, now - timedelta(hours=8), now).handover_id
    handover.add_unit_item(a.store, kari, hid, "visits", "Two visits at 14:00")
    a.sync_once()
    with hub.engine.connect() as conn:
        placed = conn.execute(
            sa.select(hub_db.record.c.entity, hub_db.record.c.scope_unit).where(
                hub_db.record.c.entity.in_(["handover", "handover_unit_item"])
            )
        ).all()
    unit_c = view(a, hid).unit_id  # type: ignore[union-attr]
    assert sorted(placed) == [("handover", unit_c), ("handover_unit_item", unit_c)]
    other_store = open_store(tmp_path / "d.sqlite")
    seed_unit(other_store, persons=1, unit_code="D")
    other = SyncClient(other_store, InProcessTransport(hub.app))
    other.enroll("https://hub.test", hub.code("D"), "d")
    try:
        other.sync_once()
        with other_store.raw() as conn:
            for table in ("handover", "handover_entry", "handover_unit_item"):
                assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    finally:
        other.close()
        other_store.close()
