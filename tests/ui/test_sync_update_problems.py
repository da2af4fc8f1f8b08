"""The two "update" refusals of the hub (426) reach the indicator as different problems: a
workstation too old for the hub is told to update the app, one newer than the hub that the
hub needs an update (server/upgrades.py); both keep the outbox and say so."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from officer_desk.sync.client import _answer
from officer_desk.sync.errors import UpdateTheApp, UpdateTheHub
from officer_desk.ui.sync.controller import problem_kind
from officer_desk.ui.sync.state import Phase, Problem, SyncView, Tone, describe


@pytest.mark.parametrize(
    ("code", "error", "problem", "title"),
    [
        ("update_app", UpdateTheApp, Problem.UPDATE, "Sync stopped: update the app"),
        ("update_hub", UpdateTheHub, Problem.UPDATE_HUB, "Sync stopped: the hub needs an update"),
    ],
)
def test_a_426_becomes_its_own_problem(
    qtbot: QtBot, code: str, error: type[Exception], problem: Problem, title: str
) -> None:
    with pytest.raises(error) as raised:
        _answer(426, {"code": code, "detail": "the hub's words"})
    assert type(raised.value) is error
    assert problem_kind(raised.value) is problem
    words = describe(SyncView(phase=Phase.PROBLEM, problem=problem, detail="the hub's words"))
    assert words.short == title and words.tone is Tone.BAD
    assert "changes are kept on this workstation" in words.long
    if problem is Problem.UPDATE_HUB:
        assert "update the hub" in words.long
