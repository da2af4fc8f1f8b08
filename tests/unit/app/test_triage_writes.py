"""Writing what triage reads: an alert's severity (the single write path, synced) and an
officer's pinned order of the home cards (this workstation only, audited)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import select

from officer_desk.app import people, profile
from officer_desk.app.home_order import pin_order, setting_key
from officer_desk.app.writes import Actor
from officer_desk.domain.errors import ValidationError
from officer_desk.store import queries
from officer_desk.store.database import Store
from officer_desk.store.tables import AuditEntry, Inmate, LocalSetting, Officer, OutboxEntry
from officer_desk.sync import payloads


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


@pytest.fixture
def alerted(unit_store: Store, admin: Actor, officer: Officer) -> str:
    change = people.add_inmates(
        unit_store,
        admin,
        [
            people.InmateDetails(
                prison_number="H-9001",
                full_name="Zakarias Ødegård",
                date_of_birth=date(1990, 1, 1),
                alerts=["Selvmordsfare", "Trenger tolk"],
            )
        ],
        today=date.today(),
    )
    people.assign(
        unit_store, admin, officer_id=officer.id, inmate_id=change.ids[0], start=date(2025, 1, 1)
    )
    return change.ids[0]


def test_an_alert_severity_is_saved_synced_and_read_back(
    unit_store: Store, kari: Actor, officer: Officer, alerted: str
) -> None:
    with unit_store.reading() as session:
        (row,) = queries.caseload(session, officer.id, date.today())
    assert row.alert_severities == ("medium", "medium")  # nobody rated them yet
    profile.update_profile(
        unit_store, kari, alerted, profile.ProfileEdit(alert_severities=["high", "low"])
    )
    with unit_store.reading() as session:
        (row,) = queries.caseload(session, officer.id, date.today())
        op = session.exec(
            select(OutboxEntry)
            .where(OutboxEntry.entity == "inmate")
            .order_by(OutboxEntry.seq.desc())  # type: ignore[union-attr]
        ).first()
    assert row.alert_severities == ("high", "low")
    assert op is not None
    sent = json.loads(op.payload)
    assert sent["alert_severities"] == ["high", "low"]
    # The hub's payload check accepts it, and refuses a severity it does not know.
    assert payloads.problem("inmate", sent, whole=False) is None
    assert payloads.problem("inmate", {**sent, "alert_severities": ["critical"]}, whole=False)


def test_a_bad_severity_writes_nothing(unit_store: Store, kari: Actor, alerted: str) -> None:
    def outbox() -> int:
        with unit_store.reading() as session:
            return len(session.exec(select(OutboxEntry)).all())

    before = outbox()
    for wrong in (["critical", "low"], ["high"]):
        with pytest.raises(ValidationError) as refused:
            profile.update_profile(
                unit_store, kari, alerted, profile.ProfileEdit(alert_severities=wrong)
            )
        assert refused.value.field == "alert_severities"
    assert outbox() == before
    with unit_store.reading() as session:
        person = session.get(Inmate, alerted)
        assert person is not None and person.alert_severities == []


def test_a_pinned_order_is_kept_per_officer_audited_and_cleared(
    unit_store: Store, kari: Actor, officer: Officer
) -> None:
    with unit_store.reading() as session:
        queued_before = len(session.exec(select(OutboxEntry)).all())
    pin_order(unit_store, kari, ["b", "a", "b"])
    with unit_store.reading() as session:
        kept = session.get(LocalSetting, setting_key(officer.id))
        audited = session.exec(
            select(AuditEntry).where(AuditEntry.entity_id == setting_key(officer.id))
        ).all()
        queued = len(session.exec(select(OutboxEntry)).all())
    assert kept is not None and json.loads(kept.value) == ["b", "a"]
    assert len(audited) == 1
    assert queued == queued_before  # a preference of this workstation: never synced
    pin_order(unit_store, kari, [])
    with unit_store.reading() as session:
        assert session.get(LocalSetting, setting_key(officer.id)) is None
    with pytest.raises(ValidationError):
        pin_order(unit_store, Actor.system("nobody"), ["a"])
