"""The gate as a state machine: its rules (gate_states.MOVES), and a real gate walked through
sign-in, lock, a refused unlock, switching officer and back, recording every move."""

from __future__ import annotations

import pytest
from desk_fakes import KARI, OLA, Desk, audit_actions
from pytestqt.qtbot import QtBot

from officer_desk.ui.gate_states import COVERED, MOVES, GateState

# The gate tests' fixtures (encrypted_unit, desk, fast_kdf, app_paths).
pytest_plugins = ["desk_fixtures"]

S = GateState


def reachable(start: GateState) -> set[GateState]:
    seen, todo = {start}, [start]
    while todo:
        for to in MOVES[todo.pop()]:
            if to not in seen:
                seen.add(to)
                todo.append(to)
    return seen


def test_every_state_is_reachable_from_start_and_only_stopped_is_an_end() -> None:
    assert reachable(S.STARTING) == set(GateState)
    for state in GateState:
        if state is S.STOPPED:
            assert MOVES[state] == frozenset()
        else:
            assert S.AT_DESK in reachable(state) or S.STOPPED in reachable(state), state


def test_a_covered_desk_opens_only_through_a_password_check() -> None:
    """Locked or on the switch page, the desk comes back only by way of a checked password."""
    for state in COVERED - {S.UNLOCKING, S.CHECKING}:
        assert S.AT_DESK not in MOVES[state], state
    opening = {state for state in GateState if S.AT_DESK in MOVES[state]}
    assert opening == {S.OPENING, S.UNLOCKING, S.CHECKING}


@pytest.fixture
def moves(desk: Desk) -> list[GateState]:
    seen: list[GateState] = []
    desk.gate.state_changed.connect(seen.append)
    return seen


def test_a_day_at_the_gate_makes_only_the_moves_its_rules_name(
    desk: Desk, moves: list[GateState], qtbot: QtBot
) -> None:
    desk.start()
    desk.sign_in(KARI[0], KARI[2])
    assert desk.gate.state is S.AT_DESK

    desk.gate.lock()
    lock = desk.gate.lock_page
    lock.password.setText("not the password at all")
    desk.refused(lock.button)
    assert desk.gate.state is S.LOCKED

    desk.gate.switch_officer()
    assert desk.gate.state is S.SWITCHING
    desk.gate.sign_in_page.back_requested.emit()  # back: unlock as Kari
    assert desk.gate.state is S.LOCKED and lock.isVisible()

    lock.password.setText(KARI[2])
    with qtbot.waitSignal(desk.gate.entered, timeout=10_000):
        lock.button.click()
    desk.settle()

    desk.gate.switch_officer()
    desk.sign_in(OLA[0], OLA[2])
    assert desk.session.user is not None and desk.session.user.username == OLA[0]

    assert moves == [
        S.SIGNING_IN, S.OPENING, S.AT_DESK,
        S.LOCKED, S.UNLOCKING, S.LOCKED,
        S.SWITCHING, S.LOCKED, S.UNLOCKING, S.AT_DESK,
        S.SWITCHING, S.CHECKING, S.AT_DESK,
    ]  # fmt: skip
    for before, after in zip([S.STARTING, *moves], moves, strict=False):
        assert after in MOVES[before], (before, after)


def test_events_that_do_not_fit_the_state_change_nothing(
    desk: Desk, moves: list[GateState]
) -> None:
    desk.start()
    desk.sign_in(KARI[0], KARI[2])
    before = desk.on_worker(audit_actions)
    # An unlock answer with no lock, a sign-in page submitted behind the open desk.
    desk.gate.lock_page.unlock_requested.emit(KARI[2])
    desk.gate.sign_in_page.submitted.emit(OLA[0], OLA[2])
    desk.settle()
    assert desk.gate.state is S.AT_DESK
    assert desk.session.user is not None and desk.session.user.username == KARI[0]
    assert desk.on_worker(audit_actions) == before  # no password was checked
    assert moves == [S.SIGNING_IN, S.OPENING, S.AT_DESK]

    desk.gate.lock()
    desk.gate.lock()  # locked already: one lock, one audit entry
    assert moves[-1] is S.LOCKED and moves.count(S.LOCKED) == 1
    assert desk.on_worker(audit_actions).count("lock") == 1
