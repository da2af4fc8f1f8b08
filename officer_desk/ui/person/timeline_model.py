"""TimelineModel: one person's history, newest first, a page at a time as the view scrolls.

It holds the items of the pages loaded so far (their ids, times and short texts) and the
cursor of the next page; ``fetchMore`` asks the worker for that page only, so five years of
history scroll without loading five years up front.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain.wording import topic
from officer_desk.ui import i18n, looks, vocabulary

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.store.queries import TimelineItem

AnyIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 50
KINDS = ("meal", "activity", "conversation", "note")
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

_POSITIVE = "good"  # colours of the look (looks.colour)
_ALERT = "danger"


class Column(IntEnum):
    WHEN = 0
    KIND = 1
    WHAT = 2
    DETAILS = 3
    BY = 4


@dataclass(frozen=True)
class TimelineFilter:
    kinds: tuple[str, ...] = KINDS
    since: date | None = None
    until: date | None = None  # inclusive


@dataclass(frozen=True)
class PageRead:
    items: list[TimelineItem]
    next_before: tuple[datetime, str] | None
    authors: dict[str, str]


def read_page(
    inmate_id: str, before: tuple[datetime, str] | None, shown: TimelineFilter, limit: int
) -> Callable[[Store], PageRead]:
    def work(store: Store) -> PageRead:
        from officer_desk.store import queries

        with store.raw() as conn:  # plain SQL: no ORM objects (see queries.timeline_page)
            page = queries.timeline_page(
                conn,
                inmate_id,
                before=before,
                limit=limit,
                kinds=shown.kinds,
                since=shown.since,
            )
            return PageRead(page.items, page.next_before, authors_of(conn, page.items))

    return work


def authors_of(conn: Any, items: Sequence[TimelineItem]) -> dict[str, str]:
    """officer id -> name, for the authors of ``items``."""
    ids = sorted({i.author_id for i in items if i.author_id})
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(
        conn.execute(f"SELECT id, display_name FROM officer WHERE id IN ({marks})", ids).fetchall()
    )


class TimelineModel(QAbstractTableModel):
    page_loaded = Signal(int)  # items now loaded in total

    def __init__(self, executor: DbExecutor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self._inmate_id: str | None = None
        self._filter = TimelineFilter()
        self._items: list[TimelineItem] = []
        # Each row's texts, made once when its page arrives: a paint asks for every visible
        # cell's roles (some 600 calls), so data() only looks them up.
        self._texts: list[tuple[str, ...]] = []
        self._ids: set[str] = set()
        self._authors: dict[str, str] = {}
        self._next: tuple[datetime, str] | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        # Hidden (the desk shows the home screen): a change marks the history stale instead
        # of re-reading it for no one to see; it is read again when shown.
        self._paused = False
        self._stale = False
        self._headers = {
            Column.WHEN: self.tr("When"),
            Column.KIND: self.tr("Kind"),
            Column.WHAT: self.tr("What"),
            Column.DETAILS: self.tr("Details"),
            Column.BY: self.tr("By"),
        }
        self._kinds = {
            "meal": self.tr("Meal"),
            "activity": self.tr("Activity"),
            "conversation": self.tr("Conversation"),
            "note": self.tr("Note"),
        }
        executor.changed.connect(self._on_changed)

    @property
    def inmate_id(self) -> str | None:
        return self._inmate_id

    @property
    def loading(self) -> bool:
        return self._loading

    def show_person(self, inmate_id: str | None, shown: TimelineFilter | None = None) -> None:
        self._inmate_id = inmate_id
        if shown is not None:
            self._filter = shown
        self.reload()

    def set_filter(self, shown: TimelineFilter) -> None:
        self._filter = shown
        self.reload()

    def pause(self, paused: bool) -> None:
        """While paused, changes to the person only mark the history stale; unpaused, a
        stale history is read again."""
        self._paused = paused
        if not paused and self._stale:
            self.reload()

    @property
    def stale(self) -> bool:
        return self._stale

    def reload(self) -> None:
        self._stale = False
        self._generation += 1
        self.beginResetModel()
        self._items, self._texts, self._ids, self._next = [], [], set(), None
        self._more = self._inmate_id is not None and bool(self._filter.kinds)
        self._loading = False
        self.endResetModel()
        if self._more:
            self._load()

    def _first_cursor(self) -> tuple[datetime, str] | None:
        if self._filter.until is None:
            return None
        # Everything strictly before the next day's midnight (local time), i.e. up to "until".
        end = datetime.combine(self._filter.until + timedelta(days=1), time(0)).astimezone()
        return (end.astimezone(UTC), "")

    def _load(self) -> None:
        if self._loading or not self._more or self._inmate_id is None:
            return
        self._loading = True
        generation = self._generation
        before = self._next if self._items else self._first_cursor()
        self._executor.submit(
            self._read(self._inmate_id, before),
            lambda read: self._append(generation, read),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _read(
        self, inmate_id: str, before: tuple[datetime, str] | None
    ) -> Callable[[Store], PageRead]:
        """The worker's read of one page (the search's model reads its hits instead)."""
        return read_page(inmate_id, before, self._filter, PAGE_SIZE)

    def _append(self, generation: int, read: PageRead) -> None:
        if generation != self._generation:
            return
        self._loading = False
        new = [i for i in read.items if i.id not in self._ids]
        if new:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._items += new
            self._ids.update(i.id for i in new)
            self._authors.update(read.authors)
            self._texts += [tuple(self._text(i, c) for c in Column) for i in new]
            self.endInsertRows()
        self._next = read.next_before
        self._more = read.next_before is not None
        self.page_loaded.emit(len(self._items))

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._more = False
        self._executor.failed.emit(error)

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        if self._inmate_id is not None and self._inmate_id in change.inmate_ids:
            if self._paused:
                self._stale = True
            else:
                self.reload()

    def item(self, row: int) -> TimelineItem:
        return self._items[row]

    # --- lazy loading ------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: AnyIndex) -> None:
        if not parent.isValid():
            self._load()

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return self._headers[Column(section)]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._texts):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column]
        item = self._items[row]
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.DETAILS:
            return self._details(item) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.WHAT:
            return self._texts[row][column] or None  # elided when the page is narrow
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.WHAT, Column.KIND):
            if item.kind == "note" and item.what == "positive":
                return QBrush(looks.colour(_POSITIVE))
            if (item.kind == "note" and item.what in ("concern", "safety")) or (
                item.kind == "meal" and item.outcome == "declined"
            ):
                return QBrush(looks.colour(_ALERT))
        return None

    def _text(self, item: TimelineItem, column: Column) -> str:
        if column is Column.WHEN:
            if item.kind == "meal":
                return vocabulary.short_date(item.at.date())
            return vocabulary.day_and_time(item.at)
        if column is Column.KIND:
            return self._kinds.get(item.kind, item.kind)
        if column is Column.WHAT:
            return self._what(item)
        if column is Column.DETAILS:
            return self._details(item).replace("\n", " ")
        if column is Column.BY:
            return self._authors.get(item.author_id or "", "—")
        return ""

    def _what(self, item: TimelineItem) -> str:
        if item.kind == "meal":
            meal = vocabulary.meals().get(item.what, item.what)
            outcome = vocabulary.meal_outcomes().get(item.outcome, item.outcome)
            return f"{meal}: {outcome.lower()}"
        if item.kind == "activity":
            what = vocabulary.activity_categories().get(item.what, item.what)
            outcome = vocabulary.activity_outcomes().get(item.outcome, item.outcome)
            return self.tr("{what}: {outcome}, {minutes} min").format(
                what=what, outcome=outcome.lower(), minutes=item.minutes
            )
        if item.kind == "conversation":
            mood = item.outcome.removeprefix("mood ")
            words = vocabulary.moods().get(int(mood), mood) if mood.isdigit() else mood
            return self.tr("One-to-one, {minutes} min, mood: {mood}").format(
                minutes=item.minutes, mood=words.lower()
            )
        kind = vocabulary.note_kinds().get(item.what, item.what)
        marks = []
        if item.sensitive:
            marks.append(self.tr("sensitive"))
        if item.revisions > 1:
            marks.append(self.tr("amended"))
        return f"{kind} ({', '.join(marks)})" if marks else kind

    def _details(self, item: TimelineItem) -> str:
        if item.kind == "meal" and item.outcome == "declined":
            return vocabulary.decline_reasons().get(item.text, item.text)
        if item.kind == "conversation" and item.what:
            shown = ", ".join(i18n.render(topic(t)) for t in item.what.split(", "))
            topics = self.tr("Topics: {topics}").format(topics=shown)
            return f"{topics}. {item.text}" if item.text else topics
        return item.text


def kinds_of(checked: Sequence[tuple[str, bool]]) -> tuple[str, ...]:
    return tuple(kind for kind, on in checked if on)
