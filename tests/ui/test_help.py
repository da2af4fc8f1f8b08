"""Help (F1): the shortcut table is read from the window's menus, and the topics explain flags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from officer_desk.ui.help.dialog import HelpDialog, plain, shortcut_rows
from officer_desk.ui.main_window import MainWindow

TOPICS = [
    "Keyboard shortcuts",
    "A person's card",
    "Release readiness",
    "Shift handover",
    "Sync with the hub",
]


def open_help(window: MainWindow, qtbot: QtBot) -> HelpDialog:
    dialog = window.show_help()
    qtbot.waitExposed(dialog)
    return dialog


def test_f1_opens_help_from_the_help_menu(window: MainWindow, qtbot: QtBot) -> None:
    assert window.help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(
        lambda: any(isinstance(w, HelpDialog) and w.isVisible()
                    for w in QApplication.topLevelWidgets()),
        timeout=5000,
    )  # fmt: skip
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog))
    qtbot.waitUntil(dialog.topics.hasFocus, timeout=5000)
    dialog.reject()


def test_the_shortcut_table_lists_every_desk_action(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_help(window, qtbot)
    rows = shortcut_rows(window.menuBar())
    listed = {(action, keys) for _menu, action, keys, _tip in rows}
    desk_actions = [*window.desk_actions.all, window.desk_actions.sync_now]
    for action in desk_actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert (plain(action.text()), keys) in listed, action.text()
    # The window's own keys too (lock, quit, help itself).
    assert ("Lock", "Ctrl+L") in listed
    assert ("Help", "F1") in listed
    page = dialog.page.toPlainText()
    for action in desk_actions:
        assert plain(action.text()) in page
        assert action.statusTip() in page
    assert len(rows) >= len(desk_actions) + 3
    # Every row says what the action does, not its name and keys again (Qt's own tooltip).
    for _menu, action_name, keys, tip in rows:
        assert tip and keys not in tip and not tip.startswith(action_name + " ("), action_name


def test_a_new_action_appears_without_editing_the_help(window: MainWindow, qtbot: QtBot) -> None:
    extra = window.menuBar().actions()[0].menu().addAction("Count the &spoons")
    extra.setShortcut(QKeySequence("Ctrl+Alt+S"))
    dialog = open_help(window, qtbot)
    assert "Count the spoons" in dialog.page.toPlainText()


def test_every_topic_is_there_and_explains_its_flags(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_help(window, qtbot)
    assert [dialog.topics.item(i).text() for i in range(dialog.topics.count())] == TOPICS
    expected = {
        "A person's card": ["refusal streak", "needs a talk", "Follow-up overdue"],
        "Release readiness": ["Amber", "Red", "The gate", "Disputed"],
        "Shift handover": ["Settled", "Watch", "Concern"],
        "Sync with the hub": ["Standalone", "Offline", "Changes waiting", "Sync stopped",
                              "Refused changes"],
    }  # fmt: skip
    for topic, words in expected.items():
        dialog.show_topic(topic)
        text = dialog.page.toPlainText()
        for word in words:
            assert word in text, (topic, word)
    assert dialog.topics.accessibleName() and dialog.page.accessibleName()
    assert dialog.page.focusPolicy() & Qt.FocusPolicy.TabFocus
