"""Printing through Qt's print dialog: the release plan, the handover and the person's journal
(their right to read their records, from their page, in the language they read).  The print
dialog's ``exec`` is replaced so the test does not block: it points the printer at a PDF file,
as a person choosing "Print to file" would, and says Print (or Cancel)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from desk_helpers import TIMEOUT, on_worker, sign_in
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlmodel import select

from officer_desk.app import handover, notes, profile, release
from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Actor
from officer_desk.store.database import Store
from officer_desk.store.tables import AuditEntry, Officer
from officer_desk.ui.handover.detail import HandoverDetail
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.person.journal import JournalDialog
from officer_desk.ui.release.panel import ReleasePlanPanel

RELEASE_DAY = date.today() + timedelta(days=40)


class PrintDialogs:
    """Stands in for the person at Qt's print dialog: records each dialog offered, sends the
    printer to a PDF file and answers Print, or Cancel when ``cancel`` is set."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.offered: list[str] = []
        self.files: list[Path] = []
        self.cancel = False

    def exec(self, dialog: QPrintDialog) -> int:
        self.offered.append(dialog.windowTitle())
        if self.cancel:
            return QDialog.DialogCode.Rejected
        target = self.folder / f"printed-{len(self.files)}.pdf"
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        self.files.append(target)
        return QDialog.DialogCode.Accepted


@pytest.fixture
def printing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[PrintDialogs]:
    person = PrintDialogs(tmp_path)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: person.exec(dialog))
    yield person


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


@pytest.fixture
def planned(unit_store: Store, kari: Actor, caseload: list[str]) -> str:
    release.create_plan(unit_store, kari, inmate_id=caseload[0], release_date=RELEASE_DAY)
    return caseload[0]


def test_the_release_plan_is_offered_to_the_print_dialog_and_printed_in_either_language(
    qtbot: QtBot, executor: DbExecutor, kari: Actor, planned: str, printing: PrintDialogs
) -> None:
    panel = ReleasePlanPanel(executor, lambda: kari)
    qtbot.addWidget(panel)
    panel.show()  # it reads while it can be seen
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        panel.show_person(planned)
    titles = [a.text() for a in panel.print_button.menu().actions() if a.text()]
    assert titles == [
        "Print in Norwegian (bokmål)…",
        "Print in English…",
        "Save as PDF in Norwegian (bokmål)…",
        "Save as PDF in English…",
    ]
    assert panel.print_on_paper("en")
    assert panel.print_on_paper("nb")
    assert printing.offered == [
        "Print Your release plan – Øystein Ås",
        "Print Løslatelsesplanen din – Øystein Ås",
    ]
    english, norwegian = (pdf_text(path) for path in printing.files)
    assert "Øystein Ås" in english and "Still to do" in english and "Page 1 of" in english
    assert "Dette gjenstår" in norwegian and "Side 1 av" in norwegian

    printing.cancel = True
    assert not panel.print_on_paper("en")
    assert len(printing.files) == 2 and not panel.print_messages.visible_text()


@pytest.fixture
def handed_over(unit_store: Store, kari: Actor, caseload: list[str]) -> str:
    now = datetime.now().astimezone()
    return handover.start_handover(unit_store, kari, now - timedelta(hours=8), now).handover_id


def test_the_handover_is_printed_through_the_print_dialog(
    qtbot: QtBot, window: MainWindow, officer: Officer, handed_over: str, printing: PrintDialogs
) -> None:
    sign_in(qtbot, window, officer)
    page = window.show_handover(handed_over)
    detail: HandoverDetail = page.detail
    qtbot.waitUntil(lambda: detail.view is not None, timeout=TIMEOUT)
    assert [a.text() for a in detail.print_button.menu().actions()] == ["Print…", "Save as PDF…"]
    assert detail.print_on_paper()
    [printed] = printing.files
    text = pdf_text(printed)
    assert "Shift handover" in text and "Øystein Ås" in text and "Page 1 of" in text


def test_the_journal_is_made_from_the_persons_page_in_the_language_they_read(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    caseload: list[str],
    polish_reader: str,
    printing: PrintDialogs,
    executor: DbExecutor,
) -> None:
    sign_in(qtbot, window, officer)
    page = window.desk.person
    with qtbot.waitSignal(page.timeline.page_loaded, timeout=TIMEOUT):
        window.desk.open_person(polish_reader)
    page.journal_button.click()
    [dialog] = [d for d in window.desk.dialogs if isinstance(d, JournalDialog)]
    assert dialog.language_code == "en"  # "polsk, engelsk": English is the one we write in
    assert "polsk" in dialog.hint.text()
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT):
        dialog.print_button.click()  # gathered on the worker, then the print dialog
    [printed] = printing.files
    text = pdf_text(printed)
    assert "Your journal" in text and "Tomasz Nowak" in text
    assert "Wants to become a welder" in text and "Sensitive detail" not in text

    def exports(store: Store) -> list[AuditEntry]:
        with store.reading() as session:
            return list(session.exec(select(AuditEntry).where(AuditEntry.action == "export")))

    assert [e.entity_id for e in on_worker(executor, exports)] == [polish_reader]


def test_the_journal_in_norwegian_saved_as_pdf_and_a_cancelled_print_keeps_the_dialog(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    caseload: list[str],
    printing: PrintDialogs,
    tmp_path: Path,
) -> None:
    sign_in(qtbot, window, officer)
    dialog = window.desk.show_journal(caseload[0])
    assert dialog is not None
    assert dialog.language_code == "en"  # nothing recorded: the screen's language
    assert dialog.hint.text() == "No language is recorded for Øystein Ås."
    dialog.nb.setChecked(True)
    printing.cancel = True
    dialog.print_button.click()
    qtbot.waitUntil(lambda: printing.offered != [], timeout=TIMEOUT)
    assert dialog.isVisible() and printing.files == []
    target = tmp_path / "journal.pdf"
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT):
        dialog.save_pdf(target)
    assert "Journalen din" in pdf_text(target)


@pytest.fixture
def polish_reader(unit_store: Store, kari: Actor, caseload: list[str]) -> str:
    person = caseload[3]  # Tomasz Nowak
    profile.update_profile(
        unit_store, kari, person, profile.ProfileEdit(languages=["polsk", "engelsk"])
    )
    notes.add_note(unit_store, kari, inmate_id=person, kind="general",
                   text="Wants to become a welder")  # fmt: skip
    notes.add_note(unit_store, kari, inmate_id=person, kind="safety", text="Sensitive detail",
                   sensitive=True)  # fmt: skip
    return person
