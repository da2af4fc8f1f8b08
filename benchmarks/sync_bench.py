"""Sync benchmarks: a fresh workstation taking a 6-person, 5-year caseload, and an
incremental sync of 100 changes, with ratios to the targets and to a raw SQLite baseline
measured in the same run.  In-process hub (SQLite), no network.

    python benchmarks/sync_bench.py

The fresh workstation is measured twice: against the hub in this process (the hub's page
serving then counts in the workstation's time) and against a real ``officer-desk-server``
process over a socket, as deployed (the next page is fetched while one is applied).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "sync"))

import sqlalchemy as sa
from synchelp import LiveHub, make_hub, seed_unit

from officer_desk.app import logbook
from officer_desk.app.writes import Actor
from officer_desk.domain.ids import new_id
from officer_desk.server import db as hub_db
from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport

RUNS = 3


def meal_rows(inmates: list[str], years: int) -> list[dict]:
    rows = []
    start = date.today() - timedelta(days=365 * years)
    for inmate in inmates:
        for d in range(365 * years):
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


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    hub = make_hub(f"sqlite:///{tmp / 'hub.sqlite'}")
    source = open_store(tmp / "source.sqlite")
    info = seed_unit(source, persons=6)
    client = SyncClient(source, InProcessTransport(hub.app))
    client.enroll("http://hub.test", hub.code(), "source")
    client.sync_once()
    rows = meal_rows(info["inmates"], 5)
    with hub.engine.begin() as conn:  # load the hub directly: we time the workstation side
        top = conn.execute(sa.select(hub_db.hub_state.c.last_seq)).scalar_one()
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
                    "seq": top + n + 1,
                    "deleted": False,
                    "data": json.dumps(r),
                    "meta": "{}",
                }
                for n, r in enumerate(rows)
            ],
        )
        conn.execute(hub_db.hub_state.update().values(last_seq=top + len(rows)))

    def fresh_pull(n: int, transport: object | None, url: str) -> float:
        store = open_store(tmp / f"fresh-{n}.sqlite")
        fresh = SyncClient(store, transport)  # type: ignore[arg-type]
        fresh.enroll(url, hub.code(), f"fresh-{n}")
        started = time.perf_counter()
        report = fresh.sync_once()
        took = time.perf_counter() - started
        assert report.pulled >= len(rows), report
        fresh.close()
        store.close()
        return report.pulled / took

    def raw_insert(n: int) -> float:
        """Baseline: raw sqlite3 executemany of the same rows into a table of the same
        columns (no indexes), one transaction, WAL and synchronous=FULL like the store."""
        base = sqlite3.connect(tmp / f"raw-{n}.sqlite")
        base.execute("PRAGMA journal_mode=WAL")
        base.execute("PRAGMA synchronous=FULL")
        cols = list(rows[0])
        base.execute(f"CREATE TABLE meal_log ({', '.join(cols)}, server_version)")
        started = time.perf_counter()
        with base:
            base.executemany(
                f"INSERT INTO meal_log VALUES ({', '.join('?' * (len(cols) + 1))})",
                [(*r.values(), 1) for r in rows],
            )
        took = time.perf_counter() - started
        base.close()
        return len(rows) / took

    # Interleaved, so the machine's load hits both sides alike; medians of RUNS.
    in_process, over_socket, raw = [], [], []
    live = LiveHub(tmp)  # the same hub database, served by a uvicorn process
    try:
        for n in range(RUNS):
            raw.append(raw_insert(n))
            in_process.append(fresh_pull(n, InProcessTransport(hub.app), "http://hub.test"))
            over_socket.append(fresh_pull(RUNS + n, None, live.url))
    finally:
        live.stop()
    rate, socket_rate, raw_rate = (
        statistics.median(in_process),
        statistics.median(over_socket),
        statistics.median(raw),
    )
    pulled = len(rows)

    # Incremental: 100 meals logged on the source, one sync there, one on another
    # workstation that is up to date; medians of RUNS rounds.
    client.sync_once()  # the source takes the loaded history first (not timed)
    other = SyncClient(open_store(tmp / "other.sqlite"), InProcessTransport(hub.app))
    other.enroll("http://hub.test", hub.code(), "other")
    other.sync_once()
    admin = Actor.system("bench")
    trips, pushed, got = [], 0, 0
    for run in range(RUNS):
        for n in range(100):
            logbook.log_meal(
                source,
                admin,
                day=date.today() - timedelta(days=1 + n + 100 * run),
                meal="evening",
                entries=[logbook.MealEntry(inmate_id=info["inmates"][n % 6])],
            )
        started = time.perf_counter()
        pushed = client.sync_once().pushed
        got = other.sync_once().pulled
        trips.append(time.perf_counter() - started)
    round_trip = statistics.median(trips)

    print(f"medians of {RUNS} runs; {pulled:,} meal records (6 people, 5 years) + the unit")
    print(f"{'measure':48} {'value':>12} {'target':>10} {'ratio':>7}")
    for label, value in (
        ("fresh workstation, hub over a socket (rec/s)", socket_rate),
        ("fresh workstation, hub in-process (rec/s)", rate),
    ):
        print(
            f"{label:48} {value:12,.0f} {20000:10,} {value / 20000:7.2f}  "
            f"{value / raw_rate:5.2f}x raw (target >= 0.25x)"
        )
    print(f"{'  raw sqlite3 bulk insert (records/s)':48} {raw_rate:12,.0f}")
    print(
        f"{'incremental 100 changes push+pull (ms)':48} {round_trip * 1000:12.0f} {250:10} "
        f"{250 / (round_trip * 1000):7.2f}  (pushed {pushed}, pulled {got})"
    )


if __name__ == "__main__":
    main()
