"""What a workstation believes about who may grant what, without taking the hub's word for it.

The hub checks every change's signature before it applies it (server/merge.py), but a
compromised hub, or anyone between it and the workstation, could still serve records that say
"this officer is an admin".  So a workstation applies a pulled value that grants a right
(``domain.permissions.RIGHTS``: accounts, roles, keys, assignments, transfers, conflict
decisions, handover signatures) only with the signed change that set it:

* **Accounts** come from the unit's *account log*: every signed change to an officer record,
  in the order the hub applied them.  :class:`Trust` replays it from the admin keys pinned at
  enrolment (the roots facility IT registered at the hub), checking each change's signature
  and the same rules table the hub uses; so it knows every account's keys (with the windows in
  which they were valid), role, unit and whether it was open, at any clock value.  A pulled
  officer record must say what the replay says.
* **Other records** arrive with their *proof*: for each rights field, the signed change that
  set its current value.  The signer must be an account of the replay, their key valid when
  they signed, and the rules table must allow them the change.  The hub itself may only
  *narrow* (an assignment that clashed with one already in force is ended at its own start).

A value the workstation already holds needs no proof again: it was checked when it arrived, or
written here through the write path.  See docs/ARCHITECTURE.md, "Signed changes".
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from officer_desk.domain import permissions, signing
from officer_desk.sync import protocol as p

ENVELOPE_TEXT = ("op_id", "entity", "entity_id", "op", "hlc", "signer", "signature")
# A signed handover is checked while it is this recent: the shifts an officer still acts on.
HANDOVER_REACH = timedelta(days=31)

UNTRUSTED = (
    "Put aside: the hub cannot show a valid signature, by someone allowed to make it, for "
    "the change that set {what}. Nothing of it was applied here; tell facility IT (the hub "
    "or the network may have been tampered with)."
)


@dataclass(frozen=True)
class Root:
    """An admin key facility IT registered at the hub for a unit, pinned at enrolment."""

    unit_code: str
    officer_id: str
    public: str


@dataclass
class _Key:
    public: str
    valid_from: str
    retired_at: str | None = None
    root: bool = False

    def valid_at(self, hlc: str) -> bool:
        return self.valid_from <= hlc and (self.retired_at is None or hlc < self.retired_at)


@dataclass
class _Account:
    """One officer as the replay knows them."""

    keys: list[_Key] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)  # the record, merged
    stamps: dict[str, str] = field(default_factory=dict)  # field -> clock of its value
    # (clock, role, unit, active) from each change, in clock order: who they were when.
    history: list[tuple[str, str, str | None, bool]] = field(default_factory=list)

    def state_at(self, hlc: str) -> tuple[str, str | None, bool] | None:
        at = bisect.bisect_right(self.history, hlc, key=lambda h: h[0])
        if at == 0:
            return None
        _, role, unit, active = self.history[at - 1]
        return role, unit, active


def envelope_problem(envelope: Any) -> str | None:
    """Why ``envelope`` is not a signed change (None: it has the form of one)."""
    if not isinstance(envelope, dict):
        return "not a signed change"
    for name in ENVELOPE_TEXT:
        if not isinstance(envelope.get(name), str):
            return f"its {name} is missing"
    if not isinstance(envelope.get("payload"), dict):
        return "its payload is missing"
    if not isinstance(envelope.get("schema_version"), int):
        return "its schema version is missing"
    return None


def _message(envelope: Mapping[str, Any]) -> bytes | None:
    try:
        return signing.bytes_of(envelope, envelope["signer"])
    except (ValueError, TypeError):
        return None


def _content(payload: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if k != "server_version"}


class Trust:
    """The unit's accounts as their signed changes make them, from the pinned roots."""

    def __init__(
        self,
        roots: Iterable[Root],
        unit_code: str,
        unit_id: str | None,
        today: date | None = None,
    ) -> None:
        self.today = today or date.today()
        self.unit_code = unit_code
        self.unit_id = unit_id
        self.accounts: dict[str, _Account] = {}
        self._roots = list(roots)
        self._verified: dict[tuple[str, str], bool] = {}

    # --- the account log ---------------------------------------------------------------

    def replay(self, envelopes: Iterable[Any]) -> list[tuple[Any, str]]:
        """Take the account log's changes in the order the hub applied them; returns the
        ones refused, with why (their effects are left out)."""
        envelopes = list(envelopes)
        self._place_roots(envelopes)
        refused = []
        for envelope in envelopes:
            why = self._admit(envelope)
            if why is not None:
                refused.append((envelope, why))
        return refused

    def _place_roots(self, envelopes: list[Any]) -> None:
        """Each root is an admin from the start of time, of the unit its own signed record
        names (a root of another unit code may not claim this workstation's unit)."""
        for root in self._roots:
            unit = self.unit_id if root.unit_code == self.unit_code else None
            for envelope in envelopes:
                if (
                    envelope_problem(envelope) is None
                    and envelope["entity"] == "officer"
                    and envelope["entity_id"] == root.officer_id == envelope["signer"]
                    and self._signature_by(envelope, [_Key(root.public, "")])
                ):
                    claimed = envelope["payload"].get("unit_id")
                    if root.unit_code == self.unit_code or claimed != self.unit_id:
                        unit = claimed if isinstance(claimed, str) else unit
                    break
            account = self.accounts.setdefault(root.officer_id, _Account())
            account.keys.append(_Key(root.public, "", None, root=True))
            if not account.history:
                account.history.append(("", permissions.ADMIN, unit, True))

    def _admit(self, envelope: Any) -> str | None:
        problem = envelope_problem(envelope)
        if problem is not None:
            return f"The account log holds something that is {problem}."
        if envelope["entity"] != "officer":
            return "The account log holds a change to something other than an account."
        author = self.author(envelope)
        if author is None:
            return "Not signed by an account this workstation trusts."
        account = self.accounts.get(envelope["entity_id"])
        current = account.fields if account is not None and account.fields else None
        values = _content(envelope["payload"])
        change = permissions.Change(
            entity="officer",
            op=envelope["op"],
            record_unit=(current or values).get("unit_id"),
            current=current,
            values=values,
        )
        why = permissions.refusal(self._placed(author, change.record_unit), change)
        if why is not None:
            return why
        self._apply_account(envelope["entity_id"], envelope["hlc"], values)
        return None

    def _apply_account(self, officer_id: str, hlc: str, values: dict[str, Any]) -> None:
        account = self.accounts.setdefault(officer_id, _Account())
        old_key = account.fields.get("account_key")
        for name, value in values.items():
            # Later wins, as the hub's field merge: a value changes only when it differs.
            if name not in account.stamps or (
                value != account.fields.get(name) and hlc > account.stamps[name]
            ):
                account.fields[name] = value
                account.stamps[name] = hlc
        state = account.fields
        entry = (hlc, str(state.get("role")), state.get("unit_id"), bool(state.get("active", True)))
        bisect.insort(account.history, entry, key=lambda h: h[0])
        if state.get("account_key") != old_key:
            self._adopt(account, permissions.key_halves(state.get("account_key"))[1], hlc)

    @staticmethod
    def _adopt(account: _Account, public: str | None, hlc: str) -> None:
        """As the hub's ``KeyRing.adopt``: the new key is valid from the start, the account's
        earlier keys (not a root's) retire at ``hlc``."""
        if public is None or any(k.public == public and k.retired_at is None for k in account.keys):
            return
        for key in account.keys:
            if key.retired_at is None and not key.root:
                key.retired_at = hlc
        known = next((k for k in account.keys if k.public == public), None)
        if known is not None:
            known.retired_at, known.valid_from = None, ""
        else:
            account.keys.append(_Key(public, ""))

    # --- who signed ----------------------------------------------------------------------

    def author(self, envelope: Mapping[str, Any]) -> permissions.Author | None:
        """The author of a signed change as the replay knows them when they signed it, if
        their key valid then made the signature; None otherwise."""
        account = self.accounts.get(envelope["signer"])
        if account is None:
            return None
        hlc = envelope["hlc"]
        if not self._signature_by(envelope, [k for k in account.keys if k.valid_at(hlc)]):
            return None
        state = account.state_at(hlc)
        if state is None:
            return None
        role, unit, active = state
        return permissions.Author(envelope["signer"], role, unit, active)

    def _placed(self, author: permissions.Author, record_unit: str | None) -> permissions.Author:
        """A root of another unit whose own record this workstation never sees is an admin
        of the unit of what they sign -- never of this workstation's unit."""
        foreign = {r.officer_id for r in self._roots if r.unit_code != self.unit_code}
        if author.unit_id is None and author.officer_id in foreign and record_unit != self.unit_id:
            return dataclasses.replace(author, unit_id=record_unit)
        return author

    def _signature_by(self, envelope: Mapping[str, Any], keys: list[_Key]) -> bool:
        for key in keys:
            cached = (envelope["signature"], key.public)
            ok = self._verified.get(cached)
            if ok is None:
                message = _message(envelope)
                ok = message is not None and signing.verify(
                    key.public, envelope["signature"], message
                )
                self._verified[cached] = ok
            if ok:
                return True
        return False

    # --- pulled records ------------------------------------------------------------------

    def check(
        self,
        entity: str,
        entity_id: str,
        record: Mapping[str, Any],
        proof: Any,
        held: frozenset[str] | set[str],
        local: Mapping[str, Any] | None,
    ) -> str | None:
        """Why a pulled record may not be applied (None: it may).  ``held`` are the rights
        fields whose value this workstation already holds; ``local`` its copy (None: new)."""
        fields = permissions.RIGHTS.get(entity)
        if fields is None or not in_force(entity, record, self.today):
            return None
        todo = [f for f in sorted(fields) if f in record and f not in held]
        if not todo:
            return None
        if entity == "officer":
            account = self.accounts.get(entity_id)
            for name in todo:
                if account is None or account.fields.get(name) != record.get(name):
                    return UNTRUSTED.format(what=f"this account's {name}")
            return None
        refs = proof.get("fields") if isinstance(proof, dict) else None
        ops = proof.get("ops") if isinstance(proof, dict) else None
        if not isinstance(refs, dict) or not isinstance(ops, dict):
            return UNTRUSTED.format(what=f"this {entity}")
        by_change: dict[str, list[str]] = {}
        for name in todo:
            ref = refs.get(name)
            if ref == p.PROOF_BY_HUB:
                # The hub may only take a right away: an assignment ended at its own start.
                narrowed = entity == "assignment" and name == "end_date"
                if not narrowed or record.get(name) != record.get("start_date"):
                    return UNTRUSTED.format(what=f"its {name}")
            elif not isinstance(ref, str):
                return UNTRUSTED.format(what=f"its {name}")
            else:
                by_change.setdefault(ref, []).append(name)
        for ref, names in by_change.items():
            if not self._proven(entity, entity_id, ref, names, record, ops, local):
                return UNTRUSTED.format(what=f"its {names[0]}")
        return None

    def _proven(
        self,
        entity: str,
        entity_id: str,
        ref: str,
        names: list[str],
        record: Mapping[str, Any],
        ops: Mapping[str, Any],
        local: Mapping[str, Any] | None,
    ) -> bool:
        """Whether signed change ``ref`` set ``names`` to the record's values, signed by a
        key its author held then, and the rules let them make it."""
        envelope = ops.get(ref)
        if envelope_problem(envelope) is not None:
            return False
        assert isinstance(envelope, dict)
        payload = envelope["payload"]
        if (
            envelope["entity"] != entity
            or envelope["entity_id"] != entity_id
            or envelope["op_id"] != ref
            or any(payload.get(name) != record.get(name) for name in names)
        ):
            return False
        author = self.author(envelope)
        if author is None:
            return False
        # The person a record is about may have come from another unit: then the lead who
        # moved them is of that unit.
        came_from = local.get("unit_id") if local is not None else author.unit_id
        change = permissions.Change(
            entity=entity,
            op=envelope["op"],
            record_unit=self.unit_id,
            current=record if entity == "sync_conflict" else local,
            values=_content(payload),
            facts={"from_unit": came_from} if entity == "inmate" else {},
        )
        return permissions.refusal(self._placed(author, change.record_unit), change) is None


def in_force(entity: str, record: Mapping[str, Any], today: date) -> bool:
    """Whether a record grants a right now (and so is checked).  An assignment that has
    ended, a conflict not decided, a handover not signed or signed more than
    HANDOVER_REACH ago are history: they move no right today (history is guarded by the
    audit chain, not here)."""
    if entity == "assignment":
        end = record.get("end_date")
        return record.get("deleted_at") is None and (end is None or str(end) > today.isoformat())
    if entity == "sync_conflict":
        return record.get("resolved_by") is not None
    if entity == "handover":
        if record.get("status") != "signed" and record.get("signed_by") is None:
            return False
        shift_end = str(record.get("shift_end") or "")[:10]
        return shift_end >= (today - HANDOVER_REACH).isoformat()
    return True
