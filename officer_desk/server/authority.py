"""The hub's side of signed changes: whose key signed a change, and the keys it trusts.

A device token says only which workstation is talking.  The author of a change is whoever's
key verifies its signature (domain/signing.py) — never the change's own ``updated_by`` — and
what they may change is decided by the rules table in ``domain/permissions.py``.  The keys
come from two places: facility IT registers the first admin of a unit at the hub
(:func:`trust_admin`, the root of trust), and every other account's key arrives in an officer
record that a trusted admin signed.  A replaced key is kept with the clock value at which it
was replaced, so changes signed offline before a password reset still verify.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from officer_desk.domain import signing
from officer_desk.server.db import begin_write, rejection, signing_key


@dataclass(frozen=True)
class Key:
    public: str
    root_unit_code: str | None
    valid_from: str
    retired_at: str | None
    root_facility_code: str | None = None

    def valid_at(self, hlc: str) -> bool:
        return self.valid_from <= hlc and (self.retired_at is None or hlc < self.retired_at)


_SELECT_KEYS = sa.select(
    signing_key.c.public,
    signing_key.c.root_unit_code,
    signing_key.c.valid_from,
    signing_key.c.retired_at,
    signing_key.c.root_facility_code,
).where(signing_key.c.officer_id == sa.bindparam("o"))


class KeyRing:
    """The keys of the officers one transaction meets, read once each."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._keys: dict[str, list[Key]] = {}

    def of(self, officer_id: str) -> list[Key]:
        keys = self._keys.get(officer_id)
        if keys is None:
            rows = self.conn.execute(_SELECT_KEYS, {"o": officer_id}).all()
            keys = [
                Key(r.public, r.root_unit_code, r.valid_from, r.retired_at, r.root_facility_code)
                for r in rows
            ]
            self._keys[officer_id] = keys
        return keys

    def signed_with(self, officer_id: str, hlc: str, signature: str, message: bytes) -> Key | None:
        """The key of ``officer_id`` valid at ``hlc`` that made ``signature``, if any."""
        for key in self.of(officer_id):
            if key.valid_at(hlc) and signing.verify(key.public, signature, message):
                return key
        return None

    def valid(self, officer_id: str, hlc: str, public: str) -> Key | None:
        """``officer_id``'s key ``public``, if it was valid at ``hlc``."""
        for key in self.of(officer_id):
            if key.public == public and key.valid_at(hlc):
                return key
        return None

    def adopt(self, officer_id: str, public: str, hlc: str, now: datetime) -> None:
        """``public`` is ``officer_id``'s key (an account created or reset by a trusted admin);
        the account's earlier keys (not facility IT's root) retire at ``hlc``: what they
        signed before it (offline, before the reset) still verifies, nothing after.  The new
        key is valid from the start: a key cannot have signed before it was made, and a
        workstation whose clock lags the admin's must not have its first changes refused."""
        keys = self.of(officer_id)
        if any(k.public == public and k.retired_at is None for k in keys):
            return
        self.conn.execute(
            signing_key.update()
            .where(
                signing_key.c.officer_id == officer_id,
                signing_key.c.retired_at.is_(None),
                signing_key.c.root_unit_code.is_(None),
            )
            .values(retired_at=hlc)
        )
        if any(k.public == public for k in keys):
            self.conn.execute(
                signing_key.update()
                .where(signing_key.c.officer_id == officer_id, signing_key.c.public == public)
                .values(retired_at=None, valid_from="")
            )
        else:
            self.conn.execute(
                signing_key.insert().values(
                    officer_id=officer_id,
                    public=public,
                    root_unit_code=None,
                    valid_from="",
                    retired_at=None,
                    added_at=now,
                )
            )
        self._keys.pop(officer_id, None)

    def note_refusal(self, *, now: datetime, device_id: str, op: Any, reason: str) -> None:
        """Keep a refused change's trace: when, from which device, claiming which signer."""
        self.conn.execute(
            rejection.insert().values(
                at=now,
                device_id=device_id,
                op_id=op.op_id,
                entity=op.entity,
                entity_id=op.entity_id,
                claimed_signer=op.signer,
                reason=reason,
            )
        )


def trust_admin(
    engine: Engine,
    *,
    unit_code: str,
    officer_id: str,
    public: str,
    facility_code: str | None = None,
) -> None:
    """Facility IT's root of trust: ``officer_id`` is an admin of unit ``unit_code`` of
    facility ``facility_code`` whose changes verify with ``public`` (see docs/admin-guide.md,
    "Trust at the hub").  Without a facility: the hub's only one (``places.facility_named``
    refuses when it has several)."""
    if signing.load_public(public) is None:
        raise ValueError("That is not a signing key (expected 44 characters of base64).")
    from officer_desk.server import places

    with begin_write(engine) as conn:
        facility_code = places.facility_named(conn, facility_code)
        conn.execute(
            signing_key.delete().where(
                signing_key.c.officer_id == officer_id, signing_key.c.public == public
            )
        )
        conn.execute(
            signing_key.insert().values(
                officer_id=officer_id,
                public=public,
                root_unit_code=unit_code,
                root_facility_code=facility_code,
                valid_from="",
                retired_at=None,
                added_at=datetime.now(UTC),
            )
        )


def refusals(engine: Engine, limit: int = 100) -> list[dict[str, Any]]:
    """The latest refusals, newest first (``officer-desk-server refusals``)."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(rejection).order_by(rejection.c.id.desc()).limit(limit)).all()
    return [dict(r._mapping) for r in rows]
