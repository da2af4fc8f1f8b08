"""The supervisor's screens through pytest-qt: the unit overview (caseloads against capacity,
filters, workstations), reassignment with the warning above six, cover, conflict review; the
models checked with qtmodeltester."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import pytest
from desk_helpers import TIMEOUT, signed_in
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from officer_desk.app import logbook, people
from officer_desk.app.executor import DbExecutor
from officer_desk.app.logbook import MealEntry
from officer_desk.app.reads.unit import Workstations
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import DeclineReason, MealOutcome
from officer_desk.store.database import Store
from officer_desk.store.tables import Assignment, Inmate, Officer, SyncConflict
from officer_desk.sync.protocol import DeviceInfo
from officer_desk.ui.conflicts.models import ConflictsModel, RejectedModel
from officer_desk.ui.conflicts.page import ConflictReviewPage
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.unit.dialogs import Choice, CoverDialog, ReassignDialog
from officer_desk.ui.unit.models import (
    CaseloadColumn,
    Filter,
    PeopleModel,
    PersonColumn,
    WorkstationsModel,
)
from officer_desk.ui.unit.page import UnitOverviewPage

T = TypeVar("T")
TODAY = date.today()


def on_worker(qtbot: QtBot, executor: DbExecutor, work: Callable[[Store], T]) -> T:
    future = executor.submit(work)
    qtbot.waitUntil(future.done)
    return future.result()


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


@pytest.fixture
def unit(
    unit_store: Store, admin: Actor, officer: Officer, ola: Officer, caseload: list[str]
) -> dict[str, Any]:
    """Kari has seven (one above six), Ola none, one person nobody has; one refuses meals."""
    extra = people.add_inmates(
        unit_store,
        admin,
        [
            people.InmateDetails(
                prison_number="H-77",
                full_name="Per Sju",
                expected_release_date=TODAY + timedelta(days=10),
            ),
            people.InmateDetails(prison_number="H-78", full_name="Nils Ingen"),
        ],
        today=TODAY,
    ).ids
    people.assign(unit_store, admin, officer_id=officer.id, inmate_id=extra[0], start=TODAY)
    kari = Actor(officer.id, "Kari")
    for day in (TODAY - timedelta(days=1), TODAY):
        for meal in ("breakfast", "lunch"):
            logbook.log_meal(
                unit_store,
                kari,
                day=day,
                meal=meal,
                entries=[MealEntry(caseload[0], MealOutcome.DECLINED, DeclineReason.NOT_HUNGRY)],
            )
    with unit_store.raw() as conn:
        unit_id = conn.execute("SELECT id FROM unit").fetchone()[0]
    return {"seventh": extra[0], "nobody": extra[1], "unit_id": unit_id}


def overview(
    qtbot: QtBot,
    executor: DbExecutor,
    actor: Actor,
    unit_id: str,
    devices: Callable[[Store], Workstations] | None = None,
    *,
    wait: bool = True,
) -> UnitOverviewPage:
    page = UnitOverviewPage(
        executor,
        lambda: actor,
        lambda: unit_id,
        **({"devices": devices} if devices else {}),
    )
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    if not wait:
        page.reload()
        return page
    with qtbot.waitSignal(page.loaded):
        page.reload()
    return page


def test_the_overview_shows_caseloads_against_capacity_and_filters(
    qtbot: QtBot, qtmodeltester: Any, executor: DbExecutor, sup: Actor, unit: dict[str, Any]
) -> None:
    page = overview(qtbot, executor, sup, unit["unit_id"])
    qtmodeltester.check(page.caseloads)
    qtmodeltester.check(page.people)
    qtmodeltester.check(page.filtered)
    lines = {
        page.caseloads.index(r, CaseloadColumn.OFFICER).data(): page.caseloads.index(
            r, CaseloadColumn.STATE
        ).data()
        for r in range(page.caseloads.rowCount())
    }
    assert lines == {"Kari Nordmann": "Over capacity by 1", "Ola Bø": "Room for 6"}
    assert "Over capacity: Kari Nordmann" in page.summary.text()
    assert "1 with nobody assigned" in page.summary.text()
    assert page.people.rowCount() == 8

    def shown(kind: Filter, days: int = 14) -> set[str]:
        page.filter_kind.setCurrentIndex(page.filter_kind.findData(kind.value))
        page.filter_days.setValue(days)
        return {
            page.filtered.index(r, 0).data().split(" · ")[1]
            for r in range(page.filtered.rowCount())
        }

    assert shown(Filter.UNASSIGNED) == {"H-78"}
    assert shown(Filter.STREAKS) == {"H-1001"}
    assert shown(Filter.RELEASE_WITHIN, 30) == {"H-77"}
    assert shown(Filter.RELEASE_WITHIN, 5) == set()
    assert len(shown(Filter.NO_CONTACT, 3)) == 8  # nobody has had a talk yet
    assert page.filter_days.isEnabled()
    assert len(shown(Filter.FLAGGED)) == 8 and not page.filter_days.isEnabled()
    assert len(shown(Filter.EVERYONE)) == 8 and page.shown.text() == "8 of 8 shown"
    # Officer filter from the caseload table.
    page.filter_kind.setCurrentIndex(0)
    page.caseload_view.selectRow(1)  # Ola: nobody
    assert page.filtered.rowCount() == 0
    page.caseload_view.selectRow(0)
    assert page.filtered.rowCount() == 7
    # Not enrolled: no workstation table, a plain sentence instead.
    assert page.devices_view.isHidden() and "not enrolled" in page.devices_note.text()


def test_the_overview_refreshes_after_a_reassignment_and_refuses_officers(
    qtbot: QtBot,
    executor: DbExecutor,
    sup: Actor,
    officer: Officer,
    ola: Officer,
    unit: dict[str, Any],
) -> None:
    page = overview(qtbot, executor, sup, unit["unit_id"])
    with qtbot.waitSignal(page.loaded):
        on_worker(
            qtbot,
            executor,
            lambda store: (
                people.reassign(
                    store,
                    sup,
                    officer_id=ola.id,
                    inmate_ids=[unit["nobody"]],
                    start=TODAY,
                    reason="workload",
                ).change
            ),
        )
    assert "nobody assigned" not in page.summary.text()
    refused = overview(qtbot, executor, Actor(officer.id, "Kari"), unit["unit_id"], wait=False)
    qtbot.waitUntil(lambda: "Only a supervisor" in refused.summary.text())
    assert refused.people.rowCount() == 0


@pytest.fixture
def enrolled(unit_store: Store) -> None:
    """As if enrolled with a hub (the hub's answers are injected into the page)."""
    with unit_store.writing() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO local_setting (key, value) VALUES ('sync.token', 't'), "
            "('sync.hub_url', 'https://hub.test')"
        )


def test_workstations_come_from_the_hub_or_fall_back_to_this_one(
    qtbot: QtBot,
    qtmodeltester: Any,
    executor: DbExecutor,
    sup: Actor,
    unit: dict[str, Any],
    enrolled: None,
) -> None:
    now = datetime.now(UTC)
    devices = (
        DeviceInfo(
            device_id="d1",
            name="Unit C desk",
            enrolled_at=now,
            last_sync_at=now - timedelta(minutes=5),
            waiting=0,
            app_version="1",
            revoked=False,
            this_device=True,
        ),
        DeviceInfo(
            device_id="d2",
            name="Office",
            enrolled_at=now,
            last_sync_at=now - timedelta(days=3),
            waiting=12,
            app_version="1",
            revoked=False,
            this_device=False,
        ),
    )
    page = overview(
        qtbot, executor, sup, unit["unit_id"], lambda store: Workstations(devices, None)
    )
    qtbot.waitUntil(lambda: page.devices_model.rowCount() == 2)
    qtmodeltester.check(page.devices_model)
    texts = [[page.devices_model.index(r, c).data() for c in range(4)] for r in range(2)]
    assert texts == [
        ["Unit C desk", "5 min ago", "0", "this workstation"],
        ["Office", "3 days ago", "12", "enrolled"],
    ]
    offline = overview(
        qtbot,
        executor,
        sup,
        unit["unit_id"],
        lambda store: Workstations((), "The hub cannot be reached; changes are kept."),
    )
    qtbot.waitUntil(lambda: "cannot be reached" in offline.devices_note.text())
    assert offline.devices_model.rowCount() == 1
    assert offline.devices_model.index(0, 0).data() == "This workstation"


def test_reassigning_above_six_asks_before_saving(
    qtbot: QtBot,
    executor: DbExecutor,
    sup: Actor,
    officer: Officer,
    ola: Officer,
    unit: dict[str, Any],
    unit_store: Store,
) -> None:
    dialog = ReassignDialog(
        executor,
        sup,
        TODAY,
        [Choice(unit["nobody"], "Nils Ingen")],
        [Choice(officer.id, "Kari Nordmann"), Choice(ola.id, "Ola Bø")],
        [unit["nobody"]],
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "8 after" in dialog.preview.text())
    assert "confirm" in dialog.preview.text()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.save_button.text() == "Reassign anyway")
    assert "8 people" in dialog.messages["officer"].text() and dialog.isVisible()
    assert on_worker(qtbot, executor, lambda s: _holders(s, unit["nobody"])) == []
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert on_worker(qtbot, executor, lambda s: _holders(s, unit["nobody"])) == [officer.id]


def _holders(store: Store, inmate_id: str) -> list[str]:
    with store.reading() as session:
        return list(
            session.exec(
                select(Assignment.officer_id).where(
                    Assignment.inmate_id == inmate_id, col(Assignment.end_date).is_(None)
                )
            ).all()
        )


def test_reassign_dialog_bad_input_stays_open(
    qtbot: QtBot, executor: DbExecutor, sup: Actor, officer: Officer, unit: dict[str, Any]
) -> None:
    dialog = ReassignDialog(
        executor, sup, TODAY, [Choice(unit["nobody"], "Nils")], [Choice(officer.id, "Kari")]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
    dialog.save()
    assert dialog.messages["people"].text() == "Tick at least one person to move."
    assert dialog.messages["note"].text() == "Say in the note why the people move."
    assert dialog.isVisible() and not dialog.saving


def test_cover_dialog_checks_dates_and_lists_running_covers(
    qtbot: QtBot,
    executor: DbExecutor,
    sup: Actor,
    officer: Officer,
    ola: Officer,
    unit: dict[str, Any],
) -> None:
    officers = [Choice(officer.id, "Kari Nordmann"), Choice(ola.id, "Ola Bø")]
    dialog = CoverDialog(executor, sup, TODAY, officers, officer.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cover.currentData() == ola.id
    dialog.end.setDate(dialog.start.date().addDays(-1))
    dialog.save()
    assert dialog.messages["end"].text() == "The cover must end after it starts; check the dates."
    dialog.cover.setCurrentIndex(0)
    dialog.end.setDate(dialog.start.date().addDays(7))
    dialog.save()
    assert dialog.messages["cover_officer"].text() == "An officer cannot cover for themselves."
    dialog.cover.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    again = CoverDialog(executor, sup, TODAY, officers, officer.id)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: len(again.covers) == 1)
    assert "Ola Bø covers Kari Nordmann (7 people)" in again.running.item(0).text()
    # The service's own refusal lands next to the field: the same cover twice.
    again.save()
    qtbot.waitUntil(lambda: "already covers" in again.messages["start"].text())
    again.running.setCurrentRow(0)
    again.end_early.click()
    qtbot.waitUntil(lambda: again.running.item(0).text() == "No cover is running or planned.")


@pytest.fixture
def conflict(unit_store: Store, caseload: list[str], officer: Officer) -> str:
    with unit_store.writing() as session:
        inmate = session.get(Inmate, caseload[0])
        assert inmate is not None
        inmate.diet = "Halal"
        session.add(inmate)
        row = SyncConflict(
            entity="inmate",
            entity_id=caseload[0],
            inmate_id=caseload[0],
            kind="field",
            field_name="diet",
            kept_value=json.dumps("Halal"),
            lost_value=json.dumps("Vegetarian"),
            lost_by=officer.id,
            lost_hlc="1760000000000-00000-otherdevice",
            note="a later change on another workstation won",
            detected_at=datetime.now(UTC),
            auto_resolved=False,
            device_id="hub",
            server_version=1,
        )
        session.add(row)
        session.flush()
        return row.id


def test_conflict_review_decides_through_the_write_path(
    qtbot: QtBot,
    qtmodeltester: Any,
    executor: DbExecutor,
    sup: Actor,
    conflict: str,
    caseload: list[str],
    unit_store: Store,
) -> None:
    page = ConflictReviewPage(executor, lambda: sup)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    with qtbot.waitSignal(page.loaded):
        page.reload()
    qtmodeltester.check(page.conflicts)
    qtmodeltester.check(page.rejected)
    assert page.conflicts.rowCount() == 1 and page.current is not None
    assert page.kept.value.toPlainText() == "Halal"
    assert page.lost.value.toPlainText() == "Vegetarian"
    assert page.lost.origin.text().startswith("Kari Nordmann on workstation otherdev")
    assert "1 to decide" in page.summary.text()
    assert page.merge_button.isVisibleTo(page) and not page.both_button.isVisibleTo(page)
    page.merged.setPlainText("   ")
    page.merge_button.click()
    assert "Write the combined value" in page.message.text()
    with qtbot.waitSignal(page.loaded):
        page.lost.choose.click()
    assert page.conflicts.rowCount() == 0 and page.empty.isVisibleTo(page)

    def diet(store: Store) -> str:
        with store.reading() as session:
            row = session.get(Inmate, caseload[0])
            assert row is not None
            return row.diet

    assert on_worker(qtbot, executor, diet) == "Vegetarian"
    page.show_decided.setChecked(True)
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1)
    assert page.conflicts.index(0, 3).data() == "decided"
    assert not page.detail.isEnabled()


def test_conflict_review_refuses_an_officer(
    qtbot: QtBot, executor: DbExecutor, officer: Officer, conflict: str
) -> None:
    page = ConflictReviewPage(executor, lambda: Actor(officer.id, "Kari"))
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: "supervisor" in page.summary.text())
    assert page.conflicts.rowCount() == 0


def test_models_stay_valid_when_empty(qtmodeltester: Any) -> None:
    for model in (PeopleModel(), WorkstationsModel(), ConflictsModel(), RejectedModel()):
        qtmodeltester.check(model)


@pytest.fixture
def ingrid(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="ingrid", display_name="Ingrid Sæbø", role="supervisor"
    )


def test_a_supervisors_dialog_hides_under_the_lock_and_closes_when_she_signs_out(
    qtbot: QtBot, window: MainWindow, ingrid: Officer, caseload: list[str]
) -> None:
    with qtbot.waitSignal(window.later_parts_built, timeout=TIMEOUT):
        window._session.sign_in(signed_in(ingrid))
    screens = window.supervision
    dialog = screens.reassign(caseload[:1])
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    assert screens.dialogs == [dialog]

    window._session.lock()
    assert not dialog.isVisible() and screens.dialogs == [dialog]  # kept, with what was typed
    window._session.unlock()
    assert dialog.isVisible()

    window._session.sign_out()
    assert screens.dialogs == [] and not dialog.isVisible()


def test_the_people_columns_fit_their_widest_text_and_stay_resizable(
    qtbot: QtBot, executor: DbExecutor, sup: Actor, unit: dict[str, Any]
) -> None:
    page = overview(qtbot, executor, sup, unit["unit_id"])
    header = page.people_view.horizontalHeader()
    metrics = page.people_view.fontMetrics()
    for column in PersonColumn:
        if column is PersonColumn.FLAGS:
            continue
        texts = [page.people.index(r, column).data() for r in range(page.people.rowCount())]
        widest = max(metrics.horizontalAdvance(str(t)) for t in texts if t)
        assert header.sectionSize(column) > widest, column.name  # nothing cut short
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive
