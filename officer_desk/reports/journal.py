"""The journal a person receives when they ask to read their records, as an A4 PDF.

Made from :class:`officer_desk.app.journal.JournalData` (which already leaves sensitive notes
out).  Written for the person, not for staff: plain words, their own language (Norwegian
bokmål or English), a short explanation first of what is in it, what is left out and how to ask
about it.  The headings and fixed texts live in :data:`TEXTS` until the translation files come.

Building the HTML needs no Qt; Qt is imported only when the PDF is written, so the admin
command line can import this module without loading it.
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

from officer_desk.app.journal import (
    ActivityGroup,
    JournalData,
    JournalMonth,
    JournalProfile,
    MealMonth,
    WrittenEntry,
)
from officer_desk.domain import identity
from officer_desk.reports.document import Document

TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Your journal",
        "made_on": "Made on {date}",
        "intro": [
            "This is a copy of what the staff on your unit have written down about you in "
            "officer_desk, the contact officers' system: your details, your meals, your "
            "activities and the notes officers have written.",
            "Meals are counted for each month, so the journal does not get too long. "
            "Activities are grouped for each month, with the dates they happened.",
            "<b>Some notes are not included.</b> Notes marked sensitive are left out, for "
            "example when sharing them could put someone's safety at risk. You have the right "
            "to ask about them: ask your contact officer or the prison's management. You can "
            "also ask for that decision to be looked at again.",
            "If something here is wrong or missing, tell your contact officer. You can ask "
            "for it to be corrected.",
        ],
        "covers": (
            "This journal covers {first} to {last}: {meals}, {activities}, {conversations} "
            "and {notes}."
        ),
        "conversation": "Conversation with an officer ({minutes} min)",
        "topics": "Topics: {topics}.",
        "mood": "Your mood as the officer noted it: {n} of 5 (1 is very low, 5 is very good).",
        "nothing": "Nothing has been written down about you yet.",
        "about": "About you",
        "fields": {
            "full_name": "Name",
            "preferred_name": "Called",
            "prison_number": "Prison number",
            "date_of_birth": "Date of birth",
            "languages": "Languages",
            "place": "Prison and unit",
            "cell": "Cell",
            "arrival_date": "Arrived",
            "expected_release_date": "Expected release",
            "diet": "Diet",
            "allergies": "Allergies",
            "contact_officers": "Contact officer",
        },
        "not_recorded": "not recorded",
        "history": "Month by month",
        "meals": "Meals",
        "activities": "Activities",
        "written": "Written down",
        "meals_line": "{total} meals logged: {parts}.",
        "activity_part": "{outcome} {times}{hours} on {days}",
        "times": ("once", "{n} times"),
        "hours": " (in all {hours})",
        "duration": ("{n} minutes", "{n} hours"),
        "by": "written by {name}",
        "amended": "changed later",
        "page": "Page {page} of {pages}",
        "count": {
            "meal": ("1 meal", "{n} meals"),
            "activity": ("1 activity", "{n} activities"),
            "conversation": ("1 conversation", "{n} conversations"),
            "note": ("1 written note", "{n} written notes"),
        },
        "months": [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ],
        "date": "{day} {month} {year}",
        "and": " and ",
        "meal_names": {
            "breakfast": "breakfast", "lunch": "lunch", "dinner": "dinner",
            "evening": "evening meal",
        },
        "meal_outcomes": {
            "ate": "ate", "partial": "ate some", "declined": "declined", "away": "away",
        },
        "decline_reasons": {
            "not_hungry": "not hungry", "religious_or_diet": "religion or diet",
            "medical": "medical reasons", "asleep": "asleep", "protest": "in protest",
            "other": "another reason",
        },
        "categories": {
            "work": "Work", "school": "School", "gym": "Gym", "recreation": "Free time",
            "cooking": "Cooking", "visit": "Visit", "phone_call": "Phone call",
            "religious_service": "Religious service", "health": "Health appointment",
            "programme": "Programme",
        },
        "activity_outcomes": {
            "attended": "took part", "refused": "said no", "sick": "was ill",
            "not_required": "was not needed", "cancelled": "was cancelled",
            "clash": "clashed with something else", "other": "other",
        },
        "note_kinds": {
            "positive": "Positive note", "general": "Note", "concern": "Concern",
            "safety": "Safety note",
        },
    },
    "nb": {
        "title": "Journalen din",
        "made_on": "Laget {date}",
        "intro": [
            "Dette er en kopi av det de ansatte på avdelingen din har skrevet ned om deg i "
            "officer_desk, kontaktbetjentenes system: opplysninger om deg, måltidene dine, "
            "aktivitetene dine og notatene betjentene har skrevet.",
            "Måltidene er talt opp for hver måned, så journalen ikke blir for lang. "
            "Aktivitetene er samlet for hver måned, med datoene de skjedde.",
            "<b>Noen notater er ikke med.</b> Notater som er merket som sensitive, er holdt "
            "utenfor, for eksempel når det å dele dem kan sette noens sikkerhet i fare. Du har "
            "rett til å spørre om dem: spør kontaktbetjenten din eller ledelsen i fengselet. "
            "Du kan også be om at den avgjørelsen blir vurdert på nytt.",
            "Hvis noe her er feil eller mangler, si fra til kontaktbetjenten din. Du kan be "
            "om at det blir rettet.",
        ],
        "covers": (
            "Journalen gjelder {first} til {last}: {meals}, {activities}, {conversations} "
            "og {notes}."
        ),
        "conversation": "Samtale med en betjent ({minutes} min)",
        "topics": "Tema: {topics}.",
        "mood": (
            "Humøret ditt slik betjenten noterte det: {n} av 5 (1 er svært lavt, 5 er svært godt)."
        ),
        "nothing": "Det er ikke skrevet noe om deg ennå.",
        "about": "Om deg",
        "fields": {
            "full_name": "Navn",
            "preferred_name": "Kalles",
            "prison_number": "Innsattnummer",
            "date_of_birth": "Fødselsdato",
            "languages": "Språk",
            "place": "Fengsel og avdeling",
            "cell": "Celle",
            "arrival_date": "Kom hit",
            "expected_release_date": "Forventet løslatelse",
            "diet": "Kosthold",
            "allergies": "Allergier",
            "contact_officers": "Kontaktbetjent",
        },
        "not_recorded": "ikke registrert",
        "history": "Måned for måned",
        "meals": "Måltider",
        "activities": "Aktiviteter",
        "written": "Skrevet ned",
        "meals_line": "{total} måltider registrert: {parts}.",
        "activity_part": "{outcome} {times}{hours} den {days}",
        "times": ("én gang", "{n} ganger"),
        "hours": " (til sammen {hours})",
        "duration": ("{n} minutter", "{n} timer"),
        "by": "skrevet av {name}",
        "amended": "endret senere",
        "page": "Side {page} av {pages}",
        "count": {
            "meal": ("1 måltid", "{n} måltider"),
            "activity": ("1 aktivitet", "{n} aktiviteter"),
            "conversation": ("1 samtale", "{n} samtaler"),
            "note": ("1 skrevet notat", "{n} skrevne notater"),
        },
        "months": [
            "januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "desember",
        ],
        "date": "{day}. {month} {year}",
        "and": " og ",
        "meal_names": {
            "breakfast": "frokost", "lunch": "lunsj", "dinner": "middag",
            "evening": "kveldsmat",
        },
        "meal_outcomes": {
            "ate": "spiste", "partial": "spiste litt", "declined": "takket nei",
            "away": "var borte",
        },
        "decline_reasons": {
            "not_hungry": "ikke sulten", "religious_or_diet": "religion eller kosthold",
            "medical": "medisinske grunner", "asleep": "sov", "protest": "i protest",
            "other": "en annen grunn",
        },
        "categories": {
            "work": "Arbeid", "school": "Skole", "gym": "Trening", "recreation": "Fritid",
            "cooking": "Matlaging", "visit": "Besøk", "phone_call": "Telefonsamtale",
            "religious_service": "Religiøs samling", "health": "Helsetime",
            "programme": "Program",
        },
        "activity_outcomes": {
            "attended": "deltok", "refused": "sa nei", "sick": "var syk",
            "not_required": "var ikke nødvendig", "cancelled": "ble avlyst",
            "clash": "kolliderte med noe annet", "other": "annet",
        },
        "note_kinds": {
            "positive": "Positivt notat", "general": "Notat", "concern": "Bekymring",
            "safety": "Sikkerhetsnotat",
        },
    },
}  # fmt: skip

# Margins and padding in px (1/96 inch; Qt scales them to the PDF's resolution and ignores
# pt there); font sizes in pt.
CSS = """
body { color: #1f2328; }
h1 { font-size: 22pt; font-weight: bold; margin-bottom: 2px; }
h2 { font-size: 15pt; font-weight: bold; margin-top: 22px; margin-bottom: 8px; }
h3 { font-size: 12.5pt; font-weight: bold; margin-top: 20px; margin-bottom: 4px;
     color: #0b4f71; }
h4 { font-size: 10.5pt; font-weight: bold; margin-top: 8px; margin-bottom: 2px; }
p { margin-top: 0px; margin-bottom: 7px; }
table { margin-bottom: 6px; }
td { padding-top: 2px; padding-bottom: 2px; padding-right: 14px; }
.who { font-size: 12pt; margin-bottom: 14px; }
.intro { background-color: #eef4f8; }
.box { padding: 12px; }
.label { color: #4a4f55; }
.meta { color: #4a4f55; font-size: 9pt; margin-bottom: 1px; }
.entry { margin-left: 14px; margin-bottom: 10px; }
.line { margin-left: 14px; margin-bottom: 3px; }
"""


def journal_document(data: JournalData) -> Document:
    """The journal ready to print or to save as a PDF (plain Python: made on the worker)."""
    t = TEXTS[data.language]
    return Document(
        journal_html(data),
        title=f"{t['title']} – {display_name(data.profile)}",
        css=CSS,
        who=f"{display_name(data.profile)} · {data.profile.prison_number}",
        page_words=t["page"],
    )


def write_journal_pdf(data: JournalData, path: Path) -> None:
    """Write the journal as an A4 PDF at ``path`` (replaced if it exists)."""
    from officer_desk.reports import pdf  # Qt only now, not when the command line starts

    pdf.write_document(journal_document(data), path)


def display_name(profile: JournalProfile) -> str:
    return identity.shown_name(profile.full_name, profile.preferred_name)


# --- the document ---------------------------------------------------------------------------


def journal_html(data: JournalData) -> str:
    """The journal as the simple HTML that QTextDocument understands."""
    t = TEXTS[data.language]
    parts = [
        f"<h1>{escape(t['title'])}</h1>",
        f"<p class='who'><b>{escape(data.profile.full_name)}</b> · "
        f"{escape(data.profile.prison_number)} · "
        f"{escape(t['made_on'].format(date=_date(t, data.made_on)))}</p>",
        _intro(t, data),
        f"<h2>{escape(t['about'])}</h2>",
        _profile(t, data.profile),
        f"<h2>{escape(t['history'])}</h2>",
    ]
    if not data.months:
        parts.append(f"<p>{escape(t['nothing'])}</p>")
    parts += [_month(t, month) for month in data.months]
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def _intro(t: dict[str, Any], data: JournalData) -> str:
    # The intro texts are ours (they may hold <b>); everything from the records is escaped.
    paragraphs = [f"<p>{text}</p>" for text in t["intro"]]
    if data.months:
        first, last = data.months[0], data.months[-1]
        counts = {
            kind: _plural(t["count"][kind], data.counts.get(kind, 0))
            for kind in ("meal", "activity", "conversation", "note")
        }
        covers = t["covers"].format(
            first=_month_name(t, first),
            last=_month_name(t, last),
            meals=counts["meal"],
            activities=counts["activity"],
            conversations=counts["conversation"],
            notes=counts["note"],
        )
        paragraphs.append(f"<p>{escape(covers)}</p>")
    body = "".join(paragraphs)
    return (
        "<table class='intro' width='100%' cellspacing='0'>"
        f"<tr><td class='box'>{body}</td></tr></table>"
    )


def _profile(t: dict[str, Any], profile: JournalProfile) -> str:
    place = ", ".join(part for part in (profile.facility, profile.unit) if part)
    values: list[tuple[str, str]] = [
        ("full_name", profile.full_name),
        ("preferred_name", profile.preferred_name),
        ("prison_number", profile.prison_number),
        ("date_of_birth", _date(t, profile.date_of_birth)),
        ("languages", ", ".join(profile.languages)),
        ("place", place),
        ("cell", profile.cell),
        ("arrival_date", _date(t, profile.arrival_date)),
        ("expected_release_date", _date(t, profile.expected_release_date)),
        ("diet", profile.diet),
        ("allergies", profile.allergies),
        ("contact_officers", ", ".join(profile.contact_officers)),
    ]
    rows = []
    for key, value in values:
        if key == "preferred_name" and not value:
            continue  # only worth a line when the person goes by another name
        shown = escape(value) if value else f"<i>{escape(t['not_recorded'])}</i>"
        rows.append(f"<tr><td class='label'>{escape(t['fields'][key])}</td><td>{shown}</td></tr>")
    return "<table class='profile' cellspacing='0'>" + "".join(rows) + "</table>"


def _month(t: dict[str, Any], month: JournalMonth) -> str:
    parts = [f"<h3>{escape(_month_name(t, month, heading=True))}</h3>"]
    if month.meals is not None:
        parts.append(f"<h4>{escape(t['meals'])}</h4>")
        parts.append(f"<p class='line'>{escape(_meals_line(t, month.meals))}</p>")
    if month.activities:
        parts.append(f"<h4>{escape(t['activities'])}</h4>")
        parts += [f"<p class='line'>{line}</p>" for line in _activity_lines(t, month.activities)]
    if month.written:
        parts.append(f"<h4>{escape(t['written'])}</h4>")
        parts += [_written(t, entry) for entry in month.written]
    return "\n".join(parts)


def _meals_line(t: dict[str, Any], meals: MealMonth) -> str:
    parts = []
    for outcome, label in t["meal_outcomes"].items():
        count = meals.outcomes.get(outcome, 0)
        if not count:
            continue
        part = f"{label} {count}"
        if outcome == "declined" and meals.declined_because:
            reasons = sorted(meals.declined_because.items(), key=lambda r: (-r[1], r[0]))
            part += (
                " ("
                + ", ".join(
                    f"{t['decline_reasons'].get(reason, reason)} {n}" for reason, n in reasons
                )
                + ")"
            )
        parts.append(part)
    return t["meals_line"].format(total=meals.total, parts=", ".join(parts))


def _activity_lines(t: dict[str, Any], groups: tuple[ActivityGroup, ...]) -> list[str]:
    """One line per kind of activity: "School: took part 17 times (in all 80 hours) on 1, 2
    and 5; was ill once on 16" (escaped HTML)."""
    by_category: dict[str, list[ActivityGroup]] = {}
    for group in groups:
        by_category.setdefault(group.category, []).append(group)
    lines = []
    for category, outcomes in by_category.items():
        parts = []
        for group in outcomes:
            # Time spent says something only for what the person took part in.
            hours = ""
            if group.outcome == "attended" and group.minutes:
                hours = t["hours"].format(hours=_duration(t, group.minutes))
            parts.append(
                t["activity_part"].format(
                    outcome=t["activity_outcomes"].get(group.outcome, group.outcome),
                    times=_plural(t["times"], len(group.days)),
                    hours=hours,
                    days=_join(t, [str(day) for day in group.days]),
                )
            )
        name = t["categories"].get(category, category)
        lines.append(f"<b>{escape(name)}:</b> {escape('; '.join(parts))}")
    return lines


def _written(t: dict[str, Any], entry: WrittenEntry) -> str:
    lines = entry.text.splitlines()
    if entry.kind == "conversation":
        what = t["conversation"].format(minutes=entry.minutes)
        mood = _mood(entry.outcome)
        lines = [
            *([t["topics"].format(topics=entry.what)] if entry.what else []),
            *([t["mood"].format(n=mood)] if mood else []),
            *lines,
        ]
    elif entry.kind == "note":
        what = t["note_kinds"].get(entry.what, entry.what)
    elif entry.kind == "meal":
        meal = t["meal_names"].get(entry.what, entry.what)
        what = f"{meal.capitalize()} – {t['meal_outcomes'].get(entry.outcome, entry.outcome)}"
    else:
        category = t["categories"].get(entry.what, entry.what)
        what = f"{category} – {t['activity_outcomes'].get(entry.outcome, entry.outcome)}"
    meta = [f"<b>{escape(what)}</b>", escape(_when(t, entry.at))]
    if entry.author:
        meta.append(escape(t["by"].format(name=entry.author)))
    if entry.amended:
        meta.append(escape(t["amended"]))
    text = "<br>".join(escape(line) for line in lines)
    return f"<div class='entry'><p class='meta'>{' · '.join(meta)}</p><p>{text}</p></div>"


# --- words for numbers and dates -------------------------------------------------------------


def _mood(outcome: str) -> int | None:
    """The number in a conversation's "mood N" (None when it is not there)."""
    number = outcome.removeprefix("mood ").strip()
    return int(number) if number.isdigit() else None


def _plural(forms: tuple[str, str], n: int) -> str:
    return forms[0].format(n=n) if n == 1 else forms[1].format(n=n)


def _join(t: dict[str, Any], items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t["and"] + items[-1]


def _duration(t: dict[str, Any], minutes: int) -> str:
    if minutes < 120:
        return t["duration"][0].format(n=minutes)
    return t["duration"][1].format(n=round(minutes / 60))


def _month_name(t: dict[str, Any], month: JournalMonth, *, heading: bool = False) -> str:
    # Norwegian writes month names in lower case, except at the start of a heading.
    name = t["months"][month.month - 1]
    if heading:
        name = name[0].upper() + name[1:]
    return f"{name} {month.year}"


def _date(t: dict[str, Any], day: date | None) -> str:
    if day is None:
        return ""
    return t["date"].format(day=day.day, month=t["months"][day.month - 1], year=day.year)


def _when(t: dict[str, Any], at: datetime) -> str:
    return f"{_date(t, at.date())}, {at:%H:%M}"
