"""Domain rules: streaks, caseload limits, amendments, input checks, the hybrid clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from officer_desk.domain import rules
from officer_desk.domain.errors import ValidationError
from officer_desk.domain.hlc import HybridClock, Timestamp
from officer_desk.domain.rules import LogEvent


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        ([], 0),
        (["ate"], 0),
        (["declined"], 1),
        (["declined", "declined", "declined", "ate"], 3),
        (["declined", "away", "declined", "partial", "declined"], 2),
        (["away", "away"], 0),
        (["ate", "declined", "declined"], 0),
    ],
)
def test_refusal_streak_counts_back_from_newest(outcomes: list[str], expected: int) -> None:
    assert rules.refusal_streak(outcomes) == expected


def test_refusal_streak_rejects_unknown_outcome() -> None:
    with pytest.raises(ValueError):
        rules.refusal_streak(["starved"])


def test_caseload_warning_only_above_six() -> None:
    assert rules.caseload_warning(6) is None
    warning = rules.caseload_warning(7)
    assert warning is not None and "7 people" in warning


def test_days_to_release() -> None:
    assert rules.days_to_release(date(2026, 1, 1), date(2026, 1, 31)) == 30
    assert rules.days_to_release(date(2026, 1, 1), None) is None


def test_effective_logs_apply_amendments_and_voids() -> None:
    events = [
        LogEvent("a", None, False),
        LogEvent("b", None, False),
        LogEvent("a2", "a", False),  # correction of a
        LogEvent("bv", "b", True),  # void of b
        LogEvent("c", None, False),
    ]
    assert rules.effective_log_ids(events) == {"a2", "c"}


@pytest.mark.parametrize("value", ["", "   ", None])
def test_required_text_names_the_field(value: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        rules.required_text(value, "full_name", "Full name")
    assert caught.value.field == "full_name"
    assert "Full name is required" in caught.value.message


def test_text_over_limit_is_refused_with_the_limit() -> None:
    with pytest.raises(ValidationError, match="shorten it to 5"):
        rules.limited_text("abcdefg", "cell", "Cell", 5)


@pytest.mark.parametrize("number", ["H-1001", "2024/123", "AB12"])
def test_valid_prison_numbers(number: str) -> None:
    assert rules.prison_number(number) == number


@pytest.mark.parametrize("number", ["", "-12", "H 1001", "x" * 21, "Å-1"])
def test_invalid_prison_numbers(number: str) -> None:
    with pytest.raises(ValidationError):
        rules.prison_number(number)


def test_person_dates() -> None:
    today = date(2026, 11, 23)
    rules.check_person_dates(today, date(1990, 1, 1), date(2025, 1, 1), date(2027, 1, 1))
    with pytest.raises(ValidationError, match="future"):
        rules.check_person_dates(today, date(2030, 1, 1), None, None)
    with pytest.raises(ValidationError, match="younger than 15"):
        rules.check_person_dates(today, date(2015, 1, 1), None, None)
    with pytest.raises(ValidationError, match="Arrival date is in the future"):
        rules.check_person_dates(today, None, date(2027, 1, 1), None)
    with pytest.raises(ValidationError) as caught:
        rules.check_person_dates(today, None, date(2025, 1, 1), date(2024, 1, 1))
    assert caught.value.field == "expected_release_date"


def test_not_in_future_allows_five_minutes_of_clock_drift() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    rules.not_in_future(now + timedelta(minutes=4), now, "t", "Time")
    with pytest.raises(ValidationError):
        rules.not_in_future(now + timedelta(minutes=6), now, "t", "Time")


def test_parse_iso_date_explains_the_format() -> None:
    assert rules.parse_iso_date(" 2026-03-01 ", "d", "Date") == date(2026, 3, 1)
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        rules.parse_iso_date("01.03.2026", "d", "Date")


def test_split_list() -> None:
    assert rules.split_list("norsk; English,  polski ") == ["norsk", "English", "polski"]
    assert rules.split_list("") == []


def test_hlc_is_monotonic_even_when_the_wall_clock_goes_back() -> None:
    wall = iter([1000, 1000, 900, 2000])
    clock = HybridClock("dev1", wall_ms=lambda: next(wall))
    stamps = [clock.now() for _ in range(4)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 4
    assert Timestamp.decode(stamps[2]) == Timestamp(1000, 2, "dev1")


def test_hlc_receive_moves_past_remote_time() -> None:
    clock = HybridClock("a", wall_ms=lambda: 1000)
    remote = Timestamp(5000, 7, "b").encode()
    clock.receive(remote)
    assert clock.now() > remote


def test_a_void_wins_even_when_it_sorts_before_the_original() -> None:
    # Ids made in bulk run ahead of the clock, so a later void can have a smaller id.
    t = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    events = [
        LogEvent("0-void", "9-orig", True, t + timedelta(hours=1)),
        LogEvent("9-orig", None, False, t),
    ]
    assert rules.effective_log_ids(events) == set()


def test_the_latest_amendment_by_time_counts_not_by_id() -> None:
    t = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    events = [
        LogEvent("5-orig", None, False, t),
        LogEvent("1-later", "5-orig", False, t + timedelta(hours=2)),
        LogEvent("9-earlier", "5-orig", False, t + timedelta(hours=1)),
    ]
    assert rules.effective_log_ids(events) == {"1-later"}
