"""The programme pages are reachable from the window: progress for officers, the catalogue
for admins, and Go → Caseload home leads back to the desk."""

from __future__ import annotations

from desk_helpers import TIMEOUT, sign_in
from pytestqt.qtbot import QtBot

from officer_desk.store.tables import Officer
from officer_desk.ui.main_window import MainWindow


def test_programme_progress_opens_from_the_unit_menu_and_returns_home(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str]
) -> None:
    sign_in(qtbot, window, officer)
    assert window.progress_action.isEnabled()
    assert not window.catalogue_action.isEnabled()  # admins only
    window.progress_action.trigger()
    page = window._progress_page
    assert page is not None
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        window.progress_action.trigger()
    assert window.pages.currentWidget() is page
    window.desk_actions.home.trigger()
    assert window.pages.currentWidget() is window.desk
