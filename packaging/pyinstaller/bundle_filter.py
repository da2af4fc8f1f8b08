"""What of PySide6 goes into the one-folder app: the Qt modules officer_desk imports and the
plugins a Linux, Windows or macOS desktop needs for them, nothing else.

PyInstaller's PySide6 hooks collect every plugin of QtGui's plugin families (and the Qt
libraries those plugins pull in: Quick, Qml, the virtual keyboard…). The spec runs the
Analysis results through :func:`wanted` to drop the rest. ``tests/unit/test_packaging_files.py``
checks these lists; the CI's bundle self-test and its library check catch a missing piece.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

# The PySide6 modules officer_desk imports (grep "from PySide6" officer_desk/): QtSvg is not
# imported but its plugins draw the SVG icons; QtPrintSupport is the print dialog (issue 17).
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport")

# Python modules never needed at the desk: the hub (own extra), test and build tools, and
# PySide6 modules we do not import.
EXCLUDED_MODULES = (
    "officer_desk.server",
    "fastapi",
    "starlette",
    "uvicorn",
    "psycopg",
    "psycopg_binary",
    "pytest",
    "pytestqt",
    "hypothesis",
    "pypdf",
    "mypy",
    # httpx's command line and what it loads (the transport keeps it from being imported).
    "click",
    "pygments",
    "rich",
    "tkinter",
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtDBus",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtSvgWidgets",
)

# Plugin families kept, and within each the plugins kept (None: the whole family).
PLUGINS: dict[str, tuple[str, ...] | None] = {
    # offscreen for --self-test and CI; xcb and wayland for Linux desktops; windows/cocoa
    # for the other platforms' builds.
    "platforms": ("qoffscreen", "qxcb", "qwayland", "qwindows", "qcocoa", "qminimal"),
    # The portal gives native file dialogs. Not qgtk3: it loads the system's GTK 3 against the
    # GLib/Pango/Cairo the bundle would carry from the build machine (a classic crash), for
    # nothing the Fusion style and our stylesheet use.
    "platformthemes": ("qxdgdesktopportal",),
    # compose: dead keys (æ, ø, å on a non-Norwegian keyboard); ibus: input methods.
    "platforminputcontexts": (
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    ),
    # PNG is built into QtGui; JPEG for person photos; SVG for the icons.
    "imageformats": ("qjpeg", "qsvg"),
    "iconengines": ("qsvgicon",),
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl",),
    "wayland-shell-integration": ("xdg-shell",),
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"),
    # The print dialog's printers on Linux (CUPS); Windows and macOS print without a plugin.
    "printsupport": ("cupsprintersupport",),
}

# Qt libraries that may only come in as dependencies of dropped plugins or modules.
_UNWANTED_QT_LIBS = re.compile(
    r"Qt6?(Quick|Qml|Lottie|Labs|VirtualKeyboard|Pdf|Network|OpenGLWidgets|Sql|"
    r"Test|Designer|Help|UiTools|Xml|Concurrent|WaylandCompositor|WaylandEgl|WlShell|"
    r"EglF[sS]|SvgWidgets|Multimedia|WebEngine|ShaderTools|SpatialAudio)"
)

# Qt's own translations: only the languages officer_desk offers.
LANGUAGES = ("en", "nb", "nn", "no")


def _plugin_name(filename: str) -> str:
    stem = filename.rsplit("/", 1)[-1].split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def wanted(destination: str) -> bool:
    """Whether a file the Analysis collected (its path inside the bundle) stays in it."""
    path = destination.replace("\\", "/")
    if "/Qt/plugins/" in path or path.startswith(("PySide6/plugins/", "PySide6/Qt/plugins/")):
        after = path.split("plugins/", 1)[1]
        family, _, rest = after.partition("/")
        if family not in PLUGINS:
            return False
        keep = PLUGINS[family]
        return keep is None or _plugin_name(rest) in keep
    if "/translations/" in path and path.endswith(".qm") and path.startswith("PySide6/"):
        language = path.rsplit("_", 1)[-1].removesuffix(".qm")
        return language in LANGUAGES
    name = path.rsplit("/", 1)[-1]
    if _UNWANTED_QT_LIBS.search(name) and ("Qt6" in name or name.startswith("Qt")):
        return False
    return not (path.startswith("PySide6/") and "/qml/" in f"/{path}")


def _prunable(destination: str) -> bool:
    """A shared library at the bundle's root that only other libraries can need."""
    return (
        "/" not in destination
        and ".so" in destination
        and not destination.startswith(("libpython", "_", "libpyside", "libshiboken"))
        and ".cpython-" not in destination
        and ".abi3." not in destination
    )


def prune_orphans(
    binaries: list[tuple[str, str, str]], needed_by: Callable[[str], set[str]]
) -> list[tuple[str, str, str]]:
    """Drop root-level libraries no kept binary needs any more.

    PyInstaller collects the dependencies of every plugin before :func:`wanted` drops plugins,
    so e.g. the GTK theme's Pango, Cairo and ATK would stay behind without a user.
    ``needed_by(source_path)`` gives a binary's DT_NEEDED names.
    """
    kept = list(binaries)
    while True:
        needed: set[str] = set()
        for _destination, source, _kind in kept:
            needed |= needed_by(source)
        orphans = {d for d, _s, _k in kept if _prunable(d) and d not in needed}
        if not orphans:
            return kept
        kept = [entry for entry in kept if entry[0] not in orphans]


@cache
def readelf_needed(path: str) -> set[str]:
    """DT_NEEDED of an ELF file (Linux build machines); empty when readelf cannot say."""
    import subprocess

    try:
        output = subprocess.run(
            ["readelf", "-d", path], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return set()
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", output))
