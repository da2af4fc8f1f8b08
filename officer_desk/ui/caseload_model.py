"""CaseloadModel: the people one officer follows today, one row each, for a table view.

It holds the row ids and a small cache of :class:`queries.CaseloadRow`; every read goes
through the database executor, and the model reloads when a change concerns its people.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont

from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Change
from officer_desk.domain.enums import Meal, MealOutcome
from officer_desk.domain.rules import DEFAULT_REFUSAL_STREAK
from officer_desk.store import queries
from officer_desk.store.queries import CaseloadRow
from officer_desk.ui.reads import reading

AnyIndex = QModelIndex | QPersistentModelIndex

# Entities whose change can add or remove people from a caseload, whoever they concern.
_MEMBERSHIP = {"assignment", "inmate", "officer"}

_ALERT = QColor("#a4262c")


class Column(IntEnum):
    NAME = 0
    CELL = 1
    PRISON_NUMBER = 2
    RELEASE = 3
    MEALS = 4
    CARE = 5
    REFUSALS = 6


INMATE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _name(row: CaseloadRow) -> str:
    """Full name, plus the name they go by when it is not simply their first name."""
    preferred = row.preferred_name.strip()
    first = row.full_name.split(maxsplit=1)[0] if row.full_name.strip() else ""
    if preferred and preferred.casefold() not in (first.casefold(), row.full_name.casefold()):
        return f"{row.full_name} “{preferred}”"
    return row.full_name


class CaseloadModel(QAbstractTableModel):
    loaded = Signal()  # the rows now match the store (after every reload)

    def __init__(
        self,
        executor: DbExecutor,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._today = today
        self._officer_id: str | None = None
        self._ids: list[str] = []
        self._rows: dict[str, CaseloadRow] = {}
        # Each reload gets a number; a slower, older answer must not overwrite a newer one.
        self._generation = 0
        self._headers = {
            Column.NAME: self.tr("Name"),
            Column.CELL: self.tr("Cell"),
            Column.PRISON_NUMBER: self.tr("Prison no."),
            Column.RELEASE: self.tr("Release in"),
            Column.MEALS: self.tr("Meals today"),
            Column.CARE: self.tr("Alerts, diet, allergies"),
            Column.REFUSALS: self.tr("Refusals"),
        }
        self._meal_names: dict[str, str] = {
            Meal.BREAKFAST: self.tr("Breakfast"),
            Meal.LUNCH: self.tr("Lunch"),
            Meal.DINNER: self.tr("Dinner"),
            Meal.EVENING: self.tr("Evening"),
        }
        self._outcome_marks: dict[str, str] = {
            MealOutcome.ATE: "✓",
            MealOutcome.PARTIAL: "½",
            MealOutcome.DECLINED: "✗",
            MealOutcome.AWAY: "–",
        }
        self._outcome_words: dict[str, str] = {
            MealOutcome.ATE: self.tr("ate"),
            MealOutcome.PARTIAL: self.tr("ate part"),
            MealOutcome.DECLINED: self.tr("declined"),
            MealOutcome.AWAY: self.tr("away"),
        }
        executor.changed.connect(self._on_changed)

    # --- loading ---------------------------------------------------------------------------

    @property
    def officer_id(self) -> str | None:
        return self._officer_id

    def show_officer(self, officer_id: str | None) -> None:
        self._officer_id = officer_id
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        if self._officer_id is None:
            self._apply(generation, [])
            return
        self._executor.submit(
            reading(queries.caseload, self._officer_id, self._today()),
            lambda rows: self._apply(generation, rows),
            owner=self,
        )

    def _apply(self, generation: int, rows: list[CaseloadRow]) -> None:
        if generation != self._generation:
            return
        ids = [row.inmate_id for row in rows]
        if ids == self._ids:
            # Same people: refresh the cells in place so selection and scrolling stay put.
            self._rows = {row.inmate_id: row for row in rows}
            if ids:
                last = self.index(len(ids) - 1, len(Column) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self._ids = ids
            self._rows = {row.inmate_id: row for row in rows}
            self.endResetModel()
        self.loaded.emit()

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        if self._officer_id is None:
            return
        if change.inmate_ids.intersection(self._ids) or change.entities & _MEMBERSHIP:
            self.reload()

    def row_of(self, inmate_id: str) -> int:
        return self._ids.index(inmate_id)

    def caseload_row(self, row: int) -> CaseloadRow:
        return self._rows[self._ids[row]]

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = self._rows[self._ids[index.row()]]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == INMATE_ID_ROLE:
            return row.inmate_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.RELEASE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._is_alerting(row, column):
            return QBrush(_ALERT)
        if role == Qt.ItemDataRole.FontRole and column is Column.NAME:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: CaseloadRow, column: Column) -> str:
        if column is Column.NAME:
            return _name(row)
        if column is Column.CELL:
            return row.cell
        if column is Column.PRISON_NUMBER:
            return row.prison_number
        if column is Column.RELEASE:
            return self._days(row.days_to_release)
        if column is Column.MEALS:
            return (
                "   ".join(
                    f"{self._meal_name(meal)} {self._outcome_marks.get(outcome, '?')}"
                    for meal, outcome in row.meals_today
                )
                or "—"
            )
        if column is Column.CARE:
            return " · ".join(self._care_items(row))
        if column is Column.REFUSALS:
            if row.refusal_streak >= DEFAULT_REFUSAL_STREAK:
                return self.tr("⚑ {n} in a row").format(n=row.refusal_streak)
            return ""
        return ""

    def _tooltip(self, row: CaseloadRow, column: Column) -> str | None:
        if column is Column.NAME:
            arrived = row.arrival_date.isoformat() if row.arrival_date else "—"
            return self.tr("{name}\nArrived {date}").format(name=row.full_name, date=arrived)
        if column is Column.RELEASE:
            if row.expected_release_date is None:
                return self.tr("No expected release date is registered.")
            return self.tr("Expected release {date}").format(
                date=row.expected_release_date.isoformat()
            )
        if column is Column.MEALS:
            if not row.meals_today:
                return self.tr("No meals logged today yet.")
            return "\n".join(
                f"{self._meal_name(meal)}: {self._outcome_words.get(outcome, outcome)}"
                for meal, outcome in row.meals_today
            )
        if column is Column.CARE:
            return "\n".join(self._care_items(row)) or None
        if column is Column.REFUSALS and row.refusal_streak >= DEFAULT_REFUSAL_STREAK:
            return self.tr(
                "Declined the last {n} meals. Talk with them, and tell health staff."
            ).format(n=row.refusal_streak)
        return None

    def _is_alerting(self, row: CaseloadRow, column: Column) -> bool:
        if column is Column.REFUSALS:
            return row.refusal_streak >= DEFAULT_REFUSAL_STREAK
        return column is Column.CARE and bool(row.alerts)

    def _days(self, days: int | None) -> str:
        if days is None:
            return "—"
        if days == 0:
            return self.tr("today")
        if days < 0:
            return self.tr("{n} days ago").format(n=-days) if days < -1 else self.tr("1 day ago")
        return self.tr("{n} days").format(n=days) if days > 1 else self.tr("1 day")

    def _meal_name(self, meal: str) -> str:
        # StrEnum members hash like their values, so plain strings from the store look up.
        return self._meal_names.get(meal, meal)

    def _care_items(self, row: CaseloadRow) -> list[str]:
        items = [f"⚠ {alert}" for alert in row.alerts]
        if row.diet:
            items.append(self.tr("Diet: {diet}").format(diet=row.diet))
        if row.allergies:
            items.append(self.tr("Allergies: {allergies}").format(allergies=row.allergies))
        return items
