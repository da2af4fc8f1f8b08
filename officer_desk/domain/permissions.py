"""Who may write what: one table, used by the workstation before it writes and by the hub
before it applies a change (docs/ARCHITECTURE.md, "Signed changes").

Plain data in, a refusal in words out (``None``: allowed).  The author is whoever *signed*
the change, as the caller found them (their role, unit and whether the account was open when
they signed); nothing here trusts a field of the change itself to say who wrote it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ADMIN = "admin"
SUPERVISOR = "supervisor"
OFFICER = "officer"
ROLES = frozenset({OFFICER, SUPERVISOR, ADMIN})
LEADS = frozenset({SUPERVISOR, ADMIN})

# Records of the whole facility (no unit): the facility and its programme catalogue.
FACILITY_WIDE = frozenset({"facility", "programme", "programme_milestone"})
# Made by the hub only (a losing value, a disputed item); a workstation may only decide them.
HUB_MADE = frozenset({"sync_conflict"})
# What a decision on a conflict may set.
DECISION_FIELDS = frozenset({"resolved_at", "resolved_by", "note"})
# Sync bookkeeping every change carries; never a reason to refuse.
BOOKKEEPING = frozenset({"id", "updated_hlc", "updated_by", "device_id", "server_version"})
# What a purged person's record keeps of their details (retention, app/retention.py): nothing
# that says who they were.  The hub stores a purge only in this form.
BLANK_PERSON: dict[str, Any] = {
    "full_name": "",
    "preferred_name": "",
    "date_of_birth": None,
    "languages": [],
    "cell": "",
    "arrival_date": None,
    "expected_release_date": None,
    "diet": "",
    "allergies": "",
    "alerts": [],
    "alert_severities": [],
    "photo": None,
}
# Fields of an officer record that grant or move rights.
ACCOUNT_RIGHTS = frozenset({"role", "active", "unit_id", "username"})
# The fields of each kind of record that grant or move a right: a workstation applies a value
# of one pulled from the hub only with the signed change that set it (sync/trust.py).  Officer
# records are checked against the unit's replayed account log; the others against the signed
# changes the hub keeps with the record (its ``proof``).
RIGHTS: dict[str, frozenset[str]] = {
    "officer": ACCOUNT_RIGHTS | {"account_key"},
    "assignment": frozenset(
        {
            "officer_id",
            "inmate_id",
            "reason",
            "start_date",
            "end_date",
            "deleted_at",
            "covers_officer_id",
        }
    ),
    "inmate": frozenset({"unit_id"}),
    "sync_conflict": frozenset({"resolved_by"}),
    "handover": frozenset({"status", "signed_by", "signed_at"}),
}


@dataclass(frozen=True)
class Author:
    """The person who signed a change, as the checker knows them."""

    officer_id: str
    role: str
    unit_id: str | None
    active: bool = True


@dataclass(frozen=True)
class Change:
    """One change as the checker sees it."""

    entity: str
    op: str  # insert | update | delete
    record_unit: str | None  # the unit the record belongs to; None: the whole facility
    current: Mapping[str, Any] | None  # the record before the change (None: a new one)
    values: Mapping[str, Any]  # the fields the change sets
    # Facts the caller looked up for rules that need more than one record.
    facts: Mapping[str, Any] = field(default_factory=dict)


def refusal(author: Author, change: Change) -> str | None:
    """Why ``author`` may not make ``change``, or None when they may."""
    if author.role not in ROLES:
        return "The person who signed this change has no role the hub knows."
    if not author.active:
        return "The account that signed this change was closed when it was signed."
    rule = _RULES.get(change.entity, _unit_member)
    return rule(author, change)


def _in_unit(author: Author, change: Change) -> bool:
    return change.record_unit is not None and change.record_unit == author.unit_id


def _unit_member(author: Author, change: Change) -> str | None:
    # A workstation of the unit a person was just transferred from still drains its outbox.
    if not _in_unit(author, change) and change.facts.get("from_unit") != author.unit_id:
        return "Only people of the unit that holds this record can change it."
    return None


def _admin_of_facility(author: Author, change: Change) -> str | None:
    if author.role != ADMIN:
        return "Only an admin can change the facility and its programme catalogue."
    return None


def _admin_of_unit(author: Author, change: Change) -> str | None:
    if author.role != ADMIN or not _in_unit(author, change):
        return "Only an admin of this unit can change the unit."
    return None


def _lead_of_unit(what: str) -> Any:
    def rule(author: Author, change: Change) -> str | None:
        if author.role not in LEADS or not _in_unit(author, change):
            return f"Only a supervisor or admin of this unit can {what}."
        return None

    return rule


def _changed(change: Change) -> set[str]:
    """The fields whose value the change really alters (bookkeeping left out)."""
    current = change.current or {}
    return {
        name
        for name, value in change.values.items()
        if name not in BOOKKEEPING and (change.current is None or current.get(name) != value)
    }


def key_halves(text: Any) -> tuple[str | None, str | None]:
    """(sealing public key, signing public key) of an account key text; (None, None) when
    it is not one."""
    if not isinstance(text, str) or not text:
        return None, None
    try:
        data = json.loads(text)
    except ValueError:
        return None, None
    if not isinstance(data, dict):
        return None, None
    public, sign = data.get("public"), data.get("sign")
    return (
        public if isinstance(public, str) else None,
        sign if isinstance(sign, str) else None,
    )


def _same_key(before: Any, after: Any) -> bool:
    """A password change: the same sealing key, and the same signing key (or, for a key made
    before signed changes, the signing half derived from that same key now written down; the
    hub holds no key for such an account, so it cannot be used to sign anything it accepts)."""
    (public, sign), (new_public, new_sign) = key_halves(before), key_halves(after)
    return public is not None and public == new_public and sign in (None, new_sign)


def _officer(author: Author, change: Change) -> str | None:
    if author.role == ADMIN and _in_unit(author, change):
        return None  # creating, closing, roles, resets, moves: an admin's job
    own = change.current is not None and change.current.get("id") == author.officer_id
    changed = _changed(change)
    if own and changed <= {"display_name", "account_key"}:
        if "account_key" in changed and not _same_key(
            change.current.get("account_key") if change.current else None,
            change.values["account_key"],
        ):
            return "Only an admin can give an account a new key (a password reset)."
        return None  # one's own name, or a password change (the same keys, newly wrapped)
    return "Only an admin of this unit can create or change accounts."


def is_purge(change: Change) -> bool:
    """A person's records removed under the retention rule: their record gets ``deleted_at``."""
    was = (change.current or {}).get("deleted_at")
    return change.entity == "inmate" and was is None and change.values.get("deleted_at") is not None


def _inmate(author: Author, change: Change) -> str | None:
    if is_purge(change):
        if author.role != ADMIN or not _in_unit(author, change):
            return "Only an admin of the unit can remove a person's records (retention)."
        return None
    if change.op == "insert" or "unit_id" in _changed(change):
        if author.role not in LEADS or not (
            _in_unit(author, change) or change.facts.get("from_unit") == author.unit_id
        ):
            return "Only a supervisor or admin of the unit can register or move a person."
        return None
    return _unit_member(author, change)


def _conflict(author: Author, change: Change) -> str | None:
    if change.op == "insert":
        return "Conflicts are made by the hub, not by a workstation."
    if not _changed(change) <= DECISION_FIELDS:
        return "A decision on a conflict can only set who decided, when and why."
    return _lead_of_unit("decide sync conflicts")(author, change)


def _handover(author: Author, change: Change) -> str | None:
    refused = _unit_member(author, change)
    if refused is not None:
        return refused
    changed = _changed(change)
    signing = change.values.get("status") == "signed" or any(
        change.values.get(name) is not None for name in changed & {"signed_by", "signed_at"}
    )
    if not signing:
        return None
    record = {**(change.current or {}), **change.values}
    if record.get("outgoing_id") == author.officer_id:
        return "A handover is signed by someone other than the officer who handed over."
    if record.get("signed_by") not in (None, author.officer_id):
        return "A handover's signature must name the person who signed it."
    if change.facts.get("unacknowledged"):
        return "A handover can only be signed once every person in it is acknowledged."
    return None


_RULES: dict[str, Any]
_RULES = {
    "facility": _admin_of_facility,
    "programme": _admin_of_facility,
    "programme_milestone": _admin_of_facility,
    "unit": _admin_of_unit,
    "officer": _officer,
    "assignment": _lead_of_unit("assign people to officers or arrange cover"),
    "inmate": _inmate,
    "sync_conflict": _conflict,
    "handover": _handover,
}

# The entities with a rule of their own (every other record: members of its unit).
GUARDED = frozenset(_RULES)
