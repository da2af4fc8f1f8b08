"""Retention: the setting, who is due, and a purge that archives first and leaves no trace."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import col, func, select

from officer_desk.app import accounts, conversations, logbook, notes, people, retention
from officer_desk.app.logbook import ActivityEntry, MealEntry
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import ActivityCategory
from officer_desk.domain.errors import PermissionDenied, ValidationError
from officer_desk.store import audit, keyslots, search
from officer_desk.store.connect import connect
from officer_desk.store.database import Store
from officer_desk.store.keyslots import KdfParams
from officer_desk.store.tables import (
    Assignment,
    AuditEntry,
    CaseNote,
    Inmate,
    MealLog,
    Officer,
    OutboxEntry,
)

GONE_NAME = "Zorbulon Quexley"
GONE_NOTE = "Snorkelvatn-avtalen er klar"
GONE_MEAL = "Ville ha Brøndumsaus"
KEPT_NAME = "Vexqu Drammor"
TODAY = date.today()


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # Full-cost Argon2id is measured in benchmarks/; tests only need the same code path.
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", KdfParams(time_cost=1, memory_kib=8192))


def register_released(
    store: Store,
    actor: Actor,
    *,
    number: str,
    name: str,
    released: date,
    officer_id: str | None = None,
    still_assigned: bool = False,
) -> str:
    """Someone released on ``released``; their assignment ended then unless still_assigned."""
    change = people.add_inmates(
        store,
        actor,
        [
            people.InmateDetails(
                prison_number=number,
                full_name=name,
                preferred_name=name.split()[0],
                date_of_birth=date(1980, 5, 17),
                languages=["norsk"],
                arrival_date=date(released.year - 3, 1, 10),
                expected_release_date=released,
                diet="vegetar",
                alerts=["Trenger tolk"],
            )
        ],
        today=TODAY,
    )
    inmate_id = change.ids[0]
    if officer_id:
        people.assign(
            store, actor, officer_id=officer_id, inmate_id=inmate_id, start=date(2012, 1, 1)
        )
        if not still_assigned:
            with write(store, actor) as w:
                assignment = w.session.exec(
                    select(Assignment).where(Assignment.inmate_id == inmate_id)
                ).one()
                w.update(assignment, {"end_date": released}, detail="released")
    return inmate_id


def add_history(
    store: Store, actor: Actor, inmate_id: str, words: str = GONE_NOTE, remark: str = GONE_MEAL
) -> int:
    """Meals, an activity and notes (one amended, one sensitive); returns the row count."""
    day = date(2015, 3, 2)
    logbook.log_meal(
        store, actor, day=day, meal="lunch", entries=[MealEntry(inmate_id, note=remark)]
    )
    logbook.log_meal(store, actor, day=day, meal="dinner", entries=[MealEntry(inmate_id)])
    logbook.log_activity(
        store,
        actor,
        inmate_ids=[inmate_id],
        activity=ActivityEntry(
            ActivityCategory.WORK, datetime(2015, 3, 2, 8, tzinfo=UTC), 240, note=words
        ),
    )
    change = notes.add_note(store, actor, inmate_id=inmate_id, kind="general", text=words)
    notes.amend_note(store, actor, note_id=change.ids[0], text=words + " (rettet)")
    notes.add_note(store, actor, inmate_id=inmate_id, kind="safety", text=words, sensitive=True)
    # A table added after retention was written: found through its foreign keys.
    talk = conversations.ConversationEntry(
        inmate_id, datetime(2015, 3, 3, 14, tzinfo=UTC), 20, 3, ["bolig"], words,
        [conversations.FollowUpEntry(words, TODAY)],
    )  # fmt: skip
    conversations.log_conversation(store, actor, talk)
    # meals, activity, notes, revisions, conversation, follow-up (the assignment apart)
    return 2 + 1 + 2 + 3 + 1 + 1


def file_bytes(store: Store) -> bytes:
    return b"".join(
        path.read_bytes()
        for path in (store.path, store.path.with_name(store.path.name + "-wal"))
        if path.exists()
    )


def audit_entries(store: Store, action: str | None = None) -> list[AuditEntry]:
    with store.reading() as session:
        query = select(AuditEntry).order_by(col(AuditEntry.seq))
        if action:
            query = query.where(AuditEntry.action == action)
        return list(session.exec(query).all())


def test_purge_removes_only_expired_people_and_leaves_no_trace_in_the_file(
    store: Store, caseload: list[str], officer: Officer, admin: Actor, tmp_path: Path
) -> None:
    gone = register_released(
        store, admin, number="H-2001", name=GONE_NAME, released=date(2016, 6, 1),
        officer_id=officer.id,
    )  # fmt: skip
    kept = register_released(
        store, admin, number="H-2002", name=KEPT_NAME, released=date(2016, 6, 1),
        officer_id=officer.id, still_assigned=True,
    )  # fmt: skip
    history_rows = add_history(store, admin, gone)
    add_history(store, admin, kept, "Avtale om arbeid", "Spiste alt")
    with store.reading() as session:
        meals_before = session.exec(select(func.count()).select_from(MealLog)).one()
    assert GONE_NAME.encode() in file_bytes(store), "the test would prove nothing"

    result = retention.purge(store, admin, today=TODAY, archive_dir=tmp_path / "archive")

    assert [(p.prison_number, p.rows) for p in result.people] == [("H-2001", history_rows + 1)]
    assert result.years == 5 and result.compacted
    assert result.archive is not None and result.archive.exists()
    assert gone in result.change.inmate_ids
    with store.reading() as session:
        row = session.get(Inmate, gone)
        assert row is not None and row.deleted_at is not None
        assert (row.full_name, row.preferred_name, row.date_of_birth, row.alerts) == (
            "",
            "",
            None,
            [],
        )
        assert row.prison_number == "H-2001"
        left = session.exec(
            select(func.count()).select_from(MealLog).where(MealLog.inmate_id == gone)
        ).one()
        assert left == 0
        assert session.exec(select(func.count()).select_from(MealLog)).one() == meals_before - 2
        assert session.exec(select(CaseNote).where(CaseNote.inmate_id == kept)).all()
        assert session.exec(select(Assignment).where(Assignment.inmate_id == gone)).all() == []
        kept_row = session.get(Inmate, kept)
        assert kept_row is not None and kept_row.full_name == KEPT_NAME
        assert len(session.exec(select(Inmate).where(col(Inmate.deleted_at).is_(None))).all()) == 7
        outbox = session.exec(select(OutboxEntry).order_by(col(OutboxEntry.seq))).all()
    tombstone = outbox[-1]
    assert (tombstone.entity, tombstone.entity_id, tombstone.op) == ("inmate", gone, "update")
    payload = json.loads(tombstone.payload)
    assert payload["deleted_at"] and payload["full_name"] == ""
    assert not any(GONE_NAME in entry.payload or GONE_NOTE in entry.payload for entry in outbox)

    [purged] = audit_entries(store, "purge")
    assert purged.entity_id == gone
    assert purged.detail == f"purged records of H-2001: {history_rows + 1} rows"
    everything = audit_entries(store)
    assert not any("Zorbulon" in entry.detail for entry in everything)
    assert audit.verify_chain(everything) == []

    raw = file_bytes(store)
    for secret in (GONE_NAME, GONE_NOTE, GONE_MEAL, "Zorbulon"):
        assert secret.encode() not in raw, secret
    assert KEPT_NAME.encode() in raw, "the people who stay are still there"


def test_nothing_due_means_no_archive_and_nothing_removed(
    store: Store, caseload: list[str], admin: Actor, tmp_path: Path
) -> None:
    result = retention.purge(store, admin, today=TODAY, archive_dir=tmp_path / "archive")
    assert result.people == [] and result.archive is None and result.rows == 0
    assert not (tmp_path / "archive").exists()
    assert audit_entries(store, "purge") == []


def test_the_archive_is_encrypted_with_the_store_key_and_holds_the_purged_person(
    tmp_path: Path,
) -> None:
    store, signed_in = accounts.create_store(
        tmp_path / "desk" / "officer_desk.sqlite",
        facility_name="Ila fengsel",
        facility_code="ILA",
        unit_name="Avdeling A",
        unit_code="A",
        admin_username="it",
        admin_name="Åse IT",
        admin_password="kaffe og vafler i fellesrommet",
    )
    try:
        purge_an_encrypted_store(store, signed_in.actor(), tmp_path / "archive")
    finally:
        store.close()


def purge_an_encrypted_store(store: Store, it: Actor, archive_dir: Path) -> None:
    gone = register_released(store, it, number="H-3001", name=GONE_NAME, released=date(2015, 1, 1))
    add_history(store, Actor.system("roster"), gone)

    result = retention.purge(store, it, today=TODAY, archive_dir=archive_dir)

    assert result.archive is not None and result.archive.parent == archive_dir
    assert "purge-archive" in result.archive.name
    raw = result.archive.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and GONE_NAME.encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(result.archive).execute("SELECT count(*) FROM inmate").fetchone()
    archive = connect(result.archive, store.key)
    try:
        (name,) = archive.execute(
            "SELECT full_name FROM inmate WHERE prison_number = 'H-3001'"
        ).fetchone()
        texts = {r[0] for r in archive.execute("SELECT text FROM case_note_revision")}
    finally:
        archive.close()
    assert name == GONE_NAME and GONE_NOTE in texts
    with store.reading() as session:
        row = session.get(Inmate, gone)
        assert row is not None and row.full_name == "" and row.deleted_at is not None
    assert audit_entries(store, "purge")[0].actor_name == "Åse IT"


def test_officers_and_supervisors_may_not_purge_and_the_attempt_is_audited(
    store: Store, caseload: list[str], officer: Officer, admin: Actor, tmp_path: Path
) -> None:
    gone = register_released(
        store, admin, number="H-2001", name=GONE_NAME, released=date(2015, 1, 1)
    )
    sup = people.add_officer(
        store, admin, username="sigrid", display_name="Sigrid Ås", role="supervisor"
    )
    for actor in (Actor(officer.id, officer.display_name), Actor(sup.id, sup.display_name)):
        with pytest.raises(PermissionDenied, match="Only an admin can remove old records"):
            retention.purge(store, actor, today=TODAY, archive_dir=tmp_path / "archive")
        with pytest.raises(PermissionDenied):
            retention.people_due(store, actor, today=TODAY)
    assert not (tmp_path / "archive").exists()
    assert [e.actor_name for e in audit_entries(store, "denied")] == [
        "Kari Nordmann", "Kari Nordmann", "Sigrid Ås", "Sigrid Ås",
    ]  # fmt: skip
    with store.reading() as session:
        row = session.get(Inmate, gone)
    assert row is not None and row.full_name == GONE_NAME


def test_the_retention_setting_is_admin_only_validated_and_audited(
    store: Store, officer: Officer, admin: Actor
) -> None:
    assert retention.get_retention_years(store) == 5
    assert retention.set_retention_years(store, admin, "7") == 7
    assert retention.get_retention_years(store) == 7
    [entry] = audit_entries(store, "setting")
    assert (entry.entity_id, entry.detail) == ("retention_years", "5 -> 7")
    for bad in (0, 51, "abc", "", 2.5, True, -3):
        with pytest.raises(ValidationError, match="1 to 50 years") as caught:
            retention.set_retention_years(store, admin, bad)  # type: ignore[arg-type]
        assert caught.value.field == "years"
    with pytest.raises(PermissionDenied, match="Only an admin can change settings"):
        retention.set_retention_years(store, Actor(officer.id, officer.display_name), 3)
    assert retention.get_retention_years(store) == 7
    assert audit_entries(store, "denied")[-1].actor_name == "Kari Nordmann"


def test_who_is_due_follows_the_setting_and_the_exact_day(
    store: Store, caseload: list[str], admin: Actor
) -> None:
    register_released(store, admin, number="H-1", name="Per Hansen", released=date(2018, 3, 1))
    register_released(store, admin, number="H-2", name="Leap Year", released=date(2020, 2, 29))
    with store.reading() as session:
        due = retention.expired_people(session, date(2025, 2, 28), 5)
        assert [p.prison_number for p in due] == ["H-1"]
        assert due[0].keep_until == date(2023, 3, 1)
        # Kept until 28 February 2025 inclusive (no 29th that year), due the day after.
        due = retention.expired_people(session, date(2025, 3, 1), 5)
        assert [p.prison_number for p in due] == ["H-1", "H-2"]
        assert retention.expired_people(session, date(2025, 3, 1), 7) == []
        # The caseload fixture's people are still assigned, so never due, however late.
        later = retention.expired_people(session, date(2099, 1, 1), 1)
        assert {p.prison_number for p in later} == {"H-1", "H-2"}
    assert [p.prison_number for p in retention.people_due(store, admin, today=TODAY)] == [
        "H-1", "H-2",
    ]  # fmt: skip


def test_purged_people_leave_the_search_index_and_its_words_leave_the_file(
    store: Store, caseload: list[str], officer: Officer, admin: Actor, tmp_path: Path
) -> None:
    gone = register_released(
        store, admin, number="H-2001", name=GONE_NAME, released=date(2016, 6, 1),
        officer_id=officer.id,
    )  # fmt: skip
    add_history(store, admin, gone, words="Snorkelvatn-avtalen er klar")
    add_history(store, admin, caseload[0], words="Snorkelvatn for de andre")

    def found(person: str) -> int:
        with store.raw() as conn:
            return len(search.search_timeline(conn, person, "snorkelvatn").hits)

    assert found(gone) == 4  # the activity, the note, the sensitive note, the conversation
    assert b"avtalen" in file_bytes(store), "the test would prove nothing"

    retention.purge(store, admin, today=TODAY, archive_dir=tmp_path / "archive")

    assert found(gone) == 0
    assert found(caseload[0]) == 4, "the others' words stay"
    with store.raw() as conn:
        assert conn.execute(
            "SELECT count(*) FROM search_entry WHERE inmate_id = ?", (gone,)
        ).fetchone() == (0,)
        entries = conn.execute("SELECT count(*) FROM search_entry").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM search_text").fetchone() == (entries,)
    # FTS5 keeps a deleted row's words in old segments until they merge: the purge merges.
    assert b"avtalen" not in file_bytes(store)
