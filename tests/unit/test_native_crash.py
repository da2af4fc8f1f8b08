"""A native crash leaves faulthandler's report in the log folder, found once at the next start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import officer_desk
from officer_desk.native_crash import CURRENT_NAME, KEEP, CrashLog

CHECKOUT = Path(officer_desk.__file__).resolve().parent.parent
CRASHING = (
    "import faulthandler, sys\n"
    "from pathlib import Path\n"
    "from officer_desk.native_crash import CrashLog\n"
    "CrashLog(Path(sys.argv[1])).enable()\n"
    "faulthandler._sigsegv()\n"
)


def test_a_clean_run_leaves_nothing_to_offer(tmp_path: Path) -> None:
    first = CrashLog(tmp_path)
    assert first.enable() is None
    assert (tmp_path / CURRENT_NAME).stat().st_mode & 0o777 == 0o600
    first.disable()
    second = CrashLog(tmp_path)
    assert second.enable() is None
    second.disable()
    assert list(tmp_path.glob("native-crash-*.log")) == []


def test_a_segmentation_fault_is_offered_once_at_the_next_start(tmp_path: Path) -> None:
    died = subprocess.run(
        [sys.executable, "-c", CRASHING, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(CHECKOUT)},
    )
    assert died.returncode != 0
    crash_log = CrashLog(tmp_path)
    crash = crash_log.enable()
    crash_log.disable()
    assert crash is not None
    assert "Segmentation fault" in crash.text
    assert "<string>" in crash.text  # the Python stack that was running
    assert crash.path.parent == tmp_path and crash.path.name.startswith("native-crash-")
    assert crash.path.read_text(encoding="utf-8").startswith(crash.text[:40])
    assert (tmp_path / CURRENT_NAME).stat().st_size == 0  # this run's file starts empty
    again = CrashLog(tmp_path)
    assert again.enable() is None  # offered once
    again.disable()


def test_only_the_newest_reports_are_kept(tmp_path: Path) -> None:
    for day in range(1, 9):
        (tmp_path / f"native-crash-202601{day:02d}-120000.log").write_text("old")
    (tmp_path / CURRENT_NAME).write_text("Fatal Python error: Aborted\n")
    crash_log = CrashLog(tmp_path)
    crash = crash_log.enable()
    crash_log.disable()
    assert crash is not None and crash.text == "Fatal Python error: Aborted\n"
    kept = sorted(tmp_path.glob("native-crash-*.log"))
    assert len(kept) == KEEP and crash.path in kept


def test_a_folder_that_cannot_be_written_does_not_stop_the_start(tmp_path: Path) -> None:
    missing = tmp_path / "not-a-folder"
    missing.write_text("a file where the log folder should be")
    crash_log = CrashLog(missing)
    assert crash_log.enable() is None
    crash_log.disable()  # nothing to undo
