"""Operating the hub (issue 15, item 3): migrations only by ``migrate``, and the commands that
refuse a schema behind; /readyz; op results pruned without breaking a resend; /metrics with
no personal data; the per-device rate limit that the client waits out; logs without names."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from synchelp import Hub, seed_unit, sign_op

from officer_desk.app import notes, people
from officer_desk.app.writes import Actor
from officer_desk.server import db as hub_db
from officer_desk.server.app import create_app, revoke_device
from officer_desk.server.cli import main as server_main
from officer_desk.server.operations import HubSettings, Upkeep, reason_kind
from officer_desk.server.pushes import REPLAY_REASON
from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport

WORKTREE = Path(__file__).parents[2]


def _cli(*args: str) -> subprocess.Popen[str]:
    """``officer-desk-server`` in its own process (this checkout's code)."""
    env = dict(os.environ, PYTHONPATH=str(WORKTREE))
    return subprocess.Popen(
        [sys.executable, "-m", "officer_desk.server.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _migrate_to(engine: sa.Engine, revision: str) -> None:
    config = hub_db._alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return hub_db.schema_revision(conn)


# --- migrate, and the commands that refuse a schema behind ----------------------------------


def test_commands_refuse_a_database_that_is_not_migrated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "hub"
    assert server_main(["enroll-device", "--data-dir", str(folder), "--unit", "C"]) == 3
    said = capsys.readouterr().err
    assert "no schema yet" in said and "officer-desk-server migrate" in said
    assert "Traceback" not in said

    engine = hub_db.make_engine(hub_db.database_url_for(folder))
    _migrate_to(engine, "h0006")
    assert server_main(["serve", "--data-dir", str(folder), "--port", "9"]) == 3
    said = capsys.readouterr().err
    assert "at h0006, behind" in said and "officer-desk-server migrate" in said
    assert _revision(engine) == "h0006"  # serve changed nothing

    assert server_main(["migrate", "--data-dir", str(folder)]) == 0
    assert f"now at {hub_db.HEAD_REVISION} (was h0006)" in capsys.readouterr().out
    assert server_main(["migrate", "--data-dir", str(folder)]) == 0
    assert f"already at {hub_db.HEAD_REVISION}" in capsys.readouterr().out
    assert server_main(["enroll-device", "--data-dir", str(folder), "--unit", "C"]) == 0
    capsys.readouterr()

    # A schema a newer hub wrote: this one does not know it and says to update.
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'h0999'"))
    assert server_main(["refusals", "--data-dir", str(folder)]) == 3
    assert "Update officer-desk-server" in capsys.readouterr().err
    engine.dispose()


def test_serve_behind_exits_non_zero_without_a_traceback_in_its_own_process(
    tmp_path: Path,
) -> None:
    engine = hub_db.make_engine(hub_db.database_url_for(tmp_path))
    _migrate_to(engine, "h0005")
    engine.dispose()
    process = _cli("serve", "--data-dir", str(tmp_path), "--port", "9")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 3, (out, err)
    assert "officer-desk-server migrate" in err and "Traceback" not in err


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_three_migrate_processes_together_leave_one_schema(
    database: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if database == "sqlite":
        url = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    else:
        url = request.getfixturevalue("postgres").new_database()
    processes = [_cli("migrate", "--database-url", url) for _ in range(3)]
    said = [process.communicate(timeout=180) for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0], said
    outs = [out for out, _ in said]
    assert sum(f"now at {hub_db.HEAD_REVISION} (was empty)" in out for out in outs) == 1, outs
    assert sum(f"already at {hub_db.HEAD_REVISION}" in out for out in outs) == 2, outs
    engine = hub_db.make_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert context.get_current_revision() == hub_db.HEAD_REVISION
            assert compare_metadata(context, hub_db.metadata) == []
            versions = connection.execute(sa.text("SELECT count(*) FROM alembic_version"))
            assert versions.scalar_one() == 1
    finally:
        engine.dispose()


# --- /readyz ---------------------------------------------------------------------------------


def _get(app: Any, path: str, **kwargs: Any) -> httpx.Response:
    transport = InProcessTransport(app)
    try:
        return transport._loop.run_until_complete(transport.client.get(path, **kwargs))
    finally:
        transport.close()


def test_readyz_checks_the_database_and_its_schema(hub: Hub) -> None:
    assert _get(hub.app, "/readyz").json() == {"status": "ready", "schema": hub_db.HEAD_REVISION}
    with hub.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'h0006'"))
    answer = _get(hub.app, "/readyz")
    assert answer.status_code == 503
    assert answer.json()["code"] == "not_ready" and "migrate" in answer.json()["detail"]
    assert _get(hub.app, "/healthz").status_code == 200  # alive all the same


def test_readyz_without_a_database_is_503() -> None:
    engine = hub_db.make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    answer = _get(create_app(engine), "/readyz")
    assert answer.status_code == 503 and answer.json()["code"] == "not_ready"


# --- a workstation with a distinctive person, recording what it pushes ----------------------

NAME = "Zyxwvut Quorrelby"
NOTE = "Glimmerfrost lantern note 7731"


class Recording:
    """A transport that keeps the bodies of the pushes it sent (to send one again later, as
    a workstation restored from an old backup would)."""

    def __init__(self, inner: InProcessTransport) -> None:
        self.inner = inner
        self.pushes: list[dict[str, Any]] = []

    def send(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        if path == "/sync/push":
            self.pushes.append(kwargs["body"])
        return self.inner.send(method, path, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _workstation(hub: Hub, folder: Path) -> tuple[SyncClient, Recording, dict[str, Any]]:
    store = open_store(folder / "w.sqlite")
    info = seed_unit(store, persons=1)
    transport = Recording(InProcessTransport(hub.app))
    client = SyncClient(store, transport)  # type: ignore[arg-type]
    client.enroll("https://hub.test", hub.code(), "w")
    client.sync_once()
    return client, transport, info


def _results(hub: Hub) -> dict[str, Any]:
    with hub.engine.connect() as conn:
        rows = conn.execute(sa.select(hub_db.op_result.c.op_id, hub_db.op_result.c.status))
        return dict(rows.all())  # type: ignore[arg-type]


def _resend(client: SyncClient, body: dict[str, Any]) -> list[dict[str, Any]]:
    status, data = client._transport_or_raise().send(
        "POST", "/sync/push", token=client._setting("sync.token"), body=body
    )
    assert status == 200, data
    return list(data["results"])


# --- pruning op results ----------------------------------------------------------------------


def test_pruned_results_keep_a_resend_harmless(hub: Hub, tmp_path: Path) -> None:
    """Results older than the set age go, except those of the device's latest push (the only
    ones whose answer it may still lack); a resend of a pruned op (a workstation restored
    from an old backup) is refused as a replay, into the visible rejected list: applied
    once, nothing lost."""
    client, transport, info = _workstation(hub, tmp_path)
    store = client.store
    admin = Actor(info["admin"], "Ada", role="admin")
    people.add_officer(store, admin, username="ola", display_name="Ola", role="officer")
    client.sync_once()
    early = transport.pushes[-1]
    people.add_officer(store, admin, username="eva", display_name="Eva", role="officer")
    client.sync_once()
    latest = transport.pushes[-1]
    before = hub.records()
    early_ids = [op["op_id"] for op in early["ops"]]
    latest_ids = [op["op_id"] for op in latest["ops"]]
    assert all(_results(hub)[i] == "applied" for i in early_ids + latest_ids)

    # Nothing is old yet; then, forty days on, everything but the latest push is.
    assert hub_db.prune_results(hub.engine, timedelta(days=30)) == 0
    later = datetime.now(UTC) + timedelta(days=40)
    gone = hub_db.prune_results(hub.engine, timedelta(days=30), now=later)
    kept = _results(hub)
    assert gone >= len(early_ids)
    assert all(i not in kept for i in early_ids)
    assert all(kept[i] == "applied" for i in latest_ids)

    # The latest push's answer was lost: its resend is a duplicate, as before pruning.
    assert {r["status"] for r in _resend(client, latest)} == {"duplicate"}
    # A pruned op sent again: not applied twice, refused as a replay with its reason.
    again = _resend(client, early)
    assert {r["status"] for r in again} == {"rejected"}
    assert {r["reason"] for r in again} == {REPLAY_REASON}
    assert hub.records() == before

    # A revoked workstation pushes no more: all of its old results go.
    assert revoke_device(hub.engine, _device_of(hub, latest))
    hub_db.prune_results(hub.engine, timedelta(days=30), now=later + timedelta(days=1))
    assert not set(_results(hub)) & set(latest_ids)


def _device_of(hub: Hub, body: dict[str, Any]) -> str:
    with hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(hub_db.op_result.c.device_id).where(
                    hub_db.op_result.c.op_id == body["ops"][0]["op_id"]
                )
            ).scalar_one()
        )


def test_a_served_hub_prunes_on_its_own_and_keeps_going_after_a_failure(
    caplog: pytest.LogCaptureFixture,
) -> None:
    done: list[str] = []

    def flush() -> int:
        done.append("flush")
        if len(done) == 1:
            raise sa.exc.OperationalError("UPDATE device", {}, Exception("down"))
        return 0

    def prune(older_than: timedelta) -> int:
        done.append(f"prune {older_than.days}")
        return 0

    upkeep = Upkeep(HubSettings(keep_results_days=30, prune_every_hours=1), flush, prune)
    for now in (0.0, 59.0, 60.0, 61.0, 3659.0, 3660.0):
        upkeep.tick(now)
    assert done == ["flush"] * 3 + ["prune 30"] + ["flush"] * 3 + ["prune 30"]
    assert "hub upkeep failed: OperationalError" in caplog.text
    never = Upkeep(HubSettings(prune_every_hours=0), flush, prune)
    never.tick(10**9)
    assert done[-1] == "flush"


def test_the_prune_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert server_main(["migrate", "--data-dir", str(tmp_path)]) == 0
    assert server_main(["prune", "--data-dir", str(tmp_path), "--keep-results-days", "7"]) == 0
    assert "Pruned 0 op results older than 7 days." in capsys.readouterr().out


# --- /metrics --------------------------------------------------------------------------------


def test_metrics_count_the_traffic_by_ids_and_never_name_anyone(hub: Hub, tmp_path: Path) -> None:
    client, _, info = _workstation(hub, tmp_path)
    admin = Actor(info["admin"], "Ada", role="admin")
    people.add_officer(client.store, admin, username="zq", display_name=NAME, role="officer")
    client.sync_once()

    answer = _get(hub.app, "/metrics")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain")
    text = answer.text
    assert "officer_desk_hub_pushes_total " in text
    assert 'officer_desk_hub_changes_total{outcome="applied"}' in text
    assert "officer_desk_hub_pulls_total " in text
    assert 'officer_desk_hub_request_seconds_bucket{le="0.005",route="/sync/push"' in text
    with hub.engine.connect() as conn:
        unit = conn.execute(
            sa.select(hub_db.record.c.entity_id).where(hub_db.record.c.entity == "unit")
        ).scalar_one()
    assert f'officer_desk_hub_unit_lag_seconds{{unit="{unit}"}}' in text
    for private in (NAME, "Kari Nordmann", "Person 0", "Enhet C", "Halden"):
        assert private not in text
    with hub.engine.connect() as conn:  # the scrape wrote this process's pull times first
        pulled = conn.execute(sa.select(hub_db.device.c.pulled_at)).scalars().all()
    assert None not in pulled


def test_metrics_are_not_served_to_the_network(hub: Hub) -> None:
    def scrape(app: Any, client: tuple[str, int], **headers: str) -> int:
        transport = InProcessTransport(app)
        transport.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app, client=client), base_url="http://hub.test"
        )
        try:
            answer = transport._loop.run_until_complete(
                transport.client.get("/metrics", headers=headers)
            )
        finally:
            transport.close()
        return answer.status_code

    assert scrape(hub.app, ("127.0.0.1", 5000)) == 200
    assert scrape(hub.app, ("10.1.2.3", 5000)) == 403
    assert scrape(hub.app, ("127.0.0.1", 5000), **{"X-Forwarded-For": "10.1.2.3"}) == 403
    locked = create_app(hub.engine, settings=HubSettings(metrics_token="s3cret-scrape"))
    assert scrape(locked, ("10.1.2.3", 5000)) == 403
    assert scrape(locked, ("10.1.2.3", 5000), Authorization="Bearer wrong") == 403
    assert scrape(locked, ("10.1.2.3", 5000), Authorization="Bearer s3cret-scrape") == 200


def test_refusal_reasons_become_a_few_fixed_kinds() -> None:
    assert reason_kind(REPLAY_REASON) == "replay"
    assert reason_kind("This change id was already used by another workstation.") == "id_reused"
    assert reason_kind("Unit Q is already on the hub as another record") == "scope"
    assert reason_kind("Something nobody foresaw about Kari Nordmann") == "other"


# --- the rate limit --------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    waits: list[float]


def _limited(hub: Hub, clock: Clock) -> Any:
    app = create_app(hub.engine, settings=HubSettings(rate=1.0, burst=3))
    app.app.state.buckets.clock = clock
    return app


def test_a_flooding_device_gets_429_while_another_is_served(hub: Hub, tmp_path: Path) -> None:
    from hubseed import seed_and_enrol

    _, tokens = seed_and_enrol(hub, tmp_path, persons=1, stations=2)
    clock = Clock()
    app = _limited(hub, clock)
    flood, calm = tokens

    def devices(token: str) -> httpx.Response:
        return _get(app, "/sync/devices", headers={"Authorization": f"Bearer {token}"})

    assert [devices(flood).status_code for _ in range(3)] == [200, 200, 200]
    refused = devices(flood)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1"
    assert refused.json()["code"] == "slow_down"
    assert devices(calm).status_code == 200  # another device is served meanwhile
    assert _get(app, "/healthz").status_code == 200  # probes are not limited
    clock.now += 1.0
    assert devices(flood).status_code == 200  # the wait it was given was enough
    assert "officer_desk_hub_rate_limited_total 1.0" in _get(app, "/metrics").text


def test_the_client_waits_out_429_and_loses_nothing(hub: Hub, tmp_path: Path) -> None:
    """A sync against a hub that allows three requests at once and one a second: the
    transport waits the Retry-After it is given (a clock of the test's, no real sleep) and
    the sync finishes with everything sent."""
    store = open_store(tmp_path / "w.sqlite")
    info = seed_unit(store, persons=2)
    clock = Clock()
    clock.waits = []
    transport = InProcessTransport(_limited(hub, clock))
    transport.sleep = clock.sleep  # type: ignore[method-assign]
    client = SyncClient(store, transport)
    client.enroll("https://hub.test", hub.code(), "w")
    client.sync_once()
    admin = Actor(info["admin"], "Ada", role="admin")
    people.add_officer(store, admin, username="ola", display_name="Ola", role="officer")
    report = client.sync_once()
    assert report.pushed >= 1
    assert client.status().waiting == 0
    assert clock.waits and set(clock.waits) == {1.0}
    assert any(k[0] == "officer" for k in hub.records())


# --- logs carry ids, never names or note text ------------------------------------------------


def test_hub_logs_never_carry_names_or_note_text(
    hub: Hub, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name and a note pushed, then the same changes sent again through every failure the
    hub logs, each failure's message quoting them (as a merge's ValueError or a database's
    error does): the logs name the error's type and where it was raised, never them."""
    from officer_desk.server import merge, pushes

    caplog.set_level(logging.DEBUG)
    client, transport, info = _workstation(hub, tmp_path)
    admin = Actor(info["admin"], "Ada", role="admin")
    officer = Actor(info["officer"], "Kari", role="officer")
    people.add_officer(client.store, admin, username="zq", display_name=NAME, role="officer")
    notes.add_note(client.store, officer, inmate_id=info["inmates"][0], kind="general", text=NOTE)
    client.sync_once()
    pushed = transport.pushes[-1]
    ahead = time.time_ns() // 1_000_000 + 60_000  # after the workstation's own clock

    def again(n: int) -> dict[str, Any]:
        """The pushed changes under new op ids and later clocks, signed."""
        ops = []
        for m, op in enumerate(pushed["ops"]):
            made = {k: v for k, v in op.items() if k not in ("signer", "signature")}
            made |= {"op_id": f"{op['op_id'][:-6]}b{n}{m:04d}"}
            made |= {"hlc": f"{ahead:013d}-{n * 1000 + m:05d}{op['hlc'][19:]}"}
            ops.append(sign_op(made, op["signer"]))
        return {"ops": ops, "waiting": 0}

    def quoting(op: Any) -> str:
        return f"cannot read {op.payload!r} ({NAME}, {NOTE})"

    # A merge that chokes on a payload: the op is rejected and the hub logs why.
    def choke(self: Any, op: Any) -> Any:
        raise ValueError(quoting(op))

    with monkeypatch.context() as patch:
        patch.setattr(merge.Merger, "_merge", choke)
        assert {r["status"] for r in _resend(client, again(1))} == {"rejected"}

    # The database refuses the push, its error quoting the values (as PostgreSQL's DETAIL
    # of a unique violation does): a 422, and a warning.
    def refuse(*_args: Any, **_kw: Any) -> Any:
        raise sa.exc.IntegrityError("INSERT INTO record", {"data": NAME}, Exception(NOTE))

    with monkeypatch.context() as patch:
        patch.setattr(pushes, "apply_pushes", refuse)
        status, _ = client._transport_or_raise().send(
            "POST", "/sync/push", token=client._setting("sync.token"), body=again(2)
        )
        assert status == 422

    # A bug: a 500, logged with its type and traceback, not its message.
    def bug(*_args: Any, **_kw: Any) -> Any:
        raise RuntimeError(f"unexpected {NAME} {NOTE}")

    with monkeypatch.context() as patch:
        patch.setattr(pushes, "apply_pushes", bug)
        status, _ = client._transport_or_raise().send(
            "POST", "/sync/push", token=client._setting("sync.token"), body=again(3)
        )
        assert status == 500

    hub_lines = [r.getMessage() for r in caplog.records if r.name.startswith("officer_desk")]
    assert any("could not be merged: ValueError" in line for line in hub_lines), hub_lines
    assert any("IntegrityError" in line for line in hub_lines), hub_lines
    assert any("unexpected RuntimeError" in line for line in hub_lines), hub_lines
    logged = caplog.text + "".join(r.getMessage() for r in caplog.records)
    for private in (NAME, NOTE, "Glimmerfrost", "Quorrelby"):
        assert private not in logged


def test_the_operators_commands_wait_for_a_push_on_a_sqlite_hub(tmp_path: Path) -> None:
    """A command run while the serving process writes waits for it; it never fails with
    "database is locked" because its snapshot went stale (a deferred ``BEGIN`` that reads
    and then writes after another commit is refused at once; CI met it in the live tests)."""
    import threading

    from synchelp import UNIT

    from officer_desk.server.authority import trust_admin
    from officer_desk.server.routes.enrolment import create_enrol_code

    engine = hub_db.make_engine(hub_db.database_url_for(tmp_path))
    hub_db.upgrade(engine)
    serving = hub_db.make_engine(hub_db.database_url_for(tmp_path))
    failures: list[BaseException] = []
    done: list[str] = []

    def operator() -> None:
        try:
            trust_admin(engine, unit_code=UNIT, officer_id="o-1", public="A" * 43 + "=")
            done.append(create_enrol_code(engine, UNIT))
        except BaseException as error:  # the assertion below says which
            failures.append(error)

    with serving.begin() as conn:  # the push: holds the write lock ...
        conn.execute(sa.text("INSERT INTO rejection (at, device_id, op_id, entity, entity_id,"
                             " claimed_signer, reason) VALUES (:at, 'd', 'o', 'e', 'i', NULL,"
                             " 'r')"), {"at": datetime.now(UTC)})  # fmt: skip
        thread = threading.Thread(target=operator)
        thread.start()
        time.sleep(0.5)  # ... while the command reads its facility and asks to write
    thread.join(60)
    assert not failures and len(done) == 1
    with engine.connect() as conn:
        keys = conn.execute(sa.select(hub_db.signing_key.c.officer_id)).scalars().all()
    assert "o-1" in keys
    engine.dispose()
    serving.dispose()
