"""The states of the gate to the desk and the moves between them (plain Python, no Qt).

:class:`~officer_desk.ui.gate.DeskGate` is in exactly one of these states; every event it
receives (a page submitted, the worker's answer, the idle timer) either makes one of the moves
below or is ignored, so a second Enter while a password is being checked, an unlock answer
arriving after the officer chose to switch, or a lock while the switch page is up cannot
leave the gate between two screens.
"""

from __future__ import annotations

import enum


class GateState(enum.Enum):
    STARTING = "starting"  # looking at the data folder (on the worker)
    FIRST_RUN = "first run"  # an empty data folder: the guide waits for a choice
    MAKING_DEMO = "making demo"  # demo records being generated
    STOPPED = "stopped"  # the records cannot be used here; a notice says what to do
    SIGNING_IN = "signing in"  # the sign-in page; no store open
    OPENING = "opening"  # a password given at sign-in: the worker opens the store
    AT_DESK = "at desk"  # someone's desk (or, for an admin, the admin pages)
    LOCKED = "locked"  # the lock page: the same officer's password opens it again
    UNLOCKING = "unlocking"  # the lock page's password being checked
    SWITCHING = "switching"  # the sign-in page over the open, covered desk
    CHECKING = "checking"  # the next officer's password being checked


S = GateState

MOVES: dict[GateState, frozenset[GateState]] = {
    S.STARTING: frozenset({S.SIGNING_IN, S.OPENING, S.FIRST_RUN, S.MAKING_DEMO, S.STOPPED}),
    S.FIRST_RUN: frozenset({S.MAKING_DEMO, S.SIGNING_IN}),
    S.MAKING_DEMO: frozenset({S.SIGNING_IN, S.STOPPED}),
    S.STOPPED: frozenset(),
    S.SIGNING_IN: frozenset({S.OPENING}),
    # A password known at start opens the store before the data folder was looked at: a
    # refusal then leads to whatever the folder holds.
    S.OPENING: frozenset({S.AT_DESK, S.SIGNING_IN, S.FIRST_RUN, S.MAKING_DEMO, S.STOPPED}),
    S.AT_DESK: frozenset({S.LOCKED, S.SWITCHING}),
    S.LOCKED: frozenset({S.UNLOCKING, S.SWITCHING}),
    S.UNLOCKING: frozenset({S.AT_DESK, S.LOCKED}),
    # Asked again (the menu, the lock page): the switch page starts over, empty.
    S.SWITCHING: frozenset({S.CHECKING, S.LOCKED, S.SWITCHING}),
    S.CHECKING: frozenset({S.AT_DESK, S.SWITCHING}),
}

# The states in which the desk's content is covered (locked or being handed over).
COVERED = frozenset({S.LOCKED, S.UNLOCKING, S.SWITCHING, S.CHECKING})


def may_move(current: GateState, to: GateState) -> bool:
    return to in MOVES[current]
