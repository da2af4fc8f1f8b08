"""Who needs the officer first: the home screen's and the unit overview's order, with reasons.

Plain rules over facts the screens already read (no Qt, no SQL).  A person's needs are ranked
by weight: a high-severity safety alert above a refusal streak, above release close with no
place to live or no school/job, above overdue follow-ups, a medium alert, a long time without
a one-to-one talk, concern notes, a low alert.  People are ordered by their heaviest need, then
by all their needs together, then by the nearest release, then by name (the caller's collation).
An officer may pin an order of their own: the pinned people come first as pinned, anyone not in
it (someone assigned since) after them in the order of need.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

T = TypeVar("T")


class AlertSeverity(StrEnum):
    HIGH = "high"  # a risk to life or safety: suicide risk, violence, self-harm
    MEDIUM = "medium"  # the default for an alert nobody has rated
    LOW = "low"  # practical: needs an interpreter, a ground-floor cell


SEVERITIES = tuple(AlertSeverity)
DEFAULT_SEVERITY = AlertSeverity.MEDIUM


def severity_of(value: str | None) -> AlertSeverity:
    """A stored severity; anything unknown (an older record, a newer app) counts as medium."""
    try:
        return AlertSeverity(value or DEFAULT_SEVERITY)
    except ValueError:
        return DEFAULT_SEVERITY


def paired_severities(alerts: Sequence[str], severities: Sequence[str]) -> tuple[str, ...]:
    """One severity per alert, in the alerts' order (missing ones medium, extra ones dropped)."""
    return tuple(
        severity_of(severities[n] if n < len(severities) else None).value
        for n in range(len(alerts))
    )


class Reason(StrEnum):
    SAFETY_ALERT = "safety_alert"
    REFUSAL_STREAK = "refusal_streak"
    RELEASE_NOT_READY = "release_not_ready"
    OVERDUE_FOLLOW_UP = "overdue_follow_up"
    ALERT = "alert"
    NO_CONTACT = "no_contact"
    CONCERN_NOTES = "concern_notes"
    MINOR_ALERT = "minor_alert"


WEIGHTS: dict[Reason, int] = {
    Reason.SAFETY_ALERT: 100,
    Reason.REFUSAL_STREAK: 80,
    Reason.RELEASE_NOT_READY: 60,  # +10 inside the last seven days
    Reason.OVERDUE_FOLLOW_UP: 40,
    Reason.ALERT: 30,
    Reason.NO_CONTACT: 20,
    Reason.CONCERN_NOTES: 15,
    Reason.MINOR_ALERT: 5,
}


@dataclass(frozen=True)
class Facts:
    """What triage looks at, as the home and overview reads already have it."""

    alert_severities: tuple[str, ...] = ()
    refusal_flag: bool = False
    release_alert: str | None = None  # "eight_weeks" / "seven_days" (domain.release)
    overdue_follow_ups: int = 0
    contact_nudge: bool = False
    recent_concerns: int = 0
    days_to_release: int | None = None


@dataclass(frozen=True)
class Need:
    reason: Reason
    weight: int
    count: int = 1  # alerts of that severity, overdue follow-ups, concern notes


def needs(facts: Facts) -> tuple[Need, ...]:
    """What needs attention, heaviest first."""
    found: list[Need] = []
    severities = [severity_of(s) for s in facts.alert_severities]
    for severity, reason in (
        (AlertSeverity.HIGH, Reason.SAFETY_ALERT),
        (AlertSeverity.MEDIUM, Reason.ALERT),
        (AlertSeverity.LOW, Reason.MINOR_ALERT),
    ):
        count = severities.count(severity)
        if count:
            found.append(Need(reason, WEIGHTS[reason], count))
    if facts.refusal_flag:
        found.append(Need(Reason.REFUSAL_STREAK, WEIGHTS[Reason.REFUSAL_STREAK]))
    if facts.release_alert is not None and (facts.days_to_release or 0) >= 0:
        extra = 10 if facts.release_alert == "seven_days" else 0
        found.append(Need(Reason.RELEASE_NOT_READY, WEIGHTS[Reason.RELEASE_NOT_READY] + extra))
    if facts.overdue_follow_ups:
        found.append(
            Need(
                Reason.OVERDUE_FOLLOW_UP,
                WEIGHTS[Reason.OVERDUE_FOLLOW_UP],
                facts.overdue_follow_ups,
            )
        )
    if facts.contact_nudge:
        found.append(Need(Reason.NO_CONTACT, WEIGHTS[Reason.NO_CONTACT]))
    if facts.recent_concerns:
        found.append(
            Need(Reason.CONCERN_NOTES, WEIGHTS[Reason.CONCERN_NOTES], facts.recent_concerns)
        )
    return tuple(sorted(found, key=lambda need: -need.weight))


def urgency(facts: Facts) -> tuple[int, int, int]:
    """A sort key, smallest first: heaviest need, all needs together, nearest release."""
    found = needs(facts)
    heaviest = found[0].weight if found else 0
    days = facts.days_to_release
    return (
        -heaviest,
        -sum(n.weight for n in found),
        days if days is not None and days >= 0 else 10**6,
    )


def order(
    people: Sequence[T],
    facts_of: Callable[[T], Facts],
    id_of: Callable[[T], str],
    pinned: Sequence[str] = (),
) -> list[T]:
    """People by need (``people`` comes in name order, which breaks ties), or as pinned."""
    ranked = sorted(people, key=lambda p: urgency(facts_of(p)))  # stable: names break ties
    if not pinned:
        return ranked
    at = {person_id: n for n, person_id in enumerate(pinned)}
    first = sorted((p for p in ranked if id_of(p) in at), key=lambda p: at[id_of(p)])
    return first + [p for p in ranked if id_of(p) not in at]
