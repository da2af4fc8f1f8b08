"""Find person: by name, preferred name, prison number or cell.

An officer finds the people on their caseload; a supervisor everyone in the unit, each with
whose caseload they are on, so the person opens there.  The list is read once on the worker
(``store.finding``) and filtered here as the person types; no match says so in words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from officer_desk.app.executor import DbExecutor
from officer_desk.domain import identity
from officer_desk.domain.errors import DeskError
from officer_desk.ui import vocabulary
from officer_desk.ui.i18n import by_name

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.store.finding import Findable

AnyIndex = QModelIndex | QPersistentModelIndex
FOUND_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def read_findable(viewer_id: str, today: date) -> Callable[[Store], list[Findable]]:
    def work(store: Store) -> list[Findable]:
        from officer_desk.store.finding import people_to_find

        with store.raw() as conn:
            found = people_to_find(conn, viewer_id, today)
        return by_name(found, lambda f: identity.shown_name(f.full_name, f.preferred_name))

    return work


class FindableModel(QAbstractListModel):
    """The people one may find: the label on the first line, whose caseload on the second."""

    def __init__(self, whole_unit: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._whole_unit = whole_unit
        self._people: list[Findable] = []
        self._texts: list[tuple[str, str]] = []  # (shown, searched) per row

    def set_people(self, people: list[Findable]) -> None:
        self.beginResetModel()
        self._people = people
        self._texts = [(self._shown(p), self._searched(p)) for p in people]
        self.endResetModel()

    def _shown(self, found: Findable) -> str:
        label = identity.person_label(
            found.full_name, found.preferred_name, found.prison_number, found.cell
        ).long
        if not self._whole_unit:
            return label
        if found.officer_id is None:
            where = self.tr("nobody assigned")
        elif found.covered_until is not None:
            where = self.tr("covered by {name} until {date}").format(
                name=found.officer_name, date=vocabulary.short_date(found.covered_until)
            )
        else:
            where = self.tr("{name}'s caseload").format(name=found.officer_name)
        return f"{label}\n{where}"

    @staticmethod
    def _searched(found: Findable) -> str:
        return " ".join((found.full_name, found.preferred_name, found.prison_number, found.cell))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][0]
        if role == SEARCH_ROLE:
            return self._texts[row][1]
        if role == FOUND_ROLE:
            return self._people[row]
        return None


class FindPersonDialog(QDialog):
    chosen = Signal(object)  # the Findable chosen
    loaded = Signal()  # the people are read

    def __init__(
        self,
        executor: DbExecutor,
        viewer_id: str,
        today: date,
        whole_unit: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._whole_unit = whole_unit
        self._ready = False
        self.setWindowTitle(self.tr("Find person"))
        self.people = FindableModel(whole_unit, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.people)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, cell or prison number"))
        self.search.setAccessibleName(self.tr("Find person"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.scope = QLabel(
            self.tr("Everyone in the unit.") if whole_unit else self.tr("Your caseload.")
        )
        self.scope.setObjectName("CardSub")
        self.list = QListView()
        self.list.setAccessibleName(self.tr("People found"))
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)
        self.list.activated.connect(self._choose)
        self.message = QLabel()
        self.message.setObjectName("CardSub")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.scope)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addStretch(0)
        self.setMinimumSize(460, 360)
        executor.submit(read_findable(viewer_id, today), self._show, self._failed, owner=self)

    def _show(self, people: list[Findable]) -> None:
        self.people.set_people(people)
        self._ready = True
        self._filter(self.search.text())
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, DeskError):
            self._executor.failed.emit(error)  # a bug: the crash handler's
            return
        self._say(error.message)
        self.loaded.emit()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @Slot(str)
    def _filter(self, text: str) -> None:
        words = text.strip()
        self.proxy.setFilterFixedString(words)
        if not self._ready:
            return
        found = self.proxy.rowCount()
        self.list.setVisible(found > 0)  # never an empty list: the message says why
        if found:
            self.list.setCurrentIndex(self.proxy.index(0, 0))
            self._say("")
        elif words:
            self._say(
                self.tr("No one in the unit matches “{words}”.").format(words=words)
                if self._whole_unit
                else self.tr("No one on your caseload matches “{words}”.").format(words=words)
            )
        else:
            self._say(self.tr("No one to find yet."))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self.list.currentIndex())
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.search.hasFocus():
            self.list.setFocus()
            self.list.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    @Slot(QModelIndex)
    def _choose(self, index: QModelIndex) -> None:
        if not index.isValid() or not self.list.isVisible():
            return
        found: Findable = index.data(FOUND_ROLE)
        if found.officer_id is None:
            name = identity.shown_name(found.full_name, found.preferred_name)
            self._say(
                self.tr(
                    "Nobody has {name} on their caseload yet, so there is no page to open. "
                    "Assign a contact officer in Unit → Unit overview."
                ).format(name=name)
            )
            return
        self.chosen.emit(found)
        self.accept()
