"""The unit's invariants the hub keeps when workstations that were apart break them together.

Each workstation checks these rules before it writes, but two of them offline each see a
world where the rule holds; merged record by record, their changes would break it everywhere.
So after an op is merged (``merge.Merger._merge``) and before it is written, ``keep`` checks
the rule of its kind of record against what the hub holds *and* what ops merged earlier in the
same transaction made (a group commit writes only at its end: ``Merger.siblings``).  The rule
is always the same: the record that reached the hub first stands; the later change is stored
in a form that keeps the rule (closed, withdrawn) or, where no such form exists, refused; and a
``sync_conflict`` names both sides for a supervisor.  A closed change is stored, not dropped,
so the workstation that made it pulls the outcome; with a refusal the standing record is sent
again, and that workstation replaces its own with it: every workstation converges.

* ``assignment`` (contact, any reason but ``cover``): one contact officer per person at any
  date -- no two of a person's contact assignments overlap (start inclusive, end exclusive).
  A later new one is stored ended at its own start (it counts on no date) and opens an
  ``assignment`` conflict to decide; a later change of dates that would overlap keeps the
  stored dates (an ``assignment`` conflict to review).
* ``assignment`` (``cover``): one officer does not cover one person in overlapping windows.
  The later cover is stored cancelled (ended at its start, as the cover screen reads it), a
  ``cover`` conflict to review.
* ``enrolment``: one ongoing enrolment per person and programme.  The later one is stored
  withdrawn with the reason in words, an ``enrolment`` conflict to review.
* ``release_plan``: one release plan per person.  A plan has no closed form and workstations
  hold one per person, so the later plan is refused (its items then are too: their plan is not
  on the hub) and a ``release_plan`` conflict to decide is opened; the workstation that made it
  replaces it with the standing plan when it pulls that (``sync.client.REFUSED_ROOM``).
* ``milestone_signoff``, ``release_signoff``: a milestone of an enrolment is signed off once,
  a release plan once per role.  The later sign-off is refused the same way (a conflict of
  the same name, to review).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from officer_desk.domain.enums import AssignmentReason
from officer_desk.domain.programmes import ENDS, EnrolmentStatus
from officer_desk.sync import protocol as p

if TYPE_CHECKING:
    from officer_desk.server.merge import Merger, Rec

COVER = AssignmentReason.COVER.value
ENDED = frozenset(s.value for s in ENDS)
HUB = "hub"  # the device named in the metadata of a value the hub set itself


Rule = Callable[["Merger", p.Op, "Rec | None", list["Rec"]], list["Rec"]]


class Refused(Exception):
    """The op breaks an invariant and has no closed form: refused, with the conflict that
    says so (``merge`` turns this into its rejection).  ``standing`` is the record that
    stands: it moves to the end of the feed, so the workstation that made the refused one
    pulls it after its refusal even if it skipped it before (it then still held its own)."""

    def __init__(self, reason: str, records: list[Rec], standing: Rec) -> None:
        super().__init__(reason)
        self.reason = reason
        self.records = records
        self.standing = standing


def keep(m: Merger, op: p.Op, current: Rec | None, changed: list[Rec]) -> list[Rec]:
    """``changed`` (the op's own record first), made to keep its kind's invariant; the
    conflicts opened are added after it."""
    rule = RULES.get(op.entity)
    if rule is None or not changed or changed[0].inmate_id is None:
        return changed
    return rule(m, op, current, changed)


# --- assignments -----------------------------------------------------------------------------


def _span(data: dict[str, Any]) -> tuple[str, str | None] | None:
    """(start, end) of an assignment in force on some date, or None (deleted, empty)."""
    start, end = data.get("start_date"), data.get("end_date")
    if data.get("deleted_at") is not None or not isinstance(start, str):
        return None
    if end is not None and str(end) <= start:
        return None
    return start, None if end is None else str(end)


def _overlap(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    return (b[1] is None or a[0] < b[1]) and (a[1] is None or b[0] < a[1])


def _officer_name(m: Merger, officer_id: Any) -> str:
    officer = m.load("officer", str(officer_id))
    name = officer.data.get("display_name") if officer is not None else None
    return str(name or "another officer")


def _set(rec: Rec, op: p.Op, name: str, value: Any) -> None:
    """A value the hub sets: a later change made without knowing it is concurrent."""
    rec.data[name] = value
    rec.meta[name] = [op.hlc, rec.version, HUB]


def _restore(rec: Rec, current: Rec, names: tuple[str, ...]) -> None:
    for name in names:
        if name in current.data:
            rec.data[name] = current.data[name]
        if name in current.meta:
            rec.meta[name] = current.meta[name]


def _assignments(m: Merger, op: p.Op, current: Rec | None, changed: list[Rec]) -> list[Rec]:
    rec = changed[0]
    span = _span(rec.data)
    if span is None:
        return changed
    cover = rec.data.get("reason") == COVER
    clash, clash_span = None, None
    for other in m.siblings("assignment", str(rec.inmate_id)):
        if other.entity_id == rec.entity_id or (other.data.get("reason") == COVER) != cover:
            continue
        if cover and other.data.get("officer_id") != rec.data.get("officer_id"):
            continue  # two officers may cover one person; one officer covers them once
        clash_span = _span(other.data)
        if clash_span is not None and _overlap(span, clash_span):
            clash = other
            break
    if clash is None or clash_span is None:
        return changed
    dates = ("start_date", "end_date")
    before = _span(current.data) if current is not None else None
    if current is not None and before is not None:
        # A change of dates of a stored assignment: the stored dates stand (unless they
        # overlapped already, which this change did not cause).
        if _overlap(before, clash_span):
            return changed
        lost = {n: rec.data.get(n) for n in dates}
        _restore(rec, current, dates)
        # The field merge may have kept a losing date as a conflict: the hub's answer is this.
        conflicts = [
            c
            for c in changed[1:]
            if not (c.data.get("entity_id") == rec.entity_id and c.data.get("field_name") in dates)
        ]
        kept = {n: rec.data.get(n) for n in dates}
        words = "cover" if cover else "contact assignment"
        return [
            rec,
            *conflicts,
            m._conflict(
                rec,
                kind="cover" if cover else "assignment",
                field_name="end_date",
                kept=kept["end_date"],
                lost=lost["end_date"],
                lost_by=op.payload.get("updated_by"),
                lost_hlc=op.hlc,
                auto_resolved=True,
                note=f"this {words} kept its dates: the new ones would overlap "
                f"{_officer_name(m, clash.data.get('officer_id'))}'s, made on another "
                "workstation at the same time",
            ),
        ]
    # A new assignment (or one that was empty): stored ended at its own start.
    start = rec.data.get("start_date")
    lost_end = rec.data.get("end_date")
    _set(rec, op, "end_date", start)
    standing = _officer_name(m, clash.data.get("officer_id"))
    later = _officer_name(m, rec.data.get("officer_id"))
    if cover:
        conflict = m._conflict(
            rec,
            kind="cover",
            field_name="end_date",
            kept=clash.data.get("end_date"),
            lost=lost_end,
            lost_by=op.payload.get("updated_by"),
            lost_hlc=op.hlc,
            auto_resolved=True,
            note=f"{later} was set to cover this person twice in overlapping dates on two "
            f"workstations at the same time; the cover from {clash.data.get('start_date')} "
            f"to {clash.data.get('end_date')} stands, the one from {start} to {lost_end} "
            "was cancelled",
        )
    else:
        conflict = m._conflict(
            rec,
            kind="assignment",
            field_name="officer_id",
            kept=clash.data.get("officer_id"),
            lost=rec.data.get("officer_id"),
            lost_by=op.payload.get("updated_by"),
            lost_hlc=op.hlc,
            auto_resolved=False,
            note=f"{standing} and {later} were both made this person's contact officer on "
            f"two workstations at the same time; {standing} (the first to reach the hub) "
            f"stays, the assignment to {later} was closed",
        )
    return [*changed, conflict]


# --- enrolments ------------------------------------------------------------------------------


def _enrolments(m: Merger, op: p.Op, current: Rec | None, changed: list[Rec]) -> list[Rec]:
    rec = changed[0]

    def ongoing(data: dict[str, Any]) -> bool:
        return data.get("deleted_at") is None and data.get("status") not in ENDED

    if not ongoing(rec.data):
        return changed
    programme = rec.data.get("programme_id")
    clash = next(
        (
            other
            for other in m.siblings("enrolment", str(rec.inmate_id))
            if other.entity_id != rec.entity_id
            and other.data.get("programme_id") == programme
            and ongoing(other.data)
        ),
        None,
    )
    if clash is None:
        return changed
    if current is not None and ongoing(current.data):
        return changed  # both were ongoing before this change: not of its making
    lost = rec.data.get("status")
    if current is not None:
        _restore(rec, current, ("status", "status_changed_at", "status_reason"))
    else:
        _set(rec, op, "status", EnrolmentStatus.WITHDRAWN.value)
        _set(
            rec,
            op,
            "status_reason",
            "Enrolled twice in this programme on two workstations at the same time; the "
            "other enrolment stands.",
        )
    conflict = m._conflict(
        rec,
        kind="enrolment",
        field_name="status",
        kept=rec.data.get("status"),
        lost=lost,
        lost_by=op.payload.get("updated_by"),
        lost_hlc=op.hlc,
        auto_resolved=True,
        note="this person was enrolled in the same programme on two workstations at the same "
        f"time; the enrolment of {clash.data.get('enrolled_on')} (the first to reach the "
        "hub) stands, this one was withdrawn",
    )
    return [*changed, conflict]


# --- release plans ---------------------------------------------------------------------------


def _release_plans(m: Merger, op: p.Op, current: Rec | None, changed: list[Rec]) -> list[Rec]:
    rec = changed[0]
    if current is not None or rec.data.get("deleted_at") is not None:
        return changed
    clash = next(
        (
            other
            for other in m.siblings("release_plan", str(rec.inmate_id))
            if other.entity_id != rec.entity_id and other.data.get("deleted_at") is None
        ),
        None,
    )
    if clash is None:
        return changed
    conflict = m._conflict(
        rec,
        kind="release_plan",
        field_name="release_date",
        kept=clash.data.get("release_date"),
        lost=rec.data.get("release_date"),
        lost_by=op.payload.get("updated_by"),
        lost_hlc=op.hlc,
        auto_resolved=False,
        note="two release plans were made for this person on two workstations at the same "
        f"time; the plan for {clash.data.get('release_date')} (the first to reach the hub) "
        f"stands, the one for {rec.data.get('release_date')} was not kept: what was written "
        "in it is in that workstation's list of refused changes",
    )
    raise Refused(
        "This person already has a release plan, made on another workstation at the same "
        "time; that plan stands and replaces this one here at the next sync.",
        [conflict],
        clash,
    )


# --- sign-offs ---------------------------------------------------------------------------


def _once(place: tuple[str, ...], what: str, words: str) -> Rule:
    """The rule of a log entry made once per ``place`` (its columns): a second one is refused
    with a ``what`` conflict to review; ``words`` name the entry in the reason."""

    def rule(m: Merger, op: p.Op, current: Rec | None, changed: list[Rec]) -> list[Rec]:
        rec = changed[0]
        if current is not None:
            return changed  # the same entry again
        key = tuple(rec.data.get(c) for c in place)
        clash = next(
            (
                other
                for other in m.siblings(op.entity, str(rec.inmate_id))
                if other.entity_id != rec.entity_id
                and tuple(other.data.get(c) for c in place) == key
            ),
            None,
        )
        if clash is None:
            return changed
        conflict = m._conflict(
            rec,
            kind=what,
            field_name="signed_by",
            kept=clash.data.get("signed_by"),
            lost=rec.data.get("signed_by"),
            lost_by=op.payload.get("updated_by"),
            lost_hlc=op.hlc,
            auto_resolved=True,
            note=f"{words} was signed off twice on two workstations at the same time; the "
            f"sign-off of {clash.data.get('signed_at')} (the first to reach the hub) stands",
        )
        raise Refused(
            f"{words.capitalize()} was already signed off on another workstation at the same "
            "time; that sign-off stands and replaces this one here at the next sync.",
            [conflict],
            clash,
        )

    return rule


RULES: dict[str, Rule] = {
    "assignment": _assignments,
    "enrolment": _enrolments,
    "release_plan": _release_plans,
    "milestone_signoff": _once(
        ("enrolment_id", "milestone_id"), "milestone_signoff", "this milestone"
    ),
    "release_signoff": _once(("plan_id", "role"), "release_signoff", "this release plan"),
}
