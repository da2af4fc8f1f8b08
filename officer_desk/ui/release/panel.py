"""One person's release plan: countdown, share done, the gate in plain words, items by pathway,
referrals, a new release date, sign-off (and the supervisor's override), the printed copy.

How to embed (e.g. as a tab of the person page)::

    from officer_desk.ui.release.panel import ReleasePlanPanel

    panel = ReleasePlanPanel(executor, session.actor, today=date.today, parent=page)
    panel.show_person(inmate_id)   # whenever the page shows another person

The panel reads and writes through ``executor`` only and refreshes itself from
``executor.changed`` when a change concerns its person.  ``loaded`` fires after each read
(tests wait on it); ``status`` carries a short confirmation for a status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QItemSelection, QModelIndex, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.app.reads.release import PlanScreen, read_plan
from officer_desk.domain import release as rules
from officer_desk.domain.errors import DeskError, ValidationError
from officer_desk.domain.release import (
    RESOLVED,
    GateAlert,
    GateRole,
    ItemStatus,
    Urgency,
    suggested_release_date,
)
from officer_desk.ui import vocabulary
from officer_desk.ui.i18n import by_name
from officer_desk.ui.printing import ask_pdf_path, print_with_dialog
from officer_desk.ui.programmes.inline import InlineMessages, run_write
from officer_desk.ui.programmes.words import pick
from officer_desk.ui.read_when_shown import PersonPanel
from officer_desk.ui.release import words
from officer_desk.ui.release.dialogs import DateChangeDialog, ReferralDialog, SignOffDialog
from officer_desk.ui.release.model import ITEM_ROLE, PlanColumn, PlanItemsModel
from officer_desk.ui.wrap_row import WrapRow

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.reports.document import Document
    from officer_desk.store.database import Store
    from officer_desk.store.progress import EvidenceOption, PlanItemView, PlanView

FITTED_COLUMNS = (PlanColumn.STATUS, PlanColumn.OWNER, PlanColumn.DUE, PlanColumn.REFERRALS)
WIDE_LIST = 760  # px: wide enough for the titles with owner and referrals beside them


class ReleasePlanPanel(PersonPanel):
    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, actor, today, parent)
        self.plan: PlanScreen | None = None
        self._selected_item: str | None = None

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_no_plan())
        self.stack.addWidget(self._build_plan())
        self.loading = QLabel(self.tr("Loading…"))
        self.loading.setObjectName("EmptyState")
        self.stack.addWidget(self.loading)
        self.stack.setCurrentWidget(self.loading)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # --- building ----------------------------------------------------------------------------

    def _build_no_plan(self) -> QWidget:
        box = QWidget()
        title = QLabel(self.tr("No release plan yet"))
        title.setObjectName("SectionTitle")
        explain = QLabel(
            self.tr(
                "A plan is made from the standard template: accommodation, school or work, "
                "finance and ID, health, drugs and alcohol, family, programmes and release "
                "day. Due dates are counted back from the release date."
            )
        )
        explain.setWordWrap(True)
        explain.setObjectName("CardSub")
        self.create_date = QDateEdit()
        self.create_date.setCalendarPopup(True)
        self.create_date.setDisplayFormat(vocabulary.date_input_format())
        self.create_date.setAccessibleName(self.tr("Release date"))
        self.create_button = QPushButton(self.tr("Create release plan"))
        self.create_button.setObjectName("PrimaryButton")
        self.create_button.clicked.connect(self.create_plan)
        self.create_messages = InlineMessages()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Release date")))
        row.addWidget(self.create_date)
        row.addWidget(self.create_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.create_messages.field("release_date"))
        layout.addWidget(self.create_messages.field("plan"))
        layout.addWidget(self.create_messages.general)
        layout.addStretch(1)
        return box

    def _build_plan(self) -> QWidget:
        box = QWidget()
        # --- header: countdown, share done, gate, sign-offs, actions ---
        self.countdown = QLabel()
        self.countdown.setObjectName("CardName")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(180)
        self.share = QLabel()
        self.share.setObjectName("CardSub")
        self.share.setWordWrap(True)  # on a line of its own: long in Norwegian
        self.gate_label = QLabel()
        self.gate_label.setWordWrap(True)
        self.alert_label = QLabel()
        self.alert_label.setObjectName("FlagAlert")
        self.alert_label.setWordWrap(True)
        self.signoffs = QLabel()
        self.signoffs.setObjectName("CardSub")
        self.signoffs.setWordWrap(True)
        self.date_button = QPushButton(self.tr("Change release date…"))
        self.date_button.clicked.connect(self.open_date_change)
        self.sign_off_button = QPushButton(self.tr("Sign off…"))
        self.sign_off_button.clicked.connect(self.open_sign_off)
        self.print_button = QPushButton(self.tr("Print plan"))
        menu = QMenu(self.print_button)
        menu.addAction(self.tr("Print in Norwegian (bokmål)…"), lambda: self.print_on_paper("nb"))
        menu.addAction(self.tr("Print in English…"), lambda: self.print_on_paper("en"))
        menu.addSeparator()
        menu.addAction(
            self.tr("Save as PDF in Norwegian (bokmål)…"), lambda: self._print_asking("nb")
        )
        menu.addAction(self.tr("Save as PDF in English…"), lambda: self._print_asking("en"))
        self.print_button.setMenu(menu)
        self.print_button.setToolTip(self.tr("The person's own copy, in plain language"))
        self.print_messages = InlineMessages()

        # The countdown and the plan's buttons go onto two rows in a narrower window (1366 px
        # with the profile beside it): on one row they made the window 1,600 px wide.
        readiness = QHBoxLayout()
        readiness.addWidget(self.countdown)
        readiness.addSpacing(16)
        readiness.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignVCenter)
        readiness.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.date_button)
        actions.addWidget(self.sign_off_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)  # on a row of its own, kept at the left
        first = WrapRow()
        first.add_group(readiness, 1)
        first.add_group(actions)

        # --- items by pathway ---
        self.model = PlanItemsModel(self)
        self.tree = QTreeView()
        self.tree.setAccessibleName(self.tr("Items of the release plan"))
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(True)
        self.tree.setItemsExpandable(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PlanColumn.ITEM, QHeaderView.ResizeMode.Stretch)
        # Sized to their contents once per plan shown (_show_plan), then the officer's to
        # resize: in ResizeToContents mode the header asked every row's size at each layout
        # pass (some 2,000 model calls), and showing a plan took 25-40 ms of the GUI thread.
        for column in FITTED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)

        # --- the selected item ---
        self.item_title = QLabel()
        self.item_title.setObjectName("SectionTitle")
        self.item_title.setWordWrap(True)
        self.item_due = QLabel()
        self.item_due.setObjectName("ItemDue")
        self.item_due.setWordWrap(True)
        self.item_gate = QLabel(
            self.tr("Part of the release gate: mark it done only with what confirms it.")
        )
        self.item_gate.setObjectName("CardSub")
        self.item_gate.setWordWrap(True)
        self.status_combo = QComboBox()
        for value, label in words.item_statuses().items():
            self.status_combo.addItem(label, str(value))
        # Only sync makes an item disputed (app.release refuses it too): shown, not choosable.
        disputed = self.status_combo.findData(str(ItemStatus.DISPUTED))
        self.status_combo.model().item(disputed).setEnabled(False)  # type: ignore[attr-defined]
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("Who is doing this (officer, agency, the person)"))
        self.evidence = QPlainTextEdit()
        self.evidence.setTabChangesFocus(True)
        self.evidence.setPlaceholderText(self.tr("What confirms it: a letter, a call, a meeting"))
        self.evidence.setFixedHeight(70)
        # The school-or-job item: a certificate or completed milestone confirms it.
        self.achievements = QComboBox()
        self.achievements.setAccessibleName(self.tr("Use an achievement as evidence"))
        self.achievements.activated.connect(self._use_achievement)
        self.item_messages = InlineMessages()
        self.save_item_button = QPushButton(self.tr("Save item"))
        self.save_item_button.clicked.connect(self.save_item)
        self.referrals = QLabel()
        self.referrals.setWordWrap(True)
        self.referrals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.referral_button = QPushButton(self.tr("Add referral…"))
        self.referral_button.clicked.connect(self.open_referral)
        form = QFormLayout()
        form.addRow(self.tr("Status"), self.status_combo)
        form.addRow(self.item_messages.field("status"))
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.item_messages.field("owner"))
        form.addRow(self.tr("Evidence"), self.evidence)
        form.addRow("", self.achievements)
        form.addRow(self.item_messages.field("evidence"))
        self._item_form = form
        form.setRowVisible(self.achievements, False)  # until the school-or-job item is shown
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_item_button)
        referral_head = QHBoxLayout()
        referral_title = QLabel(self.tr("Referrals"))
        referral_title.setObjectName("SectionTitle")
        referral_head.addWidget(referral_title)
        referral_head.addStretch(1)
        referral_head.addWidget(self.referral_button)
        self.editor = QWidget()
        editor = QVBoxLayout(self.editor)
        editor.setContentsMargins(8, 0, 0, 0)
        editor.addWidget(self.item_title)
        editor.addWidget(self.item_due)
        editor.addWidget(self.item_gate)
        editor.addLayout(form)
        editor.addWidget(self.item_messages.general)
        editor.addLayout(save_row)
        editor.addSpacing(6)
        editor.addLayout(referral_head)
        editor.addWidget(self.referrals)
        editor.addStretch(1)
        self.pick_item = QLabel(self.tr("Choose an item on the left to work on it."))
        self.pick_item.setObjectName("EmptyState")
        self.pick_item.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        right = QStackedWidget()
        right.addWidget(self.pick_item)
        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        editor_scroll.setWidget(self.editor)
        right.addWidget(editor_scroll)
        self.right = right

        self.tree.installEventFilter(self)  # its width decides which columns fit
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 520])

        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(first)
        layout.addWidget(self.share)
        layout.addWidget(self.gate_label)
        layout.addWidget(self.alert_label)
        layout.addWidget(self.signoffs)
        layout.addWidget(self.print_messages.general)
        layout.addWidget(splitter, 1)
        return box

    # --- reading -----------------------------------------------------------------------------

    @property
    def view(self) -> PlanView | None:
        return self.plan.view if self.plan is not None else None

    def show_person(self, inmate_id: str) -> None:
        if inmate_id != self.inmate_id:
            self._selected_item = None
            self.plan = None
            self.stack.setCurrentWidget(self.loading)
            for messages in (self.create_messages, self.item_messages, self.print_messages):
                messages.clear()
        self.inmate_id = inmate_id
        self.reload()

    def _read(self, inmate_id: str) -> None:
        actor = self._actor()
        self._executor.submit(
            read_plan(inmate_id, actor.officer_id, self._today(), by_name), self._loaded, owner=self
        )

    def _loaded(self, screen: PlanScreen) -> None:
        if screen.inmate_id != self.inmate_id:
            return
        self.plan = screen
        if screen.view is None:
            suggested = suggested_release_date(self._today(), screen.expected_release_date)
            self.create_date.setDate(QDate(suggested.year, suggested.month, suggested.day))
            self.stack.setCurrentIndex(0)
        else:
            self._show_plan(screen, screen.view)
            self.stack.setCurrentIndex(1)
        self.loaded.emit()

    def _show_plan(self, screen: PlanScreen, view: PlanView) -> None:
        ready = view.readiness
        when = vocabulary.short_date(view.release_date)
        if ready.days_to_release > 0:
            self.countdown.setText(
                self.tr("Release {date}: in {days}").format(
                    date=when, days=vocabulary.days(ready.days_to_release)
                )
            )
        elif ready.days_to_release == 0:
            self.countdown.setText(self.tr("Release today ({date})").format(date=when))
        else:
            self.countdown.setText(self.tr("Release date {date} has passed").format(date=when))
        self.progress.setRange(0, max(1, ready.total))
        self.progress.setValue(ready.resolved)
        share = self.tr("{done} of {total} done ({pct:.0f} %)").format(
            done=ready.resolved, total=ready.total, pct=ready.share_done * 100
        )
        if ready.overdue or ready.due:
            share += " · " + self.tr("{overdue} overdue, {due} due within 14 days").format(
                overdue=ready.overdue, due=ready.due
            )
        self.share.setText(share)
        self.gate_label.setText(words.gate_line(ready.gate))
        # Red while the gate is unmet, calm once it is: the one thing nobody may leave without.
        # Both styled in the stylesheet, in the colours of the look.
        self.gate_label.setObjectName("FlagAlert" if not ready.gate.met else "GateMet")
        self.gate_label.style().unpolish(self.gate_label)
        self.gate_label.style().polish(self.gate_label)
        alert = {
            GateAlert.SEVEN_DAYS: self.tr(
                "Release is within 7 days and the gate is unmet: tell the supervisor today."
            ),
            GateAlert.EIGHT_WEEKS: self.tr(
                "Release is within 8 weeks and the gate is unmet: this needs work now."
            ),
        }.get(ready.alert) if ready.alert else None  # fmt: skip
        self.alert_label.setText(alert or "")
        self.alert_label.setVisible(alert is not None and ready.days_to_release >= 0)
        self.alert_label.setObjectName("FlagAlert" if ready.alert == GateAlert.SEVEN_DAYS
                                       else "FlagNudge")  # fmt: skip
        self.alert_label.style().polish(self.alert_label)

        parts = []
        for role in ("officer", "supervisor"):
            name = screen.signed_by.get(role)
            parts.append(
                self.tr("{role}: signed off by {name}").format(
                    role=words.role_name(role), name=name
                )
                if name
                else self.tr("{role}: not signed off").format(role=words.role_name(role))
            )
        overrides = [reason for _r, _o, reason in view.signed_off_by if reason]
        if overrides:
            parts.append(self.tr("Gate overridden: {reason}").format(reason=overrides[0]))
        self.signoffs.setText(" · ".join(parts))
        self._set_sign_off_button(screen, view)

        keep = self._selected_item
        self.model.set_items(view.items)
        self.tree.expandAll()
        for column in FITTED_COLUMNS:
            self.tree.resizeColumnToContents(column)
        self._fit_columns()
        index = self.model.item_index(keep) if keep else QModelIndex()
        if not index.isValid():
            index = self._first_open_item()
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self._show_item()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return False

    def _fit_columns(self) -> None:
        """Owner and referrals only where the items' titles still have room beside them
        (a wide window); in a narrow one they are in the selected item's detail."""
        wide = self.tree.width() >= WIDE_LIST
        for column in (PlanColumn.OWNER, PlanColumn.REFERRALS):
            self.tree.setColumnHidden(column, not wide)

    def _first_open_item(self) -> QModelIndex:
        """The most pressing open item: overdue first, then the earliest due."""
        assert self.view is not None
        order = {Urgency.OVERDUE: 0, Urgency.DUE: 1, Urgency.ON_TRACK: 2}
        open_items = [i for i in self.view.items if ItemStatus(i.status) not in RESOLVED]
        if not open_items:
            return QModelIndex()
        first = min(open_items, key=lambda i: (order.get(i.urgency, 3), i.due_date))
        return self.model.item_index(first.id)

    def _set_sign_off_button(self, screen: PlanScreen, view: PlanView) -> None:
        role = screen.actor_role
        signer = "supervisor" if role == "supervisor" else "officer"
        button = self.sign_off_button
        if role not in ("officer", "supervisor"):
            button.setEnabled(False)
            button.setToolTip(
                self.tr("Release sign-off is for the contact officer and a supervisor")
            )
        elif signer in screen.signed_by:
            button.setEnabled(False)
            button.setToolTip(self.tr("You have signed this release off"))
        elif not view.readiness.gate.met and signer == "officer":
            button.setEnabled(False)
            button.setToolTip(self.blocked_message())
        else:
            button.setEnabled(True)
            button.setToolTip("")
        button.setText(
            self.tr("Override and sign off…")
            if signer == "supervisor" and not view.readiness.gate.met
            else self.tr("Sign off…")
        )

    def blocked_message(self) -> str:
        """Why an officer cannot sign off now, in the domain's own words ("" when they can)."""
        if self.view is None:
            return ""
        try:
            rules.check_sign_off(self.view.readiness.gate, None, is_supervisor=False)
        except ValidationError as refused:
            return refused.message
        return ""

    # --- the selected item ---------------------------------------------------------------------

    def selected_item(self) -> PlanItemView | None:
        index = self.tree.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def select_item(self, code: str) -> None:
        """Select an item by its template code (e.g. ``housing-confirmed``)."""
        for item in self.view.items if self.view else ():
            if item.code == code:
                self.tree.setCurrentIndex(self.model.item_index(item.id))
                return
        raise KeyError(code)

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_args: object) -> None:
        item = self.selected_item()
        if item is not None and item.id != self._selected_item:
            self.item_messages.clear()
        self._selected_item = item.id if item is not None else None
        self._show_item()

    def _show_item(self) -> None:
        item = self.selected_item()
        self.right.setCurrentIndex(0 if item is None else 1)
        if item is None:
            return
        self.item_title.setText(pick(item.title_en, item.title_nb))
        due = vocabulary.short_date(item.due_date)
        text = {
            Urgency.OVERDUE: self.tr("Overdue: was due {date}"),
            Urgency.DUE: self.tr("Due soon: {date}"),
            Urgency.RESOLVED: self.tr("Was due {date}"),
        }.get(item.urgency, self.tr("Due {date}")).format(date=due)
        self.item_due.setText(text)
        # QLabel#ItemDue[urgency=...] in the stylesheet colours it in the look's colours.
        urgency = {Urgency.OVERDUE: "overdue", Urgency.DUE: "due"}.get(item.urgency, "")
        self.item_due.setProperty("urgency", urgency)
        self.item_due.style().unpolish(self.item_due)
        self.item_due.style().polish(self.item_due)
        self.item_gate.setVisible(bool(item.gate_role))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(item.status)))
        disputed = item.status == ItemStatus.DISPUTED
        self.status_combo.setEnabled(not disputed)
        self.status_combo.setToolTip(
            self.tr(
                "Two officers set different statuses while apart; a supervisor decides under "
                "Unit ▸ Sync conflicts. Owner and evidence can still be saved."
            )
            if disputed
            else ""
        )
        self.owner.setText(item.owner)
        self.evidence.setPlainText(item.evidence)
        self._show_achievements(item)
        if item.referrals:
            lines = []
            for r in item.referrals:
                line = self.tr("{date}: {agency} (consent given)").format(
                    date=vocabulary.short_date(r.sent_on), agency=r.agency
                )
                line += " — " + (
                    self.tr("answer: {a}").format(a=r.answer)
                    if r.answer
                    else self.tr("no answer yet")
                )
                lines.append(line)
            self.referrals.setText("\n".join(lines))
        else:
            self.referrals.setText(self.tr("None sent."))

    def _show_achievements(self, item: PlanItemView) -> None:
        """For the school-or-job item: the person's certificates, signed-off milestones and
        completed programmes, each one choice away from the evidence field."""
        options = self.plan.evidence if self.plan is not None else ()
        shown = item.gate_role == GateRole.EDUCATION_OR_WORK and bool(options)
        self._item_form.setRowVisible(self.achievements, shown)
        self.achievements.clear()
        if not shown:
            return
        self.achievements.addItem(self.tr("Use as evidence…"), None)
        for option in options:
            self.achievements.addItem(self.achievement_text(option), option)

    def achievement_text(self, option: EvidenceOption) -> str:
        """One achievement in words, in the interface's language."""
        when = vocabulary.short_date(option.on)
        programme = pick(option.programme_en, option.programme_nb)
        if option.kind == "certificate":
            text = self.tr("Certificate: {title}, issued {date}").format(
                title=option.title_en, date=when
            )
            if option.issuer:
                text += self.tr(" by {issuer}").format(issuer=option.issuer)
            return text
        if option.kind == "completed":
            return self.tr("Programme completed: {programme}, {date}").format(
                programme=programme, date=when
            )
        return self.tr("Milestone signed off: {title} ({programme}), {date}").format(
            title=pick(option.title_en, option.title_nb), programme=programme, date=when
        )

    @Slot(int)
    def _use_achievement(self, index: int) -> None:
        if self.achievements.itemData(index) is None:
            return
        line = self.achievements.itemText(index)
        before = self.evidence.toPlainText().rstrip()
        if line not in before.splitlines():
            self.evidence.setPlainText(f"{before}\n{line}" if before else line)
        self.achievements.setCurrentIndex(0)
        self.evidence.setFocus()

    # --- writing -------------------------------------------------------------------------------

    @Slot()
    def create_plan(self) -> None:
        if self.inmate_id is None:
            return
        chosen: date = self.create_date.date().toPython()  # type: ignore[assignment]
        try:
            rules.check_release_date(chosen, self._today())
        except ValidationError as refused:
            # Said at once, next to the date; the service would refuse it the same way.
            self.create_messages.clear()
            self.create_messages.say(refused.field, refused.message)
            return
        actor, inmate_id = self._actor(), self.inmate_id

        def work(store: Store) -> Change:
            from officer_desk.app import release

            return release.create_plan(store, actor, inmate_id=inmate_id, release_date=chosen)

        run_write(
            self._executor,
            work,
            owner=self,
            messages=self.create_messages,
            button=self.create_button,
            on_done=lambda _c: self.status.emit(self.tr("Release plan created")),
        )

    @Slot()
    def save_item(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        actor, item_id = self._actor(), item.id
        status = self.status_combo.currentData()
        owner, evidence = self.owner.text(), self.evidence.toPlainText()

        def work(store: Store) -> Change:
            from officer_desk.app import release

            return release.update_item(
                store, actor, item_id=item_id, status=status, owner=owner, evidence=evidence
            )

        run_write(
            self._executor,
            work,
            owner=self,
            messages=self.item_messages,
            button=self.save_item_button,
            on_done=lambda _c: self.status.emit(self.tr("Item saved")),
        )

    def _dialog_ready(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def open_sign_off(self) -> SignOffDialog | None:
        if self.plan is None or self.view is None:
            return None
        return self._dialog_ready(
            SignOffDialog(
                self._executor,
                self._actor,
                self.plan.inmate_id,
                self.plan.person_name,
                self.view.readiness.gate,
                "supervisor" if self.plan.actor_role == "supervisor" else "officer",
                self,
            )
        )

    @Slot()
    def open_date_change(self) -> DateChangeDialog | None:
        if self.plan is None or self.view is None:
            return None
        return self._dialog_ready(
            DateChangeDialog(
                self._executor,
                self._actor,
                self.plan.inmate_id,
                self.view.release_date,
                self._today,
                self,
            )
        )

    @Slot()
    def open_referral(self) -> ReferralDialog | None:
        item = self.selected_item()
        if item is None:
            return None
        return self._dialog_ready(
            ReferralDialog(
                self._executor,
                self._actor,
                item.id,
                pick(item.title_en, item.title_nb),
                self._today,
                self,
            )
        )

    # --- the person's copy -----------------------------------------------------------------------

    def _document(self, language_code: str) -> Document | None:
        from officer_desk.reports.release_plan import release_plan_document

        if self.plan is None or self.view is None:
            return None
        return release_plan_document(
            self.view,
            self.plan.person_name,
            self.plan.prison_number,
            language=language_code,
            contact_officer=", ".join(self.plan.contact_officers),
            made_on=self._today(),
        )

    def print_on_paper(self, language_code: str) -> bool:
        """Qt's print dialog for the person's copy; True when it was printed."""
        self.print_messages.clear()
        document = self._document(language_code)
        if document is None:
            return False
        try:
            printed = print_with_dialog(self, document)
        except DeskError as problem:
            self.print_messages.say(None, problem.message)
            return False
        if printed:
            self.status.emit(self.tr("Plan sent to the printer."))
        return printed

    def print_plan(self, language_code: str, path: Path) -> bool:
        """Write the person's copy to ``path``; False (with a message shown) if it failed.

        Runs on the GUI thread: it needs no database (the plan is already read) and takes a
        fraction of a second; queuing it on the database worker would hold up every query.
        """
        from officer_desk.reports import pdf

        self.print_messages.clear()
        document = self._document(language_code)
        if document is None:
            return False
        if not path.parent.is_dir():
            self.print_messages.say(
                None,
                self.tr("The folder {folder} does not exist. Choose another folder.").format(
                    folder=path.parent
                ),
            )
            return False
        try:
            pdf.write_document(document, path)
        except DeskError as problem:
            self.print_messages.say(None, problem.message)
            return False
        except OSError as problem:
            self.print_messages.say(
                None,
                self.tr("The plan could not be saved ({error}). Choose another folder.").format(
                    error=problem.strerror or problem
                ),
            )
            return False
        self.status.emit(self.tr("Plan saved to {path}").format(path=path))
        return True

    def _print_asking(self, language_code: str) -> None:
        if self.plan is None:
            return
        suffix = "plan" if language_code == "en" else "plan-nb"
        chosen = ask_pdf_path(
            self,
            self.tr("Save the plan as PDF"),
            f"{self.plan.prison_number}-release-{suffix}.pdf",
        )
        if chosen is not None and self.print_plan(language_code, chosen):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(chosen)))  # to read it at once
