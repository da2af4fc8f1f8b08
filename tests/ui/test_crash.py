"""One excepthook for bugs: it logs the traceback and shows the crash dialog."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_fakes import KARI
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from officer_desk.app.executor import DbExecutor
from officer_desk.native_crash import NativeCrash
from officer_desk.paths import AppPaths
from officer_desk.store.database import Store
from officer_desk.ui import launcher, report_dialog
from officer_desk.ui.crash import CrashDialog, CrashReporter

# The gate fixtures (encrypted_unit, fast_kdf, app_paths).
pytest_plugins = ["desk_fixtures"]


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
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(tmp_path / "officer-desk.log") in labels


def test_uninstall_puts_the_previous_hooks_back(qapp: QApplication, tmp_path: Path) -> None:
    import sys

    before = (sys.excepthook, threading.excepthook)
    installed = CrashReporter(tmp_path / "log")
    installed.install()
    assert sys.excepthook == installed.excepthook
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_the_last_runs_native_crash_is_offered_with_its_file_and_folder(
    qtbot: QtBot, reporter: CrashReporter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "logs" / "native-crash-20261203-101500.log"
    text = "Fatal Python error: Segmentation fault\n\nThread 0x01 (most recent call first):\n"
    opened: list[str] = []
    monkeypatch.setattr(
        report_dialog.QDesktopServices,
        "openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    dialog = reporter.offer_native_crash(NativeCrash(report, text))
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.isVisible()  # opened, not blocking the start
    assert dialog.windowTitle() == "Officer Desk closed unexpectedly"
    assert dialog.details.toPlainText() == text and dialog.details.isReadOnly()
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(report) in labels
    dialog.folder_button.click()
    assert opened == [str(report.parent)]


def test_a_crash_file_left_by_the_last_run_is_offered_at_start(
    encrypted_unit: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    (encrypted_unit.log / "native-crash.log").write_text("Fatal Python error: Aborted\n")
    offered: list[NativeCrash] = []
    monkeypatch.setattr(CrashReporter, "offer_native_crash", lambda _r, c: offered.append(c))
    # The store cannot open (so the run ends by itself, with its message box).
    encrypted_unit.store.write_bytes(b"not a store" * 100)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_args: None)
    monkeypatch.setenv("OFFICER_DESK_PASSWORD", KARI[2])
    assert launcher.main(["--data-dir", str(encrypted_unit.data), "--user", KARI[0]]) == 1
    assert [c.text for c in offered] == ["Fatal Python error: Aborted\n"]
    assert offered[0].path.exists()
    assert (encrypted_unit.log / "native-crash.log").stat().st_size == 0
