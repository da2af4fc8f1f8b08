"""Correct or void one entry of a person's timeline, with a reason (app.corrections).

One dialog for every kind: what the entry says now, the fields a correction may change
(``corrections.AMENDABLE``; a void changes nothing) and why.  The earlier entry stays in
the history; the timeline shows what counts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.ui import vocabulary
from officer_desk.ui.dialogs.form import FormDialog
from officer_desk.ui.fit import fit_to_text

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store
    from officer_desk.store.queries import TimelineItem


def correct_entry(
    actor: Actor, kind: str, entry_id: str, values: Mapping[str, Any], reason: str, void: bool
) -> Callable[[Store], Change]:
    def work(store: Store) -> Change:
        from officer_desk.app import corrections

        if void:
            return corrections.void_entry(store, actor, kind=kind, entry_id=entry_id, reason=reason)
        return corrections.amend_entry(
            store, actor, kind=kind, entry_id=entry_id, values=values, reason=reason
        )

    return work


def _choices(box: QComboBox, words: Mapping[Any, str], current: Any) -> None:
    for value, text in words.items():
        box.addItem(text, str(value))
    at = box.findData(str(current))
    box.setCurrentIndex(max(at, 0))


class CorrectEntryDialog(FormDialog):
    """Correct (``void`` False) or void one timeline entry of ``person``."""

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        item: TimelineItem,
        summary: str,
        *,
        void: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self.item = item
        self.void = void
        self.fields: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Void an entry") if void else self.tr("Correct an entry"))
        shown = QLabel(summary)
        shown.setWordWrap(True)
        shown.setObjectName("CardSub")
        explain = QLabel(
            self.tr(
                "The entry no longer counts and leaves the timeline. It stays in the history "
                "with your reason."
            )
            if void
            else self.tr(
                "Your correction counts from now on. The entry as first written stays in the "
                "history with your reason."
            )
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(shown)
        form.addRow(explain)
        if not void:
            self._add_fields(form)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(
            ["", self.tr("Typed in a hurry"), self.tr("Wrong person"), self.tr("Wrong time")]
        )
        line = self.reason.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Why?"))
        self.reason.setAccessibleName(self.tr("Reason"))
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.field_message("reason"))
        form.addRow(self.field_message("values"))
        form.addRow(self.field_message("entry"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.save_button.setText(self.tr("Void entry") if void else self.tr("Save correction"))
        fit_to_text(self, 520)
        first = next(iter(self.fields.values()), self.reason)
        first.setFocus()

    def _add_fields(self, form: QFormLayout) -> None:
        item = self.item
        if item.kind == "meal":
            outcome = QComboBox()
            _choices(outcome, vocabulary.meal_outcomes(), item.outcome)
            reason = QComboBox()
            reason.addItem(self.tr("(no reason)"), "")
            for value, text in vocabulary.decline_reasons().items():
                reason.addItem(text, str(value))
            at = reason.findData(item.text)
            reason.setCurrentIndex(max(at, 0))
            self._add(form, "outcome", self.tr("&Outcome"), outcome)
            self._add(form, "decline_reason", self.tr("&Why declined"), reason)
        elif item.kind == "activity":
            outcome = QComboBox()
            _choices(outcome, vocabulary.activity_outcomes(), item.outcome)
            minutes = QSpinBox()
            minutes.setRange(1, 24 * 60)
            minutes.setValue(max(item.minutes, 1))
            minutes.setSuffix(self.tr(" min"))
            self._add(form, "outcome", self.tr("&Outcome"), outcome)
            self._add(form, "duration_minutes", self.tr("&Duration"), minutes)
        elif item.kind == "conversation":
            mood = QComboBox()
            _choices(mood, vocabulary.moods(), _mood_of(item.outcome))
            minutes = QSpinBox()
            minutes.setRange(1, 8 * 60)
            minutes.setValue(max(item.minutes, 1))
            minutes.setSuffix(self.tr(" min"))
            self._add(form, "mood", self.tr("&Mood"), mood)
            self._add(form, "duration_minutes", self.tr("&Duration"), minutes)
        note = QPlainTextEdit()
        note.setTabChangesFocus(True)
        note.setFixedHeight(90)
        meal_reason = item.kind == "meal" and item.text in vocabulary.decline_reasons()
        note.setPlainText("" if meal_reason else item.text)
        self._add(form, "note", self.tr("&Note"), note)

    def _add(self, form: QFormLayout, field: str, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label.replace("&", ""))
        self.fields[field] = widget
        form.addRow(label, widget)
        form.addRow(self.field_message(field))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                value: Any = widget.currentData()
                out[field] = int(value) if field == "mood" else (value or None)
            elif isinstance(widget, QSpinBox):
                out[field] = widget.value()
            elif isinstance(widget, QPlainTextEdit):
                out[field] = widget.toPlainText()
        return out

    def check(self) -> list[tuple[str | None, str]]:
        if not self.reason.currentText().strip():
            return [("reason", self.tr("Give a reason; it stays with the history."))]
        return []

    def work(self) -> Callable[[Store], Change]:
        return correct_entry(
            self._actor(),
            self.item.kind,
            self.item.id,
            self.values(),
            self.reason.currentText(),
            self.void,
        )


def _mood_of(outcome: str) -> int:
    """The mood of a conversation's timeline line ("mood 3")."""
    digits = "".join(c for c in outcome if c.isdigit())
    return int(digits) if digits else 3
