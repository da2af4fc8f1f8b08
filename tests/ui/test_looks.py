"""Light, dark and high-contrast looks: readable colours, saved per workstation, applied live."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from officer_desk.ui import looks
from officer_desk.ui.look_dialog import LookDialog
from officer_desk.ui.style import RESOURCES, apply_style

SHEET = (RESOURCES / "officer_desk.qss").read_text(encoding="utf-8")


def test_contrast_ratio_matches_the_wcag_examples() -> None:
    assert looks.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert looks.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WCAG's own threshold example: #767676 on white is just above 4.5:1.
    assert looks.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert looks.contrast_ratio("#777777", "#ffffff") < 4.5


@pytest.mark.parametrize("look", sorted(looks.LOOKS))
def test_every_text_colour_reads_at_wcag_aa(look: str) -> None:
    colours = looks.LOOKS[look]
    weak = [
        f"{fg} on {bg}: {looks.contrast_ratio(colours[fg], colours[bg]):.2f}"
        for fg, bg in looks.TEXT_PAIRS
        if looks.contrast_ratio(colours[fg], colours[bg]) < 4.5
    ]
    assert weak == []


def test_every_look_fills_every_colour_the_stylesheet_names() -> None:
    without_comments = re.sub(r"/\*.*?\*/", "", SHEET, flags=re.S)
    used = set(re.findall(r"@([a-z_]+)", without_comments))
    assert {"text", "base", "accent", "on_accent"} <= used
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", without_comments), "a colour outside the looks"
    for look, colours in looks.LOOKS.items():
        assert used <= set(colours), look
        assert "@" not in re.sub(r"/\*.*?\*/", "", looks.fill(SHEET, colours), flags=re.S)
        assert set(colours) == set(looks.LIGHT_COLOURS), look


def test_the_choice_is_saved_per_workstation(tmp_path: Path) -> None:
    assert looks.saved_look(tmp_path) == looks.SYSTEM
    looks.save_look(tmp_path, looks.HIGH_CONTRAST)
    assert looks.saved_look(tmp_path) == looks.HIGH_CONTRAST
    looks.save_look(tmp_path, looks.SYSTEM)
    assert looks.saved_look(tmp_path) == looks.SYSTEM
    with pytest.raises(ValueError, match="unknown look"):
        looks.save_look(tmp_path, "purple")
    # A hand-edited, unknown value is ignored rather than breaking the start.
    (tmp_path / "preferences.ini").write_text("[interface]\nlook=purple\n")
    assert looks.saved_look(tmp_path) == looks.SYSTEM


def test_start_up_applies_the_saved_look(qapp: QApplication, tmp_path: Path) -> None:
    looks.save_look(tmp_path, looks.DARK)
    try:
        assert apply_style(qapp, tmp_path) == looks.DARK
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#1b1f24"
        assert looks.DARK_COLOURS["text"] in qapp.styleSheet()
        assert "@text" not in qapp.styleSheet()
    finally:
        apply_style(qapp, look=looks.LIGHT)
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#f4f6f8"


def test_the_dialog_saves_and_applies_at_once(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    dialog = LookDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.choices[looks.SYSTEM].isChecked()
    assert all(button.accessibleName() for button in dialog.choices.values())
    dialog.choices[looks.HIGH_CONTRAST].setChecked(True)
    try:
        dialog.save()
        assert looks.saved_look(tmp_path) == looks.HIGH_CONTRAST
        assert looks.current_look() == looks.HIGH_CONTRAST
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"
        assert looks.HIGH_CONTRAST_COLOURS["accent"] in qapp.styleSheet()
    finally:
        apply_style(qapp, look=looks.LIGHT)


# Colours that do not depend on the look:
# each avatar is white initials on a fixed dark colour (a name's colour, the same in every look).
_OWN_COLOURS = {"avatar.py", "looks.py"}


def test_the_code_paints_with_the_looks_colours_only() -> None:
    ui = Path(looks.__file__).parent
    strays = [
        f"{path.relative_to(ui)}:{n}: {line.strip()}"
        for path in sorted(ui.rglob("*.py"))
        if path.name not in _OWN_COLOURS
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?!\w)", line)
    ]
    assert strays == []


def test_colour_follows_the_look(qapp: QApplication) -> None:
    try:
        for look, colours in looks.LOOKS.items():
            apply_style(qapp, look=look)
            assert looks.colour("danger").name() == colours["danger"]
            assert looks.colour("accent").name() == colours["accent"]
    finally:
        apply_style(qapp, look=looks.LIGHT)
    assert looks.colour("danger").name() == looks.LIGHT_COLOURS["danger"]


def test_stylesheet_states_take_the_looks_colour(qtbot: QtBot, qapp: QApplication) -> None:
    """The sync indicator's tone and a release item's due date are styled by the sheet
    through a property; the colour a label is painted in changes with the look."""
    from PySide6.QtWidgets import QLabel

    label = QLabel("Overdue")
    label.setObjectName("ItemDue")
    label.setProperty("urgency", "overdue")
    qtbot.addWidget(label)
    try:
        for look, colours in looks.LOOKS.items():
            apply_style(qapp, look=look)
            label.style().unpolish(label)
            label.style().polish(label)
            role = QPalette.ColorRole.WindowText
            assert label.palette().color(role).name() == colours["danger"], look
    finally:
        apply_style(qapp, look=looks.LIGHT)
