"""Every screen of the self-test, walked widget by widget: each control has an accessible name,
Tab reaches every control, and the quick-logging actions are touch-sized.

The walk hooks the self-test's per-screen check, so a screen added to the window's self-test
list is walked too.  The meal chips and cards are covered through the home screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from accessibility import unnamed, unreachable
from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget

from officer_desk.ui import self_test
from officer_desk.ui.launcher import main

# The gate fixtures (fast_kdf).
pytest_plugins = ["desk_fixtures"]

# Fingers, not a mouse pointer: at least 44x44 logical pixels (WCAG 2.5.5, Apple, Android).
TOUCH = 44


def walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, visit: Callable[[str, QWidget], None]
) -> list[str]:
    """Run the demo self-test, calling ``visit`` on each screen once it is shown."""
    screens: list[str] = []
    check = self_test.SelfTest._check

    def walked(self: self_test.SelfTest, screen: str, widget: QWidget, ok: bool, why: str) -> None:
        if ok:
            screens.append(screen)
            visit(screen, widget)
        check(self, screen, widget, ok, why)

    monkeypatch.setattr(self_test.SelfTest, "_check", walked)
    assert main(["--data-dir", str(tmp_path / "demo"), "--demo", "--self-test"]) == 0
    return screens


def test_every_control_of_every_screen_is_named_and_reached_by_tab(
    tmp_path: Path, fast_kdf: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems: dict[str, list[str]] = {}
    sizes: dict[str, list[tuple[str, int, int]]] = {}

    def visit(screen: str, widget: QWidget) -> None:
        found = [f"no accessible name: {name}" for name in unnamed(widget)]
        found += [f"Tab never reaches: {name}" for name in unreachable(widget)]
        if found:
            problems[screen] = found
        if screen in ("home", "meal"):
            sizes[screen] = [
                (button.text(), button.width(), button.height())
                for button in quick_logging(screen, widget)
            ]

    screens = walk(tmp_path, monkeypatch, visit)
    assert {"sign-in", "home", "meal", "person", "settings", "lock"} <= set(screens)
    assert problems == {}
    # Touch-sized quick-logging: the home's log buttons and each card's, the meal dialog's
    # per-person outcomes and Save.
    assert len(sizes["home"]) >= 5 + 3 and len(sizes["meal"]) >= 4 + 1
    small = {
        screen: [size for size in found if min(size[1:]) < TOUCH] for screen, found in sizes.items()
    }
    assert small == {"home": [], "meal": []}


def quick_logging(screen: str, root: QWidget) -> list[QAbstractButton]:
    buttons = [b for b in root.findChildren(QPushButton) if b.isVisible()]
    if screen == "meal":
        outcomes = [b for b in buttons if b.objectName() == "Segment"]
        save = root.save_button  # type: ignore[attr-defined]
        return [*outcomes, save]
    quick = [b for b in buttons if b.objectName() in ("CardButton", "PrimaryButton")]
    toolbar = [getattr(page, name) for page in _home_pages(root) for name in _HOME_BUTTONS]
    return quick + [b for b in toolbar if b.isVisible() and b not in quick]


_HOME_BUTTONS = ("activity_button", "conversation_button", "strength_button", "note_button")


def _home_pages(root: QWidget) -> list[QWidget]:
    from officer_desk.ui.home.page import HomePage

    return [page for page in root.window().findChildren(HomePage) if page.isVisible()]


# At 200% scaling a 1920x1080 screen is 960x540 logical pixels.
SCALED_SCREEN = (1920 // 2, 1080 // 2)
_SCALED_RUN = """
import json, sys
from PySide6.QtWidgets import QLayout, QWidget
from officer_desk.ui import self_test
from officer_desk.ui.launcher import main
from officer_desk.ui.home.page import HomePage
check = self_test.SelfTest._check
sizes = {}
def walked(self, screen, widget, ok, why):
    if ok and screen == "home":
        hint = self.window.minimumSizeHint()
        sizes["window"] = [hint.width(), hint.height()]
        home = self.window.findChild(HomePage)
        sizes["home"] = [home.minimumSizeHint().width(), home.minimumSizeHint().height()]
    if ok and screen == "meal":
        sizes["meal"] = [widget.sizeHint().width(), widget.sizeHint().height()]
    if ok:
        # Every screen: a page's need is the window's central widget's, a dialog's its own.
        shown = self.window.centralWidget() if widget.window() is self.window else widget.window()
        # Layouts cache their items' sizes until the pending layout request is handled, and
        # a widget's layout item keeps its minimum until the widget's geometry is updated
        # (under load a stale one was seen): measure afresh.
        for child in [shown, *shown.findChildren(QWidget)]:
            child.updateGeometry()
        for layout in [shown.layout(), *shown.findChildren(QLayout)]:
            layout.invalidate()
        hint = shown.minimumSizeHint()
        sizes["screen " + screen] = [hint.width(), hint.height()]
    check(self, screen, widget, ok, why)
self_test.SelfTest._check = walked
self_test.WINDOW_SIZE = (960, 540)
code = main(["--data-dir", sys.argv[1], "--demo", "--self-test"])
print("SIZES", json.dumps(sizes))
sys.exit(code)
"""


def test_every_screen_fits_a_1920x1080_screen_at_200_percent(tmp_path: Path) -> None:
    # The scale factor is read when the application starts: a process of its own.
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _SCALED_RUN, str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("SIZES "))
    sizes = json.loads(line.removeprefix("SIZES "))
    width, height = SCALED_SCREEN
    for name in ("window", "home", "meal"):
        assert sizes[name][0] <= width and sizes[name][1] <= height, (name, sizes[name])
    screens = {name.removeprefix("screen "): size for name, size in sizes.items() if " " in name}
    assert {"home", "person", "handover", "unit-overview", "conflicts", "meal"} <= set(screens)
    too_big = {name: size for name, size in screens.items() if size[0] > width or size[1] > height}
    assert too_big == {}
