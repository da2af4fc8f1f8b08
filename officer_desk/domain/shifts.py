"""The unit's shifts: how long one is, and the shift a handover covers when none is chosen."""

from __future__ import annotations

from datetime import datetime, timedelta

SHIFT_LENGTH = timedelta(hours=8)
# Handover times are chosen on whole quarter hours (the shift fields step by 15 minutes).
QUARTER_HOUR = 15


def shift_ending(now: datetime) -> tuple[datetime, datetime]:
    """The shift that ends now (on the last whole quarter hour), one shift length long: what
    a new handover covers until the officer changes it."""
    end = now.replace(minute=now.minute - now.minute % QUARTER_HOUR, second=0, microsecond=0)
    return end - SHIFT_LENGTH, end


def shift_start(signed_in_at: datetime | None, now: datetime) -> datetime:
    """When the officer's shift began: at sign-in; without one, a shift's length ago."""
    return signed_in_at or now - SHIFT_LENGTH
