"""A row of groups that goes onto two (or more) rows when the window is narrow.

Filter rows (a title, some check boxes, a date range) are wider than a 1920x1080 screen at
200% scaling (960 logical pixels).  :class:`WrapRow` lays its groups side by side while they
fit and one under the other when they do not; its minimum width is that of its widest group,
so the window can shrink to the screen.

:class:`WrappedNote` is a word-wrapped label that asks for a fixed box instead of a height
for each width: a wrapped QLabel makes its whole layout height-for-width, and a horizontal
layout then asks its other columns for their preferred heights rather than their minimum
ones, so a short note beside two tables could demand a window taller than the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QWidget


class WrapRow(QWidget):
    def __init__(self, parent: QWidget | None = None, spacing: int = 10) -> None:
        super().__init__(parent)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        self._groups: list[QWidget] = []

    def add_group(self, layout: QHBoxLayout, stretch: int = 0) -> QWidget:
        """Add a group (a horizontal layout kept together on one row); returns its widget."""
        group = QWidget(self)
        layout.setContentsMargins(0, 0, 0, 0)
        group.setLayout(layout)
        self._groups.append(group)
        self._box.addWidget(group, stretch)
        return group

    def _one_row_width(self) -> int:
        shown = [g for g in self._groups if not g.isHidden()]
        return sum(g.sizeHint().width() for g in shown) + self._box.spacing() * max(
            0, len(shown) - 1
        )

    def minimumSizeHint(self) -> QSize:
        shown = [g for g in self._groups if not g.isHidden()]
        width = max((g.minimumSizeHint().width() for g in shown), default=0)
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._flow(event.size().width())
        super().resizeEvent(event)

    def _flow(self, width: int) -> None:
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if width >= self._one_row_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self._box.direction() != wanted:
            self._box.setDirection(wanted)
            self.updateGeometry()


class WrappedNote(QLabel):
    """A wrapped note at least ``min_chars`` average characters wide, as tall as its text
    needs at that width (so it is never clipped however narrow it gets)."""

    def __init__(self, min_chars: int = 30, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._min_chars = min_chars

    def hasHeightForWidth(self) -> bool:
        return False

    def minimumSizeHint(self) -> QSize:
        width = self.fontMetrics().averageCharWidth() * self._min_chars
        margins = self.contentsMargins()
        return QSize(width, super().heightForWidth(width) + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint().expandedTo(super().sizeHint())
