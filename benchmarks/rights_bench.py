"""What checking pulled rights costs a fresh workstation (issue 14, item 4): the same fresh
sync with the checks on (every rights-granting record verified against its signature and the
replayed account log, sync/trust.py) and off, interleaved, with the ratio.

    python benchmarks/rights_bench.py [--runs N] [--years Y]

The unit: 6 people with Y years of meals (3 a day), and the rights-granting records such a
unit gathers in that time, each with the signed change that set it: a signed shift handover
per shift (3 a day), and a contact assignment per person per year.  Target: with checks, at
least 0.9x the records per second without.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "sync"))

from sync_bench import meal_rows
from synchelp import KEYS, make_hub, seed_unit

from officer_desk.domain.ids import new_id
from officer_desk.domain.signing import bytes_of, sign
from officer_desk.server import db as hub_db
from officer_desk.server.merge import to_feed_end
from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient
from officer_desk.sync.protocol import RANK
from officer_desk.sync.transport import InProcessTransport

TARGET = 0.9
HLC = {"now": ""}  # a clock value after the unit's accounts were made (set in main)


def signed(entity: str, record: dict[str, Any], signer: str, n: int) -> dict[str, Any]:
    """The record's proof: the insert that set it, signed by ``signer``."""
    op = {
        "op_id": f"bench-{n:09d}",
        "entity": entity,
        "entity_id": record["id"],
        "op": "insert",
        "payload": record,
        "hlc": HLC["now"],
        "schema_version": 1,
    }
    signature = sign(KEYS[signer], bytes_of(op, signer))
    envelope = op | {"signer": signer, "signature": signature}
    return {"fields": dict.fromkeys(record, op["op_id"]), "ops": {op["op_id"]: envelope}}


def unit_history(info: dict[str, Any], unit_id: str, years: int) -> list[dict[str, Any]]:
    """(entity, record, inmate, proof) rows for the hub: meals, handovers, assignments."""
    start = date.today() - timedelta(days=365 * years)
    base = {"updated_hlc": HLC["now"], "updated_by": None, "device_id": "bench", "deleted_at": None}
    rows: list[dict[str, Any]] = [
        {"entity": "meal_log", "inmate": r["inmate_id"], "proof": None, "record": r}
        for r in meal_rows(info["inmates"], years)
    ]
    for inmate in info["inmates"]:
        for year in range(years):
            first = start + timedelta(days=365 * year)
            record = base | {
                "id": new_id(),
                "officer_id": info["officer"],
                "inmate_id": inmate,
                "start_date": first.isoformat(),
                "end_date": (first + timedelta(days=365)).isoformat(),
                "reason": "workload",
                "note": "",
            }
            rows.append({"entity": "assignment", "inmate": inmate, "record": record})
    for d in range(365 * years):
        for shift in range(3):
            begins = datetime.combine(start + timedelta(days=d), datetime.min.time(), UTC)
            begins += timedelta(hours=8 * shift)
            record = base | {
                "id": new_id(),
                "unit_id": unit_id,
                "shift_start": begins.isoformat(),
                "shift_end": (begins + timedelta(hours=8)).isoformat(),
                "outgoing_id": info["officer"],
                "incoming_id": info["supervisor"],
                "status": "signed",
                "created_at": begins.isoformat(),
                "handed_over_at": (begins + timedelta(hours=8)).isoformat(),
                "signed_at": (begins + timedelta(hours=8, minutes=5)).isoformat(),
                "signed_by": info["supervisor"],
            }
            rows.append({"entity": "handover", "inmate": None, "record": record})
    for n, row in enumerate(rows):
        if row["entity"] != "meal_log":
            row["proof"] = signed(row["entity"], row["record"], info["supervisor"], n)
    return rows


def load_hub(hub: Any, rows: list[dict[str, Any]], unit_id: str) -> None:
    """Straight into the hub's database (the workstation side is timed)."""
    with hub.engine.begin() as conn:
        conn.execute(
            hub_db.record.insert(),
            [
                {
                    "entity": r["entity"],
                    "entity_id": r["record"]["id"],
                    "inmate_id": r["inmate"],
                    "scope_unit": unit_id if r["inmate"] is None else None,
                    "prev_unit": None,
                    "rank": RANK[r["entity"]],
                    "version": 1,
                    "deleted": False,
                    "data": json.dumps(r["record"]),
                    "meta": "{}",
                    "proof": None if r["proof"] is None else json.dumps(r["proof"]),
                }
                for r in rows
            ],
        )
        to_feed_end(conn, [(r["entity"], r["record"]["id"]) for r in rows])  # as a push would


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds per measure (medians)")
    parser.add_argument("--years", type=int, default=5, help="years of history")
    args = parser.parse_args()
    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="rights-bench-"))
    hub = make_hub(f"sqlite:///{tmp / 'hub.sqlite'}")
    source = open_store(tmp / "source.sqlite")
    info = seed_unit(source, persons=6)
    client = SyncClient(source, InProcessTransport(hub.app))
    client.enroll("https://hub.test", hub.code(), "source")
    client.sync_once()
    unit_id = client._my_unit(client._conn())
    assert unit_id is not None
    HLC["now"] = source.clock.now()
    rows = unit_history(info, unit_id, args.years)
    load_hub(hub, rows, unit_id)
    rights = sum(r["proof"] is not None for r in rows)
    made = 0

    def fresh(check: bool) -> float:
        nonlocal made
        made += 1
        store = open_store(tmp / f"fresh-{made}.sqlite", key=os.urandom(32))
        workstation = SyncClient(store, InProcessTransport(hub.app))
        workstation.check_rights = check
        workstation.enroll("https://hub.test", hub.code(), f"fresh-{made}")
        started = time.perf_counter()
        report = workstation.sync_once()
        took = time.perf_counter() - started
        assert report.problems == 0 and report.skipped == 0, report
        assert report.pulled >= len(rows), report
        workstation.close()
        store.close()
        return report.pulled / took

    measured: dict[bool, list[float]] = {True: [], False: []}
    for run in range(args.runs):
        # Interleaved, the order alternating, so drift in the machine's load hits both alike.
        for check in (False, True) if run % 2 == 0 else (True, False):
            measured[check].append(fresh(check))
    on, off = statistics.median(measured[True]), statistics.median(measured[False])
    load_after = os.getloadavg()
    print(
        f"medians of {args.runs} interleaved runs; {len(rows):,} records ({rights:,} granting "
        f"rights, each signed); encrypted store, hub in-process; load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after"
    )
    print(f"{'measure':52} {'rec/s':>10} {'ratio':>7} {'target':>8}")
    print(f"{'fresh workstation, rights not checked (baseline)':52} {off:10,.0f} {1:7.2f}")
    print(f"{'fresh workstation, rights checked':52} {on:10,.0f} {on / off:7.2f} {TARGET:>8}")


if __name__ == "__main__":
    main()
