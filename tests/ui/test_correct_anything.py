"""Correcting on screen (issue 17 items 9, 11, 12): Correct…/Void… on every kind of timeline
entry, Undo for a few seconds after Done, Enrol and Reassign, screens that follow what the
admin command line and a sync wrote, and the smaller things: messages that go once the
input is fixed, Ctrl+Enter, a supervisor's role word."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

import pytest
from desk_helpers import TIMEOUT, on_worker, sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import select

from officer_desk.app import conversations, logbook, notes, people
from officer_desk.app.change import Change
from officer_desk.app.conversations import ConversationEntry, FollowUpEntry
from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import ActivityCategory
from officer_desk.store.database import Store, open_store
from officer_desk.store.queries import TimelineItem
from officer_desk.store.tables import Assignment, Enrolment, FollowUp, Officer, OutboxEntry
from officer_desk.ui.dialogs.correct import CorrectEntryDialog
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.outside_changes import OutsideChanges
from officer_desk.ui.person.page import PersonPage
from officer_desk.ui.programmes.panel import ProgrammesPanel
from officer_desk.ui.sync.state import PulledChange
from officer_desk.ui.undo_notice import UndoNotice

TODAY = date.today()
T = TypeVar("T")


def _now() -> datetime:
    return datetime.now(UTC)


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


@pytest.fixture
def entries(unit_store: Store, kari: Actor, caseload: list[str]) -> str:
    """One entry of each kind for the first person (newest: the note)."""
    who = caseload[0]
    logbook.log_meal(
        unit_store, kari, day=TODAY, meal="breakfast", entries=[logbook.MealEntry(who)]
    )
    logbook.log_activity(
        unit_store,
        kari,
        inmate_ids=[who],
        activity=logbook.ActivityEntry(ActivityCategory.GYM, _now() - timedelta(hours=3), 45),
    )
    conversations.log_conversation(
        unit_store, kari, ConversationEntry(who, _now() - timedelta(hours=2), 20, 3, note="ok")
    )
    notes.add_note(unit_store, kari, inmate_id=who, kind="general", text="A first note.")
    return who


def open_person(qtbot: QtBot, window: MainWindow, person: str) -> PersonPage:
    page = window.desk.person
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        window.desk.open_person(person)
    return page


def select_kind(page: PersonPage, kind: str) -> TimelineItem:
    for row in range(page.timeline.rowCount()):
        if page.timeline.item(row).kind == kind:
            page.table.selectRow(row)
            return page.timeline.item(row)
    raise AssertionError(f"no {kind} in the timeline")


def kinds(page: PersonPage) -> list[str]:
    return [page.timeline.item(row).kind for row in range(page.timeline.rowCount())]


def outbox(executor: DbExecutor) -> int:
    def work(store: Store) -> int:
        with store.reading() as session:
            return len(session.exec(select(OutboxEntry.seq)).all())

    return on_worker(executor, work)


@pytest.mark.parametrize("kind", ["meal", "activity", "conversation"])
def test_an_entry_is_corrected_from_the_timeline_with_a_reason(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    entries: str,
    executor: DbExecutor,
    kind: str,
) -> None:
    sign_in(qtbot, window, officer)
    page = open_person(qtbot, window, entries)
    select_kind(page, kind)
    assert page.correct_button.isVisible() and page.void_button.isVisible()
    assert not page.amend_button.isVisible()
    page.correct_button.click()
    dialog = window.desk.dialogs[-1]
    assert isinstance(dialog, CorrectEntryDialog) and not dialog.void
    note = dialog.fields["note"]
    note.setPlainText("Corrected on screen")  # type: ignore[attr-defined]
    before = outbox(executor)
    dialog.save()  # no reason yet: asked for, nothing written
    assert dialog.messages["reason"].isVisible() and outbox(executor) == before
    dialog.reason.setCurrentText("Typed in a hurry")
    assert not dialog.messages["reason"].isVisible()  # gone once the reason is given
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        dialog.save()
    assert outbox(executor) == before + 1
    corrected = [
        page.timeline.item(r) for r in range(page.timeline.rowCount())
        if page.timeline.item(r).kind == kind
    ]  # fmt: skip
    assert [c.text for c in corrected] == ["Corrected on screen"]  # one entry, corrected
    assert "Correction saved" in window.statusBar().currentMessage()


@pytest.mark.parametrize("kind", ["meal", "activity", "conversation", "note"])
def test_an_entry_is_voided_from_the_timeline_with_a_reason(
    qtbot: QtBot, window: MainWindow, officer: Officer, entries: str, kind: str
) -> None:
    sign_in(qtbot, window, officer)
    page = open_person(qtbot, window, entries)
    select_kind(page, kind)
    page.void_button.click()
    dialog = window.desk.dialogs[-1]
    assert isinstance(dialog, CorrectEntryDialog) and dialog.void and not dialog.fields
    dialog.reason.setCurrentText("Wrong person")
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter saves
    assert kind not in kinds(page) and len(kinds(page)) == 3


def test_ctrl_enter_saves_from_a_multi_line_text(
    qtbot: QtBot, window: MainWindow, officer: Officer, entries: str
) -> None:
    sign_in(qtbot, window, officer)
    page = open_person(qtbot, window, entries)
    select_kind(page, "activity")
    page.correct_button.click()
    dialog = window.desk.dialogs[-1]
    assert isinstance(dialog, CorrectEntryDialog)
    dialog.reason.setCurrentText("Wrong length")
    note = dialog.fields["note"]
    note.setPlainText("Left after 20 minutes")  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT):
        qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == "Left after 20 minutes"  # type: ignore[attr-defined]


@pytest.fixture
def follow_up(unit_store: Store, kari: Actor, caseload: list[str]) -> None:
    conversations.log_conversation(
        unit_store,
        kari,
        ConversationEntry(
            caseload[0], _now(), 20, 3, follow_ups=(FollowUpEntry("Call the school", TODAY),)
        ),
    )


def test_done_can_be_undone_for_a_few_seconds(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    follow_up: None,
    caseload: list[str],
    executor: DbExecutor,
) -> None:
    sign_in(qtbot, window, officer)
    notice = window.undo_notice
    assert not notice.isVisible()  # nothing to undo yet: no Undo offered
    card = window.desk.home.card_for(caseload[0])
    assert card is not None
    done = card.follow_ups.itemAt(1).widget()
    qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(notice.isVisible, timeout=TIMEOUT)
    assert "Call the school" in notice.text.text()
    with qtbot.waitSignal(window.desk.model.loaded, timeout=TIMEOUT):
        notice.button.click()
    assert not notice.isVisible()

    def stored(store: Store) -> FollowUp:
        with store.reading() as session:
            return session.exec(select(FollowUp)).one()

    assert on_worker(executor, stored).done_at is None

    def shown_again() -> bool:
        card = window.desk.home.card_for(caseload[0])
        return card is not None and not card.follow_ups_box.isHidden()

    qtbot.waitUntil(shown_again, timeout=TIMEOUT)
    assert "open again" in window.statusBar().currentMessage()


def test_the_undo_is_withdrawn_after_its_time_and_at_sign_out(
    qtbot: QtBot, executor: DbExecutor
) -> None:
    from officer_desk.ui.undo_notice import UndoOffer

    notice = UndoNotice(executor)
    qtbot.addWidget(notice)
    notice.offer(UndoOffer("Done", lambda store: None, "Undone"))
    assert notice.isVisible() or notice.offered is not None
    notice._timer.timeout.emit()  # the ten seconds are up
    assert notice.offered is None and not notice.isVisible()
    notice.undo()  # nothing offered: nothing runs
    assert not executor.busy


def test_enrol_can_be_undone(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, caseload: list[str]
) -> None:
    panel = ProgrammesPanel(executor, lambda: kari)
    qtbot.addWidget(panel)
    panel.show()
    notice = UndoNotice(executor)
    qtbot.addWidget(notice)
    panel.undo_offered.connect(notice.offer)
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        panel.show_person(caseload[0])
    panel.enrol_combo.setCurrentIndex(panel.enrol_combo.findText("Woodwork (WOOD)"))
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        panel.enrol_button.click()
    assert panel.model.rowCount() == 1 and notice.offered is not None
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        notice.button.click()
    assert panel.model.rowCount() == 0
    assert panel.enrol_combo.findText("Woodwork (WOOD)") >= 0  # may be chosen again

    def enrolment(store: Store) -> Enrolment:
        with store.reading() as session:
            return session.exec(select(Enrolment)).one()

    assert on_worker(executor, enrolment).deleted_at is not None  # kept, as undone


@pytest.fixture
def boss(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="siri", display_name="Siri Holm", role="supervisor"
    )


@pytest.fixture
def ola(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="ola", display_name="Ola Bø", role="officer"
    )


def elsewhere(work: Callable[[], T]) -> T:
    """``work`` on a thread of its own: another process on the same store file (the admin
    command line, the sync thread), never the GUI thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result(timeout=TIMEOUT / 1000)


def test_reassign_can_be_undone(
    qtbot: QtBot,
    window: MainWindow,
    boss: Officer,
    ola: Officer,
    officer: Officer,
    caseload: list[str],
    executor: DbExecutor,
) -> None:
    sign_in(qtbot, window, boss)
    screens = window.supervision
    with qtbot.waitSignal(screens.show_overview().loaded, timeout=TIMEOUT):
        pass
    dialog = screens.reassign(caseload[:1])
    dialog.officer.setCurrentIndex(dialog.officer.findData(ola.id))
    dialog.reason.setCurrentIndex(dialog.reason.findData("workload"))
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save()
    notice = window.undo_notice
    assert notice.offered is not None and "reassigned" in notice.text.text()

    def holders(store: Store) -> list[str]:
        with store.reading() as session:
            return list(
                session.exec(
                    select(Assignment.officer_id).where(
                        Assignment.inmate_id == caseload[0],
                        Assignment.end_date == None,  # noqa: E711
                        Assignment.deleted_at == None,  # noqa: E711
                    )
                ).all()
            )

    assert on_worker(executor, holders) == [ola.id]
    notice.button.click()
    qtbot.waitUntil(lambda: "undone" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    assert on_worker(executor, holders) == [officer.id]


def test_what_the_command_line_writes_beside_the_desk_shows_at_once(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    unit_store: Store,
    caseload: list[str],
) -> None:
    sign_in(qtbot, window, officer)
    outside: OutsideChanges = window.outside_changes
    qtbot.waitUntil(lambda: outside.watching, timeout=TIMEOUT)
    assert len(window.desk.home.cards) == 6

    def roster_import() -> None:  # another process on the same file: the command line
        other = open_store(unit_store.path, key=unit_store.key)
        try:
            system = Actor.system("roster import")
            details = [people.InmateDetails(prison_number="H-9001", full_name="Sindre Vik")]
            added = people.add_inmates(other, system, details, today=TODAY)
            people.assign(other, system, officer_id=officer.id, inmate_id=added.ids[0], start=TODAY)
        finally:
            other.close()

    elsewhere(roster_import)
    with qtbot.waitSignal(window.desk.model.loaded, timeout=TIMEOUT):
        outside.poll()  # what the timer does every few seconds
    assert len(window.desk.home.cards) == 7
    assert window.people_label.text() == "7 people"


def test_the_desk_s_own_saves_are_not_announced_twice(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    sign_in(qtbot, window, officer)
    outside: OutsideChanges = window.outside_changes
    qtbot.waitUntil(lambda: outside.watching, timeout=TIMEOUT)
    announced: list[object] = []
    window._executor.changed.connect(announced.append)
    dialog = window.desk.write_note("general", caseload[0])
    assert dialog is not None
    dialog.text.setPlainText("Said hello.")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save()
    outside.poll()
    qtbot.waitUntil(lambda: not outside._asking, timeout=TIMEOUT)
    assert len(announced) == 1  # the save itself; the poll found nothing of anyone else's


def test_a_pulled_change_refreshes_home_and_the_person_page(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    unit_store: Store,
    kari: Actor,
    caseload: list[str],
) -> None:
    sign_in(qtbot, window, officer)
    page = open_person(qtbot, window, caseload[0])
    before = page.timeline.rowCount()

    def pull() -> Change:  # what the sync thread's pull wrote (its own connection)
        other = open_store(unit_store.path, key=unit_store.key)
        try:
            return notes.add_note(other, kari, inmate_id=caseload[0], kind="general", text="Pulled")
        finally:
            other.close()

    change = elsewhere(pull)
    pulled = PulledChange()
    for row_id in change.ids:
        pulled.add("case_note", row_id, caseload[0])
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        window._executor.changed.emit(pulled)
    assert page.timeline.rowCount() == before + 1


def test_the_accounts_page_names_a_supervisor_s_role(
    qtbot: QtBot, window: MainWindow, boss: Officer
) -> None:
    from officer_desk.ui.admin_pages import AdminPage
    from officer_desk.ui.desk_session import DeskSession

    session = DeskSession()
    from desk_helpers import signed_in

    session.sign_in(signed_in(boss))
    page = AdminPage(window._executor, session)
    qtbot.addWidget(page)
    page.show_tab(page.accounts)
    assert page.subtitle.text() == "Signed in as Siri Holm (supervisor)."
    qtbot.waitUntil(lambda: not window._executor.busy, timeout=TIMEOUT)
