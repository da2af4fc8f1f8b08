"""Moments in time as the store and the wire keep them: one codec for the whole app.

The store keeps every moment in UTC as ``YYYY-MM-DD HH:MM:SS.ffffff`` (what SQLAlchemy writes
for the tables' datetimes, so SQL can compare them as text); SQLite hands them back without an
offset, and a moment without one is UTC everywhere in the app.  Payloads and the hub carry ISO
8601 text with its offset.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import overload


def as_utc(moment: datetime) -> datetime:
    """``moment`` with its zone: one without (as SQLite gives them back) is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@overload
def parse_utc(text: str) -> datetime: ...
@overload
def parse_utc(text: None) -> None: ...
@overload
def parse_utc(text: str | None) -> datetime | None: ...
def parse_utc(text: str | None) -> datetime | None:
    """A stored or sent moment (ISO 8601, with or without its offset), None for none;
    ValueError if the text is no moment."""
    return None if text is None else as_utc(datetime.fromisoformat(text))


@overload
def parse_date(text: str) -> date: ...
@overload
def parse_date(text: None) -> None: ...
@overload
def parse_date(text: str | None) -> date | None: ...
def parse_date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def stored_utc(moment: datetime) -> str:
    """A moment as the store keeps it (UTC, microseconds), for comparisons in SQL."""
    return as_utc(moment).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
