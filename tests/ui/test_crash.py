"""One excepthook for bugs: it logs the traceback and shows the crash dialog."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from officer_desk.app.executor import DbExecutor
from officer_desk.store.database import Store
from officer_desk.ui import crash
from officer_desk.ui.crash import CrashDialog, CrashReporter


class Button(QObject):
    pressed = Signal()

    @Slot()
    def explode(self) -> None:
        raise ZeroDivisionError("a bug in a slot")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The details of every crash dialog that opened (its exec is replaced: no real loop)."""
    details: list[str] = []

    def exec_(dialog: CrashDialog) -> int:
        assert dialog.details.isReadOnly()
        details.append(dialog.details.toPlainText())
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_)
    return details


@pytest.fixture
def reporter(qapp: QApplication, tmp_path: Path) -> Iterator[CrashReporter]:
    installed = CrashReporter(tmp_path / "logs" / "officer-desk.log")
    installed.install()
    yield installed
    installed.uninstall()


def test_an_exception_in_a_slot_is_logged_and_shown(
    qtbot: QtBot,
    reporter: CrashReporter,
    shown: list[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    button = Button()
    button.pressed.connect(button.explode)
    with caplog.at_level(logging.ERROR, logger="officer_desk.ui"):
        button.pressed.emit()
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert "ZeroDivisionError: a bug in a slot" in shown[0]
    assert "Traceback" in shown[0]
    assert any("a bug in a slot" in r.getMessage() for r in caplog.records)


def test_an_exception_in_another_thread_reaches_the_dialog_on_the_gui_thread(
    qtbot: QtBot, reporter: CrashReporter, shown: list[str]
) -> None:
    def fail() -> None:
        raise RuntimeError("a bug in a thread")

    worker = threading.Thread(target=fail, name="worker-under-test")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert "worker-under-test" in shown[0]


def test_unhandled_database_errors_go_to_the_same_dialog(
    qtbot: QtBot, reporter: CrashReporter, shown: list[str], store: Store
) -> None:
    executor = DbExecutor(store)
    executor.failed.connect(reporter.report_error)

    def broken(_store: Store) -> None:
        raise KeyError("no such column, a bug")

    with qtbot.waitSignal(executor.failed, timeout=5000):
        executor.submit(broken)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert "no such column, a bug" in shown[0]
    executor._pool.shutdown(wait=True)


def test_one_dialog_at_a_time(
    qtbot: QtBot, reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def exec_(dialog: CrashDialog) -> int:
        opened.append(dialog.details.toPlainText())
        # A second bug while this dialog is open is logged, not stacked on top.
        reporter._show("second")
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_)
    reporter.report_error(ValueError("first"))
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    assert "first" in opened[0]


def test_the_dialog_copies_its_details_and_says_where_the_log_is(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = CrashDialog("Traceback: the details", tmp_path / "officer-desk.log")
    qtbot.addWidget(dialog)
    dialog.copy_details()
    assert QGuiApplication.clipboard().text() == "Traceback: the details"
    labels = " ".join(label.text() for label in dialog.findChildren(crash.QLabel))
    assert str(tmp_path / "officer-desk.log") in labels


def test_uninstall_puts_the_previous_hooks_back(qapp: QApplication, tmp_path: Path) -> None:
    import sys

    before = (sys.excepthook, threading.excepthook)
    installed = CrashReporter(tmp_path / "log")
    installed.install()
    assert sys.excepthook == installed.excepthook
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
