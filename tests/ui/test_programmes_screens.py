"""The programme screens through pytest-qt: enrolment, status changes (allowed and refused),
milestones, certificates, the caseload's progress, the admin catalogue, and their models."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import pytest
from pytestqt.qtbot import QtBot
from sqlmodel import select

from officer_desk.app import logbook, programmes
from officer_desk.app.executor import DbExecutor
from officer_desk.app.logbook import ActivityEntry
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import ActivityCategory
from officer_desk.store.database import Store
from officer_desk.store.tables import Certificate, Enrolment, Officer, Programme
from officer_desk.ui.programmes.caseload import CaseloadProgressPage
from officer_desk.ui.programmes.catalogue import CatalogueEditor
from officer_desk.ui.programmes.models import EnrolmentColumn, ProgressColumn
from officer_desk.ui.programmes.panel import ProgrammesPanel

T = TypeVar("T")
TODAY = date.today()


def on_worker(qtbot: QtBot, executor: DbExecutor, work: Callable[[Store], T]) -> T:
    """Run ``work`` on the database worker and wait (the GUI thread never touches SQL).

    Work returning None is not announced on ``executor.changed``, so a screen can be left
    deliberately stale."""
    future = executor.submit(work)
    qtbot.waitUntil(future.done)
    return future.result()


def read(store: Store, query: Callable[[Any], T]) -> T:
    with store.reading() as session:
        return query(session)


def programme_id(store: Store, code: str) -> str:
    return read(store, lambda s: s.exec(select(Programme.id).where(Programme.code == code)).one())


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


@pytest.fixture
def panel(qtbot: QtBot, executor: DbExecutor, kari: Actor) -> ProgrammesPanel:
    shown = ProgrammesPanel(executor, lambda: kari)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    return shown


def show(qtbot: QtBot, panel: ProgrammesPanel, person: str) -> None:
    with qtbot.waitSignal(panel.loaded):
        panel.show_person(person)


def test_enrol_start_sign_off_and_record_a_certificate(
    qtbot: QtBot, panel: ProgrammesPanel, executor: DbExecutor, caseload: list[str]
) -> None:
    person = caseload[0]
    show(qtbot, panel, person)
    assert panel.model.rowCount() == 0 and not panel.empty.isHidden()

    panel.enrol_combo.setCurrentIndex(panel.enrol_combo.findText("Woodwork (WOOD)"))
    with qtbot.waitSignal(panel.loaded):
        panel.enrol_button.click()
    assert panel.model.rowCount() == 1
    row = panel.model.index(0, EnrolmentColumn.STATUS)
    assert row.data() == "Waiting list"
    assert panel.enrol_combo.findText("Woodwork (WOOD)") == -1, "not offered twice"

    # Only the allowed next statuses are offered.
    offered = [panel.status_combo.itemData(n) for n in range(panel.status_combo.count())]
    assert offered == ["active", "withdrawn"]
    panel.status_combo.setCurrentIndex(offered.index("active"))
    with qtbot.waitSignal(panel.loaded):
        panel.status_button.click()
    assert panel.model.index(0, EnrolmentColumn.STATUS).data() == "Active"

    wood = panel.selected()
    assert wood is not None
    first = panel.milestones.item(0)
    assert first.text().startswith("○ 1.")
    panel.milestones.setCurrentRow(0)
    assert panel.sign_off_button.isEnabled()
    with qtbot.waitSignal(panel.loaded):
        panel.sign_off_button.click()
    assert panel.milestones.item(0).text().startswith("✓ 1.")
    assert panel.model.index(0, EnrolmentColumn.MILESTONES).data() == "1 / 5"

    dialog = panel.open_certificate_dialog()
    assert dialog is not None
    dialog.title.setText("Forklift licence T1")
    dialog.issuer.setText("AKA AS")
    with qtbot.waitSignal(panel.loaded):
        dialog.save()
    assert "Forklift licence T1 — AKA AS" in panel.certificates.text()


def test_hours_and_the_trend_come_from_the_logged_sessions(
    qtbot: QtBot, panel: ProgrammesPanel, executor: DbExecutor, kari: Actor, enrolled: list[str]
) -> None:
    person = enrolled[0]
    show(qtbot, panel, person)
    wood = panel.selected()
    assert wood is not None and wood.code == "WOOD" and wood.hours == 0

    def log_session(store: Store) -> object:
        started = datetime.now(UTC) - timedelta(hours=3)
        entry = ActivityEntry(
            ActivityCategory.PROGRAMME, started, 150, programme_id=wood.programme_id
        )
        return logbook.log_activity(store, kari, inmate_ids=[person], activity=entry)

    with qtbot.waitSignal(panel.loaded):
        on_worker(qtbot, executor, log_session)  # the panel refreshes from executor.changed
    assert panel.model.index(0, EnrolmentColumn.HOURS).data() == "2.5 / 380"
    assert panel.model.index(0, EnrolmentColumn.ATTENDANCE).data() == "100 %"
    assert sum(h for _d, h in panel.chart.weeks) == 2.5
    assert panel.chart.accessibleDescription().startswith("2 hours over the last 12 weeks")


@pytest.fixture
def waiting(unit_store: Store, kari: Actor, caseload: list[str]) -> str:
    """Someone on the kitchen course's waiting list."""
    programmes.enrol(
        unit_store, kari, inmate_id=caseload[4], programme_id=programme_id(unit_store, "KITCHEN"),
        on=TODAY,
    )  # fmt: skip
    return caseload[4]


def test_a_refused_transition_shows_the_domains_message_and_changes_nothing(
    qtbot: QtBot, panel: ProgrammesPanel, executor: DbExecutor, kari: Actor, waiting: str
) -> None:
    show(qtbot, panel, waiting)
    enrolment = panel.selected()
    assert enrolment is not None and enrolment.status == "waiting"

    # An ending needs a reason: said next to the reason, nothing sent.
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("withdrawn"))
    panel.status_button.click()
    assert panel.status_messages.fields["reason"].text().startswith("Give a reason")

    # Meanwhile another desk activated and completed it (returning None: not announced, so
    # this panel still offers "active").
    def elsewhere(store: Store) -> None:
        for status in ("active", "completed"):
            programmes.change_status(
                store, kari, enrolment_id=enrolment.enrolment_id, status=status, reason="Done"
            )

    on_worker(qtbot, executor, elsewhere)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("active"))
    panel.status_button.click()
    qtbot.waitUntil(lambda: not panel.status_messages.fields["status"].isHidden())
    assert panel.status_messages.fields["status"].text() == (
        "An enrolment that is completed cannot become active. Allowed next: none (it has ended)."
    )
    status = on_worker(
        qtbot,
        executor,
        lambda s: read(s, lambda q: q.get(Enrolment, enrolment.enrolment_id).status),
    )
    assert status == "completed"


def test_certificate_without_a_title_is_refused_inline(
    qtbot: QtBot, panel: ProgrammesPanel, executor: DbExecutor, caseload: list[str]
) -> None:
    show(qtbot, panel, caseload[3])
    dialog = panel.open_certificate_dialog()
    assert dialog is not None
    dialog.save()
    assert dialog.messages["title"].text() == "Write what the certificate is for."
    assert dialog.isVisible()
    count = on_worker(
        qtbot, executor, lambda s: read(s, lambda q: len(q.exec(select(Certificate)).all()))
    )
    assert count == 0


@pytest.fixture
def enrolled(unit_store: Store, kari: Actor, caseload: list[str]) -> list[str]:
    for person, code in zip(caseload[:3], ("WOOD", "SCHOOL-NO", "STUDIO"), strict=True):
        programmes.enrol(
            unit_store, kari, inmate_id=person, programme_id=programme_id(unit_store, code),
            on=TODAY - timedelta(days=20), start_now=True,
        )  # fmt: skip
    return caseload


def test_the_caseload_progress_page_has_a_row_per_person_and_programme(
    qtbot: QtBot,
    executor: DbExecutor,
    kari: Actor,
    officer: Officer,
    enrolled: list[str],
    qtmodeltester: Any,
) -> None:
    page = CaseloadProgressPage(executor, lambda: kari)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show_officer(officer.id)
    model = page.model
    assert model.rowCount() == 3
    people = {model.index(r, ProgressColumn.PERSON).data() for r in range(3)}
    assert people == {  # domain.identity: name, prison number, cell
        "Øystein Ås · H-1001 · C01",
        "Ahmed Khalil · H-1002 · C02",
        "Jonas Berg · H-1003 · C03",
    }
    assert model.index(0, ProgressColumn.MILESTONES).data().endswith(("/ 3", "/ 4", "/ 5"))
    qtmodeltester.check(model)
    with qtbot.waitSignal(page.person_requested) as requested:
        page.table.doubleClicked.emit(model.index(0, 0))
    assert requested.args == [model.row_at(0).inmate_id]


def test_enrolments_model_passes_the_model_tester(
    qtbot: QtBot, panel: ProgrammesPanel, enrolled: list[str], qtmodeltester: Any
) -> None:
    show(qtbot, panel, enrolled[0])
    assert panel.model.rowCount() == 1
    qtmodeltester.check(panel.model)


@pytest.fixture
def editor(qtbot: QtBot, executor: DbExecutor, admin: Actor) -> CatalogueEditor:
    shown = CatalogueEditor(executor, lambda: admin)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    with qtbot.waitSignal(shown.loaded):
        shown.reload()
    return shown


def test_admin_adds_and_edits_a_programme(
    qtbot: QtBot, editor: CatalogueEditor, executor: DbExecutor, qtmodeltester: Any
) -> None:
    before = editor.model.rowCount()
    qtmodeltester.check(editor.model)
    editor.new_programme()
    editor.code.setText("bike")
    editor.name_en.setText("Bicycle repair")
    editor.name_nb.setText("Sykkelreparasjon")
    editor.milestones.item(0, 0).setText("Safety")
    editor.milestones.item(0, 1).setText("Sikkerhet")
    editor.milestones.item(0, 2).setText("10")
    with qtbot.waitSignal(editor.loaded):
        editor.save_button.click()
    assert editor.model.rowCount() == before + 1
    assert editor.editing is not None and editor.editing.code == "BIKE"
    # The saved milestone cannot be removed; a new one can be added and renamed.
    editor.milestones.setCurrentCell(0, 0)
    assert not editor.remove_milestone_button.isEnabled()
    editor.add_milestone()
    assert editor.remove_milestone_button.isEnabled()
    editor.milestones.item(1, 0).setText("Wheels")
    editor.milestones.item(1, 1).setText("Hjul")
    editor.milestones.item(1, 2).setText("30")
    editor.milestones.item(0, 0).setText("Workshop safety")
    with qtbot.waitSignal(editor.loaded):
        editor.save_button.click()
    assert editor.editing is not None
    assert [m.title_en for m in editor.editing.milestones] == ["Workshop safety", "Wheels"]


def test_bad_catalogue_input_is_named_next_to_the_field(
    qtbot: QtBot, editor: CatalogueEditor, executor: DbExecutor
) -> None:
    editor.new_programme()
    editor.code.setText("WOOD")  # taken
    editor.name_en.setText("Another woodwork")
    editor.name_nb.setText("Snekker 2")
    editor.milestones.item(0, 0).setText("x")
    editor.milestones.item(0, 1).setText("y")
    editor.milestones.item(0, 2).setText("many")
    editor.save_button.click()
    assert editor.messages.fields["milestones"].text() == (
        "Milestone 1: hours must be a whole number."
    )
    editor.milestones.item(0, 2).setText("5")
    editor.save_button.click()
    qtbot.waitUntil(lambda: not editor.messages.fields["code"].isHidden())
    assert editor.messages.fields["code"].text() == "There is already a programme with code WOOD."


def test_the_panel_follows_the_catalogue_at_once_when_shown_and_once_shown_again_if_hidden(
    qtbot: QtBot, panel: ProgrammesPanel, executor: DbExecutor, admin: Actor, caseload: list[str]
) -> None:
    def add(code: str, name: str) -> Callable[[Store], object]:
        return lambda store: programmes.save_programme(
            store,
            admin,
            code=code,
            name_en=name,
            name_nb=name,
            category="vocational",
            milestones=[programmes.MilestoneDraft("Start", "Start", 5)],
        )

    show(qtbot, panel, caseload[0])
    with qtbot.waitSignal(panel.loaded):  # shown: read again at once
        executor.submit(add("BIKE", "Bicycle repair"))
    assert panel.enrol_combo.findText("Bicycle repair (BIKE)") >= 0

    panel.hide()
    loads: list[bool] = []
    panel.loaded.connect(lambda: loads.append(True))
    with qtbot.waitSignal(executor.changed):  # announced: a hidden panel does not read
        executor.submit(add("BAKE", "Bakery"))
    qtbot.waitUntil(lambda: not executor.busy)
    assert loads == [] and panel.enrol_combo.findText("Bakery (BAKE)") < 0
    with qtbot.waitSignal(panel.loaded):
        panel.show()
    assert loads == [True] and panel.enrol_combo.findText("Bakery (BAKE)") >= 0
