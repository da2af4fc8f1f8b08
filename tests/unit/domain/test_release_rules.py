"""Release readiness and programme rules: the gate in every combination, urgency, alerts,
sign-off, enrolment transitions and attendance."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from officer_desk.domain import programmes as prog
from officer_desk.domain import release as rel
from officer_desk.domain.errors import ValidationError
from officer_desk.domain.release import (
    NEW_PLAN_DAYS_AHEAD,
    GateRole,
    ItemStatus,
    PlanItemState,
    Urgency,
    suggested_release_date,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("housing", "occupation"), list(itertools.product([*ItemStatus, None], repeat=2))
)
def test_gate_is_met_only_with_both_gate_items_done(
    housing: ItemStatus | None, occupation: ItemStatus | None
) -> None:
    items = [PlanItemState(ItemStatus.DONE, TODAY)]  # other items never open the gate
    if housing is not None:
        items.append(PlanItemState(housing, TODAY, GateRole.HOUSING))
    if occupation is not None:
        items.append(PlanItemState(occupation, TODAY, GateRole.EDUCATION_OR_WORK))
    result = rel.gate(items)
    assert result.housing == (housing is ItemStatus.DONE)
    assert result.education_or_work == (occupation is ItemStatus.DONE)
    assert result.met == (housing is ItemStatus.DONE and occupation is ItemStatus.DONE)
    assert len(result.missing()) == (housing is not ItemStatus.DONE) + (
        occupation is not ItemStatus.DONE
    )


@pytest.mark.parametrize(
    ("status", "due_in", "expected"),
    [
        (ItemStatus.DONE, -10, Urgency.RESOLVED),
        (ItemStatus.NOT_NEEDED, -10, Urgency.RESOLVED),
        (ItemStatus.SUPPORT_DECLINED, -10, Urgency.RESOLVED),
        (ItemStatus.NOT_STARTED, -1, Urgency.OVERDUE),
        (ItemStatus.IN_PROGRESS, 0, Urgency.DUE),
        (ItemStatus.IN_PROGRESS, 14, Urgency.DUE),
        (ItemStatus.NOT_STARTED, 15, Urgency.ON_TRACK),
    ],
)
def test_item_urgency(status: ItemStatus, due_in: int, expected: Urgency) -> None:
    item = PlanItemState(status, TODAY + timedelta(days=due_in))
    assert rel.urgency(item, TODAY) is expected


@pytest.mark.parametrize(
    ("days", "gate_met", "alert"),
    [
        (100, False, None),
        (56, False, rel.GateAlert.EIGHT_WEEKS),
        (8, False, rel.GateAlert.EIGHT_WEEKS),
        (7, False, rel.GateAlert.SEVEN_DAYS),
        (0, False, rel.GateAlert.SEVEN_DAYS),
        (7, True, None),
        (56, True, None),
    ],
)
def test_gate_alerts_at_eight_weeks_and_seven_days(
    days: int, gate_met: bool, alert: rel.GateAlert | None
) -> None:
    status = ItemStatus.DONE if gate_met else ItemStatus.IN_PROGRESS
    items = [
        PlanItemState(status, TODAY, GateRole.HOUSING),
        PlanItemState(status, TODAY, GateRole.EDUCATION_OR_WORK),
        PlanItemState(ItemStatus.NOT_STARTED, TODAY - timedelta(days=1)),
        PlanItemState(ItemStatus.NOT_STARTED, TODAY + timedelta(days=3)),
        PlanItemState(ItemStatus.NOT_NEEDED, TODAY),
    ]
    result = rel.readiness(items, TODAY + timedelta(days=days), TODAY)
    assert result.alert == alert
    assert result.days_to_release == days
    assert (result.overdue, result.due) == ((1, 1) if gate_met else (1, 3))
    assert result.share_done == pytest.approx((3 if gate_met else 1) / 5)
    # Without a plan the gate is unmet by definition, so only the days decide.
    unplanned = (
        None
        if days > 56
        else (rel.GateAlert.SEVEN_DAYS if days <= 7 else rel.GateAlert.EIGHT_WEEKS)
    )
    assert rel.unplanned_alert(TODAY + timedelta(days=days), TODAY) == unplanned


def test_due_dates_count_from_the_release_date() -> None:
    assert rel.due_date(date(2027, 3, 1), -30) == date(2027, 1, 30)
    assert rel.due_date(date(2027, 3, 1), 0) == date(2027, 3, 1)


def test_release_date_checks() -> None:
    assert rel.check_release_date(TODAY, TODAY) == TODAY
    with pytest.raises(ValidationError, match="in the past"):
        rel.check_release_date(TODAY - timedelta(days=1), TODAY)
    with pytest.raises(ValidationError, match="30 years"):
        rel.check_release_date(TODAY + timedelta(days=365 * 31), TODAY)


def test_sign_off_is_blocked_without_the_gate_unless_a_supervisor_writes_why() -> None:
    unmet = rel.GateResult(housing=True, education_or_work=False)
    assert rel.check_sign_off(rel.GateResult(True, True), None, is_supervisor=False) is None
    with pytest.raises(ValidationError, match="school place or job"):
        rel.check_sign_off(unmet, None, is_supervisor=True)
    with pytest.raises(ValidationError, match="Only a supervisor"):
        rel.check_sign_off(unmet, "The municipality confirmed by phone today.", is_supervisor=False)
    with pytest.raises(ValidationError, match="full sentence"):
        rel.check_sign_off(unmet, "ok", is_supervisor=True)
    reason = rel.check_sign_off(
        unmet, "  Job offer by phone; letter follows on Monday. ", is_supervisor=True
    )
    assert reason == "Job offer by phone; letter follows on Monday."


S = prog.EnrolmentStatus


@pytest.mark.parametrize(("current", "new"), list(itertools.product(list(S), repeat=2)))
def test_every_enrolment_transition(current: S, new: S) -> None:
    allowed = new in prog.ALLOWED[current]
    if not allowed:
        with pytest.raises(ValidationError, match="cannot become"):
            prog.check_transition(current, new, "a reason")
        return
    needs_reason = new in prog.ENDS or new is S.SUSPENDED
    if needs_reason:
        with pytest.raises(ValidationError, match="Give a reason"):
            prog.check_transition(current, new, "  ")
    assert prog.check_transition(current, new, " because ") == "because"


def test_attendance_counts_only_sessions_the_person_was_expected_at() -> None:
    assert prog.attendance_rate([]) is None
    assert prog.attendance_rate(["cancelled", "clash", "not_required"]) is None
    assert prog.attendance_rate(["attended", "attended", "refused", "sick", "cancelled"]) == 0.5


def test_a_new_plan_starts_from_the_registered_release_date() -> None:
    today = date(2026, 3, 2)
    assert suggested_release_date(today, date(2026, 9, 1)) == date(2026, 9, 1)
    assert suggested_release_date(today, today) == today


def test_without_a_release_date_still_to_come_a_new_plan_looks_90_days_ahead() -> None:
    today = date(2026, 3, 2)
    assert NEW_PLAN_DAYS_AHEAD == 90
    assert suggested_release_date(today, None) == date(2026, 5, 31)
    assert suggested_release_date(today, date(2026, 3, 1)) == date(2026, 5, 31)
