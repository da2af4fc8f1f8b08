"""Correct anything: every kind of timeline entry amended and voided with a reason (through the
write path: audited, in the outbox, still there after a restart), and the undo of Done,
Enrol and Reassign."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from officer_desk.app import conversations, corrections, logbook, notes, people, programmes
from officer_desk.app.conversations import ConversationEntry, FollowUpEntry
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import ActivityCategory
from officer_desk.domain.errors import PermissionDenied, ValidationError
from officer_desk.store import queries
from officer_desk.store.database import Store, open_store
from officer_desk.store.tables import (
    Assignment,
    AuditEntry,
    Enrolment,
    FollowUp,
    Officer,
    OutboxEntry,
    Programme,
)

TODAY = date.today()


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name, role="officer")


def _now() -> datetime:
    return datetime.now(UTC)


def one_of_each(store: Store, kari: Actor, who: str) -> dict[str, str]:
    """One entry of each timeline kind for ``who``; their ids by kind."""
    logbook.log_meal(
        store, kari, day=TODAY, meal="breakfast", entries=[logbook.MealEntry(who, note="ok")]
    )
    logbook.log_activity(
        store,
        kari,
        inmate_ids=[who],
        activity=logbook.ActivityEntry(
            ActivityCategory.WORK, _now() - timedelta(hours=2), 60, note="workshop"
        ),
    )
    conversations.log_conversation(
        store,
        kari,
        ConversationEntry(who, _now() - timedelta(hours=1), 20, 3, ("family",), "talked"),
    )
    notes.add_note(store, kari, inmate_id=who, kind="general", text="First words.")
    return {item.kind: item.id for item in timeline(store, who)}


def timeline(store: Store, who: str) -> list[queries.TimelineItem]:
    with store.raw() as conn:
        return queries.timeline_page(conn, who).items


CORRECTIONS = {
    "meal": {"outcome": "declined", "decline_reason": "not_hungry", "note": "corrected"},
    "activity": {"outcome": "refused", "duration_minutes": 30, "note": "corrected"},
    "conversation": {"mood": 2, "note": "corrected"},
    "note": {"text": "corrected"},
}


@pytest.mark.parametrize("kind", corrections.KINDS)
def test_every_kind_is_amended_with_a_reason_and_it_lasts(
    unit_store: Store, kari: Actor, caseload: list[str], kind: str
) -> None:
    who = caseload[0]
    ids = one_of_each(unit_store, kari, who)
    outbox_before = count(unit_store, OutboxEntry)
    corrections.amend_entry(
        unit_store,
        kari,
        kind=kind,
        entry_id=ids[kind],
        values=CORRECTIONS[kind],
        reason="Typed in a hurry",
    )
    assert count(unit_store, OutboxEntry) == outbox_before + 1
    path, key = unit_store.path, unit_store.key
    unit_store.close()
    reopened = open_store(path, key=key)  # a restart: the correction is stored, not cached
    try:
        items = [i for i in timeline(reopened, who) if i.kind == kind]
        assert len(items) == 1  # the correction replaces the entry; never two of it
        assert "corrected" in items[0].text
        with reopened.reading() as session:
            audit = session.exec(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()  # type: ignore[union-attr]
            queued = session.exec(select(OutboxEntry).order_by(OutboxEntry.seq.desc())).first()  # type: ignore[union-attr]
        assert audit is not None and audit.action == "amend"
        assert "Typed in a hurry" in audit.detail
        assert queued is not None and queued.op == "insert"
        assert "corrected" in json.loads(queued.payload).get("note", queued.payload)
    finally:
        reopened.close()


@pytest.mark.parametrize("kind", corrections.KINDS)
def test_every_kind_is_voided_with_a_reason_and_it_lasts(
    unit_store: Store, kari: Actor, caseload: list[str], kind: str
) -> None:
    who = caseload[1]
    ids = one_of_each(unit_store, kari, who)
    with pytest.raises(ValidationError, match="reason"):
        corrections.void_entry(unit_store, kari, kind=kind, entry_id=ids[kind], reason=" ")
    outbox_before = count(unit_store, OutboxEntry)
    corrections.void_entry(unit_store, kari, kind=kind, entry_id=ids[kind], reason="Wrong person")
    assert count(unit_store, OutboxEntry) == outbox_before + 1
    path, key = unit_store.path, unit_store.key
    unit_store.close()
    reopened = open_store(path, key=key)
    try:
        left = {i.kind for i in timeline(reopened, who)}
        assert kind not in left and left == set(corrections.KINDS) - {kind}
        with reopened.reading() as session:
            audit = session.exec(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()  # type: ignore[union-attr]
            queued = session.exec(select(OutboxEntry).order_by(OutboxEntry.seq.desc())).first()  # type: ignore[union-attr]
        assert audit is not None and audit.action == "void" and "Wrong person" in audit.detail
        assert queued is not None and "Wrong person" in queued.payload
    finally:
        reopened.close()


def test_a_replaced_or_voided_entry_is_not_corrected_again(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    ids = one_of_each(unit_store, kari, caseload[2])
    corrections.amend_entry(
        unit_store,
        kari,
        kind="activity",
        entry_id=ids["activity"],
        values={"note": "b"},
        reason="x",
    )
    before = count(unit_store, OutboxEntry)
    with pytest.raises(ValidationError, match="changed meanwhile"):
        corrections.void_entry(
            unit_store, kari, kind="activity", entry_id=ids["activity"], reason="y"
        )
    with pytest.raises(ValidationError, match="Nothing was changed"):
        newest = next(i.id for i in timeline(unit_store, caseload[2]) if i.kind == "activity")
        corrections.amend_entry(
            unit_store, kari, kind="activity", entry_id=newest, values={"note": "b"}, reason="x"
        )
    with pytest.raises(ValidationError, match="mood"):
        corrections.amend_entry(
            unit_store,
            kari,
            kind="conversation",
            entry_id=ids["conversation"],
            values={"mood": 9},
            reason="x",
        )
    assert count(unit_store, OutboxEntry) == before


def test_someone_else_s_person_is_refused(
    unit_store: Store, admin: Actor, kari: Actor, caseload: list[str]
) -> None:
    ids = one_of_each(unit_store, kari, caseload[0])
    ola = people.add_officer(unit_store, admin, username="ola", display_name="Ola", role="officer")
    with pytest.raises(PermissionDenied):
        corrections.void_entry(
            unit_store, Actor(ola.id, "Ola"), kind="meal", entry_id=ids["meal"], reason="x"
        )


def test_undo_last_meal_log_is_known_before_a_reason_is_asked(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    shift = _now() - timedelta(hours=1)
    assert logbook.last_meal_batch(unit_store, kari, since=shift) is None
    logbook.log_meal(
        unit_store,
        kari,
        day=TODAY,
        meal="lunch",
        entries=[logbook.MealEntry(i) for i in caseload],
    )
    batch = logbook.last_meal_batch(unit_store, kari, since=shift)
    assert batch is not None and batch.people == 6 and batch.meal == "lunch"
    logbook.undo_last_meal_log(unit_store, kari, since=shift, reason="Wrong meal")
    assert logbook.last_meal_batch(unit_store, kari, since=shift) is None


def test_undo_done_reopens_the_follow_up(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    conversations.log_conversation(
        unit_store,
        kari,
        ConversationEntry(
            caseload[0], _now(), 20, 3, follow_ups=(FollowUpEntry("Call the school", TODAY),)
        ),
    )
    with unit_store.reading() as session:
        follow_up = session.exec(select(FollowUp)).one()
    with pytest.raises(ValidationError, match="open already"):
        corrections.undo_follow_up_done(unit_store, kari, follow_up.id)
    conversations.complete_follow_up(unit_store, kari, follow_up.id)
    before = count(unit_store, OutboxEntry)
    corrections.undo_follow_up_done(unit_store, kari, follow_up.id)
    with unit_store.reading() as session:
        again = session.get(FollowUp, follow_up.id)
        audit = session.exec(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()  # type: ignore[union-attr]
    assert again is not None and again.done_at is None and again.done_by is None
    assert audit is not None and audit.action == "undo"
    assert count(unit_store, OutboxEntry) == before + 1


def test_undo_enrol_takes_the_enrolment_back(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    with unit_store.reading() as session:
        programme = session.exec(select(Programme)).first()
    assert programme is not None
    change = programmes.enrol(
        unit_store, kari, inmate_id=caseload[0], programme_id=programme.id, on=TODAY
    )
    enrolment_id = next(i for i in change.ids)
    corrections.undo_enrolment(unit_store, kari, enrolment_id)
    with unit_store.reading() as session:
        row = session.get(Enrolment, enrolment_id)
    assert row is not None and row.deleted_at is not None
    # It never was: the person can be enrolled again at once.
    programmes.enrol(unit_store, kari, inmate_id=caseload[0], programme_id=programme.id, on=TODAY)


def test_undo_reassign_puts_people_back(
    unit_store: Store,
    kari: Actor,
    unit_supervisor: Actor,
    bjorn: Officer,
    officer: Officer,
    caseload: list[str],
) -> None:
    moved = people.reassign(
        unit_store,
        unit_supervisor,
        officer_id=bjorn.id,
        inmate_ids=caseload[:2],
        start=TODAY,
        reason="workload",
    ).change
    with unit_store.reading() as session:
        assert queries.people_of(session, bjorn.id, TODAY) == set(caseload[:2])
    with pytest.raises(PermissionDenied):
        corrections.undo_reassign(unit_store, kari, moved.ids)
    corrections.undo_reassign(unit_store, unit_supervisor, moved.ids)
    with unit_store.reading() as session:
        assert queries.people_of(session, bjorn.id, TODAY) == set()
        assert queries.people_of(session, officer.id, TODAY) == set(caseload)
        active = session.exec(
            select(Assignment).where(
                Assignment.inmate_id == caseload[0],
                Assignment.end_date == None,  # noqa: E711
                Assignment.deleted_at == None,  # noqa: E711
            )
        ).all()
    assert [a.officer_id for a in active] == [officer.id]
    with pytest.raises(ValidationError, match="Nothing of this reassignment"):
        corrections.undo_reassign(unit_store, unit_supervisor, moved.ids)


def count(store: Store, table: type) -> int:
    from sqlmodel import func

    with store.reading() as session:
        return int(session.exec(select(func.count()).select_from(table)).one())


# --- Sign asks for the password again ---------------------------------------------------------


def test_sign_refuses_a_wrong_password_and_signs_with_the_right_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from officer_desk.app import accounts, handover
    from officer_desk.store import handover as reads
    from officer_desk.store import keyslots
    from officer_desk.store.keyslots import KdfParams, WrongPassword

    monkeypatch.setattr(keyslots, "DEFAULT_KDF", KdfParams(time_cost=1, memory_kib=8192))
    store, admin = accounts.create_store(
        tmp_path / "desk" / "officer_desk.sqlite",
        backups=tmp_path / "desk" / "backups",
        facility_name="Halden fengsel",
        facility_code="HAL",
        unit_name="Enhet C",
        unit_code="C",
        admin_username="it-admin",
        admin_name="Åse IT",
        admin_password="fjellet er høyt i dag",
    )
    try:
        made = {
            name: accounts.create_account(
                store, admin.actor(), username=name, display_name=name.title(),
                role="officer", password=f"{name[::-1]} har et langt passord",
            )
            for name in ("kari", "ola")
        }  # fmt: skip
        kari = Actor(made["kari"].id, "Kari")
        ola = Actor(made["ola"].id, "Ola")
        person = people.add_inmates(
            store, admin.actor(), [people.InmateDetails(prison_number="H-1", full_name="Per")],
            today=TODAY,
        ).ids[0]  # fmt: skip
        people.assign(store, admin.actor(), officer_id=kari.officer_id, inmate_id=person,
                      start=TODAY)  # fmt: skip
        now = datetime.now().astimezone()
        hid = handover.start_handover(
            store, kari, now - timedelta(hours=8), now, incoming_id=ola.officer_id
        ).handover_id
        handover.hand_over(store, kari, hid, ola.officer_id)
        with store.raw() as conn:
            entries = reads.handover_view(conn, hid).entries  # type: ignore[union-attr]
        for entry in entries:
            handover.acknowledge(store, ola, entry.id)

        with pytest.raises(WrongPassword):
            handover.sign_with_password(store, ola, hid, "irak har et langt passord")
        with store.raw() as conn:
            assert reads.handover_view(conn, hid).status == "handed_over"  # type: ignore[union-attr]
        handover.sign_with_password(store, ola, hid, "alo har et langt passord")
        with store.raw() as conn:
            signed = reads.handover_view(conn, hid)
        assert signed is not None and signed.status == "signed" and signed.signed_by == "Ola"
        with store.reading() as session:
            actions = [a.action for a in session.exec(select(AuditEntry)).all()]
        assert "signature check failed" in actions and "signature check" in actions
    finally:
        store.close()


def test_an_undo_after_its_time_is_refused_and_writes_nothing(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    conversations.log_conversation(
        unit_store,
        kari,
        ConversationEntry(
            caseload[0], _now(), 20, 3, follow_ups=(FollowUpEntry("Book the dentist", TODAY),)
        ),
    )
    with unit_store.reading() as session:
        follow_up = session.exec(select(FollowUp)).one()
    conversations.complete_follow_up(unit_store, kari, follow_up.id)
    with unit_store.writing() as session:  # an hour passes (the stored time moved back)
        session.connection().exec_driver_sql(
            "UPDATE follow_up SET done_at = ? WHERE id = ?",
            ((_now() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S.%f"), follow_up.id),
        )
    before = count(unit_store, OutboxEntry)
    with pytest.raises(ValidationError, match="too long ago"):
        corrections.undo_follow_up_done(unit_store, kari, follow_up.id)
    assert count(unit_store, OutboxEntry) == before
