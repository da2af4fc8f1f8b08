"""Benchmark: full-text search over a person's five-year timeline, first page (target < 50 ms),
against the plain timeline page read in the same run; and what the index costs the writes.

Builds an encrypted demo unit (``app.demo.seed_demo``: 60 people, 5 years of meals,
activities, conversations and notes; SQLCipher with a random key) in a temporary folder, then
times on the raw connection, for the person with the most indexed texts:

* baseline: ``store.queries.timeline_page`` (50 entries), the timeline the page shows first;
* ``store.search.search_timeline`` (50 hits) for a word in many texts, a topic, the start of
  a word, two words, a rare word and a word found nowhere;
* the page's own read (``ui.person.search.read_hits``: the hits and their authors).

Each is the median of repeated runs after one warm-up.  Then, unless ``--no-write-cost``, the
same smaller history (``--cost-inmates`` people) is seeded twice into fresh encrypted stores,
once as the app has it and once with the index's triggers dropped: the ratio is what keeping
the index in step costs the writes.

    .venv/bin/python benchmarks/search_bench.py [--inmates 60] [--years 5] [--runs 30]
        [--cost-inmates 6] [--no-write-cost]

Exit status 1 if the target was missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TARGET_MS = 50.0
PAGE = 50


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm-up: statement cache, pages in SQLite's cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def seeded(path: Path, inmates: int, years: int, *, index: bool = True) -> tuple[Any, float]:
    from officer_desk import paths
    from officer_desk.demo.generator import seed_demo
    from officer_desk.store.database import open_store

    paths.configure(path.parent / "data")
    store = open_store(path, key=secrets.token_bytes(32))
    if not index:
        with store.raw() as conn:
            triggers = conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"
            ).fetchall()
            for (name,) in triggers:
                conn.execute(f"DROP TRIGGER {name}")
    started = time.perf_counter()
    seed_demo(store, inmates=inmates, years=years, seed=1)
    return store, time.perf_counter() - started


def measure(store: Any, runs: int) -> tuple[dict[str, tuple[float, int]], int, int]:
    from officer_desk.store import queries, search
    from officer_desk.ui.person.search import read_hits
    from officer_desk.ui.person.timeline_model import TimelineFilter

    with store.raw() as conn:
        person, texts = conn.execute(
            "SELECT inmate_id, count(*) FROM search_entry GROUP BY inmate_id "
            "ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        entries = conn.execute("SELECT count(*) FROM search_entry").fetchone()[0]

    def timeline() -> int:
        with store.raw() as conn:
            return len(queries.timeline_page(conn, person, limit=PAGE).items)

    def searching(words: str) -> Callable[[], int]:
        def work() -> int:
            with store.raw() as conn:
                return len(search.search_timeline(conn, person, words, limit=PAGE).hits)

        return work

    def page_read() -> int:
        return len(read_hits(person, "og", None, TimelineFilter(), PAGE)(store).items)

    cases: dict[str, Callable[[], int]] = {
        "timeline": timeline,
        "common": searching("og"),
        "topic": searching("skole"),
        "prefix": searching("sam"),
        "two": searching("skole bolig"),
        "rare": searching("gjeldsrådgiver"),
        "none": searching("zzyzx"),
        "page": page_read,
    }
    return {key: (median_ms(work, runs), work()) for key, work in cases.items()}, texts, entries


LABELS = {
    "timeline": "baseline: timeline page (50)",
    "common": "search 'og' (in many texts)",
    "topic": "search 'skole' (a topic)",
    "prefix": "search 'sam' (start of a word)",
    "two": "search 'skole bolig'",
    "rare": "search 'gjeldsrådgiver' (rare)",
    "none": "search 'zzyzx' (nothing)",
    "page": "the page's read (hits + authors)",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inmates", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--cost-inmates", type=int, default=6)
    parser.add_argument("--no-write-cost", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="search-bench-") as folder:
        root = Path(folder)
        store, built = seeded(root / "unit" / "store.sqlite", args.inmates, args.years)
        try:
            results, texts, entries = measure(store, args.runs)
        finally:
            store.close()
        costs: list[tuple[str, float]] = []
        if not args.no_write_cost:
            for label, index in (("with the index", True), ("without (triggers dropped)", False)):
                other, seconds = seeded(
                    root / label.split()[0] / "store.sqlite",
                    args.cost_inmates,
                    args.years,
                    index=index,
                )
                other.close()
                costs.append((label, seconds))

    print(
        f"search bench: {args.inmates} people, {args.years} year(s), encrypted (SQLCipher); "
        f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f}; median of {args.runs} runs"
    )
    print(
        f"built in {built:.0f} s; {entries:,} indexed texts in the unit, {texts:,} for the "
        f"person searched"
    )
    print()
    head = f"{'measure':<36}{'ms':>9}{'found':>7}{'x timeline':>12}{'target ms':>11}"
    print(f"{head}{'x of target':>13}")
    within = True
    base = results["timeline"][0]
    for key, label in LABELS.items():
        ms, found = results[key]
        aimed = TARGET_MS if key != "timeline" else None
        print(
            f"{label:<36}{ms:>9.2f}{found:>7}{ms / base:>12.2f}"
            + (f"{aimed:>11.0f}{ms / aimed:>13.2f}" if aimed else f"{'':>11}{'':>13}")
        )
        if aimed and ms > aimed:
            within = False
    if costs:
        print()
        print(f"seeding {args.cost_inmates} people x {args.years} years (the demo's bulk writes)")
        for label, seconds in costs:
            print(f"  {label:<34}{seconds:>8.2f} s{seconds / costs[-1][1]:>8.2f}x")
    print()
    print("within target" if within else "TARGET MISSED")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
