"""The plan's items grouped by pathway, as a two-level tree model (pathway -> items)."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from officer_desk.domain.release import RESOLVED, ItemStatus, Urgency
from officer_desk.ui import looks, vocabulary
from officer_desk.ui.programmes.words import pick
from officer_desk.ui.release import words

if TYPE_CHECKING:
    from officer_desk.store.progress import PlanItemView

Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the PlanItemView behind an item row
PATHWAY = 0  # internal id of a pathway row; an item row stores its pathway's row + 1

URGENCY_COLOURS = {
    # Text and background, colours of the look (looks.colour).
    Urgency.DUE: ("warn_text", "warn_bg"),  # amber: due within 14 days
    Urgency.OVERDUE: ("danger_text", "danger_bg"),  # red: overdue
}


class PlanColumn(IntEnum):
    ITEM = 0
    STATUS = 1
    OWNER = 2
    DUE = 3
    REFERRALS = 4


class PlanItemsModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pathways: list[str] = []
        self._items: list[list[PlanItemView]] = []
        self._names: dict[str, str] = {}

    def set_items(self, items: tuple[PlanItemView, ...]) -> None:
        self.beginResetModel()
        self._names = words.pathway_names()
        self._pathways = []
        self._items = []
        for item in items:
            if not self._pathways or self._pathways[-1] != item.pathway:
                self._pathways.append(item.pathway)
                self._items.append([])
            self._items[-1].append(item)
        self.endResetModel()

    def item_index(self, item_id: str) -> QModelIndex:
        for p, items in enumerate(self._items):
            for n, item in enumerate(items):
                if item.id == item_id:
                    return self.index(n, 0, self.index(p, 0))
        return QModelIndex()

    def item_at(self, index: Index) -> PlanItemView | None:
        if not index.isValid() or index.internalId() == PATHWAY:
            return None
        return self._items[index.internalId() - 1][index.row()]

    # --- structure ---

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, PATHWAY)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == PATHWAY:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, PATHWAY)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._pathways)
        if parent.internalId() == PATHWAY and parent.column() == 0:
            return len(self._items[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(PlanColumn)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == PATHWAY:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = {
            PlanColumn.ITEM: self.tr("What"),
            PlanColumn.STATUS: self.tr("Status"),
            PlanColumn.OWNER: self.tr("Owner"),
            PlanColumn.DUE: self.tr("Due"),
            PlanColumn.REFERRALS: self.tr("Referrals"),
        }
        return names.get(PlanColumn(section)) if 0 <= section < len(PlanColumn) else None

    # --- data ---

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == PATHWAY:
            return self._pathway_data(index, role)
        item = self._items[index.internalId() - 1][index.row()]
        column = index.column()
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PlanColumn.ITEM:
                return pick(item.title_en, item.title_nb)
            if column == PlanColumn.STATUS:
                return words.item_statuses().get(item.status, item.status)
            if column == PlanColumn.OWNER:
                return item.owner
            if column == PlanColumn.DUE:
                return vocabulary.short_date(item.due_date)
            if column == PlanColumn.REFERRALS:
                return str(len(item.referrals)) if item.referrals else ""
        if role == Qt.ItemDataRole.FontRole and column == PlanColumn.ITEM and item.gate_role:
            font = QFont()
            font.setBold(True)
            return font
        colours = URGENCY_COLOURS.get(item.urgency)
        if colours is not None and column == PlanColumn.DUE:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(looks.colour(colours[0]))
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(looks.colour(colours[1]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PlanColumn.DUE:
                return {
                    Urgency.DUE: self.tr("Due within 14 days"),
                    Urgency.OVERDUE: self.tr("Overdue"),
                }.get(item.urgency)
            if column == PlanColumn.ITEM:
                title = pick(item.title_en, item.title_nb)
                if item.gate_role:
                    return title + "\n" + self.tr("Part of the release gate: done before sign-off")
                return title
        return None

    def _pathway_data(self, index: Index, role: int) -> Any:
        items = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == PlanColumn.ITEM:
            name = self._names.get(self._pathways[index.row()], self._pathways[index.row()])
            done = sum(ItemStatus(i.status) in RESOLVED for i in items)
            return self.tr("{name} ({done} of {total})").format(
                name=name, done=done, total=len(items)
            )
        if role == Qt.ItemDataRole.FontRole and index.column() == PlanColumn.ITEM:
            font = QFont()
            font.setBold(True)
            return font
        return None
