"""A declined meal says why; no other outcome has a reason (one rule for the dialog and the
use case)."""

from __future__ import annotations

import pytest

from officer_desk.domain.enums import DeclineReason, MealOutcome
from officer_desk.domain.errors import ValidationError
from officer_desk.domain.rules import checked_decline_reason, takes_decline_reason


def test_only_a_declined_meal_takes_a_reason() -> None:
    assert [o for o in MealOutcome if takes_decline_reason(o)] == [MealOutcome.DECLINED]
    assert takes_decline_reason("declined") and not takes_decline_reason("ate")


def test_a_declined_meal_with_its_reason() -> None:
    assert checked_decline_reason(MealOutcome.DECLINED, "medical") is DeclineReason.MEDICAL
    assert checked_decline_reason("declined", DeclineReason.PROTEST) is DeclineReason.PROTEST


def test_a_declined_meal_without_a_reason_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        checked_decline_reason(MealOutcome.DECLINED, None)
    assert refused.value.field == "decline_reason"
    assert refused.value.message == "Say why the meal was declined."


@pytest.mark.parametrize("outcome", [MealOutcome.ATE, MealOutcome.PARTIAL, MealOutcome.AWAY])
def test_a_reason_for_a_meal_that_was_not_declined_is_refused(outcome: MealOutcome) -> None:
    assert checked_decline_reason(outcome, None) is None
    with pytest.raises(ValidationError, match="only given for a declined meal"):
        checked_decline_reason(outcome, "not_hungry")


def test_an_unknown_reason_names_the_known_ones() -> None:
    with pytest.raises(ValidationError) as refused:
        checked_decline_reason("declined", "bored")
    assert refused.value.field == "decline_reason"
    assert "“bored”" in refused.value.message and "not_hungry" in refused.value.message
