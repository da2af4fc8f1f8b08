"""One delivery for the database worker and the sync thread: answers on the GUI thread, in
order, errors to on_error, nothing for a deleted owner, unhandled errors logged."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from officer_desk.app.executor import DbExecutor, DeliversToOwner
from officer_desk.ui.sync.worker import SyncThread

Submit = Callable[..., object]


@pytest.fixture(params=["database worker", "sync thread"])
def worker(request: pytest.FixtureRequest) -> Iterator[tuple[DeliversToOwner, Submit]]:
    if request.param == "database worker":
        executor = DbExecutor()
        yield executor, executor.run
        executor._pool.shutdown(wait=True)
    else:
        thread = SyncThread()
        yield thread, thread.submit
        assert thread.stop(5)


def test_answers_come_back_on_the_gui_thread_in_order(
    qtbot: QtBot, worker: tuple[DeliversToOwner, Submit]
) -> None:
    delivering, submit = worker
    ran_on: list[str] = []
    answers: list[tuple[int, bool]] = []

    def work(n: int) -> Callable[[], int]:
        def run() -> int:
            ran_on.append(threading.current_thread().name)
            return n

        return run

    for n in range(5):
        submit(
            work(n),
            lambda value: answers.append(
                (value, threading.current_thread() is threading.main_thread())
            ),
        )
    assert delivering.busy
    qtbot.waitUntil(lambda: len(answers) == 5, timeout=5000)
    assert answers == [(n, True) for n in range(5)]
    assert len(set(ran_on)) == 1 and ran_on[0] != threading.main_thread().name
    assert not delivering.busy


def test_an_error_goes_to_on_error_and_a_deleted_owner_gets_nothing(
    qtbot: QtBot, worker: tuple[DeliversToOwner, Submit]
) -> None:
    delivering, submit = worker
    errors: list[BaseException] = []

    def broken() -> None:
        raise ValueError("broken work")

    submit(broken, on_error=errors.append)
    owner = QObject()
    called: list[Any] = []
    gate = threading.Event()
    submit(lambda: gate.wait(5), called.append, called.append, owner=owner)
    shiboken6.delete(owner)
    gate.set()
    qtbot.waitUntil(lambda: not delivering.busy, timeout=5000)
    assert [str(e) for e in errors] == ["broken work"]
    assert called == []


def test_an_unhandled_error_is_logged_where_its_work_belongs(
    qtbot: QtBot, worker: tuple[DeliversToOwner, Submit], caplog: pytest.LogCaptureFixture
) -> None:
    delivering, submit = worker

    def broken() -> None:
        raise KeyError("nobody handles this")

    with caplog.at_level(logging.ERROR):
        submit(broken)
        qtbot.waitUntil(lambda: not delivering.busy, timeout=5000)
    [record] = [r for r in caplog.records if "nobody handles this" in r.getMessage()]
    expected = "officer_desk.app" if isinstance(delivering, DbExecutor) else "officer_desk.sync"
    assert record.name == expected
    assert f"unhandled error in {delivering.WORK}" in record.getMessage()
