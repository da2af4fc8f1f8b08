"""The sign-in page derives the key while the person pauses, and keeps it for that text only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from desk_fakes import KARI, OLA, Desk
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from officer_desk.app import signing_in
from officer_desk.store.keyslots import DerivedAhead, KdfParams

pytest_plugins = ["desk_fixtures"]


class Derivations:
    """Every Argon2id run (by password) and every key derived ahead."""

    def __init__(self) -> None:
        self.runs: list[str] = []
        self.ahead: list[DerivedAhead] = []


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> Iterator[Derivations]:
    seen = Derivations()
    real_derive = KdfParams.derive
    real_ahead = signing_in.derive_ahead

    def counted(self: KdfParams, password: str, salt: bytes) -> bytes:
        seen.runs.append(password)
        return real_derive(self, password, salt)

    def kept(*args: object) -> DerivedAhead | None:
        derived = real_ahead(*args)  # type: ignore[arg-type]
        if derived is not None:
            seen.ahead.append(derived)
        return derived

    monkeypatch.setattr(KdfParams, "derive", counted)
    monkeypatch.setattr(signing_in, "derive_ahead", kept)
    yield seen


def type_and_pause(desk: Desk, username: str, password: str) -> None:
    """Type, then stay still until the key for this text is derived."""
    page = desk.gate.sign_in_page
    assert page.key_ahead is not None
    with desk.qtbot.waitSignal(page.key_ahead.ready, timeout=10_000):
        page.username.setText(username)
        page.password.setText(password)


def press_enter(desk: Desk) -> None:
    desk.qtbot.keyClick(desk.gate.sign_in_page.password, Qt.Key.Key_Return)


def test_a_pause_before_enter_derives_once_and_enter_uses_it(
    desk: Desk, derivations: Derivations
) -> None:
    desk.start()
    type_and_pause(desk, KARI[0], KARI[2])
    assert derivations.runs == [KARI[2]]
    with desk.qtbot.waitSignal(desk.gate.entered, timeout=10_000):
        press_enter(desk)
    desk.settle()
    assert desk.session.user is not None and desk.session.user.username == KARI[0]
    assert derivations.runs == [KARI[2]]  # not derived again at Enter
    assert [d.wiped for d in derivations.ahead] == [True]  # not kept after the sign-in


def test_a_change_after_the_pause_discards_the_key_and_enter_derives_the_new_text(
    desk: Desk, derivations: Derivations
) -> None:
    desk.start()
    type_and_pause(desk, KARI[0], "stille morgen")
    first = derivations.ahead[0]
    page = desk.gate.sign_in_page
    page.password.setText(KARI[2])  # finished typing, Enter at once (no pause)
    assert first.wiped
    with desk.qtbot.waitSignal(desk.gate.entered, timeout=10_000):
        press_enter(desk)
    desk.settle()
    assert derivations.runs == ["stille morgen", KARI[2]]
    assert all(d.wiped for d in derivations.ahead)


def test_a_failed_sign_in_keeps_no_key_and_is_counted(desk: Desk, derivations: Derivations) -> None:
    desk.start()
    type_and_pause(desk, KARI[0], "a wrong guess")
    with desk.qtbot.waitSignal(desk.gate.refused, timeout=10_000) as refused:
        press_enter(desk)
    assert "not right" in refused.args[0]
    assert "4 more" in refused.args[0]  # counted like any wrong password
    assert derivations.runs == ["a wrong guess"]
    assert [d.wiped for d in derivations.ahead] == [True]
    assert desk.gate.sign_in_page.password.text() == ""


def test_a_different_user_name_is_not_given_another_name_s_key(
    desk: Desk, derivations: Derivations
) -> None:
    desk.start()
    type_and_pause(desk, OLA[0], KARI[2])
    page = desk.gate.sign_in_page
    page.username.setText(KARI[0])  # same password, another person: derived again
    with desk.qtbot.waitSignal(desk.gate.entered, timeout=10_000):
        press_enter(desk)
    desk.settle()
    assert desk.session.user is not None and desk.session.user.username == KARI[0]
    assert derivations.runs == [KARI[2], KARI[2]]


def test_switching_officer_and_locking_wipe_a_key_derived_on_the_switch_page(
    desk: Desk, derivations: Derivations, qtbot: QtBot
) -> None:
    desk.start()
    desk.sign_in(KARI[0], KARI[2])
    desk.gate.switch_officer()
    type_and_pause(desk, OLA[0], OLA[2])
    pending = derivations.ahead[-1]
    assert not pending.wiped
    desk.gate.lock()  # walked away from the switch page: locked
    assert pending.wiped
    # Unlocking as Kari still works; the switch page starts empty next time.
    desk.gate.switch_officer()
    page = desk.gate.sign_in_page
    assert page.password.text() == "" and page.key_ahead is not None
    assert not page.key_ahead.pending


def test_switching_officer_uses_the_key_derived_ahead(desk: Desk, derivations: Derivations) -> None:
    desk.start()
    desk.sign_in(KARI[0], KARI[2])
    desk.gate.switch_officer()
    type_and_pause(desk, OLA[0], OLA[2])
    runs = len(derivations.runs)
    with desk.qtbot.waitSignal(desk.gate.entered, timeout=10_000):
        press_enter(desk)
    desk.settle()
    assert desk.session.user is not None and desk.session.user.username == OLA[0]
    assert len(derivations.runs) == runs
    assert all(d.wiped for d in derivations.ahead)


def test_enter_without_a_pause_derives_at_enter(desk: Desk, derivations: Derivations) -> None:
    desk.start()
    user = desk.sign_in(KARI[0], KARI[2])  # typed and clicked at once
    assert user.username == KARI[0]
    assert derivations.runs == [KARI[2]] and derivations.ahead == []


def test_the_page_hidden_wipes_a_pending_key(desk: Desk, derivations: Derivations) -> None:
    desk.start()
    type_and_pause(desk, KARI[0], KARI[2])
    assert not derivations.ahead[0].wiped
    desk.gate.sign_in_page.hide()
    assert derivations.ahead[0].wiped


def test_an_abandoned_key_is_wiped_after_a_while(desk: Desk, derivations: Derivations) -> None:
    desk.start()
    ahead = desk.gate.sign_in_page.key_ahead
    assert ahead is not None
    type_and_pause(desk, KARI[0], KARI[2])
    assert not derivations.ahead[0].wiped
    ahead._keep.start(50)  # the rest of KEEP_MS, shortened
    desk.qtbot.waitUntil(lambda: derivations.ahead[0].wiped, timeout=5_000)
    assert desk.gate.sign_in_page.password.text() == KARI[2]  # the text is the person's
    assert not ahead.pending
