"""Sync benchmarks: a fresh workstation taking a 6-person, 5-year caseload, and an
incremental sync of 100 changes, with ratios to the targets and to a raw SQLite baseline
measured in the same run.

    python benchmarks/sync_bench.py [--runs N] [--inmates 6] [--years 5]

(benchmarks/sync_scale_bench.py runs a fresh workstation at 60, 250 and 1,000 people.)

The fresh workstation is measured against a real ``officer-desk-server`` process over a
socket, as deployed (the next page is fetched while one is applied), and against the hub in
this process (the hub's page serving then counts in the workstation's time too).  Both with a
plain store and with an encrypted (SQLCipher) one, as workstations are normally set up.

The baseline is raw sqlite3: the same rows (read back from a store the client filled, so the
very values it writes) inserted with one ``executemany`` in one transaction into the same
schema (a new store made by the same migrations: same keys and indexes, same pragmas, the
same encryption or none).  A bare table without keys or indexes is printed for reference.
The records counted for a fresh workstation are checked against the rows it really holds.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "sync"))

from synchelp import LiveHub, make_hub, seed_unit

from officer_desk.app import logbook
from officer_desk.app.writes import Actor
from officer_desk.domain.ids import new_id
from officer_desk.server import db as hub_db
from officer_desk.server.merge import to_feed_end
from officer_desk.store.connect import connect
from officer_desk.store.database import _apply_pragmas, open_store
from officer_desk.sync.client import ORDER, SyncClient
from officer_desk.sync.transport import InProcessTransport

TARGET_RATE = 20_000  # records/s
TARGET_RAW = 0.25  # x the raw insert
TARGET_MS = 250  # incremental round trip


def meal_rows(inmates: list[str], years: float) -> list[dict[str, Any]]:
    rows = []
    days = round(365 * years)
    start = date.today() - timedelta(days=days)
    for inmate in inmates:
        for d in range(days):
            day = start + timedelta(days=d)
            for meal in ("breakfast", "lunch", "dinner"):
                rows.append(
                    {
                        "id": new_id(),
                        "inmate_id": inmate,
                        "day": day.isoformat(),
                        "meal": meal,
                        "outcome": "ate",
                        "decline_reason": None,
                        "ate_together": True,
                        "note": "",
                        "logged_at": datetime.combine(day, datetime.min.time(), UTC).isoformat(),
                        "logged_by": None,
                        "amends_id": None,
                        "voided": False,
                        "void_reason": "",
                        "updated_hlc": "0000000000001-00000-bench",
                        "updated_by": None,
                        "device_id": "bench",
                        "deleted_at": None,
                    }
                )
    return rows


def log_hundred_meals(store: Any, info: dict[str, Any], run: int) -> None:
    """The incremental measure's changes: 100 meals logged on ``store`` (days apart per run)
    by the seeded unit's officer, whose signing key the store holds: the hub takes only signed
    changes, so a local tool's (unsigned) meals would never leave the workstation."""
    officer = Actor(info["officer"], "Kari Nordmann", role="officer")
    inmates = info["inmates"]
    for n in range(100):
        logbook.log_meal(
            store,
            officer,
            day=date.today() - timedelta(days=1 + n + 100 * run),
            meal="evening",
            entries=[logbook.MealEntry(inmate_id=inmates[n % len(inmates)])],
        )


def load_hub(hub: Any, rows: list[dict[str, Any]]) -> None:
    """Put the caseload straight into the hub's database: the workstation side is timed."""
    with hub.engine.begin() as conn:
        conn.execute(
            hub_db.record.insert(),
            [
                {
                    "entity": "meal_log",
                    "entity_id": r["id"],
                    "inmate_id": r["inmate_id"],
                    "scope_unit": None,
                    "prev_unit": None,
                    "rank": 10,
                    "version": 1,
                    "deleted": False,
                    "data": json.dumps(r),
                    "meta": "{}",
                }
                for r in rows
            ],
        )
        to_feed_end(conn, [("meal_log", r["id"]) for r in rows])  # as a push would


def held(path: Path, key: bytes | None) -> dict[str, int]:
    """Rows per synced table in a store."""
    db = connect(path, key)
    try:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ORDER}
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds per measure (medians)")
    parser.add_argument("--inmates", type=int, default=6, help="people in the caseload")
    parser.add_argument("--years", type=float, default=5, help="of meals per person")
    args = parser.parse_args()
    runs, persons = args.runs, args.inmates
    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    hub = make_hub(f"sqlite:///{tmp / 'hub.sqlite'}")
    source = open_store(tmp / "source.sqlite")
    info = seed_unit(source, persons=persons)
    client = SyncClient(source, InProcessTransport(hub.app))
    client.enroll("https://hub.test", hub.code(), "source")
    client.sync_once()
    rows = meal_rows(info["inmates"], args.years)
    load_hub(hub, rows)
    made = 0

    def fresh_pull(transport: Any, url: str, key: bytes | None) -> float:
        nonlocal made
        made += 1
        path = tmp / f"fresh-{made}.sqlite"
        store = open_store(path, key=key)
        fresh = SyncClient(store, transport)
        fresh.enroll(url, hub.code(), f"fresh-{made}")
        started = time.perf_counter()
        report = fresh.sync_once()
        took = time.perf_counter() - started
        fresh.close()
        store.close()
        counts = held(path, key)
        # Every record counted is a row the workstation now holds, the caseload all there.
        assert report.skipped == 0 and sum(counts.values()) == report.pulled, (counts, report)
        assert counts["meal_log"] == len(rows), counts
        return report.pulled / took

    # The rows exactly as the client stores them, for the raw inserts (not timed).
    fresh_pull(InProcessTransport(hub.app), "https://hub.test", None)
    reference = connect(tmp / "fresh-1.sqlite", None)
    cursor = reference.execute("SELECT * FROM meal_log")
    columns = [d[0] for d in cursor.description]
    stored = cursor.fetchall()
    reference.close()
    insert = f"INSERT INTO meal_log ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def raw_insert(key: bytes | None, *, same_schema: bool) -> float:
        nonlocal made
        made += 1
        path = tmp / f"raw-{made}.sqlite"
        if same_schema:
            open_store(path, key=key).close()  # the workstation's schema, by its migrations
        base = connect(path, key, isolation_level=None)
        _apply_pragmas(base)
        base.execute("PRAGMA foreign_keys = OFF")  # the people are not in this store
        if not same_schema:
            base.execute(f"CREATE TABLE meal_log ({', '.join(columns)})")
        started = time.perf_counter()
        base.execute("BEGIN")
        base.executemany(insert, stored)
        base.execute("COMMIT")
        took = time.perf_counter() - started
        base.close()
        return len(stored) / took

    # Interleaved, so the machine's load hits every measure alike; medians of ``runs``.
    variants: dict[str, bytes | None] = {"plain": None, "encrypted": secrets.token_bytes(32)}
    measured: dict[tuple[str, str], list[float]] = {}
    measures: dict[str, Callable[[bytes | None], float]] = {
        "raw": lambda key: raw_insert(key, same_schema=True),
        "bare": lambda key: raw_insert(key, same_schema=False),
        "socket": lambda key: fresh_pull(None, live.url, key),
        "in-process": lambda key: fresh_pull(InProcessTransport(hub.app), "https://hub.test", key),
    }
    live = LiveHub(tmp)  # the same hub database, served by a uvicorn process
    try:
        for _ in range(runs):
            for variant, key in variants.items():
                for name, measure in measures.items():
                    measured.setdefault((variant, name), []).append(measure(key))
    finally:
        live.stop()
    median = {k: statistics.median(v) for k, v in measured.items()}

    # Incremental: 100 meals logged on the source, one sync there, one on another
    # workstation that is up to date; medians of ``runs`` rounds.
    client.sync_once()  # the source takes the loaded history first (not timed)
    other = SyncClient(open_store(tmp / "other.sqlite"), InProcessTransport(hub.app))
    other.enroll("https://hub.test", hub.code(), "other")
    other.sync_once()
    trips, pushed, got = [], 0, 0
    for run in range(runs):
        log_hundred_meals(source, info, run)
        started = time.perf_counter()
        pushed = client.sync_once().pushed
        got = other.sync_once().pulled
        trips.append(time.perf_counter() - started)
    round_trip = statistics.median(trips) * 1000

    load_after = os.getloadavg()
    print(
        f"medians of {runs} runs; {len(rows):,} meal records ({persons} people, {args.years:g} "
        "years) + the unit; "
        f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after"
    )
    print(
        f"{'measure':58} {'value':>10} {'target':>8} {'ratio':>6} "
        f"{'x raw':>6} {'target':>7} {'x bare':>7}"
    )
    for variant in variants:
        raw, bare = median[(variant, "raw")], median[(variant, "bare")]
        for name, label in (
            ("socket", "fresh workstation, hub over a socket"),
            ("in-process", "fresh workstation, hub in-process"),
        ):
            value = median[(variant, name)]
            print(
                f"{f'{label}, {variant} (rec/s)':58} {value:10,.0f} {TARGET_RATE:8,} "
                f"{value / TARGET_RATE:6.2f} {value / raw:6.2f} {f'>= {TARGET_RAW}':>7} "
                f"{value / bare:7.2f}"
            )
        print(f"{f'  raw: same rows, same schema, {variant} (rec/s)':58} {raw:10,.0f}")
        print(f"{f'  bare: same rows, table without keys, {variant} (rec/s)':58} {bare:10,.0f}")
    print(
        f"{'incremental 100 changes push+pull (ms)':58} {round_trip:10.0f} {TARGET_MS:8} "
        f"{TARGET_MS / round_trip:6.2f}  (pushed {pushed}, pulled {got})"
    )


if __name__ == "__main__":
    main()
