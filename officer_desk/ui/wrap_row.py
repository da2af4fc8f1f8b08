"""A row of groups that goes onto two (or more) rows when the window is narrow.

Filter rows (a title, some check boxes, a date range) are wider than a 1920x1080 screen at
200% scaling (960 logical pixels).  :class:`WrapRow` lays its groups side by side while they
fit and one under the other when they do not; its minimum width is that of its widest group,
so the window can shrink to the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QWidget


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
