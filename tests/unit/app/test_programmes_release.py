"""Programmes and release plans through the services: catalogue, enrolment, hours from the
logs, milestones, the plan and its gate, date changes, sign-off and override."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from officer_desk.app import logbook, people, programmes, release
from officer_desk.app.logbook import ActivityEntry
from officer_desk.app.programmes import MilestoneDraft
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import ActivityCategory, ActivityOutcome
from officer_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from officer_desk.store import progress, queries
from officer_desk.store.database import Store
from officer_desk.store.tables import AuditEntry, Officer, Programme, ReleasePlanItem

TODAY = date.today()


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


@pytest.fixture
def supervisor(unit_store: Store, admin: Actor) -> Actor:
    sup = people.add_officer(
        unit_store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )
    return Actor(sup.id, sup.display_name, role="supervisor")


def programme(store: Store, code: str) -> Programme:
    with store.reading() as session:
        return session.exec(select(Programme).where(Programme.code == code)).one()


def test_the_catalogue_ships_with_the_store(unit_store: Store) -> None:
    with unit_store.reading() as session:
        codes = set(session.exec(select(Programme.code)).all())
    assert {"WOOD", "ASSEMBLY", "STUDIO", "KITCHEN", "SCHOOL-NO"} <= codes


def test_admin_edits_the_catalogue_and_bad_input_is_refused(
    unit_store: Store, admin: Actor, kari: Actor, caseload: list[str]
) -> None:
    drafts = [MilestoneDraft("Safety", "Sikkerhet", 10), MilestoneDraft("Bikes", "Sykler", 40)]
    programmes.save_programme(
        unit_store,
        admin,
        code="bike",
        name_en="Bicycle repair",
        name_nb="Sykkelreparasjon",
        category="vocational",
        milestones=drafts,
    )
    bike = programme(unit_store, "BIKE")
    programmes.save_programme(
        unit_store,
        admin,
        code="BIKE",
        name_en="Bicycle workshop",
        name_nb="Sykkelverksted",
        category="vocational",
        milestones=[*drafts, MilestoneDraft("Own bike", "Egen", 30)],
        programme_id=bike.id,
    )
    assert programme(unit_store, "BIKE").name_en == "Bicycle workshop"
    with pytest.raises(ValidationError, match="not removed"):
        programmes.save_programme(
            unit_store,
            admin,
            code="BIKE",
            name_en="x",
            name_nb="y",
            category="vocational",
            milestones=drafts[:1],
            programme_id=bike.id,
        )
    with pytest.raises(ValidationError, match="already a programme"):
        programmes.save_programme(
            unit_store,
            admin,
            code="wood",
            name_en="x",
            name_nb="y",
            category="school",
            milestones=drafts,
        )
    with pytest.raises(ValidationError, match="vocational or school"):
        programmes.save_programme(
            unit_store,
            admin,
            code="NEW",
            name_en="x",
            name_nb="y",
            category="sport",
            milestones=drafts,
        )
    with pytest.raises(PermissionDenied):
        programmes.save_programme(
            unit_store,
            kari,
            code="NEW",
            name_en="x",
            name_nb="y",
            category="school",
            milestones=drafts,
        )


def test_enrolment_transitions_hours_attendance_and_milestones(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    person, wood = caseload[0], programme(unit_store, "WOOD")
    programmes.enrol(
        unit_store, kari, inmate_id=person, programme_id=wood.id, on=TODAY - timedelta(days=30)
    )
    with pytest.raises(ValidationError, match="Already enrolled"):
        programmes.enrol(unit_store, kari, inmate_id=person, programme_id=wood.id, on=TODAY)
    with unit_store.reading() as session:
        (state,) = progress.programme_progress(session, person, TODAY)
    assert state.status == "waiting"
    session_entry = ActivityEntry(
        ActivityCategory.PROGRAMME, datetime.now(UTC) - timedelta(days=2), 120, programme_id=wood.id
    )
    with pytest.raises(ValidationError, match="not enrolled"):
        logbook.log_activity(unit_store, kari, inmate_ids=[person], activity=session_entry)
    with pytest.raises(ValidationError, match="cannot become completed"):
        programmes.change_status(
            unit_store, kari, enrolment_id=state.enrolment_id, status="completed", reason="done"
        )
    programmes.change_status(unit_store, kari, enrolment_id=state.enrolment_id, status="active")
    logbook.log_activity(unit_store, kari, inmate_ids=[person], activity=session_entry)
    logbook.log_activity(
        unit_store,
        kari,
        inmate_ids=[person],
        activity=ActivityEntry(
            ActivityCategory.PROGRAMME,
            datetime.now(UTC) - timedelta(days=1),
            90,
            ActivityOutcome.REFUSED,
            programme_id=wood.id,
        ),
    )
    with pytest.raises(ValidationError, match="Give a reason"):
        programmes.change_status(
            unit_store, kari, enrolment_id=state.enrolment_id, status="suspended"
        )
    first = state.milestones[0]
    programmes.sign_off_milestone(
        unit_store, kari, enrolment_id=state.enrolment_id, milestone_id=first.id
    )
    with pytest.raises(ValidationError, match="already signed off"):
        programmes.sign_off_milestone(
            unit_store, kari, enrolment_id=state.enrolment_id, milestone_id=first.id
        )
    with unit_store.reading() as session:
        (state,) = progress.programme_progress(session, person, TODAY)
    assert state.status == "active"
    assert state.hours == 2.0  # typed nowhere: the attended session's duration
    assert state.attendance == 0.5  # attended one of two expected sessions
    assert (state.milestones_done, len(state.milestones)) == (1, 5)
    assert sum(hours for _week, hours in state.weekly_hours) == 2.0
    assert len(state.weekly_hours) == progress.TREND_WEEKS


def test_a_release_plan_from_the_template_and_its_gate(
    unit_store: Store, kari: Actor, supervisor: Actor, caseload: list[str]
) -> None:
    person = caseload[1]
    release_day = TODAY + timedelta(days=40)
    with pytest.raises(ValidationError, match="in the past"):
        release.create_plan(
            unit_store, kari, inmate_id=person, release_date=TODAY - timedelta(days=1)
        )
    release.create_plan(unit_store, kari, inmate_id=person, release_date=release_day)
    with pytest.raises(ValidationError, match="already has a release plan"):
        release.create_plan(unit_store, kari, inmate_id=person, release_date=release_day)
    with unit_store.reading() as session:
        view = progress.plan_view(session, person, TODAY)
        home = {r.inmate_id: r for r in queries.caseload(session, kari.officer_id or "", TODAY)}
    assert view is not None and len(view.items) >= 20
    housing = next(i for i in view.items if i.gate_role == "housing")
    job = next(i for i in view.items if i.gate_role == "education_or_work")
    assert housing.due_date == release_day - timedelta(days=30)
    assert not view.readiness.gate.met
    assert view.readiness.alert is not None and home[person].release_alert == "eight_weeks"

    with pytest.raises(ValidationError, match="Release sign-off is blocked"):
        release.sign_off(unit_store, kari, inmate_id=person)
    with pytest.raises(ValidationError, match="Only a supervisor"):
        release.sign_off(
            unit_store, kari, inmate_id=person, override_reason="I am sure it will work out fine."
        )
    with pytest.raises(ValidationError, match="Say what confirms"):
        release.update_item(unit_store, kari, item_id=housing.id, status="done")
    with pytest.raises(ValidationError, match="unknown"):
        release.update_item(unit_store, kari, item_id=housing.id, status="maybe")
    with pytest.raises(NotFound, match="unknown template item"):
        release.update_item(unit_store, kari, item_id="no-such-item", status="done")
    release.update_item(
        unit_store,
        kari,
        item_id=housing.id,
        status="done",
        evidence="Letter from Halden kommune, flat from release day",
    )
    release.update_item(
        unit_store,
        kari,
        item_id=job.id,
        status="done",
        owner="Kari",
        evidence="Apprenticeship at Østfold Snekkeri confirmed by e-mail",
    )
    with unit_store.reading() as session:
        view = progress.plan_view(session, person, TODAY)
        home = {r.inmate_id: r for r in queries.caseload(session, kari.officer_id or "", TODAY)}
    assert view is not None and view.readiness.gate.met and view.readiness.alert is None
    assert home[person].release_alert is None and home[person].plan_share_done is not None
    release.sign_off(unit_store, kari, inmate_id=person)
    release.sign_off(unit_store, supervisor, inmate_id=person)
    with pytest.raises(ValidationError, match="already signed"):
        release.sign_off(unit_store, kari, inmate_id=person)


def test_supervisor_override_is_audited_with_its_reason(
    unit_store: Store, kari: Actor, supervisor: Actor, caseload: list[str]
) -> None:
    person = caseload[2]
    release.create_plan(unit_store, kari, inmate_id=person, release_date=TODAY + timedelta(days=5))
    release.sign_off(
        unit_store,
        supervisor,
        inmate_id=person,
        override_reason="Shelter place confirmed by phone; paperwork Monday.",
    )
    with unit_store.reading() as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "override")).one()
    assert "Shelter place confirmed by phone" in entry.detail
    assert entry.actor_name == "Sigrid Ås"


def test_changing_the_release_date_moves_open_items_and_says_what_moved(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    person = caseload[3]
    first = TODAY + timedelta(days=200)
    release.create_plan(unit_store, kari, inmate_id=person, release_date=first)
    with unit_store.reading() as session:
        items = session.exec(select(ReleasePlanItem)).all()
    done = items[0]
    release.update_item(unit_store, kari, item_id=done.id, status="done")
    moved = release.change_release_date(
        unit_store, kari, inmate_id=person, release_date=first + timedelta(days=14)
    )
    assert len(moved) == len(items) - 1
    assert all(m.new_due - m.old_due == timedelta(days=14) for m in moved)
    assert done.title_en not in {m.title_en for m in moved}
    with unit_store.reading() as session:
        row = {r.inmate_id: r for r in queries.caseload(session, kari.officer_id or "", TODAY)}
    assert row[person].expected_release_date == first + timedelta(days=14)
    with pytest.raises(ValidationError, match="in the past"):
        release.change_release_date(
            unit_store, kari, inmate_id=person, release_date=TODAY - timedelta(days=3)
        )


def test_referrals_need_consent(unit_store: Store, kari: Actor, caseload: list[str]) -> None:
    person = caseload[4]
    release.create_plan(unit_store, kari, inmate_id=person, release_date=TODAY + timedelta(days=90))
    with unit_store.reading() as session:
        item = session.exec(select(ReleasePlanItem).where(ReleasePlanItem.code == "benefits")).one()
    with pytest.raises(ValidationError, match="consent"):
        release.add_referral(
            unit_store, kari, item_id=item.id, agency="NAV Halden", sent_on=TODAY, consent=False
        )
    with pytest.raises(ValidationError, match="Agency is required"):
        release.add_referral(
            unit_store, kari, item_id=item.id, agency=" ", sent_on=TODAY, consent=True
        )
    release.add_referral(
        unit_store, kari, item_id=item.id, agency="NAV Halden", sent_on=TODAY, consent=True
    )
    with unit_store.reading() as session:
        view = progress.plan_view(session, person, TODAY)
    assert view is not None
    assert [r.agency for i in view.items for r in i.referrals] == ["NAV Halden"]


def test_unit_readiness_covers_everyone(
    unit_store: Store, kari: Actor, caseload: list[str]
) -> None:
    release.create_plan(
        unit_store, kari, inmate_id=caseload[5], release_date=TODAY + timedelta(days=30)
    )
    with unit_store.reading() as session:
        unit_id = session.get(Officer, kari.officer_id).unit_id  # type: ignore[union-attr]
        result = progress.unit_readiness(session, unit_id, TODAY)
    assert set(result) == set(caseload)
    assert sum(r is not None for r in result.values()) == 1
