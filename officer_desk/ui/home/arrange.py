"""Arrange the home cards: the officer's own order, pinned, or back to the order of need."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.domain import identity
from officer_desk.store.rows import CaseloadRow
from officer_desk.ui.dialogs.form import FormDialog

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store


def pin_work(actor: Actor, inmate_ids: list[str]) -> Callable[[Store], Any]:
    def work(store: Store) -> Any:
        from officer_desk.app.home_order import pin_order

        return pin_order(store, actor, inmate_ids)

    return work


class ArrangeDialog(FormDialog):
    """The caseload as a list to reorder (drag, or Move up / Move down); Save pins it."""

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        people: Sequence[CaseloadRow],
        pinned: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self._by_need = False
        self.setWindowTitle(self.tr("Arrange the cards"))
        intro = QLabel(
            self.tr(
                "Cards are ordered by need: safety alerts first, then refused meals, release "
                "without a place to live or school/job, overdue follow-ups and no recent talk. "
                "Put them in an order of your own here; people assigned later come after them, "
                "by need."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("People in card order"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        shown = identity.labels(people, lambda row: row.label)
        for row, text in zip(people, shown, strict=True):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.inmate_id)
            item.setToolTip(text)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move &down"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        moves = QVBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(moves)
        self.need_button = self.buttons.addButton(
            self.tr("Order by &need"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.need_button.setAutoDefault(False)
        self.need_button.setEnabled(pinned)
        self.need_button.setToolTip(self.tr("Forget your order and order the cards by need"))
        self.need_button.clicked.connect(self._order_by_need)
        self.save_button.setText(self.tr("Keep this order"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle, 1)
        self.finish_layout(layout)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    def order(self) -> list[str]:
        return [
            str(self.list.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(self.list.count())
        ]

    @Slot()
    def _move(self, step: int) -> None:
        at = self.list.currentRow()
        to = at + step
        if at < 0 or not 0 <= to < self.list.count():
            return
        item = self.list.takeItem(at)
        self.list.insertItem(to, item)
        self.list.setCurrentRow(to)

    @Slot()
    def _order_by_need(self) -> None:
        self._by_need = True
        self.save()

    def work(self) -> Callable[[Store], Any]:
        ids = [] if self._by_need else self.order()
        self._by_need = False
        return pin_work(self._actor(), ids)
