"""Demo data: a realistic, deterministic history for one unit, for demos, screenshots and load.

Used by ``officer-desk-admin seed-demo`` and by ``officer-desk --demo``, which both call
:func:`create_demo_store` on an empty data folder (the GUI from its database worker, with
:data:`DEFAULT_INMATES` people and :data:`DEFAULT_YEARS` years: about 20,000 rows, a few
seconds).  That makes an encrypted store like ``officer-desk-admin init`` does and gives every
generated account the documented password :data:`DEMO_PASSWORD`.  :func:`seed_demo` fills a
store that is already open (plain or encrypted) and has no people yet.

What goes through the normal services, with one audit and outbox entry per row: the facility
and unit (if the store is empty), the officers, the people and their assignments — exactly
what an administrator would type.

What does not: the generated *history* (meals, activities, case notes and their revisions).
It is not typed by a person, a demo store is never enrolled with a hub, and per-row audit and
outbox entries would triple a five-year store (60 people x 5 years is about 350,000 log
rows).  So the history is bulk-inserted with SQLAlchemy Core *inside* the write path's
transaction (``app.writes.write``), one transaction per person, with the sync columns stamped
as the Writer would (HLC from the store's clock, this device, the logging officer as
``updated_by``) and ONE audit entry per batch ("seed") that says what was added.  When a
standalone store is enrolled later, the sync issue uploads existing rows from the tables, not
from the outbox.

Determinism: every random choice comes from ``random.Random`` seeded with the seed (and, for a
person's history, the seed plus their prison number), so the same seed and ``today`` give the
same content.  Ids are UUIDv7 and differ between runs; they are generated in the same order,
so ordering by id gives the same sequence.  Times are written as CET (UTC+1) all year round.
"""

from __future__ import annotations

import operator
import random
import secrets
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypedDict

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Table, func
from sqlmodel import SQLModel, col, select

from officer_desk.app import account_keys, accounts, people
from officer_desk.app.writes import Actor, Writer, write
from officer_desk.demo.accounts import DEMO_PASSWORD
from officer_desk.demo.people import (
    ADMIN_NAME,
    SUPERVISOR_NAMES,
    PersonPlan,
    officer_names,
    plan_people,
    weighted,
)
from officer_desk.domain.enums import (
    ActivityCategory,
    ActivityOutcome,
    AssignmentReason,
    DeclineReason,
    Meal,
    MealOutcome,
    NoteKind,
    Role,
)
from officer_desk.domain.errors import ValidationError
from officer_desk.domain.ids import new_id
from officer_desk.domain.passwords import check_password
from officer_desk.domain.rules import MAX_CASELOAD
from officer_desk.domain.shifts import SHIFT_LENGTH
from officer_desk.domain.wording import COMMON_TOPICS
from officer_desk.store import keyslots
from officer_desk.store.database import Store
from officer_desk.store.keyslots import AccountKey, slots_path
from officer_desk.store.tables import (
    Facility,
    HandoverEntry,
    Inmate,
    Officer,
    ReleasePlan,
    ReleasePlanItem,
)

DEFAULT_INMATES = 12
DEFAULT_YEARS = 2
DEFAULT_SEED = 7


class _Unit(TypedDict):
    facility_name: str
    facility_code: str
    unit_name: str
    unit_code: str


DEMO_UNIT = _Unit(
    facility_name="Halden fengsel", facility_code="HAL", unit_name="Enhet C", unit_code="C"
)
MAX_INMATES = 10_000  # names, cells and officers stay unique well beyond this
MAX_YEARS = 20
PEOPLE_PER_OFFICER = 5.5  # leaves room below the caseload limit of six
CET = timedelta(hours=1)

ProgressFn = Callable[[str], None]


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`seed_demo` created: the accounts to sign in with and row counts per table."""

    accounts: list[tuple[str, str, str]]  # (username, display name, role)
    counts: dict[str, int]
    unit_code: str = ""
    today: date = field(default_factory=date.today)


# --- what the generated history says (people and names: demo/people.py) ------------

NOTES: dict[NoteKind, list[str]] = {
    NoteKind.POSITIVE: [
        "{name} tok initiativ til felles middag og lagde mat til hele avdelingen.",
        "{name} fikk ros på verkstedet for nøyaktig arbeid denne uken.",
        "{name} bestod delprøven i matematikk. Svært fornøyd og motivert.",
        "Good conversation with {name} about plans after release; he has a CV ready.",
        "{name} helped a new arrival settle in and explained the routines.",
        "{name} har møtt til alle avtaler denne måneden og virker i god form.",
    ],
    NoteKind.GENERAL: [
        "Samtale med {name} om permisjonssøknad. Han vil besøke familien i påsken.",
        "{name} ønsker å bytte fra verksted til skole neste semester.",
        "Gikk gjennom løslatelsesplanen med {name}: bolig er søkt via NAV.",
        "{name} asked about contact with his children; referred to the social worker.",
        "Weekly one-to-one with {name}. Sleeping better; wants more gym time.",
        "{name} fikk besøk av søsteren. Rolig og blid etterpå.",
        "Snakket med {name} om økonomi og gjeld. Avtale med gjeldsrådgiver bestilt.",
    ],
    NoteKind.CONCERN: [
        "{name} har spist lite de siste dagene og trukket seg unna fellesskapet.",
        "{name} virket urolig etter telefonsamtale hjemmefra. Følges opp i morgen.",
        "{name} refused work twice this week and says he sees no point in it.",
        "Konflikt mellom {name} og en annen innsatt på kjøkkenet; snakket med begge.",
        "{name} seems low since the parole decision. Offered a talk with health services.",
    ],
    NoteKind.SAFETY: [
        "{name} uttalte trusler mot medinnsatt. Skjermet etter vedtak, helse varslet.",
        "Funnet ulovlig gjenstand ved celleransaking hos {name}. Rapport skrevet.",
        "{name} said he had thoughts of self-harm. Health services informed, checks hourly.",
    ],
}
# The conversation dialog's common topics, stored as it stores them: keys, read in the
# reader's language.
TALK_TOPICS = [topic.key for topic in COMMON_TOPICS]
TALK_NOTES = [
    "{name} vil søke om plass på verkstedet.",
    "Gikk gjennom ukeplanen med {name}.",
    "{name} er bekymret for boligen etter løslatelse.",
    "{name} talked about his daughter's birthday; wants to send a card.",
    "{name} sover dårlig, anbefalt å snakke med helse.",
    "Planning the next steps with NAV for {name}.",
]
FOLLOW_UPS = [
    "Ringe NAV om boligsøknaden",
    "Bestille time hos helsetjenesten",
    "Sjekke status på skoleplass",
    "Ask the workshop about a trial week",
    "Skaffe søknadsskjema for permisjon",
]
NOTE_ADDENDA = [
    " Tillegg: fulgt opp dagen etter, situasjonen er roligere.",
    " Addendum: spoke with health services, they will see him this week.",
    " Rettelse: gjaldt tirsdag, ikke mandag.",
]
ACTIVITY_NOTES: dict[ActivityCategory, list[str]] = {
    ActivityCategory.WORK: ["Jobbet godt på verkstedet.", "Ferdig med bestillingen."],
    ActivityCategory.SCHOOL: ["Norskopplæring.", "Matteprøve i dag.", "English class."],
    ActivityCategory.GYM: ["Styrketrening.", "Fotball i hallen."],
    ActivityCategory.VISIT: ["Besøk av familien.", "Visit from his partner and daughter."],
    ActivityCategory.HEALTH: ["Tannlege.", "Legetime.", "Appointment with the nurse."],
}

DECLINE_REASONS = [
    (DeclineReason.NOT_HUNGRY, 55),
    (DeclineReason.ASLEEP, 15),
    (DeclineReason.MEDICAL, 10),
    (DeclineReason.PROTEST, 8),
    (DeclineReason.RELIGIOUS_OR_DIET, 6),
    (DeclineReason.OTHER, 6),
]
MEAL_TIMES = {Meal.BREAKFAST: time(7, 45), Meal.LUNCH: time(11, 30), Meal.DINNER: time(16, 30)}


def create_demo_store(
    store_path: Path,
    *,
    backups: Path | None = None,
    inmates: int = DEFAULT_INMATES,
    years: int = DEFAULT_YEARS,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    progress: ProgressFn | None = None,
) -> DemoSummary:
    """A new encrypted store at ``store_path`` filled with demo data; closed again on return.

    The first admin is the generated admin; every account it lists (that admin included)
    signs in with :data:`DEMO_PASSWORD`.  Refused (ValidationError, nothing written) when
    there are records at ``store_path`` already.  Each person's history is committed on its
    own, so an interrupted run keeps what it reported and the store still opens.
    """
    today = today or date.today()
    _check_sizes(inmates, years, today)
    if store_path.exists() or slots_path(store_path).exists():
        raise ValidationError(
            "There are already records here, so demo data was not added. "
            "Use an empty data folder (--data-dir) for demo data.",
            "data_dir",
        )
    store, _admin = accounts.create_store(
        store_path,
        backups=backups,
        **DEMO_UNIT,
        admin_username=username_for(ADMIN_NAME, set()),
        admin_name=ADMIN_NAME,
        admin_password=DEMO_PASSWORD,
    )
    try:
        summary = seed_demo(
            store,
            inmates=inmates,
            years=years,
            seed=seed,
            today=today,
            progress=progress,
            password=DEMO_PASSWORD,
        )
    finally:
        store.close()
    by_role: dict[str, str] = {}
    for username, _name, role in summary.accounts:
        by_role.setdefault(role, username)
    slots = keyslots.KeySlots.for_store(store_path)
    if slots is not None:  # the sign-in page lists these whenever this store is opened
        slots.mark_demo(by_role)
    # The admin's row was written by create_store above; count it with the others.
    counts = {**summary.counts, "officer": len(summary.accounts)}
    return replace(summary, counts=counts)


def seed_demo(
    store: Store,
    *,
    inmates: int = DEFAULT_INMATES,
    years: int = DEFAULT_YEARS,
    seed: int = 1,
    today: date | None = None,
    progress: ProgressFn | None = None,
    password: str | None = None,
) -> DemoSummary:
    """Fill a store that has no people yet with a unit's generated history up to this morning.

    Initialises facility and unit ("Halden fengsel", "Enhet C") if the store is empty, adds
    officers (about one contact officer per 5.5 people, supervisors and an admin unless the
    store has one), the people and their assignments, then their history, one committed
    transaction per person.  With ``password`` (an encrypted store) each new account gets a
    key slot with it.  The summary lists the new accounts and then the admins already there.
    Raises ValidationError (nothing written) for a store that already has people.
    """
    today = today or date.today()
    report = progress or (lambda _line: None)
    _check_sizes(inmates, years, today)
    actor = Actor.system("officer-desk demo data")
    rng = random.Random(f"officer-desk-demo/{seed}")

    with store.reading() as session:
        if session.exec(select(func.count()).select_from(Inmate)).one():
            raise ValidationError(
                "This store already has people registered, so demo data was not added. "
                "Use an empty data folder (--data-dir) for demo data."
            )
        has_facility = session.exec(select(Facility)).first() is not None
    if not has_facility:
        people.initialise(store, actor, **DEMO_UNIT)
    with store.reading() as session:
        unit = people.unit_by_code(session, None)
        facility = session.get(Facility, unit.facility_id)
        taken = set(session.exec(select(Officer.username)).all())
        admins = list(
            session.exec(
                select(Officer).where(Officer.role == Role.ADMIN.value, col(Officer.active))
            ).all()
        )
    prefix = (facility.code[:1] if facility else "H").upper()

    officers = _add_officers(store, actor, inmates, taken, with_admin=not admins, password=password)
    contact = [o for o in officers if o.role == Role.OFFICER.value]
    report(f"added {len(officers)} officer accounts")

    plans = plan_people(rng, inmates, years, today, prefix, unit.code)
    timelines = _plan_assignments(rng, plans, contact, today)
    with write(store, actor) as w:
        registered = people.add_inmates_in(
            w, [p.details for p in plans], today=today, unit_code=unit.code
        )
        assignments = _write_assignments(w, registered, timelines)
    report(f"registered {len(registered)} people with {assignments} assignments")

    counts = {
        "officer": len(officers),
        "inmate": len(registered),
        "assignment": assignments,
        "meal_log": 0,
        "activity_log": 0,
        "case_note": 0,
        "case_note_revision": 0,
        "conversation": 0,
        "follow_up": 0,
        "enrolment": 0,
        "milestone_signoff": 0,
    }
    streak_people = {p.details.prison_number for p in rng.sample(plans, max(1, inmates // 8))}
    catalogue = _catalogue(store)
    all_officer_ids = [o.id for o in contact]
    for plan, inmate, timeline in zip(plans, registered, timelines, strict=True):
        history = _History(
            rng=random.Random(f"officer-desk-demo/{seed}/{plan.details.prison_number}"),
            store=store,
            inmate_id=inmate.id,
            name=plan.details.preferred_name or plan.details.full_name.split()[0],
            timeline=timeline,
            covers=all_officer_ids,
            catalogue=catalogue,
        )
        start = max(plan.details.arrival_date or today, today - timedelta(days=365 * years))
        history.generate(
            plan, start, today, refusing_now=plan.details.prison_number in streak_people
        )
        added = _write_history(store, actor, plan.details.prison_number, history)
        for table, number in added.items():
            counts[table] += number
        report(
            f"committed {plan.details.prison_number} ({added['meal_log']} meals, "
            f"{added['activity_log']} activities, {added['case_note']} notes)"
        )
    counts["release_plan"] = _plan_releases(store, rng, registered, timelines, today)
    report(f"made {counts['release_plan']} release plans")
    counts["handover"] = _hand_over_yesterday(store, contact, today)
    report(f"handed over yesterday's shift ({counts['handover']} handovers)")
    listed = [(o.username, o.display_name, o.role) for o in [*officers, *admins]]
    return DemoSummary(accounts=listed, counts=counts, unit_code=unit.code, today=today)


def _catalogue(store: Store) -> dict[str, list[tuple[str, list[tuple[str, int]]]]]:
    """The store's active programmes by category, each with its milestones in order."""
    from officer_desk.store.tables import Programme, ProgrammeMilestone

    result: dict[str, list[tuple[str, list[tuple[str, int]]]]] = {}
    with store.reading() as session:
        programmes = session.exec(
            select(Programme).where(col(Programme.active)).order_by(col(Programme.code))
        ).all()
        for programme in programmes:
            milestones = session.exec(
                select(ProgrammeMilestone.id, ProgrammeMilestone.expected_hours)
                .where(ProgrammeMilestone.programme_id == programme.id)
                .order_by(col(ProgrammeMilestone.position))
            ).all()
            if milestones:
                result.setdefault(programme.category, []).append(
                    (programme.id, [(m_id, hours) for m_id, hours in milestones])
                )
    return result


RELEASE_PLAN_DAYS = 180  # people released sooner than this have a plan under way
GATE_EVIDENCE = {
    "housing-confirmed": "Leiekontrakt fra kommunen mottatt (kopi i mappen).",
    "school-or-job-confirmed": "Skriftlig bekreftelse fra arbeidsgiver via NAV.",
}


def _plan_releases(
    store: Store,
    rng: random.Random,
    registered: list[Inmate],
    timelines: list[Timeline],
    today: date,
) -> int:
    """A release plan for everyone released within :data:`RELEASE_PLAN_DAYS`, made and worked
    through the release use cases by their contact officer: what was due is mostly done, a few
    items are overdue, and some gates are still open close to release."""
    from officer_desk.app import release

    made = 0
    for inmate, timeline in zip(registered, timelines, strict=True):
        day = inmate.expected_release_date
        # A plan's release date may not lie in the past of the real clock.
        if day is None or not (
            max(today, date.today()) < day <= today + timedelta(RELEASE_PLAN_DAYS)
        ):
            continue
        contact = timeline[-1][1]
        with store.reading() as session:
            officer = session.get(Officer, contact)
        assert officer is not None
        actor = Actor(officer.id, officer.display_name, role=officer.role)
        release.create_plan(store, actor, inmate_id=inmate.id, release_date=day)
        made += 1
        with store.reading() as session:
            items = session.exec(
                select(ReleasePlanItem)
                .join(ReleasePlan, col(ReleasePlan.id) == col(ReleasePlanItem.plan_id))
                .where(ReleasePlan.inmate_id == inmate.id)
                .order_by(col(ReleasePlanItem.position))
            ).all()
        for item in items:
            left = (item.due_date - today).days if item.due_date else 999
            if left < 0:
                status = "done" if rng.random() < 0.85 else "in_progress"
            elif left <= 14:
                status = rng.choice(["not_started", "in_progress", "in_progress", "done"])
            elif left <= 45:
                status = rng.choice(["not_started", "not_started", "in_progress"])
            else:
                continue
            if status == "not_started":
                continue
            release.update_item(
                store,
                actor,
                item_id=item.id,
                status=status,
                evidence=GATE_EVIDENCE.get(item.code, "") if status == "done" else None,
            )
    return made


def _hand_over_yesterday(store: Store, contact: list[Officer], today: date) -> int:
    """Yesterday's shift handed over officer to officer through the handover use cases: read
    back, acknowledged and signed, except the one to the contact officer first in the lists
    (by name, as the sign-in chooser and the self-test take them), which waits on that
    officer's home screen for acknowledgement."""
    from officer_desk.app import handover

    if len(contact) < 2:
        return 0
    start = _at(today - timedelta(days=1), time(14, 0))
    by_name = sorted(contact, key=lambda o: o.display_name)
    actors = [Actor(o.id, o.display_name, role=o.role) for o in by_name]
    for n, outgoing in enumerate(actors):
        incoming = actors[(n + 1) % len(actors)]
        drafted = handover.start_handover(store, outgoing, start, start + SHIFT_LENGTH)
        handover.add_unit_item(
            store, outgoing, drafted.handover_id, "count", "Opptelling kl. 21: alle på plass."
        )
        handover.add_contingency(
            store,
            outgoing,
            drafted.handover_id,
            "noen ikke vil spise frokost",
            "snakk med dem før arbeidstid og noter det.",
        )
        handover.hand_over(store, outgoing, drafted.handover_id, incoming.officer_id)
        if incoming is actors[0]:
            continue
        with store.reading() as session:
            entries = session.exec(
                select(HandoverEntry.id).where(HandoverEntry.handover_id == drafted.handover_id)
            ).all()
        for number, entry_id in enumerate(entries):
            if number == 0:
                handover.ask_question(store, incoming, entry_id, "Har han fått svar fra NAV?")
                handover.answer_question(store, outgoing, entry_id, "Ikke ennå, ventes i uken.")
            handover.acknowledge(store, incoming, entry_id)
        handover.sign(store, incoming, drafted.handover_id)
    return len(actors)


def _check_sizes(inmates: int, years: int, today: date) -> None:
    if not 1 <= inmates <= MAX_INMATES:
        raise ValidationError(
            "The number of people must be between 1 and {MAX_INMATES}.",
            "inmates",
            MAX_INMATES=MAX_INMATES,
        )
    if not 1 <= years <= MAX_YEARS:
        raise ValidationError(
            "The number of years must be between 1 and {MAX_YEARS}.", "years", MAX_YEARS=MAX_YEARS
        )
    if today > date.today():
        raise ValidationError("Demo history cannot end in the future; choose today or earlier.")


# --- accounts ---------------------------------------------------------------------------------


def username_for(display_name: str, taken: set[str]) -> str:
    """'Tor Åge Lie' -> 'tor.age.lie' (ASCII, so it is easy to type on any keyboard)."""
    folded = display_name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    base = ".".join("".join(c for c in part if c.isalnum()) for part in ascii_only.split())
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{n}"
    taken.add(name)
    return name


def _add_officers(
    store: Store,
    actor: Actor,
    inmates: int,
    taken: set[str],
    *,
    with_admin: bool,
    password: str | None,
) -> list[Officer]:
    contact = -(-inmates * 2 // int(PEOPLE_PER_OFFICER * 2))  # ceil(inmates / 5.5)
    supervisors = 1 if inmates < 30 else 2
    roster = [(name, Role.OFFICER) for name in officer_names(contact)]
    roster += [(name, Role.SUPERVISOR) for name in SUPERVISOR_NAMES[:supervisors]]
    if with_admin:
        roster.append((ADMIN_NAME, Role.ADMIN))
    added = []
    key_texts = _account_keys(password) if password is not None else None
    for name, role in roster:
        username = username_for(name, taken)
        officer = people.add_officer(store, actor, username=username, display_name=name, role=role)
        if key_texts is not None:  # an encrypted store: every account signs in with a password
            check_password(password or "", username)
            with write(store, actor) as w:
                w.update(officer, {"account_key": next(key_texts)}, detail="first account key")
        added.append(officer)
    if key_texts is not None:
        account_keys.refresh_slots(store)  # once: a slot per account, sealed to its key
    return added


def _account_keys(password: str) -> Iterator[str]:
    """Account keys (``accounts.create_account``'s), each a new key pair wrapped under
    ``password`` at the full Argon2id cost: signing in costs what it always does.

    Every demo account has the same published password, so one derivation (one salt) wraps
    them all; 184 derivations for a 1,000-person unit would be a minute of seed-demo that
    protects nothing.  A password changed later gets its own salt as always."""
    kdf = keyslots.DEFAULT_KDF
    salt = secrets.token_bytes(16)  # as AccountKey.create
    wrapping = kdf.derive(password, salt)
    while True:
        yield AccountKey.wrap(X25519PrivateKey.generate(), wrapping, salt, kdf).to_text()


# --- people and assignments -------------------------------------------------------------------


Timeline = list[tuple[date, str, AssignmentReason]]  # (from, officer id, why), oldest first


def _plan_assignments(
    rng: random.Random, plans: list[PersonPlan], contact: list[Officer], today: date
) -> list[Timeline]:
    """Who had whom, never more than six people per contact officer on any day.

    Everyone is still here today, so an officer's final caseload only grows over time; the
    round-robin keeps it at most six.  A few people started with another officer who keeps
    at most five at the end, and each such officer lends out at most one person, so their
    count stays at six or below while they had that person too.
    """
    order = sorted(range(len(plans)), key=lambda i: plans[i].details.arrival_date or today)
    final: dict[int, Officer] = {}
    load = {o.id: 0 for o in contact}
    for i in order:
        officer = min(contact, key=lambda o: (load[o.id], rng.random()))
        load[officer.id] += 1
        final[i] = officer
    lenders = [o for o in contact if load[o.id] < MAX_CASELOAD]
    rng.shuffle(lenders)
    timelines: list[Timeline] = []
    for i, plan in enumerate(plans):
        arrival = plan.details.arrival_date or today
        officer = final[i]
        stay = (today - arrival).days
        lender = next((o for o in lenders if o.id != officer.id), None)
        if lender is not None and stay > 180 and rng.random() < 0.25:
            lenders.remove(lender)
            moved = arrival + timedelta(days=rng.randint(60, stay - 30))
            why = rng.choice(
                [
                    AssignmentReason.WORKLOAD,
                    AssignmentReason.RELATIONSHIP,
                    AssignmentReason.TRANSFER,
                ]
            )
            timelines.append(
                [(arrival, lender.id, AssignmentReason.ARRIVAL), (moved, officer.id, why)]
            )
        else:
            timelines.append([(arrival, officer.id, AssignmentReason.ARRIVAL)])
    return timelines


def _write_assignments(w: Writer, registered: list[Inmate], timelines: list[Timeline]) -> int:
    count = 0
    for inmate, timeline in zip(registered, timelines, strict=True):
        for start, officer_id, reason in timeline:
            warning = people.assign_in(
                w, officer_id=officer_id, inmate_id=inmate.id, start=start, reason=reason
            )
            # The plan keeps every caseload at six or fewer; a warning would be a bug here.
            assert warning is None, warning
            count += 1
    return count


# --- history ----------------------------------------------------------------------------------


def _at(day: date, clock: time, minutes: int = 0) -> datetime:
    """A local (CET) time of day as the aware UTC moment the store keeps."""
    return datetime.combine(day, clock, UTC) - CET + timedelta(minutes=minutes)


@dataclass
class _Course:
    """A programme a person follows in the generated history."""

    enrolment_id: str
    programme_id: str
    start: date
    left: list[tuple[str, int]]  # (milestone id, expected hours) not signed off yet
    hours: float = 0.0
    next_at: float = 0.0  # hours of the milestones signed off so far


@dataclass
class _History:
    """The generated rows of one person, as plain dicts ready for a Core bulk insert."""

    rng: random.Random
    store: Store
    inmate_id: str
    name: str
    timeline: Timeline
    covers: list[str]
    catalogue: dict[str, list[tuple[str, list[tuple[str, int]]]]]  # category -> programmes
    meals: list[dict[str, Any]] = field(default_factory=list)
    activities: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    revisions: list[dict[str, Any]] = field(default_factory=list)
    conversations: list[dict[str, Any]] = field(default_factory=list)
    follow_ups: list[dict[str, Any]] = field(default_factory=list)
    enrolments: list[dict[str, Any]] = field(default_factory=list)
    signoffs: list[dict[str, Any]] = field(default_factory=list)
    course: _Course | None = None

    def contact_on(self, day: date) -> str:
        """The person's contact officer that day."""
        current = self.timeline[0][1]
        for start, officer_id, _reason in self.timeline:
            if start <= day:
                current = officer_id
        return current

    def officer_on(self, day: date) -> str:
        current = self.contact_on(day)
        # Colleagues cover shifts: about one entry in five is logged by someone else.
        if self.rng.random() < 0.2:
            return self.rng.choice(self.covers)
        return current

    def sync(self, by: str) -> dict[str, Any]:
        return {
            "updated_hlc": self.store.clock.now(),
            "updated_by": by,
            "device_id": self.store.device_id,
            "server_version": None,
            "deleted_at": None,
        }

    def generate(self, plan: PersonPlan, start: date, today: date, *, refusing_now: bool) -> None:
        rng = self.rng
        episode_left = 0
        day = start
        next_talk = start + timedelta(days=rng.randint(1, 4))
        self.enrol(plan, start, today)
        while day < today:
            weekday = day.weekday()
            if episode_left:
                episode_left -= 1
            elif rng.random() < 0.004:
                episode_left = rng.randint(1, 3)  # a few days of refusing food and work
            away = self.day_activities(plan, day, weekday, refusing=episode_left > 0)
            self.day_meals(plan, day, weekday, away, refusing=episode_left > 0)
            if rng.random() < 0.12:
                self.note(day)
            if day >= next_talk:
                self.conversation(day, today, low=episode_left > 0)
                # About one a week, some sooner: some people are due one today (the card's
                # nudge) and others were seen lately.
                next_talk = day + timedelta(days=rng.choice([2, 3, 4, 5, 6, 7, 8, 9]))
            day += timedelta(days=1)
        if refusing_now:
            self.refusal_streak_until_yesterday()
        elif rng.random() < 0.8:
            # The day is under way: most people's breakfast is already logged.
            self.day_meals(plan, today, today.weekday(), set(), refusing=False, only=Meal.BREAKFAST)

    def activity(
        self,
        day: date,
        category: ActivityCategory,
        clock: time,
        minutes: int,
        outcome: ActivityOutcome = ActivityOutcome.ATTENDED,
        programme_id: str | None = None,
    ) -> None:
        by = self.officer_on(day)
        choices = ACTIVITY_NOTES.get(category)
        note = self.rng.choice(choices) if choices and self.rng.random() < 0.1 else ""
        self.activities.append(
            {
                "id": new_id(),
                "inmate_id": self.inmate_id,
                "category": category.value,
                "started_at": _at(day, clock),
                "duration_minutes": minutes,
                "outcome": outcome.value,
                "note": note,
                "logged_at": _at(day, clock, minutes + self.rng.randint(5, 90)),
                "logged_by": by,
                "amends_id": None,
                "voided": False,
                "void_reason": "",
                "programme_id": programme_id,
                **self.sync(by),
            }
        )

    def day_activities(
        self, plan: PersonPlan, day: date, weekday: int, *, refusing: bool
    ) -> set[Meal]:
        """Log the day's activities; returns the meals the person was away for."""
        rng = self.rng
        away: set[Meal] = set()
        if weekday < 5:
            if plan.track is not None:
                outcome = weighted(
                    rng,
                    [
                        (ActivityOutcome.ATTENDED, 86),
                        (ActivityOutcome.SICK, 4),
                        (ActivityOutcome.REFUSED, 60 if refusing else 4),
                        (ActivityOutcome.CANCELLED, 3),
                        (ActivityOutcome.NOT_REQUIRED, 3),
                    ],
                )
                minutes = rng.choice([240, 300, 330])
                course = self.course if self.course and day >= self.course.start else None
                self.activity(
                    day,
                    plan.track,
                    time(8, 30),
                    minutes,
                    outcome,
                    programme_id=course.programme_id if course else None,
                )
                if course and outcome is ActivityOutcome.ATTENDED:
                    self.course_hours(course, day, minutes / 60)
            if rng.random() < 0.025:
                self.activity(day, ActivityCategory.HEALTH, time(11, 0), rng.choice([30, 45, 60]))
                away.add(Meal.LUNCH)
            if plan.programme and weekday == 2:
                self.activity(day, ActivityCategory.PROGRAMME, time(13, 0), 90)
            if plan.religious and plan.halal and weekday == 4 and rng.random() < 0.6:
                self.activity(day, ActivityCategory.RELIGIOUS_SERVICE, time(13, 0), 60)
            if weekday == 3 and rng.random() < 0.3:
                self.activity(day, ActivityCategory.COOKING, time(15, 0), 90)
            if rng.random() < plan.gym_chance:
                self.activity(day, ActivityCategory.GYM, time(15, 0), rng.choice([45, 60, 90]))
        else:
            if rng.random() < plan.visit_chance:
                self.activity(day, ActivityCategory.VISIT, time(11, 0), rng.choice([60, 90, 120]))
                away.add(Meal.LUNCH)
            if rng.random() < 0.5:
                self.activity(day, ActivityCategory.RECREATION, time(14, 0), 120)
            if plan.religious and not plan.halal and weekday == 6:
                self.activity(day, ActivityCategory.RELIGIOUS_SERVICE, time(10, 0), 60)
        if rng.random() < 0.3:
            self.activity(day, ActivityCategory.PHONE_CALL, time(18, 0), rng.choice([10, 20]))
        return away

    def day_meals(
        self,
        plan: PersonPlan,
        day: date,
        weekday: int,
        away: set[Meal],
        *,
        refusing: bool,
        only: Meal | None = None,
    ) -> None:
        rng = self.rng
        for meal, clock in MEAL_TIMES.items():
            if only is not None and meal is not only:
                continue
            reason: DeclineReason | None = None
            if meal in away:
                outcome = MealOutcome.AWAY
            else:
                declined = 0.75 if refusing else plan.decline_chance
                roll = rng.random()
                if roll < declined:
                    outcome = MealOutcome.DECLINED
                    reason = weighted(rng, DECLINE_REASONS)
                    if meal is not Meal.BREAKFAST and reason is DeclineReason.ASLEEP:
                        reason = DeclineReason.NOT_HUNGRY
                elif roll < declined + plan.partial_chance:
                    outcome = MealOutcome.PARTIAL
                else:
                    outcome = MealOutcome.ATE
            together = rng.random() < (0.3 if meal is Meal.BREAKFAST else 0.75)
            if weekday == 3 and meal is Meal.DINNER:
                together = True  # the unit's shared dinner night
            row = self.meal_row(day, meal, clock, outcome, reason, together)
            self.meals.append(row)
            # Now and then an entry was corrected or voided later the same day.
            if outcome is not MealOutcome.AWAY and rng.random() < 0.003:
                self.correct(row)

    def meal_row(
        self,
        day: date,
        meal: Meal,
        clock: time,
        outcome: MealOutcome,
        reason: DeclineReason | None,
        together: bool,
    ) -> dict[str, Any]:
        by = self.officer_on(day)
        return {
            "id": new_id(),
            "inmate_id": self.inmate_id,
            "day": day,
            "meal": meal.value,
            "outcome": outcome.value,
            "decline_reason": None if reason is None else reason.value,
            "ate_together": together and outcome is not MealOutcome.DECLINED,
            "note": "",
            "logged_at": _at(day, clock, self.rng.randint(15, 75)),
            "logged_by": by,
            "amends_id": None,
            "voided": False,
            "void_reason": "",
            **self.sync(by),
        }

    def correct(self, original: dict[str, Any]) -> None:
        fixed = {
            **original,
            "id": new_id(),
            "amends_id": original["id"],
            **self.sync(original["logged_by"]),
        }
        fixed["logged_at"] = original["logged_at"] + timedelta(hours=2)
        if self.rng.random() < 0.3:
            fixed.update(voided=True, void_reason="Registrert på feil person.")
        else:
            fixed.update(
                outcome=MealOutcome.ATE.value,
                decline_reason=None,
                note="Rettet: spiste likevel etter en stund.",
            )
        self.meals.append(fixed)

    def refusal_streak_until_yesterday(self) -> None:
        """Make the newest 3–6 meals declined, so the refusal flag shows on today's screen."""
        length = self.rng.randint(3, 6)
        reason = self.rng.choice([DeclineReason.PROTEST, DeclineReason.NOT_HUNGRY])
        originals = [m for m in reversed(self.meals) if m["amends_id"] is None][:length]
        streak_ids = {row["id"] for row in originals}
        # A later correction of one of these would break the streak; drop it.
        self.meals = [m for m in self.meals if m["amends_id"] not in streak_ids]
        for row in originals:
            row.update(
                outcome=MealOutcome.DECLINED.value,
                decline_reason=reason.value,
                ate_together=False,
                note="Vil ikke spise." if reason is DeclineReason.PROTEST else "",
            )

    def note(self, day: date) -> None:
        rng = self.rng
        kind = weighted(
            rng,
            [(NoteKind.GENERAL, 50), (NoteKind.POSITIVE, 30), (NoteKind.CONCERN, 15),
             (NoteKind.SAFETY, 5)],
        )  # fmt: skip
        by = self.officer_on(day)
        created = _at(day, time(rng.randint(9, 20), rng.randint(0, 59)))
        note_id = new_id()
        self.notes.append(
            {
                "id": note_id,
                "inmate_id": self.inmate_id,
                "kind": kind.value,
                "sensitive": kind is NoteKind.SAFETY or rng.random() < 0.04,
                "created_at": created,
                "created_by": by,
                **self.sync(by),
            }
        )
        text = rng.choice(NOTES[kind]).format(name=self.name)
        self.revision(note_id, 1, text, created, by)
        if rng.random() < 0.1:
            later = created + timedelta(hours=rng.randint(2, 48))
            self.revision(note_id, 2, text + rng.choice(NOTE_ADDENDA), later, by)

    def enrol(self, plan: PersonPlan, start: date, today: date) -> None:
        """Most people with work or school follow a catalogue programme there: enrolled some
        weeks ago, so that by today part of its milestones are signed off."""
        rng = self.rng
        kind = {ActivityCategory.WORK: "vocational", ActivityCategory.SCHOOL: "school"}.get(
            plan.track  # type: ignore[arg-type]
        )
        offered = self.catalogue.get(kind or "", [])
        if not offered or rng.random() < 0.2:
            return
        programme_id, milestones = rng.choice(offered)
        total = sum(hours for _id, hours in milestones)
        # About 20 hours a week: enrolled long enough ago for 25-90% of the programme.
        weeks = max(2, round(total * rng.uniform(0.25, 0.9) / 20))
        on = max(start, today - timedelta(weeks=weeks))
        by = self.contact_on(on)
        enrolment_id = new_id()
        self.enrolments.append(
            {
                "id": enrolment_id,
                "inmate_id": self.inmate_id,
                "programme_id": programme_id,
                "status": "active",
                "enrolled_on": on,
                "status_changed_at": _at(on, time(9)),
                "status_reason": "",
                **self.sync(by),
            }
        )
        self.course = _Course(enrolment_id, programme_id, on, list(milestones))

    def course_hours(self, course: _Course, day: date, hours: float) -> None:
        """Count attended hours; each milestone is signed off the day its hours are reached."""
        course.hours += hours
        while course.left and course.hours >= course.next_at + course.left[0][1]:
            milestone_id, expected = course.left.pop(0)
            course.next_at += expected
            by = self.contact_on(day)
            self.signoffs.append(
                {
                    "id": new_id(),
                    "enrolment_id": course.enrolment_id,
                    "milestone_id": milestone_id,
                    "signed_at": _at(day, time(15, 0)),
                    "signed_by": by,
                    **self.sync(by),
                }
            )

    def conversation(self, day: date, today: date, *, low: bool) -> None:
        """A one-to-one with the contact officer; now and then something to follow up."""
        rng = self.rng
        by = self.contact_on(day)
        started = _at(day, time(rng.choice([10, 13, 14, 15, 19]), rng.choice([0, 15, 30])))
        minutes = rng.choice([10, 15, 20, 20, 30, 45])
        topics = rng.sample(TALK_TOPICS, rng.choice([1, 1, 2, 2, 3]))
        talk_id = new_id()
        self.conversations.append(
            {
                "id": talk_id,
                "inmate_id": self.inmate_id,
                "started_at": started,
                "duration_minutes": minutes,
                "mood": rng.choice([1, 2, 2, 3]) if low else rng.choice([2, 3, 3, 4, 4, 5]),
                "topics": topics,
                "note": rng.choice(TALK_NOTES).format(name=self.name) if rng.random() < 0.5 else "",
                "logged_at": started + timedelta(minutes=minutes + rng.randint(2, 40)),
                "logged_by": by,
                "amends_id": None,
                "voided": False,
                "void_reason": "",
                **self.sync(by),
            }
        )
        if rng.random() < 0.15:
            due = day + timedelta(days=rng.randint(2, 14))
            # Old ones were done; of those due this past week, one in five is still open.
            done = due < today and ((today - due).days > 7 or rng.random() < 0.8)
            self.follow_ups.append(
                {
                    "id": new_id(),
                    "inmate_id": self.inmate_id,
                    "conversation_id": talk_id,
                    "text": rng.choice(FOLLOW_UPS),
                    "due_date": due,
                    "created_at": started + timedelta(minutes=minutes),
                    "created_by": by,
                    "done_at": _at(min(due, today - timedelta(days=1)), time(15)) if done else None,
                    "done_by": by if done else None,
                    **self.sync(by),
                }
            )

    def revision(self, note_id: str, number: int, text: str, at: datetime, by: str) -> None:
        self.revisions.append(
            {
                "id": new_id(),
                "note_id": note_id,
                "number": number,
                "text": text,
                "written_at": at,
                "written_by": by,
                **self.sync(by),
            }
        )


@dataclass(frozen=True)
class _BulkInsert:
    """One history table's INSERT for the driver itself, with the column types' own bind
    processors applied once per value: what ``connection.execute(insert(table), rows)`` would
    store, without SQLAlchemy's per-row parameter machinery (most of the write's time)."""

    sql: str
    columns: tuple[str, ...]
    processors: tuple[Callable[[Any], Any] | None, ...]

    @classmethod
    def of(cls, table: Table, columns: tuple[str, ...], dialect: Any) -> _BulkInsert:
        processors = tuple(table.c[name].type._cached_bind_processor(dialect) for name in columns)
        sql = (
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        return cls(sql, columns, processors)

    def rows(self, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        # Only a few columns convert (times, dates, flags, JSON): touch only those.
        take = operator.itemgetter(*self.columns)
        converting = [(i, p) for i, p in enumerate(self.processors) if p is not None]
        out = []
        for row in rows:
            values = list(take(row))
            for i, process in converting:
                values[i] = process(values[i])
            out.append(tuple(values))
        return out


_BULK: dict[tuple[str, tuple[str, ...]], _BulkInsert] = {}


def _bulk_insert(connection: Any, name: str, rows: list[dict[str, Any]]) -> None:
    columns = tuple(rows[0])  # every row of a table is built by the same code, same keys
    plan = _BULK.get((name, columns))
    if plan is None:
        plan = _BULK[(name, columns)] = _BulkInsert.of(
            SQLModel.metadata.tables[name], columns, connection.dialect
        )
    connection.exec_driver_sql(plan.sql, plan.rows(rows))


def _write_history(
    store: Store, actor: Actor, prison_number: str, history: _History
) -> dict[str, int]:
    """One transaction per person: bulk rows plus one audit entry that says what was added."""
    batches = {
        "meal_log": history.meals,
        "activity_log": history.activities,
        "case_note": history.notes,
        "case_note_revision": history.revisions,
        "conversation": history.conversations,
        "follow_up": history.follow_ups,
        "enrolment": history.enrolments,
        "milestone_signoff": history.signoffs,
    }
    with write(store, actor) as w:
        connection = w.session.connection()
        for table, rows in batches.items():
            if rows:
                _bulk_insert(connection, table, rows)
        w.audit_only(
            "seed",
            "meal_log",
            history.inmate_id,
            f"demo history for {prison_number}: {len(history.meals)} meals, "
            f"{len(history.activities)} activities, {len(history.notes)} notes, "
            f"{len(history.revisions)} note revisions, {len(history.conversations)} "
            f"conversations, {len(history.follow_ups)} follow-ups",
        )
    return {table: len(rows) for table, rows in batches.items()}
