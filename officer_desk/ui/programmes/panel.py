"""One person's programmes: enrolments with hours, attendance and milestones, the weekly trend,
status changes, milestone sign-off, certificates.

How to embed (e.g. as a tab of the person page)::

    from officer_desk.ui.programmes.panel import ProgrammesPanel

    panel = ProgrammesPanel(executor, session.actor, today=date.today, parent=page)
    panel.show_person(inmate_id)   # whenever the page shows another person

The panel reads and writes through ``executor`` only and refreshes itself from
``executor.changed`` when a change concerns its person or the catalogue.  ``loaded`` fires
after each read (tests wait on it); ``status`` carries a short confirmation for a status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.app.reads.programmes import CATALOGUE_ENTITIES, PersonProgrammes, read_person
from officer_desk.domain.programmes import ALLOWED, ENDS, EnrolmentStatus
from officer_desk.ui import vocabulary
from officer_desk.ui.dialogs.form import FormDialog
from officer_desk.ui.programmes import words
from officer_desk.ui.programmes.inline import InlineMessages, run_write
from officer_desk.ui.programmes.models import EnrolmentColumn, EnrolmentsModel, list_table
from officer_desk.ui.programmes.trend import TrendChart
from officer_desk.ui.read_when_shown import PersonPanel
from officer_desk.ui.undo_notice import UndoOffer

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store
    from officer_desk.store.progress import ProgrammeProgress

NEEDS_REASON = {*ENDS, EnrolmentStatus.SUSPENDED}


class ProgrammesPanel(PersonPanel):
    undo_offered = Signal(object)  # UndoOffer: an enrolment, for a few seconds

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, actor, today, parent)
        self.data: PersonProgrammes | None = None
        self._selected_enrolment: str | None = None

        # --- enrol ---
        title = QLabel(self.tr("Programmes"))
        title.setObjectName("SectionTitle")
        self.enrol_combo = QComboBox()
        self.enrol_combo.setAccessibleName(self.tr("Programme to enrol in"))
        self.enrol_combo.setMinimumWidth(220)
        self.start_now = QCheckBox(self.tr("Starts now"))
        self.start_now.setToolTip(self.tr("Unticked: the person goes on the waiting list first"))
        self.enrol_button = QPushButton(self.tr("Enrol"))
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_messages = InlineMessages()
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Enrol in")))
        top.addWidget(self.enrol_combo)
        top.addWidget(self.start_now)
        top.addWidget(self.enrol_button)
        enrol_errors = QVBoxLayout()
        enrol_errors.setSpacing(0)
        for name in ("programme", "on", "status"):
            enrol_errors.addWidget(self.enrol_messages.field(name))
        enrol_errors.addWidget(self.enrol_messages.general)

        # --- enrolments ---
        self.model = EnrolmentsModel(self)
        self.table = list_table(self.model, 28)
        self.table.setAccessibleName(self.tr("Programmes"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EnrolmentColumn.PROGRAMME, QHeaderView.ResizeMode.Stretch)
        for column in list(EnrolmentColumn)[1:]:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("Not enrolled in any programme yet."))
        self.empty.setObjectName("CardSub")

        # --- the selected enrolment: status ---
        self.heading = QLabel()
        self.heading.setObjectName("SectionTitle")
        self.heading.setWordWrap(True)
        self.since = QLabel()
        self.since.setObjectName("CardSub")
        self.since.setWordWrap(True)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("New status"))
        self.status_combo.currentIndexChanged.connect(self._status_choice_changed)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("Reason (needed to suspend or end)"))
        self.status_button = QPushButton(self.tr("Change status"))
        self.status_button.clicked.connect(self.change_status)
        self.status_messages = InlineMessages()
        status_row = QHBoxLayout()
        status_row.addWidget(QLabel(self.tr("Change to")))
        status_row.addWidget(self.status_combo)
        status_row.addWidget(self.reason_edit, 1)
        status_row.addWidget(self.status_button)
        self.ended = QLabel(self.tr("This enrolment has ended; its status cannot change."))
        self.ended.setObjectName("CardSub")

        # --- milestones ---
        milestones_title = QLabel(self.tr("Milestones"))
        milestones_title.setObjectName("SectionTitle")
        self.milestones = QListWidget()
        self.milestones.setAccessibleName(self.tr("Milestones"))
        self.milestones.setSpacing(2)
        self.milestones.setAlternatingRowColors(True)
        self.milestones.currentItemChanged.connect(self._milestone_selected)
        self.sign_off_button = QPushButton(self.tr("Sign off milestone"))
        self.sign_off_button.setToolTip(self.tr("Signed with your name and the time"))
        self.sign_off_button.clicked.connect(self.sign_off_milestone)
        self.milestone_messages = InlineMessages()

        detail = QVBoxLayout()
        detail.setSpacing(6)
        detail.addWidget(self.heading)
        detail.addWidget(self.since)
        detail.addLayout(status_row)
        detail.addWidget(self.ended)
        for name in ("status", "reason"):
            detail.addWidget(self.status_messages.field(name))
        detail.addWidget(self.status_messages.general)
        detail.addSpacing(4)
        milestone_head = QHBoxLayout()
        milestone_head.addWidget(milestones_title)
        milestone_head.addStretch(1)
        milestone_head.addWidget(self.sign_off_button)
        detail.addLayout(milestone_head)
        detail.addWidget(self.milestones)
        for name in ("milestone", "status"):
            detail.addWidget(self.milestone_messages.field(name))
        detail.addWidget(self.milestone_messages.general)

        self.chart = TrendChart()
        self.chart.setFixedHeight(230)
        self.detail_box = QWidget()
        columns = QHBoxLayout(self.detail_box)
        columns.setContentsMargins(0, 4, 0, 0)
        columns.setSpacing(16)
        columns.addLayout(detail, 3)
        columns.addWidget(self.chart, 2, Qt.AlignmentFlag.AlignTop)

        # --- certificates ---
        certificates_title = QLabel(self.tr("Certificates"))
        certificates_title.setObjectName("SectionTitle")
        self.certificate_button = QPushButton(self.tr("Record certificate…"))
        self.certificate_button.clicked.connect(self.open_certificate_dialog)
        self.certificates = QLabel()
        self.certificates.setWordWrap(True)
        self.certificates.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        certificate_head = QHBoxLayout()
        certificate_head.addWidget(certificates_title)
        certificate_head.addStretch(1)
        certificate_head.addWidget(self.certificate_button)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(enrol_errors)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail_box)
        layout.addSpacing(6)
        layout.addLayout(certificate_head)
        layout.addWidget(self.certificates)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._show_selected()

    # --- reading ---------------------------------------------------------------------------

    def show_person(self, inmate_id: str) -> None:
        if inmate_id != self.inmate_id:
            self._selected_enrolment = None
            for messages in (self.enrol_messages, self.status_messages, self.milestone_messages):
                messages.clear()
            self.reason_edit.clear()
            # Nothing of the person before stays on screen while this one's are read.
            self.data = None
            self.model.set_rows([])
            self.table.hide()
            self.empty.hide()
            self._show_selected()
            self._show_certificates()
        self.inmate_id = inmate_id
        self.reload()

    def _read(self, inmate_id: str) -> None:
        self._executor.submit(read_person(inmate_id, self._today()), self._loaded, owner=self)

    def _concerns(self, change: Change) -> bool:
        # The catalogue too: a programme renamed or closed changes what can be enrolled in.
        return super()._concerns(change) or (
            self.inmate_id is not None and bool(change.entities & CATALOGUE_ENTITIES)
        )

    def _loaded(self, data: PersonProgrammes) -> None:
        if data.inmate_id != self.inmate_id:
            return  # an answer for the person shown before
        self.data = data
        enrolled = {p.programme_id for p in data.progress if p.status not in ENDS}
        chosen = self.enrol_combo.currentData()
        self.enrol_combo.clear()
        for entry in data.catalogue:
            if entry.active and entry.id not in enrolled:
                self.enrol_combo.addItem(
                    f"{words.pick(entry.name_en, entry.name_nb)} ({entry.code})", entry.id
                )
        at = self.enrol_combo.findData(chosen)
        if at >= 0:
            self.enrol_combo.setCurrentIndex(at)
        self.enrol_button.setEnabled(self.enrol_combo.count() > 0)

        keep = self._selected_enrolment
        self.model.set_rows(data.progress)
        self.table.setVisible(bool(data.progress))
        self._show_empty(data)
        row = self.model.row_for(keep) if keep else -1
        if row < 0 and data.progress:
            row = len(data.progress) - 1  # the newest enrolment is the one most worked on
        if row >= 0:
            self.table.selectRow(row)
        self._fit_table()
        self._show_selected()
        self._show_certificates()
        self.loaded.emit()

    def _show_empty(self, data: PersonProgrammes) -> None:
        """ "Not enrolled", or what was logged as programme sessions without a programme
        (before the activity dialog asked for it): those count toward none, and say so."""
        sessions, hours = data.unattached
        if not sessions:
            self.empty.setText(self.tr("Not enrolled in any programme yet."))
            self.empty.setVisible(not data.progress)
            return
        amount = (
            self.tr("1 programme session ({hours} hours)")
            if sessions == 1
            else self.tr("{n} programme sessions ({hours} hours)")
        ).format(n=sessions, hours=vocabulary.decimal(hours))
        if data.progress:
            text = self.tr(
                "{amount} were logged without naming the programme and count toward none."
            )
        else:
            text = self.tr(
                "Not enrolled in a programme, but {amount} were logged without naming one. "
                "Enrol the person; sessions logged for the programme then count."
            )
        self.empty.setText(text.format(amount=amount))
        self.empty.setWordWrap(True)
        self.empty.show()

    def _fit_table(self) -> None:
        # As tall as its rows (two at least), so the detail sits right under it.
        rows = max(2, self.model.rowCount())
        height = self.table.horizontalHeader().sizeHint().height()
        height += rows * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)

    # --- the selected enrolment ------------------------------------------------------------

    def selected(self) -> ProgrammeProgress | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.enrolment_id != self._selected_enrolment:
            self.status_messages.clear()
            self.milestone_messages.clear()
            self.reason_edit.clear()
        self._selected_enrolment = chosen.enrolment_id if chosen is not None else None
        self._show_selected()

    def _show_selected(self) -> None:
        p = self.selected()
        self.detail_box.setVisible(p is not None)
        if p is None:
            return
        names = words.statuses()
        self.heading.setText(
            self.tr("{programme}: {status}").format(
                programme=words.pick(p.name_en, p.name_nb), status=names.get(p.status, p.status)
            )
        )
        since = self.tr("Enrolled {date}").format(date=vocabulary.short_date(p.enrolled_on))
        if p.status_reason:
            since += " · " + self.tr("Reason: {reason}").format(reason=p.status_reason)
        self.since.setText(since)

        allowed = sorted(ALLOWED[EnrolmentStatus(p.status)], key=list(EnrolmentStatus).index)
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        for status in allowed:
            self.status_combo.addItem(names[status], status.value)
        self.status_combo.blockSignals(False)
        can_change = bool(allowed)
        for widget in (self.status_combo, self.reason_edit, self.status_button):
            widget.setVisible(can_change)
        self.ended.setVisible(not can_change)
        self._status_choice_changed()

        current = self.milestones.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.milestones.clear()
        for m in p.milestones:
            title = words.pick(m.title_en, m.title_nb)
            if m.signed_at is not None:
                text = self.tr("✓ {n}. {title} — signed off {when}").format(
                    n=m.position, title=title, when=vocabulary.short_date(m.signed_at.date())
                )
            elif m.reached:
                text = self.tr("● {n}. {title} — {hours} h done: ready to sign off").format(
                    n=m.position, title=title, hours=vocabulary.decimal(m.hours)
                )
            else:
                text = self.tr("○ {n}. {title} — {done}/{hours} h").format(
                    n=m.position,
                    title=title,
                    done=vocabulary.decimal(m.hours),
                    hours=m.expected_hours,
                )
            item = QListWidgetItem(text)
            item.setToolTip(text)  # the list is narrow at 1024 px: the whole line on hover
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, m.signed_at is not None)
            self.milestones.addItem(item)
            if m.id == keep:
                self.milestones.setCurrentItem(item)
        if self.milestones.currentItem() is None:
            # Offer the first milestone still to do, so signing off is one click.
            for n in range(self.milestones.count()):
                if not self.milestones.item(n).data(Qt.ItemDataRole.UserRole + 1):
                    self.milestones.setCurrentRow(n)
                    break
        rows = max(3, self.milestones.count())
        row_height = self.milestones.sizeHintForRow(0) if self.milestones.count() else 20
        self.milestones.setFixedHeight(
            rows * (row_height + 2 * self.milestones.spacing()) + 2 * self.milestones.frameWidth()
        )
        self._milestone_selected()
        self.chart.set_weeks(
            p.weekly_hours,
            self.tr("Hours per week: {programme}").format(
                programme=words.pick(p.name_en, p.name_nb)
            ),
        )

    @Slot()
    def _status_choice_changed(self) -> None:
        chosen = self.status_combo.currentData()
        needs = chosen is not None and EnrolmentStatus(chosen) in NEEDS_REASON
        self.reason_edit.setPlaceholderText(
            self.tr("Reason (required)") if needs else self.tr("Reason (optional)")
        )

    @Slot()
    def _milestone_selected(self, *_args: object) -> None:
        item = self.milestones.currentItem()
        p = self.selected()
        open_ = item is not None and not item.data(Qt.ItemDataRole.UserRole + 1)
        active = p is not None and p.status in (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)
        self.sign_off_button.setEnabled(open_ and active)
        if open_ and not active:
            self.sign_off_button.setToolTip(
                self.tr("Milestones are signed off while the enrolment is active")
            )
        else:
            self.sign_off_button.setToolTip(self.tr("Signed with your name and the time"))

    def _show_certificates(self) -> None:
        if self.data is None or not self.data.certificates:
            self.certificates.setText(self.tr("None recorded yet."))
            self.certificates.setObjectName("CardSub")
            return
        lines = []
        for c in reversed(self.data.certificates):
            line = f"{vocabulary.short_date(c.issued_on)}  {c.title}"
            if c.issuer:
                line += " — " + c.issuer
            lines.append(line)
        self.certificates.setText("\n".join(lines))

    # --- writing ---------------------------------------------------------------------------

    @Slot()
    def enrol(self) -> None:
        programme_id = self.enrol_combo.currentData()
        if self.inmate_id is None:
            return
        if programme_id is None:
            self.enrol_messages.say("programme", self.tr("Choose a programme first."))
            return
        actor, inmate_id, on, start = (
            self._actor(),
            self.inmate_id,
            self._today(),
            self.start_now.isChecked(),
        )

        def work(store: Store) -> Change:
            from officer_desk.app import programmes

            return programmes.enrol(
                store, actor, inmate_id=inmate_id, programme_id=programme_id, on=on,
                start_now=start,
            )  # fmt: skip

        name = self.enrol_combo.currentText()
        run_write(
            self._executor,
            work,
            owner=self,
            messages=self.enrol_messages,
            button=self.enrol_button,
            on_done=lambda change: self._enrolled(name, change),
        )

    def _enrolled(self, name: str, change: Change) -> None:
        """Say so, and offer to take it back for a few seconds (a wrong programme chosen)."""
        done = self.tr("Enrolled in {p}").format(p=name)
        self.status.emit(done)
        enrolment_id, actor = change.ids[0], self._actor()

        def undo(store: Store) -> Change:
            from officer_desk.app import corrections

            return corrections.undo_enrolment(store, actor, enrolment_id)

        undone = self.tr("Enrolment in {p} undone.").format(p=name)
        self.undo_offered.emit(UndoOffer(done, undo, undone))

    @Slot()
    def change_status(self) -> None:
        p = self.selected()
        new = self.status_combo.currentData()
        if p is None or new is None:
            return
        reason = self.reason_edit.text().strip()
        if EnrolmentStatus(new) in NEEDS_REASON and not reason:
            # The service says the same; saying it here costs no round trip.
            self.status_messages.clear()
            self.status_messages.say(
                "reason",
                self.tr("Give a reason for marking the enrolment {status}.").format(
                    status=words.statuses()[new].lower()
                ),
            )
            self.reason_edit.setFocus()
            return
        actor, enrolment_id = self._actor(), p.enrolment_id

        def work(store: Store) -> Change:
            from officer_desk.app import programmes

            return programmes.change_status(
                store, actor, enrolment_id=enrolment_id, status=new, reason=reason
            )

        def done(_change: Any) -> None:
            self.reason_edit.clear()
            self.status.emit(self.tr("Status changed"))

        run_write(
            self._executor,
            work,
            owner=self,
            messages=self.status_messages,
            button=self.status_button,
            on_done=done,
        )

    @Slot()
    def sign_off_milestone(self) -> None:
        p = self.selected()
        item = self.milestones.currentItem()
        if p is None or item is None:
            return
        actor, enrolment_id = self._actor(), p.enrolment_id
        milestone_id = item.data(Qt.ItemDataRole.UserRole)

        def work(store: Store) -> Change:
            from officer_desk.app import programmes

            return programmes.sign_off_milestone(
                store, actor, enrolment_id=enrolment_id, milestone_id=milestone_id
            )

        run_write(
            self._executor,
            work,
            owner=self,
            messages=self.milestone_messages,
            button=self.sign_off_button,
            on_done=lambda _c: self.status.emit(self.tr("Milestone signed off")),
        )

    @Slot()
    def open_certificate_dialog(self) -> CertificateDialog | None:
        if self.inmate_id is None:
            return None
        programmes = [
            (p.programme_id, words.pick(p.name_en, p.name_nb))
            for p in (self.data.progress if self.data else ())
        ]
        dialog = CertificateDialog(
            self._executor, self._actor, self.inmate_id, programmes, self._today, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class CertificateDialog(FormDialog):
    """A certificate the person has earned (a course, a licence, a trade test)."""

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        inmate_id: str,
        programmes: list[tuple[str, str]],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self.setWindowTitle(self.tr("Record a certificate"))
        self._actor = actor
        self._inmate_id = inmate_id
        self._today = today
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Forklift licence (truckførerbevis)"))
        day = today()
        self.issued_on = QDateEdit(QDate(day.year, day.month, day.day))
        self.issued_on.setCalendarPopup(True)
        self.issued_on.setDisplayFormat(vocabulary.date_input_format())
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(self.tr("Who issued it (optional)"))
        self.programme = QComboBox()
        self.programme.addItem(self.tr("— none —"), None)
        for programme_id, name in dict(programmes).items():
            self.programme.addItem(name, programme_id)
        form = QFormLayout()
        form.addRow(self.tr("Certificate"), self.title)
        form.addRow(self.field_message("title"))
        form.addRow(self.tr("Issued on"), self.issued_on)
        form.addRow(self.field_message("issued_on"))
        form.addRow(self.tr("Issued by"), self.issuer)
        form.addRow(self.field_message("issuer"))
        form.addRow(self.tr("Programme"), self.programme)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(480)

    def check(self) -> list[tuple[str | None, str]]:
        problems: list[tuple[str | None, str]] = []
        if not self.title.text().strip():
            problems.append(("title", self.tr("Write what the certificate is for.")))
        if self.issued_on.date().toPython() > self._today():  # type: ignore[operator]
            problems.append(("issued_on", self.tr("The certificate's date is in the future.")))
        return problems

    def work(self) -> Callable[[Store], Change]:
        actor, inmate_id = self._actor(), self._inmate_id
        title, issuer = self.title.text(), self.issuer.text()
        issued_on: date = self.issued_on.date().toPython()  # type: ignore[assignment]
        programme_id = self.programme.currentData()

        def work(store: Store) -> Change:
            from officer_desk.app import programmes

            return programmes.record_certificate(
                store, actor, inmate_id=inmate_id, title=title, issued_on=issued_on,
                issuer=issuer, programme_id=programme_id,
            )  # fmt: skip

        return work
