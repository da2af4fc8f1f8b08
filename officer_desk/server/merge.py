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
* assignments and transfers (an inmate's ``unit_id``) only from a supervisor, an admin or
  facility IT's local tools (``updated_by`` empty).

Each op is merged into private copies of the records it touches; only when it succeeds are
the copies written, inside a savepoint of the push transaction, with its result.  A rejected op
writes nothing but its result, and never blocks the ops after it.
"""

from __future__ import annotations

import copy
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from officer_desk.domain.ids import new_id
from officer_desk.server.bulk import BulkInsert, SelectByIds
from officer_desk.server.db import hub_state, op_result, record
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
PRIVILEGED_ROLES = frozenset({"supervisor", "admin"})
DISPUTED = "disputed"
# What a workstation may set on a conflict record: the decision (supervisors only).
DECISION_FIELDS = frozenset({"resolved_at", "resolved_by", "note"})


class Rejected(Exception):
    """The op cannot be applied; ``reason`` is shown in the workstation's rejected list."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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

    @property
    def key(self) -> tuple[str, str]:
        return (self.entity, self.entity_id)


@dataclass
class Merger:
    """Applies the ops of one push inside the caller's transaction."""

    conn: Connection
    device_id: str
    unit_code: str
    now: datetime
    _cache: dict[tuple[str, str], Rec | None] = field(default_factory=dict)
    _unit_ids: dict[str, str] = field(default_factory=dict)  # unit code -> the unit's id
    touched: dict[tuple[str, str], None] = field(default_factory=dict)  # ordered set
    # Batched: records and results are kept here and written with executemany by flush()
    # (in assign_seqs), with no savepoint per op; a clash in the database then fails the
    # whole push, which the caller retries unbatched (op by op, each in a savepoint).
    batched: bool = False
    _inserts: dict[tuple[str, str], Rec] = field(default_factory=dict)
    _updates: dict[tuple[str, str], Rec] = field(default_factory=dict)
    _results: list[tuple[Any, ...]] = field(default_factory=list)  # rows of op_result

    # --- reading ------------------------------------------------------------------------

    def act_for(self, device_id: str, unit_code: str, now: datetime) -> None:
        """The ops that follow come from this device (a group commit merges the pushes of
        several devices in one transaction, sharing what was read and merged so far)."""
        self.device_id, self.unit_code, self.now = device_id, unit_code, now

    def prefetch(self, keys: list[tuple[str, str]]) -> None:
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in keys:
            if (entity, entity_id) not in self._cache:
                self._cache[(entity, entity_id)] = None
                by_entity.setdefault(entity, []).append(entity_id)
        for entity, ids in by_entity.items():
            for row in _RECORDS_BY_ID.rows(self.conn, ids, entity):
                self._cache[(entity, row.entity_id)] = _rec(row)

    def load(self, entity: str, entity_id: str) -> Rec | None:
        key = (entity, entity_id)
        if key not in self._cache:
            row = self.conn.execute(_SELECT_RECORD, {"e": entity, "i": entity_id}).first()
            self._cache[key] = None if row is None else _rec(row)
        return self._cache[key]

    def unit_id(self) -> str | None:
        """The hub id of the device's unit (known once a workstation uploaded it)."""
        known = self._unit_ids.get(self.unit_code)
        if known is None:
            known = resolve_unit(self.conn, self.unit_code)
            if known is not None:
                self._unit_ids[self.unit_code] = known
        return known

    # --- applying -----------------------------------------------------------------------

    def apply(self, op: p.Op) -> p.OpResult:
        """Merge one op; its records and result are written in a savepoint."""
        try:
            changed = self._merge(op)
        except Rejected as why:
            self._store_result(op, "rejected", why.reason, None)
            return p.OpResult(op_id=op.op_id, status="rejected", reason=why.reason)
        main = changed[0]
        if self.batched:
            for rec in changed:
                if rec.new or rec.key in self._inserts:
                    self._inserts[rec.key] = rec
                else:
                    self._updates[rec.key] = rec
                self._note_unit(rec)
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
            self._store_result(op, "applied", "", main.version)
            savepoint.commit()
        except sa.exc.IntegrityError as error:
            savepoint.rollback()
            for rec in changed:
                self._cache.pop(rec.key, None)
            log.warning("op %s refused by the database: %s", op.op_id, error)
            reason = "The hub could not store this change (it clashes with another record)."
            self._store_result(op, "rejected", reason, None)
            return p.OpResult(op_id=op.op_id, status="rejected", reason=reason)
        for rec in changed:
            rec.new = False
            self._cache[rec.key] = rec
            self.touched[rec.key] = None
        return p.OpResult(op_id=op.op_id, status="applied", version=main.version)

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

    def flush(self, seqs: dict[tuple[str, str], int] | None = None) -> None:
        """Write what a batched merge kept back (nothing to do unbatched), with the records'
        sequence numbers when ``seqs`` has them."""
        seqs = seqs or {}
        if self._inserts:
            _INSERT_RECORDS.run(
                self.conn,
                [
                    (r.entity, r.entity_id, seqs.get(r.key, 0), *_columns(r).values())
                    for r in self._inserts.values()
                ],
            )
        if self._updates:
            # Records without a new sequence number keep theirs (COALESCE).
            self.conn.execute(
                _UPDATE_RECORD,
                [
                    {"e": r.entity, "i": r.entity_id, "s": seqs.get(r.key), **_columns(r)}
                    for r in self._updates.values()
                ],
            )
        if self._results:
            _INSERT_RESULTS.run(self.conn, self._results)
        self._inserts, self._updates, self._results = {}, {}, []

    def _merge(self, op: p.Op) -> list[Rec]:
        """The records this op changes (private copies, the op's own record first)."""
        # Every payload against its entity's model first: nothing malformed is read or stored.
        invalid = payloads.change_problem(op.entity, op.op, op.payload, op.hlc)
        if invalid is not None:
            raise Rejected(invalid)
        if op.entity in p.HUB_GENERATED_ENTITIES:
            return self._merge_decision(op)
        if op.op == "delete":
            raise Rejected("Records are never deleted through sync; void or end them instead.")
        if str(op.payload.get("id", op.entity_id)) != op.entity_id:
            raise Rejected("The change names two different records.")
        current = self.load(op.entity, op.entity_id)
        self._check_scope(op, current)
        if op.entity in p.HUB_ONLY_ENTITIES:
            self._require_privileged(op, "Only a supervisor can change who is assigned to whom.")
        if op.entity in p.LOG_ENTITIES:
            return self._merge_log(op, current)
        return self._merge_fields(op, current)

    def _merge_decision(self, op: p.Op) -> list[Rec]:
        """A supervisor's decision on a conflict: only who decided, when and how may change;
        the chosen value itself travels as an ordinary change of its record."""
        if op.op != "update":
            raise Rejected("Conflict records are made by the hub only.")
        current = self.load(op.entity, op.entity_id)
        if current is None:
            raise Rejected("This conflict is not on the hub.")
        self._check_scope(op, current)
        self._require_privileged(op, "Only a supervisor can decide a sync conflict.")
        if op.payload.get("updated_by") is None:
            raise Rejected("A conflict is decided by a signed-in supervisor.")
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
            if op.entity == "inmate":
                self._require_privileged_or_new(op)
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
            if name == "unit_id" and op.entity in ("inmate", "officer"):
                self._require_privileged(op, "Only a supervisor can move someone to another unit.")
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
        )

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
        if op.entity == "unit":
            code = (current.data if current else op.payload).get("code")
            if code != self.unit_code:
                raise Rejected(outside)
            known = self.unit_id()
            if current is None and known is not None and known != op.entity_id:
                raise Rejected(
                    f"Unit {code} is already on the hub as another record: this workstation was "
                    "set up on its own. Enrol an empty workstation, or ask facility IT."
                )
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
            return  # facility and catalogue records are shared by every unit
        person = self.load("inmate", inmate_id)
        if person is None:
            raise Rejected("This entry is about a person the hub does not know.")
        unit = self.unit_id()
        # A workstation the person was just transferred from may still drain its outbox.
        if unit is None or unit not in (person.scope_unit, person.prev_unit):
            raise Rejected(outside)

    def _require_privileged(self, op: p.Op, reason: str) -> None:
        author = op.payload.get("updated_by")
        if author is None:
            return  # facility IT's local tools (roster import, set-up)
        officer = self.load("officer", str(author))
        if officer is None or officer.data.get("role") not in PRIVILEGED_ROLES:
            raise Rejected(reason)

    def _require_privileged_or_new(self, op: p.Op) -> None:
        # Registering a person is an import or a supervisor's job, like assigning.
        self._require_privileged(op, "Only a supervisor or facility IT can register a person.")

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
        )

    # --- writing ------------------------------------------------------------------------

    def _write(self, rec: Rec) -> None:
        values = _columns(rec)
        # Parameters, not .values(...): one compiled statement for every push (building a
        # statement per record cost more than the database work).
        if rec.new:
            self.conn.execute(
                _INSERT_RECORD,
                {"entity": rec.entity, "entity_id": rec.entity_id, "seq": 0, **values},
            )
        else:
            self.conn.execute(
                _UPDATE_RECORD, {"e": rec.entity, "i": rec.entity_id, "s": None, **values}
            )
        self._note_unit(rec)

    def _note_unit(self, rec: Rec) -> None:
        if rec.entity == "unit" and rec.data.get("code") is not None:
            self._unit_ids[str(rec.data["code"])] = rec.entity_id

    def assign_seqs(self) -> None:
        """Give every record this transaction touched the next sequence numbers, in order
        (batched: written with the records; unbatched: the written records are renumbered)."""
        keys = list(self.touched)
        if not keys:
            self.flush()
            return
        top = self.conn.execute(_BUMP_SEQ, {"n": len(keys)}).scalar_one()
        first = top - len(keys) + 1
        seqs = {key: first + n for n, key in enumerate(keys)}
        pending = self._inserts.keys() | self._updates.keys()
        self.flush(seqs)
        rest = [{"e": e, "i": i, "s": seqs[(e, i)]} for (e, i) in keys if (e, i) not in pending]
        if rest:
            self.conn.execute(_SET_SEQ, rest)
        self.touched = {}


# The columns of a record that _columns() gives, in its order.
_COLUMN_NAMES = (
    "inmate_id",
    "scope_unit",
    "prev_unit",
    "rank",
    "version",
    "deleted",
    "data",
    "meta",
)
# The statements of the push path, built once: building and hashing a statement per call
# cost more than the database work.
_THIS_RECORD = sa.and_(
    record.c.entity == sa.bindparam("e"), record.c.entity_id == sa.bindparam("i")
)
_SELECT_RECORD = sa.select(record).where(_THIS_RECORD)
_SELECT_UNITS = sa.select(record.c.entity_id, record.c.data).where(record.c.entity == "unit")
_INSERT_RECORD = record.insert()  # op by op (unbatched)
_INSERT_RESULT = op_result.insert()
_UPDATE_RECORD = (
    record.update()
    .where(_THIS_RECORD)
    .values(
        {name: sa.bindparam(name) for name in _COLUMN_NAMES}
        | {"seq": sa.func.coalesce(sa.bindparam("s", type_=sa.BigInteger), record.c.seq)}
    )
)
_SET_SEQ = record.update().where(_THIS_RECORD).values(seq=sa.bindparam("s"))
_BUMP_SEQ = (
    hub_state.update()
    .where(hub_state.c.id == 1)
    .values(last_seq=hub_state.c.last_seq + sa.bindparam("n", type_=sa.BigInteger))
    .returning(hub_state.c.last_seq)
)


_INSERT_RECORDS = BulkInsert(record, ["entity", "entity_id", "seq", *_COLUMN_NAMES])
_INSERT_RESULTS = BulkInsert(op_result, ["op_id", "device_id", "status", "reason", "version", "at"])
_RECORDS_BY_ID = SelectByIds(record, "entity_id", equal=["entity"])


# json.dumps with options builds an encoder per call; these are built once.
_DATA_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_META_JSON = json.JSONEncoder(separators=(",", ":")).encode


def _columns(rec: Rec) -> dict[str, Any]:
    """A record's stored columns, in ``_COLUMN_NAMES`` order."""
    return {
        "inmate_id": rec.inmate_id,
        "scope_unit": rec.scope_unit,
        "prev_unit": rec.prev_unit,
        "rank": p.RANK.get(rec.entity, 99),
        "version": rec.version,
        "deleted": rec.deleted,
        "data": _DATA_JSON(rec.data),
        "meta": _META_JSON(rec.meta),
    }


def resolve_unit(conn: Connection, unit_code: str) -> str | None:
    rows = conn.execute(_SELECT_UNITS).all()
    for row in rows:
        if json.loads(row.data).get("code") == unit_code:
            return str(row.entity_id)
    return None


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
    )
