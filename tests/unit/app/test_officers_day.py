"""The officer's day in the services: conversations, follow-ups, undo, profile, settings and
what the home screen is told about each person."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from officer_desk.app import conversations, logbook, profile, settings
from officer_desk.app.conversations import ConversationEntry, FollowUpEntry
from officer_desk.app.logbook import MealEntry
from officer_desk.app.profile import ProfileEdit
from officer_desk.app.writes import Actor
from officer_desk.domain import rules
from officer_desk.domain.enums import DeclineReason, MealOutcome
from officer_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from officer_desk.store import queries
from officer_desk.store.database import Store
from officer_desk.store.tables import Inmate, MealLog, Officer

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100


@pytest.fixture
def kari(officer: Officer) -> Actor:
    return Actor(officer.id, officer.display_name)


def home(store: Store, officer: Officer, **kwargs: int) -> dict[str, queries.CaseloadRow]:
    with store.reading() as session:
        return {
            r.inmate_id: r for r in queries.caseload(session, officer.id, date.today(), **kwargs)
        }


def now() -> datetime:
    return datetime.now(UTC)


def test_a_conversation_resets_the_contact_nudge_and_its_follow_ups_show_until_done(
    store: Store, caseload: list[str], kari: Actor, officer: Officer
) -> None:
    person = caseload[0]
    assert home(store, officer)[person].contact_nudge  # arrived 2025, never talked
    conversations.log_conversation(
        store,
        kari,
        ConversationEntry(
            person,
            now() - timedelta(minutes=30),
            25,
            mood=4,
            topics=["family", "school"],
            note="Wants to start the chef course",
            follow_ups=[
                FollowUpEntry(
                    "Ask the school about the chef course", date.today() + timedelta(days=2)
                )
            ],
        ),
    )
    row = home(store, officer)[person]
    assert not row.contact_nudge and row.days_since_conversation == 0
    (follow_up,) = row.open_follow_ups
    assert follow_up.text.startswith("Ask the school") and not follow_up.overdue
    conversations.complete_follow_up(store, kari, follow_up.id)
    assert home(store, officer)[person].open_follow_ups == ()
    with pytest.raises(ValidationError, match="already done"):
        conversations.complete_follow_up(store, kari, follow_up.id)


def test_nudge_follows_the_facility_limit() -> None:
    today = date(2026, 11, 23)
    assert not rules.needs_contact(3, None, today, 3)
    assert rules.needs_contact(4, None, today, 3)
    assert not rules.needs_contact(None, today - timedelta(days=2), today, 3)
    assert rules.needs_contact(None, today - timedelta(days=10), today, 3)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"mood": 7}, "mood"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"started_at": datetime.now(UTC) + timedelta(hours=2)}, "started_at"),
        ({"topics": ["x" * 61]}, "topics"),
        ({"follow_ups": [FollowUpEntry("   ", date.today())]}, "follow_up"),
        (
            {"follow_ups": [FollowUpEntry("Call the GP", date.today() - timedelta(days=1))]},
            "due_date",
        ),
    ],
)
def test_bad_conversation_input_writes_nothing(
    store: Store, caseload: list[str], kari: Actor, change: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {
        "inmate_id": caseload[0],
        "started_at": now(),
        "duration_minutes": 20,
        "mood": 3,
    }
    values.update(change)
    with pytest.raises(ValidationError) as caught:
        conversations.log_conversation(store, kari, ConversationEntry(**values))  # type: ignore[arg-type]
    assert caught.value.field == field
    with store.reading() as session:
        assert (
            session.connection().exec_driver_sql("SELECT count(*) FROM conversation").scalar() == 0
        )


def test_undo_voids_the_whole_last_batch_of_this_shift_only(
    store: Store, caseload: list[str], kari: Actor, officer: Officer
) -> None:
    shift_start = now() - timedelta(hours=1)
    logbook.log_meal(
        store, kari, day=date.today(), meal="breakfast", entries=[MealEntry(i) for i in caseload]
    )
    logbook.log_meal(
        store,
        kari,
        day=date.today(),
        meal="lunch",
        entries=[MealEntry(i, MealOutcome.DECLINED, DeclineReason.MEDICAL) for i in caseload[:2]],
    )
    change = logbook.undo_last_meal_log(store, kari, since=shift_start, reason="wrong meal")
    assert len(change.ids) == 2
    rows = home(store, officer)
    assert rows[caseload[0]].meals_today == (("breakfast", "ate"),)
    with store.reading() as session:
        assert (
            session.connection()
            .exec_driver_sql("SELECT count(*) FROM meal_log WHERE voided = 0")
            .scalar()
            == 8
        )  # history stays
    logbook.undo_last_meal_log(store, kari, since=shift_start, reason="wrong day")
    with pytest.raises(NotFound, match="no meal log of yours in this shift"):
        logbook.undo_last_meal_log(store, kari, since=shift_start, reason="again")
    with pytest.raises(ValidationError):
        logbook.undo_last_meal_log(store, kari, since=shift_start, reason="")


def test_undo_does_not_reach_into_an_earlier_shift(
    store: Store, caseload: list[str], kari: Actor
) -> None:
    logbook.log_meal(
        store, kari, day=date.today(), meal="breakfast", entries=[MealEntry(caseload[0])]
    )
    with pytest.raises(NotFound):
        logbook.undo_last_meal_log(
            store, kari, since=now() + timedelta(seconds=1), reason="new shift"
        )


def test_refusal_flag_uses_the_facility_setting(
    store: Store, caseload: list[str], kari: Actor, officer: Officer
) -> None:
    person = caseload[1]
    for meal in ("breakfast", "lunch"):
        logbook.log_meal(
            store,
            kari,
            day=date.today(),
            meal=meal,
            entries=[MealEntry(person, MealOutcome.DECLINED, DeclineReason.PROTEST)],
        )
    assert not home(store, officer)[person].refusal_flag
    assert home(store, officer, streak_meals=2)[person].refusal_flag


def test_profile_edit_and_photo(
    store: Store, caseload: list[str], kari: Actor, officer: Officer
) -> None:
    person = caseload[2]
    profile.update_profile(
        store,
        kari,
        person,
        ProfileEdit(
            preferred_name="Jo",
            languages=["norsk", "English", " "],
            diet="halal",
            allergies="peanøtter",
        ),
    )
    profile.set_photo(store, kari, person, PNG)
    row = home(store, officer)[person]
    assert (row.preferred_name, row.languages, row.diet, row.photo) == (
        "Jo",
        ("norsk", "English"),
        "halal",
        PNG,
    )
    with pytest.raises(ValidationError, match="PNG or JPEG"):
        profile.set_photo(store, kari, person, b"GIF89a....")
    with pytest.raises(ValidationError, match="too large"):
        profile.set_photo(store, kari, person, PNG + b"\0" * 300_000)
    with pytest.raises(ValidationError, match="too long"):
        profile.update_profile(store, kari, person, ProfileEdit(cell="C" * 21))
    with store.reading() as session:
        assert session.get(Inmate, person).preferred_name == "Jo"  # type: ignore[union-attr]


def test_out_of_scope_edits_are_refused(store: Store, caseload: list[str]) -> None:
    stranger = Actor(None, "Stranger")
    with pytest.raises(PermissionDenied):
        profile.update_profile(store, stranger, caseload[0], ProfileEdit(cell="X1"))
    with pytest.raises(PermissionDenied):
        conversations.log_conversation(
            store, stranger, ConversationEntry(caseload[0], now(), 10, 3)
        )


def test_settings_are_bounded_and_admin_only(
    store: Store, admin: Actor, kari: Actor, caseload: list[str]
) -> None:
    assert settings.get(store, settings.IDLE_LOCK_MINUTES) == 10
    settings.set_value(store, admin, settings.IDLE_LOCK_MINUTES, "5")
    assert settings.get(store, settings.IDLE_LOCK_MINUTES) == 5
    with pytest.raises(ValidationError, match="between 1 and 30 minutes"):
        settings.set_value(store, admin, settings.IDLE_LOCK_MINUTES, 45)
    with pytest.raises(ValidationError, match="not a whole number"):
        settings.set_value(store, admin, settings.CONTACT_NUDGE_DAYS, "three")
    with pytest.raises(PermissionDenied):
        settings.set_value(store, kari, settings.CONTACT_NUDGE_DAYS, 4)


def test_timeline_includes_conversations(store: Store, caseload: list[str], kari: Actor) -> None:
    conversations.log_conversation(
        store,
        kari,
        ConversationEntry(caseload[3], now() - timedelta(hours=1), 15, mood=2, topics=["sleep"]),
    )
    with store.reading() as session:
        page = queries.timeline_page(session, caseload[3])
        assert [(i.kind, i.what, i.outcome) for i in page.items] == [
            ("conversation", "sleep", "mood 2")
        ]
        assert session.exec(select(MealLog)).all() == []
