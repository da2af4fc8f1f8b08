"""Every pushed payload is checked against its entity's model at the hub (sync/payloads.py):
each malformed change is rejected on its own with a reason naming the field, nothing of it is
stored or sent to another workstation, and the other changes of the same push are applied.
The attacker holds a real device token.  SQLite and PostgreSQL hubs."""

from __future__ import annotations

import json
import time
from datetime import UTC
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hubseed import seed_and_enrol
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from synchelp import LATEST, Hub, sign_op

from officer_desk.domain.ids import new_id
from officer_desk.sync import payloads
from officer_desk.sync import protocol as p
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport

_clock = count(1)


def hlc() -> str:
    """A fresh, increasing clock reading (the hub orders field changes by it)."""
    return f"{time.time_ns() // 1_000_000 + 60_000 + next(_clock):013d}-00000-attacker"


def make_op(
    entity: str, entity_id: str, payload: dict[str, Any], *, kind: str = "insert"
) -> dict[str, Any]:
    """Every hand-made op of this module, signed by the seeded unit's admin (whom the rules
    let write anything in the unit: what is refused here is refused for its payload)."""
    return sign_op(
        {
            "op_id": new_id(),
            "entity": entity,
            "entity_id": entity_id,
            "op": kind,
            "payload": payload,
            "hlc": hlc(),
            "schema_version": 1,
        },
        LATEST["admin"],
    )


def push(hub: Hub, token: str, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    status, body = InProcessTransport(hub.app).send(
        "POST", "/sync/push", token=token, body={"ops": ops}
    )
    assert status == 200, body
    results: list[dict[str, Any]] = body["results"]
    assert [r["op_id"] for r in results] == [o["op_id"] for o in ops]
    return results


def pull_all(hub: Hub, token: str) -> dict[tuple[str, str], dict[str, Any]]:
    transport, cursor, out = InProcessTransport(hub.app), "", {}
    while True:
        status, body = transport.send(
            "GET", "/sync/pull", token=token, params={"cursor": cursor, "limit": p.MAX_PAGE}
        )
        assert status == 200, body
        for change in body["changes"]:
            out[(change["entity"], change["entity_id"])] = change["record"]
        cursor = p.format_cursor(body["cursor"])
        if not body["more"]:
            return out


@pytest.fixture
def unit(hub: Hub, tmp_path: Path) -> dict[str, Any]:
    """A seeded unit, an attacker's device token and a second workstation's token."""
    info, tokens = seed_and_enrol(hub, tmp_path, persons=2, stations=2)
    records = hub.records()
    ids: dict[str, list[str]] = {}
    for entity, entity_id in records:
        ids.setdefault(entity, []).append(entity_id)
    return {"info": info, "attacker": tokens[0], "other": tokens[1], "ids": ids}


def sync_columns(supervisor: str) -> dict[str, Any]:
    return {"updated_hlc": hlc(), "updated_by": supervisor, "device_id": "dev-attacker"}


# --- the cases of the issue ---------------------------------------------------------------------


def test_each_malformed_change_is_rejected_alone_and_nothing_of_it_is_stored(
    hub: Hub, unit: dict[str, Any]
) -> None:
    person = unit["info"]["inmates"][0]
    supervisor = unit["info"]["supervisor"]
    meta = sync_columns(supervisor)

    def activity(**over: Any) -> dict[str, Any]:
        row = {
            "id": new_id(),
            "inmate_id": person,
            "category": "gym",
            "started_at": "2026-03-01T10:00:00+00:00",
            "logged_at": "2026-03-01T11:00:00+00:00",
            "duration_minutes": 45,
            "note": "",
        }
        return row | meta | over

    good = activity()
    good_op = _insert("activity_log", good)  # stamped first: it goes first among the applied
    cases = {
        "date_of_birth": make_op(
            "inmate",
            person,
            {"id": person, "date_of_birth": "not-a-date", **meta},
            kind="update",
        ),
        "evil": make_op("inmate", person, {"id": person, "evil": 1, **meta}, kind="update"),
        "started_at": _insert("activity_log", activity(started_at=None)),
        "logged_at": _insert(
            "activity_log", {k: v for k, v in activity().items() if k != "logged_at"}
        ),
        "duration_minutes": _insert("activity_log", activity(duration_minutes=2**70)),
        "note": _insert("activity_log", activity(note="fine\x00then not")),
        "category": _insert("activity_log", activity(category="escape")),
        "full_name": make_op(
            "inmate", person, {"id": person, "full_name": "x" * 201, **meta}, kind="update"
        ),
    }
    ops = [cases["date_of_birth"], good_op, *list(cases.values())[1:]]
    before = hub.records()[("inmate", person)]

    results = {r["op_id"]: r for r in push(hub, unit["attacker"], ops)}

    assert results[ops[1]["op_id"]]["status"] == "applied"
    for field_name, bad in cases.items():
        result = results[bad["op_id"]]
        assert result["status"] == "rejected", field_name
        assert f"“{field_name}”" in result["reason"], result["reason"]
        assert "cannot be stored" in result["reason"]
        # What the field held is described, never repeated: a reason is stored and logged
        # at the hub, and a value in the wrong field may be a name or a note.
        for value in ("not-a-date", "then not", "escape", "xxxx", str(2**70)):
            assert value not in result["reason"], result["reason"]
    after = hub.records()
    assert after[("inmate", person)] == before  # no field of the person changed
    stored_logs = {i for (e, i) in after if e == "activity_log"}
    assert good["id"] in stored_logs
    for bad in cases.values():
        if bad["entity"] == "activity_log":
            assert bad["entity_id"] not in stored_logs
    # The other workstation receives the good change and nothing of the bad ones.
    seen = pull_all(hub, unit["other"])
    assert ("activity_log", good["id"]) in seen
    assert not {("activity_log", b["entity_id"]) for b in cases.values()} & set(seen)
    assert seen[("inmate", person)].get("date_of_birth") == before.get("date_of_birth")
    assert "evil" not in seen[("inmate", person)]
    # A resent rejected change gets the same answer (stored result), still nothing stored.
    again = push(hub, unit["attacker"], [cases["duration_minutes"]])
    assert again[0]["status"] == "rejected"


def _insert(entity: str, payload: dict[str, Any]) -> dict[str, Any]:
    return make_op(entity, str(payload.get("id") or new_id()), payload)


def test_a_bad_clock_or_a_record_naming_another_id_is_rejected(
    hub: Hub, unit: dict[str, Any]
) -> None:
    person = unit["info"]["inmates"][0]
    meta = sync_columns(unit["info"]["supervisor"])
    bad_clock = make_op("inmate", person, {"id": person, "cell": "C9", **meta}, kind="update")
    bad_clock["hlc"] = "tomorrow"
    stamped = make_op(
        "inmate", person, {"id": person, "cell": "C9"} | meta | {"updated_hlc": "9"}, kind="update"
    )
    # A change's own clock out of shape: the request's envelope, refused whole (422).
    status, body = InProcessTransport(hub.app).send(
        "POST", "/sync/push", token=unit["attacker"], body={"ops": [bad_clock]}
    )
    assert status == 422 and "hlc" in body["detail"]
    results = push(hub, unit["attacker"], [stamped])
    assert [r["status"] for r in results] == ["rejected"]
    assert "“updated_hlc”" in results[0]["reason"]
    assert hub.records()[("inmate", person)]["cell"] != "C9"


# --- every entity: generated from the model ------------------------------------------------------

SAFE_TEXT = st.characters(codec="utf-8", exclude_characters="\x00")
SKIP_INSERT = {"unit", "sync_conflict"}  # a unit exists already; conflicts are the hub's own


def value_of(entity: str, column: payloads.Column, refs: dict[str, list[str]]) -> Any:
    """A strategy for one valid value of a column (references point at existing records)."""
    if column.reference is not None:
        targets = refs.get(column.reference, [])
        if not targets:
            assert column.nullable, (entity, column.name)
            return st.none()
        known = st.sampled_from(targets)
        return st.one_of(st.none(), known) if column.nullable else known
    if column.choices is not None and column.kind == "list":
        base: st.SearchStrategy[Any] = st.lists(st.sampled_from(column.choices), max_size=5)
    elif column.choices is not None:
        base = st.sampled_from(column.choices)
    elif column.kind == "text":
        size = min(column.max_length or 40, 40)
        base = st.text(SAFE_TEXT, max_size=size)
    elif column.kind == "hlc":
        base = st.builds(hlc)
    elif column.kind == "int":
        base = st.integers(column.minimum, column.maximum)
    elif column.kind == "bool":
        base = st.booleans()
    elif column.kind == "date":
        base = st.dates().map(lambda d: d.isoformat())
    elif column.kind == "datetime":
        base = st.datetimes(timezones=st.just(UTC)).map(lambda t: t.isoformat())
    elif column.kind == "list":
        base = st.lists(st.text(SAFE_TEXT, max_size=20), max_size=5)
    else:  # hex (a photo)
        base = st.binary(max_size=16).map(bytes.hex)
    return st.one_of(st.none(), base) if column.nullable else base


@st.composite
def valid_record(
    draw: st.DrawFn, entity: str, refs: dict[str, list[str]], supervisor: str, fixed: dict
) -> dict[str, Any]:
    shape = payloads.shape(entity)
    record: dict[str, Any] = {}
    for name, column in shape.columns.items():
        if name in fixed:
            record[name] = fixed[name]
        elif name == "updated_by":
            record[name] = supervisor  # the hub still takes privilege from the author
        elif column.required or draw(st.booleans()):
            record[name] = draw(value_of(entity, column, refs))
    return record


def invalid_value(column: payloads.Column) -> st.SearchStrategy[Any]:
    """A value the column must refuse."""
    wrong_type = {
        "text": st.sampled_from([5, 1.5, True, ["x"], {"a": 1}]),
        "hlc": st.sampled_from([5, "yesterday", "1-2-3"]),
        "int": st.sampled_from(["5", 1.5, True]),
        "bool": st.sampled_from([1, "true", None if column.nullable else 0]),
        "date": st.sampled_from(["not-a-date", "2026-02-30", 20260101, "2026-01-01T00:00:00"]),
        "datetime": st.sampled_from(["not-a-date", "2026-01-01", "2026-01-01T25:00:00", 7]),
        "list": st.sampled_from(["x", [1], ["a\x00"], ["x" * 201], ["a"] * 51]),
        "hex": st.sampled_from(["xyz", "abc", 5]),
    }[column.kind]
    options = [wrong_type]
    if column.kind == "text" and column.choices is None and column.max_length is not None:
        options.append(st.just("x" * (column.max_length + 1)))
        options.append(st.just("a\x00b"))
    if column.choices is not None:
        options.append(st.text(SAFE_TEXT, max_size=10).filter(lambda t: t not in column.choices))
    if column.kind == "int":
        assert column.minimum is not None and column.maximum is not None
        options.append(st.sampled_from([2**70, -(2**70), column.maximum + 1, column.minimum - 1]))
    if not column.nullable:
        options.append(st.none())
    return st.one_of(*options).filter(lambda v: v is not None or not column.nullable)


@settings(
    max_examples=6,
    derandomize=True,  # seeded: the same examples every run
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # bounded: a failure is reported, not shrunk
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_entity_valid_payloads_are_applied_and_invalid_ones_rejected(
    hub: Hub, unit: dict[str, Any], data: st.DataObject
) -> None:
    info = unit["info"]
    supervisor = info["supervisor"]
    refs: dict[str, list[str]] = {k: list(v) for k, v in unit["ids"].items()}
    refs["inmate"] = list(info["inmates"])  # the unit's people (never another unit's)
    ops: list[dict[str, Any]] = []
    expect: dict[str, tuple[str, str, str | None]] = {}  # op id -> (status, entity, field)
    made: dict[str, tuple[str, dict[str, Any]]] = {}
    for entity in p.PARENTS_FIRST:
        if entity in SKIP_INSERT:
            continue
        entity_id = new_id()
        fixed = {"id": entity_id}
        if entity in ("inmate", "officer", "handover"):
            fixed["unit_id"] = refs["unit"][0]
        record = data.draw(valid_record(entity, refs, supervisor, fixed), label=entity)
        op = make_op(entity, entity_id, record)
        ops.append(op)
        expect[op["op_id"]] = ("applied", entity, None)
        made[entity] = (entity_id, record)
        refs.setdefault(entity, []).append(entity_id)
    # A valid update of each record made (only some fields, as a workstation sends them).
    unit_id = refs["unit"][0]
    updates = {**{e: v for e, v in made.items()}, "unit": (unit_id, {})}
    for entity, (entity_id, _) in updates.items():
        if entity in p.LOG_ENTITIES:
            continue  # logs are never changed
        shape = payloads.shape(entity)
        editable = sorted(
            n
            for n in shape.columns
            if n not in payloads.SYNC_COLUMNS and n not in ("unit_id", "code", "deleted_at")
        )
        chosen = data.draw(st.sets(st.sampled_from(editable), max_size=3), label=f"{entity} edit")
        fields = {n: data.draw(value_of(entity, shape.columns[n], refs)) for n in sorted(chosen)}
        payload = {"id": entity_id, **fields, **sync_columns(supervisor)}
        op = make_op(entity, entity_id, payload, kind="update")
        ops.append(op)
        expect[op["op_id"]] = ("applied", entity, None)
    # One malformed insert per entity: a field given a value of the wrong kind, too long, out
    # of range, not in its vocabulary or empty; a key the model does not have; a field missing.
    refused: list[tuple[str, str]] = []
    for entity, (_, record) in made.items():
        shape = payloads.shape(entity)
        bad_id = new_id()
        bad = dict(record, id=bad_id)
        how = data.draw(st.sampled_from(["value", "unknown", "missing"]), label=f"{entity} how")
        required = sorted(shape.required - {"id"})
        if how == "missing" and required:
            field_name = data.draw(st.sampled_from(required), label=f"{entity} drop")
            del bad[field_name]
        elif how == "unknown":
            field_name = data.draw(
                st.text(SAFE_TEXT, min_size=1, max_size=12).filter(
                    lambda k, known=frozenset(shape.columns): k not in known
                ),
                label=f"{entity} key",
            )
            bad[field_name] = "x"
        else:
            names = sorted(n for n in shape.columns if n not in ("id", "updated_by"))
            field_name = data.draw(st.sampled_from(names), label=f"{entity} field")
            bad[field_name] = data.draw(invalid_value(shape.columns[field_name]), label="bad")
        op = make_op(entity, bad_id, bad)
        ops.append(op)
        expect[op["op_id"]] = ("rejected", entity, field_name)
        refused.append((entity, bad_id))

    results = push(hub, unit["attacker"], ops)

    applied = set()
    for result in results:
        status, entity, field_name = expect[result["op_id"]]
        if status == "applied":
            # Valid: applied (or refused by another of the hub's rules, never by this check).
            assert result["status"] == "applied" or not result["reason"].startswith(
                ("The change cannot be stored", "The change's clock")
            ), (entity, result["reason"])
            if result["status"] == "applied":
                applied.add(result["op_id"])
            continue
        assert result["status"] == "rejected", (entity, field_name)
        assert field_name is not None
        shown = field_name if len(field_name) <= 40 else field_name[:37] + "..."
        assert f"“{shown}”" in result["reason"], (entity, field_name, result["reason"])
    assert len(applied) >= len([s for s, _, _ in expect.values() if s == "applied"]) // 2
    stored = hub.records()
    assert not set(refused) & set(stored)
    inserted = {o["entity_id"] for o in ops if o["op"] == "insert" and o["op_id"] in applied}
    for entity, (entity_id, _) in made.items():
        assert ((entity, entity_id) in stored) == (entity_id in inserted), entity
    seen = pull_all(hub, unit["other"])
    assert not set(refused) & set(seen)


def test_every_hub_generated_conflict_is_a_valid_record(hub: Hub, tmp_path: Path) -> None:
    """What the hub makes itself (conflict records) passes the workstation's check."""
    from synchelp import seeded_pair

    first, second, info = seeded_pair(tmp_path, hub)
    person = info["inmates"][0]
    for n, client in enumerate((first, second)):
        _set_cell(client, person, f"C{n}", info["supervisor"])
    for client in (first, second, first):
        client.sync_once()
    conflicts = [(i, r) for (e, i), r in hub.records().items() if e == "sync_conflict"]
    assert conflicts
    for conflict_id, record in conflicts:
        record = {k: v for k, v in record.items() if k != "_v"}
        assert payloads.record_problem("sync_conflict", conflict_id, record) is None, record
    assert first.problems() == [] and second.problems() == []


def _set_cell(client: SyncClient, person: str, cell: str, supervisor: str) -> None:
    from officer_desk.app import profile
    from officer_desk.app.actor import Actor

    sara = Actor(supervisor, "Sara", role="supervisor")
    profile.update_profile(client.store, sara, person, profile.ProfileEdit(cell=cell))


def test_the_checks_know_every_synced_entity_and_column() -> None:
    """A column added to a synced table is known to the check at once (derived, not listed)."""
    from sqlmodel import SQLModel

    import officer_desk.store.tables  # noqa: F401

    for entity in p.ENTITIES:
        table = SQLModel.metadata.tables[entity]
        assert set(payloads.shape(entity).columns) == {c.name for c in table.columns}
    row = {"id": "x", "name": "N", "code": "C", "updated_hlc": "", "device_id": ""}
    assert payloads.problem("facility", row, whole=True) is None
    assert payloads.problem("facility", {"id": "x"}, whole=True) is not None
    assert payloads.problem("nonsense", {}, whole=False) is not None
    assert json.dumps(payloads.defaults("inmate")["languages"]) == "[]"


def test_every_row_the_app_writes_passes_the_check(tmp_path: Path) -> None:
    """A generated unit's whole history (demo data: every kind of record the app writes), as
    the writer sends it (``payload_of``), is valid: the bounds refuse nothing real."""
    from sqlmodel import SQLModel, select

    from officer_desk.demo import generator as demo
    from officer_desk.store.database import open_store
    from officer_desk.store.signed_outbox import payload_of

    store = open_store(tmp_path / "demo.sqlite")
    demo.seed_demo(store, inmates=8, years=1, seed=3)
    checked: dict[str, int] = {}
    with store.reading() as session:
        for entity in p.PARENTS_FIRST:
            table = SQLModel.metadata.tables[entity]
            model = next(m.class_ for m in SQLModel._sa_registry.mappers if m.local_table is table)
            for row in session.exec(select(model)).all():
                payload = json.loads(payload_of(row))
                assert payloads.problem(entity, payload, whole=True) is None, (entity, payload)
                checked[entity] = checked.get(entity, 0) + 1
    store.close()
    assert len(checked) >= 20, checked  # most kinds of record were there to check


ANY_REFS = {entity: [f"{entity}-1"] for entity in p.ENTITIES}


@settings(max_examples=300, derandomize=True, deadline=None)
@given(data=st.data(), entity=st.sampled_from(sorted(p.ENTITIES)))
def test_the_check_alone_accepts_generated_records_and_refuses_one_bad_field(
    data: st.DataObject, entity: str
) -> None:
    """The module by itself, many more examples than the hub runs (no database)."""
    record = data.draw(valid_record(entity, ANY_REFS, "officer-1", {"id": "x-1"}))
    assert payloads.problem(entity, record, whole=True) is None
    assert payloads.record_problem(entity, "x-1", record) is None
    shape = payloads.shape(entity)
    field_name = data.draw(st.sampled_from(sorted(shape.columns)))
    bad = dict(record)
    bad[field_name] = data.draw(invalid_value(shape.columns[field_name]))
    why = payloads.problem(entity, bad, whole=False)
    assert why is not None and f"“{field_name}”" in why
    if field_name in record:  # an update carrying just that field, as it was, is fine
        assert payloads.problem(entity, {field_name: record[field_name]}, whole=False) is None
