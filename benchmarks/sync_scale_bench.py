"""Sync at unit sizes of 60, 250 and 1,000 people: a fresh workstation taking the whole unit, and
an incremental sync of 100 changes, with ratios to the smallest size measured in the same run.

Each size gets its own hub (SQLite, in this process) and a source workstation that sets the unit
up (``synchelp.seed_unit``: every person on one officer's caseload, so a workstation of the unit
takes them all) and uploads it; then ``--days`` of meals per person go straight into the hub
(as in sync_bench.py).  History per person is the same at every size, so the records grow with
the people: a fresh workstation's seconds per person should stay flat (no worse than linear),
and an incremental sync of 100 changes should not grow with the unit at all.

    python benchmarks/sync_scale_bench.py [--inmates 60 250 1000] [--days 60] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sync_bench import held, load_hub, log_hundred_meals, meal_rows
from synchelp import make_hub, seed_unit

from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport

VARIANTS = ("plain", "encrypted")


@dataclass
class SizeResult:
    """One unit size: records a fresh workstation took, its seconds per variant, and the
    incremental round trip."""

    inmates: int
    records: int
    upload: float
    fresh: dict[str, float]
    incremental_ms: float

    def per_person(self, variant: str) -> float:
        return self.fresh[variant] / self.inmates


def measure_size(inmates: int, days: int, runs: int) -> SizeResult:
    tmp = Path(tempfile.mkdtemp(prefix="sync-scale-bench-"))
    try:
        hub = make_hub(f"sqlite:///{tmp / 'hub.sqlite'}")
        source = open_store(tmp / "source.sqlite")
        info = seed_unit(source, persons=inmates)
        client = SyncClient(source, InProcessTransport(hub.app))
        client.enroll("https://hub.test", hub.code(), "source")
        started = time.perf_counter()
        client.sync_once()  # the unit's set-up goes up: people, assignments, accounts
        upload = time.perf_counter() - started
        rows = meal_rows(info["inmates"], days / 365)
        load_hub(hub, rows)

        made = 0
        fresh: dict[str, list[float]] = {v: [] for v in VARIANTS}
        records = 0
        for _ in range(runs):  # interleaved, so the machine's load hits both alike
            for variant in VARIANTS:
                made += 1
                key = secrets.token_bytes(32) if variant == "encrypted" else None
                path = tmp / f"fresh-{made}.sqlite"
                store = open_store(path, key=key)
                joining = SyncClient(store, InProcessTransport(hub.app))
                joining.enroll("https://hub.test", hub.code(), f"fresh-{made}")
                began = time.perf_counter()
                report = joining.sync_once()
                fresh[variant].append(time.perf_counter() - began)
                joining.close()
                store.close()
                counts = held(path, key)
                # Every record counted is held, the whole unit's meals among them.
                assert report.skipped == 0 and sum(counts.values()) == report.pulled, counts
                assert counts["meal_log"] == len(rows) and counts["inmate"] == inmates, counts
                records = report.pulled
                path.unlink()

        # Incremental: 100 meals logged on the source, pushed, pulled by an up-to-date peer.
        client.sync_once()  # the source takes the loaded history first (not timed)
        other = SyncClient(open_store(tmp / "other.sqlite"), InProcessTransport(hub.app))
        other.enroll("https://hub.test", hub.code(), "other")
        other.sync_once()
        trips = []
        for run in range(runs):
            log_hundred_meals(source, info, run)
            began = time.perf_counter()
            client.sync_once()
            other.sync_once()
            trips.append(time.perf_counter() - began)
        for done in (client, other):
            done.close()
            done.store.close()
        hub.engine.dispose()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return SizeResult(
        inmates,
        records,
        upload,
        {v: statistics.median(t) for v, t in fresh.items()},
        statistics.median(trips) * 1000,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inmates", type=int, nargs="+", default=[60, 250, 1000], metavar="N")
    parser.add_argument("--days", type=int, default=60, help="of meals per person")
    parser.add_argument("--runs", type=int, default=3, help="rounds per measure (medians)")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    results = [measure_size(n, args.days, args.runs) for n in sorted(set(args.inmates))]
    first = results[0]

    print(
        f"medians of {args.runs} runs; {args.days} days of meals per person; hub in-process "
        f"(SQLite); {os.cpu_count()} CPUs, load average {load_before:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after"
    )
    print(
        f"{'people':>7}{'records':>10}{'upload s':>10}{'variant':>11}{'fresh s':>9}{'rec/s':>9}"
        f"{'ms/person':>11}{f'x at {first.inmates}':>10}{'incr. ms':>10}{'x':>6}"
    )
    linear = True
    for r in results:
        for variant in VARIANTS:
            growth = r.per_person(variant) / first.per_person(variant)
            linear &= growth <= 1.0
            print(
                f"{r.inmates:>7}{r.records:>10,}{r.upload:>10.2f}{variant:>11}"
                f"{r.fresh[variant]:>9.2f}{r.records / r.fresh[variant]:>9,.0f}"
                f"{r.per_person(variant) * 1000:>11.2f}{growth:>10.2f}"
                f"{r.incremental_ms:>10.0f}{r.incremental_ms / first.incremental_ms:>6.2f}"
            )
    print(
        f"\n'x at {first.inmates}': a fresh workstation's seconds per person over those at "
        f"{first.inmates} people (at most 1.0: no worse than linear); 'x': the incremental "
        f"round trip (100 changes, push + pull) over that at {first.inmates} people"
    )
    print("linear: met" if linear else "linear: NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
