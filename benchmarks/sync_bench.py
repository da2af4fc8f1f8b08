"""Sync benchmarks: a fresh workstation taking a 6-person, 5-year caseload, and an
incremental sync of 100 changes, with ratios to the targets and to a raw SQLite baseline
measured in the same run.  In-process hub (SQLite), no network.

    python benchmarks/sync_bench.py
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "sync"))

import sqlalchemy as sa
from synchelp import make_hub, seed_unit

from officer_desk.app import logbook
from officer_desk.app.writes import Actor
from officer_desk.domain.ids import new_id
from officer_desk.server import db as hub_db
from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport


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

    fresh = SyncClient(open_store(tmp / "fresh.sqlite"), InProcessTransport(hub.app))
    fresh.enroll("http://hub.test", hub.code(), "fresh")
    started = time.perf_counter()
    report = fresh.sync_once()
    took = time.perf_counter() - started
    rate = report.pulled / took

    # Baseline: raw sqlite3 executemany of the same rows into the same table shape.
    base = sqlite3.connect(tmp / "raw.sqlite")
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
    raw_rate = len(rows) / (time.perf_counter() - started)

    # Incremental: 100 meals logged on the source, one sync there, one on the fresh one.
    client.sync_once()  # the source takes the loaded history first (not timed)
    admin = Actor.system("bench")
    logbook.log_meal(
        source,
        admin,
        day=date.today(),
        meal="evening",
        entries=[logbook.MealEntry(inmate_id=i) for i in info["inmates"]],
    )
    for n in range(94):
        logbook.log_meal(
            source,
            admin,
            day=date.today() - timedelta(days=1 + n // 6),
            meal="evening",
            entries=[logbook.MealEntry(inmate_id=info["inmates"][n % 6])],
        )
    started = time.perf_counter()
    pushed = client.sync_once().pushed
    pulled = fresh.sync_once().pulled
    round_trip = time.perf_counter() - started

    print(f"{'measure':48} {'value':>12} {'target':>10} {'ratio':>7}")
    print(
        f"{'fresh workstation pull (records/s)':48} {rate:12,.0f} {20000:10,} {rate / 20000:7.2f}"
    )
    print(
        f"{'  raw sqlite3 bulk insert (records/s)':48} {raw_rate:12,.0f} {'':>10} "
        f"{rate / raw_rate:7.2f}x (target >= 0.25x)"
    )
    print(f"{'  records pulled':48} {report.pulled:12,}")
    print(
        f"{'incremental 100 changes push+pull (ms)':48} {round_trip * 1000:12.0f} {250:10} "
        f"{250 / (round_trip * 1000):7.2f}  (pushed {pushed}, pulled {pulled})"
    )


if __name__ == "__main__":
    main()
