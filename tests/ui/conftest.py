"""UI test fixtures, and a guard: during a UI test no SQL may run on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import Engine

from officer_desk import paths
from officer_desk.app.executor import DbExecutor
from officer_desk.store.database import Store
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.main_window import MainWindow

_on_gui_thread: list[str] = []
_HERE = Path(__file__).parent

# The offscreen plugin says this whenever a top-level window gets a minimum size (every
# window with a layout does); it is about the test platform, not about our code.
_OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in item.path.parents:
            item.add_marker(_OFFSCREEN_NOISE)


def _note_statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if threading.current_thread() is threading.main_thread():
        _on_gui_thread.append(statement)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail a UI test whose body (not its fixtures) ran SQL on the GUI thread.

    Fixtures build stores directly on the main thread; the screens must not.
    """
    _on_gui_thread.clear()
    event.listen(Engine, "before_cursor_execute", _note_statement)
    try:
        result = yield
    finally:
        event.remove(Engine, "before_cursor_execute", _note_statement)
    if _on_gui_thread:
        raise AssertionError(
            "SQL ran on the GUI thread during the test:\n  " + "\n  ".join(_on_gui_thread[:5])
        )
    return result


@pytest.fixture(autouse=True)
def english(qapp: Any) -> None:
    """The interface language installed as the app does at start: English, with its plural
    forms ("1 person", "6 people" from "%n person(s)")."""
    from officer_desk.ui import i18n

    i18n.install(language=i18n.ENGLISH)


@pytest.fixture
def executor(unit_store: Store) -> Iterator[DbExecutor]:
    ex = DbExecutor(unit_store)
    yield ex
    ex._pool.shutdown(wait=True)


@pytest.fixture
def window(qtbot: QtBot, executor: DbExecutor) -> MainWindow:
    shown = MainWindow(executor, paths.app_paths(), DeskSession())
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    return shown
