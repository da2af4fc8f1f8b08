"""The sync indicator in the status bar, and the panel it opens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.domain import moments
from officer_desk.ui.sync.controller import SyncController
from officer_desk.ui.sync.state import Phase, Problem, SyncView, Tone, describe, when

if TYPE_CHECKING:
    from officer_desk.sync.held import RejectedItem

DOTS = {Tone.QUIET: "○", Tone.GOOD: "●", Tone.BUSY: "◐", Tone.WARN: "●", Tone.BAD: "●"}

ENTITY_WORDS = {
    "meal_log": QT_TRANSLATE_NOOP("SyncPanel", "Meal"),
    "activity_log": QT_TRANSLATE_NOOP("SyncPanel", "Activity"),
    "conversation": QT_TRANSLATE_NOOP("SyncPanel", "Conversation"),
    "follow_up": QT_TRANSLATE_NOOP("SyncPanel", "Follow-up"),
    "case_note": QT_TRANSLATE_NOOP("SyncPanel", "Note"),
    "case_note_revision": QT_TRANSLATE_NOOP("SyncPanel", "Note"),
    "inmate": QT_TRANSLATE_NOOP("SyncPanel", "Person's details"),
    "release_plan": QT_TRANSLATE_NOOP("SyncPanel", "Release plan"),
    "release_plan_item": QT_TRANSLATE_NOOP("SyncPanel", "Release checklist item"),
    "referral": QT_TRANSLATE_NOOP("SyncPanel", "Referral"),
    "release_signoff": QT_TRANSLATE_NOOP("SyncPanel", "Release sign-off"),
    "enrolment": QT_TRANSLATE_NOOP("SyncPanel", "Programme enrolment"),
    "milestone_signoff": QT_TRANSLATE_NOOP("SyncPanel", "Programme milestone"),
    "certificate": QT_TRANSLATE_NOOP("SyncPanel", "Certificate"),
}


class SyncIndicator(QToolButton):
    """A flat button in the status bar: the state in a few words; a click opens the panel."""

    def __init__(
        self,
        controller: SyncController,
        open_enrolment: Callable[[QWidget], QDialog] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.open_enrolment = open_enrolment
        self.panel: SyncPanel | None = None
        self.setObjectName("SyncIndicator")
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Sync status"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clicked.connect(self.open_panel)
        controller.view_changed.connect(self.show_view)
        self.show_view(controller.view)

    @Slot(object)
    def show_view(self, view: SyncView) -> None:
        words = describe(view)
        self.setVisible(view.phase is not Phase.OFF)
        self.setText(f"{DOTS[words.tone]}  {words.short}" if words.short else "")
        self.setToolTip(f"{words.long}\n\n" + self.tr("Click for details and Sync now."))
        self.setAccessibleDescription(f"{words.short}. {words.long}")
        # QToolButton#SyncIndicator[tone=...] in the stylesheet: the look's colour per tone.
        self.setProperty("tone", words.tone.value)
        self.style().unpolish(self)
        self.style().polish(self)

    @Slot()
    def open_panel(self) -> SyncPanel:
        if self.panel is None:
            self.panel = SyncPanel(self.controller, self.open_enrolment, self.window())
        self.panel.show()
        self.panel.activateWindow()
        self.controller.load_rejected()
        return self.panel


class SyncPanel(QDialog):
    """State, last sync, what waits, the changes the hub refused (with its reasons), Sync now."""

    def __init__(
        self,
        controller: SyncController,
        open_enrolment: Callable[[QWidget], QDialog] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.open_enrolment = open_enrolment
        self.setWindowTitle(self.tr("Sync with the hub"))
        self.setMinimumWidth(680)
        self.heading = QLabel()
        self.heading.setObjectName("PageTitle")
        self.heading.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hub = QLabel()
        self.hub.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last = QLabel()
        self.waiting = QLabel()
        facts = QFormLayout()
        facts.addRow(self.tr("Hub:"), self.hub)
        facts.addRow(self.tr("Last sync:"), self.last)
        facts.addRow(self.tr("Changes waiting:"), self.waiting)

        self.rejected_title = QLabel()
        self.rejected_title.setObjectName("SectionTitle")
        self.refused = QTreeWidget()
        self.refused.setAccessibleName(self.tr("Changes the hub refused"))
        self.refused.setHeaderLabels([self.tr("Refused"), self.tr("What"), self.tr("Reason")])
        self.refused.setRootIsDecorated(False)
        self.refused.setWordWrap(True)
        self.refused.setColumnWidth(0, 130)
        self.refused.setColumnWidth(1, 170)
        self.refused.setMinimumHeight(110)
        self.reason = QLabel()  # the whole reason of the chosen row (the column cuts it off)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.no_rejected = QLabel(
            self.tr("The hub has refused none of this workstation's changes.")
        )
        self.no_rejected.setObjectName("PageSubtitle")

        self.join_button = QPushButton(self.tr("&Join a hub…"))
        self.join_button.setAccessibleName(self.tr("Join a hub"))
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addLayout(facts)
        layout.addSpacing(6)
        layout.addWidget(self.rejected_title)
        layout.addWidget(self.refused, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.no_rejected)
        layout.addWidget(buttons)
        self.setTabOrder(self.sync_button, self.join_button)

        self.sync_button.clicked.connect(controller.sync_now)
        self.join_button.clicked.connect(self._join)
        self.refused.currentItemChanged.connect(self._show_reason)
        controller.view_changed.connect(self.show_view)
        controller.rejected_loaded.connect(self.show_rejected)
        controller.synced.connect(lambda _report: controller.load_rejected())
        self.show_view(controller.view)
        self.show_rejected([])

    @Slot(object)
    def show_view(self, view: SyncView) -> None:
        words = describe(view)
        self.heading.setText(words.short or self.tr("Sync is off while no one is signed in"))
        self.explanation.setText(words.long)
        self.hub.setText(view.hub_url or self.tr("none (standalone)"))
        self.last.setText(when(view.last_sync_at))
        self.waiting.setText(str(view.waiting) if view.enrolled else self.tr("—"))
        can_sync = view.enrolled and view.phase is not Phase.SYNCING and self.controller.active
        self.sync_button.setEnabled(can_sync)
        rejoin = view.phase is Phase.STANDALONE or view.problem in (
            Problem.REVOKED,
            Problem.NOT_KNOWN,
        )
        self.join_button.setVisible(rejoin and self.open_enrolment is not None)
        self.join_button.setEnabled(view.may_enrol)
        self.join_button.setToolTip(
            ""
            if view.may_enrol
            else self.tr("An admin joins this workstation to the facility's hub.")
        )

    @Slot(list)
    def show_rejected(self, items: list[RejectedItem]) -> None:
        self.refused.clear()
        for item in items:
            row = QTreeWidgetItem(
                [
                    when(_stored_time(item.rejected_at)),
                    self.tr(str(ENTITY_WORDS.get(item.entity, item.entity.replace("_", " ")))),
                    item.reason,
                ]
            )
            row.setToolTip(2, item.reason)
            self.refused.addTopLevelItem(row)
        self.rejected_title.setText(
            self.tr("Changes the hub refused ({n})").format(n=len(items))
            if items
            else self.tr("Changes the hub refused")
        )
        self.refused.setVisible(bool(items))
        self.reason.setVisible(bool(items))
        self.no_rejected.setVisible(not items)
        first = self.refused.topLevelItem(0)
        if first is not None:
            self.refused.setCurrentItem(first)
        else:
            self.reason.clear()

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _show_reason(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.reason.setText(f"{item.text(1)}: {item.text(2)}")

    @Slot()
    def _join(self) -> None:
        if self.open_enrolment is not None:
            self.open_enrolment(self)


def _stored_time(text: str) -> datetime | None:
    """``rejected_at`` as the client stores it (UTC, no offset)."""
    try:
        return moments.parse_utc(text)
    except ValueError:
        return None
