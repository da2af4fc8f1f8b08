"""The look: Fusion style, the stylesheet and SVG icons from ``resources/``."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

log = logging.getLogger("officer_desk.ui")

# resources/ sits next to the package in the source tree (and in the PyInstaller bundle).
RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def apply_style(app: QApplication) -> None:
    # Fusion looks the same on every workstation, so the stylesheet and screenshots hold.
    app.setStyle("Fusion")
    sheet = RESOURCES / "officer_desk.qss"
    try:
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
    except OSError as error:
        # Without it the app is plainer but fully usable; not worth refusing to start.
        log.warning("stylesheet not loaded (%s)", error)


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg``; an empty icon when the file is missing."""
    path = RESOURCES / "icons" / f"{name}.svg"
    if not path.exists():
        log.warning("icon %s not found in %s", name, path.parent)
        return QIcon()
    return QIcon(str(path))
