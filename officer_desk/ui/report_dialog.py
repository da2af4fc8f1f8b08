"""A read-only text for facility IT (a crash's details, the program log's last lines): the
text in a fixed font, where its file is, buttons to copy it and to open the file's folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the file manager; False when the system has none to open it with."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ReportDialog(QDialog):
    """The subclass sets the words: ``intro`` above the text, ``where`` (the file's path,
    selectable) below it, ``copy_button`` (copies the text) and ``folder_button`` (opens the
    folder of ``file``)."""

    def __init__(self, text: str, file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown_file = file
        self.intro = QLabel()
        self.intro.setWordWrap(True)

        self.details = QPlainTextEdit(text)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button = QPushButton()
        self.folder_button.setToolTip(str(file.parent))
        self.folder_button.clicked.connect(self.open_folder)
        for button in (self.copy_button, self.folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.where)
        layout.addWidget(buttons)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    @Slot()
    def open_folder(self) -> None:
        open_folder(self.shown_file.parent)
