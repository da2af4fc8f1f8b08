"""The main window: assembles the pages, menus and status bar; the pages do the work.

Other parts of the app code against a small surface: ``add_page``/``show_page`` for
full-window pages (sign-in, lock), ``show_desk`` to come back, ``set_title_person`` and the
``*_requested`` signals its menus emit.  Who works here comes from the :class:`DeskSession`.
Nothing heavy is imported here: the window must paint before the database stack loads.
Screens a sign-in does not show (handover, programme pages, the supervisor's screens,
language and look dialogs) are imported and built when first used.  The supervisor's menu
entries (or when the Unit menu opens first) and the sync (its status-bar indicator, Sync now)
are added once the first screen is painted: their modules are imported on the worker then.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from officer_desk import PRODUCT_NAME
from officer_desk.app.executor import DbExecutor
from officer_desk.domain.enums import Role
from officer_desk.paths import AppPaths
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.style import icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from officer_desk.app.accounts import SignedIn
    from officer_desk.ui.about import AboutDialog
    from officer_desk.ui.actions import DeskActions
    from officer_desk.ui.desk import DeskPage
    from officer_desk.ui.handover.banner import HandoverBanner
    from officer_desk.ui.handover.page import HandoverPage
    from officer_desk.ui.help.dialog import HelpDialog
    from officer_desk.ui.language import LanguageDialog
    from officer_desk.ui.log_view import LogViewDialog
    from officer_desk.ui.look_dialog import LookDialog
    from officer_desk.ui.programmes.caseload import CaseloadProgressPage
    from officer_desk.ui.programmes.catalogue import CatalogueEditor
    from officer_desk.ui.sync.install import DeskSync
    from officer_desk.ui.undo_notice import UndoOffer
    from officer_desk.ui.unit.supervision import SupervisorScreens

APP_TITLE = PRODUCT_NAME
STATUS_SECONDS = 8
LATER_PARTS_AT_LATEST_MS = 10_000


class OpeningPage(QWidget):
    """Shown while the records open (and demo data is made) on the database worker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(self.tr("Opening records…"))
        self.message.setObjectName("PageTitle")
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy: how long a migration or a seed takes is not known
        bar.setTextVisible(False)
        bar.setFixedWidth(320)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def show_progress(self, text: str) -> None:
        self.message.setText(text)


def _import_later_parts() -> None:
    # Importing is thread-safe; the widgets are built on the GUI thread afterwards.  The
    # handover page is built when first opened (the banner's Read and sign, Unit menu), but
    # its modules load here: imported on the GUI thread, the first open stalled ~50 ms.
    import officer_desk.ui.handover.page
    import officer_desk.ui.sync.install
    import officer_desk.ui.unit.supervision  # noqa: F401


class MainWindow(QMainWindow):
    switch_user_requested = Signal()
    lock_requested = Signal()
    change_password_requested = Signal()
    accounts_requested = Signal()
    settings_requested = Signal()
    # The supervisor's screens and the sync are built (after the desk settled, or at once
    # for an admin): the window is complete.
    later_parts_built = Signal()

    desk_actions: DeskActions
    desk: DeskPage
    handover_banner: HandoverBanner

    def __init__(
        self,
        executor: DbExecutor,
        paths: AppPaths,
        session: DeskSession,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        *,
        complete: bool = True,
    ) -> None:
        """``complete=False``: only the shell (title, the empty menu bar and status bar, the
        page stack) so that the sign-in page can be painted first; :meth:`complete` builds
        the desk, its actions and menus, while the person types."""
        super().__init__(parent)
        self._paths = paths
        self._session = session
        self._executor = executor
        self._today = today
        self._progress_page: CaseloadProgressPage | None = None
        self._catalogue_page: CatalogueEditor | None = None
        self._handover_page: HandoverPage | None = None
        self._supervision: SupervisorScreens | None = None
        self._sync: DeskSync | None = None
        self._closed = False
        self._complete = False
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(icon("officer-desk"))

        self.opening = OpeningPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.opening)
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.people_label = QLabel()
        self.statusBar().addPermanentWidget(self.people_label)
        # The menu bar's titles now, their entries with the desk: the page does not move
        # when they come.
        self._menus: list[QMenu] = [
            self.menuBar().addMenu(title)
            for title in (
                self.tr("&File"),
                self.tr("&Log"),
                self.tr("&Go"),
                self.tr("&Unit"),
                self.tr("&Help"),
            )
        ]
        if complete:
            self.complete()

    @property
    def is_complete(self) -> bool:
        return self._complete

    @property
    def executor(self) -> DbExecutor:
        return self._executor

    @property
    def session(self) -> DeskSession:
        return self._session

    def complete(self) -> None:
        """Build the desk, its actions, the handover banner and the menus' entries (once)."""
        if self._complete:
            return
        self._complete = True
        from officer_desk.ui.actions import DeskActions
        from officer_desk.ui.desk import DeskPage
        from officer_desk.ui.handover.banner import HandoverBanner

        executor, session = self._executor, self._session
        self.desk_actions = DeskActions(self)
        self.desk_actions.set_enabled(False)
        self.desk_actions.sync_now.setEnabled(False)  # the sync enables it while a hub is set up
        self.desk = DeskPage(executor, session, self.desk_actions, self._today)
        self.pages.insertWidget(1, self.desk)
        # Handovers waiting for the signed-in officer stay visible above every page.
        self.handover_banner = HandoverBanner(executor)
        self.handover_banner.open_requested.connect(self.show_handover)
        self._column.insertWidget(0, self.handover_banner)

        from officer_desk.ui.outside_changes import OutsideChanges
        from officer_desk.ui.undo_notice import UndoNotice

        # Undo of a one-click action (Done, Enrol, Reassign) for a few seconds after it.
        self.undo_notice = UndoNotice(executor)
        self.undo_notice.said.connect(self._show_status)
        self.desk.undo_offered.connect(self._offer_undo)
        self.statusBar().insertPermanentWidget(0, self.undo_notice)
        # What the admin command line writes beside the open desk (a roster import) shows at
        # once: announced on the executor's ``changed`` like the desk's own saves.
        self.outside_changes = OutsideChanges(executor, self)
        self.desk.status.connect(self._show_status)
        self.desk.people_changed.connect(self.people_label.setText)
        self._build_menus()
        self.desk_actions.home.triggered.connect(self._home_requested)
        # The supervisor's screens and the sync once the desk has settled after its first screen.
        self.desk.settled.connect(self._load_later_parts)
        self.desk.screen_wanted.connect(self._desk_wanted)

        session.signed_in.connect(self._signed_in)
        session.signed_out.connect(self._signed_out)
        session.locked.connect(self.desk.hide_private)
        session.locked.connect(lambda: self.handover_banner.watch(None))
        session.unlocked.connect(
            lambda: self.handover_banner.watch(session.user.officer_id if session.user else None)
        )
        session.unlocked.connect(self.desk.show_private)

    # --- menus -------------------------------------------------------------------------------

    def _menu_action(
        self, text: str, shortcut: str | None, signal: SignalInstance | None
    ) -> QAction:
        from officer_desk.ui.actions import with_shortcut

        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(with_shortcut(action.text().replace("&", "").rstrip("…"), shortcut))
        if signal is not None:
            action.triggered.connect(signal)
        return action

    def _build_menus(self) -> None:
        file_menu, log_menu, go_menu, self.unit_menu, help_menu = self._menus
        self.switch_action = self._menu_action(
            self.tr("&Switch user…"), "Ctrl+Shift+O", self.switch_user_requested
        )
        self.switch_action.setIcon(icon("switch-officer"))
        self.switch_action.setStatusTip(self.tr("Let a colleague sign in at this workstation"))
        self.lock_action = self._menu_action(self.tr("&Lock"), "Ctrl+L", self.lock_requested)
        self.lock_action.setStatusTip(
            self.tr("Hide everything until you sign in again (when you step away)")
        )
        self.password_action = self._menu_action(
            self.tr("Change &password…"), None, self.change_password_requested
        )
        quit_action = self._menu_action(self.tr("&Quit"), "Ctrl+Q", None)
        quit_action.setStatusTip(self.tr("Close Officer Desk on this workstation"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(self.switch_action)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.password_action)
        # Anyone, signed in or not: the language is a preference of this workstation.
        self.language_action = QAction(self.tr("Lan&guage…"), self)
        self.language_action.triggered.connect(self.show_language)
        file_menu.addAction(self.language_action)
        self.look_action = QAction(self.tr("Loo&k…"), self)
        self.look_action.triggered.connect(self.show_look)
        file_menu.addAction(self.look_action)
        file_menu.addSeparator()
        file_menu.addAction(self.desk_actions.sync_now)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        a = self.desk_actions
        for action in (a.log_meal, a.log_activity, a.conversation, a.strength, a.note):
            log_menu.addAction(action)
        log_menu.addSeparator()
        log_menu.addAction(a.undo_meal)

        for action in (a.home, a.find_person, a.next_person, a.previous_person):
            go_menu.addAction(action)

        self.accounts_action = self._menu_action(
            self.tr("&Accounts…"), None, self.accounts_requested
        )
        self.settings_action = self._menu_action(
            self.tr("&Settings…"), None, self.settings_requested
        )
        self.progress_action = QAction(self.tr("&Programme progress"), self)
        self.progress_action.setToolTip(self.tr("Hours, attendance and milestones of the caseload"))
        self.progress_action.triggered.connect(self.show_programme_progress)
        self.catalogue_action = QAction(self.tr("Programme &catalogue…"), self)
        self.catalogue_action.triggered.connect(self.show_catalogue)
        self.handover_action = QAction(self.tr("Shift &handover"), self)
        self.handover_action.setToolTip(self.tr("Hand over your shift, or read and sign one"))
        self.handover_action.triggered.connect(lambda: self.show_handover())
        self.unit_menu.addAction(self.handover_action)
        # The overview and conflicts entries go here once ``supervision`` is built.
        self.unit_menu.aboutToShow.connect(self._build_supervision)
        self.unit_menu.addAction(self.progress_action)
        self.unit_menu.addAction(self.catalogue_action)
        self.unit_menu.addSeparator()
        self.unit_menu.addAction(self.accounts_action)
        self.unit_menu.addAction(self.settings_action)

        self.help_action = QAction(self.tr("&Help…"), self)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.setStatusTip(self.tr("Keyboard shortcuts and what the flags mean"))
        self.help_action.triggered.connect(self.show_help)
        help_menu.addAction(self.help_action)
        self.log_view_action = QAction(self.tr("Program &log…"), self)
        self.log_view_action.setStatusTip(self.tr("The last lines of Officer Desk's own log"))
        self.log_view_action.triggered.connect(self.show_log_view)
        help_menu.addAction(self.log_view_action)
        about_action = QAction(self.tr("&About Officer Desk"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)
        for menu in (file_menu, log_menu, go_menu):
            menu.setToolTipsVisible(True)
        self._set_signed_in_actions(None)

    def _set_signed_in_actions(self, role: Role | None) -> None:
        signed_in = role is not None
        for action in (self.switch_action, self.lock_action, self.password_action):
            action.setEnabled(signed_in)
        self.accounts_action.setEnabled(role in (Role.ADMIN, Role.SUPERVISOR))
        self.settings_action.setEnabled(role is Role.ADMIN)
        self.catalogue_action.setEnabled(role is Role.ADMIN)
        self.progress_action.setEnabled(role in (Role.OFFICER, Role.SUPERVISOR))
        self.handover_action.setEnabled(role in (Role.OFFICER, Role.SUPERVISOR))
        if self._supervision is not None:
            self._supervision.set_role(role)

    # --- the supervisor's screens (built after the first screen, or when first asked for) ----

    @property
    def supervision(self) -> SupervisorScreens:
        """The unit overview and conflict review with their Unit menu entries; nobody needs
        them for the first screen, so their modules load after it."""
        if self._supervision is None:
            from officer_desk.ui.unit.supervision import SupervisorScreens

            screens = SupervisorScreens(
                self,
                self._executor,
                self._session,
                self.desk,
                self.show_work_page,
                self.show_desk,
                self._today,
                self.desk_actions.home,
            )
            screens.undo_offered.connect(self._offer_undo)
            self.unit_menu.insertActions(
                self.progress_action, [screens.overview_action, screens.conflicts_action]
            )
            user = self._session.user
            screens.set_role(Role(user.role) if user is not None else None)
            self._supervision = screens
        return self._supervision

    @Slot()
    def _build_supervision(self) -> None:
        self.supervision  # noqa: B018  (the property builds it)

    @property
    def sync(self) -> DeskSync:
        """The sync's controller, status-bar indicator and Sync now.  Built after the first
        screen: nothing syncs before it (``SyncController``), and the indicator shows nothing
        until the sync state has been read."""
        if self._sync is None:
            from officer_desk.ui.sync.install import DeskSync

            # Built before a sign-in (tests, the self-test): it waits for that first screen.
            waiting = self._session.user is None
            self._sync = DeskSync(
                self,
                self._executor,
                self._session,
                self.desk_actions.sync_now,
                first_screen=self.desk.screen_ready if waiting else None,
            )
        return self._sync

    @Slot()
    def _build_later_parts(self) -> None:
        if self._closed:
            return
        self.supervision  # noqa: B018  (the properties build them)
        self.sync  # noqa: B018
        self.later_parts_built.emit()

    @Slot()
    def _load_later_parts(self) -> None:
        """Import the supervisor's screens and the sync on the worker (the GUI thread stays
        free for the person now using the first screen), then build them here."""
        if self._supervision is None or self._sync is None:
            self._executor.run(
                _import_later_parts, lambda _none: self._build_later_parts(), owner=self
            )

    # --- programmes (issue 5 pages; back to the desk with Go → Caseload home) -----------------

    @Slot()
    def show_programme_progress(self) -> QWidget:
        """Programme progress across the caseload shown on the desk (the signed-in officer's)."""
        if self._progress_page is None:
            from officer_desk.ui.programmes.caseload import CaseloadProgressPage

            self._progress_page = CaseloadProgressPage(
                self._executor, self._session.actor, self._today
            )
            self._progress_page.person_requested.connect(self._open_person_from_progress)
        user = self._session.user
        if user is not None:
            self._progress_page.show_officer(self.desk.model.officer_id or user.officer_id)
        self.show_work_page(self._progress_page)
        return self._progress_page

    @Slot()
    def show_catalogue(self) -> QWidget:
        """The programme catalogue editor (admins)."""
        if self._catalogue_page is None:
            from officer_desk.ui.programmes.catalogue import CatalogueEditor

            self._catalogue_page = CatalogueEditor(self._executor, self._session.actor, self._today)
        self._catalogue_page.reload()
        self.show_page(self._catalogue_page)
        return self._catalogue_page

    # --- shift handover (issue 7; back to the desk with Go → Caseload home) -------------------

    @Slot()
    def show_handover(self, handover_id: str | None = None) -> QWidget:
        """The shift handover page; ``handover_id`` opens that handover (from the banner)."""
        if self._handover_page is None:
            from officer_desk.ui.handover.page import HandoverPage

            self._handover_page = HandoverPage(self._executor, self._session, self._today)
            self._handover_page.status.connect(self._show_status)
        self.show_work_page(self._handover_page)
        if handover_id:
            self._handover_page.open_handover(handover_id)
        else:
            self._handover_page.reload()
        return self._handover_page

    @Slot()
    def _home_requested(self) -> None:
        if self.pages.currentWidget() in (self._progress_page, self._handover_page):
            self.show_desk()

    @Slot(str)
    def _open_person_from_progress(self, inmate_id: str) -> None:
        self.show_desk()
        self.desk.open_person(inmate_id)

    # --- the contract other parts use ----------------------------------------------------------

    def add_page(self, widget: QWidget) -> None:
        """Add a full-window page (sign-in, lock, accounts…) to show later with ``show_page``."""
        if self.pages.indexOf(widget) < 0:
            self.pages.addWidget(widget)

    def show_page(self, widget: QWidget) -> None:
        """Show a full-window page instead of the desk; the desk's shortcuts pause meanwhile."""
        self.add_page(widget)
        if self._complete:
            self.desk_actions.set_enabled(False)
        self.pages.setCurrentWidget(widget)

    def show_work_page(self, widget: QWidget) -> None:
        """A page of the officer's or supervisor's work (programme progress, handover, the
        unit's pages): Go → Caseload home leads back, and Find person works from it."""
        self.show_page(widget)
        self.desk_actions.home.setEnabled(True)
        user = self._session.user
        self.desk_actions.find_person.setEnabled(
            user is not None and Role(user.role) in (Role.OFFICER, Role.SUPERVISOR)
        )

    @Slot()
    def _desk_wanted(self) -> None:
        if self.pages.currentWidget() is not self.desk:
            self.show_desk()

    def show_desk(self) -> None:
        self.pages.setCurrentWidget(self.desk)
        self.desk_actions.set_enabled(self.desk.has_caseload())
        self.desk.focus_home()

    @Slot()
    def prepare_desk(self) -> None:
        """While the GUI thread waits for a password check (on the worker, or for the person
        to type it), build the home screen's empty cards and apply the stylesheet to the
        hidden desk: work its first paint would otherwise do after the check."""
        self.desk.home.prepare_cards()
        self.desk.ensurePolished()

    def set_title_person(self, name: str | None) -> None:
        """Only the officer's name, never an inmate's: titles show in task bars and lists."""
        self.setWindowTitle(f"{APP_TITLE} — {name}" if name else APP_TITLE)

    def self_test_screens(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """Each of the desk's screens, opened by a callable that returns the widget to grab
        (once the executor is idle); for ``--self-test`` and the screenshots."""
        return [
            *self.desk.self_test_screens(self.show_desk),
            ("handover", self.show_handover),
            ("handover-sign", self._self_test_sign),
            ("sync", self.sync.indicator.open_panel),
            *self.supervision.self_test_screens(),
            ("language", self.show_language),
            ("help", self.show_help),
            ("look", self.show_look),
            ("log view", self.show_log_view),
            ("undo-notice", self._self_test_undo_notice),
        ]

    def _self_test_sign(self) -> QWidget:
        """The sign dialog (what is signed, the password again) for the handover page's
        handover; nothing is signed."""
        page = self.show_handover()
        dialog = self._handover_page.detail.sign() if self._handover_page else None
        if dialog is None:
            raise RuntimeError("no handover is open on the handover page to sign")
        return dialog if dialog.isVisible() else page

    def _self_test_undo_notice(self) -> QWidget:
        """The Undo notice on the status bar, as a one-click action offers it (its undo is
        never run: the notice is withdrawn when the self-test signs out)."""
        from officer_desk.ui.undo_notice import UndoOffer

        def nothing(_store: object) -> None:
            raise RuntimeError("the self-test's undo notice is not for clicking")

        done = self.tr("Follow-up done: {text}").format(text="…")
        self.undo_notice.offer(UndoOffer(done, nothing, ""))
        return self.undo_notice

    # --- opening (before anyone signs in) ------------------------------------------------------

    @Slot(str)
    def show_progress(self, text: str) -> None:
        self.opening.show_progress(text)
        self.pages.setCurrentWidget(self.opening)

    @Slot()
    def store_ready(self) -> None:
        self.statusBar().showMessage(
            self.tr("Records: {path}").format(path=self._paths.store), STATUS_SECONDS * 1000
        )

    # --- who works here ------------------------------------------------------------------------

    @Slot(object)
    def _signed_in(self, user: SignedIn) -> None:
        role = Role(user.role)
        self.outside_changes.start()
        self.set_title_person(user.display_name)
        self._set_signed_in_actions(role)
        if role is Role.ADMIN:
            # Admins keep accounts and settings; they see no one's records.
            self.handover_banner.watch(None)
            self.desk.close_person_data()
            self._build_later_parts()  # no desk screen to wait for
            self.accounts_requested.emit()
            return
        # The banner's read goes first: it is short, and the cards do not move down when
        # it appears after them.
        self.handover_banner.watch(user.officer_id)
        self.desk.open_for(user)
        self.show_desk()
        # Normally after the desk has settled; if its first screen is never painted (a
        # window kept minimised), the sync and the supervisor's screens come anyway.
        QTimer.singleShot(LATER_PARTS_AT_LATEST_MS, self, self._load_later_parts)

    @Slot()
    def _signed_out(self) -> None:
        self.undo_notice.withdraw()  # the next person does not undo this one's action
        self.outside_changes.stop()
        self.handover_banner.watch(None)
        self.desk.close_person_data()
        self.desk_actions.set_enabled(False)
        self.set_title_person(None)
        self._set_signed_in_actions(None)

    @Slot(object)
    def _offer_undo(self, offer: UndoOffer) -> None:
        """The notice says what was done, beside its Undo: not twice on the status bar."""
        self.statusBar().clearMessage()
        self.undo_notice.offer(offer)

    @Slot(str)
    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        if self._sync is not None:
            self._sync.shutdown()  # no new sync; a running one stops at its next request
        super().closeEvent(event)

    @Slot()
    def show_language(self) -> LanguageDialog:
        from officer_desk.ui.language import LanguageDialog

        dialog = LanguageDialog(self._paths.config, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot()
    def show_look(self) -> LookDialog:
        from officer_desk.ui.look_dialog import LookDialog

        dialog = LookDialog(self._paths.config, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot()
    def show_help(self) -> HelpDialog:
        from officer_desk.ui.help.dialog import HelpDialog  # only when asked for

        self._build_supervision()  # its shortcuts are in the table
        dialog = HelpDialog(self.menuBar(), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot()
    def show_log_view(self) -> LogViewDialog:
        from officer_desk.ui.log_view import LogViewDialog

        dialog = LogViewDialog(self._paths.log_file, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot()
    def show_about(self) -> AboutDialog:
        # Imported here: its licence list reads package metadata (tens of ms at start-up).
        from officer_desk.ui.about import AboutDialog

        dialog = AboutDialog(self._paths, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
