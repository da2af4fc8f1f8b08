"""The look: Fusion style, the stylesheet (coloured by :mod:`looks`) and SVG icons from
``resources/``."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from officer_desk.ui import looks

log = logging.getLogger("officer_desk.ui")

# resources/ sits next to the package in the source tree (and in the PyInstaller bundle).
RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def apply_style(app: QApplication, config_dir: Path | None = None, look: str | None = None) -> str:
    """Fusion, the stylesheet and the look (default: the one saved in ``config_dir``, else
    the system's light or dark); returns the look used.  Called again to change the look."""
    # Fusion looks the same on every workstation, so the stylesheet and screenshots hold.
    app.setStyle("Fusion")
    if look is None:
        look = looks.saved_look(config_dir) if config_dir is not None else looks.SYSTEM
    sheet = RESOURCES / "officer_desk.qss"
    try:
        text = sheet.read_text(encoding="utf-8")
    except OSError as error:
        # Without it the app is plainer but fully usable; not worth refusing to start.
        log.warning("stylesheet not loaded (%s)", error)
        text = ""
    return looks.apply_look(app, text, look)


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg``; an empty icon when the file is missing."""
    path = RESOURCES / "icons" / f"{name}.svg"
    if not path.exists():
        log.warning("icon %s not found in %s", name, path.parent)
        return QIcon()
    return QIcon(str(path))
