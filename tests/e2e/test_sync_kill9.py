"""kill -9 of a syncing workstation (a child process, against a real hub process over a socket):
after the local write, with a push in flight, after the hub answered a push but before the
client recorded it, and in the middle of applying a pulled page.  After a restart and a sync:
nothing lost (every op reached the hub), nothing duplicated, the workstation equals the hub,
and its cursor never went backwards.

The crash points are sync/crashpoints.py's (``OFFICER_DESK_SYNC_CRASH_AT``), set only in the
child's environment.  Seeded and bounded: a few rounds per point, small batches and pages so a
sync has several of each."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest_shared import postgres, signed_in_everywhere  # noqa: F401
from cryptography.hazmat.primitives import serialization
from synchelp import KEYS, LiveHub, LiveHubCluster, Postgres, comparable, local_rows, seed_unit

from officer_desk.app import logbook, notes, profile
from officer_desk.app.writes import Actor
from officer_desk.server import db as hub_db
from officer_desk.store.database import open_store
from officer_desk.sync.client import K_CURSOR, K_URL, SyncClient
from officer_desk.sync.crashpoints import ENV
from officer_desk.sync.protocol import cursor_position

pytestmark = pytest.mark.slow

BATCH, PAGE = 4, 5
# The child: sync once (small batches and pages), or write meals and die (after_write).
CHILD = """
import os, signal, sys
from datetime import date, timedelta
from pathlib import Path
from officer_desk.store.database import open_store
store = open_store(Path(sys.argv[1]))
if sys.argv[2] == "after_write":
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from officer_desk.app import logbook
    from officer_desk.app.writes import Actor
    # The supervisor signed in at this desk: her key signs what she writes.
    officer, key = os.environ["TEST_SIGNER"].split(":")
    store.signers[officer] = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(key))
    actor = Actor(officer, "Sara")
    for n, inmate in enumerate(sys.argv[3:]):
        logbook.log_meal(store, actor, day=date(2024, 1, 1) + timedelta(days=n), meal="dinner",
                         entries=[logbook.MealEntry(inmate_id=inmate)])
        print("wrote", n, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
from officer_desk.sync.client import SyncClient
client = SyncClient(store, batch_size=int(sys.argv[3]), page_size=int(sys.argv[4]),
                    on_page=lambda what, n: print(what, n, flush=True))
client.sync_once()
print("done", flush=True)
"""


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveHub]:
    hub = LiveHub(tmp_path_factory.mktemp("hub"))
    yield hub
    hub.stop()


class Desk:
    """A workstation store on disk; opened only while the test process uses it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def client(self) -> SyncClient:
        return SyncClient(open_store(self.path), batch_size=BATCH, page_size=PAGE)

    def cursor(self) -> int:
        client = self.client()
        try:
            return cursor_position(client._setting(K_CURSOR))
        finally:
            client.close()
            client.store.close()

    def op_ids(self) -> set[str]:
        client = self.client()
        try:
            return {r[0] for r in client._conn().execute("SELECT op_id FROM outbox_entry")}
        finally:
            client.close()
            client.store.close()

    def sync(self) -> None:
        client = self.client()
        try:
            client.sync_once()
        finally:
            client.close()
            client.store.close()

    def point_at(self, url: str) -> None:
        """Send the next syncs to ``url`` (another hub process, as a load balancer might)."""
        client = self.client()
        try:
            with client._transaction() as db:
                client._put(db, K_URL, url)
        finally:
            client.close()
            client.store.close()


def child(
    desk: Desk, args: list[str], crash: str | None, signer: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != ENV}
    if signer is not None:
        raw = KEYS[signer].private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        env["TEST_SIGNER"] = f"{signer}:{raw.hex()}"
    if crash:
        env[ENV] = crash
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(desk.path), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def unit(live: LiveHub, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two enrolled workstations of one unit: A (killed) and B (makes changes for A to pull)."""
    return enrolled_pair(live, tmp_path_factory.mktemp("desks"))


def enrolled_pair(live: LiveHub | LiveHubCluster, folder: Path, b_url: str | None = None) -> dict:
    store = open_store(folder / "a.sqlite")
    info = seed_unit(store, persons=3)
    a = SyncClient(store)
    a.enroll(live.url, live.code(), "a")
    a.sync_once()
    a.close()
    store.close()
    b = Desk(folder / "b.sqlite")
    client = SyncClient(open_store(b.path))
    client.enroll(b_url or live.url, live.code(), "b")
    client.sync_once()
    client.close()
    client.store.close()
    return {"a": Desk(folder / "a.sqlite"), "b": b, "info": info, "all_ops": set()}


@pytest.fixture(scope="module")
def cluster(
    postgres: Postgres,  # noqa: F811  (the fixture imported above)
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[LiveHubCluster]:
    """Three hub processes on one PostgreSQL database (issue 15 item 4)."""
    hubs = LiveHubCluster(tmp_path_factory.mktemp("hubs"), postgres.new_database())
    yield hubs
    hubs.stop()


@pytest.fixture(scope="module")
def cluster_unit(cluster: LiveHubCluster, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A and B as above, enrolled at different processes of the cluster."""
    return enrolled_pair(cluster, tmp_path_factory.mktemp("desks"), cluster.urls[1])


def make_changes(desk: Desk, info: dict, rng: random.Random, tag: str) -> None:
    """Meals, a note and a profile edit through the real services (several entity kinds, so
    a pulled page spans several tables)."""
    store = open_store(desk.path)
    try:
        actor = Actor(officer_id=info["supervisor"], name="Sara", workstation=desk.path.stem)
        meals = rng.randint(3, 8)
        for _ in range(meals):
            logbook.log_meal(
                store,
                actor,
                day=date(2025, 1, 1) + timedelta(days=rng.randrange(300)),
                meal=rng.choice(["breakfast", "lunch", "dinner"]),
                entries=[logbook.MealEntry(inmate_id=rng.choice(info["inmates"]))],
            )
        notes.add_note(
            store, actor, inmate_id=rng.choice(info["inmates"]), kind="general", text=f"{tag}"
        )
        profile.update_profile(
            store, actor, rng.choice(info["inmates"]), profile.ProfileEdit(cell=f"{tag}-{meals}")
        )
    finally:
        store.close()


def check(live: LiveHub | LiveHubCluster, unit: dict, before: int) -> None:
    a, b = unit["a"], unit["b"]
    assert a.cursor() >= before, "the cursor went backwards across the crash"
    for _ in range(2):
        a.sync()
        b.sync()
    assert a.op_ids() == set() and b.op_ids() == set()
    with live.engine.connect() as conn:
        stored = set(conn.execute(sa.select(hub_db.op_result.c.op_id)).scalars())
        statuses = dict(
            conn.execute(sa.select(hub_db.op_result.c.op_id, hub_db.op_result.c.status)).all()
        )
    missing = unit["all_ops"] - stored
    assert not missing, f"{len(missing)} ops never reached the hub"
    assert all(statuses[o] == "applied" for o in unit["all_ops"]), "an op was refused"
    hub = live.records()
    for desk in (a, b):
        client = desk.client()
        try:
            mine = local_rows(client)
        finally:
            client.close()
            client.store.close()
        # Converged and nothing duplicated: exactly the hub's records, key for key.
        assert set(mine) == set(hub), set(mine) ^ set(hub)
        for key, record in hub.items():
            assert comparable(mine[key]) == comparable(record), key
    assert a.cursor() >= before


@pytest.mark.parametrize(
    "point",
    ["after_write", "push_sent", "push_answered", "pull_applying"],
)
def test_kill9_while_syncing_loses_and_duplicates_nothing(
    live: LiveHub, unit: dict, point: str
) -> None:
    rng = random.Random(f"kill9-{point}")
    a, b, info = unit["a"], unit["b"], unit["info"]
    for round_ in range(2):
        tag = f"{point}-{round_}"
        before = a.cursor()
        if point == "after_write":
            people = [rng.choice(info["inmates"]) for _ in range(rng.randint(1, 4))]
            done = child(a, ["after_write", *people], None, unit["info"]["supervisor"])
            assert done.returncode == -signal.SIGKILL, done.stderr
            assert done.stdout.count("wrote") == len(people)
            ops = a.op_ids()
            assert len(ops) >= len(people)  # every committed write kept its outbox entry
            unit["all_ops"] |= ops
        else:
            make_changes(a, info, rng, f"a-{tag}")
            make_changes(b, info, rng, f"b-{tag}")
            unit["all_ops"] |= a.op_ids() | b.op_ids()
            b.sync()  # so A has pages to pull
            nth = rng.randint(1, 2)  # each sync has at least two batches and two pages
            crash = f"{point}:{nth}"
            if point == "push_sent":
                crash += f":{rng.uniform(0.0, 0.03):.3f}"  # die with the request in flight
            done = child(a, ["sync", str(BATCH), str(PAGE)], crash)
            assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
            assert "done" not in done.stdout
        check(live, unit, before)


@pytest.mark.parametrize("point", ["push_sent", "push_answered"])
def test_kill9_while_syncing_with_three_hub_processes(
    cluster: LiveHubCluster, cluster_unit: dict, point: str
) -> None:
    """A is killed with its push in flight to (or answered by) one process and syncs again
    through another: the resend is answered by op id ("duplicate") whichever process takes
    it, even while the first may still be applying it; nothing lost or doubled."""
    rng = random.Random(f"cluster-kill9-{point}")
    a, b, info = cluster_unit["a"], cluster_unit["b"], cluster_unit["info"]
    urls = cluster.urls
    for round_ in range(2):
        tag = f"c{point[5:9]}{round_}"
        before = a.cursor()
        a.point_at(urls[round_ % len(urls)])
        make_changes(a, info, rng, f"a-{tag}")
        make_changes(b, info, rng, f"b-{tag}")
        cluster_unit["all_ops"] |= a.op_ids() | b.op_ids()
        b.sync()
        crash = f"{point}:{rng.randint(1, 2)}"
        if point == "push_sent":
            crash += f":{rng.uniform(0.0, 0.03):.3f}"
        done = child(a, ["sync", str(BATCH), str(PAGE)], crash)
        assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
        a.point_at(urls[(round_ + 1) % len(urls)])  # restarted, it reaches another process
        b.point_at(urls[(round_ + 2) % len(urls)])
        check(cluster, cluster_unit, before)


def test_crash_point_names_are_checked(tmp_path: Path) -> None:
    bad = subprocess.run(
        [sys.executable, "-c", "import officer_desk.sync.crashpoints"],
        env={**os.environ, ENV: "push_snet"},
        capture_output=True,
        text=True,
    )
    assert bad.returncode != 0 and "unknown crash point 'push_snet'" in bad.stderr
