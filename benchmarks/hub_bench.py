"""Hub benchmark: 50 simulated workstations pushing at once to a real ``officer-desk-server``
process (uvicorn, a socket), on SQLite and on PostgreSQL (a throwaway cluster started like the
tests do).  Target: at least 2,000 pushed changes/s with p99 push latency under 500 ms.

    python benchmarks/hub_bench.py [--seconds 10] [--batch 25] [--workers N] [--only sqlite]

Each workstation pushes batches of ``--batch`` new meal records (an outbox after a few
minutes of work).  Two loads: back to back (each waits for its answer and pushes again: the
hub's saturation throughput; latency there is queueing, N / throughput) and an offered load of
2,000 changes/s in all (each station pushes on a steady clock: the target's latency).
Request bodies are built before the clock starts, so the load generator (this process, on
the same 2 cores) spends little.
The baseline in the same run is one workstation pushing alone (its changes/s and latency).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "sync"))

import httpx
from synchelp import PG_BINS, LiveHub, Postgres, seed_unit

from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient

STATIONS = 50


def bodies(inmates: list[str], station: int, batch: int, count: int) -> list[bytes]:
    out = []
    for b in range(count):
        ops = []
        for i in range(batch):
            rid = uuid.uuid4().hex
            ops.append(
                {
                    "op_id": uuid.uuid4().hex,
                    "entity": "meal_log",
                    "entity_id": rid,
                    "op": "insert",
                    "payload": {
                        "id": rid,
                        "inmate_id": inmates[(station + i) % len(inmates)],
                        "meal": "lunch",
                        "day": "2026-01-01",
                        "outcome": "ate",
                        "logged_at": "2026-01-01T12:00:00+00:00",
                        "device_id": f"ws{station}",
                    },
                    "hlc": f"{1700000000000 + b:013d}-{i:05d}-ws{station}",
                    "schema_version": 1,
                }
            )
        out.append(json.dumps({"ops": ops, "waiting": 0}).encode())
    return out


async def push_all(
    url: str, tokens: list[str], work: list[list[bytes]], seconds: float, every: float = 0.0
) -> tuple[int, list[float], float, int]:
    """Every station pushes its bodies in turn until ``seconds`` pass, back to back or (with
    ``every``) one push every ``every`` seconds, stations spread over the interval; (changes
    applied, latencies, wall time, refused requests)."""
    limits = httpx.Limits(max_connections=len(tokens) + 5, max_keepalive_connections=len(tokens))
    latencies: list[float] = []
    applied = 0
    refused = 0
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        started = time.perf_counter()
        deadline = started + seconds

        async def station(n: int) -> None:
            nonlocal applied, refused
            headers = {"Authorization": f"Bearer {tokens[n]}", "Content-Type": "application/json"}
            for k, body in enumerate(work[n]):
                if every:
                    due = started + (k + n / len(tokens)) * every
                    await asyncio.sleep(max(0.0, due - time.perf_counter()))
                if time.perf_counter() > deadline:
                    return
                t0 = time.perf_counter()
                response = await client.post("/sync/push", content=body, headers=headers)
                latencies.append(time.perf_counter() - t0)
                if response.status_code != 200:
                    refused += 1
                    continue
                applied += sum(r["status"] == "applied" for r in response.json()["results"])

        await asyncio.gather(*(station(n) for n in range(len(tokens))))
        wall = time.perf_counter() - started
    return applied, latencies, wall, refused


def run(label: str, folder: Path, url: str | None, args: argparse.Namespace) -> list[str]:
    hub = LiveHub(folder, database_url=url, workers=args.workers)
    try:
        store = open_store(folder / "seed.sqlite")
        info = seed_unit(store, persons=6)
        seeder = SyncClient(store)
        seeder.enroll(hub.url, hub.code(), "seed")
        seeder.sync_once()
        seeder.close()
        store.close()
        tokens = []
        with httpx.Client(base_url=hub.url) as client:
            for n in range(STATIONS):
                answer = client.post(
                    "/sync/enroll", json={"code": hub.code(), "device_name": f"ws{n}"}
                )
                answer.raise_for_status()
                tokens.append(answer.json()["token"])
        per_station = 2 * (int(args.seconds * 40) + 5)  # more than a station can send in time
        work = [bodies(info["inmates"], n, args.batch, per_station) for n in range(STATIONS)]
        one = asyncio.run(push_all(hub.url, tokens[:1], work[:1], min(3.0, args.seconds)))
        flat_out = asyncio.run(
            push_all(hub.url, tokens[1:], [w[: len(w) // 2] for w in work[1:]], args.seconds)
        )
        # Offered load: 2,000 changes/s in all, each station pushing on a steady clock.
        every = args.batch * (STATIONS - 1) / 2000
        paced = asyncio.run(
            push_all(hub.url, tokens[1:], [w[len(w) // 2 :] for w in work[1:]], args.seconds, every)
        )
    finally:
        hub.stop()
    lines = []
    for what, (applied, latencies, wall, refused) in (
        ("1 workstation (baseline)", one),
        (f"{STATIONS - 1} back to back (saturation)", flat_out),
        (f"{STATIONS - 1} offering 2,000 changes/s", paced),
    ):
        rate = applied / wall
        p50 = statistics.median(latencies) * 1000
        p99 = statistics.quantiles(latencies, n=100)[98] * 1000 if len(latencies) > 1 else p50
        lines.append(
            f"{label:11} {what:34} {rate:10,.0f} {rate / 2000:6.2f} {p50:8.0f} {p99:8.0f} "
            f"{500 / p99:6.2f} {len(latencies):7} {refused:5}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    lines = []
    try:
        if args.only != "postgresql":
            (tmp / "sqlite").mkdir()
            lines += run("SQLite", tmp / "sqlite", None, args)
        if args.only != "sqlite":
            if not PG_BINS:
                lines.append("PostgreSQL  (no PostgreSQL binaries in /usr/lib/postgresql)")
            else:
                pg_root = Path(tempfile.mkdtemp(prefix="hub-bench-pg-"))
                cluster = Postgres(pg_root)
                try:
                    (tmp / "pg").mkdir()
                    lines += run("PostgreSQL", tmp / "pg", cluster.new_database(), args)
                finally:
                    cluster.stop()
                    shutil.rmtree(pg_root, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"{args.batch} changes per push, {args.seconds:g} s, {args.workers} hub worker "
        "process(es); targets: >= 2,000 changes/s, p99 < 500 ms"
    )
    print(
        f"{'database':11} {'load':34} {'changes/s':>10} {'ratio':>6} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'ratio':>6} {'pushes':>7} {'4xx':>5}"
    )
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
