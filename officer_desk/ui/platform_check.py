"""Can this Linux machine show a window?  Plain words instead of Qt's abort.

Without (for example) ``libxcb-cursor.so.0``, or with ``DISPLAY`` naming an X server that does
not answer, Qt prints "xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform
plugin" (in both cases) and aborts with a core dump; the person at the workstation, or
facility IT, cannot tell what is wrong from that.  This module tells the two apart: it checks
the system libraries Qt's xcb plugin loads (naming the Debian packages that provide the
missing ones) and whether the display answers.

The check costs some 30 ms of loading libraries, so it runs only when Qt has failed: the
launcher gives Qt ``offscreen`` as its last platform (:func:`fall_back_offscreen`), so a
failing xcb plugin hands control back instead of aborting, and :func:`explain_failure` then
says why.  No Qt is imported here.
"""

from __future__ import annotations

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


FALLBACK = "offscreen"
Reach = Callable[[str], bool]


def _dlopen(soname: str) -> object:
    # The same lookup the dynamic linker does for Qt (ld.so.cache, LD_LIBRARY_PATH), unlike
    # ctypes.util.find_library, which also runs ldconfig or gcc in a subprocess.
    import ctypes

    return ctypes.CDLL(soname)


def _display_answers(display: str) -> bool:
    """Whether an X connection to ``display`` opens (libxcb's own connect: the socket, the
    host, and the X authority all count), as Qt's xcb plugin will try it."""
    import ctypes

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # said as a missing library instead
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)  # also frees a connection that failed


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
    reach: Reach = _display_answers,
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
    display = environ.get("DISPLAY", "")
    if display and "libxcb.so.1" not in missing and not reach(display):
        found.append(
            f"The X display {display} (the DISPLAY variable) does not answer, or this user "
            "may not use it.\n"
            + ("S" if missing else "No library is missing: s")
            + "tart officer-desk from the desktop session of the workstation, or check that "
            "its X server runs and that DISPLAY (and XAUTHORITY) point at it."
        )
    return found


def fall_back_offscreen(environ: dict[str, str] | os._Environ[str]) -> str | None:
    """When Qt would use xcb, add ``offscreen`` as its last resort, so that a failing xcb
    plugin gives control back (:func:`explain_failure`) instead of aborting the process.
    Returns the value to put back once Qt has started (``""``: unset), None if unchanged."""
    if not sys.platform.startswith("linux") or not uses_xcb(environ):
        return None
    before = environ.get("QT_QPA_PLATFORM", "")
    environ["QT_QPA_PLATFORM"] = f"{before or 'xcb'};{FALLBACK}"
    return before


def restore(environ: dict[str, str] | os._Environ[str], before: str) -> None:
    """Put QT_QPA_PLATFORM back (a restart, or a child process, must not inherit ours)."""
    if before:
        environ["QT_QPA_PLATFORM"] = before
    else:
        environ.pop("QT_QPA_PLATFORM", None)


def explain_failure(
    platform_name: str, found: list[str] | None = None, stream: TextIO | None = None
) -> int:
    """After Qt started with the fallback: 0 when it got its wanted platform; otherwise say
    why it did not (:func:`problems`) and return 2."""
    if platform_name != FALLBACK:
        return 0
    found = problems() if found is None else found
    out = stream or sys.stderr
    print("officer-desk cannot start here.\n", file=out)
    print(
        "\n\n".join(found)
        or "Qt could not open a window on this display, and no missing library or display "
        "problem was found. Run with QT_DEBUG_PLUGINS=1 to see Qt's own reasons.",
        file=out,
    )
    return 2
