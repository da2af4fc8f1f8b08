"""The interface language: Qt translators, the locale for dates and numbers, the saved choice.

English is the source language; Norwegian Bokmål comes from ``resources/i18n/*.qm``, which
the build compiles from the ``.ts`` sources (``make translations``).  The choice is a
preference of this workstation's (operating-system) account, kept in
``<config>/preferences.ini``: the sign-in page must already speak it, before anyone's
encrypted records are open, and it changes no record, so anyone may change it and nothing is
audited.  Without a choice the system language decides: Norwegian (nb, nn, no) gives Bokmål,
anything else English.  A change applies at the next start, because the screens set their
text when they are built.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QSettings, Qt, QTranslator

from officer_desk.domain import errors, wording
from officer_desk.domain.wording import Phrase
from officer_desk.paths import resource_dir
from officer_desk.ui.preferences import open_preferences

log = logging.getLogger("officer_desk.ui")

ENGLISH = "en"
BOKMAL = "nb"
# Each language named in itself, so a person who cannot read the current one finds their own.
LANGUAGES: dict[str, str] = {ENGLISH: "English", BOKMAL: "Norsk bokmål"}
SYSTEM = ""  # no choice saved: follow the system language
_NORWEGIAN = (QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk)
_KEY = "interface/language"
# QCoreApplication.installTranslator does not keep a reference: these must live as long.
_installed: list[QTranslator] = []
_current = ENGLISH
T = TypeVar("T")


def system_language(locale: QLocale | None = None) -> str:
    """Bokmål for a Norwegian system (Bokmål, Nynorsk or plain "no"), otherwise English."""
    locale = locale or QLocale.system()
    if locale.language() in _NORWEGIAN:
        return BOKMAL
    names = [name.replace("-", "_").split("_")[0].lower() for name in locale.uiLanguages()]
    return BOKMAL if names and names[0] in ("nb", "nn", "no") else ENGLISH


def saved_language(config_dir: Path) -> str:
    """The saved choice (``en``/``nb``), or :data:`SYSTEM` when there is none."""
    value = _settings(config_dir).value(_KEY, SYSTEM)
    return value if isinstance(value, str) and value in LANGUAGES else SYSTEM


def save_language(config_dir: Path, language: str) -> None:
    """Save ``en``/``nb``, or :data:`SYSTEM` to follow the system language again."""
    if language != SYSTEM and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings = _settings(config_dir)
    if language == SYSTEM:
        settings.remove(_KEY)
    else:
        settings.setValue(_KEY, language)
    settings.sync()


def current_language() -> str:
    return _current


def install(config_dir: Path | None = None, language: str | None = None) -> str:
    """Use ``language`` (default: the saved choice, else the system's); returns the one used.

    Installs our translation and Qt's own (standard buttons, text field menus), sets the
    default locale for dates and numbers, and makes error messages from the services
    translate when they are shown.  Cheap: two memory-mapped ``.qm`` files.
    """
    global _current
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    if language is None:
        saved = saved_language(config_dir) if config_dir is not None else SYSTEM
        language = saved or system_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == BOKMAL and _load(app, language):
        QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
        errors.set_message_translator(translate_message)
    else:
        language = ENGLISH  # also when the Norwegian .qm is missing: not half and half
        _load_plurals(app)
        system = QLocale.system()
        english = system.language() == QLocale.Language.English
        QLocale.setDefault(
            system if english else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        errors.set_message_translator(None)
    _current = language
    return language


MESSAGES = "messages"  # the context of the services' message keys and the words they pass


def translate_message(key: str) -> str:
    """A service's message key (or a word it passes as a value) in the interface's language."""
    return QCoreApplication.translate(MESSAGES, key)


def translate_phrase_key(context: str, key: str, n: int | None = None) -> str:
    """``domain.wording``'s translate for the screen: the interface's language."""
    return QCoreApplication.translate(context, key, None, -1 if n is None else n)


def render(text: Phrase | str) -> str:
    """A phrase, or stored text (a draft's phrases; typed text as it is), for this reader."""
    if isinstance(text, Phrase):
        return wording.render(text, translate_phrase_key)
    return wording.render_stored(text, translate_phrase_key)


def _load(app: QCoreApplication, language: str) -> bool:
    """Install our translation, then Qt's own; False (nothing installed) without ours."""
    folder = translations_dir()
    ours = QTranslator(app)
    if not ours.load(f"officer_desk_{language}", str(folder)):
        log.warning("officer_desk_%s.qm missing in %s (run: make translations)", language, folder)
        return False
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", str(folder)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)  # installed last, so looked up first
    _installed.append(ours)
    return True


def _load_plurals(app: QCoreApplication) -> None:
    """English is the source language, but "%n person(s)" needs its singular and plural
    forms from a translation too: ``officer_desk_en`` holds only those."""
    plurals = QTranslator(app)
    if plurals.load(f"officer_desk_{ENGLISH}", str(translations_dir())):
        app.installTranslator(plurals)
        _installed.append(plurals)
    else:
        log.warning("officer_desk_en.qm missing (run: make translations): plurals read '(s)'")


def translations_dir() -> Path:
    """Where the compiled ``.qm`` files are: ``resources/i18n`` (in the bundle too)."""
    return resource_dir() / "i18n"


def by_name(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """``items`` in the alphabetical order of the interface's language.

    SQLite's ``ORDER BY`` compares bytes: Å before Æ before Ø, and every capital before any
    small letter.  Norwegian ends the alphabet … x y z æ ø å (and reads "Aa" as "Å").
    Safe on the database worker too: a collator is made per call.
    """
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)  # cell A2 before A10
    return sorted(items, key=lambda item: collator.sortKey(name(item)))


def _settings(config_dir: Path) -> QSettings:
    return open_preferences(config_dir)
