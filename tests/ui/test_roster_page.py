"""The admin's Roster page: a bad file is explained line by line and saves nothing; a good one
is imported on the worker, shows up on open screens at once, and is there after a restart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from desk_fakes import ADMIN, KARI, SECRET_PEOPLE, Desk
from pytestqt.qtbot import QtBot

from officer_desk.app import people
from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Actor
from officer_desk.paths import AppPaths
from officer_desk.store.database import Store
from officer_desk.ui.roster_import import RosterTab
from officer_desk.ui.unit.models import PersonColumn
from officer_desk.ui.unit.page import UnitOverviewPage

# The gate fixtures (encrypted_unit, desk, fast_kdf, app_paths).
pytest_plugins = ["desk_fixtures"]

T = TypeVar("T")
TODAY = date.today()
HEADER = "prison_number,full_name,cell,arrival_date,expected_release_date,officer"
GOOD = [
    f"R-1,Åsmund Ødegård,C201,{TODAY.isoformat()},,kari",
    'R-2,"Haddad, Leila",C202,,,',
    "R-3,Bjørn Ærø,C203,,,kari",
]


def roster(folder: Path, *lines: str, name: str = "roster.csv") -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def on_worker(qtbot: QtBot, executor: DbExecutor, work: Callable[[Store], T]) -> T:
    future = executor.submit(work)
    qtbot.waitUntil(future.done)
    return future.result()


def names_in_store(store: Store) -> list[str]:
    with store.raw() as conn:
        return sorted(row[0] for row in conn.execute("SELECT full_name FROM inmate"))


@pytest.fixture
def sup(unit_store: Store, admin: Actor) -> Actor:
    people.add_officer(unit_store, admin, username="kari", display_name="Kari", role="officer")
    officer = people.add_officer(
        unit_store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )
    return Actor(officer.id, officer.display_name, role="supervisor")


@pytest.fixture
def unit_id(unit_store: Store) -> str:
    with unit_store.raw() as conn:
        return str(conn.execute("SELECT id FROM unit").fetchone()[0])


@pytest.fixture
def tab(qtbot: QtBot, executor: DbExecutor, sup: Actor) -> RosterTab:
    made = RosterTab(executor, lambda: sup)
    qtbot.addWidget(made)
    made.resize(1000, 600)
    made.show()
    return made


def check(qtbot: QtBot, tab: RosterTab, path: Path) -> None:
    with qtbot.waitSignal(tab.previewed, timeout=10_000):
        tab.check_file(path)


def problems(tab: RosterTab) -> list[tuple[str, str]]:
    items = [tab.problems.topLevelItem(i) for i in range(tab.problems.topLevelItemCount())]
    return [(item.text(0), item.text(1)) for item in items if item is not None]


BAD_FILES: dict[str, tuple[list[str], list[tuple[str, str]]]] = {
    "wrong columns": (
        ["prison_number,name,cell", "R-1,Åsmund Ødegård,C201"],
        [
            ("1", "Unknown column 'name'; the columns are: prison_number, full_name, "),
            ("1", "Required column missing: full_name."),
        ],
    ),
    "bad dates": (
        [HEADER, "R-1,Åsmund Ødegård,C201,31.12.2026,,", "R-2,Leila Haddad,C202,,2026-02-30,"],
        [("2", "Arrival date"), ("3", "Expected release date")],
    ),
    "duplicate prison numbers": (
        [HEADER, *GOOD, "R-2,Leila Haddad,C209,,,"],
        [("5", "Prison number R-2 is also on line 3.")],
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_roster_names_each_bad_line_and_saves_nothing(
    qtbot: QtBot, executor: DbExecutor, tab: RosterTab, tmp_path: Path, case: str
) -> None:
    lines, expected = BAD_FILES[case]
    check(qtbot, tab, roster(tmp_path, *lines))
    shown = problems(tab)
    assert len(shown) == len(expected)
    for (line, text), (want_line, start) in zip(shown, expected, strict=True):
        assert line == want_line and text.startswith(start), (line, text)
    assert tab.problems.isVisible() and not tab.arrivals.isVisible()
    assert "cannot be imported" in tab.summary.text() and "Nothing was saved" in tab.summary.text()
    assert not tab.import_button.isEnabled()
    tab.start_import()  # refused: there is nothing checked to import
    assert on_worker(qtbot, executor, names_in_store) == []


def test_a_file_that_cannot_be_read_says_so(
    qtbot: QtBot, executor: DbExecutor, tab: RosterTab, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.csv"
    with qtbot.waitSignal(tab.refused, timeout=10_000):
        tab.check_file(missing)
    assert tab.error.isVisible() and "cannot be read" in tab.error.text()
    assert not tab.import_button.isEnabled()


def test_a_number_registered_after_the_check_stops_the_whole_import(
    qtbot: QtBot, executor: DbExecutor, tab: RosterTab, tmp_path: Path, admin: Actor
) -> None:
    check(qtbot, tab, roster(tmp_path, HEADER, *GOOD))
    assert tab.import_button.isEnabled() and tab.import_button.text() == "&Import 3 people"

    def register_r3(store: Store) -> object:
        return people.add_inmates(
            store,
            admin,
            [people.InmateDetails(prison_number="R-3", full_name="Tidlig")],
            today=TODAY,
        )

    on_worker(qtbot, executor, register_r3)
    with qtbot.waitSignal(tab.refused, timeout=10_000):
        tab.import_button.click()
    assert problems(tab) == [("4", "Prison number R-3 is already registered.")]
    assert on_worker(qtbot, executor, names_in_store) == ["Tidlig"]


def test_a_good_roster_shows_what_it_registers_and_open_screens_show_the_new_people(
    qtbot: QtBot, executor: DbExecutor, tab: RosterTab, sup: Actor, unit_id: str, tmp_path: Path
) -> None:
    overview = UnitOverviewPage(executor, lambda: sup, lambda: unit_id)
    qtbot.addWidget(overview)
    overview.show()
    with qtbot.waitSignal(overview.loaded, timeout=10_000):
        overview.reload()
    assert overview.people.rowCount() == 0

    check(qtbot, tab, roster(tmp_path, HEADER, *GOOD))
    rows = [tab.arrivals.topLevelItem(i) for i in range(tab.arrivals.topLevelItemCount())]
    assert [(r.text(0), r.text(1), r.text(2), r.text(5)) for r in rows if r] == [
        ("2", "R-1", "Åsmund Ødegård", "kari"),
        ("3", "R-2", "Haddad, Leila", ""),
        ("4", "R-3", "Bjørn Ærø", "kari"),
    ]
    assert "3 people to register, 2 of them assigned" in tab.summary.text()
    assert on_worker(qtbot, executor, names_in_store) == []  # checking saved nothing

    with qtbot.waitSignals([tab.imported, overview.loaded], timeout=10_000):
        tab.import_button.click()
    assert tab.summary.text().startswith("Imported 3 people; 2 assigned to a contact officer.")
    shown = " | ".join(
        overview.people.index(r, PersonColumn.PERSON).data()
        for r in range(overview.people.rowCount())
    )
    assert overview.people.rowCount() == 3
    assert all(name in shown for name in ("Åsmund Ødegård", "Haddad, Leila", "Bjørn Ærø")), shown
    assert not tab.import_button.isEnabled()  # imported once; choose a file again for more


def test_an_import_through_the_admin_page_survives_a_restart(
    qtbot: QtBot, encrypted_unit: AppPaths, tmp_path: Path
) -> None:
    desk = Desk(qtbot, encrypted_unit)
    try:
        desk.start()
        desk.sign_in(ADMIN[0], ADMIN[2])
        page = desk.gate.admin
        page.tabs.setCurrentWidget(page.roster)
        assert page.tabs.isTabEnabled(page.tabs.indexOf(page.roster))
        check(qtbot, page.roster, roster(tmp_path, HEADER, *GOOD))
        with qtbot.waitSignal(page.roster.imported, timeout=10_000):
            page.roster.import_button.click()
    finally:
        desk.close()

    again = Desk(qtbot, encrypted_unit)
    try:
        again.start()
        again.sign_in(KARI[0], KARI[2])
        again.settle()
        listed = {again.window.people.item(i).text() for i in range(again.window.people.count())}
        assert listed == {*SECRET_PEOPLE, "Åsmund Ødegård", "Bjørn Ærø"}
    finally:
        again.close()


def test_the_page_reads_nothing_until_a_file_is_chosen(tab: RosterTab) -> None:
    tab.reload()
    assert not tab.busy and not tab.import_button.isEnabled()
    assert tab.path.text() == "" and tab.arrivals.topLevelItemCount() == 0
