"""Log a meal for the whole caseload in one action: everyone preset to "ate", override the
few who did not, one key (Enter) saves all.

A meal is logged once per person: whoever already has it logged shows how and by whom, and
is left out of the save unless the officer chooses Correct on their line (an amendment of
the entry that counts, never a second one)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal, Slot
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
from officer_desk.domain import rules
from officer_desk.domain.enums import DeclineReason, MealOutcome
from officer_desk.domain.errors import ValidationError
from officer_desk.store.rows import CaseloadRow
from officer_desk.ui import vocabulary, words
from officer_desk.ui.dialogs.form import FormDialog, local_now

if TYPE_CHECKING:
    from officer_desk.app.logbook import LoggedMeal
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store

OUTCOMES = (MealOutcome.ATE, MealOutcome.PARTIAL, MealOutcome.DECLINED, MealOutcome.AWAY)


def read_meal_slot(
    day: date, meal: str, inmate_ids: Sequence[str]
) -> Callable[[Store], dict[str, LoggedMeal]]:
    """``logbook.meal_slot`` as worker work: who already has this meal logged."""
    ids = list(inmate_ids)

    def work(store: Store) -> dict[str, LoggedMeal]:
        from officer_desk.app import logbook

        return logbook.meal_slot(store, day, meal, ids)

    return work


def save_meal(
    actor: Actor,
    day: date,
    meal: str,
    entries: Sequence[tuple[str, str, str | None, bool, str | None]],
) -> Callable[[Store], Change]:
    """``logbook.log_meal`` as worker work; entries are (inmate id, outcome, reason, together,
    the id of the entry corrected or None)."""

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
                    corrects=corrects,
                )
                for inmate_id, outcome, reason, together, corrects in entries
            ],
        )

    return work


class MealRow:
    """One person's line: outcome buttons, a reason when declined, ate together; when the
    meal is already logged for them, how and by whom, and Correct to change it."""

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
        self.correct = QPushButton(QCoreApplication.translate("MealDialog", "Correct"))
        self.correct.setCheckable(True)
        self.correct.setAutoDefault(False)
        self.correct.setAccessibleName(
            QCoreApplication.translate("MealDialog", "Correct {name}'s logged meal").format(
                name=person.display_name
            )
        )
        self.correct.toggled.connect(self._correcting_changed)
        self.status = QLabel()
        self.status.setObjectName("PageSubtitle")
        self.message = dialog.field_message(f"row:{person.inmate_id}")
        self.logged: LoggedMeal | None = None
        grid.addWidget(self.name, row * 2, 0)
        grid.addLayout(segment, row * 2, 1)
        grid.addWidget(self.reason, row * 2, 2)
        grid.addWidget(self.together, row * 2, 3)
        grid.addWidget(self.correct, row * 2, 4)
        status = QVBoxLayout()
        status.setSpacing(0)
        status.addWidget(self.status)
        status.addWidget(self.message)
        grid.addLayout(status, row * 2 + 1, 1, 1, 4)
        self.group.idToggled.connect(self._outcome_changed)
        self.correct.hide()  # until the meal is known to be logged for this person
        self.status.hide()
        self._correcting_changed()

    @property
    def outcome(self) -> str:
        return str(OUTCOMES[max(self.group.checkedId(), 0)])

    @property
    def included(self) -> bool:
        """Whether saving writes anything for this person: not logged yet, or corrected."""
        return self.logged is None or self.correct.isChecked()

    @property
    def corrects(self) -> str | None:
        return self.logged.entry_id if self.logged is not None and self.included else None

    def set_logged(self, logged: LoggedMeal | None) -> None:
        """Show the meal as it counts for this person (None: not logged yet).  What the
        officer chose stays when nothing changed (a read again after a refused save)."""
        before, self.logged = self.logged, logged
        if (before.entry_id if before else None) == (logged.entry_id if logged else None):
            self._correcting_changed()
            return
        said = "" if self.message.isHidden() else self.message.text()
        self.correct.blockSignals(True)
        self.correct.setChecked(False)
        self.correct.blockSignals(False)
        self.correct.setVisible(logged is not None)
        if logged is None:
            self.status.clear()
            self.status.hide()
            self.set_outcome(MealOutcome.ATE)
            self.together.setChecked(False)
        else:
            outcome = vocabulary.meal_outcomes().get(logged.outcome, logged.outcome).lower()
            text = QCoreApplication.translate("MealDialog", "Already logged: {outcome}, {time}")
            text = text.format(outcome=outcome, time=vocabulary.clock(logged.logged_at))
            if logged.logged_by:
                text += QCoreApplication.translate("MealDialog", " by {name}").format(
                    name=logged.logged_by
                )
            self.status.setText(text)
            self.status.show()
            self._show_logged_values()
        self._correcting_changed()
        if said:  # why the save was refused stays next to the line it concerns
            self.message.say(said)

    def _show_logged_values(self) -> None:
        assert self.logged is not None
        self.set_outcome(self.logged.outcome)
        index = self.reason.findData(self.logged.decline_reason)
        self.reason.setCurrentIndex(max(index, 0))
        self.together.setChecked(self.logged.ate_together)

    @Slot()
    def _correcting_changed(self) -> None:
        editable = self.included
        if self.logged is not None and not editable:
            self._show_logged_values()  # Correct switched off: back to what counts
        for button in self.buttons.values():
            button.setEnabled(editable)
        self._outcome_changed()

    def set_outcome(self, outcome: str) -> None:
        self.buttons[outcome].setChecked(True)

    @Slot()
    def _outcome_changed(self) -> None:
        declined = rules.takes_decline_reason(self.outcome)
        self.reason.setEnabled(declined and self.included)
        # Hidden rather than removed: its place is kept so the columns do not jump.
        sp = self.reason.sizePolicy()
        sp.setRetainSizeWhenHidden(True)
        self.reason.setSizePolicy(sp)
        self.reason.setVisible(declined)
        if not declined:
            self.message.clear_message()
        together_possible = self.outcome in (MealOutcome.ATE, MealOutcome.PARTIAL)
        self.together.setEnabled(together_possible and self.included)

    @property
    def decline_reason(self) -> str | None:
        return self.reason.currentData() if rules.takes_decline_reason(self.outcome) else None

    @property
    def ate_together(self) -> bool:
        return self.together.isChecked() and self.together.isEnabled()


class MealDialog(FormDialog):
    slot_shown = Signal()  # who already has the chosen meal logged is on screen

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
        self.meal.currentIndexChanged.connect(self.load_slot)
        self.all_together = QCheckBox(self.tr("Everyone ate together with me"))
        self.all_together.setTristate(False)
        self.all_together.toggled.connect(self._set_all_together)
        form = QFormLayout()
        form.addRow(self.tr("Meal"), self.meal)
        form.addRow(self.field_message("meal"))
        form.addRow("", self.all_together)

        self.hint = hint = QLabel()
        hint.setObjectName("PageSubtitle")
        hint.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(4, 1)  # spare width goes to the right, not between the columns
        self.rows = [MealRow(self, person, grid, n) for n, person in enumerate(people)]
        for row in self.rows:
            row.together.toggled.connect(self._sync_all_together)
            row.correct.toggled.connect(self._update_save_text)
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
        self.load_slot()

    def row_for(self, inmate_id: str) -> MealRow:
        return next(r for r in self.rows if r.inmate_id == inmate_id)

    @Slot()
    def load_slot(self) -> None:
        """Read who already has the chosen meal logged (on the worker) and show it."""
        self._update_save_text()
        meal = self.meal.currentData()
        work = read_meal_slot(self.day, meal, [r.inmate_id for r in self.rows])
        self._executor.submit(work, lambda slot: self._show_slot(meal, slot), owner=self)

    def _show_slot(self, meal: str, slot: dict[str, LoggedMeal]) -> None:
        if meal != self.meal.currentData():
            return  # another meal was chosen meanwhile; its own read follows
        for row in self.rows:
            row.set_logged(slot.get(row.inmate_id))
        self._sync_all_together()
        self._update_save_text()
        self.slot_shown.emit()

    @Slot()
    def _update_save_text(self) -> None:
        meal = self.meal.currentText().lower()
        new = sum(r.logged is None for r in self.rows)
        corrected = sum(r.logged is not None and r.included for r in self.rows)
        if corrected:
            text = self.tr("Save {meal}: {new} new, {corrected} corrected").format(
                meal=meal, new=new, corrected=corrected
            )
        elif new or not self.rows:
            text = self.tr("Save {meal} for {people}").format(meal=meal, people=words.people(new))
        else:
            text = self.tr("Nothing to save")
        self.save_button.setText(text)
        if any(r.logged is not None for r in self.rows):
            self.hint.setText(
                self.tr(
                    "Lines already logged stay as they are unless you choose Correct; the "
                    "others are marked “ate”. Enter saves."
                )
            )
        else:
            self.hint.setText(
                self.tr("Everyone is marked “ate”; change only those who did not. Enter saves.")
            )
        self.all_together.setEnabled(new + corrected > 0)

    @Slot(bool)
    def _set_all_together(self, on: bool) -> None:
        for row in self.rows:
            if not row.included:
                continue
            row.together.blockSignals(True)
            row.together.setChecked(on)
            row.together.blockSignals(False)

    @Slot()
    def _sync_all_together(self) -> None:
        chosen = [r.together.isChecked() for r in self.rows if r.together.isEnabled()]
        self.all_together.blockSignals(True)
        self.all_together.setChecked(bool(chosen) and all(chosen))
        self.all_together.blockSignals(False)

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        self.load_slot()  # someone may have logged this meal meanwhile: show it

    def check(self) -> list[tuple[str | None, str]]:
        problems: list[tuple[str | None, str]] = []
        if not self.rows:
            problems.append((None, self.tr("No one is on the caseload to log a meal for.")))
        elif not any(r.included for r in self.rows):
            problems.append(
                (
                    None,
                    self.tr(
                        "{meal} is already logged for everyone. Choose Correct on a line to "
                        "change what was logged."
                    ).format(meal=self.meal.currentText()),
                )
            )
        for row in self.rows:
            if not row.included:
                continue
            try:
                rules.checked_decline_reason(row.outcome, row.decline_reason)
            except ValidationError:  # here only a declined meal without its reason fails it
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
            [
                (r.inmate_id, r.outcome, r.decline_reason, r.ate_together, r.corrects)
                for r in self.rows
                if r.included
            ],
        )
