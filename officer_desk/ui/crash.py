"""The one place bugs go: log the traceback, then show it in a dialog the person can copy from.

Errors from the environment (a locked or damaged store) are not bugs and never come here;
they are shown in plain words where they happen.  This catches what nobody handled: an
exception in a slot, in another thread, or in database work without an ``on_error``.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)

from officer_desk.ui.report_dialog import ReportDialog

if TYPE_CHECKING:
    from officer_desk.native_crash import NativeCrash

log = logging.getLogger("officer_desk.ui")


class CrashDialog(ReportDialog):
    """What went wrong, in a read-only box with a button that copies it for facility IT.

    With ``native_crash`` (the file faulthandler filled when the last run died in native
    code) it says so, shows that file's path and offers its folder instead of the log's."""

    def __init__(
        self,
        details: str,
        log_file: Path,
        parent: QWidget | None = None,
        *,
        native_crash: Path | None = None,
    ) -> None:
        super().__init__(details, native_crash or log_file, parent)
        self.setObjectName("CrashDialog")
        self.resize(720, 460)
        if native_crash is None:
            self.setWindowTitle(self.tr("Officer Desk ran into a problem"))
            intro = self.tr(
                "Something went wrong inside Officer Desk. Everything saved before this "
                "moment is safe. Please copy the details below and give them to facility IT, "
                "together with what you were doing."
            )
            where = self.tr("The full log is in: {path}")
        else:
            self.setWindowTitle(self.tr("Officer Desk closed unexpectedly"))
            intro = self.tr(
                "Officer Desk stopped unexpectedly the last time it ran. Everything saved "
                "before then is safe. Please give the crash report below to facility IT, "
                "together with what you were doing at the time."
            )
            where = self.tr("The crash report is in: {path}")
        self.intro.setText(intro)
        self.where.setText(where.format(path=self.shown_file))
        self.copy_button.setText(self.tr("Copy details"))
        self.folder_button.setText(self.tr("Open folder"))


class CrashReporter(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook``; shows one dialog at a time."""

    # Crosses from whichever thread failed to the GUI thread; widgets are made only there.
    _report = Signal(str)

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log_file = log_file
        self._showing = False
        self._previous_hooks: tuple[object, object] | None = None
        # Queued even on the GUI thread, so the dialog opens after the failing slot unwinds.
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            self._previous_hooks = None

    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        log.error("unhandled exception:\n%s", text)
        self._deliver(text)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        text = f"in thread {name}:\n" + "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        log.error("unhandled exception %s", text)
        self._deliver(text)

    @Slot(object)
    def report_error(self, error: BaseException) -> None:
        """For :attr:`DbExecutor.failed`: the executor has logged it already."""
        self._deliver("".join(traceback.format_exception(error)))

    def _deliver(self, text: str) -> None:
        if QApplication.instance() is None or not shiboken6.isValid(self):
            print(text, file=sys.stderr)  # too early or too late for a dialog
            return
        self._report.emit(text)

    def offer_native_crash(self, crash: NativeCrash) -> CrashDialog | None:
        """At start-up, after the last run died in native code: the crash dialog with what
        faulthandler wrote, not blocking the start (the person may sign in first)."""
        if self._showing:
            return None
        log.warning("the last run crashed; its report: %s", crash.path)
        dialog = CrashDialog(
            crash.text, self._log_file, QApplication.activeWindow(), native_crash=crash.path
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot(str)
    def _show(self, text: str) -> None:
        if self._showing:
            # A bug that repeats (say, in a paint event) must not stack up dialogs.
            log.info("another error while the crash dialog is open; see the log")
            return
        self._showing = True
        try:
            dialog = CrashDialog(text, self._log_file, QApplication.activeWindow())
            dialog.exec()
            dialog.deleteLater()
        finally:
            self._showing = False
