"""What a workstation needs to trust without trusting the hub: the signed account log and the
roots, its anchored audit heads, and the unit's devices."""

from __future__ import annotations

import json
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query
from sqlalchemy.engine import Connection

from officer_desk.domain import signing
from officer_desk.server import db
from officer_desk.server.authority import KeyRing
from officer_desk.server.db import device, record
from officer_desk.server.http import (
    Device,
    HubDep,
    ProblemError,
    aware,
    problems,
    utc_now,
)
from officer_desk.sync import protocol as p

router = APIRouter()


@router.get("/sync/accounts", response_model=p.AccountsResponse, responses=problems(401, 422, 503))
def accounts(
    dev: Device,
    hub: HubDep,
    after: Annotated[int, Query(ge=0, le=p.INT64_MAX)] = 0,  # account_log.id: BigInteger
    limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = p.MAX_PAGE,
) -> p.AccountsResponse:
    """The signed changes to the accounts that matter to the caller's unit, in the order
    the hub applied them, and the roots of trust: the workstation replays them to know
    every key and role without trusting the hub (sync/trust.py).  The accounts: those
    that are or were in the unit, and the leads of other units who moved a person into
    it (their whole history, so that their key can be followed from a root)."""
    entries = db.account_log
    with hub.engine.connect() as conn:
        unit = dev["unit_id"]
        officers: set[str] = set()
        if unit is not None:
            officers |= set(
                conn.execute(
                    sa.select(entries.c.officer_id).where(
                        sa.or_(entries.c.unit_id == unit, entries.c.prev_unit == unit)
                    )
                ).scalars()
            )
            officers |= _movers_into(conn, unit)
        rows = conn.execute(
            sa.select(entries.c.id, entries.c.envelope)
            .where(entries.c.id > after, entries.c.officer_id.in_(sorted(officers)))
            .order_by(entries.c.id)
            .limit(limit + 1)
        ).all()
        roots = root_keys(conn, dev["facility_code"])
    return p.AccountsResponse(
        unit_id=unit,
        roots=roots,
        entries=[p.AccountLogEntry(id=r.id, envelope=json.loads(r.envelope)) for r in rows[:limit]],
        more=len(rows) > limit,
    )


@router.post(
    "/sync/anchor",
    response_model=p.AuditHeadsResponse,
    responses=problems(400, 401, 409, 413, 422, 503),
)
def anchor(body: p.AuditHead, dev: Device, hub: HubDep) -> p.AuditHeadsResponse:
    """Keep the end of the workstation's audit chain, signed by a person of its unit.  A
    head behind one already kept, or at the same place with another hash, is refused:
    the chain was cut or rewritten since (cli/verify.py checks it against them all)."""
    with hub.writing() as conn:
        unit = dev["unit_id"]
        officer = conn.execute(
            sa.select(record.c.scope_unit).where(
                record.c.entity == "officer", record.c.entity_id == body.signer
            )
        ).first()
        message = signing.head_bytes(
            device_id=dev["id"], seq=body.seq, hash=body.hash, signer=body.signer
        )
        keys = KeyRing(conn).of(body.signer)
        if (
            officer is None
            or unit is None
            or officer.scope_unit != unit
            or not any(
                k.retired_at is None and signing.verify(k.public, body.signature, message)
                for k in keys
            )
        ):
            raise ProblemError(
                400,
                "bad_signature",
                "This audit head is not signed by a person of this workstation's unit.",
            )
        head = db.audit_head
        last = conn.execute(
            sa.select(head.c.seq, head.c.hash)
            .where(head.c.device_id == dev["id"], head.c.seq >= body.seq)
            .order_by(head.c.seq)
            .limit(1)
        ).first()
        if last is not None and (last.seq > body.seq or last.hash != body.hash):
            raise ProblemError(
                409,
                "audit_rewritten",
                f"This workstation's audit log no longer holds entry {last.seq} as it was "
                "when it was last anchored here: it was cut or rewritten. Run "
                "'officer-desk-admin verify --hub' and tell facility IT.",
            )
        if last is None:
            conn.execute(
                head.insert().values(
                    device_id=dev["id"],
                    seq=body.seq,
                    hash=body.hash,
                    signer=body.signer,
                    signature=body.signature,
                    at=utc_now(),
                )
            )
        return audit_heads(conn, dev["id"])


@router.get("/sync/anchor", response_model=p.AuditHeadsResponse, responses=problems(401, 503))
def anchored(dev: Device, hub: HubDep) -> p.AuditHeadsResponse:
    """The heads kept for the calling workstation."""
    with hub.engine.connect() as conn:
        return audit_heads(conn, dev["id"])


@router.get("/sync/devices", response_model=p.DevicesResponse, responses=problems(401, 503))
def devices(dev: Device, hub: HubDep) -> p.DevicesResponse:
    """The workstations of the caller's unit: last sync, changes waiting (unit overview)."""
    with hub.engine.connect() as conn:
        rows = conn.execute(
            sa.select(device)
            .where(
                device.c.unit_code == dev["unit_code"],
                device.c.facility_code.is_not_distinct_from(dev["facility_code"]),
            )
            .order_by(device.c.name, device.c.id)
        ).all()
    return p.DevicesResponse(
        devices=[
            p.DeviceInfo(
                device_id=r.id,
                name=r.name,
                enrolled_at=aware(r.enrolled_at),
                last_sync_at=None if r.last_sync_at is None else aware(r.last_sync_at),
                waiting=r.waiting,
                app_version=r.app_version,
                revoked=r.revoked_at is not None,
                this_device=r.id == dev["id"],
            )
            for r in rows
        ]
    )


def audit_heads(conn: Connection, device_id: str) -> p.AuditHeadsResponse:
    """The audit chain heads a workstation anchored, oldest first (also for facility IT's
    ``officer-desk-server audit-heads``, to check a store taken off its workstation)."""
    head = db.audit_head
    rows = conn.execute(
        sa.select(head.c.seq, head.c.hash, head.c.signer, head.c.at)
        .where(head.c.device_id == device_id)
        .order_by(head.c.seq)
    ).all()
    return p.AuditHeadsResponse(
        device_id=device_id,
        heads=[p.AnchoredHead(seq=r.seq, hash=r.hash, signer=r.signer, at=r.at) for r in rows],
    )


def _movers_into(conn: Connection, unit: str) -> set[str]:
    """Who signed the unit of each person now in ``unit`` (a transfer's lead)."""
    out: set[str] = set()
    proofs = conn.execute(
        sa.select(record.c.proof).where(
            record.c.entity == "inmate", record.c.scope_unit == unit, record.c.proof.is_not(None)
        )
    ).scalars()
    for text in proofs:
        proof = json.loads(text)
        envelope = proof.get("ops", {}).get(proof.get("fields", {}).get("unit_id"))
        if isinstance(envelope, dict) and isinstance(envelope.get("signer"), str):
            out.add(envelope["signer"])
    return out


def root_keys(conn: Connection, facility_code: str | None) -> list[p.RootKey]:
    """The admin keys facility IT registered (``officer-desk-server trust-admin``) for the
    units of one facility: a workstation never pins another facility's admins."""
    key = db.signing_key
    rows = conn.execute(
        sa.select(key.c.root_unit_code, key.c.officer_id, key.c.public)
        .where(
            key.c.root_unit_code.is_not(None),
            key.c.root_facility_code.is_not_distinct_from(facility_code),
        )
        .order_by(key.c.root_unit_code, key.c.officer_id, key.c.public)
    ).all()
    return [p.RootKey(unit_code=r[0], officer_id=r[1], public=r[2]) for r in rows]
