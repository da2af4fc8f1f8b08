"""Read queries for programmes and release readiness (progress views, plans, the unit)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from officer_desk.domain.programmes import attendance_rate, hours_per_milestone
from officer_desk.domain.release import (
    GateRole,
    ItemStatus,
    PlanItemState,
    Readiness,
    Urgency,
    readiness,
    urgency,
)
from officer_desk.domain.rules import LogEvent, effective_log_ids
from officer_desk.store import home
from officer_desk.store.queries import dbapi
from officer_desk.store.rows import CatalogueEntry, MilestoneRow
from officer_desk.store.tables import (
    ActivityLog,
    Certificate,
    Enrolment,
    Inmate,
    MilestoneSignoff,
    Programme,
    ProgrammeMilestone,
    Referral,
    ReleasePlan,
    ReleasePlanItem,
    ReleaseSignoff,
)

TREND_WEEKS = 12


@dataclass(frozen=True)
class MilestoneState:
    id: str
    position: int
    title_en: str
    title_nb: str
    expected_hours: int
    signed_at: datetime | None
    hours: float = 0.0  # attended hours that fall to this milestone (in order, see below)

    @property
    def reached(self) -> bool:
        """Its hours are done: ready to be signed off (hours alone never sign it off)."""
        return self.expected_hours > 0 and self.hours >= self.expected_hours


@dataclass(frozen=True)
class ProgrammeProgress:
    enrolment_id: str
    programme_id: str
    code: str
    name_en: str
    name_nb: str
    status: str
    status_reason: str
    enrolled_on: date
    hours: float
    expected_hours: int
    attendance: float | None
    milestones: tuple[MilestoneState, ...]
    weekly_hours: tuple[tuple[date, float], ...]  # (Monday, hours), oldest first

    @property
    def milestones_done(self) -> int:
        return sum(m.signed_at is not None for m in self.milestones)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def programme_progress(
    session: Session, inmate_id: str, today: date, weeks: int = TREND_WEEKS
) -> list[ProgrammeProgress]:
    enrolments = session.exec(
        select(Enrolment, Programme)
        .join(Programme, col(Programme.id) == col(Enrolment.programme_id))
        .where(Enrolment.inmate_id == inmate_id, col(Enrolment.deleted_at).is_(None))
        .order_by(col(Enrolment.enrolled_on))
    ).all()
    if not enrolments:
        return []
    programme_ids = [p.id for _e, p in enrolments]
    sessions = session.exec(
        select(ActivityLog).where(
            ActivityLog.inmate_id == inmate_id,
            col(ActivityLog.programme_id).in_(programme_ids),
            col(ActivityLog.voided).is_(False),
            col(ActivityLog.deleted_at).is_(None),
        )
    ).all()
    replaced = (
        set(
            session.exec(
                select(ActivityLog.amends_id).where(
                    col(ActivityLog.amends_id).in_([s.id for s in sessions])
                )
            ).all()
        )
        if sessions
        else set()
    )
    by_programme: dict[str, list[ActivityLog]] = defaultdict(list)
    for s in sessions:
        if s.id not in replaced:
            by_programme[s.programme_id or ""].append(s)
    first_week = _monday(today) - timedelta(weeks=weeks - 1)
    result = []
    for enrolment, programme in enrolments:
        milestones = session.exec(
            select(ProgrammeMilestone)
            .where(ProgrammeMilestone.programme_id == programme.id)
            .order_by(col(ProgrammeMilestone.position))
        ).all()
        signed = dict(
            session.exec(
                select(MilestoneSignoff.milestone_id, MilestoneSignoff.signed_at).where(
                    MilestoneSignoff.enrolment_id == enrolment.id
                )
            ).all()
        )
        logs = [
            s for s in by_programme[programme.id] if s.started_at.date() >= enrolment.enrolled_on
        ]
        attended = [s for s in logs if s.outcome == "attended"]
        hours = sum(s.duration_minutes for s in attended) / 60
        shares = hours_per_milestone(hours, [m.expected_hours for m in milestones])
        weekly = {first_week + timedelta(weeks=n): 0.0 for n in range(weeks)}
        for s in attended:
            monday = _monday(s.started_at.astimezone().date())
            if monday in weekly:
                weekly[monday] += s.duration_minutes / 60
        result.append(
            ProgrammeProgress(
                enrolment_id=enrolment.id,
                programme_id=programme.id,
                code=programme.code,
                name_en=programme.name_en,
                name_nb=programme.name_nb,
                status=enrolment.status,
                status_reason=enrolment.status_reason,
                enrolled_on=enrolment.enrolled_on,
                hours=hours,
                expected_hours=sum(m.expected_hours for m in milestones),
                attendance=attendance_rate(s.outcome for s in logs),
                milestones=tuple(
                    MilestoneState(
                        m.id,
                        m.position,
                        m.title_en,
                        m.title_nb,
                        m.expected_hours,
                        signed.get(m.id),
                        share,
                    )
                    for m, share in zip(milestones, shares, strict=True)
                ),
                weekly_hours=tuple(sorted(weekly.items())),
            )
        )
    return result


@dataclass(frozen=True)
class SessionChoice:
    """A programme a session can be logged for, and who of the people asked is enrolled
    (active or completed: what ``logbook.log_activity`` accepts)."""

    programme_id: str
    name_en: str
    name_nb: str
    enrolled: frozenset[str]


def session_choices(session: Session, inmate_ids: Sequence[str]) -> list[SessionChoice]:
    """Every programme offered, plus any the people are enrolled in that is no longer
    offered, with who of ``inmate_ids`` is enrolled in each."""
    enrolled: dict[str, set[str]] = defaultdict(set)
    for programme_id, inmate_id in session.exec(
        select(Enrolment.programme_id, Enrolment.inmate_id).where(
            col(Enrolment.inmate_id).in_(list(inmate_ids)),
            col(Enrolment.status).in_(["active", "completed"]),
            col(Enrolment.deleted_at).is_(None),
        )
    ):
        enrolled[programme_id].add(inmate_id)
    programmes = session.exec(
        select(Programme).where(
            col(Programme.deleted_at).is_(None),
            col(Programme.active) | col(Programme.id).in_(list(enrolled)),
        )
    ).all()
    return [
        SessionChoice(p.id, p.name_en, p.name_nb, frozenset(enrolled.get(p.id, ())))
        for p in programmes
    ]


def unattached_sessions(session: Session, inmate_id: str) -> tuple[int, float]:
    """(sessions, hours attended) of "Programme session" activities logged without naming
    the programme (before the screen asked for it): they count toward no programme."""
    rows = session.exec(
        select(ActivityLog).where(
            ActivityLog.inmate_id == inmate_id,
            ActivityLog.category == "programme",
            col(ActivityLog.programme_id).is_(None),
            col(ActivityLog.deleted_at).is_(None),
        )
    ).all()
    counts = effective_log_ids([LogEvent(r.id, r.amends_id, r.voided, r.logged_at) for r in rows])
    kept = [r for r in rows if r.id in counts]
    hours = sum(r.duration_minutes for r in kept if r.outcome == "attended") / 60
    return len(kept), hours


@dataclass(frozen=True)
class EvidenceOption:
    """Something the person achieved that can confirm the release plan's school-or-job item:
    a certificate, a signed-off milestone or a completed programme."""

    kind: str  # certificate | milestone | completed
    title_en: str
    title_nb: str
    programme_en: str  # "" for a certificate of no programme
    programme_nb: str
    on: date
    issuer: str = ""


def evidence_options(session: Session, inmate_id: str) -> list[EvidenceOption]:
    """What can serve as evidence of school or work for this person, newest first."""
    names = {p.id: (p.name_en, p.name_nb) for p in session.exec(select(Programme)).all()}
    found = [
        EvidenceOption(
            "certificate",
            c.title,
            c.title,
            *names.get(c.programme_id or "", ("", "")),
            c.issued_on,
            c.issuer,
        )
        for c in certificates(session, inmate_id)
        if c.deleted_at is None
    ]
    enrolments = session.exec(
        select(Enrolment).where(
            Enrolment.inmate_id == inmate_id, col(Enrolment.deleted_at).is_(None)
        )
    ).all()
    for enrolment in enrolments:
        en, nb = names.get(enrolment.programme_id, ("", ""))
        if enrolment.status == "completed":
            found.append(
                EvidenceOption("completed", en, nb, en, nb, enrolment.status_changed_at.date())
            )
        for milestone, signed in session.exec(
            select(ProgrammeMilestone, MilestoneSignoff)
            .join(
                MilestoneSignoff,
                col(MilestoneSignoff.milestone_id) == col(ProgrammeMilestone.id),
            )
            .where(
                MilestoneSignoff.enrolment_id == enrolment.id,
                col(MilestoneSignoff.deleted_at).is_(None),
            )
        ):
            found.append(
                EvidenceOption(
                    "milestone",
                    milestone.title_en,
                    milestone.title_nb,
                    en,
                    nb,
                    signed.signed_at.date(),
                )
            )
    return sorted(found, key=lambda o: o.on, reverse=True)


def certificates(session: Session, inmate_id: str) -> list[Certificate]:
    return list(
        session.exec(
            select(Certificate)
            .where(Certificate.inmate_id == inmate_id)
            .order_by(col(Certificate.issued_on))
        ).all()
    )


@dataclass(frozen=True)
class ReferralView:
    agency: str
    sent_on: date
    consent: bool
    answer: str
    answered_on: date | None


@dataclass(frozen=True)
class PlanItemView:
    id: str
    pathway: str
    code: str
    title_en: str
    title_nb: str
    status: str
    owner: str
    due_date: date
    evidence: str
    gate_role: str | None
    urgency: Urgency
    referrals: tuple[ReferralView, ...]


@dataclass(frozen=True)
class PlanView:
    plan_id: str
    inmate_id: str
    release_date: date
    items: tuple[PlanItemView, ...]
    readiness: Readiness
    signed_off_by: tuple[tuple[str, str, str], ...]  # (role, officer id, override reason)


def plan_view(session: Session, inmate_id: str, today: date) -> PlanView | None:
    plan = session.exec(select(ReleasePlan).where(ReleasePlan.inmate_id == inmate_id)).first()
    if plan is None:
        return None
    items = session.exec(
        select(ReleasePlanItem)
        .where(ReleasePlanItem.plan_id == plan.id)
        .order_by(col(ReleasePlanItem.position))
    ).all()
    referrals: dict[str, list[ReferralView]] = defaultdict(list)
    for r in session.exec(
        select(Referral)
        .where(col(Referral.item_id).in_([i.id for i in items]))
        .order_by(col(Referral.sent_on))
    ):
        referrals[r.item_id].append(
            ReferralView(r.agency, r.sent_on, r.consent, r.answer, r.answered_on)
        )
    states = [_state(i.status, i.due_date, i.gate_role) for i in items]
    views = tuple(
        PlanItemView(
            i.id,
            i.pathway,
            i.code,
            i.title_en,
            i.title_nb,
            i.status,
            i.owner,
            i.due_date,
            i.evidence,
            i.gate_role,
            urgency(s, today),
            tuple(referrals[i.id]),
        )
        for i, s in zip(items, states, strict=True)
    )
    signoffs = tuple(
        (s.role, s.signed_by or "", s.override_reason)
        for s in session.exec(select(ReleaseSignoff).where(ReleaseSignoff.plan_id == plan.id))
    )
    return PlanView(
        plan.id,
        inmate_id,
        plan.release_date,
        views,
        readiness(states, plan.release_date, today),
        signoffs,
    )


def _state(status: str, due: date | None, gate_role: str | None) -> PlanItemState:
    return PlanItemState(ItemStatus(status), due, GateRole(gate_role) if gate_role else None)


def unit_readiness(session: Session, unit_id: str, today: date) -> dict[str, Readiness | None]:
    """Readiness of everyone in the unit (None: no plan yet), through the same light query
    the home cards use: one implementation, and building ORM rows here cost the 20 ms budget."""
    people = session.exec(
        select(Inmate.id).where(Inmate.unit_id == unit_id, col(Inmate.deleted_at).is_(None))
    ).all()
    found = home.release_readiness(dbapi(session), list(people), today)
    return {pid: found.get(pid) for pid in people}


def catalogue(session: Session) -> tuple[CatalogueEntry, ...]:
    """Every programme not deleted, by code, with its milestones in order."""
    exec_ = session.exec
    milestones: dict[str, list[MilestoneRow]] = defaultdict(list)
    for m in exec_(
        select(ProgrammeMilestone).order_by(
            col(ProgrammeMilestone.programme_id), col(ProgrammeMilestone.position)
        )
    ):
        milestones[m.programme_id].append(MilestoneRow(m.title_en, m.title_nb, m.expected_hours))
    return tuple(
        CatalogueEntry(
            p.id, p.code, p.name_en, p.name_nb, p.category, p.active, tuple(milestones[p.id])
        )
        for p in exec_(
            select(Programme).where(col(Programme.deleted_at).is_(None)).order_by(Programme.code)
        )
    )


def people_named(
    session: Session, inmate_ids: Collection[str]
) -> list[tuple[str, str, str, str, str]]:
    """(id, full name, preferred name, prison number, cell) of the people not deleted among
    ``inmate_ids``, in the store's order of full names."""
    rows = session.exec(  # five columns: past sqlmodel's typed overloads
        select(  # type: ignore[call-overload]
            Inmate.id, Inmate.full_name, Inmate.preferred_name, Inmate.prison_number, Inmate.cell
        )
        .where(col(Inmate.id).in_(inmate_ids), col(Inmate.deleted_at).is_(None))
        .order_by(Inmate.full_name)
    ).all()
    return [tuple(row) for row in rows]
