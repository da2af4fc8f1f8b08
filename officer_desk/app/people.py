"""Use cases for set-up and people: facility, unit, officers, inmates, assignments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, col, select

from officer_desk.app import access
from officer_desk.app.programmes import seed_catalogue
from officer_desk.app.writes import Actor, Change, Writer, write
from officer_desk.domain import rules
from officer_desk.domain.enums import AssignmentReason, Role
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.store.database import Store
from officer_desk.store.queries import people_of
from officer_desk.store.tables import Assignment, Facility, Inmate, Officer, Unit


@dataclass(frozen=True)
class InmateDetails:
    """What a person is registered with; validated by :func:`validate_inmate`."""

    prison_number: str
    full_name: str
    preferred_name: str = ""
    date_of_birth: date | None = None
    languages: Sequence[str] = ()
    cell: str = ""
    arrival_date: date | None = None
    expected_release_date: date | None = None
    diet: str = ""
    allergies: str = ""
    alerts: Sequence[str] = field(default=())


def validate_inmate(details: InmateDetails, today: date) -> InmateDetails:
    rules.check_person_dates(
        today, details.date_of_birth, details.arrival_date, details.expected_release_date
    )
    return InmateDetails(
        prison_number=rules.prison_number(details.prison_number),
        full_name=rules.required_text(details.full_name, "full_name", "Full name", 120),
        preferred_name=rules.limited_text(
            details.preferred_name, "preferred_name", "Preferred name", 60
        ),
        date_of_birth=details.date_of_birth,
        languages=[rules.limited_text(x, "languages", "Language", 40) for x in details.languages],
        cell=rules.limited_text(details.cell, "cell", "Cell", 20),
        arrival_date=details.arrival_date,
        expected_release_date=details.expected_release_date,
        diet=rules.limited_text(details.diet, "diet", "Diet"),
        allergies=rules.limited_text(details.allergies, "allergies", "Allergies"),
        alerts=[rules.limited_text(x, "alerts", "Alert") for x in details.alerts],
    )


def initialise(
    store: Store,
    actor: Actor,
    *,
    facility_name: str,
    facility_code: str,
    unit_name: str,
    unit_code: str,
) -> Change:
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="set up a facility")
        facility = Facility(
            name=rules.required_text(facility_name, "facility_name", "Facility name"),
            code=rules.required_text(facility_code, "facility_code", "Facility code", 20),
        )
        if w.session.exec(select(Facility).where(Facility.code == facility.code)).first():
            raise ValidationError(
                "Facility {code} already exists.", "facility_code", code=facility.code
            )
        w.insert(facility, detail=f"facility {facility.name}")
        add_unit(w, facility.id, unit_name, unit_code)
        seed_catalogue(w)
        return w.change


def add_unit(w: Writer, facility_id: str, name: str, code: str) -> Unit:
    unit = Unit(
        facility_id=facility_id,
        name=rules.required_text(name, "unit_name", "Unit name"),
        code=rules.required_text(code, "unit_code", "Unit code", 20),
    )
    if w.session.exec(select(Unit).where(Unit.code == unit.code)).first():
        raise ValidationError("Unit {code} already exists.", "unit_code", code=unit.code)
    w.insert(unit, detail=f"unit {unit.name}")
    return unit


def unit_by_code(session: Session, code: str | None) -> Unit:
    """The named unit, or the only one there is when no code is given."""
    if code:
        unit = session.exec(select(Unit).where(Unit.code == code)).first()
        if unit is None:
            raise NotFound(
                (
                    "There is no unit with code {code}. Run 'officer-desk-admin init' "
                    "or check the code."
                ),
                code=code,
            )
        return unit
    units = session.exec(select(Unit)).all()
    if not units:
        raise NotFound("This store has no unit yet. Run 'officer-desk-admin init' first.")
    if len(units) > 1:
        raise ValidationError("This store has several units; name one with --unit.", "unit")
    return units[0]


def add_officer(
    store: Store,
    actor: Actor,
    *,
    username: str,
    display_name: str,
    role: Role | str,
    unit_code: str | None = None,
) -> Officer:
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError(
            "Role “{role}” is unknown; use officer, supervisor or admin.", "role", role=role
        ) from None
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="create accounts")
        unit = unit_by_code(w.session, unit_code)
        name = rules.required_text(username, "username", "User name", 40).lower()
        if w.session.exec(select(Officer).where(Officer.username == name)).first():
            raise ValidationError("User name {name} is already taken.", "username", name=name)
        officer = Officer(
            unit_id=unit.id,
            username=name,
            role=role.value,
            display_name=rules.required_text(display_name, "display_name", "Name", 120),
        )
        w.insert(officer, detail=f"officer {officer.username} ({role.value})")
        return officer


def add_inmates(
    store: Store,
    actor: Actor,
    people: Sequence[InmateDetails],
    *,
    today: date,
    unit_code: str | None = None,
) -> Change:
    """Register people in one transaction: all of them, or none if any is invalid."""
    with write(store, actor) as w:
        add_inmates_in(w, people, today=today, unit_code=unit_code)
        return w.change


def add_inmates_in(
    w: Writer, people: Sequence[InmateDetails], *, today: date, unit_code: str | None = None
) -> list[Inmate]:
    """:func:`add_inmates` inside a transaction the caller already holds (e.g. roster import,
    which registers and assigns people all-or-nothing)."""
    access.require_role(
        w.session, w.actor, Role.SUPERVISOR, Role.ADMIN, what="register people on the unit"
    )
    unit = unit_by_code(w.session, unit_code)
    checked = [validate_inmate(person, today) for person in people]
    numbers = [p.prison_number for p in checked]
    taken = set(
        w.session.exec(
            select(Inmate.prison_number).where(col(Inmate.prison_number).in_(numbers))
        ).all()
    )
    if taken:
        raise ValidationError(
            "Prison number already registered: {numbers}."
            if len(taken) == 1
            else "Prison numbers already registered: {numbers}.",
            "prison_number",
            numbers=", ".join(sorted(taken)),
        )
    inserted: list[Inmate] = []
    for person in checked:
        inmate = Inmate(
            unit_id=unit.id,
            **{
                **person.__dict__,
                "languages": list(person.languages),
                "alerts": list(person.alerts),
            },
        )
        w.insert(inmate, detail=f"registered {person.prison_number}")
        inserted.append(inmate)
    return inserted


def active_caseload_size(session: Session, officer_id: str, on: date) -> int:
    """How many people the officer has on ``on``, the people they cover included."""
    return len(people_of(session, officer_id, on))


@dataclass
class AssignResult:
    change: Change
    warning: str | None


def assign(
    store: Store,
    actor: Actor,
    *,
    officer_id: str,
    inmate_id: str,
    start: date,
    reason: AssignmentReason | str = AssignmentReason.ARRIVAL,
    note: str = "",
) -> AssignResult:
    """Make ``officer_id`` the contact officer of ``inmate_id`` from ``start``.

    The person's current contact assignment (if any) ends that day.  More than six people
    is allowed but returns a warning to show.
    """
    with write(store, actor) as w:
        warning = assign_in(
            w, officer_id=officer_id, inmate_id=inmate_id, start=start, reason=reason, note=note
        )
        return AssignResult(w.change, warning)


def assign_in(
    w: Writer,
    *,
    officer_id: str,
    inmate_id: str,
    start: date,
    reason: AssignmentReason | str = AssignmentReason.ARRIVAL,
    note: str = "",
) -> str | None:
    """:func:`assign` inside a transaction the caller already holds; returns the warning."""
    access.require_role(
        w.session, w.actor, Role.SUPERVISOR, Role.ADMIN, what="assign people to officers"
    )
    try:
        reason = AssignmentReason(reason)
    except ValueError:
        raise ValidationError("Reason “{reason}” is unknown.", "reason", reason=reason) from None
    officer = w.session.get(Officer, officer_id)
    inmate = w.session.get(Inmate, inmate_id)
    if officer is None or not officer.active:
        raise NotFound("That officer does not exist or is no longer active.")
    if inmate is None or inmate.deleted_at is not None:
        raise NotFound("That person is not registered on this workstation.")
    current = w.session.exec(
        select(Assignment).where(
            Assignment.inmate_id == inmate_id,
            col(Assignment.end_date).is_(None),
            col(Assignment.deleted_at).is_(None),
        )
    ).all()
    for existing in current:
        if existing.officer_id == officer_id:
            raise ValidationError(
                "{full_name} is already assigned to {display_name}.",
                "officer",
                full_name=inmate.full_name,
                display_name=officer.display_name,
            )
        if start < existing.start_date:
            raise ValidationError(
                ("The new assignment cannot start before the current one began ({value1})."),
                "start",
                value1=existing.start_date.isoformat(),
            )
        w.update(existing, {"end_date": start}, detail=f"ended: reassigned ({reason.value})")
    w.insert(
        Assignment(
            officer_id=officer_id,
            inmate_id=inmate_id,
            start_date=start,
            reason=reason.value,
            note=rules.limited_text(note, "note", "Note"),
        ),
        detail=f"{inmate.prison_number} -> {officer.username} ({reason.value})",
    )
    return rules.caseload_warning(active_caseload_size(w.session, officer_id, start))


# --- reassignment (supervisors) ------------------------------------------------------------

# Why someone moves to another contact officer inside the unit.  "other" needs a note.
REASSIGN_REASONS = (
    AssignmentReason.RELEASE,
    AssignmentReason.TRANSFER,
    AssignmentReason.WORKLOAD,
    AssignmentReason.RELATIONSHIP,
    AssignmentReason.OTHER,
)


class OverCapacity(ValidationError):
    """The move would put the officer above the unit's ratio; ask, then call again with
    ``over_capacity_ok=True``.  ``warning`` is the sentence to show before confirming."""

    def __init__(self, warning: str) -> None:
        super().__init__(warning + " Confirm to reassign anyway.", "officer")
        self.warning = warning


@dataclass(frozen=True)
class ReassignPreview:
    officer_name: str
    caseload_now: int
    caseload_after: int
    warning: str | None


def check_reassign_target(session: Session, officer_id: str, inmate_ids: Sequence[str]) -> Officer:
    """The officer people may be moved to, or a ValidationError saying why not."""
    if not inmate_ids:
        raise ValidationError("Choose at least one person to reassign.", "people")
    officer = session.get(Officer, officer_id)
    if officer is None or officer.deleted_at is not None:
        raise ValidationError("Choose the officer the people move to.", "officer")
    if not officer.active:
        raise ValidationError(
            "{display_name} is no longer active; choose an active officer.",
            "officer",
            display_name=officer.display_name,
        )
    if officer.role not in (Role.OFFICER, Role.SUPERVISOR):
        raise ValidationError(
            ("{display_name} is an administrator and holds no caseload; choose an officer."),
            "officer",
            display_name=officer.display_name,
        )
    units = set(
        session.exec(select(Inmate.unit_id).where(col(Inmate.id).in_(list(inmate_ids)))).all()
    )
    if units - {officer.unit_id}:
        raise ValidationError(
            (
                "{display_name} works on another unit; a move between units is a "
                "transfer of the person, not a reassignment."
            ),
            "officer",
            display_name=officer.display_name,
        )
    return officer


def preview_reassign(
    session: Session, *, officer_id: str, inmate_ids: Sequence[str], start: date
) -> ReassignPreview:
    """What the officer's caseload would be after the move (for the confirmation)."""
    officer = check_reassign_target(session, officer_id, inmate_ids)
    now = active_caseload_size(session, officer_id, start)
    already = people_of(session, officer_id, start) & set(inmate_ids)
    after = now + len(set(inmate_ids) - already)
    return ReassignPreview(officer.display_name, now, after, rules.caseload_warning(after))


def reassign(
    store: Store,
    actor: Actor,
    *,
    officer_id: str,
    inmate_ids: Sequence[str],
    start: date,
    reason: AssignmentReason | str,
    note: str = "",
    over_capacity_ok: bool = False,
) -> AssignResult:
    """Move one or several people to ``officer_id`` from ``start``, all or none.

    Above six people the move is refused with :class:`OverCapacity` (its warning shown to
    the supervisor) unless ``over_capacity_ok``: the warning comes before the move, never
    silently after it."""
    try:
        chosen = AssignmentReason(reason)
    except ValueError:
        chosen = None
    if chosen not in REASSIGN_REASONS:
        raise ValidationError(
            "Choose why the people move: release, transfer, workload or relationship "
            "(or other, with a note).",
            "reason",
        )
    assert chosen is not None
    text = rules.limited_text(note, "note", "Note")
    if chosen is AssignmentReason.OTHER and not text.strip():
        raise ValidationError("Say in the note why the people move.", "note")
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.SUPERVISOR, Role.ADMIN, what="reassign people")
        if start < w.now.date() - timedelta(days=REASSIGN_BACKDATE_DAYS):
            raise ValidationError(
                ("A reassignment can be dated at most {REASSIGN_BACKDATE_DAYS} days back."),
                "start",
                REASSIGN_BACKDATE_DAYS=REASSIGN_BACKDATE_DAYS,
            )
        preview = preview_reassign(
            w.session, officer_id=officer_id, inmate_ids=inmate_ids, start=start
        )
        if preview.warning and not over_capacity_ok:
            raise OverCapacity(preview.warning)
        warning = None
        for inmate_id in dict.fromkeys(inmate_ids):
            warning = assign_in(
                w,
                officer_id=officer_id,
                inmate_id=inmate_id,
                start=start,
                reason=chosen,
                note=text,
            )
        return AssignResult(w.change, warning)


REASSIGN_BACKDATE_DAYS = 7
