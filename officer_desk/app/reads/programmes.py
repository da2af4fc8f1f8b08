"""What the programme screens read, as work for the database worker.

Each function returns a function of the store to pass to ``DbExecutor.submit``; the queries
(``store.progress``, with SQLModel and the tables) are imported inside it, on the worker, so
importing the screens stays light.  Results are frozen dataclasses, never live ORM rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from officer_desk.app.reads import ByName
from officer_desk.domain import identity

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.store.progress import ProgrammeProgress
    from officer_desk.store.rows import CatalogueEntry

# The catalogue's records: a change to them changes what every programme screen shows.
CATALOGUE_ENTITIES = frozenset({"programme", "programme_milestone"})


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
    from officer_desk.store import progress

    with store.reading() as session:
        return progress.catalogue(session)


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
                progress.catalogue(session),
                progress.unattached_sessions(session, inmate_id),
            )

    return work


def read_caseload_progress(
    officer_id: str, today: date, by_name: ByName
) -> Callable[[Store], list[ProgressRow]]:
    """Everyone on the officer's caseload today, one row per enrolment (ended ones too)."""

    def work(store: Store) -> list[ProgressRow]:
        from officer_desk.store import progress
        from officer_desk.store.queries import people_of

        with store.reading() as session:
            people = progress.people_named(session, people_of(session, officer_id, today))
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
