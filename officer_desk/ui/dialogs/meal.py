"""Log a meal for the whole caseload in one action: everyone preset to "ate", override the
few who did not, one key (Enter) saves all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain.enums import DeclineReason, MealOutcome
from officer_desk.store.rows import CaseloadRow
from officer_desk.ui import vocabulary, words
from officer_desk.ui.dialogs.form import FormDialog, local_now

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store

OUTCOMES = (MealOutcome.ATE, MealOutcome.PARTIAL, MealOutcome.DECLINED, MealOutcome.AWAY)


def save_meal(
    actor: Actor,
    day: date,
    meal: str,
    entries: Sequence[tuple[str, str, str | None, bool]],
) -> Callable[[Store], Change]:
    """``logbook.log_meal`` as worker work; entries are (inmate id, outcome, reason, together)."""

    def work(store: Store) -> Change:
        from officer_desk.app import logbook

        return logbook.log_meal(
            store,
            actor,
            day=day,
            meal=meal,
            entries=[
                logbook.MealEntry(
                    inmate_id,
                    MealOutcome(outcome),
                    None if reason is None else DeclineReason(reason),
                    together,
                )
                for inmate_id, outcome, reason, together in entries
            ],
        )

    return work


class MealRow:
    """One person's line: outcome buttons, a reason when declined, ate together."""

    def __init__(
        self, dialog: MealDialog, person: CaseloadRow, grid: QGridLayout, row: int
    ) -> None:
        self.inmate_id = person.inmate_id
        self.name = QLabel(person.label.short)
        self.name.setObjectName("MealName")
        self.name.setToolTip(person.label.long)
        self.group = QButtonGroup(dialog)
        self.buttons: dict[str, QPushButton] = {}
        segment = QHBoxLayout()
        segment.setSpacing(0)
        outcomes = vocabulary.meal_outcomes()
        for number, outcome in enumerate(OUTCOMES):
            button = QPushButton(outcomes[outcome])
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setObjectName("Segment")
            button.setProperty(
                "position", "first" if number == 0 else "last" if number == 3 else "middle"
            )
            button.setProperty("outcome", str(outcome))
            self.group.addButton(button, number)
            self.buttons[outcome] = button
            segment.addWidget(button)
        self.buttons[MealOutcome.ATE].setChecked(True)
        self.reason = QComboBox()
        self.reason.addItem(QCoreApplication.translate("MealDialog", "Why declined?"), None)
        for value, text in vocabulary.decline_reasons().items():
            self.reason.addItem(text, str(value))
        self.reason.setAccessibleName(
            QCoreApplication.translate("MealDialog", "Reason for declining")
        )
        self.together = QCheckBox(QCoreApplication.translate("MealDialog", "Ate together"))
        self.message = dialog.field_message(f"row:{person.inmate_id}")
        grid.addWidget(self.name, row * 2, 0)
        grid.addLayout(segment, row * 2, 1)
        grid.addWidget(self.reason, row * 2, 2)
        grid.addWidget(self.together, row * 2, 3)
        grid.addWidget(self.message, row * 2 + 1, 1, 1, 3)
        self.group.idToggled.connect(self._outcome_changed)
        self._outcome_changed()

    @property
    def outcome(self) -> str:
        return str(OUTCOMES[max(self.group.checkedId(), 0)])

    def set_outcome(self, outcome: str) -> None:
        self.buttons[outcome].setChecked(True)

    @Slot()
    def _outcome_changed(self) -> None:
        declined = self.outcome == MealOutcome.DECLINED
        self.reason.setEnabled(declined)
        # Hidden rather than removed: its place is kept so the columns do not jump.
        sp = self.reason.sizePolicy()
        sp.setRetainSizeWhenHidden(True)
        self.reason.setSizePolicy(sp)
        self.reason.setVisible(declined)
        if not declined:
            self.message.clear_message()
        together_possible = self.outcome in (MealOutcome.ATE, MealOutcome.PARTIAL)
        self.together.setEnabled(together_possible)

    @property
    def decline_reason(self) -> str | None:
        return self.reason.currentData() if self.outcome == MealOutcome.DECLINED else None

    @property
    def ate_together(self) -> bool:
        return self.together.isChecked() and self.together.isEnabled()


class MealDialog(FormDialog):
    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        people: Sequence[CaseloadRow],
        now: Callable[[], datetime] = local_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self._now = now
        self.setWindowTitle(self.tr("Log a meal"))
        moment = now()
        self.day = moment.date()

        self.meal = QComboBox()
        for value, text in vocabulary.meals().items():
            self.meal.addItem(text, str(value))
        self.meal.setCurrentIndex(self.meal.findData(str(vocabulary.meal_for_time(moment.time()))))
        self.meal.currentIndexChanged.connect(self._update_save_text)
        self.all_together = QCheckBox(self.tr("Everyone ate together with me"))
        self.all_together.setTristate(False)
        self.all_together.toggled.connect(self._set_all_together)
        form = QFormLayout()
        form.addRow(self.tr("Meal"), self.meal)
        form.addRow(self.field_message("meal"))
        form.addRow("", self.all_together)

        hint = QLabel(
            self.tr("Everyone is marked “ate”; change only those who did not. Enter saves.")
        )
        hint.setObjectName("PageSubtitle")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(4, 1)  # spare width goes to the right, not between the columns
        self.rows = [MealRow(self, person, grid, n) for n, person in enumerate(people)]
        for row in self.rows:
            row.together.toggled.connect(self._sync_all_together)
        self.messages["people"] = self.general

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(grid)
        self.finish_layout(layout)
        self._update_save_text()
        self.setMinimumWidth(760)
        if self.rows:
            self.rows[0].buttons[MealOutcome.ATE].setFocus()

    def row_for(self, inmate_id: str) -> MealRow:
        return next(r for r in self.rows if r.inmate_id == inmate_id)

    @Slot()
    def _update_save_text(self) -> None:
        meal = self.meal.currentText().lower()
        self.save_button.setText(
            self.tr("Save {meal} for {people}").format(
                meal=meal, people=words.people(len(self.rows))
            )
        )

    @Slot(bool)
    def _set_all_together(self, on: bool) -> None:
        for row in self.rows:
            row.together.blockSignals(True)
            row.together.setChecked(on)
            row.together.blockSignals(False)

    @Slot()
    def _sync_all_together(self) -> None:
        on = all(r.together.isChecked() for r in self.rows if r.together.isEnabled())
        self.all_together.blockSignals(True)
        self.all_together.setChecked(on)
        self.all_together.blockSignals(False)

    def check(self) -> list[tuple[str | None, str]]:
        problems: list[tuple[str | None, str]] = []
        if not self.rows:
            problems.append((None, self.tr("No one is on the caseload to log a meal for.")))
        for row in self.rows:
            if row.outcome == MealOutcome.DECLINED and row.decline_reason is None:
                problems.append(
                    (
                        f"row:{row.inmate_id}",
                        self.tr("Say why {name} declined.").format(name=row.name.text()),
                    )
                )
        return problems

    def work(self) -> Callable[[Store], Change]:
        meal = self.meal.currentData()
        return save_meal(
            self._actor(),
            self.day,
            meal,
            [(r.inmate_id, r.outcome, r.decline_reason, r.ate_together) for r in self.rows],
        )
