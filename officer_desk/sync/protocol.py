"""The sync protocol between a workstation and the facility's hub: one definition for both.

JSON over HTTPS with a bearer token per enrolled device.  Every message is a pydantic model
here, so the client and the hub validate the same shapes and a malformed request is refused
with a 4xx that says what is wrong.  See docs/ARCHITECTURE.md, "Sync".
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

PROTOCOL_VERSION = 1
# The range of record schema versions (tables.SYNC_SCHEMA_VERSION) the hub accepts: the current
# one and the previous one, whose changes it upgrades (server/upgrades.py, which says what a
# version is); a client outside it is told to update the app and keeps its outbox.
MIN_SCHEMA_VERSION = 1
MAX_SCHEMA_VERSION = 2
MAX_BATCH = 500
MAX_PAGE = 5000
MAX_CLOCK_SKEW = timedelta(minutes=5)
MAX_REQUEST_BYTES = 8 * 1024 * 1024

# Bounds of what the hub's databases hold (server/db.py), so that bad input is refused with a
# 422 before it reaches them, never a 500: integers within their column (``Integer`` is
# 32-bit on PostgreSQL, ``BigInteger`` 64-bit; SQLite takes no Python int past 2**63 - 1),
# text without NUL (PostgreSQL refuses it) and within the column's length.  A pattern also
# refuses lone surrogates, which are not UTF-8 (pydantic's regex engine takes only whole
# code points).
INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
MAX_ID = 64  # record.entity_id, inmate_id, op_result.op_id: String(64)
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"  # UUIDs, token_hex, "op-1", "f-new", ...
# domain/hlc.py's encoding: 13-digit milliseconds, counter, device id.
HLC_PATTERN = r"^[0-9]{13}-[0-9]{5,}-[A-Za-z0-9_.:-]{1,64}$"
TEXT_PATTERN = r"^[^\x00]*$"  # any text the databases hold: no NUL

# A record or change id: what workstations make (UUIDv7), in a column the databases hold.
Id = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID, pattern=ID_PATTERN)]
OpId = Annotated[str, StringConstraints(min_length=8, max_length=MAX_ID, pattern=ID_PATTERN)]
Hlc = Annotated[str, StringConstraints(min_length=21, max_length=120, pattern=HLC_PATTERN)]
# Strict: a JSON number that is an integer, not ``false`` or ``"7"`` taken for one.
Int32 = Annotated[int, Field(ge=0, le=INT32_MAX, strict=True)]
Int64 = Annotated[int, Field(ge=0, le=INT64_MAX, strict=True)]
# A schema version: the hub answers one outside its range with "update the app" (426), so
# any small number is understood; past this it is not a version.
SchemaVersion = Annotated[int, Field(ge=0, le=32767, strict=True)]
# Text without NUL; give each field its column's length with Field(max_length=...).
Text = Annotated[str, StringConstraints(pattern=TEXT_PATTERN)]
# An Ed25519 signature in base64 (88 characters).
Signature = Annotated[
    str, StringConstraints(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9+/]+={0,2}$")
]
# A record's fields are values and lists of values: 2 levels.  Deeper JSON is refused (the
# hub copies and encodes records recursively; past Python's recursion limit that failed).
MAX_PAYLOAD_DEPTH = 16
_NESTED = frozenset({dict, list})  # what JSON nests (exact types: a set look-up is cheapest)


def _not_too_deep(payload: dict[str, Any]) -> dict[str, Any]:
    """``payload`` itself, if no value is nested deeper than MAX_PAYLOAD_DEPTH (checked level
    by level, without recursion; a flat payload costs one pass over its values)."""
    level = [v for v in payload.values() if type(v) in _NESTED]
    depth = 1
    while level:
        depth += 1
        if depth > MAX_PAYLOAD_DEPTH:
            raise ValueError(f"the payload is nested deeper than {MAX_PAYLOAD_DEPTH} levels")
        deeper: list[Any] = []
        for value in level:
            items = value.values() if isinstance(value, dict) else value
            deeper += [v for v in items if type(v) in _NESTED]
        level = deeper
    return payload


Payload = Annotated[dict[str, Any], AfterValidator(_not_too_deep)]


# Kinds of record and how the hub merges them.
LOG_ENTITIES = frozenset(
    {
        "meal_log",
        "activity_log",
        "conversation",
        "case_note_revision",
        "milestone_signoff",
        "release_signoff",
        "referral",
        "certificate",
    }
)
FIELD_ENTITIES = frozenset(
    {
        "inmate",
        "officer",
        "facility",
        "unit",
        "programme",
        "programme_milestone",
        "enrolment",
        "follow_up",
        "case_note",
        "release_plan",
        # the shift handover (fields: text, status, acknowledgement, question and answer)
        "handover",
        "handover_entry",
        "handover_action",
        "handover_contingency",
        "handover_unit_item",
    }
)
CHECKLIST_ENTITIES = frozenset({"release_plan_item"})
HUB_ONLY_ENTITIES = frozenset({"assignment"})  # written by the hub (a supervisor's request)
# Made by the hub itself while merging (a losing value, two note revisions, a disputed item)
# and sent to workstations like any record; a workstation never pushes one.  (Added with the
# sync issue; additive.)
HUB_GENERATED_ENTITIES = frozenset({"sync_conflict"})
ENTITIES = (
    LOG_ENTITIES | FIELD_ENTITIES | CHECKLIST_ENTITIES | HUB_ONLY_ENTITIES | HUB_GENERATED_ENTITIES
)
# Parents before children: the order a standalone store's rows are uploaded, a pull page is
# applied and the hub's snapshot pages are ranked (one list for both sides).
PARENTS_FIRST = (
    "facility",
    "unit",
    "officer",
    "programme",
    "programme_milestone",
    "inmate",
    "assignment",
    "enrolment",
    "milestone_signoff",
    "certificate",
    "meal_log",
    "activity_log",
    "conversation",
    "follow_up",
    "case_note",
    "case_note_revision",
    "release_plan",
    "release_plan_item",
    "referral",
    "release_signoff",
    "handover",
    "handover_entry",
    "handover_action",
    "handover_contingency",
    "handover_unit_item",
    "sync_conflict",
)
RANK = {name: n for n, name in enumerate(PARENTS_FIRST)}

Entity = Literal[
    "meal_log",
    "activity_log",
    "conversation",
    "case_note",
    "case_note_revision",
    "milestone_signoff",
    "release_signoff",
    "referral",
    "certificate",
    "inmate",
    "officer",
    "facility",
    "unit",
    "programme",
    "programme_milestone",
    "enrolment",
    "follow_up",
    "release_plan",
    "release_plan_item",
    "assignment",
    "sync_conflict",
    "handover",
    "handover_entry",
    "handover_action",
    "handover_contingency",
    "handover_unit_item",
]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HelloRequest(Message):
    app_version: Text = Field(max_length=40)  # device.app_version: String(40)
    schema_version: SchemaVersion
    client_time: datetime
    waiting: Int32 | None = None  # changes in the device's outbox (device.waiting: Integer)


class HelloResponse(Message):
    server_time: datetime
    device_id: str
    unit_code: str
    min_schema_version: int
    max_schema_version: int
    # The hub checks every change's signature and refuses unsigned ones; a workstation then
    # sends only signed changes (docs/ARCHITECTURE.md, "Signed changes": the staged switch).
    signatures_required: bool = False


class Op(Message):
    """One outbox entry.  ``base_version`` is the hub version the device last saw of the
    record (None for an insert): an update based on an older version is concurrent."""

    op_id: OpId
    entity: Entity
    entity_id: Id
    op: Literal["insert", "update", "delete"]
    payload: Payload
    hlc: Hlc
    schema_version: SchemaVersion
    base_version: Int32 | None = None  # record.version: Integer
    # Who made the change and their Ed25519 signature of it (domain/signing.py).  Optional
    # in the message so that an unsigned change is refused on its own, with a reason, rather
    # than the whole push.
    signer: Id | None = None
    signature: Signature | None = None


class PushRequest(Message):
    ops: list[Op] = Field(max_length=MAX_BATCH)
    # Changes still in the device's outbox once this batch is through (the unit overview).
    waiting: Int32 | None = None


class OpResult(Message):
    op_id: str
    status: Literal["applied", "duplicate", "rejected"]
    reason: str = ""
    version: int | None = None  # the record's hub version after this op


class PushResponse(Message):
    results: list[OpResult]


class Change(Message):
    """A record's merged state at sequence ``seq`` of feed ``scope`` (full record, or a
    deletion); a snapshot's changes have no scope."""

    seq: int
    scope: str | None = None
    entity: Entity
    entity_id: str
    inmate_id: str | None
    version: int
    deleted: bool = False
    record: dict[str, Any]
    # For a record whose fields grant rights: the signed changes that set them
    # ({"fields": {field: op id or "hub"}, "ops": {op id: signed change}}); see sync/trust.py.
    proof: dict[str, Any] | None = None


# In a record's proof, a rights field the hub set itself rather than a signed change
# (server/invariants.py narrowing a clashing assignment; sync/trust.py accepts only that).
PROOF_BY_HUB = "hub"


class PullResponse(Message):
    changes: list[Change]
    # The cursor to pass back: each of the workstation's scopes (its unit, its facility) ->
    # the last sequence number of that scope's feed it has (format_cursor for the query).
    cursor: dict[str, int]
    next_since: int  # always 0: the scalar cursor of hubs before per-scope feeds
    more: bool


# The pull cursor (GET /sync/pull?cursor=...): {scope id: sequence number}, as compact JSON.
# A workstation holds one or two scopes; a cursor of more, or longer, is refused.
MAX_CURSOR_SCOPES = 16
MAX_CURSOR_CHARS = 2000


def format_cursor(cursor: dict[str, int]) -> str:
    return json.dumps(cursor, sort_keys=True, separators=(",", ":"))


def parse_cursor(text: str) -> dict[str, int]:
    """A cursor as ``format_cursor`` wrote it (or "" for none); ValueError for anything
    else: not an object of at most MAX_CURSOR_SCOPES ids to 64-bit sequence numbers."""
    if not text:
        return {}
    value = json.loads(text)
    if not isinstance(value, dict) or len(value) > MAX_CURSOR_SCOPES:
        raise ValueError("a cursor is an object of a few scopes")
    for scope, seq in value.items():
        if len(scope) > MAX_ID or not re.fullmatch(ID_PATTERN, scope):
            raise ValueError("a cursor's scope is an id")
        if type(seq) is not int or not 0 <= seq <= INT64_MAX:
            raise ValueError("a cursor's position is a sequence number")
    return value


def cursor_position(text: str | None) -> int:
    """How far a stored cursor is, as one number that grows with every change pulled: the
    sum of its scopes' positions (a cursor stored before per-scope feeds is its number)."""
    if not text:
        return 0
    if text.isdigit():
        return int(text)
    return sum(parse_cursor(text).values())


class SnapshotResponse(Message):
    inmate_id: str
    changes: list[Change]
    next_after: str | None  # page cursor within the snapshot; None when complete
    as_of: int  # hub sequence the snapshot is consistent with


class ScopeDigest(Message):
    count: Int64
    digest: Text = Field(max_length=64)  # a SHA-256 in hex


class VerifyRequest(Message):
    scopes: dict[Id, ScopeDigest]  # by person id


class VerifyResponse(Message):
    mismatched: list[str]


class DeviceInfo(Message):
    """One workstation of the unit as the hub last heard from it."""

    device_id: str
    name: str
    enrolled_at: datetime
    last_sync_at: datetime | None  # None: never synced
    waiting: int | None  # changes it said were waiting to be sent; None: never said
    app_version: str | None
    revoked: bool
    this_device: bool


class DevicesResponse(Message):
    devices: list[DeviceInfo]


class EnrollRequest(Message):
    code: Text = Field(min_length=6, max_length=64)
    device_name: Text = Field(min_length=1, max_length=120)  # device.name: String(120)


class RootKey(Message):
    """An admin key facility IT registered at the hub for a unit (the root of trust)."""

    unit_code: str
    officer_id: str
    public: str


class EnrollResponse(Message):
    device_id: str
    token: str
    unit_code: str
    # The roots of trust the hub holds; the workstation pins them (sync/trust.py).
    roots: list[RootKey] = []


class AccountLogEntry(Message):
    id: int
    envelope: dict[str, Any]  # a signed change to an officer record, as it was pushed


class AccountsResponse(Message):
    """The signed changes to the accounts of a workstation's unit after ``after``."""

    unit_id: str | None  # the hub id of the workstation's unit (None: not on the hub yet)
    roots: list[RootKey]
    entries: list[AccountLogEntry]
    more: bool


class AuditHead(Message):
    """The end of a workstation's audit chain, signed by the person signed in there."""

    seq: Int64
    hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    signer: Id
    signature: Signature


class AnchoredHead(Message):
    seq: int
    hash: str
    signer: str
    at: datetime


class AuditHeadsResponse(Message):
    """Every head the hub keeps for a workstation, oldest first (what ``verify`` checks the
    workstation's chain against)."""

    device_id: str
    heads: list[AnchoredHead]


class Problem(Message):
    """Every 4xx answer: what is wrong, in words for a person, and a code for programs."""

    code: str
    detail: str
