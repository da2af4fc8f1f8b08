"""The timeline's search index on a workstation that receives its records through the sync:
pulled entries are found (the bulk apply goes through the same triggers as the write path),
a pulled void or amendment hides what it replaced, and a person purged at another
workstation leaves this one's index and file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlmodel import select
from synchelp import Hub, seeded_pair

from officer_desk.app import logbook, notes, retention
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import ActivityCategory
from officer_desk.store import search
from officer_desk.store.database import Store
from officer_desk.store.tables import Assignment

LATER = date(2100, 1, 1)  # long after everyone's release: the retention period has run out


def found(store: Store, person: str, words: str) -> list[str]:
    with store.raw() as conn:
        return [hit.item.text for hit in search.search_timeline(conn, person, words).hits]


def store_bytes(store: Store) -> bytes:
    files = (store.path, store.path.with_name(store.path.name + "-wal"))
    return b"".join(path.read_bytes() for path in files if path.exists())


def test_pulled_entries_are_found_and_pulled_voids_amendments_and_purges_apply(
    hub: Hub, tmp_path: Path
) -> None:
    a, b, info = seeded_pair(tmp_path, hub, persons=2)
    person, other = info["inmates"]
    kari = Actor(info["officer"], "Kari")
    meal = logbook.log_meal(
        a.store, kari, day=date.today() - timedelta(days=1), meal="lunch",
        entries=[logbook.MealEntry(person, note="Rømmegrøt"), logbook.MealEntry(other)],
    )  # fmt: skip
    logbook.log_activity(
        a.store, kari, inmate_ids=[person, other],
        activity=logbook.ActivityEntry(
            ActivityCategory.SCHOOL, datetime.now(UTC) - timedelta(hours=3), 90,
            note="Matteprøve bestått",
        ),
    )  # fmt: skip
    note = notes.add_note(a.store, kari, inmate_id=person, kind="general", text="Vil bli kokk")
    a.sync_once()
    b.sync_once()

    assert found(b.store, person, "rømmegrøt") == ["Rømmegrøt"]
    assert found(b.store, person, "matte") == ["Matteprøve bestått"]
    assert found(b.store, other, "matte") == ["Matteprøve bestått"]
    assert found(b.store, person, "kokk") == ["Vil bli kokk"]

    logbook.void_meal(a.store, kari, meal_log_id=meal.ids[0], reason="wrong day")
    notes.amend_note(a.store, kari, note_id=note.ids[0], text="Vil bli snekker")
    a.sync_once()
    b.sync_once()
    assert found(b.store, person, "rømmegrøt") == []
    assert found(b.store, person, "kokk") == []
    assert found(b.store, person, "snekker") == ["Vil bli snekker"]
    assert b"snekker" in store_bytes(b.store), "the test would prove nothing"

    admin = Actor(info["admin"], "Ada", role="admin")
    with write(a.store, admin) as w:
        for row in w.session.exec(select(Assignment).where(Assignment.inmate_id == person)):
            w.update(row, {"end_date": date.today() - timedelta(days=1)})
    retention.purge(a.store, admin, today=LATER, archive_dir=tmp_path / "archive")
    a.sync_once()
    report = b.sync_once()

    assert person in report.dropped
    assert found(b.store, person, "snekker") == [] and found(b.store, person, "matte") == []
    assert found(b.store, other, "matte") == ["Matteprøve bestått"]
    with b.store.raw() as conn:
        assert conn.execute(
            "SELECT count(*) FROM search_entry WHERE inmate_id = ?", (person,)
        ).fetchone() == (0,)
    # Their words are gone from B's file too (once the WAL is checkpointed): FTS5 keeps a
    # deleted row's words in older segments until they merge, and the drop merges them.
    with b.store.raw() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"snekker" not in store_bytes(b.store) and "matteprøve".encode() in store_bytes(b.store)
