"""Log one activity (work, school, gym, a visit…) for one or several people at once.

A programme session names its programme (the programmes the chosen people are enrolled in
first), so its hours and attendance count toward their progress."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain import identity
from officer_desk.domain.enums import ActivityCategory, ActivityOutcome
from officer_desk.store.rows import CaseloadRow
from officer_desk.ui import vocabulary
from officer_desk.ui.dialogs.form import FormDialog, TimeSpan, local_now
from officer_desk.ui.fit import fit_to_text
from officer_desk.ui.programmes.words import pick

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store
    from officer_desk.store.progress import SessionChoice

DEFAULT_MINUTES = 60


def save_activity(
    actor: Actor,
    inmate_ids: Sequence[str],
    category: str,
    started_at: datetime,
    minutes: int,
    outcome: str,
    note: str,
    programme_id: str | None = None,
) -> Callable[[Store], Change]:
    def work(store: Store) -> Change:
        from officer_desk.app import logbook

        return logbook.log_activity(
            store,
            actor,
            inmate_ids=list(inmate_ids),
            activity=logbook.ActivityEntry(
                ActivityCategory(category),
                started_at,
                minutes,
                ActivityOutcome(outcome),
                note,
                programme_id=programme_id,
            ),
        )

    return work


def read_session_choices(inmate_ids: Sequence[str]) -> Callable[[Store], list[SessionChoice]]:
    """The programmes a session can be logged for, with who of these people is enrolled."""
    ids = list(inmate_ids)

    def work(store: Store) -> list[SessionChoice]:
        from officer_desk.store import progress

        with store.reading() as session:
            return progress.session_choices(session, ids)

    return work


def ordered_choices(
    choices: Sequence[SessionChoice], chosen: Sequence[str]
) -> list[tuple[SessionChoice, int]]:
    """(programme, how many of the chosen people are enrolled): everyone enrolled first,
    then some, then none; by name within each."""
    counted = [(c, len(c.enrolled & set(chosen))) for c in choices]
    everyone = len(chosen)
    return sorted(
        counted,
        key=lambda item: (
            0 if everyone and item[1] == everyone else 1 if item[1] else 2,
            pick(item[0].name_en, item[0].name_nb).casefold(),
        ),
    )


class ActivityDialog(FormDialog):
    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        people: Sequence[CaseloadRow],
        chosen: Sequence[str] = (),
        now: Callable[[], datetime] = local_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self._now = now
        self.setWindowTitle(self.tr("Log an activity"))

        people_box = QWidget()
        grid = QGridLayout(people_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.people: dict[str, QCheckBox] = {}
        shown = identity.labels(people, lambda person: person.label, short=True)
        for number, person in enumerate(people):
            box = QCheckBox(shown[number])
            box.setToolTip(person.label.long)
            box.setChecked(person.inmate_id in chosen or not chosen)
            box.toggled.connect(self._show_programmes)
            self.people[person.inmate_id] = box
            grid.addWidget(box, number // 3, number % 3)
        self.everyone = QCheckBox(self.tr("Everyone"))
        self.everyone.setChecked(all(b.isChecked() for b in self.people.values()))
        self.everyone.toggled.connect(self._set_everyone)

        self.category = QComboBox()
        for value, text in vocabulary.activity_categories().items():
            self.category.addItem(text, str(value))
        self.category.currentIndexChanged.connect(self._category_changed)
        self.programme = QComboBox()
        self.programme.setAccessibleName(self.tr("Programme"))
        self.choices: list[SessionChoice] = []
        self.outcome = QComboBox()
        for value, text in vocabulary.activity_outcomes().items():
            self.outcome.addItem(text, str(value))
        self.when = TimeSpan(now(), DEFAULT_MINUTES)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Optional: how it went"))
        self.note.setFixedHeight(80)
        self.note.setTabChangesFocus(True)

        form = QFormLayout()
        form.addRow(self.tr("People"), self.everyone)
        form.addRow("", people_box)
        form.addRow(self.field_message("people"))
        form.addRow(self.tr("Activity"), self.category)
        form.addRow(self.field_message("category"))
        form.addRow(self.tr("Programme"), self.programme)
        form.addRow(self.field_message("programme"))
        self._form = form
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.field_message("started_at"))
        form.addRow(self.field_message("duration_minutes"))
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.field_message("outcome"))
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.field_message("note"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        fit_to_text(self, 620)  # wide enough for the people's labels, within the screen
        self.category.setFocus()
        self._category_changed()
        self._executor.submit(
            read_session_choices(list(self.people)), self._choices_read, owner=self
        )

    choices_shown = Signal()  # the programmes are read and listed

    def _choices_read(self, choices: list[SessionChoice]) -> None:
        self.choices = choices
        self._show_programmes()
        self.choices_shown.emit()

    @property
    def is_session(self) -> bool:
        return self.category.currentData() == ActivityCategory.PROGRAMME.value

    @Slot()
    def _category_changed(self) -> None:
        self._form.setRowVisible(self.programme, self.is_session)
        if not self.is_session:
            self.messages["programme"].clear_message()

    @Slot()
    def _show_programmes(self) -> None:
        """List the programmes, enrolled ones first, keeping the one chosen if it stays."""
        kept = self.programme.currentData()
        chosen = self.chosen()
        self.programme.blockSignals(True)
        self.programme.clear()
        self.programme.addItem(self.tr("Choose the programme…"), None)
        ordered = ordered_choices(self.choices, chosen)
        for choice, enrolled in ordered:
            name = pick(choice.name_en, choice.name_nb)
            if not enrolled:
                name = self.tr("{name} (not enrolled)").format(name=name)
            elif enrolled < len(chosen):
                name = self.tr("{name} ({n} of {total} enrolled)").format(
                    name=name, n=enrolled, total=len(chosen)
                )
            self.programme.addItem(name, choice.programme_id)
        index = self.programme.findData(kept) if kept else -1
        everyone = [c for c, enrolled in ordered if chosen and enrolled == len(chosen)]
        if index < 0 and len(everyone) == 1:
            index = 1  # the one programme everyone chosen is enrolled in: listed first
        self.programme.setCurrentIndex(max(index, 0))
        self.programme.blockSignals(False)

    def _set_everyone(self, on: bool) -> None:
        for box in self.people.values():
            box.setChecked(on)

    def chosen(self) -> list[str]:
        return [inmate_id for inmate_id, box in self.people.items() if box.isChecked()]

    def check(self) -> list[tuple[str | None, str]]:
        problems = self.when.problems(self._now(), self.tr("The activity"))
        if not self.chosen():
            problems.append(("people", self.tr("Choose at least one person.")))
        if self.is_session and self.programme.currentData() is None:
            problems.append(("programme", self.tr("Choose the programme this session belongs to.")))
        return problems

    def work(self) -> Callable[[Store], Change]:
        return save_activity(
            self._actor(),
            self.chosen(),
            self.category.currentData(),
            self.when.started_at(),
            self.when.minutes(),
            self.outcome.currentData(),
            self.note.toPlainText(),
            self.programme.currentData() if self.is_session else None,
        )
