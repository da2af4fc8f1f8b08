"""What waits until the first screen is painted (docs/ARCHITECTURE.md, "Start-up: the light
path") is still there, reachable and working once it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_fakes import KARI
from desk_helpers import TIMEOUT, sign_in, signed_in
from pytestqt.qtbot import QtBot

from officer_desk.app import people, signing_in
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import Role
from officer_desk.paths import AppPaths
from officer_desk.store.database import Store
from officer_desk.store.keyslots import WrongPassword
from officer_desk.store.tables import Officer
from officer_desk.ui import main_window
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.sync.state import Phase

pytest_plugins = ["desk_fixtures"]


@pytest.fixture
def supervisor(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="ingrid", display_name="Ingrid Sæbø", role="supervisor"
    )


def later_parts_built(window: MainWindow) -> bool:
    return window._supervision is not None and window._sync is not None


def test_the_supervisors_screens_and_the_sync_come_after_the_first_screen(
    qtbot: QtBot, window: MainWindow, supervisor: Officer, caseload: list[str]
) -> None:
    assert not later_parts_built(window)  # nothing of them before anyone signs in
    with qtbot.waitSignal(window.desk.screen_ready, timeout=TIMEOUT):
        window._session.sign_in(signed_in(supervisor))
    qtbot.waitUntil(lambda: later_parts_built(window), timeout=TIMEOUT)

    # The Unit menu has the supervisor's entries, in their place and enabled for them.
    entries = [a for a in window.unit_menu.actions() if not a.isSeparator()]
    screens = window.supervision
    assert entries[:3] == [
        window.handover_action,
        screens.overview_action,
        screens.conflicts_action,
    ]
    assert screens.overview_action.isEnabled() and screens.conflicts_action.isEnabled()
    screens.overview_action.trigger()
    assert window.pages.currentWidget() is screens._overview
    screens.conflicts_action.trigger()
    assert window.pages.currentWidget() is screens._conflicts

    # The sync read its state once the screen was up: a store without a hub is standalone.
    qtbot.waitUntil(lambda: window.sync.controller.view.phase is Phase.STANDALONE, timeout=TIMEOUT)
    assert window.sync.indicator.isVisibleTo(window)
    assert not window.desk_actions.sync_now.isEnabled()


def test_the_desk_settles_one_step_after_another_then_the_window_builds_its_later_parts(
    qtbot: QtBot, window: MainWindow, supervisor: Officer, caseload: list[str]
) -> None:
    """A supervisor's own caseload is empty: her first screen is the first caseload with
    people, and what it did not need comes after it, the window's parts last (while the
    person page was being built they would compete with it for the interpreter lock)."""
    order: list[str] = []
    window.desk.screen_ready.connect(
        lambda: order.append(f"screen ready with {window.desk.model.rowCount()} people")
    )
    window.desk.settled.connect(lambda: order.append("desk settled"))
    window.later_parts_built.connect(lambda: order.append("window complete"))
    with qtbot.waitSignal(window.later_parts_built, timeout=TIMEOUT):
        window._session.sign_in(signed_in(supervisor))
    assert order == [
        f"screen ready with {len(caseload)} people",
        "desk settled",
        "window complete",
    ]
    page = window.desk._person
    assert page is not None  # built ahead of the first person opened, with both panels
    assert page.tabs.widget(1) is page.programmes and page.tabs.widget(2) is page.release_plan


def test_the_unit_menu_opened_before_the_first_screen_has_every_entry(
    qtbot: QtBot, window: MainWindow, officer: Officer
) -> None:
    assert window._supervision is None
    window.unit_menu.aboutToShow.emit()
    screens = window.supervision
    assert screens.overview_action in window.unit_menu.actions()
    assert screens.conflicts_action in window.unit_menu.actions()
    assert not screens.overview_action.isEnabled()  # nobody signed in
    sign_in(qtbot, window, officer)
    assert not screens.overview_action.isEnabled()  # an officer is no supervisor


def test_screens_opened_from_the_menus_are_built_when_first_opened(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    sign_in(qtbot, window, officer)
    assert window._handover_page is None and window._progress_page is None
    window.handover_action.trigger()
    assert window.pages.currentWidget() is window._handover_page
    window.progress_action.trigger()
    assert window.pages.currentWidget() is window._progress_page
    window.desk_actions.home.trigger()
    assert window.pages.currentWidget() is window.desk
    dialog = window.desk.log_meal()  # the logging dialogs' modules load at the first use
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_a_sync_built_after_the_sign_in_starts_for_whoever_is_signed_in(
    qtbot: QtBot, window: MainWindow, supervisor: Officer
) -> None:
    window._session.sign_in(signed_in(supervisor))
    sync = window.sync  # built now, as after the first screen
    qtbot.waitUntil(lambda: sync.controller.view.phase is Phase.STANDALONE, timeout=TIMEOUT)
    assert sync.controller.active


def test_the_early_unlock_gives_the_key_or_the_refusal(encrypted_unit: AppPaths) -> None:
    username, _name, password = KARI
    store_path = Path(encrypted_unit.store)
    right = signing_in.EarlyUnlock(store_path, username, password)
    store, user = right.open()
    try:
        assert user.username == username and user.role is Role.OFFICER
    finally:
        store.close()
    wrong = signing_in.EarlyUnlock(store_path, username, "not the password")
    with pytest.raises(WrongPassword):
        wrong.key()
    assert wrong.done


@pytest.fixture
def admin_account(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="solvi", display_name="Sølvi Lægreid", role="admin"
    )


def test_an_admin_has_no_first_screen_to_wait_for(
    qtbot: QtBot, window: MainWindow, admin_account: Officer
) -> None:
    window._session.sign_in(signed_in(admin_account))
    assert later_parts_built(window)  # built at the sign-in: no home screen comes
    qtbot.waitUntil(lambda: window.sync.controller.view.phase is Phase.STANDALONE, timeout=TIMEOUT)
    assert window.sync.controller.view.may_enrol
    assert not window.supervision.overview_action.isEnabled()


def test_cards_built_ahead_are_the_caseloads_cards_and_no_more(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    from officer_desk.ui.home.card import PersonCard

    window.desk.home.prepare_cards(count=8)  # more than the six who come
    window.prepare_desk()  # and what the app calls while a password is checked
    ahead = window.desk.home.grid_host.findChildren(PersonCard)
    assert len(ahead) == 8 and not any(card.isVisible() for card in ahead)
    sign_in(qtbot, window, officer)
    cards = window.desk.home.cards
    assert len(cards) == 6 and set(cards) <= set(ahead)
    assert all(card.isVisible() and card.name.full_text() for card in cards)
    qtbot.waitUntil(
        lambda: len(window.desk.home.grid_host.findChildren(PersonCard)) == 6, timeout=TIMEOUT
    )


def test_cards_stay_hidden_for_the_next_caseload_and_go_when_the_user_signs_out(
    qtbot: QtBot, window: MainWindow, officer: Officer, supervisor: Officer, caseload: list[str]
) -> None:
    from officer_desk.ui.home.card import PersonCard

    home = window.desk.home
    sign_in(qtbot, window, officer)
    shown = list(home.cards)
    assert len(shown) == 6
    # Another caseload with nobody in it (a supervisor looking at an empty one): the cards
    # are hidden, not destroyed...
    with qtbot.waitSignal(home.model.loaded, timeout=TIMEOUT):
        home.model.show_officer(supervisor.id)
    assert home.cards == [] and not any(card.isVisible() for card in shown)
    # ...and the next caseload fills them in instead of building six new ones.
    with qtbot.waitSignal(home.model.loaded, timeout=TIMEOUT):
        home.model.show_officer(officer.id)
    assert set(home.cards) == set(shown) and all(card.isVisible() for card in shown)
    # Signed out: no card that showed somebody stays for the next user.
    window._session.sign_out()
    qtbot.waitUntil(
        lambda: not [c for c in home.grid_host.findChildren(PersonCard) if c.name.full_text()],
        timeout=TIMEOUT,
    )


def test_the_sync_and_the_supervisors_screens_come_even_if_the_desk_is_never_painted(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    caseload: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A window kept minimised never paints its first screen, so the desk never settles:
    the window's later parts (the sync above all) still come, after a while."""
    monkeypatch.setattr(main_window, "LATER_PARTS_AT_LATEST_MS", 100)
    window.hide()
    ready: list[bool] = []
    window.desk.screen_ready.connect(lambda: ready.append(True))
    with qtbot.waitSignal(window.later_parts_built, timeout=TIMEOUT):
        window._session.sign_in(signed_in(officer))
    assert ready == [] and later_parts_built(window)
