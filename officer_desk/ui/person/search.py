"""Searching a person's timeline: the hits as a timeline of their own, words highlighted.

:class:`TimelineSearchModel` is a :class:`TimelineModel` whose pages are the search's hits
(``store.search.search_timeline`` on the worker), newest first, a page at a time as the view
scrolls, with the same columns, filters and refreshes; its details column is the snippet of
the text that matched, which :class:`HighlightDelegate` paints with the matched words marked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.wording import COMMON_TOPICS
from officer_desk.ui import looks
from officer_desk.ui.i18n import translate_phrase_key
from officer_desk.ui.person.timeline_model import (
    PAGE_SIZE,
    Column,
    PageRead,
    TimelineFilter,
    TimelineModel,
    authors_of,
)

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.store.queries import TimelineItem

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 20  # [(text, matched)] of the details column
MARK_START, MARK_END = "\x02", "\x03"  # store.search's marks (not imported: no SQL here)
ELLIPSIS = "…"  # and its ellipsis
HIGHLIGHT_TEXT, HIGHLIGHT_BACK = "warn_text", "warn_bg"  # a pair looks.TEXT_PAIRS checks


@dataclass(frozen=True)
class SearchRead(PageRead):
    snippets: dict[str, str] = field(default_factory=dict)  # entry id -> marked snippet


def topic_keys_for(text: str) -> dict[str, list[str]]:
    """Per typed word, the common conversation topics whose name in the reader's language has
    a word that begins with it: topics are stored as their English keys, so "skole" typed at a
    Norwegian desk must find "School" too."""
    from officer_desk.store.search import words_of

    names = [
        (topic.key, translate_phrase_key(topic.context, topic.key).lower().split())
        for topic in COMMON_TOPICS
    ]
    found: dict[str, list[str]] = {}
    for word in words_of(text):
        typed = word.lower()
        keys = [key for key, words in names if any(w.startswith(typed) for w in words)]
        if keys:
            found[typed] = keys
    return found


def topics_for_the_reader(snippet: str) -> str:
    """A conversation's snippet with its common topics in the reader's language.  The index
    holds a conversation as its topics (stored keys, joined by ", ") on the first line and its
    note after; so the first line of a snippet that has two is (the end of) the topics, and a
    one-line snippet is the topics when every piece of it is a common topic.  A topic with a
    matched word is marked whole; a typed topic and the note stay as written."""
    first, newline, rest = snippet.partition("\n")
    pieces = first.split(", ")
    names = {topic.key: topic for topic in COMMON_TOPICS}

    def bare(piece: str) -> str:
        return piece.replace(MARK_START, "").replace(MARK_END, "").strip(ELLIPSIS)

    if not newline and not all(bare(piece) in names for piece in pieces):
        return snippet
    shown = []
    for piece in pieces:
        topic = names.get(bare(piece))
        if topic is None:
            shown.append(piece)
            continue
        name = translate_phrase_key(topic.context, topic.key)
        if MARK_START in piece:
            name = MARK_START + name + MARK_END
        cut = ELLIPSIS if piece.replace(MARK_START, "").startswith(ELLIPSIS) else ""
        shown.append(cut + name)
    return ", ".join(shown) + newline + rest


def read_hits(
    inmate_id: str,
    text: str,
    before: tuple[datetime, str] | None,
    shown: TimelineFilter,
    limit: int,
) -> Callable[[Store], SearchRead]:
    def work(store: Store) -> SearchRead:
        from officer_desk.store import search

        with store.raw() as conn:
            page = search.search_timeline(
                conn,
                inmate_id,
                text,
                before=before,
                limit=limit,
                kinds=shown.kinds,
                since=shown.since,
                also=topic_keys_for(text),
            )
            items = [hit.item for hit in page.hits]
            return SearchRead(
                items,
                page.next_before,
                authors_of(conn, items),
                {hit.item.id: hit.snippet for hit in page.hits},
            )

    return work


def parts_of(snippet: str) -> list[tuple[str, bool]]:
    """A marked snippet as (text, matched) pieces on one line (a conversation's topics and
    its note, on lines of their own in the index, are set apart by a dot)."""
    parts: list[tuple[str, bool]] = []
    for number, piece in enumerate(snippet.replace("\n", " · ").split(MARK_START)):
        matched, _mark, rest = piece.partition(MARK_END) if number else ("", "", piece)
        if matched:
            parts.append((matched, True))
        if rest:
            parts.append((rest, False))
    return parts


class TimelineSearchModel(TimelineModel):
    """The person's entries that match :attr:`query`, as the timeline shows them."""

    def __init__(self, executor: DbExecutor, parent: QObject | None = None) -> None:
        super().__init__(executor, parent)
        self._query = ""
        self._snippets: dict[str, str] = {}

    @property
    def query(self) -> str:
        return self._query

    def search(self, inmate_id: str, text: str, shown: TimelineFilter) -> None:
        """Show ``inmate_id``'s entries matching ``text``, filtered as the timeline is."""
        self._query = text
        self.show_person(inmate_id, shown)

    def reload(self) -> None:
        self._snippets = {}
        super().reload()

    def _read(
        self, inmate_id: str, before: tuple[datetime, str] | None
    ) -> Callable[[Store], PageRead]:
        return read_hits(inmate_id, self._query, before, self._filter, PAGE_SIZE)

    def _append(self, generation: int, read: PageRead) -> None:
        if isinstance(read, SearchRead):
            conversations = {item.id for item in read.items if item.kind == "conversation"}
            self._snippets.update(
                (entry, topics_for_the_reader(snippet) if entry in conversations else snippet)
                for entry, snippet in read.snippets.items()
            )
        super()._append(generation, read)

    def _text(self, item: TimelineItem, column: Column) -> str:
        if column is Column.DETAILS and item.id in self._snippets:
            return "".join(text for text, _matched in parts_of(self._snippets[item.id]))
        return super()._text(item, column)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == SNIPPET_ROLE and index.isValid() and index.column() == Column.DETAILS:
            item = self.item(index.row())
            return parts_of(self._snippets.get(item.id, ""))
        return super().data(index, role)


class HighlightDelegate(QStyledItemDelegate):
    """Paints a snippet on one line, the matched words bold on the look's highlight colour,
    elided at the cell's end; the rest as the view paints any cell."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        parts = index.data(SNIPPET_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""  # the background, selection and focus as usual; the words below
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        margin = 4
        area = QRect(option.rect).adjusted(margin, 0, -margin, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        try:
            self._paint_parts(painter, option.font, area, parts, selected)
        finally:
            painter.restore()

    def _paint_parts(
        self,
        painter: QPainter,
        font: QFont,
        area: QRect,
        parts: list[tuple[str, bool]],
        selected: bool,
    ) -> None:
        bold = QFont(font)
        bold.setBold(True)
        x = area.left()
        plain_colour = looks.colour("selection_text" if selected else "text")
        for text, matched in parts:
            metrics = QFontMetrics(bold if matched else font)
            room = area.right() - x
            if room <= 0:
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(shown)
            box = QRect(x, area.top(), width, area.height())
            painter.setFont(bold if matched else font)
            if matched:
                painter.fillRect(box.adjusted(-1, 3, 1, -3), looks.colour(HIGHLIGHT_BACK))
                painter.setPen(looks.colour(HIGHLIGHT_TEXT))
            else:
                painter.setPen(plain_colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
            if shown != text:
                break  # elided: the rest does not fit
            x += width
