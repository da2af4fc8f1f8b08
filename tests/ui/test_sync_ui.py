"""Sync in the app: the status-bar indicator, its panel, automatic sync and enrolment, against
an in-process hub (the FastAPI app through httpx's ASGI transport, no sockets)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest_shared import signed_in_everywhere  # noqa: F401
from desk_helpers import TIMEOUT, sign_in, signed_in
from pytestqt.qtbot import QtBot
from sqlmodel import select
from synchelp import KEYS, Hub, give_keys, make_hub, trust_store_admin, workstation

from officer_desk.app import people
from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import PermissionDenied
from officer_desk.server.app import revoke_device
from officer_desk.store.database import Store
from officer_desk.store.signed_outbox import sign_entry
from officer_desk.store.tables import Officer
from officer_desk.sync.client import SyncClient
from officer_desk.sync.errors import HubUnreachable
from officer_desk.sync.transport import InProcessTransport, Transport
from officer_desk.ui.admin_pages import AdminPage
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.sync import enrol as enrol_module
from officer_desk.ui.sync.controller import SyncTiming
from officer_desk.ui.sync.state import Phase, Problem, PulledChange, clock_time

FAST = SyncTiming(after_change=50, every=60_000, retry_first=100, retry_most=400, quit_wait=3000)
QUIET = SyncTiming(after_change=60_000, every=60_000, retry_first=100, retry_most=400)


class SwitchableHub:
    """The in-process hub behind a switch: ``down`` makes every request fail as if the network
    were gone; ``hold`` makes requests wait (a hub that does not answer)."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.down = False
        self.hold = threading.Event()
        self.hold.set()
        self.made: list[str] = []

    def transport_for(self, url: str) -> Transport:
        self.made.append(url)
        inner = InProcessTransport(self.hub.app)
        switch = self

        class Switched:
            def send(self, method: str, path: str, **kw: Any) -> tuple[int, Any]:
                switch.hold.wait(10)
                if switch.down:
                    raise HubUnreachable("The hub cannot be reached (test).")
                return inner.send(method, path, **kw)

            def close(self) -> None:
                inner.close()

        return Switched()


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    made = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite'}")
    yield made
    made.engine.dispose()


@pytest.fixture
def net(hub: Hub) -> SwitchableHub:
    return SwitchableHub(hub)


@pytest.fixture(autouse=True)
def off_the_gui_thread(monkeypatch: pytest.MonkeyPatch, unit_store: Store) -> Iterator[list[str]]:
    """Every SyncClient call made during a test must run off the GUI thread."""
    seen: list[str] = []
    for name in ("sync_once", "status", "enroll", "rejected"):
        original = getattr(SyncClient, name)

        def watched(
            self: SyncClient, *args: Any, _original: Any = original, _n: str = name, **kwargs: Any
        ) -> Any:
            if threading.current_thread() is threading.main_thread():
                seen.append(_n)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(SyncClient, name, watched)
    yield seen
    assert not seen, f"SyncClient ran on the GUI thread: {seen}"


def off_gui(work: Any, *args: Any) -> Any:
    """The test's own look at the hub (or at another workstation) runs on a helper thread:
    the guard against SQL on the GUI thread is about the app, which must pass it as is."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(work, *args).result()


def keys_for_everyone(store: Store, hub: Hub) -> None:
    """As if every account had signed in here with its password: each has its signing key on
    this store (synchelp.give_keys), and the hub trusts the unit's admins (facility IT's
    ceremony); a unit without an admin gets one."""
    with store.reading() as session:
        officers = list(session.exec(select(Officer)).all())
    admins = [o for o in officers if o.role == "admin"]
    if not admins:
        admins = [
            people.add_officer(
                store, Actor.system("test"), username="ada", display_name="Ada IT", role="admin"
            )
        ]
        officers += admins
    give_keys(store, [o.id for o in officers if o.id not in KEYS])
    for admin in admins:
        trust_store_admin(hub.engine, store, admin.id)


def first_admin(store: Store) -> Actor:
    """The unit's admin (whose changes are signed), or facility IT's local tool on a store
    that has none (standalone: nothing is sent anywhere)."""
    with store.reading() as session:
        admin = session.exec(select(Officer).where(Officer.role == "admin")).first()
    if admin is None:
        return Actor.system("test")
    return Actor(admin.id, admin.display_name, role="admin")


def enrolled(store: Store, hub: Hub) -> str:
    """Join ``store`` to ``hub`` (in the fixture, before the test body); the device id."""
    off_gui(keys_for_everyone, store, hub)

    def join() -> str:
        client = SyncClient(store, InProcessTransport(hub.app))
        try:
            return client.enroll("https://hub.test", hub.code("C"), "desk-under-test").device_id
        finally:
            client.close()

    return str(off_gui(join))


def add_person(name: str) -> Any:
    number = "".join(ch for ch in name if ch.isalnum())

    def work(store: Store) -> Any:
        return people.add_inmates(
            store,
            first_admin(store),
            [
                people.InmateDetails(
                    prison_number=f"H-{number}", full_name=name, date_of_birth=date(1990, 1, 1)
                )
            ],
            today=date.today(),
        )

    return work


def start(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    net: SwitchableHub,
    timing: SyncTiming = FAST,
) -> None:
    window.sync.use(net.transport_for, timing)
    sign_in(qtbot, window, officer)


def indicator_text(window: MainWindow) -> str:
    return window.sync.indicator.text()


def wait_phase(qtbot: QtBot, window: MainWindow, phase: Phase, timeout: int = TIMEOUT) -> None:
    qtbot.waitUntil(lambda: window.sync.controller.view.phase is phase, timeout=timeout)


# --- no hub ---------------------------------------------------------------------------------


def test_without_a_hub_the_desk_says_standalone_and_never_syncs(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    officer: Officer,
    caseload: list[str],
    net: SwitchableHub,
) -> None:
    start(qtbot, window, officer, net)
    wait_phase(qtbot, window, Phase.STANDALONE)
    assert "Standalone — not connected to a hub" in indicator_text(window)
    assert not window.desk_actions.sync_now.isEnabled()

    with qtbot.waitSignal(executor.changed, timeout=TIMEOUT):
        executor.submit(add_person("Ny Person"))
    # The change has been announced (the controller heard it first): no sync is due.
    assert not window.sync.controller.due
    assert net.made == []
    assert window.sync.controller.view.phase is Phase.STANDALONE

    panel = window.sync.indicator.open_panel()
    assert panel.join_button.isVisible()
    assert not panel.join_button.isEnabled()  # an officer: only an admin joins a hub
    assert "admin" in panel.join_button.toolTip()
    assert not panel.sync_button.isEnabled()


# --- enrolled -------------------------------------------------------------------------------


@pytest.fixture
def joined(unit_store: Store, hub: Hub, caseload: list[str]) -> str:
    return enrolled(unit_store, hub)


def test_sign_in_syncs_and_the_indicator_shows_the_time(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    caseload: list[str],
    joined: str,
    hub: Hub,
    net: SwitchableHub,
) -> None:
    phases: list[Phase] = []
    window.sync.controller.view_changed.connect(lambda view: phases.append(view.phase))
    start(qtbot, window, officer, net)
    qtbot.waitUntil(lambda: window.sync.controller.view.last_sync_at is not None, timeout=TIMEOUT)
    view = window.sync.controller.view
    assert Phase.SYNCING in phases and view.phase is Phase.IDLE
    assert view.waiting == 0
    assert view.last_sync_at is not None
    assert indicator_text(window).endswith(f"Synced at {clock_time(view.last_sync_at)}")
    # The standalone store's people reached the hub with the first sync.
    assert {("inmate", i) for i in caseload} <= set(off_gui(hub.records))
    assert window.desk_actions.sync_now.isEnabled()


def test_a_write_waits_then_sync_now_sends_it(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    officer: Officer,
    caseload: list[str],
    joined: str,
    hub: Hub,
    net: SwitchableHub,
) -> None:
    start(qtbot, window, officer, net, QUIET)
    qtbot.waitUntil(lambda: window.sync.controller.view.last_sync_at is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(executor.changed, timeout=TIMEOUT) as written:
        executor.submit(add_person("Ny Person"))
    new_id = written.args[0].ids[0]
    qtbot.waitUntil(lambda: window.sync.controller.view.waiting >= 1, timeout=TIMEOUT)
    assert "change" in indicator_text(window) and "waiting" in indicator_text(window)
    assert ("inmate", new_id) not in off_gui(hub.records)

    texts: list[str] = []
    window.sync.controller.view_changed.connect(lambda _v: texts.append(indicator_text(window)))
    window.desk_actions.sync_now.trigger()
    qtbot.waitUntil(lambda: ("inmate", new_id) in off_gui(hub.records), timeout=TIMEOUT)
    wait_phase(qtbot, window, Phase.IDLE)
    qtbot.waitUntil(lambda: window.sync.controller.view.waiting == 0, timeout=TIMEOUT)
    assert any("Syncing…" in t for t in texts)
    assert "Synced at" in indicator_text(window)


def test_sync_runs_by_itself_shortly_after_a_change(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    officer: Officer,
    caseload: list[str],
    joined: str,
    hub: Hub,
    net: SwitchableHub,
) -> None:
    start(qtbot, window, officer, net)
    qtbot.waitUntil(lambda: window.sync.controller.view.last_sync_at is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(executor.changed, timeout=TIMEOUT) as written:
        executor.submit(add_person("Auto Sendt"))
    new_id = written.args[0].ids[0]
    qtbot.waitUntil(lambda: ("inmate", new_id) in off_gui(hub.records), timeout=TIMEOUT)


def test_hub_down_is_offline_then_recovers_by_itself(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    officer: Officer,
    caseload: list[str],
    joined: str,
    hub: Hub,
    net: SwitchableHub,
) -> None:
    start(
        qtbot,
        window,
        officer,
        net,
        SyncTiming(after_change=50, every=60_000, retry_first=300, retry_most=600),
    )
    qtbot.waitUntil(lambda: window.sync.controller.view.last_sync_at is not None, timeout=TIMEOUT)
    net.down = True
    with qtbot.waitSignal(executor.changed, timeout=TIMEOUT) as written:
        executor.submit(add_person("Offline Person"))
    new_id = written.args[0].ids[0]
    wait_phase(qtbot, window, Phase.OFFLINE)
    assert indicator_text(window).startswith("●  Offline")
    qtbot.waitUntil(lambda: "1 change waiting" in indicator_text(window), timeout=TIMEOUT)
    assert "cannot be reached" in window.sync.indicator.toolTip()

    net.down = False  # the backoff timer tries again without anyone pressing anything
    wait_phase(qtbot, window, Phase.IDLE, timeout=5 * TIMEOUT)
    assert ("inmate", new_id) in off_gui(hub.records)
    assert "Synced at" in indicator_text(window)


def test_a_revoked_workstation_is_told_in_plain_words(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    caseload: list[str],
    joined: str,
    hub: Hub,
    net: SwitchableHub,
) -> None:
    start(qtbot, window, officer, net)
    qtbot.waitUntil(lambda: window.sync.controller.view.last_sync_at is not None, timeout=TIMEOUT)
    assert off_gui(revoke_device, hub.engine, joined)
    window.sync.controller.sync_now()
    wait_phase(qtbot, window, Phase.PROBLEM)
    assert window.sync.controller.view.problem is Problem.REVOKED
    assert "access was withdrawn" in indicator_text(window)
    panel = window.sync.indicator.open_panel()
    assert "enrol this workstation again" in panel.explanation.text()
    assert "nothing typed here is lost" in panel.explanation.text().lower()
    assert panel.join_button.isVisible() and not panel.join_button.isEnabled()


def test_a_workstation_enrolled_with_an_http_hub_says_the_address_is_not_secure(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    caseload: list[str],
    joined: str,
    unit_store: Store,
) -> None:
    """Enrolled before plain http:// was refused: the real network transport refuses the
    stored address, and the indicator says why and what to do."""

    def plain_http(store: Store) -> None:
        client = SyncClient(store)
        db = client._begin()
        db.execute(
            "UPDATE local_setting SET value = 'http://hub.facility.local:8765' "
            "WHERE key = 'sync.hub_url'"
        )
        db.execute("COMMIT")
        client.close()

    off_gui(plain_http, unit_store)
    window.sync.use(enrol_module.http_transport, FAST)
    sign_in(qtbot, window, officer)
    wait_phase(qtbot, window, Phase.PROBLEM)
    assert window.sync.controller.view.problem is Problem.INSECURE
    assert "address is not secure" in indicator_text(window)
    panel = window.sync.indicator.open_panel()
    assert "https://" in panel.explanation.text()
    assert "nothing typed here is lost" in panel.explanation.text().lower()


def test_refused_changes_are_listed_with_the_hubs_reason(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    officer: Officer,
    caseload: list[str],
    joined: str,
    unit_store: Store,
    net: SwitchableHub,
) -> None:
    # A change the hub refuses (for a record it does not have), signed by Kari as the desk
    # signs: refused with a reason, listed.
    start(qtbot, window, officer, net)
    qtbot.waitUntil(lambda: window.sync.controller.view.last_sync_at is not None, timeout=TIMEOUT)

    def clash(store: Store) -> None:
        entry = {
            "op_id": "op-clash",
            "entity": "inmate",
            "entity_id": "no-such",
            "op": "update",
            "payload": '{"cell":"X"}',
            "schema_version": 1,
            "hlc": store.clock.now(),
            "signer": officer.id,
        }
        db = SyncClient(store)
        try:
            conn = db._conn()
            conn.execute(
                "INSERT INTO outbox_entry (op_id, entity, entity_id, op, payload, "
                "schema_version, hlc, created_at, signer, signature) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, '2026-01-01 00:00:00.000000', ?, ?)",
                (*entry.values(), sign_entry(KEYS[officer.id], entry)),
            )
        finally:
            db.close()

    done = threading.Event()
    executor.submit(clash, lambda _r: done.set())
    qtbot.waitUntil(done.is_set, timeout=TIMEOUT)
    window.sync.controller.sync_now()
    qtbot.waitUntil(lambda: window.sync.controller.view.rejected == 1, timeout=TIMEOUT)
    assert "1 change refused" in indicator_text(window)
    panel = window.sync.indicator.open_panel()
    qtbot.waitUntil(lambda: panel.refused.topLevelItemCount() == 1, timeout=TIMEOUT)
    assert panel.refused.topLevelItem(0).text(2)  # the hub's reason, shown
    assert "(1)" in panel.rejected_title.text()


def test_pulled_changes_announce_themselves_on_the_change_signal(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    officer: Officer,
    caseload: list[str],
    joined: str,
    hub: Hub,
    net: SwitchableHub,
    tmp_path: Path,
) -> None:
    start(qtbot, window, officer, net)
    qtbot.waitUntil(lambda: window.sync.controller.view.last_sync_at is not None, timeout=TIMEOUT)

    def elsewhere() -> str:
        other = workstation(tmp_path / "other.sqlite", hub)
        other.sync_once()
        made = add_person("Fra Andre")(other.store).ids[0]
        other.sync_once()
        other.close()
        other.store.close()
        return str(made)

    new_id = off_gui(elsewhere)

    texts: list[str] = []
    window.sync.controller.view_changed.connect(lambda _v: texts.append(indicator_text(window)))
    with qtbot.waitSignal(
        executor.changed,
        timeout=TIMEOUT,
        check_params_cb=lambda c: isinstance(c, PulledChange) and new_id in c.inmate_ids,
    ):
        window.desk_actions.sync_now.trigger()
    assert any("Syncing… received" in t for t in texts)  # progress while it pulls
    wait_phase(qtbot, window, Phase.IDLE)
    # A pulled change is not a local one: no sync is due for it.
    assert not window.sync.controller.due
    assert window.sync.controller.view.phase is Phase.IDLE


def test_lock_and_sign_out_stop_sync(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    caseload: list[str],
    joined: str,
    net: SwitchableHub,
) -> None:
    start(qtbot, window, officer, net)
    qtbot.waitUntil(lambda: window.sync.controller.view.last_sync_at is not None, timeout=TIMEOUT)
    session = window._session
    session.lock()
    assert not window.sync.controller.sync_now()
    session.unlock()
    qtbot.waitUntil(lambda: window.sync.controller.active, timeout=TIMEOUT)
    session.sign_out()
    assert window.sync.controller.view.phase is Phase.OFF
    assert not window.sync.indicator.isVisible()
    assert not window.sync.controller.sync_now()


def test_closing_while_the_hub_hangs_does_not_hang_and_keeps_the_outbox(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    officer: Officer,
    caseload: list[str],
    joined: str,
    net: SwitchableHub,
    unit_store: Store,
) -> None:
    start(qtbot, window, officer, net, SyncTiming(after_change=60_000, quit_wait=300))
    qtbot.waitUntil(lambda: window.sync.controller.view.last_sync_at is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(executor.changed, timeout=TIMEOUT):
        executor.submit(add_person("Venter"))
    net.hold.clear()  # the hub stops answering
    assert window.sync.controller.sync_now()
    qtbot.waitUntil(lambda: window.sync.controller.view.phase is Phase.SYNCING, timeout=TIMEOUT)
    window.close()  # returns although the request is still hanging
    assert not window.sync.controller.active
    net.hold.set()
    waiting: list[int] = []
    executor.submit(lambda s: SyncClient(s).status().waiting, waiting.append)
    qtbot.waitUntil(lambda: bool(waiting), timeout=TIMEOUT)
    assert waiting[0] >= 1  # the unsent change is still in the outbox


# --- enrolment --------------------------------------------------------------------------------


@pytest.fixture
def admin_officer(unit_store: Store, admin: Actor, hub: Hub) -> Officer:
    made = people.add_officer(
        unit_store, admin, username="ida", display_name="Ida IT", role="admin"
    )
    keys_for_everyone(unit_store, hub)  # Ida signed in with her password; the hub trusts her
    return made


def admin_page(
    qtbot: QtBot, window: MainWindow, executor: DbExecutor, who: Officer, net: SwitchableHub
) -> AdminPage:
    window.sync.use(net.transport_for, FAST)
    page = AdminPage(executor, window._session)
    qtbot.addWidget(page)
    page.hub.transport_for = net.transport_for
    window._session.sign_in(signed_in(who))
    page.show_tab(page.hub)
    page.show()
    qtbot.waitUntil(lambda: bool(page.hub.state.text()), timeout=TIMEOUT)
    wait_phase(qtbot, window, Phase.STANDALONE)
    return page


def test_an_admin_joins_a_hub_and_the_first_sync_uploads(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    admin_officer: Officer,
    caseload: list[str],
    hub: Hub,
    net: SwitchableHub,
) -> None:
    page = admin_page(qtbot, window, executor, admin_officer, net)
    form = page.hub
    assert page.tabs.isTabEnabled(page.tabs.indexOf(form))
    assert "standalone" in form.state.text()
    wait_phase(qtbot, window, Phase.STANDALONE)
    form.url.setText("  https://hub.test/ ")
    form.code.setText(off_gui(hub.code, "C").lower())
    form.join_button.click()
    qtbot.waitUntil(lambda: "Joined the hub" in form.status.text(), timeout=TIMEOUT)
    assert "unit C" in form.status.text()
    qtbot.waitUntil(lambda: window.sync.controller.view.last_sync_at is not None, timeout=TIMEOUT)
    assert {("inmate", i) for i in caseload} <= set(off_gui(hub.records))
    assert net.made[0] == "https://hub.test"
    qtbot.waitUntil(
        lambda: "joined to the hub at https://hub.test" in form.state.text(), timeout=TIMEOUT
    )


@pytest.mark.parametrize(
    ("url", "code", "expected"),
    [
        ("", "ABCD-EFGH-JKMN", "Write the hub's address"),
        ("hub.facility.local", "ABCD-EFGH-JKMN", "starting with https://"),
        ("ftp://hub", "ABCD-EFGH-JKMN", "is not a hub address"),
        ("http://hub.facility.local:8765", "ABCD-EFGH-JKMN", "would cross the network unencrypted"),
        ("https://hub:port", "ABCD-EFGH-JKMN", "port"),
        ("https://hub.test", "", "one-time code"),
        ("https://hub.test", "AB!", "12 letters and digits"),
        ("https://hub.test", "ABCD-EFGH-JKMN", "not valid (wrong, already used or expired)"),
    ],
)
def test_enrolment_says_what_is_wrong(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    admin_officer: Officer,
    hub: Hub,
    net: SwitchableHub,
    url: str,
    code: str,
    expected: str,
) -> None:
    page = admin_page(qtbot, window, executor, admin_officer, net)
    form = page.hub
    form.url.setText(url)
    form.code.setText(code)
    form.join_button.click()
    qtbot.waitUntil(lambda: expected in form.error.text(), timeout=TIMEOUT)
    assert form.join_button.isEnabled()
    assert form.code.text() == code  # what was typed stays
    assert window.sync.controller.view.phase is Phase.STANDALONE


def test_enrolment_with_an_unreachable_hub(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    admin_officer: Officer,
    hub: Hub,
    net: SwitchableHub,
) -> None:
    page = admin_page(qtbot, window, executor, admin_officer, net)
    form = page.hub
    form.transport_for = enrol_module.http_transport  # a real socket to a closed port
    form.url.setText("http://127.0.0.1:9")
    form.code.setText(off_gui(hub.code, "C"))
    form.join_button.click()
    qtbot.waitUntil(lambda: "cannot be reached" in form.error.text(), timeout=3 * TIMEOUT)
    assert "facility's network" in form.error.text()


def test_only_an_admin_may_join_a_hub(
    qtbot: QtBot,
    window: MainWindow,
    executor: DbExecutor,
    officer: Officer,
    hub: Hub,
    net: SwitchableHub,
    unit_store: Store,
) -> None:
    page = admin_page(qtbot, window, executor, officer, net)
    assert not page.tabs.isTabEnabled(page.tabs.indexOf(page.hub))
    page.hub.url.setText("https://hub.test")
    page.hub.code.setText(off_gui(hub.code, "C"))
    page.hub.join()
    assert "Only an admin" in page.hub.error.text()
    # The worker checks too, whatever the screen did.
    refused: list[BaseException] = []
    page.hub.worker.submit(
        lambda: enrol_module.enrol(
            unit_store,
            signed_in(officer).actor(),
            "https://hub.test",
            off_gui(hub.code, "C"),
            net.transport_for,
        ),
        on_error=refused.append,
    )
    qtbot.waitUntil(lambda: bool(refused), timeout=TIMEOUT)
    assert isinstance(refused[0], PermissionDenied)
    assert Role(officer.role) is Role.OFFICER
