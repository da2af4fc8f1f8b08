"""The main window: assembles the pages, menus and status bar; the pages do the work.

Pages never reach into the window; they emit signals (``chosen``, ``switch_officer``) and the
window only moves between them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.paths import AppPaths
from officer_desk.store.queries import OfficerSummary
from officer_desk.ui import words
from officer_desk.ui.about import AboutDialog
from officer_desk.ui.caseload_page import CaseloadPage
from officer_desk.ui.officer_picker import OfficerPicker
from officer_desk.ui.style import icon

APP_TITLE = "officer_desk"
STATUS_SECONDS = 8


class OpeningPage(QWidget):
    """Shown while the records open (and demo data is made) on the database worker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(self.tr("Opening records…"))
        self.message.setObjectName("PageTitle")
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy: how long a migration or a seed takes is not known
        bar.setTextVisible(False)
        bar.setFixedWidth(320)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def show_progress(self, text: str) -> None:
        self.message.setText(text)


class MainWindow(QMainWindow):
    def __init__(
        self,
        executor: DbExecutor,
        paths: AppPaths,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(icon("officer-desk"))

        self.opening = OpeningPage()
        self.picker = OfficerPicker(executor, today)
        self.caseload = CaseloadPage(executor, today)
        self.pages = QStackedWidget()
        for page in (self.opening, self.picker, self.caseload):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        self.picker.chosen.connect(self.show_caseload)
        self.caseload.switch_officer.connect(self.switch_officer)
        self.caseload.model.loaded.connect(self._show_row_count)

        self.rows_label = QLabel()
        self.statusBar().addPermanentWidget(self.rows_label)
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.switch_action = QAction(icon("switch-officer"), self.tr("&Switch officer…"), self)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.switch_action.setEnabled(False)
        self.switch_action.triggered.connect(self.switch_officer)
        file_menu.addAction(self.switch_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About officer_desk"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    @Slot(str)
    def show_progress(self, text: str) -> None:
        self.opening.show_progress(text)
        self.pages.setCurrentWidget(self.opening)

    @Slot()
    def store_ready(self) -> None:
        self.statusBar().showMessage(
            self.tr("Records: {path}").format(path=self._paths.store), STATUS_SECONDS * 1000
        )
        self.switch_officer()

    @Slot()
    def switch_officer(self) -> None:
        self.switch_action.setEnabled(False)
        self.setWindowTitle(APP_TITLE)
        self.rows_label.clear()
        self.pages.setCurrentWidget(self.picker)
        self.picker.reload()
        self.picker.focus_list()

    @Slot(object)
    def show_caseload(self, officer: OfficerSummary) -> None:
        # Only the officer's name in the title: it shows in task bars and window lists.
        self.setWindowTitle(f"{APP_TITLE} — {officer.display_name}")
        self.switch_action.setEnabled(True)
        self.caseload.show_officer(officer)
        self.pages.setCurrentWidget(self.caseload)
        self.caseload.table.setFocus()

    @Slot()
    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self._paths, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot()
    def _show_row_count(self) -> None:
        self.rows_label.setText(words.people(self.caseload.model.rowCount()))
