"""The structured shift handover: drafting from a known shift, editing, read-back, signing,
and the bad input each step refuses."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from officer_desk.app import handover, logbook, notes, people
from officer_desk.app.conversations import ConversationEntry, log_conversation
from officer_desk.app.handover import ActionInput
from officer_desk.app.logbook import ActivityEntry, MealEntry
from officer_desk.app.writes import Actor
from officer_desk.domain import wording
from officer_desk.domain.enums import ActivityCategory, ActivityOutcome, DeclineReason, MealOutcome
from officer_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from officer_desk.store import handover as reads
from officer_desk.store.database import Store
from officer_desk.store.tables import Officer


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


@pytest.fixture
def ola(unit_store: Store, admin: Actor) -> Actor:
    o = people.add_officer(unit_store, admin, username="ola", display_name="Ola Bø", role="officer")
    return Actor(o.id, o.display_name)


@pytest.fixture
def sup(unit_store: Store, admin: Actor) -> Actor:
    o = people.add_officer(
        unit_store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )
    return Actor(o.id, o.display_name, role="supervisor")


def shift() -> tuple[datetime, datetime]:
    now = datetime.now().astimezone()
    return now - timedelta(hours=20), now + timedelta(minutes=5)


def meals_in(start: datetime, end: datetime) -> list[tuple[date, str]]:
    """(day, meal) pairs served inside the window and already past, oldest first."""
    now = datetime.now().astimezone()
    found = []
    for back in (2, 1, 0):
        day = (now - timedelta(days=back)).date()
        for meal, at in reads.MEAL_TIMES.items():
            served = datetime.combine(day, at).astimezone()
            if start <= served < min(end, now):
                found.append((day, meal))
    return found


@pytest.fixture
def known_shift(unit_store: Store, kari: Actor, caseload: list[str]) -> dict[str, str]:
    """Person A: two meals (one eaten together, one declined in protest), an activity, a
    low-mood conversation, a concern note and a sensitive note.  Person B: three declined
    meals two days ago (a refusal streak, outside the shift).  Person C: nothing."""
    a, b, c = caseload[:3]
    start, end = shift()
    (day1, meal1), (day2, meal2) = meals_in(start, end)[-2:]
    logbook.log_meal(
        unit_store, kari, day=day1, meal=meal1, entries=[MealEntry(a, ate_together=True)]
    )
    logbook.log_meal(
        unit_store,
        kari,
        day=day2,
        meal=meal2,
        entries=[MealEntry(a, outcome="declined", decline_reason="protest")],
    )
    old = date.today() - timedelta(days=3)
    for meal in ("lunch", "dinner", "evening"):
        logbook.log_meal(
            unit_store,
            kari,
            day=old,
            meal=meal,
            entries=[MealEntry(b, outcome="declined", decline_reason="not_hungry")],
        )
    now = datetime.now().astimezone()
    logbook.log_activity(
        unit_store,
        kari,
        inmate_ids=[a],
        activity=ActivityEntry("gym", now - timedelta(hours=1), 60, outcome="refused"),
    )
    log_conversation(
        unit_store,
        kari,
        ConversationEntry(a, now - timedelta(hours=2), 20, 2, topics=["family"]),
    )
    notes.add_note(unit_store, kari, inmate_id=a, kind="concern", text="Worried about his sister")
    notes.add_note(
        unit_store, kari, inmate_id=a, kind="general", text="SECRET medical detail", sensitive=True
    )
    return {"a": a, "b": b, "c": c}


def start(store: Store, actor: Actor, incoming: Actor | None = None) -> str:
    begin, end = shift()
    return handover.start_handover(
        store, actor, begin, end, incoming_id=incoming.officer_id if incoming else None
    ).handover_id


def view(store: Store, handover_id: str) -> reads.HandoverView:
    with store.raw() as conn:
        result = reads.handover_view(conn, handover_id)
    assert result is not None
    return result


def entry_of(v: reads.HandoverView, inmate_id: str) -> reads.EntryView:
    return next(e for e in v.entries if e.inmate_id == inmate_id)


def read_in(language: str, stored: str) -> str:
    """A stored draft as a reader in ``language`` reads it (the catalogue, as a report does)."""
    from officer_desk.reports.words import words_for

    return words_for(language).lines(stored)


def english(stored: str) -> str:
    return read_in("en", stored)


def test_the_draft_summarises_a_known_shift_per_person(
    qapp: object, unit_store: Store, kari: Actor, known_shift: dict[str, str], caseload: list[str]
) -> None:
    hid = start(unit_store, kari)
    v = view(unit_store, hid)
    assert v.status == "draft" and v.outgoing == "Kari Nordmann"
    assert {e.inmate_id for e in v.entries} == set(caseload)  # the whole caseload, six
    a = entry_of(v, known_shift["a"])
    lines = english(a.draft).splitlines()
    assert lines[0].startswith("Meals: ") and "(together)" in lines[0]
    assert "declined (protest)" in lines[0]
    assert "Activities: gym and sport refused." in lines
    assert "1 conversation (mood 2 of 5; family)." in lines
    assert "Concern note: “Worried about his sister”" in lines
    assert "1 sensitive note: read it on the person's page." in lines
    assert "SECRET" not in a.draft  # sensitive text never reaches a handover
    assert a.status == "concern" and a.text == a.draft
    b = entry_of(v, known_shift["b"])
    assert (
        english(b.draft).splitlines()[0] == "Nothing logged this shift."
    )  # the old meals are outside
    assert "Refusal streak: 3 meals declined in a row." in english(b.draft)
    assert b.status == "concern"
    c = entry_of(v, known_shift["c"])
    assert english(c.draft) == "Nothing logged this shift.\nNo one-to-one conversation yet."
    assert c.status == "settled"
    assert v.entries[0].status == "concern"  # concerns first


def test_a_supervisor_drafts_for_the_whole_unit_and_drafts_can_be_norwegian(
    qapp: object, unit_store: Store, sup: Actor, caseload: list[str], admin: Actor
) -> None:
    extra = people.add_inmates(
        unit_store,
        admin,
        [people.InmateDetails(prison_number="H-2000", full_name="Nils Nyman")],
        today=date.today(),
    ).ids[0]
    begin, end = shift()
    hid = handover.start_handover(unit_store, sup, begin, end).handover_id
    v = view(unit_store, hid)
    assert {e.inmate_id for e in v.entries} == {*caseload, extra}  # unassigned too
    assert read_in("nb", entry_of(v, extra).draft).startswith("Ingenting loggført denne vakten.")


def test_edit_act_and_hand_over_then_acknowledge_read_back_and_sign(
    unit_store: Store, kari: Actor, ola: Actor, sup: Actor, known_shift: dict[str, str]
) -> None:
    hid = start(unit_store, kari, incoming=ola)
    v = view(unit_store, hid)
    a = entry_of(v, known_shift["a"])
    handover.edit_entry(unit_store, kari, a.id, text="Upset after the call home.", status="watch")
    due = v.shift_end + timedelta(hours=2)
    handover.add_action(
        unit_store,
        kari,
        hid,
        ActionInput("Check in before lunch", ola.officer_id, due, a.inmate_id),
    )
    handover.add_contingency(
        unit_store, kari, hid, "He refuses dinner", "Call the nurse", a.inmate_id
    )
    handover.add_unit_item(unit_store, kari, hid, "count", "42 at 21:00, all present")
    handover.hand_over(unit_store, kari, hid)
    v = view(unit_store, hid)
    a = entry_of(v, known_shift["a"])
    assert v.status == "handed_over" and a.text == "Upset after the call home."
    assert a.status == "watch" and english(a.draft).startswith("Meals:")  # the draft is kept
    assert [x.owner for x in v.actions] == ["Ola Bø"] and v.actions[0].due_at == due
    assert v.contingencies[0].condition == "He refuses dinner"
    assert v.unit_items[0].kind == "count"
    with unit_store.raw() as conn:
        assert [h.id for h in reads.waiting_for(conn, ola.officer_id)] == [hid]
        assert [h.id for h in reads.waiting_for(conn, sup.officer_id)] == [hid]
        assert reads.waiting_for(conn, kari.officer_id) == []

    # read-back: Ola asks, Kari answers, Ola acknowledges
    handover.ask_question(unit_store, ola, a.id, "Did he eat anything at all?")
    with pytest.raises(ValidationError, match="no answer yet"):
        handover.acknowledge(unit_store, ola, a.id)
    with pytest.raises(PermissionDenied, match="Only the officer who handed over"):
        handover.answer_question(unit_store, ola, a.id, "yes")
    handover.answer_question(unit_store, kari, a.id, "Some bread at lunch.")
    with pytest.raises(ValidationError, match="already been answered"):
        handover.answer_question(unit_store, kari, a.id, "again")
    with pytest.raises(ValidationError, match="already asked and answered"):
        handover.ask_question(unit_store, ola, a.id, "And later?")
    handover.acknowledge(unit_store, ola, a.id)
    with pytest.raises(ValidationError, match="already acknowledged at"):
        handover.acknowledge(unit_store, ola, a.id)
    with pytest.raises(ValidationError, match="5 of 6 people are not acknowledged yet"):
        handover.sign(unit_store, ola, hid)
    for e in view(unit_store, hid).unacknowledged:
        handover.acknowledge(unit_store, ola, e.id)
    handover.sign(unit_store, ola, hid)
    v = view(unit_store, hid)
    a = entry_of(v, known_shift["a"])
    assert v.status == "signed" and v.signed_by == "Ola Bø" and v.signed_at is not None
    assert a.question == "Did he eat anything at all?" and a.answer == "Some bread at lunch."
    assert a.asked_by == "Ola Bø" and a.answered_by == "Kari Nordmann"
    with unit_store.raw() as conn:
        assert reads.waiting_for(conn, ola.officer_id) == []
    with pytest.raises(ValidationError, match="was signed at"):
        handover.sign(unit_store, ola, hid)
    handover.complete_action(unit_store, ola, v.actions[0].id)
    with pytest.raises(ValidationError, match="already done"):
        handover.complete_action(unit_store, ola, v.actions[0].id)


def test_bad_input_gets_clear_messages_and_writes_nothing(
    unit_store: Store, kari: Actor, ola: Actor, sup: Actor, caseload: list[str]
) -> None:
    begin, end = shift()
    with pytest.raises(ValidationError, match="end after it starts"):
        handover.start_handover(unit_store, kari, end, begin)
    with pytest.raises(ValidationError, match="at most 24 hours"):
        handover.start_handover(unit_store, kari, begin - timedelta(hours=10), end)
    with pytest.raises(ValidationError, match="cannot hand over to yourself"):
        handover.start_handover(unit_store, kari, begin, end, incoming_id=kari.officer_id)
    hid = start(unit_store, kari)
    with pytest.raises(ValidationError, match="already have a handover in draft"):
        start(unit_store, kari)
    with pytest.raises(ValidationError, match="Choose who owns this action"):
        handover.add_action(unit_store, kari, hid, ActionInput("Ring the GP", None))
    with pytest.raises(ValidationError, match="due time is before the shift started"):
        handover.add_action(
            unit_store,
            kari,
            hid,
            ActionInput("Ring the GP", ola.officer_id, begin - timedelta(minutes=1)),
        )
    with pytest.raises(ValidationError, match="The action is required"):
        handover.add_action(unit_store, kari, hid, ActionInput("  ", ola.officer_id))
    with pytest.raises(ValidationError, match="Choose a status"):
        handover.edit_entry(unit_store, kari, view(unit_store, hid).entries[0].id, status="fine")
    with pytest.raises(ValidationError, match="Choose a kind"):
        handover.add_unit_item(unit_store, kari, hid, "weather", "sunny")
    with pytest.raises(ValidationError, match="“then” is required"):
        handover.add_contingency(unit_store, kari, hid, "If he asks", "")
    with pytest.raises(PermissionDenied, match="Only the officer who wrote"):
        handover.add_unit_item(unit_store, ola, hid, "count", "42")
    entry = view(unit_store, hid).entries[0]
    with pytest.raises(ValidationError, match="still a draft"):
        handover.acknowledge(unit_store, ola, entry.id)
    handover.hand_over(unit_store, kari, hid)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        handover.edit_entry(unit_store, kari, entry.id, text="later")
    with pytest.raises(PermissionDenied, match="You wrote this handover"):
        handover.sign(unit_store, kari, hid)
    with pytest.raises(PermissionDenied, match="You wrote this handover"):
        handover.acknowledge(unit_store, kari, entry.id)
    with pytest.raises(ValidationError, match="The question is required"):
        handover.ask_question(unit_store, ola, entry.id, "   ")
    with pytest.raises(ValidationError, match="no question about this person"):
        handover.answer_question(unit_store, kari, entry.id, "nothing")
    with pytest.raises(NotFound):
        handover.acknowledge(unit_store, ola, "no-such-entry")
    handover.ask_question(unit_store, sup, entry.id, "Anything about visits?")
    for e in view(unit_store, hid).entries:
        if e.id != entry.id:
            handover.acknowledge(unit_store, sup, e.id)
    with pytest.raises(ValidationError, match="not acknowledged yet"):
        handover.sign(unit_store, sup, hid)
    v = view(unit_store, hid)
    assert v.status == "handed_over" and v.actions == () and v.unit_items == ()
    assert entry_of(v, entry.inmate_id).text == entry.text  # nothing of the refusals stuck


def test_an_admin_cannot_write_a_handover_and_refusals_are_audited(
    unit_store: Store, admin: Actor, caseload: list[str]
) -> None:
    it = people.add_officer(unit_store, admin, username="it", display_name="IT", role="admin")
    begin, end = shift()
    with pytest.raises(PermissionDenied, match="officer or a supervisor"):
        handover.start_handover(unit_store, Actor(it.id, "IT", role="admin"), begin, end)
    with unit_store.raw() as conn:
        assert conn.execute("SELECT count(*) FROM handover").fetchone()[0] == 0
        denied = conn.execute("SELECT count(*) FROM audit_entry WHERE action = 'denied'")
        assert denied.fetchone()[0] == 1


def test_search_finds_past_handovers_by_text_person_officer_and_dates(
    unit_store: Store, kari: Actor, ola: Actor, caseload: list[str]
) -> None:
    hid = start(unit_store, kari, incoming=ola)
    v = view(unit_store, hid)
    handover.edit_entry(unit_store, kari, v.entries[0].id, text="Asked about 50% leave_day")
    handover.add_unit_item(unit_store, kari, hid, "escorts", "Hospital escort at 09:30")
    unit_id = v.unit_id
    with unit_store.raw() as conn:

        def found(**what: object) -> list[str]:
            return [
                h.id for h in reads.search_handovers(conn, unit_id, reads.HandoverSearch(**what))
            ]  # type: ignore[arg-type]

        assert found() == [hid]
        assert found(text="hospital escort") == [hid]
        assert found(text="50%") == [hid] and found(text="5_%") == []  # wildcards are literal
        assert found(text="Øystein") == [hid]  # a person's name
        assert found(text="nothing like this") == []
        assert found(inmate_id=caseload[0]) == [hid]
        assert found(officer_id=ola.officer_id) == [hid]
        today = date.today()
        assert found(since=today - timedelta(days=1), until=today) == [hid]
        assert found(until=today - timedelta(days=3)) == []
        assert found(open_only=True) == [hid]
        summary = reads.search_handovers(conn, unit_id, reads.HandoverSearch())[0]
    assert summary.people == 6 and summary.unacknowledged == 6 and summary.incoming == "Ola Bø"


def test_every_handover_write_is_audited_and_queued_for_sync(
    unit_store: Store, kari: Actor, ola: Actor, caseload: list[str]
) -> None:
    hid = start(unit_store, kari, incoming=ola)
    handover.add_unit_item(unit_store, kari, hid, "visits", "Two visits at 14:00")
    with unit_store.raw() as conn:
        rows = conn.execute(
            "SELECT entity, op, payload FROM outbox_entry WHERE entity LIKE 'handover%'"
        ).fetchall()
        audited = conn.execute(
            "SELECT count(*) FROM audit_entry WHERE entity LIKE 'handover%'"
        ).fetchone()[0]
    assert [r[0] for r in rows].count("handover_entry") == 6
    assert {"handover", "handover_unit_item"} <= {r[0] for r in rows}
    assert json.loads(rows[0][2])["outgoing_id"] == kari.officer_id
    assert audited == len(rows)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", ["Vaktoverlevering", "Telling", "Bekymring", "Kvittert av Ola Bø", "Oppgaver"]),
        ("en", ["Shift handover", "Count", "Concern", "Acknowledged by Ola Bø", "Actions"]),
    ],
)
def test_a_handover_prints_to_pdf_in_both_languages(
    qapp: object,  # the widgets' QApplication, so UI tests after this one still get one
    unit_store: Store,
    kari: Actor,
    ola: Actor,
    known_shift: dict[str, str],
    tmp_path: Path,
    language: str,
    expected: list[str],
) -> None:
    from pypdf import PdfReader

    from officer_desk.reports.handover import write_handover_pdf

    hid = start(unit_store, kari, incoming=ola)
    handover.add_unit_item(unit_store, kari, hid, "count", "42 present")
    a = entry_of(view(unit_store, hid), known_shift["a"])
    handover.add_action(
        unit_store, kari, hid, ActionInput("Ring the nurse", ola.officer_id, None, a.inmate_id)
    )
    handover.hand_over(unit_store, kari, hid)
    handover.acknowledge(unit_store, ola, a.id)
    target = tmp_path / "handover.pdf"
    pages = write_handover_pdf(view(unit_store, hid), target, language=language)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert pages >= 1
    typed = ["Kari Nordmann", "Øystein Ås", "42 present", "Ring the nurse"]
    for words in [*expected, *typed]:
        assert words in text
    assert "SECRET" not in text
    # the app's one date format ("2. des. 2026 14:05", "2 Dec 2026 14:05"), not dd.mm.yyyy
    assert not re.search(r"\b\d\d\.\d\d\.\d{4}\b", text)
    assert re.search(r"\b\d{1,2}\.? \w{3}\.? \d{4} \d\d:\d\d\b", text), text
    if language == "nb":  # never "If Hvis … then Snakk …": the report's words and the drafts'
        ours = text
        for words in typed:
            ours = ours.replace(words, " ")
        found = set(re.findall(r"[A-Za-z]{3,}", ours.lower()))
        for context in ("handover report", "handover draft", "vocabulary"):
            english_words, norwegian_words = _catalogue_words(context)
            assert found & english_words - norwegian_words == set(), (context, text)


def test_every_kind_of_activity_and_outcome_has_words() -> None:
    """A draft never shows a code ("phone_call") in a sentence."""
    assert set(handover.CATEGORIES) == {c.value for c in ActivityCategory}
    assert {o.value for o in ActivityOutcome} <= set(handover.OUTCOMES)
    assert {o.value for o in MealOutcome} <= set(handover.OUTCOMES)
    assert set(handover.REASONS) == {r.value for r in DeclineReason}


def test_a_norwegian_reader_reads_activities_in_norwegian(qapp: object) -> None:
    at = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    facts = reads.ShiftFacts(
        "p1", "Per", "H-1", activities=(reads.ShiftActivity("recreation", "attended", at),)
    )
    stored = wording.dumps(handover.draft_lines(facts))
    assert read_in("nb", stored).splitlines()[0] == "Aktiviteter: fritid deltok."
    assert english(stored).splitlines()[0] == "Activities: recreation attended."


def _catalogue_words(context: str) -> tuple[set[str], set[str]]:
    """The English words of a context's keys, and the Norwegian words of its translations."""
    import re
    import xml.etree.ElementTree as ET

    ts = ET.parse(Path(__file__).parents[3] / "resources" / "i18n" / "officer_desk_nb.ts")
    english_words: set[str] = set()
    norwegian_words: set[str] = set()
    for ctx in ts.getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            source = re.sub(r"\{\w+\}|%n", " ", message.findtext("source") or "")
            english_words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", source)}
            translation = message.find("translation")
            forms = [translation.text or ""] + [
                f.text or "" for f in translation.iter("numerusform")
            ]
            for text in forms:
                norwegian_words |= {w.lower() for w in re.findall(r"\w{3,}", text)}
    return english_words, norwegian_words


def test_a_draft_written_at_an_english_desk_reads_only_norwegian_at_a_norwegian_one(
    qapp: object,
    unit_store: Store,
    kari: Actor,
    known_shift: dict[str, str],
) -> None:
    """Stored as phrases, not sentences: who reads it decides the language (and the reverse)."""
    from officer_desk.ui import i18n

    i18n.install(language="en")  # the writer's desk
    try:
        hid = start(unit_store, kari)
    finally:
        i18n.install(language="en")
    entries = view(unit_store, hid).entries
    drafts = [e.draft for e in entries]
    assert all(wording.loads(d) is not None for d in drafts)  # phrases, not sentences
    norwegian = "\n".join(read_in("nb", d) for d in drafts)
    assert "Måltider:" in norwegian and "Bekymringsnotat: «Worried about his sister»" in norwegian
    english_words, norwegian_words = _catalogue_words("handover draft")
    typed = {"worried", "about", "his", "sister", "family"}  # what officers wrote stays
    left = set(re.findall(r"[A-Za-z]{3,}", norwegian.lower())) & english_words
    assert left - norwegian_words - typed == set(), norwegian
    # The reverse: the screen in Norwegian, the same stored draft reads English in English.
    i18n.install(language="nb")
    try:
        shown = i18n.render(drafts[0])
    finally:
        i18n.install(language="en")
    assert shown == read_in("nb", drafts[0])
    assert "Meals:" in english("\n".join(drafts)) and "Måltider" not in english("\n".join(drafts))
