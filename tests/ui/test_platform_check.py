"""The platform check: plain words and the apt-get line instead of Qt's abort."""

from __future__ import annotations

import io

import pytest

from officer_desk.ui import platform_check
from officer_desk.ui.platform_check import problems

X11 = {"DISPLAY": ":0"}


def answers(_display: str) -> bool:
    return True


def loader_missing(*missing: str):  # type: ignore[no-untyped-def]
    def load(soname: str) -> object:
        if soname in missing:
            raise OSError(f"{soname}: cannot open shared object file")
        return object()

    return load


def test_all_libraries_present_and_a_display_is_fine() -> None:
    assert problems(X11, "linux", loader_missing(), answers) == []


def test_missing_libraries_name_the_debian_packages() -> None:
    found = problems(
        X11, "linux", loader_missing("libxcb-cursor.so.0", "libxcb-icccm.so.4"), answers
    )
    assert len(found) == 1
    assert "libxcb-cursor.so.0 (package libxcb-cursor0)" in found[0]
    assert found[0].endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4")


def test_every_library_maps_to_a_package() -> None:
    everything = problems(X11, "linux", loader_missing(*platform_check.XCB_LIBRARIES), answers)
    line = everything[0].splitlines()[-1]
    for soname in ("libxkbcommon-x11.so.0", "libEGL.so.1", "libGL.so.1", "libdbus-1.so.3"):
        assert platform_check.XCB_LIBRARIES[soname] in line.split()


def test_no_display_is_said_plainly_with_the_self_test_hint() -> None:
    found = problems({}, "linux", loader_missing())
    assert len(found) == 1
    assert "no graphical display" in found[0]
    assert "officer-desk --self-test" in found[0]


@pytest.mark.parametrize(
    "environ",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland"},
        {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"},
    ],
)
def test_platforms_other_than_xcb_are_not_checked(environ: dict[str, str]) -> None:
    assert problems(environ, "linux", loader_missing("libxcb-cursor.so.0")) == []


def test_explicit_xcb_is_checked() -> None:
    environ = {"QT_QPA_PLATFORM": "xcb;wayland", "DISPLAY": ":1"}
    assert problems(environ, "linux", loader_missing("libxcb-xkb.so.1"))


def test_other_operating_systems_are_not_checked() -> None:
    assert problems({}, "win32", loader_missing("libGL.so.1")) == []


def test_an_unreachable_display_is_not_called_a_missing_library() -> None:
    """Qt says "xcb-cursor0 or libxcb-cursor0 is needed" for both; we tell them apart."""
    found = problems(X11, "linux", loader_missing(), reach=lambda display: False)
    assert len(found) == 1
    assert "X display :0" in found[0] and "does not answer" in found[0]
    assert "No library is missing" in found[0]
    assert "libxcb-cursor" not in found[0]


def test_a_missing_library_with_a_display_that_answers_names_only_the_library() -> None:
    found = problems(X11, "linux", loader_missing("libxcb-cursor.so.0"), reach=lambda _d: True)
    assert len(found) == 1
    assert "libxcb-cursor0" in found[0] and "does not answer" not in found[0]


def test_the_display_is_not_tried_without_libxcb() -> None:
    def reach(_display: str) -> bool:
        raise AssertionError("tried to connect without libxcb")

    found = problems(X11, "linux", loader_missing("libxcb.so.1"), reach=reach)
    assert "libxcb1" in found[0]


def test_qt_gets_offscreen_as_its_last_resort_and_the_variable_is_put_back() -> None:
    environ = {"DISPLAY": ":0"}
    before = platform_check.fall_back_offscreen(environ)
    assert before == "" and environ["QT_QPA_PLATFORM"] == "xcb;offscreen"
    platform_check.restore(environ, before)
    assert "QT_QPA_PLATFORM" not in environ

    chosen = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}
    before = platform_check.fall_back_offscreen(chosen)
    assert chosen["QT_QPA_PLATFORM"] == "xcb;offscreen"
    platform_check.restore(chosen, before or "")
    assert chosen["QT_QPA_PLATFORM"] == "xcb"

    # Offscreen or Wayland by choice: nothing to fall back from.
    assert platform_check.fall_back_offscreen({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_only_a_failed_start_is_explained_and_exits_2() -> None:
    out = io.StringIO()
    assert platform_check.explain_failure("xcb", ["never shown"], out) == 0
    assert out.getvalue() == ""
    found = ["Install them with:\n  sudo apt-get install x"]
    assert platform_check.explain_failure("offscreen", found, out) == 2
    assert "officer-desk cannot start here" in out.getvalue()
    assert "sudo apt-get install x" in out.getvalue()


def test_a_failed_start_without_a_known_cause_still_says_what_to_try() -> None:
    out = io.StringIO()
    assert platform_check.explain_failure("offscreen", [], out) == 2
    assert "QT_DEBUG_PLUGINS=1" in out.getvalue()


def test_a_missing_library_and_a_silent_display_are_both_said_without_contradiction() -> None:
    found = problems(X11, "linux", loader_missing("libxcb-icccm.so.4"), reach=lambda _d: False)
    assert len(found) == 2
    assert "libxcb-icccm4" in found[0]
    assert "does not answer" in found[1] and "No library is missing" not in found[1]
