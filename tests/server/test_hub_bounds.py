"""Bad input is a 4xx, never a 5xx: every number, string and id of the API within what the
hub's databases hold (no NUL, integers within 64 bits and their column), and a value the
database still refuses inside a push becomes that change's rejection with a reason.

One test per finding of the fuzzer (tests/server/test_fuzz_api.py and the issue's run with a
device token: ``since`` past 2**63, ``waiting`` past 2**31, NUL in an op id, an entity id, a
snapshot's person, a verify request's person), each on a SQLite and a real PostgreSQL hub,
with the token in the attacker's hands."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hubseed import seed_and_enrol
from synchelp import LATEST, Hub, seed_unit, sign_op

from officer_desk.app import people
from officer_desk.app.writes import Actor
from officer_desk.server import db as hub_db
from officer_desk.server.app import create_app, utc_now
from officer_desk.store.database import open_store
from officer_desk.sync import protocol as p
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport

NUL = "\x00"


@pytest.fixture
def unit(hub: Hub, tmp_path: Path) -> dict[str, Any]:
    """A seeded unit on the hub and the token of one more of its workstations."""
    info, tokens = seed_and_enrol(hub, tmp_path, persons=2, stations=1)
    return {**info, "token": tokens[0]}


_LAST = [0]


def fresh_clock() -> str:
    """A clock value after every one before it (the hub refuses a device's older clock as a
    replay), a minute ahead of the wall clock."""
    _LAST[0] = max(_LAST[0] + 1, time.time_ns() // 1_000_000 + 60_000)
    return f"{_LAST[0]:013d}-00000-attacker"


def make_op(n: int, **over: Any) -> dict[str, Any]:
    """Every hand-made op of this module, signed by the seeded unit's admin (a change whose
    envelope is out of bounds is refused before its signature matters)."""
    entity_id = f"m-bounds-{n:04d}"
    base = {
        "op_id": f"op-bounds-{n:04d}",
        "entity": "programme",  # the facility's catalogue: the admin may add to it
        "entity_id": entity_id,
        "op": "insert",
        "payload": {"id": entity_id, "code": f"F{n}", "name_en": "Welding", "name_nb": "Sveis"},
        "hlc": fresh_clock(),
        "schema_version": 1,
    }
    made = base | over
    try:
        return sign_op(made, LATEST["admin"])
    except (KeyError, TypeError, ValueError):
        # Not signable as it stands (text no UTF-8 can hold): a well-formed signature that
        # cannot match, so the hub has to read the change to refuse it.
        return made | {"signer": LATEST.get("admin"), "signature": "A" * 86 + "=="}


def meal_payload(entity_id: str, inmate: str, **over: Any) -> dict[str, Any]:
    return {
        "id": entity_id,
        "inmate_id": inmate,
        "meal": "lunch",
        "day": "2026-01-01",
        "outcome": "ate",
        "logged_at": "2026-01-01T12:00:00+00:00",
    } | over


def send(
    hub: Hub,
    method: str,
    path: str,
    *,
    token: str | None = None,
    body: Any = None,
    params: dict[str, Any] | None = None,
) -> tuple[int, Any]:
    """A request as an attacker sends it: the body is JSON as written here (a NUL or a lone
    surrogate escaped, as any JSON text may), and whatever the hub raises fails the test
    (httpx's ASGI transport raises the app's exceptions: that would be a 500)."""
    transport = InProcessTransport(hub.app)
    try:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        content = None
        if body is not None:
            content = json.dumps(body, ensure_ascii=True)
            headers["Content-Type"] = "application/json"
        response = transport._loop.run_until_complete(
            transport.client.request(method, path, content=content, params=params, headers=headers)
        )
    finally:
        transport.close()
    assert response.status_code < 500, response.text
    return response.status_code, response.json()


def state(hub: Hub) -> tuple[Any, ...]:
    with hub.engine.connect() as conn:
        return (
            conn.execute(sa.select(hub_db.record.c.entity_id, hub_db.record.c.version)).all(),
            conn.execute(sa.select(hub_db.op_result.c.op_id)).all(),
            conn.execute(sa.select(hub_db.device.c.waiting, hub_db.device.c.app_version)).all(),
            conn.execute(sa.select(sa.func.sum(hub_db.scope_seq.c.last))).scalar(),
        )


def hello(**over: Any) -> dict[str, Any]:
    return {
        "app_version": "1.0",
        "schema_version": 1,
        "client_time": utc_now().isoformat(),
        "waiting": 0,
    } | over


def refused(status: int, body: Any) -> None:
    assert status == 422, body
    assert p.Problem.model_validate(body).detail


# --- integers within their columns -----------------------------------------------------------


def test_pull_since_past_64_bits_is_refused(hub: Hub, unit: dict[str, Any]) -> None:
    for since in (2**63, 2**64, 10**30, -1):
        params = {"cursor": "", "since": since}
        refused(*send(hub, "GET", "/sync/pull", token=unit["token"], params=params))
    status, body = send(
        hub, "GET", "/sync/pull", token=unit["token"], params={"cursor": "", "since": p.INT64_MAX}
    )
    # An old cursor: translated (this hub has no records from before per-scope feeds, so
    # it covers nothing) into a map of the unit and its facility.
    assert status == 200 and len(body["cursor"]) == 2


def test_waiting_past_32_bits_is_refused_in_hello_and_push(hub: Hub, unit: dict[str, Any]) -> None:
    token = unit["token"]
    before = state(hub)
    for waiting in (2**31, 2**63, 2**70, -1):
        refused(*send(hub, "POST", "/sync/hello", token=token, body=hello(waiting=waiting)))
        refused(*send(hub, "POST", "/sync/push", token=token, body={"ops": [], "waiting": waiting}))
    assert state(hub) == before
    status, _ = send(hub, "POST", "/sync/hello", token=token, body=hello(waiting=p.INT32_MAX))
    assert status == 200
    status, _ = send(
        hub, "POST", "/sync/push", token=token, body={"ops": [], "waiting": p.INT32_MAX}
    )
    assert status == 200
    with hub.engine.connect() as conn:
        stored = conn.execute(
            sa.select(hub_db.device.c.waiting).where(hub_db.device.c.name == "ws0")
        ).scalar_one()
    assert stored == p.INT32_MAX


@pytest.mark.parametrize(
    "over",
    [
        {"base_version": 2**31},
        {"base_version": 2**70},
        {"schema_version": 2**63},
        {"schema_version": -1},
    ],
    ids=["base_version 2**31", "base_version 2**70", "schema_version 2**63", "schema -1"],
)
def test_op_numbers_out_of_bounds_are_refused(
    hub: Hub, unit: dict[str, Any], over: dict[str, Any]
) -> None:
    before = state(hub)
    refused(
        *send(hub, "POST", "/sync/push", token=unit["token"], body={"ops": [make_op(1, **over)]})
    )
    assert state(hub) == before


def test_a_number_must_be_an_integer_not_a_boolean_or_text(hub: Hub, unit: dict[str, Any]) -> None:
    """``false`` for a schema version was taken as 0 (and answered "update the app")."""
    token = unit["token"]
    before = state(hub)
    for over in ({"schema_version": False}, {"waiting": True}, {"waiting": "5"}):
        refused(*send(hub, "POST", "/sync/hello", token=token, body=hello(**over)))
    refused(*send(hub, "POST", "/sync/push", token=token, body={"ops": [], "waiting": False}))
    for over in ({"schema_version": True}, {"schema_version": "1"}, {"base_version": 1.5}):
        body = {"ops": [make_op(1, **over)]}
        refused(*send(hub, "POST", "/sync/push", token=token, body=body))
    assert state(hub) == before


def test_a_huge_number_or_text_in_a_snapshot_cursor_is_refused(
    hub: Hub, unit: dict[str, Any]
) -> None:
    person = unit["inmates"][0]
    for after in ("99999999999999999999:x", f"1:a{NUL}b", "x:y", "1"):
        refused(
            *send(
                hub,
                "GET",
                "/sync/snapshot",
                token=unit["token"],
                params={"inmate": person, "after": after},
            )
        )


# --- text without NUL, ids of a safe shape ---------------------------------------------------


@pytest.mark.parametrize(
    "over",
    [
        {"op_id": f"op-bounds{NUL}0001"},
        {"entity_id": f"m{NUL}1"},
        {"op_id": "op-bounds-\ud800"},
        {"entity_id": "x" * 65},
        {"entity_id": "has space"},
        {"hlc": f"1700000000000-00000-dev{NUL}"},
        {"hlc": "not a clock"},
        {"hlc": "1700000000000-00000-" + "d" * 65},
    ],
    ids=[
        "NUL in op id",
        "NUL in entity id",
        "lone surrogate in op id",
        "entity id too long",
        "space in entity id",
        "NUL in hlc",
        "hlc not a clock",
        "hlc device too long",
    ],
)
def test_ops_with_unstorable_ids_are_refused(
    hub: Hub, unit: dict[str, Any], over: dict[str, Any]
) -> None:
    before = state(hub)
    refused(
        *send(hub, "POST", "/sync/push", token=unit["token"], body={"ops": [make_op(1, **over)]})
    )
    assert state(hub) == before


def test_nul_in_a_snapshot_person_or_a_verified_person_is_refused(
    hub: Hub, unit: dict[str, Any]
) -> None:
    token = unit["token"]
    person = unit["inmates"][0]
    for inmate in (f"{person}{NUL}", NUL, "a" * 65):
        refused(*send(hub, "GET", "/sync/snapshot", token=token, params={"inmate": inmate}))
    digest = {"count": 1, "digest": "0" * 64}
    refused(*send(hub, "POST", "/sync/verify", token=token, body={"scopes": {f"x{NUL}": digest}}))
    refused(
        *send(
            hub,
            "POST",
            "/sync/verify",
            token=token,
            body={"scopes": {person: {"count": 2**64, "digest": "0"}}},
        )
    )
    refused(
        *send(
            hub,
            "POST",
            "/sync/verify",
            token=token,
            body={"scopes": {person: {"count": 1, "digest": f"a{NUL}"}}},
        )
    )


def test_nul_in_hello_or_enrolment_text_is_refused(hub: Hub, unit: dict[str, Any]) -> None:
    before = state(hub)
    refused(
        *send(hub, "POST", "/sync/hello", token=unit["token"], body=hello(app_version=f"1{NUL}"))
    )
    code = hub.code()
    refused(*send(hub, "POST", "/sync/enroll", body={"code": code, "device_name": f"ws{NUL}evil"}))
    refused(*send(hub, "POST", "/sync/enroll", body={"code": f"{code}{NUL}", "device_name": "w"}))
    assert state(hub) == before
    status, body = send(hub, "POST", "/sync/enroll", body={"code": code, "device_name": "w"})
    assert status == 200, body  # the code was not used up by the refused requests


# --- payload contents: the database's refusal is that change's rejection ---------------------


def test_unstorable_values_in_a_payload_reject_only_their_change(
    hub: Hub, unit: dict[str, Any]
) -> None:
    """Payload contents are not validated per entity here (yet): whatever the JSON holds, the
    hub answers each change, and the good change in the same push is applied."""
    token = unit["token"]
    person = unit["inmates"][0]
    facility = next(k for k in hub.records() if k[0] == "facility")[1]
    awkward = [
        # stored as JSON text: NUL escaped, huge numbers as digits
        make_op(1, payload={"id": "m-bounds-0001", "name": f"a{NUL}b", "n": 2**70}),
        # a lone surrogate is not UTF-8: neither database can store it
        make_op(2, payload={"id": "m-bounds-0002", "name": "\ud800"}),
        # ids read from the payload into the record's columns or the look-ups
        make_op(
            3,
            entity="meal_log",
            payload=meal_payload("m-bounds-0003", f"{person}{NUL}"),
        ),
        make_op(4, entity="meal_log", payload=meal_payload("m-bounds-0004", 2**70)),
        make_op(5, entity="meal_log", payload=meal_payload("m-bounds-0005", ["a", {"b": 1}])),
        make_op(6, entity="meal_log", payload=meal_payload("m-bounds-0006", "p" * 200)),
        make_op(
            7,
            entity="release_plan_item",
            payload={"id": "m-bounds-0007", "plan_id": f"x{NUL}", "status": "done"},
        ),
        make_op(
            8,
            entity="handover_entry",
            payload={"id": "m-bounds-0008", "handover_id": f"h{NUL}", "text": "t"},
        ),
        make_op(9, entity="officer", payload={"id": "m-bounds-0009", "unit_id": {"a": NUL}}),
        make_op(
            10,
            entity="facility",
            entity_id=facility,
            op="update",
            payload={"id": facility, "name": "x", "updated_by": f"o{NUL}"},
        ),
        make_op(
            11,
            entity="assignment",
            payload={"id": "m-bounds-0011", "inmate_id": person, "updated_by": [1]},
        ),
        make_op(12, payload={"id": "m-bounds-0012", "deep": nested(p.MAX_PAYLOAD_DEPTH - 1)}),
    ]
    good = make_op(
        99,
        entity="meal_log",
        entity_id="m-bounds-good",
        payload=meal_payload("m-bounds-good", person),
    )
    status, body = send(hub, "POST", "/sync/push", token=token, body={"ops": [*awkward, good]})
    assert status == 200, body
    results = {r["op_id"]: r for r in body["results"]}
    assert results[good["op_id"]]["status"] == "applied"
    for op in awkward:
        result = results[op["op_id"]]
        assert result["status"] in ("applied", "rejected"), result
        if result["status"] == "rejected":
            assert result["reason"], result
    for n in (2, 3, 4, 5, 6, 7, 8, 9):  # nowhere to keep these
        assert results[f"op-bounds-{n:04d}"]["status"] == "rejected", n
    # refused by the payload check or, failing that, by what the database can hold
    assert "cannot" in results["op-bounds-0002"]["reason"]
    # What was applied reads back: a pull answers with every record, and it is JSON.
    status, page = send(hub, "GET", "/sync/pull", token=token, params={"cursor": ""})
    assert status == 200
    pulled = {c["entity_id"]: c["record"] for c in page["changes"]}
    assert pulled["m-bounds-good"]["inmate_id"] == person
    if results["op-bounds-0001"]["status"] == "applied":
        assert pulled["m-bounds-0001"]["name"] == f"a{NUL}b"
        assert pulled["m-bounds-0001"]["n"] == 2**70


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = {"d": value}
    return value


def test_a_payload_nested_too_deep_is_refused(hub: Hub, unit: dict[str, Any]) -> None:
    """The hub copies and encodes records recursively: JSON nested hundreds deep made a 500
    on every later change of that record."""
    before = state(hub)
    deep = make_op(1, payload={"id": "m-bounds-0001", "deep": nested(p.MAX_PAYLOAD_DEPTH)})
    refused(*send(hub, "POST", "/sync/push", token=unit["token"], body={"ops": [deep]}))
    # Far deeper: refused by the model (422), or already by the JSON parser when the stack is
    # deeper than usual (400 under a tracer such as coverage's); a Problem either way.
    deeper = make_op(1, payload={"id": "m-bounds-0001", "deep": nested(900)})
    status, body = send(hub, "POST", "/sync/push", token=unit["token"], body={"ops": [deeper]})
    assert status in (400, 422), body
    assert p.Problem.model_validate(body).detail
    listed = make_op(2, payload={"id": "m-bounds-0002", "deep": [nested(p.MAX_PAYLOAD_DEPTH)]})
    refused(*send(hub, "POST", "/sync/push", token=unit["token"], body={"ops": [listed]}))
    assert state(hub) == before


def test_a_change_of_a_record_stored_too_deep_is_rejected(hub: Hub, unit: dict[str, Any]) -> None:
    """A record already on the hub nested too deep to copy (stored before the bound): a
    change of it is rejected with a reason, not a 500."""
    token = unit["token"]
    status, body = send(hub, "POST", "/sync/push", token=token, body={"ops": [make_op(1)]})
    assert status == 200 and body["results"][0]["status"] == "applied"
    with hub.engine.begin() as conn:
        conn.execute(
            hub_db.record.update()
            .where(hub_db.record.c.entity_id == "m-bounds-0001")
            .values(data=json.dumps({"id": "m-bounds-0001", "code": "N", "deep": nested(900)}))
        )
    change = make_op(
        2,
        entity_id="m-bounds-0001",
        op="update",
        payload={"id": "m-bounds-0001", "name_en": "M"},
        base_version=1,
    )
    status, body = send(hub, "POST", "/sync/push", token=token, body={"ops": [change]})
    assert status == 200, body
    [result] = body["results"]
    assert result["status"] == "rejected" and result["reason"]


def test_a_payload_value_of_the_wrong_form_rejects_its_change(
    hub: Hub, unit: dict[str, Any]
) -> None:
    """A note revision whose number is no number (the merge could not renumber it): that
    change is rejected, naming the field, before the merge reads it; the rest of the push is
    applied, never a 500."""
    token = unit["token"]
    person = unit["inmates"][0]
    note = "m-note-0001"
    written = {"written_at": "2026-01-01T12:00:00+00:00", "written_by": None}
    ops = [
        make_op(
            1,
            entity="case_note",
            entity_id=note,
            payload={
                "id": note,
                "inmate_id": person,
                "kind": "general",
                "sensitive": False,
                "created_at": "2026-01-01T12:00:00+00:00",
            },
        ),
        make_op(
            2,
            entity="case_note_revision",
            entity_id="m-rev-0001",
            payload={"id": "m-rev-0001", "note_id": note, "number": 1, "text": "t"} | written,
        ),
        make_op(
            3,
            entity="case_note_revision",
            entity_id="m-rev-0002",
            payload={"id": "m-rev-0002", "note_id": note, "number": "one", "text": "o"} | written,
        ),
    ]
    status, body = send(hub, "POST", "/sync/push", token=token, body={"ops": ops})
    assert status == 200, body
    statuses = [r["status"] for r in body["results"]]
    assert statuses[:2] == ["applied", "applied"], body
    assert statuses[2] == "rejected" and "“number”" in body["results"][2]["reason"]


def test_a_unit_moved_to_an_unstorable_id_is_rejected(hub: Hub, unit: dict[str, Any]) -> None:
    """A transfer (facility IT's tools: no author) to a unit id no column holds."""
    token = unit["token"]
    person = unit["inmates"][0]
    before = hub.records()[("inmate", person)]
    status, body = send(
        hub,
        "POST",
        "/sync/push",
        token=token,
        body={
            "ops": [
                make_op(
                    1,
                    entity="inmate",
                    entity_id=person,
                    op="update",
                    payload={"id": person, "unit_id": f"u{NUL}"},
                    base_version=before["_v"],
                )
            ]
        },
    )
    assert status == 200, body
    [result] = body["results"]
    assert result["status"] == "rejected" and result["reason"]
    assert hub.records()[("inmate", person)] == before


# --- the database itself: 503, not a disguise for bad input -----------------------------------


def test_database_down_is_503_and_a_refused_value_is_422(
    hub: Hub, unit: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A hub whose database does not answer (nothing listens on port 1).
    engine = hub_db.make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    transport = InProcessTransport(create_app(engine))
    try:
        status, body = transport.send(
            "GET", "/sync/pull", token=unit["token"], params={"cursor": ""}
        )
    finally:
        transport.close()
        engine.dispose()
    assert status == 503 and body["code"] == "busy"

    def refuse(*_args: Any) -> Any:
        raise sa.exc.DataError("SELECT", {}, Exception("value too long"))

    monkeypatch.setattr("officer_desk.server.routes.changes._translated", refuse)
    params = {"cursor": "", "since": 5}
    status, body = send(hub, "GET", "/sync/pull", token=unit["token"], params=params)
    assert status == 422 and body["code"] == "unstorable"


# --- the client keeps to the same bounds ------------------------------------------------------


def test_an_outbox_entry_no_hub_takes_is_set_aside_and_the_rest_is_sent(
    hub: Hub, tmp_path: Path
) -> None:
    """An entry outside the protocol's bounds (here a clock that is not one) would make the
    hub refuse the whole batch, every time: it moves to the rejected list with the reason,
    and the entries beside it are sent."""
    store = open_store(tmp_path / "w.sqlite")
    info = seed_unit(store)
    client = SyncClient(store, InProcessTransport(hub.app))
    client.enroll("https://hub.test", hub.code(), "w")
    client.sync_once()
    admin = Actor(info["admin"], "Ada", role="admin")
    broken = people.add_officer(store, admin, username="ola", display_name="Ola", role="officer")
    kept = people.add_officer(store, admin, username="eva", display_name="Eva", role="officer")
    with store.writing() as session:
        session.connection().exec_driver_sql(
            "UPDATE outbox_entry SET hlc = 'not a clock' WHERE entity_id = ?", (broken.id,)
        )

    report = client.sync_once()

    assert report.rejected == 1 and report.pushed >= 1
    [item] = client.rejected()
    assert item.entity_id == broken.id
    assert "cannot be sent" in item.reason and "hlc" in item.reason
    assert client.status().waiting == 0
    assert ("officer", kept.id) in hub.records()
    assert ("officer", broken.id) not in hub.records()
