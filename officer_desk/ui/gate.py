"""The gate to the desk: who may see it, and when nobody may.

Signing in at start (which opens the store), switching officer on the open store, the idle
lock and unlocking, and the admin pages.  The gate tells the :class:`DeskSession` who works
here; the main window listens to the session and shows that officer's desk.

Every password check runs on the database worker (Argon2id takes about 0.3 s); the GUI only
shows a busy state.  Nothing heavy is imported here: ``app.accounts`` and the database stack
behind it are imported inside the functions the worker runs, so the sign-in page paints
before they load (and while the person types, the worker loads them).
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from officer_desk import PRODUCT_NAME
from officer_desk.app.executor import DbExecutor
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import DeskError
from officer_desk.paths import AppPaths
from officer_desk.store.errors import StorageProblem
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.gate_states import GateState, may_move
from officer_desk.ui.key_ahead import result_of
from officer_desk.ui.lock import IdleWatcher, LockPage
from officer_desk.ui.notice_page import NoticePage
from officer_desk.ui.opening import DemoCreation, Records, records_here
from officer_desk.ui.signin import SignInPage

if TYPE_CHECKING:
    from officer_desk.app.accounts import SignedIn
    from officer_desk.app.signing_in import EarlyUnlock
    from officer_desk.demo.generator import DemoSummary
    from officer_desk.store.database import Store
    from officer_desk.store.keyslots import DerivedAhead
    from officer_desk.ui.admin_pages import AdminPage
    from officer_desk.ui.first_run.guide import FirstRunGuide
    from officer_desk.ui.key_ahead import Ahead
    from officer_desk.ui.main_window import MainWindow
    from officer_desk.ui.password_dialog import ChangePasswordDialog

log = logging.getLogger("officer_desk.ui")

STATUS_MS = 8_000
AUDIT_AT_LATEST_MS = 2_000


# --- work for the database worker (imports the heavy stack there, never on the GUI) -----


def _derive_ahead(paths: AppPaths) -> Callable[[str, str], DerivedAhead | None]:
    def derive(username: str, password: str) -> DerivedAhead | None:
        from officer_desk.app.signing_in import derive_ahead

        return derive_ahead(paths.store, username, password)

    return derive


def _open_with_password(
    paths: AppPaths, username: str, password: str, ahead: Ahead | None
) -> tuple[Store, SignedIn]:
    """The light sign-in: no database stack before the first screen (audited after it)."""
    from officer_desk.app.signing_in import open_with_password

    derived = result_of(ahead)
    try:
        return open_with_password(
            paths.store, username, password, backups=paths.backups, ahead=derived
        )
    finally:
        if derived is not None:
            derived.wipe()  # used or not, right or wrong: it ends with this attempt


def _audit_sign_in(user: SignedIn) -> Callable[[Store], None]:
    def record(store: Store) -> None:
        from officer_desk.app import accounts

        accounts.audit_sign_in(store, user, "login")

    return record


def _check_at_desk(
    username: str, password: str, action: str, ahead: Ahead | None = None
) -> Callable[[Store], SignedIn]:
    def check(store: Store) -> SignedIn:
        from officer_desk.app import accounts

        derived = result_of(ahead)
        try:
            return accounts.verify_at_desk(store, username, password, action=action, ahead=derived)
        finally:
            if derived is not None:
                derived.wipe()

    return check


def _record_lock(user: SignedIn) -> Callable[[Store], None]:
    def record(store: Store) -> None:
        from officer_desk.app import accounts

        accounts.record_lock(store, user)

    return record


def _idle_lock_minutes(store: Store) -> int:
    from officer_desk.app import settings

    return settings.get(store, settings.IDLE_LOCK_MINUTES)


def _open_early(unlock: EarlyUnlock, paths: AppPaths) -> tuple[Store, SignedIn]:
    _load_first_screen_reads()  # while Argon2id runs, not after it
    return unlock.open(backups=paths.backups)


def _load_first_screen_reads() -> None:
    # The home screen's and the handover banner's queries: their modules hold the interpreter
    # lock for tens of milliseconds, which the GUI thread needs to build the cards.
    pass


def _load_sign_in_stack() -> None:
    """While the sign-in page waits for typing, load what checking the password needs, what
    opening the store needs (SQLCipher's driver, the store handle, the signing keys: some
    60 ms of imports that Enter used to wait for) and what the first screen reads."""
    import officer_desk.app.signing_in
    import officer_desk.domain.signing
    import officer_desk.store.database
    import officer_desk.store.rekey  # noqa: F401

    _load_first_screen_reads()


def _demo_password() -> str:
    from officer_desk.demo.accounts import DEMO_PASSWORD

    return DEMO_PASSWORD


def _demo_of(paths: AppPaths) -> tuple[str, dict[str, str]] | None:
    """The demo password and one account per role, when the store holds demo data."""
    from officer_desk.demo.accounts import DEMO_PASSWORD, demo_accounts_of

    accounts = demo_accounts_of(paths.store)
    return None if accounts is None else (DEMO_PASSWORD, accounts)


def when_idle(executor: DbExecutor, then: Callable[[], None], *, owner: QObject) -> None:
    """Call ``then`` on the GUI thread once the worker has nothing queued or running.

    A marker job goes to the back of the single worker's queue; if more work arrived
    meanwhile (a screen that loads in two steps), another marker follows it.  One chain of
    markers serves every waiter: two chains would each see the other's marker as work and
    chase each other for ever.
    """
    waiter = executor.findChild(_IdleWaiter)
    if waiter is None:
        waiter = _IdleWaiter(executor)
    waiter.add(then, owner)


class _IdleWaiter(QObject):
    def __init__(self, executor: DbExecutor) -> None:
        super().__init__(executor)
        self._executor = executor
        self._waiting: list[tuple[Callable[[], None], QObject]] = []
        self._marker_out = False

    def add(self, then: Callable[[], None], owner: QObject) -> None:
        self._waiting.append((then, owner))
        self._send_marker()

    def _send_marker(self) -> None:
        if not self._marker_out:
            self._marker_out = True
            self._executor.run(_nothing, self._marker_back, owner=self)

    def _marker_back(self, _result: object) -> None:
        self._marker_out = False
        if self._executor.busy:
            self._send_marker()
            return
        waiting, self._waiting = self._waiting, []
        for then, owner in waiting:
            if shiboken6.isValid(owner):
                then()


def _nothing() -> None:
    return None


class EarlySignIn(QObject):
    """The sign-in whose password was known at start (``--user`` with
    ``OFFICER_DESK_PASSWORD``): Argon2id already runs on its own thread (the launcher started
    it before Qt); the store opens on the worker the moment it is done, while the GUI thread
    builds the window."""

    finished = Signal()

    def __init__(
        self,
        executor: DbExecutor,
        paths: AppPaths,
        unlock: EarlyUnlock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.username = unlock.username
        self.result: tuple[Store, SignedIn] | None = None
        self.error: BaseException | None = None
        self.done = False
        executor.run(lambda: _open_early(unlock, paths), self._succeeded, self._failed, owner=self)

    def _succeeded(self, result: tuple[Store, SignedIn]) -> None:
        self.result = result
        self.done = True
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self.error = error
        self.done = True
        self.finished.emit()


class DeskGate(QObject):
    waiting = Signal()  # the sign-in page is on screen (painted), waiting for someone
    entered = Signal(object)  # SignedIn: the desk (or the admin page) is shown for them
    settled = Signal()  # after entering: the worker has nothing queued (the data is in)
    refused = Signal(str)  # an attempt failed; the words shown to the person
    stopped = Signal(str)  # start-up cannot go on here (no records, not encrypted…)
    problem = Signal(object)  # StorageProblem: the records cannot be used at all
    state_changed = Signal(object)  # GateState: the gate made a move (gate_states.MOVES)

    def __init__(
        self,
        window: MainWindow,
        executor: DbExecutor,
        session: DeskSession,
        paths: AppPaths,
        *,
        demo: bool = False,
        sign_in_page: SignInPage | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``sign_in_page``: the page start-up painted first (the gate takes it over, with
        whatever has been typed into it meanwhile)."""
        super().__init__(parent)
        self._window = window
        self._executor = executor
        self._session = session
        self._paths = paths
        self._demo = demo
        self._store: Store | None = None
        self._state = GateState.STARTING
        self._hidden: list[QWidget] = []
        self._stack_loading = False
        self._warmed = False
        self._admin_before_lock = False
        self.demo_summary: DemoSummary | None = None
        self.demo_password: str | None = None
        self._demo_accounts: dict[str, str] = {}  # role -> user name, of a demo store
        self.first_run: FirstRunGuide | None = None

        self.sign_in_page = sign_in_page or SignInPage()
        self.sign_in_page.derive_ahead_with(_derive_ahead(paths))
        self.lock_page = LockPage()
        self.notice = NoticePage()
        self._admin: AdminPage | None = None
        for page in (self.sign_in_page, self.lock_page, self.notice):
            window.add_page(page)
        self.idle = IdleWatcher(self)

        self.sign_in_page.submitted.connect(self._sign_in_submitted)
        self.sign_in_page.back_requested.connect(self._back_to_lock)
        self.sign_in_page.painted.connect(self._sign_in_painted)
        self.lock_page.unlock_requested.connect(self._unlock_submitted)
        self.lock_page.switch_requested.connect(self.switch_officer)
        self.idle.idle.connect(self.lock)
        window.switch_user_requested.connect(self.switch_officer)
        window.lock_requested.connect(self.lock)
        window.change_password_requested.connect(self.change_password)
        window.accounts_requested.connect(self.show_accounts)
        window.settings_requested.connect(self.show_settings)

    @property
    def store(self) -> Store | None:
        return self._store

    @property
    def state(self) -> GateState:
        return self._state

    def _go(self, to: GateState) -> bool:
        """Make the move to ``to`` if the gate's rules allow it from where it is (see
        ``gate_states.MOVES``); an event that does not fit the state is ignored, and logged."""
        if not may_move(self._state, to):
            log.warning("gate: ignored a move from %s to %s", self._state.value, to.value)
            return False
        log.debug("gate: %s -> %s", self._state.value, to.value)
        self._state = to
        self.state_changed.emit(to)
        return True

    @property
    def session(self) -> DeskSession:
        return self._session

    @property
    def admin(self) -> AdminPage:
        """The accounts and settings pages, built when first needed (most sign-ins never)."""
        if self._admin is None:
            from officer_desk.ui.admin_pages import AdminPage

            self._admin = AdminPage(self._executor, self._session)
            self._window.add_page(self._admin)
            self._admin.back_requested.connect(self._back_to_desk)
            self._admin.settings.saved.connect(self._settings_saved)
        return self._admin

    def _admin_showing(self) -> bool:
        return self._admin is not None and self._admin.isVisible()

    # --- start ---------------------------------------------------------------------------

    def start(self, *, early: EarlySignIn | None = None, username: str = "") -> None:
        """Decide the first page from what the data folder holds (looked at on the worker,
        which also loads the file formats' libraries there, not on the GUI thread)."""
        if early is not None:
            self._go(GateState.OPENING)
            self._show_busy_sign_in(early.username)
            if early.done:
                self._early_finished(early)
            else:
                early.finished.connect(lambda: self._early_finished(early))
        elif self.sign_in_page.isVisible():
            # Painted before the gate existed (start-up saw the key-slot file): keep what has
            # been typed, and go on as if this gate had shown it.
            self._go(GateState.SIGNING_IN)
            self._executor.run(lambda: _demo_of(self._paths), self._got_demo, owner=self)
            self._sign_in_painted()
        else:
            self._executor.run(
                lambda: records_here(self._paths.store),
                lambda records: self._records_found(records, username),
                owner=self,
            )
        if self._demo:  # after the look at the files: it loads the whole demo generator
            self._executor.run(_demo_password, self._got_demo_password, owner=self)

    def _records_found(self, records: Records, username: str = "") -> None:
        if records is Records.ENCRYPTED:
            if not self._go(GateState.SIGNING_IN):
                return
            self._show_sign_in(username)
            # A demo store lists its accounts on every start, not only on the one that made it.
            self._executor.run(lambda: _demo_of(self._paths), self._got_demo, owner=self)
        elif records is Records.NONE:
            if self._demo:
                self._make_demo()
            else:
                self._show_first_run()
        elif records is Records.PLAIN:
            self._stop(
                self.tr("These records are not encrypted yet"),
                self.tr("Officer Desk only opens records that are protected by passwords."),
                self.tr(
                    "Facility IT: run<br><code>officer-desk-admin encrypt --user ADMIN</code><br>"
                    "once, with an admin's user name, to protect them. Nothing is lost."
                ),
            )
        elif records is Records.KEYLESS:
            self._stop(
                self.tr("The records cannot be opened here"),
                self.tr("The key file that belongs beside the records is missing."),
                self.tr(
                    "Without it no password can open them. Ask facility IT to restore the "
                    "records and their key file together from a backup.<br><br>Records: "
                    "<code>{path}</code>"
                ).format(path=html.escape(str(self._paths.store))),
            )

    def _stop(self, title: str, subtitle: str, text: str) -> None:
        if not self._go(GateState.STOPPED):
            return
        self.notice.say(title, subtitle, text)
        self._window.set_title_person(None)
        self._window.show_page(self.notice)
        self.stopped.emit(f"{title}. {subtitle}")

    def _show_first_run(self) -> None:
        """An empty data folder: the guide (demo data, set up, join a hub), built only now."""
        from officer_desk.ui.first_run.guide import FirstRunGuide

        if not self._go(GateState.FIRST_RUN):
            return
        if self.first_run is None:
            self.first_run = FirstRunGuide(self._executor, self._paths, parent=self)
            self.first_run.demo_chosen.connect(self._first_run_demo)
            self.first_run.ready.connect(self._first_run_ready)
            self._window.add_page(self.first_run.page)
        self._window.set_title_person(None)
        self._window.show_page(self.first_run.page)
        # Start-up waits for a person's choice: nothing to sign in to yet (the self-test and
        # the start-up benchmark stop here).
        self.stopped.emit(
            self.tr("No records on this workstation")
            + ". "
            + self.tr("The first-run guide waits for a choice.")
        )

    def _first_run_demo(self) -> None:
        self._demo = True
        self._executor.run(_demo_password, self._got_demo_password, owner=self)
        self._make_demo()

    def _first_run_ready(self, username: str, message: str) -> None:
        if not self._go(GateState.SIGNING_IN):
            return
        self._show_sign_in(username)
        self.sign_in_page.set_hint(html.escape(message))

    def _make_demo(self) -> None:
        if not self._go(GateState.MAKING_DEMO):
            return
        self.notice.say(
            self.tr("Making demo records"),
            self.tr("Starting…"),
            self.tr(
                "A made-up unit with officers, people and two years of their days, for trying "
                "Officer Desk. None of it is about real people. This takes a moment, once."
            ),
            busy=True,
        )
        self._window.show_page(self.notice)
        creation = DemoCreation(self._executor, self._paths, self)
        creation.progress.connect(self.notice.show_progress)
        creation.created.connect(self._demo_made)
        creation.problem.connect(self._unusable)
        creation.start()

    def _demo_made(self, summary: DemoSummary) -> None:
        self.demo_summary = summary
        for username, _name, role in summary.accounts:
            self._demo_accounts.setdefault(role, username)
        if self._go(GateState.SIGNING_IN):
            self._show_sign_in()

    def _got_demo_password(self, password: str) -> None:
        self.demo_password = password
        self.sign_in_page.set_hint(self._demo_hint())

    def _got_demo(self, found: tuple[str, dict[str, str]] | None) -> None:
        if found is None:
            return
        self._demo = True
        password, accounts = found
        for role, username in accounts.items():
            self._demo_accounts.setdefault(role, username)
        self._got_demo_password(password)

    def _demo_hint(self) -> str | None:
        """Rich text: the demo password, and one account per role when they are known."""
        if not self._demo or self.demo_password is None:
            return None
        # On a line of its own: a hyphenated password must not break where it wraps.
        password = f"<br><b><code>{html.escape(self.demo_password)}</code></b>"
        by_role = self._demo_accounts
        if not by_role:
            return self.tr("Demo records. The password of every demo account:{password}").format(
                password=password
            )
        labels = {
            Role.OFFICER.value: self.tr("Officer"),
            Role.SUPERVISOR.value: self.tr("Supervisor"),
            Role.ADMIN.value: self.tr("Admin"),
        }
        lines = [
            f"{label}: <code>{html.escape(by_role[role])}</code>"
            for role, label in labels.items()
            if role in by_role
        ]
        return (
            self.tr("Demo accounts, all with the password{password}").format(password=password)
            + "<br>"
            + "<br>".join(lines)
        )

    # --- signing in ----------------------------------------------------------------------

    def _show_sign_in(self, username: str = "", error: str = "") -> None:
        page = self.sign_in_page
        page.set_texts(PRODUCT_NAME, self.tr("Sign in to this unit's desk."))
        page.set_hint(self._demo_hint())
        page.prepare(username, error)
        self._window.set_title_person(None)
        self._window.show_page(page)

    def _show_busy_sign_in(self, username: str) -> None:
        self._show_sign_in(username)
        self.sign_in_page.set_busy(True)

    def _sign_in_painted(self) -> None:
        if self._store is None and not self._stack_loading:
            self._stack_loading = True
            self._executor.run(_load_sign_in_stack, owner=self)
        self.waiting.emit()

    def _early_finished(self, early: EarlySignIn) -> None:
        error = early.error
        if early.result is not None:
            self._opened(early.result)
        elif isinstance(error, DeskError) and not isinstance(error, StorageProblem):
            # A wrong password is said on the sign-in page; no records (or plain ones) get
            # the page that explains what to do.
            def found(records: Records) -> None:
                if records is Records.ENCRYPTED:
                    self._sign_in_failed(error)
                else:
                    self._records_found(records)

            self._executor.run(lambda: records_here(self._paths.store), found, owner=self)
        elif error is not None:
            self._sign_in_failed(error)

    def _sign_in_submitted(self, username: str, password: str) -> None:
        ahead = self.sign_in_page.take_ahead()  # Argon2id started before Enter, if any
        if self._state is GateState.SIGNING_IN:
            self._go(GateState.OPENING)
            self._executor.run(
                lambda: _open_with_password(self._paths, username, password, ahead),
                self._opened,
                self._sign_in_failed,
                owner=self,
            )
        elif self._go(GateState.CHECKING):
            self._executor.submit(
                _check_at_desk(username, password, "switch user", ahead),
                self._enter,
                self._sign_in_failed,
                owner=self,
            )

    def _opened(self, result: tuple[Store, SignedIn]) -> None:
        store, user = result
        self._store = store
        # From here on, database work attempted on the GUI thread raises at once.
        store.forbidden_thread = threading.main_thread()
        self._executor.set_store(store)
        self._enter(user)
        self._audit_when_shown(user)

    def _audit_when_shown(self, user: SignedIn) -> None:
        """Audit the sign-in once the first screen is painted (it loads the database stack,
        which the first screen does not need), ahead of anything the person can write."""
        self._when_shown(user, lambda: self._executor.submit(_audit_sign_in(user), owner=self))

    def _when_shown(self, user: SignedIn | None, then: Callable[[], object]) -> None:
        """``then()`` once the desk's first screen is painted, or at once when there is no
        desk screen coming (an admin); at the latest after AUDIT_AT_LATEST_MS, whatever is
        on screen (the same officer back from the lock: no first screen is painted)."""
        pending = [True]

        def run() -> None:
            if pending[0]:
                pending[0] = False
                then()

        ready = getattr(getattr(self._window, "desk", None), "screen_ready", None)
        if user is None or user.role is Role.ADMIN or ready is None:
            run()
            return
        ready.connect(run, Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(AUDIT_AT_LATEST_MS, self, run)

    def _unusable(self, error: StorageProblem) -> None:
        """The records cannot be used at all (start-up shows why and what to do)."""
        self._go(GateState.STOPPED)
        self.problem.emit(error)

    def _sign_in_failed(self, error: BaseException) -> None:
        if isinstance(error, StorageProblem):
            self.sign_in_page.set_busy(False)
            self._unusable(error)
            return
        # Back to the page the password came from: the sign-in page, or the switch page.
        self._go(GateState.SWITCHING if self._state is GateState.CHECKING else GateState.SIGNING_IN)
        if isinstance(error, DeskError):
            log.info("sign-in refused: %s", error.message)
            self.sign_in_page.refuse(error.message)
            self.refused.emit(error.message)
        else:
            self.sign_in_page.refuse(self.tr("Signing in failed because of a fault in the app."))
            self._executor.failed.emit(error)

    def _enter(self, user: SignedIn) -> None:
        """Show the desk for ``user``: a new person, or the same one back after the lock."""
        if not self._go(GateState.AT_DESK):
            return
        previous = self._session.user
        same_person = previous is not None and previous.officer_id == user.officer_id
        back_to_admin = same_person and self._admin_before_lock
        if same_person:
            self._session.unlock()
            self._restore_hidden()
        else:
            self._close_hidden()
            # The window opens this person's home (an admin's: the accounts page).
            self._session.sign_in(user)
        self._window.set_title_person(user.display_name)
        if back_to_admin:
            self._window.show_page(self.admin)
        elif user.role == Role.ADMIN:
            if not self._admin_showing():  # the window may have asked for it already
                self.show_accounts()
        else:
            self._window.show_desk()
        self.idle.start()
        self.entered.emit(user)
        when_idle(self._executor, self._settle, owner=self)

    def _settle(self) -> None:
        self.settled.emit()
        # Both load the database stack (some 400 ms of the worker, much of it holding the
        # interpreter lock): started before the home screen was painted, they slowed its
        # painting down.  The desk's own settling loads it too, after that first screen.
        self._when_shown(self._session.user, self._load_after_entering)

    def _load_after_entering(self) -> None:
        if not self._warmed:
            self._warmed = True
            self._executor.submit(_warm_up, owner=self)
        self._executor.submit(_idle_lock_minutes, self.idle.set_minutes, _ignore, owner=self)

    # --- the lock ------------------------------------------------------------------------

    def lock(self) -> None:
        """Hide everything personal now; the same officer's password opens it again."""
        # Also from the switch page (the session is covered already): no key stays behind.
        self.sign_in_page.discard_ahead()
        user = self._session.user
        if user is None or self._state is not GateState.AT_DESK:
            return  # covered already (locked, or the switch page is up)
        self._go(GateState.LOCKED)
        self._cover()
        self._show_lock_page()
        self._executor.submit(_record_lock(user), owner=self)

    def _cover(self) -> None:
        self._admin_before_lock = self._admin_showing()
        self.idle.stop()
        self._session.lock()
        self._hide_other_windows()
        self._window.set_title_person(None)

    def _back_to_lock(self) -> None:
        """From the switch page back to the lock of the officer still signed in."""
        if self._go(GateState.LOCKED):
            self._show_lock_page()

    def _show_lock_page(self) -> None:
        user = self._session.user
        if user is None:
            return
        self.lock_page.prepare(user.display_name)
        self._window.show_page(self.lock_page)

    def _unlock_submitted(self, password: str) -> None:
        user = self._session.user
        if user is None or not self._go(GateState.UNLOCKING):
            return
        self._executor.submit(
            _check_at_desk(user.username, password, "unlock"),
            self._enter,
            self._unlock_failed,
            owner=self,
        )

    def _unlock_failed(self, error: BaseException) -> None:
        self._go(GateState.LOCKED)
        if isinstance(error, DeskError):
            self.lock_page.refuse(error.message)
            self.refused.emit(error.message)
        else:
            self.lock_page.refuse(self.tr("Unlocking failed because of a fault in the app."))
            self._executor.failed.emit(error)

    def switch_officer(self) -> None:
        """Another officer signs in on the open store; the desk stays covered meanwhile."""
        user = self._session.user
        covered = self._state is not GateState.AT_DESK
        if user is None or self._store is None or not self._go(GateState.SWITCHING):
            return
        if not covered:
            self._cover()
        page = self.sign_in_page
        page.discard_ahead()
        page.set_texts(
            self.tr("Switch officer"),
            self.tr("Sign in as the officer taking over this desk."),
            self.tr("Back: unlock as {name}").format(name=user.display_name),
        )
        page.set_hint(self._demo_hint())
        page.prepare()
        self._window.show_page(page)

    # --- other windows while locked -----------------------------------------------------

    def _hide_other_windows(self) -> None:
        """Dialogs (a half-written note) hide while locked and come back for the same officer."""
        for widget in QApplication.topLevelWidgets():
            if widget is self._window or not widget.isVisible():
                continue
            if widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                widget.close()
                continue
            widget.hide()
            self._hidden.append(widget)
        if isinstance(self._window, QWidget):
            self._window.activateWindow()  # the keyboard goes to the lock, not a hidden dialog

    def _restore_hidden(self) -> None:
        for widget in self._hidden:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden.clear()

    def _close_hidden(self) -> None:
        """Another officer takes over: what the previous one had open is closed, not shown."""
        for widget in self._hidden:
            if not shiboken6.isValid(widget):
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()
        self._hidden.clear()

    # --- menu actions --------------------------------------------------------------------

    def _usable_by(self) -> SignedIn | None:
        """The signed-in officer when the desk is open to them (not locked)."""
        return self._session.user if self._state is GateState.AT_DESK else None

    def change_password(self) -> ChangePasswordDialog | None:
        user = self._usable_by()
        if user is None:
            return None
        from officer_desk.ui.password_dialog import ChangePasswordDialog  # when asked for

        dialog = ChangePasswordDialog(self._executor, user, self._parent_widget())
        dialog.accepted.connect(
            lambda: self._status(self.tr("Your password is changed. Use the new one from now on."))
        )
        dialog.open()
        return dialog

    def show_accounts(self) -> None:
        self._show_admin(settings=False)

    def show_settings(self) -> None:
        self._show_admin(settings=True)

    def _show_admin(self, *, settings: bool) -> None:
        user = self._usable_by()
        if user is None:
            return
        if user.role not in (Role.ADMIN, Role.SUPERVISOR):
            self._status(self.tr("Only an admin can manage accounts and settings."))
            return
        page = self.admin
        is_admin = user.role == Role.ADMIN
        # A supervisor sees the accounts (the services refuse their changes); settings are
        # an admin's alone.
        page.tabs.setTabEnabled(page.tabs.indexOf(page.settings), is_admin)
        # An admin has no caseload and sees no one's records: these pages are their desk.
        page.back.setVisible(not is_admin)
        page.show_tab(page.settings if settings and is_admin else page.accounts)
        self._window.show_page(page)

    def _back_to_desk(self) -> None:
        if self._usable_by() is not None:
            self._window.show_desk()

    def _settings_saved(self, values: dict[str, int]) -> None:
        minutes = values.get("idle_lock_minutes")
        if minutes is not None:
            self.idle.set_minutes(minutes)

    def _status(self, text: str) -> None:
        window = self._window
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MS)

    def _parent_widget(self) -> QWidget | None:
        return self._window if isinstance(self._window, QWidget) else None

    # --- ending --------------------------------------------------------------------------

    def stop(self) -> None:
        self.idle.stop()
        if self.sign_in_page.key_ahead is not None:
            self.sign_in_page.key_ahead.shutdown()
        if self.first_run is not None:
            self.first_run.shutdown()


def _warm_up(store: Store) -> None:
    store.warm_up()


def _ignore(error: BaseException) -> None:
    log.warning("idle lock setting not read (the default applies): %s", error)
