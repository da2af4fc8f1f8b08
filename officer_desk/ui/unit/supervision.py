"""The supervisor's screens, assembled for the main window: the unit overview, the conflict
review, and the reassignment and cover dialogs they open.

The main window only adds :attr:`overview_action` and :attr:`conflicts_action` to its Unit
menu, passes ``show_page``/``show_desk`` and lists :meth:`self_test_screens`; everything else
(opening dialogs, hiding them while the desk is locked, forgetting on sign-out) lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain.enums import Role
from officer_desk.ui.conflicts.page import ConflictReviewPage
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.open_dialogs import OpenDialogs
from officer_desk.ui.undo_notice import UndoOffer
from officer_desk.ui.unit.dialogs import Choice, CoverDialog, ReassignDialog
from officer_desk.ui.unit.page import UnitOverviewPage

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.ui.desk import DeskPage


class SupervisorScreens(QObject):
    undo_offered = Signal(object)  # UndoOffer: a reassignment, for a few seconds

    def __init__(
        self,
        window: QWidget,
        executor: DbExecutor,
        session: DeskSession,
        desk: DeskPage,
        show_page: Callable[[QWidget], None],
        show_desk: Callable[[], None],
        today: Callable[[], date] = date.today,
        home_action: QAction | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._executor = executor
        self._session = session
        self._desk = desk
        self._show_page = show_page
        self._show_desk = show_desk
        self._today = today
        self._home_action = home_action
        self._overview: UnitOverviewPage | None = None
        self._conflicts: ConflictReviewPage | None = None
        self._dialogs = OpenDialogs()

        self.overview_action = QAction(self.tr("Unit &overview"), window)
        self.overview_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.overview_action.setToolTip(
            self.tr("Every caseload, every person's flags and release, the workstations")
        )
        self.overview_action.triggered.connect(self.show_overview)
        self.conflicts_action = QAction(self.tr("Sync &conflicts"), window)
        self.conflicts_action.setToolTip(self.tr("Decide what the sync could not merge"))
        self.conflicts_action.triggered.connect(self.show_conflicts)
        self.set_role(None)
        if home_action is not None:
            home_action.triggered.connect(self._home)

        session.signed_out.connect(self._forget)
        session.signed_in.connect(lambda _user: self._forget())
        session.locked.connect(self._dialogs.hide)
        session.unlocked.connect(self._dialogs.show)

    def set_role(self, role: Role | None) -> None:
        for action in (self.overview_action, self.conflicts_action):
            action.setEnabled(role is Role.SUPERVISOR)

    @Slot()
    def _home(self) -> None:
        shown = [p for p in (self._overview, self._conflicts) if p is not None and p.isVisible()]
        if shown:
            self._show_desk()

    def _showing(self, page: QWidget) -> None:
        self._show_page(page)
        if self._home_action is not None:
            self._home_action.setEnabled(True)  # Go → Caseload home leads back to the desk

    def _unit_id(self) -> str | None:
        user = self._session.user
        return None if user is None else user.unit_id

    # --- pages ------------------------------------------------------------------------------

    @Slot()
    def show_overview(self) -> UnitOverviewPage:
        if self._overview is None:
            page = UnitOverviewPage(self._executor, self._session.actor, self._unit_id, self._today)
            page.reassign_requested.connect(self.reassign)
            page.cover_requested.connect(self.arrange_cover)
            page.conflicts_requested.connect(self.show_conflicts)
            page.person_requested.connect(self._open_person)
            self._overview = page
        self._overview.reload()
        self._showing(self._overview)
        self._overview.people_view.setFocus()
        return self._overview

    @Slot()
    def show_conflicts(self) -> ConflictReviewPage:
        if self._conflicts is None:
            self._conflicts = ConflictReviewPage(self._executor, self._session.actor)
        self._conflicts.reload()
        self._showing(self._conflicts)
        self._conflicts.conflict_view.setFocus()
        return self._conflicts

    @Slot(str)
    def _open_person(self, inmate_id: str) -> None:
        """Open the person on the desk, in the caseload of whoever has them."""
        page = self._overview
        line = None
        if page is not None and page.read is not None:
            line = next((p for p in page.read.people if p.inmate_id == inmate_id), None)
        if line is None or not line.holders:
            return
        holder = line.holders[0]
        self._desk.open_in_caseload(inmate_id, holder.officer_id, holder.name)
        self._show_desk()

    # --- dialogs ----------------------------------------------------------------------------

    def _officers(self) -> list[Choice]:
        page = self._overview
        if page is None or page.read is None:
            return []
        return [Choice(c.officer.id, c.officer.display_name) for c in page.read.caseloads]

    def _people(self) -> list[Choice]:
        page = self._overview
        if page is None or page.read is None:
            return []
        return [
            Choice(p.inmate_id, f"{p.row.display_name} · {p.row.prison_number}")
            for p in page.read.people
        ]

    @Slot(list)
    def reassign(self, selected: list[str]) -> ReassignDialog:
        dialog = ReassignDialog(
            self._executor,
            self._session.actor(),
            self._today(),
            self._people(),
            self._officers(),
            selected,
            self._window,
        )
        dialog.saved.connect(self._reassigned)
        self._open(dialog)
        return dialog

    def _reassigned(self, change: Change) -> None:
        actor, written = self._session.actor(), list(change.ids)

        def undo(store: Store) -> Change:
            from officer_desk.app import corrections

            return corrections.undo_reassign(store, actor, written)

        self.undo_offered.emit(
            UndoOffer(
                self.tr("People reassigned."), undo, self.tr("Reassignment undone; they are back.")
            )
        )

    @Slot(str)
    def arrange_cover(self, absent: str = "") -> CoverDialog:
        dialog = CoverDialog(
            self._executor,
            self._session.actor(),
            self._today(),
            self._officers(),
            absent or None,
            self._window,
        )
        self._open(dialog)
        return dialog

    @property
    def dialogs(self) -> list[QDialog]:
        """The reassignment and cover dialogs open now, in the order they were opened."""
        return self._dialogs.shown

    def _open(self, dialog: QDialog) -> None:
        self._dialogs.open(dialog)

    @Slot()
    def _forget(self) -> None:
        """Someone signs in or out: no one's records stay on these screens."""
        self._dialogs.close()
        for page in (self._overview, self._conflicts):
            if page is not None:
                page.clear()

    # --- self-test --------------------------------------------------------------------------

    def self_test_screens(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """Screens for ``--self-test`` (supervisors only: others have no access to them)."""
        user = self._session.user
        if user is None or user.role is not Role.SUPERVISOR:
            return []

        def overview() -> QWidget:
            self.show_overview()
            return self._window

        def conflicts() -> QWidget:
            self.show_conflicts()
            return self._window

        def reassign() -> QWidget:
            page = self.show_overview()
            return self.reassign(page.selected_people())

        def cover() -> QWidget:
            self.show_overview()
            return self.arrange_cover("")

        return [
            ("unit-overview", overview),
            ("reassign", reassign),
            ("cover", cover),
            ("conflicts", conflicts),
        ]
