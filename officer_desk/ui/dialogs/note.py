"""Case notes: strengths as easy to record as concerns; amendments appended, never overwritten."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app import notes
from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.app.reads.notes import read_revisions
from officer_desk.app.work import call
from officer_desk.domain.enums import NoteKind
from officer_desk.store.rows import CaseloadRow
from officer_desk.ui import vocabulary
from officer_desk.ui.dialogs.form import FormDialog

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store
    from officer_desk.store.queries import NoteRevision

KINDS = (NoteKind.POSITIVE, NoteKind.GENERAL, NoteKind.CONCERN, NoteKind.SAFETY)


class NoteDialog(FormDialog):
    """A new note (``note_id`` None) or an amendment of an existing one."""

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        people: Sequence[CaseloadRow],
        person: str | None = None,
        kind: str = NoteKind.GENERAL,
        note_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self.note_id = note_id
        amending = note_id is not None

        self.person = QComboBox()
        for row in people:
            self.person.addItem(row.label.long, row.inmate_id)
        if person is not None:
            at = self.person.findData(person)
            if at >= 0:
                self.person.setCurrentIndex(at)
        self.person.setEnabled(not amending)

        self.kind_group = QButtonGroup(self)
        kinds = QHBoxLayout()
        kinds.setSpacing(0)
        words = vocabulary.note_kinds()
        for number, value in enumerate(KINDS):
            button = QPushButton(words[value])
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setObjectName("Segment")
            button.setProperty("kind", str(value))
            button.setProperty(
                "position", "first" if number == 0 else "last" if number == 3 else "middle"
            )
            self.kind_group.addButton(button, number)
            kinds.addWidget(button)
        kinds.addStretch(1)
        self.set_kind(kind)
        self.kind_group.idToggled.connect(self._kind_changed)

        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(140)
        self.sensitive = QCheckBox(self.tr("Sensitive (health, family or security details)"))
        self.history = QLabel()
        self.history.setObjectName("NoteHistory")
        self.history.setWordWrap(True)
        self.history.hide()

        form = QFormLayout()
        form.addRow(self.tr("Person"), self.person)
        form.addRow(self.field_message("person"))
        if not amending:
            form.addRow(self.tr("Kind"), kinds)
            form.addRow(self.field_message("kind"))
        form.addRow(self.history)
        form.addRow(self.tr("Amended text") if amending else self.tr("Note"), self.text)
        form.addRow(self.field_message("text"))
        if not amending:
            form.addRow("", self.sensitive)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(640)
        self._kind_changed()
        if amending:
            self.setWindowTitle(self.tr("Amend a note"))
            self.save_button.setText(self.tr("Save amendment"))
            assert note_id is not None
            executor.submit(read_revisions(note_id), self._show_history, owner=self)
        self.text.setFocus()

    def set_kind(self, kind: str) -> None:
        self.kind_group.button(KINDS.index(NoteKind(kind))).setChecked(True)

    def kind(self) -> str:
        return str(KINDS[max(self.kind_group.checkedId(), 0)])

    def _kind_changed(self) -> None:
        if self.note_id is not None:
            return
        if self.kind() == NoteKind.POSITIVE:
            self.setWindowTitle(self.tr("Strength or progress"))
            self.text.setPlaceholderText(
                self.tr("What went well: effort, progress, a good choice, help to others…")
            )
        else:
            self.setWindowTitle(self.tr("Case note"))
            self.text.setPlaceholderText(self.tr("What happened, and what you did"))

    def _show_history(self, revisions: list[NoteRevision]) -> None:
        self.revisions = revisions
        lines = [
            self.tr("<b>Revision {n}</b> — {author}, {when}<br>{text}").format(
                n=r.number,
                author=_escape(r.author),
                when=vocabulary.day_and_time(r.written_at),
                text=_escape(r.text).replace("\n", "<br>"),
            )
            for r in revisions
        ]
        self.history.setText("<br><br>".join(lines))
        self.history.show()
        if revisions and not self.text.toPlainText():
            self.text.setPlainText(revisions[-1].text)

    def check(self) -> list[tuple[str | None, str]]:
        problems: list[tuple[str | None, str]] = []
        if self.person.currentData() is None:
            problems.append(("person", self.tr("Choose the person the note is about.")))
        if not self.text.toPlainText().strip():
            problems.append(("text", self.tr("Write the note first.")))
        return problems

    def work(self) -> Callable[[Store], Change]:
        if self.note_id is not None:
            return call(
                notes.amend_note, self._actor(), note_id=self.note_id, text=self.text.toPlainText()
            )
        return call(
            notes.add_note,
            self._actor(),
            inmate_id=self.person.currentData(),
            kind=self.kind(),
            text=self.text.toPlainText(),
            sensitive=self.sensitive.isChecked(),
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
