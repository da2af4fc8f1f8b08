"""The shift handover page (Unit → Shift handover): start a handover for your shift, the list
of open and past handovers with search, and the chosen one in :class:`HandoverDetail`.

How to embed::

    page = HandoverPage(executor, session, today=date.today)
    page.reload()               # after showing it
    page.open_handover(hid)     # e.g. from the banner on the desk

Reads and writes run on ``executor``; the page refreshes from ``executor.changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app import handover
from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.app.reads.handover import (
    HANDOVER_ENTITIES,
    HandoverList,
    read_list,
    read_view,
)
from officer_desk.domain import shifts
from officer_desk.domain.enums import HandoverStatus
from officer_desk.domain.errors import DeskError
from officer_desk.store.handover import HandoverSearch, HandoverSummary, HandoverView
from officer_desk.ui import vocabulary
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.dialogs.form import FieldMessage
from officer_desk.ui.handover.detail import (
    ID_ROLE,
    HandoverDetail,
    from_qt,
    to_qt,
    when,
)
from officer_desk.ui.i18n import by_name

SEARCH_DAYS = 90


if TYPE_CHECKING:
    from officer_desk.app.actor import Actor
    from officer_desk.store.database import Store


def _start(actor: Actor, start: datetime, end: datetime) -> Callable[[Store], Change]:
    """Draft a handover for the shift on the worker; the new handover comes back as its
    Change (its id first), like every other write."""

    def work(store: Store) -> Change:
        return handover.start_handover(store, actor, start, end).change

    return work


class HandoverPage(QWidget):
    loaded = Signal()  # the list and the chosen handover are on screen
    status = Signal(str)

    def __init__(
        self,
        executor: DbExecutor,
        session: DeskSession,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._session = session
        self._today = today
        self.current_id: str | None = None
        self.found: tuple[HandoverSummary, ...] = ()

        title = QLabel(self.tr("Shift handover"))
        title.setObjectName("PageTitle")
        subtitle = QLabel(
            self.tr(
                "Per person: what happened, a status, actions and “if this, then that”. The "
                "incoming officer or a supervisor acknowledges each person and signs."
            )
        )
        subtitle.setObjectName("PageSubtitle")
        subtitle.setWordWrap(True)

        self.shift_from = QDateTimeEdit()
        self.shift_to = QDateTimeEdit()
        for edit, name in (
            (self.shift_from, self.tr("Shift start")),
            (self.shift_to, self.tr("Shift end")),
        ):
            edit.setDisplayFormat(vocabulary.date_time_input_format())
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
        self.start_button = QPushButton(self.tr("Start handover"))
        self.start_button.setObjectName("PrimaryButton")
        self.start_button.setAccessibleName(self.tr("Draft a handover for this shift"))
        self.start_button.setToolTip(
            self.tr("Drafts a summary per person from what was logged in the shift")
        )
        self.start_button.clicked.connect(self.start_handover)
        self.message = FieldMessage()
        start_row = QHBoxLayout()
        start_row.addWidget(QLabel(self.tr("My shift from")))
        start_row.addWidget(self.shift_from)
        start_row.addWidget(QLabel(self.tr("to")))
        start_row.addWidget(self.shift_to)
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)

        self.search_text = QLineEdit()
        self.search_text.setPlaceholderText(self.tr("Search text, a name or a prison number"))
        self.search_text.setAccessibleName(self.tr("Search handovers"))
        self.search_text.setClearButtonEnabled(True)
        self.search_text.returnPressed.connect(self.reload)
        self.search_officer = QComboBox()
        self.search_officer.setAccessibleName(self.tr("Officer in the handover"))
        self.search_officer.addItem(self.tr("Any officer"), None)
        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit, name in ((self.since, self.tr("From date")), (self.until, self.tr("To date"))):
            edit.setDisplayFormat(vocabulary.date_input_format())
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setAccessibleName(self.tr("Only handovers not signed yet"))
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setAccessibleName(self.tr("Search handovers"))
        self.search_button.clicked.connect(self.reload)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_text, 3)
        search_row.addWidget(self.search_officer, 1)
        search_row.addWidget(self.since)
        search_row.addWidget(QLabel("–"))
        search_row.addWidget(self.until)
        search_row.addWidget(self.open_only)
        search_row.addWidget(self.search_button)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Handovers"))
        self.list.setMinimumWidth(200)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._chosen)
        self.empty = QLabel(self.tr("No handovers found."))
        self.empty.setObjectName("EmptyState")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        self.detail = HandoverDetail(executor, lambda: session.actor())
        self.detail.status.connect(self.status)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([240, 900])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(start_row)
        layout.addWidget(self.message)
        layout.addLayout(search_row)
        layout.addWidget(split, 1)
        QWidget.setTabOrder(self.shift_to, self.start_button)
        QWidget.setTabOrder(self.start_button, self.search_text)
        self.reset_dates()
        executor.changed.connect(self._on_changed)

    # --- loading --------------------------------------------------------------------------

    def reset_dates(self) -> None:
        start, end = shifts.shift_ending(datetime.now().astimezone())
        self.shift_from.setDateTime(to_qt(start))
        self.shift_to.setDateTime(to_qt(end))
        today = self._today()
        since = today - timedelta(days=SEARCH_DAYS)
        self.since.setDate(QDate(since.year, since.month, since.day))
        self.until.setDate(QDate(today.year, today.month, today.day))

    def search(self) -> HandoverSearch:
        return HandoverSearch(
            text=self.search_text.text(),
            officer_id=self.search_officer.currentData(),
            since=self.since.date().toPython(),  # type: ignore[arg-type]
            until=self.until.date().toPython(),  # type: ignore[arg-type]
            open_only=self.open_only.isChecked(),
        )

    @Slot()
    def reload(self) -> None:
        user = self._session.user
        if user is None:
            return
        role = str(user.role)
        self.start_button.setEnabled(role in ("officer", "supervisor"))
        self._executor.submit(
            read_list(user.unit_id, self.search(), self._today()),
            self._listed,
            self._failed,
            owner=self,
        )

    def _listed(self, result: HandoverList) -> None:
        self.found = result.found
        self.detail.set_officers(result.officers)
        chosen = self.search_officer.currentData()
        self.search_officer.blockSignals(True)
        self.search_officer.clear()
        self.search_officer.addItem(self.tr("Any officer"), None)
        for o in by_name(result.officers, lambda o: o.display_name):
            self.search_officer.addItem(o.display_name, o.id)
        self.search_officer.setCurrentIndex(max(0, self.search_officer.findData(chosen)))
        self.search_officer.blockSignals(False)
        self.list.blockSignals(True)
        self.list.clear()
        states: dict[str, str] = {
            HandoverStatus.DRAFT: self.tr("draft"),
            HandoverStatus.HANDED_OVER: self.tr("waiting to be signed"),
            HandoverStatus.SIGNED: self.tr("signed"),
        }
        for h in result.found:
            waiting = (
                self.tr(" · {n} to acknowledge").format(n=h.unacknowledged)
                if h.status == HandoverStatus.HANDED_OVER and h.unacknowledged
                else ""
            )
            item = QListWidgetItem(
                self.tr("{start} – {end}\n{outgoing} → {incoming} · {state}{waiting}").format(
                    start=when(h.shift_start),
                    end=when(h.shift_end),
                    outgoing=h.outgoing,
                    incoming=h.incoming or self.tr("next shift"),
                    state=states.get(h.status, h.status),
                    waiting=waiting,
                )
            )
            item.setData(ID_ROLE, h.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not result.found)
        ids = [h.id for h in result.found]
        if self.current_id in ids:
            self.list.setCurrentRow(ids.index(self.current_id))
            self._load_view(self.current_id)
        elif self.current_id is not None:
            self._load_view(self.current_id)  # opened from the banner, outside the search
        elif ids:
            self.list.setCurrentRow(0)
        else:
            self.detail.show_view(None)
            self.loaded.emit()

    @Slot(QListWidgetItem, QListWidgetItem)
    def _chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.current_id = item.data(ID_ROLE)
            self._load_view(self.current_id)

    def open_handover(self, handover_id: str) -> None:
        self.current_id = handover_id
        self.reload()

    def _load_view(self, handover_id: str | None) -> None:
        if handover_id is None:
            return
        self._executor.submit(read_view(handover_id), self._viewed, self._failed, owner=self)

    def _viewed(self, view: HandoverView | None) -> None:
        self.detail.show_view(view)
        self.loaded.emit()

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        if change.entities & HANDOVER_ENTITIES and self.isVisible():
            self.reload()

    # --- starting -------------------------------------------------------------------------

    @Slot()
    def start_handover(self) -> None:
        start = from_qt(self.shift_from.dateTime())
        end = from_qt(self.shift_to.dateTime())
        self.message.clear_message()
        if end <= start:
            self.message.say(self.tr("The shift must end after it starts."))
            return
        self.start_button.setEnabled(False)
        self._executor.submit(
            _start(self._session.actor(), start, end),
            self._started,
            self._failed,
            owner=self,
        )

    def _started(self, change: Change) -> None:
        self.start_button.setEnabled(True)
        self.current_id = change.ids[0]
        self.status.emit(self.tr("Handover drafted: check each person, then hand over."))

    def _failed(self, error: BaseException) -> None:
        self.start_button.setEnabled(True)
        if isinstance(error, DeskError):
            self.message.say(error.message)
        else:
            self._executor.failed.emit(error)
        self.loaded.emit()

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
