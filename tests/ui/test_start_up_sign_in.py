"""Signing in with the real main window: the first screen comes before the database stack,
and the sign-in is audited through the write path right after it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from desk_fakes import KARI, audit_actions
from pytestqt.qtbot import QtBot

from officer_desk.app.executor import DbExecutor
from officer_desk.paths import AppPaths
from officer_desk.store.database import Store
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.gate import DeskGate
from officer_desk.ui.main_window import MainWindow

pytest_plugins = ["desk_fixtures"]


@pytest.fixture
def started(
    qtbot: QtBot, encrypted_unit: AppPaths
) -> Iterator[tuple[MainWindow, DeskGate, DbExecutor]]:
    executor = DbExecutor()
    session = DeskSession()
    window = MainWindow(executor, encrypted_unit, session)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    gate = DeskGate(window, executor, session, encrypted_unit)
    with qtbot.waitSignal(gate.waiting, timeout=10_000):
        gate.start()
    yield window, gate, executor
    gate.stop()
    executor.shutdown()


def test_the_sign_in_is_audited_once_the_home_screen_is_painted(
    qtbot: QtBot, started: tuple[MainWindow, DeskGate, DbExecutor]
) -> None:
    window, gate, executor = started
    seen: list[str] = []

    def before_the_screen(store: Store) -> None:
        # Runs right after the first screen's reads: the sign-in is not audited yet.
        with store.raw() as db:
            seen.extend(r[0] for r in db.execute("SELECT action FROM audit_entry"))

    window.desk.model.loaded.connect(
        lambda: executor.submit(before_the_screen) if not seen else None
    )
    page = gate.sign_in_page
    page.username.setText(KARI[0])
    page.password.setText(KARI[2])
    with qtbot.waitSignal(window.desk.screen_ready, timeout=10_000):
        page.button.click()
    assert window.desk.isVisible() and window.desk.model.rowCount() == 2
    done = executor.submit(audit_actions)
    qtbot.waitUntil(done.done, timeout=20_000)
    assert seen and "login" not in seen  # the set-up's entries, not yet the sign-in
    assert done.result()[-1] == "login"
    # The person page is built once its modules are in (after the first screen).
    qtbot.waitUntil(lambda: window.desk._person is not None, timeout=20_000)


def test_nothing_loads_the_database_stack_before_the_home_screen_is_painted(
    qtbot: QtBot, started: tuple[MainWindow, DeskGate, DbExecutor], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ORM warm-up and the idle-lock setting's read (both load SQLAlchemy: some 400 ms of
    the worker, much of it holding the interpreter lock) wait for the first screen: started
    as the caseload came in, they slowed the painting of the home screen down."""
    window, gate, executor = started
    painted: list[bool] = []
    window.desk.screen_ready.connect(lambda: painted.append(True))
    jobs: list[tuple[str, bool]] = []
    submit = executor.submit

    def recorded(work, *args, **kwargs):  # type: ignore[no-untyped-def]
        jobs.append((getattr(work, "__name__", repr(work)), bool(painted)))
        return submit(work, *args, **kwargs)

    monkeypatch.setattr(executor, "submit", recorded)
    page = gate.sign_in_page
    page.username.setText(KARI[0])
    page.password.setText(KARI[2])
    with qtbot.waitSignal(window.desk.screen_ready, timeout=10_000):
        page.button.click()
    qtbot.waitUntil(lambda: "_idle_lock_minutes" in dict(jobs), timeout=10_000)
    after_paint = {name for name, late in jobs if late}
    before_paint = {name for name, late in jobs if not late}
    assert {"_warm_up", "_idle_lock_minutes"} <= after_paint
    assert not {"_warm_up", "_idle_lock_minutes", "prepare_writing"} & before_paint
