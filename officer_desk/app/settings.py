"""Facility settings (idle lock, nudges, streaks, retention).

Most values live in ``local_setting`` as text, on this workstation; the retention period is
one rule for the facility, a column of the synced facility record (``FACILITY_WIDE``).  Each
setting declares its default, bounds and the words to use when a value is refused.  Changing
one is an admin's job and is audited.
"""

from __future__ import annotations

from sqlmodel import Session, select

from officer_desk.app import access
from officer_desk.app.setting_definitions import (
    ALL_SETTINGS,
    CONTACT_NUDGE_DAYS,
    IDLE_LOCK_MINUTES,
    REFUSAL_STREAK_MEALS,
    RETENTION_YEARS,
    Setting,
)
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import ValidationError
from officer_desk.store.database import Store
from officer_desk.store.tables import Facility, LocalSetting

# Defined where the light start-up path can read them (app/setting_definitions.py).
__all__ = [
    "ALL_SETTINGS",
    "CONTACT_NUDGE_DAYS",
    "IDLE_LOCK_MINUTES",
    "REFUSAL_STREAK_MEALS",
    "RETENTION_YEARS",
    "Setting",
    "get",
    "read",
    "set_value",
]


def get(store: Store, setting: Setting) -> int:
    with store.reading() as session:
        return read(session, setting)


# Settings that are one rule for the whole facility: a column of the facility record, synced
# and signed like any change (an admin's only, at the hub too), instead of a local value.
FACILITY_WIDE = {RETENTION_YEARS.key: "retention_years"}


def read(session: Session, setting: Setting) -> int:
    column = FACILITY_WIDE.get(setting.key)
    if column is not None:
        facility = session.exec(select(Facility)).first()
        value = getattr(facility, column) if facility is not None else None
        if value is not None:
            return setting.bounded(str(value))
    row = session.get(LocalSetting, setting.key)
    return setting.bounded(None if row is None else row.value)


def set_value(store: Store, actor: Actor, setting: Setting, value: int | str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(
            "{label}: “{value}” is not a whole number.",
            setting.key,
            label=setting.label,
            value=value,
        ) from None
    if not setting.minimum <= number <= setting.maximum:
        raise ValidationError(
            "{label} must be between {minimum} and {maximum} {unit}.",
            setting.key,
            label=setting.label,
            minimum=setting.minimum,
            maximum=setting.maximum,
            unit=setting.unit,
        )
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="change settings")
        column = FACILITY_WIDE.get(setting.key)
        facility = w.session.exec(select(Facility)).first() if column else None
        if column is not None and facility is not None:
            old_value = read(w.session, setting)
            w.update(facility, {column: number}, detail=f"{setting.key}: the facility's rule")
            w.audit_only("setting", "facility", setting.key, f"{old_value} -> {number}")
            return number
        row = w.session.get(LocalSetting, setting.key)
        old = row.value if row else str(setting.default)
        if row is None:
            row = LocalSetting(key=setting.key, value=str(number))
        row.value = str(number)
        w.session.add(row)
        w.audit_only("setting", "local_setting", setting.key, f"{old} -> {number}")
    return number
