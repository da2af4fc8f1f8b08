"""Ten workstations pushing at once to one hub: a puller that follows along never skips a
change (on PostgreSQL the advisory lock keeps sequence numbers visible in order)."""

from __future__ import annotations

import threading
from pathlib import Path

from hubseed import seed_and_enrol
from synchelp import Hub, sign_op

from officer_desk.sync.transport import InProcessTransport


def test_ten_concurrent_pushers_never_make_a_pull_skip(hub: Hub, tmp_path: Path) -> None:
    info, tokens = seed_and_enrol(hub, tmp_path, persons=1, stations=10, prefix="p")
    per_pusher, batch = 30, 10
    inmate = info["inmates"][0]

    def pusher(n: int) -> None:
        transport = InProcessTransport(hub.app)
        for b in range(per_pusher // batch):
            ops = [
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
                    }
                )
                for i in range(batch)
            ]
            status, body = transport.send("POST", "/sync/push", token=tokens[n], body={"ops": ops})
            assert status == 200, body
        transport.close()

    seen: set[str] = set()
    cursor = 0
    stop = threading.Event()
    puller = InProcessTransport(hub.app)

    def pull_once() -> None:
        nonlocal cursor
        while True:
            status, body = puller.send(
                "GET", "/sync/pull", token=tokens[0], params={"since": cursor, "limit": 50}
            )
            assert status == 200
            for change in body["changes"]:
                seen.add(change["entity_id"])
            assert body["next_since"] >= cursor
            cursor = body["next_since"]
            if not body["more"]:
                return

    threads = [threading.Thread(target=pusher, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        pull_once()
    for thread in threads:
        thread.join()
    stop.set()
    pull_once()
    expected = {
        f"m-{n}-{b}-{i}"
        for n in range(10)
        for b in range(per_pusher // batch)
        for i in range(batch)
    }
    # The follower pulled incrementally while pushes committed; had any seq become visible
    # after a later one, the cursor would have passed it and it would be missing here.
    assert expected <= seen
    puller.close()
