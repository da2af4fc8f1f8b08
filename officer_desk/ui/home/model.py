"""CaseloadModel: the people one officer follows today, with what the home card shows.

It holds the row ids and a small cache of :class:`store.rows.CaseloadRow` (plus each photo,
decoded and scaled on the worker).  Reads take the light path (``store.home`` on a plain
DB-API connection), so the first screen never waits for the ORM to import; the model
reloads when a change concerns its people.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain import triage
from officer_desk.store.rows import CaseloadRow
from officer_desk.ui.i18n import by_name

if TYPE_CHECKING:
    from officer_desk.store.database import Store

AnyIndex = QModelIndex | QPersistentModelIndex

# Entities whose change can add or remove people from a caseload, whoever they concern.
MEMBERSHIP = {"assignment", "inmate", "officer"}
PHOTO_SIZE = 112  # pixels: twice the card's avatar, sharp on a high-density screen

INMATE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class CaseloadRead:
    rows: list[CaseloadRow]
    photos: dict[str, QImage]
    nudge_days: int
    streak_meals: int
    pinned: bool = False  # in the viewer's own order, not by need


def pinned_order(conn: Any, viewer_id: str | None) -> list[str]:
    """The order the signed-in officer pinned (app.home_order), or none."""
    from officer_desk.store import home

    if viewer_id is None:
        return []
    text = home.local_setting(conn, f"home.pinned_order.{viewer_id}")
    try:
        ids = json.loads(text) if text else []
    except ValueError:  # a damaged preference is no order, never a broken home screen
        return []
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def read_caseload(
    officer_id: str, today: date, viewer_id: str | None = None
) -> Callable[[Store], CaseloadRead]:
    """The home screen's read, as work for the database executor: the people by need
    (domain.triage), or in the order the signed-in officer pinned."""

    def work(store: Store) -> CaseloadRead:
        from officer_desk.app.setting_definitions import CONTACT_NUDGE_DAYS, REFUSAL_STREAK_MEALS
        from officer_desk.store import home

        with store.raw() as conn:
            nudge = CONTACT_NUDGE_DAYS.bounded(home.local_setting(conn, CONTACT_NUDGE_DAYS.key))
            streak = REFUSAL_STREAK_MEALS.bounded(
                home.local_setting(conn, REFUSAL_STREAK_MEALS.key)
            )
            rows = home.caseload_rows(
                conn, officer_id, today, nudge_days=nudge, streak_meals=streak
            )
            pinned = pinned_order(conn, viewer_id)
        rows = by_name(rows, lambda row: row.full_name)  # SQLite sorts Å before Æ and Ø
        rows = triage.order(rows, lambda row: row.triage, lambda row: row.inmate_id, pinned)
        # QImage (unlike QPixmap) may be made off the GUI thread: decoding stays off it too.
        photos = {}
        for row in rows:
            if row.photo:
                image = QImage.fromData(row.photo)
                if not image.isNull():
                    photos[row.inmate_id] = image.scaled(
                        PHOTO_SIZE,
                        PHOTO_SIZE,
                        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                        Qt.TransformationMode.SmoothTransformation,
                    )
        return CaseloadRead(
            rows, photos, nudge, streak, any(row.inmate_id in pinned for row in rows)
        )

    return work


class CaseloadModel(QAbstractListModel):
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
        self.viewer_id: str | None = None  # the signed-in officer, whose pinned order counts
        self.pinned = False
        self._ids: list[str] = []
        self._rows: dict[str, CaseloadRow] = {}
        self._photos: dict[str, QImage] = {}
        self.nudge_days = 3
        self.streak_meals = 3
        # Each reload gets a number; a slower, older answer must not overwrite a newer one.
        self._generation = 0
        self._applied = 0  # the generation whose rows are shown
        executor.changed.connect(self._on_changed)

    @property
    def officer_id(self) -> str | None:
        return self._officer_id

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    @property
    def loading(self) -> bool:
        """A read is on its way whose rows are not shown yet."""
        return self._applied != self._generation

    def show_officer(self, officer_id: str | None) -> None:
        self._officer_id = officer_id
        self.reload()

    def clear(self) -> None:
        """Forget everyone (signed out): nothing personal stays in memory for the next user."""
        self._officer_id = None
        self.viewer_id = None
        self._generation += 1  # an answer still on its way is for the person before
        self._applied = self._generation
        if not self._ids:  # nobody shown (the first sign-in): no reset, no rebuilt home page
            self._rows, self._photos = {}, {}
            return
        self.beginResetModel()
        self._ids, self._rows, self._photos = [], {}, {}
        self.endResetModel()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        if self._officer_id is None:
            self._apply(generation, CaseloadRead([], {}, self.nudge_days, self.streak_meals))
            return
        self._executor.submit(
            read_caseload(self._officer_id, self._today(), self.viewer_id),
            lambda read: self._apply(generation, read),
            owner=self,
        )

    def _apply(self, generation: int, read: CaseloadRead) -> None:
        if generation != self._generation:
            return
        self._applied = generation
        self.nudge_days, self.streak_meals = read.nudge_days, read.streak_meals
        self.pinned = read.pinned
        ids = [row.inmate_id for row in read.rows]
        if ids == self._ids:
            # Same people: refresh in place so focus and selection stay put.
            self._rows = {row.inmate_id: row for row in read.rows}
            self._photos = read.photos
            if ids:
                self.dataChanged.emit(self.index(0), self.index(len(ids) - 1))
        else:
            self.beginResetModel()
            self._ids = ids
            self._rows = {row.inmate_id: row for row in read.rows}
            self._photos = read.photos
            self.endResetModel()
        self.loaded.emit()

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        if self._officer_id is None:
            return
        if (
            change.inmate_ids.intersection(self._ids)
            or change.entities & MEMBERSHIP
            or "local_setting" in change.entities  # a pinned order (or a facility setting)
        ):
            self.reload()

    def row_of(self, inmate_id: str) -> int:
        return self._ids.index(inmate_id) if inmate_id in self._rows else -1

    def caseload_row(self, row: int) -> CaseloadRow:
        return self._rows[self._ids[row]]

    def person(self, inmate_id: str) -> CaseloadRow | None:
        return self._rows.get(inmate_id)

    def people(self) -> list[CaseloadRow]:
        return [self._rows[i] for i in self._ids]

    def photo(self, inmate_id: str) -> QImage | None:
        return self._photos.get(inmate_id)

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or index.column() != 0:
            return None
        row = self._rows[self._ids[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label.long
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.full_name
        if role == INMATE_ID_ROLE:
            return row.inmate_id
        if role == ROW_ROLE:
            return row
        if role == SEARCH_ROLE:
            return " ".join((row.full_name, row.preferred_name, row.cell, row.prison_number))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._photos.get(row.inmate_id)
        return None
