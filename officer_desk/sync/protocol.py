"""The sync protocol between a workstation and the facility's hub: one definition for both.

JSON over HTTPS with a bearer token per enrolled device.  Every message is a pydantic model
here, so the client and the hub validate the same shapes and a malformed request is refused
with a 4xx that says what is wrong.  See docs/ARCHITECTURE.md, "Sync".
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
# The range of record schema versions (tables.SYNC_SCHEMA_VERSION) the hub accepts; a client
# outside it is told to update the app and keeps its outbox.
MIN_SCHEMA_VERSION = 1
MAX_SCHEMA_VERSION = 1
MAX_BATCH = 500
MAX_PAGE = 5000
MAX_CLOCK_SKEW = timedelta(minutes=5)
MAX_REQUEST_BYTES = 8 * 1024 * 1024

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
    app_version: str = Field(max_length=40)
    schema_version: int
    client_time: datetime
    waiting: int | None = Field(default=None, ge=0)  # changes in the device's outbox


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

    op_id: str = Field(min_length=8, max_length=64)
    entity: Entity
    entity_id: str = Field(min_length=1, max_length=64)
    op: Literal["insert", "update", "delete"]
    payload: dict[str, Any]
    hlc: str = Field(min_length=1, max_length=120)
    schema_version: int
    base_version: int | None = None
    # Who made the change and their Ed25519 signature of it (domain/signing.py).  Optional
    # in the message so that an unsigned change is refused on its own, with a reason, rather
    # than the whole push.
    signer: str | None = Field(default=None, max_length=64)
    signature: str | None = Field(default=None, max_length=120)


class PushRequest(Message):
    ops: list[Op] = Field(max_length=MAX_BATCH)
    # Changes still in the device's outbox once this batch is through (the unit overview).
    waiting: int | None = Field(default=None, ge=0)


class OpResult(Message):
    op_id: str
    status: Literal["applied", "duplicate", "rejected"]
    reason: str = ""
    version: int | None = None  # the record's hub version after this op


class PushResponse(Message):
    results: list[OpResult]


class Change(Message):
    """A record's merged state after hub sequence ``seq`` (full record, or a deletion)."""

    seq: int
    entity: Entity
    entity_id: str
    inmate_id: str | None
    version: int
    deleted: bool = False
    record: dict[str, Any]


class PullResponse(Message):
    changes: list[Change]
    next_since: int  # pass back as ``since``; never smaller than the one sent
    more: bool


class SnapshotResponse(Message):
    inmate_id: str
    changes: list[Change]
    next_after: str | None  # page cursor within the snapshot; None when complete
    as_of: int  # hub sequence the snapshot is consistent with


class ScopeDigest(Message):
    count: int
    digest: str


class VerifyRequest(Message):
    scopes: dict[str, ScopeDigest]


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
    code: str = Field(min_length=6, max_length=64)
    device_name: str = Field(min_length=1, max_length=120)


class EnrollResponse(Message):
    device_id: str
    token: str
    unit_code: str


class Problem(Message):
    """Every 4xx answer: what is wrong, in words for a person, and a code for programs."""

    code: str
    detail: str
