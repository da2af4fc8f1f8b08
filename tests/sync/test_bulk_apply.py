"""A pulled page is stored in bulk (one ``executemany`` per table, parents first); these tests
hold it to the same result as taking the records one at a time, one per page: new rows and
updates of rows already here, a field edit that lost last-writer-wins (with the losing value
kept as a conflict), concurrent note revisions, a disputed checklist item, a void, a photo;
and rows with changes still waiting here keep those changes either way.  Pages decode the
same whichever transport brought them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from synchelp import Hub, comparable, local_rows, seed_unit

from officer_desk.app import logbook, notes, profile, release
from officer_desk.app.writes import Actor
from officer_desk.store.database import open_store
from officer_desk.sync.client import ORDER, SyncClient, SyncReport, _body, _decode_json
from officer_desk.sync.errors import HubRefused
from officer_desk.sync.pulled import Incoming, columns
from officer_desk.sync.transport import InProcessTransport

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


class DecodedOnly:
    """A transport without ``fetch_raw``: pages arrive already decoded, as from a proxy or a
    test double; the client must store the same from them."""

    def __init__(self, inner: InProcessTransport) -> None:
        self.inner = inner

    def send(self, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        return self.inner.send(method, path, **kw)


@pytest.fixture
def made(tmp_path: Path, hub: Hub) -> Iterator[list[SyncClient]]:
    clients: list[SyncClient] = []
    yield clients
    for client in clients:
        client.close()
        client.store.close()


def join(
    made: list[SyncClient], path: Path, hub: Hub, *, page_size: int, decoded: bool = False
) -> SyncClient:
    inner = InProcessTransport(hub.app)
    client = SyncClient(
        open_store(path), DecodedOnly(inner) if decoded else inner, page_size=page_size
    )
    client.enroll("https://hub.test", hub.code(), path.stem)
    made.append(client)
    return client


def first(made: list[SyncClient], path: Path, hub: Hub) -> tuple[SyncClient, dict[str, Any], Actor]:
    """The workstation that sets the unit up: (client, seed_unit's info, the supervisor).
    Seeded before it enrols, so the enrolling admin signs the upload."""
    store = open_store(path)
    info = seed_unit(store)
    a = SyncClient(store, InProcessTransport(hub.app), page_size=5000)
    a.enroll("https://hub.test", hub.code(), path.stem)
    made.append(a)
    return a, info, Actor(info["supervisor"], "Sara")


def test_a_mixed_page_in_bulk_gives_the_store_record_by_record_gives(
    made: list[SyncClient], tmp_path: Path, hub: Hub
) -> None:
    a, info, sara = first(made, tmp_path / "a.sqlite", hub)
    person, other = info["inmates"][0], info["inmates"][1]
    release.create_plan(
        a.store, sara, inmate_id=person, release_date=date.today() + timedelta(days=200)
    )
    notes.add_note(a.store, sara, inmate_id=person, kind="general", text="first words")
    a.sync_once()
    b = join(made, tmp_path / "b.sqlite", hub, page_size=5000)
    b.sync_once()
    # Two workstations that hold this first state take the rest as updates of their rows.
    held_bulk = join(made, tmp_path / "held_bulk.sqlite", hub, page_size=5000)
    held_one = join(made, tmp_path / "held_one.sqlite", hub, page_size=1)
    for client in (held_bulk, held_one):
        client.sync_once()

    # Offline on both A and B, then synced: a lost field edit, two revisions of one note, a
    # disputed item, and on A new meals, a void and a photo.
    note_id = a._conn().execute("SELECT id FROM case_note").fetchone()[0]
    item_id = a._conn().execute("SELECT id FROM release_plan_item ORDER BY id").fetchone()[0]
    for n in range(3):
        logbook.log_meal(
            a.store,
            sara,
            day=date.today() - timedelta(days=n),
            meal="lunch",
            entries=[logbook.MealEntry(inmate_id=person), logbook.MealEntry(inmate_id=other)],
        )
    meal_id = a._conn().execute("SELECT id FROM meal_log ORDER BY id").fetchone()[0]
    logbook.void_meal(a.store, sara, meal_log_id=meal_id, reason="wrong day")
    profile.set_photo(a.store, sara, person, PHOTO)
    profile.update_profile(b.store, sara, person, profile.ProfileEdit(cell="B-cell"))
    profile.update_profile(a.store, sara, person, profile.ProfileEdit(cell="A-cell"))
    notes.amend_note(a.store, sara, note_id=note_id, text="from A")
    notes.amend_note(b.store, sara, note_id=note_id, text="from B")
    release.update_item(a.store, sara, item_id=item_id, status="not_needed")
    release.update_item(b.store, sara, item_id=item_id, status="in_progress")
    for client in (b, a, b, a):
        client.sync_once()

    for client in (held_bulk, held_one):
        client.sync_once()
    fresh_bulk = join(made, tmp_path / "fresh_bulk.sqlite", hub, page_size=5000)
    fresh_one = join(made, tmp_path / "fresh_one.sqlite", hub, page_size=1, decoded=True)
    assert fresh_bulk.sync_once().pages == 1  # everything in one page
    assert fresh_one.sync_once().pages > 50  # one record a page

    want = local_rows(fresh_one)
    for client in (fresh_bulk, held_bulk, held_one):
        assert local_rows(client) == want
    hub_records = hub.records()
    assert {k: comparable(v) for k, v in want.items()} == {
        k: comparable(v) for k, v in hub_records.items() if k in want
    }
    assert set(want) == set(hub_records)

    # What the merge made is all there.
    kinds = {(r["kind"], r["field_name"]) for k, r in want.items() if k[0] == "sync_conflict"}
    assert {("field", "cell"), ("disputed", "status"), ("note_revisions", "text")} <= kinds
    lost = [r for k, r in want.items() if k[0] == "sync_conflict" and r["field_name"] == "cell"]
    assert {json.loads(lost[0]["kept_value"]), json.loads(lost[0]["lost_value"])} == {
        "A-cell",
        "B-cell",
    }
    assert want[("release_plan_item", item_id)]["status"] == "disputed"
    texts = {r["text"] for k, r in want.items() if k[0] == "case_note_revision"}
    assert {"first words", "from A", "from B"} <= texts
    assert any(
        r["voided"] and r["amends_id"] == meal_id for k, r in want.items() if k[0] == "meal_log"
    )
    photo = fresh_bulk._conn().execute("SELECT photo FROM inmate WHERE id = ?", (person,))
    assert photo.fetchone()[0] == PHOTO


def test_rows_with_changes_waiting_keep_them_in_bulk_and_record_by_record(
    made: list[SyncClient], tmp_path: Path, hub: Hub
) -> None:
    a, info, sara = first(made, tmp_path / "a.sqlite", hub)
    person = info["inmates"][0]
    a.sync_once()
    bulk = join(made, tmp_path / "bulk.sqlite", hub, page_size=5000)
    one = join(made, tmp_path / "one.sqlite", hub, page_size=1)
    for client in (bulk, one):
        client.sync_once()
        profile.update_profile(client.store, sara, person, profile.ProfileEdit(diet="mine"))
    profile.update_profile(a.store, sara, person, profile.ProfileEdit(diet="hub's", cell="X9"))
    logbook.log_meal(
        a.store,
        sara,
        day=date.today(),
        meal="dinner",
        entries=[logbook.MealEntry(inmate_id=person)],
    )
    a.sync_once()

    for client in (bulk, one):
        client._pull(SyncReport())  # the pull alone: the local edit is still waiting
    rows = {}
    for client in (bulk, one):
        diet, cell = (
            client._conn()
            .execute("SELECT diet, cell FROM inmate WHERE id = ?", (person,))
            .fetchone()
        )
        assert (diet, cell) == ("mine", "X9")  # the waiting field kept, the others taken
        rows[client] = {k: comparable(v) for k, v in local_rows(client).items() if k[0] != "inmate"}
        assert client._waiting() == 1
    assert rows[bulk] == rows[one]
    assert any(k[0] == "meal_log" for k in rows[bulk])


def test_a_row_that_clashes_here_is_skipped_and_counted_and_the_rest_is_stored(
    made: list[SyncClient], tmp_path: Path, hub: Hub
) -> None:
    a, info, _ = first(made, tmp_path / "a.sqlite", hub)
    a.sync_once()
    clashing = info["inmates"][0]
    fresh = join(made, tmp_path / "fresh.sqlite", hub, page_size=5000)
    # Someone here holds the same prison number under another id (unique in the store).
    record = dict(hub.records()[("inmate", clashing)], id="someone-else")
    table = columns().plans["inmate"]
    fresh._conn().execute(
        table.upsert, table.rows([Incoming(0, "inmate", "someone-else", None, 1, False, record)])[0]
    )

    report = fresh.sync_once()

    assert report.skipped == 1
    held = {r[0] for r in fresh._conn().execute("SELECT id FROM inmate")}
    assert held == {"someone-else", *info["inmates"][1:]}
    stored = sum(fresh._conn().execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ORDER)
    assert stored == report.pulled - report.skipped + 1  # + the row that was here first


def test_page_bodies_decode_as_json_reads_them() -> None:
    page = {
        "changes": [
            {
                "seq": 1,
                "entity": "meal_log",
                "entity_id": "x",
                "inmate_id": None,
                "version": 2**40,
                "deleted": False,
                "record": {"note": "spiste sammen ø 🍲", "n": 1.5, "big": 10**30, "none": None},
            }
        ],
        "more": False,
    }
    body = json.dumps(page).encode()
    assert _decode_json(body) == json.loads(body) == page
    # A lone surrogate escape is valid JSON to Python's reader: it is read the same way.
    odd = b'{"changes": [], "more": false, "note": "\\ud800"}'
    assert _decode_json(odd) == json.loads(odd)
    assert _body((200, body)) == page
    with pytest.raises(HubRefused, match="not JSON"):
        _body((400, b"not JSON at all"))
