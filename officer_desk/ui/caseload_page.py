"""The caseload page: who the chosen officer follows today, with meals, alerts and release."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.store.queries import OfficerSummary
from officer_desk.ui import words
from officer_desk.ui.caseload_model import CaseloadModel, Column
from officer_desk.ui.style import icon


class CaseloadPage(QWidget):
    switch_officer = Signal()

    def __init__(
        self,
        executor: DbExecutor,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._officer: OfficerSummary | None = None
        self.model = CaseloadModel(executor, today, self)

        self.title = QLabel()
        self.title.setObjectName("PageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("PageSubtitle")
        switch = QPushButton(icon("switch-officer"), self.tr("Switch officer"))
        switch.clicked.connect(self.switch_officer)

        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(switch, 0, Qt.AlignmentFlag.AlignTop)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Alerts, diet and allergies take the room that is left; long ones elide (tooltip).
        header.setSectionResizeMode(Column.CARE, QHeaderView.ResizeMode.Stretch)

        self.empty = QLabel()
        self.empty.setObjectName("EmptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

        self.model.loaded.connect(self._after_load)

    @property
    def officer(self) -> OfficerSummary | None:
        return self._officer

    def show_officer(self, officer: OfficerSummary) -> None:
        self._officer = officer
        self.title.setText(officer.display_name)
        self._set_subtitle()
        self.model.show_officer(officer.id)

    def _set_subtitle(self) -> None:
        day = QLocale().toString(QDate(self._today()), QLocale.FormatType.LongFormat)
        self.subtitle.setText(
            self.tr("{day} · caseload: {people}").format(
                day=day, people=words.people(self.model.rowCount())
            )
        )

    @Slot()
    def _after_load(self) -> None:
        self._set_subtitle()
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if not has_rows and self._officer is not None:
            self.empty.setText(
                self.tr("No one is assigned to {name} today.").format(
                    name=self._officer.display_name
                )
            )
