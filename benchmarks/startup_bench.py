"""Start-up benchmark: sign-in page, Enter to home and memory vs. a bare PySide6 window.

Seeds an encrypted demo store (60 people, through ``officer-desk-admin seed-demo``; production
Argon2id cost), then runs, alternately and N times each, offscreen:

* the bare window (``bare_window.py``): spawn to its first paint (the baseline);
* (a) ``officer-desk --exit-after-paint``: spawn to the painted sign-in page;
* (b) ``officer-desk --user U --exit-after-paint --bench-settle`` with ``OFFICER_DESK_PASSWORD``:
  spawn to the painted home screen with the caseload, then on until the desk has settled
  (the ORM, the sign-in's audit, the sync and supervisor parts loaded): its peak RSS is the
  peak memory at home;
* (c) ``--bench-type-password --bench-pause``: the password typed into the sign-in page, a
  pause until its key is derived (as when a person stops before Enter), then Enter; the app
  reports Enter to painted home;
* (d) the same without the pause: Enter at once after typing.

With ``--baseline-tree DIR`` (another checkout, e.g. main), (a) and (d) also run with that
tree's package (``PYTHONPATH``), interleaved in the same rounds, for same-run ratios, on a
copy of the store made right after seeding (that tree may upgrade its schema on opening).

Times are taken by the parent when the child prints (interpreter start-up included), except
(c) and (d), which are measured inside the app.  Peak RSS comes from ``os.wait4``.  The
children run with compiled bytecode, as an installed app does: with
``PYTHONDONTWRITEBYTECODE`` set every start would compile our modules from source while
PySide6's come precompiled; they get a ``PYTHONPYCACHEPREFIX`` in the temporary folder
instead, and one unmeasured round first fills it.  The machine's load average is printed
before and after (the rounds alternate, so load hits every case alike).  Targets (issue 19):
sign-in painted at most 1.5x the bare window; Enter to home after a pause at most 150 ms, and
without it at most 1.1x the baseline tree's; peak memory at home at most 2x the bare window.

    .venv/bin/python benchmarks/startup_bench.py [--runs 5] [--inmates 60] [--years 2]
        [--baseline-tree /path/to/main]
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
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TREE = HERE.parent
BIN = Path(sys.executable).parent
SIGN_IN_RATIO = 1.5
MEMORY_RATIO = 2.0
PAUSED_MS = 150.0
UNPAUSED_RATIO = 1.1
BARE = "bare PySide6 window"
SIGN_IN = "(a) sign-in painted"
HOME = "(b) home painted, --user"
PAUSED = "(c) Enter -> home, paused"
TYPED = "(d) Enter -> home, no pause"
BASE = " [baseline]"
IN_APP = (PAUSED, TYPED, TYPED + BASE)
CHILD_TIMEOUT_S = 120


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
        env = {**os.environ, "PYTHONPATH": str(TREE)}
        out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
        officers = re.findall(r"^\s+(\S+)\s+.+\s+officer$", out, re.MULTILINE)
        password = re.search(r"password for all demo accounts: (\S+)", out)
        if officers and password:
            how = f"officer-desk-admin seed-demo --inmates {inmates} --years {years}"
            return Seeded(how, officers[0], password.group(1))
        shutil.rmtree(data)  # an older admin tool (a plain store): make it as below
    from officer_desk.demo.generator import DEMO_PASSWORD, create_demo_store

    summary = create_demo_store(
        data / "officer_desk.sqlite", backups=data / "backups", inmates=inmates, years=years
    )
    officer = next(u for u, _name, role in summary.accounts if role == "officer")
    how = f"officer_desk.demo.generator.create_demo_store(inmates={inmates}, years={years})"
    return Seeded(how, officer, DEMO_PASSWORD)


def measure(command: list[str], env: dict[str, str], wanted: str, *, in_app: bool) -> Run:
    started = time.perf_counter()
    # stderr: the offscreen plugin's "does not support propagateSizeHints()" noise.
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert child.stdout is not None
    # A child that never reaches its line (a bug) must not hang the benchmark.
    watchdog = threading.Timer(CHILD_TIMEOUT_S, child.kill)
    watchdog.start()
    seen: float | None = None
    said = []
    for line in child.stdout:  # each line is read the moment the child prints it
        said.append(line.strip())
        if line.startswith(wanted + ":"):
            seen = float(line.split()[-2]) if in_app else (time.perf_counter() - started) * 1000
    # wait4, not wait: it also returns the child's resource usage (ru_maxrss in KiB on Linux).
    _pid, status, usage = os.wait4(child.pid, 0)
    watchdog.cancel()
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or seen is None:
        raise SystemExit(f"{' '.join(command)} failed (exit {code}): {' | '.join(said)}")
    return Run(seen, usage.ru_maxrss / 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--inmates", type=int, default=60)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument(
        "--baseline-tree", type=Path, help="another checkout to compare (a) and (d) with"
    )
    args = parser.parse_args()
    load_before = os.getloadavg()

    with tempfile.TemporaryDirectory(prefix="od-startup-") as tmp:
        data = Path(tmp) / "data"
        began = time.perf_counter()
        seeded = seed(data, args.inmates, args.years)
        size = (data / "officer_desk.sqlite").stat().st_size / 1e6
        print(f"store: {seeded.how} ({size:.0f} MB, {time.perf_counter() - began:.0f} s)")
        print(f"signing in as {seeded.username} (the first demo officer)")

        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(TREE)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        with_password = {**env, "OFFICER_DESK_PASSWORD": seeded.password}
        app = [shutil.which("officer-desk", path=str(BIN)) or "officer-desk"]
        app += ["--data-dir", str(data), "--exit-after-paint"]
        as_user = [*app, "--user", seeded.username]
        typed = [*as_user, "--bench-type-password"]
        cases: dict[str, tuple[list[str], dict[str, str], str, bool]] = {
            BARE: ([sys.executable, str(HERE / "bare_window.py")], env, "first paint", False),
            SIGN_IN: (app, env, "sign-in painted", False),
            HOME: ([*as_user, "--bench-settle"], with_password, "home painted", False),
            PAUSED: ([*typed, "--bench-pause"], with_password, "sign-in to home", True),
            TYPED: (typed, with_password, "sign-in to home", True),
        }
        if args.baseline_tree is not None:
            base_data = Path(tmp) / "baseline-data"
            shutil.copytree(data, base_data)
            base_tree = str(args.baseline_tree.resolve())
            base_env = {**env, "PYTHONPATH": base_tree}
            base_password = {**with_password, "PYTHONPATH": base_tree}
            base_app = [app[0], "--data-dir", str(base_data), "--exit-after-paint"]
            base_typed = [*base_app, "--user", seeded.username, "--bench-type-password"]
            cases[SIGN_IN + BASE] = (base_app, base_env, "sign-in painted", False)
            cases[TYPED + BASE] = (base_typed, base_password, "sign-in to home", True)
        runs: dict[str, list[Run]] = {name: [] for name in cases}
        for n in range(args.runs + 1):  # alternate, so drift in the machine hits all alike
            for name, (command, case_env, wanted, in_app) in cases.items():
                run = measure(command, case_env, wanted, in_app=in_app)
                if n > 0:  # round 0 compiles the bytecode and fills the file cache
                    runs[name].append(run)

    def median(name: str, what: str = "paint_ms") -> float:
        return statistics.median(getattr(r, what) for r in runs[name])

    base_paint, base_rss = median(BARE), median(BARE, "peak_rss_mb")
    load_after = os.getloadavg()
    print(
        f"\nruns: {args.runs} each, alternating, QT_QPA_PLATFORM=offscreen, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; medians; load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after\n"
    )
    header = (
        f"{'':34} {'ms':>7} {'ratio':>6} {'min':>6} {'max':>6} {'peak RSS MB':>12} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    for name, results in runs.items():
        paints = [r.paint_ms for r in results]
        paint, rss = median(name), median(name, "peak_rss_mb")
        # Enter -> home is a duration inside the app, not a time from spawn: no ratio.
        ratio = "" if name in IN_APP else f"{paint / base_paint:5.2f}x"
        print(
            f"{name:34} {paint:7.0f} {ratio:>6} {min(paints):6.0f} {max(paints):6.0f} "
            f"{rss:12.0f} {rss / base_rss:5.2f}x"
        )

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    sign_in = median(SIGN_IN) / base_paint
    paused = median(PAUSED)
    rss = median(HOME, "peak_rss_mb") / base_rss
    print("\ntargets (issue 19), same run:")
    print(f"  sign-in painted <= {SIGN_IN_RATIO}x bare: {verdict(sign_in <= SIGN_IN_RATIO)} "
          f"({sign_in:.2f}x)")  # fmt: skip
    print(f"  Enter -> home after a pause <= {PAUSED_MS:.0f} ms: "
          f"{verdict(paused <= PAUSED_MS)} ({paused:.0f} ms)")  # fmt: skip
    if args.baseline_tree is not None:
        unpaused = median(TYPED) / median(TYPED + BASE)
        print(f"  Enter -> home without a pause <= {UNPAUSED_RATIO}x the baseline tree: "
              f"{verdict(unpaused <= UNPAUSED_RATIO)} ({unpaused:.2f}x)")  # fmt: skip
        before = median(SIGN_IN + BASE) / base_paint
        print(f"  (the baseline tree's sign-in painted: {before:.2f}x bare)")
    print(f"  peak memory at home (settled) <= {MEMORY_RATIO:.0f}x bare: "
          f"{verdict(rss <= MEMORY_RATIO)} ({rss:.2f}x)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
