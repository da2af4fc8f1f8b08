"""The person page: who they are (editable profile), what needs attention, and one timeline
of everything about them, newest first, loaded a page at a time as it scrolls."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.app.reads.programmes import read_person
from officer_desk.app.reads.release import read_plan
from officer_desk.store.rows import CaseloadRow
from officer_desk.ui import vocabulary
from officer_desk.ui.actions import DeskActions, bind
from officer_desk.ui.home.avatar import Avatar
from officer_desk.ui.home.card import ElidedLabel, alerts_text
from officer_desk.ui.home.model import CaseloadModel
from officer_desk.ui.i18n import by_name
from officer_desk.ui.person.profile import ProfileForm
from officer_desk.ui.person.search import HighlightDelegate, TimelineSearchModel
from officer_desk.ui.person.timeline_model import (
    ITEM_ROLE,
    KINDS,
    PAGE_SIZE,
    Column,
    TimelineFilter,
    TimelineModel,
    read_page,
)
from officer_desk.ui.programmes.panel import ProgrammesPanel
from officer_desk.ui.release.panel import ReleasePlanPanel
from officer_desk.ui.wrap_row import WrapRow

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store

log = logging.getLogger("officer_desk.ui")
NO_DATE = QDate(2000, 1, 1)  # the date edits' "any" value
NOBODY = ""  # an inmate id that matches no one
PROGRAMMES_TAB, RELEASE_PLAN_TAB = 1, 2
SEARCH_PAUSE_MS = 300  # typing: search when the person pauses, not at every letter


def prepare_reads(today: date) -> Callable[[Store], None]:
    """The page's reads, once, for no one: SQLAlchemy configures its mappers on the first ORM
    query anywhere (some 60 ms) and compiles each statement on its first use (the programmes
    and release plan panels: another 40).  That held the worker on the interpreter lock just
    as the first person was opened, and the screen stalled for it; paid while the officer
    reads the home screen, the first person costs what the next one does."""

    def work(store: Store) -> None:
        from officer_desk.store.queries import configure_orm

        configure_orm()
        read_page(NOBODY, None, TimelineFilter(), PAGE_SIZE)(store)
        read_person(NOBODY, today)(store)
        read_plan(NOBODY, None, today, by_name)(store)

    return work


class PersonPage(QWidget):
    back_requested = Signal()
    amend_requested = Signal(str, str)  # inmate id, note id
    journal_requested = Signal(str)  # inmate id
    # A timeline entry to correct (False) or void (True), with the line that shows it.
    correct_requested = Signal(object, str, bool)  # TimelineItem, summary, void
    follow_up_done = Signal(str, str)  # follow-up id, text
    status = Signal(str)
    undo_offered = Signal(object)  # UndoOffer, from the programmes tab (Enrol)

    def __init__(
        self,
        executor: DbExecutor,
        model: CaseloadModel,
        actions: DeskActions,
        actor: Callable[[], Actor],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._today = today
        self.inmate_id: str | None = None

        # --- header ---
        self.back_button = QPushButton(self.tr("← Caseload"))
        self.back_button.setObjectName("QuietButton")
        bind(self.back_button, actions.home)
        self.avatar = Avatar(64)
        # A name may be 120 characters (the roster allows it): it elides, whole in the tooltip,
        # rather than widen the window past its screen.
        self.name = ElidedLabel()
        self.name.setObjectName("PageTitle")
        self.details = QLabel()
        self.details.setObjectName("PageSubtitle")
        self.details.setWordWrap(True)  # fits a narrow window (200 % scaling)
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.name)
        names.addWidget(self.details)
        self.previous_button = QPushButton("‹")
        bind(self.previous_button, actions.previous_person)
        self.next_button = QPushButton("›")
        bind(self.next_button, actions.next_person)
        for button in (self.previous_button, self.next_button):
            button.setObjectName("QuietButton")
            button.setFixedWidth(36)
        self.activity_button = QPushButton(self.tr("Activity"))
        bind(self.activity_button, actions.log_activity)
        self.conversation_button = QPushButton(self.tr("Conversation"))
        bind(self.conversation_button, actions.conversation)
        self.strength_button = QPushButton(self.tr("Strength"))
        bind(self.strength_button, actions.strength)
        self.note_button = QPushButton(self.tr("Note"))
        bind(self.note_button, actions.note)
        self.journal_button = QPushButton(self.tr("Journal…"))
        self.journal_button.setToolTip(
            self.tr("Print the person's own journal, or save it as a PDF")
        )
        self.journal_button.clicked.connect(self._journal_wanted)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.avatar)
        top.addLayout(names, 1)
        for button in (
            self.activity_button,
            self.conversation_button,
            self.strength_button,
            self.note_button,
        ):
            top.addWidget(button)
        top.addWidget(self.journal_button)
        top.addSpacing(12)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)

        self.streak_flag = QLabel()
        self.streak_flag.setObjectName("FlagAlert")
        self.streak_flag.setWordWrap(True)
        self.nudge = QLabel()
        self.nudge.setObjectName("FlagNudge")
        self.nudge.setWordWrap(True)
        self.care = ElidedLabel()
        self.care.setObjectName("CardAlert")

        # --- left: profile and follow-ups ---
        self.profile = ProfileForm(executor, actor)
        self.profile.saved.connect(self.status)
        profile_title = QLabel(self.tr("Profile"))
        profile_title.setObjectName("SectionTitle")
        follow_title = QLabel(self.tr("Open follow-ups"))
        follow_title.setObjectName("SectionTitle")
        self.follow_ups_box = QWidget()
        self.follow_ups = QGridLayout(self.follow_ups_box)
        self.follow_ups.setContentsMargins(0, 0, 0, 0)
        self.follow_ups.setColumnStretch(0, 1)
        self.no_follow_ups = QLabel(self.tr("None open."))
        self.no_follow_ups.setObjectName("CardSub")
        left_box = QWidget()
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 8, 0)
        left.addWidget(profile_title)
        left.addWidget(self.profile)
        left.addSpacing(10)
        left.addWidget(follow_title)
        left.addWidget(self.follow_ups_box)
        left.addWidget(self.no_follow_ups)
        left.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left_box)
        left_scroll.setMinimumWidth(260)  # 300 left a 200 % window wider than 960 px
        # Narrower than the form only in a small window (200 %): scroll rather than clip.
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        # --- right: timeline ---
        self.timeline = TimelineModel(executor, self)
        timeline_title = QLabel(self.tr("Timeline"))
        timeline_title.setObjectName("SectionTitle")
        names_of_kinds = {
            "meal": self.tr("Meals"),
            "activity": self.tr("Activities"),
            "conversation": self.tr("Conversations"),
            "note": self.tr("Notes"),
        }
        self.kind_boxes: dict[str, QCheckBox] = {}
        # The kinds and the date range go onto two rows when the page is narrow (200 %).
        filters = WrapRow()
        kinds = QHBoxLayout()
        kinds.setSpacing(10)
        kinds.addWidget(timeline_title)
        kinds.addSpacing(8)
        for kind in KINDS:
            box = QCheckBox(names_of_kinds[kind])
            box.setChecked(True)
            box.toggled.connect(self._filter_changed)
            self.kind_boxes[kind] = box
            kinds.addWidget(box)
        kinds.addStretch(1)
        self.since = self._date_edit(self.tr("From"))
        self.until = self._date_edit(self.tr("To"))
        dates = QHBoxLayout()
        dates.setSpacing(10)
        dates.addWidget(QLabel(self.tr("From")))
        dates.addWidget(self.since)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.until)
        # Search: the hits replace the timeline while there are words in the box.
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search the timeline"))
        self.search_box.setAccessibleName(self.tr("Search the timeline"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(180)
        self.search_box.textChanged.connect(self._search_typed)
        self.search_box.returnPressed.connect(self._search_now)
        self._search_pause = QTimer(self)
        self._search_pause.setSingleShot(True)
        self._search_pause.setInterval(SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self._search_now)
        dates.addSpacing(6)
        dates.addWidget(self.search_box, 1)  # the dates and the search keep to one row
        filters.add_group(kinds, 1)
        filters.add_group(dates, 1)

        self.table = self._timeline_view(self.timeline, self.tr("Timeline"))
        self.found = TimelineSearchModel(executor, self)
        self.results = self._timeline_view(self.found, self.tr("Entries found"))
        self.results.setItemDelegateForColumn(Column.DETAILS, HighlightDelegate(self.results))
        # What was found is what matters: the words come right after the time, wide.
        found_header = self.results.horizontalHeader()
        found_header.moveSection(found_header.visualIndex(Column.DETAILS), 1)
        found_header.setSectionResizeMode(Column.DETAILS, QHeaderView.ResizeMode.Interactive)
        found_header.resizeSection(Column.DETAILS, 420)
        found_header.setSectionResizeMode(Column.WHAT, QHeaderView.ResizeMode.Stretch)
        self.results.hide()
        self.no_match = QLabel()
        self.no_match.setObjectName("CardSub")
        self.no_match.setWordWrap(True)
        self.no_match.hide()

        self.detail = QLabel()
        self.detail.setObjectName("TimelineDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.amend_button = QPushButton(self.tr("Amend note…"))
        self.amend_button.setToolTip(self.tr("Add a revision; the earlier text stays in history"))
        self.amend_button.clicked.connect(self._amend_selected)
        self.amend_button.hide()
        # Every kind of entry can be corrected (a note: Amend note…) or voided, with a reason.
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setToolTip(
            self.tr("Correct this entry; the entry as first written stays in history")
        )
        self.correct_button.clicked.connect(lambda: self._correct_selected(False))
        self.correct_button.hide()
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setToolTip(self.tr("Take this entry out of the timeline, with a reason"))
        self.void_button.clicked.connect(lambda: self._correct_selected(True))
        self.void_button.hide()
        self.detail.setText(self.tr("Choose an entry to read it in full."))
        self.empty_timeline = QLabel(self.tr("Nothing recorded for these filters."))
        self.empty_timeline.setObjectName("CardSub")
        self.empty_timeline.hide()
        detail_row = QHBoxLayout()
        detail_row.addWidget(self.detail, 1)
        entry_buttons = QVBoxLayout()
        entry_buttons.setSpacing(4)
        for button in (self.amend_button, self.correct_button, self.void_button):
            button.setAutoDefault(False)
            entry_buttons.addWidget(button)
        entry_buttons.addStretch(1)
        detail_row.addLayout(entry_buttons)

        right_box = QWidget()
        right = QVBoxLayout(right_box)
        right.setContentsMargins(8, 0, 0, 0)
        right.addWidget(filters)
        right.addWidget(self.table, 1)
        right.addWidget(self.results, 1)
        # Without a table, the message takes the room (at the top), not the filters' rows.
        right.addWidget(self.empty_timeline, 1, Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.no_match, 1, Qt.AlignmentFlag.AlignTop)
        right.addLayout(detail_row)

        # Programmes and the release plan sit beside the timeline, one tab each, so the page
        # stays one place for everything about the person.  Each is built when first used,
        # or by the desk in a turn of its own after the page (``settling``): built with it,
        # the page took some 70 ms of the GUI thread in one go, just after the first screen.
        self._executor = executor
        self._actor = actor
        self._programmes: ProgrammesPanel | None = None
        self._release_plan: ReleasePlanPanel | None = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(right_box, self.tr("Timeline"))
        self.tabs.addTab(QWidget(), self.tr("Programmes"))
        self.tabs.addTab(QWidget(), self.tr("Release plan"))
        self.tabs.currentChanged.connect(self._tab_chosen)

        splitter = QSplitter()
        splitter.addWidget(left_scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 900])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.streak_flag)
        layout.addWidget(self.nudge)
        layout.addWidget(self.care)
        layout.addWidget(splitter, 1)

        model.loaded.connect(self._refresh)
        self.timeline.page_loaded.connect(self._page_loaded)
        self.found.page_loaded.connect(self._hits_loaded)
        self.timeline.pause(True)  # until shown
        self.found.pause(True)

    def _timeline_view(self, model: TimelineModel, name: str) -> QTableView:
        table = QTableView()
        table.setAccessibleName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The columns share the width there is and never scroll sideways (at 1024 px the
        # fixed widths did): what and details stretch and elide, their whole text is the
        # tooltip (and the entry's full text shows below the table when chosen).
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(Column.WHEN, 150)
        header.resizeSection(Column.KIND, 90)
        header.setSectionResizeMode(Column.WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.DETAILS, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(Column.BY, 110)
        table.selectionModel().selectionChanged.connect(self._selected)
        table.doubleClicked.connect(self._amend_selected)
        return table

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timeline.pause(False)
        self.found.pause(False)

    def hideEvent(self, event: QHideEvent) -> None:
        # Changes while the home screen shows (a meal for the caseload) are read once the page
        # is shown again, not each time on the worker competing with the home screen's re-read.
        super().hideEvent(event)
        self.timeline.pause(True)
        self.found.pause(True)

    # --- the programmes and release plan tabs -------------------------------------------------

    @property
    def programmes(self) -> ProgrammesPanel:
        if self._programmes is None:
            self._programmes = ProgrammesPanel(self._executor, self._actor, self._today)
            self._put_in_tab(PROGRAMMES_TAB, self._programmes)
            if self.inmate_id is not None:
                self._programmes.show_person(self.inmate_id)
        return self._programmes

    @property
    def release_plan(self) -> ReleasePlanPanel:
        if self._release_plan is None:
            self._release_plan = ReleasePlanPanel(self._executor, self._actor, self._today)
            self._put_in_tab(RELEASE_PLAN_TAB, self._release_plan)
            if self.inmate_id is not None:
                self._release_plan.show_person(self.inmate_id)
        return self._release_plan

    def _put_in_tab(self, index: int, panel: QWidget) -> None:
        chosen = self.tabs.currentIndex()
        title = self.tabs.tabText(index)
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)  # the same tab stays chosen: not a new choice
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, panel, title)
        # The panels' confirmations go to the status bar, like the page's own.
        panel.status.connect(self.status)  # type: ignore[attr-defined]
        if isinstance(panel, ProgrammesPanel):
            panel.undo_offered.connect(self.undo_offered)
        self.tabs.setCurrentIndex(chosen)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    @Slot(int)
    def _tab_chosen(self, index: int) -> None:
        if index == PROGRAMMES_TAB:
            self.programmes  # noqa: B018  (chosen before it was built: build it now)
        elif index == RELEASE_PLAN_TAB:
            self.release_plan  # noqa: B018

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(vocabulary.date_input_format())
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        edit.setAccessibleName(name)
        edit.dateChanged.connect(self._filter_changed)
        return edit

    @Slot()
    def _journal_wanted(self) -> None:
        if self.inmate_id is not None:
            self.journal_requested.emit(self.inmate_id)

    # --- which person ------------------------------------------------------------------------

    def show_person(self, inmate_id: str) -> None:
        same = inmate_id == self.inmate_id
        self.inmate_id = inmate_id
        self._refresh()
        if not same:
            self.search_box.clear()  # a search is about one person's words
            self._search_now()
            self.timeline.show_person(inmate_id, self.current_filter())
            for panel in (self._programmes, self._release_plan):
                if panel is not None:  # a panel built later is shown the person then
                    panel.show_person(inmate_id)

    def clear(self) -> None:
        self.inmate_id = None
        self.search_box.clear()
        self._search_now()
        self.timeline.show_person(None)
        self.name.clear()
        self.details.clear()

    def current_filter(self) -> TimelineFilter:
        since = self.since.date()
        until = self.until.date()
        return TimelineFilter(
            kinds=tuple(k for k, box in self.kind_boxes.items() if box.isChecked()),
            since=None if since == NO_DATE else since.toPython(),  # type: ignore[arg-type]
            until=None if until == NO_DATE else until.toPython(),  # type: ignore[arg-type]
        )

    @Slot()
    def _filter_changed(self) -> None:
        if self.inmate_id is not None:
            self.timeline.set_filter(self.current_filter())
            if self.searching:
                self.found.set_filter(self.current_filter())

    @Slot()
    def _refresh(self) -> None:
        if self.inmate_id is None:
            return
        row = self._model.person(self.inmate_id)
        if row is None:
            return  # no longer on this caseload; the desk goes home
        self.avatar.show_person(row.display_name, self._model.photo(row.inmate_id))
        self.name.set_full_text(row.display_name)
        self.details.setText(self._details(row))
        self.streak_flag.setVisible(row.refusal_flag)
        self.streak_flag.setText(
            self.tr("⚑ Declined {n} meals in a row. Talk with them, and tell health staff.").format(
                n=row.refusal_streak
            )
        )
        self.nudge.setVisible(row.contact_nudge)
        self.nudge.setText(
            self.tr("No one-to-one conversation for {days}: time for one.").format(
                days=vocabulary.days(row.days_since_conversation)
            )
            if row.days_since_conversation is not None
            else self.tr("No one-to-one conversation yet: time for one.")
        )
        care = [alerts_text(row)] if row.alerts else []
        if row.diet:
            care.append(self.tr("Diet: {diet}").format(diet=row.diet))
        if row.allergies:
            care.append(self.tr("Allergies: {a}").format(a=row.allergies))
        self.care.set_full_text(" · ".join(care))
        self.care.setVisible(bool(care))
        self.profile.show_row(row, refill=False)
        self._show_follow_ups(row)
        ids = self._model.ids
        self.previous_button.setEnabled(len(ids) > 1)
        self.next_button.setEnabled(len(ids) > 1)

    def _details(self, row: CaseloadRow) -> str:
        parts = []
        if row.preferred_name and row.preferred_name != row.full_name:
            parts.append(row.full_name)
        parts.append(self.tr("Prison no. {n}").format(n=row.prison_number))
        if row.cell:
            parts.append(self.tr("Cell {cell}").format(cell=row.cell))
        if row.languages:
            parts.append(", ".join(row.languages))
        if row.days_to_release is not None and row.expected_release_date is not None:
            parts.append(
                self.tr("Release {date} (in {days})").format(
                    date=vocabulary.short_date(row.expected_release_date),
                    days=vocabulary.days(row.days_to_release),
                )
                if row.days_to_release >= 0
                else self.tr("Release date {date} has passed").format(
                    date=vocabulary.short_date(row.expected_release_date)
                )
            )
        return " · ".join(parts)

    def _show_follow_ups(self, row: CaseloadRow) -> None:
        while self.follow_ups.count():
            item = self.follow_ups.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for number, follow_up in enumerate(row.open_follow_ups):
            due = vocabulary.short_date(follow_up.due_date)
            label = ElidedLabel(
                self.tr("{text} — overdue, was due {due}").format(text=follow_up.text, due=due)
                if follow_up.overdue
                else self.tr("{text} — due {due}").format(text=follow_up.text, due=due)
            )
            label.setObjectName("FollowUpOverdue" if follow_up.overdue else "FollowUp")
            done = QPushButton(self.tr("Done"))
            done.setObjectName("LinkButton")
            done.setToolTip(self.tr("Mark this follow-up as done"))
            done.clicked.connect(
                lambda _=False, f=follow_up: self.follow_up_done.emit(f.id, f.text)
            )
            self.follow_ups.addWidget(label, number, 0)
            self.follow_ups.addWidget(done, number, 1)
        self.follow_ups_box.setVisible(bool(row.open_follow_ups))
        self.no_follow_ups.setVisible(not row.open_follow_ups)

    # --- timeline ----------------------------------------------------------------------------

    @Slot(int)
    def _page_loaded(self, total: int) -> None:
        self.empty_timeline.setVisible(total == 0 and not self.searching)
        self.table.setVisible(total > 0 and not self.searching)

    # --- search ------------------------------------------------------------------------------

    @property
    def searching(self) -> bool:
        """Words are in the search box: the hits are shown instead of the timeline."""
        return bool(self.found.inmate_id)

    @Slot(str)
    def _search_typed(self, _text: str) -> None:
        self._search_pause.start()

    @Slot()
    def _search_now(self) -> None:
        self._search_pause.stop()
        words = self.search_box.text().strip()
        if self.inmate_id is None or not any(ch.isalnum() for ch in words):
            self.found.show_person(None)
            self.results.hide()
            self.no_match.hide()
            self._page_loaded(self.timeline.rowCount())
            self._selected()
            return
        self.found.search(self.inmate_id, words, self.current_filter())
        self.table.hide()
        self.empty_timeline.hide()

    @Slot(int)
    def _hits_loaded(self, total: int) -> None:
        self.results.setVisible(total > 0)
        self.no_match.setVisible(total == 0)
        self.no_match.setText(
            self.tr("No entries match “{words}”. Try fewer words or the start of a word.").format(
                words=self.found.query
            )
            if total == 0
            else ""
        )
        self._selected()

    def _view(self) -> QTableView:
        return self.results if self.searching else self.table

    @Slot(QItemSelection, QItemSelection)
    def _selected(self, *_args: object) -> None:
        view = self._view()
        index = view.currentIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if item is None:
            self.detail.setText(self.tr("Choose an entry to read it in full."))
            for button in (self.amend_button, self.correct_button, self.void_button):
                button.hide()
            return
        model = index.model()
        what = model.index(index.row(), Column.WHAT).data()
        by = model.index(index.row(), Column.BY).data()
        when = model.index(index.row(), Column.WHEN).data()
        details = model.index(index.row(), Column.DETAILS).data(Qt.ItemDataRole.ToolTipRole)
        text = f"{when} · {what} · {by}"
        if details:
            text += "\n" + details
        if item.kind == "note" and item.revisions > 1:
            text += "\n" + self.tr("Amended: {n} revisions (Amend note… shows them all)").format(
                n=item.revisions
            )
        self.detail.setText(text)
        self.amend_button.setVisible(item.kind == "note")
        self.correct_button.setVisible(item.kind != "note")
        self.void_button.show()

    @Slot()
    def _amend_selected(self) -> None:
        index = self._view().currentIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if item is None or self.inmate_id is None:
            return
        if item.kind == "note":
            self.amend_requested.emit(self.inmate_id, item.id)
        else:
            self._correct_selected(False)

    def _correct_selected(self, void: bool) -> None:
        index = self._view().currentIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if item is not None and self.inmate_id is not None:
            summary = self.detail.text()
            self.correct_requested.emit(item, summary, void)
