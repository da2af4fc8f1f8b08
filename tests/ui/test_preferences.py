"""The preferences file carries a version; older files are brought up to date step by step."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_fakes import KARI
from PySide6.QtWidgets import QApplication, QMessageBox

from officer_desk.paths import AppPaths
from officer_desk.ui import i18n, launcher, looks, preferences
from officer_desk.ui.preferences import FILENAME, VERSION, VERSION_KEY, open_preferences, upgrade

# The gate fixtures (encrypted_unit, fast_kdf, app_paths).
pytest_plugins = ["desk_fixtures"]


def test_a_file_from_before_versions_gets_one_and_keeps_its_choices(
    qapp: QApplication, tmp_path: Path
) -> None:
    # As File -> Language… and File -> Look… wrote it before the version existed.
    (tmp_path / FILENAME).write_text("[interface]\nlanguage=nb\nlook=dark\n")
    assert upgrade(tmp_path) == VERSION == 1
    text = (tmp_path / FILENAME).read_text()
    assert "[settings]\nversion=1" in text
    assert i18n.saved_language(tmp_path) == "nb"
    assert looks.saved_look(tmp_path) == "dark"


def test_steps_run_in_order_once_each_and_record_each_version(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[tuple[str, int]] = []

    def second(settings: preferences.QSettings) -> None:
        ran.append(("second", preferences.version_of(settings)))
        settings.setValue("interface/theme", settings.value("interface/look"))  # a rename
        settings.remove("interface/look")

    def first(settings: preferences.QSettings) -> None:
        ran.append(("first", preferences.version_of(settings)))

    monkeypatch.setattr(preferences, "UPGRADES", (first, second))
    monkeypatch.setattr(preferences, "VERSION", 2)
    (tmp_path / FILENAME).write_text("[interface]\nlook=dark\n")
    assert upgrade(tmp_path) == 2
    assert ran == [("first", 0), ("second", 1)]
    settings = open_preferences(tmp_path)
    assert settings.value("interface/theme") == "dark" and not settings.contains("interface/look")
    ran.clear()
    assert upgrade(tmp_path) == 2
    assert ran == []


def test_a_file_from_a_newer_app_is_left_alone(qapp: QApplication, tmp_path: Path) -> None:
    written = "[interface]\nlanguage=nb\n\n[settings]\nversion=7\n"
    (tmp_path / FILENAME).write_text(written)
    assert upgrade(tmp_path) == 7
    assert (tmp_path / FILENAME).read_text() == written


def test_a_garbled_version_is_upgraded_like_a_file_without_one(
    qapp: QApplication, tmp_path: Path
) -> None:
    (tmp_path / FILENAME).write_text("[interface]\nlook=light\n\n[settings]\nversion=banana\n")
    assert upgrade(tmp_path) == VERSION
    assert open_preferences(tmp_path).value(VERSION_KEY) in (VERSION, str(VERSION))
    assert looks.saved_look(tmp_path) == "light"


def test_the_desk_upgrades_the_file_when_it_starts(
    encrypted_unit: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    (encrypted_unit.config / FILENAME).write_text("[interface]\nlanguage=en\n")
    # A store that cannot open ends the run by itself (with its message box).
    encrypted_unit.store.write_bytes(b"not a store" * 100)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_args: None)
    monkeypatch.setenv("OFFICER_DESK_PASSWORD", KARI[2])
    assert launcher.main(["--data-dir", str(encrypted_unit.data), "--user", KARI[0]]) == 1
    settings = open_preferences(encrypted_unit.config)
    assert preferences.version_of(settings) == VERSION
    assert i18n.saved_language(encrypted_unit.config) == "en"
