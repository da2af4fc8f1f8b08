"""Item models of the conflict review: the conflicts and the changes the hub rejected."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from officer_desk.ui import looks, vocabulary
from officer_desk.ui.unit.models import RowsModel

if TYPE_CHECKING:
    from officer_desk.app.conflicts import ConflictRow, RejectedRow, Side

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
WARN = "danger"  # a colour of the look (looks.colour)


def tr(text: str) -> str:
    return QCoreApplication.translate("ConflictReview", text)


# Marked for lupdate: shown through tr() (context ConflictReview) where they are used.
KIND_WORDS = {
    "field": QT_TRANSLATE_NOOP("ConflictReview", "Two values"),
    "note_revisions": QT_TRANSLATE_NOOP("ConflictReview", "Two note revisions"),
    "disputed": QT_TRANSLATE_NOOP("ConflictReview", "Disputed item"),
    # The unit's rules the hub keeps (server/invariants.py)
    "assignment": QT_TRANSLATE_NOOP("ConflictReview", "Two contact officers"),
    "cover": QT_TRANSLATE_NOOP("ConflictReview", "Overlapping cover"),
    "enrolment": QT_TRANSLATE_NOOP("ConflictReview", "Enrolled twice"),
    "release_plan": QT_TRANSLATE_NOOP("ConflictReview", "Two release plans"),
    "milestone_signoff": QT_TRANSLATE_NOOP("ConflictReview", "Milestone signed off twice"),
    "release_signoff": QT_TRANSLATE_NOOP("ConflictReview", "Release signed off twice"),
}
STATUS_WORDS = {
    "not_started": QT_TRANSLATE_NOOP("ConflictReview", "Not started"),
    "in_progress": QT_TRANSLATE_NOOP("ConflictReview", "In progress"),
    "done": QT_TRANSLATE_NOOP("ConflictReview", "Done"),
    "support_declined": QT_TRANSLATE_NOOP("ConflictReview", "Support declined"),
    "not_needed": QT_TRANSLATE_NOOP("ConflictReview", "Not needed"),
    "disputed": QT_TRANSLATE_NOOP("ConflictReview", "Disputed"),
}


def kind_text(row: ConflictRow) -> str:
    return tr(str(KIND_WORDS.get(row.kind, row.kind)))


def state_text(row: ConflictRow) -> str:
    if row.resolved:
        return tr("decided")
    if row.auto_resolved:
        return tr("to review")
    return tr("to decide")


def when_text(moment: datetime | None) -> str:
    return "–" if moment is None else vocabulary.short_moment(moment)


def side_text(side: Side) -> str:
    """Who, where and when one value was written, in words."""
    who = side.by or tr("someone")
    where = (
        tr("this workstation")
        if side.here
        else (tr("workstation {id}").format(id=side.device[:8]) if side.device else tr("unknown"))
    )
    return tr("{who} on {where}, {when}").format(who=who, where=where, when=when_text(side.at))


def value_text(value: Any, kind: str = "") -> str:
    if kind == "disputed" and isinstance(value, str):
        return tr(str(STATUS_WORDS.get(value, value)))
    if value is None:
        return tr("(empty)")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or tr("(empty)")
    return str(value)


class ConflictColumn(IntEnum):
    PERSON = 0
    RECORD = 1
    KIND = 2
    STATE = 3
    DETECTED = 4


class ConflictsModel(RowsModel):
    def headers(self) -> list[str]:
        return [tr("Person"), tr("Record"), tr("What happened"), tr("State"), tr("Found")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: ConflictRow | None = self._valid(index)
        if row is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ConflictColumn.PERSON:
                return row.person or tr("(the unit)")
            if column == ConflictColumn.RECORD:
                return row.record
            if column == ConflictColumn.KIND:
                return kind_text(row)
            if column == ConflictColumn.STATE:
                return state_text(row)
            return when_text(row.detected_at)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == ConflictColumn.STATE
            and not row.resolved
            and not row.auto_resolved
        ):
            return QBrush(looks.colour(WARN))
        return None


class RejectedColumn(IntEnum):
    PERSON = 0
    RECORD = 1
    TRIED = 2
    REASON = 3
    WHEN = 4


class RejectedModel(RowsModel):
    def headers(self) -> list[str]:
        return [tr("Person"), tr("Record"), tr("The change"), tr("Why the hub refused"), tr("When")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: RejectedRow | None = self._valid(index)
        if row is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == RejectedColumn.PERSON:
                return row.person or "–"
            if column == RejectedColumn.RECORD:
                return row.entity.replace("_", " ")
            if column == RejectedColumn.TRIED:
                return "; ".join(f"{k}: {value_text(v)}" for k, v in row.fields) or "–"
            if column == RejectedColumn.REASON:
                return row.reason
            return when_text(row.rejected_at)
        return None
