"""The About dialog: version, where the records and the log are, and the licences of every
component the app ships with (the LGPL asks that Qt's licence text travel with the app)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QSize, Qt, Slot, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk import __version__
from officer_desk.paths import AppPaths
from officer_desk.ui.licences import Component, components, licence_text
from officer_desk.ui.style import icon

COMPONENT_ROLE = Qt.ItemDataRole.UserRole


class AboutDialog(QDialog):
    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About Officer Desk"))
        # Small enough for a 1080p screen at 200% (960×540 logical); the lists scroll.
        self.setMinimumSize(480, 400)
        self._fit(QSize(760, 680))

        logo = QLabel()
        logo.setPixmap(icon("officer-desk").pixmap(64, 64))
        logo.setAccessibleName(self.tr("Officer Desk logo"))
        title = QLabel(self.tr("Officer Desk {version}").format(version=__version__))
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
            (self.tr("Version"), __version__),
            (self.tr("Records"), str(paths.store)),
            (self.tr("Log file"), str(paths.log_file)),
            (self.tr("Qt"), f"{qVersion()} (PySide6 {PySide6.__version__})"),
            (self.tr("Licence"), "GPL-3.0-or-later"),
        ):
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            shown.setAccessibleName(label)
            facts.addRow(label, shown)

        components_label = QLabel(self.tr("Components and their licences"))
        components_label.setObjectName("SectionTitle")
        self.components = QTreeWidget()
        self.components.setObjectName("AboutComponents")
        self.components.setAccessibleName(self.tr("Components and their licences"))
        self.components.setHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        )
        self.components.setRootIsDecorated(False)
        self.components.setUniformRowHeights(True)
        self.components.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        components_label.setBuddy(self.components)

        self.licence = QPlainTextEdit()
        self.licence.setObjectName("AboutLicenceText")
        self.licence.setAccessibleName(self.tr("Licence text"))
        self.licence.setReadOnly(True)
        self.licence.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licence.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        for component in components():
            item = QTreeWidgetItem([component.name, component.version, component.licence])
            item.setData(0, COMPONENT_ROLE, component)
            item.setToolTip(0, component.homepage)
            item.setToolTip(2, component.licence)
            self.components.addTopLevelItem(item)
        for column in range(2):
            self.components.resizeColumnToContents(column)
        self.components.currentItemChanged.connect(self._show_licence)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.components)
        splitter.addWidget(self.licence)
        splitter.setSizes([220, 200])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        heading = QHBoxLayout()
        heading.setSpacing(14)
        heading.addWidget(logo)
        heading.addWidget(title, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(heading)
        layout.addWidget(blurb)
        layout.addLayout(facts)
        layout.addWidget(components_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.setTabOrder(self.components, self.licence)
        self.setTabOrder(self.licence, buttons)
        first = self.components.topLevelItem(0)
        if first is not None:
            self.components.setCurrentItem(first)
        self.components.setFocus()

    def _fit(self, wanted: QSize) -> None:
        screen = self.screen().availableGeometry().size() if self.screen() else wanted
        self.resize(wanted.boundedTo(screen * 0.9))

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _show_licence(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            self.licence.clear()
            return
        component: Component = item.data(0, COMPONENT_ROLE)
        text = licence_text(component)
        if text is None:
            text = self.tr(
                "{name} is used under {licence}. Its licence text is not included in this "
                "installation; it can be read at {homepage}."
            ).format(
                name=component.name,
                licence=component.licence,
                homepage=component.homepage or self.tr("the component's project page"),
            )
        self.licence.setPlainText(text)
