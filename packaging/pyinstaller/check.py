"""Check the built app in dist/officer-desk/ (``make package-check``, run by CI).

- every Qt library a bundled binary needs is in the bundle, and the dropped ones are gone;
- the desktop entry and AppStream metainfo validate (when the validators are installed);
- ``officer-desk --version`` and ``officer-desk-admin --version`` answer;
- the licence manifest Help > About reads is there with every text it names;
- ``officer-desk --self-test --demo`` opens every main screen offscreen on a fresh demo store,
  and ``officer-desk-admin verify`` checks that store.
Exits non-zero with what failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
APP_ID = "io.github.officerdesk.OfficerDesk"
QT_NEEDED = re.compile(
    r"\(NEEDED\)\s+Shared library: \[((?:libQt6|libpyside6|libshiboken6|libicu)[^\]]*)\]"
)
MUST_HAVE_PLUGINS = (
    "platforms/libqoffscreen.so",
    "platforms/libqxcb.so",
    "platforms/libqwayland.so",
    "imageformats/libqjpeg.so",
    "imageformats/libqsvg.so",
    "iconengines/libqsvgicon.so",
    # Qt's print dialog lists the system's printers through CUPS (release plan, handover and
    # journal printing).
    "printsupport/libcupsprintersupport.so",
)
MUST_NOT_HAVE = re.compile(r"Qt6(Quick|Qml|Network|Pdf|VirtualKeyboard|Sql)|/qml/")


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def check_libraries(bundle: Path) -> list[str]:
    if shutil.which("readelf") is None:
        return ["readelf is not installed (Debian: apt-get install binutils)"]
    problems = []
    present = {path.name for path in bundle.rglob("*") if path.is_file()}
    for path in elf_files(bundle):
        dynamic = subprocess.run(
            ["readelf", "-d", str(path)], capture_output=True, text=True, check=False
        ).stdout
        for needed in QT_NEEDED.findall(dynamic):
            if needed not in present:
                problems.append(f"{path.relative_to(bundle)} needs {needed}, not in the bundle")
    for relative in sorted(present):
        if MUST_NOT_HAVE.search(relative):
            problems.append(f"{relative} is in the bundle but officer_desk does not use it")
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins"
    problems += [f"plugin {p} is missing" for p in MUST_HAVE_PLUGINS if not (plugins / p).is_file()]
    return problems


def check_desktop_files(bundle: Path) -> list[str]:
    problems = []
    share = bundle / "share"
    checks = [
        (["desktop-file-validate", str(share / "applications" / f"{APP_ID}.desktop")]),
        (
            [
                "appstreamcli",
                "validate",
                "--no-net",
                str(share / "metainfo" / f"{APP_ID}.metainfo.xml"),
            ]
        ),
    ]
    for command in checks:
        if shutil.which(command[0]) is None:
            print(f"note: {command[0]} is not installed; not run")
            continue
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            problems.append(f"{' '.join(command[:2])}: {result.stdout}{result.stderr}")
    for size in (16, 32, 48, 64, 128, 256):
        if not (
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        ).is_file():
            problems.append(f"no {size}x{size} icon")
    if not (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file():
        problems.append("no scalable icon")
    return problems


def check_licences(bundle: Path) -> list[str]:
    """The manifest Help > About reads in the bundle, and every licence text it names."""
    folder = bundle / "_internal" / "licences"
    try:
        entries = json.loads((folder / "components.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [f"licences/components.json unreadable: {error}"]
    problems = [
        f"licence text {text} of {entry['name']} is missing"
        for entry in entries
        for text in entry["texts"]
        if not (folder / text).is_file()
    ]
    qt = [entry for entry in entries if entry["name"] == "Qt"]
    if not qt or qt[0]["licence"] != "LGPL-3.0-only" or not qt[0]["texts"]:
        problems.append("Qt is not listed with its LGPL-3.0 text")
    return problems


def run(command: list[str], timeout: int, **env: str) -> tuple[int, str]:
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env={**os.environ, **env},
        )
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {timeout} s"
    return done.returncode, done.stdout + done.stderr


def check_programs(bundle: Path) -> list[str]:
    problems = []
    for program in ("officer-desk", "officer-desk-admin"):
        status, output = run([str(bundle / program), "--version"], 60)
        if status != 0 or "0." not in output:
            problems.append(f"{program} --version: exit {status}\n{output}")
    with tempfile.TemporaryDirectory(prefix="officer-desk-bundle-") as data:
        status, output = run(
            [str(bundle / "officer-desk"), "--self-test", "--demo", "--data-dir", data], 600
        )
        print(output.strip())
        if status != 0:
            problems.append(f"officer-desk --self-test --demo: exit {status}")
        # The admin tool on the same store: SQLCipher, Argon2 and the audit chain in the bundle.
        from officer_desk.demo.generator import ADMIN_NAME, DEMO_PASSWORD, username_for

        admin = [str(bundle / "officer-desk-admin"), "verify", "--data-dir", data]
        status, output = run(
            [*admin, "--user", username_for(ADMIN_NAME, set())],
            300,
            OFFICER_DESK_PASSWORD=DEMO_PASSWORD,
        )
        print(output.strip())
        if status != 0:
            problems.append(f"officer-desk-admin verify: exit {status}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "officer-desk"))
    bundle = Path(parser.parse_args().bundle)
    if not (bundle / "officer-desk").is_file():
        print(f"{bundle} has no officer-desk program: run `make package` first", file=sys.stderr)
        return 2
    problems = [
        *check_libraries(bundle),
        *check_licences(bundle),
        *check_desktop_files(bundle),
        *check_programs(bundle),
    ]
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    if not problems:
        print(f"bundle OK: {bundle}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
