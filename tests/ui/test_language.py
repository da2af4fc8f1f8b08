"""Choosing the language: system default, the saved choice, Qt's and our texts, formats, order."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from officer_desk.domain import rules
from officer_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from officer_desk.ui import i18n, vocabulary
from officer_desk.ui.language import LanguageDialog
from officer_desk.ui.programmes import words

ROOT = Path(__file__).resolve().parents[2]
NORWEGIAN = QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)


@pytest.fixture(scope="session")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts compiled now, so the test never reads a stale .qm from the source tree."""
    tools = ROOT / "tools" / "i18n"
    sys.path.insert(0, str(tools))
    spec = importlib.util.spec_from_file_location("update", tools / "update.py")
    assert spec is not None and spec.loader is not None
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    folder = tmp_path_factory.mktemp("i18n")
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        shutil.copy(ts, folder / ts.name)
    update.release(folder)
    return folder


@pytest.fixture
def language(qapp: object, compiled: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Install languages freely; English, the old locale and no translators afterwards."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: compiled)
    before = QLocale()
    yield
    i18n.install(language=i18n.ENGLISH)
    QLocale.setDefault(before)


def test_system_language_norwegian_gives_bokmal_else_english() -> None:
    assert i18n.system_language(QLocale("nb_NO")) == "nb"
    assert i18n.system_language(QLocale("nn_NO")) == "nb"
    assert i18n.system_language(QLocale("no")) == "nb"
    assert i18n.system_language(QLocale("en_GB")) == "en"
    assert i18n.system_language(QLocale("sv_SE")) == "en"


def test_choice_is_saved_per_workstation_and_can_follow_the_system_again(tmp_path: Path) -> None:
    assert i18n.saved_language(tmp_path) == i18n.SYSTEM
    i18n.save_language(tmp_path, "nb")
    assert i18n.saved_language(tmp_path) == "nb"
    assert (tmp_path / "preferences.ini").exists()
    i18n.save_language(tmp_path, i18n.SYSTEM)
    assert i18n.saved_language(tmp_path) == i18n.SYSTEM
    with pytest.raises(ValueError):
        i18n.save_language(tmp_path, "de")


def test_a_damaged_preference_falls_back_to_the_system(tmp_path: Path) -> None:
    (tmp_path / "preferences.ini").write_text("[interface]\nlanguage=klingon\n")
    assert i18n.saved_language(tmp_path) == i18n.SYSTEM


def test_bokmal_translates_screens_qt_buttons_and_formats(language: object, tmp_path: Path) -> None:
    i18n.save_language(tmp_path, "nb")
    assert i18n.install(tmp_path) == "nb"
    assert i18n.current_language() == "nb"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Fil"
    assert QCoreApplication.translate("vocabulary", "Lunch") == "Lunsj"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"  # Qt's own
    assert QLocale().language() == QLocale.Language.NorwegianBokmal
    assert vocabulary.short_date(date(2026, 2, 6)) == "6. feb. 2026"
    assert vocabulary.decimal(2.5) == "2,5"
    assert words.hours(2.5) == "2,5"
    assert vocabulary.clock(datetime(2026, 2, 6, 14, 5, tzinfo=UTC).astimezone()) == "14:05"
    assert vocabulary.date_input_format() == "dd.MM.yyyy"
    assert vocabulary.days(3) == "3 dager"


def test_english_is_the_source_text(language: object) -> None:
    assert i18n.install(language="en") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert vocabulary.decimal(2.5) == "2.5"
    assert vocabulary.date_input_format() == "yyyy-MM-dd"


def test_service_messages_reach_the_screen_in_norwegian_and_logs_in_english(
    language: object,
) -> None:
    i18n.install(language="nb")
    plain = ValidationError("You cannot close your own account.")
    assert plain.message == "Du kan ikke stenge din egen konto."
    assert str(plain) == "You cannot close your own account."  # logs and the CLI
    with_value = NotFound("There is no account called kari.nordmann.")
    assert with_value.message == "Det finnes ingen konto som heter kari.nordmann."
    # The label a service passes in is translated as well.
    with pytest.raises(ValidationError) as raised:
        rules.required_text("  ", "text", "The note", 100)
    assert raised.value.message == "Notatet må fylles ut."
    # Roles passed in are words too, and Norwegian needs no "a"/"an".
    only = PermissionDenied("Only an officer or supervisor can change roles.")
    assert only.message == "Bare en betjent eller en vaktleder kan endre roller."
    # A message nobody extracted is shown as it is, not lost.
    assert ValidationError("Something new.").message == "Something new."
    i18n.install(language="en")
    assert with_value.message == "There is no account called kari.nordmann."


def test_names_sort_in_the_norwegian_alphabet(language: object) -> None:
    names = ["Åse Berg", "Øystein Li", "Ærlig Dahl", "Zara Khan", "aksel Ruud", "Bjørn Moe"]
    i18n.install(language="nb")
    assert i18n.by_name(names, str) == [
        "aksel Ruud",
        "Bjørn Moe",
        "Zara Khan",
        "Ærlig Dahl",
        "Øystein Li",
        "Åse Berg",
    ]
    i18n.install(language="en")
    english = i18n.by_name(names, str)
    assert english.index("Åse Berg") < english.index("Bjørn Moe")  # Å is an A in English
    assert english.index("aksel Ruud") < english.index("Zara Khan")  # not capitals first


def test_language_dialog_saves_the_choice_and_says_when_it_applies(
    language: object, qtbot: QtBot, tmp_path: Path
) -> None:
    i18n.install(language="en")
    dialog = LanguageDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.choices[i18n.SYSTEM].isChecked()
    assert all(button.accessibleName() for button in dialog.choices.values())
    dialog.choices["nb"].click()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert i18n.saved_language(tmp_path) == "nb"
    assert "Norsk bokmål" in dialog.note.text() and "next time" in dialog.note.text()
    assert not dialog.choices["en"].isEnabled()  # saved: the dialog only says when


def test_language_dialog_closes_at_once_when_nothing_changes(
    language: object, qtbot: QtBot, tmp_path: Path
) -> None:
    i18n.install(language="en")
    dialog = LanguageDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.choices["en"].click()
    with qtbot.waitSignal(dialog.accepted):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert i18n.saved_language(tmp_path) == "en"
