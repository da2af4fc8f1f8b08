"""The hub's HTTP API: every bad request gets its 4xx with a Problem body and changes nothing;
replays are idempotent; schema range, clock check, revocation; /healthz and /openapi.json.
Runs against a SQLite hub and a real PostgreSQL hub."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from synchelp import LATEST, Hub, seed_unit, sign_op

from officer_desk.server import db as hub_db
from officer_desk.server.app import revoke_device
from officer_desk.store.database import open_store
from officer_desk.sync import protocol as p
from officer_desk.sync.client import SyncClient
from officer_desk.sync.errors import ClockOff, DeviceRevoked, UpdateTheApp
from officer_desk.sync.transport import InProcessTransport


def state(hub: Hub) -> tuple[Any, ...]:
    with hub.engine.connect() as conn:
        return (
            *tuple(
                conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (hub_db.record, hub_db.op_result, hub_db.device)
            ),
            conn.execute(sa.select(sa.func.sum(hub_db.scope_seq.c.last))).scalar(),
        )


@pytest.fixture
def enrolled(hub: Hub, tmp_path: Path) -> tuple[InProcessTransport, str, SyncClient, dict]:
    store = open_store(tmp_path / "w1.sqlite")
    info = seed_unit(store)
    client = SyncClient(store, InProcessTransport(hub.app))
    client.enroll("https://hub.test", hub.code(), "w1")
    client.sync_once()
    token = client._setting("sync.token")
    assert token
    return client._transport, token, client, info  # type: ignore[return-value]


# Each op made here is stamped after the one before and after the workstation's own changes
# (the hub refuses a new op id whose clock is not after the last one it applied from the same
# workstation: a replay): a minute ahead of the wall clock, when it is made.
_LAST = [0]


def _fresh_clock() -> str:
    _LAST[0] = max(_LAST[0] + 1, time.time_ns() // 1_000_000 + 60_000)
    return f"{_LAST[0]:013d}-00000-dev"


def op(*, signer: str | None = None, **over: Any) -> dict[str, Any]:
    """A hand-made change, signed by ``signer`` (default: the seeded unit's admin)."""
    base = {
        "op_id": "op-" + "x" * 20,
        "entity": "programme",  # the facility's catalogue: the admin may add to it
        "entity_id": "f-new",
        "op": "insert",
        "payload": {"id": "f-new", "code": "NEW", "name_en": "N", "name_nb": "N"},
        "hlc": _fresh_clock(),
        "schema_version": 1,
    }
    return sign_op(base | over, signer or LATEST.get("admin"))


def test_healthz_and_openapi(hub: Hub) -> None:
    t = InProcessTransport(hub.app)
    assert t.send("GET", "/healthz") == (
        200,
        {"status": "ok", "version": t.send("GET", "/healthz")[1]["version"]},
    )
    status, spec = t.send("GET", "/openapi.json")
    assert status == 200
    assert {
        "/sync/push",
        "/sync/pull",
        "/sync/hello",
        "/sync/enroll",
        "/sync/snapshot",
        "/sync/verify",
    } <= set(spec["paths"])


def test_enrolment_code_is_one_time(hub: Hub) -> None:
    t = InProcessTransport(hub.app)
    code = hub.code()
    status, body = t.send("POST", "/sync/enroll", body={"code": code, "device_name": "w"})
    assert status == 200 and body["token"] and body["unit_code"] == "C"
    before = state(hub)
    status, body = t.send("POST", "/sync/enroll", body={"code": code, "device_name": "w"})
    assert status == 400 and body["code"] == "bad_code"
    status, body = t.send("POST", "/sync/enroll", body={"code": "WRONG-CODE", "device_name": "w"})
    assert status == 400
    assert state(hub) == before
    with hub.engine.connect() as conn:  # only hashes are stored
        stored = conn.execute(sa.select(hub_db.device.c.token_hash)).scalars().all()
    assert all(len(h) == 64 for h in stored)


BAD_PUSHES = [
    ("no token", None, {"ops": []}, 401),
    ("bad token", "nope", {"ops": []}, 401),
    ("not json", "T", "not json", 422),
    ("missing field", "T", {"ops": [{"op_id": "x" * 10}]}, 422),
    ("extra field", "T", {"ops": [], "evil": 1}, 422),
    ("unknown entity", "T", {"ops": [op(entity="secrets")]}, 422),
    ("too many ops", "T", {"ops": [op(op_id=f"op-{n:010d}") for n in range(p.MAX_BATCH + 1)]}, 422),
    ("same op twice", "T", {"ops": [op(), op()]}, 422),
    ("schema too old", "T", {"ops": [op(schema_version=0)]}, 426),
    ("schema too new", "T", {"ops": [op(schema_version=99)]}, 426),
]


def test_bad_pushes_are_refused_and_change_nothing(hub: Hub, enrolled: Any) -> None:
    transport, real_token, _, _ = enrolled
    before = state(hub)
    for why, token, body, status in BAD_PUSHES:
        token = real_token if token == "T" else token
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        content = body if isinstance(body, str) else json.dumps(body)
        response = transport._loop.run_until_complete(
            transport.client.post(
                "/sync/push",
                content=content,
                headers=headers | {"Content-Type": "application/json"},
            )
        )
        assert response.status_code == status, (why, response.text)
        assert p.Problem.model_validate(response.json()).detail, why
        assert state(hub) == before, why


def test_oversized_request_is_refused(hub: Hub, enrolled: Any) -> None:
    transport, token, _, _ = enrolled
    before = state(hub)
    big = b'{"ops": [], "x": "' + b"a" * (p.MAX_REQUEST_BYTES + 10) + b'"}'
    response = transport._loop.run_until_complete(
        transport.client.post(
            "/sync/push", content=big, headers={"Authorization": f"Bearer {token}"}
        )
    )
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert state(hub) == before


def test_bad_queries_are_4xx(hub: Hub, enrolled: Any) -> None:
    transport, token, _, info = enrolled
    for path, params in [
        ("/sync/pull", {"since": -1}),
        ("/sync/pull", {"since": "abc"}),
        ("/sync/pull", {"limit": p.MAX_PAGE + 1}),
        ("/sync/snapshot", {}),
        ("/sync/snapshot", {"inmate": "nobody-here"}),
        ("/sync/snapshot", {"inmate": info["inmates"][0], "after": "garbage"}),
    ]:
        status, body = transport.send("GET", path, token=token, params=params)
        assert 400 <= status < 500, (path, params, status)
        assert body["detail"]


def test_replayed_push_is_idempotent(hub: Hub, enrolled: Any) -> None:
    transport, token, _, _ = enrolled
    body = {"ops": [op()]}
    status, first = transport.send("POST", "/sync/push", token=token, body=body)
    assert status == 200 and first["results"][0]["status"] == "applied"
    before = state(hub)
    status, again = transport.send("POST", "/sync/push", token=token, body=body)
    assert again["results"][0]["status"] == "duplicate"
    assert again["results"][0]["version"] == first["results"][0]["version"]
    assert state(hub) == before


def test_log_with_same_id_and_other_content_is_rejected_without_blocking(
    hub: Hub, enrolled: Any
) -> None:
    transport, token, _client, info = enrolled
    meal = {
        "id": "m1",
        "inmate_id": info["inmates"][0],
        "day": "2026-01-01",
        "meal": "lunch",
        "outcome": "ate",
        "logged_at": "2026-01-01T12:00:00+00:00",
    }
    ops = [
        op(op_id="op-meal-000001", entity="meal_log", entity_id="m1", payload=meal),
        op(
            op_id="op-meal-000002",
            entity="meal_log",
            entity_id="m1",
            payload=meal | {"outcome": "declined"},
        ),
        op(
            op_id="op-meal-000003",
            entity="programme",
            entity_id="f2",
            payload={"id": "f2", "code": "X2", "name_en": "x", "name_nb": "x"},
        ),
    ]
    _status, body = transport.send("POST", "/sync/push", token=token, body={"ops": ops})
    assert [r["status"] for r in body["results"]] == ["applied", "rejected", "applied"]
    assert "different content" in body["results"][1]["reason"]


def test_out_of_scope_ops_are_rejected(hub: Hub, enrolled: Any, tmp_path: Path) -> None:
    _transport, _token, _, info = enrolled
    other = InProcessTransport(hub.app)
    _, body = other.send("POST", "/sync/enroll", body={"code": hub.code("D"), "device_name": "d"})
    d_token = body["token"]
    meal = {
        "id": "m9",
        "inmate_id": info["inmates"][0],
        "day": "2026-01-01",
        "meal": "lunch",
        "outcome": "ate",
        "logged_at": "2026-01-01T12:00:00+00:00",
    }
    before = state(hub)
    status, body = other.send(
        "POST",
        "/sync/push",
        token=d_token,
        body={"ops": [op(op_id="op-scope-0001", entity="meal_log", entity_id="m9", payload=meal)]},
    )
    assert body["results"][0]["status"] == "rejected"
    status, body = other.send(
        "GET", "/sync/snapshot", token=d_token, params={"inmate": info["inmates"][0]}
    )
    assert status == 404 and body["code"] == "out_of_scope"
    status, body = other.send("GET", "/sync/pull", token=d_token, params={"cursor": ""})
    assert all(c["inmate_id"] is None for c in body["changes"])
    assert state(hub)[0] == before[0]


def test_assignment_only_from_a_supervisor_whatever_the_change_claims(
    hub: Hub, enrolled: Any
) -> None:
    transport, token, _, info = enrolled
    assignment = {
        "id": "a1",
        "officer_id": info["officer"],
        "inmate_id": info["inmates"][0],
        "start_date": "2026-01-01",
        "updated_by": info["officer"],
    }
    _, body = transport.send(
        "POST",
        "/sync/push",
        token=token,
        body={
            "ops": [
                op(
                    op_id="op-assign-001",
                    entity="assignment",
                    entity_id="a1",
                    payload=assignment,
                    signer=info["officer"],
                ),
                # The officer's workstation claims the supervisor wrote it: the signature says
                # who did.
                op(
                    op_id="op-assign-002",
                    entity="assignment",
                    entity_id="a2",
                    payload=assignment | {"id": "a2", "updated_by": info["supervisor"]},
                    signer=info["officer"],
                ),
                op(
                    op_id="op-assign-003",
                    entity="assignment",
                    entity_id="a3",
                    payload=assignment | {"id": "a3", "updated_by": info["supervisor"]},
                    signer=info["supervisor"],
                ),
            ]
        },
    )
    assert [r["status"] for r in body["results"]] == ["rejected", "rejected", "applied"]
    assert all("supervisor" in r["reason"] for r in body["results"][:2])


def test_clock_and_schema_checks_in_hello(hub: Hub, enrolled: Any) -> None:
    transport, token, client, _ = enrolled
    late = datetime.now(UTC) - timedelta(minutes=12)
    status, body = transport.send(
        "POST",
        "/sync/hello",
        token=token,
        body={"app_version": "1", "schema_version": 1, "client_time": late.isoformat()},
    )
    assert status == 400 and body["code"] == "clock_off"
    assert "off by 12 minutes" in body["detail"]
    status, body = transport.send(
        "POST",
        "/sync/hello",
        token=token,
        body={
            "app_version": "1",
            "schema_version": 0,
            "client_time": datetime.now(UTC).isoformat(),
        },
    )
    assert status == 426 and "update the app" in body["detail"]
    # The client says it in plain words and keeps its outbox.
    client.now = lambda: datetime.now(UTC) + timedelta(minutes=30)
    with pytest.raises(ClockOff, match="off by 30 minutes"):
        client.sync_once()
    assert client.status().problem and "30 minutes" in client.status().problem
    client.now = lambda: datetime.now(UTC)
    import officer_desk.sync.client as client_module

    old = client_module.SYNC_SCHEMA_VERSION
    client_module.SYNC_SCHEMA_VERSION = 99
    try:
        with pytest.raises(UpdateTheApp):
            client.sync_once()
    finally:
        client_module.SYNC_SCHEMA_VERSION = old


def test_revoked_device_gets_401(hub: Hub, enrolled: Any) -> None:
    transport, token, client, _ = enrolled
    device_id = client._setting("sync.hub_device")
    assert revoke_device(hub.engine, device_id)
    status, body = transport.send("GET", "/sync/pull", token=token, params={"cursor": ""})
    assert status == 401 and body["code"] == "device_revoked"
    with pytest.raises(DeviceRevoked):
        client.sync_once()
