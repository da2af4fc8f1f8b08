"""SQLModel tables of the local store.

Synced tables carry ``updated_hlc``, ``updated_by``, ``device_id``, ``server_version`` and
``deleted_at`` (soft delete).  Logs are append-only: a correction is a new row whose
``amends_id`` names the original, a void is such a row with ``voided`` set and a reason.
Case note text lives only in revisions, so nothing written is ever overwritten.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Column, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from officer_desk.domain.ids import new_id

# Bumped when the shape of a synced record changes; every outbox op carries it.
SYNC_SCHEMA_VERSION = 2  # version 2: case_note.void_reason (server/upgrades.py)


class Synced(SQLModel):
    """Columns every synced record carries (not a table by itself)."""

    updated_hlc: str = Field(default="")
    updated_by: str | None = Field(default=None)
    device_id: str = Field(default="")
    server_version: int | None = Field(default=None)
    deleted_at: datetime | None = Field(default=None)


class Facility(Synced, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    name: str
    code: str = Field(unique=True)
    # Years after release that records are kept: one rule for the facility, synced (0013).
    # None: not set yet (the app's default applies).
    retention_years: int | None = Field(default=None)


class Unit(Synced, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    facility_id: str = Field(foreign_key="facility.id", index=True)
    name: str
    code: str = Field(unique=True)


class Officer(Synced, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    unit_id: str = Field(foreign_key="unit.id", index=True)
    username: str = Field(unique=True)
    display_name: str
    role: str = Field(default="officer")
    active: bool = Field(default=True)
    # The account's X25519 public key and its password-wrapped private key, one JSON text so a
    # password change or reset is never half applied (store/keyslots.AccountKey; "" = none yet).
    account_key: str = Field(default="")


class Inmate(Synced, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    unit_id: str = Field(foreign_key="unit.id", index=True)
    prison_number: str = Field(unique=True)
    full_name: str
    preferred_name: str = Field(default="")
    date_of_birth: date | None = Field(default=None)
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    cell: str = Field(default="")
    arrival_date: date | None = Field(default=None)
    expected_release_date: date | None = Field(default=None)
    diet: str = Field(default="")
    allergies: str = Field(default="")
    alerts: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # One severity per alert, in the same order (domain.triage.AlertSeverity; missing: medium).
    # A list beside ``alerts`` rather than objects inside it: the hub and older records keep
    # reading ``alerts`` as it was, and the profile write sends both fields together.
    alert_severities: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]")
    )
    photo: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))


class Assignment(Synced, table=True):
    __table_args__ = (Index("ix_assignment_officer_active", "officer_id", "end_date"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    officer_id: str = Field(foreign_key="officer.id")
    inmate_id: str = Field(foreign_key="inmate.id", index=True)
    start_date: date
    end_date: date | None = Field(default=None)
    reason: str = Field(default="arrival")
    note: str = Field(default="")
    # A cover (reason "cover"): the officer it covers for.  The cover is read as a rule
    # (store.home.holders): the cover officer has whoever this officer has while it runs.
    covers_officer_id: str | None = Field(default=None)


class MealLog(Synced, table=True):
    __tablename__ = "meal_log"
    __table_args__ = (
        Index("ix_meal_log_inmate_day", "inmate_id", "day"),
        # Finding the void or amendment of a row must not scan five years of logs.
        Index("ix_meal_log_amends_id", "amends_id"),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    inmate_id: str = Field(foreign_key="inmate.id")
    day: date
    meal: str
    outcome: str
    decline_reason: str | None = Field(default=None)
    ate_together: bool = Field(default=False)
    note: str = Field(default="")
    logged_at: datetime
    logged_by: str | None = Field(default=None, foreign_key="officer.id")
    amends_id: str | None = Field(default=None, foreign_key="meal_log.id")
    voided: bool = Field(default=False)
    void_reason: str = Field(default="")


class ActivityLog(Synced, table=True):
    __tablename__ = "activity_log"
    __table_args__ = (
        Index("ix_activity_log_inmate_started", "inmate_id", "started_at"),
        Index("ix_activity_log_amends_id", "amends_id"),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    inmate_id: str = Field(foreign_key="inmate.id")
    category: str
    started_at: datetime
    duration_minutes: int = Field(default=60)
    outcome: str = Field(default="attended")
    note: str = Field(default="")
    logged_at: datetime
    logged_by: str | None = Field(default=None, foreign_key="officer.id")
    amends_id: str | None = Field(default=None, foreign_key="activity_log.id")
    voided: bool = Field(default=False)
    void_reason: str = Field(default="")
    # A session of a programme the person is enrolled in: hours and attendance come from here.
    programme_id: str | None = Field(default=None, foreign_key="programme.id")


class CaseNote(Synced, table=True):
    __tablename__ = "case_note"
    __table_args__ = (Index("ix_case_note_inmate_created", "inmate_id", "created_at"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    inmate_id: str = Field(foreign_key="inmate.id")
    kind: str = Field(default="general")
    sensitive: bool = Field(default=False)
    created_at: datetime
    created_by: str | None = Field(default=None, foreign_key="officer.id")
    # A voided note: ``deleted_at`` set (every reader leaves it out) and why (0016); its
    # revisions stay as written.
    void_reason: str = Field(default="", sa_column_kwargs={"server_default": ""})


class CaseNoteRevision(Synced, table=True):
    __tablename__ = "case_note_revision"
    __table_args__ = (UniqueConstraint("note_id", "number"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    note_id: str = Field(foreign_key="case_note.id")
    number: int
    text: str
    written_at: datetime
    written_by: str | None = Field(default=None, foreign_key="officer.id")


class AuditEntry(SQLModel, table=True):
    """Local, append-only, hash-chained record of who did what, when, on which workstation."""

    __tablename__ = "audit_entry"

    seq: int | None = Field(default=None, primary_key=True)
    id: str = Field(default_factory=new_id, unique=True)
    at: datetime
    actor_id: str | None = Field(default=None)
    actor_name: str
    workstation: str
    action: str
    entity: str
    entity_id: str | None = Field(default=None)
    detail: str = Field(default="")
    prev_hash: str
    hash: str
    # For an entry that changed records: the digest of its ``audit_record`` rows (the content
    # hash of each record after the change), so a record edited behind the write path is found.
    content_hash: str | None = Field(default=None)


class AuditRecord(SQLModel, table=True):
    """The content hash of one synced record after the change of one audit entry ("" when the
    change removed the record).  Append-only like the chain that covers it (store/audit.py)."""

    __tablename__ = "audit_record"
    # Clustered by its key: one B-tree per insert, not a table and an index (every pulled
    # record adds a row).
    __table_args__ = {"sqlite_with_rowid": False}

    seq: int = Field(primary_key=True)  # the audit entry's
    entity: str = Field(primary_key=True)
    entity_id: str = Field(primary_key=True)
    hash: str


class OutboxEntry(SQLModel, table=True):
    """Changes waiting to be pushed to the sync hub, in the order they were made."""

    __tablename__ = "outbox_entry"

    seq: int | None = Field(default=None, primary_key=True)
    op_id: str = Field(default_factory=new_id, unique=True)
    entity: str
    entity_id: str
    op: str
    payload: str
    schema_version: int = Field(default=SYNC_SCHEMA_VERSION)
    hlc: str
    created_at: datetime
    # Who signs this change (the officer who made it; None: a local tool, signed by the next
    # admin who signs in) and the signature once made (domain/signing.py).  An entry without
    # a signature is never pushed.
    signer: str | None = Field(default=None)
    signature: str | None = Field(default=None)


class LocalSetting(SQLModel, table=True):
    """Facts about this workstation's store (device id, settings) that never sync."""

    __tablename__ = "local_setting"

    key: str = Field(primary_key=True)
    value: str


class Conversation(Synced, table=True):
    """A one-to-one conversation with the contact officer (append-only like the logs)."""

    __tablename__ = "conversation"
    __table_args__ = (
        Index("ix_conversation_inmate_started", "inmate_id", "started_at"),
        Index("ix_conversation_amends_id", "amends_id"),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    inmate_id: str = Field(foreign_key="inmate.id")
    started_at: datetime
    duration_minutes: int = Field(default=20)
    mood: int = Field(default=3)  # 1 (very low) .. 5 (very good)
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    note: str = Field(default="")
    logged_at: datetime
    logged_by: str | None = Field(default=None, foreign_key="officer.id")
    amends_id: str | None = Field(default=None, foreign_key="conversation.id")
    voided: bool = Field(default=False)
    void_reason: str = Field(default="")


class FollowUp(Synced, table=True):
    """Something agreed in a conversation, due by a date, shown on the home screen until done."""

    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_inmate_done", "inmate_id", "done_at"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    inmate_id: str = Field(foreign_key="inmate.id")
    conversation_id: str | None = Field(default=None, foreign_key="conversation.id")
    text: str
    due_date: date
    created_at: datetime
    created_by: str | None = Field(default=None, foreign_key="officer.id")
    done_at: datetime | None = Field(default=None)
    done_by: str | None = Field(default=None, foreign_key="officer.id")


# --- programmes and release preparation ----------------------------------------------------


class Programme(Synced, table=True):
    """A vocational or school programme from the catalogue (seeded from resources/)."""

    id: str = Field(default_factory=new_id, primary_key=True)
    code: str = Field(unique=True)
    name_en: str
    name_nb: str
    category: str = Field(default="vocational")  # vocational | school
    description: str = Field(default="")
    active: bool = Field(default=True)


class ProgrammeMilestone(Synced, table=True):
    __tablename__ = "programme_milestone"
    __table_args__ = (UniqueConstraint("programme_id", "position"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    programme_id: str = Field(foreign_key="programme.id")
    position: int
    title_en: str
    title_nb: str
    expected_hours: int = Field(default=0)


class Enrolment(Synced, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    inmate_id: str = Field(foreign_key="inmate.id", index=True)
    programme_id: str = Field(foreign_key="programme.id")
    status: str = Field(default="waiting")
    enrolled_on: date
    status_changed_at: datetime
    status_reason: str = Field(default="")


class MilestoneSignoff(Synced, table=True):
    __tablename__ = "milestone_signoff"
    __table_args__ = (UniqueConstraint("enrolment_id", "milestone_id"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    enrolment_id: str = Field(foreign_key="enrolment.id")
    milestone_id: str = Field(foreign_key="programme_milestone.id")
    signed_at: datetime
    signed_by: str | None = Field(default=None, foreign_key="officer.id")


class Certificate(Synced, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    inmate_id: str = Field(foreign_key="inmate.id", index=True)
    programme_id: str | None = Field(default=None, foreign_key="programme.id")
    title: str
    issued_on: date
    issuer: str = Field(default="")


class ReleasePlan(Synced, table=True):
    """One person's plan for release day, made from the template; one per person."""

    __tablename__ = "release_plan"

    id: str = Field(default_factory=new_id, primary_key=True)
    inmate_id: str = Field(foreign_key="inmate.id", unique=True)
    release_date: date
    template_code: str
    created_at: datetime
    created_by: str | None = Field(default=None, foreign_key="officer.id")


class ReleasePlanItem(Synced, table=True):
    __tablename__ = "release_plan_item"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    plan_id: str = Field(foreign_key="release_plan.id", index=True)
    pathway: str
    code: str
    position: int
    title_en: str
    title_nb: str
    status: str = Field(default="not_started")
    owner: str = Field(default="")
    offset_days: int
    due_date: date
    evidence: str = Field(default="")
    gate_role: str | None = Field(default=None)


class Referral(Synced, table=True):
    id: str = Field(default_factory=new_id, primary_key=True)
    item_id: str = Field(foreign_key="release_plan_item.id", index=True)
    agency: str
    sent_on: date
    consent: bool
    answer: str = Field(default="")
    answered_on: date | None = Field(default=None)


class ReleaseSignoff(Synced, table=True):
    __tablename__ = "release_signoff"

    id: str = Field(default_factory=new_id, primary_key=True)
    plan_id: str = Field(foreign_key="release_plan.id", index=True)
    role: str  # officer | supervisor
    signed_by: str | None = Field(default=None, foreign_key="officer.id")
    signed_at: datetime
    override_reason: str = Field(default="")


# --- sync (the hub's answers kept on this workstation) -------------------------------------


class RejectedChange(SQLModel, table=True):
    """A change the hub refused: out of the outbox, kept here so a person can see it."""

    __tablename__ = "rejected_change"

    seq: int | None = Field(default=None, primary_key=True)
    op_id: str = Field(unique=True)
    entity: str
    entity_id: str
    op: str
    payload: str
    hlc: str
    reason: str
    rejected_at: datetime


class SyncConflict(Synced, table=True):
    """A value that lost a merge, two note revisions written at once, or a disputed checklist
    item; made by the hub and synced to the unit's workstations for a supervisor."""

    __tablename__ = "sync_conflict"

    id: str = Field(default_factory=new_id, primary_key=True)
    entity: str
    entity_id: str
    inmate_id: str | None = Field(default=None, index=True)
    kind: str  # field | note_revisions | disputed
    field_name: str = Field(default="")
    kept_value: str = Field(default="")
    lost_value: str = Field(default="")
    lost_by: str | None = Field(default=None)
    lost_hlc: str = Field(default="")
    note: str = Field(default="")
    detected_at: datetime
    auto_resolved: bool = Field(default=False)
    resolved_at: datetime | None = Field(default=None)
    resolved_by: str | None = Field(default=None)


# --- shift handover (I-PASS/SBAR-like; docs/ARCHITECTURE.md, "Shift handover") -------------


class Handover(Synced, table=True):
    """One shift change on a unit: the outgoing officer's account, read and signed by the
    incoming officer or a supervisor.  status: draft -> handed_over -> signed."""

    __table_args__ = (Index("ix_handover_unit_shift", "unit_id", "shift_start"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    unit_id: str = Field(foreign_key="unit.id")
    shift_start: datetime
    shift_end: datetime
    outgoing_id: str = Field(foreign_key="officer.id")
    incoming_id: str | None = Field(default=None, foreign_key="officer.id")
    status: str = Field(default="draft")
    created_at: datetime
    handed_over_at: datetime | None = Field(default=None)
    signed_at: datetime | None = Field(default=None)
    signed_by: str | None = Field(default=None, foreign_key="officer.id")


class HandoverEntry(Synced, table=True):
    """One person in a handover: the drafted summary, what the outgoing officer made of it,
    a status, the incoming side's acknowledgement and one read-back question with its answer."""

    __tablename__ = "handover_entry"
    __table_args__ = (UniqueConstraint("handover_id", "inmate_id"),)

    id: str = Field(default_factory=new_id, primary_key=True)
    handover_id: str = Field(foreign_key="handover.id")
    inmate_id: str = Field(foreign_key="inmate.id", index=True)
    draft: str = Field(default="")
    text: str = Field(default="")
    status: str = Field(default="settled")  # settled | watch | concern
    acknowledged_at: datetime | None = Field(default=None)
    acknowledged_by: str | None = Field(default=None, foreign_key="officer.id")
    question: str = Field(default="")
    asked_at: datetime | None = Field(default=None)
    asked_by: str | None = Field(default=None, foreign_key="officer.id")
    answer: str = Field(default="")
    answered_at: datetime | None = Field(default=None)
    answered_by: str | None = Field(default=None, foreign_key="officer.id")


class HandoverAction(Synced, table=True):
    """Something the next shift must do, with an owner and a due time (about one person, or
    the unit when ``inmate_id`` is empty)."""

    __tablename__ = "handover_action"

    id: str = Field(default_factory=new_id, primary_key=True)
    handover_id: str = Field(foreign_key="handover.id", index=True)
    inmate_id: str | None = Field(default=None, foreign_key="inmate.id")
    text: str
    owner_id: str = Field(foreign_key="officer.id")
    due_at: datetime | None = Field(default=None)
    done_at: datetime | None = Field(default=None)
    done_by: str | None = Field(default=None, foreign_key="officer.id")


class HandoverContingency(Synced, table=True):
    """ "If this happens, then do that" (about one person, or the unit)."""

    __tablename__ = "handover_contingency"

    id: str = Field(default_factory=new_id, primary_key=True)
    handover_id: str = Field(foreign_key="handover.id", index=True)
    inmate_id: str | None = Field(default=None, foreign_key="inmate.id")
    condition: str
    response: str


class HandoverUnitItem(Synced, table=True):
    """A unit-wide point: count, escorts, appointments, visits or property (free text)."""

    __tablename__ = "handover_unit_item"

    id: str = Field(default_factory=new_id, primary_key=True)
    handover_id: str = Field(foreign_key="handover.id", index=True)
    kind: str
    text: str


def synced_tables() -> list[str]:
    """The names of the tables whose records sync (and whose content the audit covers)."""
    found: list[str] = []
    stack: list[type] = [Synced]
    while stack:
        cls = stack.pop()
        stack += cls.__subclasses__()
        name = getattr(cls, "__tablename__", None)
        if cls is not Synced and isinstance(name, str) and name not in found:
            found.append(name)
    return sorted(found)


class SyncProblem(SQLModel, table=True):
    """A record pulled from the hub that this workstation cannot read (its payload does not fit
    its entity's model): put aside, not applied, so the rest of the unit keeps syncing.
    One row per record; a later good version of the record clears it (sync/client.py)."""

    __tablename__ = "sync_problem"
    __table_args__ = (UniqueConstraint("entity", "entity_id"),)

    seq: int | None = Field(default=None, primary_key=True)
    entity: str
    entity_id: str
    inmate_id: str | None = Field(default=None, index=True)  # the hub's placement of it
    hub_seq: int | None = Field(default=None)  # the hub's sequence number of that version
    version: int  # the hub's version of the record that could not be read
    reason: str
    record: str  # the record as the hub sent it (JSON text, cut to 100,000 characters)
    first_seen: datetime
    last_seen: datetime
