"""Help → Program log: the last lines of the app's own log, for facility IT, without a terminal.

The file is read on a thread of its own (never the GUI thread, and not the database worker,
which is for the records); the dialog shows "Reading…" until the lines arrive.  Read-only:
the lines can be copied, and the log folder opened in the file manager.
"""

from __future__ import annotations

import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from officer_desk.logs import tail
from officer_desk.ui.report_dialog import ReportDialog

LINES = 500


class _TailRead(QObject):
    """Carries the lines from the reading thread to the dialog (a queued signal)."""

    done = Signal(object)  # list[str]


class LogViewDialog(ReportDialog):
    loaded = Signal()  # the lines are shown

    def __init__(self, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__("", log_file, parent)
        self.setObjectName("LogViewDialog")
        self.setWindowTitle(self.tr("Program log"))
        self.setMinimumSize(480, 360)
        self.intro.setText(
            self.tr(
                "The last lines Officer Desk wrote to its log, newest at the bottom: what it "
                "did and the problems it met. Facility IT may ask you to copy them."
            )
        )
        self.details.setAccessibleName(self.tr("Program log"))
        self.details.setPlaceholderText(self.tr("Reading the log…"))
        self.where.setText(self.tr("Log file: {path}").format(path=log_file))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setEnabled(False)
        self.folder_button.setText(self.tr("Open log folder"))
        # Room for long lines, inside a small screen (1024x640, or 1080p at 200%).
        self.resize(QSize(860, 560).boundedTo(self.screen().availableGeometry().size() * 0.9))
        self._read()

    def _read(self) -> None:
        carrier = _TailRead()
        carrier.done.connect(self._show_lines, Qt.ConnectionType.QueuedConnection)
        self._carrier = carrier
        log_file = self.shown_file

        def read() -> None:
            lines = tail(log_file, LINES)
            if shiboken6.isValid(carrier):
                carrier.done.emit(lines)

        threading.Thread(target=read, name="officer-desk-log-view", daemon=True).start()

    @Slot(object)
    def _show_lines(self, lines: list[str]) -> None:
        if lines:
            self.details.setPlainText("\n".join(lines))
            self.copy_button.setEnabled(True)
        else:
            self.details.setPlaceholderText(
                self.tr("The log is empty: nothing has been written yet.")
            )
        # The newest line in view once the text is laid out: the long lines' scroll bar,
        # which comes with the text, takes a line's height from the view.
        QTimer.singleShot(0, self, self._show_newest)

    @Slot()
    def _show_newest(self) -> None:
        bar = self.details.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.loaded.emit()
