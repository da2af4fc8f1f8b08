"""Log one activity (work, school, gym, a visit…) for one or several people at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store

DEFAULT_MINUTES = 60


def save_activity(
    actor: Actor,
    inmate_ids: Sequence[str],
    category: str,
    started_at: datetime,
    minutes: int,
    outcome: str,
    note: str,
) -> Callable[[Store], Change]:
    def work(store: Store) -> Change:
        from officer_desk.app import logbook

        return logbook.log_activity(
            store,
            actor,
            inmate_ids=list(inmate_ids),
            activity=logbook.ActivityEntry(
                ActivityCategory(category), started_at, minutes, ActivityOutcome(outcome), note
            ),
        )

    return work


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
            self.people[person.inmate_id] = box
            grid.addWidget(box, number // 3, number % 3)
        self.everyone = QCheckBox(self.tr("Everyone"))
        self.everyone.setChecked(all(b.isChecked() for b in self.people.values()))
        self.everyone.toggled.connect(self._set_everyone)

        self.category = QComboBox()
        for value, text in vocabulary.activity_categories().items():
            self.category.addItem(text, str(value))
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

    def _set_everyone(self, on: bool) -> None:
        for box in self.people.values():
            box.setChecked(on)

    def chosen(self) -> list[str]:
        return [inmate_id for inmate_id, box in self.people.items() if box.isChecked()]

    def check(self) -> list[tuple[str | None, str]]:
        problems = self.when.problems(self._now(), self.tr("The activity"))
        if not self.chosen():
            problems.append(("people", self.tr("Choose at least one person.")))
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
        )
