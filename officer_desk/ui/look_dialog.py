"""File → Look…: light, dark or high contrast on this workstation, applied at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)

from officer_desk.ui import looks
from officer_desk.ui.choice_dialog import WorkstationChoiceDialog
from officer_desk.ui.style import apply_style


class LookDialog(WorkstationChoiceDialog):
    """Follow the system, light, dark or high contrast; saved and shown at once."""

    def __init__(self, config_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config_dir = config_dir
        names = {
            looks.LIGHT: self.tr("Light"),
            looks.DARK: self.tr("Dark"),
            looks.HIGH_CONTRAST: self.tr("High contrast"),
        }
        self.build(
            self.tr("Look"),
            self.tr(
                "The colours of Officer Desk on this workstation, for everyone who signs in here."
            ),
            {
                looks.SYSTEM: self.tr("As the computer is set up (now: {look})").format(
                    look=names[looks.system_look()]
                ),
                **names,
            },
            looks.saved_look(config_dir),
        )

    def save(self) -> None:
        chosen = self.chosen()
        looks.save_look(self._config_dir, chosen)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, look=chosen)
        self.accept()
