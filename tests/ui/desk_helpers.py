"""Shared pieces of the desk's UI tests: a signed-in window and waiting for the worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from pytestqt.qtbot import QtBot
from sqlmodel import SQLModel, func, select

from officer_desk.app.accounts import SignedIn
from officer_desk.app.executor import DbExecutor
from officer_desk.domain.enums import Role
from officer_desk.store.database import Store
from officer_desk.store.tables import AuditEntry, Officer, OutboxEntry
from officer_desk.ui.main_window import MainWindow

TIMEOUT = 5000
T = TypeVar("T")


def signed_in(officer: Officer) -> SignedIn:
    return SignedIn(
        officer.id, officer.username, officer.display_name, Role(officer.role), officer.unit_id
    )


def sign_in(qtbot: QtBot, window: MainWindow, officer: Officer) -> None:
    with qtbot.waitSignal(window.desk.model.loaded, timeout=TIMEOUT):
        window._session.sign_in(signed_in(officer))


def wait_idle(qtbot: QtBot, executor: DbExecutor) -> None:
    qtbot.waitUntil(lambda: not executor.busy, timeout=TIMEOUT)


@contextmanager
def reloaded(qtbot: QtBot, window: MainWindow) -> Iterator[None]:
    """The block's write is saved and the home screen has read it back."""
    with qtbot.waitSignal(window.desk.model.loaded, timeout=TIMEOUT):
        yield


def on_worker(executor: DbExecutor, work: Callable[[Store], T]) -> T:
    """Run a check's query on the database worker (the GUI thread must not run SQL)."""
    return executor.submit(work).result(timeout=TIMEOUT / 1000)


def counts(executor: DbExecutor, table: type[SQLModel]) -> int:
    def work(store: Store) -> int:
        with store.reading() as session:
            return session.exec(select(func.count()).select_from(table)).one()

    return on_worker(executor, work)


def written(executor: DbExecutor) -> tuple[int, int]:
    """(audit entries, outbox entries) so far."""
    return counts(executor, AuditEntry), counts(executor, OutboxEntry)
