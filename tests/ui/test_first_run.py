"""The first-run guide: an empty data folder offers demo data, a standalone set-up or joining a
hub; each path ends on the sign-in page, and bad input is refused in place, nothing typed lost."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from desk_fakes import Desk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from officer_desk.app import accounts
from officer_desk.domain.enums import Role
from officer_desk.paths import AppPaths
from officer_desk.ui.first_run.guide import FirstRunGuide
from officer_desk.ui.first_run.page import FirstRunPage

pytest_plugins = ["desk_fixtures"]

ADMIN_PW = "kaffe og vafler i fellesrommet"
KARI_PW = "stille morgen ved fjorden"


@pytest.fixture
def first_run(qtbot: QtBot, app_paths: AppPaths, fast_kdf: None) -> Iterator[Desk]:
    desk = Desk(qtbot, app_paths)
    with qtbot.waitSignal(desk.gate.stopped, timeout=10_000) as stopped:
        desk.gate.start()
    assert stopped.args[0].startswith("No records on this workstation.")
    desk.window.activateWindow()  # offscreen, a window is active only when asked
    yield desk
    desk.close()


def guide(desk: Desk) -> FirstRunGuide:
    assert desk.gate.first_run is not None
    return desk.gate.first_run


def off_the_gui(work: Callable[[], None]) -> None:
    """Set-up work of the test itself, on a thread of its own (the GUI thread runs no SQL)."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:
            failed.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    assert not failed, failed


def fill(fields: list[QLineEdit], values: list[str]) -> None:
    for field, value in zip(fields, values, strict=True):
        field.setText(value)


SETUP = ["Halden fengsel", "HAL", "Enhet C", "C", "Åse IT", "it.admin", ADMIN_PW, ADMIN_PW]


def test_an_empty_folder_shows_the_three_ways_to_start(first_run: Desk, qtbot: QtBot) -> None:
    page = guide(first_run).page
    assert isinstance(page, FirstRunPage) and page.isVisible()
    assert not first_run.gate.sign_in_page.isVisible()
    qtbot.waitUntil(page.demo_button.hasFocus, timeout=5000)
    for button in (page.demo_button, page.setup_button, page.join_button):
        assert button.isVisible() and button.accessibleName()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Every control of every step has an accessible name and takes the keyboard.
    for step in (page.setup, page.join):
        page.show_step(step)
        assert step.inputs()[0].hasFocus()
        controls = [*step.findChildren(QLineEdit), *step.findChildren(QAbstractButton)]
        assert len(controls) >= 4
        for control in controls:
            assert control.accessibleName(), control
            assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.accessibleName()
    page.setup.back.click()
    assert page.current_step() is page.choices


def test_set_up_a_standalone_workstation_then_sign_in_as_its_admin(
    first_run: Desk, qtbot: QtBot, app_paths: AppPaths
) -> None:
    page = guide(first_run).page
    page.setup_button.click()
    setup = page.setup
    fill(setup.inputs(), SETUP)
    with qtbot.waitSignal(first_run.gate.waiting, timeout=20_000):
        setup.button.click()
        assert not setup.button.isEnabled() and setup.busy.isVisible()
    sign_in = first_run.gate.sign_in_page
    assert sign_in.isVisible() and sign_in.username.text() == "it.admin"
    assert sign_in.password.hasFocus()
    assert "Halden fengsel, unit Enhet C is set up" in sign_in.hint.text()
    user = first_run.sign_in("it.admin", ADMIN_PW)
    assert user.role is Role.ADMIN and user.display_name == "Åse IT"
    assert app_paths.store.exists()


def test_set_up_refuses_bad_input_in_place_and_keeps_what_was_typed(
    first_run: Desk, qtbot: QtBot, app_paths: AppPaths
) -> None:
    page = guide(first_run).page
    page.setup_button.click()
    setup = page.setup
    # An empty field: named, the cursor put there, nothing else touched.
    fill(setup.inputs(), [*SETUP[:3], "", *SETUP[4:]])
    setup.button.click()
    assert setup.error.isVisible() and "Unit code" in setup.error.text()
    assert setup.unit_code.hasFocus()
    assert setup.facility_name.text() == "Halden fengsel" and setup.password.text() == ADMIN_PW
    # Two different passwords: both emptied, the rest kept.
    setup.unit_code.setText("C")
    setup.again.setText("something else entirely")
    setup.button.click()
    assert "not the same" in setup.error.text()
    assert setup.password.text() == "" and setup.again.text() == ""
    assert setup.password.hasFocus() and setup.username.text() == "it.admin"
    # The password policy, before anything runs on the worker.
    fill([setup.password, setup.again], ["passord123", "passord123"])
    setup.button.click()
    assert "attackers try" in setup.error.text()
    fill([setup.password, setup.again], ["short", "short"])
    setup.button.click()
    assert "too short" in setup.error.text()
    fill([setup.password, setup.again], ["it.admin on duty", "it.admin on duty"])
    setup.button.click()
    assert "user name" in setup.error.text()
    assert not first_run.executor.busy and not app_paths.store.exists()

    # A refusal from the use case on the worker (records appeared meanwhile): said in place.
    def someone_else() -> None:
        other, _ = accounts.create_store(
            app_paths.store, facility_name="X", facility_code="X", unit_name="Y",
            unit_code="Y", admin_username="someone", admin_name="Someone",
            admin_password=KARI_PW,
        )  # fmt: skip
        other.close()

    off_the_gui(someone_else)
    fill([setup.password, setup.again], [ADMIN_PW, ADMIN_PW])
    setup.button.click()
    qtbot.waitUntil(lambda: setup.button.isEnabled(), timeout=10_000)
    assert "already records on this workstation" in setup.error.text()
    assert [f.text() for f in setup.inputs()[:6]] == SETUP[:6]
    assert page.isVisible()


def test_try_with_demo_data_makes_the_demo_unit_and_shows_its_accounts(
    first_run: Desk, qtbot: QtBot
) -> None:
    page = guide(first_run).page
    with qtbot.waitSignal(first_run.gate.waiting, timeout=120_000):
        page.demo_button.click()
    first_run.settle()
    sign_in = first_run.gate.sign_in_page
    assert sign_in.isVisible()
    assert first_run.gate.demo_summary is not None
    hint = sign_in.hint.text()
    assert "Demo accounts" in hint and first_run.gate.demo_password in hint


# --- joining a hub ------------------------------------------------------------------------------


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[object]:
    from officer_desk.server import db as hub_db
    from officer_desk.server.app import create_app

    engine = hub_db.make_engine(f"sqlite:///{tmp_path / 'hub.sqlite'}")
    hub_db.upgrade(engine)
    yield engine, create_app(engine)
    engine.dispose()


def _code(hub: object, unit: str) -> str:
    from officer_desk.server.app import create_enrol_code

    engine, _app = hub  # type: ignore[misc]
    made: list[str] = []
    # The hub's database, not the desk's; still kept off the GUI thread like all SQL here.
    off_the_gui(lambda: made.append(create_enrol_code(engine, unit)))
    return made[0]


def _unit_on_the_hub(hub: object, folder: Path) -> None:
    """Workstation A of unit J (admin it, officer kari), enrolled and synced."""
    from officer_desk.domain.signing import public_text
    from officer_desk.server.authority import trust_admin
    from officer_desk.sync.client import SyncClient
    from officer_desk.sync.transport import InProcessTransport

    _engine, app = hub  # type: ignore[misc]
    folder.mkdir()
    store, admin = accounts.create_store(
        folder / "officer_desk.sqlite", facility_name="Halden", facility_code="HAL",
        unit_name="Enhet J", unit_code="J", admin_username="it", admin_name="Åse IT",
        admin_password=ADMIN_PW,
    )  # fmt: skip
    try:
        # Facility IT's ceremony: the hub trusts unit J's first admin.
        trust_admin(
            _engine,
            unit_code="J",
            officer_id=admin.officer_id,
            public=public_text(store.signers[admin.officer_id]),
        )
        accounts.create_account(
            store,
            admin.actor(),
            username="kari",
            display_name="Kari Nordmann",
            role="officer",
            password=KARI_PW,
        )
        client = SyncClient(store, InProcessTransport(app))
        client.enroll("https://hub.test", _code(hub, "J"), "a")
        client.sync_once()
        client.close()
    finally:
        store.close()


def _in_process(hub: object) -> object:
    from officer_desk.sync.transport import InProcessTransport

    _engine, app = hub  # type: ignore[misc]
    return lambda _url: InProcessTransport(app)


def _join(desk: Desk, url: str, code: str, qtbot: QtBot) -> None:
    join = guide(desk).page.join
    join.url.setText(url)
    join.code.setText(code)
    join.button.click()
    qtbot.waitUntil(lambda: join.button.isEnabled() or not join.isVisible(), timeout=30_000)


def test_join_a_hub_then_the_units_officer_signs_in_here(
    first_run: Desk, qtbot: QtBot, hub: object, tmp_path: Path, app_paths: AppPaths
) -> None:
    off_the_gui(lambda: _unit_on_the_hub(hub, tmp_path / "a"))
    g = guide(first_run)
    g.transport_for = _in_process(hub)  # type: ignore[assignment]
    g.page.join_button.click()
    assert g.page.join.name.text() == socket.gethostname()
    code = _code(hub, "J")
    with qtbot.waitSignal(first_run.gate.waiting, timeout=30_000):
        _join(first_run, "https://hub.test", code, qtbot)
    sign_in = first_run.gate.sign_in_page
    assert sign_in.isVisible() and sign_in.username.text() == ""
    assert "joined unit J" in sign_in.hint.text()
    user = first_run.sign_in("kari", KARI_PW)
    assert user.display_name == "Kari Nordmann" and user.role is Role.OFFICER
    assert app_paths.store.exists()


def test_join_refuses_bad_addresses_codes_and_unreachable_hubs_keeping_what_was_typed(
    first_run: Desk, qtbot: QtBot, hub: object, app_paths: AppPaths
) -> None:
    g = guide(first_run)
    g.page.join_button.click()
    join = g.page.join
    # Checked before any network: a malformed address, an empty or short code, no name.
    join.url.setText("hub.facility.local")
    join.code.setText("ABCD-EFGH-JKMN")
    join.button.click()
    assert "not a hub address" in join.error.text() and join.url.hasFocus()
    assert join.code.text() == "ABCD-EFGH-JKMN"
    # Plain http:// to another computer: refused with the reason and what to do.
    join.url.setText("http://hub.facility.local:8765")
    join.button.click()
    assert "starts with http://" in join.error.text() and join.url.hasFocus()
    assert "unencrypted" in join.error.text() and "https" in join.error.text()
    assert join.error.isVisible()
    join.url.setText("http://127.0.0.1:9")
    join.code.setText("")
    join.button.click()
    assert "one-time code" in join.error.text() and join.code.hasFocus()
    join.code.setText("ABC")
    join.button.click()
    assert "12 letters and digits" in join.error.text()
    join.code.setText("ABCD-EFGH-JKMN")
    join.name.setText("  ")
    join.button.click()
    assert "name" in join.error.text() and join.name.hasFocus()
    join.name.setText("ws2")
    # Nothing listening at that port: unreachable, said in place, no file kept.
    port = _free_port()
    _join(first_run, f"http://127.0.0.1:{port}", "ABCD-EFGH-JKMN", qtbot)
    assert "cannot be reached" in join.error.text() and join.url.hasFocus()
    assert join.url.text() == f"http://127.0.0.1:{port}" and join.code.text() == "ABCD-EFGH-JKMN"
    assert list(app_paths.store.parent.glob(app_paths.store.name + "*")) == []
    # A hub that does not know the code.
    g.transport_for = _in_process(hub)  # type: ignore[assignment]
    _join(first_run, "https://hub.test", "WXYZ-WXYZ-WXYZ", qtbot)
    assert join.error.isVisible() and join.code.hasFocus()
    assert join.code.text() == "WXYZ-WXYZ-WXYZ" and join.name.text() == "ws2"
    # A unit nobody has synced yet: no accounts would arrive, so nothing is kept.
    _join(first_run, "https://hub.test", _code(hub, "Q"), qtbot)
    assert "sent no accounts" in join.error.text()
    assert list(app_paths.store.parent.glob(app_paths.store.name + "*")) == []
    assert join.isVisible() and not first_run.gate.sign_in_page.isVisible()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_guide_is_not_imported_until_a_folder_is_empty() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nimport officer_desk.ui.gate, officer_desk.ui.main_window\n"
        "print(any(m.startswith(('officer_desk.ui.first_run', 'officer_desk.ui.help',"
        " 'officer_desk.app.joining')) for m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def _widgets(root: QWidget) -> list[QWidget]:
    return root.findChildren(QWidget)
