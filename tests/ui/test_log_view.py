"""Help -> Program log: the log's last lines, read off the GUI thread, copyable, read-only."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from officer_desk import logs
from officer_desk.logs import tail
from officer_desk.ui import log_view, report_dialog
from officer_desk.ui.log_view import LINES, LogViewDialog


def write_log(path: Path, count: int, first: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as file:
        for number in range(first, first + count):
            file.write(f"2026-12-03 10:00:00,000 INFO    officer_desk.ui: line {number}\n")


def test_tail_gives_the_last_lines_oldest_first(tmp_path: Path) -> None:
    log_file = tmp_path / "officer-desk.log"
    write_log(log_file, 5000)
    lines = tail(log_file, 300)
    assert len(lines) == 300
    assert lines[0].endswith("line 4700") and lines[-1].endswith("line 4999")


def test_tail_reaches_into_the_rotated_file_after_a_rotation(tmp_path: Path) -> None:
    log_file = tmp_path / "officer-desk.log"
    write_log(log_file.with_name("officer-desk.log.1"), 100)
    write_log(log_file, 3, first=100)
    lines = tail(log_file, 10)
    assert [line.rsplit(" ", 1)[1] for line in lines] == [str(n) for n in range(93, 103)]


def test_tail_of_no_log_and_of_bytes_that_are_not_text(tmp_path: Path) -> None:
    assert tail(tmp_path / "officer-desk.log") == []
    (tmp_path / "officer-desk.log").write_bytes(b"caf\xe9 ok\n\xff\xfe\n")
    assert tail(tmp_path / "officer-desk.log") == ["caf\ufffd ok", "\ufffd\ufffd"]


def test_the_dialog_reads_off_the_gui_thread_and_shows_the_newest_at_the_bottom(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file = tmp_path / "logs" / "officer-desk.log"
    write_log(log_file, 2000)
    read_on: list[str] = []

    def tail_watched(path: Path, lines: int) -> list[str]:
        read_on.append(threading.current_thread().name)
        return logs.tail(path, lines)

    monkeypatch.setattr(log_view, "tail", tail_watched)
    dialog = LogViewDialog(log_file)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    assert read_on == ["officer-desk-log-view"]
    shown = dialog.details.toPlainText().splitlines()
    assert len(shown) == LINES and shown[-1].endswith("line 1999")
    assert dialog.details.isReadOnly()
    assert (
        dialog.details.verticalScrollBar().value() == dialog.details.verticalScrollBar().maximum()
    )
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details.toPlainText()


def test_no_log_yet_is_said_and_the_folder_still_opens(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        report_dialog.QDesktopServices,
        "openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    dialog = LogViewDialog(tmp_path / "logs" / "officer-desk.log")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    assert dialog.details.toPlainText() == ""
    assert "empty" in dialog.details.placeholderText()
    assert not dialog.copy_button.isEnabled()
    dialog.folder_button.click()
    assert opened == [str(tmp_path / "logs")]


def test_closing_before_the_lines_arrive_is_harmless(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def slow_tail(path: Path, lines: int) -> list[str]:
        release.wait(10)
        return ["a line"]

    monkeypatch.setattr(log_view, "tail", slow_tail)
    dialog = LogViewDialog(tmp_path / "officer-desk.log")
    carrier = dialog._carrier
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
    with qtbot.waitSignal(carrier.done, timeout=5000):
        release.set()  # the read finishes; its delivery has no dialog left to reach
