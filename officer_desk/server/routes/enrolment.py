"""Enrolment (a one-time code for a device token) and the hello that opens each sync; the
command line's enrolment codes and revocation."""

from __future__ import annotations

import secrets
from datetime import timedelta

import sqlalchemy as sa
from fastapi import APIRouter
from sqlalchemy.engine import Engine

from officer_desk.server import places
from officer_desk.server.db import begin_write, device, enrol_code
from officer_desk.server.http import (
    Device,
    HubDep,
    ProblemError,
    aware,
    check_schema,
    digest,
    normalise_code,
    problems,
    utc_now,
)
from officer_desk.server.routes.trust import root_keys
from officer_desk.sync import protocol as p

router = APIRouter()

ENROL_CODE_LIFETIME = timedelta(hours=24)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


@router.post(
    "/sync/enroll", response_model=p.EnrollResponse, responses=problems(400, 413, 422, 503)
)
def enroll(body: p.EnrollRequest, hub: HubDep) -> p.EnrollResponse:
    now = utc_now()
    code_hash = digest(normalise_code(body.code))
    with hub.writing() as conn:
        row = conn.execute(sa.select(enrol_code).where(enrol_code.c.code_hash == code_hash)).first()
        if row is None or row.used_at is not None or aware(row.expires_at) < now:
            raise ProblemError(
                400,
                "bad_code",
                "This enrolment code is not valid (wrong, already used or expired). "
                "Ask facility IT for a new one.",
            )
        token = secrets.token_urlsafe(32)
        device_id = secrets.token_hex(8)
        conn.execute(
            device.insert().values(
                id=device_id,
                name=body.device_name,
                unit_code=row.unit_code,
                facility_code=row.facility_code,
                facility_id=row.facility_id,
                unit_id=row.unit_id,
                token_hash=digest(token),
                enrolled_at=now,
            )
        )
        conn.execute(
            enrol_code.update()
            .where(enrol_code.c.code_hash == code_hash)
            .values(used_at=now, device_id=device_id)
        )
        roots = root_keys(conn, row.facility_code)
    return p.EnrollResponse(device_id=device_id, token=token, unit_code=row.unit_code, roots=roots)


@router.post(
    "/sync/hello",
    response_model=p.HelloResponse,
    responses=problems(400, 401, 413, 422, 426, 503),
)
def hello(body: p.HelloRequest, dev: Device, hub: HubDep) -> p.HelloResponse:
    now = utc_now()
    check_schema(body.schema_version)
    client = body.client_time
    if client.tzinfo is None:
        raise ProblemError(422, "malformed", "client_time must carry a time zone.")
    off = client - now
    if abs(off) > p.MAX_CLOCK_SKEW:
        minutes = round(abs(off).total_seconds() / 60)
        direction = "ahead" if off > timedelta(0) else "behind"
        raise ProblemError(
            400,
            "clock_off",
            f"This workstation's clock is off by {minutes} minutes ({direction}). "
            "Ask facility IT to set the date and time; sync resumes after that, and "
            "nothing typed here is lost.",
        )
    with hub.writing() as conn:
        conn.execute(
            device.update()
            .where(device.c.id == dev["id"])
            .values(last_sync_at=now, waiting=body.waiting, app_version=body.app_version)
        )
    return p.HelloResponse(
        server_time=now,
        device_id=dev["id"],
        unit_code=dev["unit_code"],
        min_schema_version=p.MIN_SCHEMA_VERSION,
        max_schema_version=p.MAX_SCHEMA_VERSION,
        signatures_required=hub.verify_signatures,
    )


# --- administration (the command line calls these) ------------------------------------------


def create_enrol_code(
    engine: Engine,
    unit_code: str,
    lifetime: timedelta = ENROL_CODE_LIFETIME,
    *,
    facility_code: str | None = None,
) -> str:
    """A one-time code for one workstation of unit ``unit_code`` of facility
    ``facility_code`` (without one: the hub's only facility; ``places.PlaceError`` when it
    has several); only its hash is stored.  A place the hub knows binds the code to its ids
    now; otherwise the first workstation's upload registers it (``places``)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    now = utc_now()
    with begin_write(engine) as conn:
        facility_code = places.facility_named(conn, facility_code)
        facility_id, unit_id = places.ids_of(conn, facility_code, unit_code)
        conn.execute(
            enrol_code.insert().values(
                code_hash=digest(raw),
                unit_code=unit_code,
                facility_code=facility_code,
                facility_id=facility_id,
                unit_id=unit_id,
                created_at=now,
                expires_at=now + lifetime,
            )
        )
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def revoke_device(engine: Engine, device_id: str) -> bool:
    with begin_write(engine) as conn:
        done = conn.execute(
            device.update()
            .where(device.c.id == device_id, device.c.revoked_at.is_(None))
            .values(revoked_at=utc_now())
        )
    return bool(done.rowcount)
