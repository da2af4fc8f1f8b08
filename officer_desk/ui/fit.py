"""Sizing a dialog to its text: a readable width, as tall as its wrapped lines, never past its
screen.  Qt sizes a window once, when first shown; text set later (a message, a note after
saving) was clipped, and wrapped labels made dialogs narrow and tall or cut."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

READABLE_WIDTH = 460  # px: about 70 characters of the body font, a comfortable line
MARGIN = 40  # px kept free around a dialog on a small screen


def _room(widget: QWidget) -> tuple[int, int]:
    screen = widget.screen()
    if screen is None:
        return 10**4, 10**4
    area = screen.availableGeometry()
    return area.width() - MARGIN, area.height() - MARGIN


def _height_for(widget: QWidget, width: int) -> int:
    layout = widget.layout()
    if layout is None:
        return widget.sizeHint().height()
    layout.activate()
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return layout.totalSizeHint().height()


def fit_to_text(widget: QWidget, width: int = READABLE_WIDTH) -> None:
    """A readable width (at least what the dialog needs), the height its text needs there."""
    room_w, room_h = _room(widget)
    wide = min(max(width, widget.minimumSizeHint().width()), room_w)
    tall = max(_height_for(widget, wide), widget.minimumSizeHint().height())
    widget.resize(wide, min(tall, room_h))


def grow_to_fit(widget: QWidget) -> None:
    """After text was added: as tall as it now needs at the present width (never shrinks)."""
    _room_w, room_h = _room(widget)
    tall = _height_for(widget, widget.width())
    if tall > widget.height():
        widget.resize(widget.width(), min(tall, room_h))
