"""Signing in at the desk: the store opens on the worker, refusals in plain words, lockout."""

from __future__ import annotations

import sqlite3
import threading

from desk_fakes import ADMIN, KARI, SECRET_PEOPLE, Desk, audit_actions
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from officer_desk.paths import AppPaths
from officer_desk.store.database import Store

# The gate fixtures (encrypted_unit, desk, fast_kdf, app_paths).
pytest_plugins = ["desk_fixtures"]


def test_signing_in_opens_the_store_on_the_worker_and_shows_the_desk(desk: Desk) -> None:
    desk.start()
    page = desk.gate.sign_in_page
    assert page.isVisible()
    assert desk.window.windowTitle() == "Officer Desk"
    assert page.username.hasFocus()

    user = desk.sign_in(KARI[0], KARI[2])
    assert user.display_name == "Kari Nordmann"
    assert desk.session.user == user
    assert desk.window.desk.isVisible() and not page.isVisible()
    assert desk.window.windowTitle() == "Officer Desk — Kari Nordmann"
    assert page.password.text() == ""
    store = desk.gate.store
    assert store is not None and store.encrypted
    # From now on, database work on the GUI thread fails loudly.
    assert store.forbidden_thread is threading.main_thread()
    assert sorted(desk.window.people.item(i).text() for i in range(2)) == sorted(SECRET_PEOPLE)
    assert desk.gate.idle.active
    assert "login" in desk.on_worker(audit_actions)


def test_enter_in_the_password_field_signs_in(desk: Desk, qtbot: QtBot) -> None:
    desk.start()
    page = desk.gate.sign_in_page
    qtbot.keyClicks(page.username, KARI[0])
    qtbot.keyClick(page.username, Qt.Key.Key_Return)  # moves on to the password
    assert page.password.hasFocus()
    qtbot.keyClicks(page.password, KARI[2])
    with qtbot.waitSignal(desk.gate.entered, timeout=10_000):
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
        # Busy while Argon2id runs on the worker; the password is out of the field already.
        assert not page.button.isEnabled()
        assert page.button.text() == "Checking…"
        assert page.password.text() == ""
    desk.settle()


def test_a_wrong_password_says_how_many_attempts_are_left(desk: Desk) -> None:
    desk.start()
    page = desk.gate.sign_in_page
    page.username.setText(KARI[0])
    page.password.setText("not the password at all")
    message = desk.refused(page.button)
    assert message.startswith("The user name or password is not right.")
    assert "4 more attempts" in message
    assert page.error.isVisible() and page.error.text() == message
    assert page.password.text() == "" and page.password.hasFocus()
    assert page.username.text() == KARI[0]
    assert page.button.isEnabled()
    assert desk.session.user is None and desk.gate.store is None
    # The next attempt succeeds and the error goes.
    desk.sign_in(KARI[0], KARI[2])
    assert not page.error.isVisible()


def test_five_wrong_passwords_lock_the_account_for_a_while(desk: Desk) -> None:
    desk.start()
    page = desk.gate.sign_in_page
    for _ in range(5):
        page.username.setText(KARI[0])
        page.password.setText("wrong wrong wrong")
        message = desk.refused(page.button)
    assert "locked after too many wrong passwords" in message
    assert "about 15 minutes" in message
    page.password.setText(KARI[2])  # even the right password waits now
    assert "locked" in desk.refused(page.button)
    assert desk.session.user is None


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(desk: Desk) -> None:
    desk.start()
    page = desk.gate.sign_in_page
    page.username.setText("nobody.here")
    page.password.setText(KARI[2])
    assert desk.refused(page.button).startswith("The user name or password is not right.")


def test_empty_fields_are_asked_for_without_a_check(desk: Desk) -> None:
    desk.start()
    page = desk.gate.sign_in_page
    page.button.click()
    assert page.error.text() == "Type your user name."
    page.username.setText(KARI[0])
    page.button.click()
    assert page.error.text() == "Type your password."
    assert page.button.isEnabled() and not desk.executor.busy


def test_no_records_opens_the_first_run_guide(
    qtbot: QtBot, app_paths: AppPaths, fast_kdf: None
) -> None:
    desk = Desk(qtbot, app_paths)
    try:
        with qtbot.waitSignal(desk.gate.stopped, timeout=5000):
            desk.gate.start()
        # Its three paths are tested in test_first_run.py.
        assert desk.gate.first_run is not None and desk.gate.first_run.page.isVisible()
        assert not desk.gate.sign_in_page.isVisible()
    finally:
        desk.close()


def test_a_plain_store_is_not_opened_and_facility_it_is_told_what_to_run(
    qtbot: QtBot, app_paths: AppPaths, store: Store
) -> None:
    plain = sqlite3.connect(app_paths.store)
    store_connection = sqlite3.connect(store.path)
    store_connection.backup(plain)
    store_connection.close()
    plain.close()
    desk = Desk(qtbot, app_paths)
    try:
        with qtbot.waitSignal(desk.gate.stopped, timeout=5000):
            desk.gate.start()
        assert desk.gate.notice.card.title.text() == "These records are not encrypted yet"
        assert "officer-desk-admin encrypt --user ADMIN" in desk.gate.notice.text.text()
    finally:
        desk.close()


def test_an_admin_signs_in_to_the_accounts_page(desk: Desk) -> None:
    desk.start()
    desk.sign_in(ADMIN[0], ADMIN[2])
    assert desk.gate.admin.isVisible()
    assert desk.gate.admin.tabs.currentWidget() is desk.gate.admin.accounts
    assert not desk.gate.admin.back.isVisible()  # an admin has no caseload to go back to
    listed = desk.gate.admin.accounts.list
    items = [listed.topLevelItem(i) for i in range(listed.topLevelItemCount())]
    names = [item.text(0) for item in items if item is not None]
    assert sorted(names) == sorted([ADMIN[1], KARI[1], "Ola Bø"])


def test_a_demo_store_lists_its_accounts_on_every_start(
    encrypted_unit: AppPaths, qtbot: QtBot
) -> None:
    from officer_desk.demo.accounts import DEMO_PASSWORD
    from officer_desk.store.keyslots import KeySlots

    slots = KeySlots.for_store(encrypted_unit.store)
    assert slots is not None
    slots.mark_demo({"officer": KARI[0], "admin": ADMIN[0]})
    desk = Desk(qtbot, encrypted_unit)  # a later start: no --demo, nothing made this run
    try:
        desk.start()
        hint = desk.gate.sign_in_page.hint
        qtbot.waitUntil(hint.isVisible, timeout=5_000)
        assert "Demo accounts" in hint.text() and DEMO_PASSWORD in hint.text()
        assert f"<code>{KARI[0]}</code>" in hint.text()
        assert f"<code>{ADMIN[0]}</code>" in hint.text()
    finally:
        desk.close()


def test_a_real_store_shows_no_demo_hint(desk: Desk) -> None:
    desk.start()
    desk.settle()
    assert not desk.gate.sign_in_page.hint.isVisible()
    assert desk.gate.demo_password is None
