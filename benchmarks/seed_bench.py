"""Benchmark: how fast seed-demo fills a store, how big it gets, against targets and a baseline.

Makes an encrypted demo store of N people x Y years (default 60 x 5, the size issue #2 sets
targets for: under 60 s and under 400 MB) in a temporary folder, as ``seed-demo`` does
(``create_demo_store``: SQLCipher, and a key slot with production Argon2id per account, which
is part of the time), and prints rows per table, seconds, rows/s and the file
size (store + WAL after a checkpoint), each target as "x of target" (below 1.0 is within it).

Baseline, measured in the same run: plain (unencrypted) ``sqlite3`` ``executemany`` of the same
number of meal rows (same columns, ready-made tuples, same pragmas, one transaction per person
as seed does) into a bare table with no indexes.  It is the ceiling of what SQLite itself does
on this machine; our rows/s is shown as a ratio to it.

    .venv/bin/python benchmarks/seed_bench.py [--inmates 60] [--years 5] [--seed 1] [--keep DIR]

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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from officer_desk.app.demo import ADMIN_NAME, DEMO_PASSWORD, create_demo_store, username_for
from officer_desk.domain.ids import new_id
from officer_desk.store.connect import connect
from officer_desk.store.keyslots import KeySlots

TARGET_SECONDS = 60.0
TARGET_MB = 400.0
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inmates", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", default="2026-11-01", help="fixed, so runs are comparable")
    parser.add_argument("--keep", metavar="DIR", help="keep the seeded store in DIR")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="seed-bench-"))
    try:
        path = folder / "officer_desk.sqlite"
        began = time.perf_counter()
        create_demo_store(
            path,
            inmates=args.inmates,
            years=args.years,
            seed=args.seed,
            today=date.fromisoformat(args.today),
        )
        seconds = time.perf_counter() - began
        key = store_key(path)
        counts = row_counts(path, key)
        size = store_size_mb(path, key)
        total = sum(counts.values())
        baseline = baseline_rows_per_second(folder, counts["meal_log"], counts["inmate"])
        if args.keep:
            for file in folder.glob(path.name + "*"):  # the store and its key slots
                shutil.copyfile(file, Path(args.keep) / file.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    ours = total / seconds
    print(
        f"seed-demo (encrypted): {args.inmates} people x {args.years} years, seed {args.seed}; "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    print()
    print(f"{'table':<22}{'rows':>12}")
    for table, count in counts.items():
        print(f"{table:<22}{count:>12,}")
    print(f"{'total':<22}{total:>12,}")
    print()
    print(f"{'measure':<30}{'value':>14}{'target':>12}{'x of target':>14}")
    measure("seconds", f"{seconds:.1f}", seconds, TARGET_SECONDS)
    measure("store size MB (incl. -wal)", f"{size:.1f}", size, TARGET_MB)
    measure("rows/s (all tables)", f"{ours:,.0f}")
    measure("baseline rows/s (raw sqlite3)", f"{baseline:,.0f}")
    measure("ours / baseline", f"{ours / baseline:.3f}")
    within = seconds < TARGET_SECONDS and size < TARGET_MB
    print()
    print("targets met" if within else "TARGET MISSED")
    return 0 if within else 1


def measure(
    label: str, shown: str, value: float | None = None, target: float | None = None
) -> None:
    if value is None or target is None:
        print(f"{label:<30}{shown:>14}")
    else:
        print(f"{label:<30}{shown:>14}{target:>12.0f}{value / target:>14.2f}")


if __name__ == "__main__":
    sys.exit(main())
