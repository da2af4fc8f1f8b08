"""Accounts, settings and my password: every refusal shown in the dialog, nothing saved."""

from __future__ import annotations

import shiboken6
from desk_fakes import ADMIN, KARI, OLA, Desk, audit_actions
from pytestqt.qtbot import QtBot

from officer_desk.app import settings
from officer_desk.store.database import Store
from officer_desk.ui.admin_pages import (
    AccountsTab,
    CloseAccountDialog,
    ResetPasswordDialog,
    RoleDialog,
)
from officer_desk.ui.work_dialog import WorkDialog

NEW_PW = "blåbær og brunost om morgenen"

# The gate fixtures (encrypted_unit, desk, fast_kdf, app_paths).
pytest_plugins = ["desk_fixtures"]


def as_admin(desk: Desk) -> AccountsTab:
    desk.start()
    desk.sign_in(ADMIN[0], ADMIN[2])
    return desk.gate.admin.accounts


def rows(tab: AccountsTab) -> dict[str, tuple[str, str, str]]:
    items = [tab.list.topLevelItem(i) for i in range(tab.list.topLevelItemCount())]
    return {item.text(1): (item.text(0), item.text(2), item.text(3)) for item in items if item}


def refused(desk: Desk, dialog: WorkDialog) -> str:
    """OK pressed; the dialog stays open with the reason and nothing was written."""
    dialog.ok.click()
    desk.settle()
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    return dialog.error.text()


def accepted(desk: Desk, qtbot: QtBot, tab: AccountsTab, dialog: WorkDialog) -> None:
    with qtbot.waitSignals([dialog.accepted, tab.loaded], timeout=10_000):
        dialog.ok.click()
    desk.settle()
    assert not shiboken6.isValid(dialog)  # closed and gone


def can_sign_in(desk: Desk, username: str, password: str) -> bool:
    from officer_desk.app import accounts
    from officer_desk.domain.errors import DeskError

    def check(store: Store) -> bool:
        try:
            accounts.verify_at_desk(store, username, password, action="test")
        except DeskError:
            return False
        return True

    return desk.on_worker(check)


def test_creating_an_account_refuses_mismatch_and_weak_passwords_inline(
    desk: Desk, qtbot: QtBot
) -> None:
    tab = as_admin(desk)
    before = rows(tab)
    dialog = tab.new_account()
    dialog.display_name.setText("Nora Lie")
    dialog.username.setText("nora")
    dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
    dialog.password.setText(NEW_PW)
    dialog.again.setText(NEW_PW + "x")
    assert refused(desk, dialog) == "The two passwords are not the same. Type them again."
    assert dialog.password.text() == "" and dialog.again.text() == ""

    dialog.password.setText("password1")
    dialog.again.setText("password1")
    assert "too short" in refused(desk, dialog)
    dialog.password.setText("passord12345")
    dialog.again.setText("passord12345")
    assert "among the first ones attackers try" in refused(desk, dialog)
    desk.gate.admin.accounts.reload()
    desk.settle()
    assert rows(tab) == before  # nothing saved
    assert not can_sign_in(desk, "nora", "passord12345")

    dialog.password.setText(NEW_PW)
    dialog.again.setText(NEW_PW)
    accepted(desk, qtbot, tab, dialog)
    assert rows(tab)["nora"] == ("Nora Lie", "Supervisor", "Active")
    assert can_sign_in(desk, "nora", NEW_PW)


def test_an_empty_name_is_asked_for(desk: Desk) -> None:
    tab = as_admin(desk)
    dialog = tab.new_account()
    dialog.password.setText(NEW_PW)
    dialog.again.setText(NEW_PW)
    assert refused(desk, dialog) == "Type the person's name and a user name."


def test_reset_password_change_role_and_close_an_account(desk: Desk, qtbot: QtBot) -> None:
    tab = as_admin(desk)
    kari = next(a for a in tab.accounts if a.username == KARI[0])

    reset = tab.open_for(ResetPasswordDialog, kari)
    assert isinstance(reset, ResetPasswordDialog)
    reset.password.setText(NEW_PW)
    reset.again.setText("something else entirely")
    assert "not the same" in refused(desk, reset)
    reset.password.setText("kari123456")
    reset.again.setText("kari123456")
    assert refused(desk, reset) == "The password must not contain the user name."
    assert can_sign_in(desk, KARI[0], KARI[2])  # the old one still works
    reset.password.setText(NEW_PW)
    reset.again.setText(NEW_PW)
    accepted(desk, qtbot, tab, reset)
    assert can_sign_in(desk, KARI[0], NEW_PW)
    assert not can_sign_in(desk, KARI[0], KARI[2])

    role = tab.open_for(RoleDialog, kari)
    assert isinstance(role, RoleDialog)
    role.role.setCurrentIndex(role.role.findData("supervisor"))
    accepted(desk, qtbot, tab, role)
    assert rows(tab)["kari"][1] == "Supervisor"

    ola = next(a for a in tab.accounts if a.username == OLA[0])
    close = tab.open_for(CloseAccountDialog, ola)
    assert "Ola Bø (ola)" in close.intro.text()
    accepted(desk, qtbot, tab, close)
    assert rows(tab)["ola"][2] == "Closed"
    assert not can_sign_in(desk, OLA[0], OLA[2])
    actions = desk.on_worker(audit_actions)
    assert "password reset" in actions


def test_an_admin_cannot_close_or_demote_their_own_account(desk: Desk) -> None:
    tab = as_admin(desk)
    tab.select(ADMIN[0])
    chosen = tab.selected()
    assert chosen is not None and chosen.username == ADMIN[0]
    assert tab.reset_button.isEnabled()
    assert not tab.close_button.isEnabled()
    assert not tab.role_button.isEnabled()
    tab.select(KARI[0])
    assert tab.close_button.isEnabled() and tab.role_button.isEnabled()


def test_settings_are_bounded_saved_and_the_idle_lock_follows(desk: Desk, qtbot: QtBot) -> None:
    as_admin(desk)
    with qtbot.waitSignal(desk.gate.admin.settings.loaded, timeout=10_000):
        desk.window.settings_requested.emit()
    page = desk.gate.admin.settings
    assert page.isVisible()
    idle = page.boxes["idle_lock_minutes"]
    assert (idle.minimum(), idle.maximum(), idle.value()) == (1, 30, 10)
    idle.setValue(45)
    assert idle.value() == 30  # the box cannot go past the setting's bound
    page.save_button.click()
    desk.settle()
    assert page.status.text() == "Saved."
    assert desk.gate.idle.interval_ms == 30 * 60_000
    assert desk.on_worker(lambda s: settings.get(s, settings.IDLE_LOCK_MINUTES)) == 30

    page.save_button.click()
    assert page.status.text() == "Nothing to save: no value was changed."


def test_an_officer_gets_no_admin_pages(desk: Desk) -> None:
    desk.start()
    desk.sign_in(KARI[0], KARI[2])
    desk.window.accounts_requested.emit()
    desk.window.settings_requested.emit()
    assert not desk.gate.admin.isVisible()
    assert desk.window.statusBar().currentMessage() == (
        "Only an admin can manage accounts and settings."
    )


def test_changing_my_password(desk: Desk, qtbot: QtBot) -> None:
    desk.start()
    desk.sign_in(KARI[0], KARI[2])
    desk.window.change_password_requested.emit()
    dialog = desk.gate.change_password()
    assert dialog is not None and dialog.isVisible()
    assert "Kari Nordmann" in dialog.intro.text()

    dialog.old.setText(KARI[2])
    dialog.new.setText(NEW_PW)
    dialog.again.setText(NEW_PW[:-1])
    assert "not the same" in refused(desk, dialog)
    dialog.old.setText("not my old password")
    dialog.new.setText(NEW_PW)
    dialog.again.setText(NEW_PW)
    assert "not right" in refused(desk, dialog)
    dialog.old.setText(KARI[2])
    dialog.new.setText("short")
    dialog.again.setText("short")
    assert "too short" in refused(desk, dialog)
    assert can_sign_in(desk, KARI[0], KARI[2])

    dialog.old.setText(KARI[2])
    dialog.new.setText(NEW_PW)
    dialog.again.setText(NEW_PW)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok.click()
    desk.settle()
    assert "password is changed" in desk.window.statusBar().currentMessage()
    assert can_sign_in(desk, KARI[0], NEW_PW)
