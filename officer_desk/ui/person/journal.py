"""The person's journal from their page: their right to read what is recorded about them.

The dialog says what the journal is, offers it in Norwegian or English (the one the person
reads first, from the languages on their record), and prints it through Qt's print dialog or
saves it as a PDF.  Gathering it reads the whole history and audits the export: that runs on
the database worker (``app.journal``), which also builds the document's HTML; only laying it
out on the printer or the PDF happens here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError
from officer_desk.domain.languages import document_language
from officer_desk.ui.dialogs.form import FieldMessage
from officer_desk.ui.fit import fit_to_text, grow_to_fit
from officer_desk.ui.printing import ask_pdf_path, print_with_dialog
from officer_desk.ui.programmes.words import language as screen_language

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.reports.document import Document
    from officer_desk.store.database import Store


def gather_journal(actor: Actor, inmate_id: str, language_code: str) -> Callable[[Store], Document]:
    """The journal as a document, made on the worker (the reads, the audit, the HTML)."""

    def work(store: Store) -> Document:
        from officer_desk.app.journal import journal_for_person
        from officer_desk.reports.journal import journal_document

        return journal_document(journal_for_person(store, actor, inmate_id, language=language_code))

    return work


class JournalDialog(QDialog):
    reported = Signal(str)  # a confirmation for the status bar

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        inmate_id: str,
        name: str,
        prison_number: str,
        languages: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._actor = actor
        self._inmate_id = inmate_id
        self._prison_number = prison_number
        self.setWindowTitle(self.tr("Journal for {name}").format(name=name))

        about = QLabel(
            self.tr(
                "{name} has the right to read what is recorded about them. The journal holds "
                "their details, meals, activities, conversations and notes, in plain words. "
                "Notes marked sensitive are left out, and it says how to ask about them. "
                "Making it is recorded in the audit log."
            ).format(name=name)
        )
        about.setWordWrap(True)
        reads = document_language(languages)
        self.nb = QRadioButton(self.tr("In Norwegian (bokmål)"))
        self.en = QRadioButton(self.tr("In English"))
        choice = QButtonGroup(self)
        for button in (self.nb, self.en):
            choice.addButton(button)
        (self.nb if (reads or screen_language()) == "nb" else self.en).setChecked(True)
        spoken = ", ".join(languages)
        if not spoken:
            hint = self.tr("No language is recorded for {name}.").format(name=name)
        elif reads is None:
            hint = self.tr(
                "{name} speaks {languages}. The journal is written in Norwegian or English "
                "only: an interpreter can read it with them."
            ).format(name=name, languages=spoken)
        else:
            hint = self.tr("{name} speaks {languages}.").format(name=name, languages=spoken)
        self.hint = QLabel(hint)
        self.hint.setObjectName("CardSub")
        self.hint.setWordWrap(True)
        languages_row = QHBoxLayout()
        languages_row.addWidget(QLabel(self.tr("Language:")))
        languages_row.addWidget(self.nb)
        languages_row.addWidget(self.en)
        languages_row.addStretch(1)

        self.working = QLabel()
        self.working.setObjectName("CardSub")
        self.working.hide()
        self.message = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("PrimaryButton")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_on_paper)
        self.save_button.clicked.connect(self._save_asking)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addSpacing(6)
        layout.addLayout(languages_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.working)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        fit_to_text(self)

    @property
    def language_code(self) -> str:
        return "nb" if self.nb.isChecked() else "en"

    # --- gathering on the worker, then printing or saving here ---------------------------------

    def _gather(self, then: Callable[[Document], None]) -> None:
        self.message.clear_message()
        self._busy(True)
        self._executor.submit(
            gather_journal(self._actor(), self._inmate_id, self.language_code),
            lambda document: self._gathered(document, then),
            self._refused,
            owner=self,
        )

    def _busy(self, busy: bool) -> None:
        self.working.setText(self.tr("Gathering the journal…") if busy else "")
        self.working.setVisible(busy)
        for button in (self.print_button, self.save_button, self.nb, self.en):
            button.setEnabled(not busy)

    def _say(self, text: str) -> None:
        self.message.say(text)
        grow_to_fit(self)

    def _gathered(self, document: Document, then: Callable[[Document], None]) -> None:
        self._busy(False)
        try:
            then(document)
        except DeskError as problem:
            self._say(problem.message)
        except OSError as problem:
            self._say(
                self.tr("The journal could not be saved ({error}). Choose another folder.").format(
                    error=problem.strerror or problem
                )
            )

    def _refused(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, DeskError):
            self._say(error.message)
        else:
            self._executor.failed.emit(error)

    @Slot()
    def print_on_paper(self) -> None:
        """Gather the journal, then offer Qt's print dialog for it."""
        self._gather(self._print)

    def _print(self, document: Document) -> None:
        if print_with_dialog(self, document):
            self.reported.emit(self.tr("Journal sent to the printer."))
            self.accept()

    def save_pdf(self, path: Path) -> None:
        """Gather the journal, then write it as a PDF at ``path``."""
        self._gather(lambda document: self._write(document, path))

    def _write(self, document: Document, path: Path) -> None:
        from officer_desk.reports import pdf

        pdf.write_document(document, path)
        self.reported.emit(self.tr("Journal saved to {path}").format(path=path))
        self.accept()

    @Slot()
    def _save_asking(self) -> None:
        suffix = "journal" if self.language_code == "en" else "journal-nb"
        chosen = ask_pdf_path(
            self,
            self.tr("Save the journal as PDF"),
            str(Path.home() / f"{self._prison_number}-{suffix}.pdf"),
        )
        if chosen is not None:
            self.save_pdf(chosen)
