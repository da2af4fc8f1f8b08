"""Verify benchmark: ``officer-desk-admin verify`` on a 60-person, 5-year encrypted store,
with and without the record hashes (issue 16: under 3x the verify that checked the chain only).

Seeds a demo store (``app.demo.create_demo_store``, test-cost Argon2id for the seeding only),
then in the same process alternates:

- the baseline: ``cli.verify.verify`` as it was before record hashes: SQLite's integrity and
  foreign-key checks, the audit chain, the counts (``audit.verify_records`` switched off);
- the full ``verify``: the same plus every live record's content hash against the chain.

Prints the medians, the ratio and the target.

    .venv/bin/python benchmarks/verify_bench.py [--runs 5] [--inmates 60] [--years 5]
        [--data DIR]   # keep the seeded store in DIR and reuse it next time
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from demo_store import admin_key, seeded

from officer_desk.cli.verify import verify
from officer_desk.store import audit
from officer_desk.store.database import open_store

TARGET_RATIO = 3.0


def timed_verify(store_path: Path, key: bytes, *, records: bool) -> tuple[float, int]:
    store = open_store(store_path, key=key)
    real = audit.verify_records
    if not records:
        audit.verify_records = lambda db: []
    try:
        started = time.perf_counter()
        report = verify(store)
        elapsed = time.perf_counter() - started
    finally:
        audit.verify_records = real
        store.close()
    assert report.ok, report.problems[:5]
    return elapsed, report.audit_entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--inmates", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--data", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.data or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        store_path = seeded(folder, args.inmates, args.years)
        key = admin_key(store_path)
        chain: list[float] = []
        full: list[float] = []
        for _ in range(args.runs):
            took, entries = timed_verify(store_path, key, records=False)
            chain.append(took)
            took, _ = timed_verify(store_path, key, records=True)
            full.append(took)
        with open_store(store_path, key=key).raw() as db:
            records = db.execute("SELECT count(*) FROM audit_record").fetchone()[0]
        base, median = statistics.median(chain), statistics.median(full)
        size = store_path.stat().st_size / 1e6
        print(
            f"store: {args.inmates} people, {args.years} years, {size:.1f} MB, "
            f"{entries} audit entries, {records} record hashes"
        )
        print(f"{'verify':<36}{'median':>10}{'ratio':>9}")
        print(f"{'chain only (baseline)':<36}{base * 1000:>8.0f}ms{1.0:>8.2f}x")
        print(f"{'chain and record hashes':<36}{median * 1000:>8.0f}ms{median / base:>8.2f}x")
        verdict = "met" if median / base < TARGET_RATIO else "NOT met"
        print(f"target: under {TARGET_RATIO:.0f}x the chain-only verify: {verdict}")


if __name__ == "__main__":
    main()
