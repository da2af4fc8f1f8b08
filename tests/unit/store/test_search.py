"""Full-text search over a person's timeline: FTS5 in the (encrypted) store, kept in step by
triggers with every path that writes or removes timeline rows, finding what the timeline
shows and nothing it does not (voided, replaced, purged, other people's)."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from officer_desk.app import conversations, logbook, notes
from officer_desk.app.logbook import ActivityEntry, MealEntry
from officer_desk.app.writes import Actor
from officer_desk.demo.generator import seed_demo
from officer_desk.domain.enums import ActivityCategory
from officer_desk.store import migrate, queries, search
from officer_desk.store.database import Store, open_store
from officer_desk.store.tables import Officer

TRIGGERS = [
    f"search_{table}_{event}"
    for table in ("meal_log", "activity_log", "conversation", "case_note_revision")
    for event in ("insert", "update", "delete")
] + ["search_case_note_insert", "search_case_note_update"]


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


def found(store: Store, person: str, words: str, **kw: object) -> list[queries.TimelineItem]:
    with store.raw() as conn:
        return [hit.item for hit in search.search_timeline(conn, person, words, **kw).hits]  # type: ignore[arg-type]


def texts(store: Store, person: str, words: str) -> list[str]:
    return [item.text for item in found(store, person, words)]


def test_fts5_is_in_the_sqlcipher_build_and_the_store_is_encrypted(tmp_path: Path) -> None:
    store = open_store(tmp_path / "secret.sqlite", key=bytes(range(32)))
    try:
        with store.raw() as conn:
            options = {row[0] for row in conn.execute("PRAGMA compile_options")}
            assert "ENABLE_FTS5" in options
            assert conn.execute("PRAGMA cipher_version").fetchone()[0]
            assert conn.execute("SELECT count(*) FROM search_text").fetchone() == (0,)
    finally:
        store.close()
    assert not (tmp_path / "secret.sqlite").read_bytes().startswith(b"SQLite format 3")


def test_a_word_is_found_in_a_two_year_demo_timeline_newest_first_in_pages(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path / "demo.sqlite", key=bytes(range(32)))
    try:
        seed_demo(store, inmates=2, years=2, seed=3)
        with store.raw() as conn:
            person, count = conn.execute(
                "SELECT inmate_id, count(*) FROM search_entry GROUP BY inmate_id "
                "ORDER BY count(*) DESC LIMIT 1"
            ).fetchone()
            first = conn.execute("SELECT min(at) FROM search_entry").fetchone()[0]
        assert count > 100 and first < str(date.today() - timedelta(days=365))
        # "skole" is a topic of many conversations over the two years (stored as its key,
        # "School", which the Norwegian desk asks for too) and a word of some notes.
        pages, before = [], None
        also = {"skole": ["School"]}
        while True:
            with store.raw() as conn:
                page = search.search_timeline(
                    conn, person, "SKOLE", before=before, limit=10, also=also
                )
            pages.append(page.hits)
            before = page.next_before
            if before is None:
                break
        hits = [hit for page in pages for hit in page]
        assert len(pages) > 1 and all(len(page) == 10 for page in pages[:-1])
        for hit in hits:  # the words found are marked: each begins with what was typed
            marked = re.findall(f"{search.MARK_START}(.*?){search.MARK_END}", hit.snippet)
            assert marked and all(word.lower().startswith(("skole", "school")) for word in marked)
        moments = [(hit.item.at, hit.item.id) for hit in hits]
        assert moments == sorted(moments, reverse=True) and len(set(moments)) == len(moments)
        # The same conversations as the timeline has, picked out in Python.
        with store.raw() as conn:
            everything = queries.timeline_page(conn, person, limit=10**6).items
        expected = [
            (i.at, i.id)
            for i in everything
            if i.kind == "conversation"
            and any(w in (i.what + " " + i.text).lower() for w in ("skole", "school"))
        ]
        assert [m for m, h in zip(moments, hits, strict=True) if h.item.kind == "conversation"] == (
            expected
        )
    finally:
        store.close()


def test_entries_written_through_the_write_path_are_found_and_filters_apply(
    unit_store: Store, caseload: list[str], kari: Actor
) -> None:
    person, other = caseload[0], caseload[1]
    today = date.today()
    logbook.log_meal(
        unit_store, kari, day=today, meal="lunch", entries=[MealEntry(person, note="Fiskesuppe")]
    )
    logbook.log_activity(
        unit_store,
        kari,
        inmate_ids=[person, other],
        activity=ActivityEntry(
            ActivityCategory.WORK,
            datetime.now(UTC) - timedelta(hours=2),
            60,
            note="Snekkerverksted",
        ),
    )
    conversations.log_conversation(
        unit_store,
        kari,
        conversations.ConversationEntry(
            person, datetime.now(UTC) - timedelta(hours=1), 30, 4, ["Bolig"], "Søknad om hybel"
        ),
    )
    notes.add_note(
        unit_store, kari, inmate_id=person, kind="general", text="Ønsker å lære sveising"
    )
    notes.add_note(
        unit_store, kari, inmate_id=person, kind="safety", text="Sveiseflamme", sensitive=True
    )

    assert [i.kind for i in found(unit_store, person, "fiskesuppe")] == ["meal"]
    assert [i.kind for i in found(unit_store, person, "snekker")] == ["activity"]
    assert [i.kind for i in found(unit_store, person, "bolig hybel")] == ["conversation"]
    assert [i.kind for i in found(unit_store, person, "ønsker lære")] == ["note"]
    # A prefix finds both notes; the sensitive one only where the timeline shows it.
    assert len(found(unit_store, person, "sveis")) == 2
    assert len(found(unit_store, person, "sveis", include_sensitive=False)) == 1
    assert [i.kind for i in found(unit_store, person, "sveis", kinds=["note"])] == ["note", "note"]
    assert found(unit_store, person, "sveis", kinds=["meal"]) == []
    assert found(unit_store, person, "fiskesuppe", since=today + timedelta(days=1)) == []
    # Æ, Ø, Å are letters: "onsker" is not "ønsker"; case does not matter.
    assert found(unit_store, person, "onsker") == []
    assert len(found(unit_store, person, "ØNSKER")) == 1
    # One person's words are not another's.
    assert found(unit_store, other, "fiskesuppe") == []
    assert [i.kind for i in found(unit_store, other, "snekkerverksted")] == ["activity"]
    # Nothing searchable typed, or FTS5's own syntax typed: no error, taken as words.
    assert found(unit_store, person, "  ") == [] and found(unit_store, person, "—") == []
    for typed in ('"bolig', "bolig*", "-bolig", "(bolig)", "bolig'"):
        assert [i.kind for i in found(unit_store, person, typed)] == ["conversation"], typed
    for typed in ("bolig AND", "NEAR(bolig", "person:bolig", "bolig OR hybel NOT"):
        assert found(unit_store, person, typed) == [], typed


def test_voided_meals_replaced_amendments_and_old_revisions_are_not_found(
    unit_store: Store, caseload: list[str], kari: Actor
) -> None:
    person = caseload[0]
    day = date.today() - timedelta(days=1)
    change = logbook.log_meal(
        unit_store, kari, day=day, meal="lunch", entries=[MealEntry(person, note="Pannekaker")]
    )
    assert len(found(unit_store, person, "pannekaker")) == 1
    logbook.void_meal(unit_store, kari, meal_log_id=change.ids[0], reason="wrong person")
    assert found(unit_store, person, "pannekaker") == []

    change = logbook.log_meal(
        unit_store, kari, day=day, meal="dinner", entries=[MealEntry(person, note="Lapskaus")]
    )
    logbook.log_meal(
        unit_store,
        kari,
        day=day,
        meal="dinner",
        entries=[MealEntry(person, note="Kjøttkaker", corrects=change.ids[0])],
    )
    assert found(unit_store, person, "lapskaus") == []
    assert texts(unit_store, person, "kjøttkaker") == ["Kjøttkaker"]

    note = notes.add_note(unit_store, kari, inmate_id=person, kind="general", text="Første utkast")
    notes.amend_note(unit_store, kari, note_id=note.ids[0], text="Andre versjon")
    assert found(unit_store, person, "utkast") == []
    [item] = found(unit_store, person, "versjon")
    assert (item.id, item.revisions) == (note.ids[0], 2)


def test_the_triggers_are_there_at_the_head_and_the_upgrade_indexes_what_exists(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    migrate.upgrade(path, "0013")
    raw = sqlite3.connect(path)
    raw.executescript(
        """
        INSERT INTO facility (id, name, code, updated_hlc, device_id)
             VALUES ('f', 'F', 'F', '', '');
        INSERT INTO unit (id, facility_id, name, code, updated_hlc, device_id)
             VALUES ('u', 'f', 'U', 'U', '', '');
        INSERT INTO inmate (id, unit_id, prison_number, full_name, preferred_name, languages, cell,
                            diet, allergies, alerts, alert_severities, updated_hlc, device_id)
             VALUES ('p-1', 'u', 'H-1', 'Per', '', '[]', '', '', '', '[]', '[]', '', '');
        INSERT INTO case_note (id, inmate_id, kind, sensitive, created_at, updated_hlc, device_id)
             VALUES ('n', 'p-1', 'general', 0, '2024-01-02 10:00:00.000000', '', '');
        INSERT INTO case_note_revision (id, note_id, number, text, written_at, updated_hlc,
                                        device_id)
             VALUES ('r', 'n', 1, 'Gammel merknad', '2024-01-02 10:00:00.000000', '', '');
        """
    )
    raw.commit()
    raw.close()
    migrate.upgrade(path)
    raw = sqlite3.connect(path)
    try:
        names = {
            row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        assert set(TRIGGERS) <= names
        [(kind, entry, at)] = raw.execute(
            "SELECT e.kind, e.entry_id, e.at FROM search_text JOIN search_entry e "
            "ON e.id = search_text.rowid WHERE search_text MATCH ?",
            (search.match_expression("p-1", "merknad"),),
        ).fetchall()
        assert (kind, entry, at) == ("note", "n", "2024-01-02 10:00:00.000000")
    finally:
        raw.close()
    store = open_store(path)
    try:
        assert [i.id for i in found(store, "p-1", "gammel")] == ["n"]
    finally:
        store.close()
