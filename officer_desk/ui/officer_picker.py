"""OfficerPicker: "Who is on duty?" — the unit's officers, each with their caseload size."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Change
from officer_desk.domain.enums import Role
from officer_desk.store import queries
from officer_desk.store.queries import OfficerSummary
from officer_desk.ui import words
from officer_desk.ui.reads import reading

_ROSTER = {"officer", "assignment", "inmate"}
VISIBLE_ROWS = 12


class OfficerPicker(QWidget):
    chosen = Signal(object)  # OfficerSummary
    loaded = Signal()  # the list now matches the store

    def __init__(
        self,
        executor: DbExecutor,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._today = today
        self._officers: dict[str, OfficerSummary] = {}
        self._has_loaded = False
        self._roles: dict[str, str] = {
            Role.OFFICER: self.tr("Contact officer"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.ADMIN: self.tr("Administrator"),
        }

        title = QLabel(self.tr("Who is on duty?"))
        title.setObjectName("PageTitle")
        subtitle = QLabel(self.tr("Choose yourself to open your caseload."))
        subtitle.setObjectName("PageSubtitle")

        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Caseload")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # Enter and double-click (as the platform defines activation) both choose.
        self.list.itemActivated.connect(self._activated)
        self.list.currentItemChanged.connect(self._update_button)

        self.empty = QLabel(
            self.tr(
                "No officers are registered on this workstation yet. Ask facility IT to add "
                "accounts with officer-desk-admin."
            )
        )
        self.empty.setObjectName("EmptyState")
        self.empty.setWordWrap(True)
        self.empty.hide()

        self.open_button = QPushButton(self.tr("Open caseload"))
        self.open_button.setDefault(True)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._choose_current)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)

        # A narrow column reads better than a list stretched across a wide screen.
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(6)
        column.addWidget(self.list)
        column.addWidget(self.empty)
        column.addLayout(buttons)
        column.addStretch(1)
        centre = QWidget()
        centre.setLayout(column)
        centre.setMaximumWidth(720)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(centre, 4)
        outer.addStretch(1)

        executor.changed.connect(self._on_changed)

    @property
    def officers(self) -> list[OfficerSummary]:
        return list(self._officers.values())

    def reload(self) -> None:
        self._executor.submit(
            reading(queries.officers, self._today()), self._show_officers, owner=self
        )

    def _show_officers(self, officers: list[OfficerSummary]) -> None:
        current = self.list.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        self._officers = {officer.id: officer for officer in officers}
        self._has_loaded = True
        self.list.clear()
        select = None
        for officer in officers:
            role = self._roles.get(officer.role, officer.role)
            item = QTreeWidgetItem(
                [officer.display_name, role, words.people(officer.caseload_size)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, officer.id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
            if officer.id == keep or select is None:
                select = item
        if select is not None:
            # The same officer stays selected across a refresh; else the first one.
            self.list.setCurrentItem(select)
        self.list.setVisible(bool(officers))
        self.empty.setVisible(not officers)
        self._fit_list_to_rows()
        self.loaded.emit()

    def _fit_list_to_rows(self) -> None:
        # As tall as its rows (up to a dozen, then it scrolls), so the button sits right
        # under the names instead of at the bottom of a mostly empty box.
        rows = min(max(self.list.topLevelItemCount(), 1), VISIBLE_ROWS)
        row_height = self.list.sizeHintForRow(0) if self.list.topLevelItemCount() else 24
        height = rows * row_height + self.list.header().sizeHint().height()
        self.list.setFixedHeight(height + 2 * self.list.frameWidth())

    def choose(self, officer: OfficerSummary) -> None:
        self.chosen.emit(officer)

    def focus_list(self) -> None:
        self.list.setFocus()

    @Slot(QTreeWidgetItem, int)
    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.choose(self._officers[item.data(0, Qt.ItemDataRole.UserRole)])

    @Slot()
    def _choose_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._activated(item, 0)

    @Slot()
    def _update_button(self) -> None:
        self.open_button.setEnabled(self.list.currentItem() is not None)

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        if change.entities & _ROSTER and self._has_loaded:
            self.reload()
