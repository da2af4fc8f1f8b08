"""Deciding sync conflicts on a workstation: the chosen value goes through the write path,
the conflict is marked decided, and bad decisions are refused with plain words."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import col, select

from officer_desk.app import conflicts, notes, people, release
from officer_desk.app.conflicts import Decision
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import NoteKind
from officer_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from officer_desk.store.database import Store
from officer_desk.store.tables import (
    AuditEntry,
    CaseNote,
    CaseNoteRevision,
    Inmate,
    OutboxEntry,
    RejectedChange,
    ReleasePlan,
    ReleasePlanItem,
    SyncConflict,
)


@pytest.fixture
def sup(unit_store: Store, admin: Actor) -> Actor:
    officer = people.add_officer(
        unit_store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )
    return Actor(officer.id, officer.display_name, role="supervisor")


def pulled_conflict(store: Store, **values: Any) -> str:
    """A conflict as the hub sends it (made there, arriving through a pull)."""
    row = SyncConflict(
        detected_at=datetime.now(UTC),
        lost_hlc="1760000000000-00000-otherdevice",
        device_id="hub",
        server_version=1,
        **values,
    )
    with store.writing() as session:
        session.add(row)
        session.flush()
        return row.id


def outbox(store: Store) -> list[tuple[str, dict[str, Any]]]:
    with store.reading() as session:
        rows = session.exec(select(OutboxEntry).order_by(col(OutboxEntry.seq))).all()
        return [(r.entity, json.loads(r.payload)) for r in rows]


def field_conflict(store: Store, inmate_id: str, kept: str, lost: str) -> str:
    with store.writing() as session:
        inmate = session.get(Inmate, inmate_id)
        assert inmate is not None
        inmate.diet = kept
        session.add(inmate)
    return pulled_conflict(
        store,
        entity="inmate",
        entity_id=inmate_id,
        inmate_id=inmate_id,
        kind="field",
        field_name="diet",
        kept_value=json.dumps(kept),
        lost_value=json.dumps(lost),
        auto_resolved=True,
        note="a later change on another workstation won",
    )


def test_the_inbox_shows_each_value_with_who_where_and_when(
    unit_store: Store, sup: Actor, caseload: list[str], officer: Any
) -> None:
    conflict_id = field_conflict(unit_store, caseload[0], "Halal", "Vegetarian")
    with unit_store.writing() as session:
        row = session.get(SyncConflict, conflict_id)
        assert row is not None
        row.lost_by = officer.id
        session.add(row)
    [row] = conflicts.inbox(unit_store, sup).conflicts
    assert row.person == "Øystein Ås" and row.record == "Profile: diet"
    assert row.kept.value == "Halal" and row.lost.value == "Vegetarian"
    assert row.lost.by == "Kari Nordmann" and row.lost.device == "otherdevice"
    assert row.lost.at == datetime.fromtimestamp(1760000000, UTC) and not row.lost.here
    assert row.decisions == (Decision.KEEP, Decision.TAKE_OTHER, Decision.MERGE)


def test_taking_the_other_value_writes_it_and_marks_the_conflict_decided(
    unit_store: Store, sup: Actor, caseload: list[str]
) -> None:
    conflict_id = field_conflict(unit_store, caseload[0], "Halal", "Vegetarian")
    change = conflicts.resolve(
        unit_store, sup, conflict_id=conflict_id, decision=Decision.TAKE_OTHER
    )
    assert {"inmate", "sync_conflict"} <= change.entities
    with unit_store.reading() as session:
        inmate = session.get(Inmate, caseload[0])
        decided = session.get(SyncConflict, conflict_id)
        assert inmate is not None and inmate.diet == "Vegetarian"
        assert decided is not None and decided.resolved_by == sup.officer_id
        assert decided.resolved_at is not None
    # Two synced changes, the value first: a normal field update, then the decision.
    (e1, p1), (e2, p2) = outbox(unit_store)[-2:]
    assert e1 == "inmate" and p1["diet"] == "Vegetarian"
    assert e2 == "sync_conflict" and set(p2) - {"id", "updated_hlc", "updated_by", "device_id"} == {
        "resolved_at",
        "resolved_by",
        "note",
    }
    assert conflicts.inbox(unit_store, sup).conflicts == ()
    assert len(conflicts.inbox(unit_store, sup, include_resolved=True).conflicts) == 1


def test_keeping_the_value_writes_nothing_but_the_decision(
    unit_store: Store, sup: Actor, caseload: list[str]
) -> None:
    conflict_id = field_conflict(unit_store, caseload[0], "Halal", "Vegetarian")
    before = len(outbox(unit_store))
    conflicts.resolve(unit_store, sup, conflict_id=conflict_id, decision="keep")
    added = outbox(unit_store)[before:]
    assert [entity for entity, _ in added] == ["sync_conflict"]


def test_merging_text_and_bad_decisions(
    unit_store: Store, sup: Actor, caseload: list[str], officer: Any
) -> None:
    conflict_id = field_conflict(unit_store, caseload[0], "Halal", "No pork")
    with pytest.raises(ValidationError, match="combined value"):
        conflicts.resolve(unit_store, sup, conflict_id=conflict_id, decision="merge", merged=" ")
    with pytest.raises(ValidationError, match="one value"):
        conflicts.resolve(unit_store, sup, conflict_id=conflict_id, decision="keep_both")
    with pytest.raises(ValidationError, match="not a way"):
        conflicts.resolve(unit_store, sup, conflict_id=conflict_id, decision="coin toss")
    with pytest.raises(PermissionDenied, match="supervisor"):
        conflicts.resolve(
            unit_store, Actor(officer.id, "Kari"), conflict_id=conflict_id, decision="keep"
        )
    with pytest.raises(NotFound):
        conflicts.resolve(unit_store, sup, conflict_id="nope", decision="keep")
    conflicts.resolve(
        unit_store, sup, conflict_id=conflict_id, decision="merge", merged="Halal, no pork"
    )
    with unit_store.reading() as session:
        inmate = session.get(Inmate, caseload[0])
        assert inmate is not None and inmate.diet == "Halal, no pork"
    with pytest.raises(ValidationError, match="already decided by Sigrid Ås"):
        conflicts.resolve(unit_store, sup, conflict_id=conflict_id, decision="keep")


def test_note_revisions_keep_both_or_take_one(
    unit_store: Store, sup: Actor, caseload: list[str], officer: Any
) -> None:
    kari = Actor(officer.id, "Kari")
    notes.add_note(unit_store, kari, inmate_id=caseload[0], kind=NoteKind.GENERAL, text="first")
    with unit_store.reading() as session:
        note = session.exec(select(CaseNote)).one()
    notes.amend_note(unit_store, kari, note_id=note.id, text="second")
    with unit_store.reading() as session:
        # The hub names the revision that lost (renumbered after the other).
        rev = session.exec(select(CaseNoteRevision).where(CaseNoteRevision.number == 2)).one()
    common = {
        "entity": "case_note_revision",
        "inmate_id": caseload[0],
        "kind": "note_revisions",
        "field_name": "text",
        "kept_value": json.dumps("first"),
        "lost_value": json.dumps("second"),
        "auto_resolved": False,
    }
    both = pulled_conflict(unit_store, entity_id=rev.id, **common)
    [row] = conflicts.inbox(unit_store, sup).conflicts
    assert Decision.KEEP_BOTH in row.decisions and row.kept.by == "Kari Nordmann"
    conflicts.resolve(unit_store, sup, conflict_id=both, decision="keep_both")
    with unit_store.reading() as session:
        assert len(session.exec(select(CaseNoteRevision)).all()) == 2
    one = pulled_conflict(unit_store, entity_id=rev.id, **common)
    conflicts.resolve(unit_store, sup, conflict_id=one, decision="keep")
    with unit_store.reading() as session:
        revisions = session.exec(
            select(CaseNoteRevision).order_by(col(CaseNoteRevision.number))
        ).all()
    assert [r.text for r in revisions] == ["first", "second", "first"]
    assert revisions[-1].written_by == sup.officer_id


def test_a_disputed_item_gets_the_status_the_supervisor_gives(
    unit_store: Store, sup: Actor, caseload: list[str], admin: Actor
) -> None:
    release.create_plan(
        unit_store, admin, inmate_id=caseload[0], release_date=date.today() + timedelta(days=90)
    )
    with unit_store.writing() as session:
        plan = session.exec(select(ReleasePlan)).one()
        item = session.exec(
            select(ReleasePlanItem).where(ReleasePlanItem.plan_id == plan.id)
        ).first()
        assert item is not None
        item.status = "disputed"
        session.add(item)
        item_id = item.id
    conflict_id = pulled_conflict(
        unit_store,
        entity="release_plan_item",
        entity_id=item_id,
        inmate_id=caseload[0],
        kind="disputed",
        field_name="status",
        kept_value=json.dumps("done"),
        lost_value=json.dumps("not_started"),
        auto_resolved=False,
    )
    [row] = conflicts.inbox(unit_store, sup).conflicts
    assert row.record.startswith("Release plan: ")
    # The checklist's own save keeps the dispute: owner and evidence still save, but the
    # status is not changed there (it would end the dispute without a decision), nor can
    # another item be made disputed by hand.
    with pytest.raises(ValidationError, match="supervisor decides it") as refused:
        release.update_item(unit_store, sup, item_id=item_id, status="done")
    assert refused.value.field == "status"
    release.update_item(unit_store, sup, item_id=item_id, status="disputed", owner="NAV Halden")
    with unit_store.reading() as session:
        items = session.exec(select(ReleasePlanItem)).all()
        kept = session.get(ReleasePlanItem, item_id)
        assert kept is not None and (kept.status, kept.owner) == ("disputed", "NAV Halden")
    other = next(i for i in items if i.id != item_id)
    with pytest.raises(ValidationError, match="becomes disputed only"):
        release.update_item(unit_store, sup, item_id=other.id, status="disputed")
    with pytest.raises(ValidationError, match="really has"):
        conflicts.resolve(
            unit_store, sup, conflict_id=conflict_id, decision="merge", merged="disputed"
        )
    with pytest.raises(ValidationError, match="not a checklist status"):
        conflicts.resolve(
            unit_store, sup, conflict_id=conflict_id, decision="merge", merged="maybe"
        )
    conflicts.resolve(unit_store, sup, conflict_id=conflict_id, decision="take_other")
    with unit_store.reading() as session:
        decided = session.get(ReleasePlanItem, item_id)
        assert decided is not None and decided.status == "not_started"


def test_rejected_changes_are_listed_and_dismissed(
    unit_store: Store, sup: Actor, caseload: list[str], officer: Any
) -> None:
    with unit_store.writing() as session:
        session.add(
            RejectedChange(
                op_id="op-1",
                entity="inmate",
                entity_id=caseload[0],
                op="update",
                payload=json.dumps({"id": caseload[0], "cell": "X1", "updated_hlc": "h"}),
                hlc="h",
                reason="This workstation's unit does not hold this record.",
                rejected_at=datetime.now(UTC),
            )
        )
    [row] = conflicts.inbox(unit_store, sup).rejected
    assert row.person == "Øystein Ås" and row.fields == (("cell", "X1"),)
    with pytest.raises(PermissionDenied):
        conflicts.dismiss_rejected(unit_store, Actor(officer.id, "Kari"), op_id="op-1")
    conflicts.dismiss_rejected(unit_store, sup, op_id="op-1")
    assert conflicts.inbox(unit_store, sup).rejected == ()
    with pytest.raises(NotFound):
        conflicts.dismiss_rejected(unit_store, sup, op_id="op-1")


def test_an_officer_refused_the_inbox_is_audited_like_any_refusal(
    unit_store: Store, sup: Actor, caseload: list[str], officer: Any
) -> None:
    field_conflict(unit_store, caseload[0], "Halal", "Vegetarian")
    kari = Actor(officer.id, "Kari")
    with pytest.raises(PermissionDenied, match="supervisor"):
        conflicts.inbox(unit_store, kari)
    with unit_store.reading() as session:
        last = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq).desc())).first()
    assert last is not None
    assert (last.action, last.actor_id) == ("denied", officer.id)
    assert "conflicts" in last.detail
    # A supervisor's reading is not a refusal and leaves the log as it was.
    conflicts.inbox(unit_store, sup)
    with unit_store.reading() as session:
        newest = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq).desc())).first()
    assert newest is not None and newest.seq == last.seq
