"""Choosing the language: system default, the saved choice, Qt's and our texts, formats, order."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from officer_desk.app import people
from officer_desk.app.writes import Actor
from officer_desk.domain import rules
from officer_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from officer_desk.store.database import Store
from officer_desk.ui import i18n, launcher, vocabulary
from officer_desk.ui import language as language_module
from officer_desk.ui.admin_pages import list_accounts
from officer_desk.ui.language import LanguageDialog, restart_command
from officer_desk.ui.programmes import words
from officer_desk.ui.self_test import SelfTest

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
    # One date format, shown and typed alike (fields too), the weekday on the home screen
    assert vocabulary.date_input_format() == "d. MMM yyyy"
    moment = datetime(2026, 2, 6, 14, 5, tzinfo=UTC).astimezone()
    assert vocabulary.short_moment(moment) == "6. feb. 2026 14:05"
    assert vocabulary.with_weekday(date(2026, 2, 6)) == "fredag 6. feb. 2026"
    assert vocabulary.days(3) == "3 dager"


def test_english_is_the_source_text(language: object) -> None:
    assert i18n.install(language="en") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert vocabulary.decimal(2.5) == "2.5"
    assert vocabulary.date_input_format() == "d MMM yyyy"
    assert vocabulary.short_date(date(2026, 2, 6)) == "6 Feb 2026"


def test_service_messages_reach_the_screen_in_norwegian_and_logs_in_english(
    language: object,
) -> None:
    i18n.install(language="nb")
    plain = ValidationError("You cannot close your own account.")
    assert plain.message == "Du kan ikke stenge din egen konto."
    assert str(plain) == "You cannot close your own account."  # logs and the CLI
    # A key with its values: the values go into the translated sentence.
    with_value = NotFound("There is no account called {username}.", username="kari.nordmann")
    assert with_value.message == "Det finnes ingen konto som heter kari.nordmann."
    assert str(with_value) == "There is no account called kari.nordmann."
    # The label a service passes in is translated as well.
    with pytest.raises(ValidationError) as raised:
        rules.required_text("  ", "text", "The note", 100)
    assert raised.value.message == "Notatet må fylles ut."
    # Roles passed in are words too, and Norwegian needs no "a"/"an".
    only = PermissionDenied(
        "Only {value1} {needed} can {what}.",
        value1="an",
        needed="officer or supervisor",
        what="change roles",
    )
    assert only.message == "Bare en betjent eller en vaktleder kan endre roller."
    # A domain rule's refusal with words as its value: the whole sentence in Norwegian.
    from officer_desk.domain.release import GateResult, check_sign_off

    with pytest.raises(ValidationError) as blocked:
        check_sign_off(GateResult(housing=False, education_or_work=True), "", is_supervisor=True)
    assert blocked.value.message == (
        "Godkjenning av løslatelsen er sperret: planen mangler fortsatt et bekreftet sted å "
        "bo. En vaktleder kan overstyre med en skriftlig begrunnelse."
    )
    assert "a confirmed place to live" in str(blocked.value)  # the log's English
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


def test_restart_now_starts_a_new_officer_desk_with_the_same_arguments_and_quits(
    language: object, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[str, list[str]]] = []
    exits: list[int] = []
    monkeypatch.setattr(
        language_module.QProcess,
        "startDetached",
        lambda program, arguments: started.append((program, arguments)) or True,
    )
    monkeypatch.setattr(language_module.QCoreApplication, "exit", lambda code=0: exits.append(code))
    monkeypatch.setattr(sys, "argv", ["officer-desk", "--data-dir", "/srv/desk"])
    i18n.install(language="en")
    dialog = LanguageDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.choices["nb"].click()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    dialog.restart_button.click()
    program, arguments = started[0]
    assert program == sys.executable
    assert arguments[0] == "-c" and "officer_desk.ui.launcher" in arguments[1]
    assert arguments[2:] == ["--data-dir", "/srv/desk"]
    assert exits == [0]


def test_the_bundle_restarts_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/officer-desk/officer-desk")
    monkeypatch.setattr(sys, "argv", ["/opt/officer-desk/officer-desk", "--demo"])
    assert restart_command() == ("/opt/officer-desk/officer-desk", ["--demo"])


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


def _english_sources() -> dict[str, str]:
    """English texts whose Norwegian differs: seeing one on a Norwegian screen is a miss."""
    root = ET.parse(ROOT / "resources" / "i18n" / "officer_desk_nb.ts").getroot()
    return {
        source: translation
        for message in root.iter("message")
        if (source := message.findtext("source") or "")
        and (translation := message.findtext("translation") or "")
        and translation != source
    }


def _model_texts(model: QAbstractItemModel, parent: QModelIndex) -> set[str]:
    # List and table models keep columnCount/hasChildren private in PySide6.
    is_list = isinstance(model, QAbstractListModel)
    columns = 1 if is_list else model.columnCount(parent)
    texts: set[str] = set()
    if not parent.isValid() and not is_list:
        texts |= {str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)}
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    texts.add(value)
        first = model.index(row, 0, parent)
        flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
        if not flat and model.rowCount(first):
            texts |= _model_texts(model, first)
    return texts


def _readable_texts(root: QWidget) -> set[str]:
    texts = {root.windowTitle()}
    for view in root.findChildren(QAbstractItemView):
        if view.isVisibleTo(root) and view.model() is not None:
            texts |= _model_texts(view.model(), QModelIndex())
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        texts |= {widget.toolTip(), widget.accessibleName()}
        if isinstance(widget, QLabel):
            texts.add(widget.text())
        if isinstance(widget, QAbstractButton | QGroupBox):
            texts.add(widget.text() if isinstance(widget, QAbstractButton) else widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            texts.add(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts |= {widget.itemText(i) for i in range(widget.count())}
        if isinstance(widget, QTabWidget):
            texts |= {widget.tabText(i) for i in range(widget.count())}
    if isinstance(root, QMainWindow):
        menus = [action.menu() for action in root.menuBar().actions()]
        texts |= {a.text() for a in root.menuBar().actions()}
        texts |= {a.text() for menu in menus if menu is not None for a in menu.actions()}
    return {text for text in texts if text}


def test_every_self_test_screen_in_norwegian_shows_no_english(
    qapp: object, compiled: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The demo, signed in as an officer and a supervisor, every screen: texts as shown.

    Catches what the .ts cannot: a text translated under another context than the one
    it is looked up in at run time (``dialog.tr()`` in a helper), or never marked."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: compiled)
    data = tmp_path / "demo"
    i18n.save_language(data / "config", "nb")
    english = _english_sources()
    missed: dict[str, set[str]] = {}
    check = SelfTest._check

    def checking(self: SelfTest, screen: str, widget: QWidget, ok: bool, why: str) -> None:
        found = {text for text in _readable_texts(widget) if text in english}
        if found:
            missed[screen] = found
        check(self, screen, widget, ok, why)

    monkeypatch.setattr(SelfTest, "_check", checking)
    before = QLocale()
    try:
        assert launcher.main(["--data-dir", str(data), "--demo", "--self-test"]) == 0
    finally:
        i18n.install(language=i18n.ENGLISH)
        QLocale.setDefault(before)
    assert not missed, f"English on Norwegian screens: {missed}"


def test_the_accounts_list_is_in_the_norwegian_alphabet(
    language: object, unit_store: Store, admin: Actor
) -> None:
    """Read from the store as the screen reads it (on a worker thread, as the screen does);
    SQLite alone would put Å before Æ and Ø."""
    names = ["Åse Solberg", "Øystein Lie", "Ærlig Dahl", "Zara Khan", "bjørn Moe"]
    i18n.install(language="nb")

    def work() -> list[str]:
        for n, name in enumerate(names):
            people.add_officer(
                unit_store, admin, username=f"officer{n}", display_name=name, role="officer"
            )
        return [row.display_name for row in list_accounts(unit_store)]

    with ThreadPoolExecutor(max_workers=1) as worker:
        listed = worker.submit(work).result()
    assert listed == ["bjørn Moe", "Zara Khan", "Ærlig Dahl", "Øystein Lie", "Åse Solberg"]


def test_without_the_compiled_translation_everything_stays_english(
    language: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    assert i18n.install(language="nb") == "en"  # not Norwegian dates under English words
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert vocabulary.decimal(2.5) == "2.5"
    assert ValidationError("You cannot close your own account.").message.startswith("You")


def test_a_topic_typed_in_norwegian_also_searches_its_stored_key(
    language: object, tmp_path: Path
) -> None:
    """Common topics are stored as their English keys: "skole" at a Norwegian desk must
    search "School" too, and English words keep finding them at an English desk."""
    from officer_desk.ui.person.search import topic_keys_for

    i18n.save_language(tmp_path, "nb")
    assert i18n.install(tmp_path) == "nb"
    assert topic_keys_for("skol familie xyz") == {"skol": ["School"], "familie": ["Family"]}
    i18n.install(language=i18n.ENGLISH)
    assert topic_keys_for("school") == {"school": ["School"]}
    assert topic_keys_for("skole") == {}


def test_the_caseload_warning_reads_in_norwegian(language: object, tmp_path: Path) -> None:
    from officer_desk.domain import rules

    i18n.save_language(tmp_path, "nb")
    assert i18n.install(tmp_path) == "nb"
    assert rules.caseload_warning(7) == (
        "Denne betjenten har nå 7 personer; enheten arbeider med høyst 6 per kontaktbetjent. "
        "Vurder å flytte noen til en annen."
    )


def test_a_snippet_shows_common_topics_in_the_readers_language(
    language: object, tmp_path: Path
) -> None:
    """The index holds a conversation's topics as stored keys: a Norwegian reader's snippet
    reads "Skole", marked whole when "skole" matched it; typed topics and the note stay."""
    from officer_desk.ui.person.search import topics_for_the_reader

    i18n.save_language(tmp_path, "nb")
    assert i18n.install(tmp_path) == "nb"
    assert topics_for_the_reader("Family, \x02School\x03, Sveising\nSnakket om skolen") == (
        "Familie, \x02Skole\x03, Sveising\nSnakket om skolen"
    )
    assert (
        topics_for_the_reader("…Work, Release \x02plan\x03") == "…Arbeid, \x02Løslatelsesplan\x03"
    )
    # A one-line snippet that is not all topics is a note: as written.
    assert topics_for_the_reader("\x02School\x03 is fine") == "\x02School\x03 is fine"
    assert topics_for_the_reader("") == ""
    i18n.install(language=i18n.ENGLISH)
    assert topics_for_the_reader("Family\nnote") == "Family\nnote"
