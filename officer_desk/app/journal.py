"""The person's right to read: everything recorded about them, except notes marked sensitive.

:func:`journal_for_person` checks who is asking, audits the export and gathers the person's
details and whole history into a :class:`JournalData` (plain frozen dataclasses, no Qt), which
``reports.journal.write_journal_pdf`` lays out as a PDF to hand to the person.

The history is read with the timeline query the screens use (``store.queries.timeline_page``
with ``include_sensitive=False``), page by page, so what the person reads is exactly what an
officer sees on the timeline minus the sensitive notes.  Meals are counted per month (five
years are about 5,500 of them); activities are grouped per month by kind and outcome with
their dates; anything an officer wrote in words (a note, a remark on a meal or an activity) is
listed in full with who wrote it, and so is every one-to-one conversation (topics, mood).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, select

from officer_desk.app import access
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import DeclineReason, MealOutcome
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.store import queries
from officer_desk.store.database import Store
from officer_desk.store.tables import Facility, Inmate, Officer, Unit

LANGUAGES = ("en", "nb")
# Large pages: the journal reads the whole history and each page costs a few queries (and,
# until meal_log.amends_id is indexed, a scan of the log per page).  Measured on a five-year
# person (8,500 items): 500 -> 8.1 s, 2,000 -> 3.0 s on an encrypted store.
PAGE_SIZE = 2000
EXPORT_DETAIL = "journal PDF for the person (sensitive notes left out)"
DECLINE_REASONS = {reason.value for reason in DeclineReason}


@dataclass(frozen=True)
class JournalProfile:
    """The person's registered details, as the unit has them."""

    full_name: str
    preferred_name: str
    prison_number: str
    date_of_birth: date | None
    languages: tuple[str, ...]
    cell: str
    arrival_date: date | None
    expected_release_date: date | None
    diet: str
    allergies: str
    facility: str
    unit: str
    contact_officers: tuple[str, ...]


@dataclass(frozen=True)
class MealMonth:
    """Meals of one month, counted: outcome -> number, and why meals were declined."""

    outcomes: dict[str, int]
    declined_because: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.outcomes.values())


@dataclass(frozen=True)
class ActivityGroup:
    """All activities of one kind with one outcome in a month, by date."""

    category: str
    outcome: str
    days: tuple[int, ...]
    minutes: int


@dataclass(frozen=True)
class WrittenEntry:
    """Something an officer wrote: a case note, a conversation, or a remark on a meal or an
    activity."""

    at: datetime  # local time
    kind: str  # "note", "meal", "activity" or "conversation"
    what: str  # note kind, meal name, activity category or a conversation's topics
    outcome: str  # meal or activity outcome, "mood N" for a conversation, "" for notes
    text: str
    author: str
    amended: bool = False
    minutes: int = 0


@dataclass(frozen=True)
class JournalMonth:
    year: int
    month: int
    meals: MealMonth | None
    activities: tuple[ActivityGroup, ...]
    written: tuple[WrittenEntry, ...]  # oldest first


@dataclass(frozen=True)
class JournalData:
    """What goes into the journal PDF; months oldest first."""

    profile: JournalProfile
    months: tuple[JournalMonth, ...]
    made_on: date
    language: str = "en"
    counts: dict[str, int] = field(default_factory=dict)  # items per kind, for the intro


def journal_for_person(
    store: Store,
    actor: Actor,
    inmate_id: str,
    *,
    language: str = "en",
    today: date | None = None,
) -> JournalData:
    """Everything recorded about one person except sensitive notes, ready for the PDF.

    Allowed for the person's own contact officer (or cover), a supervisor of the unit, and
    facility IT acting through the admin tool (a system actor); an admin account does not
    see records.  The export is audited before anything is read (so an export that fails
    half-way is still on record); a refusal is audited as "denied".
    """
    if language not in LANGUAGES:
        raise ValidationError(
            ("The journal can be made in English (en) or Norwegian (nb), not “{language}”."),
            "language",
            language=language,
        )
    with write(store, actor) as w:
        today = today or date.today()  # the local day, as the person and the screens see it
        inmate = w.session.get(Inmate, inmate_id)
        if inmate is None or inmate.deleted_at is not None:
            raise NotFound("That person is not registered on this workstation.")
        access.require_people(w.session, actor, [inmate_id], today, "the journal")
        w.audit_only("export", "inmate", inmate_id, EXPORT_DETAIL)
    with store.reading() as session:
        inmate = session.get(Inmate, inmate_id)
        if inmate is None:
            raise NotFound("That person is not registered on this workstation.")
        names = officer_names(session)
        profile = _profile(session, inmate, names, today)
        items = list(_whole_timeline(session, inmate_id))
    months = group_by_month(items, names)
    counts = Counter(item.kind for item in items)
    return JournalData(profile, tuple(months), today, language, dict(counts))


def officer_names(session: Session) -> dict[str, str]:
    """officer id -> display name, closed accounts included (they wrote history too)."""
    return dict(session.exec(select(Officer.id, Officer.display_name)).all())


def _profile(
    session: Session, inmate: Inmate, names: dict[str, str], today: date
) -> JournalProfile:
    unit = session.get(Unit, inmate.unit_id)
    facility = session.get(Facility, unit.facility_id) if unit else None
    contacts = queries.holders_of(session, inmate.id, today)
    return JournalProfile(
        full_name=inmate.full_name,
        preferred_name=inmate.preferred_name,
        prison_number=inmate.prison_number,
        date_of_birth=inmate.date_of_birth,
        languages=tuple(inmate.languages),
        cell=inmate.cell,
        arrival_date=inmate.arrival_date,
        expected_release_date=inmate.expected_release_date,
        diet=inmate.diet,
        allergies=inmate.allergies,
        facility=facility.name if facility else "",
        unit=unit.name if unit else "",
        contact_officers=tuple(dict.fromkeys(names.get(o, "") for o in contacts if o in names)),
    )


def _whole_timeline(session: Session, inmate_id: str) -> Iterator[queries.TimelineItem]:
    """Every timeline item without sensitive notes, newest first, through the keyset pages."""
    before: tuple[datetime, str] | None = None
    while True:
        page = queries.timeline_page(
            session, inmate_id, before=before, limit=PAGE_SIZE, include_sensitive=False
        )
        yield from page.items
        if page.next_before is None:
            return
        before = page.next_before


def _local(item: queries.TimelineItem) -> datetime:
    # A meal's time is made up from its day (queries.MEAL_TIMES, in UTC); converting it could
    # move a late meal to the next day in a far-off time zone, so meals keep their own day.
    if item.kind == "meal":
        return item.at.replace(tzinfo=None)
    return item.at.astimezone().replace(tzinfo=None)


def _decline_reason(item: queries.TimelineItem) -> str | None:
    """A declined meal's reason: the timeline shows it in ``text`` when there is no note."""
    is_reason = item.outcome == MealOutcome.DECLINED and item.text in DECLINE_REASONS
    return item.text if item.kind == "meal" and is_reason else None


def _written_text(item: queries.TimelineItem) -> str:
    """The words an officer wrote on the item ("" when there are none); a decline reason is
    counted in the month's meals, so it is not repeated as a remark."""
    return "" if _decline_reason(item) else item.text.strip()


def group_by_month(
    items: Sequence[queries.TimelineItem], names: dict[str, str]
) -> list[JournalMonth]:
    """Sort timeline items into months (oldest first): meals counted, activities grouped by
    kind and outcome with their dates, written words listed."""
    by_month: dict[tuple[int, int], list[tuple[datetime, queries.TimelineItem]]] = defaultdict(list)
    for item in items:
        when = _local(item)
        by_month[(when.year, when.month)].append((when, item))
    months = []
    for (year, month), entries in sorted(by_month.items()):
        entries.sort(key=lambda pair: (pair[0], pair[1].id))
        months.append(_month(year, month, entries, names))
    return months


def _month(
    year: int,
    month: int,
    entries: list[tuple[datetime, queries.TimelineItem]],
    names: dict[str, str],
) -> JournalMonth:
    outcomes: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    groups: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    written: list[WrittenEntry] = []
    for when, item in entries:
        if item.kind == "meal":
            outcomes[item.outcome] += 1
            reason = _decline_reason(item)
            if reason:
                reasons[reason] += 1
        elif item.kind == "activity":
            groups[(item.what, item.outcome)].append((when.day, item.minutes))
        text = _written_text(item)
        # A conversation is listed even without a note: its topics and mood are about them.
        if text or item.kind == "conversation":
            written.append(
                WrittenEntry(
                    at=when,
                    kind=item.kind,
                    what=item.what,
                    outcome=item.outcome,
                    text=text,
                    author=names.get(item.author_id or "", ""),
                    amended=item.revisions > 1,
                    minutes=item.minutes,
                )
            )
    activities = tuple(
        ActivityGroup(
            category,
            outcome,
            tuple(sorted({day for day, _ in days})),
            sum(minutes for _, minutes in days),
        )
        # Each kind of activity together, the usual outcome (attended) first.
        for (category, outcome), days in sorted(
            groups.items(), key=lambda g: (g[0][0], g[0][1] != "attended", g[0][1])
        )
    )
    meals = MealMonth(dict(outcomes), dict(reasons)) if outcomes else None
    return JournalMonth(year, month, meals, activities, tuple(written))
