"""Re-key benchmark: giving a 60-person, 5-year store a fresh key (store/rekey.py).

Seeds a demo store (``app.demo.create_demo_store``: 60 people and 5 years by default, every
demo account with a key slot), then in the same process alternates:

- the baseline: a plain open and close of the same store (``open_store``, one read, close),
  what every sign-in pays;
- a re-key (``rekey.rekey_store``): the slot file's step 1, SQLCipher's ``PRAGMA rekey`` of
  every page, the WAL checkpoint, step 3.

Key derivation is not part of either (the seeding uses a test-cost Argon2id so it is quick;
a re-key derives no key).  Prints the medians, the ratio re-key/open and the target (a re-key
under 30 s).

    .venv/bin/python benchmarks/rekey_bench.py [--runs 5] [--inmates 60] [--years 5]
        [--data DIR]   # keep the seeded store in DIR and reuse it next time
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from demo_store import admin_key, seeded

from officer_desk.store.database import open_store
from officer_desk.store.keyslots import KeySlots
from officer_desk.store.rekey import rekey_store

TARGET_SECONDS = 30.0


def open_and_close(store_path: Path, key: bytes) -> float:
    started = time.perf_counter()
    store = open_store(store_path, key=key)
    with store.raw() as db:
        db.execute("SELECT count(*) FROM officer").fetchone()
    store.close()
    return time.perf_counter() - started


def rekey_once(store_path: Path, key: bytes) -> tuple[float, bytes]:
    store = open_store(store_path, key=key)
    try:
        started = time.perf_counter()
        done = rekey_store(store)
        elapsed = time.perf_counter() - started
        assert done and store.key is not None and store.key != key
        return elapsed, store.key
    finally:
        store.close()


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
        slots = len(KeySlots.for_store(store_path) or [])
        opens: list[float] = []
        rekeys: list[float] = []
        for _ in range(args.runs):
            opens.append(open_and_close(store_path, key))
            took, key = rekey_once(store_path, key)
            rekeys.append(took)
        assert admin_key(store_path) == key  # the slots follow every re-key
        size = store_path.stat().st_size / 1e6
        open_median, rekey_median = statistics.median(opens), statistics.median(rekeys)
        print(f"store: {args.inmates} people, {args.years} years, {size:.1f} MB, {slots} slots")
        print(f"{'step':<28}{'median':>10}{'ratio':>9}")
        print(f"{'open + close (baseline)':<28}{open_median * 1000:>8.0f}ms{1.0:>8.1f}x")
        print(f"{'re-key':<28}{rekey_median * 1000:>8.0f}ms{rekey_median / open_median:>8.1f}x")
        verdict = "met" if rekey_median < TARGET_SECONDS else "NOT met"
        print(f"target: re-key under {TARGET_SECONDS:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
