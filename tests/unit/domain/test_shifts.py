"""A shift is eight hours; a new handover covers the one ending now, on whole quarter hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from officer_desk.domain.shifts import SHIFT_LENGTH, shift_ending, shift_start


def test_a_shift_is_eight_hours() -> None:
    assert timedelta(hours=8) == SHIFT_LENGTH


def test_the_shift_ending_now_ends_on_the_last_quarter_hour() -> None:
    start, end = shift_ending(datetime(2026, 3, 2, 14, 52, 31, 999, tzinfo=UTC))
    assert end == datetime(2026, 3, 2, 14, 45, tzinfo=UTC)
    assert start == datetime(2026, 3, 2, 6, 45, tzinfo=UTC)


def test_on_a_quarter_hour_the_shift_ends_right_then_and_may_start_the_day_before() -> None:
    start, end = shift_ending(datetime(2026, 3, 2, 6, 0, tzinfo=UTC))
    assert (start, end) == (datetime(2026, 3, 1, 22, 0, tzinfo=UTC), end)
    assert end == datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def test_the_shift_began_at_sign_in_or_else_a_shift_ago() -> None:
    now = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    signed_in = datetime(2026, 3, 2, 13, 10, tzinfo=UTC)
    assert shift_start(signed_in, now) == signed_in
    assert shift_start(None, now) == datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
