"""Release plan dialogs: sign-off (with the supervisor's override), a new release date showing
what moved, and a referral to an agency.  Each saves through one use case on the worker and
keeps what was typed when the service refuses it (``dialogs.form.FormDialog``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain import release as rules
from officer_desk.domain.errors import ValidationError
from officer_desk.domain.release import GateResult
from officer_desk.ui import vocabulary
from officer_desk.ui.dialogs.form import FormDialog
from officer_desk.ui.programmes.words import pick
from officer_desk.ui.release import words

if TYPE_CHECKING:
    from officer_desk.app.release import MovedItem
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(vocabulary.date_input_format())
    return edit


class SignOffDialog(FormDialog):
    """The contact officer's or the supervisor's release sign-off.

    While the gate is unmet an officer cannot sign (the button stays off and the dialog says
    why); a supervisor can override with a written reason, which the audit log keeps.
    """

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        inmate_id: str,
        person_name: str,
        gate: GateResult,
        role: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self._inmate_id = inmate_id
        self._gate = gate
        self.is_supervisor = role == "supervisor"
        self.setWindowTitle(self.tr("Release sign-off: {name}").format(name=person_name))
        self.save_button.setText(
            self.tr("Sign off as supervisor") if self.is_supervisor else self.tr("Sign off")
        )
        self.gate_label = QLabel(words.gate_line(gate))
        self.gate_label.setObjectName("FlagNudge" if not gate.met else "CardLine")
        self.gate_label.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("Why release can go ahead without it, and what has been arranged instead")
        )
        self.reason.setMinimumHeight(90)
        self.reason.setAccessibleName(self.tr("Reason for the override"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.gate_label)
        layout.addWidget(self.explain)
        self.reason_title = QLabel(
            self.tr("Reason for overriding the gate (kept in the audit log)")
        )
        layout.addWidget(self.reason_title)
        layout.addWidget(self.reason)
        layout.addWidget(self.field_message("override_reason"))
        layout.addWidget(self.field_message("role"))
        self.finish_layout(layout)
        self.setMinimumWidth(560)

        override = not gate.met and self.is_supervisor
        self.reason_title.setVisible(override)
        self.reason.setVisible(override)
        if gate.met:
            self.explain.setText(
                self.tr("The gate is met. Your sign-off is recorded with your name and the time.")
            )
        elif self.is_supervisor:
            self.explain.setText(
                self.tr(
                    "Release sign-off is blocked while the gate is unmet. As a supervisor you "
                    "can override it with a written reason."
                )
            )
            self.save_button.setText(self.tr("Override and sign off"))
        else:
            self.explain.setText(self.blocked_message())
            self.save_button.setEnabled(False)

    def blocked_message(self) -> str:
        try:
            rules.check_sign_off(self._gate, None, is_supervisor=self.is_supervisor)
        except ValidationError as refused:
            return refused.message
        return ""

    def check(self) -> list[tuple[str | None, str]]:
        # The domain's own rule first, so an empty or too short reason is named at once.
        try:
            rules.check_sign_off(
                self._gate, self.reason.toPlainText(), is_supervisor=self.is_supervisor
            )
        except ValidationError as refused:
            return [(refused.field, refused.message)]
        return []

    def work(self) -> Callable[[Store], Change]:
        actor, inmate_id = self._actor(), self._inmate_id
        reason = self.reason.toPlainText() if not self._gate.met else None

        def work(store: Store) -> Change:
            from officer_desk.app import release

            return release.sign_off(store, actor, inmate_id=inmate_id, override_reason=reason)

        return work


class DateChangeDialog(FormDialog):
    """A new release date; after saving it shows which due dates moved (old -> new)."""

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        inmate_id: str,
        current: date,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self._inmate_id = inmate_id
        self._today = today
        self.moved: list[MovedItem] | None = None
        self.setWindowTitle(self.tr("Change the release date"))
        self.save_button.setText(self.tr("Change date"))
        self.date_edit = _date_edit(current)
        self.date_edit.setAccessibleName(self.tr("New release date"))
        self.explain = QLabel(
            self.tr(
                "The due dates of open items move with the release date. Items already done "
                "keep their dates."
            )
        )
        self.explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Release date now"), QLabel(vocabulary.short_date(current)))
        form.addRow(self.tr("New release date"), self.date_edit)
        form.addRow(self.field_message("release_date"))
        self.result_label = QLabel()
        self.result_label.setObjectName("SectionTitle")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Was due"), self.tr("Now due")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.table, 1)
        self.finish_layout(layout)
        self.setMinimumWidth(620)

    def new_date(self) -> date:
        return self.date_edit.date().toPython()  # type: ignore[return-value]

    def check(self) -> list[tuple[str | None, str]]:
        try:
            rules.check_release_date(self.new_date(), self._today())
        except ValidationError as refused:
            return [(refused.field, refused.message)]
        return []

    def work(self) -> Callable[[Store], Any]:
        actor, inmate_id, new = self._actor(), self._inmate_id, self.new_date()

        def work(store: Store) -> list[MovedItem]:
            from officer_desk.app import release

            return release.change_release_date(store, actor, inmate_id=inmate_id, release_date=new)

        return work

    def _saved(self, moved: object) -> None:
        """Stay open and show what moved; the person should be told, and can be shown this."""
        self.saving = False
        self.moved = list(moved)  # type: ignore[call-overload]
        # change_release_date returns what moved rather than a Change, so the executor has
        # nothing to announce; announce it here, so every screen showing this person refreshes.
        self._executor.changed.emit(
            Change(entities={"release_plan", "release_plan_item", "inmate"},
                   inmate_ids={self._inmate_id})
        )  # fmt: skip
        self.date_edit.setEnabled(False)
        self.explain.hide()
        if self.moved:
            self.result_label.setText(
                self.tr("Release date changed to {date}. These due dates moved:").format(
                    date=vocabulary.short_date(self.new_date())
                )
            )
        else:
            self.result_label.setText(
                self.tr("Release date changed to {date}. No open item's due date moved.").format(
                    date=vocabulary.short_date(self.new_date())
                )
            )
        self.result_label.show()
        self.table.setRowCount(len(self.moved))
        for row, item in enumerate(self.moved):
            self.table.setItem(row, 0, QTableWidgetItem(pick(item.title_en, item.title_nb)))
            self.table.setItem(row, 1, QTableWidgetItem(vocabulary.short_date(item.old_due)))
            self.table.setItem(row, 2, QTableWidgetItem(vocabulary.short_date(item.new_due)))
        self.table.setVisible(bool(self.moved))
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        self.buttons.rejected.connect(self.accept)
        self.resize(self.width(), max(self.height(), 460))
        self.saved.emit(moved)


class ReferralDialog(FormDialog):
    """A referral to an agency for one plan item: sent only with the person's consent."""

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        item_id: str,
        item_title: str,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self._item_id = item_id
        self._today = today
        self.setWindowTitle(self.tr("Referral: {item}").format(item=item_title))
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(
            self.tr("e.g. NAV Halden, the municipality's housing office")
        )
        self.sent_on = _date_edit(today())
        self.consent = QCheckBox(self.tr("The person has agreed to this referral"))
        self.answer = QPlainTextEdit()
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("The agency's answer, when it comes (optional)"))
        self.answer.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow(self.field_message("agency"))
        form.addRow(self.tr("Sent on"), self.sent_on)
        form.addRow(self.field_message("sent_on"))
        form.addRow(self.tr("Consent"), self.consent)
        form.addRow(self.field_message("consent"))
        form.addRow(self.tr("Answer"), self.answer)
        form.addRow(self.field_message("answer"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(560)

    def check(self) -> list[tuple[str | None, str]]:
        problems: list[tuple[str | None, str]] = []
        if not self.agency.text().strip():
            problems.append(("agency", self.tr("Write which agency the referral goes to.")))
        if self.sent_on.date().toPython() > self._today():  # type: ignore[operator]
            problems.append(("sent_on", self.tr("The referral's date is in the future.")))
        if not self.consent.isChecked():
            problems.append(
                (
                    "consent",
                    self.tr(
                        "A referral is only sent with the person's consent; ask them, and "
                        "tick the box when they agree."
                    ),
                )
            )
        return problems

    def work(self) -> Callable[[Store], Change]:
        actor, item_id = self._actor(), self._item_id
        agency, answer = self.agency.text(), self.answer.toPlainText()
        sent_on: date = self.sent_on.date().toPython()  # type: ignore[assignment]
        consent = self.consent.isChecked()

        def work(store: Store) -> Change:
            from officer_desk.app import release

            return release.add_referral(
                store, actor, item_id=item_id, agency=agency, sent_on=sent_on, consent=consent,
                answer=answer,
            )  # fmt: skip

        return work
