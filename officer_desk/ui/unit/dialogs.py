"""Reassignment and cover dialogs (supervisors), saving through the use cases on the worker.

Reassigning shows what the officer's caseload becomes while the supervisor chooses; above
six the first Save is answered with the warning and the button turns into "Reassign anyway"
(nothing is saved until then).  Cover lists the covers running or planned, each of which can
be ended early; a cover ends by itself on its end date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError
from officer_desk.ui import vocabulary
from officer_desk.ui.dialogs.form import FormDialog
from officer_desk.ui.i18n import by_name

if TYPE_CHECKING:
    from officer_desk.app.cover import CoverRow
    from officer_desk.app.people import ReassignPreview
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store


@dataclass(frozen=True)
class Choice:
    id: str
    name: str


REASONS = ("workload", "relationship", "release", "transfer", "other")


def date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(vocabulary.date_input_format())
    edit.setAccessibleName(name)
    return edit


def day_of(edit: QDateEdit) -> date:
    value: date = edit.date().toPython()  # type: ignore[assignment]
    return value


def officer_combo(officers: Sequence[Choice], name: str, chosen: str | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for officer in by_name(officers, lambda o: o.name):
        combo.addItem(officer.name, officer.id)
    if chosen:
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
    return combo


class ReassignDialog(FormDialog):
    def __init__(
        self,
        executor: DbExecutor,
        actor: Actor,
        today: date,
        people: Sequence[Choice],
        officers: Sequence[Choice],
        selected: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self._today = today
        self.confirmed = False
        self.setWindowTitle(self.tr("Reassign people"))
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("People to move"))
        for person in by_name(people, lambda p: p.name):
            item = QListWidgetItem(person.name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if person.id in selected else Qt.CheckState.Unchecked
            )
            self.people.addItem(item)
        self.people.setMinimumHeight(120)
        self.people.setMaximumHeight(220)
        self.officer = officer_combo(officers, self.tr("Move to officer"))
        self.reason = QComboBox()
        self.reason.setAccessibleName(self.tr("Reason"))
        words = {
            "workload": self.tr("Workload"),
            "relationship": self.tr("Relationship"),
            "release": self.tr("Release"),
            "transfer": self.tr("Transfer"),
            "other": self.tr("Other (say why in the note)"),
        }
        for reason in REASONS:
            self.reason.addItem(words[reason], reason)
        self.start = date_edit(today, self.tr("From"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setMaxLength(200)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(self.tr("Caseload after the move"))

        form = QFormLayout()
        form.addRow(self.tr("&People"), self.people)
        form.addRow("", self.field_message("people"))
        form.addRow(self.tr("&To officer"), self.officer)
        form.addRow("", self.field_message("officer"))
        form.addRow("", self.preview)
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow("", self.field_message("reason"))
        form.addRow(self.tr("&From"), self.start)
        form.addRow("", self.field_message("start"))
        form.addRow(self.tr("&Note"), self.note)
        form.addRow("", self.field_message("note"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.save_button.setText(self.tr("Reassign"))
        self.resize(520, 440)

        self.people.itemChanged.connect(self._choice_changed)
        self.officer.currentIndexChanged.connect(self._choice_changed)
        self.start.dateChanged.connect(self._choice_changed)
        self._choice_changed()

    def chosen_people(self) -> list[str]:
        out = []
        for n in range(self.people.count()):
            item = self.people.item(n)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    @Slot()
    def _choice_changed(self) -> None:
        if self.confirmed:  # a new choice needs a new confirmation
            self.confirmed = False
            self.save_button.setText(self.tr("Reassign"))
        people, officer_id, start = self.chosen_people(), self.officer.currentData(), self.start
        if not people or officer_id is None:
            self.preview.setText("")
            return
        day = day_of(start)

        def work(store: Store) -> ReassignPreview:
            from officer_desk.app.people import preview_reassign

            with store.reading() as session:
                return preview_reassign(
                    session, officer_id=officer_id, inmate_ids=people, start=day
                )

        self._executor.submit(work, self._show_preview, self._preview_failed, owner=self)

    def _show_preview(self, preview: ReassignPreview) -> None:
        text = self.tr("{name} has {now} people now, {after} after the move.").format(
            name=preview.officer_name, now=preview.caseload_now, after=preview.caseload_after
        )
        if preview.warning:
            text += " " + self.tr("That is more than six: you will be asked to confirm.")
        self.preview.setText(text)

    def _preview_failed(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            self.preview.setText(error.message)
        else:
            self._executor.failed.emit(error)

    def check(self) -> list[tuple[str | None, str]]:
        problems: list[tuple[str | None, str]] = []
        if not self.chosen_people():
            problems.append(("people", self.tr("Tick at least one person to move.")))
        if self.officer.currentData() is None:
            problems.append(("officer", self.tr("Choose the officer the people move to.")))
        if self.reason.currentData() == "other" and not self.note.text().strip():
            problems.append(("note", self.tr("Say in the note why the people move.")))
        return problems

    def work(self) -> Callable[[Store], Any]:
        actor, people = self._actor, self.chosen_people()
        officer_id, reason = self.officer.currentData(), self.reason.currentData()
        start, note, confirmed = day_of(self.start), self.note.text(), self.confirmed

        def save(store: Store) -> Any:
            from officer_desk.app.people import reassign

            return reassign(
                store,
                actor,
                officer_id=officer_id,
                inmate_ids=people,
                start=start,
                reason=reason,
                note=note,
                over_capacity_ok=confirmed,
            ).change

        return save

    def _failed(self, error: BaseException) -> None:
        from officer_desk.app.people import OverCapacity

        if isinstance(error, OverCapacity):
            self.saving = False
            self.save_button.setEnabled(True)
            self.confirmed = True
            self.save_button.setText(self.tr("Reassign anyway"))
            self.show_problem("officer", error.warning)
            return
        super()._failed(error)


class CoverDialog(FormDialog):
    def __init__(
        self,
        executor: DbExecutor,
        actor: Actor,
        today: date,
        officers: Sequence[Choice],
        absent: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self._today = today
        self.setWindowTitle(self.tr("Arrange cover"))
        self.absent = officer_combo(officers, self.tr("Officer on leave"), absent)
        self.cover = officer_combo(officers, self.tr("Covered by"))
        if self.cover.currentData() == self.absent.currentData() and self.cover.count() > 1:
            self.cover.setCurrentIndex(1 if self.absent.currentIndex() == 0 else 0)
        self.start = date_edit(today, self.tr("Cover starts"))
        self.end = date_edit(today + timedelta(days=14), self.tr("Back on"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setMaxLength(200)
        explain = QLabel(
            self.tr(
                "The people return to their contact officer by themselves on the day they are "
                "back; nobody has to do anything then."
            )
        )
        explain.setWordWrap(True)
        self.running = QListWidget()
        self.running.setAccessibleName(self.tr("Covers running or planned"))
        self.running.setMaximumHeight(110)
        self.end_early = QPushButton(self.tr("&End the chosen cover today"))
        self.end_early.setAccessibleName(self.tr("End the chosen cover today"))
        self.end_early.setEnabled(False)
        self.end_early.clicked.connect(self._end_early)
        self.running.currentRowChanged.connect(lambda row: self.end_early.setEnabled(row >= 0))

        form = QFormLayout()
        form.addRow(self.tr("&Officer on leave"), self.absent)
        form.addRow("", self.field_message("absent_officer"))
        form.addRow(self.tr("&Covered by"), self.cover)
        form.addRow("", self.field_message("cover_officer"))
        form.addRow(self.tr("&Starts"), self.start)
        form.addRow("", self.field_message("start"))
        form.addRow(self.tr("&Back on"), self.end)
        form.addRow("", self.field_message("end"))
        form.addRow(self.tr("&Note"), self.note)
        form.addRow("", self.field_message("note"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        running_title = QLabel(self.tr("Covers running or planned"))
        running_title.setObjectName("SectionTitle")
        layout.addWidget(running_title)
        layout.addWidget(self.running)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.end_early)
        layout.addLayout(row)
        self.finish_layout(layout)
        self.save_button.setText(self.tr("Arrange cover"))
        self.resize(520, 420)
        self.covers: list[CoverRow] = []
        self.load_covers()

    def load_covers(self) -> None:
        today = self._today

        def work(store: Store) -> list[CoverRow]:
            from officer_desk.app.cover import covers_from

            with store.reading() as session:
                return covers_from(session, today)

        self._executor.submit(work, self._show_covers, owner=self)

    def _show_covers(self, covers: list[CoverRow]) -> None:
        self.covers = covers
        self.running.clear()
        for c in covers:
            self.running.addItem(
                self.tr("{cover} covers {absent} ({n} people), {start} until back on {end}").format(
                    cover=c.cover_name,
                    absent=c.absent_name,
                    n=c.people,
                    start=vocabulary.short_date(c.start),
                    end=vocabulary.short_date(c.end),
                )
            )
        if not covers:
            self.running.addItem(self.tr("No cover is running or planned."))
            self.running.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    @Slot()
    def _end_early(self) -> None:
        row = self.running.currentRow()
        if not 0 <= row < len(self.covers):
            return
        chosen, actor, today = self.covers[row], self._actor, self._today
        on = max(today, chosen.start)

        def work(store: Store) -> Any:
            from officer_desk.app.cover import end_cover

            return end_cover(
                store,
                actor,
                cover_officer_id=chosen.cover_officer_id,
                absent_officer_id=chosen.absent_officer_id,
                on=on,
            )

        self._executor.submit(work, lambda _change: self.load_covers(), self._failed, owner=self)

    def check(self) -> list[tuple[str | None, str]]:
        problems: list[tuple[str | None, str]] = []
        if self.absent.currentData() is None or self.cover.currentData() is None:
            problems.append(("absent_officer", self.tr("Choose two officers of the unit.")))
        elif self.absent.currentData() == self.cover.currentData():
            problems.append(("cover_officer", self.tr("An officer cannot cover for themselves.")))
        if day_of(self.start) < self._today:
            problems.append(("start", self.tr("The cover cannot start in the past.")))
        if day_of(self.end) <= day_of(self.start):
            problems.append(
                ("end", self.tr("The cover must end after it starts; check the dates."))
            )
        return problems

    def work(self) -> Callable[[Store], Any]:
        actor, today = self._actor, self._today
        absent, cover = self.absent.currentData(), self.cover.currentData()
        start, end, note = day_of(self.start), day_of(self.end), self.note.text()

        def save(store: Store) -> Any:
            from officer_desk.app.cover import arrange_cover

            return arrange_cover(
                store,
                actor,
                absent_officer_id=absent,
                cover_officer_id=cover,
                start=start,
                end=end,
                note=note,
                today=today,
            ).change

        return save
