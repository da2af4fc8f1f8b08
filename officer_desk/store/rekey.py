"""Re-keying the store: a fresh SQLCipher key, every remaining key slot re-wrapped, crash-safe.

When an account is closed or its password reset, its slot goes, but the store key it opened
stays the same: a copy of the old ``.keys`` file and the old password would still open the
store.  A re-key gives the store a fresh random key that only the remaining slots hold.

The three steps, each of which a crash (kill -9) may interrupt:

1. ``KeySlots.begin_rekey``: every remaining slot also seals the new key (``next``), and the
   file says a re-key is owed.  Saved atomically under the slot file's lock.
2. ``PRAGMA rekey`` on a connection that holds the store exclusively: SQLCipher rewrites every
   page in one transaction (in WAL mode the pages go to the WAL, and an uncommitted tail is
   ignored on recovery), so the file has either the old key or the new one, never a mix.  The
   WAL is then checkpointed and truncated, so no page under the old key stays in it.
3. ``KeySlots.finish_rekey``: the new key becomes each slot's only key.

After a crash in 1 or 2 the store still opens with the current key and the re-key is owed (done
at the next sign-in, with a fresh key); after a crash between 2 and 3 a sign-in finds that the
store opens with ``next`` and finishes step 3 (``KeySlots.unlock``).  Account keys (and the
signing keys derived from them) are not touched: only the store key changes.

A re-key needs the store to itself: if another program on this workstation has it open (the
desk beside the admin command line), the re-key is left owed instead of breaking that
program's connections.  Imports nothing of SQLAlchemy (it runs on the sign-in path).
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from officer_desk.store.connect import DBAPI_ERRORS, connect, key_pragma, opens_with
from officer_desk.store.keyslots import KEY_BYTES, KeySlots

if TYPE_CHECKING:
    from officer_desk.store.database import Store

log = logging.getLogger("officer_desk.store")

# How long to wait for a short transaction of another program to end before leaving the
# re-key owed (an idle program with the store open holds it for good).
EXCLUSIVE_WAIT_MS = 1_000


class StoreInUse(Exception):
    """Another connection has the store open; the re-key is left owed."""


def rekey_store(store: Store) -> bool:
    """Give ``store`` a fresh key and re-wrap every remaining slot; True when done, False when
    another program has the store open (the re-key is then owed, see the module doc).

    The handle's own connections are closed first and ``store.key`` follows the new key, so
    the handle goes on working."""
    slots = KeySlots.for_store(store.path)
    if store.key is None or slots is None:
        return False  # a plain store has no key to change
    store.close()  # our own connections would keep the exclusive lock from us
    try:
        connection = _exclusive(store)
    except StoreInUse:
        slots.owe_rekey()
        log.info("re-key of %s owed: another program has the store open", store.path)
        return False
    new_key = secrets.token_bytes(KEY_BYTES)
    old_key = store.key
    try:
        token, dropped = _seal_new_key(slots, new_key)
        _apply_new_key(connection, new_key)
        _checkpoint(connection)
    finally:
        connection.close()
    _follow_local_copies(store.path.parent / "backups", old_key, new_key)
    _promote(slots, token)
    store.key = new_key
    store.close()  # an engine made meanwhile would still hold the old key
    if dropped:
        log.warning("re-key: %d slot(s) without an account key removed", dropped)
    return True


def settle_owed(store: Store) -> bool:
    """Re-key now if a re-key is owed (an account was revoked while the store was busy, or a
    re-key was interrupted); True when the store has a fresh key."""
    slots = KeySlots.for_store(store.path) if store.key is not None else None
    if slots is None or not slots.rekey_owed:
        return False
    return rekey_store(store)


def _exclusive(store: Store) -> Any:
    """A connection holding the store exclusively until it closes (SQLite's exclusive locking
    mode: in WAL mode it is refused while any other connection has the file open)."""
    assert store.key is not None
    connection = connect(store.path, store.key, isolation_level=None, check_same_thread=False)
    try:
        connection.execute(f"PRAGMA busy_timeout = {EXCLUSIVE_WAIT_MS}")
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")  # the lock stays: exclusive locking mode keeps it
    except DBAPI_ERRORS as error:
        connection.close()
        raise StoreInUse(str(error)) from None
    return connection


# The steps are functions of their own so the kill -9 tests can stop a child at each one.


def _seal_new_key(slots: KeySlots, new_key: bytes) -> tuple[str, int]:
    return slots.begin_rekey(new_key)


def _apply_new_key(connection: Any, new_key: bytes) -> None:
    connection.execute(f"PRAGMA rekey = {key_pragma(new_key)}")


def _checkpoint(connection: Any) -> None:
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _follow_local_copies(folder: Path, old_key: bytes, new_key: bytes) -> None:
    """Copies this workstation made of its store for itself (before an upgrade, before a purge)
    have the store's key: they get the new one too, so the revoked key opens none of them.
    Each is one ``PRAGMA rekey``; a copy whose re-key is interrupted by a crash keeps the old
    key (and then opens for nobody here).  Backups taken with ``backup`` have keys of
    their own and are left alone (they do not open with the store's key)."""
    for copy in sorted(folder.glob("*.sqlite")) if folder.is_dir() else []:
        try:
            if not opens_with(copy, old_key):
                continue
            connection = connect(copy, old_key, isolation_level=None)
            try:
                connection.execute(f"PRAGMA rekey = {key_pragma(new_key)}")
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                connection.close()
        except DBAPI_ERRORS as error:
            log.warning("re-key: the copy %s keeps its old key (%s)", copy, error)


def _promote(slots: KeySlots, token: str) -> None:
    slots.finish_rekey(token)
