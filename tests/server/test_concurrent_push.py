"""Workstations of two facilities, each with a unit C, pushing at once through two hub
processes' writers (two apps on one database: on PostgreSQL their transactions really run
side by side): a puller that follows its unit never skips a change of it and never sees
the other facility's (numbers per unit commit in order: merge.Merger.assign_seqs)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from hubseed import seed_and_enrol
from synchelp import Hub, sign_op

from officer_desk.server.app import create_app
from officer_desk.sync import protocol as p
from officer_desk.sync.transport import InProcessTransport

PER_PUSHER, BATCH = 30, 10


def meals(n: int, b: int, inmate: str, signer: str) -> list[dict[str, Any]]:
    return [
        sign_op(
            {
                "op_id": f"op-{n:02d}-{b:03d}-{i:03d}",
                "entity": "meal_log",
                "entity_id": f"m-{n}-{b}-{i}",
                "op": "insert",
                "payload": {
                    "id": f"m-{n}-{b}-{i}",
                    "inmate_id": inmate,
                    "meal": "lunch",
                    "day": "2026-01-01",
                    "outcome": "ate",
                    "logged_at": "2026-01-01T12:00:00+00:00",
                },
                "hlc": f"{1700000000000 + b:013d}-{i:05d}-p{n}",
                "schema_version": 1,
            },
            signer,
        )
        for i in range(BATCH)
    ]


def test_concurrent_pushers_never_make_a_pull_skip_or_cross_facilities(
    hub: Hub, tmp_path: Path
) -> None:
    ours, our_tokens = seed_and_enrol(hub, tmp_path, persons=1, stations=6, prefix="a")
    theirs, their_tokens = seed_and_enrol(
        hub, tmp_path, persons=1, stations=4, prefix="b", facility="OSL"
    )
    # A second hub process's writer on the same database.
    other_app = create_app(hub.engine)
    pushers: list[tuple[str, str, str, Any]] = [
        (token, ours["inmates"][0], ours["officer"], hub.app if n % 2 else other_app)
        for n, token in enumerate(our_tokens)
    ] + [
        (token, theirs["inmates"][0], theirs["officer"], hub.app if n % 2 else other_app)
        for n, token in enumerate(their_tokens)
    ]

    def pusher(n: int) -> None:
        token, inmate, signer, app = pushers[n]
        transport = InProcessTransport(app)
        for b in range(PER_PUSHER // BATCH):
            body = {"ops": meals(n, b, inmate, signer)}
            status, answer = transport.send("POST", "/sync/push", token=token, body=body)
            assert status == 200, answer
            assert {r["status"] for r in answer["results"]} == {"applied"}, answer
        transport.close()

    seen: set[str] = set()
    cursor: dict[str, int] = {}
    puller = InProcessTransport(hub.app)

    def pull_once() -> None:
        nonlocal cursor
        while True:
            params = {"cursor": p.format_cursor(cursor), "limit": 50}
            status, body = puller.send("GET", "/sync/pull", token=our_tokens[0], params=params)
            assert status == 200, body
            for change in body["changes"]:
                assert change["seq"] > cursor.get(change["scope"], 0)
                seen.add(change["entity_id"])
            assert all(body["cursor"][s] >= n for s, n in cursor.items())
            cursor = body["cursor"]
            if not body["more"]:
                return

    threads = [threading.Thread(target=pusher, args=(n,)) for n in range(len(pushers))]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        pull_once()
    for thread in threads:
        thread.join()
    pull_once()
    puller.close()
    made = {
        n: {f"m-{n}-{b}-{i}" for b in range(PER_PUSHER // BATCH) for i in range(BATCH)}
        for n in range(len(pushers))
    }
    mine = set().union(*(made[n] for n in range(len(our_tokens))))
    others = set().union(*(made[n] for n in range(len(our_tokens), len(pushers))))
    # The follower pulled incrementally while pushes committed; had any number of its unit
    # become visible after a later one, the cursor would have passed it: missing here.
    assert mine <= seen
    assert not others & seen  # the other facility's unit C is not ours
