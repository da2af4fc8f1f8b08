"""Refresh the translation sources, or compile them.

    python tools/i18n/update.py            # after changing text: refresh resources/i18n/*.ts
    python tools/i18n/update.py --release  # at build: compile the .ts files to .qm

Refreshing runs ``pyside6-lupdate`` over the whole package plus the text it cannot see
(``tools/i18n/catalogue.py``: translate() wrappers and error messages), so one run fills
one ``.ts`` per language; new text arrives *unfinished* for the translator (Qt Linguist:
``pyside6-linguist resources/i18n/officer_desk_nb.ts``), vanished text is dropped.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue import Catalogue, as_python, scan

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "officer_desk"
I18N = ROOT / "resources" / "i18n"
# The languages we translate into.  English is the source language; its .ts holds only the
# texts with Qt's %n plural forms ("%n person(s)" -> "1 person" / "2 people"), made with
# lupdate's -pluralonly and filled in by hand like the Norwegian one.
LANGUAGES = ("nb",)
PLURALS_ONLY = ("en",)


def tool(name: str) -> str:
    """``pyside6-lupdate``/``-lrelease`` from the running Python's environment first."""
    for folder in (Path(sys.executable).parent, None):
        found = shutil.which(name, path=str(folder) if folder else None)
        if found:
            return found
    raise SystemExit(f"{name} not found: install the project's dependencies (make test)")


def ts_file(language: str, folder: Path = I18N) -> Path:
    return folder / f"officer_desk_{language}.ts"


def refresh(
    ts: Path, language: str, *, package: Path = PACKAGE, plurals_only: bool = False
) -> Catalogue:
    """Update ``ts`` from the sources (created when missing); returns what was scanned.
    ``plurals_only``: only the texts with %n plural forms (the source language's .ts)."""
    catalogue = scan(package)
    with tempfile.TemporaryDirectory() as scratch:
        extra = Path(scratch) / "extracted_text.py"
        extra.write_text(as_python(catalogue), encoding="utf-8")
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-extensions", "py",
                "-locations", "none",
                "-no-obsolete",
                "-silent",
                "-source-language", "en",
                "-target-language", language,
                *(["-pluralonly"] if plurals_only else []),
                str(package),
                str(extra),
                "-ts", str(ts),
            ],
            check=True,
        )  # fmt: skip
    _drop_nameless_contexts(ts)
    return catalogue


def _drop_nameless_contexts(ts: Path) -> None:
    """A module-level ``def tr(text)`` helper reads to lupdate as ``tr()`` without a class.

    Those calls are found with their real context by the catalogue; lupdate's copy under an
    empty context is never looked up at run time, so it would only be translated twice.
    """
    text = ts.read_text(encoding="utf-8")
    nameless = r"<context>\s*(?:<name>\s*</name>|<name\s*/>)?\s*<message>.*?</context>\n"
    kept = re.sub(nameless, "", text, flags=re.S)
    if kept != text:
        ts.write_text(kept, encoding="utf-8")


def release(folder: Path = I18N) -> list[Path]:
    """Compile every ``.ts`` in ``folder`` to a ``.qm`` beside it."""
    compiled = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", "-removeidentical", str(ts), "-qm", str(qm)],
            check=True,
        )
        compiled.append(qm)
    return compiled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--release", action="store_true", help="compile .ts to .qm and stop")
    args = parser.parse_args(argv)
    if args.release:
        for qm in release():
            print(f"compiled {qm.relative_to(ROOT)}")
        return 0
    for language in LANGUAGES:
        catalogue = refresh(ts_file(language), language)
    for language in PLURALS_ONLY:
        refresh(ts_file(language), language, plurals_only=True)
    for problem in catalogue.unresolved:
        print(f"not extracted (build the message from literal text): {problem}", file=sys.stderr)
    done = (*LANGUAGES, *PLURALS_ONLY)
    print(f"updated {', '.join(str(ts_file(lang).relative_to(ROOT)) for lang in done)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
