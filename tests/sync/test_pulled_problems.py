"""A record pulled from the hub that this workstation cannot read (planted straight in the hub's
``record`` table, as a compromised or older hub would serve it) is put aside in the problems
list; the rest of the page is applied, the cursor moves on, ``sync`` says so and exits 4,
``verify`` does not take the person again and again, and a later good version clears it.
SQLite and PostgreSQL hubs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from synchelp import Hub, seeded_pair, to_feed_end

from officer_desk.cli import sync_cmds
from officer_desk.domain.ids import new_id
from officer_desk.server import db as hub_db
from officer_desk.sync import protocol as p
from officer_desk.sync.client import SyncClient


def plant(
    hub: Hub, entity: str, entity_id: str, data: dict[str, Any], *, inmate_id: str | None
) -> int:
    """Store ``data`` as the hub's record (a new version at the end of the change feed), by
    hand: no merge, no check.  Returns where the feeds then end (to_feed_end)."""
    with hub.engine.begin() as conn:
        row = conn.execute(
            sa.select(hub_db.record).where(
                hub_db.record.c.entity == entity, hub_db.record.c.entity_id == entity_id
            )
        ).first()
        old = None if row is None else row.version
        values = {
            "inmate_id": inmate_id,
            "scope_unit": None if row is None else row.scope_unit,  # a person stays in the unit
            "prev_unit": None if row is None else row.prev_unit,
            "rank": p.RANK[entity],
            "version": (old or 0) + 1,
            "deleted": False,
            "data": json.dumps(data, ensure_ascii=False),
            "meta": "{}",
        }
        if old is None:
            conn.execute(
                hub_db.record.insert().values(entity=entity, entity_id=entity_id, **values)
            )
        else:
            conn.execute(
                hub_db.record.update()
                .where(hub_db.record.c.entity == entity, hub_db.record.c.entity_id == entity_id)
                .values(**values)
            )
        return to_feed_end(conn, entity, entity_id)


def activity(person: str, **over: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "inmate_id": person,
        "category": "gym",
        "started_at": "2026-03-01T10:00:00+00:00",
        "duration_minutes": 45,
        "outcome": "attended",
        "note": "",
        "logged_at": "2026-03-01T11:00:00+00:00",
        "logged_by": None,
        "amends_id": None,
        "voided": False,
        "void_reason": "",
        "programme_id": None,
        "updated_hlc": "1760000000000-00000-dev",
        "updated_by": None,
        "device_id": "dev",
        "server_version": None,
        "deleted_at": None,
    } | over


@pytest.fixture
def unit(hub: Hub, tmp_path: Path) -> dict[str, Any]:
    """Workstation A seeded the unit (set up on its own, then enrolled: its upload); B pulled it."""
    a, b, info = seeded_pair(tmp_path, hub)
    return {"a": a, "b": b, "info": info}


def rows(client: SyncClient, sql: str, *args: Any) -> list[Any]:
    return list(client._conn().execute(sql, args).fetchall())


def test_unreadable_records_are_put_aside_and_the_rest_syncs(
    hub: Hub, unit: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    b: SyncClient = unit["b"]
    first, second = unit["info"]["inmates"][:2]
    person = {k: v for k, v in hub.records()[("inmate", first)].items() if k != "_v"}
    # A person whose date of birth is not a date and who grew an unknown key; an activity of
    # 2**70 minutes; another missing required fields; and between them a good record.
    plant(
        hub, "inmate", first, person | {"date_of_birth": "not-a-date", "evil": 1}, inmate_id=first
    )
    huge = activity(first, duration_minutes=2**70)
    plant(hub, "activity_log", huge["id"], huge, inmate_id=first)
    good = activity(second)
    plant(hub, "activity_log", good["id"], good, inmate_id=second)
    partial = {"id": new_id(), "inmate_id": second, "category": "gym"}
    top = plant(hub, "activity_log", partial["id"], partial, inmate_id=second)

    report = b.sync_once()

    assert report.problems == 3 and report.skipped == 3
    assert report.cursor == top  # the page was applied and the cursor moved past all of it
    assert rows(b, "SELECT id FROM activity_log WHERE id = ?", good["id"])
    assert not rows(b, "SELECT id FROM activity_log WHERE id IN (?, ?)", huge["id"], partial["id"])
    [(born,)] = rows(b, "SELECT date_of_birth FROM inmate WHERE id = ?", first)
    assert born == person["date_of_birth"]  # the readable version stays
    problems = {(x.entity, x.entity_id): x for x in b.problems()}
    assert set(problems) == {
        ("inmate", first),
        ("activity_log", huge["id"]),
        ("activity_log", partial["id"]),
    }
    assert "“date_of_birth”" in problems[("inmate", first)].reason or "“evil”" in (
        problems[("inmate", first)].reason
    )
    assert "“duration_minutes”" in problems[("activity_log", huge["id"])].reason
    assert "missing" in problems[("activity_log", partial["id"])].reason
    assert "not-a-date" in problems[("inmate", first)].record
    assert b.status().problems == 3

    # verify neither loops nor hides a real difference.
    assert b.verify() == []
    assert b.verify() == []
    # The next sync has nothing new; the problems stay visible until good versions arrive.
    again = b.sync_once()
    assert again.pulled == 0 and again.problems == 0 and b.status().problems == 3

    # officer-desk-admin sync prints them and exits 4 (something needs attention).
    monkeypatch.setattr(sync_cmds, "_client", lambda _desk: b)
    status = sync_cmds.cmd_sync(object(), argparse.Namespace(verify=True))  # type: ignore[arg-type]
    out = capsys.readouterr().out
    assert status == sync_cmds.EXIT_PROBLEMS == 4
    assert "3 records from the hub cannot be read here" in out
    assert "duration_minutes" in out and "Every person here matches the hub." in out

    # A good version of each replaces its problem.
    plant(hub, "inmate", first, person | {"cell": "C42"}, inmate_id=first)
    plant(hub, "activity_log", huge["id"], huge | {"duration_minutes": 70}, inmate_id=first)
    whole = activity(second, id=partial["id"])
    plant(hub, "activity_log", partial["id"], whole, inmate_id=second)
    fixed = b.sync_once()
    assert fixed.problems == 0 and b.problems() == [] and b.status().problems == 0
    assert rows(b, "SELECT cell FROM inmate WHERE id = ?", first) == [("C42",)]
    assert rows(b, "SELECT duration_minutes FROM activity_log WHERE id = ?", huge["id"]) == [(70,)]
    assert b.verify() == []
    status = sync_cmds.cmd_sync(object(), argparse.Namespace(verify=False))  # type: ignore[arg-type]
    assert status == sync_cmds.EXIT_OK


def test_a_put_aside_parent_keeps_verify_quiet_for_its_children(
    hub: Hub, unit: dict[str, Any]
) -> None:
    """A case note that cannot be read here, with a readable revision: the revision is stored,
    the note put aside, and verify still matches (the revision counts through the problem)."""
    b: SyncClient = unit["b"]
    person = unit["info"]["inmates"][0]
    note_id, revision_id = new_id(), new_id()
    meta = {"updated_hlc": "", "updated_by": None, "device_id": "dev", "server_version": None}
    note = {
        "id": note_id,
        "inmate_id": person,
        "kind": "gossip",  # not a kind of note
        "sensitive": False,
        "created_at": "2026-03-01T10:00:00+00:00",
        "created_by": None,
        "deleted_at": None,
    } | meta
    revision = {
        "id": revision_id,
        "note_id": note_id,
        "number": 1,
        "text": "Readable.",
        "written_at": "2026-03-01T10:00:00+00:00",
        "written_by": None,
        "deleted_at": None,
    } | meta
    plant(hub, "case_note", note_id, note, inmate_id=person)
    plant(hub, "case_note_revision", revision_id, revision, inmate_id=person)

    report = b.sync_once()

    assert report.problems == 1
    assert [(x.entity, x.entity_id) for x in b.problems()] == [("case_note", note_id)]
    assert rows(b, "SELECT id FROM case_note_revision WHERE id = ?", revision_id)
    assert b.verify() == []


def test_a_record_naming_another_id_than_its_change_is_put_aside(
    hub: Hub, unit: dict[str, Any]
) -> None:
    b: SyncClient = unit["b"]
    first, second = unit["info"]["inmates"][:2]
    theirs = {k: v for k, v in hub.records()[("inmate", second)].items() if k != "_v"}
    # The hub's record for the first person carries the second person's row (and id).
    plant(hub, "inmate", first, theirs | {"full_name": "Overwritten"}, inmate_id=first)

    b.sync_once()

    assert [(x.entity, x.entity_id) for x in b.problems()] == [("inmate", first)]
    assert "another id" in b.problems()[0].reason
    assert rows(b, "SELECT full_name FROM inmate WHERE id = ?", second) == [(theirs["full_name"],)]
