"""The fixed vocabularies of the unit: roles, meals, outcomes, activity and note kinds, the
handover's states."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Meal(StrEnum):
    BREAKFAST = "breakfast"
    LUNCH = "lunch"
    DINNER = "dinner"
    EVENING = "evening"


class MealOutcome(StrEnum):
    ATE = "ate"
    PARTIAL = "partial"
    DECLINED = "declined"
    AWAY = "away"


class DeclineReason(StrEnum):
    NOT_HUNGRY = "not_hungry"
    RELIGIOUS_OR_DIET = "religious_or_diet"
    MEDICAL = "medical"
    ASLEEP = "asleep"
    PROTEST = "protest"
    OTHER = "other"


class HandoverStatus(StrEnum):
    """Where a shift handover is: written, handed over and waiting, read back and signed."""

    DRAFT = "draft"
    HANDED_OVER = "handed_over"
    SIGNED = "signed"


class HandoverEntryStatus(StrEnum):
    """How a person is at the handover, from least to most worrying (the report's order is
    the reverse: concerns first)."""

    SETTLED = "settled"
    WATCH = "watch"
    CONCERN = "concern"


class ActivityCategory(StrEnum):
    WORK = "work"
    SCHOOL = "school"
    GYM = "gym"
    RECREATION = "recreation"
    COOKING = "cooking"
    VISIT = "visit"
    PHONE_CALL = "phone_call"
    RELIGIOUS_SERVICE = "religious_service"
    HEALTH = "health"
    PROGRAMME = "programme"


class ActivityOutcome(StrEnum):
    ATTENDED = "attended"
    REFUSED = "refused"
    SICK = "sick"
    NOT_REQUIRED = "not_required"
    CANCELLED = "cancelled"
    CLASH = "clash"
    OTHER = "other"


class NoteKind(StrEnum):
    POSITIVE = "positive"
    GENERAL = "general"
    CONCERN = "concern"
    SAFETY = "safety"


class AssignmentReason(StrEnum):
    ARRIVAL = "arrival"
    RELEASE = "release"
    TRANSFER = "transfer"
    WORKLOAD = "workload"
    RELATIONSHIP = "relationship"
    COVER = "cover"
    OTHER = "other"


# The kinds of conflict the hub opens (a sync_conflict record's ``kind``): two values of one
# field, two revisions of a note, a disputed checklist item, and one per invariant of the unit
# the hub keeps (server/invariants.py): what lost was closed or refused.
MERGE_CONFLICT_KINDS = ("field", "note_revisions", "disputed")
INVARIANT_CONFLICT_KINDS = (
    "assignment",
    "cover",
    "enrolment",
    "release_plan",
    "milestone_signoff",
    "release_signoff",
)
CONFLICT_KINDS = MERGE_CONFLICT_KINDS + INVARIANT_CONFLICT_KINDS
