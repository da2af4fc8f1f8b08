"""The database executor: work on one worker thread, results back on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from officer_desk.app import logbook
from officer_desk.app.executor import DbExecutor
from officer_desk.app.logbook import MealEntry
from officer_desk.app.writes import Actor, Change
from officer_desk.store.database import Store


@pytest.fixture
def executor(store: Store) -> Iterator[DbExecutor]:
    ex = DbExecutor(store)
    yield ex
    ex._pool.shutdown(wait=True)


def test_work_runs_on_one_worker_and_results_return_on_the_gui_thread(
    qtbot: QtBot, executor: DbExecutor
) -> None:
    worker_threads: list[threading.Thread] = []
    delivered_on: list[threading.Thread] = []

    def work(_store: Store) -> int:
        worker_threads.append(threading.current_thread())
        return 42

    results: list[int] = []
    for _ in range(3):
        executor.submit(
            work,
            lambda value: (results.append(value), delivered_on.append(threading.current_thread())),
        )
    qtbot.waitUntil(lambda: len(results) == 3)
    assert results == [42, 42, 42]
    assert len(set(worker_threads)) == 1
    assert worker_threads[0] is not threading.main_thread()
    assert delivered_on == [threading.main_thread()] * 3
    assert not executor.busy


def test_a_write_announces_its_change(
    qtbot: QtBot, executor: DbExecutor, store: Store, caseload: list[str], admin: Actor
) -> None:
    with qtbot.waitSignal(executor.changed, timeout=5000) as signal:
        executor.submit(
            lambda s: logbook.log_meal(
                s, admin, day=date.today(), meal="lunch", entries=[MealEntry(caseload[0])]
            )
        )
    change = signal.args[0]
    assert isinstance(change, Change)
    assert change.inmate_ids == {caseload[0]}


def test_errors_go_to_the_error_callback_or_the_failed_signal(
    qtbot: QtBot, executor: DbExecutor
) -> None:
    def boom(_store: Store) -> None:
        raise ValueError("broken query")

    errors: list[BaseException] = []
    executor.submit(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert str(errors[0]) == "broken query"

    with qtbot.waitSignal(executor.failed, timeout=5000) as signal:
        executor.submit(boom)
    assert isinstance(signal.args[0], ValueError)


def test_callbacks_of_deleted_owners_are_dropped(qtbot: QtBot, executor: DbExecutor) -> None:
    owner = QObject()
    called: list[object] = []
    gate = threading.Event()
    executor.submit(lambda _s: gate.wait(5), called.append, owner=owner)
    import shiboken6

    shiboken6.delete(owner)
    gate.set()
    qtbot.waitUntil(lambda: not executor.busy)
    assert called == []
