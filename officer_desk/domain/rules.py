"""Pure rules of the unit: caseload limits, refusal streaks, release countdowns, input limits.

Nothing here knows about Qt or SQL; counts and streaks are derived from events, never stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from officer_desk.domain.enums import DeclineReason, MealOutcome
from officer_desk.domain.errors import DeskError, ValidationError

MAX_CASELOAD = 6
DEFAULT_REFUSAL_STREAK = 3
DEFAULT_CONTACT_NUDGE_DAYS = 3
MAX_SHORT_TEXT = 200
MAX_NOTE_TEXT = 20_000
MIN_AGE_YEARS = 15  # the age of criminal responsibility in Norway
PRISON_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-/]{1,19}$")
FUTURE_TOLERANCE = timedelta(minutes=5)


class CaseloadWarning(DeskError):
    """Not raised: a warning's words as a message of the catalogue, so that it reads in the
    interface's language like every service message."""


def caseload_warning(active_count: int) -> str | None:
    """A plain warning when an officer holds more people than the unit's ratio allows, in the
    interface's language (English on the command line and in logs)."""
    if active_count > MAX_CASELOAD:
        return CaseloadWarning(
            "This officer now has {count} people; the unit works with at most {limit} per "
            "contact officer. Consider reassigning someone.",
            count=active_count,
            limit=MAX_CASELOAD,
        ).message
    return None


def refusal_streak(outcomes_newest_first: Iterable[MealOutcome | str]) -> int:
    """Consecutive declined meals counting back from the newest.

    A meal eaten (fully or partly) ends the streak; being away neither adds nor clears.
    """
    streak = 0
    for outcome in outcomes_newest_first:
        outcome = MealOutcome(outcome)
        if outcome is MealOutcome.DECLINED:
            streak += 1
        elif outcome is MealOutcome.AWAY:
            continue
        else:
            break
    return streak


def takes_decline_reason(outcome: MealOutcome | str) -> bool:
    """Only a declined meal has a reason (why: the refusal streaks read it)."""
    return outcome == MealOutcome.DECLINED


def checked_decline_reason(
    outcome: MealOutcome | str, reason: DeclineReason | str | None
) -> DeclineReason | None:
    """A meal's reason under the rule: a declined meal says why (one of the known reasons),
    any other outcome has none.  Raises ValidationError (field ``decline_reason``)."""
    if not takes_decline_reason(outcome):
        if reason is not None:
            raise ValidationError("A reason is only given for a declined meal.", "decline_reason")
        return None
    if reason is None:
        raise ValidationError("Say why the meal was declined.", "decline_reason")
    value = str(reason)
    try:
        return DeclineReason(value)
    except ValueError:
        # The words every unknown choice gets (one message template, translated once).
        label, choices = "Reason", ", ".join(member.value for member in DeclineReason)
        raise ValidationError(
            "{label} “{value}” is unknown; choose one of {choices}.",
            "decline_reason",
            label=label,
            value=value,
            choices=choices,
        ) from None


def needs_contact(
    days_since_conversation: int | None, arrival: date | None, today: date, limit_days: int
) -> bool:
    """True when the time since the last one-to-one conversation has passed the limit
    (counting from arrival when there has been none yet)."""
    if days_since_conversation is None:
        return arrival is None or (today - arrival).days > limit_days
    return days_since_conversation > limit_days


def days_to_release(today: date, expected_release: date | None) -> int | None:
    return None if expected_release is None else (expected_release - today).days


@dataclass(frozen=True)
class LogEvent:
    """What the amendment rule needs to know of an append-only log row."""

    id: str
    amends_id: str | None
    voided: bool
    logged_at: datetime | None = None


def effective_log_ids(events: Sequence[LogEvent]) -> set[str]:
    """Ids of the rows that count: the newest amendment of each original, unless voided.

    A void always wins, whatever order the rows arrive in (ids made in bulk, or on another
    device, do not sort by time); among amendments the latest ``logged_at`` counts.  An
    amendment names the original it corrects, so chains never grow deeper than one.
    """
    voided: set[str] = set()
    latest: dict[str, LogEvent] = {}
    for event in events:
        original = event.amends_id or event.id
        if event.voided:
            voided.add(original)
            continue
        current = latest.get(original)
        if current is None or _newer(event, current):
            latest[original] = event
    return {event.id for original, event in latest.items() if original not in voided}


def _newer(event: LogEvent, current: LogEvent) -> bool:
    if event.amends_id is None:  # the original never replaces an amendment of itself
        return False
    if current.amends_id is None:
        return True
    return (event.logged_at or datetime.min, event.id) > (
        current.logged_at or datetime.min,
        current.id,
    )


# --- input checks shared by every writer (services, roster import, demo data) ---------------


def required_text(value: str | None, field: str, label: str, limit: int = MAX_SHORT_TEXT) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError("{label} is required.", field, label=label)
    return limited_text(text, field, label, limit)


def limited_text(value: str | None, field: str, label: str, limit: int = MAX_SHORT_TEXT) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise ValidationError(
            ("{label} is too long ({count} characters); shorten it to {limit} or fewer."),
            field,
            label=label,
            count=len(text),
            limit=limit,
        )
    return text


def prison_number(value: str | None) -> str:
    text = required_text(value, "prison_number", "Prison number", 20)
    if not PRISON_NUMBER.match(text):
        raise ValidationError(
            ("Prison number “{text}” is not valid: use letters, digits, '-' or '/' only."),
            "prison_number",
            text=text,
        )
    return text


def not_in_future(moment: datetime, now: datetime, field: str, label: str) -> datetime:
    if moment > now + FUTURE_TOLERANCE:
        raise ValidationError(
            "{label} is in the future; enter a time that has already happened.", field, label=label
        )
    return moment


def check_person_dates(
    today: date,
    date_of_birth: date | None,
    arrival: date | None,
    expected_release: date | None,
) -> None:
    if date_of_birth is not None:
        if date_of_birth > today:
            raise ValidationError("Date of birth is in the future.", "date_of_birth")
        if (today.year - date_of_birth.year) < MIN_AGE_YEARS:
            raise ValidationError(
                ("Date of birth makes this person younger than {MIN_AGE_YEARS}; check the year."),
                "date_of_birth",
                MIN_AGE_YEARS=MIN_AGE_YEARS,
            )
    if arrival is not None and arrival > today:
        raise ValidationError("Arrival date is in the future.", "arrival_date")
    if arrival is not None and expected_release is not None and expected_release < arrival:
        raise ValidationError(
            "Expected release is before the arrival date; check both dates.",
            "expected_release_date",
        )


def parse_iso_date(value: str, field: str, label: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            ("{label} “{value}” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01."),
            field,
            label=label,
            value=value,
        ) from None


def split_list(value: str | None) -> list[str]:
    """'norsk; English' -> ['norsk', 'English'] (commas or semicolons)."""
    if not value:
        return []
    return [part.strip() for part in re.split(r"[;,]", value) if part.strip()]
