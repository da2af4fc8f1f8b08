"""The idle lock and switching officer: nothing personal on screen while locked."""

from __future__ import annotations

from desk_fakes import KARI, OLA, SECRET_PEOPLE, Desk, audit_actions, open_dialog
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from officer_desk.ui.lock import IdleWatcher

# The gate fixtures (encrypted_unit, desk, fast_kdf, app_paths).
pytest_plugins = ["desk_fixtures"]


def signed_in_as_kari(desk: Desk) -> None:
    desk.start()
    desk.sign_in(KARI[0], KARI[2])
    assert any(name in desk.screen_texts() for name in SECRET_PEOPLE)


def assert_nothing_personal(desk: Desk) -> None:
    shown = desk.screen_texts()
    for name in SECRET_PEOPLE:
        assert not any(name in text for text in shown), f"{name} on screen while locked"
    assert desk.window.windowTitle() == "Officer Desk"


def test_idle_time_locks_the_desk_and_hides_every_personal_detail(desk: Desk, qtbot: QtBot) -> None:
    signed_in_as_kari(desk)
    note = open_dialog(desk.window, f"Note about {SECRET_PEOPLE[0]}")
    desk.gate.idle.set_interval_ms(50)
    with qtbot.waitSignal(desk.session.locked, timeout=5000):
        pass
    desk.settle()
    lock = desk.gate.lock_page
    assert lock.isVisible()
    assert lock.card.title.text() == "Officer Desk — locked"
    assert "Kari Nordmann is signed in" in lock.who.text()
    assert lock.password.hasFocus()
    assert not note.isVisible()
    assert_nothing_personal(desk)
    assert not desk.gate.idle.active  # no second lock on top of the first

    # The same officer's password opens it again, with the note they were writing.
    lock.password.setText("a wrong password here")
    message = desk.refused(lock.button)
    assert "not right" in message and lock.error.text() == message
    assert lock.password.text() == ""
    assert_nothing_personal(desk)
    lock.password.setText(KARI[2])
    with qtbot.waitSignal(desk.session.unlocked, timeout=10_000):
        lock.button.click()
    desk.settle()
    assert desk.window.desk.isVisible()
    assert desk.window.windowTitle() == "Officer Desk — Kari Nordmann"
    assert note.isVisible()
    assert desk.gate.idle.active
    actions = desk.on_worker(audit_actions)
    assert actions[-3:] == ["lock", "unlock failed", "unlock"]


def test_ctrl_l_from_the_window_locks_at_once(desk: Desk, qtbot: QtBot) -> None:
    signed_in_as_kari(desk)
    with qtbot.waitSignal(desk.session.locked, timeout=5000):
        desk.window.lock_requested.emit()
    desk.settle()
    assert desk.gate.lock_page.isVisible()
    assert_nothing_personal(desk)
    desk.window.lock_requested.emit()  # already locked: nothing more happens
    desk.window.change_password_requested.emit()  # no dialog over the lock
    assert desk.gate.change_password() is None


def test_switching_officer_covers_the_desk_and_opens_the_next_officers(
    desk: Desk, qtbot: QtBot
) -> None:
    signed_in_as_kari(desk)
    note = open_dialog(desk.window, f"Note about {SECRET_PEOPLE[1]}")
    desk.window.switch_user_requested.emit()
    page = desk.gate.sign_in_page
    assert page.isVisible() and page.card.title.text() == "Switch officer"
    assert page.username.text() == "" and page.password.text() == ""
    assert page.back.text() == "Back: unlock as Kari Nordmann"
    assert_nothing_personal(desk)

    page.username.setText(OLA[0])
    page.password.setText(KARI[2])  # Kari's password is not Ola's
    assert "not right" in desk.refused(page.button)
    assert_nothing_personal(desk)

    user = desk.sign_in(OLA[0], OLA[2])
    assert user.username == "ola" and desk.session.user == user
    assert not desk.session.is_locked
    assert desk.window.windowTitle() == "Officer Desk — Ola Bø"
    # What Kari had open is closed, not handed to Ola.
    assert not note.isVisible() and note.result() == 0
    assert_nothing_personal_for_ola(desk)
    assert desk.on_worker(audit_actions)[-2:] == ["switch user failed", "switch user"]


def assert_nothing_personal_for_ola(desk: Desk) -> None:
    shown = desk.screen_texts()
    assert not any(name in text for name in SECRET_PEOPLE for text in shown)


def test_the_way_back_from_switching_is_the_lock_not_the_desk(desk: Desk, qtbot: QtBot) -> None:
    signed_in_as_kari(desk)
    desk.gate.switch_officer()
    desk.gate.sign_in_page.back.click()
    lock = desk.gate.lock_page
    assert lock.isVisible()
    assert_nothing_personal(desk)
    lock.switch.click()  # and from the lock, another officer again
    assert desk.gate.sign_in_page.isVisible()


def test_any_input_restarts_the_idle_count(qtbot: QtBot) -> None:
    watcher = IdleWatcher()
    watcher.set_interval_ms(60_000)
    watcher.start()
    try:
        target = QApplication.instance()
        assert target is not None
        for event in (
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"),
            QMouseEvent(
                QEvent.Type.MouseMove,
                QPointF(1, 1),
                QPointF(1, 1),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        ):
            watcher._timer.stop()  # as if the count had run down
            assert watcher.eventFilter(target, event) is False
            assert watcher.active
        watcher._timer.stop()
        watcher.eventFilter(target, QEvent(QEvent.Type.Paint))
        assert not watcher.active  # a repaint is not someone at the keyboard
    finally:
        watcher.stop()


def test_the_idle_lock_setting_is_bounded(qtbot: QtBot) -> None:
    watcher = IdleWatcher()
    assert watcher.interval_ms == 10 * 60_000  # the default
    watcher.set_minutes(45)
    assert watcher.interval_ms == 30 * 60_000
    watcher.set_minutes(0)
    assert watcher.interval_ms == 1 * 60_000
