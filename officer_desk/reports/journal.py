"""The journal a person receives when they ask to read their records, as an A4 PDF.

Made from :class:`officer_desk.app.journal.JournalData` (which already leaves sensitive notes
out).  Written for the person, not for staff: plain words, their own language (Norwegian
bokmål or English), a short explanation first of what is in it, what is left out and how to ask
about it.  The headings and fixed texts are keys of the translation catalogue (:data:`TEXTS`),
rendered in the person's language (``reports.words``).

Building the HTML needs only QtCore (the catalogue, ``reports.words``); QtGui is imported only
when the PDF is written.
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
from officer_desk.domain.wording import phrase, topic
from officer_desk.reports import words
from officer_desk.reports.document import Document
from officer_desk.reports.words import Words, words_for

C = "journal report"  # the catalogue context of this report's words
# The fixed texts as keys of the translation catalogue, rendered in the reader's language
# (``_texts``); the Norwegian is in resources/i18n like every other text.
TEXTS: dict[str, Any] = {
    "title": phrase(C, "Your journal"),
    "made_on": phrase(C, "Made on {date}"),
    "intro": [
        phrase(
            C,
            "This is a copy of what the staff on your unit have written down about "
            "you in Officer Desk, the contact officers' system: your details, your "
            "meals, your activities and the notes officers have written.",
        ),
        phrase(
            C,
            "Meals are counted for each month, so the journal does not get too "
            "long. Activities are grouped for each month, with the dates they "
            "happened.",
        ),
        phrase(
            C,
            "<b>Some notes are not included.</b> Notes marked sensitive are left "
            "out, for example when sharing them could put someone's safety at risk. "
            "You have the right to ask about them: ask your contact officer or the "
            "prison's management. You can also ask for that decision to be looked "
            "at again.",
        ),
        phrase(
            C,
            "If something here is wrong or missing, tell your contact officer. You "
            "can ask for it to be corrected.",
        ),
    ],
    "covers": phrase(
        C,
        "This journal covers {first} to {last}: {meals}, {activities}, "
        "{conversations} and {notes}.",
    ),
    "conversation": phrase(C, "Conversation with an officer ({minutes} min)"),
    "topics": phrase(C, "Topics: {topics}."),
    "mood": phrase(
        C, "Your mood as the officer noted it: {n} of 5 (1 is very low, 5 is very good)."
    ),
    "nothing": phrase(C, "Nothing has been written down about you yet."),
    "about": phrase(C, "About you"),
    "fields": {
        "full_name": phrase(C, "Name"),
        "preferred_name": phrase(C, "Called"),
        "prison_number": phrase(C, "Prison number"),
        "date_of_birth": phrase(C, "Date of birth"),
        "languages": phrase(C, "Languages"),
        "place": phrase(C, "Prison and unit"),
        "cell": phrase(C, "Cell"),
        "arrival_date": phrase(C, "Arrived"),
        "expected_release_date": phrase(C, "Expected release"),
        "diet": phrase(C, "Diet"),
        "allergies": phrase(C, "Allergies"),
        "contact_officers": phrase(C, "Contact officer"),
    },
    "not_recorded": phrase(C, "not recorded"),
    "history": phrase(C, "Month by month"),
    "meals": phrase(C, "Meals"),
    "activities": phrase(C, "Activities"),
    "written": phrase(C, "Written down"),
    "meals_line": phrase(C, "{total} meals logged: {parts}."),
    "activity_part": phrase(C, "{outcome} {times}{hours} on {days}"),
    "times": (
        phrase(C, "once"),
        phrase(C, "{n} times"),
    ),
    "hours": phrase(C, " (in all {hours})"),
    "duration": (
        phrase(C, "{n} minutes"),
        phrase(C, "{n} hours"),
    ),
    "by": phrase(C, "written by {name}"),
    "amended": phrase(C, "changed later"),
    "page": phrase(C, "Page {page} of {pages}"),
    "count": {
        "meal": (
            phrase(C, "1 meal"),
            phrase(C, "{n} meals"),
        ),
        "activity": (
            phrase(C, "1 activity"),
            phrase(C, "{n} activities"),
        ),
        "conversation": (
            phrase(C, "1 conversation"),
            phrase(C, "{n} conversations"),
        ),
        "note": (
            phrase(C, "1 written note"),
            phrase(C, "{n} written notes"),
        ),
    },
    "months": words.MONTHS,  # the person reads dates written out in full
    "date": words.LONG_DATE,
    "and": phrase(C, " and "),
    "meal_names": {
        "breakfast": phrase(C, "breakfast"),
        "lunch": phrase(C, "lunch"),
        "dinner": phrase(C, "dinner"),
        "evening": phrase(C, "evening meal"),
    },
    "meal_outcomes": {
        "ate": phrase(C, "ate"),
        "partial": phrase(C, "ate some"),
        "declined": phrase(C, "declined"),
        "away": phrase(C, "away"),
    },
    "decline_reasons": {
        "not_hungry": phrase(C, "not hungry"),
        "religious_or_diet": phrase(C, "religion or diet"),
        "medical": phrase(C, "medical reasons"),
        "asleep": phrase(C, "asleep"),
        "protest": phrase(C, "in protest"),
        "other": phrase(C, "another reason"),
    },
    "categories": {
        "work": phrase(C, "Work"),
        "school": phrase(C, "School"),
        "gym": phrase(C, "Gym"),
        "recreation": phrase(C, "Free time"),
        "cooking": phrase(C, "Cooking"),
        "visit": phrase(C, "Visit"),
        "phone_call": phrase(C, "Phone call"),
        "religious_service": phrase(C, "Religious service"),
        "health": phrase(C, "Health appointment"),
        "programme": phrase(C, "Programme"),
    },
    "activity_outcomes": {
        "attended": phrase(C, "took part"),
        "refused": phrase(C, "said no"),
        "sick": phrase(C, "was ill"),
        "not_required": phrase(C, "was not needed"),
        "cancelled": phrase(C, "was cancelled"),
        "clash": phrase(C, "clashed with something else"),
        "other": phrase(C, "other"),
    },
    "note_kinds": {
        "positive": phrase(C, "Positive note"),
        "general": phrase(C, "Note"),
        "concern": phrase(C, "Concern"),
        "safety": phrase(C, "Safety note"),
    },
}

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
    t = _texts(data.language)
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
    t = _texts(data.language)
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
    words = words_for(data.language)
    parts += [_month(t, words, month) for month in data.months]
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


def _month(t: dict[str, Any], words: Words, month: JournalMonth) -> str:
    parts = [f"<h3>{escape(_month_name(t, month, heading=True))}</h3>"]
    if month.meals is not None:
        parts.append(f"<h4>{escape(t['meals'])}</h4>")
        parts.append(f"<p class='line'>{escape(_meals_line(t, month.meals))}</p>")
    if month.activities:
        parts.append(f"<h4>{escape(t['activities'])}</h4>")
        parts += [f"<p class='line'>{line}</p>" for line in _activity_lines(t, month.activities)]
    if month.written:
        parts.append(f"<h4>{escape(t['written'])}</h4>")
        parts += [_written(t, words, entry) for entry in month.written]
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


def _written(t: dict[str, Any], words: Words, entry: WrittenEntry) -> str:
    lines = entry.text.splitlines()
    if entry.kind == "conversation":
        what = t["conversation"].format(minutes=entry.minutes)
        mood = _mood(entry.outcome)
        lines = [
            *([t["topics"].format(topics=_topics(words, entry.what))] if entry.what else []),
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


def _topics(words: Words, joined: str) -> str:
    """A conversation's topics: the common ones in the reader's language, typed ones as typed."""
    return words.join([topic(t) for t in joined.split(", ")])


def _texts(language: str) -> dict[str, Any]:
    rendered: dict[str, Any] = words_for(language).tree(TEXTS)
    return rendered


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
