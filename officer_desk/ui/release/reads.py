"""What the release plan screens read, as work for the database worker (heavy imports inside)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from officer_desk.domain import identity
from officer_desk.ui.i18n import by_name

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
    inmate_id: str, actor_officer_id: str | None, today: date
) -> Callable[[Store], PlanScreen]:
    def work(store: Store) -> PlanScreen:
        from sqlmodel import select

        from officer_desk.store import progress
        from officer_desk.store.queries import holders_of
        from officer_desk.store.tables import Inmate, Officer

        with store.reading() as session:
            inmate = session.get(Inmate, inmate_id)
            view = progress.plan_view(session, inmate_id, today)
            officers = dict(session.exec(select(Officer.id, Officer.display_name)).all())
            contacts = [officers.get(o, "—") for o in holders_of(session, inmate_id, today)]
            me = session.get(Officer, actor_officer_id) if actor_officer_id else None
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
                me.role if me is not None else "system",
                tuple(progress.evidence_options(session, inmate_id)),
            )

    return work
