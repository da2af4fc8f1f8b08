"""One handover: the outgoing officer's editor (per person the draft, text and status; actions,
contingencies, unit items; hand over) and the incoming side's read-back (acknowledge person by
person, ask a question, sign).  What may be done depends on who is signed in and the
handover's status; the services decide in the end and their messages are shown here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app import handover
from officer_desk.app.executor import DbExecutor
from officer_desk.app.work import call
from officer_desk.domain.enums import HandoverEntryStatus, HandoverStatus, Role
from officer_desk.domain.errors import DeskError
from officer_desk.store.handover import EntryView, HandoverView
from officer_desk.store.rows import OfficerSummary
from officer_desk.ui import i18n, vocabulary
from officer_desk.ui.dialogs.form import FieldMessage
from officer_desk.ui.i18n import by_name
from officer_desk.ui.printing import ask_pdf_path, print_with_dialog
from officer_desk.ui.programmes.words import language

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.reports.document import Document
    from officer_desk.store.database import Store
    from officer_desk.ui.handover.sign_dialog import SignHandoverDialog

ID_ROLE = Qt.ItemDataRole.UserRole


def when(moment: datetime | None) -> str:
    return "" if moment is None else vocabulary.short_moment(moment)


def to_qt(moment: datetime) -> QDateTime:
    """An aware moment as the local wall-clock time a date-time field shows."""
    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qt(value: QDateTime) -> datetime:
    """What a date-time field shows, as an aware local moment."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()


class HandoverDetail(QWidget):
    status = Signal(str)  # a line for the status bar

    def __init__(
        self, executor: DbExecutor, actor: Callable[[], Actor], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._actor = actor
        self.view: HandoverView | None = None
        self.officers: tuple[OfficerSummary, ...] = ()
        self.busy = False
        self.sign_dialog: SignHandoverDialog | None = None  # the last one opened

        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("PageSubtitle")
        self.subtitle.setWordWrap(True)
        self.problem = FieldMessage()

        # --- people ----------------------------------------------------------------------------
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("People in the handover"))
        self.people.setMinimumWidth(220)
        self.people.currentRowChanged.connect(self._show_entry)
        self.person_name = QLabel()
        self.person_name.setObjectName("SectionTitle")
        self.draft = QLabel()
        self.draft.setObjectName("CardSub")
        self.draft.setWordWrap(True)
        self.draft.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit()
        self.shown_text = ""  # the entry's text as rendered for this reader
        self.text.setAccessibleName(self.tr("What you hand over about this person"))
        self.text.setMinimumHeight(80)
        self.text.setMaximumHeight(150)
        self.entry_status = QComboBox()
        self.entry_status.setAccessibleName(self.tr("Status of this person"))
        for code, label in self._status_labels().items():
            self.entry_status.addItem(label, code)
        self.save_entry = QPushButton(self.tr("Save person"))
        self.save_entry.setAccessibleName(self.tr("Save what is handed over about this person"))
        self.save_entry.clicked.connect(self._save_entry)
        self.readback = QLabel()
        self.readback.setWordWrap(True)
        self.ask_text = QLineEdit()
        self.ask_text.setPlaceholderText(self.tr("A question for the outgoing officer"))
        self.ask_text.setAccessibleName(self.tr("Read-back question"))
        self.ask_button = QPushButton(self.tr("Ask"))
        self.ask_button.setAccessibleName(self.tr("Ask the question"))
        self.ask_button.clicked.connect(self._ask)
        self.answer_text = QLineEdit()
        self.answer_text.setPlaceholderText(self.tr("Your answer"))
        self.answer_text.setAccessibleName(self.tr("Answer to the question"))
        self.answer_button = QPushButton(self.tr("Answer"))
        self.answer_button.setAccessibleName(self.tr("Send the answer"))
        self.answer_button.clicked.connect(self._answer)
        self.ack_button = QPushButton(self.tr("Acknowledge"))
        self.ack_button.setObjectName("PrimaryButton")
        self.ack_button.setAccessibleName(self.tr("Acknowledge this person"))
        self.ack_button.clicked.connect(self._acknowledge)
        self.next_button = QPushButton(self.tr("Next person →"))
        self.next_button.setAccessibleName(self.tr("Show the next person in the handover"))
        self.next_button.clicked.connect(self.next_person)

        # The person's name and the buttons that move through the handover stay put above
        # the entry, which scrolls on its own: acknowledging (which adds a line below) never
        # scrolls the panel or moves the button under the pointer.
        self.person_name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        person_row = QHBoxLayout()
        person_row.addWidget(self.person_name, 1)
        person_row.addWidget(self.next_button)
        person_row.addWidget(self.ack_button)
        entry_box = QVBoxLayout()
        entry_box.setContentsMargins(0, 0, 6, 0)
        entry_box.addWidget(self.draft)
        entry_box.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Status")))
        row.addWidget(self.entry_status)
        row.addStretch(1)
        row.addWidget(self.save_entry)
        entry_box.addLayout(row)
        entry_box.addWidget(self.readback)
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.ask_text, 1)
        ask_row.addWidget(self.ask_button)
        entry_box.addLayout(ask_row)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer_text, 1)
        answer_row.addWidget(self.answer_button)
        entry_box.addLayout(answer_row)
        entry_box.addStretch(1)
        entry_inner = QWidget()
        entry_inner.setLayout(entry_box)
        entry_scroll = QScrollArea()
        entry_scroll.setWidgetResizable(True)
        entry_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        entry_scroll.setWidget(entry_inner)
        entry_scroll.setMinimumHeight(72)
        entry_panel = QWidget()
        entry_layout = QVBoxLayout(entry_panel)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.addLayout(person_row)
        entry_layout.addWidget(entry_scroll, 1)
        self.people.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setMinimumHeight(96)
        split = QSplitter()
        split.addWidget(self.people)
        split.addWidget(entry_panel)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 600])
        split.setChildrenCollapsible(False)

        # --- actions, contingencies, unit items -------------------------------------------
        self.actions_list = QListWidget()
        self.actions_list.setAccessibleName(self.tr("Actions"))
        self.action_text = QLineEdit()
        self.action_text.setPlaceholderText(self.tr("What must be done"))
        self.action_text.setAccessibleName(self.tr("New action"))
        self.action_owner = QComboBox()
        self.action_owner.setAccessibleName(self.tr("Owner of the new action"))
        self.action_has_due = QCheckBox(self.tr("Due"))
        self.action_has_due.setAccessibleName(self.tr("The action has a due time"))
        self.action_due = QDateTimeEdit()
        self.action_due.setDisplayFormat(vocabulary.date_time_input_format())
        self.action_due.setAccessibleName(self.tr("Due time of the new action"))
        self.action_due.setEnabled(False)
        self.action_has_due.toggled.connect(self.action_due.setEnabled)
        self.action_about = QComboBox()
        self.action_about.setAccessibleName(self.tr("Who the new action is about"))
        self.add_action_button = QPushButton(self.tr("Add action"))
        self.add_action_button.clicked.connect(self._add_action)
        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.setAccessibleName(self.tr("Mark the selected action done"))
        self.done_button.clicked.connect(self._mark_done)
        self.remove_action_button = self._remove_button("handover_action", self.actions_list)

        self.cont_list = QListWidget()
        self.cont_list.setAccessibleName(self.tr("If this, then that"))
        self.cont_if = QLineEdit()
        self.cont_if.setPlaceholderText(self.tr("If…"))
        self.cont_if.setAccessibleName(self.tr("If (the situation)"))
        self.cont_then = QLineEdit()
        self.cont_then.setPlaceholderText(self.tr("…then"))
        self.cont_then.setAccessibleName(self.tr("Then (what to do)"))
        self.cont_about = QComboBox()
        self.cont_about.setAccessibleName(self.tr("Who the contingency is about"))
        self.add_cont_button = QPushButton(self.tr("Add"))
        self.add_cont_button.setAccessibleName(self.tr("Add the contingency"))
        self.add_cont_button.clicked.connect(self._add_contingency)
        self.remove_cont_button = self._remove_button("handover_contingency", self.cont_list)

        self.items_list = QListWidget()
        self.items_list.setAccessibleName(self.tr("Unit items"))
        self.item_kind = QComboBox()
        self.item_kind.setAccessibleName(self.tr("Kind of unit item"))
        for code, label in self._kind_labels().items():
            self.item_kind.addItem(label, code)
        self.item_text = QLineEdit()
        self.item_text.setPlaceholderText(self.tr("e.g. 42 present at 21:00"))
        self.item_text.setAccessibleName(self.tr("Unit item"))
        self.add_item_button = QPushButton(self.tr("Add"))
        self.add_item_button.setAccessibleName(self.tr("Add the unit item"))
        self.add_item_button.clicked.connect(self._add_unit_item)
        self.remove_item_button = self._remove_button("handover_unit_item", self.items_list)

        actions_box = QWidget()
        a = QVBoxLayout(actions_box)
        a.addWidget(self.actions_list)
        form = QHBoxLayout()
        form.addWidget(self.action_text, 2)
        form.addWidget(self.action_owner, 1)
        form.addWidget(self.action_about, 1)
        a.addLayout(form)
        form2 = QHBoxLayout()
        form2.addWidget(self.action_has_due)
        form2.addWidget(self.action_due)
        form2.addStretch(1)
        form2.addWidget(self.add_action_button)
        form2.addWidget(self.done_button)
        form2.addWidget(self.remove_action_button)
        a.addLayout(form2)

        cont_box = QWidget()
        c = QVBoxLayout(cont_box)
        c.addWidget(self.cont_list)
        cform = QHBoxLayout()
        cform.addWidget(self.cont_if, 2)
        cform.addWidget(self.cont_then, 2)
        cform.addWidget(self.cont_about, 1)
        c.addLayout(cform)
        cbuttons = QHBoxLayout()
        cbuttons.addStretch(1)
        cbuttons.addWidget(self.add_cont_button)
        cbuttons.addWidget(self.remove_cont_button)
        c.addLayout(cbuttons)

        items_box = QWidget()
        u = QVBoxLayout(items_box)
        u.addWidget(self.items_list)
        uform = QHBoxLayout()
        uform.addWidget(self.item_kind)
        uform.addWidget(self.item_text, 1)
        uform.addWidget(self.add_item_button)
        uform.addWidget(self.remove_item_button)
        u.addLayout(uform)
        # Unit items, actions and contingencies share one tabbed area, so the whole handover
        # fits a 1366x768 screen without scrolling.
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Unit items, actions and contingencies"))
        self.tabs.addTab(items_box, "")
        self.tabs.addTab(actions_box, "")
        self.tabs.addTab(cont_box, "")
        for box_list in (self.actions_list, self.cont_list, self.items_list):
            box_list.setMinimumHeight(36)
        # Readable, never a sliver: the tabs' own height, in a splitter the person can move.
        self.tabs.setMinimumHeight(self.tabs.minimumSizeHint().height())

        # --- hand over, sign, print ------------------------------------------------------
        self.incoming = QComboBox()
        self.incoming.setAccessibleName(self.tr("Incoming officer"))
        self.hand_over_button = QPushButton(self.tr("Hand over"))
        self.hand_over_button.setObjectName("PrimaryButton")
        self.hand_over_button.setAccessibleName(self.tr("Hand the handover over"))
        self.hand_over_button.clicked.connect(self._hand_over)
        self.sign_button = QPushButton(self.tr("Sign"))
        self.sign_button.setObjectName("PrimaryButton")
        self.sign_button.setAccessibleName(self.tr("Sign the handover"))
        self.sign_button.clicked.connect(self.sign)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setAccessibleName(self.tr("Print the handover or save it as a PDF"))
        print_menu = QMenu(self.print_button)
        print_menu.addAction(self.tr("Print…"), self.print_on_paper)
        print_menu.addAction(self.tr("Save as PDF…"), self._print_asking)
        self.print_button.setMenu(print_menu)
        bottom = QHBoxLayout()
        self.incoming_label = QLabel(self.tr("To"))
        bottom.addWidget(self.incoming_label)
        bottom.addWidget(self.incoming)
        bottom.addWidget(self.hand_over_button)
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.sign_button)

        # Two panes (people, the person) over the unit's tabs, in one splitter: each part
        # keeps its size while entries are acknowledged and lines come and go.
        self.body = QSplitter(Qt.Orientation.Vertical)  # hidden while no handover is chosen
        self.body.addWidget(split)
        self.body.addWidget(self.tabs)
        self.body.setStretchFactor(0, 3)
        self.body.setStretchFactor(1, 1)
        self.body.setChildrenCollapsible(False)
        self.body.setSizes([10_000, self.tabs.minimumHeight()])  # the people first
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)
        outer.addWidget(self.problem)
        outer.addWidget(self.body, 1)
        outer.addLayout(bottom)
        self.show_view(None)

    # --- words ----------------------------------------------------------------------------

    def _status_labels(self) -> dict[str, str]:
        return {
            HandoverEntryStatus.SETTLED: self.tr("Settled"),
            HandoverEntryStatus.WATCH: self.tr("Watch"),
            HandoverEntryStatus.CONCERN: self.tr("Concern"),
        }

    def _kind_labels(self) -> dict[str, str]:
        return {
            "count": self.tr("Count"),
            "escorts": self.tr("Escorts"),
            "appointments": self.tr("Appointments"),
            "visits": self.tr("Visits"),
            "property": self.tr("Property"),
        }

    def _state_label(self, view: HandoverView) -> str:
        if view.status == HandoverStatus.DRAFT:
            return self.tr("Draft")
        if view.status == HandoverStatus.HANDED_OVER:
            return self.tr("Handed over {at}").format(at=when(view.handed_over_at))
        return self.tr("Signed by {who} {at}").format(who=view.signed_by, at=when(view.signed_at))

    def _remove_button(self, entity: str, source: QListWidget) -> QPushButton:
        button = QPushButton(self.tr("Remove"))
        button.setAccessibleName(self.tr("Remove the selected line"))
        button.clicked.connect(lambda: self._remove(entity, source))
        return button

    # --- who am I here --------------------------------------------------------------------

    @property
    def _me(self) -> str | None:
        return self._actor().officer_id

    def is_author(self) -> bool:
        return self.view is not None and self.view.outgoing_id == self._me

    def can_edit(self) -> bool:
        return (
            self.is_author() and self.view is not None and self.view.status == HandoverStatus.DRAFT
        )

    def can_read_back(self) -> bool:
        view = self.view
        if view is None or view.status != HandoverStatus.HANDED_OVER or self.is_author():
            return False
        me = next((o for o in self.officers if o.id == self._me), None)
        return view.incoming_id in (None, self._me) or (
            me is not None and me.role == Role.SUPERVISOR
        )

    # --- showing --------------------------------------------------------------------------

    def set_officers(self, officers: tuple[OfficerSummary, ...]) -> None:
        self.officers = officers

    def show_view(self, view: HandoverView | None) -> None:
        keep = self.current_entry()
        self.view = view
        self.problem.clear_message()
        self.people.clear()
        for combo in (self.action_owner, self.incoming, self.action_about, self.cont_about):
            combo.clear()
        for box_list in (self.actions_list, self.cont_list, self.items_list):
            box_list.clear()
        self.body.setVisible(view is not None)
        if view is None:
            self.title.setText(self.tr("No handover chosen"))
            self.subtitle.setText(
                self.tr("Choose a handover in the list, or start one for your shift.")
            )
            self._show_entry(-1)
            self._update_buttons()
            return
        self.title.setText(
            self.tr("{unit}: shift {start} – {end}").format(
                unit=view.unit_name, start=when(view.shift_start), end=when(view.shift_end)
            )
        )
        self.subtitle.setText(
            self.tr("From {outgoing} to {incoming} · {state}").format(
                outgoing=view.outgoing,
                incoming=view.incoming or self.tr("the next shift"),
                state=self._state_label(view),
            )
        )
        statuses = self._status_labels()
        # The store groups people by status; within a group, the interface's alphabet.
        rank = {s: i for i, s in enumerate(dict.fromkeys(e.status for e in view.entries))}
        entries = sorted(by_name(view.entries, lambda e: e.name), key=lambda e: rank[e.status])
        for e in entries:
            mark = "✓ " if e.acknowledged_at else ("? " if e.open_question else "")
            item = QListWidgetItem(f"{mark}{e.name} — {statuses.get(e.status, e.status)}")
            item.setToolTip(item.text())
            item.setData(ID_ROLE, e.id)
            self.people.addItem(item)
        for o in by_name(self.officers, lambda o: o.display_name):
            self.action_owner.addItem(o.display_name, o.id)
            if o.id != view.outgoing_id:
                self.incoming.addItem(o.display_name, o.id)
        self.incoming.insertItem(0, self.tr("Anyone on the next shift"), None)
        self.incoming.setCurrentIndex(max(0, self.incoming.findData(view.incoming_id)))
        for combo in (self.action_about, self.cont_about):
            combo.addItem(self.tr("The unit"), None)
            for e in entries:
                combo.addItem(e.name, e.inmate_id)
        kinds = self._kind_labels()
        for i in view.unit_items:
            self._line(self.items_list, f"{kinds.get(i.kind, i.kind)}: {i.text}", i.id)
        for a in view.actions:
            due = self.tr(" · due {at}").format(at=when(a.due_at)) if a.due_at else ""
            done = self.tr(" · done") if a.done_at else ""
            about = f" ({a.name})" if a.name else ""
            self._line(self.actions_list, f"{a.text}{about} — {a.owner}{due}{done}", a.id)
        for c in view.contingencies:
            about = f"{c.name}: " if c.name else ""
            self._line(
                self.cont_list,
                self.tr("{about}If {condition}, then {response}").format(
                    about=about, condition=c.condition, response=c.response
                ),
                c.id,
            )
        self.action_due.setDateTime(to_qt(view.shift_end))
        self.tabs.setTabText(0, self.tr("Unit ({n})").format(n=len(view.unit_items)))
        self.tabs.setTabText(1, self.tr("Actions ({n})").format(n=len(view.actions)))
        self.tabs.setTabText(
            2, self.tr("If this, then that ({n})").format(n=len(view.contingencies))
        )
        rows = [self.people.item(n).data(ID_ROLE) for n in range(self.people.count())]
        self.people.setCurrentRow(rows.index(keep) if keep in rows else 0)
        self._update_buttons()

    @staticmethod
    def _line(target: QListWidget, text: str, row_id: str) -> None:
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, row_id)
        target.addItem(item)

    def current_entry(self) -> str | None:
        item = self.people.currentItem()
        return None if item is None else item.data(ID_ROLE)

    def entry(self) -> EntryView | None:
        wanted = self.current_entry()
        if self.view is None or wanted is None:
            return None
        return next((e for e in self.view.entries if e.id == wanted), None)

    @Slot(int)
    def _show_entry(self, _row: int) -> None:
        e = self.entry()
        if e is None:
            self.person_name.setText("")
            self.draft.setText("")
            self.text.setPlainText("")
            self.readback.setText("")
            self._update_buttons()
            return
        self.person_name.setText(e.name)
        self.draft.setText(
            self.tr("Drafted from the logs:\n{draft}").format(draft=i18n.render(e.draft))
        )
        # Until the outgoing officer changes it, the text is the draft's phrases: shown in
        # this reader's language, and kept as phrases when only the status is saved.
        self.shown_text = i18n.render(e.text)
        self.text.setPlainText(self.shown_text)
        self.entry_status.setCurrentIndex(max(0, self.entry_status.findData(e.status)))
        lines = []
        if e.question:
            lines.append(
                self.tr("Question from {who}: {text}").format(who=e.asked_by, text=e.question)
            )
            lines.append(
                self.tr("Answer from {who}: {text}").format(who=e.answered_by, text=e.answer)
                if e.answer
                else self.tr("Not answered yet.")
            )
        if e.acknowledged_at:
            lines.append(
                self.tr("Acknowledged by {who} at {at}").format(
                    who=e.acknowledged_by, at=when(e.acknowledged_at)
                )
            )
        self.readback.setText("\n".join(lines))
        self._update_buttons()

    def _update_buttons(self) -> None:
        edit = self.can_edit() and not self.busy
        read = self.can_read_back() and not self.busy
        e = self.entry()
        self.text.setReadOnly(not edit)
        self.entry_status.setEnabled(edit)
        self.save_entry.setVisible(self.can_edit())
        self.save_entry.setEnabled(edit and e is not None)
        asking = read and e is not None and not e.question and e.acknowledged_at is None
        for ask_part in (self.ask_text, self.ask_button):
            ask_part.setVisible(self.can_read_back())
            ask_part.setEnabled(asking)
        answering = self.is_author() and not self.busy and e is not None and e.open_question
        for answer_part in (self.answer_text, self.answer_button):
            answer_part.setVisible(answering)
        self.ack_button.setVisible(self.can_read_back())
        self.ack_button.setEnabled(read and e is not None and e.acknowledged_at is None)
        self.next_button.setEnabled(self.people.count() > 1)
        for w in (
            self.action_text, self.action_owner, self.action_has_due, self.action_about,
            self.add_action_button, self.remove_action_button, self.cont_if, self.cont_then,
            self.cont_about, self.add_cont_button, self.remove_cont_button, self.item_kind,
            self.item_text, self.add_item_button, self.remove_item_button, self.incoming,
            self.incoming_label, self.hand_over_button,
        ):  # fmt: skip
            w.setVisible(self.can_edit())
            w.setEnabled(edit)
        self.action_due.setVisible(self.can_edit())
        self.action_due.setEnabled(edit and self.action_has_due.isChecked())
        self.done_button.setEnabled(
            not self.busy and self.view is not None and self.view.status != HandoverStatus.DRAFT
        )
        self.sign_button.setVisible(self.can_read_back())
        self.sign_button.setEnabled(read)
        self.print_button.setEnabled(self.view is not None)

    # --- writing --------------------------------------------------------------------------

    def _run(
        self,
        work: Callable[[Store], Any],
        *,
        done: str = "",
        clear: tuple[Any, ...] = (),
        then: Callable[[], None] | None = None,
    ) -> None:
        """Run a handover use case (``call(handover.<use case>, actor, ...)``) on the worker."""
        if self.busy:
            return
        self.busy = True
        self.problem.clear_message()
        self._update_buttons()

        def finished(_change: object) -> None:
            self.busy = False
            for field in clear:
                field.clear()
            if done:
                self.status.emit(done)
            if then is not None:
                then()
            self._update_buttons()

        def failed(error: BaseException) -> None:
            self.busy = False
            self._update_buttons()
            if isinstance(error, DeskError):
                self.problem.say(error.message)
            else:
                self._executor.failed.emit(error)

        self._executor.submit(work, finished, failed, owner=self)

    def _save_entry(self) -> None:
        e = self.entry()
        if e is not None:
            text, status = self.text.toPlainText(), self.entry_status.currentData()
            self._run(
                call(
                    handover.edit_entry,
                    self._actor(),
                    e.id,
                    # Unchanged text stays the phrases it was drafted as (read in any language).
                    text=None if text == self.shown_text else text,
                    status=status,
                ),
                done=self.tr("Saved."),
            )

    def _ask(self) -> None:
        e = self.entry()
        if e is not None:
            question = self.ask_text.text()
            self._run(
                call(handover.ask_question, self._actor(), e.id, question), clear=(self.ask_text,)
            )

    def _answer(self) -> None:
        e = self.entry()
        if e is not None:
            answer = self.answer_text.text()
            self._run(
                call(handover.answer_question, self._actor(), e.id, answer),
                clear=(self.answer_text,),
            )

    def _acknowledge(self) -> None:
        e = self.entry()
        if e is not None:
            self._run(
                call(handover.acknowledge, self._actor(), e.id),
                done=self.tr("{name} acknowledged.").format(name=e.name),
                then=self.next_person,
            )

    @Slot()
    def next_person(self) -> None:
        """The next person still to acknowledge (else simply the next one), round the list."""
        count = self.people.count()
        if count < 2 or self.view is None:
            return
        at = self.people.currentRow()
        waiting = {e.id for e in self.view.entries if e.acknowledged_at is None}
        order = [(at + step) % count for step in range(1, count)]
        ahead = [n for n in order if self.people.item(n).data(ID_ROLE) in waiting]
        self.people.setCurrentRow(ahead[0] if ahead else order[0])

    def _add_action(self) -> None:
        if self.view is None:
            return
        due = None
        if self.action_has_due.isChecked():
            due = from_qt(self.action_due.dateTime())
        action = handover.ActionInput(
            self.action_text.text(),
            self.action_owner.currentData(),
            due,
            self.action_about.currentData(),
        )
        self._run(
            call(handover.add_action, self._actor(), self.view.id, action),
            clear=(self.action_text,),
        )

    def _add_contingency(self) -> None:
        if self.view is not None:
            condition, response = self.cont_if.text(), self.cont_then.text()
            about = self.cont_about.currentData()
            self._run(
                call(
                    handover.add_contingency,
                    self._actor(),
                    self.view.id,
                    condition,
                    response,
                    about,
                ),
                clear=(self.cont_if, self.cont_then),
            )

    def _add_unit_item(self) -> None:
        if self.view is not None:
            kind, text = self.item_kind.currentData(), self.item_text.text()
            self._run(
                call(handover.add_unit_item, self._actor(), self.view.id, kind, text),
                clear=(self.item_text,),
            )

    def _remove(self, entity: str, source: QListWidget) -> None:
        item = source.currentItem()
        if item is None:
            self.problem.say(self.tr("Choose a line in the list first."))
            return
        self._run(call(handover.remove_item, self._actor(), entity, item.data(ID_ROLE)))

    def _mark_done(self) -> None:
        item = self.actions_list.currentItem()
        if item is None:
            self.problem.say(self.tr("Choose an action in the list first."))
            return
        self._run(call(handover.complete_action, self._actor(), item.data(ID_ROLE)))

    def _hand_over(self) -> None:
        if self.view is not None:
            self._run(
                call(handover.hand_over, self._actor(), self.view.id, self.incoming.currentData()),
                done=self.tr("Handed over."),
            )

    def sign(self) -> SignHandoverDialog | None:
        """Sign after seeing what is signed and typing the password again."""
        if self.view is None or self.busy:
            return None
        from officer_desk.ui.handover.sign_dialog import SignHandoverDialog

        dialog = SignHandoverDialog(self._executor, self._actor(), self.view, self)
        dialog.accepted.connect(lambda: self.status.emit(self.tr("Handover signed.")))
        dialog.open()
        self.sign_dialog = dialog
        return dialog

    # --- printing -------------------------------------------------------------------------

    def _document(self, language_code: str | None = None) -> Document | None:
        from officer_desk.reports.handover import handover_document

        if self.view is None:
            return None
        return handover_document(self.view, language=language_code or language())

    def print_on_paper(self) -> bool:
        """Qt's print dialog for the handover shown; True when it was printed."""
        document = self._document()
        if document is None:
            return False
        try:
            printed = print_with_dialog(self, document)
        except DeskError as problem:
            self.problem.say(problem.message)
            return False
        if printed:
            self.status.emit(self.tr("Handover sent to the printer."))
        return printed

    def print_pdf(self, path: Path, language_code: str | None = None) -> bool:
        """Write the handover shown to ``path``; False (with a message shown) if it failed.

        On the GUI thread like the release plan's copy: the handover is already read and the
        layout takes a fraction of a second; the database worker is not held up."""
        from officer_desk.reports import pdf

        document = self._document(language_code)
        if document is None:
            return False
        try:
            pdf.write_document(document, path)
        except DeskError as problem:
            self.problem.say(problem.message)
            return False
        except OSError as problem:
            self.problem.say(
                self.tr("The handover could not be saved ({error}). Choose another folder.").format(
                    error=problem.strerror or problem
                )
            )
            return False
        self.status.emit(self.tr("Handover saved to {path}").format(path=path))
        return True

    def _print_asking(self) -> None:
        if self.view is None:
            return
        stamp = self.view.shift_start.astimezone().strftime("%Y-%m-%d-%H%M")
        chosen = ask_pdf_path(
            self, self.tr("Save the handover as PDF"), str(Path.home() / f"handover-{stamp}.pdf")
        )
        if chosen is not None:
            self.print_pdf(chosen)


__all__ = ["HandoverDetail"]
