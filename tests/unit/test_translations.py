"""The Norwegian translation is complete, the English plural forms too, and the extraction finds
every text a person reads."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "i18n"
NB_TS = ROOT / "resources" / "i18n" / "officer_desk_nb.ts"
EN_TS = ROOT / "resources" / "i18n" / "officer_desk_en.ts"
FIELD = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?::[^{}]*)?\}|%n|%\d")
# Translations that may leave a field out on purpose (Norwegian needs no English article).
MAY_DROP = {("messages", "Only {value1} {needed} can {what}."): {"{value1}"}}


def _load(name: str) -> ModuleType:
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def update() -> ModuleType:
    _load("catalogue")
    return _load("update")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _translated(message: ET.Element) -> list[str]:
    """The translation's text, or each plural form's ("%n person(s)": one, many)."""
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def _unfinished(ts: Path) -> list[str]:
    return [
        f"{context}: {source!r}"
        for context, source, message in _messages(ts)
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not all(text.strip() for text in _translated(message))
    ]


def test_every_text_in_the_code_has_a_norwegian_translation(
    update: ModuleType, tmp_path: Path
) -> None:
    """lupdate over today's code into a copy of the .ts: nothing new, nothing unfinished."""
    copy = tmp_path / NB_TS.name
    shutil.copy(NB_TS, copy)
    update.refresh(copy, "nb")
    missing = _unfinished(copy)
    assert not missing, (
        f"{len(missing)} texts lack a Norwegian translation; run `make update-translations`, "
        "translate them in resources/i18n/officer_desk_nb.ts (pyside6-linguist), then "
        "commit the .ts:\n" + "\n".join(missing[:40])
    )


def test_every_plural_text_has_its_english_forms(update: ModuleType, tmp_path: Path) -> None:
    """English is the source language, but "%n person(s)" needs "1 person" and "2 people"
    from officer_desk_en.ts (texts with %n only)."""
    copy = tmp_path / EN_TS.name
    shutil.copy(EN_TS, copy)
    update.refresh(copy, "en", plurals_only=True)
    missing = _unfinished(copy)
    assert not missing, (
        f"{len(missing)} plural texts lack their English forms; run `make "
        "update-translations` and fill both forms in resources/i18n/officer_desk_en.ts:\n"
        + "\n".join(missing[:40])
    )
    assert all(message.get("numerus") == "yes" for _c, _s, message in _messages(copy))
    for _context, source, message in _messages(copy):
        one, many = _translated(message)
        assert "(s)" not in one + many, source


@pytest.mark.parametrize(
    "ts",
    [*sorted((ROOT / "resources" / "i18n").glob("*_nb.ts")), EN_TS],
    ids=str,
)
def test_translations_keep_fields_accelerators_and_lines(ts: Path) -> None:
    problems = []
    for context, source, message in _messages(ts):
        for translated in _translated(message):
            problems += _kept(context, source, translated)
    assert not problems, "\n".join(problems)


def _kept(context: str, source: str, translated: str) -> list[str]:
    """What a translation lost of its source: a field, a line break, an accelerator."""
    if not translated:
        return []
    problems: list[str] = []
    wanted = set(FIELD.findall(source)) - MAY_DROP.get((context, source), set())
    if set(FIELD.findall(translated)) != wanted:
        problems.append(f"fields differ: {context}: {source!r} -> {translated!r}")
    if source.count("\n") != translated.count("\n"):
        problems.append(f"line breaks differ: {context}: {source!r}")
    has_key = re.search(r"&[^&\s;]", source) and "<" not in source
    if has_key and not re.search(r"&[^&\s;]", translated):
        problems.append(f"keyboard accelerator lost: {context}: {source!r}")
    return problems


def test_error_messages_are_all_readable_by_the_extraction(update: ModuleType) -> None:
    """A message built in a way the scan cannot read would reach the screen in English."""
    catalogue = sys.modules["catalogue"].scan(ROOT / "officer_desk")
    assert catalogue.unresolved == []
    texts = {t.text for t in catalogue.templates}
    assert "There is no account called {username}." in texts  # a key with its values
    assert "Choose at least one person to reassign." in texts  # a plain literal
    # a module constant passed by name
    assert any(t.startswith("The disk is full, so the last change") for t in texts)
    assert "release plans" in catalogue.fragments  # access.require_people(..., "release plans")


def test_no_text_reaches_tr_unmarked_through_a_table(update: ModuleType, tmp_path: Path) -> None:
    """``self.tr(WORDS[k])`` with plain literals in WORDS: lupdate would never see them."""
    catalogue = sys.modules["catalogue"]
    assert catalogue.unmarked_lookups(ROOT / "officer_desk") == []
    package = tmp_path / "officer_desk"
    package.mkdir()
    (package / "page.py").write_text(
        "from PySide6.QtCore import QT_TRANSLATE_NOOP\n"
        "PLAIN = {'a': 'Everyone', 'b': 'Nobody'}\n"
        "MARKED = {'a': QT_TRANSLATE_NOOP('Page', 'Everyone')}\n"
        "class Page:\n"
        "    def fill(self, key):\n"
        "        for _kind, words in PLAIN.items():\n"
        "            self.tr(words)\n"
        "        self.tr(PLAIN[key])\n"
        "        self.tr(MARKED[key])\n"
    )
    assert [line.split(": ", 1)[1] for line in catalogue.unmarked_lookups(package)] == [
        "self.tr(words)",
        "self.tr(PLAIN[key])",
    ]


def test_scan_reads_wrappers_keys_concatenation_and_constants(
    update: ModuleType, tmp_path: Path
) -> None:
    package = tmp_path / "officer_desk"
    for folder in ("domain", "app", "ui"):
        (package / folder).mkdir(parents=True)
    (package / "domain" / "errors.py").write_text(
        "class DeskError(Exception): ...\nclass ValidationError(DeskError): ...\n"
    )
    (package / "app" / "things.py").write_text(
        "from officer_desk.domain.errors import ValidationError\n"
        "LIMIT = 'The limit is ' + 'near.'\n"
        "def check(what, officer, n):\n"
        "    raise ValidationError('{name} may not {what} ({n!r:>3}).', name=officer, what=what,"
        " n=n)\n"
        "def use():\n"
        "    check('change {braces}', None, 1)\n"
        "    raise ValidationError(LIMIT)\n"
        "def left(count):\n"
        "    raise ValidationError('Left: {tries}', tries='many' if count else 'none')\n"
        "def rendered(count):\n"
        "    raise ValidationError(f'{count} tries')\n"
    )
    (package / "ui" / "words.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _t(text):\n    return QCoreApplication.translate('words', text)\n"
        "def lunch():\n    return _t('Lunch')\n"
    )
    catalogue = sys.modules["catalogue"].scan(package)
    texts = {t.text: t.fields for t in catalogue.templates}
    assert texts["{name} may not {what} ({n!r:>3})."] == ("name", "what", "n")
    assert texts["The limit is near."] == ()
    assert texts["Left: {tries}"] == ("tries",)
    assert catalogue.fragments == {"change {braces}", "many", "none"}
    # a sentence rendered where it is raised cannot be shown in the reader's language
    assert [u.split(": ", 1)[0] for u in catalogue.unresolved] == ["officer_desk/app/things.py:11"]
    assert [(c, t) for c, t, _ in catalogue.wrapped] == [("words", "Lunch")]
    python = sys.modules["catalogue"].as_python(catalogue)
    assert "QCoreApplication.translate('messages', 'The limit is near.')" in python


def test_release_compiles_every_ts(update: ModuleType, tmp_path: Path) -> None:
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        shutil.copy(ts, tmp_path / ts.name)
    compiled = update.release(tmp_path)
    assert {qm.name for qm in compiled} == {
        "officer_desk_en.qm",
        "officer_desk_nb.qm",
        "qtbase_nb.qm",
    }
    assert all(qm.stat().st_size > 1000 for qm in compiled)
