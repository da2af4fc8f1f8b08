"""Hub migration h0008 moves a hub's existing data (a hub of h0007 with records, a device,
an enrolment code and a root key) into places, facilities and per-scope feeds, and a
workstation's old scalar cursor is translated into the map that covers it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from officer_desk.server import db as hub_db
from officer_desk.server.app import create_app
from officer_desk.server.http import digest
from officer_desk.sync.transport import InProcessTransport

# (entity, id, inmate, scope unit, prev unit, old global seq, data)
RECORDS: list[tuple[str, str, str | None, str | None, str | None, int, dict[str, Any]]] = [
    ("facility", "f1", None, None, None, 1, {"id": "f1", "code": "HAL", "name": "Halden"}),
    ("unit", "u1", None, "u1", None, 2, {"id": "u1", "code": "C", "facility_id": "f1"}),
    ("officer", "o1", None, "u1", None, 3, {"id": "o1", "username": "kari", "unit_id": "u1"}),
    ("programme", "p1", None, None, None, 4, {"id": "p1", "code": "WELD"}),
    ("inmate", "i1", "i1", "u1", None, 5, {"id": "i1", "unit_id": "u1"}),
    ("meal_log", "m1", "i1", None, None, 6, {"id": "m1", "inmate_id": "i1"}),
    ("unit", "u2", None, "u2", None, 7, {"id": "u2", "code": "D", "facility_id": "f1"}),
    ("inmate", "i2", "i2", "u2", "u1", 8, {"id": "i2", "unit_id": "u2"}),
    ("meal_log", "m2", "i1", None, None, 9, {"id": "m2", "inmate_id": "i1"}),
]


def at_h0007(url: str) -> sa.Engine:
    engine = hub_db.make_engine(url)
    config = hub_db._alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "h0007")
        now = datetime.now(UTC)
        conn.execute(sa.text("UPDATE hub_state SET last_seq = 9"))
        for entity, entity_id, inmate, scope, prev, seq, data in RECORDS:
            conn.execute(
                sa.text(
                    "INSERT INTO record (entity, entity_id, inmate_id, scope_unit, prev_unit, "
                    "rank, version, seq, deleted, data, meta, proof) VALUES (:e, :i, :p, :s, "
                    ":pv, 0, 1, :q, false, :d, '{}', NULL)"
                ),
                {"e": entity, "i": entity_id, "p": inmate, "s": scope, "pv": prev, "q": seq}
                | {"d": json.dumps(data)},
            )
        conn.execute(
            sa.text(
                "INSERT INTO device (id, name, unit_code, token_hash, enrolled_at) "
                "VALUES ('d1', 'w1', 'C', :t, :n)"
            ),
            {"t": digest("the-token"), "n": now},
        )
        conn.execute(
            sa.text(
                "INSERT INTO enrol_code (code_hash, unit_code, created_at, expires_at) "
                "VALUES ('h', 'D', :n, :n)"
            ),
            {"n": now},
        )
        conn.execute(
            sa.text(
                "INSERT INTO signing_key (officer_id, public, root_unit_code, valid_from, "
                "added_at) VALUES ('o1', 'k', 'C', '', :n)"
            ),
            {"n": now},
        )
    return engine


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_h0008_moves_a_hubs_data_and_translates_old_cursors(
    database: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if database == "sqlite":
        url = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    else:
        url = request.getfixturevalue("postgres").new_database()
    engine = at_h0007(url)
    try:
        assert hub_db.upgrade(engine) == ("h0007", hub_db.HEAD_REVISION)
        with engine.connect() as conn:
            rows = lambda sql: [tuple(r) for r in conn.execute(sa.text(sql))]  # noqa: E731
            assert rows("SELECT facility_id, code FROM site") == [("f1", "HAL")]
            assert sorted(rows("SELECT unit_id, facility_id, code FROM place")) == [
                ("u1", "f1", "C"),
                ("u2", "f1", "D"),
            ]
            assert rows("SELECT unit_id, facility_id, facility_code FROM device") == [
                ("u1", "f1", "HAL")
            ]
            assert rows("SELECT unit_id, facility_code FROM enrol_code") == [("u2", "HAL")]
            assert rows("SELECT root_facility_code FROM signing_key") == [("HAL",)]
            assert set(rows("SELECT facility_id FROM record")) == {("f1",)}
            assert sorted(rows("SELECT entity, value, entity_id FROM unique_name")) == [
                ("officer", "kari", "o1"),
                ("programme", "WELD", "p1"),
                ("unit", "C", "u1"),
                ("unit", "D", "u2"),
            ]
            feeds = rows("SELECT scope, seq, entity_id, legacy_seq FROM feed ORDER BY scope, seq")
            assert feeds == [
                ("f1", 1, "f1", 1),
                ("f1", 2, "p1", 4),
                ("u1", 1, "u1", 2),
                ("u1", 2, "o1", 3),
                ("u1", 3, "i1", 5),
                ("u1", 4, "m1", 6),
                ("u1", 5, "i2", 8),  # the unit it left learns it left
                ("u1", 6, "m2", 9),
                ("u2", 1, "u2", 7),
                ("u2", 2, "i2", 8),
            ]
            assert sorted(rows("SELECT scope, last FROM scope_seq")) == [
                ("f1", 2),
                ("u1", 6),
                ("u2", 2),
            ]
        # A workstation of unit C that had everything up to old number 5: the hub answers
        # with the map covering it (alone), and the changes after it come from that map.
        transport = InProcessTransport(create_app(engine))
        try:
            status, body = transport.send(
                "GET", "/sync/pull", token="the-token", params={"cursor": "", "since": 5}
            )
            assert status == 200, body
            assert body["changes"] == [] and body["more"] is True
            assert body["cursor"] == {"f1": 2, "u1": 3}
            status, body = transport.send(
                "GET", "/sync/pull", token="the-token", params={"cursor": '{"f1":2,"u1":3}'}
            )
        finally:
            transport.close()
        assert status == 200, body
        assert body["cursor"] == {"f1": 2, "u1": 6}
        assert [c["entity_id"] for c in body["changes"]] == ["m1", "i2", "m2"]
    finally:
        engine.dispose()
