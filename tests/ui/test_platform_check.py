"""The platform check: plain words and the apt-get line instead of Qt's abort."""

from __future__ import annotations

import pytest

from officer_desk.ui import launcher, platform_check
from officer_desk.ui.platform_check import problems

X11 = {"DISPLAY": ":0"}


def loader_missing(*missing: str):  # type: ignore[no-untyped-def]
    def load(soname: str) -> object:
        if soname in missing:
            raise OSError(f"{soname}: cannot open shared object file")
        return object()

    return load


def test_all_libraries_present_and_a_display_is_fine() -> None:
    assert problems(X11, "linux", loader_missing()) == []


def test_missing_libraries_name_the_debian_packages() -> None:
    found = problems(X11, "linux", loader_missing("libxcb-cursor.so.0", "libxcb-icccm.so.4"))
    assert len(found) == 1
    assert "libxcb-cursor.so.0 (package libxcb-cursor0)" in found[0]
    assert found[0].endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4")


def test_every_library_maps_to_a_package() -> None:
    everything = problems(X11, "linux", loader_missing(*platform_check.XCB_LIBRARIES))
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


def test_the_launcher_prints_the_problem_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        platform_check, "problems", lambda: ["Install them with:\n  sudo apt-get install x"]
    )
    assert launcher.main([]) == 2
    err = capsys.readouterr().err
    assert "officer-desk cannot start here" in err
    assert "sudo apt-get install x" in err
