"""The officer's desk driven as a person would: sign in, log a meal for everyone, undo it,
see the refusal streak and the contact nudge come and go, and the window's contract."""

from __future__ import annotations

from datetime import date

import pytest
from desk_helpers import TIMEOUT, on_worker, reloaded, sign_in, signed_in, wait_idle, written
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlmodel import select

from officer_desk.app import people
from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import MealOutcome
from officer_desk.store.database import Store
from officer_desk.store.tables import MealLog, Officer
from officer_desk.ui.dialogs.meal import MealDialog
from officer_desk.ui.main_window import MainWindow


def meal_rows(executor: DbExecutor) -> list[MealLog]:
    def work(store: Store) -> list[MealLog]:
        with store.reading() as session:
            return list(session.exec(select(MealLog)).all())

    return on_worker(executor, work)


def open_meal_dialog(window: MainWindow, meal: str = "lunch") -> MealDialog:
    window.desk_actions.log_meal.trigger()
    dialog = window.desk.dialogs[-1]
    assert isinstance(dialog, MealDialog)
    dialog.meal.setCurrentIndex(dialog.meal.findData(meal))
    return dialog


def save(qtbot: QtBot, window: MainWindow, dialog: QDialog) -> None:
    with reloaded(qtbot, window), qtbot.waitSignal(dialog.finished, timeout=TIMEOUT):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)


def test_an_officer_signs_in_to_their_caseload_home(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    sign_in(qtbot, window, officer)
    assert window.pages.currentWidget() is window.desk
    assert window.windowTitle() == "Officer Desk — Kari Nordmann"
    cards = window.desk.home.cards
    assert len(cards) == 6 and all(card.isVisible() for card in cards)
    assert {card.name.full_text() for card in cards} >= {"Ahmed Khalil", "Øystein Ås"}
    assert window.desk_actions.log_meal.isEnabled()
    assert not window.desk.home.officer_choice.isVisible()
    assert window.people_label.text() == "6 people"


def test_one_meal_log_for_six_people_writes_six_entries_audits_and_outbox_entries(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], executor: DbExecutor
) -> None:
    sign_in(qtbot, window, officer)
    audit, outbox = written(executor)
    dialog = open_meal_dialog(window)
    assert [row.outcome for row in dialog.rows] == ["ate"] * 6  # everyone preset to "ate"
    dialog.all_together.setChecked(True)
    qtbot.mouseClick(dialog.rows[1].buttons[MealOutcome.PARTIAL], Qt.MouseButton.LeftButton)
    dialog.rows[2].together.setChecked(False)
    save(qtbot, window, dialog)

    rows = meal_rows(executor)
    assert len(rows) == 6
    assert {r.meal for r in rows} == {"lunch"} and {r.day for r in rows} == {date.today()}
    assert sorted(r.outcome for r in rows) == ["ate"] * 5 + ["partial"]
    assert sum(r.ate_together for r in rows) == 5
    assert written(executor) == (audit + 6, outbox + 6)
    chip = window.desk.home.cards[0].meal_chips["lunch"]
    assert chip.property("outcome") in ("ate", "partial")
    assert "saved" in window.statusBar().currentMessage()


def test_a_declined_meal_needs_a_reason_next_to_the_person_and_nothing_is_saved_without(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], executor: DbExecutor
) -> None:
    sign_in(qtbot, window, officer)
    before = written(executor)
    dialog = open_meal_dialog(window)
    row = dialog.rows[3]
    qtbot.mouseClick(row.buttons[MealOutcome.DECLINED], Qt.MouseButton.LeftButton)
    assert row.reason.isVisible()
    dialog.save_button.click()
    assert dialog.isVisible()
    assert row.message.isVisible() and "declined" in row.message.text()
    assert written(executor) == before
    row.reason.setCurrentIndex(row.reason.findData("medical"))
    save(qtbot, window, dialog)
    declined = [r for r in meal_rows(executor) if r.outcome == "declined"]
    assert [(r.inmate_id, r.decline_reason) for r in declined] == [(row.inmate_id, "medical")]


def test_undo_the_last_meal_log_in_the_shift_keeps_it_in_history(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], executor: DbExecutor
) -> None:
    sign_in(qtbot, window, officer)
    undo_button = window.desk.home.undo_button
    assert undo_button.isHidden()  # offered only when there is a meal log to undo
    window.desk_actions.undo_meal.trigger()  # nothing to undo yet: said at once, no dialog
    qtbot.waitUntil(lambda: "no meal log" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    assert not window.desk.dialogs
    save(qtbot, window, open_meal_dialog(window))
    qtbot.waitUntil(undo_button.isVisible, timeout=TIMEOUT)
    window.desk_actions.undo_meal.trigger()
    qtbot.waitUntil(lambda: bool(window.desk.dialogs), timeout=TIMEOUT)
    undo = window.desk.dialogs[-1]
    assert "for 6 people" in undo.findChild(QLabel).text()  # which log, before asking why
    undo.save_button.click()  # no reason yet
    assert undo.isVisible() and undo.messages["reason"].isVisible()
    assert len(meal_rows(executor)) == 6
    undo.reason.setCurrentText("Logged the wrong meal")
    save(qtbot, window, undo)
    rows = meal_rows(executor)
    assert len(rows) == 12 and sum(r.voided for r in rows) == 6
    assert {r.void_reason for r in rows if r.voided} == {"Logged the wrong meal"}
    assert all(
        card.meal_chips["lunch"].property("outcome") == "none" for card in window.desk.home.cards
    )
    qtbot.waitUntil(undo_button.isHidden, timeout=TIMEOUT)
    window.statusBar().clearMessage()
    window.desk_actions.undo_meal.trigger()  # nothing left to undo: said before any reason
    qtbot.waitUntil(lambda: "no meal log" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    assert not window.desk.dialogs


def test_the_refusal_streak_flag_appears_after_three_declines_and_clears_when_they_eat(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    sign_in(qtbot, window, officer)
    card = window.desk.home.cards[0]
    person = card.inmate_id
    for number, meal in enumerate(("breakfast", "lunch", "dinner")):
        assert card.streak_flag.isHidden()
        dialog = open_meal_dialog(window, meal)
        row = dialog.row_for(person)
        row.set_outcome(MealOutcome.DECLINED)
        row.reason.setCurrentIndex(row.reason.findData("protest"))
        save(qtbot, window, dialog)
        assert card.streak_flag.isVisible() == (number == 2)
    assert "3 meals in a row" in card.streak_flag.text()
    window.desk.open_person(person)
    assert window.desk.person.streak_flag.isVisible()
    window.desk_actions.home.trigger()
    save(qtbot, window, open_meal_dialog(window, "evening"))
    assert card.streak_flag.isHidden()


def test_the_contact_nudge_goes_away_after_a_conversation_and_its_follow_up_shows_until_done(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    sign_in(qtbot, window, officer)
    card = window.desk.home.cards[0]
    assert card.nudge.isVisible()  # arrived in 2025, never talked one-to-one
    qtbot.mouseClick(card.talk_button, Qt.MouseButton.LeftButton)
    dialog = window.desk.dialogs[-1]
    talked_to = card.inmate_id
    assert dialog.person.currentData() == talked_to
    dialog.mood_group.button(4).click()
    dialog.topic_boxes[3].setChecked(True)
    dialog.note.setPlainText("Wants to start the chef course")
    dialog.add_follow_up("Ask the school about the chef course")
    save(qtbot, window, dialog)
    # Talked to, they need the officer less: their card may move (triage), so find it again.
    card = window.desk.home.card_for(talked_to)
    assert card is not None
    assert card.nudge.isHidden()
    assert "today" in card.conversation.full_text()
    assert "chef course" in card.follow_ups.itemAt(0).widget().full_text()
    done = card.follow_ups.itemAt(1).widget()
    with reloaded(qtbot, window):
        qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    assert card.follow_ups_box.isHidden()
    notice = window.undo_notice  # said once, beside its Undo (not twice on the status bar)
    assert "Follow-up done" in notice.text.text() and notice.offered is not None
    assert "Follow-up done" not in window.statusBar().currentMessage()


@pytest.fixture
def boss(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="siri", display_name="Siri Holm", role="supervisor"
    )


@pytest.fixture
def it_admin(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(unit_store, admin, username="it", display_name="IT", role="admin")


def test_a_supervisor_chooses_any_caseload_on_the_unit_and_may_log_for_it(
    qtbot: QtBot,
    window: MainWindow,
    boss: Officer,
    officer: Officer,
    caseload: list[str],
    executor: DbExecutor,
) -> None:
    home = window.desk.home
    with qtbot.waitSignal(home.officers_loaded, timeout=TIMEOUT):
        window._session.sign_in(signed_in(boss))
    qtbot.waitUntil(lambda: len(home.cards) == 6, timeout=TIMEOUT)
    assert home.officer_choice.isVisible()
    assert home.officer_choice.currentData() == officer.id  # hers is empty; Kari's has people
    assert window.windowTitle() == "Officer Desk — Siri Holm"
    save(qtbot, window, open_meal_dialog(window))
    assert {r.logged_by for r in meal_rows(executor)} == {boss.id}


def test_an_admin_is_sent_to_accounts_and_sees_no_records(
    qtbot: QtBot, window: MainWindow, it_admin: Officer, caseload: list[str]
) -> None:
    with qtbot.waitSignal(window.accounts_requested, timeout=TIMEOUT):
        window._session.sign_in(signed_in(it_admin))
    assert window.desk.model.rowCount() == 0
    assert not window.desk_actions.log_meal.isEnabled()


def test_locking_hides_open_dialogs_and_unlocking_brings_them_back_as_typed(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    sign_in(qtbot, window, officer)
    dialog = window.desk.write_note("concern")
    assert dialog is not None
    dialog.text.setPlainText("Half-written")
    window._session.lock()
    assert not dialog.isVisible()
    window._session.unlock()
    assert dialog.isVisible() and dialog.text.toPlainText() == "Half-written"
    window._session.lock()
    sign_in(qtbot, window, officer)  # someone signs in afresh: nothing of before stays open
    assert window.desk.dialogs == []


def test_shortcuts_are_in_the_menus_and_the_tooltips(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    a = window.desk_actions
    keys = {
        a.log_meal: "Ctrl+M",
        a.log_activity: "Ctrl+Shift+A",
        a.conversation: "Ctrl+Shift+C",
        a.note: "Ctrl+N",
        a.find_person: "Ctrl+F",
        a.next_person: "Ctrl+PgDown",
        a.previous_person: "Ctrl+PgUp",
    }
    in_menus = {action for menu in window.menuBar().actions() for action in menu.menu().actions()}
    for action, key in keys.items():
        assert action.shortcut().toString() == key
        assert action in in_menus
        assert f"({key})" in action.toolTip()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    sign_in(qtbot, window, officer)
    assert "Ctrl+M" in window.desk.home.meal_button.toolTip()
    assert window.desk.home.meal_button.text().startswith("Log ")


def test_next_and_previous_person_and_find_person(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    sign_in(qtbot, window, officer)
    ids = window.desk.model.ids
    window.desk.open_person(ids[0])
    window.desk_actions.next_person.trigger()
    assert window.desk.person.inmate_id == ids[1]
    window.desk_actions.previous_person.trigger()
    window.desk_actions.previous_person.trigger()
    assert window.desk.person.inmate_id == ids[-1]
    window.desk_actions.home.trigger()
    assert window.desk.stack.currentWidget() is window.desk.home
    finder = window.desk.find_person()
    assert finder is not None
    with qtbot.waitSignal(finder.loaded, timeout=TIMEOUT):
        pass  # the caseload is read on the worker
    qtbot.keyClicks(finder.search, "C03")
    assert finder.proxy.rowCount() == 1
    qtbot.keyClick(finder.search, Qt.Key.Key_Return)
    assert window.desk.stack.currentWidget() is window.desk.person
    assert window.desk.model.person(window.desk.person.inmate_id).cell == "C03"


def test_the_window_contract_pages_and_menu_signals(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    from PySide6.QtWidgets import QLabel

    sign_in(qtbot, window, officer)
    lock_page = QLabel("locked")
    window.show_page(lock_page)
    assert window.pages.currentWidget() is lock_page
    assert not window.desk_actions.log_meal.isEnabled()  # no logging behind the lock page
    window.show_desk()
    assert window.pages.currentWidget() is window.desk and window.desk_actions.log_meal.isEnabled()
    window.set_title_person(None)
    assert window.windowTitle() == "Officer Desk"
    for action, signal in (
        (window.lock_action, window.lock_requested),
        (window.switch_action, window.switch_user_requested),
        (window.password_action, window.change_password_requested),
    ):
        with qtbot.waitSignal(signal, timeout=TIMEOUT):
            action.trigger()


@pytest.mark.parametrize(
    "screen",
    [
        "home",
        "meal",
        "activity",
        "conversation",
        "note",
        "person",
        "person-programmes",
        "person-release-plan",
    ],
)
def test_each_self_test_screen_opens(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    caseload: list[str],
    executor: DbExecutor,
    screen: str,
) -> None:
    sign_in(qtbot, window, officer)
    opener = dict(window.self_test_screens())[screen]
    widget = opener()
    wait_idle(qtbot, executor)
    assert widget.isVisible()
    assert not widget.grab().isNull()
    if screen.startswith("person-"):  # the tab's panel is in view, with the person's data
        panel = window.desk.person.tabs.currentWidget()
        assert panel.isVisible() and not panel._reads.stale
        assert panel.inmate_id in window.desk.model.ids
