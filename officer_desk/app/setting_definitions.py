"""The facility settings' keys, defaults and bounds, without the database stack.

The home screen reads two of them on the light start-up path (``store.home.local_setting``),
so their definitions must import nothing heavier than the standard library;
``app.settings`` re-exports them together with the audited way to change them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: int
    minimum: int
    maximum: int
    unit: str

    def bounded(self, text: str | None) -> int:
        """A stored value as a number within bounds; the default when missing or unreadable."""
        if text is None:
            return self.default
        try:
            value = int(text)
        except ValueError:
            return self.default
        return min(max(value, self.minimum), self.maximum)


IDLE_LOCK_MINUTES = Setting("idle_lock_minutes", "Lock after idle time", 10, 1, 30, "minutes")
CONTACT_NUDGE_DAYS = Setting(
    "contact_nudge_days", "Nudge when no one-to-one conversation for", 3, 1, 30, "days"
)
REFUSAL_STREAK_MEALS = Setting(
    "refusal_streak_meals", "Flag a refusal streak after", 3, 2, 10, "declined meals"
)
RETENTION_YEARS = Setting("retention_years", "Keep records after release for", 5, 1, 50, "years")
ALL_SETTINGS = (IDLE_LOCK_MINUTES, CONTACT_NUDGE_DAYS, REFUSAL_STREAK_MEALS, RETENTION_YEARS)
