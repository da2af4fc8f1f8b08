"""The person page: the timeline loads a page at a time as it scrolls and filters by kind and
date; the profile and photo are edited in place; notes are amended with their history shown.
And every model of the desk passes qtmodeltester."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from desk_helpers import TIMEOUT, on_worker, reloaded, sign_in, wait_idle
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from officer_desk.app import logbook, notes
from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Actor
from officer_desk.store.database import Store
from officer_desk.store.tables import Inmate, Officer
from officer_desk.ui.actions import DeskActions
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.person.page import PersonPage, prepare_reads
from officer_desk.ui.person.timeline_model import PAGE_SIZE
from officer_desk.ui.programmes.panel import ProgrammesPanel
from officer_desk.ui.release.panel import ReleasePlanPanel

NOTES = 70
MEALS = 60


@pytest.fixture
def history(unit_store: Store, officer: Officer, caseload: list[str]) -> str:
    """A person with more history than two pages: notes and a month of lunches."""
    kari = Actor(officer.id, officer.display_name)
    person = caseload[0]
    for n in range(NOTES):
        notes.add_note(unit_store, kari, inmate_id=person, kind="general", text=f"Note {n}")
    for n in range(MEALS):
        logbook.log_meal(
            unit_store,
            kari,
            day=date.today() - timedelta(days=n + 1),
            meal="lunch",
            entries=[logbook.MealEntry(person)],
        )
    return person


def open_person(qtbot: QtBot, window: MainWindow, person: str) -> PersonPage:
    page = window.desk.person
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        window.desk.open_person(person)
    return page


def person_row(executor: DbExecutor, person: str) -> Inmate:
    def work(store: Store) -> Inmate:
        with store.reading() as session:
            row = session.get(Inmate, person)
            assert row is not None
            return row

    return on_worker(executor, work)


def test_the_timeline_loads_page_by_page_as_it_scrolls(
    qtbot: QtBot, window: MainWindow, officer: Officer, history: str
) -> None:
    sign_in(qtbot, window, officer)
    page = open_person(qtbot, window, history)
    model = page.timeline
    assert model.rowCount() == PAGE_SIZE  # only the first page, not all 130 entries
    assert model.item(0).kind == "note"  # newest first: the notes were written today
    for expected in (2 * PAGE_SIZE, NOTES + MEALS):
        with qtbot.waitSignal(model.page_loaded, timeout=TIMEOUT):
            page.table.scrollToBottom()
            page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum())
        assert model.rowCount() == expected
    assert not model.canFetchMore(model.index(-1, -1).parent())
    times = [model.item(r).at for r in range(model.rowCount())]
    assert times == sorted(times, reverse=True)


def test_timeline_filters_by_kind_and_date(
    qtbot: QtBot, window: MainWindow, officer: Officer, history: str
) -> None:
    sign_in(qtbot, window, officer)
    page = open_person(qtbot, window, history)
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        page.kind_boxes["note"].setChecked(False)
    assert {page.timeline.item(r).kind for r in range(page.timeline.rowCount())} == {"meal"}
    last_week = date.today() - timedelta(days=7)
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        page.since.setDate(QDate(last_week))
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        page.until.setDate(QDate(date.today() - timedelta(days=3)))
    days = [page.timeline.item(r).at.date() for r in range(page.timeline.rowCount())]
    assert days == [date.today() - timedelta(days=n) for n in range(3, 8)]


def test_profile_edit_saves_and_bad_values_show_by_the_field_keeping_the_text(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], executor: DbExecutor
) -> None:
    sign_in(qtbot, window, officer)
    page = open_person(qtbot, window, caseload[1])
    form = page.profile
    form.preferred_name.setText("Ahmo")
    form.languages.setText("arabisk, norsk")
    form.cell.setText("C" * 21)
    form.save_button.click()
    qtbot.waitUntil(lambda: form.messages["cell"].isVisible(), timeout=TIMEOUT)
    assert "too long" in form.messages["cell"].text()
    assert form.cell.text() == "C" * 21 and form.preferred_name.text() == "Ahmo"
    assert person_row(executor, caseload[1]).preferred_name == ""
    form.cell.setText("C12")
    with reloaded(qtbot, window):
        form.save_button.click()
    stored = person_row(executor, caseload[1])
    assert (stored.preferred_name, stored.languages, stored.cell) == (
        "Ahmo",
        ["arabisk", "norsk"],
        "C12",
    )
    assert page.name.full_text() == "Ahmo Khalil"
    card = window.desk.home.card_for(caseload[1])
    assert card is not None and card.name.full_text() == "Ahmo Khalil"
    form.save_button.click()
    assert form.general.text() == "Nothing has changed."


def test_a_photo_is_resized_before_it_is_stored_and_bad_files_are_named(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    caseload: list[str],
    executor: DbExecutor,
    tmp_path: Path,
) -> None:
    sign_in(qtbot, window, officer)
    page = open_person(qtbot, window, caseload[2])
    form = page.profile

    def refused(path: Path) -> str:
        form.set_photo_from(path)
        qtbot.waitUntil(lambda: form.messages["photo"].isVisible(), timeout=TIMEOUT)
        return form.messages["photo"].text()

    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("this is text, not a picture")
    assert "not a picture" in refused(not_an_image)
    huge_file = tmp_path / "huge.jpg"
    with huge_file.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    assert "too large" in refused(huge_file)
    wide = tmp_path / "panorama.png"
    QImage(13_000, 4, QImage.Format.Format_RGB32).save(str(wide))
    assert "too large" in refused(wide)
    assert person_row(executor, caseload[2]).photo is None

    big = QImage(3000, 2000, QImage.Format.Format_RGB32)
    big.fill(QColor("#3b7a57"))
    for x in range(0, 3000, 7):  # detail, so it does not compress to nothing
        for y in range(0, 2000, 97):
            big.setPixelColor(x, y, QColor(x % 255, y % 255, 90))
    source = tmp_path / "portrait.png"
    big.save(str(source))
    with reloaded(qtbot, window):
        form.set_photo_from(source)
    photo = person_row(executor, caseload[2]).photo
    assert photo is not None and len(photo) <= 256 * 1024
    stored = QImage.fromData(photo)
    assert max(stored.width(), stored.height()) <= 512
    assert window.desk.model.photo(caseload[2]) is not None


def test_amending_a_note_shows_every_revision_with_author_and_time(
    qtbot: QtBot, window: MainWindow, officer: Officer, history: str
) -> None:
    sign_in(qtbot, window, officer)
    page = open_person(qtbot, window, history)
    page.table.selectRow(0)
    assert page.amend_button.isVisible()
    page.amend_button.click()
    dialog = window.desk.dialogs[-1]
    qtbot.waitUntil(lambda: dialog.history.isVisible(), timeout=TIMEOUT)
    assert "Revision 1" in dialog.history.text() and "Kari Nordmann" in dialog.history.text()
    assert dialog.text.toPlainText().startswith("Note ")
    dialog.text.setPlainText("Note 69, with the date corrected")
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        dialog.save_button.click()
    first = page.timeline.item(0)
    assert first.revisions == 2 and first.text == "Note 69, with the date corrected"
    assert "amended" in page.timeline.index(0, 2).data()


def test_models_pass_qtmodeltester(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow, officer: Officer, history: str
) -> None:
    sign_in(qtbot, window, officer)
    qtmodeltester.check(window.desk.model, force_py=True)
    page = open_person(qtbot, window, history)
    qtmodeltester.check(page.timeline, force_py=True)
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        page.timeline.fetchMore(page.timeline.index(0, 0).parent())
    qtmodeltester.check(page.timeline, force_py=True)
    assert page.timeline.index(0, 0).data(Qt.ItemDataRole.DisplayRole)


def test_programmes_and_the_release_plan_are_tabs_read_only_when_shown(
    qtbot: QtBot, window: MainWindow, executor: DbExecutor, officer: Officer, history: str
) -> None:
    """Opening a person reads the timeline; each other tab reads when it is chosen, and a
    change while it is hidden is read once, when it is shown again (hidden panels re-read
    on every person opened and every change, competing with the screen in view)."""
    sign_in(qtbot, window, officer)
    page = window.desk.person
    reads = {"programmes": 0, "release plan": 0}
    page.programmes.loaded.connect(lambda: reads.__setitem__("programmes", reads["programmes"] + 1))
    page.release_plan.loaded.connect(
        lambda: reads.__setitem__("release plan", reads["release plan"] + 1)
    )
    open_person(qtbot, window, history)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Timeline", "Programmes", "Release plan"]
    assert page.programmes.inmate_id == history and page.release_plan.inmate_id == history
    wait_idle(qtbot, executor)
    assert reads == {"programmes": 0, "release plan": 0}

    with qtbot.waitSignal(page.release_plan.loaded, timeout=TIMEOUT):
        page.tabs.setCurrentWidget(page.release_plan)
    assert page.release_plan.isVisible() and page.release_plan.plan is not None
    assert page.release_plan.plan.inmate_id == history
    with qtbot.waitSignal(page.programmes.loaded, timeout=TIMEOUT):
        page.tabs.setCurrentWidget(page.programmes)
    assert page.programmes.data is not None and page.programmes.data.inmate_id == history
    assert reads == {"programmes": 1, "release plan": 1}

    # A note written while the release plan is hidden: marked stale, not read...
    kari = Actor(officer.id, officer.display_name)
    with qtbot.waitSignal(page.programmes.loaded, timeout=TIMEOUT):  # the panel in view reads
        executor.submit(
            lambda store: notes.add_note(store, kari, inmate_id=history, kind="general", text="x")
        )
    wait_idle(qtbot, executor)
    assert reads == {"programmes": 2, "release plan": 1}
    # ... and read once when the tab is chosen again.
    with qtbot.waitSignal(page.release_plan.loaded, timeout=TIMEOUT):
        page.tabs.setCurrentWidget(page.release_plan)
    wait_idle(qtbot, executor)
    assert reads == {"programmes": 2, "release plan": 2}


def test_a_hidden_timeline_reads_a_change_once_shown_again(
    qtbot: QtBot, window: MainWindow, executor: DbExecutor, officer: Officer, history: str
) -> None:
    """A meal or note logged from the home screen does not re-read the person's history
    behind it (work competing with the home screen's own re-read); opening them shows it."""
    sign_in(qtbot, window, officer)
    page = open_person(qtbot, window, history)
    window.desk.go_home()
    kari = Actor(officer.id, officer.display_name)
    with reloaded(qtbot, window):
        executor.submit(
            lambda store: notes.add_note(
                store, kari, inmate_id=history, kind="positive", text="Helped in the kitchen"
            )
        )
    assert page.timeline.stale and not page.timeline.loading
    assert page.timeline.item(0).text != "Helped in the kitchen"
    page = open_person(qtbot, window, history)
    assert not page.timeline.stale
    assert page.timeline.item(0).text == "Helped in the kitchen"
    assert page.timeline.rowCount() == PAGE_SIZE


def test_preparing_the_reads_for_no_one_reads_nothing_and_does_not_fail(
    executor: DbExecutor, caseload: list[str]
) -> None:
    """The page's head start (mappers configured, statements compiled) runs every read of
    the page for an id that matches no one: it must not fail, on any store."""
    assert on_worker(executor, prepare_reads(date.today())) is None


def test_the_programmes_and_release_tabs_are_built_when_first_used(
    qtbot: QtBot, window: MainWindow, executor: DbExecutor, officer: Officer, history: str
) -> None:
    """A page on its own builds a panel only when it is used or its tab chosen, and shows it
    the person already on the page (the desk builds them ahead, see test_settling)."""
    kari = Actor(officer.id, officer.display_name)
    page = PersonPage(executor, window.desk.model, DeskActions(), lambda: kari)
    qtbot.addWidget(page)
    page.show_person(history)
    qtbot.waitUntil(lambda: not executor.busy)  # the page's reads are in
    assert not isinstance(page.tabs.widget(1), ProgrammesPanel)
    assert not isinstance(page.tabs.widget(2), ReleasePlanPanel)
    assert page.programmes.inmate_id == history and page.release_plan.inmate_id == history
    assert isinstance(page.tabs.widget(1), ProgrammesPanel)
    assert isinstance(page.tabs.widget(2), ReleasePlanPanel)
    assert [page.tabs.tabText(i) for i in range(3)] == ["Timeline", "Programmes", "Release plan"]
    assert page.tabs.currentIndex() == 0

    chosen_early = PersonPage(executor, window.desk.model, DeskActions(), lambda: kari)
    qtbot.addWidget(chosen_early)
    chosen_early.tabs.setCurrentIndex(2)
    assert isinstance(chosen_early.tabs.widget(2), ReleasePlanPanel)
    assert chosen_early.tabs.currentIndex() == 2


LONG_NOTE = "A long note about the day " * 20


@pytest.fixture
def long_note(unit_store: Store, officer: Officer, caseload: list[str]) -> str:
    kari = Actor(officer.id, officer.display_name)
    notes.add_note(unit_store, kari, inmate_id=caseload[0], kind="general", text=LONG_NOTE)
    return caseload[0]


def test_the_timeline_never_scrolls_sideways_at_1024_px_and_long_text_has_a_tooltip(
    qtbot: QtBot, window: MainWindow, officer: Officer, long_note: str
) -> None:
    person, long = long_note, LONG_NOTE
    sign_in(qtbot, window, officer)
    window.resize(1024, 640)
    page = open_person(qtbot, window, person)
    table = page.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0, timeout=TIMEOUT)
    header = table.horizontalHeader()
    columns = sum(header.sectionSize(c) for c in range(header.count()))
    assert columns <= table.viewport().width() + 1  # the columns fit: nothing to scroll
    assert table.horizontalScrollBar().maximum() == 0
    model = page.timeline
    row = next(r for r in range(model.rowCount()) if model.item(r).kind == "note")
    details = model.index(row, 3)
    assert model.data(details, Qt.ItemDataRole.ToolTipRole) == long.strip()
    assert model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole)  # the kind, in full
