"""Conflict review (supervisors): the inbox of what the sync could not merge, and the changes
the hub refused.

For a conflict the page shows the person, the record and each competing value with who wrote
it, on which workstation and when; the supervisor keeps one, writes a combined value, or (for
two revisions of a note) keeps both; a disputed checklist item gets the status the supervisor
gives it.  Every decision runs ``app.conflicts.resolve`` on the database worker and syncs like
any change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError
from officer_desk.ui.conflicts.models import (
    ROW_ROLE,
    ConflictColumn,
    ConflictsModel,
    RejectedColumn,
    RejectedModel,
    kind_text,
    side_text,
    value_text,
)
from officer_desk.ui.dialogs.form import FieldMessage
from officer_desk.ui.unit.page import table

if TYPE_CHECKING:
    from officer_desk.app.conflicts import ConflictRow, Inbox
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store

RELEVANT = {"sync_conflict", "rejected_change"}
STATUSES = ("not_started", "in_progress", "done", "support_declined", "not_needed")


class ValueBox(QGroupBox):
    """One competing value: the text, who/where/when, and the button that keeps it."""

    def __init__(self, title: str, button: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.value = QPlainTextEdit()
        self.value.setReadOnly(True)
        self.value.setAccessibleName(title)
        self.value.setMaximumHeight(110)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.choose = QPushButton(button)
        self.choose.setAccessibleName(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.origin)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.choose)
        layout.addLayout(row)


class ConflictReviewPage(QWidget):
    loaded = Signal()
    decided = Signal(object)  # the Change of a decision

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._actor = actor
        self._generation = 0
        self.inbox: Inbox | None = None
        self.current: ConflictRow | None = None
        self.busy = False

        title = QLabel(self.tr("Sync conflicts"))
        title.setObjectName("PageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("PageSubtitle")
        self.summary.setWordWrap(True)

        self.conflicts = ConflictsModel(self)
        self.conflict_view = table(self.conflicts)
        self.conflict_view.setAccessibleName(self.tr("Conflicts"))
        header = self.conflict_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConflictColumn.RECORD, QHeaderView.ResizeMode.Stretch)
        self.conflict_view.selectionModel().selectionChanged.connect(self._conflict_chosen)
        self.show_decided = QCheckBox(self.tr("Show &decided ones too"))
        self.show_decided.setAccessibleName(self.tr("Show decided conflicts too"))
        self.show_decided.toggled.connect(self.reload)

        self.heading = QLabel()
        self.heading.setObjectName("SectionTitle")
        self.heading.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.kept = ValueBox(self.tr("Kept by the sync"), self.tr("&Keep this value"))
        self.lost = ValueBox(self.tr("The other value"), self.tr("&Use this value"))
        self.kept.choose.clicked.connect(lambda: self._decide("keep"))
        self.lost.choose.clicked.connect(lambda: self._decide("take_other"))
        self.merged = QPlainTextEdit()
        self.merged.setAccessibleName(self.tr("Combined value"))
        self.merged.setMaximumHeight(100)
        self.merge_button = QPushButton(self.tr("Save the &combined value"))
        self.merge_button.setAccessibleName(self.tr("Save the combined value"))
        self.merge_button.clicked.connect(self._merge)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status the item really has"))
        for status in STATUSES:
            self.status.addItem(value_text(status, "disputed"), status)
        self.status_button = QPushButton(self.tr("Set this &status"))
        self.status_button.setAccessibleName(self.tr("Set this status"))
        self.status_button.clicked.connect(self._set_status)
        self.both_button = QPushButton(self.tr("Keep &both revisions"))
        self.both_button.setAccessibleName(self.tr("Keep both revisions"))
        self.both_button.clicked.connect(lambda: self._decide("keep_both"))
        self.message = FieldMessage()

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.note)
        sides = QGridLayout()
        sides.addWidget(self.kept, 0, 0)
        sides.addWidget(self.lost, 0, 1)
        detail_layout.addLayout(sides)
        self.merge_label = QLabel(self.tr("Or write a combined value:"))
        detail_layout.addWidget(self.merge_label)
        detail_layout.addWidget(self.merged)
        decide_row = QHBoxLayout()
        decide_row.addWidget(self.status)
        decide_row.addWidget(self.status_button)
        decide_row.addStretch(1)
        decide_row.addWidget(self.both_button)
        decide_row.addWidget(self.merge_button)
        detail_layout.addLayout(decide_row)
        detail_layout.addWidget(self.message)
        detail_layout.addStretch(1)
        self.detail = detail

        conflicts_tab = QWidget()
        conflicts_layout = QVBoxLayout(conflicts_tab)
        conflicts_layout.addWidget(self.show_decided)
        self.split = QSplitter()
        self.split.addWidget(self.conflict_view)
        self.split.addWidget(detail)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([660, 600])
        self.split.setChildrenCollapsible(False)
        conflicts_layout.addWidget(self.split, 1)
        self.empty = QLabel(self.tr("Nothing to decide: the sync merged everything."))
        self.empty.setObjectName("EmptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        conflicts_layout.addWidget(self.empty, 1)

        self.rejected = RejectedModel(self)
        self.rejected_view = table(self.rejected)
        self.rejected_view.setAccessibleName(self.tr("Changes the hub refused"))
        rejected_header = self.rejected_view.horizontalHeader()
        rejected_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rejected_header.setSectionResizeMode(RejectedColumn.REASON, QHeaderView.ResizeMode.Stretch)
        self.dismiss_button = QPushButton(self.tr("&Dismiss the chosen change"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss the chosen rejected change"))
        self.dismiss_button.clicked.connect(self._dismiss)
        self.rejected_message = FieldMessage()
        rejected_tab = QWidget()
        rejected_layout = QVBoxLayout(rejected_tab)
        explain = QLabel(
            self.tr(
                "These changes were made on this workstation but the hub refused them; they are "
                "not on the other workstations. Read why, make the change again if it is still "
                "needed, then dismiss it."
            )
        )
        explain.setWordWrap(True)
        rejected_layout.addWidget(explain)
        rejected_layout.addWidget(self.rejected_view, 1)
        dismiss_row = QHBoxLayout()
        dismiss_row.addWidget(self.rejected_message, 1)
        dismiss_row.addWidget(self.dismiss_button)
        rejected_layout.addLayout(dismiss_row)

        self.tabs = QTabWidget()
        self.tabs.addTab(conflicts_tab, self.tr("Conflicts"))
        self.tabs.addTab(rejected_tab, self.tr("Rejected changes"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

        QWidget.setTabOrder(self.show_decided, self.conflict_view)
        QWidget.setTabOrder(self.conflict_view, self.kept.choose)
        QWidget.setTabOrder(self.kept.choose, self.lost.choose)
        QWidget.setTabOrder(self.lost.choose, self.merged)
        QWidget.setTabOrder(self.merged, self.status)
        QWidget.setTabOrder(self.status, self.status_button)
        QWidget.setTabOrder(self.status_button, self.both_button)
        QWidget.setTabOrder(self.both_button, self.merge_button)
        self._show(None)
        executor.changed.connect(self._changed)

    # --- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        include = self.show_decided.isChecked()
        actor = self._actor()

        def work(store: Store) -> Inbox:
            from officer_desk.app.conflicts import inbox

            return inbox(store, actor, include_resolved=include)

        self._executor.submit(
            work, lambda read: self._loaded(generation, read), self._refused, owner=self
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            self.clear()
            self.summary.setText(error.message)
        else:
            self._executor.failed.emit(error)

    def clear(self) -> None:
        self._generation += 1
        self.inbox = None
        self.conflicts.set_rows(())
        self.rejected.set_rows(())
        self._show(None)

    @Slot(object)
    def _changed(self, change: Change) -> None:
        if self.inbox is not None and change.entities & RELEVANT:
            self.reload()

    def _loaded(self, generation: int, inbox: Inbox) -> None:
        if generation != self._generation:
            return
        chosen = self.current.id if self.current is not None else None
        self.inbox = inbox
        self.conflicts.set_rows(inbox.conflicts)
        self.rejected.set_rows(inbox.rejected)
        if len(inbox.rejected) == 1:
            summary = self.tr(
                "{open} to decide, {auto} decided by the sync to review, 1 change the hub refused."
            )
        else:
            summary = self.tr(
                "{open} to decide, {auto} decided by the sync to review, "
                "{rejected} changes the hub refused."
            )
        self.summary.setText(
            summary.format(
                open=inbox.open_count,
                auto=sum(1 for c in inbox.conflicts if c.auto_resolved and not c.resolved),
                rejected=len(inbox.rejected),
            )
        )
        self.tabs.setTabText(0, self.tr("Conflicts ({n})").format(n=len(inbox.conflicts)))
        self.tabs.setTabText(1, self.tr("Rejected changes ({n})").format(n=len(inbox.rejected)))
        self.empty.setVisible(not inbox.conflicts)
        self.split.setVisible(bool(inbox.conflicts))
        rows = [c.id for c in inbox.conflicts]
        at = rows.index(chosen) if chosen in rows else (0 if rows else -1)
        if at >= 0:
            self.conflict_view.selectRow(at)
        else:
            self._show(None)
        self.loaded.emit()

    # --- one conflict ----------------------------------------------------------------------

    @Slot()
    def _conflict_chosen(self) -> None:
        rows = self.conflict_view.selectionModel().selectedRows()
        self._show(rows[0].data(ROW_ROLE) if rows else None)

    def _show(self, row: ConflictRow | None) -> None:
        self.current = row
        self.message.clear_message()
        self.detail.setEnabled(row is not None and not row.resolved)
        if row is None:
            self.heading.setText(self.tr("Choose a conflict to see both values."))
            self.note.setText("")
            for box in (self.kept, self.lost):
                box.value.setPlainText("")
                box.origin.setText("")
            self.merged.setPlainText("")
            return
        self.heading.setText(" · ".join(x for x in (row.person, row.record, kind_text(row)) if x))
        self.note.setText(row.note)
        self.kept.value.setPlainText(value_text(row.kept.value, row.kind))
        self.kept.origin.setText(side_text(row.kept))
        self.lost.value.setPlainText(value_text(row.lost.value, row.kind))
        self.lost.origin.setText(side_text(row.lost))
        decisions = {d.value for d in row.decisions}
        disputed = row.kind == "disputed"
        mergeable = "merge" in decisions and not disputed
        parts: list[tuple[QWidget, bool]] = [
            (self.merged, mergeable),
            (self.merge_button, mergeable),
            (self.merge_label, mergeable),
            (self.status, disputed),
            (self.status_button, disputed),
        ]
        for widget, visible in parts:
            widget.setVisible(visible)
        self.both_button.setVisible("keep_both" in decisions)
        # What the hub closed to keep an invariant may not be choosable (only kept).
        self.lost.choose.setVisible("take_other" in decisions)
        if disputed:
            self.kept.setTitle(self.tr("One officer set"))
            self.lost.setTitle(self.tr("Another officer set"))
            at = self.status.findData(row.kept.value)
            self.status.setCurrentIndex(max(at, 0))
        else:
            self.kept.setTitle(self.tr("Kept by the sync"))
            self.lost.setTitle(self.tr("The other value"))
            kept, lost = value_text(row.kept.value), value_text(row.lost.value)
            self.merged.setPlainText(kept if kept == lost else f"{kept}\n{lost}")

    @Slot()
    def _merge(self) -> None:
        text = self.merged.toPlainText()
        if not text.strip():
            self.message.say(self.tr("Write the combined value before saving the decision."))
            return
        self._decide("merge", text)

    @Slot()
    def _set_status(self) -> None:
        self._decide("merge", str(self.status.currentData()))

    def _decide(self, decision: str, merged: str | None = None) -> None:
        row = self.current
        if row is None or self.busy:
            return
        actor = self._actor()
        self.busy = True
        self.detail.setEnabled(False)

        def work(store: Store) -> Change:
            from officer_desk.app.conflicts import resolve

            return resolve(store, actor, conflict_id=row.id, decision=decision, merged=merged)

        self._executor.submit(work, self._decided, self._failed, owner=self)

    def _decided(self, change: Change) -> None:
        self.busy = False
        self.decided.emit(change)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.detail.setEnabled(True)
        if isinstance(error, DeskError):
            self.message.say(error.message)
        else:
            self._executor.failed.emit(error)

    # --- rejected changes ------------------------------------------------------------------

    @Slot()
    def _dismiss(self) -> None:
        rows = self.rejected_view.selectionModel().selectedRows()
        self.rejected_message.clear_message()
        if not rows:
            self.rejected_message.say(self.tr("Choose a change in the list first."))
            return
        op_id, actor = rows[0].data(ROW_ROLE).op_id, self._actor()

        def work(store: Store) -> Any:
            from officer_desk.app.conflicts import dismiss_rejected

            return dismiss_rejected(store, actor, op_id=op_id)

        def failed(error: BaseException) -> None:
            if isinstance(error, DeskError):
                self.rejected_message.say(error.message)
            else:
                self._executor.failed.emit(error)

        self._executor.submit(work, lambda _c: self.reload(), failed, owner=self)
