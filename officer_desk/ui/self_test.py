"""``--self-test``: sign in, open every screen offscreen, wait for its data, report what failed.

It drives the app as a person would: types the demo admin's password into the sign-in page
(accounts, settings, change password), switches to the first demo officer (every screen the
window lists), locks the desk and unlocks it.  Each step waits for a signal or for the
database worker to have nothing left to do (no sleeps), all within one deadline, so a hang
becomes a failure message instead of a stuck process.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QEventLoop,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QWidget

from officer_desk import PRODUCT_NAME
from officer_desk.app.executor import DbExecutor
from officer_desk.ui.gate import DeskGate, when_idle

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.ui.main_window import MainWindow

log = logging.getLogger("officer_desk.ui")

TIMEOUT_SECONDS = 90.0
# Big enough that the screenshots show a whole caseload; what a 1366x768 screen gives a window.
WINDOW_SIZE = (1280, 720)
T = TypeVar("T")


class SelfTestFailed(Exception):
    pass


class _Idle(QObject):
    reached = Signal()


def _demo_admin_username() -> str:
    from officer_desk.demo.generator import ADMIN_NAME, username_for

    return username_for(ADMIN_NAME, set())


def _first_officer_with_people(store: Store) -> str | None:
    return _first_with_people(store, "officer")


def _first_supervisor(store: Store) -> str | None:
    return _first_with_people(store, "supervisor", caseload=False)


def _first_with_people(store: Store, role: str, *, caseload: bool = True) -> str | None:
    from officer_desk.store.home import officer_summaries

    with store.raw() as conn:
        officers = officer_summaries(conn, date.today())
    return next(
        (o.username for o in officers if o.role == role and (o.caseload_size or not caseload)),
        None,
    )


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person could read in ``root`` now: labels, fields and item views."""
    texts: list[str] = []
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.text():
            texts.append(label.text())
    for field in root.findChildren(QLineEdit):
        if field.isVisibleTo(root) and field.echoMode() == QLineEdit.EchoMode.Normal:
            texts.append(field.text())
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and view.isVisibleTo(root):
            texts += _model_texts(model, QModelIndex())
    return texts


def _model_texts(model: QAbstractItemModel, parent: QModelIndex) -> list[str]:
    texts = []
    # A list model keeps columnCount and hasChildren private: it has one column, no children.
    is_list = isinstance(model, QAbstractListModel)
    columns = 1 if is_list else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str) and value:
                    texts.append(value)
            if column == 0 and not is_list and model.hasChildren(index):
                texts += _model_texts(model, index)
    return texts


class SelfTest:
    def __init__(
        self,
        window: MainWindow,
        gate: DeskGate,
        executor: DbExecutor,
        screenshots: Path | None = None,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self.window = window
        self.gate = gate
        self.executor = executor
        self.screenshots = screenshots
        self.deadline = time.monotonic() + timeout
        self.screens: list[str] = []
        self.bugs: list[str] = []
        self._loop: QEventLoop | None = None

    def run(self) -> int:
        # A bug fails the self-test at once, instead of a crash dialog nobody will close.
        previous_hook = sys.excepthook
        sys.excepthook = self._bug
        self.executor.failed.connect(self._failed_work)
        try:
            self._run()
        except SelfTestFailed as failure:
            print(f"self-test: FAILED: {failure}", flush=True)
            return 1
        finally:
            sys.excepthook = previous_hook
            self.executor.failed.disconnect(self._failed_work)
        print(f"self-test: OK ({len(self.screens)} screens)", flush=True)
        return 0

    def _bug(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        self._failed_work(error.with_traceback(tb))

    def _failed_work(self, error: BaseException) -> None:
        log.error("self-test: a bug:\n%s", "".join(traceback.format_exception(error)))
        self.bugs.append(f"{type(error).__name__}: {error}")
        if self._loop is not None:
            self._loop.quit()

    def _run(self) -> None:
        if self.screenshots is not None:
            self.screenshots.mkdir(parents=True, exist_ok=True)
        window, gate = self.window, self.gate
        window.resize(*WINDOW_SIZE)
        window.show()

        fired, args = self._wait(
            "the sign-in page", [gate.waiting, gate.stopped, gate.problem], gate.start
        )
        if fired == 1:
            raise SelfTestFailed(f"sign-in: {args[0]}")
        if fired == 2:
            raise SelfTestFailed(f"the records could not be opened: {args[0]}")
        self._idle("the sign-in page")
        self._check("sign-in", window, gate.sign_in_page.isVisible(), "the page is not shown")
        password = gate.demo_password
        if password is None:
            raise SelfTestFailed(
                "sign-in: the self-test signs in with the demo accounts; run it with --demo"
            )

        officer, admin = self._demo_accounts()
        self._sign_in(admin, password)
        self._idle("the accounts page")
        accounts = gate.admin.accounts
        self._check(
            "accounts",
            window,
            gate.admin.isVisible() and accounts.list.topLevelItemCount() > 1,
            "the accounts page does not list the demo accounts",
        )
        gate.show_settings()
        self._idle("the settings page")
        self._check("settings", window, gate.admin.settings.isVisible(), "the page is not shown")
        dialog = gate.change_password()
        self._check(
            "change-password",
            dialog or window,
            dialog is not None and dialog.isVisible(),
            "no dialog",
        )
        if dialog is not None:
            dialog.reject()

        if officer is None:
            officer = self._ask(_first_officer_with_people, "an officer with people")
            if officer is None:
                raise SelfTestFailed("no demo officer has anyone assigned, so no desk to show")
        gate.switch_officer()
        self._check(
            "switch-officer",
            window,
            gate.sign_in_page.isVisible() and window.windowTitle() == PRODUCT_NAME,
            "the sign-in page for another officer is not shown",
        )
        self._sign_in(officer, password)
        self._idle("the officer's home")
        for name, open_screen in window.self_test_screens():
            widget = open_screen()
            self._idle(name)
            self._check(name, widget, widget.isVisible(), "the screen is not shown")
        # The supervisor's screens (unit overview, reassignment, cover, conflicts).
        supervisor = self._demo_supervisor()
        if supervisor is not None:
            gate.switch_officer()
            self._sign_in(supervisor, password)
            self._idle("the supervisor's home")
            for name, open_screen in window.self_test_screens():
                if name in self.screens:
                    continue
                widget = open_screen()
                self._idle(name)
                self._check(name, widget, widget.isVisible(), "the screen is not shown")

        names = self._caseload_names()
        gate.lock()
        self._idle("the lock")
        shown = [window.windowTitle(), *visible_texts(window)]
        leaked = sorted({n for n in names if any(n in text for text in shown)})
        self._check(
            "lock",
            window,
            gate.lock_page.isVisible() and window.windowTitle() == PRODUCT_NAME and not leaked,
            f"personal details visible while locked: {', '.join(leaked) or 'the title'}",
        )
        page = gate.lock_page
        page.password.setText(password)
        fired, args = self._wait("unlocking", [gate.entered, gate.refused], page.button.click)
        if fired == 1:
            raise SelfTestFailed(f"unlock: {args[0]}")

    # --- steps ---------------------------------------------------------------------------

    def _demo_accounts(self) -> tuple[str | None, str]:
        """The first demo officer (None: look it up once signed in) and the demo admin."""
        summary = self.gate.demo_summary
        if summary is not None:
            by_role: dict[str, str] = {}
            for username, _name, role in summary.accounts:
                by_role.setdefault(role, username)
            if "admin" in by_role:
                return by_role.get("officer"), by_role["admin"]
        return None, self._ask_unopened(_demo_admin_username, "the demo admin's user name")

    def _demo_supervisor(self) -> str | None:
        """The demo supervisor (looked up in the records when they were made earlier)."""
        summary = self.gate.demo_summary
        if summary is None:
            return self._ask(_first_supervisor, "the demo supervisor")
        return next((u for u, _name, role in summary.accounts if role == "supervisor"), None)

    def _sign_in(self, username: str, password: str) -> None:
        page = self.gate.sign_in_page
        page.username.setText(username)
        page.password.setText(password)
        fired, args = self._wait(
            f"signing in as {username}",
            [self.gate.entered, self.gate.refused, self.gate.problem],
            page.button.click,
        )
        if fired:
            raise SelfTestFailed(f"signing in as {username}: {args[0]}")

    def _caseload_names(self) -> set[str]:
        """The names and prison numbers of the signed-in officer's people."""
        user = self.gate.session.user
        if user is None:
            return set()
        officer_id = user.officer_id

        def names(store: Store) -> set[str]:
            from officer_desk.store.home import caseload_rows

            with store.raw() as conn:
                rows = caseload_rows(conn, officer_id, date.today())
            found = set()
            for row in rows:
                found |= {row.full_name, row.prison_number, row.preferred_name}
            return {name for name in found if len(name) > 2}

        return self._ask(names, "the caseload's names") or set()

    def _ask(self, work: Callable[[Store], T], what: str) -> T | None:
        """``work`` on the worker with the open store; its answer."""
        store_work = self.executor.submit
        return self._answer(lambda keep: store_work(work, keep), what)

    def _ask_unopened(self, work: Callable[[], str], what: str) -> str:
        """``work`` on the worker before the store is open; its answer."""
        return self._answer(lambda keep: self.executor.run(work, keep), what) or ""

    def _answer(self, send: Callable[[Callable[[Any], None]], object], what: str) -> Any:
        answer: list[Any] = []
        idle = _Idle()

        def keep(value: Any) -> None:
            answer.append(value)
            idle.reached.emit()

        self._wait(what, [idle.reached], lambda: send(keep))
        return answer[0] if answer else None

    def _idle(self, what: str) -> None:
        """Wait until the database worker has nothing left: the screen's data is in."""
        idle = _Idle()
        self._wait(
            what, [idle.reached], lambda: when_idle(self.executor, idle.reached.emit, owner=idle)
        )

    def _wait(
        self,
        what: str,
        signals: list[SignalInstance],
        trigger: Callable[[], object] | None = None,
    ) -> tuple[int, tuple[object, ...]]:
        """Run the event loop until one of ``signals`` fires: which one, and its arguments."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise SelfTestFailed(f"out of time before waiting for {what}")
        loop = QEventLoop()
        self._loop = loop
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        fired: list[tuple[int, tuple[object, ...]]] = []
        connections = []
        for number, signal in enumerate(signals):

            def note(*args: object, number: int = number) -> None:
                fired.append((number, args))
                loop.quit()

            signal.connect(note)
            connections.append((signal, note))
        timer.start(int(remaining * 1000))
        if trigger is not None:
            trigger()
        if not fired and not self.bugs:
            loop.exec()
        self._loop = None
        timer.stop()
        for signal, note in connections:
            signal.disconnect(note)
        if self.bugs:
            raise SelfTestFailed(f"a fault in the app while waiting for {what}: {self.bugs[0]}")
        if not fired:
            raise SelfTestFailed(f"timed out waiting for {what}")
        log.info("self-test: %s ready", what)
        return fired[0]

    def _check(self, screen: str, widget: QWidget, ok: bool, why: str) -> None:
        if not ok:
            raise SelfTestFailed(f"{screen}: {why}")
        if self.screenshots is not None:
            # Layout requests are posted events; run them so the picture is what one sees.
            QCoreApplication.sendPostedEvents()
            path = self.screenshots / f"{screen}.png"
            if not widget.grab().save(str(path)):
                raise SelfTestFailed(f"{screen}: could not save {path}")
        self.screens.append(screen)
