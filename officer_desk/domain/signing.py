"""Signed changes: the bytes a person's key signs for one change, and signing and checking them.

A workstation's hub token proves only which workstation is talking; who made a change is proven
by that person's own Ed25519 signature over the change (docs/ARCHITECTURE.md, "Signed changes").
The signed bytes are a canonical JSON text of the change's envelope, built the same way on the
workstation (from its outbox) and at the hub (from the pushed op), so both sides agree byte for
byte without sending the bytes themselves.

Each account's signing key is derived from its X25519 account key (HKDF-SHA256 with a label of
its own), so the one password-wrapped secret that opens a workstation also signs, and a
password change, which re-wraps the same secret, keeps the same signing key.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

SIGNATURE_VERSION = 1
_DERIVE_INFO = b"officer-desk-signing-key/1"
_CANONICAL = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
).encode


def canonical_json(value: Any) -> str:
    """One text for one value: sorted keys, no spaces, no NaN (both sides use this)."""
    return _CANONICAL(value)


def change_bytes(
    *,
    op_id: str,
    entity: str,
    entity_id: str,
    op: str,
    payload: dict[str, Any],
    hlc: str,
    schema_version: int,
    signer: str,
) -> bytes:
    """The bytes a change's signature covers.  The device is inside ``hlc`` (its last part)
    and in the payload's ``device_id``; the signer is named so that a signature cannot be
    passed off as someone else's."""
    envelope = {
        "v": SIGNATURE_VERSION,
        "op_id": op_id,
        "entity": entity,
        "entity_id": entity_id,
        "op": op,
        "payload": payload,
        "hlc": hlc,
        "schema_version": schema_version,
        "signer": signer,
    }
    return canonical_json(envelope).encode("utf-8")


def bytes_of(change: Mapping[str, Any], signer: str) -> bytes:
    """``change_bytes`` of a change in its wire form (an op or a kept signed change)."""
    return change_bytes(
        op_id=change["op_id"],
        entity=change["entity"],
        entity_id=change["entity_id"],
        op=change["op"],
        payload=change["payload"],
        hlc=change["hlc"],
        schema_version=change["schema_version"],
        signer=signer,
    )


def head_bytes(*, device_id: str, seq: int, hash: str, signer: str) -> bytes:
    """What a person signs to anchor their workstation's audit chain at the hub."""
    return canonical_json(
        {"device": device_id, "seq": seq, "hash": hash, "signer": signer, "what": "audit head"}
    ).encode("utf-8")


def derive_signing_key(account_private: bytes) -> Ed25519PrivateKey:
    """The Ed25519 key of an account, from the raw bytes of its X25519 private key."""
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_DERIVE_INFO).derive(
        account_private
    )
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """A public key as it travels: base64 of its 32 raw bytes."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def sign(key: Ed25519PrivateKey, message: bytes) -> str:
    return base64.b64encode(key.sign(message)).decode("ascii")


@lru_cache(maxsize=4096)
def load_public(text: str) -> Ed25519PublicKey | None:
    """A public key from its text, or None when the text is not one (cached: the hub checks
    thousands of signatures a second against a few hundred keys)."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
        if len(raw) != 32:
            return None
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, binascii.Error, UnicodeEncodeError):
        return None


@lru_cache(maxsize=4096)
def _verify_key(text: str) -> VerifyKey | None:
    """``load_public`` as libsodium's key, which checks a signature in half the time."""
    if load_public(text) is None:
        return None
    return VerifyKey(base64.b64decode(text.encode("ascii")))


def verify(public: str, signature: str, message: bytes) -> bool:
    """True when ``signature`` (base64) is ``public``'s signature of ``message``."""
    key = _verify_key(public)
    if key is None:
        return False
    try:
        raw = base64.b64decode(signature.encode("ascii"), validate=True)
    except (ValueError, binascii.Error, UnicodeEncodeError):
        return False
    if len(raw) != 64:
        return False
    try:
        key.verify(message, raw)
    except BadSignatureError:
        return False
    return True


def made_by(publics: list[str], signature: str, message: bytes) -> str | None:
    """The one of ``publics`` whose signature of ``message`` ``signature`` is, if any."""
    for public in publics:
        if verify(public, signature, message):
            return public
    return None


def fingerprint(public: str) -> str:
    """A short text for people to compare a key by (first 16 hex digits of its SHA-256)."""
    import hashlib

    return hashlib.sha256(public.encode("ascii")).hexdigest()[:16]
