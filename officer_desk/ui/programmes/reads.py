"""What the programme screens read, as work for the database worker.

Each function returns a function of the store to pass to ``DbExecutor.submit``; the database
stack (``store.progress``, SQLModel, the tables) is imported inside it, on the worker, so
importing the screens stays light.  Results are frozen dataclasses, never live ORM rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from officer_desk.domain import identity
from officer_desk.ui.i18n import by_name

if TYPE_CHECKING:
    from sqlmodel import Session

    from officer_desk.store.database import Store
    from officer_desk.store.progress import ProgrammeProgress

# The catalogue's records: a change to them changes what every programme screen shows.
CATALOGUE_ENTITIES = frozenset({"programme", "programme_milestone"})


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


@dataclass(frozen=True)
class CertificateRow:
    id: str
    title: str
    issued_on: date
    issuer: str
    programme_id: str | None


@dataclass(frozen=True)
class PersonProgrammes:
    inmate_id: str
    progress: tuple[ProgrammeProgress, ...]
    certificates: tuple[CertificateRow, ...]
    catalogue: tuple[CatalogueEntry, ...]
    # "Programme session" activities logged without naming the programme: (sessions, hours).
    unattached: tuple[int, float] = (0, 0.0)


@dataclass(frozen=True)
class ProgressRow:
    """One person in one programme, for the caseload's progress page."""

    inmate_id: str
    person: str
    enrolment_id: str
    code: str
    name_en: str
    name_nb: str
    status: str
    hours: float
    expected_hours: int
    attendance: float | None
    milestones_done: int
    milestones_total: int
    weekly_hours: tuple[tuple[date, float], ...]


def read_catalogue(store: Store) -> tuple[CatalogueEntry, ...]:
    with store.reading() as session:
        return _catalogue(session)


def _catalogue(session: Session) -> tuple[CatalogueEntry, ...]:
    from collections import defaultdict

    from sqlmodel import col, select

    from officer_desk.store.tables import Programme, ProgrammeMilestone

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


def read_person(inmate_id: str, today: date) -> Callable[[Store], PersonProgrammes]:
    def work(store: Store) -> PersonProgrammes:
        from officer_desk.store import progress

        with store.reading() as session:
            return PersonProgrammes(
                inmate_id,
                tuple(progress.programme_progress(session, inmate_id, today)),
                tuple(
                    CertificateRow(c.id, c.title, c.issued_on, c.issuer, c.programme_id)
                    for c in progress.certificates(session, inmate_id)
                ),
                _catalogue(session),
                progress.unattached_sessions(session, inmate_id),
            )

    return work


def read_caseload_progress(officer_id: str, today: date) -> Callable[[Store], list[ProgressRow]]:
    """Everyone on the officer's caseload today, one row per enrolment (ended ones too)."""

    def work(store: Store) -> list[ProgressRow]:
        from sqlmodel import col, select

        from officer_desk.store import progress
        from officer_desk.store.queries import people_of
        from officer_desk.store.tables import Inmate

        with store.reading() as session:
            people = session.exec(  # five columns: past sqlmodel's typed overloads
                select(  # type: ignore[call-overload]
                    Inmate.id,
                    Inmate.full_name,
                    Inmate.preferred_name,
                    Inmate.prison_number,
                    Inmate.cell,
                )
                .where(
                    col(Inmate.id).in_(people_of(session, officer_id, today)),
                    col(Inmate.deleted_at).is_(None),
                )
                .order_by(Inmate.full_name)
            ).all()
            rows = []
            people = by_name(people, lambda person: person[1])  # SQLite: Å before Æ, Ø
            for inmate_id, full_name, preferred, number, cell in dict.fromkeys(people):
                label = identity.person_label(full_name, preferred, number, cell).long
                for p in progress.programme_progress(session, inmate_id, today):
                    rows.append(
                        ProgressRow(
                            inmate_id,
                            label,
                            p.enrolment_id,
                            p.code,
                            p.name_en,
                            p.name_nb,
                            p.status,
                            p.hours,
                            p.expected_hours,
                            p.attendance,
                            p.milestones_done,
                            len(p.milestones),
                            p.weekly_hours,
                        )
                    )
            return rows

    return work
