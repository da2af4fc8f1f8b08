"""Signing the outbox: each waiting change signed by its author's key (domain/signing.py).

Used by the write path (a change is signed in the transaction that writes it when its author's
key is at hand) and by the sync client (what waited is signed as soon as its signer's key is).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from officer_desk.domain import signing
from officer_desk.store.database import Store

if TYPE_CHECKING:
    from sqlmodel import SQLModel


def plain_value(value: Any) -> Any:
    """A field's value as a change's payload carries it (JSON: text for times, enums, bytes)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return value.hex()
    return value


def fields_of(row: SQLModel) -> dict[str, Any]:
    """A record's fields as its change's payload carries them."""
    return {key: plain_value(value) for key, value in row.model_dump().items()}


def payload_of(row: SQLModel) -> str:
    """A record as one canonical JSON text: what the outbox stores and the signature covers."""
    return signing.canonical_json(fields_of(row))


def sign_entry(key: Any, entry: dict[str, Any], payload: dict[str, Any] | None = None) -> str:
    """The signature of one outbox entry (a dict with the outbox's columns) by ``key``."""
    return signing.sign(
        key,
        signing.change_bytes(
            op_id=entry["op_id"],
            entity=entry["entity"],
            entity_id=entry["entity_id"],
            op=entry["op"],
            payload=json.loads(entry["payload"]) if payload is None else payload,
            hlc=entry["hlc"],
            schema_version=entry["schema_version"],
            signer=entry["signer"],
        ),
    )


LEGACY_MARK = "signed_outbox_from"  # local_setting: the first outbox seq written signed


def sign_waiting(
    store: Store, db: Any, *, upload_signer: str | None = None, legacy_of: str | None = None
) -> int:
    """Sign waiting outbox entries in the two cases where that is sound; ``db`` is a DB-API
    connection inside a write transaction; returns how many were signed.

    * At enrolment (``upload_signer``, an admin signed in here): the standalone store's rows
      queued for upload without an author, by the admin who enrols it, an explicit act.
    * At a sign-in (``legacy_of``): that person's own changes queued before this version
      signed changes (below the mark migration 0008 left).

    Never otherwise: an entry put into the outbox behind the app's back must not get a real
    signature because the person it names signs in later (the write path signs each change
    in the transaction that writes it)."""
    if upload_signer is not None:
        signer_key = store.signers.get(upload_signer)
        if signer_key is None:
            return 0
        rows = db.execute(
            "SELECT seq, op_id, entity, entity_id, op, payload, schema_version, hlc "
            "FROM outbox_entry WHERE signature IS NULL AND signer IS NULL"
        ).fetchall()
        signer = upload_signer
    elif legacy_of is not None:
        signer_key = store.signers.get(legacy_of)
        mark = db.execute(
            "SELECT value FROM local_setting WHERE key = ?", (LEGACY_MARK,)
        ).fetchone()
        if signer_key is None or mark is None:
            return 0
        rows = db.execute(
            "SELECT seq, op_id, entity, entity_id, op, payload, schema_version, hlc "
            "FROM outbox_entry WHERE signature IS NULL AND signer = ? AND seq < ?",
            (legacy_of, int(mark[0])),
        ).fetchall()
        signer = legacy_of
    else:
        return 0
    signed = []
    for seq, op_id, entity, entity_id, op, payload, version, hlc in rows:
        entry = {
            "op_id": op_id,
            "entity": entity,
            "entity_id": entity_id,
            "op": op,
            "payload": payload,
            "schema_version": version,
            "hlc": hlc,
            "signer": signer,
        }
        signed.append((signer, sign_entry(signer_key, entry), seq))
    if signed:
        db.executemany("UPDATE outbox_entry SET signer = ?, signature = ? WHERE seq = ?", signed)
    return len(signed)
