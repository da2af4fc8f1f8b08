"""Start-up benchmark: officer-desk's sign-in page and signed-in home vs. a bare PySide6 window.

Seeds an encrypted demo store (60 people, 5 years, through ``officer-desk-admin seed-demo``;
production Argon2id cost), then runs, alternately and N times each, offscreen:

* the bare window (``bare_window.py``): spawn to its first paint;
* (a) ``officer-desk --exit-after-paint``: spawn to the painted sign-in page;
* (b) ``officer-desk --user U --exit-after-paint`` with ``OFFICER_DESK_PASSWORD``: spawn to
  the painted home screen with the caseload (Argon2id and the store opening run on the
  database worker while Qt builds the window);
* (c) the same with ``--bench-type-password``: the sign-in page, then the password typed in
  once the worker has loaded what the check needs; the app reports Enter to painted home.

Times are taken by the parent when the child prints (interpreter start-up included), except
(c), which is measured inside the app.  Peak RSS comes from ``os.wait4``.  The children run
with compiled bytecode, as an installed app (pip, the PyInstaller bundle) does: with
``PYTHONDONTWRITEBYTECODE`` set (as in some shells and CI) every start would compile our
~130 modules from source while PySide6's come precompiled; they get a ``PYTHONPYCACHEPREFIX``
in the temporary folder instead, and one unmeasured round first fills it.  Prints medians and
ratios to the bare window; the targets (issues #2/#4) are home painted and peak RSS at most
2x the bare window.

    .venv/bin/python benchmarks/startup_bench.py [--runs 5] [--inmates 60] [--years 5]
"""

from __future__ import annotations

import argparse
import os
import re
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
BARE = "bare PySide6 window"
SIGN_IN = "(a) sign-in painted"
HOME = "(b) home painted, --user"
TYPED = "(c) sign-in -> home"


@dataclass
class Run:
    paint_ms: float  # from spawn to the line that matters (c: as the app measured it)
    peak_rss_mb: float


@dataclass
class Seeded:
    how: str
    username: str
    password: str


def seed(data: Path, inmates: int, years: int) -> Seeded:
    admin = shutil.which("officer-desk-admin", path=str(BIN)) or shutil.which("officer-desk-admin")
    if admin:
        command = [admin, "seed-demo", "--data-dir", str(data)]
        command += ["--inmates", str(inmates), "--years", str(years)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        officers = re.findall(r"^\s+(\S+)\s+.+\s+officer$", out, re.MULTILINE)
        password = re.search(r"password for all demo accounts: (\S+)", out)
        if officers and password:
            how = f"officer-desk-admin seed-demo --inmates {inmates} --years {years}"
            return Seeded(how, officers[0], password.group(1))
        shutil.rmtree(data)  # an older admin tool (a plain store): make it as below
    from officer_desk.app.demo import DEMO_PASSWORD, create_demo_store

    summary = create_demo_store(
        data / "officer_desk.sqlite", backups=data / "backups", inmates=inmates, years=years
    )
    officer = next(u for u, _name, role in summary.accounts if role == "officer")
    how = f"officer_desk.app.demo.create_demo_store(inmates={inmates}, years={years})"
    return Seeded(how, officer, DEMO_PASSWORD)


def measure(command: list[str], env: dict[str, str], wanted: str, *, in_app: bool) -> Run:
    started = time.perf_counter()
    # stderr: the offscreen plugin's "does not support propagateSizeHints()" noise.
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert child.stdout is not None
    seen: float | None = None
    said = []
    for line in child.stdout:  # each line is read the moment the child prints it
        said.append(line.strip())
        if line.startswith(wanted + ":"):
            seen = float(line.split()[-2]) if in_app else (time.perf_counter() - started) * 1000
    # wait4, not wait: it also returns the child's resource usage (ru_maxrss in KiB on Linux).
    _pid, status, usage = os.wait4(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or seen is None:
        raise SystemExit(f"{' '.join(command)} failed (exit {code}): {' | '.join(said)}")
    return Run(seen, usage.ru_maxrss / 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--inmates", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="od-startup-") as tmp:
        data = Path(tmp) / "data"
        began = time.perf_counter()
        seeded = seed(data, args.inmates, args.years)
        size = (data / "officer_desk.sqlite").stat().st_size / 1e6
        print(f"store: {seeded.how} ({size:.0f} MB, {time.perf_counter() - began:.0f} s)")
        print(f"signing in as {seeded.username} (the first demo officer)")

        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        with_password = {**env, "OFFICER_DESK_PASSWORD": seeded.password}
        app = [shutil.which("officer-desk", path=str(BIN)) or "officer-desk"]
        app += ["--data-dir", str(data), "--exit-after-paint"]
        as_user = [*app, "--user", seeded.username]
        cases = {
            BARE: ([sys.executable, str(HERE / "bare_window.py")], env, "first paint", False),
            SIGN_IN: (app, env, "sign-in painted", False),
            HOME: (as_user, with_password, "home painted", False),
            TYPED: ([*as_user, "--bench-type-password"], with_password, "sign-in to home", True),
        }
        runs: dict[str, list[Run]] = {name: [] for name in cases}
        for n in range(args.runs + 1):  # alternate, so drift in the machine hits all alike
            for name, (command, case_env, wanted, in_app) in cases.items():
                run = measure(command, case_env, wanted, in_app=in_app)
                if n > 0:  # round 0 compiles the bytecode and fills the file cache
                    runs[name].append(run)

    base_paint = statistics.median(r.paint_ms for r in runs[BARE])
    base_rss = statistics.median(r.peak_rss_mb for r in runs[BARE])
    print(
        f"\nruns: {args.runs} each, alternating, QT_QPA_PLATFORM=offscreen, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; medians\n"
    )
    header = (
        f"{'':26} {'ms':>7} {'ratio':>6} {'min':>6} {'max':>6} {'peak RSS MB':>12} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    for name, results in runs.items():
        paints = [r.paint_ms for r in results]
        paint = statistics.median(paints)
        rss = statistics.median(r.peak_rss_mb for r in results)
        # (c) is a duration inside the app, not a time from spawn: no ratio to the window.
        ratio = "" if name == TYPED else f"{paint / base_paint:5.2f}x"
        print(
            f"{name:26} {paint:7.0f} {ratio:>6} {min(paints):6.0f} {max(paints):6.0f} "
            f"{rss:12.0f} {rss / base_rss:5.2f}x"
        )
    home = statistics.median(r.paint_ms for r in runs[HOME]) / base_paint
    rss = max(statistics.median(r.peak_rss_mb for r in runs[n]) for n in cases) / base_rss
    print(
        f"\ntarget: home painted ≤ {TARGET_RATIO:.0f}x the bare window: "
        f"{'met' if home <= TARGET_RATIO else 'NOT met'} ({home:.2f}x); "
        f"peak RSS ≤ {TARGET_RATIO:.0f}x: {'met' if rss <= TARGET_RATIO else 'NOT met'} "
        f"({rss:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
