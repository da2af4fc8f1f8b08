"""The About dialog: version, and every bundled component with its licence and licence text."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from email.message import Message
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from officer_desk import __version__, paths
from officer_desk.ui import licences
from officer_desk.ui.about import COMPONENT_ROLE, AboutDialog


@pytest.fixture(autouse=True)
def fresh_components() -> Iterator[None]:
    licences.components.cache_clear()
    yield
    licences.components.cache_clear()


def open_dialog(qtbot: QtBot) -> AboutDialog:
    dialog = AboutDialog(paths.app_paths())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def rows(dialog: AboutDialog) -> dict[str, tuple[str, str]]:
    tree = dialog.components
    return {
        tree.topLevelItem(i).text(0): (tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2))
        for i in range(tree.topLevelItemCount())
    }


def select(dialog: AboutDialog, name: str) -> None:
    tree = dialog.components
    (item,) = [
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == name
    ]
    tree.setCurrentItem(item)


def test_lists_the_app_python_qt_and_the_installed_dependencies(qtbot: QtBot) -> None:
    listed = rows(open_dialog(qtbot))
    assert listed["officer_desk"] == (__version__, "GPL-3.0-or-later")
    assert listed["Python"][0] == sys.version.split()[0]
    assert listed["Qt"] == (metadata.version("PySide6-Essentials"), "LGPL-3.0-only")
    assert listed["SQLAlchemy"] == (metadata.version("SQLAlchemy"), "MIT")
    assert listed["sqlcipher3"][1] == "Zlib"
    assert listed["SQLCipher (with SQLite)"][0].startswith("4.")
    for name in (
        "sqlmodel",
        "pydantic",
        "alembic",
        "platformdirs",
        "argon2-cffi",
        "cryptography",
        "uuid6",
        "httpx",
    ):
        assert name in listed, name
    # Test and hub tools are not part of the desk.
    assert not {"pytest", "fastapi", "uvicorn", "hypothesis"} & set(listed)
    assert all(licence for _version, licence in listed.values())


def test_selecting_a_component_shows_its_licence_text(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.licence.toPlainText()  # officer_desk first
    select(dialog, "Qt")
    text = dialog.licence.toPlainText()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "Version 3, 29 June 2007" in text
    select(dialog, "SQLAlchemy")
    assert "MIT" in dialog.licence.toPlainText() or "Permission" in dialog.licence.toPlainText()


def test_keyboard_moves_through_the_components(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.waitUntil(dialog.components.hasFocus)
    before = dialog.licence.toPlainText()
    qtbot.keyClick(dialog.components, Qt.Key.Key_Down)
    assert dialog.components.currentItem().text(0) == "Python"
    assert dialog.licence.toPlainText() != before
    for widget in (dialog.components, dialog.licence):
        assert widget.accessibleName()


def test_the_bundle_reads_its_manifest_and_copied_texts(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = licences.write_bundle(tmp_path / "licences")
    manifest = json.loads((tmp_path / "licences" / "components.json").read_text())
    assert [entry["name"] for entry in manifest] == [c.name for c in listed]
    qt = next(entry for entry in manifest if entry["name"] == "Qt")
    assert qt["texts"] == ["Qt/LGPL-3.0.txt", "Qt/GPL-3.0.txt"]

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    # What the packaged app shows comes from the manifest, not from (absent) metadata.
    monkeypatch.setattr(licences, "installed_components", _fail)
    dialog = open_dialog(qtbot)
    select(dialog, "Qt")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence.toPlainText()
    component = dialog.components.currentItem().data(0, COMPONENT_ROLE)
    assert component.texts[0].is_relative_to(tmp_path / "licences")


def test_a_missing_licence_text_says_where_to_read_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "licences"
    folder.mkdir()
    entry = {
        "name": "Example",
        "version": "1.0",
        "licence": "MIT",
        "homepage": "https://example.org",
        "texts": ["Example/LICENSE"],
    }
    (folder / "components.json").write_text(json.dumps([entry]))
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    dialog = open_dialog(qtbot)
    text = dialog.licence.toPlainText()
    assert "Example is used under MIT" in text
    assert "https://example.org" in text


def _fail() -> Any:
    raise AssertionError("the bundle must not read installed metadata")


def _meta(**fields: str | list[str]) -> Message:
    message = Message()
    for key, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            message[key.replace("_", "-")] = one
    return message


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"License_Expression": "Apache-2.0 OR BSD-3-Clause", "License": "BSD"},
            "Apache-2.0 OR BSD-3-Clause",
        ),
        ({"License": "MIT"}, "MIT"),
        (
            {
                "License": "Copyright (c) someone\n\nPermission is hereby granted…",
                "Classifier": ["License :: OSI Approved :: BSD License", "Topic :: Database"],
            },
            "BSD",
        ),
        ({"License": "UNKNOWN"}, licences.UNSTATED),
        ({}, licences.UNSTATED),
    ],
)
def test_licence_from_metadata(fields: dict[str, Any], expected: str) -> None:
    assert licences.licence_of(_meta(**fields)) == expected  # type: ignore[arg-type]


def test_fits_a_1080p_screen_at_200_percent(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    smallest = dialog.minimumSize().expandedTo(dialog.layout().totalMinimumSize())
    assert smallest.width() <= 960 and smallest.height() <= 540, smallest
