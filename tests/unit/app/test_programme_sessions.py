"""Programme sessions count: a session names its programme (refused without one), its hours
and attendance go to progress and fill the milestones in order; sessions logged before the
programme was asked for are counted as such, not shown as "not enrolled"; certificates,
signed-off milestones and completed programmes are offered as school-or-job evidence."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import func, select

from officer_desk.app import logbook, programmes
from officer_desk.app.logbook import ActivityEntry
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import ActivityCategory, ActivityOutcome
from officer_desk.domain.errors import ValidationError
from officer_desk.domain.programmes import hours_per_milestone
from officer_desk.store import progress
from officer_desk.store.database import Store
from officer_desk.store.tables import ActivityLog, Officer, Programme

TODAY = date.today()


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


def programme_id(store: Store, code: str) -> str:
    with store.reading() as session:
        return session.exec(select(Programme.id).where(Programme.code == code)).one()


def progress_of(store: Store, person: str) -> progress.ProgrammeProgress:
    with store.reading() as s:
        (state,) = progress.programme_progress(s, person, TODAY)
    return state


def enrolled(store: Store, actor: Actor, person: str, code: str) -> str:
    wood = programme_id(store, code)
    programmes.enrol(
        store,
        actor,
        inmate_id=person,
        programme_id=wood,
        on=TODAY - timedelta(days=30),
        start_now=True,
    )
    return wood


def session(hours_ago: int, minutes: int, programme: str | None, **kw: object) -> ActivityEntry:
    return ActivityEntry(
        ActivityCategory.PROGRAMME,
        datetime.now(UTC) - timedelta(hours=hours_ago),
        minutes,
        programme_id=programme,
        **kw,  # type: ignore[arg-type]
    )


def test_a_programme_session_without_its_programme_is_refused_and_writes_nothing(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    with pytest.raises(ValidationError, match="Choose the programme") as refused:
        logbook.log_activity(
            unit_store, kari, inmate_ids=caseload[:2], activity=session(3, 90, None)
        )
    assert refused.value.field == "programme"
    with unit_store.reading() as s:
        assert s.exec(select(func.count()).select_from(ActivityLog)).one() == 0
    # Other activities need no programme.
    logbook.log_activity(
        unit_store,
        kari,
        inmate_ids=caseload[:1],
        activity=ActivityEntry(ActivityCategory.GYM, datetime.now(UTC) - timedelta(hours=2), 60),
    )


def test_session_hours_and_attendance_reach_progress_and_fill_milestones_in_order(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    person = caseload[0]
    wood = enrolled(unit_store, kari, person, "WOOD")
    before = progress_of(unit_store, person)
    assert before.hours == 0 and before.attendance is None
    for hours_ago in (50, 26):
        logbook.log_activity(
            unit_store, kari, inmate_ids=[person], activity=session(hours_ago, 12 * 60, wood)
        )
    logbook.log_activity(
        unit_store,
        kari,
        inmate_ids=[person],
        activity=session(3, 60, wood, outcome=ActivityOutcome.REFUSED),
    )
    after = progress_of(unit_store, person)
    assert after.hours == 24 and after.attendance == pytest.approx(2 / 3)
    first, second, *rest = after.milestones
    assert (first.hours, first.reached) == (20, True)  # 20 h expected: ready to sign off
    assert (second.hours, second.reached) == (4, False)
    assert all(m.hours == 0 for m in rest)
    assert first.signed_at is None  # hours alone never sign a milestone off


def test_hours_per_milestone_spills_over_in_order() -> None:
    assert hours_per_milestone(0, [20, 60]) == [0, 0]
    assert hours_per_milestone(30, [20, 60]) == [20, 10]
    assert hours_per_milestone(100, [20, 60]) == [20, 80]  # the last keeps what is left
    assert hours_per_milestone(5, []) == []


def test_sessions_logged_without_a_programme_are_counted_not_hidden(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    person = caseload[1]
    # As the desk wrote them before it asked for the programme (and as old data holds them).
    for hours_ago, outcome in ((30, "attended"), (6, "attended"), (4, "refused")):
        with write(unit_store, kari) as w:
            w.insert(
                ActivityLog(
                    inmate_id=person,
                    category="programme",
                    started_at=datetime.now(UTC) - timedelta(hours=hours_ago),
                    duration_minutes=90,
                    outcome=outcome,
                    logged_at=w.now,
                    logged_by=kari.officer_id,
                )
            )
    with unit_store.reading() as s:
        assert progress.unattached_sessions(s, person) == (3, 3.0)
        assert progress.unattached_sessions(s, caseload[2]) == (0, 0.0)


def test_certificates_milestones_and_completed_programmes_are_offered_as_evidence(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    person = caseload[2]
    wood = enrolled(unit_store, kari, person, "WOOD")
    state = progress_of(unit_store, person)
    programmes.sign_off_milestone(
        unit_store, kari, enrolment_id=state.enrolment_id, milestone_id=state.milestones[0].id
    )
    programmes.record_certificate(
        unit_store,
        kari,
        inmate_id=person,
        title="Truck licence T1",
        issued_on=TODAY - timedelta(days=3),
        issuer="AMO-senteret",
    )
    programmes.change_status(
        unit_store, kari, enrolment_id=state.enrolment_id, status="completed", reason="done"
    )
    with unit_store.reading() as s:
        options = progress.evidence_options(s, person)
        nobody = progress.evidence_options(s, caseload[3])
    assert nobody == []
    by_kind = {o.kind: o for o in options}
    assert set(by_kind) == {"certificate", "milestone", "completed"}
    assert (by_kind["certificate"].title_en, by_kind["certificate"].issuer) == (
        "Truck licence T1",
        "AMO-senteret",
    )
    assert by_kind["milestone"].title_en == "Workshop safety and hand tools"
    assert by_kind["milestone"].programme_en == by_kind["completed"].programme_en == "Woodwork"
    assert wood and options[-1].kind == "certificate"  # newest first: today's, then 3 days ago
