"""Item models of the unit overview: the caseloads against capacity, every person's line
(with a filter proxy for the supervisor's questions) and the unit's workstations.

Each model holds a tuple of frozen rows read on the worker and replaced whole."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from officer_desk.app.reads.unit import CAPACITY, PersonLine
from officer_desk.domain import triage
from officer_desk.ui import looks, vocabulary
from officer_desk.ui.programmes.models import _RowsModel as _ProgrammeRows

if TYPE_CHECKING:
    from officer_desk.store.home import OfficerCaseload
    from officer_desk.sync.held import SyncStatus
    from officer_desk.sync.protocol import DeviceInfo

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen row behind a line
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
WARN = "danger"  # colours of the look (looks.colour)
AMBER = "warn_text"
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def tr(text: str) -> str:
    return QCoreApplication.translate("UnitOverview", text)


class RowsModel(_ProgrammeRows):
    """Rows replaced whole after each read (the programme screens' model), plus the row
    behind a valid index."""

    def _valid(self, index: Index) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.headers()):
            return None
        return self._rows[index.row()]


# --- caseloads -------------------------------------------------------------------------------


class CaseloadColumn(IntEnum):
    OFFICER = 0
    PEOPLE = 1
    COVERING = 2
    STATE = 3


@dataclass(frozen=True)
class CaseloadLine:
    caseload: OfficerCaseload
    covering: int  # of the people, how many are covered for someone on leave


class CaseloadsModel(RowsModel):
    """One line per officer: how many people against the capacity of six."""

    def headers(self) -> list[str]:
        return [tr("Officer"), tr("People"), tr("Covering"), tr("Caseload")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line: CaseloadLine | None = self._valid(index)
        if line is None:
            return None
        officer = line.caseload.officer
        count = len(line.caseload.people)
        column = index.column()
        if role == ROW_ROLE:
            return line
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CaseloadColumn.OFFICER:
                if officer.role == "supervisor":
                    return tr("{name} (supervisor)").format(name=officer.display_name)
                return officer.display_name
            if column == CaseloadColumn.PEOPLE:
                return f"{count} / {CAPACITY}"
            if column == CaseloadColumn.COVERING:
                return str(line.covering) if line.covering else "–"
            if count > CAPACITY:
                return tr("Over capacity by {n}").format(n=count - CAPACITY)
            if count == CAPACITY:
                return tr("Full")
            return tr("Room for {n}").format(n=CAPACITY - count)
        if role == Qt.ItemDataRole.ForegroundRole and column == CaseloadColumn.STATE:
            return QBrush(looks.colour(WARN)) if count > CAPACITY else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            CaseloadColumn.PEOPLE,
            CaseloadColumn.COVERING,
        ):
            return NUMBER
        if role == Qt.ItemDataRole.AccessibleTextRole and column == CaseloadColumn.STATE:
            return self.data(index) if count <= CAPACITY else tr("Warning: ") + self.data(index)
        return None


# --- people ----------------------------------------------------------------------------------


class PersonColumn(IntEnum):
    PERSON = 0
    OFFICER = 1
    LAST_CONTACT = 2
    MEALS = 3
    FLAGS = 4
    RELEASE = 5
    READINESS = 6


MEAL_LETTERS = {"breakfast": "B", "lunch": "L", "dinner": "D", "evening": "E"}
ATE = {"ate", "partial"}


def meals_text(line: PersonLine) -> str:
    meals = line.row.meals_today
    if not meals:
        return tr("none logged")
    eaten = sum(1 for _, outcome in meals if outcome in ATE)
    return tr("{eaten} of {logged} eaten").format(eaten=eaten, logged=len(meals))


def flags(line: PersonLine) -> list[str]:
    row = line.row
    out = []
    severities = triage.paired_severities(row.alerts, row.alert_severities)
    high = [
        a for a, s in zip(row.alerts, severities, strict=True) if s == triage.AlertSeverity.HIGH
    ]
    if high:
        out.append(tr("safety alert: {alerts}").format(alerts=", ".join(high)))
    if row.refusal_flag:
        out.append(tr("refused {n} meals in a row").format(n=row.refusal_streak))
    if row.contact_nudge:
        out.append(tr("needs a talk"))
    if row.recent_concerns:
        if row.recent_concerns == 1:
            out.append(tr("1 concern note"))
        else:
            out.append(tr("{n} concern notes").format(n=row.recent_concerns))
    if line.overdue_items:
        if line.overdue_items == 1:
            out.append(tr("1 release item overdue"))
        else:
            out.append(tr("{n} release items overdue").format(n=line.overdue_items))
    return out


def last_contact_text(days: int | None) -> str:
    if days is None:
        return tr("never")
    if days <= 0:
        return tr("today")
    if days == 1:
        return tr("yesterday")
    return tr("{n} days ago").format(n=days)


def holder_text(line: PersonLine) -> str:
    if not line.holders:
        return tr("nobody")
    parts = []
    for h in line.holders:
        if h.cover_until is None:
            parts.append(h.name)
        else:
            parts.append(
                tr("{name} (cover until {day})").format(
                    name=h.name, day=vocabulary.short_date(h.cover_until)
                )
            )
    return ", ".join(parts)


def readiness_text(line: PersonLine) -> str:
    row = line.row
    if row.plan_share_done is None:
        return tr("no plan") if row.expected_release_date else "–"
    text = tr("{p} % done").format(p=round(row.plan_share_done * 100))
    if row.release_alert:
        text += " · " + tr("place to live or school/job missing")
    return text


class PeopleModel(RowsModel):
    """Every person on the unit: who has them, last contact, meals today, flags, release."""

    def headers(self) -> list[str]:
        return [
            tr("Person"),
            tr("Contact officer"),
            tr("Last talk"),
            tr("Meals today"),
            tr("Flags"),
            tr("Release"),
            tr("Readiness"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line: PersonLine | None = self._valid(index)
        if line is None:
            return None
        row = line.row
        column = index.column()
        if role == ROW_ROLE:
            return line
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == PersonColumn.PERSON:
                return row.label.long
            if column == PersonColumn.OFFICER:
                return holder_text(line)
            if column == PersonColumn.LAST_CONTACT:
                return last_contact_text(row.days_since_conversation)
            if column == PersonColumn.MEALS:
                return meals_text(line)
            if column == PersonColumn.FLAGS:
                return "; ".join(flags(line)) or "–"
            if column == PersonColumn.RELEASE:
                if row.days_to_release is None:
                    return "–"
                return tr("in {n} days").format(n=row.days_to_release)
            return readiness_text(line)
        if role == SORT_ROLE:
            if column == PersonColumn.LAST_CONTACT:
                return 10**6 if row.days_since_conversation is None else row.days_since_conversation
            if column == PersonColumn.RELEASE:
                return 10**6 if row.days_to_release is None else row.days_to_release
            if column == PersonColumn.FLAGS:
                return line.need_rank  # the order of need, most first
            if column == PersonColumn.READINESS:
                return -1.0 if row.plan_share_done is None else row.plan_share_done
            return self.data(index)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == PersonColumn.FLAGS and flags(line):
                return QBrush(looks.colour(WARN))
            if column == PersonColumn.OFFICER and not line.holders:
                return QBrush(looks.colour(WARN))
            if column == PersonColumn.READINESS and row.release_alert:
                return QBrush(looks.colour(WARN if row.release_alert == "seven_days" else AMBER))
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            PersonColumn.PERSON,
            PersonColumn.FLAGS,
            PersonColumn.READINESS,
        ):
            return self.data(index)  # a long name or many flags elide; the tooltip has it all
        if role == Qt.ItemDataRole.ToolTipRole and column == PersonColumn.MEALS:
            return ", ".join(
                f"{MEAL_LETTERS.get(meal, meal)}: {outcome}" for meal, outcome in row.meals_today
            )
        return None


class Filter(StrEnum):
    EVERYONE = "everyone"
    RELEASE_WITHIN = "release_within"
    OVERDUE_ITEMS = "overdue_items"
    NO_CONTACT = "no_contact"
    STREAKS = "streaks"
    FLAGGED = "flagged"
    UNASSIGNED = "unassigned"


# Marked for lupdate; the page translates them (self.tr) in its own context.
FILTER_WORDS = {
    Filter.EVERYONE: QT_TRANSLATE_NOOP("UnitOverviewPage", "Everyone"),
    Filter.RELEASE_WITHIN: QT_TRANSLATE_NOOP("UnitOverviewPage", "Release within N days"),
    Filter.OVERDUE_ITEMS: QT_TRANSLATE_NOOP("UnitOverviewPage", "Overdue release items"),
    Filter.NO_CONTACT: QT_TRANSLATE_NOOP("UnitOverviewPage", "No talk in N days"),
    Filter.STREAKS: QT_TRANSLATE_NOOP("UnitOverviewPage", "Refusal streaks"),
    Filter.FLAGGED: QT_TRANSLATE_NOOP("UnitOverviewPage", "Any flag"),
    Filter.UNASSIGNED: QT_TRANSLATE_NOOP("UnitOverviewPage", "Nobody assigned"),
}
NEEDS_DAYS = {Filter.RELEASE_WITHIN, Filter.NO_CONTACT}


def matches(line: PersonLine, kind: Filter, days: int, officer_id: str | None) -> bool:
    row = line.row
    if officer_id is not None and officer_id not in {h.officer_id for h in line.holders}:
        return False
    if kind is Filter.RELEASE_WITHIN:
        return row.days_to_release is not None and 0 <= row.days_to_release <= days
    if kind is Filter.OVERDUE_ITEMS:
        return line.overdue_items > 0
    if kind is Filter.NO_CONTACT:
        return row.days_since_conversation is None or row.days_since_conversation >= days
    if kind is Filter.STREAKS:
        return row.refusal_flag
    if kind is Filter.FLAGGED:
        return bool(flags(line))
    if kind is Filter.UNASSIGNED:
        return not line.holders
    return True


class PeopleFilter(QSortFilterProxyModel):
    """The supervisor's questions over the people model (and sorting by any column)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = Filter.EVERYONE
        self.days = 14
        self.officer_id: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_filter(self, kind: Filter, days: int, officer_id: str | None) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.10
            self.kind, self.days, self.officer_id = kind, days, officer_id
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self.kind, self.days, self.officer_id = kind, days, officer_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        line = model.row_at(source_row) if isinstance(model, PeopleModel) else None
        return line is not None and matches(line, self.kind, self.days, self.officer_id)


# --- workstations ----------------------------------------------------------------------------


class DeviceColumn(IntEnum):
    NAME = 0
    LAST_SYNC = 1
    WAITING = 2
    STATE = 3


@dataclass(frozen=True)
class WorkstationLine:
    name: str
    last_sync_at: datetime | None
    waiting: int | None
    state: str


def workstation_lines(
    devices: Sequence[DeviceInfo] | None, own: SyncStatus | None
) -> list[WorkstationLine]:
    """The hub's list when it could be read; else this workstation's own status only."""
    if devices:
        return [
            WorkstationLine(
                d.name,
                d.last_sync_at,
                d.waiting,
                tr("revoked")
                if d.revoked
                else (tr("this workstation") if d.this_device else tr("enrolled")),
            )
            for d in devices
        ]
    if own is None or not own.enrolled:
        return []
    state = own.problem or tr("this workstation")
    return [WorkstationLine(tr("This workstation"), own.last_sync_at, own.waiting, state)]


def ago(moment: datetime | None, now: datetime | None = None) -> str:
    if moment is None:
        return tr("never")
    now = now or datetime.now(UTC)
    minutes = int((now - moment).total_seconds() // 60)
    if minutes < 1:
        return tr("just now")
    if minutes < 60:
        return tr("{n} min ago").format(n=minutes)
    if minutes < 48 * 60:
        return tr("{n} h ago").format(n=minutes // 60)
    return tr("{n} days ago").format(n=minutes // (24 * 60))


class WorkstationsModel(RowsModel):
    def headers(self) -> list[str]:
        return [tr("Workstation"), tr("Last sync"), tr("Changes waiting"), tr("State")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line: WorkstationLine | None = self._valid(index)
        if line is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return line
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DeviceColumn.NAME:
                return line.name
            if column == DeviceColumn.LAST_SYNC:
                return ago(line.last_sync_at)
            if column == DeviceColumn.WAITING:
                return "?" if line.waiting is None else str(line.waiting)
            return line.state
        if role == Qt.ItemDataRole.ToolTipRole and column == DeviceColumn.LAST_SYNC:
            return None if line.last_sync_at is None else vocabulary.day_and_time(line.last_sync_at)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DeviceColumn.WAITING:
            return NUMBER
        return None
