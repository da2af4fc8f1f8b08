"""Use cases of the structured shift handover (I-PASS/SBAR-like), all through ``writes.write``.

The outgoing officer starts a handover for a shift: the app drafts, per person of their
caseload (a supervisor: the whole unit), a summary of the shift from the logs, and suggests a
status.  The outgoing officer edits the text and status, adds actions (with an owner and a due
time), "if this, then that" contingencies and unit items, and hands over.  The incoming officer
or a supervisor acknowledges person by person, may ask one read-back question per person that
the outgoing officer answers, and signs once everyone is acknowledged and every question has
its answer.

Who may do what is decided by the handover, not by caseloads: everyone involved works on the
same unit; the outgoing officer writes, the incoming officer (or, when none was named, any
other officer of the unit) and the unit's supervisors read, acknowledge and sign.

Sensitive case notes are counted in a draft, never quoted: a handover is read aloud at shift
change and printed, so it must not carry what only the contact officer should read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from officer_desk.app.setting_definitions import CONTACT_NUDGE_DAYS, REFUSAL_STREAK_MEALS
from officer_desk.app.writes import Actor, Change, write
from officer_desk.domain import identity, rules, wording
from officer_desk.domain.enums import HandoverStatus, Role
from officer_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from officer_desk.domain.wording import Phrase, phrase, topic
from officer_desk.store import handover as reads
from officer_desk.store import home
from officer_desk.store.database import Store
from officer_desk.store.queries import dbapi, people_of
from officer_desk.store.tables import (
    Handover,
    HandoverAction,
    HandoverContingency,
    HandoverEntry,
    HandoverUnitItem,
    Inmate,
    Officer,
)

# Plain strings, as stored and synced.
DRAFT, HANDED_OVER, SIGNED = (
    HandoverStatus.DRAFT.value,
    HandoverStatus.HANDED_OVER.value,
    HandoverStatus.SIGNED.value,
)
STATUSES = reads.STATUSES
UNIT_ITEM_KINDS = reads.UNIT_ITEM_KINDS
MAX_SHIFT = timedelta(hours=24)
MAX_TEXT = 4000
MAX_SHORT = 500


# --- drafting ------------------------------------------------------------------------------

D = "handover draft"  # the catalogue context of the drafts' phrases
# The words a draft uses for the logged codes (English keys of the catalogue, shown in the
# reader's language); a code not here is shown as it is.
MEALS = {
    "breakfast": phrase(D, "breakfast"), "lunch": phrase(D, "lunch"),
    "dinner": phrase(D, "dinner"), "evening": phrase(D, "evening meal"),
}  # fmt: skip
OUTCOMES = {
    "ate": phrase(D, "ate"), "partial": phrase(D, "ate some"), "declined": phrase(D, "declined"),
    "away": phrase(D, "away"), "attended": phrase(D, "attended"), "refused": phrase(D, "refused"),
    "sick": phrase(D, "sick"), "not_required": phrase(D, "not required"),
    "cancelled": phrase(D, "cancelled"), "clash": phrase(D, "clash"), "other": phrase(D, "other"),
}  # fmt: skip
REASONS = {
    "not_hungry": phrase(D, "not hungry"), "religious_or_diet": phrase(D, "religion or diet"),
    "medical": phrase(D, "medical"), "asleep": phrase(D, "asleep"),
    "protest": phrase(D, "protest"), "other": phrase(D, "other reason"),
}  # fmt: skip
CATEGORIES = {
    "work": phrase(D, "work/workshop"), "school": phrase(D, "school"),
    "gym": phrase(D, "gym and sport"), "recreation": phrase(D, "recreation"),
    "cooking": phrase(D, "cooking"), "visit": phrase(D, "visit"),
    "phone_call": phrase(D, "phone call"), "religious_service": phrase(D, "religious service"),
    "health": phrase(D, "health appointment"), "programme": phrase(D, "programme session"),
}  # fmt: skip


def _note(kind: str, text: str) -> Phrase:
    # One sentence per kind: Norwegian joins the kind to the word ("Bekymringsnotat").
    if kind == "positive":
        return phrase(D, "Positive note: “{text}”", text=text)
    if kind == "concern":
        return phrase(D, "Concern note: “{text}”", text=text)
    if kind == "safety":
        return phrase(D, "Safety note: “{text}”", text=text)
    return phrase(D, "General note: “{text}”", text=text)


def _word(words: dict[str, Phrase], code: str) -> Phrase:
    return words.get(code) or phrase(D, "{code}", code=code)


def draft_lines(facts: reads.ShiftFacts) -> list[Phrase]:
    """The drafted summary of one person's shift, one phrase per kind of fact; stored as
    phrases and rendered when read, in the reader's language."""
    lines: list[Phrase] = []
    if facts.meals:
        items = []
        for m in facts.meals:
            meal, outcome = _word(MEALS, m.meal), _word(OUTCOMES, m.outcome)
            if m.decline_reason:
                why = _word(REASONS, m.decline_reason)
                items.append(phrase(D, "{meal} {outcome} ({reason})", meal=meal, outcome=outcome,
                                    reason=why))  # fmt: skip
            elif m.ate_together and m.outcome in ("ate", "partial"):
                items.append(phrase(D, "{meal} {outcome} (together)", meal=meal, outcome=outcome))
            else:
                items.append(phrase(D, "{meal} {outcome}", meal=meal, outcome=outcome))
        lines.append(phrase(D, "Meals: {items}.", items=tuple(items)))
    if facts.activities:
        activities = tuple(
            phrase(D, "{activity} {outcome}", activity=_word(CATEGORIES, a.category),
                   outcome=_word(OUTCOMES, a.outcome))
            for a in facts.activities
        )  # fmt: skip
        lines.append(phrase(D, "Activities: {items}.", items=activities))
    if facts.conversations:
        moods = ", ".join(str(c.mood) for c in facts.conversations)
        topics = tuple(topic(t) for t in sorted({t for c in facts.conversations for t in c.topics}))
        count = len(facts.conversations)
        lines.append(
            phrase(D, "%n conversation(s) (mood {moods} of 5; {topics}).", count, moods=moods,
                   topics=topics)
            if topics
            else phrase(D, "%n conversation(s) (mood {moods} of 5).", count, moods=moods)
        )  # fmt: skip
    lines.extend(_note(n.kind, n.excerpt) for n in facts.notes if not n.sensitive)
    hidden = sum(n.sensitive for n in facts.notes)
    if hidden:
        lines.append(phrase(D, "%n sensitive note(s): read on the person's page.", hidden))
    if not lines:
        lines.append(phrase(D, "Nothing logged this shift."))
    if facts.refusal_flag:
        lines.append(
            phrase(D, "Refusal streak: %n meal(s) declined in a row.", facts.refusal_streak)
        )
    if facts.contact_nudge:
        if facts.days_since_conversation is None:
            lines.append(phrase(D, "No one-to-one conversation yet."))
        else:
            lines.append(
                phrase(
                    D, "No one-to-one conversation for %n day(s).", facts.days_since_conversation
                )
            )
    if facts.recent_concerns:
        lines.append(
            phrase(D, "%n concern or safety note(s) in the last two weeks.", facts.recent_concerns)
        )
    if facts.overdue_follow_ups:
        lines.append(phrase(D, "%n follow-up(s) overdue.", facts.overdue_follow_ups))
    if facts.alerts:
        # Alerts are the words officers wrote on the person's profile: shown as written.
        lines.append(phrase(D, "Alerts: {alerts}.", alerts=", ".join(facts.alerts)))
    return lines


def suggested_status(facts: reads.ShiftFacts) -> str:
    """concern: a refusal streak or a concern/safety note this shift; watch: something
    declined or refused, a low mood, overdue follow-ups or recent concern notes."""
    if facts.refusal_flag or any(n.kind in ("concern", "safety") for n in facts.notes):
        return "concern"
    if (
        any(m.outcome == "declined" for m in facts.meals)
        or any(a.outcome == "refused" for a in facts.activities)
        or any(c.mood <= 2 for c in facts.conversations)
        or facts.overdue_follow_ups
        or facts.recent_concerns
    ):
        return "watch"
    return "settled"


@dataclass(frozen=True)
class Drafted:
    handover_id: str
    change: Change


def start_handover(
    store: Store,
    actor: Actor,
    shift_start: datetime,
    shift_end: datetime,
    *,
    incoming_id: str | None = None,
) -> Drafted:
    """Draft a handover of the actor's caseload (a supervisor's: the unit) for the shift."""
    with write(store, actor) as w:
        me = _writer_officer(w.session, actor)
        if shift_end <= shift_start:
            raise ValidationError("The shift must end after it starts.", "shift_end")
        if shift_end - shift_start > MAX_SHIFT:
            raise ValidationError("A shift can be at most 24 hours long.", "shift_end")
        rules.not_in_future(shift_start, w.now, "shift_start", "The shift's start")
        if incoming_id is not None:
            _check_reader(w.session, me, incoming_id)
        already = w.session.exec(
            select(Handover).where(
                Handover.outgoing_id == me.id,
                Handover.status == DRAFT,
                col(Handover.deleted_at).is_(None),
            )
        ).first()
        if already is not None:
            raise ValidationError(
                (
                    "You already have a handover in draft (shift from {value1}). "
                    "Continue that one or hand it over first."
                ),
                "shift_start",
                value1=_local(already.shift_start),
            )
        people = _people_of(w.session, me, w.now.date())
        conn = dbapi(w.session)
        facts = reads.shift_facts(
            conn,
            people,
            shift_start,
            shift_end,
            streak_meals=REFUSAL_STREAK_MEALS.bounded(
                home.local_setting(conn, REFUSAL_STREAK_MEALS.key)
            ),
            nudge_days=CONTACT_NUDGE_DAYS.bounded(home.local_setting(conn, CONTACT_NUDGE_DAYS.key)),
        )
        handover = Handover(
            unit_id=me.unit_id,
            shift_start=shift_start,
            shift_end=shift_end,
            outgoing_id=me.id,
            incoming_id=incoming_id,
            status=DRAFT,
            created_at=w.now,
        )
        w.insert(handover, detail=f"handover drafted for {len(facts)} people")
        for pid in people:
            if pid not in facts:
                continue
            # Stored as phrases: whoever reads it reads it in their own language.
            text = wording.dumps(draft_lines(facts[pid]))
            w.insert(
                HandoverEntry(
                    handover_id=handover.id,
                    inmate_id=pid,
                    draft=text,
                    text=text,
                    status=suggested_status(facts[pid]),
                ),
                detail="handover entry drafted",
            )
        return Drafted(handover.id, w.change)


def _people_of(session: Session, me: Officer, today: Any) -> list[str]:
    if me.role == Role.SUPERVISOR:
        query = select(Inmate.id).where(
            Inmate.unit_id == me.unit_id, col(Inmate.deleted_at).is_(None)
        )
    else:
        query = select(Inmate.id).where(
            col(Inmate.id).in_(people_of(session, me.id, today)),
            col(Inmate.deleted_at).is_(None),
        )
    return sorted(set(session.exec(query).all()))


# --- the outgoing officer's edits ----------------------------------------------------------


def edit_entry(
    store: Store,
    actor: Actor,
    entry_id: str,
    *,
    text: str | None = None,
    status: str | None = None,
) -> Change:
    """Change what the handover says about a person, or their status (while in draft)."""
    with write(store, actor) as w:
        entry = _entry(w.session, entry_id)
        _outgoing_draft(w.session, actor, entry.handover_id)
        values: dict[str, Any] = {}
        if text is not None:
            values["text"] = rules.required_text(text, "text", "What you hand over", MAX_TEXT)
        if status is not None:
            if status not in STATUSES:
                raise ValidationError("Choose a status: settled, watch or concern.", "status")
            values["status"] = status
        w.update(entry, values)
        return w.change


@dataclass(frozen=True)
class ActionInput:
    text: str
    owner_id: str | None
    due_at: datetime | None = None
    inmate_id: str | None = None  # None: about the unit


def add_action(store: Store, actor: Actor, handover_id: str, action: ActionInput) -> Change:
    with write(store, actor) as w:
        handover = _outgoing_draft(w.session, actor, handover_id)
        text = rules.required_text(action.text, "text", "The action", MAX_SHORT)
        if not action.owner_id:
            raise ValidationError(
                "Choose who owns this action: every action needs an officer responsible.",
                "owner_id",
            )
        owner = w.session.get(Officer, action.owner_id)
        if (
            owner is None
            or not owner.active
            or owner.unit_id != handover.unit_id
            or owner.role == Role.ADMIN
        ):
            raise ValidationError(
                "The owner must be an active officer or supervisor of this unit.", "owner_id"
            )
        if action.due_at is not None and action.due_at < handover.shift_start:
            raise ValidationError(
                ("The due time is before the shift started ({value1}). Choose a later time."),
                "due_at",
                value1=_local(handover.shift_start),
            )
        _check_person(w.session, handover, action.inmate_id)
        w.insert(
            HandoverAction(
                handover_id=handover_id,
                inmate_id=action.inmate_id,
                text=text,
                owner_id=owner.id,
                due_at=action.due_at,
            ),
            detail="handover action",
        )
        return w.change


def add_contingency(
    store: Store,
    actor: Actor,
    handover_id: str,
    condition: str,
    response: str,
    inmate_id: str | None = None,
) -> Change:
    """ "If ``condition``, then ``response``" (about a person, or the unit)."""
    with write(store, actor) as w:
        handover = _outgoing_draft(w.session, actor, handover_id)
        _check_person(w.session, handover, inmate_id)
        w.insert(
            HandoverContingency(
                handover_id=handover_id,
                inmate_id=inmate_id,
                condition=rules.required_text(condition, "condition", "The “if”", MAX_SHORT),
                response=rules.required_text(response, "response", "The “then”", MAX_SHORT),
            ),
            detail="handover contingency",
        )
        return w.change


def add_unit_item(store: Store, actor: Actor, handover_id: str, kind: str, text: str) -> Change:
    with write(store, actor) as w:
        _outgoing_draft(w.session, actor, handover_id)
        if kind not in UNIT_ITEM_KINDS:
            raise ValidationError(
                "Choose a kind: count, escorts, appointments, visits or property.", "kind"
            )
        w.insert(
            HandoverUnitItem(
                handover_id=handover_id,
                kind=kind,
                text=rules.required_text(text, "text", "The unit item", MAX_SHORT),
            ),
            detail=f"handover unit item ({kind})",
        )
        return w.change


REMOVABLE: dict[str, Any] = {
    "handover_action": HandoverAction,
    "handover_contingency": HandoverContingency,
    "handover_unit_item": HandoverUnitItem,
}


def remove_item(store: Store, actor: Actor, entity: str, item_id: str) -> Change:
    """Take an action, contingency or unit item out of a draft (a soft delete)."""
    with write(store, actor) as w:
        table = REMOVABLE.get(entity)
        row = None if table is None else w.session.get(table, item_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("That item is no longer in the handover.")
        _outgoing_draft(w.session, actor, row.handover_id)
        w.update(row, {"deleted_at": w.now}, detail="removed from the handover")
        return w.change


def hand_over(
    store: Store, actor: Actor, handover_id: str, incoming_id: str | None = None
) -> Change:
    """Hand the draft over: from now on the outgoing side only answers questions."""
    with write(store, actor) as w:
        handover = _outgoing_draft(w.session, actor, handover_id)
        me = _writer_officer(w.session, actor)
        if incoming_id is not None:
            _check_reader(w.session, me, incoming_id)
        entries = _entries(w.session, handover_id)
        items = w.session.exec(
            select(HandoverUnitItem.id).where(
                HandoverUnitItem.handover_id == handover_id,
                col(HandoverUnitItem.deleted_at).is_(None),
            )
        ).first()
        if not entries and items is None:
            raise ValidationError(
                "There is nothing to hand over: no people and no unit items.", "handover"
            )
        values: dict[str, Any] = {"status": HANDED_OVER, "handed_over_at": w.now}
        if incoming_id is not None:
            values["incoming_id"] = incoming_id
        w.update(handover, values, detail="handed over")
        return w.change


# --- the incoming side: acknowledge, read back, sign ---------------------------------------


def acknowledge(store: Store, actor: Actor, entry_id: str) -> Change:
    """The incoming side has read and understood what was handed over about this person."""
    with write(store, actor) as w:
        entry = _entry(w.session, entry_id)
        _reader(w.session, actor, entry.handover_id)
        name = _person_name(w.session, entry.inmate_id)
        if entry.acknowledged_at is not None:
            raise ValidationError(
                "{name} was already acknowledged at {value1}.",
                "acknowledged",
                name=name,
                value1=_local(entry.acknowledged_at),
            )
        if entry.question and not entry.answer:
            raise ValidationError(
                (
                    "Your question about {name} has no answer yet. Wait for the "
                    "outgoing officer's answer, then acknowledge."
                ),
                "question",
                name=name,
            )
        w.update(
            entry,
            {"acknowledged_at": w.now, "acknowledged_by": actor.officer_id},
            detail="acknowledged",
        )
        return w.change


def ask_question(store: Store, actor: Actor, entry_id: str, question: str) -> Change:
    """Read-back: ask the outgoing officer one question about a person before acknowledging."""
    with write(store, actor) as w:
        entry = _entry(w.session, entry_id)
        _reader(w.session, actor, entry.handover_id)
        text = rules.required_text(question, "question", "The question", MAX_SHORT)
        if entry.acknowledged_at is not None:
            raise ValidationError(
                "This person is already acknowledged; ask the outgoing officer in person.",
                "question",
            )
        if entry.question:
            raise ValidationError(
                "A question about this person was already asked and answered. One question "
                "per person: talk to the outgoing officer for more."
                if entry.answer
                else "A question about this person was already asked and waits for its answer. "
                "One question per person: talk to the outgoing officer for more.",
                "question",
            )
        w.update(
            entry,
            {"question": text, "asked_at": w.now, "asked_by": actor.officer_id},
            detail="read-back question",
        )
        return w.change


def answer_question(store: Store, actor: Actor, entry_id: str, answer: str) -> Change:
    with write(store, actor) as w:
        entry = _entry(w.session, entry_id)
        handover = _handover(w.session, entry.handover_id)
        if actor.officer_id != handover.outgoing_id:
            raise PermissionDenied(
                "Only the officer who handed over can answer questions about it.",
                entity="handover",
                entity_id=handover.id,
            )
        text = rules.required_text(answer, "answer", "The answer", MAX_SHORT)
        if not entry.question:
            raise ValidationError("There is no question about this person to answer.", "answer")
        if entry.answer:
            raise ValidationError("This question has already been answered.", "answer")
        w.update(
            entry,
            {"answer": text, "answered_at": w.now, "answered_by": actor.officer_id},
            detail="read-back answer",
        )
        return w.change


def sign(store: Store, actor: Actor, handover_id: str) -> Change:
    """Sign the handover: refused while a person is unacknowledged or a question open."""
    with write(store, actor) as w:
        handover = _reader(w.session, actor, handover_id)
        entries = _entries(w.session, handover_id)
        waiting = [e for e in entries if e.acknowledged_at is None]
        if waiting:
            names = _names_of(w.session, [e.inmate_id for e in waiting])
            raise ValidationError(
                (
                    "{count} of {value1} people are not acknowledged yet: {names}. "
                    "Acknowledge each person before signing."
                ),
                "sign",
                count=len(waiting),
                value1=len(entries),
                names=names,
            )
        open_questions = [e for e in entries if e.question and not e.answer]
        if open_questions:
            names = _names_of(w.session, [e.inmate_id for e in open_questions])
            raise ValidationError(
                ("Questions still wait for an answer ({names}). Sign when they are answered."),
                "sign",
                names=names,
            )
        values: dict[str, Any] = {
            "status": SIGNED,
            "signed_at": w.now,
            "signed_by": actor.officer_id,
        }
        if handover.incoming_id is None:
            values["incoming_id"] = actor.officer_id
        w.update(handover, values, detail="signed")
        return w.change


def sign_with_password(store: Store, actor: Actor, handover_id: str, password: str) -> Change:
    """Sign after the signer typed their password again: a signature is a deliberate act of
    the person at the desk, not of whoever finds it unlocked.  A wrong password is refused
    (and audited and counted towards the lockout, as at the lock screen); nothing is signed."""
    from officer_desk.app.accounts import verify_at_desk

    with store.reading() as session:
        me = session.get(Officer, actor.officer_id) if actor.officer_id else None
        username = me.username if me is not None else ""
    if not username:
        raise NotFound("Your account is not on this workstation.")
    verify_at_desk(store, username, password, action="signature check")
    return sign(store, actor, handover_id)


def complete_action(store: Store, actor: Actor, action_id: str) -> Change:
    """Mark an action done (its owner, the incoming side or a supervisor)."""
    with write(store, actor) as w:
        action = w.session.get(HandoverAction, action_id)
        if action is None or action.deleted_at is not None:
            raise NotFound("That action is no longer in the handover.")
        handover = _handover(w.session, action.handover_id)
        me = _unit_officer(w.session, actor, handover)
        if me.id not in (action.owner_id, handover.incoming_id) and me.role != Role.SUPERVISOR:
            raise PermissionDenied(
                "Only the action's owner, the incoming officer or a supervisor can mark it done.",
                entity="handover_action",
                entity_id=action_id,
            )
        if action.done_at is not None:
            raise ValidationError(
                "This action was already done at {value1}.", value1=_local(action.done_at)
            )
        w.update(action, {"done_at": w.now, "done_by": me.id}, detail="action done")
        return w.change


# --- checks --------------------------------------------------------------------------------


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%d.%m %H:%M")


def _handover(session: Session, handover_id: str) -> Handover:
    row = session.get(Handover, handover_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("That handover does not exist on this workstation.")
    return row


def _entry(session: Session, entry_id: str) -> HandoverEntry:
    row = session.get(HandoverEntry, entry_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("That person is no longer in the handover.")
    return row


def _entries(session: Session, handover_id: str) -> Sequence[HandoverEntry]:
    return session.exec(
        select(HandoverEntry).where(
            HandoverEntry.handover_id == handover_id, col(HandoverEntry.deleted_at).is_(None)
        )
    ).all()


def _writer_officer(session: Session, actor: Actor) -> Officer:
    me = session.get(Officer, actor.officer_id) if actor.officer_id else None
    if me is None or not me.active or me.role not in (Role.OFFICER, Role.SUPERVISOR):
        raise PermissionDenied(
            "Only an officer or a supervisor can write a shift handover.",
            entity="officer",
            entity_id=actor.officer_id,
        )
    return me


def _unit_officer(session: Session, actor: Actor, handover: Handover) -> Officer:
    me = _writer_officer(session, actor)
    if me.unit_id != handover.unit_id:
        raise PermissionDenied(
            "This handover belongs to another unit.", entity="handover", entity_id=handover.id
        )
    return me


def _outgoing_draft(session: Session, actor: Actor, handover_id: str) -> Handover:
    handover = _handover(session, handover_id)
    if actor.officer_id != handover.outgoing_id:
        raise PermissionDenied(
            "Only the officer who wrote this handover can change it.",
            entity="handover",
            entity_id=handover_id,
        )
    if handover.status != DRAFT:
        raise ValidationError(
            "This handover has been handed over and can no longer be changed. Answer the "
            "incoming officer's questions instead.",
            "handover",
        )
    return handover


def _reader(session: Session, actor: Actor, handover_id: str) -> Handover:
    """The incoming officer (any other officer of the unit when none was named) or a
    supervisor of the unit, on a handed-over handover; never its author."""
    handover = _handover(session, handover_id)
    me = _unit_officer(session, actor, handover)
    if me.id == handover.outgoing_id:
        raise PermissionDenied(
            "You wrote this handover: the incoming officer or a supervisor must acknowledge "
            "and sign it.",
            entity="handover",
            entity_id=handover_id,
        )
    if (
        handover.incoming_id is not None
        and me.id != handover.incoming_id
        and me.role != Role.SUPERVISOR
    ):
        raise PermissionDenied(
            "This handover is addressed to another officer; they or a supervisor take it.",
            entity="handover",
            entity_id=handover_id,
        )
    if handover.status == DRAFT:
        raise ValidationError(
            "This handover is still a draft: wait until the outgoing officer hands it over.",
            "handover",
        )
    if handover.status == SIGNED:
        raise ValidationError(
            "This handover was signed at {value1}.",
            "handover",
            value1=_local(handover.signed_at or handover.shift_end),
        )
    return handover


def _check_reader(session: Session, me: Officer, incoming_id: str) -> None:
    if incoming_id == me.id:
        raise ValidationError(
            "You cannot hand over to yourself: choose the incoming officer or a supervisor.",
            "incoming_id",
        )
    other = session.get(Officer, incoming_id)
    if (
        other is None
        or not other.active
        or other.unit_id != me.unit_id
        or other.role not in (Role.OFFICER, Role.SUPERVISOR)
    ):
        raise ValidationError(
            "The incoming officer must be an active officer or supervisor of this unit.",
            "incoming_id",
        )


def _check_person(session: Session, handover: Handover, inmate_id: str | None) -> None:
    if inmate_id is None:
        return
    found = session.exec(
        select(HandoverEntry.id).where(
            HandoverEntry.handover_id == handover.id, HandoverEntry.inmate_id == inmate_id
        )
    ).first()
    if found is None:
        raise ValidationError("That person is not in this handover.", "inmate_id")


def _person_name(session: Session, inmate_id: str) -> str:
    person = session.get(Inmate, inmate_id)
    return "?" if person is None else identity.shown_name(person.full_name, person.preferred_name)


def _names_of(session: Session, inmate_ids: Sequence[str]) -> str:
    return ", ".join(sorted(_person_name(session, i) for i in inmate_ids))


__all__ = [
    "ActionInput",
    "Drafted",
    "acknowledge",
    "add_action",
    "add_contingency",
    "add_unit_item",
    "answer_question",
    "ask_question",
    "complete_action",
    "draft_lines",
    "edit_entry",
    "hand_over",
    "remove_item",
    "sign",
    "start_handover",
    "suggested_status",
]
