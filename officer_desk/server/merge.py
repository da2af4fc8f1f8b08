"""Merging pushed ops into the hub's records, by kind of record (docs/ARCHITECTURE.md, "Sync").

* logs (``protocol.LOG_ENTITIES``): insert-only; the same id again with the same content is a
  duplicate, with other content it is rejected; two case-note revisions with the same number
  (written concurrently on two workstations) are both kept: the later one is renumbered and a
  ``note_revisions`` conflict opened for a supervisor;
* fields (``FIELD_ENTITIES`` and the hub-only ones): per field, a change made with knowledge of
  the current value (its ``base_version`` covers the version that set it, or it came from the
  same device) simply wins; a *concurrent* change is decided by HLC and the losing value is kept
  as an auto-resolved ``field`` conflict;
* checklist items: concurrent opposite statuses make the item ``disputed`` (a conflict a
  supervisor must decide); the same status twice merges;
* who may write what is decided by ``domain/permissions.py`` for the person whose key signed
  the change (``_author``; never the change's own ``updated_by``).
* the unit's invariants (one contact officer per person, ...) are kept by
  ``server/invariants.py`` on what a merge made: a change that would break one is closed or
  refused and a conflict opened for a supervisor.

Each op is merged into private copies of the records it touches; only when it succeeds are
the copies written, inside a savepoint of the push transaction, with its result.  A rejected op
writes nothing but its result, and never blocks the ops after it.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from officer_desk.domain import permissions, signing
from officer_desk.domain.ids import new_id
from officer_desk.server import invariants, places
from officer_desk.server.authority import KeyRing
from officer_desk.server.bulk import BulkInsert, DeleteByIds, SelectByIds
from officer_desk.server.db import account_log, feed, op_result, record, unique_name
from officer_desk.server.redact import error_words, where_raised
from officer_desk.server.upgrades import as_signed
from officer_desk.sync import payloads
from officer_desk.sync import protocol as p

log = logging.getLogger("officer_desk.server")

# Sync columns: not merged per field (server_version is the hub's own).
META = frozenset({"id", "server_version", "updated_hlc", "updated_by", "device_id"})
# Child records reach their person through a parent.
PARENT = {
    "case_note_revision": ("case_note", "note_id"),
    "milestone_signoff": ("enrolment", "enrolment_id"),
    "release_plan_item": ("release_plan", "plan_id"),
    "referral": ("release_plan_item", "item_id"),
    "release_signoff": ("release_plan", "plan_id"),
}
DISPUTED = "disputed"
# What a workstation may set on a conflict record: the decision (supervisors only).
DECISION_FIELDS = frozenset({"resolved_at", "resolved_by", "note"})
# What a database raises for a value of an op it cannot hold (too long, out of range, NUL on
# PostgreSQL, a lone surrogate, an int past 64 bits on SQLite) or a clash: the op's fault, so
# the op is rejected with a reason, never a 500 for the push.
UNSTORABLE = (
    sa.exc.IntegrityError,
    sa.exc.DataError,
    OverflowError,
    UnicodeEncodeError,
    RecursionError,  # JSON nested too deep to encode
)
# What reading a payload value of the wrong form raises (int("x"), a list where a name goes,
# JSON nested too deep to copy).
WRONG_FORM = (TypeError, ValueError, AttributeError, LookupError, ArithmeticError, RecursionError)
# An id the record table's String(64) columns can hold (read from payloads, which are not
# bounded by the protocol): a record with any other id cannot be on the hub.
_STORABLE_ID = re.compile("[^\x00\ud800-\udfff]{1,64}")


class Rejected(Exception):
    """The op cannot be applied; ``reason`` is shown in the workstation's rejected list.
    ``records`` (new conflicts) are written all the same, so every workstation learns why,
    and the records of ``resend`` move to the end of the feed."""

    def __init__(
        self, reason: str, records: list[Rec] | None = None, resend: list[Rec] | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.records = records or []
        self.resend = resend or []


@dataclass
class Rec:
    entity: str
    entity_id: str
    inmate_id: str | None
    scope_unit: str | None
    prev_unit: str | None
    version: int
    data: dict[str, Any]
    meta: dict[str, list[Any]]
    new: bool = False
    deleted: bool = False
    # The signed changes behind the rights this record grants (see Merger._prove).
    proof: dict[str, Any] | None = None
    facility_id: str | None = None  # the facility it belongs to (h0008)

    @property
    def key(self) -> tuple[str, str]:
        return (self.entity, self.entity_id)


@dataclass
class Merger:
    """Applies the ops of one push inside the caller's transaction."""

    conn: Connection
    seat: places.Seat  # the device whose ops are being merged (act_for)
    now: datetime
    _cache: dict[tuple[str, str], Rec | None] = field(default_factory=dict)
    # Places looked up or registered in this transaction: facility code -> id, and
    # (facility id, unit code) -> unit id.
    _sites: dict[str | None, str | None] = field(default_factory=dict)
    _units: dict[tuple[str, str], str | None] = field(default_factory=dict)
    # Names unique within a facility claimed in this transaction: (facility, entity, value)
    # -> record id (unique_name rows are written as ops apply; this spares a read).
    _names: dict[tuple[str, str, str], str | None] = field(default_factory=dict)
    # People an admin is transferring to another facility in the op being merged: id ->
    # the receiving facility.
    _moving: dict[str, str] = field(default_factory=dict)
    touched: dict[tuple[str, str], None] = field(default_factory=dict)  # ordered set
    # Batched: records and results are kept here and written with executemany by flush()
    # (in assign_seqs), with no savepoint per op; a clash in the database then fails the
    # whole push, which the caller retries unbatched (op by op, each in a savepoint).
    batched: bool = False
    _inserts: dict[tuple[str, str], Rec] = field(default_factory=dict)
    _updates: dict[tuple[str, str], Rec] = field(default_factory=dict)
    _results: list[tuple[Any, ...]] = field(default_factory=list)  # rows of op_result
    # Check every change's signature and take its author from it (False only in the hub
    # benchmark's unsigned baseline, where the author is taken from ``updated_by``).
    verify: bool = True
    _keys: KeyRing | None = None
    # Signatures already checked for the ops being applied (PushJob.checked): op identity ->
    # the public key that made it; the key's validity is still decided here.
    checked: dict[int, str] = field(default_factory=dict)
    # The keys of _inserts by (entity, person), for siblings().
    _inserted_of: dict[tuple[str, str | None], list[tuple[str, str]]] = field(default_factory=dict)

    # --- reading ------------------------------------------------------------------------

    def act_for(self, seat: places.Seat, now: datetime) -> None:
        """The ops that follow come from this device (a group commit merges the pushes of
        several devices in one transaction, sharing what was read and merged so far)."""
        self.seat, self.now = seat, now

    @property
    def device_id(self) -> str:
        return self.seat.device_id

    @property
    def unit_code(self) -> str:
        return self.seat.unit_code

    def prefetch(self, keys: list[tuple[str, str]]) -> None:
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in keys:
            if not storable_id(entity_id):
                continue  # not on the hub (load() says so without asking the database)
            if (entity, entity_id) not in self._cache:
                self._cache[(entity, entity_id)] = None
                by_entity.setdefault(entity, []).append(entity_id)
        for entity, ids in by_entity.items():
            for row in _RECORDS_BY_ID.rows(self.conn, ids, entity):
                self._cache[(entity, row.entity_id)] = _rec(row)

    def load(self, entity: str, entity_id: str) -> Rec | None:
        if not storable_id(entity_id):
            # Never stored, and PostgreSQL would refuse the query itself (NUL).
            return None
        key = (entity, entity_id)
        if key not in self._cache:
            row = self.conn.execute(_SELECT_RECORD, {"e": entity, "i": entity_id}).first()
            self._cache[key] = None if row is None else _rec(row)
        return self._cache[key]

    def siblings(self, entity: str, inmate_id: str) -> list[Rec]:
        """One person's records of a kind as merged so far in this transaction: the
        database's, with what ops merged earlier in the transaction made of them (a batched
        group writes only at its end) and the ones they added."""
        rows = self.conn.execute(_SELECT_OF_PERSON, {"e": entity, "p": inmate_id}).all()
        out: dict[tuple[str, str], Rec] = {}
        for row in rows:
            key = (entity, row.entity_id)
            out[key] = self._cache.get(key) or _rec(row)
        for key in self._inserted_of.get((entity, inmate_id), ()):
            out[key] = self._inserts[key]
        return list(out.values())

    def facility_id(self) -> str | None:
        """The id of the device's facility (known once its first workstation uploaded it)."""
        if self.seat.facility_id is not None:
            return self.seat.facility_id
        code = self.seat.facility_code
        if code not in self._sites:
            if code is None:  # the hub's first facility, if it has one
                try:
                    code = places.facility_named(self.conn, None)
                except places.PlaceError:
                    code = None
            found = places.ids_of(self.conn, code, self.unit_code)[0] if code else None
            self._sites[self.seat.facility_code] = found
        return self._sites[self.seat.facility_code]

    def unit_id(self) -> str | None:
        """The id of the device's unit (known once a workstation of it uploaded it), looked up
        by the device's facility and unit code: never by a bare code hub-wide."""
        if self.seat.unit_id is not None:
            return self.seat.unit_id
        facility = self.facility_id()
        if facility is None:
            return None
        key = (facility, self.unit_code)
        if key not in self._units:
            self._units[key] = self.conn.execute(
                _SELECT_PLACE, {"f": facility, "c": self.unit_code}
            ).scalar()
        return self._units[key]

    # --- applying -----------------------------------------------------------------------

    def apply(self, op: p.Op) -> p.OpResult:
        """Merge one op; its records and result are written in a savepoint."""
        before = self.load(op.entity, op.entity_id) if op.entity in ("officer", "inmate") else None
        prior_unit = before.scope_unit if before is not None else None
        try:
            changed = self._merge(op)
            _check_storable(changed)
            self._check_unique(changed[0])
        except Rejected as why:
            self._moving.pop(op.entity_id, None)
            self._keep_records(why.records)
            for rec in why.resend:
                self.touched[rec.key] = None
            return self._reject(op, why.reason)
        except WRONG_FORM as error:
            self._moving.pop(op.entity_id, None)
            # A payload the merge could not make sense of (a value of the wrong type where
            # it reads one, a number that is no number): the op's fault.  Nothing was
            # written for it (the merge works on copies), so it is rejected like any other.
            # (Payloads are not yet validated per entity before the merge.)  Any other
            # error is a bug and fails the push.  Logged without the error's message, which
            # may quote the payload.
            log.warning(
                "op %s could not be merged: %s\n%s",
                op.op_id,
                error_words(error),
                where_raised(error),
            )
            return self._reject(
                op, "The hub could not read this change (a value in it has the wrong form)."
            )
        main = changed[0]
        self._prove(op, main)
        purge = op.entity == "inmate" and _purged(main) and not (before and _purged(before))
        if self.batched:
            self._adopt_key(op, main)
            self._log_account(op, main, prior_unit)
            self._settle_place(main)
            if purge:
                self._purge(main)
            for rec in changed:
                if rec.new or rec.key in self._inserts:
                    self._keep_insert(rec)
                else:
                    self._updates[rec.key] = rec
            self._store_result(op, "applied", "", main.version)
            for rec in changed:
                rec.new = False
                self._cache[rec.key] = rec
                self.touched[rec.key] = None
            return p.OpResult(op_id=op.op_id, status="applied", version=main.version)
        savepoint = self.conn.begin_nested()
        try:
            for rec in changed:
                self._write(rec)
            self._adopt_key(op, main)
            self._log_account(op, main, prior_unit)
            self._settle_place(main)
            if purge:
                self._purge(main)
            self._store_result(op, "applied", "", main.version)
            savepoint.commit()
        except UNSTORABLE as error:
            savepoint.rollback()
            self.keys = KeyRing(self.conn)  # what it read may have been rolled back
            self._sites, self._units, self._names = {}, {}, {}
            for rec in changed:
                self._cache.pop(rec.key, None)
            log.warning("op %s refused by the database: %s", op.op_id, error_words(error))
            if isinstance(error, sa.exc.IntegrityError):
                reason = "The hub could not store this change (it clashes with another record)."
            else:
                reason = (
                    "The hub cannot store this change: a value in it is too long, too large "
                    "or has characters the hub cannot hold."
                )
            return self._reject(op, reason)
        for rec in changed:
            rec.new = False
            self._cache[rec.key] = rec
            self.touched[rec.key] = None
        return p.OpResult(op_id=op.op_id, status="applied", version=main.version)

    @property
    def keys(self) -> KeyRing:
        if self._keys is None:
            self._keys = KeyRing(self.conn)
        return self._keys

    @keys.setter
    def keys(self, ring: KeyRing) -> None:
        self._keys = ring

    def _adopt_key(self, op: p.Op, rec: Rec) -> None:
        """An officer record a trusted admin wrote names the account's signing key: from this
        change's clock on, that key is the account's (the earlier one retires)."""
        if op.entity != "officer" or "account_key" not in op.payload:
            return
        _, public = permissions.key_halves(rec.data.get("account_key"))
        if public is not None:
            self.keys.adopt(rec.entity_id, public, op.hlc, self.now)

    def _check_unique(self, rec: Rec) -> None:
        """Unit codes, programme codes and user names are unique within their facility (two
        facilities may each have a unit C, a programme WELD and a user kari)."""
        moved = self._moving.get(rec.entity_id) if rec.entity == "inmate" else None
        if moved is not None:
            rec.facility_id = moved
        spec = UNIQUE_FIELDS.get(rec.entity)
        if spec is None or rec.facility_id is None:
            return
        value = rec.data.get(spec[0])
        if not isinstance(value, str):
            return
        owner = self._name_owner(rec.facility_id, rec.entity, value)
        if owner is not None and owner != rec.entity_id:
            raise Rejected(
                f"The {spec[1]} {value} is already used by another record of this facility; "
                "choose another."
            )

    def _name_owner(self, facility: str, entity: str, value: str) -> str | None:
        key = (facility, entity, value)
        if key not in self._names:
            self._names[key] = self.conn.execute(
                _SELECT_NAME, {"f": facility, "e": entity, "v": value}
            ).scalar()
        return self._names[key]

    def _settle_place(self, rec: Rec) -> None:
        """What an applied change does beyond its records: the first upload of a facility or
        unit registers the place (and binds the devices and codes that named it); a unique
        name is claimed in its facility; a person transferred to another facility takes
        their records along."""
        if rec.entity == "facility" and self.facility_id() is None:
            code = str(rec.data.get("code"))
            places.register_facility(self.conn, rec.entity_id, code)
            self._sites[self.seat.facility_code] = self._sites[code] = rec.entity_id
        elif rec.entity == "unit" and self.unit_id() is None:
            facility = self.facility_id()
            assert facility is not None  # _check_scope: the facility is known first
            places.register_unit(self.conn, rec.entity_id, facility, self.unit_code)
            self._units[(facility, self.unit_code)] = rec.entity_id
        spec = UNIQUE_FIELDS.get(rec.entity)
        value = rec.data.get(spec[0]) if spec is not None else None
        if (
            isinstance(value, str)
            and rec.facility_id is not None
            and self._name_owner(rec.facility_id, rec.entity, value) != rec.entity_id
        ):
            ids = {"f": rec.facility_id, "e": rec.entity, "i": rec.entity_id}
            self.conn.execute(_DELETE_NAMES_OF, ids)
            self.conn.execute(_INSERT_NAME, ids | {"v": value})
            for key, owner in self._names.items():
                if owner == rec.entity_id and key[:2] == (rec.facility_id, rec.entity):
                    self._names[key] = None
            self._names[(rec.facility_id, rec.entity, value)] = rec.entity_id
        moved = self._moving.pop(rec.entity_id, None) if rec.entity == "inmate" else None
        if moved is not None:
            self.conn.execute(_MOVE_PERSON, {"p": rec.entity_id, "f": moved})

    def _check_transfer(self, op: p.Op, current: Rec, author: permissions.Author) -> None:
        """A person moves to another facility only by an admin's signed change naming a
        registered unit there: never by an accident of codes."""
        target = op.payload.get("unit_id", current.scope_unit)
        if target == current.scope_unit:
            return
        found = places.unit_place(self.conn, str(target)) if storable_id(target) else None
        if found is None:
            raise Rejected(
                "This person is moved to a unit the hub does not know. A workstation of that "
                "unit must be enrolled with the hub first."
            )
        if current.facility_id is None or found[0] == current.facility_id:
            return
        if author.role != permissions.ADMIN or not author.active:
            raise Rejected(CROSS_FACILITY)
        self._moving[op.entity_id] = found[0]

    def _prove(self, op: p.Op, rec: Rec) -> None:
        """Keep with a rights-granting record the signed changes that set its rights fields'
        current values (a field the hub itself narrowed, such as a clashing assignment ended
        at its start, is marked ``hub``), dropping the ones no field needs any more."""
        fields = permissions.RIGHTS.get(rec.entity)
        if fields is None or not self.verify or rec.key != (op.entity, op.entity_id):
            return
        refs = dict((rec.proof or {}).get("fields", {}))
        for name in fields:
            meta = rec.meta.get(name)
            if meta is None:
                continue
            if meta[2] == invariants.HUB:
                refs[name] = p.PROOF_BY_HUB
            elif meta[0] == op.hlc and meta[2] == self.device_id:
                refs[name] = op.op_id
        wanted = set(refs.values())
        ops = {k: v for k, v in (rec.proof or {}).get("ops", {}).items() if k in wanted}
        if op.op_id in wanted:
            ops[op.op_id] = signed_change(op)
        rec.proof = {"fields": refs, "ops": ops}

    def _log_account(self, op: p.Op, rec: Rec, prior_unit: str | None) -> None:
        """An applied change to an account joins the account log its unit replays."""
        if op.entity != "officer" or not self.verify:
            return
        self.conn.execute(
            _INSERT_ACCOUNT_LOG,
            {
                "unit_id": rec.scope_unit,
                "prev_unit": prior_unit if prior_unit != rec.scope_unit else None,
                "officer_id": op.entity_id,
                "envelope": _PROOF_JSON(signed_change(op)),
            },
        )

    def refuse(self, op: p.Op, reason: str) -> p.OpResult:
        """Refuse an op before merging it (a replay); the refusal is its stored result, so a
        resend of the same op id gets the same answer."""
        return self._reject(op, reason)

    def _reject(self, op: p.Op, reason: str) -> p.OpResult:
        """The op's answer is a refusal, kept with the device and the signer it claimed."""
        self.keys.note_refusal(now=self.now, device_id=self.device_id, op=op, reason=reason)
        self._store_result(op, "rejected", reason, None)
        return p.OpResult(op_id=op.op_id, status="rejected", reason=reason)

    def _keep_insert(self, rec: Rec) -> None:
        if rec.key not in self._inserts:
            self._inserted_of.setdefault((rec.entity, rec.inmate_id), []).append(rec.key)
        self._inserts[rec.key] = rec

    def _keep_records(self, records: list[Rec]) -> None:
        """Write the new records a rejection brings (its conflicts) with the push."""
        for rec in records:
            if self.batched:
                self._keep_insert(rec)
            else:
                self._write(rec)
            rec.new = False
            self._cache[rec.key] = rec
            self.touched[rec.key] = None

    def _store_result(self, op: p.Op, status: str, reason: str, version: int | None) -> None:
        if self.batched:
            self._results.append((op.op_id, self.device_id, status, reason, version, self.now))
            return
        result = {
            "op_id": op.op_id,
            "device_id": self.device_id,
            "status": status,
            "reason": reason,
            "version": version,
            "at": self.now,
        }
        self.conn.execute(_INSERT_RESULT, result)

    def flush(self) -> None:
        """Write what a batched merge kept back (nothing to do unbatched)."""
        if self._inserts:
            _INSERT_RECORDS.run(
                self.conn,
                [(r.entity, r.entity_id, *_columns(r).values()) for r in self._inserts.values()],
            )
        if self._updates:
            self.conn.execute(
                _UPDATE_RECORD,
                [{"e": r.entity, "i": r.entity_id, **_columns(r)} for r in self._updates.values()],
            )
        if self._results:
            _INSERT_RESULTS.run(self.conn, self._results)
        self._inserts, self._updates, self._results = {}, {}, []
        self._inserted_of = {}

    def _merge(self, op: p.Op) -> list[Rec]:
        """The records this op changes (private copies, the op's own record first)."""
        # Every payload against its entity's model first: nothing malformed is read or stored.
        invalid = payloads.change_problem(op.entity, op.op, op.payload, op.hlc)
        if invalid is not None:
            raise Rejected(invalid)
        author = self._author(op)
        if author.role != permissions.ADMIN or "updated_by" not in op.payload:
            # The author is whoever signed; an admin's signature may attest others' rows (a
            # standalone store's history uploaded at enrolment keeps its authors).
            op = op.model_copy(update={"payload": {**op.payload, "updated_by": author.officer_id}})
        if op.entity in p.HUB_GENERATED_ENTITIES:
            return self._merge_decision(op, author)
        if op.op == "delete":
            raise Rejected("Records are never deleted through sync; void or end them instead.")
        if str(op.payload.get("id", op.entity_id)) != op.entity_id:
            raise Rejected("The change names two different records.")
        current = self.load(op.entity, op.entity_id)
        self._check_scope(op, current)
        self._permit(op, current, author)
        if op.entity == "inmate" and current is not None:
            self._check_transfer(op, current, author)
        if op.entity in p.LOG_ENTITIES:
            changed = self._merge_log(op, current)
        else:
            changed = self._merge_fields(op, current)
        if op.entity == "inmate" and current is not None and _purged(changed[0]):
            _check_blank(changed[0])
            return changed[:1]  # the records about them go once it is written (apply)
        try:
            return invariants.keep(self, op, current, changed)
        except invariants.Refused as why:
            raise Rejected(why.reason, why.records, [why.standing]) from None

    def _merge_decision(self, op: p.Op, author: permissions.Author) -> list[Rec]:
        """A supervisor's decision on a conflict: only who decided, when and how may change;
        the chosen value itself travels as an ordinary change of its record."""
        if op.op != "update":
            raise Rejected("Conflict records are made by the hub only.")
        current = self.load(op.entity, op.entity_id)
        if current is None:
            raise Rejected("This conflict is not on the hub.")
        self._check_scope(op, current)
        self._permit(op, current, author)
        content = _content(op.payload)
        other = set(content) - META - DECISION_FIELDS
        if other:
            raise Rejected(
                "Only the decision on a conflict can change, not what the conflict was about."
            )
        if current.data.get("resolved_at") is not None:
            return [copy.deepcopy(current)]  # decided already (first decision stands)
        rec = copy.deepcopy(current)
        for name, value in content.items():
            rec.data[name] = value
            if name not in META:
                rec.meta[name] = [op.hlc, rec.version + 1, self.device_id]
        rec.version += 1
        return [rec]

    def _merge_log(self, op: p.Op, current: Rec | None) -> list[Rec]:
        if op.op != "insert":
            raise Rejected("Log entries are never changed; add an amendment or a void instead.")
        content = _content(op.payload)
        if current is not None:
            ignore = {"number"} if op.entity == "case_note_revision" else set()
            if _strip(current.data, ignore) == _strip(content, ignore):
                touched = copy.deepcopy(current)  # a second copy of the same entry: no change
                return [touched]
            raise Rejected(
                "Another entry with the same id and different content is already on the hub."
            )
        rec = self._new_rec(op, content)
        out = [rec]
        if op.entity == "case_note_revision":
            out += self._concurrent_revision(op, rec)
        return out

    def _concurrent_revision(self, op: p.Op, rec: Rec) -> list[Rec]:
        """Two revisions N of one note: keep both, number this one after the last, open a
        conflict so a supervisor reads them side by side."""
        note_id = rec.data.get("note_id")
        rows = self.conn.execute(
            sa.select(record.c.entity_id, record.c.data).where(
                record.c.entity == "case_note_revision", record.c.inmate_id == rec.inmate_id
            )
        ).all()
        siblings = [json.loads(r.data) for r in rows]
        siblings = [s for s in siblings if s.get("note_id") == note_id]
        if not any(s.get("number") == rec.data.get("number") for s in siblings):
            return []
        other = next(s for s in siblings if s.get("number") == rec.data.get("number"))
        rec.data["number"] = max(int(s.get("number") or 0) for s in siblings) + 1
        return [
            self._conflict(
                rec,
                kind="note_revisions",
                field_name="text",
                kept=other.get("text"),
                lost=rec.data.get("text"),
                lost_by=op.payload.get("updated_by"),
                lost_hlc=op.hlc,
                auto_resolved=False,
                note=f"revisions {other.get('number')} and {rec.data['number']} were written "
                "at the same time on two workstations",
            )
        ]

    def _merge_fields(self, op: p.Op, current: Rec | None) -> list[Rec]:
        content = _content(op.payload)
        if current is None:
            if op.op != "insert":
                raise Rejected("This change is for a record the hub does not have.")
            return [self._new_rec(op, content)]
        rec = copy.deepcopy(current)
        conflicts: list[Rec] = []
        won = False
        checklist = op.entity in p.CHECKLIST_ENTITIES
        for name, value in content.items():
            if name in META:
                continue
            had = name in rec.data
            old = rec.data.get(name)
            meta = rec.meta.get(name)
            if not had or meta is None:
                rec.data[name] = value
                rec.meta[name] = [op.hlc, rec.version + 1, self.device_id]
                won = True
                continue
            f_hlc, f_version, f_device = meta
            if value == old:
                continue  # the same value from two places merges
            concurrent = f_device != self.device_id and (
                op.base_version is None or op.base_version < f_version
            )
            if checklist and name == "status" and concurrent and old != DISPUTED:
                rec.data[name] = DISPUTED
                rec.meta[name] = [max(op.hlc, f_hlc), rec.version + 1, self.device_id]
                won = True
                conflicts.append(
                    self._conflict(
                        rec,
                        kind="disputed",
                        field_name=name,
                        kept=old,
                        lost=value,
                        lost_by=op.payload.get("updated_by"),
                        lost_hlc=op.hlc,
                        auto_resolved=False,
                        note="two officers set this item to different statuses at the same time",
                    )
                )
                continue
            if not concurrent or op.hlc > f_hlc:
                rec.data[name] = value
                rec.meta[name] = [op.hlc, rec.version + 1, self.device_id]
                won = True
                if concurrent:
                    conflicts.append(
                        self._conflict(
                            rec,
                            kind="field",
                            field_name=name,
                            kept=value,
                            lost=old,
                            lost_by=rec.data.get("updated_by"),
                            lost_hlc=f_hlc,
                            auto_resolved=True,
                            note="a later change on another workstation won",
                        )
                    )
            else:
                conflicts.append(
                    self._conflict(
                        rec,
                        kind="field",
                        field_name=name,
                        kept=old,
                        lost=value,
                        lost_by=op.payload.get("updated_by"),
                        lost_hlc=op.hlc,
                        auto_resolved=True,
                        note="a later change on another workstation won",
                    )
                )
        if won:
            rec.version += 1
            if op.hlc >= str(rec.data.get("updated_hlc", "")):
                for name in ("updated_hlc", "updated_by", "device_id"):
                    if name in content:
                        rec.data[name] = content[name]
            if op.entity == "inmate" and rec.data.get("unit_id") != rec.scope_unit:
                rec.prev_unit, rec.scope_unit = rec.scope_unit, rec.data.get("unit_id")
            if op.entity == "officer":
                rec.scope_unit = rec.data.get("unit_id")
        # Even a change that lost everything moves the record to the end of the feed, so the
        # workstation that sent it pulls the value that won.
        return [rec, *conflicts]

    def _new_rec(self, op: p.Op, content: dict[str, Any]) -> Rec:
        inmate_id, scope = self._placement(op.entity, op.entity_id, content)
        first = [op.hlc, 1, self.device_id]  # shared: a later change replaces, never edits
        meta = {k: first for k in content if k not in META}
        return Rec(
            entity=op.entity,
            entity_id=op.entity_id,
            inmate_id=inmate_id,
            scope_unit=scope,
            prev_unit=None,
            version=1,
            data=content,
            meta=meta,
            new=True,
            facility_id=self._facility_of(op.entity, op.entity_id, inmate_id, content),
        )

    def _facility_of(
        self, entity: str, entity_id: str, inmate_id: str | None, content: dict[str, Any]
    ) -> str | None:
        """The facility a new record belongs to: its person's, else the device's."""
        if entity == "facility":
            return self.facility_id() or entity_id
        if inmate_id is not None and entity != "inmate":
            person = self.load("inmate", inmate_id)
            if person is not None and person.facility_id is not None:
                return person.facility_id
        return self.facility_id()

    def _placement(
        self, entity: str, entity_id: str, content: dict[str, Any]
    ) -> tuple[str | None, str | None]:
        """(inmate_id, scope_unit) of a new record."""
        if entity == "inmate":
            return entity_id, content.get("unit_id")
        if entity == "officer":
            return None, content.get("unit_id")
        if entity == "unit":
            return None, entity_id
        if entity == "handover":
            return None, content.get("unit_id")
        if entity.startswith("handover_") and not content.get("inmate_id"):
            # unit-wide parts of a handover stay with the handover's unit
            parent = self.load("handover", str(content.get("handover_id")))
            if parent is None:
                raise Rejected("This entry belongs to a handover the hub does not have.")
            return None, parent.scope_unit
        if "inmate_id" in content:
            return content.get("inmate_id"), None
        if entity in PARENT:
            parent_entity, key = PARENT[entity]
            parent = self.load(parent_entity, str(content.get(key)))
            if parent is None:
                raise Rejected("This entry belongs to a record the hub does not have.")
            return parent.inmate_id, None
        return None, None

    def _check_scope(self, op: p.Op, current: Rec | None) -> None:
        outside = "This workstation's unit does not hold this record."
        if op.entity == "facility":
            self._check_facility(op, current)
            return
        if op.entity == "unit":
            data = current.data if current else op.payload
            code = data.get("code")
            if code != self.unit_code or not self._is_own_facility(data.get("facility_id")):
                raise Rejected(outside)
            known = self.unit_id()
            if current is None and known is not None and known != op.entity_id:
                raise Rejected(
                    f"Unit {code} is already on the hub as another record: this workstation was "
                    "set up on its own. Enrol an empty workstation, or ask facility IT."
                )
            if current is not None and known != op.entity_id:
                raise Rejected(outside)
            return
        if op.entity in ("officer", "handover"):
            unit = current.scope_unit if current else op.payload.get("unit_id")
            if unit != self.unit_id():
                raise Rejected(outside)
            return
        if current is not None:
            inmate_id = current.inmate_id
        elif op.entity == "inmate":
            if op.payload.get("unit_id") != self.unit_id():
                raise Rejected(outside)
            return
        else:
            inmate_id, scope = self._placement(op.entity, op.entity_id, op.payload)
            if inmate_id is None and scope not in (None, self.unit_id()):
                raise Rejected(outside)  # a unit-wide part of another unit's handover
        if inmate_id is None:
            # Facility and catalogue records are shared by the facility's units, never
            # beyond it.
            facility = self.facility_id()
            if facility is None or (current is not None and current.facility_id != facility):
                raise Rejected("This workstation's facility does not hold this record.")
            return
        person = self.load("inmate", inmate_id)
        if person is None:
            raise Rejected("This entry is about a person the hub does not know.")
        if _purged(person):
            raise Rejected(PURGED)
        unit = self.unit_id()
        # A workstation the person was just transferred from may still drain its outbox.
        if unit is None or unit not in (person.scope_unit, person.prev_unit):
            raise Rejected(outside)

    def _is_own_facility(self, facility_id: Any) -> bool:
        """Whether a unit's ``facility_id`` names the device's facility (or another record
        of it, see _check_facility)."""
        known = self.facility_id()
        if known is None or not storable_id(facility_id):
            return False
        if facility_id == known:
            return True
        other = self.load("facility", facility_id)
        return other is not None and other.facility_id == known

    def _check_facility(self, op: p.Op, current: Rec | None) -> None:
        """A device writes only its own facility's record; its first upload registers it."""
        known = self.facility_id()
        code = (current.data if current else op.payload).get("code")
        if known is not None:
            if op.entity_id == known:
                return
            if current is None and code == places.facility_code_of(self.conn, known):
                # Another record of this facility, made by a unit set up on its own before
                # it enrolled: kept as the facility's (its units name it).
                return
            if current is None or current.facility_id != known:
                raise Rejected("This workstation's facility does not hold this record.")
            return
        claimed = self.seat.facility_code
        if current is not None or (claimed is not None and code != claimed):
            raise Rejected(
                f"This workstation was enrolled for facility {claimed or 'of this hub'}, "
                f"not {code}. Ask facility IT for an enrolment code of the right facility."
            )
        taken = places.ids_of(self.conn, str(code), "")[0]
        if taken is not None or places.facility_code_of(self.conn, op.entity_id) is not None:
            raise Rejected(
                f"Facility {code} is already on the hub as another record: this workstation "
                "was set up on its own. Enrol an empty workstation, or ask facility IT."
            )

    def _purge(self, rec: Rec) -> None:
        """The person's records are removed under the retention rule: every record about them
        goes (the ones merged earlier in this transaction too), their own stays as a
        tombstone with no details; workstations drop theirs when the tombstone reaches them."""
        person = rec.entity_id
        self.conn.execute(_DELETE_FEED_OF_PERSON, {"p": person})
        self.conn.execute(_DELETE_OF_PERSON, {"p": person})
        for pending in (self._inserts, self._updates, self._cache):
            for key in [k for k, r in pending.items() if _about(r, person)]:
                del pending[key]
        for of in [k for k in self._inserted_of if k[1] == person]:
            del self._inserted_of[of]
        # Keys of removed records may stay in ``touched``: renumbering a missing row is a no-op.

    # --- who signed, and may they ---------------------------------------------------------

    def _author(self, op: p.Op) -> permissions.Author:
        """The person whose key signed ``op`` (Rejected when nobody's does), as the hub knows
        them: role, unit, and whether their account was open when they signed."""
        key = None
        if self.verify:
            checked = self.checked.get(id(op))
            if checked is not None and op.signer:
                # Its signature was checked on the request's thread: is that key still the
                # signer's at the change's clock, as this transaction sees the keys?
                key = self.keys.valid(op.signer, op.hlc, checked)
        if key is not None and op.signer:
            signer: str = op.signer
        elif self.verify:
            if not op.signer or not op.signature:
                raise Rejected(
                    "This change is not signed by the person who made it, so the hub cannot "
                    "accept it. Update the app on this workstation and sign in again."
                )
            try:
                message = op_bytes(op, op.signer)
            except ValueError:  # text no UTF-8 holds (a lone surrogate), a NaN
                raise Rejected(
                    "The hub cannot store this change: a value in it is too long, too large "
                    "or has characters the hub cannot hold."
                ) from None
            key = self.keys.signed_with(op.signer, op.hlc, op.signature, message)
            if key is None:
                raise Rejected(
                    "The signature on this change does not belong to the account it names (or "
                    "that key had been replaced when it was signed). Nothing was stored."
                )
            signer = op.signer
        else:
            claimed = op.payload.get("updated_by")
            if claimed is None:  # the benchmark's unsigned baseline: local tools as before
                return permissions.Author("", permissions.ADMIN, self._device_unit(op))
            signer = str(claimed)
        officer = self.load("officer", signer)
        if officer is None:
            if (
                key is not None
                and key.root_unit_code == self.unit_code
                and key.root_facility_code in (None, self._facility_code(op))
            ):
                return permissions.Author(str(signer), permissions.ADMIN, self._device_unit(op))
            raise Rejected("The person who signed this change has no account on the hub.")
        data = officer.data
        active = bool(data.get("active", True))
        if not active:
            closed = officer.meta.get("active") or [""]
            active = op.hlc < str(closed[0])
        unit = officer.scope_unit or data.get("unit_id")
        if unit != self._device_unit(op):
            raise Rejected("The person who signed this change is not of this workstation's unit.")
        return permissions.Author(str(signer), str(data.get("role")), unit, active)

    def _facility_code(self, op: p.Op) -> str | None:
        """The code of the device's facility: the one its enrolment code named, else the
        hub's first (registered, or being registered by this very change)."""
        code = self.seat.facility_code
        if code is None:
            try:
                code = places.facility_named(self.conn, None)
            except places.PlaceError:
                return None
            if code is None and op.entity == "facility":
                code = op.payload.get("code")
        return code

    def _device_unit(self, op: p.Op) -> str | None:
        known = self.unit_id()
        if known is None and op.entity == "unit" and op.payload.get("code") == self.unit_code:
            return op.entity_id  # the unit's own record, uploaded when its first device enrols
        return known

    def _permit(self, op: p.Op, current: Rec | None, author: permissions.Author) -> None:
        """The rules table (domain/permissions.py) decides; a refusal is this op's answer."""
        content = _content(op.payload)
        change = permissions.Change(
            entity=op.entity,
            op=op.op,
            record_unit=self._record_unit(op, current, content),
            current=current.data if current is not None else None,
            values=content,
            facts=self._facts(op, current, content),
        )
        reason = permissions.refusal(author, change)
        if reason is not None:
            raise Rejected(reason)

    def _record_unit(self, op: p.Op, current: Rec | None, content: dict[str, Any]) -> str | None:
        if current is not None:
            if current.scope_unit is not None:
                return current.scope_unit
            inmate_id = current.inmate_id
        else:
            inmate_id, scope = self._placement(op.entity, op.entity_id, content)
            if scope is not None:
                return scope
        if inmate_id is None:
            return None  # the facility and its catalogue
        person = self.load("inmate", inmate_id)
        return None if person is None else person.scope_unit

    def _facts(self, op: p.Op, current: Rec | None, content: dict[str, Any]) -> dict[str, Any]:
        if op.entity == "handover" and (
            content.get("status") == "signed" or "signed_by" in content
        ):
            return {"unacknowledged": self._unacknowledged(op.entity_id)}
        inmate_id = current.inmate_id if current is not None else content.get("inmate_id")
        if op.entity == "inmate":
            inmate_id = op.entity_id
        person = self.load("inmate", str(inmate_id)) if inmate_id else None
        if person is not None and person.prev_unit is not None:
            return {"from_unit": person.prev_unit}
        return {}

    def _unacknowledged(self, handover_id: str) -> bool:
        """Whether any person of the handover still waits for acknowledgement (entries merged
        earlier in this transaction count as they are now)."""
        pattern = f'%"handover_id": "{handover_id}"%'
        rows = self.conn.execute(
            sa.select(record.c.entity_id, record.c.data).where(
                record.c.entity == "handover_entry", record.c.data.like(pattern)
            )
        ).all()
        entries = {row.entity_id: json.loads(row.data) for row in rows}
        for (entity, entity_id), rec in self._cache.items():
            if (
                entity == "handover_entry"
                and rec is not None
                and rec.data.get("handover_id") == handover_id
            ):
                entries[entity_id] = rec.data
        return any(e.get("acknowledged_at") is None for e in entries.values())

    def _conflict(
        self,
        rec: Rec,
        *,
        kind: str,
        field_name: str,
        kept: Any,
        lost: Any,
        lost_by: Any,
        lost_hlc: str,
        auto_resolved: bool,
        note: str,
    ) -> Rec:
        conflict_id = new_id()
        data = {
            "id": conflict_id,
            "entity": rec.entity,
            "entity_id": rec.entity_id,
            "inmate_id": rec.inmate_id,
            "kind": kind,
            "field_name": field_name,
            "kept_value": json.dumps(kept, ensure_ascii=False, sort_keys=True),
            "lost_value": json.dumps(lost, ensure_ascii=False, sort_keys=True),
            "lost_by": lost_by,
            "lost_hlc": lost_hlc,
            "note": note,
            "detected_at": self.now.isoformat(),
            "auto_resolved": auto_resolved,
            "resolved_at": None,
            "resolved_by": None,
            "updated_hlc": lost_hlc,
            "updated_by": None,
            "device_id": "hub",
            "deleted_at": None,
        }
        return Rec(
            entity="sync_conflict",
            entity_id=conflict_id,
            inmate_id=rec.inmate_id,
            scope_unit=rec.scope_unit if rec.inmate_id is None else None,
            prev_unit=None,
            version=1,
            data=data,
            meta={},
            new=True,
            facility_id=rec.facility_id,
        )

    # --- writing ------------------------------------------------------------------------

    def _write(self, rec: Rec) -> None:
        values = _columns(rec)
        # Parameters, not .values(...): one compiled statement for every push (building a
        # statement per record cost more than the database work).
        if rec.new:
            self.conn.execute(
                _INSERT_RECORD,
                {"entity": rec.entity, "entity_id": rec.entity_id, **values},
            )
        else:
            self.conn.execute(_UPDATE_RECORD, {"e": rec.entity, "i": rec.entity_id, **values})

    def assign_seqs(self) -> None:
        """Write what is kept back, then give every record this transaction touched a feed
        row in each scope it is pulled in, numbered after the scope's last in the order they
        were touched; its earlier feed rows go (a record changed again moves to the end).

        The numbers come from ``scope_seq`` in this transaction: the row of a scope stays
        locked until the commit, so a second writer in the same scope waits for this one to
        commit before it takes the next number (numbers commit in order), while writers in
        other scopes never wait.  Scopes are taken in sorted order (no deadlock)."""
        keys = list(self.touched)
        fresh = set(self._inserts)  # new in this batched transaction: no feed rows yet
        self.flush()
        self.touched = {}
        by_scope: dict[str, list[tuple[str, str]]] = {}
        old: dict[str, list[str]] = {}
        for key in keys:
            rec = self.load(*key)
            if rec is None:
                continue  # removed since (a purge)
            for scope in self.feed_scopes(rec):
                by_scope.setdefault(scope, []).append(key)
            if key not in fresh:
                old.setdefault(key[0], []).append(key[1])
        for entity, ids in old.items():
            _DELETE_FEED.run(self.conn, ids, entity)
        rows: list[tuple[Any, ...]] = []
        for scope in sorted(by_scope):
            items = by_scope[scope]
            top = self.conn.execute(_BUMP_SCOPE, {"s": scope, "n": len(items)}).scalar_one()
            first = top - len(items) + 1
            rows += [(scope, first + n, e, i) for n, (e, i) in enumerate(items)]
        _INSERT_FEED.run(self.conn, rows)

    def feed_scopes(self, rec: Rec) -> list[str]:
        """The scopes a record is pulled in: a unit's own records (its unit, officers,
        handovers, people) in that unit, and a person's record also in the unit they left
        (whose workstations learn they left); what is about a person in the person's unit;
        the facility and its catalogue in the facility's scope (its id)."""
        if rec.entity == "facility":
            return [rec.facility_id or rec.entity_id]
        if rec.scope_unit is not None:
            if rec.entity == "inmate" and rec.prev_unit not in (None, rec.scope_unit):
                return [rec.scope_unit, str(rec.prev_unit)]
            return [rec.scope_unit]
        if rec.inmate_id is not None:
            person = self.load("inmate", rec.inmate_id)
            if person is not None and person.scope_unit is not None:
                return [person.scope_unit]
        return [rec.facility_id] if rec.facility_id is not None else []


# The columns of a record that _columns() gives, in its order.
_COLUMN_NAMES = (
    "inmate_id",
    "scope_unit",
    "prev_unit",
    "facility_id",
    "rank",
    "version",
    "deleted",
    "data",
    "meta",
    "proof",
)
# The statements of the push path, built once: building and hashing a statement per call
# cost more than the database work.
_THIS_RECORD = sa.and_(
    record.c.entity == sa.bindparam("e"), record.c.entity_id == sa.bindparam("i")
)
_SELECT_RECORD = sa.select(record).where(_THIS_RECORD)
_SELECT_OF_PERSON = sa.select(record).where(
    record.c.entity == sa.bindparam("e"), record.c.inmate_id == sa.bindparam("p")
)
_SELECT_PLACE = sa.select(places.place.c.unit_id).where(
    places.place.c.facility_id == sa.bindparam("f"), places.place.c.code == sa.bindparam("c")
)
_SELECT_NAME = sa.select(unique_name.c.entity_id).where(
    unique_name.c.facility_id == sa.bindparam("f"),
    unique_name.c.entity == sa.bindparam("e"),
    unique_name.c.value == sa.bindparam("v"),
)
_DELETE_NAMES_OF = unique_name.delete().where(
    unique_name.c.facility_id == sa.bindparam("f"),
    unique_name.c.entity == sa.bindparam("e"),
    unique_name.c.entity_id == sa.bindparam("i"),
)
_INSERT_NAME = unique_name.insert().values(
    facility_id=sa.bindparam("f"),
    entity=sa.bindparam("e"),
    value=sa.bindparam("v"),
    entity_id=sa.bindparam("i"),
)
# What must be unique within a facility: entity -> (field, its name in a refusal).
UNIQUE_FIELDS = {
    "unit": ("code", "unit code"),
    "programme": ("code", "programme code"),
    "officer": ("username", "user name"),
}
CROSS_FACILITY = (
    "This person would move to a unit of another facility. That is a transfer between "
    "facilities, which only an admin can make (signed by them); nothing was changed."
)
_MOVE_PERSON = (
    record.update()
    .where(record.c.inmate_id == sa.bindparam("p"), record.c.entity != "inmate")
    .values(facility_id=sa.bindparam("f"))
)
_INSERT_RECORD = record.insert()  # op by op (unbatched)
_INSERT_RESULT = op_result.insert()
_INSERT_ACCOUNT_LOG = account_log.insert()
_DELETE_OF_PERSON = record.delete().where(
    record.c.inmate_id == sa.bindparam("p"), record.c.entity != "inmate"
)
PURGED = (
    "This person's records were removed under the retention rule; nothing more can be "
    "stored about them."
)
_UPDATE_RECORD = (
    record.update().where(_THIS_RECORD).values({n: sa.bindparam(n) for n in _COLUMN_NAMES})
)
# A scope's next numbers (its row made on first use); the same SQL on SQLite and PostgreSQL.
_BUMP_SCOPE = sa.text(
    "INSERT INTO scope_seq (scope, last) VALUES (:s, :n) ON CONFLICT (scope) "
    "DO UPDATE SET last = scope_seq.last + excluded.last RETURNING last"
)
_INSERT_FEED = BulkInsert(feed, ["scope", "seq", "entity", "entity_id"])
_DELETE_FEED = DeleteByIds(feed, "entity_id", equal=["entity"])
_DELETE_FEED_OF_PERSON = feed.delete().where(
    sa.tuple_(feed.c.entity, feed.c.entity_id).in_(
        sa.select(record.c.entity, record.c.entity_id).where(
            record.c.inmate_id == sa.bindparam("p"), record.c.entity != "inmate"
        )
    )
)


_INSERT_RECORDS = BulkInsert(record, ["entity", "entity_id", *_COLUMN_NAMES])
_INSERT_RESULTS = BulkInsert(op_result, ["op_id", "device_id", "status", "reason", "version", "at"])
_RECORDS_BY_ID = SelectByIds(record, "entity_id", equal=["entity"])


# json.dumps with options builds an encoder per call; these are built once.
_DATA_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_META_JSON = json.JSONEncoder(separators=(",", ":")).encode
_PROOF_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _columns(rec: Rec) -> dict[str, Any]:
    """A record's stored columns, in ``_COLUMN_NAMES`` order."""
    return {
        "inmate_id": rec.inmate_id,
        "scope_unit": rec.scope_unit,
        "prev_unit": rec.prev_unit,
        "facility_id": rec.facility_id,
        "rank": p.RANK.get(rec.entity, 99),
        "version": rec.version,
        "deleted": rec.deleted,
        "data": _DATA_JSON(rec.data),
        "meta": _META_JSON(rec.meta),
        "proof": None if rec.proof is None else _PROOF_JSON(rec.proof),
    }


def to_feed_end(conn: Connection, keys: list[tuple[str, str]]) -> None:
    """Put records written outside a push (a benchmark's bulk load, a test planting a
    record) at the end of the feeds they are pulled in, as a push does."""
    from datetime import UTC

    merger = Merger(conn, places.Seat("hub", "", None, None, None), datetime.now(UTC))
    merger.prefetch(keys)
    merger.touched = dict.fromkeys(keys)
    merger.assign_seqs()


def storable_id(value: Any) -> bool:
    """Whether ``value`` is text the record table's id columns can hold."""
    return isinstance(value, str) and _STORABLE_ID.fullmatch(value) is not None


def _check_storable(changed: list[Rec]) -> None:
    """Refuse records whose person or unit, read from the payload, no column can hold."""
    for rec in changed:
        for value in (rec.inmate_id, rec.scope_unit, rec.prev_unit):
            if value is not None and not storable_id(value):
                raise Rejected(
                    "This change names a person or unit by an id the hub cannot hold "
                    "(at most 64 characters, no NUL)."
                )


def _content(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if k != "server_version"}


def _strip(data: dict[str, Any], ignore: set[str]) -> dict[str, Any]:
    drop = META | ignore | {"deleted_at"}
    return {k: v for k, v in data.items() if k not in drop}


def _rec(row: Any) -> Rec:
    return Rec(
        entity=row.entity,
        entity_id=row.entity_id,
        inmate_id=row.inmate_id,
        scope_unit=row.scope_unit,
        prev_unit=row.prev_unit,
        version=row.version,
        data=json.loads(row.data),
        meta=json.loads(row.meta),
        deleted=bool(row.deleted),
        proof=json.loads(row.proof) if row.proof else None,
        facility_id=row.facility_id,
    )


def _check_blank(rec: Rec) -> None:
    blank = permissions.BLANK_PERSON
    if any(rec.data.get(name, value) != value for name, value in blank.items()):
        raise Rejected(
            "A person's records are removed only with every personal detail blank. "
            "Update the app on this workstation."
        )


def _purged(rec: Rec) -> bool:
    return rec.entity == "inmate" and rec.data.get("deleted_at") is not None


def _about(rec: Rec | None, person: str) -> bool:
    return rec is not None and rec.inmate_id == person and rec.entity != "inmate"


def op_bytes(op: p.Op, signer: str) -> bytes:
    """What ``signer`` signed of ``op`` (domain/signing.py); ValueError for text or numbers
    no canonical JSON holds."""
    op = as_signed(op)  # an upgraded older change: what its author signed (upgrades.py)
    return signing.change_bytes(
        op_id=op.op_id,
        entity=op.entity,
        entity_id=op.entity_id,
        op=op.op,
        payload=op.payload,
        hlc=op.hlc,
        schema_version=op.schema_version,
        signer=signer,
    )


def signed_change(op: p.Op) -> dict[str, Any]:
    """An op as its author signed it (what ``domain.signing.change_bytes`` covers, with the
    signature): a workstation checks it without trusting the hub."""
    op = as_signed(op)  # an upgraded older change: what its author signed (upgrades.py)
    return {
        "op_id": op.op_id,
        "entity": op.entity,
        "entity_id": op.entity_id,
        "op": op.op,
        "payload": op.payload,
        "hlc": op.hlc,
        "schema_version": op.schema_version,
        "signer": op.signer,
        "signature": op.signature,
    }
