"""Encryption-at-rest benchmark: opening the home screen on a plain vs. a SQLCipher store.

Seeds the same demo unit twice (``app.demo.seed_demo``, same seed and day: 60 people and 5
years by default) into a plain store and into one encrypted with a random key, then measures
"opening the home screen" as the app does it: open the store (migration check, device id),
``queries.officers`` and ``queries.caseload`` for the contact officer with the largest
caseload; then the first timeline page of the person with the longest history.

Each run is a fresh process (new engine, empty SQLite page cache; the operating system's file
cache stays warm, as it is on a workstation that was just used), runs alternate between the
two stores, and the child times only the work after its imports, which are the same for both.
Key derivation is not included: that is benchmarks/login_bench.py.  Prints medians, the
ratio encrypted/plain and the target (home screen at most 1.3x plain).

Several sizes (``--inmates 60 250 1000``) make a sweep in one run (stores in DIR/<N>x<Y>/),
ending with a table of home and timeline at each size over the smallest: issue #19 wants
them flat (at most 1.2x from 60 to 1,000 people).

    .venv/bin/python benchmarks/encrypted_home_bench.py [--runs 7] [--inmates 60 [250 1000]]
        [--years 5] [--data DIR]   # keep the seeded stores in DIR and reuse them next time
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from itertools import pairwise
from pathlib import Path

from sqlmodel import col, func, select

from officer_desk.demo.generator import seed_demo
from officer_desk.domain.enums import Role
from officer_desk.store import queries
from officer_desk.store.database import open_store
from officer_desk.store.tables import Inmate, MealLog

TARGET_RATIO = 1.3
MAX_GROWTH = 1.2  # home and timeline at 1,000 people over the same at 60 (issue #19)
STEPS = [
    ("open", "open store"),
    ("officers", "officers()"),
    ("caseload", "caseload() of a full caseload"),
    ("home", "home screen (the three above)"),
    ("timeline", "first timeline page, longest history"),
]


def seed(path: Path, key: bytes | None, inmates: int, years: int, today: date) -> float:
    started = time.perf_counter()
    store = open_store(path, key=key)
    try:
        seed_demo(store, inmates=inmates, years=years, seed=1, today=today)
    finally:
        store.close()
    return time.perf_counter() - started


def subjects(path: Path, key: bytes | None, today: date) -> tuple[str, str, int]:
    """(officer id with the largest caseload, person id with the most meals, caseload size)."""
    store = open_store(path, key=key)
    try:
        with store.reading() as session:
            contact = [o for o in queries.officers(session, today) if o.role == Role.OFFICER]
            officer = max(contact, key=lambda o: (o.caseload_size, o.username))
            person = session.exec(
                select(Inmate.id)
                .join(MealLog, col(MealLog.inmate_id) == col(Inmate.id))
                .group_by(col(Inmate.id))
                .order_by(func.count().desc(), col(Inmate.prison_number))
                .limit(1)
            ).one()
    finally:
        store.close()
    return officer.id, person, officer.caseload_size


def child(path: Path, officer_id: str, person_id: str, today: date) -> None:
    """One cold opening of the home screen; prints the step times in ms as JSON."""
    key_hex = sys.stdin.read().strip()  # on stdin, not in argv where ps would show it
    key = bytes.fromhex(key_hex) if key_hex else None
    marks = [time.perf_counter()]
    store = open_store(path, key=key)
    marks.append(time.perf_counter())
    with store.reading() as session:
        queries.officers(session, today)
    marks.append(time.perf_counter())
    with store.reading() as session:
        rows = queries.caseload(session, officer_id, today)
    marks.append(time.perf_counter())
    with store.reading() as session:
        page = queries.timeline_page(session, person_id)
    marks.append(time.perf_counter())
    store.close()
    assert rows and page.items, "the benchmark found nothing to show"
    ms = [(b - a) * 1000 for a, b in pairwise(marks)]
    result = {
        "open": ms[0],
        "officers": ms[1],
        "caseload": ms[2],
        "home": ms[0] + ms[1] + ms[2],
        "timeline": ms[3],
    }
    print(json.dumps(result))


def run_child(
    path: Path, key: bytes | None, officer_id: str, person_id: str, today: date
) -> dict[str, float]:
    command = [
        sys.executable, __file__, "--child", str(path), officer_id, person_id, today.isoformat(),
    ]  # fmt: skip
    done = subprocess.run(
        command, input=key.hex() if key else "", capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepare(folder: Path, inmates: int, years: int, today: date) -> dict[str, bytes | None]:
    """The two stores in ``folder`` (seeded now unless a previous run left them there)."""
    key_file = folder / "encrypted.key"  # demo data only: a real key never sits in a file
    stores: dict[str, bytes | None] = {"plain": None}
    if key_file.exists() and (folder / "encrypted.sqlite").exists():
        stores["encrypted"] = bytes.fromhex(key_file.read_text())
        print(f"reusing the stores in {folder}")
        return stores
    stores["encrypted"] = secrets.token_bytes(32)
    for name, key in stores.items():
        seconds = seed(folder / f"{name}.sqlite", key, inmates, years, today)
        print(f"seeded {name}: {inmates} people, {years} years in {seconds:.0f} s")
    key_file.write_text(stores["encrypted"].hex())  # type: ignore[union-attr]
    return stores


def measure_size(
    folder: Path, inmates: int, years: int, runs: int, today: date
) -> tuple[dict[str, dict[str, float]], dict[str, float], int]:
    """Seed (or reuse) one size's two stores in ``folder`` and time cold home openings:
    (median ms per store and step, file MB per store, caseload size)."""
    folder.mkdir(parents=True, exist_ok=True)
    stores = prepare(folder, inmates, years, today)
    found = {name: subjects(folder / f"{name}.sqlite", key, today) for name, key in stores.items()}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in stores}
    for _ in range(runs):  # alternate, so drift in the machine hits both alike
        for name, key in stores.items():
            officer_id, person_id, _size = found[name]
            path = folder / f"{name}.sqlite"
            results[name].append(run_child(path, key, officer_id, person_id, today))
    sizes = {name: (folder / f"{name}.sqlite").stat().st_size / 1e6 for name in stores}
    medians = {
        name: {step: statistics.median(r[step] for r in runs_) for step, _label in STEPS}
        for name, runs_ in results.items()
    }
    return medians, sizes, found["plain"][2]


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        store_path, officer, person, day = sys.argv[2:6]
        child(Path(store_path), officer, person, date.fromisoformat(day))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--inmates", type=int, nargs="+", default=[60], metavar="N", help="one size or a sweep"
    )
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--data", type=Path, help="keep (and reuse) the seeded stores here")
    args = parser.parse_args()
    sizes = sorted(set(args.inmates))

    measured = {}
    with tempfile.TemporaryDirectory(prefix="od-encrypted-home-") as tmp:
        folder = args.data or Path(tmp)
        today = date.today()
        for inmates in sizes:
            # One folder per size; a single size keeps the old layout (reusable --data).
            where = folder if len(sizes) == 1 else folder / f"{inmates}x{args.years}"
            measured[inmates] = measure_size(where, inmates, args.years, args.runs, today)

    for inmates, (medians, files, caseload_size) in measured.items():
        print(
            f"\n{inmates} people, {args.years} years: {args.runs} cold runs each (fresh "
            f"process), alternating; medians in ms; store {files['plain']:.0f} MB plain / "
            f"{files['encrypted']:.0f} MB encrypted; caseload of {caseload_size}; Python "
            f"{sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}\n"
        )
        header = f"{'step':<38} {'plain':>8} {'encrypted':>10} {'ratio':>7} {'target':>7}"
        print(header)
        print("-" * len(header))
        for step, label in STEPS:
            plain, encrypted = medians["plain"][step], medians["encrypted"][step]
            target = f"≤ {TARGET_RATIO}x" if step == "home" else ""
            print(
                f"{label:<38} {plain:8.1f} {encrypted:10.1f} {encrypted / plain:6.2f}x {target:>7}"
            )
        ratio = medians["encrypted"]["home"] / medians["plain"]["home"]
        verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
        print(f"\ntarget (home screen encrypted ≤ {TARGET_RATIO}x plain): {verdict}")
    if len(sizes) > 1:
        print(growth_table(measured, sizes))
    return 0


def growth_table(
    measured: dict[int, tuple[dict[str, dict[str, float]], dict[str, float], int]],
    sizes: list[int],
) -> str:
    """Home and timeline at each size over the same at the smallest (issue #19: ≤ 1.2x)."""
    first = measured[sizes[0]][0]
    lines = [
        f"\ngrowth with the unit's size, against {sizes[0]} people (same run; target ≤ "
        f"{MAX_GROWTH}x: one officer's home and one person's timeline do not grow with the unit)",
        f"{'people':>7} {'store':<10} {'home ms':>8} {'x':>6} {'timeline ms':>12} {'x':>6}",
    ]
    met = True
    for inmates in sizes:
        medians = measured[inmates][0]
        for name in ("plain", "encrypted"):
            home = medians[name]["home"] / first[name]["home"]
            timeline = medians[name]["timeline"] / first[name]["timeline"]
            met &= home <= MAX_GROWTH and timeline <= MAX_GROWTH
            lines.append(
                f"{inmates:>7} {name:<10} {medians[name]['home']:8.1f} {home:5.2f}x "
                f"{medians[name]['timeline']:12.1f} {timeline:5.2f}x"
            )
    lines.append(
        f"\ntarget (home and timeline ≤ {MAX_GROWTH}x at every size): "
        + ("met" if met else "NOT met")
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
