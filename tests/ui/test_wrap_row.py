"""WrapRow: groups side by side while they fit, one under the other when the row is narrow."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from officer_desk.ui.wrap_row import WrapRow


def test_groups_wrap_when_narrow_and_the_minimum_is_the_widest_group(qtbot: QtBot) -> None:
    # A child, as in a page (a window of its own would keep its layout's minimum size).
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(1200, 300)
    row = WrapRow(page)
    first, second = QHBoxLayout(), QHBoxLayout()
    for n in range(4):
        first.addWidget(QPushButton(f"A long button {n}"))
    second.addWidget(QPushButton("Short"))
    left = row.add_group(first, 1)
    right = row.add_group(second)
    one_row = left.sizeHint().width() + right.sizeHint().width() + 10
    assert row.minimumSizeHint().width() == left.minimumSizeHint().width() < one_row

    row.resize(one_row + 20, 200)
    page.show()
    qtbot.waitUntil(lambda: right.geometry().top() == left.geometry().top())
    assert right.geometry().left() > left.geometry().right()

    row.resize(left.minimumSizeHint().width(), 200)
    qtbot.waitUntil(lambda: right.geometry().top() > left.geometry().bottom())
    assert right.geometry().right() <= row.width()
