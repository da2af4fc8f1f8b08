"""Wires the running application: Qt app, crash reporting, executor, session, window and gate.

The sign-in page is the first thing painted, in the real window: before it only Qt, the
language, the look, the window's shell and the page itself are made (whether the records are
encrypted is one look at the key-slot file).  Everything else comes after that paint, while
the person types: Qt's message routing, the crash reporter, logging, the desk with its menus,
the gate.  With ``--user`` and ``OFFICER_DESK_PASSWORD`` the launcher has started Argon2id
before Qt (``signing_in.EarlyUnlock``); the store opens on the database worker as soon as it
is done.  Nothing heavy is imported on the GUI thread at all.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from officer_desk.app.executor import DbExecutor
from officer_desk.paths import AppPaths
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.first_paint import AfterFirstPaint, FirstPaint
from officer_desk.ui.i18n import install as install_language
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.os_signals import CloseOnSignals
from officer_desk.ui.preferences import upgrade as upgrade_preferences
from officer_desk.ui.signin import SignInPage
from officer_desk.ui.style import apply_style, icon

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtCore import SignalInstance

    from officer_desk.app.signing_in import EarlyUnlock
    from officer_desk.domain.errors import DeskError
    from officer_desk.native_crash import NativeCrash
    from officer_desk.ui.gate import DeskGate

log = logging.getLogger("officer_desk.ui")

# The desktop entry's name (packaging/linux/<this>.desktop, without the extension): Wayland
# matches a window to its entry, and so to its icon and name, by it.
DESKTOP_ENTRY = "io.github.officerdesk.OfficerDesk"
GC_AT_LATEST_MS = 3_000
# A window that is never exposed (kept minimised) still gets the rest of the app.
REST_AT_LATEST_MS = 1_000


@dataclass
class _Parts:
    """What start-up made, for the clean-up when the app ends (some after the first paint)."""

    objects: list[QObject] = field(default_factory=list)
    gate: DeskGate | None = None
    early_result: Callable[[], object] | None = None
    undo: list[Callable[[], None]] = field(default_factory=list)
    last_crash: NativeCrash | None = None


def run(
    args: argparse.Namespace,
    paths: AppPaths,
    *,
    started: float,
    password: str | None = None,
    unlock: EarlyUnlock | None = None,
    platform_before: str | None = None,
    last_crash: NativeCrash | None = None,
) -> int:
    """The app until it quits.  ``password``: from ``OFFICER_DESK_PASSWORD`` (the launcher
    has removed it from the environment); ``unlock``: its Argon2id, already running;
    ``platform_before``: QT_QPA_PLATFORM as it was before the launcher added the offscreen
    fallback (None: not added); ``last_crash``: what the last run left when it died in
    native code (offered in the crash dialog once the sign-in page is painted)."""
    app = QApplication.instance()
    held: list[str] = []
    if app is None:
        # Qt's own words about a failing platform plugin blame libxcb-cursor0 whatever the
        # cause: held back, and said only if Qt did start (explain_failure speaks otherwise).
        previous = qInstallMessageHandler(lambda _kind, _context, text: held.append(text))
        app = QApplication(sys.argv[:1])
        qInstallMessageHandler(previous)
    assert isinstance(app, QApplication)
    if platform_before is not None:
        from officer_desk.ui import platform_check

        platform_check.restore(os.environ, platform_before)
        status = platform_check.explain_failure(app.platformName())
        if status:
            return status
    for text in held:
        print(text, file=sys.stderr)
    app.setApplicationName("officer-desk")
    app.setDesktopFileName(DESKTOP_ENTRY)
    upgrade_preferences(paths.config)  # before the language and look are read from it
    install_language(paths.config)  # before any text is made
    apply_style(app, paths.config)  # the look saved on this workstation, else the system's
    app.setWindowIcon(icon("officer-desk"))

    executor = DbExecutor()
    session = DeskSession()
    window = MainWindow(executor, paths, session, complete=args.self_test)
    page = SignInPage()
    window.add_page(page)
    parts = _Parts(objects=[window, session, executor])
    # SIGTERM/SIGINT end the event loop; the clean-up below then runs as for File -> Quit.
    close_on_signals = CloseOnSignals()
    close_on_signals.install()
    parts.undo.append(close_on_signals.uninstall)  # (run after the objects are deleted)
    parts.last_crash = last_crash
    try:
        if args.self_test:
            gate = _build_rest(args, paths, app, window, page, parts, started, password, unlock)
            from officer_desk.ui.self_test import SelfTest

            screenshots = Path(args.screenshots) if args.screenshots else None
            return SelfTest(window, gate, executor, screenshots).run()
        if unlock is not None or paths.key_slots.exists():
            # Encrypted records (a stat, no SQLite): the sign-in page is the first screen
            # (its own words, as the gate would set them).
            page.prepare(args.user or "")
            page.set_busy(unlock is not None)
            window.show_page(page)
        _fit_to_screen(window)
        window.show()

        def after_first_paint() -> None:
            if args.exit_after_paint and page.isVisible():
                _report_sign_in_painted(started)
            _build_rest(args, paths, app, window, page, parts, started, password, unlock)

        AfterFirstPaint(window, after_first_paint, REST_AT_LATEST_MS)
        return app.exec()
    finally:
        if parts.gate is not None:
            parts.gate.stop()
        window.close()
        executor.shutdown()  # finishes queued writes, then closes the store
        if parts.early_result is not None:
            parts.early_result()
        for thing in (*parts.objects, page):
            thing.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for undo in reversed(parts.undo):
            undo()


def _report_sign_in_painted(started: float) -> None:
    print(f"sign-in painted: {(time.perf_counter() - started) * 1000:.0f} ms", flush=True)


def _build_rest(
    args: argparse.Namespace,
    paths: AppPaths,
    app: QApplication,
    window: MainWindow,
    page: SignInPage,
    parts: _Parts,
    started: float,
    password: str | None,
    unlock: EarlyUnlock | None,
) -> DeskGate:
    """After the first paint (for the self-test: at once): logging, Qt's messages, the crash
    reporter, the desk and its menus, the gate."""
    from officer_desk.logs import configure_logging
    from officer_desk.ui.crash import CrashReporter
    from officer_desk.ui.gate import DeskGate, EarlySignIn
    from officer_desk.ui.qt_messages import route_qt_messages

    configure_logging(paths, verbose=args.verbose)
    parts.undo.append(route_qt_messages())
    reporter = CrashReporter(paths.log_file)
    reporter.install()
    parts.undo.append(reporter.uninstall)
    parts.objects.append(reporter)
    executor = window.executor
    if not args.self_test:  # the self-test reports bugs itself, without a dialog
        executor.failed.connect(reporter.report_error)
    if parts.last_crash is not None and not args.exit_after_paint:
        crash = parts.last_crash
        QTimer.singleShot(0, reporter, lambda: reporter.offer_native_crash(crash))
    early = None
    if unlock is not None:
        early = EarlySignIn(executor, paths, unlock)
        parts.objects.append(early)
    window.complete()
    # For whoever reads the log after a problem (and the signal test): how far the desk got.
    window.later_parts_built.connect(lambda: log.info("desk settled after its first screen"))
    gate = DeskGate(window, executor, window.session, paths, demo=args.demo, sign_in_page=page)
    parts.gate = gate
    parts.objects.append(gate)
    if early is not None:

        def close_early_store() -> None:
            if early.result is not None and gate.store is None:
                early.result[0].close()  # signed in after the window was gone

        parts.early_result = close_early_store
    _collect_garbage_after_first_screen(window, gate)
    if args.self_test:
        return gate
    gate.problem.connect(lambda error: _cannot_open(window, error, paths))
    if args.exit_after_paint:
        _report_start_up(args, gate, window, executor, started, password)
    gate.start(early=early, username=args.user or "")
    # The GUI thread's idle time while a password is checked or typed: get the desk ready.
    if early is not None:
        QTimer.singleShot(0, window, window.prepare_desk)

    def prepare_while_typing() -> None:
        from officer_desk.ui.gate import when_idle

        window.prepare_desk()
        # Garbage collection resumes once the desk is built and the worker has loaded the
        # sign-in stack, with all of that frozen out of its passes: resumed at the page's
        # first paint, a full pass over it fell into Enter -> home.
        when_idle(executor, _resume_garbage_collection, owner=window)

    gate.waiting.connect(lambda: QTimer.singleShot(0, window, prepare_while_typing))
    return gate


def _collect_garbage_after_first_screen(window: MainWindow, gate: DeskGate) -> None:
    """Resume the cyclic garbage collector the launcher paused once the first screen is
    painted (the home screen; a refusal or notice; for the sign-in page, once the desk behind
    it is ready: ``_build_rest``)."""
    resume_garbage_collection_on(
        [window.desk.screen_ready, gate.refused, gate.stopped, gate.problem]
    )


def resume_garbage_collection_on(signals: Sequence[SignalInstance]) -> None:
    """Resume a paused cyclic garbage collector at the first of these signals, or after
    GC_AT_LATEST_MS.  What start-up made is frozen out of its passes first: it lives as long
    as the app, and a full pass over it holds the interpreter lock for some 30 ms."""

    for signal in signals:
        signal.connect(_resume_garbage_collection)
    QTimer.singleShot(GC_AT_LATEST_MS, _resume_garbage_collection)


def _resume_garbage_collection() -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _report_start_up(
    args: argparse.Namespace,
    gate: DeskGate,
    window: MainWindow,
    executor: DbExecutor,
    started: float,
    password: str | None,
) -> None:
    """For benchmarks/startup_bench.py: print when each screen is painted, then quit.

    Without a password: the sign-in page.  With ``--user`` and the password: the signed-in
    officer's home with its data.  With ``--bench-type-password`` also: the sign-in page,
    then (once the worker has loaded what the check needs, as it has by the time a person
    has typed) the password typed in, and the time from Enter to the painted home.
    """
    from officer_desk.ui.gate import when_idle

    def give_up(why: str) -> None:
        print(f"not signed in: {why}", flush=True)
        QCoreApplication.exit(1)

    gate.stopped.connect(give_up)
    gate.refused.connect(give_up)

    def home_painted(what: str, since: float) -> None:
        # The paint after the caseload is in, not after the worker is idle: after the first
        # screen it goes on loading the use cases and auditing the sign-in (see gate.py).
        desk = window.centralWidget()
        assert desk is not None
        painted = FirstPaint(desk, since, what, then_quit=not args.bench_settle, parent=window)
        painted.arm_after(window.desk.model.loaded)
        if args.bench_settle:
            window.later_parts_built.connect(
                lambda: when_idle(executor, settled, owner=window),
                Qt.ConnectionType.SingleShotConnection,
            )

    def settled() -> None:
        print(f"home settled: {(time.perf_counter() - started) * 1000:.0f} ms", flush=True)
        QCoreApplication.exit(0)

    if args.user and password and not args.bench_type_password:
        home_painted("home painted", started)
        return

    def sign_in_painted() -> None:
        # "sign-in painted" was printed at the page's first paint (run()), before the gate.
        if not (args.bench_type_password and args.user and password):
            QCoreApplication.exit(0)
            return
        when_idle(executor, type_password, owner=gate)

    def type_password() -> None:
        page = gate.sign_in_page
        ahead = page.key_ahead
        if args.bench_pause and ahead is not None:
            # The person pauses before Enter: Enter once the key for the text is derived.
            ahead.ready.connect(enter, Qt.ConnectionType.SingleShotConnection)
        page.username.setText(args.user)
        page.password.setText(password or "")
        if not (args.bench_pause and ahead is not None):
            enter()

    def enter() -> None:
        home_painted("sign-in to home", time.perf_counter())
        gate.sign_in_page.button.click()

    gate.waiting.connect(sign_in_painted, Qt.ConnectionType.SingleShotConnection)


def _cannot_open(parent: QWidget, error: DeskError, paths: AppPaths) -> None:
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("launcher", "Officer Desk cannot open the records"),
        QCoreApplication.translate("launcher", "{message}\n\nRecords file: {path}").format(
            message=error.message, path=paths.store
        ),
    )
    QCoreApplication.exit(1)


def _fit_to_screen(window: QWidget) -> None:
    screen = window.screen().availableGeometry()
    window.resize(min(1280, int(screen.width() * 0.92)), min(800, int(screen.height() * 0.9)))
