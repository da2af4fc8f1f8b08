"""Release readiness: the gate, item urgency, due dates from the release date, sign-off rules.

Nobody should leave without a place to live and a school place or a job: the *gate* is met only
when an accommodation item marked as the housing gate is done AND an education-or-work gate item
is done.  Everything else in the plan counts towards the share done but does not block.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from officer_desk.domain.errors import ValidationError

DUE_SOON_DAYS = 14
# A new plan's suggested release date when the person has none registered (or it has passed).
NEW_PLAN_DAYS_AHEAD = 90
EIGHT_WEEKS = 56
SEVEN_DAYS = 7


def suggested_release_date(today: date, expected: date | None) -> date:
    """The date a new release plan starts from: the registered release date, or, without one
    still to come, :data:`NEW_PLAN_DAYS_AHEAD` days from today (the officer changes it)."""
    if expected is None or expected < today:
        return today + timedelta(days=NEW_PLAN_DAYS_AHEAD)
    return expected


class ItemStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SUPPORT_DECLINED = "support_declined"
    NOT_NEEDED = "not_needed"
    # Two officers set opposite statuses while apart (sync): counts as not done, and blocks
    # release sign-off until a supervisor decides.
    DISPUTED = "disputed"


RESOLVED = frozenset({ItemStatus.DONE, ItemStatus.SUPPORT_DECLINED, ItemStatus.NOT_NEEDED})


class GateRole(StrEnum):
    HOUSING = "housing"
    EDUCATION_OR_WORK = "education_or_work"


class Urgency(StrEnum):
    RESOLVED = "resolved"
    ON_TRACK = "on_track"
    DUE = "due"  # amber: due within two weeks
    OVERDUE = "overdue"  # red


@dataclass(frozen=True)
class PlanItemState:
    """What the rules need to know of one plan item."""

    status: ItemStatus
    due_date: date | None
    gate_role: GateRole | None = None


@dataclass(frozen=True)
class GateResult:
    housing: bool
    education_or_work: bool
    disputed: bool = False  # some item is disputed (see ItemStatus.DISPUTED)

    @property
    def met(self) -> bool:
        return self.housing and self.education_or_work and not self.disputed

    def missing(self) -> list[str]:
        out = []
        if not self.housing:
            out.append("a confirmed place to live")
        if not self.education_or_work:
            out.append("a confirmed school place or job")
        return out


def gate(items: Iterable[PlanItemState]) -> GateResult:
    """Met only by items that are *done*: declined or not-needed do not open the gate."""
    items = list(items)
    return GateResult(
        housing=any(i.gate_role is GateRole.HOUSING and i.status is ItemStatus.DONE for i in items),
        education_or_work=any(
            i.gate_role is GateRole.EDUCATION_OR_WORK and i.status is ItemStatus.DONE for i in items
        ),
        disputed=any(i.status is ItemStatus.DISPUTED for i in items),
    )


def urgency(item: PlanItemState, today: date) -> Urgency:
    if item.status in RESOLVED:
        return Urgency.RESOLVED
    if item.due_date is None:
        return Urgency.ON_TRACK
    if item.due_date < today:
        return Urgency.OVERDUE
    if item.due_date <= today + timedelta(days=DUE_SOON_DAYS):
        return Urgency.DUE
    return Urgency.ON_TRACK


class GateAlert(StrEnum):
    EIGHT_WEEKS = "eight_weeks"
    SEVEN_DAYS = "seven_days"


@dataclass(frozen=True)
class Readiness:
    release_date: date
    days_to_release: int
    total: int
    resolved: int
    due: int
    overdue: int
    gate: GateResult
    alert: GateAlert | None

    @property
    def share_done(self) -> float:
        return 1.0 if self.total == 0 else self.resolved / self.total


def readiness(items: Iterable[PlanItemState], release_date: date, today: date) -> Readiness:
    items = list(items)
    marks = [urgency(i, today) for i in items]
    result = gate(items)
    days = (release_date - today).days
    alert = None
    if not result.met:
        if days <= SEVEN_DAYS:
            alert = GateAlert.SEVEN_DAYS
        elif days <= EIGHT_WEEKS:
            alert = GateAlert.EIGHT_WEEKS
    return Readiness(
        release_date=release_date,
        days_to_release=days,
        total=len(items),
        resolved=sum(m is Urgency.RESOLVED for m in marks),
        due=sum(m is Urgency.DUE for m in marks),
        overdue=sum(m is Urgency.OVERDUE for m in marks),
        gate=result,
        alert=alert,
    )


def unplanned_alert(release_date: date | None, today: date) -> GateAlert | None:
    """Without a plan the gate is unmet by definition: alert on the same days."""
    if release_date is None:
        return None
    days = (release_date - today).days
    if days <= SEVEN_DAYS:
        return GateAlert.SEVEN_DAYS
    if days <= EIGHT_WEEKS:
        return GateAlert.EIGHT_WEEKS
    return None


def due_date(release_date: date, offset_days: int) -> date:
    """A template item's due date: ``offset_days`` before (negative) or after release."""
    return release_date + timedelta(days=offset_days)


def check_release_date(release_date: date, today: date) -> date:
    if release_date < today:
        raise ValidationError(
            "The release date is in the past; enter the date the person is due to leave.",
            "release_date",
        )
    if release_date > today + timedelta(days=365 * 30):
        raise ValidationError(
            "The release date is more than 30 years away; check the year.", "release_date"
        )
    return release_date


def check_sign_off(
    result: GateResult, override_reason: str | None, *, is_supervisor: bool
) -> str | None:
    """Sign-off is blocked while the gate is unmet, unless a supervisor overrides with a
    written reason.  Returns the cleaned reason (None when the gate is met)."""
    if result.met:
        return None
    if result.disputed:
        raise ValidationError(
            "Release sign-off is blocked: two officers disagree on a checklist item. "
            "A supervisor must decide it first.",
            "status",
        )
    reason = (override_reason or "").strip()
    if not reason:
        raise ValidationError(
            "Release sign-off is blocked: the plan still lacks {missing}. A supervisor can "
            "override with a written reason.",
            "override_reason",
            # Written out whole (as result.missing() words them), so each is a word of the
            # catalogue and reads in the reader's language.
            missing="a confirmed place to live and a confirmed school place or job"
            if not result.housing and not result.education_or_work
            else "a confirmed place to live"
            if not result.housing
            else "a confirmed school place or job",
        )
    if not is_supervisor:
        raise ValidationError("Only a supervisor can override the release gate.", "override_reason")
    if len(reason) < 10:
        raise ValidationError(
            "Write a reason of at least a full sentence for the override.", "override_reason"
        )
    return reason
