"""The packaging files agree with the code: desktop entry, AppStream metainfo, the Inno Setup
script's version, and the PyInstaller filter keeping exactly the Qt pieces officer_desk uses."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from officer_desk import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(name: str) -> ModuleType:
    """A module of packaging/pyinstaller/ (not a package) under a name that cannot clash."""
    spec = importlib.util.spec_from_file_location(
        f"packaging_{name}", PACKAGING / "pyinstaller" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bundle_filter = load("bundle_filter")
wanted = bundle_filter.wanted
APP_ID = load("build").APP_ID
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
PLUGINS = "PySide6/Qt/plugins"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_installed_program_with_the_themed_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "officer-desk"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert "Name" in entry and "Comment" in entry and "GenericName[nb]" in entry
    # install.sh links officer-desk into PATH; the launcher is the desk, not the admin tool.
    assert (
        'ln -sf "$APP_DIR/officer-desk" "$PREFIX/bin/officer-desk"'
        in (PACKAGING / "linux" / "install.sh").read_text()
    )


def test_metainfo_matches_the_desktop_entry_and_the_project() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert root.findtext("project_license") == project["license"]["text"]
    assert root.findtext("metadata_license") in {"CC0-1.0", "FSFAP", "MIT"}
    releases = [release.get("version") for release in root.iter("release")]
    assert releases[0] == __version__, "add a <release> for the new version"
    binaries = {binary.text for binary in root.iter("binary")}
    assert binaries == {"officer-desk", "officer-desk-admin"}


@pytest.mark.parametrize(
    ("command", "target"),
    [
        (["desktop-file-validate"], DESKTOP),
        (["appstreamcli", "validate", "--no-net"], METAINFO),
    ],
    ids=["desktop-file-validate", "appstreamcli"],
)
def test_validators_accept_the_files(command: list[str], target: Path) -> None:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} not installed (.ci/run installs it)")
    result = subprocess.run([*command, str(target)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_inno_setup_script_has_the_current_version_and_both_programs() -> None:
    script = (PACKAGING / "windows" / "officer-desk.iss").read_text()
    assert f'#define AppVersion "{__version__}"' in script
    assert f'#define AppId "{APP_ID}"' in script
    assert r"{app}\officer-desk.exe" in script
    assert r"dist\officer-desk\*" in script


def imported_qt_modules() -> set[str]:
    found = set()
    for path in (ROOT / "officer_desk").rglob("*.py"):
        found |= set(re.findall(r"^\s*from PySide6\.(Qt\w+) import", path.read_text(), re.M))
    return found


def test_every_qt_module_the_code_imports_is_kept() -> None:
    used = imported_qt_modules()
    assert used, "the scan found no Qt imports at all"
    assert used <= set(bundle_filter.QT_MODULES)
    excluded = {name.removeprefix("PySide6.") for name in bundle_filter.EXCLUDED_MODULES}
    assert not used & excluded


def test_spec_applies_the_filter_and_the_excludes() -> None:
    spec = (PACKAGING / "pyinstaller" / "officer-desk.spec").read_text()
    assert "excludes=list(EXCLUDED_MODULES)" in spec
    assert "found.binaries = [entry for entry in found.binaries if wanted(entry[0])]" in spec
    assert "found.datas = [entry for entry in found.datas if wanted(entry[0])]" in spec


@pytest.mark.parametrize(
    "kept",
    [
        f"{PLUGINS}/platforms/libqoffscreen.so",
        f"{PLUGINS}/platforms/libqxcb.so",
        f"{PLUGINS}/platforms/libqwayland.so",
        f"{PLUGINS}/platforms/qwindows.dll",
        f"{PLUGINS}/imageformats/libqjpeg.so",
        f"{PLUGINS}/imageformats/libqsvg.so",
        f"{PLUGINS}/iconengines/libqsvgicon.so",
        f"{PLUGINS}/wayland-shell-integration/libxdg-shell.so",
        f"{PLUGINS}/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        f"{PLUGINS}/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/translations/qtbase_nn.qm",
        "resources/i18n/officer_desk_nb.qm",
        "libpython3.11.so.1.0",
        "sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so",
    ],
)
def test_filter_keeps(kept: str) -> None:
    assert wanted(kept)


@pytest.mark.parametrize(
    "dropped",
    [
        f"{PLUGINS}/platforms/libqvnc.so",
        f"{PLUGINS}/platformthemes/libqgtk3.so",
        f"{PLUGINS}/platforms/libqeglfs.so",
        f"{PLUGINS}/platforms/libqlinuxfb.so",
        f"{PLUGINS}/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        f"{PLUGINS}/imageformats/libqtiff.so",
        f"{PLUGINS}/imageformats/libqpdf.so",
        f"{PLUGINS}/sqldrivers/libqsqlite.so",
        f"{PLUGINS}/tls/libqopensslbackend.so",
        f"{PLUGINS}/qmltooling/libqmldbg_debugger.so",
        f"{PLUGINS}/egldeviceintegrations/libqeglfs-kms-integration.so",
        f"{PLUGINS}/wayland-graphics-integration-server/libqt-wayland-compositor-wayland-egl.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "libQt6Pdf.so.6",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
    ],
)
def test_filter_drops(dropped: str) -> None:
    assert not wanted(dropped)


def test_libraries_left_without_a_user_are_pruned() -> None:
    binaries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/q/libQt6Gui.so.6", "BINARY"),
        ("libfreetype.so.6", "/s/libfreetype.so.6", "BINARY"),
        ("libpng16.so.16", "/s/libpng16.so.16", "BINARY"),
        # left behind by the dropped GTK theme plugin: pango needs cairo, nothing needs pango
        ("libpango-1.0.so.0", "/s/libpango-1.0.so.0", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),
        ("libpython3.11.so.1.0", "/p/libpython3.11.so.1.0", "BINARY"),
        ("_cffi_backend.cpython-311-x86_64-linux-gnu.so", "/p/_cffi.so", "EXTENSION"),
    ]
    needs = {
        "/q/libQt6Gui.so.6": {"libfreetype.so.6"},
        "/s/libfreetype.so.6": {"libpng16.so.16"},
        "/s/libpango-1.0.so.0": {"libcairo.so.2"},
        "/s/libcairo.so.2": {"libpng16.so.16"},
    }
    kept = bundle_filter.prune_orphans(binaries, lambda source: needs.get(source, set()))
    assert [entry[0] for entry in kept] == [
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libfreetype.so.6",
        "libpng16.so.16",
        "libpython3.11.so.1.0",
        "_cffi_backend.cpython-311-x86_64-linux-gnu.so",
    ]


def test_the_app_names_its_desktop_entry_so_wayland_finds_its_icon() -> None:
    from officer_desk.ui.application import DESKTOP_ENTRY

    assert DESKTOP_ENTRY == APP_ID and DESKTOP.exists()
