"""The main window: pick an officer, see their caseload, switch back; menus and title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from officer_desk.store.tables import Officer
from officer_desk.ui.main_window import MainWindow


def open_picker(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.picker.loaded, timeout=5000):
        window.store_ready()
    assert window.pages.currentWidget() is window.picker


def test_picking_an_officer_with_enter_shows_their_caseload(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    open_picker(qtbot, window)
    item = window.picker.list.topLevelItem(0)
    assert [item.text(c) for c in range(3)] == ["Kari Nordmann", "Contact officer", "6 people"]

    window.picker.list.setFocus()
    with qtbot.waitSignal(window.caseload.model.loaded, timeout=5000):
        qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.caseload
    assert window.caseload.model.rowCount() == 6
    assert window.caseload.table.isVisible()
    assert window.caseload.title.text() == "Kari Nordmann"
    assert "6 people" in window.caseload.subtitle.text()
    assert window.rows_label.text() == "6 people"
    # The title names the officer, never anyone on the caseload.
    assert window.windowTitle() == "officer_desk — Kari Nordmann"


def test_the_open_button_and_switch_officer_shortcut(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    open_picker(qtbot, window)
    assert window.picker.open_button.isEnabled()
    assert not window.switch_action.isEnabled()
    with qtbot.waitSignal(window.caseload.model.loaded, timeout=5000):
        qtbot.mouseClick(window.picker.open_button, Qt.MouseButton.LeftButton)
    assert window.switch_action.isEnabled()
    assert window.switch_action.shortcut().toString() == "Ctrl+Shift+O"

    with qtbot.waitSignal(window.picker.loaded, timeout=5000):
        window.switch_action.trigger()
    assert window.pages.currentWidget() is window.picker
    assert window.windowTitle() == "officer_desk"


def test_an_officer_without_people_sees_a_plain_empty_state(
    qtbot: QtBot, window: MainWindow, officer: Officer
) -> None:
    open_picker(qtbot, window)
    with qtbot.waitSignal(window.caseload.model.loaded, timeout=5000):
        window.picker.choose(window.picker.officers[0])
    assert not window.caseload.table.isVisible()
    assert window.caseload.empty.isVisible()
    assert "No one is assigned to Kari Nordmann" in window.caseload.empty.text()


def test_no_officers_yet_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    open_picker(qtbot, window)
    assert window.picker.empty.isVisible()
    assert "officer-desk-admin" in window.picker.empty.text()
    assert not window.picker.open_button.isEnabled()


def test_about_dialog_shows_version_and_where_the_records_are(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.show_about()
    assert dialog.isVisible()
    assert "officer_desk 0" in dialog.findChildren(type(window.caseload.title))[1].text()
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_quit_shortcut_is_ctrl_q(window: MainWindow) -> None:
    actions = {a.text(): a for a in window.menuBar().actions()[0].menu().actions()}
    assert actions["&Quit"].shortcut().toString() == "Ctrl+Q"
