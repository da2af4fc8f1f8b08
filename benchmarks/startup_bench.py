"""Start-up benchmark: officer-desk to its first painted caseload vs. a bare PySide6 window.

Seeds a store (60 people, 5 years, through ``officer-desk-admin seed-demo``), then runs the
bare window and ``officer-desk --exit-after-paint`` alternately, N times each, offscreen.
For every run it measures, from the parent (interpreter start-up included): when the child
reports its first paint (officer-desk: the splash), when it reports the first paint with
the caseload shown, when it has exited, and its peak RSS (``os.wait4``).  Prints the
medians and their ratios to the bare window; the target is at most 2x.

    .venv/bin/python benchmarks/startup_bench.py [--runs 5] [--inmates 60] [--years 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
TARGET_RATIO = 2.0


@dataclass
class Run:
    window_ms: float  # first paint of anything (officer-desk: the splash)
    paint_ms: float  # first paint with the caseload shown (bare window: same as window_ms)
    wall_ms: float  # until the process has exited
    peak_rss_mb: float


def seed(data: Path, inmates: int, years: int) -> str:
    admin = shutil.which("officer-desk-admin", path=str(BIN)) or shutil.which("officer-desk-admin")
    if admin:
        command = [
            admin,
            "seed-demo",
            "--data-dir",
            str(data),
            "--inmates",
            str(inmates),
            "--years",
            str(years),
        ]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        return f"officer-desk-admin seed-demo --inmates {inmates} --years {years}"
    # Without the admin command (an older checkout): the same function it calls.
    from officer_desk.app.demo import seed_demo
    from officer_desk.store.database import open_store

    store = open_store(data / "officer_desk.sqlite")
    try:
        seed_demo(store, inmates=inmates, years=years, seed=1)
    finally:
        store.close()
    return f"officer_desk.app.demo.seed_demo(inmates={inmates}, years={years})"


def measure(command: list[str], env: dict[str, str], *, shows_data: bool) -> Run:
    started = time.perf_counter()
    # stderr: the offscreen plugin's "does not support propagateSizeHints()" noise.
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert child.stdout is not None
    window = with_data = None
    for line in child.stdout:  # each line is read the moment the child prints it
        if line.startswith("first paint with data"):
            with_data = time.perf_counter()
        elif line.startswith("first paint"):
            window = time.perf_counter()
    # wait4, not wait: it also returns the child's resource usage (ru_maxrss in KiB on Linux).
    _pid, status, usage = os.wait4(child.pid, 0)
    ended = time.perf_counter()
    child.returncode = os.waitstatus_to_exitcode(status)
    painted = with_data if shows_data else window
    if child.returncode != 0 or window is None or painted is None:
        raise SystemExit(f"{' '.join(command)} failed (exit {child.returncode})")
    return Run(
        (window - started) * 1000,
        (painted - started) * 1000,
        (ended - started) * 1000,
        usage.ru_maxrss / 1024,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--inmates", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory(prefix="od-startup-") as tmp:
        data = Path(tmp) / "data"
        began = time.perf_counter()
        how = seed(data, args.inmates, args.years)
        size = (data / "officer_desk.sqlite").stat().st_size / 1e6
        print(f"store: {how} ({size:.0f} MB, {time.perf_counter() - began:.0f} s)")

        officer_desk = shutil.which("officer-desk", path=str(BIN)) or "officer-desk"
        commands = {
            "bare PySide6 window": ([sys.executable, str(HERE / "bare_window.py")], False),
            "officer-desk caseload": (
                [officer_desk, "--data-dir", str(data), "--exit-after-paint"],
                True,
            ),
        }
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(args.runs):  # alternate, so drift in the machine hits both alike
            for name, (command, shows_data) in commands.items():
                runs[name].append(measure(command, env, shows_data=shows_data))

    base = runs["bare PySide6 window"]
    base_paint = statistics.median(r.paint_ms for r in base)
    base_rss = statistics.median(r.peak_rss_mb for r in base)
    print(
        f"\nruns: {args.runs} each, alternating, QT_QPA_PLATFORM=offscreen, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; medians, ms from spawn\n"
    )
    header = (
        f"{'':22} {'window':>7} {'with data':>10} {'ratio':>6} {'target':>7} {'exited':>7} "
        f"{'peak RSS MB':>12} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    worst = 0.0
    for name, results in runs.items():
        window = statistics.median(r.window_ms for r in results)
        paint = statistics.median(r.paint_ms for r in results)
        wall = statistics.median(r.wall_ms for r in results)
        rss = statistics.median(r.peak_rss_mb for r in results)
        ratio = paint / base_paint
        worst = max(worst, ratio)
        print(
            f"{name:22} {window:7.0f} {paint:10.0f} {ratio:5.2f}x {'≤ 2x':>7} {wall:7.0f} "
            f"{rss:12.0f} {rss / base_rss:5.2f}x"
        )
    verdict = "met" if worst <= TARGET_RATIO else "NOT met"
    print(f"\ntarget (caseload painted ≤ {TARGET_RATIO:.0f}x the bare window): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
