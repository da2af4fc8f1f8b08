"""Storage failures sorted into problems a person can act on, worded for them.

Anything that is not recognised here is a bug and goes to the crash handler.
"""

from __future__ import annotations

import sqlite3

from officer_desk.domain.errors import DeskError


class StorageProblem(DeskError):
    """A storage failure caused by the environment, not by the program."""


class DiskFull(StorageProblem):
    pass


class StoreLocked(StorageProblem):
    pass


class StoreDamaged(StorageProblem):
    pass


class StoreTooNew(StorageProblem):
    pass


class StoreUnreadable(StorageProblem):
    pass


class WrongStoreKey(StorageProblem):
    pass


_FULL, _BUSY, _LOCKED, _CORRUPT, _NOTADB, _CANTOPEN, _READONLY, _PERM, _IOERR = (
    13,
    5,
    6,
    11,
    26,
    14,
    8,
    3,
    10,
)


def classify(error: BaseException) -> StorageProblem | None:
    """Map a sqlite3 (or SQLAlchemy-wrapped) error to a StorageProblem, or None for a bug."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, OSError) and original.errno == 28:
        return DiskFull(_DISK_FULL)
    if isinstance(original, StorageProblem):
        return original
    if not isinstance(original, sqlite3.Error) and not _is_sqlcipher_error(original):
        return None
    code = getattr(original, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(original).lower()
    if primary == _FULL or "disk is full" in text:
        return DiskFull(_DISK_FULL)
    if primary in (_BUSY, _LOCKED) or "locked" in text:
        return StoreLocked(
            "The records are busy in another window or program on this workstation. "
            "Close the other Officer Desk window (or wait a moment) and try again."
        )
    if primary in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return StoreDamaged(
            "The records file is damaged or is not an Officer Desk store. Nothing more was "
            "written. Ask facility IT to restore the latest backup (officer-desk-admin backup)."
        )
    if primary in (_CANTOPEN, _READONLY, _PERM, _IOERR) or "unable to open" in text:
        return StoreUnreadable(
            "The records file cannot be opened or written (permissions, a missing folder or a "
            "failing disk). Ask facility IT to check the data folder."
        )
    return None


def _is_sqlcipher_error(error: BaseException) -> bool:
    # sqlcipher3 has its own exception classes with the same names and error codes.
    return type(error).__module__.startswith("sqlcipher3")


_DISK_FULL = (
    "The disk is full, so the last change was not saved; everything saved before it is safe. "
    "Free some space on this workstation (or ask facility IT), then save again."
)
