"""The About dialog: version, where the records and the log are, licence."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from officer_desk import __version__
from officer_desk.paths import AppPaths
from officer_desk.ui.style import icon


class AboutDialog(QDialog):
    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About officer_desk"))
        self.setMinimumWidth(520)

        logo = QLabel()
        logo.setPixmap(icon("officer-desk").pixmap(64, 64))
        title = QLabel(self.tr("officer_desk {version}").format(version=__version__))
        title.setObjectName("PageTitle")
        blurb = QLabel(
            self.tr(
                "The contact officer's desk: the people you follow, their meals, activities "
                "and notes, and their preparation for release. Works offline."
            )
        )
        blurb.setWordWrap(True)

        facts = QFormLayout()
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for label, value in (
            (self.tr("Records"), str(paths.store)),
            (self.tr("Log file"), str(paths.log_file)),
            (self.tr("Qt"), f"{qVersion()} (PySide6 {PySide6.__version__})"),
            (self.tr("Licence"), "GPL-3.0-or-later"),
        ):
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            facts.addRow(label, shown)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        heading = QHBoxLayout()
        heading.setSpacing(14)
        heading.addWidget(logo)
        heading.addWidget(title, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(heading)
        layout.addWidget(blurb)
        layout.addLayout(facts)
        layout.addStretch(1)
        layout.addWidget(buttons)
