"""The person's journal: who may make it, that it is audited, and what it holds and leaves out."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from officer_desk.app import conversations, journal, logbook, notes, people
from officer_desk.app.logbook import ActivityEntry, MealEntry
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import ActivityCategory, ActivityOutcome, DeclineReason, MealOutcome
from officer_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from officer_desk.store import queries
from officer_desk.store.database import Store
from officer_desk.store.tables import AuditEntry, Inmate, Officer

OPEN_NOTE = "Snakket om planene for skoleplass etter løslatelsen."
AMENDED_NOTE = "Good talk about the gym rota."
SENSITIVE_NOTE = "Qwertzland tip from another inmate"
MEAL_REMARK = "Spiste sammen med resten av avdelingen."
ACTIVITY_REMARK = "Helped fix the lathe."
TALK = "Vil søke om plass på videregående etter løslatelsen."


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


@pytest.fixture
def person(store: Store, caseload: list[str], kari: Actor) -> str:
    """Øystein Ås, with a little of everything written by Kari."""
    person = caseload[0]
    day = date(2026, 3, 2)
    logbook.log_meal(
        store, kari, day=day, meal="lunch", entries=[MealEntry(person, note=MEAL_REMARK)]
    )
    logbook.log_meal(
        store,
        kari,
        day=day,
        meal="dinner",
        entries=[MealEntry(person, MealOutcome.DECLINED, DeclineReason.NOT_HUNGRY)],
    )
    for started, outcome, remark in (
        (datetime(2026, 3, 3, 8, 30, tzinfo=UTC), ActivityOutcome.ATTENDED, ACTIVITY_REMARK),
        (datetime(2026, 3, 4, 8, 30, tzinfo=UTC), ActivityOutcome.SICK, ""),
    ):
        entry = ActivityEntry(ActivityCategory.WORK, started, 240, outcome, remark)
        logbook.log_activity(store, kari, inmate_ids=[person], activity=entry)
    talk = conversations.ConversationEntry(
        person, datetime(2026, 3, 5, 14, tzinfo=UTC), 25, 4, ["skole", "bolig"], TALK
    )
    conversations.log_conversation(store, kari, talk)
    notes.add_note(store, kari, inmate_id=person, kind="general", text=OPEN_NOTE)
    change = notes.add_note(store, kari, inmate_id=person, kind="positive", text="Good talk.")
    notes.amend_note(store, kari, note_id=change.ids[0], text=AMENDED_NOTE)
    notes.add_note(
        store, kari, inmate_id=person, kind="safety", text=SENSITIVE_NOTE, sensitive=True
    )
    return person


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())  # words come back separated by tabs and line breaks


def audit(store: Store, action: str) -> list[AuditEntry]:
    with store.reading() as session:
        return list(
            session.exec(
                select(AuditEntry).where(AuditEntry.action == action).order_by(col(AuditEntry.seq))
            ).all()
        )


def test_the_pdf_holds_the_persons_records_but_no_sensitive_note(
    store: Store, person: str, kari: Actor, tmp_path: Path, qapp: object
) -> None:
    from officer_desk.reports.journal import write_journal_pdf

    data = journal.journal_for_person(store, kari, person)
    target = tmp_path / "journal.pdf"
    write_journal_pdf(data, target)

    text = pdf_text(target)
    assert "Your journal" in text and "Øystein Ås" in text and "H-1001" in text
    for words in (OPEN_NOTE, AMENDED_NOTE, MEAL_REMARK, ACTIVITY_REMARK, TALK):
        assert words in text
    assert "Conversation with an officer (25 min)" in text and "Topics: skole, bolig." in text
    assert "Your mood as the officer noted it: 4 of 5" in text
    assert "Qwertzland" not in text
    assert "Notes marked sensitive are left out" in text
    assert "written by Kari Nordmann" in text
    assert "2 meals logged: ate 1, declined 1 (not hungry 1)" in text
    assert "Page 1 of" in text
    assert not list(tmp_path.glob(".*writing")), "no half-written file is left behind"


def test_norwegian_journal(
    store: Store, person: str, kari: Actor, tmp_path: Path, qapp: object
) -> None:
    from officer_desk.reports.journal import write_journal_pdf

    data = journal.journal_for_person(store, kari, person, language="nb")
    write_journal_pdf(data, tmp_path / "journal.pdf")
    text = pdf_text(tmp_path / "journal.pdf")
    for heading in ("Journalen din", "Om deg", "Måned for måned", "Mars 2026", "Side 1 av"):
        assert heading in text
    assert "Notater som er merket som sensitive, er holdt utenfor" in text
    assert "Arbeid: deltok én gang (til sammen 4 timer) den 3; var syk én gang den 4" in text
    assert "skrevet av Kari Nordmann" in text and "Qwertzland" not in text
    assert "Samtale med en betjent (25 min)" in text and "Tema: skole, bolig." in text


def test_the_data_leaves_out_sensitive_notes_and_resolves_authors(
    store: Store, person: str, kari: Actor
) -> None:
    data = journal.journal_for_person(store, kari, person, today=date(2026, 3, 10))
    written = [entry for month in data.months for entry in month.written]
    texts = [entry.text for entry in written]
    assert OPEN_NOTE in texts and AMENDED_NOTE in texts
    assert not any("Qwertzland" in text for text in texts)
    assert {entry.author for entry in written} == {"Kari Nordmann"}
    assert [entry.amended for entry in written if entry.text == AMENDED_NOTE] == [True]
    assert data.profile.contact_officers == ("Kari Nordmann",)
    assert data.profile.facility == "Halden fengsel" and data.profile.unit == "Enhet C"
    assert data.counts == {"meal": 2, "activity": 2, "conversation": 1, "note": 2}
    [talk] = [entry for entry in written if entry.kind == "conversation"]
    assert (talk.what, talk.outcome, talk.minutes, talk.text) == (
        "skole, bolig",
        "mood 4",
        25,
        TALK,
    )


def test_the_export_is_audited_without_the_persons_name(
    store: Store, person: str, kari: Actor
) -> None:
    journal.journal_for_person(store, kari, person)
    [entry] = audit(store, "export")
    assert entry.entity == "inmate" and entry.entity_id == person
    assert entry.actor_name == "Kari Nordmann"
    assert entry.detail == "journal PDF for the person (sensitive notes left out)"


def test_an_officer_outside_the_persons_caseload_is_refused_and_that_is_audited(
    store: Store, person: str, admin: Actor
) -> None:
    ola = people.add_officer(store, admin, username="ola", display_name="Ola Bø", role="officer")
    with pytest.raises(PermissionDenied, match="your own caseload"):
        journal.journal_for_person(store, Actor(ola.id, ola.display_name), person)
    [denied] = audit(store, "denied")
    assert denied.entity_id == person and denied.actor_name == "Ola Bø"
    assert audit(store, "export") == []


def test_supervisor_and_facility_it_may_make_it_but_an_admin_account_may_not(
    store: Store, person: str, admin: Actor
) -> None:
    sup = people.add_officer(
        store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )
    it = people.add_officer(store, admin, username="it", display_name="Åse IT", role="admin")
    assert journal.journal_for_person(store, Actor(sup.id, sup.display_name), person).months
    assert journal.journal_for_person(store, Actor.system("facility IT"), person).months
    with pytest.raises(PermissionDenied):
        journal.journal_for_person(store, Actor(it.id, it.display_name, role="admin"), person)
    assert [e.actor_name for e in audit(store, "export")] == ["Sigrid Ås", "facility IT"]


def test_unknown_language_and_unknown_person_are_refused_plainly(
    store: Store, person: str, kari: Actor
) -> None:
    with pytest.raises(ValidationError, match=r"English \(en\) or Norwegian \(nb\)"):
        journal.journal_for_person(store, kari, person, language="de")
    with pytest.raises(NotFound):
        journal.journal_for_person(store, kari, "no-such-person")


def item(kind: str, at: datetime, what: str, outcome: str, text: str = "") -> queries.TimelineItem:
    return queries.TimelineItem(kind, f"{kind}-{at.isoformat()}", at, what, outcome, text, "o1")


def test_months_count_meals_group_activities_and_list_written_words() -> None:
    march = datetime(2026, 3, 2, 12, tzinfo=UTC)
    items = [
        item("meal", march, "lunch", "ate"),
        item("meal", march.replace(day=3), "lunch", "declined", "asleep"),
        item("meal", march.replace(day=4), "lunch", "declined", "Would not say why."),
        item("meal", march.replace(month=2), "dinner", "partial"),
        item("activity", march.replace(day=5, hour=9), "school", "attended"),
        item("activity", march.replace(day=6, hour=9), "school", "attended"),
        item("activity", march.replace(day=7, hour=9), "school", "refused"),
    ]
    months = journal.group_by_month(items, {"o1": "Kari"})
    assert [(m.year, m.month) for m in months] == [(2026, 2), (2026, 3)]
    meals = months[1].meals
    assert meals is not None
    assert meals.outcomes == {"ate": 1, "declined": 2} and meals.declined_because == {"asleep": 1}
    assert [(g.outcome, g.days) for g in months[1].activities] == [
        ("attended", (5, 6)),
        ("refused", (7,)),
    ]
    assert [w.text for w in months[1].written] == ["Would not say why."]


def test_every_fixed_text_is_in_the_catalogue_for_every_code() -> None:
    """One English table of catalogue keys; the words come from the .ts (no nb dictionary)."""
    from officer_desk.domain import enums
    from officer_desk.reports.journal import TEXTS, _texts

    english, norwegian = _texts("en"), _texts("nb")
    assert english.keys() == norwegian.keys() == TEXTS.keys()
    assert (english["title"], norwegian["title"]) == ("Your journal", "Journalen din")
    assert norwegian["meal_names"]["evening"] == "kveldsmat"
    vocabularies = {
        "meal_names": enums.Meal,
        "meal_outcomes": enums.MealOutcome,
        "decline_reasons": enums.DeclineReason,
        "categories": enums.ActivityCategory,
        "activity_outcomes": enums.ActivityOutcome,
        "note_kinds": enums.NoteKind,
    }
    for key, enum in vocabularies.items():
        values = {member.value for member in enum}
        assert set(english[key]) == values == set(norwegian[key]), key
    assert english["fields"].keys() == norwegian["fields"].keys()


@pytest.mark.slow
def test_five_years_of_history_stay_a_readable_length(
    store: Store, tmp_path: Path, qapp: object
) -> None:
    from pypdf import PdfReader

    from officer_desk.demo.generator import seed_demo
    from officer_desk.reports.journal import write_journal_pdf

    seed_demo(store, inmates=1, years=5, seed=3)
    with store.reading() as session:
        [person] = session.exec(select(Inmate.id)).all()
    data = journal.journal_for_person(store, Actor.system(), person)
    write_journal_pdf(data, tmp_path / "journal.pdf")
    pages = len(PdfReader(tmp_path / "journal.pdf").pages)
    assert data.counts["meal"] > 1000
    # About half a page a month; what must never happen is a page per day or per meal.
    assert pages <= len(data.months) + 3, f"{pages} pages for {len(data.months)} months"


@pytest.mark.slow
def test_writing_the_pdf_needs_no_display_and_the_import_needs_no_qt(tmp_path: Path) -> None:
    """The admin command line: no QApplication, no display, Qt loaded only to write."""
    import os
    import subprocess
    import sys

    code = f"""
import sys
from datetime import date
from pathlib import Path
from officer_desk.app.journal import JournalData, JournalProfile
from officer_desk.reports.journal import write_journal_pdf
assert not [m for m in sys.modules if m.startswith("PySide6")], "Qt loaded on import"
profile = JournalProfile("Per Ærø", "", "H-1", None, (), "", None, None, "", "", "", "", ())
data = JournalData(profile, (), date(2026, 1, 2), "nb")
write_journal_pdf(data, Path({str(tmp_path)!r}) / "j.pdf")
"""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert "Det er ikke skrevet noe om deg ennå." in pdf_text(tmp_path / "j.pdf")
