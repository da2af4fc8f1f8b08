"""The programme catalogue for facility admins: list, add and edit programmes and milestones.

How to embed (e.g. as an admin page of the main window)::

    from officer_desk.ui.programmes.catalogue import CatalogueEditor

    editor = CatalogueEditor(executor, session.actor, parent=window)
    editor.reload()   # when the page is shown

Milestones can be renamed and added, not removed: people may already have them signed off
(the service refuses it too).  Only milestones added in this edit and not saved yet can be
taken away again.  The editor refreshes itself from ``executor.changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.app.reads.programmes import CATALOGUE_ENTITIES, read_catalogue
from officer_desk.store.rows import CatalogueEntry, MilestoneRow
from officer_desk.ui.programmes import words
from officer_desk.ui.programmes.inline import InlineMessages, run_write
from officer_desk.ui.programmes.models import CatalogueColumn, CatalogueModel, list_table

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store


class CatalogueEditor(QWidget):
    loaded = Signal()
    status = Signal(str)

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
        self.editing: CatalogueEntry | None = None

        title = QLabel(self.tr("Programme catalogue"))
        title.setObjectName("PageTitle")
        subtitle = QLabel(
            self.tr(
                "Programmes officers can enrol people in. Milestones can be renamed or added, "
                "not removed, because people may already have them signed off."
            )
        )
        subtitle.setObjectName("PageSubtitle")
        subtitle.setWordWrap(True)

        # --- the list ---
        self.model = CatalogueModel(self)
        self.table = list_table(self.model, 28)
        header = self.table.horizontalHeader()
        for column in CatalogueColumn:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CatalogueColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.new_button = QPushButton(self.tr("New programme"))
        self.new_button.clicked.connect(self.new_programme)
        left_box = QWidget()
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 8, 0)
        left.addWidget(self.table, 1)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_button)
        new_row.addStretch(1)
        left.addLayout(new_row)

        # --- the form ---
        self.messages = InlineMessages()
        self.form_title = QLabel()
        self.form_title.setObjectName("SectionTitle")
        self.code = QLineEdit()
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(self.tr("Short code, e.g. WELD"))
        self.name_en = QLineEdit()
        self.name_nb = QLineEdit()
        self.category = QComboBox()
        for value, label in words.categories().items():
            self.category.addItem(label, value)
        self.milestones = QTableWidget(0, 3)
        self.milestones.setHorizontalHeaderLabels(
            [self.tr("Milestone (English)"), self.tr("Milestone (Norwegian)"), self.tr("Hours")]
        )
        self.milestones.verticalHeader().setDefaultSectionSize(28)
        m_header = self.milestones.horizontalHeader()
        m_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        m_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        m_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        m_header.resizeSection(2, 70)
        self.milestones.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.milestones.itemSelectionChanged.connect(self._milestone_selected)
        self.add_milestone_button = QPushButton(self.tr("Add milestone"))
        self.add_milestone_button.clicked.connect(lambda: self.add_milestone())
        self.remove_milestone_button = QPushButton(self.tr("Remove new milestone"))
        self.remove_milestone_button.setToolTip(
            self.tr("Only milestones added now and not saved yet can be removed")
        )
        self.remove_milestone_button.clicked.connect(self.remove_new_milestone)
        self.save_button = QPushButton(self.tr("Save programme"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.messages.field("code"))
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.messages.field("name_en"))
        form.addRow(self.tr("Name (Norwegian)"), self.name_nb)
        form.addRow(self.messages.field("name_nb"))
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.messages.field("category"))
        milestone_buttons = QHBoxLayout()
        milestone_buttons.addWidget(self.add_milestone_button)
        milestone_buttons.addWidget(self.remove_milestone_button)
        milestone_buttons.addStretch(1)
        milestones_title = QLabel(self.tr("Milestones, in order, with the hours they usually take"))
        milestones_title.setObjectName("CardSub")
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right_box = QWidget()
        right = QVBoxLayout(right_box)
        right.setContentsMargins(8, 0, 0, 0)
        right.addWidget(self.form_title)
        right.addLayout(form)
        right.addWidget(milestones_title)
        right.addWidget(self.milestones, 1)
        right.addLayout(milestone_buttons)
        right.addWidget(self.messages.field("milestones"))
        right.addWidget(self.messages.general)
        right.addLayout(save_row)

        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(right_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(splitter, 1)

        self._saved_milestones = 0
        self._select_code: str | None = None  # a programme just added, to keep in the form
        executor.changed.connect(self._changed)
        self.new_programme()

    # --- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._executor.submit(read_catalogue, self._loaded, owner=self)

    @Slot(object)
    def _changed(self, change: Change) -> None:
        if change.entities & CATALOGUE_ENTITIES:
            self.reload()

    def _loaded(self, entries: tuple[CatalogueEntry, ...]) -> None:
        keep = self.editing.id if self.editing is not None else None
        if self._select_code is not None:
            keep = next((e.id for e in entries if e.code == self._select_code), keep)
            self._select_code = None
        self.model.set_rows(entries)
        row = self.model.row_for(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self.loaded.emit()

    @Slot(QItemSelection, QItemSelection)
    def _selected(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        entry = self.model.row_at(rows[0].row()) if rows else None
        if entry is not None:
            self.edit(entry)

    # --- the form --------------------------------------------------------------------------

    def new_programme(self) -> None:
        self.table.clearSelection()
        self.editing = None
        self.messages.clear()
        self.form_title.setText(self.tr("New programme"))
        for edit in (self.code, self.name_en, self.name_nb):
            edit.clear()
        self.category.setCurrentIndex(0)
        self.milestones.setRowCount(0)
        self._saved_milestones = 0
        self.add_milestone()
        self._milestone_selected()
        self.code.setFocus()

    def edit(self, entry: CatalogueEntry) -> None:
        self.editing = entry
        self.messages.clear()
        self.form_title.setText(
            self.tr("Edit {name}").format(name=words.pick(entry.name_en, entry.name_nb))
        )
        self.code.setText(entry.code)
        self.name_en.setText(entry.name_en)
        self.name_nb.setText(entry.name_nb)
        self.category.setCurrentIndex(max(0, self.category.findData(entry.category)))
        self.milestones.setRowCount(0)
        for milestone in entry.milestones:
            self.add_milestone(milestone)
        self._saved_milestones = len(entry.milestones)
        self._milestone_selected()

    def add_milestone(self, milestone: MilestoneRow | None = None) -> None:
        row = self.milestones.rowCount()
        self.milestones.insertRow(row)
        values = (
            (milestone.title_en, milestone.title_nb, str(milestone.expected_hours))
            if milestone is not None
            else ("", "", "0")
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.milestones.setItem(row, column, item)
        if milestone is None:
            self.milestones.setCurrentCell(row, 0)
        self._milestone_selected()

    @Slot()
    def remove_new_milestone(self) -> None:
        row = self.milestones.currentRow()
        if row >= self._saved_milestones:
            self.milestones.removeRow(row)
        self._milestone_selected()

    @Slot()
    def _milestone_selected(self) -> None:
        row = self.milestones.currentRow()
        self.remove_milestone_button.setEnabled(
            row >= self._saved_milestones and self.milestones.rowCount() > 1
        )

    def drafts(self) -> list[tuple[str, str, int]] | str:
        """The milestones as typed, or a message saying which hours are not a number."""
        drafts = []
        for row in range(self.milestones.rowCount()):
            texts = [
                (self.milestones.item(row, column) or QTableWidgetItem("")).text().strip()
                for column in range(3)
            ]
            try:
                hours = int(texts[2] or "0")
            except ValueError:
                return self.tr("Milestone {n}: hours must be a whole number.").format(n=row + 1)
            drafts.append((texts[0], texts[1], hours))
        return drafts

    @Slot()
    def save(self) -> None:
        self.messages.clear()
        drafts = self.drafts()
        if isinstance(drafts, str):
            self.messages.say("milestones", drafts)
            return
        actor = self._actor()
        values: dict[str, Any] = {
            "code": self.code.text(),
            "name_en": self.name_en.text(),
            "name_nb": self.name_nb.text(),
            "category": self.category.currentData(),
            "programme_id": self.editing.id if self.editing is not None else None,
        }

        def work(store: Store) -> Change:
            from officer_desk.app import programmes

            milestones = [programmes.MilestoneDraft(en, nb, hours) for en, nb, hours in drafts]
            return programmes.save_programme(store, actor, milestones=milestones, **values)

        code = values["code"].strip().upper()

        def done(_change: Any) -> None:
            self.status.emit(self.tr("Programme {code} saved").format(code=code))
            if self.editing is None:
                # Keep the new programme in the form, as an edit, once the list has it.
                self._select_code = code
            self._saved_milestones = self.milestones.rowCount()
            self._milestone_selected()

        run_write(
            self._executor,
            work,
            owner=self,
            messages=self.messages,
            button=self.save_button,
            on_done=done,
        )
