"""Reassignment (one or several people, a reason, the warning above six before confirming)
and cover (returning by itself on its end date, seen through an injected today)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import col, select

from officer_desk.app import cover, people
from officer_desk.app.writes import Actor
from officer_desk.domain.errors import PermissionDenied, ValidationError
from officer_desk.store import home
from officer_desk.store.database import Store
from officer_desk.store.tables import Assignment, AuditEntry, Officer, OutboxEntry

TODAY = date.today()


@pytest.fixture
def sup(unit_store: Store, admin: Actor) -> Actor:
    officer = people.add_officer(
        unit_store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )
    return Actor(officer.id, officer.display_name, role="supervisor")


@pytest.fixture
def ola(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="ola", display_name="Ola Bø", role="officer"
    )


def caseload_ids(store: Store, officer_id: str, on: date) -> set[str]:
    with store.raw() as conn:
        return {r.inmate_id for r in home.caseload_rows(conn, officer_id, on)}


def test_reassigning_several_people_moves_them_all_with_the_reason(
    unit_store: Store, sup: Actor, officer: Officer, ola: Officer, caseload: list[str]
) -> None:
    moved = caseload[:2]
    result = people.reassign(
        unit_store,
        sup,
        officer_id=ola.id,
        inmate_ids=moved,
        start=TODAY,
        reason="workload",
        note="Kari has the new arrivals",
    )
    assert result.warning is None
    assert caseload_ids(unit_store, ola.id, TODAY) == set(moved)
    assert caseload_ids(unit_store, officer.id, TODAY) == set(caseload[2:])
    with unit_store.reading() as session:
        new = session.exec(select(Assignment).where(Assignment.officer_id == ola.id)).all()
        assert {a.reason for a in new} == {"workload"}
        assert {a.note for a in new} == {"Kari has the new arrivals"}
        ops = session.exec(select(OutboxEntry).where(OutboxEntry.entity == "assignment")).all()
        audit = session.exec(
            select(AuditEntry).where(col(AuditEntry.detail).contains("workload"))
        ).all()
    # Per person: the old assignment ends (update) and a new one starts (insert).
    assert sum(op.op == "update" for op in ops) >= 2 and sum(op.op == "insert" for op in ops) >= 8
    assert len(audit) == 4  # two ended, two started


def test_more_than_six_is_asked_before_and_allowed_when_confirmed(
    unit_store: Store, sup: Actor, officer: Officer, ola: Officer, caseload: list[str], admin: Actor
) -> None:
    extra = people.add_inmates(
        unit_store,
        admin,
        [people.InmateDetails(prison_number="H-77", full_name="Per Ås")],
        today=TODAY,
    ).ids
    with unit_store.reading() as session:
        preview = people.preview_reassign(
            session, officer_id=officer.id, inmate_ids=extra, start=TODAY
        )
    assert (preview.caseload_now, preview.caseload_after) == (6, 7)
    assert preview.warning is not None and "7 people" in preview.warning
    with pytest.raises(people.OverCapacity, match="Confirm to reassign anyway") as refused:
        people.reassign(
            unit_store,
            sup,
            officer_id=officer.id,
            inmate_ids=extra,
            start=TODAY,
            reason="workload",
        )
    assert "7 people" in refused.value.warning
    assert caseload_ids(unit_store, officer.id, TODAY) == set(caseload)  # nothing written
    result = people.reassign(
        unit_store,
        sup,
        officer_id=officer.id,
        inmate_ids=extra,
        start=TODAY,
        reason="workload",
        over_capacity_ok=True,
    )
    assert result.warning is not None
    assert caseload_ids(unit_store, officer.id, TODAY) == set(caseload) | set(extra)


def test_reassignment_bad_input(
    unit_store: Store,
    sup: Actor,
    officer: Officer,
    ola: Officer,
    caseload: list[str],
    admin: Actor,
) -> None:
    def move(**kw: object) -> None:
        args: dict[str, object] = {
            "officer_id": ola.id,
            "inmate_ids": caseload[:1],
            "start": TODAY,
            "reason": "workload",
        }
        people.reassign(unit_store, sup, **(args | kw))  # type: ignore[arg-type]

    with pytest.raises(ValidationError, match="Choose why") as why:
        move(reason="arrival")
    assert why.value.field == "reason"
    with pytest.raises(ValidationError, match="Choose why"):
        move(reason="boredom")
    with pytest.raises(ValidationError, match="in the note why"):
        move(reason="other")
    with pytest.raises(ValidationError, match="at least one person"):
        move(inmate_ids=[])
    with pytest.raises(ValidationError, match="already assigned to Kari"):
        move(officer_id=officer.id)
    with pytest.raises(ValidationError, match="days back"):
        move(start=TODAY - timedelta(days=30))
    with pytest.raises(PermissionDenied):
        people.reassign(
            unit_store,
            Actor(officer.id, "Kari"),
            officer_id=ola.id,
            inmate_ids=caseload[:1],
            start=TODAY,
            reason="workload",
        )
    with unit_store.writing() as session:
        gone = session.get(Officer, ola.id)
        assert gone is not None
        gone.active = False
        session.add(gone)
    with pytest.raises(ValidationError, match="no longer active") as inactive:
        move()
    assert inactive.value.field == "officer"
    admin_account = people.add_officer(
        unit_store, admin, username="it", display_name="IT Person", role="admin"
    )
    with pytest.raises(ValidationError, match="is an administrator"):
        move(officer_id=admin_account.id)
    assert caseload_ids(unit_store, officer.id, TODAY) == set(caseload)


def test_cover_returns_by_itself_on_an_injected_today(
    unit_store: Store, sup: Actor, officer: Officer, ola: Officer, caseload: list[str]
) -> None:
    start = TODAY + timedelta(days=10)
    end = start + timedelta(days=14)
    cover.arrange_cover(
        unit_store,
        sup,
        absent_officer_id=officer.id,
        cover_officer_id=ola.id,
        start=start,
        end=end,
        today=TODAY,
    )
    # Nothing runs on the end date: what each day shows comes from the dates alone.
    assert caseload_ids(unit_store, ola.id, start - timedelta(days=1)) == set()
    assert caseload_ids(unit_store, ola.id, start) == set(caseload)
    assert caseload_ids(unit_store, ola.id, end - timedelta(days=1)) == set(caseload)
    assert caseload_ids(unit_store, ola.id, end) == set()
    assert caseload_ids(unit_store, officer.id, end) == set(caseload)
    with unit_store.reading() as session:
        [running] = cover.covers_from(session, start)
        assert (running.absent_name, running.cover_name, running.people) == (
            "Kari Nordmann",
            "Ola Bø",
            6,
        )
        assert cover.covers_from(session, end) == []
    unit_id = _unit_id(unit_store)
    with unit_store.raw() as conn:
        during = home.unit_overview(conn, unit_id, start)
        after = home.unit_overview(conn, unit_id, end)
    sizes = {c.officer.username: len(c.people) for c in during.caseloads}
    assert sizes["ola"] == 6 and sizes["kari"] == 6
    assert {c.officer.username: len(c.people) for c in after.caseloads}["ola"] == 0


def _unit_id(store: Store) -> str:
    with store.raw() as conn:
        return str(conn.execute("SELECT id FROM unit").fetchone()[0])


def test_cover_bad_input(
    unit_store: Store, sup: Actor, officer: Officer, ola: Officer, caseload: list[str]
) -> None:
    def arrange(**kw: object) -> None:
        args: dict[str, object] = {
            "absent_officer_id": officer.id,
            "cover_officer_id": ola.id,
            "start": TODAY,
            "end": TODAY + timedelta(days=5),
        }
        cover.arrange_cover(unit_store, sup, **(args | kw))  # type: ignore[arg-type]

    with pytest.raises(ValidationError, match="end after it starts") as ends:
        arrange(end=TODAY - timedelta(days=1))
    assert ends.value.field == "end"
    with pytest.raises(ValidationError, match="end after it starts"):
        arrange(end=TODAY)
    with pytest.raises(ValidationError, match="themselves"):
        arrange(cover_officer_id=officer.id)
    with pytest.raises(ValidationError, match="in the past"):
        arrange(start=TODAY - timedelta(days=1))
    with pytest.raises(ValidationError, match="longer than a year"):
        arrange(end=TODAY + timedelta(days=400))
    arrange()
    with pytest.raises(ValidationError, match="already covers"):
        arrange(start=TODAY + timedelta(days=2), end=TODAY + timedelta(days=9))
    with unit_store.writing() as session:
        gone = session.get(Officer, ola.id)
        assert gone is not None
        gone.active = False
        session.add(gone)
    with pytest.raises(ValidationError, match="no longer active"):
        arrange(start=TODAY + timedelta(days=20), end=TODAY + timedelta(days=25))


def test_a_planned_cover_can_be_called_off_before_it_starts(
    unit_store: Store, sup: Actor, officer: Officer, ola: Officer, caseload: list[str]
) -> None:
    start = TODAY + timedelta(days=3)
    cover.arrange_cover(
        unit_store,
        sup,
        absent_officer_id=officer.id,
        cover_officer_id=ola.id,
        start=start,
        end=start + timedelta(days=5),
    )
    cover.end_cover(
        unit_store, sup, cover_officer_id=ola.id, absent_officer_id=officer.id, on=start
    )
    assert caseload_ids(unit_store, ola.id, start) == set()
    with unit_store.reading() as session:
        assert cover.covers_from(session, TODAY) == []
