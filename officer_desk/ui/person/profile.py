"""The editable part of a person's profile: names they go by, languages, diet, allergies,
cell, each alert's severity and photo.  Saved through ``app.profile`` on the worker;
refusals show by the field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain import triage
from officer_desk.domain.errors import DeskError, ValidationError
from officer_desk.store.rows import CaseloadRow
from officer_desk.ui.dialogs.form import FieldMessage
from officer_desk.ui.home.card import ElidedLabel

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store

FIELDS = ("preferred_name", "languages", "diet", "allergies", "cell")


def save_profile(actor: Actor, inmate_id: str, values: dict[str, Any]) -> Callable[[Store], Change]:
    def work(store: Store) -> Change:
        from officer_desk.app import profile

        return profile.update_profile(store, actor, inmate_id, profile.ProfileEdit(**values))

    return work


def save_photo(actor: Actor, inmate_id: str, path: Path | None) -> Callable[[Store], Change]:
    def work(store: Store) -> Change:
        from officer_desk.app import profile
        from officer_desk.ui.person.photo import prepare_photo

        image = None if path is None else prepare_photo(path)
        return profile.set_photo(store, actor, inmate_id, image)

    return work


def _languages(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class ProfileForm(QWidget):
    saved = Signal(str)  # what was saved, for the status bar

    def __init__(
        self, executor: DbExecutor, actor: Callable[[], Actor], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._actor = actor
        self._row: CaseloadRow | None = None
        self._refill_pending = False  # after a save: show what the store now holds
        self.preferred_name = QLineEdit()
        self.languages = QLineEdit()
        self.languages.setPlaceholderText(self.tr("e.g. norsk, English, polski"))
        self.diet = QLineEdit()
        self.allergies = QLineEdit()
        self.cell = QLineEdit()
        self.edits = {
            "preferred_name": self.preferred_name,
            "languages": self.languages,
            "diet": self.diet,
            "allergies": self.allergies,
            "cell": self.cell,
        }
        # Each alert's severity (the alerts themselves come with the roster): it decides where
        # the person's card stands on the home screen and the unit overview (domain.triage).
        self.alerts_box = QWidget()
        self.alerts_grid = QGridLayout(self.alerts_box)
        self.alerts_grid.setContentsMargins(0, 0, 0, 0)
        self.alerts_grid.setColumnStretch(0, 1)
        self.severity_boxes: list[QComboBox] = []
        self.messages = {field: FieldMessage() for field in (*FIELDS, "alert_severities", "photo")}
        self.general = FieldMessage()

        self.save_button = QPushButton(self.tr("Save profile"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.clicked.connect(self.save)
        self.photo_button = QPushButton(self.tr("Choose photo…"))
        self.photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        self.remove_photo_button.setObjectName("QuietButton")
        self.remove_photo_button.clicked.connect(lambda: self.set_photo_from(None))
        for edit in self.edits.values():
            edit.returnPressed.connect(self.save)

        form = QFormLayout()
        form.setVerticalSpacing(4)
        labels = {
            "preferred_name": self.tr("Goes by"),
            "languages": self.tr("Languages"),
            "diet": self.tr("Diet"),
            "allergies": self.tr("Allergies"),
            "cell": self.tr("Cell"),
        }
        for field in FIELDS:
            form.addRow(labels[field], self.edits[field])
            form.addRow(self.messages[field])
        self.alerts_label = QLabel(self.tr("Alerts"))
        form.addRow(self.alerts_label, self.alerts_box)
        form.addRow(self.messages["alert_severities"])
        photo_row = QHBoxLayout()
        photo_row.setSpacing(8)
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.remove_photo_button)
        photo_row.addStretch(1)
        form.addRow(self.tr("Photo"), photo_row)
        form.addRow(self.messages["photo"])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addLayout(buttons)

    def show_row(self, row: CaseloadRow, *, refill: bool) -> None:
        """Show the stored profile; ``refill`` False keeps what the officer is typing."""
        person_changed = self._row is None or self._row.inmate_id != row.inmate_id
        self._row = row
        if refill or person_changed or self._refill_pending:
            self._refill_pending = False
            self.preferred_name.setText(row.preferred_name)
            self.languages.setText(", ".join(row.languages))
            self.diet.setText(row.diet)
            self.allergies.setText(row.allergies)
            self.cell.setText(row.cell)
            self._show_alerts(row)
            self.clear_messages()
        self.remove_photo_button.setEnabled(row.photo is not None)

    def clear_messages(self) -> None:
        self.general.clear_message()
        for message in self.messages.values():
            message.clear_message()

    def changed_values(self) -> dict[str, Any]:
        row = self._row
        if row is None:
            return {}
        values: dict[str, Any] = {}
        if self.preferred_name.text().strip() != row.preferred_name:
            values["preferred_name"] = self.preferred_name.text()
        if _languages(self.languages.text()) != list(row.languages):
            values["languages"] = _languages(self.languages.text())
        for field in ("diet", "allergies", "cell"):
            if self.edits[field].text().strip() != getattr(row, field):
                values[field] = self.edits[field].text()
        chosen = [str(box.currentData()) for box in self.severity_boxes]
        if len(chosen) == len(row.alerts) and tuple(chosen) != row.alert_severities:
            values["alert_severities"] = chosen
        return values

    def _show_alerts(self, row: CaseloadRow) -> None:
        while self.alerts_grid.count():
            item = self.alerts_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.severity_boxes = []
        words = {
            triage.AlertSeverity.HIGH: self.tr("High: safety"),
            triage.AlertSeverity.MEDIUM: self.tr("Medium"),
            triage.AlertSeverity.LOW: self.tr("Low: practical"),
        }
        severities = triage.paired_severities(row.alerts, row.alert_severities)
        for number, (alert, severity) in enumerate(zip(row.alerts, severities, strict=True)):
            text = ElidedLabel(alert)
            box = QComboBox()
            for value in triage.SEVERITIES:
                box.addItem(words[value], value.value)
            box.setCurrentIndex(max(box.findData(severity), 0))
            box.setAccessibleName(self.tr("Severity of the alert {alert}").format(alert=alert))
            self.alerts_grid.addWidget(text, number, 0)
            self.alerts_grid.addWidget(box, number, 1)
            self.severity_boxes.append(box)
        if not row.alerts:
            none = QLabel(self.tr("None registered"))
            none.setObjectName("CardSub")
            self.alerts_grid.addWidget(none, 0, 0)

    @Slot()
    def save(self) -> None:
        self.clear_messages()
        if self._row is None:
            return
        values = self.changed_values()
        if not values:
            self.general.say(self.tr("Nothing has changed."))
            return
        self.save_button.setEnabled(False)
        self._executor.submit(
            save_profile(self._actor(), self._row.inmate_id, values),
            lambda _change: self._done(self.tr("Profile saved.")),
            self._failed,
            owner=self,
        )

    @Slot()
    def choose_photo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a photo"),
            "",
            self.tr("Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)"),
        )
        if path:
            self.set_photo_from(Path(path))

    def set_photo_from(self, path: Path | None) -> None:
        self.clear_messages()
        if self._row is None:
            return
        self.photo_button.setEnabled(False)
        self._executor.submit(
            save_photo(self._actor(), self._row.inmate_id, path),
            lambda _change: self._done(
                self.tr("Photo saved.") if path is not None else self.tr("Photo removed.")
            ),
            self._failed,
            owner=self,
        )

    def _done(self, text: str) -> None:
        self._refill_pending = True
        self.save_button.setEnabled(True)
        self.photo_button.setEnabled(True)
        self.saved.emit(text)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.photo_button.setEnabled(True)
        if isinstance(error, ValidationError) and error.field in self.messages:
            self.messages[error.field].say(error.message)
        elif isinstance(error, DeskError):
            self.general.say(error.message)
        else:
            self._executor.failed.emit(error)
