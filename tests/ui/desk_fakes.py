"""For the gate's tests: an encrypted unit store, a stand-in window with the main window's
contract, and helpers that run checks on the database worker (never on the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from officer_desk import PRODUCT_NAME
from officer_desk.app.accounts import SignedIn
from officer_desk.app.executor import DbExecutor
from officer_desk.paths import AppPaths
from officer_desk.store.database import Store
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.gate import DeskGate
from officer_desk.ui.self_test import visible_texts

if TYPE_CHECKING:
    from officer_desk.ui.main_window import MainWindow

T = TypeVar("T")

ADMIN = ("it.admin", "Åse IT", "kaffe og vafler i fellesrommet")
KARI = ("kari", "Kari Nordmann", "stille morgen ved fjorden")
OLA = ("ola", "Ola Bø", "lange netter med snø")
# Names that must never be on screen while the desk is locked.
SECRET_PEOPLE = ("Hemmelig Zyxwvutsen", "Jonas Qwertberg")


class FakeWindow(QMainWindow):
    """The main window's contract, with a desk that lists the officer's people by name.

    It deliberately does nothing on ``session.locked``: the gate alone must keep the names
    off the screen (page, title, other windows).
    """

    switch_user_requested = Signal()
    lock_requested = Signal()
    change_password_requested = Signal()
    accounts_requested = Signal()
    settings_requested = Signal()

    def __init__(self, executor: DbExecutor, session: DeskSession) -> None:
        super().__init__()
        self._executor = executor
        self.pages = QStackedWidget()
        self.desk = QWidget()
        self.desk_title = QLabel(self.desk)
        self.people = QListWidget(self.desk)
        self.people.move(0, 40)
        self.pages.addWidget(self.desk)
        self.setCentralWidget(self.pages)
        self.setWindowTitle(PRODUCT_NAME)
        session.signed_in.connect(self._signed_in)

    def add_page(self, widget: QWidget) -> None:
        if self.pages.indexOf(widget) < 0:
            self.pages.addWidget(widget)

    def show_page(self, widget: QWidget) -> None:
        self.add_page(widget)
        self.pages.setCurrentWidget(widget)

    def show_desk(self) -> None:
        self.pages.setCurrentWidget(self.desk)

    def set_title_person(self, name: str | None) -> None:
        self.setWindowTitle(f"{PRODUCT_NAME} — {name}" if name else PRODUCT_NAME)

    def self_test_screens(self) -> list[tuple[str, Callable[[], QWidget]]]:
        def home() -> QWidget:
            self.show_desk()
            return self.desk

        return [("home", home)]

    def _signed_in(self, user: SignedIn) -> None:
        self.desk_title.setText(user.display_name)
        officer_id = user.officer_id

        def names(store: Store) -> list[str]:
            from officer_desk.store.home import caseload_rows

            with store.raw() as conn:
                return [row.full_name for row in caseload_rows(conn, officer_id, date.today())]

        def show(found: list[str]) -> None:
            self.people.clear()
            self.people.addItems(found)

        self._executor.submit(names, show, owner=self)


class Desk:
    """One gate with its window, session and executor, and the steps tests take."""

    def __init__(self, qtbot: QtBot, app_paths: AppPaths, *, demo: bool = False) -> None:
        self.qtbot = qtbot
        self.paths = app_paths
        self.executor = DbExecutor()
        self.session = DeskSession()
        self.window = FakeWindow(self.executor, self.session)
        qtbot.addWidget(self.window)
        self.window.resize(1000, 700)
        self.window.show()
        # The fake keeps the window's contract; the gate is typed with the real window.
        window = cast("MainWindow", self.window)
        self.gate = DeskGate(window, self.executor, self.session, app_paths, demo=demo)

    def start(self) -> None:
        with self.qtbot.waitSignal(self.gate.waiting, timeout=10_000):
            self.gate.start()
        self.settle()  # the worker has loaded what the password check needs

    def sign_in(self, username: str, password: str) -> SignedIn:
        page = self.gate.sign_in_page
        page.username.setText(username)
        page.password.setText(password)
        with self.qtbot.waitSignal(self.gate.entered, timeout=10_000) as entered:
            page.button.click()
        self.settle()
        return entered.args[0]

    def refused(self, page_button: Any) -> str:
        with self.qtbot.waitSignal(self.gate.refused, timeout=10_000) as refused:
            page_button.click()
        return refused.args[0]

    def settle(self) -> None:
        """Until the worker has nothing left (the screen's data is in)."""
        self.qtbot.waitUntil(lambda: not self.executor.busy, timeout=10_000)

    def on_worker(self, work: Callable[[Store], T]) -> T:
        """Run ``work`` on the database worker and wait for its answer."""
        future = self.executor.submit(work)
        self.qtbot.waitUntil(future.done, timeout=10_000)
        self.settle()
        return future.result()

    def screen_texts(self) -> list[str]:
        """What can be read in the window and every other visible window, and the title."""
        from PySide6.QtWidgets import QApplication

        texts = [self.window.windowTitle(), *visible_texts(self.window)]
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible():
                texts += [widget.windowTitle(), *visible_texts(widget)]
        return texts

    def close(self) -> None:
        self.gate.stop()
        self.executor.shutdown()


def open_dialog(parent: QWidget, text: str) -> QDialog:
    """A dialog such as a half-written note, to see what the lock does with it."""
    dialog = QDialog(parent)
    QLabel(text, dialog)
    dialog.open()
    return dialog


def audit_actions(store: Store) -> list[str]:
    from sqlmodel import select

    from officer_desk.store.tables import AuditEntry

    with store.reading() as session:
        return [e.action for e in session.exec(select(AuditEntry).order_by(AuditEntry.seq))]  # type: ignore[arg-type]
