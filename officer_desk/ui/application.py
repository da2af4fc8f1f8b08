"""Wires the running application: Qt app, crash reporting, executor, window, store opening.

Only Qt is imported before the splash is up; the window and the storage stack behind it
(the slow part of start-up) are imported after, in :func:`run`.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from officer_desk.paths import AppPaths
from officer_desk.ui.crash import CrashReporter
from officer_desk.ui.first_paint import FirstPaint
from officer_desk.ui.qt_messages import route_qt_messages
from officer_desk.ui.style import apply_style, icon

if TYPE_CHECKING:
    from officer_desk.domain.errors import DeskError
    from officer_desk.ui.main_window import MainWindow

log = logging.getLogger("officer_desk.ui")


def run(args: argparse.Namespace, paths: AppPaths, *, started: float) -> int:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("officer-desk")
    app.setWindowIcon(icon("officer-desk"))
    apply_style(app)
    restore_qt_messages = route_qt_messages()
    reporter = CrashReporter(paths.log_file)
    reporter.install()

    splash = None
    if not args.self_test:
        from officer_desk.ui.splash import show_splash

        splash = show_splash(app)  # painted on return: the imports below hold the GUI thread
        if args.exit_after_paint:
            print(f"first paint: {(time.perf_counter() - started) * 1000:.0f} ms", flush=True)

    from officer_desk.app.executor import DbExecutor
    from officer_desk.ui.main_window import MainWindow
    from officer_desk.ui.opening import StoreOpening

    executor = DbExecutor()
    executor.failed.connect(reporter.report_error)
    window = MainWindow(executor, paths)
    opening = StoreOpening(executor, paths, demo=args.demo)
    opening.progress.connect(window.show_progress)
    opening.opened.connect(window.store_ready)
    if args.officer or args.exit_after_paint:
        _open_caseload_when_ready(window, args.officer)
    try:
        if args.self_test:
            from officer_desk.ui.self_test import SelfTest

            screenshots = Path(args.screenshots) if args.screenshots else None
            return SelfTest(window, opening, screenshots).run()
        opening.problem.connect(lambda error: _cannot_open(window, error, paths))
        if args.exit_after_paint:
            FirstPaint(
                window.caseload.table.viewport(),
                started,
                "first paint with data",
                then_quit=True,
                parent=window,
            ).arm_after(window.caseload.model.loaded)
        _fit_to_screen(window)
        window.show()
        if splash is not None:
            splash.close()
        opening.start()
        return app.exec()
    finally:
        window.close()
        executor.shutdown()  # finishes queued writes, then closes the store
        opening.close_unclaimed()
        for thing in (window, opening, executor, reporter, splash):
            if thing is not None:
                thing.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        reporter.uninstall()
        restore_qt_messages()


def _open_caseload_when_ready(window: MainWindow, username: str | None) -> None:
    """Skip the picker: ``username``'s caseload, or the first officer who has people."""

    def pick() -> None:
        officers = window.picker.officers
        if username:
            matches = [o for o in officers if o.username == username.lower()]
        else:
            matches = [o for o in officers if o.caseload_size > 0]
        if matches:
            window.picker.choose(matches[0])
        elif username:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "launcher", "No officer has the user name {name}."
                ).format(name=username)
            )

    window.picker.loaded.connect(pick, Qt.ConnectionType.SingleShotConnection)


def _cannot_open(parent: QWidget, error: DeskError, paths: AppPaths) -> None:
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("launcher", "officer_desk cannot open the records"),
        QCoreApplication.translate("launcher", "{message}\n\nRecords file: {path}").format(
            message=error.message, path=paths.store
        ),
    )
    QCoreApplication.exit(1)


def _fit_to_screen(window: QWidget) -> None:
    screen = window.screen().availableGeometry()
    window.resize(min(1280, int(screen.width() * 0.92)), min(800, int(screen.height() * 0.9)))
