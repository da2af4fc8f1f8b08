"""Undo the officer's last meal log in this shift: a void with a reason, history kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.ui import vocabulary
from officer_desk.ui.dialogs.form import FormDialog
from officer_desk.ui.fit import fit_to_text

if TYPE_CHECKING:
    from officer_desk.app.logbook import MealBatch
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store


def undo_meal(actor: Actor, since: datetime, reason: str) -> Callable[[Store], Change]:
    def work(store: Store) -> Change:
        from officer_desk.app import logbook

        return logbook.undo_last_meal_log(store, actor, since=since, reason=reason)

    return work


def last_meal_batch(actor: Actor, since: datetime) -> Callable[[Store], MealBatch | None]:
    def work(store: Store) -> MealBatch | None:
        from officer_desk.app import logbook

        return logbook.last_meal_batch(store, actor, since=since)

    return work


class UndoMealDialog(FormDialog):
    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        shift_start: datetime,
        parent: QWidget | None = None,
        batch: MealBatch | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self._since = shift_start
        self.setWindowTitle(self.tr("Undo last meal log"))
        explain = QLabel(
            self.tr(
                "Your last meal log in this shift (everyone in it) is marked as a mistake. "
                "It stays in the history with your reason."
            )
        )
        if batch is not None:
            explain.setText(
                self.tr(
                    "Your last meal log in this shift: {meal} on {day}, saved at {time} for "
                    "%n person(s). It is marked as a mistake and stays in the history with "
                    "your reason.",
                    "",
                    batch.people,
                ).format(
                    meal=vocabulary.meals().get(batch.meal, batch.meal).lower(),
                    day=vocabulary.short_date(batch.day),
                    time=vocabulary.clock(batch.logged_at),
                )
            )
        explain.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(
            ["", self.tr("Logged by mistake"), self.tr("Wrong meal"), self.tr("Wrong people")]
        )
        self.reason.setCurrentIndex(0)
        line = self.reason.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Why undo it?"))
        form = QFormLayout()
        form.addRow(explain)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.field_message("reason"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.save_button.setText(self.tr("Undo meal log"))
        fit_to_text(self)
        self.reason.setFocus()

    def check(self) -> list[tuple[str | None, str]]:
        if not self.reason.currentText().strip():
            return [("reason", self.tr("Give a reason for the undo."))]
        return []

    def work(self) -> Callable[[Store], Change]:
        return undo_meal(self._actor(), self._since, self.reason.currentText())
