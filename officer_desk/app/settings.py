"""Facility settings kept on this workstation (idle lock, nudges, streaks, retention).

Values live in ``local_setting`` as text; each setting declares its default, bounds and the
words to use when a value is refused.  Changing one is an admin's job and is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from officer_desk.app import access
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import ValidationError
from officer_desk.store.database import Store
from officer_desk.store.tables import LocalSetting


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: int
    minimum: int
    maximum: int
    unit: str


IDLE_LOCK_MINUTES = Setting("idle_lock_minutes", "Lock after idle time", 10, 1, 30, "minutes")
CONTACT_NUDGE_DAYS = Setting(
    "contact_nudge_days", "Nudge when no one-to-one conversation for", 3, 1, 30, "days"
)
REFUSAL_STREAK_MEALS = Setting(
    "refusal_streak_meals", "Flag a refusal streak after", 3, 2, 10, "declined meals"
)
RETENTION_YEARS = Setting("retention_years", "Keep records after release for", 5, 1, 50, "years")
ALL_SETTINGS = (IDLE_LOCK_MINUTES, CONTACT_NUDGE_DAYS, REFUSAL_STREAK_MEALS, RETENTION_YEARS)


def get(store: Store, setting: Setting) -> int:
    with store.reading() as session:
        return read(session, setting)


def read(session: Session, setting: Setting) -> int:
    row = session.get(LocalSetting, setting.key)
    if row is None:
        return setting.default
    try:
        value = int(row.value)
    except ValueError:
        return setting.default
    return min(max(value, setting.minimum), setting.maximum)


def set_value(store: Store, actor: Actor, setting: Setting, value: int | str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(
            f"{setting.label}: “{value}” is not a whole number.", setting.key
        ) from None
    if not setting.minimum <= number <= setting.maximum:
        raise ValidationError(
            f"{setting.label} must be between {setting.minimum} and {setting.maximum} "
            f"{setting.unit}.",
            setting.key,
        )
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="change settings")
        row = w.session.get(LocalSetting, setting.key)
        old = row.value if row else str(setting.default)
        if row is None:
            row = LocalSetting(key=setting.key, value=str(number))
        row.value = str(number)
        w.session.add(row)
        w.audit_only("setting", "local_setting", setting.key, f"{old} -> {number}")
    return number
