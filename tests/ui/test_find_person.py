"""Find person: an officer searches their own caseload, a supervisor the whole unit (name,
prison number, cell) from the desk and from the unit's pages; the person opens in the
caseload they are on; no match says so instead of an empty list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from desk_helpers import TIMEOUT, sign_in, signed_in
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from officer_desk.app import cover, people
from officer_desk.app.writes import Actor
from officer_desk.domain.errors import PermissionDenied
from officer_desk.store.database import Store
from officer_desk.store.finding import people_to_find
from officer_desk.store.tables import Officer
from officer_desk.ui.dialogs.find_person import FindPersonDialog
from officer_desk.ui.main_window import MainWindow

TODAY = date.today()


@pytest.fixture
def sigrid(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )


@pytest.fixture
def ola(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="ola", display_name="Ola Bø", role="officer"
    )


@pytest.fixture
def unit(unit_store: Store, admin: Actor, ola: Officer, caseload: list[str]) -> dict[str, str]:
    """Kari's six (``caseload``), Ola's Frode in cell D7, and Nils whom nobody has."""
    frode, nils = people.add_inmates(
        unit_store,
        admin,
        [
            people.InmateDetails(prison_number="H-900", full_name="Frode Sørensen", cell="D7"),
            people.InmateDetails(prison_number="H-901", full_name="Nils Ingen", cell="D8"),
        ],
        today=TODAY,
    ).ids
    people.assign(unit_store, admin, officer_id=ola.id, inmate_id=frode, start=TODAY)
    return {"frode": frode, "nils": nils}


def finder(qtbot: QtBot, window: MainWindow) -> FindPersonDialog:
    dialog = window.desk.find_person()
    assert dialog is not None
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        pass  # read on the worker
    return dialog


def shown(dialog: FindPersonDialog) -> list[str]:
    return [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]


def test_an_officer_finds_only_their_caseload_and_no_match_is_said_in_words(
    qtbot: QtBot, window: MainWindow, officer: Officer, unit: dict[str, str]
) -> None:
    sign_in(qtbot, window, officer)
    dialog = finder(qtbot, window)
    assert dialog.proxy.rowCount() == 6 and dialog.scope.text() == "Your caseload."
    ModelTester(None).check(dialog.people)  # type: ignore[arg-type]
    qtbot.keyClicks(dialog.search, "Frode")
    assert dialog.proxy.rowCount() == 0
    assert not dialog.list.isVisible()  # never an empty list
    assert dialog.message.isVisible()
    assert dialog.message.text() == "No one on your caseload matches “Frode”."
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "h-1003")  # prison numbers, any case
    assert shown(dialog) == ["Jonas Berg · H-1003 · C03"]
    assert dialog.list.isVisible() and not dialog.message.isVisible()


def test_a_supervisor_finds_anyone_in_the_unit_and_it_opens_in_their_caseload(
    qtbot: QtBot, window: MainWindow, sigrid: Officer, ola: Officer, unit: dict[str, str]
) -> None:
    sign_in(qtbot, window, sigrid)
    dialog = finder(qtbot, window)
    assert dialog.proxy.rowCount() == 8 and dialog.scope.text() == "Everyone in the unit."
    qtbot.keyClicks(dialog.search, "d7")  # by cell
    assert shown(dialog) == ["Frode Sørensen · H-900 · D7\nOla Bø's caseload"]
    with qtbot.waitSignal(window.desk.person.timeline.page_loaded, timeout=TIMEOUT):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert window.desk.model.officer_id == ola.id
    assert window.desk.stack.currentWidget() is window.desk.person
    assert window.desk.person.inmate_id == unit["frode"]


def test_someone_nobody_has_is_found_and_the_dialog_says_why_it_cannot_open_them(
    qtbot: QtBot, window: MainWindow, sigrid: Officer, unit: dict[str, str]
) -> None:
    sign_in(qtbot, window, sigrid)
    dialog = finder(qtbot, window)
    qtbot.keyClicks(dialog.search, "Nils")
    assert shown(dialog) == ["Nils Ingen · H-901 · D8\nnobody assigned"]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text().startswith("Nobody has Nils Ingen on their caseload yet")


def test_find_person_works_from_the_unit_overview_and_brings_the_desk_back(
    qtbot: QtBot, window: MainWindow, sigrid: Officer, officer: Officer, unit: dict[str, str]
) -> None:
    sign_in(qtbot, window, sigrid)
    overview = window.supervision.show_overview()
    assert window.pages.currentWidget() is overview
    assert window.desk_actions.find_person.isEnabled()
    assert not window.desk_actions.log_meal.isEnabled()
    dialog = finder(qtbot, window)
    qtbot.keyClicks(dialog.search, "Ærø")
    with qtbot.waitSignal(window.desk.person.timeline.page_loaded, timeout=TIMEOUT):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.desk
    assert window.desk.person.name.toolTip() or window.desk.person.name.text()
    assert window.desk.model.officer_id == officer.id


@pytest.fixture
def ola_covered(unit_store: Store, admin: Actor, officer: Officer, ola: Officer) -> None:
    """Kari covers Ola this week."""
    cover.arrange_cover(
        unit_store,
        admin,
        absent_officer_id=ola.id,
        cover_officer_id=officer.id,
        start=TODAY,
        end=TODAY + timedelta(days=7),
    )


def test_a_covering_officer_finds_the_people_covered(
    qtbot: QtBot, window: MainWindow, officer: Officer, unit: dict[str, str], ola_covered: None
) -> None:
    sign_in(qtbot, window, officer)
    dialog = finder(qtbot, window)
    assert dialog.proxy.rowCount() == 7
    qtbot.keyClicks(dialog.search, "Frode")
    assert shown(dialog) == ["Frode Sørensen · H-900 · D7"]


@pytest.fixture
def facility_it(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(unit_store, admin, username="it", display_name="IT", role="admin")


def test_the_read_refuses_anyone_but_officers_and_supervisors(
    unit_store: Store, facility_it: Officer, officer: Officer, unit: dict[str, str]
) -> None:
    with unit_store.raw() as conn:
        with pytest.raises(PermissionDenied):
            people_to_find(conn, facility_it.id, TODAY)
        with pytest.raises(PermissionDenied):
            people_to_find(conn, "nobody", TODAY)
        mine = people_to_find(conn, officer.id, TODAY)
    assert len(mine) == 6 and {f.officer_id for f in mine} == {officer.id}


def test_an_admin_account_finds_no_one(
    qtbot: QtBot, window: MainWindow, facility_it: Officer
) -> None:
    window._session.sign_in(signed_in(facility_it))
    assert window.desk.find_person() is None  # admins keep accounts, not records
    assert not window.desk_actions.find_person.isEnabled()
