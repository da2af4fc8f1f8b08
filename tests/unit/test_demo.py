"""Demo data: deterministic content, a realistic unit, and the write path's guarantees kept."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert
from sqlmodel import SQLModel, col, func, select

from officer_desk.app import accounts, people
from officer_desk.app.export import export_chunks
from officer_desk.app.writes import Actor
from officer_desk.cli.verify import verify
from officer_desk.demo import generator as demo
from officer_desk.domain.errors import ValidationError
from officer_desk.domain.passwords import check_password
from officer_desk.domain.rules import MAX_CASELOAD
from officer_desk.store import keyslots, queries
from officer_desk.store.database import Store, open_store
from officer_desk.store.keyslots import KdfParams
from officer_desk.store.progress import programme_progress
from officer_desk.store.tables import (
    Assignment,
    AuditEntry,
    CaseNote,
    CaseNoteRevision,
    Conversation,
    Enrolment,
    FollowUp,
    Handover,
    HandoverEntry,
    Inmate,
    MealLog,
    Officer,
    OutboxEntry,
    ReleasePlan,
    ReleasePlanItem,
)

TODAY = date(2026, 6, 1)
# Columns that say when/where a row was written, not what it says.
WRITE_STAMPS = {"updated_hlc", "device_id"}
NOT_CONTENT = {"audit_entry", "audit_record", "outbox_entry"}  # stamps and hashes of them


def content(store: Store) -> dict[str, list[dict[str, Any]]]:
    """The exported records with every id replaced by its table and position in id order.

    Ids are UUIDv7 (different on every run) but made in the same order, so positions match.
    """
    exported = json.loads("".join(export_chunks(store)))["tables"]
    labels: dict[str, str] = {}
    for table, rows in exported.items():
        for position, row in enumerate(sorted(rows, key=lambda r: str(r.get("id")))):
            if "id" in row and table not in NOT_CONTENT:
                labels[row["id"]] = f"{table}#{position}"
    return {
        table: [
            {k: labels.get(v, v) if isinstance(v, str) else v for k, v in row.items()
             if k not in WRITE_STAMPS}
            for row in rows
        ]
        for table, rows in exported.items()
        if table not in NOT_CONTENT
    }  # fmt: skip


@pytest.fixture
def second_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "second.sqlite")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def seeded_with_progress(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Store, demo.DemoSummary, list[str]]]:
    """One small demo store shared by the read-only checks below, and its progress lines."""
    store = open_store(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    lines: list[str] = []
    summary = demo.seed_demo(
        store, inmates=14, years=1, seed=11, today=TODAY, progress=lines.append
    )
    yield store, summary, lines
    store.close()


@pytest.fixture
def seeded(
    seeded_with_progress: tuple[Store, demo.DemoSummary, list[str]],
) -> tuple[Store, demo.DemoSummary]:
    return seeded_with_progress[:2]


def test_the_same_seed_gives_the_same_content(store: Store, second_store: Store) -> None:
    first = demo.seed_demo(store, inmates=3, years=1, seed=7, today=TODAY)
    second = demo.seed_demo(second_store, inmates=3, years=1, seed=7, today=TODAY)

    assert first == second
    assert content(store) == content(second_store)


def test_a_different_seed_gives_different_people_and_history(
    store: Store, second_store: Store
) -> None:
    demo.seed_demo(store, inmates=3, years=1, seed=7, today=TODAY)
    demo.seed_demo(second_store, inmates=3, years=1, seed=8, today=TODAY)
    first, second = content(store), content(second_store)

    assert first["inmate"] != second["inmate"]
    assert first["meal_log"] != second["meal_log"]


def test_accounts_and_names_are_norwegian_and_international(
    seeded: tuple[Store, demo.DemoSummary],
) -> None:
    store, summary = seeded
    roles = Counter(role for _u, _n, role in summary.accounts)
    assert roles == {"officer": 3, "supervisor": 1, "admin": 1}  # 14 / 5.5 -> 3 contact officers
    with store.reading() as session:
        inmates = session.exec(select(Inmate)).all()
    names = " ".join([n for _u, n, _r in summary.accounts] + [i.full_name for i in inmates])
    for letter in "æøå":
        assert letter in names.lower()
    assert all(u.isascii() and u == u.lower() for u, _n, _r in summary.accounts)
    assert any(i.preferred_name for i in inmates)
    assert all(len(i.full_name.split()) >= 2 for i in inmates)
    assert all(i.expected_release_date and i.expected_release_date > TODAY for i in inmates)
    assert all(i.date_of_birth and i.cell and i.languages for i in inmates)
    assert len({i.cell for i in inmates}) == len(inmates)


def test_somebody_has_been_here_the_whole_window(seeded: tuple[Store, demo.DemoSummary]) -> None:
    store, _summary = seeded
    with store.reading() as session:
        arrivals = session.exec(select(Inmate.arrival_date)).all()
        first_meal = session.exec(select(func.min(MealLog.day))).one()
    assert min(a for a in arrivals if a) < TODAY - timedelta(days=365)
    assert first_meal == TODAY - timedelta(days=365)


def test_no_contact_officer_ever_has_more_than_six(seeded: tuple[Store, demo.DemoSummary]) -> None:
    store, _summary = seeded
    with store.reading() as session:
        rows = session.exec(select(Assignment)).all()
    per_officer: dict[str, list[Assignment]] = defaultdict(list)
    for row in rows:
        per_officer[row.officer_id].append(row)
    for assignments in per_officer.values():
        for day in {a.start_date for a in assignments}:
            active = [
                a
                for a in assignments
                if a.start_date <= day and (a.end_date is None or a.end_date > day)
            ]
            assert len(active) <= MAX_CASELOAD


def test_three_meals_a_day_up_to_yesterday_breakfast_today_and_some_refusal_streaks_now(
    seeded: tuple[Store, demo.DemoSummary],
) -> None:
    store, _summary = seeded
    with store.reading() as session:
        inmates = session.exec(select(Inmate)).all()
        streaks = [queries.refusal_streak(session, i.id) for i in inmates]
        yesterday = queries.effective_meals(
            session, [i.id for i in inmates], day=TODAY - timedelta(1)
        )
        today = queries.effective_meals(session, [i.id for i in inmates], day=TODAY)
        outcomes = Counter(session.exec(select(MealLog.outcome)).all())
        together = session.exec(
            select(func.avg(MealLog.ate_together)).where(MealLog.meal == "dinner")
        ).one()
    assert max(streaks) >= 3
    assert all(
        sorted(meal for meal, _outcome in meals) == ["breakfast", "dinner", "lunch"]
        for meals in yesterday.values()
    )
    assert len(yesterday) == len(inmates)
    # This morning's breakfast is logged for most, never for somebody refusing right now
    # (it would end the streak), and nothing later in the day is logged yet.
    refusing = {i.id for i, streak in zip(inmates, streaks, strict=True) if streak >= 3}
    assert all(meals == [("breakfast", meals[0][1])] for meals in today.values())
    assert 0 < len(today) < len(inmates)
    assert not refusing & set(today)
    total = sum(outcomes.values())
    assert outcomes["ate"] / total > 0.75
    assert outcomes["partial"] and outcomes["declined"] and outcomes["away"]
    assert together is not None and together > 0.5


def test_notes_have_kinds_sensitive_ones_and_second_revisions(
    seeded: tuple[Store, demo.DemoSummary],
) -> None:
    store, _summary = seeded
    with store.reading() as session:
        kinds = Counter(session.exec(select(CaseNote.kind)).all())
        sensitive = session.exec(select(func.count()).where(col(CaseNote.sensitive))).one()
        second = session.exec(select(func.count()).where(CaseNoteRevision.number == 2)).one()
        texts = " ".join(session.exec(select(CaseNoteRevision.text)).all())
    assert set(kinds) == {"positive", "general", "concern", "safety"}
    assert sensitive > 0 and second > 0
    assert "{name}" not in texts and " og " in texts and " the " in texts


def test_contact_officers_talk_with_their_people_and_leave_some_follow_ups_open(
    seeded: tuple[Store, demo.DemoSummary],
) -> None:
    store, _summary = seeded
    with store.reading() as session:
        inmates = session.exec(select(Inmate)).all()
        talks = session.exec(select(Conversation)).all()
        follow_ups = session.exec(select(FollowUp)).all()
        assignments = session.exec(select(Assignment)).all()
    # Every conversation is held by the person's contact officer of that day.
    for talk in talks:
        day = talk.started_at.date()
        contacts = {
            a.officer_id
            for a in assignments
            if a.inmate_id == talk.inmate_id
            and a.start_date <= day + timedelta(1)
            and (a.end_date is None or a.end_date >= day)
        }
        assert talk.logged_by in contacts
        assert talk.topics and 1 <= talk.mood <= 5 and talk.logged_at > talk.started_at
    last = {i.id: max(t.started_at.date() for t in talks if t.inmate_id == i.id) for i in inmates}
    gaps = [(TODAY - day).days for day in last.values()]
    # Some were seen lately, some are due a talk (the home card's nudge shows for them).
    assert min(gaps) <= 2 and max(gaps) > 3
    assert follow_ups and all(f.conversation_id in {t.id for t in talks} for f in follow_ups)
    done = [f for f in follow_ups if f.done_at is not None]
    assert done and len(done) < len(follow_ups)
    assert all(f.done_at.date() < TODAY and f.done_by == f.created_by for f in done)
    assert all(f.due_date >= TODAY - timedelta(7) for f in follow_ups if f.done_at is None)


def test_yesterdays_shift_is_handed_over_and_one_waits_for_the_first_officer(
    seeded: tuple[Store, demo.DemoSummary],
) -> None:
    store, summary = seeded
    with store.reading() as session:
        handovers = session.exec(select(Handover)).all()
        entries = session.exec(select(HandoverEntry)).all()
        contact = session.exec(
            select(Officer).where(Officer.role == "officer").order_by(col(Officer.username))
        ).all()
    first = min(contact, key=lambda o: o.display_name)  # as the lists order them
    assert summary.counts["handover"] == len(handovers) == len(contact)
    # Everyone hands over to a colleague; everyone receives exactly one.
    assert sorted(h.incoming_id or "" for h in handovers) == sorted(o.id for o in contact)
    assert all(h.incoming_id != h.outgoing_id for h in handovers)
    assert {h.shift_start.date() for h in handovers} == {TODAY - timedelta(1)}
    waiting = [h for h in handovers if h.status != "signed"]
    assert [(h.status, h.incoming_id) for h in waiting] == [("handed_over", first.id)]
    by_handover: dict[str, list[HandoverEntry]] = defaultdict(list)
    for entry in entries:
        by_handover[entry.handover_id].append(entry)
    assert all(by_handover[h.id] for h in handovers)  # every caseload has people in it
    assert all(e.acknowledged_at is None for e in by_handover[waiting[0].id])
    for signed in (h for h in handovers if h.status == "signed"):
        done = by_handover[signed.id]
        assert all(e.acknowledged_by == signed.incoming_id for e in done)
        assert sum(bool(e.question and e.answer) for e in done) == 1  # the read-back


def test_people_at_work_or_school_follow_a_programme_with_milestones_signed_as_hours_add_up(
    seeded: tuple[Store, demo.DemoSummary],
) -> None:
    store, summary = seeded
    with store.reading() as session:
        inmates = session.exec(select(Inmate.id)).all()
        enrolments = session.exec(select(Enrolment)).all()
        progress = {i: programme_progress(session, i, TODAY) for i in inmates}
    assert summary.counts["enrolment"] == len(enrolments) > 0
    assert all(e.status == "active" and e.enrolled_on < TODAY for e in enrolments)
    following = [p for rows in progress.values() for p in rows]
    assert len(following) == len(enrolments)
    for course in following:
        signed = [m for m in course.milestones if m.signed_at is not None]
        # Signed off in order, exactly the milestones whose hours are reached.
        expected = 0
        reached = 0
        for m in course.milestones:
            expected += m.expected_hours
            if course.hours >= expected:
                reached += 1
        assert len(signed) == reached, course.code
        assert course.milestones[: len(signed)] == tuple(signed)
        assert course.hours > 0 and reached < len(course.milestones)  # under way, not done
    assert any(sum(h for _w, h in c.weekly_hours) > 0 for c in following)


def test_people_released_within_half_a_year_have_a_plan_worked_by_their_officer(
    store: Store,
) -> None:
    today = date.today()
    summary = demo.seed_demo(store, inmates=16, years=1, seed=5)
    with store.reading() as session:
        inmates = session.exec(select(Inmate)).all()
        plans = session.exec(select(ReleasePlan)).all()
        items = session.exec(select(ReleasePlanItem)).all()
        contact = {
            a.inmate_id: a.officer_id
            for a in session.exec(select(Assignment).where(col(Assignment.end_date).is_(None)))
        }
    soon = {
        i.id
        for i in inmates
        if i.expected_release_date and i.expected_release_date <= today + timedelta(180)
    }
    assert soon and {p.inmate_id for p in plans} == soon
    assert summary.counts["release_plan"] == len(plans)
    assert all(p.created_by == contact[p.inmate_id] for p in plans)
    statuses = Counter(i.status for i in items)
    assert statuses["done"] and statuses["in_progress"] and statuses["not_started"]
    assert "disputed" not in statuses
    # Work starts as the due dates come near: nothing due in more than 45 days is touched.
    assert all(i.status == "not_started" for i in items if (i.due_date - today).days > 45)
    # A gate is only done with what confirms it.
    assert all(i.evidence for i in items if i.gate_role and i.status == "done")


def test_history_is_audited_once_per_person_and_the_chain_verifies(
    seeded: tuple[Store, demo.DemoSummary],
) -> None:
    store, summary = seeded
    with store.reading() as session:
        seeds = session.exec(select(AuditEntry).where(AuditEntry.action == "seed")).all()
        outbox = Counter(session.exec(select(OutboxEntry.entity)).all())
        stamped = session.exec(
            select(func.count()).where(
                (MealLog.updated_hlc == "") | (MealLog.device_id != store.device_id)
            )
        ).one()
    assert len(seeds) == summary.counts["inmate"] == 14
    assert "meals" in seeds[0].detail and "H-1001" in seeds[0].detail
    assert "meal_log" not in outbox and outbox["inmate"] == 14
    assert stamped == 0
    assert verify(store).ok


def test_progress_reports_each_committed_person_with_its_counts(
    seeded_with_progress: tuple[Store, demo.DemoSummary, list[str]],
) -> None:
    _store, summary, lines = seeded_with_progress
    committed = [line for line in lines if line.startswith("committed ")]
    assert len(committed) == 14
    reported = sum(int(line.split("(")[1].split()[0]) for line in committed)
    assert reported == summary.counts["meal_log"]


def test_refuses_a_store_that_already_has_people(unit_store: Store, admin: Actor) -> None:
    people.add_inmates(unit_store, admin, [people.InmateDetails("H-1", "Ola Berg")], today=TODAY)
    with unit_store.reading() as session:
        before = session.exec(select(func.count()).select_from(AuditEntry)).one()

    with pytest.raises(ValidationError, match="already has people registered"):
        demo.seed_demo(unit_store, inmates=3, years=1, seed=1, today=TODAY)

    with unit_store.reading() as session:
        assert session.exec(select(func.count()).select_from(AuditEntry)).one() == before
        assert session.exec(select(func.count()).select_from(Officer)).one() == 0


def test_uses_an_existing_empty_unit(unit_store: Store) -> None:
    summary = demo.seed_demo(unit_store, inmates=2, years=1, seed=1, today=TODAY)
    assert summary.unit_code == "C"
    with unit_store.reading() as session:
        assert session.exec(select(func.count()).select_from(Inmate)).one() == 2


@pytest.mark.parametrize(
    ("sizes", "message"),
    [
        ({"inmates": 0, "years": 1}, "number of people"),
        ({"inmates": 3, "years": 0}, "number of years"),
        ({"inmates": 3, "years": 1, "today": date.today() + timedelta(days=2)}, "future"),
    ],
)
def test_refuses_impossible_sizes(store: Store, sizes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        demo.seed_demo(store, seed=1, **sizes)


@pytest.mark.slow
def test_the_default_demo_seeds_the_default_caseload(store: Store) -> None:
    """(How long it takes is measured by benchmarks/seed_bench.py, not asserted here.)"""
    summary = demo.seed_demo(store, seed=1)
    assert summary.counts["inmate"] == demo.DEFAULT_INMATES


# --- the encrypted demo store -----------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_store(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, demo.DemoSummary, list[str]]]:
    """One small encrypted demo store, shared by the read-only checks below."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        # Full-cost Argon2id is measured in benchmarks/; here only the code path matters.
        # The cost is saved in the key-slot file, so sign-ins below are quick as well.
        monkeypatch.setattr(keyslots, "DEFAULT_KDF", KdfParams(time_cost=1, memory_kib=8192))
        path = tmp_path_factory.mktemp("encrypted-demo") / "officer_desk.sqlite"
        lines: list[str] = []
        summary = demo.create_demo_store(
            path, inmates=6, years=1, seed=3, today=TODAY, progress=lines.append
        )
    yield path, summary, lines


def test_demo_password_passes_the_password_policy() -> None:
    for username in ("solvi.laegreid", "kari.nordmann", "asmund.naess"):
        assert check_password(demo.DEMO_PASSWORD, username) == demo.DEMO_PASSWORD


def test_every_demo_account_signs_in_with_the_demo_password(
    demo_store: tuple[Path, demo.DemoSummary, list[str]],
) -> None:
    path, summary, lines = demo_store
    roles = Counter(role for _u, _n, role in summary.accounts)
    assert roles == {"officer": 2, "supervisor": 1, "admin": 1}
    assert summary.counts["officer"] == len(summary.accounts)
    assert summary.accounts[-1] == ("solvi.laegreid", demo.ADMIN_NAME, "admin")
    assert len([line for line in lines if line.startswith("committed ")]) == 6
    for username, name, role in summary.accounts:
        store, who = accounts.sign_in(path, username, demo.DEMO_PASSWORD)
        store.close()
        assert (who.display_name, who.role.value) == (name, role)
    store, _who = accounts.sign_in(path, "solvi.laegreid", demo.DEMO_PASSWORD)
    try:
        assert verify(store).ok
        with store.reading() as session:
            assert session.exec(select(func.count()).select_from(Inmate)).one() == 6
    finally:
        store.close()


def test_the_demo_store_keeps_one_account_per_role_for_the_sign_in_page(
    demo_store: tuple[Path, demo.DemoSummary, list[str]],
) -> None:
    from officer_desk.demo.accounts import demo_accounts_of

    path, summary, _lines = demo_store
    listed = demo_accounts_of(path)
    assert listed is not None and set(listed) == {"officer", "supervisor", "admin"}
    assert set(listed.items()) <= {(role, username) for username, _n, role in summary.accounts}


def test_the_demo_store_files_show_no_names(
    demo_store: tuple[Path, demo.DemoSummary, list[str]],
) -> None:
    path, summary, _lines = demo_store
    store, _who = accounts.sign_in(path, "solvi.laegreid", demo.DEMO_PASSWORD)
    with store.reading() as session:
        people_names = list(session.exec(select(Inmate.full_name)).all())
    store.close()
    secrets = [name for _u, name, _r in summary.accounts] + people_names
    files = [p for p in path.parent.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".keys") for p in files)
    for file in files:
        raw = file.read_bytes()
        assert not raw.startswith(b"SQLite format 3"), file.name
        # Whole names and long parts only: a 4-byte part turns up in a megabyte of
        # ciphertext by chance about once in a few thousand runs; 8 bytes never will.
        for secret in secrets:
            for text in [secret, *(part for part in secret.split() if len(part) >= 8)]:
                assert text.encode("utf-8") not in raw, (text, file.name)


def test_create_demo_store_refuses_a_folder_with_records(
    demo_store: tuple[Path, demo.DemoSummary, list[str]],
) -> None:
    path, _summary, _lines = demo_store
    before = {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}
    with pytest.raises(ValidationError, match="demo data was not added"):
        demo.create_demo_store(path, inmates=2, years=1, today=TODAY)
    assert {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()} == before


def test_create_demo_store_checks_sizes_before_making_anything(tmp_path: Path) -> None:
    path = tmp_path / "officer_desk.sqlite"
    with pytest.raises(ValidationError, match="number of people"):
        demo.create_demo_store(path, inmates=0)
    assert list(tmp_path.iterdir()) == []


def test_the_bulk_insert_stores_what_sqlalchemys_insert_stores(
    store: Store, second_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.seed_demo(store, inmates=2, years=1, seed=5, today=TODAY)

    def through_sqlalchemy(connection: Any, name: str, rows: list[dict[str, Any]]) -> None:
        connection.execute(insert(SQLModel.metadata.tables[name]), rows)

    monkeypatch.setattr(demo, "_bulk_insert", through_sqlalchemy)
    demo.seed_demo(second_store, inmates=2, years=1, seed=5, today=TODAY)

    assert content(store) == content(second_store)
    stored = "SELECT day, meal, ate_together, logged_at, typeof(logged_at) FROM meal_log"
    topics = "SELECT topics, started_at FROM conversation"
    for query in (stored, topics):
        with store.raw() as first, second_store.raw() as second:
            assert first.execute(query).fetchall() == second.execute(query).fetchall()
