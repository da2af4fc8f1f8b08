"""File → Look…: light, dark or high contrast on this workstation, applied at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.ui import looks
from officer_desk.ui.style import apply_style


class LookDialog(QDialog):
    """Follow the system, light, dark or high contrast; saved and shown at once."""

    def __init__(self, config_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config_dir = config_dir
        self.setWindowTitle(self.tr("Look"))
        self.setAccessibleName(self.tr("Look"))
        intro = QLabel(
            self.tr(
                "The colours of officer_desk on this workstation, for everyone who signs in here."
            )
        )
        intro.setWordWrap(True)
        names = {
            looks.LIGHT: self.tr("Light"),
            looks.DARK: self.tr("Dark"),
            looks.HIGH_CONTRAST: self.tr("High contrast"),
        }
        self.choices: dict[str, QRadioButton] = {
            looks.SYSTEM: QRadioButton(
                self.tr("As the computer is set up (now: {look})").format(
                    look=names[looks.system_look()]
                )
            ),
            **{look: QRadioButton(name) for look, name in names.items()},
        }
        self._group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in self.choices.values():
            button.setAccessibleName(button.text())
            self._group.addButton(button)
            layout.addWidget(button)
        self.choices[looks.saved_look(config_dir)].setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return next(look for look, button in self.choices.items() if button.isChecked())

    def save(self) -> None:
        chosen = self.chosen()
        looks.save_look(self._config_dir, chosen)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, look=chosen)
        self.accept()
