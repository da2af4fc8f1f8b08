"""The caseload's programme progress: one row per person × programme, with a small trend.

How to embed (e.g. as a page of the main window)::

    from officer_desk.ui.programmes.caseload import CaseloadProgressPage

    page = CaseloadProgressPage(executor, session.actor, today=date.today, parent=window)
    page.show_officer(officer_id)   # the signed-in officer, or the one a supervisor looks at

The page reads through ``executor`` only and refreshes itself from ``executor.changed``.
``person_requested(inmate_id)`` fires on a double-click, for opening that person's page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.app.reads.programmes import ProgressRow, read_caseload_progress
from officer_desk.ui.i18n import by_name
from officer_desk.ui.programmes.models import (
    ROW_ROLE,
    CaseloadProgressModel,
    ProgressColumn,
    TrendDelegate,
    list_table,
)

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor

# What can change a progress row: enrolments, sessions logged, milestones, the catalogue,
# and who is on the caseload.
RELEVANT = {
    "enrolment",
    "activity_log",
    "milestone_signoff",
    "programme",
    "programme_milestone",
    "assignment",
}


class CaseloadProgressPage(QWidget):
    loaded = Signal()
    person_requested = Signal(str)

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._actor = actor
        self._today = today
        self.officer_id: str | None = None

        title = QLabel(self.tr("Programme progress"))
        title.setObjectName("PageTitle")
        self.subtitle = QLabel(
            self.tr(
                "Hours and attendance come from the programme sessions logged; the bars show "
                "hours per week over the last 12 weeks."
            )
        )
        self.subtitle.setObjectName("PageSubtitle")
        self.subtitle.setWordWrap(True)
        self.model = CaseloadProgressModel(self)
        self.table = list_table(self.model, 34)
        self.table.setItemDelegateForColumn(ProgressColumn.TREND, TrendDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ProgressColumn.PERSON, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ProgressColumn.PROGRAMME, QHeaderView.ResizeMode.Stretch)
        for column in (
            ProgressColumn.STATUS,
            ProgressColumn.HOURS,
            ProgressColumn.ATTENDANCE,
            ProgressColumn.MILESTONES,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ProgressColumn.TREND, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(ProgressColumn.TREND, 190)
        self.table.doubleClicked.connect(self._open_person)
        self.empty = QLabel(self.tr("No one on this caseload is enrolled in a programme yet."))
        self.empty.setObjectName("EmptyState")
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)
        executor.changed.connect(self._changed)

    def show_officer(self, officer_id: str) -> None:
        self.officer_id = officer_id
        self.reload()

    def reload(self) -> None:
        if self.officer_id is None:
            return
        officer_id = self.officer_id
        self._executor.submit(
            read_caseload_progress(officer_id, self._today(), by_name),
            lambda rows: self._loaded(officer_id, rows),
            owner=self,
        )

    @Slot(object)
    def _changed(self, change: Change) -> None:
        if change.entities & RELEVANT:
            self.reload()

    def _loaded(self, officer_id: str, rows: list[ProgressRow]) -> None:
        if officer_id != self.officer_id:
            return
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.loaded.emit()

    @Slot(QModelIndex)
    def _open_person(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.person_requested.emit(row.inmate_id)
