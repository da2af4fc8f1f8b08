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

    .venv/bin/python benchmarks/encrypted_home_bench.py [--runs 7] [--inmates 60] [--years 5]
        [--data DIR]   # keep the seeded stores in DIR and reuse them next time
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

from officer_desk.app.demo import seed_demo
from officer_desk.domain.enums import Role
from officer_desk.store import queries
from officer_desk.store.database import open_store
from officer_desk.store.tables import Inmate, MealLog

TARGET_RATIO = 1.3
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


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        store_path, officer, person, day = sys.argv[2:6]
        child(Path(store_path), officer, person, date.fromisoformat(day))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--inmates", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--data", type=Path, help="keep (and reuse) the seeded stores here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="od-encrypted-home-") as tmp:
        folder = args.data or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        today = date.today()
        stores = prepare(folder, args.inmates, args.years, today)
        found = {
            name: subjects(folder / f"{name}.sqlite", key, today) for name, key in stores.items()
        }
        results: dict[str, list[dict[str, float]]] = {name: [] for name in stores}
        for _ in range(args.runs):  # alternate, so drift in the machine hits both alike
            for name, key in stores.items():
                officer_id, person_id, _size = found[name]
                path = folder / f"{name}.sqlite"
                results[name].append(run_child(path, key, officer_id, person_id, today))
        sizes = {name: (folder / f"{name}.sqlite").stat().st_size / 1e6 for name in stores}

    caseload_size = found["plain"][2]
    print(
        f"\n{args.runs} cold runs each (fresh process), alternating; medians in ms; "
        f"store {sizes['plain']:.0f} MB plain / {sizes['encrypted']:.0f} MB encrypted; "
        f"caseload of {caseload_size}; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n"
    )
    header = f"{'step':<38} {'plain':>8} {'encrypted':>10} {'ratio':>7} {'target':>7}"
    print(header)
    print("-" * len(header))
    ratios = {}
    for step, label in STEPS:
        plain = statistics.median(r[step] for r in results["plain"])
        encrypted = statistics.median(r[step] for r in results["encrypted"])
        ratios[step] = encrypted / plain
        target = f"≤ {TARGET_RATIO}x" if step == "home" else ""
        print(f"{label:<38} {plain:8.1f} {encrypted:10.1f} {ratios[step]:6.2f}x {target:>7}")
    verdict = "met" if ratios["home"] <= TARGET_RATIO else "NOT met"
    print(f"\ntarget (home screen encrypted ≤ {TARGET_RATIO}x plain): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
