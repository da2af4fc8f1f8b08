"""Key slots: the store's random key, wrapped once per account with that account's password.

The database key is 32 random bytes.  For each account a slot holds it encrypted (AES-256-GCM)
under a key derived from the account's password with Argon2id, like LUKS key slots: any valid
login unwraps the same key, a password change or admin reset re-wraps it, and a copied disk or
backup reveals nothing without a password.

The slots live in a small JSON file beside the store (``<store>.keys``) because they must be
readable before the store is open.  Slots are found by a salted hash of the user name, so the
file does not list the officers.  Failed-attempt counters live there too: the lockout has to
work before the store is open.  Someone who can edit the file could reset them, but could then
equally copy it and guess offline; what really protects the key is the Argon2id cost.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from officer_desk.domain.errors import DeskError

KEY_BYTES = 32
FORMAT_VERSION = 1


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost.  The default is RFC 9106's second recommendation (t=3, 64 MiB) with one
    lane, well above OWASP's minimum (t=2, 19 MiB, p=1); about 0.3 s on a 2-core workstation."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 1

    def derive(self, password: str, salt: bytes) -> bytes:
        return hash_secret_raw(
            password.encode("utf-8"),
            salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )


DEFAULT_KDF = KdfParams()
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)


class WrongPassword(DeskError):
    def __init__(self, attempts_left: int) -> None:
        super().__init__(
            "The user name or password is not right. "
            + (
                f"{attempts_left} more attempt(s) before the account is locked for a while."
                if attempts_left > 0
                else ""
            )
        )
        self.attempts_left = attempts_left


class AccountLocked(DeskError):
    def __init__(self, until: datetime) -> None:
        minutes = max(1, int((until - datetime.now(UTC)).total_seconds() // 60) + 1)
        super().__init__(
            f"This account is locked after too many wrong passwords. Try again in about "
            f"{minutes} minute(s), or ask a supervisor or admin to reset the password."
        )
        self.until = until


class NoKeySlots(DeskError):
    pass


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def slots_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".keys")


class KeySlots:
    """The key-slot file of one store."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self._data = data

    # --- file handling -------------------------------------------------------------------

    @classmethod
    def for_store(cls, store_path: Path) -> KeySlots | None:
        path = slots_path(store_path)
        if not path.exists():
            return None
        return cls(path, json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def create(cls, store_path: Path, kdf: KdfParams | None = None) -> tuple[KeySlots, bytes]:
        """A new random store key and an empty slot file (slots are added for accounts)."""
        kdf = kdf or DEFAULT_KDF
        data = {
            "version": FORMAT_VERSION,
            "name_salt": _b64(secrets.token_bytes(16)),
            "kdf": {
                "time_cost": kdf.time_cost,
                "memory_kib": kdf.memory_kib,
                "parallelism": kdf.parallelism,
            },
            "slots": {},
        }
        return cls(slots_path(store_path), data), secrets.token_bytes(KEY_BYTES)

    def save(self) -> None:
        """Atomic replace, so a crash never leaves a half-written slot file."""
        temp = self.path.with_name(self.path.name + ".tmp")
        with open(temp, "w", encoding="utf-8") as handle:
            json.dump(self._data, handle, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, self.path)

    # --- slots ---------------------------------------------------------------------------

    @property
    def kdf(self) -> KdfParams:
        return KdfParams(**self._data["kdf"])

    def _slot_id(self, username: str) -> str:
        salt = _unb64(self._data["name_salt"])
        return hashlib.sha256(salt + username.strip().lower().encode("utf-8")).hexdigest()[:32]

    def has(self, username: str) -> bool:
        return self._slot_id(username) in self._data["slots"]

    def __len__(self) -> int:
        return len(self._data["slots"])

    def put(self, username: str, password: str, key: bytes) -> None:
        """Add or replace the slot of ``username`` (new salt, new nonce); call save() after."""
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = self.kdf.derive(password, salt)
        wrapped = AESGCM(kek).encrypt(nonce, key, b"officer-desk-store-key")
        self._data["slots"][self._slot_id(username)] = {
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
            "failed": 0,
            "locked_until": None,
            "pending_failures": [],
        }

    def remove(self, username: str) -> None:
        self._data["slots"].pop(self._slot_id(username), None)

    def unlock(self, username: str, password: str, now: datetime | None = None) -> bytes:
        """The store key, or WrongPassword / AccountLocked (the counter is saved either way)."""
        now = now or datetime.now(UTC)
        slot = self._data["slots"].get(self._slot_id(username))
        if slot is None:
            # Same cost and same answer as a wrong password: no hint which names exist.
            self.kdf.derive(password, secrets.token_bytes(16))
            raise WrongPassword(MAX_FAILED_ATTEMPTS)
        if slot["locked_until"] and datetime.fromisoformat(slot["locked_until"]) > now:
            raise AccountLocked(datetime.fromisoformat(slot["locked_until"]))
        kek = self.kdf.derive(password, _unb64(slot["salt"]))
        try:
            key = AESGCM(kek).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), b"officer-desk-store-key"
            )
        except InvalidTag:
            slot["failed"] += 1
            slot["pending_failures"].append(now.isoformat())
            left = MAX_FAILED_ATTEMPTS - slot["failed"]
            if left <= 0:
                slot["locked_until"] = (now + LOCKOUT).isoformat()
                slot["failed"] = 0
                self.save()
                raise AccountLocked(now + LOCKOUT) from None
            self.save()
            raise WrongPassword(left) from None
        if slot["failed"] or slot["locked_until"]:
            slot["failed"] = 0
            slot["locked_until"] = None
            self.save()
        return key

    def take_pending_failures(self, username: str) -> list[str]:
        """Failed attempts recorded while the store was closed, for the audit log; cleared."""
        slot = self._data["slots"].get(self._slot_id(username))
        if not slot or not slot["pending_failures"]:
            return []
        failures = list(slot["pending_failures"])
        slot["pending_failures"] = []
        self.save()
        return failures
