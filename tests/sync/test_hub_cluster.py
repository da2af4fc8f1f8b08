"""Fault injection against three hub processes on one PostgreSQL (issue 15 item 4): two
workstations whose requests are spread over the processes, answers lost after the hub
committed and requests sent twice, each resend possibly taken by another process.  After a
clean sync: every change reached the hub once, every workstation equals the hub."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from faulty import FaultyTransport
from synchelp import LiveHubCluster, Postgres, comparable, local_rows, seed_unit

from officer_desk.app import logbook, notes
from officer_desk.app.writes import Actor
from officer_desk.server import db as hub_db
from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient
from officer_desk.sync.errors import SyncProblem

pytestmark = pytest.mark.slow


@pytest.fixture
def cluster(postgres: Postgres, tmp_path: Path) -> Iterator[LiveHubCluster]:
    hubs = LiveHubCluster(tmp_path / "hubs", postgres.new_database(), rate_limit=0)
    yield hubs
    hubs.stop()


def test_lost_answers_and_duplicates_across_three_processes(
    cluster: LiveHubCluster, tmp_path: Path
) -> None:
    rng = random.Random("cluster-faults")
    store = open_store(tmp_path / "a.sqlite")
    info = seed_unit(store, persons=3)
    routes = [cluster.transport(n, hop=0.5) for n in range(2)]
    faulty = [FaultyTransport(route, seed=n) for n, route in enumerate(routes)]
    a = SyncClient(store, faulty[0], batch_size=3, page_size=4)
    a.enroll(cluster.url, cluster.code(), "a")
    a.sync_once()
    b = SyncClient(open_store(tmp_path / "b.sqlite"), faulty[1], batch_size=3, page_size=4)
    b.enroll(cluster.urls[1], cluster.code(), "b")
    b.sync_once()
    clients = [a, b]
    made: set[str] = set()
    try:
        for round_ in range(6):
            for n, client in enumerate(clients):
                actor = Actor(officer_id=info["supervisor"], name="Sara", workstation=f"w{n}")
                for _ in range(rng.randint(2, 5)):
                    logbook.log_meal(
                        client.store,
                        actor,
                        day=date(2025, 1, 1) + timedelta(days=rng.randrange(300)),
                        meal=rng.choice(["breakfast", "lunch", "dinner"]),
                        entries=[logbook.MealEntry(inmate_id=rng.choice(info["inmates"]))],
                    )
                notes.add_note(
                    client.store,
                    actor,
                    inmate_id=rng.choice(info["inmates"]),
                    kind="general",
                    text=f"round {round_} at w{n}",
                )
                made |= {r[0] for r in client._conn().execute("SELECT op_id FROM outbox_entry")}
                faulty[n].rate = 0.5
                try:
                    client.sync_once()
                except SyncProblem:
                    pass  # a dropped request or a lost answer: the next sync goes on
                finally:
                    faulty[n].rate = 0.0
        for _ in range(2):
            for client in clients:
                client.sync_once()

        faults = faulty[0].log + faulty[1].log
        assert any(f == "lose_answer /sync/push" for f in faults), faults
        assert any(f == "duplicate /sync/push" for f in faults), faults
        assert all(all(route.visits) for route in routes), [r.visits for r in routes]
        with cluster.engine.connect() as conn:
            results = dict(
                conn.execute(sa.select(hub_db.op_result.c.op_id, hub_db.op_result.c.status)).all()
            )
        assert made <= set(results), f"{len(made - set(results))} changes never reached the hub"
        assert {results[o] for o in made} == {"applied"}
        hub = cluster.records()
        for client in clients:
            assert client.status().waiting == 0
            mine = local_rows(client)
            assert set(mine) == set(hub), set(mine) ^ set(hub)
            for key, record in hub.items():
                assert comparable(mine[key]) == comparable(record), key
    finally:
        for client in clients:
            client.close()
            client.store.close()
        for transport in faulty:
            transport.close()
