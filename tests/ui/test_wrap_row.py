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


def test_a_wrapped_note_beside_a_table_keeps_the_page_to_its_minimum_height(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QLabel, QTableWidget, QVBoxLayout

    from officer_desk.ui.wrap_row import WrappedNote

    text = "This workstation is not enrolled with a hub: there is no sync to show. " * 2

    def page(note: QLabel) -> QWidget:
        widget = QWidget()
        qtbot.addWidget(widget)
        columns = QHBoxLayout()
        table = QTableWidget(40, 3)  # prefers to be tall, needs little
        table.setMinimumHeight(60)
        columns.addWidget(table, 3)
        note.setText(text)
        columns.addWidget(note, 2)
        QVBoxLayout(widget).addLayout(columns)
        return widget

    plain = QLabel()
    plain.setWordWrap(True)
    before = page(plain)
    note = WrappedNote(30)
    after = page(note)
    # A plain wrapped label makes the page height-for-width, and then the table's preferred
    # height counts: at a given width the page asks for far more than its minimum.
    assert before.hasHeightForWidth()
    assert before.heightForWidth(600) > before.minimumSizeHint().height() + 100
    # The note asks for a fixed box instead: never narrower than 30 characters, and as tall
    # as the text needs at that width, so it is never clipped.
    assert not after.hasHeightForWidth()
    width = note.fontMetrics().averageCharWidth() * 30
    assert note.minimumSizeHint().width() == width
    assert note.minimumSizeHint().height() >= QLabel.heightForWidth(note, width) > 14 * 3
    assert after.minimumSizeHint().height() < before.heightForWidth(600)
