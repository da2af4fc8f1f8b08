"""What the desk loads after its first screen, one step at a time (``ui/settling.py``): worker
steps on the worker, each screen step in an event-loop turn of its own, never both at once."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from officer_desk.app.executor import DbExecutor
from officer_desk.store.database import Store
from officer_desk.ui.settling import Settling, Step, on_screen, on_worker

TIMEOUT = 5000


class Record:
    """What ran, where, and what else the GUI thread did in between."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, bool]] = []  # (name, on the GUI thread)
        self.turns = 0  # posted events delivered by the GUI thread's event loop
        self.gui = threading.get_ident()

    def worker(self, name: str) -> Step:
        def work(_store: Store) -> None:
            self.steps.append((name, threading.get_ident() == self.gui))

        return on_worker(name, work)

    def screen(self, name: str) -> Step:
        def build() -> None:
            self.steps.append((name, threading.get_ident() == self.gui))
            # A repaint or a key press queued now must come before the next screen step.
            QTimer.singleShot(0, self.turn)

        return on_screen(name, build)

    def turn(self) -> None:
        self.turns += 1
        self.steps.append(("(a turn)", True))


@pytest.fixture
def settling(executor: DbExecutor) -> Settling:
    return Settling(executor)


def test_steps_run_in_order_each_where_it_belongs_with_the_event_loop_in_between(
    qtbot: QtBot, settling: Settling
) -> None:
    record = Record()
    steps = [
        record.worker("modules"),
        record.screen("page"),
        record.screen("panel"),
        record.worker("reads"),
    ]
    with qtbot.waitSignal(settling.settled, timeout=TIMEOUT):
        settling.start(steps)
        assert settling.running
    assert not settling.running
    qtbot.waitUntil(lambda: record.turns == 2, timeout=TIMEOUT)
    assert [name for name, _ in record.steps if name != "(a turn)"] == [
        "modules",
        "page",
        "panel",
        "reads",
    ]
    assert dict(record.steps)["modules"] is False and dict(record.steps)["reads"] is False
    assert dict(record.steps)["page"] is True and dict(record.steps)["panel"] is True
    # What the page's step queued ran before the panel was built: the screen could repaint.
    names = [name for name, _ in record.steps]
    assert names.index("(a turn)") < names.index("panel")


def test_started_again_while_it_runs_it_does_not_repeat_and_later_it_runs_again(
    qtbot: QtBot, settling: Settling
) -> None:
    record = Record()
    with qtbot.waitSignal(settling.settled, timeout=TIMEOUT):
        settling.start([record.worker("first"), record.screen("page")])
        settling.start([record.worker("second")])
    with qtbot.waitSignal(settling.settled, timeout=TIMEOUT):
        settling.start([record.worker("third")])
    names = [name for name, _ in record.steps if name != "(a turn)"]
    assert names == ["first", "page", "third"]


def test_a_failed_head_start_is_logged_and_the_rest_still_runs(
    qtbot: QtBot, settling: Settling, executor: DbExecutor, caplog: pytest.LogCaptureFixture
) -> None:
    record = Record()

    def broken(_store: Store) -> None:
        raise OSError("disk I/O error")

    failures: list[BaseException] = []
    executor.failed.connect(failures.append)
    steps = [on_worker("person page reads", broken, head_start=True), record.screen("page")]
    with (
        caplog.at_level(logging.WARNING, "officer_desk.ui"),
        qtbot.waitSignal(settling.settled, timeout=TIMEOUT),
    ):
        settling.start(steps)
    assert [name for name, _ in record.steps if name != "(a turn)"] == ["page"]
    assert "person page reads failed" in caplog.text and "disk I/O error" in caplog.text
    assert failures == []  # only a head start: no crash dialog


def test_a_failed_step_stops_the_rest_goes_to_the_crash_dialog_and_still_settles(
    qtbot: QtBot, settling: Settling, executor: DbExecutor
) -> None:
    record = Record()

    def broken(_store: Store) -> None:
        raise ImportError("a module of the desk is missing")

    settled: list[bool] = []
    settling.settled.connect(lambda: settled.append(True))
    with qtbot.waitSignal(executor.failed, timeout=TIMEOUT) as failure:
        settling.start([on_worker("modules", broken), record.screen("page")])
    assert isinstance(failure.args[0], ImportError)
    qtbot.waitUntil(lambda: settled == [True], timeout=TIMEOUT)
    # The rest is not run, but what waits for the desk to settle goes on without it.
    assert record.steps == [] and settled == [True] and not settling.running
    with qtbot.waitSignal(settling.settled, timeout=TIMEOUT):  # and it can start again
        settling.start([record.screen("page")])
    assert record.steps[0] == ("page", True)


def test_a_screen_that_cannot_be_built_is_reported_and_the_desk_still_settles(
    qtbot: QtBot, settling: Settling, executor: DbExecutor
) -> None:
    record = Record()

    def broken() -> None:
        raise RuntimeError("a widget refused")

    with (
        qtbot.waitSignal(executor.failed, timeout=TIMEOUT) as failure,
        qtbot.waitSignal(settling.settled, timeout=TIMEOUT),
    ):
        settling.start([on_screen("page", broken), record.screen("panel")])
    assert isinstance(failure.args[0], RuntimeError)
    assert record.steps == [] and not settling.running
