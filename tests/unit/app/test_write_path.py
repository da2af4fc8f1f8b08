"""The single write path: rows, audit and outbox in one transaction, or nothing at all."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import col, func, select

from officer_desk.app import logbook, notes, people
from officer_desk.app.logbook import ActivityEntry, MealEntry
from officer_desk.app.writes import Actor, Writer
from officer_desk.domain.enums import ActivityCategory, DeclineReason, MealOutcome
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.store import audit
from officer_desk.store.audit import verify_chain
from officer_desk.store.database import Store
from officer_desk.store.tables import (
    ActivityLog,
    Assignment,
    AuditEntry,
    CaseNoteRevision,
    MealLog,
    Officer,
    OutboxEntry,
    Synced,
)

TABLES = (
    "meal_log",
    "activity_log",
    "case_note",
    "case_note_revision",
    "inmate",
    "assignment",
    "officer",
    "audit_entry",
    "outbox_entry",
)


def counts(store: Store) -> dict[str, int]:
    with store.reading() as session:
        connection = session.connection()
        return {
            t: connection.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() or 0 for t in TABLES
        }


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name, workstation="unit-c-ws1")


def test_one_meal_log_for_six_people_writes_six_rows_audits_and_outbox_entries(
    store: Store, caseload: list[str], kari: Actor
) -> None:
    before = counts(store)
    change = logbook.log_meal(
        store,
        kari,
        day=date.today(),
        meal="lunch",
        entries=[MealEntry(i, ate_together=True) for i in caseload],
    )
    after = counts(store)
    assert after["meal_log"] - before["meal_log"] == 6
    assert after["audit_entry"] - before["audit_entry"] == 6
    assert after["outbox_entry"] - before["outbox_entry"] == 6
    assert change.entities == {"meal_log"}
    assert change.inmate_ids == set(caseload)

    with store.reading() as session:
        entries = session.exec(
            select(AuditEntry).order_by(col(AuditEntry.seq).desc()).limit(6)
        ).all()
        assert {e.actor_name for e in entries} == {"Kari Nordmann"}
        assert {e.workstation for e in entries} == {"unit-c-ws1"}
        assert {e.entity_id for e in entries} == set(change.ids)
        ops = session.exec(
            select(OutboxEntry).where(col(OutboxEntry.entity_id).in_(change.ids))
        ).all()
        payloads = [json.loads(op.payload) for op in ops]
        assert {p["inmate_id"] for p in payloads} == set(caseload)
        assert all(
            p["ate_together"] is True and p["device_id"] == store.device_id for p in payloads
        )
        rows = session.exec(select(MealLog).where(col(MealLog.id).in_(change.ids))).all()
        assert all(r.updated_hlc and r.logged_by == kari.officer_id for r in rows)
        assert verify_chain(session.exec(select(AuditEntry).order_by(AuditEntry.seq)).all()) == []


def test_a_failing_validation_part_way_writes_nothing(
    store: Store, caseload: list[str], kari: Actor
) -> None:
    before = counts(store)
    entries = [MealEntry(i) for i in caseload[:3]]
    entries.append(MealEntry(caseload[3], outcome=MealOutcome.DECLINED))  # no reason given
    with pytest.raises(ValidationError) as caught:
        logbook.log_meal(store, kari, day=date.today(), meal="dinner", entries=entries)
    assert caught.value.field == "decline_reason"
    assert counts(store) == before


def test_a_crash_in_the_middle_of_a_write_leaves_no_row_audit_or_outbox(
    store: Store, caseload: list[str], kari: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(store)
    real_insert = Writer.insert
    calls = 0

    def failing_insert(self: Writer, row: Synced, **kwargs: str) -> Synced:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise RuntimeError("simulated crash after three rows")
        return real_insert(self, row, **kwargs)

    monkeypatch.setattr(Writer, "insert", failing_insert)
    with pytest.raises(RuntimeError):
        logbook.log_meal(
            store,
            kari,
            day=date.today(),
            meal="breakfast",
            entries=[MealEntry(i) for i in caseload],
        )
    assert calls == 4
    assert counts(store) == before


def test_a_crash_while_chaining_the_audit_leaves_nothing_of_the_flushed_rows(
    store: Store, caseload: list[str], kari: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows reach the database before the audit entries are chained: still all or none."""
    before = counts(store)
    seen: list[int] = []

    def failing_append_many(db: Any, drafts: list[audit.Draft]) -> None:
        meals = db.execute("SELECT count(*) FROM meal_log").fetchone()[0]
        seen.append(meals - before["meal_log"])
        seen.append(len(drafts))
        raise RuntimeError("simulated crash before the audit entries are written")

    monkeypatch.setattr(audit, "append_many", failing_append_many)
    with pytest.raises(RuntimeError):
        logbook.log_meal(
            store, kari, day=date.today(), meal="dinner", entries=[MealEntry(i) for i in caseload]
        )
    assert seen == [len(caseload), len(caseload)]  # all rows in, then the crash
    assert counts(store) == before


def test_audit_entries_of_several_writes_chain_in_the_order_they_were_made(
    store: Store, caseload: list[str], kari: Actor
) -> None:
    """One look-up of the chain's end per transaction: the chain still verifies and each
    transaction's entries follow one another in the order the service wrote them."""
    first = logbook.log_meal(
        store, kari, day=date.today(), meal="lunch", entries=[MealEntry(i) for i in caseload]
    )
    second = logbook.log_meal(
        store, kari, day=date.today(), meal="dinner", entries=[MealEntry(i) for i in caseload]
    )
    with store.reading() as session:
        entries = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq))).all()
        outbox = session.exec(select(OutboxEntry).order_by(col(OutboxEntry.seq))).all()
    assert verify_chain(entries) == []
    assert [e.entity_id for e in entries[-12:]] == first.ids + second.ids
    assert [o.entity_id for o in outbox[-12:]] == first.ids + second.ids
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"meal": "brunch"}, "meal"),
        ({"day": date.today() + timedelta(days=1)}, "day"),
        ({"entries": []}, "people"),
    ],
)
def test_bad_meal_input_is_refused_with_the_field(
    store: Store, caseload: list[str], kari: Actor, kwargs: dict[str, object], field: str
) -> None:
    before = counts(store)
    args: dict[str, object] = {
        "day": date.today(),
        "meal": "lunch",
        "entries": [MealEntry(caseload[0])],
    }
    args.update(kwargs)
    with pytest.raises(ValidationError) as caught:
        logbook.log_meal(store, kari, **args)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert counts(store) == before


def test_meal_for_an_unknown_person_is_refused(
    store: Store, caseload: list[str], kari: Actor
) -> None:
    with pytest.raises(NotFound):
        logbook.log_meal(
            store,
            kari,
            day=date.today(),
            meal="lunch",
            entries=[MealEntry(caseload[0]), MealEntry("no-such-person")],
        )


def test_void_keeps_the_original_and_removes_it_from_the_day(
    store: Store, caseload: list[str], kari: Actor
) -> None:
    from officer_desk.store import queries

    change = logbook.log_meal(
        store,
        kari,
        day=date.today(),
        meal="lunch",
        entries=[MealEntry(caseload[0], MealOutcome.DECLINED, DeclineReason.ASLEEP)],
    )
    with pytest.raises(ValidationError):
        logbook.void_meal(store, kari, meal_log_id=change.ids[0], reason="  ")
    logbook.void_meal(store, kari, meal_log_id=change.ids[0], reason="logged the wrong person")
    with store.reading() as session:
        assert session.get(MealLog, change.ids[0]) is not None
        assert queries.effective_meals(session, [caseload[0]], day=date.today()) == {}
        assert queries.refusal_streak(session, caseload[0]) == 0


def test_refusal_streak_is_derived_from_the_logs(
    store: Store, caseload: list[str], kari: Actor
) -> None:
    from officer_desk.store import queries

    person = caseload[0]
    today = date.today()
    for offset, meal in ((2, "dinner"), (1, "breakfast"), (1, "lunch"), (1, "dinner")):
        logbook.log_meal(
            store,
            kari,
            day=today - timedelta(days=offset),
            meal=meal,
            entries=[MealEntry(person, MealOutcome.DECLINED, DeclineReason.PROTEST)],
        )
    with store.reading() as session:
        assert queries.refusal_streak(session, person) == 4
    logbook.log_meal(store, kari, day=today, meal="breakfast", entries=[MealEntry(person)])
    with store.reading() as session:
        assert queries.refusal_streak(session, person) == 0


def test_activity_for_several_people(store: Store, caseload: list[str], kari: Actor) -> None:
    start = datetime.now(UTC) - timedelta(hours=2)
    change = logbook.log_activity(
        store,
        kari,
        inmate_ids=caseload[:4],
        activity=ActivityEntry(ActivityCategory.WORK, start, 90, note="Woodwork: shelves"),
    )
    assert len(change.ids) == 4
    with store.reading() as session:
        assert session.exec(select(func.count()).select_from(ActivityLog)).one() == 4


@pytest.mark.parametrize(
    ("activity", "field"),
    [
        (
            ActivityEntry(ActivityCategory.GYM, datetime.now(UTC) + timedelta(hours=1), 60),
            "started_at",
        ),
        (ActivityEntry(ActivityCategory.GYM, datetime.now(UTC), 0), "duration_minutes"),
        (ActivityEntry("knitting", datetime.now(UTC), 30), "category"),  # type: ignore[arg-type]
        (ActivityEntry(ActivityCategory.GYM, datetime.now(UTC), 30, note="x" * 2001), "note"),
    ],
)
def test_bad_activity_input(
    store: Store, caseload: list[str], kari: Actor, activity: ActivityEntry, field: str
) -> None:
    before = counts(store)
    with pytest.raises(ValidationError) as caught:
        logbook.log_activity(store, kari, inmate_ids=caseload[:2], activity=activity)
    assert caught.value.field == field
    assert counts(store) == before


def test_notes_keep_every_revision(store: Store, caseload: list[str], kari: Actor) -> None:
    change = notes.add_note(
        store,
        kari,
        inmate_id=caseload[0],
        kind="positive",
        text="Led the kitchen team at lunch; calm and kind.",
    )
    note_id = next(i for i in change.ids)
    notes.amend_note(
        store,
        kari,
        note_id=note_id,
        text="Led the kitchen team at lunch and dinner; calm and kind.",
    )
    with store.reading() as session:
        revisions = session.exec(
            select(CaseNoteRevision)
            .where(CaseNoteRevision.note_id == note_id)
            .order_by(CaseNoteRevision.number)
        ).all()
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[0].text.startswith("Led the kitchen team at lunch;")
    with pytest.raises(ValidationError):
        notes.add_note(store, kari, inmate_id=caseload[0], kind="gossip", text="x")
    with pytest.raises(ValidationError):
        notes.add_note(store, kari, inmate_id=caseload[0], kind="general", text="   ")


def test_reassignment_ends_the_old_assignment_and_syncs_only_changed_fields(
    unit_store: Store, admin: Actor, officer: Officer, caseload: list[str]
) -> None:
    other = people.add_officer(
        unit_store, admin, username="ola", display_name="Ola Åsen", role="officer"
    )
    result = people.assign(
        unit_store,
        admin,
        officer_id=other.id,
        inmate_id=caseload[0],
        start=date.today(),
        reason="workload",
    )
    assert result.warning is None
    with unit_store.reading() as session:
        rows = session.exec(
            select(Assignment)
            .where(Assignment.inmate_id == caseload[0])
            .order_by(Assignment.start_date)
        ).all()
        assert [(r.officer_id, r.end_date) for r in rows] == [
            (officer.id, date.today()),
            (other.id, None),
        ]
        update = session.exec(select(OutboxEntry).where(OutboxEntry.op == "update")).one()
    assert set(json.loads(update.payload)) == {
        "id",
        "end_date",
        "updated_hlc",
        "updated_by",
        "device_id",
    }
    with pytest.raises(ValidationError, match="already assigned"):
        people.assign(
            unit_store, admin, officer_id=other.id, inmate_id=caseload[0], start=date.today()
        )


def test_more_than_six_people_is_allowed_with_a_warning(
    unit_store: Store, admin: Actor, officer: Officer, caseload: list[str]
) -> None:
    change = people.add_inmates(
        unit_store,
        admin,
        [
            people.InmateDetails(
                prison_number="H-2001", full_name="Søren Bø", date_of_birth=date(1990, 5, 5)
            )
        ],
        today=date.today(),
    )
    result = people.assign(
        unit_store, admin, officer_id=officer.id, inmate_id=change.ids[0], start=date.today()
    )
    assert result.warning is not None and "7 people" in result.warning


def test_registering_people_is_all_or_nothing(unit_store: Store, admin: Actor) -> None:
    good = people.InmateDetails(
        prison_number="H-3001", full_name="Åse Lie", date_of_birth=date(1991, 1, 1)
    )
    bad = people.InmateDetails(prison_number="H-3002", full_name="", date_of_birth=date(1991, 1, 1))
    before = counts(unit_store)
    with pytest.raises(ValidationError, match="Full name is required"):
        people.add_inmates(unit_store, admin, [good, bad], today=date.today())
    assert counts(unit_store) == before
    people.add_inmates(unit_store, admin, [good], today=date.today())
    with pytest.raises(ValidationError, match="already registered: H-3001"):
        people.add_inmates(unit_store, admin, [good], today=date.today())
