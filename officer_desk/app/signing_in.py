"""Signing in without the database stack: unwrap the key slot, open the store, find the officer.

This is all the first screen waits for: the key slots (Argon2id, deliberately slow), the
light store handle and one DB-API query.  The sign-in is audited through the single write
path (``accounts.audit_sign_in``) as a job of its own on the same worker: the desk queues
it once its first screen is painted, before any other write can run, and the command line
(``accounts.sign_in``) at once.  Imports nothing of SQLAlchemy, SQLModel or pydantic
(``tests/unit/test_layers.py`` checks).

When the password is known when the process starts (``officer-desk --user`` with it in the
environment), :class:`EarlyUnlock` runs the key derivation on a thread of its own before Qt
is even imported: importing this module loads only what Argon2id and the key slots need (the
store's modules load when the store is opened), and Argon2id's C code releases the
interpreter lock, so it overlaps Qt's start on the other core.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from officer_desk.app.actor import Actor
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import DeskError, NotFound
from officer_desk.store.keyslots import DerivedAhead, KeySlots, WrongPassword

if TYPE_CHECKING:
    from officer_desk.store.database import Store


@dataclass(frozen=True)
class SignedIn:
    """The officer working at the desk now."""

    officer_id: str
    username: str
    display_name: str
    role: Role
    unit_id: str
    # The store was re-keyed as it opened (a re-key owed since an account was revoked while
    # the store was busy, or an interrupted one): audited with the sign-in.
    rekeyed: bool = False

    def actor(self, workstation: str | None = None) -> Actor:
        if workstation is None:
            return Actor(self.officer_id, self.display_name, role=self.role.value)
        return Actor(self.officer_id, self.display_name, workstation, role=self.role.value)


class NotEncrypted(DeskError):
    pass


def key_slots(store_path: Path) -> KeySlots:
    """The store's key slots; NotEncrypted for a plain store, NotFound when there is none."""
    slots = KeySlots.for_store(store_path)
    if slots is None:
        from officer_desk.store.connect import is_plain_sqlite

        if store_path.exists() and is_plain_sqlite(store_path):
            raise NotEncrypted(
                "These records are not encrypted yet. Facility IT: run "
                "'officer-desk-admin encrypt --user ADMIN' once to protect them."
            )
        raise NotFound(
            "There are no records on this workstation yet. Set it up first "
            "('officer-desk-admin init', or try it with demo data)."
        )
    return slots


def derive_ahead(store_path: Path, username: str, password: str) -> DerivedAhead | None:
    """Argon2id for this user name and password before Enter (the sign-in page starts it
    when the person pauses); nothing checked or counted.  None without key slots."""
    slots = KeySlots.for_store(store_path)
    return None if slots is None else slots.derive_ahead(username, password)


def open_with_password(
    store_path: Path,
    username: str,
    password: str,
    *,
    backups: Path | None = None,
    ahead: DerivedAhead | None = None,
) -> tuple[Store, SignedIn]:
    """Open the store with an account's password; not yet audited (see the module doc).
    ``ahead``: Argon2id already run for this user name and password (used only if both
    match; checked and counted exactly as without it)."""
    slots = key_slots(store_path)
    key = slots.unlock(username, password, ahead=ahead)  # failures counted in the slots
    store, signed_in = open_with_key(store_path, username, key, backups=backups)
    remember_signer(store, signed_in.officer_id, slots)
    return store, signed_in


def _settle_owed_rekey(store: Store) -> bool:
    """A re-key owed since an account was revoked while the store was busy, or interrupted
    (store/rekey.py): done now, on the fresh handle nothing else uses yet."""
    from officer_desk.store.rekey import settle_owed

    return settle_owed(store)


def remember_signer(store: Store, officer_id: str, slots: KeySlots) -> None:
    """Keep the signing key of the account ``slots`` just opened, for the write path to sign
    that person's changes with (domain/signing.py); in memory only, for this store handle."""
    if slots.opened is None:
        return
    from officer_desk.domain.signing import derive_signing_key
    from officer_desk.store.keyslots import raw_private

    store.signers[officer_id] = derive_signing_key(raw_private(slots.opened))


def open_with_key(
    store_path: Path, username: str, key: bytes, *, backups: Path | None = None
) -> tuple[Store, SignedIn]:
    """Open the store with the key an account's password unwrapped, and find the account."""
    from officer_desk.store.database import open_store

    store = open_store(store_path, backups=backups, key=key)
    try:
        signed_in = find_officer(store, username)
        if _settle_owed_rekey(store):
            signed_in = replace(signed_in, rekeyed=True)
        return store, signed_in
    except BaseException:
        store.close()
        raise


class EarlyUnlock:
    """One account's key slot unwrapped on a thread of its own, started at once.

    For a sign-in whose password is known at start: the thread begins Argon2id before the
    caller goes on to load Qt.  :meth:`key` waits for it and returns the store key, or raises
    what unlocking raised (a wrong password is counted in the slots as usual).
    """

    def __init__(self, store_path: Path, username: str, password: str) -> None:
        self.store_path = store_path
        self.username = username
        self._key: bytes | None = None
        self._slots: KeySlots | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(
            target=self._unlock, args=(password,), name="officer-desk-unlock", daemon=True
        )
        self._thread.start()

    def _unlock(self, password: str) -> None:
        try:
            self._slots = key_slots(self.store_path)
            self._key = self._slots.unlock(self.username, password)
        except BaseException as error:  # handed to whoever waits in key()
            self._error = error
        finally:
            self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def key(self) -> bytes:
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._key is not None
        return self._key

    def open(self, *, backups: Path | None = None) -> tuple[Store, SignedIn]:
        """:func:`open_with_password`'s result, with the key this unlock derives."""
        from officer_desk.store.database import open_store  # noqa: F401  (while Argon2id runs)

        store, signed_in = open_with_key(
            self.store_path, self.username, self.key(), backups=backups
        )
        if self._slots is not None:
            remember_signer(store, signed_in.officer_id, self._slots)
        return store, signed_in


def find_officer(store: Store, username: str) -> SignedIn:
    """The active account called ``username``; an unknown one is answered like a wrong
    password (no hint which names exist), a closed one says so."""
    with store.raw() as db:
        row = db.execute(
            "SELECT id, username, display_name, role, unit_id, active FROM officer "
            "WHERE username = ?",
            (username.strip().lower(),),
        ).fetchone()
    if row is None:
        raise WrongPassword(0)
    if not row[5]:
        raise DeskError(
            "This account has been closed. Ask an admin if you should still have access."
        )
    return SignedIn(str(row[0]), str(row[1]), str(row[2]), Role(row[3]), str(row[4]))
