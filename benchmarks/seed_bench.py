"""Benchmark: how fast seed-demo fills a store, how big it gets, against targets and a baseline.

Makes an encrypted demo store of N people x Y years (default 60 x 5, the size issue #2 sets
targets for: under 60 s and under 400 MB) in a temporary folder, as ``seed-demo`` does
(``create_demo_store``: SQLCipher, and a key slot with production Argon2id per account, which
is part of the time), and prints rows per table, seconds, rows/s and the file
size (store + WAL after a checkpoint), each target as "x of target" (below 1.0 is within it),
and whether ``verify`` (integrity, foreign keys, audit chain) passes on the result.

Several sizes (``--inmates 60 250 1000``) make a sweep in one run: seconds per person at each
size over those at the smallest show how seeding grows (issue #19: no worse than linear, and
1,000 people x 2 years under 5 minutes).

Baseline, measured in the same run: plain (unencrypted) ``sqlite3`` ``executemany`` of the same
number of meal rows (same columns, ready-made tuples, same pragmas, one transaction per person
as seed does) into a bare table with no indexes.  It is the ceiling of what SQLite itself does
on this machine; our rows/s is shown as a ratio to it.

    .venv/bin/python benchmarks/seed_bench.py [--inmates 60 [250 1000]] [--years 5] [--seed 1]
        [--keep DIR]

Exit status 1 if a target was missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from officer_desk.app.accounts import sign_in
from officer_desk.cli.verify import verify
from officer_desk.demo.generator import ADMIN_NAME, DEMO_PASSWORD, create_demo_store, username_for
from officer_desk.domain.ids import new_id
from officer_desk.store.connect import connect
from officer_desk.store.keyslots import KeySlots

# Targets by (people, years): issue #2's 60 x 5 store, issue #19's 1,000 x 2 facility.
TARGET_SECONDS = {(60, 5): 60.0, (1000, 2): 300.0}
TARGET_MB = {(60, 5): 400.0}
MAX_GROWTH = 1.0  # seconds per person at a size over those at the smallest size of the run
COUNTED = (
    "facility", "unit", "officer", "inmate", "assignment", "meal_log", "activity_log",
    "case_note", "case_note_revision", "audit_entry", "outbox_entry",
)  # fmt: skip


def store_key(path: Path) -> bytes:
    slots = KeySlots.for_store(path)
    assert slots is not None
    return slots.unlock(username_for(ADMIN_NAME, set()), DEMO_PASSWORD)


def store_size_mb(path: Path, key: bytes) -> float:
    """File size after folding the WAL back in (what a copy of the folder would take)."""
    with closing(connect(path, key)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


def row_counts(path: Path, key: bytes) -> dict[str, int]:
    with closing(connect(path, key)) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


def baseline_rows_per_second(folder: Path, rows: int, batches: int) -> float:
    """Raw sqlite3 executemany of ``rows`` meal-shaped rows in ``batches`` transactions."""
    path = folder / "baseline.sqlite"
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute(
            "CREATE TABLE meal (id TEXT PRIMARY KEY, inmate_id TEXT, day TEXT, meal TEXT,"
            " outcome TEXT, decline_reason TEXT, ate_together INTEGER, note TEXT,"
            " logged_at TEXT, logged_by TEXT, amends_id TEXT, voided INTEGER, void_reason TEXT,"
            " updated_hlc TEXT, updated_by TEXT, device_id TEXT, server_version INTEGER,"
            " deleted_at TEXT)"
        )
        start = date(2021, 1, 1)
        officer, device = str(uuid.uuid4()), "0123456789abcdef"
        per_batch = max(1, rows // max(1, batches))
        data = [
            (
                new_id(), f"inmate-{n // per_batch}",
                (start + timedelta(n // 3)).isoformat(), "lunch", "ate", None, 1, "",
                datetime(2021, 1, 1, 11, 30, tzinfo=UTC).isoformat(" "), officer, None, 0, "",
                f"1795424416005-{n:05d}-{device}", officer, device, None, None,
            )
            for n in range(rows)
        ]  # fmt: skip
        began = time.perf_counter()
        for offset in range(0, rows, per_batch):
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(
                f"INSERT INTO meal VALUES ({','.join('?' * 18)})", data[offset : offset + per_batch]
            )
            connection.execute("COMMIT")
        return rows / (time.perf_counter() - began)
    finally:
        connection.close()


@dataclass
class Seeded:
    """One size of the sweep: what was written, how long it took, whether it verifies."""

    inmates: int
    seconds: float
    counts: dict[str, int]
    size_mb: float
    baseline: float
    verified: bool

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def per_person(self) -> float:
        return self.seconds / self.inmates


def seed_one(inmates: int, years: int, seed: int, today: date, keep: str | None) -> Seeded:
    """Seed, count, measure and verify one store in a temporary folder (removed after)."""
    folder = Path(tempfile.mkdtemp(prefix="seed-bench-"))
    try:
        path = folder / "officer_desk.sqlite"
        began = time.perf_counter()
        create_demo_store(path, inmates=inmates, years=years, seed=seed, today=today)
        seconds = time.perf_counter() - began
        key = store_key(path)
        counts = row_counts(path, key)
        size = store_size_mb(path, key)
        # What ``officer-desk-admin verify`` checks: integrity, foreign keys, the audit chain.
        store, _who = sign_in(path, username_for(ADMIN_NAME, set()), DEMO_PASSWORD)
        try:
            verified = verify(store).ok
        finally:
            store.close()
        baseline = baseline_rows_per_second(folder, counts["meal_log"], counts["inmate"])
        if keep:
            target = Path(keep) / str(inmates)
            target.mkdir(parents=True, exist_ok=True)
            for file in folder.glob(path.name + "*"):  # the store and its key slots
                shutil.copyfile(file, target / file.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return Seeded(inmates, seconds, counts, size, baseline, verified)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--inmates", type=int, nargs="+", default=[60], metavar="N", help="one size or a sweep"
    )
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", default="2026-11-01", help="fixed, so runs are comparable")
    parser.add_argument("--keep", metavar="DIR", help="keep the seeded stores in DIR/<size>/")
    args = parser.parse_args(argv)
    today = date.fromisoformat(args.today)
    sizes = sorted(set(args.inmates))

    results = [seed_one(n, args.years, args.seed, today, args.keep) for n in sizes]

    print(
        f"seed-demo (encrypted): {', '.join(map(str, sizes))} people x {args.years} years, "
        f"seed {args.seed}; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    print()
    print(f"{'table':<22}" + "".join(f"{f'{r.inmates} people':>16}" for r in results))
    for table in COUNTED:
        print(f"{table:<22}" + "".join(f"{r.counts[table]:>16,}" for r in results))
    print(f"{'total':<22}" + "".join(f"{r.total:>16,}" for r in results))

    first = results[0]
    print()
    print(
        f"{'people':>7}{'seconds':>10}{'target':>8}{'x target':>10}{'s/person':>10}"
        f"{f'x at {first.inmates}':>10}{'rows/s':>10}{'x raw':>7}{'MB':>8}{'target':>8}"
        f"{'x target':>10}  verify"
    )
    within = True
    for r in results:
        goal = TARGET_SECONDS.get((r.inmates, args.years))
        goal_mb = TARGET_MB.get((r.inmates, args.years))
        growth = r.per_person / first.per_person
        rate = r.total / r.seconds
        print(
            f"{r.inmates:>7}{r.seconds:>10.1f}{_opt(goal, '.0f', 8)}"
            f"{_opt(goal and r.seconds / goal, '.2f', 10)}{r.per_person:>10.3f}{growth:>10.2f}"
            f"{rate:>10,.0f}{rate / r.baseline:>7.3f}{r.size_mb:>8.1f}{_opt(goal_mb, '.0f', 8)}"
            f"{_opt(goal_mb and r.size_mb / goal_mb, '.2f', 10)}  "
            f"{'ok' if r.verified else 'FAILED'}"
        )
        within &= r.verified and growth <= MAX_GROWTH
        within &= goal is None or r.seconds < goal
        within &= goal_mb is None or r.size_mb < goal_mb
    print()
    print(
        f"'x at {first.inmates}': seconds per person over those at {first.inmates} people "
        f"(at most {MAX_GROWTH:.1f}: no worse than linear); 'x raw': rows/s over raw sqlite3 "
        "executemany of as many meal rows into a bare table (same run)"
    )
    print("targets met" if within else "TARGET MISSED")
    return 0 if within else 1


def _opt(value: float | None, spec: str, width: int) -> str:
    return f"{'':>{width}}" if value is None else f"{value:>{width}{spec}}"


if __name__ == "__main__":
    sys.exit(main())
