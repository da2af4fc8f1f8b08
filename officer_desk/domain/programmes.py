"""Programme enrolment: allowed status changes, and attendance derived from activity logs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

from officer_desk.domain.enums import ActivityOutcome
from officer_desk.domain.errors import ValidationError


class EnrolmentStatus(StrEnum):
    WAITING = "waiting"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"
    DISMISSED = "dismissed"


ENDS = frozenset({EnrolmentStatus.COMPLETED, EnrolmentStatus.WITHDRAWN, EnrolmentStatus.DISMISSED})
ALLOWED: dict[EnrolmentStatus, frozenset[EnrolmentStatus]] = {
    EnrolmentStatus.WAITING: frozenset({EnrolmentStatus.ACTIVE, EnrolmentStatus.WITHDRAWN}),
    EnrolmentStatus.ACTIVE: frozenset({EnrolmentStatus.SUSPENDED, *ENDS}),
    EnrolmentStatus.SUSPENDED: frozenset(
        {EnrolmentStatus.ACTIVE, EnrolmentStatus.WITHDRAWN, EnrolmentStatus.DISMISSED}
    ),
    EnrolmentStatus.COMPLETED: frozenset(),
    EnrolmentStatus.WITHDRAWN: frozenset(),
    EnrolmentStatus.DISMISSED: frozenset(),
}


def check_transition(
    current: EnrolmentStatus | str, new: EnrolmentStatus | str, reason: str | None
) -> str:
    """Refuse a change the enrolment rules do not allow; an end (or a suspension) needs a
    reason.  Returns the cleaned reason."""
    current, new = EnrolmentStatus(current), EnrolmentStatus(new)
    if new not in ALLOWED[current]:
        allowed = ", ".join(sorted(s.value for s in ALLOWED[current])) or "none (it has ended)"
        raise ValidationError(
            ("An enrolment that is {value} cannot become {new_value}. Allowed next: {allowed}."),
            "status",
            value=current.value,
            new_value=new.value,
            allowed=allowed,
        )
    text = (reason or "").strip()
    if (new in ENDS or new is EnrolmentStatus.SUSPENDED) and not text:
        raise ValidationError(
            "Give a reason for marking the enrolment {value}.", "reason", value=new.value
        )
    return text


COUNTED = frozenset({ActivityOutcome.ATTENDED, ActivityOutcome.REFUSED, ActivityOutcome.SICK})


def attendance_rate(outcomes: Iterable[ActivityOutcome | str]) -> float | None:
    """Attended / sessions the person was expected at (refused and sick count against;
    cancelled, clashes and not-required sessions do not count at all)."""
    expected = attended = 0
    for outcome in outcomes:
        outcome = ActivityOutcome(outcome)
        if outcome in COUNTED:
            expected += 1
            attended += outcome is ActivityOutcome.ATTENDED
    return None if expected == 0 else attended / expected


def hours_per_milestone(hours: float, expected: Sequence[int]) -> list[float]:
    """The attended hours spread over the milestones in order: each takes up to its expected
    hours before the next gets any (the last keeps whatever is left over)."""
    result, left = [], hours
    for n, need in enumerate(expected):
        taken = left if n == len(expected) - 1 else min(left, float(need))
        result.append(max(taken, 0.0))
        left -= taken
    return result
