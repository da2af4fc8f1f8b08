"""The home and overview reads that issue #19 made independent of the history's length: the
newest conversation that counts, and rows without amendments taken as they are."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import col, select

from officer_desk.app import conversations, logbook
from officer_desk.app.conversations import ConversationEntry
from officer_desk.app.logbook import MealEntry
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import DeclineReason, MealOutcome
from officer_desk.store import home
from officer_desk.store.database import Store
from officer_desk.store.tables import Conversation, Officer


def talk(store: Store, actor: Actor, person: str, days_ago: int) -> None:
    at = datetime.now(UTC) - timedelta(days=days_ago, minutes=30)
    conversations.log_conversation(store, actor, ConversationEntry(person, at, 20, mood=3))


def test_days_since_a_talk_skip_a_voided_newest_one_and_people_never_talked_with(
    unit_store: Store, caseload: list[str], officer: Officer
) -> None:
    kari = Actor(officer.id, officer.display_name)
    first, second, never = caseload[:3]
    talk(unit_store, kari, first, 5)
    talk(unit_store, kari, first, 2)
    talk(unit_store, kari, second, 3)
    with unit_store.reading() as session:
        newest = session.exec(
            select(Conversation)
            .where(Conversation.inmate_id == first)
            .order_by(col(Conversation.started_at).desc())
        ).first()
    assert newest is not None
    with write(unit_store, kari) as w:  # the newest of ``first`` voided: wrong person
        w.insert(
            Conversation(
                inmate_id=first,
                started_at=newest.started_at,
                logged_at=datetime.now(UTC),
                logged_by=officer.id,
                amends_id=newest.id,
                voided=True,
                void_reason="Wrong person",
            )
        )

    with unit_store.raw() as conn:
        rows = {r.inmate_id: r for r in home.caseload_rows(conn, officer.id, date.today())}
        latest = home.last_conversations(conn, [first, second, never, first])

    assert rows[first].days_since_conversation == 5
    assert rows[second].days_since_conversation == 3
    assert rows[never].days_since_conversation is None
    assert set(latest) == {first, second}


def test_rows_without_amendments_or_voids_all_count() -> None:
    rows = [("a", None, 0, "2026-01-01 08:00:00"), ("b", None, 0, "2026-01-01 09:00:00")]
    assert home._effective_rows(rows) == rows
    amended = [*rows, ("c", "a", 0, "2026-01-01 10:00:00"), ("d", "b", 1, "2026-01-01 10:00:00")]
    assert home._effective_rows(amended) == [amended[2]]


def test_a_refusal_streak_longer_than_the_first_look_is_counted_whole(
    unit_store: Store, caseload: list[str], officer: Officer
) -> None:
    kari = Actor(officer.id, officer.display_name)
    refusing, eating = caseload[:2]
    today = date.today()
    for days_ago in range(5, 0, -1):  # five days of meals: 15 in a row declined
        for meal in ("breakfast", "lunch", "dinner"):
            logbook.log_meal(
                unit_store,
                kari,
                day=today - timedelta(days=days_ago),
                meal=meal,
                entries=[
                    MealEntry(refusing, MealOutcome.DECLINED, decline_reason=DeclineReason.PROTEST),
                    MealEntry(
                        eating,
                        MealOutcome.ATE if days_ago == 1 else MealOutcome.DECLINED,
                        decline_reason=None if days_ago == 1 else DeclineReason.ASLEEP,
                    ),
                ],
            )

    with unit_store.raw() as conn:
        assert home.refusal_streak(conn, refusing) == 15 > home.REFUSAL_FIRST_LOOK
        assert home.refusal_streak(conn, eating) == 0
