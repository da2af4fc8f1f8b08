"""Key slots: the store's random key, wrapped once per account with that account's password.

The database key is 32 random bytes.  For each account a slot holds it encrypted (AES-256-GCM)
under a key derived from the account's password with Argon2id, like LUKS key slots: any valid
login unwraps the same key, a password change or admin reset re-wraps it, and a copied disk or
backup reveals nothing without a password.

Accounts flow between workstations through the hub (docs/ARCHITECTURE.md, "Account keys"):
each account has an X25519 key pair whose private half is wrapped under the password
(``AccountKey``, a synced field of the officer record).  A workstation seals its store key to
the public half of every active officer of its unit (a *sealed* slot, made without knowing the
password), so an officer can sign in offline anywhere in the unit.  Slots made the first way
(a *password* slot, kept for existing stores) become sealed slots at the next sign-in.

The slots live in a small JSON file beside the store (``<store>.keys``) because they must be
readable before the store is open.  Slots are found by a salted hash of the user name, so the
file does not list the officers.  Failed-attempt counters live there too: the lockout has to
work before the store is open.  Someone who can edit the file could reset them, but could then
equally copy it and guess offline; what really protects the key is the Argon2id cost.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from filelock import FileLock

from officer_desk import owner_only
from officer_desk.domain.errors import DeskError
from officer_desk.paths import key_slots_of

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
# Keys each derived-ahead key's fingerprint of its password: random per process, never saved.
_FINGERPRINT_KEY = secrets.token_bytes(32)


class DerivedAhead:
    """One Argon2id result computed before Enter (while the person paused), for one user name
    and password: :meth:`KeySlots.unlock` uses it instead of deriving again when both still
    match, and nothing else about the attempt changes (checked, counted and audited at Enter
    as always).  It never says whether the password is right.  :meth:`wipe` zeroes the key;
    the caller wipes it after the sign-in, and whenever it is abandoned."""

    def __init__(
        self, slot_id: str, salt: bytes, kdf: KdfParams, password: str, key: bytes
    ) -> None:
        self.slot_id = slot_id
        self.salt = salt
        self.kdf = kdf
        self._fingerprint = _fingerprint(password)
        self._key = bytearray(key)

    def key_for(self, slot_id: str, salt: bytes, kdf: KdfParams, password: str) -> bytes | None:
        """The derived key if it was made for exactly this slot, salt, cost and password."""
        if not self._key or (slot_id, salt, kdf) != (self.slot_id, self.salt, self.kdf):
            return None
        if not hmac.compare_digest(self._fingerprint, _fingerprint(password)):
            return None
        return bytes(self._key)

    @property
    def wiped(self) -> bool:
        return not self._key

    def wipe(self) -> None:
        for index in range(len(self._key)):
            self._key[index] = 0
        self._key = bytearray()
        self._fingerprint = b""


def _fingerprint(password: str) -> bytes:
    return hmac.digest(_FINGERPRINT_KEY, password.encode("utf-8"), "sha256")


MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)


class WrongPassword(DeskError):
    def __init__(self, attempts_left: int) -> None:
        # Singular and plural written out (no Qt here for %n); each is translated whole.
        super().__init__(
            (
                "The user name or password is not right. {attempts_left} more "
                "attempts before the account is locked for a while."
            )
            if attempts_left > 1
            else (
                "The user name or password is not right. One more attempt before "
                "the account is locked for a while."
            )
            if attempts_left == 1
            else "The user name or password is not right.",
            attempts_left=attempts_left,
        )
        self.attempts_left = attempts_left


class AccountLocked(DeskError):
    def __init__(self, until: datetime) -> None:
        minutes = max(1, int((until - datetime.now(UTC)).total_seconds() // 60) + 1)
        super().__init__(
            (
                "This account is locked after too many wrong passwords. Try again "
                "in about a minute, or ask a supervisor or admin to reset the "
                "password."
            )
            if minutes == 1
            else (
                "This account is locked after too many wrong passwords. Try again "
                "in about {minutes} minutes, or ask a supervisor or admin to reset "
                "the password."
            ),
            minutes=minutes,
        )
        self.until = until


class NoKeySlots(DeskError):
    pass


class DamagedKey(DeskError):
    """Key material that does not decode or does not fit together (edited or corrupted)."""

    def __init__(self) -> None:
        super().__init__(
            "The sign-in key of this account is damaged on this workstation, so it cannot be "
            "used. Sign in with another account, or ask an admin to reset this account's "
            "password."
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def slots_path(store_path: Path) -> Path:
    return key_slots_of(store_path)


def lock_path(slots_file: Path) -> Path:
    return slots_file.with_name(slots_file.name + ".lock")


class KeySlots:
    """The key-slot file of one store."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self._data = data
        # The account key the last successful unlock opened: its signing key signs that
        # person's changes while they are signed in (never saved anywhere).
        self.opened: X25519PrivateKey | None = None
        # The time of the failure the last unlock() counted (its entry in pending_failures),
        # so the desk can audit it apart from failures other processes counted.
        self.last_failure: str | None = None
        self._lock: FileLock | None = None

    # --- file handling -------------------------------------------------------------------

    @classmethod
    def for_store(cls, store_path: Path) -> KeySlots | None:
        path = slots_path(store_path)
        if not path.exists():
            return None
        slots = cls(path, {})
        with slots._locked():  # never half-way through another process's replace (Windows)
            slots._reload()
        return slots if slots._data else None

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

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the slot file's lock: every read-change-write of the file happens inside it,
        so two processes (the desk and the admin command line, or ten sign-ins at once) never
        lose each other's counts.  ``filelock`` uses flock on Linux and LockFileEx on Windows;
        the lock is released by the system when a process dies holding it."""
        if self._lock is None:
            if not self.path.parent.exists():
                owner_only.folder(self.path.parent)
            self._lock = FileLock(lock_path(self.path), mode=owner_only.FILE_MODE)
        with self._lock:
            yield

    @contextmanager
    def _editing(self) -> Iterator[None]:
        """Re-read the file under the lock, let the caller change it, save: an atomic
        read-change-write against every other process using this file."""
        with self._locked():
            self._reload()
            before = json.dumps(self._data, sort_keys=True)
            yield
            if json.dumps(self._data, sort_keys=True) != before:
                self._write()

    def save(self) -> None:
        """Write the slots as they are in memory (under the lock, atomic replace)."""
        with self._locked():
            self._write()

    def _write(self) -> None:
        """A unique temporary file beside the slot file (created 0600), synced, then renamed
        over it: a crash never leaves a half-written slot file, and two writers never share a
        temporary name."""
        descriptor, temp = tempfile.mkstemp(
            prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent
        )
        try:
            with open(descriptor, "w", encoding="utf-8") as handle:
                json.dump(self._data, handle, indent=1, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, owner_only.FILE_MODE)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        _sync_folder(self.path.parent)

    # --- slots ---------------------------------------------------------------------------

    @property
    def demo_accounts(self) -> dict[str, str] | None:
        """A demo store's accounts to offer on the sign-in page (role -> user name), or None
        for a real store.  Kept here because the sign-in page shows it before the store opens;
        the password is the published demo password, never stored."""
        accounts = self._data.get("demo")
        return dict(accounts) if isinstance(accounts, dict) else None

    def mark_demo(self, accounts: dict[str, str]) -> None:
        """Mark the store as demo data, with one account per role to offer at sign-in."""
        with self._editing():
            self._data["demo"] = dict(accounts)

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
        """Add or replace a *password* slot of ``username`` (new salt, new nonce); call save()
        after.  New accounts get sealed slots instead (``put_sealed``); this form stays for
        converting a plain store and for stores made before account keys."""
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = self.kdf.derive(password, salt)
        wrapped = AESGCM(kek).encrypt(nonce, key, STORE_KEY_AAD)
        self._data["slots"][self._slot_id(username)] = {
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
            **_fresh_counters(),
        }

    def put_sealed(self, username: str, account: AccountKey, key: bytes) -> None:
        """Add or replace the sealed slot of ``username``: the store key sealed to the account's
        public key.  The failure counters stay unless the key pair changed (an admin reset)."""
        self._put_sealed(self._slot_id(username), account, key)

    def _put_sealed(
        self, slot_id: str, account: AccountKey, key: bytes, *, publish: bool = False
    ) -> None:
        old = self._data["slots"].get(slot_id)
        # The lockout stays across an upgrade or a password change, not across a new key pair.
        keep = old is not None and (
            old.get("kind") != "sealed" or _public_of(old) == account.public
        )
        counters = {k: old[k] for k in _fresh_counters()} if old and keep else _fresh_counters()
        self._data["slots"][slot_id] = {
            "kind": "sealed",
            "account": account.to_text(),
            **account.seal(key),
            **counters,
            "publish": publish,
        }

    def remove(self, username: str) -> None:
        """Remove the slot of ``username`` from the file (saved at once, under the lock)."""
        with self._editing():
            if self._data["slots"].pop(self._slot_id(username), None) is not None:
                self._data["rekey_owed"] = True  # the key it opened must change

    def account_of(self, username: str) -> AccountKey | None:
        """The account key this file's slot of ``username`` holds (None: no sealed slot)."""
        slot = self._data["slots"].get(self._slot_id(username))
        if slot is None or slot.get("kind") != "sealed":
            return None
        try:
            return AccountKey.from_text(slot["account"])
        except DamagedKey:
            return None

    def is_sealed(self, username: str) -> bool:
        slot = self._data["slots"].get(self._slot_id(username))
        return slot is not None and slot.get("kind") == "sealed"

    def reconcile(self, accounts: dict[str, str], key: bytes) -> list[str]:
        """Make the slots match the active accounts of the unit (user name -> account key
        text, "" for an account that has none yet), save if anything changed, and return the
        user names whose account key is damaged (left as they were, for the caller to report).

        Slots of anyone not in ``accounts`` (closed, moved to another unit) are removed; an
        account whose key pair changed (an admin reset) gets a new sealed slot; one whose
        password changed elsewhere keeps its slot with the newly wrapped private key; an account
        without a key keeps whatever slot it has."""
        if not accounts:
            return []  # never lock everyone out because a list came back empty
        with self._editing():
            return self._reconcile(accounts, key)

    def _reconcile(self, accounts: dict[str, str], key: bytes) -> list[str]:
        slots = self._data["slots"]
        wanted = {self._slot_id(name): (name, text) for name, text in accounts.items()}
        damaged: list[str] = []
        for slot_id in [s for s in slots if s not in wanted]:
            del slots[slot_id]
            self._data["rekey_owed"] = True  # the key it opened must change (store/rekey.py)
        for slot_id, (name, text) in wanted.items():
            slot = slots.get(slot_id)
            if not text or (slot is not None and slot.get("account") == text):
                continue
            try:
                account = AccountKey.from_text(text)
            except DamagedKey:
                damaged.append(name)
                continue
            if slot is not None and _public_of(slot) == account.public:
                slot["account"] = text  # a password change: same pair, newly wrapped
                slot["publish"] = False
            else:
                if slot is not None:  # a new key pair (a reset): the old password is revoked
                    self._data["rekey_owed"] = True
                self._put_sealed(slot_id, account, key)
        return damaged

    # --- re-keying (store/rekey.py) --------------------------------------------------------

    @property
    def rekey_owed(self) -> bool:
        """A slot was revoked (an account closed or reset) and the store still has the key the
        revoked password opened, or a re-key was interrupted: re-key at the next chance."""
        with self._locked():
            self._reload()
        return bool(self._data.get("rekey_owed") or self._data.get("rekey"))

    def owe_rekey(self) -> None:
        with self._editing():
            self._data["rekey_owed"] = True

    def begin_rekey(self, new_key: bytes) -> tuple[str, int]:
        """Step 1 of a re-key: every sealed slot also seals ``new_key`` (``next``), so whichever
        key the store has after a crash, every remaining account can open it.  Slots that
        cannot be re-wrapped without their password (old password slots, damaged keys) are
        removed (those accounts sign in again after a password reset).  Returns this re-key's
        token (for ``finish_rekey``) and how many slots were removed.  A revocation while it
        runs sets ``rekey_owed`` again, which outlives this re-key."""
        dropped = 0
        token = secrets.token_hex(8)
        with self._editing():
            self._data["rekey"] = token
            self._data.pop("rekey_owed", None)
            slots = self._data["slots"]
            for slot_id in list(slots):
                public = _public_of(slots[slot_id])
                if public is None:
                    del slots[slot_id]
                    dropped += 1
                    continue
                slots[slot_id]["next"] = AccountKey.from_text(slots[slot_id]["account"]).seal(
                    new_key
                )
        return token, dropped

    def finish_rekey(self, token: str | None = None) -> None:
        """Step 3 (after the store itself was re-keyed): the new key becomes every slot's only
        key; the old one is gone from the file.  A slot without the new key (added while the
        re-key ran) is removed: ``account_keys.refresh_slots`` seals the new key for it again.
        Only the re-key ``token`` names (None: whichever is pending), and only once: a sign-in
        that finished it first leaves nothing for the re-keying process to do."""
        with self._editing():
            pending = self._data.get("rekey")
            if pending is None or (token is not None and token != pending):
                return
            del self._data["rekey"]
            slots = self._data["slots"]
            for slot_id in list(slots):
                following = slots[slot_id].pop("next", None)
                if following is None:
                    del slots[slot_id]
                else:
                    slots[slot_id].update(following)

    @classmethod
    def for_backup(cls, target: Path, accounts: dict[str, AccountKey]) -> tuple[KeySlots, bytes]:
        """A new key for a backup at ``target`` and its own key file, sealed to ``accounts``
        (the admins): a backup's key never opens the live store, nor the other way round."""
        slots, key = cls.create(target)
        slots._data["purpose"] = "backup"
        for username, account in accounts.items():
            slots.put_sealed(username, account, key)
        return slots, key

    def unpublished(self) -> dict[str, str]:
        """Slot id -> account key made here at an upgrade and not yet in the officer record."""
        return {
            slot_id: slot["account"]
            for slot_id, slot in self._data["slots"].items()
            if slot.get("publish")
        }

    def mark_published(self, slot_id: str) -> None:
        with self._editing():
            slot = self._data["slots"].get(slot_id)
            if slot is not None and slot.get("publish"):
                slot["publish"] = False

    def slot_id(self, username: str) -> str:
        return self._slot_id(username)

    def derive_ahead(self, username: str, password: str) -> DerivedAhead | None:
        """Argon2id for ``username``'s slot as :meth:`unlock` would run it, before Enter:
        nothing is checked, counted or saved.  An unknown user name costs the same (a random
        salt), so a derivation ahead says nothing about which names exist either.  None when
        the slot's key material cannot be read (unlock says so at Enter)."""
        slot_id = self._slot_id(username)
        with self._locked():
            self._reload()
        slot = self._data["slots"].get(slot_id)
        try:
            salt, kdf = self._salt_of(slot)
        except DamagedKey:
            return None
        return DerivedAhead(slot_id, salt, kdf, password, kdf.derive(password, salt))

    def _salt_of(self, slot: dict[str, Any] | None) -> tuple[bytes, KdfParams]:
        if slot is None:
            return secrets.token_bytes(16), self.kdf
        if slot.get("kind") == "sealed":
            account = AccountKey.from_text(slot["account"])
            return account.salt, account.kdf
        return _unb64(slot["salt"]), self.kdf

    def unlock(
        self,
        username: str,
        password: str,
        now: datetime | None = None,
        *,
        ahead: DerivedAhead | None = None,
    ) -> bytes:
        """The store key, or WrongPassword / AccountLocked (every failed or refused attempt is
        counted in the file, under its lock), or DamagedKey when the slot's key material was
        edited.  A password slot that opens is turned into a sealed slot on the way (no extra
        key derivation).  The slow key derivation runs outside the lock; the count and the
        lock state are read and written inside it.  ``ahead``: a derivation made before Enter,
        used only if it was made for this slot, salt, cost and password."""
        now = now or datetime.now(UTC)
        slot_id = self._slot_id(username)
        self.last_failure = None

        def derive(kdf: KdfParams, salt: bytes) -> bytes:
            if ahead is not None:
                key = ahead.key_for(slot_id, ahead.salt if slot is None else salt, kdf, password)
                if key is not None:
                    return key
            return kdf.derive(password, salt)

        with self._locked():  # what other processes counted so far
            self._reload()
        slot = self._data["slots"].get(slot_id)
        if slot is None:
            # Same cost and same answer as a wrong password: no hint which names exist.
            derive(self.kdf, secrets.token_bytes(16))
            raise WrongPassword(MAX_FAILED_ATTEMPTS)
        if _locked_until(slot, now) is not None:
            self._count_failure(slot_id, now, checked=False)
        upgrade: AccountKey | None = None
        if slot.get("kind") == "sealed":
            account = AccountKey.from_text(slot["account"])
            private = account.open(derive(account.kdf, account.salt))
            if private is None:
                self._count_failure(slot_id, now, checked=True)
            key = _unseal(private, slot)
            if "next" in slot:
                key = self._settle_rekey(key, _unseal(private, slot["next"]))
        else:
            kek = derive(self.kdf, _unb64(slot["salt"]))
            opened = _open_password_slot(kek, slot)
            if opened is None:
                self._count_failure(slot_id, now, checked=True)
            key = opened
            private = X25519PrivateKey.generate()
            upgrade = AccountKey.wrap(private, kek, _unb64(slot["salt"]), self.kdf)
        locked: datetime | None = None
        with self._editing():
            slot = self._data["slots"].get(slot_id)
            if slot is None:  # closed by another process while the password was checked
                raise WrongPassword(0)
            locked = _locked_until(slot, now)
            if locked is None:  # not locked by a parallel attempt meanwhile
                if upgrade is not None:
                    self._put_sealed(slot_id, upgrade, key, publish=True)
                    slot = self._data["slots"][slot_id]
                slot.update(failed=0, locked_until=None)
        if locked is not None:
            # The right password, but the lock a parallel wrong attempt set holds: a lock that
            # one lucky guess among many could slip past would not be a lock.
            self._count_failure(slot_id, now, checked=False)
        self.opened = private
        return key

    def _settle_rekey(self, current: bytes, following: bytes) -> bytes:
        """An interrupted re-key: if the store already has the new key, finish the slot file's
        part (step 3) and use it; otherwise the store still has the current key (the re-key is
        owed and happens at the next chance, with a fresh key)."""
        from officer_desk.store.connect import opens_with

        store_path = self.path.with_name(self.path.name.removesuffix(".keys"))
        if opens_with(store_path, following):
            self.finish_rekey()
            return following
        return current

    def _reload(self) -> None:
        if self.path.exists():
            self._data = json.loads(self.path.read_text(encoding="utf-8"))

    def _count_failure(self, slot_id: str, now: datetime, *, checked: bool) -> NoReturn:
        """Count one failed attempt (``checked``: a wrong password; otherwise an attempt refused
        while the slot is locked) in the file, under its lock, and raise what to tell."""
        error: DeskError
        with self._editing():
            slot = self._data["slots"].get(slot_id)
            if slot is None:
                raise WrongPassword(0)
            until = _locked_until(slot, now)
            entry = now.isoformat() if checked else now.isoformat() + LOCKED_MARK
            slot["pending_failures"].append(entry)
            self.last_failure = entry
            if until is not None:
                error = AccountLocked(until)
            else:
                slot["failed"] += 1
                left = MAX_FAILED_ATTEMPTS - slot["failed"]
                if left <= 0:
                    slot["locked_until"] = (now + LOCKOUT).isoformat()
                    slot["failed"] = 0
                    error = AccountLocked(now + LOCKOUT)
                else:
                    error = WrongPassword(left)
        raise error

    def take_pending_failures(self, username: str) -> list[str]:
        """Failed attempts recorded while the store was closed, for the audit log; cleared.
        Read :func:`describe_failure` for the words."""
        with self._editing():
            slot = self._data["slots"].get(self._slot_id(username))
            if not slot or not slot["pending_failures"]:
                return []
            failures = list(slot["pending_failures"])
            slot["pending_failures"] = []
        return failures


# An attempt refused without checking the password because the slot was locked.
LOCKED_MARK = " locked"


def describe_failure(entry: str) -> str:
    """The audit words for one entry of ``take_pending_failures``."""
    if entry.endswith(LOCKED_MARK):
        return f"sign-in refused at {entry.removesuffix(LOCKED_MARK)}: the account was locked"
    return f"wrong password at {entry}"


def _locked_until(slot: dict[str, Any], now: datetime) -> datetime | None:
    until = slot.get("locked_until")
    if until and datetime.fromisoformat(until) > now:
        return datetime.fromisoformat(until)
    return None


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# --- account keys ----------------------------------------------------------------------------

STORE_KEY_AAD = b"officer-desk-store-key"
ACCOUNT_KEY_VERSION = 1
_ACCOUNT_AAD = b"officer-desk-account-key/1"
_SEAL_INFO = b"officer-desk-sealed-store-key/1"
# Bounds on the Argon2id cost read from an account key: an edited record must neither make
# guessing cheap below the tests' fast setting nor make every sign-in hang.
_KDF_BOUNDS = {"time_cost": (1, 20), "memory_kib": (8 * 1024, 1024 * 1024), "parallelism": (1, 8)}


def _signing_public(raw_private: bytes) -> bytes:
    from officer_desk.domain.signing import derive_signing_key

    return (
        derive_signing_key(raw_private)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def raw_private(private: X25519PrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _fresh_counters() -> dict[str, Any]:
    return {"failed": 0, "locked_until": None, "pending_failures": []}


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _public_of(slot: dict[str, Any]) -> bytes | None:
    if slot.get("kind") != "sealed":
        return None
    try:
        return AccountKey.from_text(slot["account"]).public
    except DamagedKey:
        return None


def _seal_key(shared: bytes, ephemeral: bytes, public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=_SEAL_INFO + ephemeral + public
    ).derive(shared)


def _open_password_slot(kek: bytes, slot: dict[str, Any]) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), STORE_KEY_AAD)
    except (InvalidTag, ValueError):
        return None


def _unseal(private: X25519PrivateKey, slot: dict[str, Any]) -> bytes:
    """The store key from a sealed slot; DamagedKey when the sealed part was edited."""
    try:
        ephemeral = _unb64(slot["ephemeral"])
        public = _raw_public(private.public_key())
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        return AESGCM(_seal_key(shared, ephemeral, public)).decrypt(
            _unb64(slot["nonce"]), _unb64(slot["sealed"]), STORE_KEY_AAD
        )
    except (InvalidTag, ValueError, KeyError, TypeError):
        raise DamagedKey() from None


@dataclass(frozen=True)
class AccountKey:
    """An account's X25519 key pair as it travels: the public key, and the private key wrapped
    with AES-256-GCM under Argon2id(password).  Synced as one text field of the officer record,
    so a password change and an admin reset each replace it whole (never half of one and half
    of the other)."""

    public: bytes
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes
    # The Ed25519 public key derived from the private key (domain/signing.py): what the hub
    # and the workstations check this account's signatures with.  None in keys made before
    # signed changes (such an account gets one at its next password reset).
    sign: bytes | None = None

    @classmethod
    def create(
        cls, password: str, kdf: KdfParams | None = None, private: X25519PrivateKey | None = None
    ) -> AccountKey:
        """``private`` (a new key pair when None) wrapped under ``password`` with a new salt:
        one key derivation."""
        kdf = kdf or DEFAULT_KDF
        salt = secrets.token_bytes(16)
        return cls.wrap(
            private or X25519PrivateKey.generate(), kdf.derive(password, salt), salt, kdf
        )

    @classmethod
    def wrap(cls, private: X25519PrivateKey, kek: bytes, salt: bytes, kdf: KdfParams) -> AccountKey:
        public = _raw_public(private.public_key())
        raw = private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(kek).encrypt(nonce, raw, _ACCOUNT_AAD + public)
        return cls(public, kdf, salt, nonce, wrapped, _signing_public(raw))

    def open(self, kek: bytes) -> X25519PrivateKey | None:
        """The private key, or None when ``kek`` is not the password's (a wrong password, or a
        wrapped key that was edited: AES-GCM cannot tell the two apart)."""
        try:
            raw = AESGCM(kek).decrypt(self.nonce, self.wrapped, _ACCOUNT_AAD + self.public)
        except InvalidTag:
            return None
        private = X25519PrivateKey.from_private_bytes(raw)
        if _raw_public(private.public_key()) != self.public:
            raise DamagedKey()
        if self.sign is not None and _signing_public(raw) != self.sign:
            raise DamagedKey()
        return private

    def private_key(self, password: str) -> X25519PrivateKey | None:
        return self.open(self.kdf.derive(password, self.salt))

    def seal(self, key: bytes) -> dict[str, str]:
        """``key`` sealed to this public key: ephemeral X25519, HKDF-SHA256, AES-256-GCM."""
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = _raw_public(ephemeral.public_key())
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(self.public))
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(_seal_key(shared, ephemeral_public, self.public)).encrypt(
            nonce, key, STORE_KEY_AAD
        )
        return {"ephemeral": _b64(ephemeral_public), "nonce": _b64(nonce), "sealed": _b64(sealed)}

    def to_text(self) -> str:
        signing = {} if self.sign is None else {"sign": _b64(self.sign)}
        return json.dumps(
            {
                **signing,
                "v": ACCOUNT_KEY_VERSION,
                "public": _b64(self.public),
                "kdf": {
                    "time_cost": self.kdf.time_cost,
                    "memory_kib": self.kdf.memory_kib,
                    "parallelism": self.kdf.parallelism,
                },
                "salt": _b64(self.salt),
                "nonce": _b64(self.nonce),
                "wrapped": _b64(self.wrapped),
            },
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def from_text(cls, text: str) -> AccountKey:
        """Parse and check an account key; DamagedKey for anything that does not fit."""
        try:
            data = json.loads(text)
            if data["v"] != ACCOUNT_KEY_VERSION:
                raise ValueError("version")
            params = {name: int(data["kdf"][name]) for name in _KDF_BOUNDS}
            for name, (low, high) in _KDF_BOUNDS.items():
                if not low <= params[name] <= high:
                    raise ValueError(name)
            account = cls(
                public=base64.b64decode(data["public"], validate=True),
                kdf=KdfParams(**params),
                salt=base64.b64decode(data["salt"], validate=True),
                nonce=base64.b64decode(data["nonce"], validate=True),
                wrapped=base64.b64decode(data["wrapped"], validate=True),
                sign=base64.b64decode(data["sign"], validate=True) if "sign" in data else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            raise DamagedKey() from None
        lengths = (len(account.public), len(account.nonce), len(account.wrapped))
        if lengths != (32, 12, 48) or len(account.salt) < 16:
            raise DamagedKey()
        if account.sign is not None and len(account.sign) != 32:
            raise DamagedKey()
        return account
