"""The look: light, dark or high contrast; the saved choice of this workstation.

``resources/officer_desk.qss`` names its colours (``@text``, ``@accent``…); a look fills them
in and gives Qt a matching :class:`QPalette` (what the Fusion style paints with where the
stylesheet says nothing: menus, scroll bars, text fields, focus frames).  Every text colour
is chosen so that it reads at WCAG AA (4.5:1) on the background it is drawn on — the unit
tests check the pairs in :data:`TEXT_PAIRS` for every look.

Like the language, the choice is a preference of this workstation's account, kept in
``<config>/preferences.ini`` (no records involved, nothing audited).  Without a choice the
system's colour scheme decides between light and dark.  A change applies at once.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from officer_desk.ui.preferences import open_preferences

log = logging.getLogger("officer_desk.ui")

SYSTEM = ""  # no choice saved: light or dark as the system is set up
LIGHT = "light"
DARK = "dark"
HIGH_CONTRAST = "high-contrast"
_KEY = "interface/look"

LIGHT_COLOURS: dict[str, str] = {
    "window": "#f4f6f8",
    "base": "#ffffff",
    "alt_base": "#f7f9fb",
    "header": "#eaeef2",
    "grid": "#e6ebf0",
    "neutral_bg": "#eef1f4",
    "text": "#1d2b36",
    "text_soft": "#33414d",
    "muted": "#50606e",
    "quiet": "#5f6c78",  # was #7a8793: 3.6:1 on white, below AA
    "disabled_text": "#9aa6b1",
    "border": "#d5dce3",
    "border_soft": "#c3ccd5",
    "button_border": "#b8c4cf",
    "selection": "#d6e6f4",
    "selection_text": "#1d2b36",
    "accent": "#2b5f8a",
    "accent_hover": "#244f73",
    "accent_disabled": "#9db3c6",
    "on_accent": "#ffffff",
    "neutral_strong": "#50606e",
    "danger": "#a4262c",
    "danger_bg": "#fbe9ea",
    "danger_border": "#efc3c5",
    "danger_text": "#8a1f24",
    "warn_bg": "#fff4de",
    "warn_border": "#f0d9a8",
    "warn_text": "#6b4500",
    "good": "#2f6b3a",
    "good_bg": "#e3f1e6",
    "good_border": "#b9dcc0",
    "good_text": "#245a2e",
}

DARK_COLOURS: dict[str, str] = {
    "window": "#1b1f24",
    "base": "#242a31",
    "alt_base": "#2a3038",
    "header": "#2e353e",
    "grid": "#333b44",
    "neutral_bg": "#2e353e",
    "text": "#e8edf2",
    "text_soft": "#cdd5dd",
    "muted": "#a9b4bf",
    "quiet": "#9aa6b1",
    "disabled_text": "#6c7782",
    "border": "#3d4650",
    "border_soft": "#4a5460",
    "button_border": "#5a6574",
    "selection": "#2f4d6b",
    "selection_text": "#ffffff",
    # On dark, the accent is light and the text on it dark (white on a light blue fails AA).
    "accent": "#8cc0ec",
    "accent_hover": "#a9d1f3",
    "accent_disabled": "#46586a",
    "on_accent": "#10202e",
    "neutral_strong": "#b4bec8",
    "danger": "#f29a9a",
    "danger_bg": "#3d2326",
    "danger_border": "#6b3236",
    "danger_text": "#f7b3b6",
    "warn_bg": "#3a2f18",
    "warn_border": "#6b5527",
    "warn_text": "#f0c674",
    "good": "#8fd49d",
    "good_bg": "#1f3626",
    "good_border": "#355e40",
    "good_text": "#a6dfb1",
}

# Black and white, a yellow accent, strong borders: for low vision and glare.
HIGH_CONTRAST_COLOURS: dict[str, str] = {
    "window": "#000000",
    "base": "#000000",
    "alt_base": "#141414",
    "header": "#1f1f1f",
    "grid": "#808080",
    "neutral_bg": "#000000",
    "text": "#ffffff",
    "text_soft": "#ffffff",
    "muted": "#e6e6e6",
    "quiet": "#d9d9d9",
    "disabled_text": "#a6a6a6",
    "border": "#ffffff",
    "border_soft": "#cccccc",
    "button_border": "#ffffff",
    "selection": "#ffff00",
    "selection_text": "#000000",
    "accent": "#ffff00",
    "accent_hover": "#ffff99",
    "accent_disabled": "#5c5c00",
    "on_accent": "#000000",
    "neutral_strong": "#cccccc",
    "danger": "#ff8c8c",
    "danger_bg": "#000000",
    "danger_border": "#ff8c8c",
    "danger_text": "#ffa6a6",
    "warn_bg": "#000000",
    "warn_border": "#ffd633",
    "warn_text": "#ffd633",
    "good": "#8cff8c",
    "good_bg": "#000000",
    "good_border": "#8cff8c",
    "good_text": "#8cff8c",
}

# Fusion draws check boxes and field frames a shade off the window colour: on black that is
# black.  High contrast gives them white frames (and a filled box when checked).
_EXTRA_SHEETS: dict[str, str] = {
    HIGH_CONTRAST: """
QCheckBox::indicator, QRadioButton::indicator {
    width: 14px; height: 14px; border: 2px solid #ffffff; background: #000000;
}
QRadioButton::indicator { border-radius: 9px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked {
    background: #ffff00; border-color: #ffffff;
}
QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit {
    border: 1px solid #ffffff; background: #000000; color: #ffffff; padding: 3px;
}
QComboBox:focus, QLineEdit:focus, QAbstractSpinBox:focus, QTextEdit:focus,
QPlainTextEdit:focus { border: 2px solid #ffff00; }
QPushButton:focus { border: 2px solid #ffff00; }
""",
}

LOOKS: dict[str, dict[str, str]] = {
    LIGHT: LIGHT_COLOURS,
    DARK: DARK_COLOURS,
    HIGH_CONTRAST: HIGH_CONTRAST_COLOURS,
}

# (text, background) pairs the stylesheet draws text with: each must reach 4.5:1.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("text", "base"),
    ("text", "alt_base"),
    ("text", "header"),
    ("text_soft", "base"),
    ("text_soft", "header"),
    ("muted", "base"),
    ("muted", "window"),
    ("muted", "neutral_bg"),
    ("quiet", "base"),
    ("selection_text", "selection"),
    ("accent", "base"),  # link buttons
    ("on_accent", "accent"),
    ("on_accent", "accent_hover"),
    ("on_accent", "danger"),
    ("on_accent", "good"),
    ("on_accent", "neutral_strong"),
    ("danger", "base"),
    ("danger", "window"),
    ("danger_text", "danger_bg"),
    ("warn_text", "warn_bg"),
    ("warn_text", "base"),
    ("good_text", "good_bg"),
    # Colours the code draws with (looks.colour): table cells, the status bar, the chart.
    ("danger", "alt_base"),
    ("danger_text", "base"),
    ("warn_text", "window"),
    ("warn_text", "alt_base"),
    ("good", "base"),
    ("good", "alt_base"),
    ("good", "window"),
    ("quiet", "window"),
    ("accent", "window"),
    ("muted", "alt_base"),
    ("text_soft", "neutral_bg"),
    ("text_soft", "window"),
)

_TOKEN = re.compile(r"@([a-z_]+)")


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1.0 to 21.0)."""

    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = []
        for value in (c.redF(), c.greenF(), c.blueF()):
            channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def fill(sheet: str, colours: dict[str, str]) -> str:
    """The stylesheet with each ``@name`` replaced by the look's colour (unknown names kept)."""
    return _TOKEN.sub(lambda m: colours.get(m.group(1), m.group(0)), sheet)


def palette(colours: dict[str, str]) -> QPalette:
    """A Qt palette from a look's colours, for what the stylesheet leaves to the style."""
    p = QPalette()
    role = QPalette.ColorRole
    c = {name: QColor(value) for name, value in colours.items()}
    for r, name in (
        (role.Window, "window"),
        (role.WindowText, "text"),
        (role.Base, "base"),
        (role.AlternateBase, "alt_base"),
        (role.Text, "text"),
        (role.Button, "base"),
        (role.ButtonText, "text"),
        (role.BrightText, "on_accent"),
        (role.Highlight, "accent"),
        (role.HighlightedText, "on_accent"),
        (role.ToolTipBase, "base"),
        (role.ToolTipText, "text"),
        (role.PlaceholderText, "muted"),
        (role.Link, "accent"),
        (role.LinkVisited, "accent"),
        (role.Light, "header"),
        (role.Midlight, "border"),
        (role.Mid, "border_soft"),
        (role.Dark, "button_border"),
        (role.Shadow, "window"),
    ):
        p.setColor(r, c[name])
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(disabled, r, c["disabled_text"])
    return p


def system_look() -> str:
    """Dark when the system's colour scheme is dark, otherwise light."""
    hints = QGuiApplication.styleHints()
    return DARK if hints.colorScheme() == Qt.ColorScheme.Dark else LIGHT


def saved_look(config_dir: Path) -> str:
    """The saved choice, or :data:`SYSTEM` when there is none (or it is unknown)."""
    value = _settings(config_dir).value(_KEY, SYSTEM)
    return value if isinstance(value, str) and value in LOOKS else SYSTEM


def save_look(config_dir: Path, look: str) -> None:
    if look != SYSTEM and look not in LOOKS:
        raise ValueError(f"unknown look {look!r}")
    settings = _settings(config_dir)
    if look == SYSTEM:
        settings.remove(_KEY)
    else:
        settings.setValue(_KEY, look)
    settings.sync()


class _Follower:
    """Keeps the look in step with the system's colour scheme while no choice is saved."""

    def __init__(self) -> None:
        self.sheet = ""
        self.following = False
        self.connected = False

    def scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        app = QApplication.instance()
        if self.following and isinstance(app, QApplication):
            _apply(app, self.sheet, system_look())


_follower = _Follower()
_current = LIGHT


def current_look() -> str:
    return _current


def colour(name: str) -> QColor:
    """The current look's colour ``name`` (one of the keys of :data:`LIGHT_COLOURS`), for
    what code paints itself: model foregrounds, charts.  Read it when painting, not once at
    import, so a change of look shows at the next repaint."""
    return QColor(LOOKS.get(_current, LIGHT_COLOURS)[name])


def apply_look(app: QApplication, sheet: str, look: str = SYSTEM) -> str:
    """Give ``app`` the look (:data:`SYSTEM`: the system's); returns the look used."""
    _follower.sheet = sheet
    _follower.following = look == SYSTEM
    if not _follower.connected:
        QGuiApplication.styleHints().colorSchemeChanged.connect(_follower.scheme_changed)
        _follower.connected = True
    return _apply(app, sheet, look or system_look())


def _apply(app: QApplication, sheet: str, look: str) -> str:
    global _current
    colours = LOOKS.get(look, LIGHT_COLOURS)
    app.setPalette(palette(colours))
    app.setStyleSheet(fill(sheet, colours) + _EXTRA_SHEETS.get(look, ""))
    _current = look if look in LOOKS else LIGHT
    return _current


def _settings(config_dir: Path) -> QSettings:
    return open_preferences(config_dir)
