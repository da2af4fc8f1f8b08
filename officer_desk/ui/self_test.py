"""``--self-test``: open every main screen offscreen, wait for its data, report what failed.

Each step waits on the signal that says the screen's data is in (no sleeps), all within
one deadline, so a hang becomes a failure message instead of a stuck process.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget

from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.opening import StoreOpening

log = logging.getLogger("officer_desk.ui")

TIMEOUT_SECONDS = 60.0
# Big enough that the screenshots show a whole caseload; what a 1366x768 screen gives a window.
WINDOW_SIZE = (1280, 720)


class SelfTestFailed(Exception):
    pass


class SelfTest:
    def __init__(
        self,
        window: MainWindow,
        opening: StoreOpening,
        screenshots: Path | None = None,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self.window = window
        self.opening = opening
        self.screenshots = screenshots
        self.deadline = time.monotonic() + timeout
        self.screens: list[str] = []

    def run(self) -> int:
        try:
            self._run()
        except SelfTestFailed as failure:
            print(f"self-test: FAILED: {failure}", flush=True)
            return 1
        print(f"self-test: OK ({len(self.screens)} screens)", flush=True)
        return 0

    def _run(self) -> None:
        if self.screenshots is not None:
            self.screenshots.mkdir(parents=True, exist_ok=True)
        window = self.window
        window.resize(*WINDOW_SIZE)
        window.show()

        fired, args = self._wait(
            "the records to open", [self.opening.opened, self.opening.problem], self.opening.start
        )
        if fired == 1:
            raise SelfTestFailed(f"the records could not be opened: {args[0]}")
        # store_ready (connected to ``opened``) has asked the picker for its list already.
        self._wait("the officer list", [window.picker.loaded])
        officers = window.picker.officers
        self._check(
            "officer-picker",
            window,
            window.picker.isVisible() and bool(officers),
            "no officers are registered in this store",
        )

        with_people = [o for o in officers if o.caseload_size > 0]
        if not with_people:
            raise SelfTestFailed("no officer has anyone assigned, so no caseload to show")
        model = window.caseload.model
        self._wait("the caseload", [model.loaded], lambda: window.picker.choose(with_people[0]))
        self._check(
            "caseload",
            window,
            window.caseload.table.isVisible() and model.rowCount() > 0,
            f"the caseload of {with_people[0].username} shows no rows",
        )

        about = window.show_about()
        self._check("about", about, about.isVisible(), "the About dialog did not open")
        about.close()

    def _wait(
        self,
        what: str,
        signals: list[SignalInstance],
        trigger: Callable[[], None] | None = None,
    ) -> tuple[int, tuple[object, ...]]:
        """Run the event loop until one of ``signals`` fires: which one, and its arguments."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise SelfTestFailed(f"out of time before waiting for {what}")
        loop = QEventLoop()
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
        if not fired:
            loop.exec()
        timer.stop()
        for signal, note in connections:
            signal.disconnect(note)
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
