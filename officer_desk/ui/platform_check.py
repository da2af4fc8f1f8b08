"""Before Qt starts: can this Linux machine show a window?  Plain words instead of Qt's abort.

Without (for example) ``libxcb-cursor.so.0`` Qt prints "could not load the Qt platform plugin
xcb" and aborts with a core dump; the person at the workstation, or facility IT, cannot tell
what to install from that.  This module checks the system libraries Qt's xcb plugin loads and
names the Debian packages that provide the missing ones.  No Qt is imported here, so the
check runs before any Qt library is loaded.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from typing import TextIO

# soname -> Debian (and Ubuntu) package that ships it.  These are the libraries outside the
# PySide6 wheel that libqxcb.so, libQt6XcbQpa and libQt6Gui load (ldd of PySide6 6.12).
# libxcb-xinerama.so.0, listed in older Qt docs, is not among them: requiring it would refuse
# to start on machines where Qt runs fine.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}

Loader = Callable[[str], object]


def _dlopen(soname: str) -> object:
    # The same lookup the dynamic linker does for Qt (ld.so.cache, LD_LIBRARY_PATH), unlike
    # ctypes.util.find_library, which also runs ldconfig or gcc in a subprocess.
    return ctypes.CDLL(soname)


def missing_libraries(load: Loader = _dlopen) -> list[str]:
    """Sonames from :data:`XCB_LIBRARIES` that the dynamic linker cannot load."""
    missing = []
    for soname in XCB_LIBRARIES:
        try:
            load(soname)
        except OSError:
            missing.append(soname)
    return missing


def install_command(sonames: list[str]) -> str:
    packages = sorted({XCB_LIBRARIES[name] for name in sonames})
    return "sudo apt-get install " + " ".join(packages)


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt would pick its xcb plugin (unset or ``xcb``, possibly in a fallback list)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if not chosen:
        # Qt 6 prefers Wayland in a Wayland session; only a plain X11 session needs xcb.
        return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")
    # "xcb:option=value;wayland" -> "xcb": the first plugin in the list is tried first.
    return chosen.split(";")[0].split(":")[0].strip().lower() == "xcb"


def problems(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    load: Loader = _dlopen,
) -> list[str]:
    """What stops a window from opening, each in words fit to print; empty when all is well."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or not uses_xcb(environ):
        return []
    found: list[str] = []
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        found.append(
            "There is no graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set.\n"
            "Start officer-desk from the desktop of the workstation (not over plain ssh).\n"
            "To check the installation without a display, run: officer-desk --self-test\n"
            "(it starts offscreen and opens every main screen)."
        )
    missing = missing_libraries(load)
    if missing:
        found.append(
            "Qt cannot open a window because these system libraries are missing:\n"
            + "".join(f"  {name} (package {XCB_LIBRARIES[name]})\n" for name in missing)
            + "Install them with:\n  "
            + install_command(missing)
        )
    return found


def report(stream: TextIO | None = None) -> int:
    """Print the problems to stderr; 2 (the exit status for "cannot start here") if any."""
    found = problems()
    if not found:
        return 0
    out = stream or sys.stderr
    print("officer-desk cannot start here.\n", file=out)
    print("\n\n".join(found), file=out)
    return 2
