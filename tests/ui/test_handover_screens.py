"""The handover screens: the outgoing officer drafts, edits and hands over from Unit → Shift
handover; the incoming officer sees the banner, reads back, acknowledges and signs; refusals
show the service's message and keep what was typed."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from desk_helpers import TIMEOUT, on_worker, sign_in
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from officer_desk.app import people
from officer_desk.app.writes import Actor
from officer_desk.store import handover as reads
from officer_desk.store.database import Store
from officer_desk.store.tables import Officer
from officer_desk.ui import i18n
from officer_desk.ui.handover.page import HandoverPage
from officer_desk.ui.main_window import MainWindow

OLA_PASSWORD = "lange netter med snø"


@pytest.fixture(autouse=True)
def passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stores here are not encrypted (no key slots): the password check is stood in for
    by one that knows Ola's password (the real check: tests/unit/app/test_corrections.py)."""
    from officer_desk.app import accounts
    from officer_desk.store.keyslots import WrongPassword

    def verify(_store: Store, _username: str, password: str, *, action: str) -> None:
        if password != OLA_PASSWORD:
            raise WrongPassword(3)

    monkeypatch.setattr(accounts, "verify_at_desk", verify)


@pytest.fixture
def ola(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="ola", display_name="Ola Bø", role="officer"
    )


def open_page(qtbot: QtBot, window: MainWindow) -> HandoverPage:
    assert window.handover_action.isEnabled()
    window.handover_action.trigger()
    page = window._handover_page
    assert page is not None and window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: not window._executor.busy, timeout=TIMEOUT)
    return page


def act(qtbot: QtBot, page: HandoverPage, click: object) -> None:
    """Click, and wait until the write is saved and the handover read back (the worker is
    idle once the write, the list and the handover have been read)."""
    click.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not page._executor.busy, timeout=TIMEOUT)
    assert not page.detail.busy


def stored(window: MainWindow, handover_id: str) -> reads.HandoverView:
    def work(store: Store) -> reads.HandoverView | None:
        with store.raw() as conn:
            return reads.handover_view(conn, handover_id)

    view = on_worker(window._executor, work)
    assert view is not None
    return view


def test_outgoing_drafts_edits_and_hands_over_then_incoming_reads_back_and_signs(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    ola: Officer,
    caseload: list[str],
    tmp_path: Path,
) -> None:
    sign_in(qtbot, window, officer)
    assert not window.handover_banner.isVisible()
    page = open_page(qtbot, window)
    detail = page.detail
    now = datetime.now()
    page.shift_from.setDateTime(QDateTime(now - timedelta(hours=8)))
    page.shift_to.setDateTime(QDateTime(now))
    act(qtbot, page, page.start_button)
    assert detail.view is not None and detail.people.count() == 6
    assert detail.can_edit() and detail.hand_over_button.isVisible()
    assert not detail.sign_button.isVisible()  # the author never signs
    hid = detail.view.id

    # edit the first person
    first = detail.entry()
    assert first is not None and detail.draft.text().endswith(i18n.render(first.draft))
    detail.text.setPlainText("Calm evening; phoned his mother.")
    detail.entry_status.setCurrentIndex(detail.entry_status.findData("watch"))
    act(qtbot, page, detail.save_entry)
    assert stored(window, hid).entries[0].text == "Calm evening; phoned his mother."

    # an action without text is refused with the service's words, nothing else changes
    detail.action_owner.setCurrentIndex(detail.action_owner.findData(ola.id))
    detail.add_action_button.click()
    qtbot.waitUntil(lambda: detail.problem.isVisible(), timeout=TIMEOUT)
    assert "The action is required" in detail.problem.text()
    detail.action_text.setText("Ring the nurse at eight")
    detail.action_has_due.setChecked(True)
    detail.action_due.setDateTime(QDateTime(now + timedelta(hours=2)))
    act(qtbot, page, detail.add_action_button)
    assert not detail.problem.isVisible() and detail.actions_list.count() == 1
    assert detail.action_text.text() == ""
    detail.item_kind.setCurrentIndex(detail.item_kind.findData("count"))
    detail.item_text.setText("42 present at 21:00")
    act(qtbot, page, detail.add_item_button)
    detail.cont_if.setText("he refuses dinner")
    detail.cont_then.setText("call the nurse")
    act(qtbot, page, detail.add_cont_button)
    assert (detail.items_list.count(), detail.cont_list.count()) == (1, 1)
    detail.incoming.setCurrentIndex(detail.incoming.findData(ola.id))
    act(qtbot, page, detail.hand_over_button)
    assert stored(window, hid).status == "handed_over"
    assert not detail.can_edit() and detail.text.isReadOnly()

    pdf = tmp_path / "h.pdf"
    assert detail.print_pdf(pdf, "en") and pdf.stat().st_size > 1000

    # Ola signs in: the banner says a handover waits, and opens it
    sign_in(qtbot, window, ola)
    qtbot.waitUntil(lambda: window.handover_banner.isVisible(), timeout=TIMEOUT)
    assert "6 people not acknowledged" in window.handover_banner.text.text()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        window.handover_banner.open_button.click()
    assert window.pages.currentWidget() is page and detail.view is not None
    assert detail.view.id == hid and detail.can_read_back()
    assert detail.ack_button.isVisible() and not detail.hand_over_button.isVisible()

    # signing asks for the password and says what is signed; too early is refused with why
    detail.sign_button.click()
    dialog = detail.sign_dialog
    assert dialog is not None and dialog.isVisible()
    assert "6 people (0 acknowledged)" in dialog.intro.text()
    assert "Kari Nordmann" in dialog.intro.text()
    dialog.password.setText(OLA_PASSWORD)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=TIMEOUT)
    assert "6 of 6 people are not acknowledged yet" in dialog.error.text()
    assert dialog.password.text() == ""  # never left on screen
    dialog.reject()

    # read-back: an empty question is refused; a real one is stored
    detail.people.setCurrentRow(0)
    detail.ask_button.click()
    qtbot.waitUntil(lambda: "question is required" in detail.problem.text(), timeout=TIMEOUT)
    detail.ask_text.setText("Did he eat?")
    act(qtbot, page, detail.ask_button)
    assert not detail.ask_button.isEnabled()  # one question per person
    detail.ack_button.click()
    qtbot.waitUntil(lambda: "no answer yet" in detail.problem.text(), timeout=TIMEOUT)

    # Kari answers (on the worker, as if from her desk) and Ola acknowledges everyone
    asked = detail.entry()
    assert asked is not None

    def answer(store: Store) -> object:
        from officer_desk.app import handover

        return handover.answer_question(
            store, Actor(officer.id, officer.display_name), asked.id, "Some bread."
        )

    window._executor.submit(answer)
    qtbot.waitUntil(lambda: not window._executor.busy, timeout=TIMEOUT)
    for row in range(detail.people.count()):
        detail.people.setCurrentRow(row)
        act(qtbot, page, detail.ack_button)
    detail.people.setCurrentRow(0)
    assert "Answer from Kari Nordmann: Some bread." in detail.readback.text()
    detail.sign_button.click()
    dialog = detail.sign_dialog
    assert dialog is not None
    dialog.password.setText("not my password")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=TIMEOUT)
    assert "password is not right" in dialog.error.text()
    assert stored(window, hid).status == "handed_over"  # a wrong password signs nothing
    qtbot.keyClicks(dialog.password, OLA_PASSWORD)
    assert not dialog.error.isVisible()  # the refusal goes once the input is changed
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter signs
    qtbot.waitUntil(lambda: not page._executor.busy, timeout=TIMEOUT)
    signed = stored(window, hid)
    assert signed.status == "signed" and signed.signed_by == "Ola Bø"
    qtbot.waitUntil(lambda: not window.handover_banner.isVisible(), timeout=TIMEOUT)
    assert not detail.sign_button.isVisible()
    window.desk_actions.home.trigger()
    assert window.pages.currentWidget() is window.desk


def test_search_narrows_the_list_and_past_handovers_stay_findable(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], unit_store: Store
) -> None:
    sign_in(qtbot, window, officer)
    page = open_page(qtbot, window)
    act(qtbot, page, page.start_button)
    assert page.list.count() == 1 and not page.empty.isVisible()
    page.search_text.setText("nothing matches this")
    page.search_button.click()
    qtbot.waitUntil(lambda: page.list.count() == 0, timeout=TIMEOUT)
    assert page.empty.isVisible()
    page.search_text.setText("Øystein")  # a person's name
    page.search_button.click()
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=TIMEOUT)
    assert not page.empty.isVisible()
    # a second draft is refused with the service's message
    page.start_button.click()
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=TIMEOUT)
    assert "already have a handover in draft" in page.message.text()


def test_a_draft_and_a_refusal_read_in_the_desks_language(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], unit_store: Store
) -> None:
    """Drafted at an English desk, read at a Norwegian one: the draft is stored as phrases
    and rendered for the reader; a service's refusal (a key with values) reads Norwegian."""
    from officer_desk.domain import wording

    sign_in(qtbot, window, officer)
    page = open_page(qtbot, window)
    act(qtbot, page, page.start_button)  # drafted in English
    hid = page.detail.view.id if page.detail.view else ""
    entry = stored(window, hid).entries[0]
    assert wording.loads(entry.draft) is not None and entry.text == entry.draft
    i18n.install(language=i18n.BOKMAL)
    try:
        page.open_handover(hid)
        qtbot.waitUntil(lambda: not window._executor.busy, timeout=TIMEOUT)
        page.detail.people.setCurrentRow(0)
        shown = page.detail.draft.text() + "\n" + page.detail.text.toPlainText()
        assert "Ingenting loggført denne vakten." in shown or "Måltider:" in shown, shown
        for english in ("Nothing logged", "Meals:", "Activities:", "conversation", "overdue"):
            assert english not in shown
        # Saving only the status keeps the draft's phrases (no text frozen in Norwegian).
        act(qtbot, page, page.detail.save_entry)
        assert stored(window, hid).entries[0].text == entry.text
        # A refusal from the service: a key with its values, shown in Norwegian.
        page.start_button.click()
        qtbot.waitUntil(lambda: page.message.isVisible(), timeout=TIMEOUT)
        assert "Du har allerede en overlevering som utkast" in page.message.text()
        assert "already have" not in page.message.text()
    finally:
        i18n.install(language=i18n.ENGLISH)
