"""Searching the person's timeline: the hits replace the timeline while words are in the box,
newest first, a page at a time, the matched words highlighted; a clear message when nothing
matches; new entries found as they are saved; the reads on the worker."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from desk_helpers import TIMEOUT, on_worker, sign_in
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from officer_desk.app import logbook, notes
from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Actor
from officer_desk.store.database import Store
from officer_desk.store.tables import Officer
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.person.page import PersonPage
from officer_desk.ui.person.search import SNIPPET_ROLE, parts_of, read_hits
from officer_desk.ui.person.timeline_model import PAGE_SIZE, Column, TimelineFilter

SCHOOL_NOTES = PAGE_SIZE + 12


@pytest.fixture
def history(unit_store: Store, officer: Officer, caseload: list[str]) -> str:
    """More notes about school than one page, and lunches with and without words."""
    kari = Actor(officer.id, officer.display_name)
    person = caseload[0]
    for n in range(SCHOOL_NOTES):
        notes.add_note(
            unit_store, kari, inmate_id=person, kind="general", text=f"Snakket om skolen, uke {n}"
        )
    for n in range(5):
        logbook.log_meal(
            unit_store,
            kari,
            day=date.today() - timedelta(days=n + 1),
            meal="lunch",
            entries=[logbook.MealEntry(person, note="Fiskeboller" if n == 2 else "")],
        )
    notes.add_note(unit_store, kari, inmate_id=caseload[1], kind="general", text="Skolebøker")
    return person


def opened(qtbot: QtBot, window: MainWindow, officer: Officer, person: str) -> PersonPage:
    sign_in(qtbot, window, officer)
    page = window.desk.person
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        window.desk.open_person(person)
    return page


def search(qtbot: QtBot, page: PersonPage, words: str) -> None:
    with qtbot.waitSignal(page.found.page_loaded, timeout=TIMEOUT):
        page.search_box.setText(words)  # searched when typing pauses


def test_hits_replace_the_timeline_newest_first_page_by_page_with_words_marked(
    qtbot: QtBot, window: MainWindow, officer: Officer, history: str
) -> None:
    page = opened(qtbot, window, officer, history)
    search(qtbot, page, "skole")
    found = page.found
    assert page.results.isVisible() and not page.table.isVisible()
    assert found.rowCount() == PAGE_SIZE  # one page, not all of them
    assert found.index(0, Column.DETAILS).data() == f"Snakket om skolen, uke {SCHOOL_NOTES - 1}"
    assert found.index(0, Column.DETAILS).data(SNIPPET_ROLE) == [
        ("Snakket om ", False),
        ("skolen", True),
        (f", uke {SCHOOL_NOTES - 1}", False),
    ]
    with qtbot.waitSignal(found.page_loaded, timeout=TIMEOUT):
        page.results.scrollToBottom()
    assert found.rowCount() == SCHOOL_NOTES  # the other person's "Skolebøker" is not theirs
    times = [found.item(r).at for r in range(found.rowCount())]
    assert times == sorted(times, reverse=True)
    page.results.selectRow(3)
    assert "uke" in page.detail.text()
    assert not page.results.grab().isNull()  # the highlighting delegate paints

    search(qtbot, page, "fiskebol")
    assert [found.item(r).kind for r in range(found.rowCount())] == ["meal"]
    # The kind filters apply to the hits as to the timeline.
    with qtbot.waitSignal(found.page_loaded, timeout=TIMEOUT):
        page.kind_boxes["meal"].setChecked(False)
    assert found.rowCount() == 0

    page.search_box.clear()
    qtbot.waitUntil(lambda: page.table.isVisible(), timeout=TIMEOUT)
    assert not page.results.isVisible() and not page.no_match.isVisible()


def test_no_match_says_so_and_new_entries_are_found_when_saved(
    qtbot: QtBot, window: MainWindow, officer: Officer, history: str, executor: DbExecutor
) -> None:
    page = opened(qtbot, window, officer, history)
    search(qtbot, page, "sveising")
    assert page.no_match.isVisible() and not page.results.isVisible()
    assert page.no_match.text().startswith("No entries match “sveising”")

    kari = Actor(officer.id, officer.display_name)

    def add(store: Store) -> object:
        return notes.add_note(
            store, kari, inmate_id=history, kind="positive", text="Sveising går bra"
        )

    with qtbot.waitSignal(page.found.page_loaded, timeout=TIMEOUT):
        executor.submit(add)  # the change signal reloads the hits
    assert page.found.rowCount() == 1 and page.results.isVisible()
    assert not page.no_match.isVisible()


def test_another_person_starts_without_the_search_and_the_model_is_sound(
    qtbot: QtBot, window: MainWindow, officer: Officer, history: str, caseload: list[str]
) -> None:
    page = opened(qtbot, window, officer, history)
    search(qtbot, page, "skole")
    ModelTester(None).check(page.found)  # type: ignore[arg-type]
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        window.desk.open_person(caseload[1])
    assert page.search_box.text() == "" and not page.results.isVisible()
    assert page.found.inmate_id is None


def test_marked_snippets_split_into_words_and_plain_text() -> None:
    assert parts_of("a \x02b\x03 c\n\x02d\x03") == [
        ("a ", False),
        ("b", True),
        (" c · ", False),
        ("d", True),
    ]
    assert parts_of("") == [] and parts_of("plain") == [("plain", False)]


def test_the_search_reads_on_the_worker_with_the_authors(
    officer: Officer, history: str, executor: DbExecutor
) -> None:
    read = on_worker(executor, read_hits(history, "uke 7", None, TimelineFilter(), 10))
    assert [item.text for item in read.items] == ["Snakket om skolen, uke 7"]
    assert set(read.authors.values()) == {officer.display_name}
    assert list(read.snippets.values()) == ["Snakket om skolen, \x02uke\x03 \x027\x03"]
