"""officer-desk start-up: --version, --demo --self-test, --user sign-in, problems in plain words."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_fakes import KARI
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from officer_desk.paths import STORE_FILENAME, AppPaths
from officer_desk.store.keyslots import slots_path
from officer_desk.ui import launcher

# The gate fixtures (encrypted_unit, fast_kdf, app_paths).
pytest_plugins = ["desk_fixtures"]

SCREENS = ("sign-in", "accounts", "settings", "change-password", "switch-officer", "lock")


@pytest.fixture(autouse=True)
def no_hang(qapp: QApplication) -> Iterator[None]:
    """Never hang the suite: if the app does not quit, leave its event loop with a telling
    code.  Stopped after the test: a late exit() would end a later test's event loops."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: qapp.exit(99))
    timer.start(60_000)
    yield
    timer.stop()


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


def test_demo_self_test_signs_in_opens_every_screen_and_saves_screenshots(
    tmp_path: Path, fast_kdf: None, capsys: pytest.CaptureFixture[str]
) -> None:
    shots = tmp_path / "shots"
    data = tmp_path / "demo"
    argv = ["--data-dir", str(data), "--demo", "--self-test", "--screenshots", str(shots)]
    assert launcher.main(argv) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("self-test: OK (") and out.endswith(" screens)")
    for screen in (*SCREENS, "home"):
        png = shots / f"{screen}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", screen
    assert int(out.split("(")[1].split()[0]) == len(list(shots.glob("*.png")))
    # Again on the store the first run made: no demo summary now, the same screens.
    assert launcher.main(["--data-dir", str(data), "--demo", "--self-test"]) == 0
    assert capsys.readouterr().out.strip() == out


def test_the_self_test_without_records_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert launcher.main(["--data-dir", str(tmp_path / "empty"), "--self-test"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("self-test: FAILED: sign-in: No records on this workstation.")


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
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().startswith("self-test: OK (")


def test_a_damaged_store_is_explained_not_a_crash(
    encrypted_unit: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = encrypted_unit.store
    for leftover in store.parent.glob(STORE_FILENAME + "-*"):
        leftover.unlink()
    store.write_bytes(b"these are not the records you are looking for" * 100)
    before = store.read_bytes()
    shown: list[tuple[str, str]] = []

    def critical(_parent: QWidget, title: str, text: str) -> None:
        shown.append((title, text))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setenv("OFFICER_DESK_PASSWORD", KARI[2])
    assert launcher.main(["--data-dir", str(encrypted_unit.data), "--user", KARI[0]]) == 1
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Officer Desk cannot open the records"
    assert "The key for these records does not open them" in text
    assert str(store) in text
    assert "Traceback" not in text
    assert store.read_bytes() == before  # left exactly as it was
    assert slots_path(store).exists()


def test_exit_after_paint_reports_the_painted_sign_in_page(
    encrypted_unit: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert launcher.main(["--data-dir", str(encrypted_unit.data), "--exit-after-paint"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # The real sign-in page is the first thing painted (no splash before it).
    assert [line.split(":")[0] for line in lines] == ["sign-in painted"]


def test_user_and_password_sign_in_straight_to_the_painted_home(
    encrypted_unit: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OFFICER_DESK_PASSWORD", KARI[2])
    argv = ["--data-dir", str(encrypted_unit.data), "--user", KARI[0], "--exit-after-paint"]
    assert launcher.main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    # First the sign-in page, busy with the password from the environment; then home.
    assert [line.split(":")[0] for line in lines] == ["sign-in painted", "home painted"]
    first, home = (int(line.split()[-2]) for line in lines)
    assert 0 < first <= home


def test_typing_the_password_into_the_page_is_timed_too(
    encrypted_unit: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OFFICER_DESK_PASSWORD", KARI[2])
    argv = ["--data-dir", str(encrypted_unit.data), "--user", KARI[0]]
    assert launcher.main([*argv, "--exit-after-paint", "--bench-type-password"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["sign-in painted", "sign-in to home"]


def test_a_wrong_password_from_the_environment_stops_the_timing_run(
    encrypted_unit: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OFFICER_DESK_PASSWORD", "not kari's password")
    argv = ["--data-dir", str(encrypted_unit.data), "--user", KARI[0], "--exit-after-paint"]
    assert launcher.main(argv) == 1
    assert "not signed in: The user name or password is not right." in capsys.readouterr().out
