"""What the release plan screens read, as work for the database worker (heavy imports inside)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from officer_desk.app.reads import ByName
from officer_desk.domain import identity

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.store.progress import EvidenceOption, PlanView


@dataclass(frozen=True)
class PlanScreen:
    """Everything the release panel shows for one person."""

    inmate_id: str
    person_name: str
    prison_number: str
    expected_release_date: date | None
    contact_officers: tuple[str, ...]
    view: PlanView | None  # None: no plan yet
    signed_by: dict[str, str]  # role -> the officer's display name
    actor_role: str  # the signed-in officer's role: officer, supervisor or admin
    # Certificates, signed-off milestones and completed programmes: evidence for the
    # school-or-job item.
    evidence: tuple[EvidenceOption, ...] = ()


def read_plan(
    inmate_id: str, actor_officer_id: str | None, today: date, by_name: ByName
) -> Callable[[Store], PlanScreen]:
    def work(store: Store) -> PlanScreen:
        from officer_desk.store import progress, queries

        with store.reading() as session:
            inmate = queries.person_facts(session, inmate_id)
            view = progress.plan_view(session, inmate_id, today)
            officers = queries.officer_names(session)
            contacts = [officers.get(o, "—") for o in queries.holders_of(session, inmate_id, today)]
            actor_role = queries.officer_role(session, actor_officer_id)
            return PlanScreen(
                inmate_id,
                identity.shown_name(inmate.full_name, inmate.preferred_name) if inmate else "",
                inmate.prison_number if inmate else "",
                inmate.expected_release_date if inmate else None,
                tuple(dict.fromkeys(by_name(contacts, str))),
                view,
                {
                    role: officers.get(officer_id, "—")
                    for role, officer_id, _reason in (view.signed_off_by if view else ())
                },
                actor_role or "system",
                tuple(progress.evidence_options(session, inmate_id)),
            )

    return work
