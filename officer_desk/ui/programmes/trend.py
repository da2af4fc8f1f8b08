"""The weekly-hours trend, drawn with QPainter (no plotting library): a chart and a sparkline.

``ProgrammeProgress.weekly_hours`` gives (Monday, hours) for the last weeks, oldest first.  The
chart shows one bar per week with the scale and a few week labels; the sparkline is the same
bars without text, for a table cell.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from officer_desk.ui import looks

# Colours of the look (looks.colour), read at each paint so a change of look shows.
BAR = "accent"
BAR_EMPTY = "border"
AXIS = "button_border"
TEXT = "muted"
GRID = "grid"

Weeks = Sequence[tuple[date, float]]


def nice_ceiling(value: float) -> float:
    """A round top for the scale (1, 2, 5, 10, 20 …) at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def paint_bars(painter: QPainter, area: QRectF, weeks: Weeks, top: float) -> None:
    """One bar per week inside ``area``; a week with no hours gets a thin grey mark, so a
    gap reads as "nothing that week", not as missing data."""
    if not weeks:
        return
    slot = area.width() / len(weeks)
    gap = min(4.0, slot * 0.25)
    painter.setPen(Qt.PenStyle.NoPen)
    for n, (_monday, value) in enumerate(weeks):
        x = area.left() + n * slot + gap / 2
        if value <= 0:
            painter.setBrush(looks.colour(BAR_EMPTY))
            painter.drawRect(QRectF(x, area.bottom() - 1.5, slot - gap, 1.5))
            continue
        height = max(1.5, area.height() * min(value, top) / top)
        painter.setBrush(looks.colour(BAR))
        painter.drawRect(QRectF(x, area.bottom() - height, slot - gap, height))


def paint_sparkline(painter: QPainter, rect: QRectF, weeks: Weeks) -> None:
    top = nice_ceiling(max((v for _d, v in weeks), default=0.0))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    paint_bars(painter, rect, weeks, top)
    painter.restore()


class TrendChart(QWidget):
    """Hours per week, with a scale, a few week labels and an accessible summary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: tuple[tuple[date, float], ...] = ()
        self._title = ""
        self.setMinimumSize(260, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 190)

    @property
    def weeks(self) -> tuple[tuple[date, float], ...]:
        return self._weeks

    def set_weeks(self, weeks: Weeks, title: str = "") -> None:
        self._weeks = tuple(weeks)
        self._title = title
        total = sum(v for _d, v in self._weeks)
        self.setAccessibleName(title or self.tr("Hours per week"))
        self.setAccessibleDescription(
            self.tr("{hours:.0f} hours over the last {n} weeks").format(
                hours=total, n=len(self._weeks)
            )
        )
        self.setToolTip(self.accessibleDescription())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        title_height = metrics.height() + 6
        painter.setPen(looks.colour(TEXT))
        painter.drawText(
            QRectF(0, 0, self.width(), title_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self._title or self.tr("Hours per week"),
        )
        if not self._weeks:
            painter.drawText(
                QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("No sessions yet")
            )
            painter.end()
            return
        top = nice_ceiling(max(v for _d, v in self._weeks))
        scale_width = metrics.horizontalAdvance(f"{top:.0f} h") + 8
        area = QRectF(
            scale_width,
            title_height + metrics.height() / 2,
            self.width() - scale_width - 4,
            self.height() - title_height - metrics.height() * 2 - 6,
        )
        # The scale: bottom, middle, top, with light grid lines across.
        for fraction in (0.0, 0.5, 1.0):
            y = area.bottom() - area.height() * fraction
            painter.setPen(QPen(looks.colour(GRID if fraction else AXIS), 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(looks.colour(TEXT))
            value = top * fraction
            places = 0 if value >= 1 or value == 0 else 1
            label = f"{QLocale().toString(float(value), 'f', places)} h"
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, scale_width - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        paint_bars(painter, area, self._weeks, top)
        # Week labels: as many as fit without overlapping, always including the latest week.
        slot = area.width() / len(self._weeks)
        label_width = metrics.horizontalAdvance("00.00") + 10
        every = max(1, math.ceil(label_width / slot))
        painter.setPen(looks.colour(TEXT))
        last = len(self._weeks) - 1
        for n, (monday, _v) in enumerate(self._weeks):
            if (last - n) % every:
                continue
            x = area.left() + n * slot + slot / 2
            painter.drawText(
                QRectF(x - label_width / 2, area.bottom() + 3, label_width, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"{monday.day:02d}.{monday.month:02d}",
            )
        painter.end()
