"""Hub benchmark: 50 simulated workstations pushing at once to a real ``officer-desk-server``
process (uvicorn, a socket), on SQLite and on PostgreSQL (a throwaway cluster started like the
tests do).  Target: at least 2,000 pushed changes/s with p99 push latency under 500 ms.

    python benchmarks/hub_bench.py [--seconds 10] [--batch 25] [--workers N] [--rate 2000]
                                   [--only sqlite]

Each workstation pushes batches of ``--batch`` new meal records (an outbox after a few
minutes of work).  Two loads: back to back (each waits for its answer and pushes again: the
hub's saturation throughput; latency there is queueing, N / throughput) and an offered load of
2,000 changes/s in all, open loop: each station pushes on its own clock whether or not its
earlier pushes were answered, and latency counts from the scheduled send time, so queueing
in the hub shows in p99 (the target's measure).  The load generator (this process, on the
same 2 cores) builds the request bodies before the clock starts and speaks HTTP/1.1 by hand;
its CPU share is printed.  The baseline in the same run is one workstation pushing alone.

Each database is measured twice in the same run: a hub with its signature checks off (the
baseline) and a normal hub, with every change signed by the officer as the desk signs it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "sync"))

import httpx
from synchelp import PG_BINS, LiveHub, Postgres, seed_unit, sign_op

from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient

STATIONS = 50


def bodies(
    inmates: list[str],
    station: int,
    batch: int,
    count: int,
    signer: str | None,
    first: int = 0,
) -> list[bytes]:
    """Pushes of new meals, signed by ``signer`` as the desk signs them (None: unsigned, for
    the baseline hub that does not check); ``first``: the station's pushes made before (their
    clocks come after those)."""
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
                    "hlc": f"{1700000000000 + first + b:013d}-{i:05d}-ws{station}",
                    "schema_version": 1,
                }
            )
            if signer is not None:
                ops[-1] = sign_op(ops[-1], signer)
        out.append(json.dumps({"ops": ops, "waiting": 0}).encode())
    return out


class Station:
    """One workstation's HTTP/1.1 connections to the hub, spoken by hand over asyncio streams
    (pre-built request bytes, the answer read by its Content-Length): the load generator
    shares the 2 cores with the hub, and httpx spent about a millisecond of CPU per push."""

    def __init__(self, host: str, port: int, token: str) -> None:
        self.host, self.port = host, port
        self.head = (
            "POST /sync/push HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {token}\r\n"
        ).encode()
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self.opened: list[asyncio.StreamWriter] = []

    async def push(self, body: bytes) -> tuple[int, bytes]:
        """(status, answer body) of one push, on an idle connection or a new one."""
        return await self.send(self.head + b"Content-Length: %d\r\n\r\n" % len(body) + body)

    async def send(self, request: bytes) -> tuple[int, bytes]:
        """(status, answer body) of one request, on an idle connection or a new one."""
        if self.idle:
            connection = self.idle.pop()
            try:
                return await self._exchange(connection, request)
            except (asyncio.IncompleteReadError, ConnectionError):
                # uvicorn closes a connection left idle for 5 s (keep-alive) without
                # reading what came after: send it again on a new one.
                connection[1].close()
        connection = await asyncio.open_connection(self.host, self.port)
        self.opened.append(connection[1])
        return await self._exchange(connection, request)

    async def _exchange(
        self, connection: tuple[asyncio.StreamReader, asyncio.StreamWriter], request: bytes
    ) -> tuple[int, bytes]:
        reader, writer = connection
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        answer = await reader.readexactly(length)
        self.idle.append(connection)
        return status, answer

    def close(self) -> None:
        for writer in self.opened:
            writer.close()


@dataclass
class Load:
    applied: int = 0
    refused: int = 0
    unanswered: int = 0
    latencies: list[float] = field(default_factory=list)
    wall: float = 0.0
    cpu: float = 0.0  # this process's CPU seconds over the run (the load generator's cost)
    hub_cpu: float = 0.0  # the hub's CPU seconds over the run


async def push_all(
    url: str, tokens: list[str], work: list[list[bytes]], seconds: float, every: float = 0.0
) -> Load:
    """Every station pushes its bodies in turn for ``seconds``.

    Without ``every``, back to back (a closed loop: each waits for its answer; the hub's
    saturation throughput; latency from sending).  With ``every``, an open loop: station n
    sends push k at ``start + (k + n / stations) * every`` whether or not its earlier pushes
    were answered (a new connection when none is free), and latency counts from that
    scheduled time, so a hub that falls behind shows as queueing, not as a lower send rate
    (no coordinated omission).  Answers still missing 30 s after the last send count as
    unanswered."""
    host, port = url.removeprefix("http://").split(":")
    stations = [Station(host, int(port), token) for token in tokens]
    load = Load()
    pending: set[asyncio.Task[None]] = set()

    async def one(station: Station, body: bytes, since: float) -> None:
        status, answer = await station.push(body)
        load.latencies.append(time.perf_counter() - since)
        if status != 200:
            load.refused += 1
        else:
            load.applied += answer.count(b'"status":"applied"')

    cpu0 = time.process_time()
    started = time.perf_counter()
    deadline = started + seconds

    async def closed(n: int) -> None:
        for body in work[n]:
            if time.perf_counter() > deadline:
                return
            await one(stations[n], body, time.perf_counter())

    async def opened(n: int) -> None:
        for k, body in enumerate(work[n]):
            due = started + (k + n / len(stations)) * every
            if due > deadline:
                return
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            task = asyncio.create_task(one(stations[n], body, due))
            pending.add(task)
            task.add_done_callback(pending.discard)
        raise AssertionError("a station ran out of bodies before the deadline")

    await asyncio.gather(*((opened if every else closed)(n) for n in range(len(stations))))
    load.unanswered = await unanswered(pending)
    load.wall = time.perf_counter() - started
    load.cpu = time.process_time() - cpu0
    for station in stations:
        station.close()
    return load


async def unanswered(pending: set[asyncio.Task[None]]) -> int:
    """Wait up to 30 s for the requests still out; how many never came back (cancelled)."""
    if not pending:
        return 0
    _done, late = await asyncio.wait(set(pending), timeout=30)
    for task in late:
        task.cancel()
    return len(late)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its live descendants (uvicorn's workers),
    from /proc; 0 where there is no /proc."""
    total = 0.0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def measured(pid: int, load: Coroutine[Any, Any, Load]) -> Load:
    """Run ``load`` and note the hub's CPU seconds over it."""
    before = cpu_seconds(pid)
    result = asyncio.run(load)
    result.hub_cpu = cpu_seconds(pid) - before
    return result


def run(
    label: str, folder: Path, url: str | None, args: argparse.Namespace, *, signed: bool
) -> list[str]:
    """One hub (signature checks on, or off for the baseline), its three loads."""
    # The hub's capacity, not its per-device limit: one station pushing back to back would
    # pass serve's default rate (this load generator does not wait out a 429).
    hub = LiveHub(
        folder,
        database_url=url,
        workers=args.workers,
        unsigned_benchmark=not signed,
        rate_limit=0,
    )
    label = f"{label} {'signed' if signed else 'unsigned'}"
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
            # One more than the load's stations: the baseline station pushes alone first.
            for n in range(STATIONS + 1):
                answer = client.post(
                    "/sync/enroll", json={"code": hub.code(), "device_name": f"ws{n}"}
                )
                answer.raise_for_status()
                tokens.append(answer.json()["token"])
        # More than a station can send in time (about 8 pushes/s each at saturation).
        per_station = 2 * (int(args.seconds * 12) + 5)
        signer = info["officer"] if signed else None
        work = [
            bodies(info["inmates"], n, args.batch, per_station, signer) for n in range(STATIONS + 1)
        ]
        pid = hub.process.pid
        one = measured(pid, push_all(hub.url, tokens[:1], work[:1], min(3.0, args.seconds)))
        flat_out = measured(
            pid, push_all(hub.url, tokens[1:], [w[: len(w) // 2] for w in work[1:]], args.seconds)
        )
        # Offered load: --rate changes/s in all, each station pushing on its own clock.
        every = args.batch * STATIONS / args.rate
        paced = measured(
            pid,
            push_all(
                hub.url, tokens[1:], [w[len(w) // 2 :] for w in work[1:]], args.seconds, every
            ),
        )
    finally:
        hub.stop()
    lines = []
    for what, load in (
        ("1 workstation (baseline)", one),
        (f"{STATIONS} back to back (saturation)", flat_out),
        (f"{STATIONS} offering {args.rate:,} changes/s", paced),
    ):
        rate = load.applied / load.wall
        # An unanswered push counts as slower than any answered one.
        latencies = sorted(load.latencies) + [float("inf")] * load.unanswered
        p50 = latencies[len(latencies) // 2] * 1000
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
        lines.append(
            f"{label:19} {what:36} {rate:10,.0f} {rate / 2000:6.2f} {p50:8.0f} {p99:8.0f} "
            f"{500 / p99:6.2f} {len(latencies):7} {load.refused + load.unanswered:5} "
            f"{load.cpu / load.wall:8.0%} {load.hub_cpu / max(1, load.applied) * 1e6:8.0f}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--rate", type=int, default=2000, help="offered changes/s in all")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    tmp = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    lines = []
    try:
        if args.only != "postgresql":
            for signed in (False, True):
                folder = tmp / f"sqlite-{signed}"
                folder.mkdir()
                lines += run("SQLite", folder, None, args, signed=signed)
        if args.only != "sqlite":
            if not PG_BINS:
                lines.append("PostgreSQL  (no PostgreSQL binaries in /usr/lib/postgresql)")
            else:
                pg_root = Path(tempfile.mkdtemp(prefix="hub-bench-pg-"))
                cluster = Postgres(pg_root)
                try:
                    for signed in (False, True):
                        folder = tmp / f"pg-{signed}"
                        folder.mkdir()
                        url = cluster.new_database()
                        lines += run("PostgreSQL", folder, url, args, signed=signed)
                finally:
                    cluster.stop()
                    shutil.rmtree(pg_root, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"{args.batch} changes per push, {args.seconds:g} s, {args.workers} hub worker "
        f"process(es), load average before {load_before}; targets: >= 2,000 changes/s, "
        "p99 < 500 ms"
    )
    print(
        f"{'hub':19} {'load':36} {'changes/s':>10} {'ratio':>6} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'ratio':>6} {'pushes':>7} {'fail':>5} {'gen CPU':>8} {'hub us':>8}"
    )
    for line in lines:
        print(line)
    print(
        "ratio: changes/s / 2,000 and 500 ms / p99 (>= 1 meets the target); fail: 4xx/5xx or "
        "unanswered; gen CPU: the load generator's share of one core; hub us: the hub's CPU "
        "microseconds per applied change (steadier than wall time on a shared machine); "
        "unsigned: the same hub with signature checks off (OFFICER_DESK_HUB_UNSIGNED_BENCHMARK), "
        "the baseline of the signed rows (target: signed saturation >= 0.7x unsigned)"
    )


if __name__ == "__main__":
    main()
