"""Plain result rows of the home-screen queries (no ORM, safe to hand to the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from officer_desk.domain import triage
from officer_desk.domain.identity import PersonLabel, person_label, shown_name


@dataclass(frozen=True)
class OfficerSummary:
    id: str
    username: str
    display_name: str
    role: str
    caseload_size: int


@dataclass(frozen=True)
class FollowUpSummary:
    id: str
    text: str
    due_date: date
    overdue: bool


@dataclass(frozen=True)
class CaseloadRow:
    inmate_id: str
    prison_number: str
    full_name: str
    preferred_name: str
    cell: str
    arrival_date: date | None
    expected_release_date: date | None
    days_to_release: int | None
    diet: str
    allergies: str
    alerts: tuple[str, ...]
    meals_today: tuple[tuple[str, str], ...]  # (meal, outcome) in the order of the day
    refusal_streak: int
    activities_today: tuple[tuple[str, str], ...] = ()  # (category, outcome)
    days_since_conversation: int | None = None  # None: never had one
    open_follow_ups: tuple[FollowUpSummary, ...] = ()
    languages: tuple[str, ...] = ()
    photo: bytes | None = None
    refusal_flag: bool = False  # streak reached the facility's limit
    contact_nudge: bool = False  # no one-to-one conversation within the facility's limit
    # "eight_weeks" / "seven_days" when release is that close and the gate (a place to live
    # and a school place or job) is not met; None otherwise.
    release_alert: str | None = None
    plan_share_done: float | None = None  # None: no release plan yet
    recent_concerns: int = 0  # concern and safety notes in the last two weeks
    alert_severities: tuple[str, ...] = ()  # one per alert (domain.triage.AlertSeverity)

    @property
    def display_name(self) -> str:
        return shown_name(self.full_name, self.preferred_name)

    @property
    def triage(self) -> triage.Facts:
        return triage.Facts(
            alert_severities=self.alert_severities,
            refusal_flag=self.refusal_flag,
            release_alert=self.release_alert,
            overdue_follow_ups=sum(f.overdue for f in self.open_follow_ups),
            contact_nudge=self.contact_nudge,
            recent_concerns=self.recent_concerns,
            days_to_release=self.days_to_release,
        )

    @property
    def label(self) -> PersonLabel:
        return person_label(self.full_name, self.preferred_name, self.prison_number, self.cell)


@dataclass(frozen=True)
class MilestoneRow:
    title_en: str
    title_nb: str
    expected_hours: int


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    code: str
    name_en: str
    name_nb: str
    category: str
    active: bool
    milestones: tuple[MilestoneRow, ...]

    @property
    def expected_hours(self) -> int:
        return sum(m.expected_hours for m in self.milestones)
