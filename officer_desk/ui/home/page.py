"""The home screen: a card per person on the caseload, the day's logging one click away.

A supervisor gets a chooser of the unit's officers to view (and log for) any caseload.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from math import ceil
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.store.rows import OfficerSummary
from officer_desk.ui import vocabulary, words
from officer_desk.ui.actions import DeskActions, bind
from officer_desk.ui.home.card import PersonCard
from officer_desk.ui.home.model import MEMBERSHIP, CaseloadModel
from officer_desk.ui.i18n import by_name

if TYPE_CHECKING:
    from officer_desk.store.database import Store

MAX_COLUMNS = 4
CARD_MIN_WIDTH = 290
SPARE_CARDS = 6  # built ahead while the GUI waits: a caseload is five or six people


def columns_for(people: int, width: int) -> int:
    """Cards per row: a whole caseload of six or eight fits on one screen without scrolling."""
    fit = max(1, min(MAX_COLUMNS, width // CARD_MIN_WIDTH))
    if people <= 3:
        wanted = max(people, 1)
    elif people == 4:
        wanted = 4 if width >= 1500 else 2
    else:
        wanted = ceil(people / 2)
    return min(wanted, fit)


def read_officers(today: date) -> Callable[[Store], list[OfficerSummary]]:
    def work(store: Store) -> list[OfficerSummary]:
        from officer_desk.store import home

        with store.raw() as conn:
            return home.officer_summaries(conn, today)

    return work


class HomePage(QWidget):
    open_person = Signal(str)
    conversation_requested = Signal(str)
    note_requested = Signal(str, str)
    follow_up_done = Signal(str, str)
    officer_chosen = Signal(str)  # a supervisor chose whose caseload to view
    officers_loaded = Signal()
    arrange_requested = Signal()

    def __init__(
        self,
        executor: DbExecutor,
        model: CaseloadModel,
        actions: DeskActions,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._today = today
        self.model = model
        self.cards: list[PersonCard] = []
        self._spare: list[PersonCard] = []  # built ahead (prepare_cards), not yet shown
        self._officer_name = ""
        self._chooser_wanted = False

        self.title = QLabel()
        self.title.setObjectName("PageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("PageSubtitle")
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)

        self.officer_label = QLabel(self.tr("Caseload of"))
        self.officer_choice = QComboBox()
        self.officer_choice.setMinimumWidth(220)
        self.officer_choice.setToolTip(self.tr("View and log for any caseload on the unit"))
        self.officer_choice.activated.connect(self._choice_made)
        self.officer_label.setBuddy(self.officer_choice)
        self.officer_label.hide()
        self.officer_choice.hide()

        self.arrange_button = QPushButton(self.tr("&Arrange cards…"))
        self.arrange_button.setObjectName("QuietButton")
        self.arrange_button.setToolTip(
            self.tr("Cards are ordered by need; put them in an order of your own")
        )
        self.arrange_button.clicked.connect(self.arrange_requested)

        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.arrange_button, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.officer_label, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.officer_choice, 0, Qt.AlignmentFlag.AlignVCenter)

        self.meal_button = QPushButton()
        self.meal_button.setObjectName("PrimaryButton")
        bind(self.meal_button, actions.log_meal)
        self.activity_button = QPushButton(self.tr("Log activity"))
        bind(self.activity_button, actions.log_activity)
        self.conversation_button = QPushButton(self.tr("Conversation"))
        bind(self.conversation_button, actions.conversation)
        self.strength_button = QPushButton(self.tr("Strength or progress"))
        bind(self.strength_button, actions.strength)
        self.note_button = QPushButton(self.tr("Note"))
        bind(self.note_button, actions.note)
        self.undo_button = QPushButton(self.tr("Undo last meal log"))
        self.undo_button.setObjectName("QuietButton")
        bind(self.undo_button, actions.undo_meal)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for button in (
            self.meal_button,
            self.activity_button,
            self.conversation_button,
            self.strength_button,
            self.note_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.undo_button)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(12)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.cards_area = QScrollArea()
        self.cards_area.setWidgetResizable(True)
        self.cards_area.setFrameShape(QFrame.Shape.NoFrame)
        self.cards_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards_area.setWidget(self.grid_host)
        self.cards_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.empty = QLabel()
        self.empty.setObjectName("EmptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.cards_area, 1)
        layout.addWidget(self.empty, 1)

        # Cards are built once per load: a reload that changes who is on the caseload resets the
        # model and then says `loaded`, so only a reset that empties it (signing out) rebuilds.
        model.loaded.connect(self._rebuild)
        model.modelReset.connect(self._rebuild_if_cleared)
        executor.changed.connect(self._on_changed)
        self._columns = 0

    # --- whose caseload ----------------------------------------------------------------------

    def show_officer(self, officer_id: str, name: str) -> None:
        self._officer_name = name
        self.title.setText(self.tr("{name}'s caseload").format(name=name))
        self.model.show_officer(officer_id)

    def offer_officers(self, wanted: bool) -> None:
        """Show (a supervisor) or hide (an officer) the chooser of the unit's caseloads."""
        self._chooser_wanted = wanted
        self.officer_label.setVisible(wanted)
        self.officer_choice.setVisible(wanted)
        if wanted:
            self._executor.submit(read_officers(self._today()), self._show_officers, owner=self)

    def _show_officers(self, officers: list[OfficerSummary]) -> None:
        current = self.model.officer_id
        self.officer_choice.clear()
        for officer in by_name(officers, lambda o: o.display_name):
            if officer.role == "admin":
                continue
            self.officer_choice.addItem(
                self.tr("{name} ({people})").format(
                    name=officer.display_name, people=words.people(officer.caseload_size)
                ),
                officer.id,
            )
            self.officer_choice.setItemData(
                self.officer_choice.count() - 1, officer.display_name, Qt.ItemDataRole.UserRole + 1
            )
        at = self.officer_choice.findData(current)
        mine = next((o for o in officers if o.id == current), None)
        if at < 0 or (mine is not None and mine.caseload_size == 0):
            # The supervisor's own caseload is empty: start with the first one that has people.
            with_people = [o for o in officers if o.caseload_size > 0 and o.role != "admin"]
            if with_people:
                at = self.officer_choice.findData(with_people[0].id)
        if at >= 0:
            self.officer_choice.setCurrentIndex(at)
            self._choice_made(at)
        self.officers_loaded.emit()

    @Slot(int)
    def _choice_made(self, at: int) -> None:
        officer_id = self.officer_choice.itemData(at)
        name = self.officer_choice.itemData(at, Qt.ItemDataRole.UserRole + 1)
        if officer_id and officer_id != self.model.officer_id:
            self.show_officer(officer_id, name)
            self.officer_chosen.emit(officer_id)

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        if self._chooser_wanted and change.entities & MEMBERSHIP:
            self._executor.submit(read_officers(self._today()), self._show_officers, owner=self)

    # --- cards -------------------------------------------------------------------------------

    def set_meal_label(self, text: str) -> None:
        self.meal_button.setText(text)

    @Slot()
    @Slot()
    def _rebuild_if_cleared(self) -> None:
        if not self.model.people():
            self._rebuild()

    def prepare_cards(self, count: int = SPARE_CARDS) -> None:
        """Build empty cards ahead, hidden, while the GUI thread has nothing else to do (the
        password is being checked): the first load then only fills them in."""
        while len(self.cards) + len(self._spare) < count:
            card = self._new_card()
            card.hide()
            self._spare.append(card)

    def _new_card(self) -> PersonCard:
        card = PersonCard(self.grid_host)
        card.open_requested.connect(self.open_person)
        card.conversation_requested.connect(self.conversation_requested)
        card.note_requested.connect(self.note_requested)
        card.follow_up_done.connect(self.follow_up_done)
        return card

    def _rebuild(self) -> None:
        people = self.model.people()
        while len(self.cards) < len(people):
            self.cards.append(self._spare.pop(0) if self._spare else self._new_card())
        signed_in = self.model.officer_id is not None
        while len(self.cards) > len(people):
            card = self.cards.pop()
            self.grid.removeWidget(card)
            card.hide()
            self._spare.append(card)
        # Hidden cards stay for the next caseload of the same user, up to a caseload's size (a
        # supervisor going from caseload to caseload would otherwise build six cards each
        # time, ~90 ms of the GUI thread at once); cards built for a larger caseload than came
        # go, and so does every card that showed someone once the user has signed out
        # (nothing personal stays for the next user; empty ones are built again meanwhile).
        while self._spare and (not signed_in or len(self.cards) + len(self._spare) > SPARE_CARDS):
            self._spare.pop().deleteLater()
        for card, row in zip(self.cards, people, strict=True):
            card.show_row(row, self.model.photo(row.inmate_id))
        self._columns = 0  # place again
        self._place_cards()
        for card in self.cards:
            card.show()  # now, not when the layout's queued show arrives
        today = self._today()
        day = vocabulary.with_weekday(today)
        order = self.tr("in your order") if self.model.pinned else self.tr("by need")
        self.subtitle.setText(
            self.tr("{day} · {people} · {order}").format(
                day=day, people=words.people(len(people)), order=order
            )
        )
        self.arrange_button.setEnabled(len(people) > 1)
        self.cards_area.setVisible(bool(people))
        self.empty.setVisible(not people)
        if not people and self.model.officer_id is not None:
            self.empty.setText(
                self.tr("No one is assigned to {name} today.").format(name=self._officer_name)
            )

    def _place_cards(self) -> None:
        width = self.cards_area.viewport().width() or self.width()
        columns = columns_for(len(self.cards), width)
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for column in range(MAX_COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        rows = ceil(len(self.cards) / columns) if self.cards else 0
        for number, card in enumerate(self.cards):
            self.grid.addWidget(card, number // columns, number % columns)
        # Cards keep their natural height; what is left of the screen stays below them.
        for row in range(MAX_COLUMNS * 2 + 1):
            self.grid.setRowStretch(row, 1 if row == rows else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cards()

    def card_for(self, inmate_id: str) -> PersonCard | None:
        return next((c for c in self.cards if c.inmate_id == inmate_id), None)

    def focused_person(self) -> str | None:
        """The person whose card has the keyboard focus (or holds the focused button)."""
        focus = QApplication.focusWidget()
        for card in self.cards:
            if focus is card or (focus is not None and card.isAncestorOf(focus)):
                return card.inmate_id
        return None
