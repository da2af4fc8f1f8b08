"""Who may see and change what: roles enforced in the services, not only by hidden buttons.

* officer: the people they have now (contact, or cover by the rule in ``store.home.holders``);
* supervisor: every person in their unit, plus reassignment, sign-offs and conflict review;
* admin: accounts and settings, but no one's records (they do not need them to do their job);
* system: a local tool acting for facility IT (roster import, demo data, migrations).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, col, select

from officer_desk.app.writes import Actor
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import PermissionDenied
from officer_desk.store.queries import people_of
from officer_desk.store.tables import Inmate, Officer

ALL = None  # "no restriction" from scope_of


def scope_of(session: Session, actor: Actor, today: date) -> set[str] | None:
    """The inmate ids ``actor`` may see, or ALL (None) for an unrestricted actor."""
    if actor.is_system:
        return ALL
    officer = session.get(Officer, actor.officer_id) if actor.officer_id else None
    if officer is None or not officer.active:
        return set()
    if officer.role == Role.SUPERVISOR:
        return set(
            session.exec(
                select(Inmate.id).where(
                    Inmate.unit_id == officer.unit_id, col(Inmate.deleted_at).is_(None)
                )
            ).all()
        )
    if officer.role == Role.ADMIN:
        return set()
    return people_of(session, officer.id, today)


def require_people(
    session: Session, actor: Actor, inmate_ids: Iterable[str], today: date, what: str = "records"
) -> None:
    """Refuse (PermissionDenied, audited by the write path) anyone outside the actor's scope."""
    scope = scope_of(session, actor, today)
    if scope is ALL:
        return
    outside = [i for i in inmate_ids if i not in scope]
    if outside:
        raise PermissionDenied(
            (
                "You can only see and change {what} of people on your own caseload "
                "(or the people you cover). Ask a supervisor if this person should "
                "be assigned to you."
            ),
            entity="inmate",
            entity_id=outside[0],
            what=what,
        )


def require_role(session: Session, actor: Actor, *roles: Role, what: str) -> None:
    if actor.is_system:
        return
    officer = session.get(Officer, actor.officer_id) if actor.officer_id else None
    if officer is None or not officer.active or Role(officer.role) not in roles:
        needed = " or ".join(r.value for r in roles)
        raise PermissionDenied(
            "Only {value1} {needed} can {what}.",
            entity="officer",
            entity_id=actor.officer_id,
            value1="an" if needed[0] in "aeiou" else "a",
            needed=needed,
            what=what,
        )
