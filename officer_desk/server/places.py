"""The hub's registry of places (issue 15, item 1): facilities and units by id, each unit code
unique within its facility; what enrolment codes, devices and root keys are bound to.

Facility IT names places by code (``enroll-device --facility HAL --unit C``); the ids are the
facility's and unit's own record ids, which the hub learns from the signed records the first
workstation of a place uploads (``Merger`` calls :func:`register_facility` and
:func:`register_unit`), and every code, device and root key that named the place is bound to
them in that transaction.  A code issued once the place is known carries its ids at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from officer_desk.server.db import device, enrol_code, place, signing_key, site


class PlaceError(Exception):
    """A place named in a way the hub cannot resolve (``str`` says what to do)."""


@dataclass
class Seat:
    """Where a device writes and reads: the codes it was enrolled for and, once registered,
    the ids (``facility_code`` None: the hub's first facility)."""

    device_id: str
    unit_code: str
    facility_code: str | None
    unit_id: str | None
    facility_id: str | None

    @classmethod
    def of(cls, row: Any) -> Seat:
        get = row.get if isinstance(row, dict) else row._mapping.get
        return cls(
            str(get("id")),
            str(get("unit_code")),
            get("facility_code"),
            get("unit_id"),
            get("facility_id"),
        )


def facility_named(conn: Connection, code: str | None) -> str | None:
    """The facility code an enrolment code or a root key is for: ``code`` as given; without
    one, the hub's only facility (None on a hub with none yet: the first that registers).
    A hub with several facilities needs the code (:class:`PlaceError`)."""
    if code is not None:
        return code
    codes = list(conn.execute(sa.select(site.c.code).limit(2)).scalars())
    if len(codes) > 1:
        raise PlaceError(
            "This hub serves several facilities: name the facility with --facility CODE."
        )
    return codes[0] if codes else None


def ids_of(conn: Connection, facility_code: str | None, unit_code: str) -> tuple[Any, Any]:
    """(facility id, unit id) of a place named by codes, None where not registered yet."""
    if facility_code is None:
        return None, None
    facility_id = conn.execute(
        sa.select(site.c.facility_id).where(site.c.code == facility_code)
    ).scalar()
    if facility_id is None:
        return None, None
    unit_id = conn.execute(
        sa.select(place.c.unit_id).where(
            place.c.facility_id == facility_id, place.c.code == unit_code
        )
    ).scalar()
    return facility_id, unit_id


def seat_of(conn: Connection, device_id: str) -> Seat | None:
    """A device's seat as the database has it now (a registration may have bound it since
    its token was remembered)."""
    row = conn.execute(sa.select(device).where(device.c.id == device_id)).first()
    return None if row is None else Seat.of(row)


def facility_code_of(conn: Connection, facility_id: str) -> str | None:
    found = conn.execute(sa.select(site.c.code).where(site.c.facility_id == facility_id))
    return found.scalar()


def unit_place(conn: Connection, unit_id: str) -> tuple[str, str] | None:
    """(facility id, code) of a registered unit."""
    row = conn.execute(
        sa.select(place.c.facility_id, place.c.code).where(place.c.unit_id == unit_id)
    ).first()
    return None if row is None else (row.facility_id, row.code)


def register_facility(conn: Connection, facility_id: str, code: str) -> None:
    """Register a facility; codes, devices and roots that named it (or no facility: the
    hub's first) are bound to it."""
    conn.execute(site.insert().values(facility_id=facility_id, code=code))
    for table in (enrol_code, device):
        conn.execute(
            table.update().where(table.c.facility_code.is_(None)).values(facility_code=code)
        )
        conn.execute(
            table.update()
            .where(table.c.facility_code == code, table.c.facility_id.is_(None))
            .values(facility_id=facility_id)
        )
    conn.execute(
        signing_key.update()
        .where(signing_key.c.root_unit_code.is_not(None))
        .where(signing_key.c.root_facility_code.is_(None))
        .values(root_facility_code=code)
    )


def register_unit(conn: Connection, unit_id: str, facility_id: str, code: str) -> None:
    """Register a unit of a registered facility; codes and devices that named it are bound."""
    conn.execute(place.insert().values(unit_id=unit_id, facility_id=facility_id, code=code))
    for table in (enrol_code, device):
        conn.execute(
            table.update()
            .where(
                table.c.facility_id == facility_id,
                table.c.unit_code == code,
                table.c.unit_id.is_(None),
            )
            .values(unit_id=unit_id)
        )
