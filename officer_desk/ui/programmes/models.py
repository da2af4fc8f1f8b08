"""Item models for the programme screens: a person's enrolments, the caseload's progress, the
catalogue.  Each holds a tuple of frozen rows read on the worker and replaced whole."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from officer_desk.app.reads.programmes import ProgressRow
from officer_desk.store.rows import CatalogueEntry
from officer_desk.ui.programmes import words
from officer_desk.ui.programmes.trend import paint_sparkline

if TYPE_CHECKING:
    from officer_desk.store.progress import ProgrammeProgress

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen row behind a line
WEEKS_ROLE = Qt.ItemDataRole.UserRole + 2  # the (Monday, hours) trend of a line
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _hours_text(hours: float, expected: int) -> str:
    return f"{words.hours(hours)} / {expected}" if expected else words.hours(hours)


def list_table(model: QAbstractTableModel, row_height: int = 28) -> QTableView:
    """A read-only table of rows the way the desk shows lists: whole rows selected, no grid,
    no row numbers, headers on the left."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


class _RowsModel(QAbstractTableModel):
    """Rows replaced whole after each read; headers from ``headers()``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()

    def headers(self) -> list[str]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers())
        ):
            return self.headers()[section]
        return None


class EnrolmentColumn(IntEnum):
    PROGRAMME = 0
    STATUS = 1
    HOURS = 2
    ATTENDANCE = 3
    MILESTONES = 4


class EnrolmentsModel(_RowsModel):
    """One person's enrolments (``ProgrammeProgress``), oldest first."""

    def headers(self) -> list[str]:
        return [
            self.tr("Programme"),
            self.tr("Status"),
            self.tr("Hours"),
            self.tr("Attendance"),
            self.tr("Milestones"),
        ]

    def row_for(self, enrolment_id: str) -> int:
        for n, p in enumerate(self._rows):
            if p.enrolment_id == enrolment_id:
                return n
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p: ProgrammeProgress = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return p
        if role == WEEKS_ROLE:
            return p.weekly_hours
        if role == Qt.ItemDataRole.DisplayRole:
            if column == EnrolmentColumn.PROGRAMME:
                return words.pick(p.name_en, p.name_nb)
            if column == EnrolmentColumn.STATUS:
                return words.statuses().get(p.status, p.status)
            if column == EnrolmentColumn.HOURS:
                return _hours_text(p.hours, p.expected_hours)
            if column == EnrolmentColumn.ATTENDANCE:
                return words.rate(p.attendance)
            if column == EnrolmentColumn.MILESTONES:
                return f"{p.milestones_done} / {len(p.milestones)}"
        if role == Qt.ItemDataRole.ToolTipRole and column == EnrolmentColumn.STATUS:
            return p.status_reason or None
        if role == Qt.ItemDataRole.ToolTipRole and column == EnrolmentColumn.HOURS:
            return self.tr("Hours attended, from the programme sessions logged; of {n} expected")\
                .format(n=p.expected_hours)  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= EnrolmentColumn.HOURS:
            return NUMBER
        return None


class ProgressColumn(IntEnum):
    PERSON = 0
    PROGRAMME = 1
    STATUS = 2
    HOURS = 3
    ATTENDANCE = 4
    MILESTONES = 5
    TREND = 6


class CaseloadProgressModel(_RowsModel):
    """One row per person × programme on a caseload."""

    def headers(self) -> list[str]:
        return [
            self.tr("Person"),
            self.tr("Programme"),
            self.tr("Status"),
            self.tr("Hours"),
            self.tr("Attendance"),
            self.tr("Milestones"),
            self.tr("Last 12 weeks"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r: ProgressRow = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return r
        if role == WEEKS_ROLE:
            return r.weekly_hours
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                ProgressColumn.PERSON: r.person,
                ProgressColumn.PROGRAMME: words.pick(r.name_en, r.name_nb),
                ProgressColumn.STATUS: words.statuses().get(r.status, r.status),
                ProgressColumn.HOURS: _hours_text(r.hours, r.expected_hours),
                ProgressColumn.ATTENDANCE: words.rate(r.attendance),
                ProgressColumn.MILESTONES: f"{r.milestones_done} / {r.milestones_total}",
                ProgressColumn.TREND: None,
            }.get(ProgressColumn(column))
        if role == Qt.ItemDataRole.ToolTipRole and column == ProgressColumn.TREND:
            recent = sum(h for _d, h in r.weekly_hours[-4:])
            return self.tr("{h} hours in the last 4 weeks").format(h=words.hours(recent))
        if role == Qt.ItemDataRole.TextAlignmentRole and ProgressColumn.HOURS <= column <= 5:
            return NUMBER
        return None


class CatalogueColumn(IntEnum):
    CODE = 0
    NAME = 1
    CATEGORY = 2
    MILESTONES = 3
    HOURS = 4


class CatalogueModel(_RowsModel):
    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Milestones"),
            self.tr("Hours"),
        ]

    def row_for(self, programme_id: str) -> int:
        for n, entry in enumerate(self._rows):
            if entry.id == programme_id:
                return n
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e: CatalogueEntry = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return e
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                CatalogueColumn.CODE: e.code,
                CatalogueColumn.NAME: words.pick(e.name_en, e.name_nb),
                CatalogueColumn.CATEGORY: words.categories().get(e.category, e.category),
                CatalogueColumn.MILESTONES: str(len(e.milestones)),
                CatalogueColumn.HOURS: str(e.expected_hours),
            }.get(CatalogueColumn(column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= CatalogueColumn.MILESTONES:
            return NUMBER
        return None


class TrendDelegate(QStyledItemDelegate):
    """Paints a row's weekly hours as a sparkline in its cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        weeks = index.data(WEEKS_ROLE)
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            # Background and selection as the view draws them, then our bars on top.
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                widget)  # fmt: skip
        if weeks:
            rect = QRectF(option.rect).adjusted(8, 6, -8, -6)
            paint_sparkline(painter, rect, weeks)
