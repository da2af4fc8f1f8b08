"""The one codec for moments: naive is UTC, stored text round-trips, bad text is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from officer_desk.domain import moments

OSLO_SUMMER = timezone(timedelta(hours=2))


def test_a_moment_without_a_zone_is_utc_and_one_with_a_zone_keeps_it() -> None:
    naive = datetime(2026, 6, 1, 8, 30)
    assert moments.as_utc(naive) == datetime(2026, 6, 1, 8, 30, tzinfo=UTC)
    local = datetime(2026, 6, 1, 10, 30, tzinfo=OSLO_SUMMER)
    assert moments.as_utc(local) is local


def test_stored_text_is_utc_and_reads_back_as_the_same_moment() -> None:
    local = datetime(2026, 6, 1, 10, 30, 5, 120, tzinfo=OSLO_SUMMER)
    text = moments.stored_utc(local)
    assert text == "2026-06-01 08:30:05.000120"
    assert moments.parse_utc(text) == local
    assert moments.parse_utc(text).tzinfo is UTC
    # Text with its offset (a payload's) reads as the moment it names.
    assert moments.parse_utc("2026-06-01T10:30:05.000120+02:00") == local
    # Stored text sorts as the moments do (SQL compares it as text).
    later = local + timedelta(microseconds=1)
    assert moments.stored_utc(local) < moments.stored_utc(later)


def test_none_passes_and_text_that_is_no_moment_is_refused() -> None:
    assert moments.parse_utc(None) is None
    assert moments.parse_date(None) is None
    assert moments.parse_date("2026-02-28") == date(2026, 2, 28)
    for bad in ("", "yesterday", "2026-02-30 10:00:00"):
        with pytest.raises(ValueError):
            moments.parse_utc(bad)
