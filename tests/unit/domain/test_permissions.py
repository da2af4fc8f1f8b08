"""The one table of who may write what (domain/permissions.py), case by case: the same
answers the workstation gets before writing and the hub before applying."""

from __future__ import annotations

import json
from typing import Any

import pytest

from officer_desk.domain.permissions import Author, Change, refusal

C, D = "unit-c", "unit-d"
OFFICER = Author("kari", "officer", C)
SUPERVISOR = Author("sara", "supervisor", C)
ADMIN = Author("ada", "admin", C)
OTHER_UNITS_ADMIN = Author("dag", "admin", D)


def key(public: str, sign: str | None) -> str:
    return json.dumps({"public": public, **({"sign": sign} if sign else {})})


def change(
    entity: str,
    values: dict[str, Any],
    *,
    current: dict[str, Any] | None = None,
    unit: str | None = C,
    op: str | None = None,
    **facts: Any,
) -> Change:
    return Change(
        entity=entity,
        op=op or ("update" if current is not None else "insert"),
        record_unit=unit,
        current=current,
        values=values,
        facts=facts,
    )


KARI = {"id": "kari", "role": "officer", "active": True, "account_key": key("P1", "S1")}
HANDOVER = {"id": "h1", "outgoing_id": "kari", "status": "handed_over", "signed_by": None}

CASES = [
    # accounts
    ("own role to admin", OFFICER, change("officer", {"role": "admin"}, current=KARI), "admin"),
    ("admin sets a role", ADMIN, change("officer", {"role": "supervisor"}, current=KARI), None),
    (
        "admin of another unit",
        OTHER_UNITS_ADMIN,
        change("officer", {"role": "admin"}, current=KARI),
        "admin",
    ),
    ("own display name", OFFICER, change("officer", {"display_name": "K"}, current=KARI), None),
    (
        "own password change",
        OFFICER,
        change("officer", {"account_key": key("P1", "S1")}, current=KARI),
        None,
    ),
    (
        "own new key pair",
        OFFICER,
        change("officer", {"account_key": key("P2", "S2")}, current=KARI),
        "reset",
    ),
    (
        "own signing key swapped",
        OFFICER,
        change("officer", {"account_key": key("P1", "S9")}, current=KARI),
        "reset",
    ),
    (
        "old key gains its signing half",
        OFFICER,
        change(
            "officer",
            {"account_key": key("P1", "S1")},
            current=KARI | {"account_key": key("P1", None)},
        ),
        None,
    ),
    (
        "someone else's key",
        OFFICER,
        change("officer", {"account_key": key("P1", "S1")}, current=KARI | {"id": "sara"}),
        "admin",
    ),
    (
        "an officer makes an account",
        OFFICER,
        change("officer", {"role": "admin", "id": "new"}),
        "admin",
    ),
    # assignments, people, decisions
    ("officer assigns", OFFICER, change("assignment", {"officer_id": "kari"}), "supervisor"),
    ("supervisor assigns", SUPERVISOR, change("assignment", {"officer_id": "kari"}), None),
    ("supervisor of another unit", SUPERVISOR, change("assignment", {}, unit=D), "supervisor"),
    ("officer registers a person", OFFICER, change("inmate", {"full_name": "X"}), "supervisor"),
    (
        "officer moves a person",
        OFFICER,
        change("inmate", {"unit_id": D}, current={"unit_id": C}),
        "supervisor",
    ),
    (
        "officer edits a cell",
        OFFICER,
        change("inmate", {"cell": "C2"}, current={"cell": "C1"}),
        None,
    ),
    (
        "supervisor moves a person",
        SUPERVISOR,
        change("inmate", {"unit_id": D}, current={"unit_id": C}),
        None,
    ),
    (
        "officer decides a conflict",
        OFFICER,
        change("sync_conflict", {"resolved_by": "kari"}, current={}),
        "supervisor",
    ),
    (
        "supervisor decides",
        SUPERVISOR,
        change("sync_conflict", {"resolved_by": "sara"}, current={}),
        None,
    ),
    (
        "a decision that rewrites the conflict",
        SUPERVISOR,
        change("sync_conflict", {"kept_value": "x"}, current={}),
        "only set",
    ),
    (
        "a workstation makes a conflict",
        SUPERVISOR,
        change("sync_conflict", {"kind": "field"}),
        "made by the hub",
    ),
    # handovers
    (
        "author signs own handover",
        OFFICER,
        change("handover", {"status": "signed", "signed_by": "kari"}, current=HANDOVER),
        "someone other",
    ),
    (
        "another signs it",
        SUPERVISOR,
        change("handover", {"status": "signed", "signed_by": "sara"}, current=HANDOVER),
        None,
    ),
    (
        "signed in someone else's name",
        SUPERVISOR,
        change("handover", {"status": "signed", "signed_by": "ola"}, current=HANDOVER),
        "name the person",
    ),
    (
        "signed with people unacknowledged",
        SUPERVISOR,
        change(
            "handover",
            {"status": "signed", "signed_by": "sara"},
            current=HANDOVER,
            unacknowledged=True,
        ),
        "acknowledged",
    ),
    (
        "a new draft",
        OFFICER,
        change("handover", {"status": "draft", "signed_by": None, "outgoing_id": "kari"}),
        None,
    ),
    # unit-wide and facility records
    (
        "another unit's contingency",
        OFFICER,
        change("handover_contingency", {"text": "x"}, unit=D),
        "unit that holds",
    ),
    ("own unit's contingency", OFFICER, change("handover_contingency", {"text": "x"}), None),
    (
        "officer renames a programme",
        OFFICER,
        change("programme", {"name": "x"}, unit=None),
        "admin",
    ),
    ("admin edits the catalogue", ADMIN, change("programme", {"name": "x"}, unit=None), None),
    ("admin of C edits unit D", ADMIN, change("unit", {"name": "x"}, unit=D), "admin of this unit"),
    (
        "a log for a person moved away",
        OFFICER,
        change("meal_log", {"meal": "lunch"}, unit=D, from_unit=C),
        None,
    ),
    (
        "a log in a unit one never was",
        OFFICER,
        change("meal_log", {"meal": "lunch"}, unit=D),
        "unit that holds",
    ),
]


@pytest.mark.parametrize(
    ("author", "made", "refused"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_who_may_write_what(author: Author, made: Change, refused: str | None) -> None:
    reason = refusal(author, made)
    if refused is None:
        assert reason is None
    else:
        assert reason is not None and refused in reason


def test_a_closed_account_or_an_unknown_role_may_write_nothing() -> None:
    closed = Author("kari", "officer", C, active=False)
    assert "closed" in (refusal(closed, change("meal_log", {"meal": "lunch"})) or "")
    stranger = Author("x", "janitor", C)
    assert refusal(stranger, change("meal_log", {"meal": "lunch"})) is not None
