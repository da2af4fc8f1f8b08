"""Use cases for one-to-one conversations and the follow-ups agreed in them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from officer_desk.app import access
from officer_desk.app.writes import Actor, Change, Writer, write
from officer_desk.domain import rules
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.store.database import Store
from officer_desk.store.tables import Conversation, FollowUp, Inmate

MOODS = (1, 2, 3, 4, 5)
MAX_TOPICS = 10


@dataclass(frozen=True)
class FollowUpEntry:
    text: str
    due_date: date


@dataclass(frozen=True)
class ConversationEntry:
    inmate_id: str
    started_at: datetime
    duration_minutes: int
    mood: int
    topics: Sequence[str] = ()
    note: str = ""
    follow_ups: Sequence[FollowUpEntry] = field(default=())


def log_conversation(store: Store, actor: Actor, entry: ConversationEntry) -> Change:
    """Record a conversation and its follow-ups; it resets the contact nudge."""
    with write(store, actor) as w:
        if w.session.get(Inmate, entry.inmate_id) is None:
            raise NotFound("That person is not registered on this workstation.")
        access.require_people(w.session, actor, [entry.inmate_id], w.now.date(), "conversations")
        rules.not_in_future(entry.started_at, w.now, "started_at", "The conversation's time")
        if not 0 < entry.duration_minutes <= 8 * 60:
            raise ValidationError(
                "Duration must be between 1 minute and 8 hours.", "duration_minutes"
            )
        if entry.mood not in MOODS:
            raise ValidationError("Choose a mood from 1 (very low) to 5 (very good).", "mood")
        topics = [rules.limited_text(t, "topics", "A topic", 60) for t in entry.topics if t.strip()]
        if len(topics) > MAX_TOPICS:
            raise ValidationError(
                "Choose at most {MAX_TOPICS} topics.", "topics", MAX_TOPICS=MAX_TOPICS
            )
        conversation = Conversation(
            inmate_id=entry.inmate_id,
            started_at=entry.started_at,
            duration_minutes=entry.duration_minutes,
            mood=entry.mood,
            topics=topics,
            note=rules.limited_text(entry.note, "note", "Note", 4000),
            logged_at=w.now,
            logged_by=actor.officer_id,
        )
        w.insert(conversation, detail=f"conversation, mood {entry.mood}")
        for follow_up in entry.follow_ups:
            _add_follow_up(w, entry.inmate_id, follow_up, conversation.id)
        return w.change


def _add_follow_up(
    w: Writer, inmate_id: str, entry: FollowUpEntry, conversation_id: str | None
) -> FollowUp:
    text = rules.required_text(entry.text, "follow_up", "The follow-up", 300)
    if entry.due_date < w.now.date():
        raise ValidationError("A follow-up cannot be due in the past.", "due_date")
    row = FollowUp(
        inmate_id=inmate_id,
        conversation_id=conversation_id,
        text=text,
        due_date=entry.due_date,
        created_at=w.now,
        created_by=w.actor.officer_id,
    )
    w.insert(row, detail=f"follow-up due {entry.due_date.isoformat()}")
    return row


def complete_follow_up(store: Store, actor: Actor, follow_up_id: str) -> Change:
    with write(store, actor) as w:
        row = w.session.get(FollowUp, follow_up_id)
        if row is None:
            raise NotFound("That follow-up does not exist.")
        access.require_people(w.session, actor, [row.inmate_id], w.now.date(), "follow-ups")
        if row.done_at is not None:
            raise ValidationError("This follow-up is already done.", "follow_up")
        w.update(row, {"done_at": w.now, "done_by": actor.officer_id}, detail="done")
        return w.change
