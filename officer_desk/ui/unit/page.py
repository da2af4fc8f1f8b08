"""The unit overview (supervisors): every caseload against the capacity of six, every person
with last talk, meals today, flags, release countdown and readiness; filters for the
supervisor's questions; the unit's workstations and their sync.

How to embed::

    page = UnitOverviewPage(executor, session.actor, unit_id=lambda: user.unit_id)
    page.reload()

Reads run on the database worker and come back through the executor; the page refreshes
from ``executor.changed``.  The hub's list of workstations is asked for on a thread of its
own (it waits on the network), never on the database worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.app.reads.unit import OverviewRead, Workstations, overview_work, unit_devices
from officer_desk.domain.errors import DeskError
from officer_desk.ui.i18n import by_name
from officer_desk.ui.programmes.models import list_table
from officer_desk.ui.unit.models import (
    FILTER_WORDS,
    NEEDS_DAYS,
    ROW_ROLE,
    CaseloadColumn,
    CaseloadLine,
    CaseloadsModel,
    DeviceColumn,
    Filter,
    PeopleFilter,
    PeopleModel,
    PersonColumn,
    WorkstationsModel,
    workstation_lines,
)
from officer_desk.ui.wrap_row import WrappedNote, WrapRow

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store

# What can change a line: almost everything logged about a person, and who has whom.
RELEVANT = {
    "assignment",
    "inmate",
    "officer",
    "meal_log",
    "conversation",
    "case_note",
    "release_plan",
    "release_plan_item",
}

CELL_PADDING = 24  # px around a cell's text (the style's margins and the sheet's padding)
SORT_ARROW = 20  # px for the header's sort indicator
SHOWN_CASELOADS = 4  # rows of the caseloads table shown before it scrolls
# Widest a column is made to fit its texts (px); beyond, they elide with a tooltip.
COLUMN_LIMITS = {PersonColumn.PERSON: 300, PersonColumn.OFFICER: 220, PersonColumn.FLAGS: 360}
DevicesReader = Callable[["Store"], Workstations]


def table(model: QAbstractItemModel, *, multi: bool = False) -> QTableView:
    """The desk's read-only list table; ``multi`` lets several rows be chosen."""
    view = list_table(model)  # type: ignore[arg-type]  # any model: the proxy too
    view.setWordWrap(False)
    if multi:
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    return view


class _HubReply(QObject):
    """Brings the hub's answer from its thread back to the page's thread."""

    arrived = Signal(object)


class UnitOverviewPage(QWidget):
    loaded = Signal()
    person_requested = Signal(str)
    reassign_requested = Signal(list)  # inmate ids selected
    cover_requested = Signal(str)  # the officer selected (may be "")
    conflicts_requested = Signal()

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        unit_id: Callable[[], str | None],
        today: Callable[[], date] = date.today,
        devices: DevicesReader = unit_devices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._actor = actor
        self._unit_id = unit_id
        self._today = today
        self._devices = devices
        self._generation = 0
        self._store: Store | None = None
        self.read: OverviewRead | None = None

        title = QLabel(self.tr("Unit overview"))
        title.setObjectName("PageTitle")
        self.summary = WrappedNote(30)
        self.summary.setObjectName("PageSubtitle")

        self.caseloads = CaseloadsModel(self)
        self.caseload_view = table(self.caseloads)
        self.caseload_view.setAccessibleName(self.tr("Caseloads against capacity"))
        header = self.caseload_view.horizontalHeader()
        header.setSectionResizeMode(CaseloadColumn.OFFICER, QHeaderView.ResizeMode.Stretch)
        for column in (CaseloadColumn.PEOPLE, CaseloadColumn.COVERING, CaseloadColumn.STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.caseload_view.selectionModel().selectionChanged.connect(self._officer_chosen)

        self.people = PeopleModel(self)
        self.filtered = PeopleFilter(self)
        self.filtered.setSourceModel(self.people)
        self.people_view = table(self.filtered, multi=True)
        self.people_view.setSortingEnabled(True)
        # By need (domain.triage) until the supervisor sorts by another column.
        self.people_view.sortByColumn(PersonColumn.FLAGS, Qt.SortOrder.AscendingOrder)
        self.people_view.setAccessibleName(self.tr("People on the unit"))
        people_header = self.people_view.horizontalHeader()
        # Sized to the rows once per read (_loaded), then the supervisor's to resize: in
        # ResizeToContents mode the header asked all 60-odd rows' sizes at every layout pass,
        # and showing the page held the GUI thread for 80-160 ms.
        # Every column keeps its width (the flags no longer stretch into what is left, which
        # squeezed them to "F" at 1024 px); the last one takes any room over, and a narrow
        # window scrolls sideways instead.
        people_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        people_header.setStretchLastSection(True)
        self.people_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.people_view.doubleClicked.connect(self._open_person)

        self.filter_kind = QComboBox()
        for kind, words in FILTER_WORDS.items():
            self.filter_kind.addItem(self.tr(str(words)), kind.value)
        self.filter_kind.setAccessibleName(self.tr("Show"))
        self.filter_days = QSpinBox()
        self.filter_days.setRange(1, 365)
        self.filter_days.setValue(14)
        self.filter_days.setSuffix(self.tr(" days"))
        self.filter_days.setAccessibleName(self.tr("Number of days for the filter"))
        self.filter_officer = QComboBox()
        self.filter_officer.setAccessibleName(self.tr("Officer"))
        self.filter_officer.addItem(self.tr("All officers"), None)
        self.shown = QLabel()
        for control in (self.filter_kind, self.filter_officer):
            control.currentIndexChanged.connect(self._apply_filter)
        self.filter_days.valueChanged.connect(self._apply_filter)

        self.reassign_button = QPushButton(self.tr("&Reassign…"))
        self.reassign_button.setAccessibleName(self.tr("Reassign the selected people"))
        self.reassign_button.clicked.connect(self._reassign)
        self.cover_button = QPushButton(self.tr("Arrange &cover…"))
        self.cover_button.setAccessibleName(self.tr("Arrange cover for an officer on leave"))
        self.cover_button.clicked.connect(self._cover)
        self.conflicts_button = QPushButton(self.tr("Sync c&onflicts…"))
        self.conflicts_button.setAccessibleName(self.tr("Review sync conflicts"))
        self.conflicts_button.clicked.connect(self.conflicts_requested)

        self.devices_model = WorkstationsModel(self)
        self.devices_view = table(self.devices_model)
        self.devices_view.setAccessibleName(self.tr("Workstations of the unit"))
        device_header = self.devices_view.horizontalHeader()
        device_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        device_header.setSectionResizeMode(DeviceColumn.STATE, QHeaderView.ResizeMode.Stretch)
        self.devices_note = WrappedNote(30)
        self.devices_note.setObjectName("PageSubtitle")

        # The filters and the actions go onto two rows where one would not fit (Norwegian at
        # 1024 px widened the window past its screen).
        filters = WrapRow()
        choose = QHBoxLayout()
        show_label = QLabel(self.tr("&Show"))
        show_label.setBuddy(self.filter_kind)
        choose.addWidget(show_label)
        choose.addWidget(self.filter_kind)
        choose.addWidget(self.filter_days)
        choose.addWidget(self.filter_officer)
        choose.addWidget(self.shown)
        choose.addStretch(1)
        filters.add_group(choose, 1)
        act = QHBoxLayout()
        act.addStretch(1)
        act.addWidget(self.reassign_button)
        act.addWidget(self.cover_button)
        act.addWidget(self.conflicts_button)
        filters.add_group(act)

        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        caseload_title = self._caseload_title = QLabel(self.tr("Caseloads"))
        caseload_title.setObjectName("SectionTitle")
        left.addWidget(caseload_title)
        left.addWidget(self.caseload_view)
        right = QVBoxLayout()
        devices_title = QLabel(self.tr("Workstations"))
        devices_title.setObjectName("SectionTitle")
        right.addWidget(devices_title)
        right.addWidget(self.devices_view, 1)
        right.addWidget(self.devices_note)
        right.addStretch(0)  # with no table (not enrolled) the note sits under the title
        top_layout.addLayout(left, 3)
        top_layout.addLayout(right, 2)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        people_title = QLabel(self.tr("People"))
        people_title.setObjectName("SectionTitle")
        bottom_layout.addWidget(people_title)
        bottom_layout.addWidget(filters)
        bottom_layout.addWidget(self.people_view, 1)

        split = self._split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

        QWidget.setTabOrder(self.caseload_view, self.devices_view)
        QWidget.setTabOrder(self.devices_view, self.filter_kind)
        QWidget.setTabOrder(self.filter_kind, self.filter_days)
        QWidget.setTabOrder(self.filter_days, self.filter_officer)
        QWidget.setTabOrder(self.filter_officer, self.reassign_button)
        QWidget.setTabOrder(self.reassign_button, self.cover_button)
        QWidget.setTabOrder(self.cover_button, self.conflicts_button)
        QWidget.setTabOrder(self.conflicts_button, self.people_view)

        self._hub_reply = _HubReply(self)
        self._hub_reply.arrived.connect(self._devices_arrived)
        self._apply_filter()
        executor.changed.connect(self._changed)

    # --- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        unit_id = self._unit_id()
        if unit_id is None:
            return
        self._generation += 1
        generation = self._generation
        work = overview_work(self._actor().officer_id, unit_id, self._today(), by_name)

        def with_store(store: Store) -> tuple[Store, OverviewRead]:
            return store, work(store)

        self._executor.submit(
            with_store,
            lambda result: self._loaded(generation, *result),
            self._refused,
            owner=self,
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, DeskError):  # not a supervisor of this unit, or a storage problem
            self.clear()
            self.summary.setText(error.message)
        else:
            self._executor.failed.emit(error)

    def clear(self) -> None:
        """Forget everyone (signed out)."""
        self._generation += 1
        self.read = None
        for model in (self.caseloads, self.people, self.devices_model):
            model.set_rows(())

    @Slot(object)
    def _changed(self, change: Change) -> None:
        if self.read is not None and change.entities & RELEVANT:
            self.reload()

    def _loaded(self, generation: int, store: Store, read: OverviewRead) -> None:
        if generation != self._generation:
            return
        self.read = read
        self._store = store
        covering = {h.officer_id: 0 for line in read.people for h in line.holders}
        for line in read.people:
            for h in line.holders:
                if h.cover_until is not None:
                    covering[h.officer_id] += 1
        self.caseloads.set_rows(
            [CaseloadLine(c, covering.get(c.officer.id, 0)) for c in read.caseloads]
        )
        self.people.set_rows(read.people)
        self._fit_people_columns()
        chosen = self.filter_officer.currentData()
        self.filter_officer.blockSignals(True)
        self.filter_officer.clear()
        self.filter_officer.addItem(self.tr("All officers"), None)
        for c in read.caseloads:
            self.filter_officer.addItem(c.officer.display_name, c.officer.id)
        at = self.filter_officer.findData(chosen)
        self.filter_officer.setCurrentIndex(max(at, 0))
        self.filter_officer.blockSignals(False)
        self._apply_filter()
        over = [c for c in read.caseloads if len(c.people) > 6]
        unassigned = sum(1 for line in read.people if not line.holders)
        text = self.tr("{people} people, {officers} caseloads.").format(
            people=len(read.people), officers=len(read.caseloads)
        )
        if over:
            text += " " + self.tr("Over capacity: {names}.").format(
                names=", ".join(c.officer.display_name for c in over)
            )
        if unassigned:
            text += " " + self.tr("{n} with nobody assigned.").format(n=unassigned)
        self.summary.setText(text)
        self._show_devices(None, None)
        if read.sync is not None and read.sync.enrolled:
            self._ask_hub(store, generation)
        self.loaded.emit()

    def _fit_people_columns(self) -> None:
        """Each column (but the flags, which stretch) as wide as its widest text.  Measured
        from the texts themselves: the view's own resizeColumnToContents asked each cell's
        size through the sort proxy and the delegate, some 30-50 ms for a unit of 60."""
        header = self.people_view.horizontalHeader()
        cells = self.people_view.fontMetrics()
        heads = header.fontMetrics()
        rows = range(self.people.rowCount())
        for column in PersonColumn:
            texts = (self.people.index(row, column).data() for row in rows)
            widest = max((cells.horizontalAdvance(str(t)) for t in texts if t), default=0)
            title = self.people.headerData(column, Qt.Orientation.Horizontal)
            widest = max(widest, heads.horizontalAdvance(str(title)) + SORT_ARROW)
            # Long names and many flags elide (the tooltip has them whole) past a bound.
            header.resizeSection(
                column, min(widest, COLUMN_LIMITS.get(column, 10**4)) + CELL_PADDING
            )
        self._fit_caseload_rows()

    def _fit_caseload_rows(self) -> None:
        """Give the caseloads table the height of its rows (up to four before it scrolls):
        it showed two and a half at 768 px.  Its minimum stays small, so a short window
        (200 % scaling) still fits; the split is where the room goes."""
        view = self.caseload_view
        rows = max(1, min(self.caseloads.rowCount(), SHOWN_CASELOADS))
        height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
        height += rows * max(view.verticalHeader().defaultSectionSize(), view.sizeHintForRow(0))
        # The title above it, the layout's spacing, and a few pixels so no row is cut.
        top = height + self._caseload_title.sizeHint().height() + 24
        total = sum(self._split.sizes())
        if total > top:
            self._split.setSizes([top, total - top])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.read is not None:
            self._fit_caseload_rows()  # the split has its real size only once shown

    def _ask_hub(self, store: Store, generation: int) -> None:
        reply = self._hub_reply
        reader = self._devices

        def run() -> None:
            try:
                result: object = reader(store)
            except Exception as error:  # reported on the page, never a crash
                result = error
            if shiboken6.isValid(reply):
                reply.arrived.emit((generation, result))

        self.devices_note.setText(self.tr("Asking the hub about the unit's workstations…"))
        threading.Thread(target=run, name="officer-desk-devices", daemon=True).start()

    @Slot(object)
    def _devices_arrived(self, answer: tuple[int, object]) -> None:
        generation, result = answer
        if generation != self._generation:
            return
        if isinstance(result, Workstations):
            self._show_devices(result.devices, result.problem)
        else:
            self._show_devices(None, self.tr("The hub's list could not be read."))

    def _show_devices(self, devices: object, problem: str | None) -> None:
        own = self.read.sync if self.read is not None else None
        lines = workstation_lines(devices if isinstance(devices, tuple) else None, own)
        self.devices_model.set_rows(lines)
        self.devices_view.setVisible(bool(lines))
        if own is None or not own.enrolled:
            self.devices_note.setText(
                self.tr(
                    "This workstation is not enrolled with a hub: there is no sync to show. "
                    "Facility IT enrols workstations."
                )
            )
        elif problem:
            self.devices_note.setText(
                self.tr("Showing this workstation only. {problem}").format(problem=problem)
            )
        elif devices:
            self.devices_note.setText(self.tr("As the hub last heard from each workstation."))
        else:
            self.devices_note.setText("")

    # --- filters and actions -----------------------------------------------------------------

    @Slot()
    def _apply_filter(self) -> None:
        kind = Filter(self.filter_kind.currentData() or Filter.EVERYONE)
        self.filter_days.setEnabled(kind in NEEDS_DAYS)
        self.filtered.set_filter(kind, self.filter_days.value(), self.filter_officer.currentData())
        self.shown.setText(
            self.tr("{shown} of {all} shown").format(
                shown=self.filtered.rowCount(), all=self.people.rowCount()
            )
        )

    @Slot()
    def _officer_chosen(self) -> None:
        rows = self.caseload_view.selectionModel().selectedRows()
        if not rows:
            return
        line = rows[0].data(ROW_ROLE)
        if line is not None:
            at = self.filter_officer.findData(line.caseload.officer.id)
            self.filter_officer.setCurrentIndex(max(at, 0))

    def selected_people(self) -> list[str]:
        return [
            index.data(ROW_ROLE).inmate_id
            for index in self.people_view.selectionModel().selectedRows()
            if index.data(ROW_ROLE) is not None
        ]

    @Slot()
    def _reassign(self) -> None:
        self.reassign_requested.emit(self.selected_people())

    @Slot()
    def _cover(self) -> None:
        officer = self.filter_officer.currentData()
        self.cover_requested.emit(officer or "")

    @Slot(QModelIndex)
    def _open_person(self, index: QModelIndex) -> None:
        line = index.data(ROW_ROLE)
        if line is not None:
            self.person_requested.emit(line.inmate_id)
