"""Programme sessions through the screens: Log activity asks for the programme (the one the
people are enrolled in first, chosen for them), refuses a session without one, and the hours
reach the programmes panel; sessions logged without a programme are said, not hidden behind
"not enrolled"; a certificate or milestone becomes the school-or-job item's evidence."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

import pytest
from desk_helpers import TIMEOUT, counts, on_worker, reloaded, sign_in
from pytestqt.qtbot import QtBot
from sqlmodel import select

from officer_desk.app import programmes, release
from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Actor, write
from officer_desk.store import progress
from officer_desk.store.database import Store
from officer_desk.store.tables import ActivityLog, Officer, Programme
from officer_desk.ui.dialogs.activity import ActivityDialog
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.programmes.panel import ProgrammesPanel
from officer_desk.ui.release.panel import ReleasePlanPanel

TODAY = date.today()


def enrol(store: Store, actor: Actor, people: list[str], code: str) -> str:
    with store.reading() as session:
        programme = session.exec(select(Programme.id).where(Programme.code == code)).one()
    for person in people:
        programmes.enrol(
            store, actor, inmate_id=person, programme_id=programme, on=TODAY, start_now=True
        )
    return programme


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


@pytest.fixture
def wood(unit_store: Store, kari: Actor, caseload: list[str]) -> str:
    """The first two people in Woodwork, the first also in the kitchen (fixtures run SQL
    on the test's thread; the test body must not)."""
    enrol(unit_store, kari, caseload[:1], "KITCHEN")
    return enrol(unit_store, kari, caseload[:2], "WOOD")


def test_log_activity_asks_for_the_programme_enrolled_ones_first_and_the_hours_count(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    caseload: list[str],
    executor: DbExecutor,
    wood: str,
) -> None:
    sign_in(qtbot, window, officer)
    window.desk_actions.log_activity.trigger()
    dialog = window.desk.dialogs[-1]
    assert isinstance(dialog, ActivityDialog)
    qtbot.waitUntil(lambda: bool(dialog.choices), timeout=TIMEOUT)
    assert not dialog.programme.isVisibleTo(dialog)  # not a programme session yet
    dialog.category.setCurrentIndex(dialog.category.findData("programme"))
    assert dialog.programme.isVisibleTo(dialog)
    dialog.everyone.setChecked(False)
    for person in caseload[:2]:
        dialog.people[person].setChecked(True)
    texts = [dialog.programme.itemText(n) for n in range(dialog.programme.count())]
    assert texts[:3] == [
        "Choose the programme…",
        "Woodwork",
        "Kitchen and chef training (1 of 2 enrolled)",
    ]
    assert texts[3].endswith("(not enrolled)")
    assert dialog.programme.currentData() == wood  # the one both are enrolled in

    dialog.programme.setCurrentIndex(0)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.messages["programme"].text() == "Choose the programme this session belongs to."
    assert counts(executor, ActivityLog) == 0
    dialog.programme.setCurrentIndex(dialog.programme.findData(wood))
    with reloaded(qtbot, window):
        dialog.save_button.click()
    rows = on_worker(
        executor,
        lambda store: _sessions(store),
    )
    assert rows == [(caseload[0], wood, 60), (caseload[1], wood, 60)]

    def hours(store: Store) -> float:
        with store.reading() as session:
            (state,) = progress.programme_progress(session, caseload[1], TODAY)
        return state.hours

    assert on_worker(executor, hours) == 1.0


def _sessions(store: Store) -> list[tuple[str, str | None, int]]:
    with store.reading() as session:
        return sorted(
            (r.inmate_id, r.programme_id, r.duration_minutes)
            for r in session.exec(select(ActivityLog)).all()
        )


@pytest.fixture
def unattached(unit_store: Store, kari: Actor, officer: Officer, caseload: list[str]) -> str:
    with write(unit_store, kari) as w:  # as the desk logged them before it asked
        w.insert(
            ActivityLog(
                inmate_id=caseload[3],
                category="programme",
                started_at=datetime.now(UTC) - timedelta(days=1),
                duration_minutes=90,
                outcome="attended",
                logged_at=w.now,
                logged_by=officer.id,
            )
        )
    return caseload[3]


P = TypeVar("P", ProgrammesPanel, ReleasePlanPanel)


def shown(qtbot: QtBot, panel: P, person: str) -> P:
    """``panel`` on screen with ``person``'s data read."""
    qtbot.addWidget(panel)
    panel.resize(1300, 720)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        panel.show_person(person)
    return panel


def test_the_programmes_panel_names_sessions_logged_without_a_programme(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, caseload: list[str], unattached: str
) -> None:
    panel = shown(qtbot, ProgrammesPanel(executor, lambda: kari), unattached)
    text = panel.empty.text()
    assert text.startswith("Not enrolled in a programme, but 1 programme session (1.5 hours)")
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        panel.show_person(caseload[4])
    assert panel.empty.text() == "Not enrolled in any programme yet."


@pytest.fixture
def certified(unit_store: Store, kari: Actor, caseload: list[str]) -> str:
    """A person with a release plan and a certificate."""
    person = caseload[0]
    release.create_plan(unit_store, kari, inmate_id=person, release_date=TODAY + timedelta(days=40))
    programmes.record_certificate(
        unit_store,
        kari,
        inmate_id=person,
        title="Truck licence T1",
        issued_on=TODAY,
        issuer="AMO-senteret",
    )
    return person


def test_a_certificate_becomes_the_school_or_job_evidence_in_one_choice(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, certified: str
) -> None:
    panel = shown(qtbot, ReleasePlanPanel(executor, lambda: kari), certified)
    panel.select_item("housing-confirmed")
    assert not panel.achievements.isVisibleTo(panel)  # housing: a certificate proves nothing
    panel.select_item("school-or-job-confirmed")
    assert panel.achievements.isVisibleTo(panel)
    line = panel.achievements.itemText(1)
    assert line.startswith("Certificate: Truck licence T1, issued ")
    assert line.endswith(" by AMO-senteret")
    panel.achievements.activated.emit(1)
    assert panel.evidence.toPlainText() == line
    panel.achievements.activated.emit(1)  # chosen twice: written once
    assert panel.evidence.toPlainText() == line
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("done"))
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        panel.save_item_button.click()
    assert panel.gate_label.text() == "Missing: a confirmed place to live"
