"""The release plan panel through pytest-qt: creating a plan, the gate blocking sign-off until
its items are done, the supervisor's override, a new release date showing what moved,
referrals, the printed copy, and the bad input that must write nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pytestqt.qtbot import QtBot
from sqlmodel import select

from officer_desk.app import people, release
from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Actor
from officer_desk.store.database import Store
from officer_desk.store.tables import (
    AuditEntry,
    Officer,
    Referral,
    ReleasePlan,
    ReleasePlanItem,
    ReleaseSignoff,
)
from officer_desk.ui.release.model import PlanColumn
from officer_desk.ui.release.panel import WIDE_LIST, ReleasePlanPanel

T = TypeVar("T")
TODAY = date.today()
RELEASE_DAY = TODAY + timedelta(days=40)


def on_worker(qtbot: QtBot, executor: DbExecutor, query: Callable[[Any], T]) -> T:
    """Read ``query(session)`` on the database worker (the GUI thread never runs SQL)."""

    def work(store: Store) -> T:
        with store.reading() as session:
            return query(session)

    future = executor.submit(work)
    qtbot.waitUntil(future.done)
    return future.result()


def count(qtbot: QtBot, executor: DbExecutor, table: Any) -> int:
    return on_worker(qtbot, executor, lambda s: len(s.exec(select(table)).all()))


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


@pytest.fixture
def sigrid(unit_store: Store, admin: Actor) -> Actor:
    sup = people.add_officer(
        unit_store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )
    return Actor(sup.id, sup.display_name, role="supervisor")


@pytest.fixture
def planned(unit_store: Store, kari: Actor, caseload: list[str]) -> str:
    release.create_plan(unit_store, kari, inmate_id=caseload[0], release_date=RELEASE_DAY)
    return caseload[0]


def make_panel(qtbot: QtBot, executor: DbExecutor, actor: Actor, person: str) -> ReleasePlanPanel:
    panel = ReleasePlanPanel(executor, lambda: actor)
    qtbot.addWidget(panel)
    panel.resize(1300, 720)
    panel.show()
    with qtbot.waitSignal(panel.loaded):
        panel.show_person(person)
    return panel


def test_creating_a_plan_refuses_a_past_date_inline_and_writes_nothing(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, caseload: list[str]
) -> None:
    panel = make_panel(qtbot, executor, kari, caseload[1])
    assert panel.stack.currentIndex() == 0 and panel.view is None
    panel.create_date.setDate(TODAY - timedelta(days=1))
    panel.create_button.click()
    message = panel.create_messages.fields["release_date"]
    assert message.text().startswith("The release date is in the past")
    assert count(qtbot, executor, ReleasePlan) == 0

    panel.create_date.setDate(RELEASE_DAY)
    with qtbot.waitSignal(panel.loaded):
        panel.create_button.click()
    assert panel.stack.currentIndex() == 1 and panel.view is not None
    assert message.isHidden()
    assert panel.countdown.text().endswith("in 40 days")
    assert panel.gate_label.text() == (
        "Missing: a confirmed place to live and a confirmed school place or job"
    )


def mark_done(qtbot: QtBot, panel: ReleasePlanPanel, code: str, evidence: str) -> None:
    panel.select_item(code)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("done"))
    panel.evidence.setPlainText(evidence)
    with qtbot.waitSignal(panel.loaded):
        panel.save_item_button.click()


def test_sign_off_is_blocked_until_the_gate_items_are_done(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, planned: str
) -> None:
    panel = make_panel(qtbot, executor, kari, planned)
    assert not panel.sign_off_button.isEnabled()
    assert panel.sign_off_button.toolTip().startswith("Release sign-off is blocked: the plan")
    dialog = panel.open_sign_off()
    assert dialog is not None and not dialog.save_button.isEnabled()
    assert "A supervisor can override with a written reason." in dialog.explain.text()
    dialog.close()

    # A gate item needs what confirms it: said next to the evidence, nothing saved.
    panel.select_item("housing-confirmed")
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("done"))
    panel.save_item_button.click()
    evidence = panel.item_messages.fields["evidence"]
    qtbot.waitUntil(lambda: not evidence.isHidden())
    assert evidence.text() == "Say what confirms this (e.g. the letter or the contact)."

    mark_done(qtbot, panel, "housing-confirmed", "Letter from Halden kommune: flat from day one")
    assert panel.gate_label.text() == "Missing: a confirmed school place or job"
    assert not panel.sign_off_button.isEnabled()
    mark_done(qtbot, panel, "school-or-job-confirmed", "Apprenticeship at Østfold Snekkeri")
    assert panel.gate_label.text().startswith("Ready:")
    assert panel.sign_off_button.isEnabled()

    dialog = panel.open_sign_off()
    assert dialog is not None and dialog.save_button.isEnabled()
    with qtbot.waitSignal(panel.loaded):
        dialog.save()
    assert "Contact officer: signed off by Kari Nordmann" in panel.signoffs.text()
    assert not panel.sign_off_button.isEnabled()
    roles = on_worker(qtbot, executor, lambda s: s.exec(select(ReleaseSignoff.role)).all())
    assert roles == ["officer"]


def test_the_supervisors_override_needs_a_written_reason(
    qtbot: QtBot, executor: DbExecutor, sigrid: Actor, planned: str
) -> None:
    panel = make_panel(qtbot, executor, sigrid, planned)
    assert panel.sign_off_button.isEnabled()
    assert panel.sign_off_button.text() == "Override and sign off…"
    dialog = panel.open_sign_off()
    assert dialog is not None and dialog.reason.isVisible()

    dialog.save()
    message = dialog.messages["override_reason"]
    assert message.text().startswith("Release sign-off is blocked: the plan still lacks")
    dialog.reason.setPlainText("ok")
    dialog.save()
    assert message.text() == "Write a reason of at least a full sentence for the override."
    assert count(qtbot, executor, ReleaseSignoff) == 0

    dialog.reason.setPlainText("Shelter place confirmed by phone; the paperwork comes Monday.")
    with qtbot.waitSignal(panel.loaded):
        dialog.save()
    assert "Supervisor: signed off by Sigrid Ås" in panel.signoffs.text()
    assert "Gate overridden: Shelter place confirmed by phone" in panel.signoffs.text()
    audit = on_worker(
        qtbot,
        executor,
        lambda s: s.exec(select(AuditEntry).where(AuditEntry.action == "override")).one(),
    )
    assert "Shelter place confirmed by phone" in audit.detail and audit.actor_name == "Sigrid Ås"


def test_changing_the_release_date_shows_what_moved(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, planned: str
) -> None:
    panel = make_panel(qtbot, executor, kari, planned)
    assert panel.view is not None
    open_items = len(panel.view.items)
    dialog = panel.open_date_change()
    assert dialog is not None

    dialog.date_edit.setDate(TODAY - timedelta(days=2))
    dialog.save()
    assert dialog.messages["release_date"].text().startswith("The release date is in the past")

    later = RELEASE_DAY + timedelta(days=14)
    dialog.date_edit.setDate(later)
    with qtbot.waitSignal(panel.loaded):  # the panel refreshes too
        dialog.save()
    assert dialog.isVisible(), "stays open to show the person what moved"
    assert dialog.moved is not None and len(dialog.moved) == open_items
    assert dialog.table.rowCount() == open_items
    first = dialog.moved[0]
    assert first.new_due - first.old_due == timedelta(days=14)
    assert dialog.table.item(0, 0).text() == first.title_en
    assert panel.view is not None and panel.view.release_date == later


def test_a_referral_needs_the_persons_consent(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, planned: str
) -> None:
    panel = make_panel(qtbot, executor, kari, planned)
    panel.select_item("benefits")
    dialog = panel.open_referral()
    assert dialog is not None
    dialog.agency.setText("NAV Halden")
    dialog.save()
    assert dialog.messages["consent"].text().startswith("A referral is only sent with the")
    assert count(qtbot, executor, Referral) == 0

    dialog.consent.setChecked(True)
    with qtbot.waitSignal(panel.loaded):
        dialog.save()
    assert "NAV Halden (consent given) — no answer yet" in panel.referrals.text()
    row = panel.model.item_index(panel.selected_item().id)  # type: ignore[union-attr]
    assert row.siblingAtColumn(PlanColumn.REFERRALS).data() == "1"


def test_due_items_are_amber_and_overdue_red(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, planned: str
) -> None:
    panel = make_panel(qtbot, executor, kari, planned)
    colours = {}
    assert panel.view is not None
    for item in panel.view.items:
        index = panel.model.item_index(item.id).siblingAtColumn(PlanColumn.DUE)
        brush = index.data(8)  # BackgroundRole
        colours[item.urgency.value] = brush.color().name() if brush is not None else None
    # 40 days out: the 60-day items are overdue, the 30-day ones due within two weeks.
    assert colours["overdue"] == "#fbe9ea"
    assert colours["due"] == "#fff4de"
    assert colours["on_track"] is None


def test_the_plan_model_passes_the_model_tester(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, planned: str, qtmodeltester: Any
) -> None:
    panel = make_panel(qtbot, executor, kari, planned)
    assert panel.model.rowCount() == 8  # pathways
    qtmodeltester.check(panel.model)


@pytest.mark.parametrize(("language", "heading"), [("nb", "Dette gjenstår"), ("en", "Still to do")])
def test_printing_the_plan_writes_the_persons_copy(
    qtbot: QtBot,
    executor: DbExecutor,
    kari: Actor,
    planned: str,
    tmp_path: Path,
    language: str,
    heading: str,
) -> None:
    from pypdf import PdfReader

    panel = make_panel(qtbot, executor, kari, planned)
    target = tmp_path / f"plan-{language}.pdf"
    assert panel.print_plan(language, target)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Øystein Ås" in text and "H-1001" in text and heading in text
    assert "Kari Nordmann" in text  # who to contact
    assert not panel.print_plan(language, tmp_path / "missing-folder" / "plan.pdf")
    assert panel.print_messages.visible_text()


def test_a_disputed_item_shows_as_disputed_and_saving_keeps_the_dispute(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, planned: str
) -> None:
    def dispute(store: Store) -> None:  # as a pull brings it: two officers disagreed
        with store.writing() as session:
            item = session.exec(
                select(ReleasePlanItem).where(ReleasePlanItem.code == "housing-confirmed")
            ).one()
            item.status = "disputed"
            session.add(item)

    qtbot.waitUntil(executor.submit(dispute).done)
    panel = make_panel(qtbot, executor, kari, planned)
    panel.select_item("housing-confirmed")
    assert panel.status_combo.currentText() == "Disputed: a supervisor decides"
    assert not panel.status_combo.isEnabled()
    assert "Unit ▸ Sync conflicts" in panel.status_combo.toolTip()
    # The owner still saves, and the item stays disputed (not quietly "Not started").
    panel.owner.setText("NAV Halden")
    with qtbot.waitSignal(panel.loaded):
        panel.save_item_button.click()
    saved = on_worker(
        qtbot,
        executor,
        lambda s: s.exec(
            select(ReleasePlanItem.status, ReleasePlanItem.owner).where(
                ReleasePlanItem.code == "housing-confirmed"
            )
        ).one(),
    )
    assert tuple(saved) == ("disputed", "NAV Halden")
    # Another item: every status but "disputed" can be chosen.
    panel.select_item("school-or-job-confirmed")
    assert panel.status_combo.isEnabled() and panel.status_combo.toolTip() == ""
    model = panel.status_combo.model()
    choosable = [
        panel.status_combo.itemData(i)
        for i in range(panel.status_combo.count())
        if model.item(i).isEnabled()  # type: ignore[attr-defined]
    ]
    assert choosable == ["not_started", "in_progress", "done", "support_declined", "not_needed"]


def test_the_items_keep_room_for_their_titles_in_a_narrow_panel(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, planned: str
) -> None:
    """Owner and referrals are columns only where the list is wide; in a narrow panel (a
    1366 px window with the profile beside it) they are in the selected item's detail, and
    the titles keep at least half the list."""
    panel = make_panel(qtbot, executor, kari, planned)
    panel.resize(2200, 900)
    qtbot.waitUntil(lambda: panel.tree.width() >= WIDE_LIST)
    assert not panel.tree.isColumnHidden(PlanColumn.OWNER)
    assert not panel.tree.isColumnHidden(PlanColumn.REFERRALS)

    panel.resize(900, 700)
    qtbot.waitUntil(lambda: panel.tree.isColumnHidden(PlanColumn.OWNER))
    assert panel.tree.isColumnHidden(PlanColumn.REFERRALS)
    titles = panel.tree.columnWidth(PlanColumn.ITEM)
    assert titles >= panel.tree.viewport().width() / 2
    # Nothing of the plan's first rows is cut: countdown and buttons fit the panel.
    assert panel.minimumSizeHint().width() <= 900
