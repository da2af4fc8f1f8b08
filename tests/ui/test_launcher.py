"""officer-desk start-up: --version, --self-test, and storage problems shown in plain words."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from officer_desk.paths import STORE_FILENAME
from officer_desk.store.database import Store, open_store
from officer_desk.store.migrate import online_backup
from officer_desk.ui import launcher


def data_dir_with(store: Store, root: Path) -> Path:
    """A --data-dir whose store is a copy of the fixture's store."""
    root.mkdir()
    online_backup(store.path, root / STORE_FILENAME)
    return root


def test_version_answers_without_loading_qt() -> None:
    code = (
        "import sys; from officer_desk.ui.launcher import main; rc = main(['--version']); "
        "print('PySide6' in ' '.join(sys.modules), rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.splitlines() == ["officer-desk 0.1.0", "False 0"]


def test_screenshots_need_the_self_test(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        launcher.main(["--screenshots", "x"])
    assert exit_info.value.code == 2
    assert "--self-test" in capsys.readouterr().err


def test_self_test_opens_every_screen_and_saves_screenshots(
    qapp: QApplication,
    tmp_path: Path,
    unit_store: Store,
    caseload: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    data = data_dir_with(unit_store, tmp_path / "data")
    shots = tmp_path / "shots"
    assert launcher.main(["--data-dir", str(data), "--self-test", "--screenshots", str(shots)]) == 0
    assert capsys.readouterr().out.strip() == "self-test: OK (3 screens)"
    for screen in ("officer-picker", "caseload", "about"):
        png = shots / f"{screen}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_self_test_reports_an_empty_store_as_a_failure(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert launcher.main(["--data-dir", str(tmp_path / "empty"), "--self-test"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("self-test: FAILED: officer-picker: no officers")


@pytest.mark.slow
def test_demo_self_test_in_a_fresh_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "officer_desk.ui.launcher",
            "--data-dir",
            str(tmp_path / "demo"),
            "--demo",
            "--self-test",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "self-test: OK (3 screens)"


def not_a_database(root: Path) -> None:
    root.mkdir()
    (root / STORE_FILENAME).write_bytes(b"these are not the records you are looking for" * 100)


def too_new(root: Path) -> None:
    root.mkdir()
    open_store(root / STORE_FILENAME).close()
    with sqlite3.connect(root / STORE_FILENAME) as raw:
        raw.execute("UPDATE alembic_version SET version_num = 'ffff'")
    raw.close()


@pytest.fixture(
    params=[
        (not_a_database, "damaged or is not an officer_desk store"),
        (too_new, "newer version"),
    ],
    ids=["not-a-database", "too-new"],
)
def unusable_store(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    """A data dir whose store cannot be opened, and words the message must contain."""
    make_store, words = request.param
    make_store(tmp_path / "data")
    return tmp_path / "data", words


def test_a_store_that_cannot_be_opened_is_explained_not_a_crash(
    qapp: QApplication,
    unusable_store: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, words = unusable_store
    before = (data / STORE_FILENAME).read_bytes()
    shown: list[tuple[str, str]] = []

    def critical(_parent: QWidget, title: str, text: str) -> None:
        shown.append((title, text))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    # Never hang the suite: if no message comes, leave the event loop with a telling code.
    QTimer.singleShot(30_000, lambda: qapp.exit(99))
    assert launcher.main(["--data-dir", str(data)]) == 1
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "officer_desk cannot open the records"
    assert words in text
    assert str(data / STORE_FILENAME) in text
    assert "Traceback" not in text
    assert (data / STORE_FILENAME).read_bytes() == before  # left exactly as it was


def test_the_self_test_reports_a_storage_problem(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_database(tmp_path / "data")
    assert launcher.main(["--data-dir", str(tmp_path / "data"), "--self-test"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("self-test: FAILED: the records could not be opened: The records file")


def test_exit_after_paint_reports_start_up_times_for_the_named_officer(
    qapp: QApplication,
    tmp_path: Path,
    unit_store: Store,
    caseload: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = data_dir_with(unit_store, tmp_path / "data")
    QTimer.singleShot(30_000, lambda: qapp.exit(99))
    assert launcher.main(["--data-dir", str(data), "--officer", "kari", "--exit-after-paint"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["first paint", "first paint with data"]
    first, with_data = (int(line.split()[-2]) for line in lines)
    assert 0 < first <= with_data
