"""Raw connections to the store file, plain or encrypted with SQLCipher.

All code that opens the file (the engine, migrations, backups, conversion) comes here, so the
key is applied in exactly one place: first, before anything else touches the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher

from officer_desk import owner_only
from officer_desk.store.errors import WrongStoreKey

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

DBAPI_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, sqlcipher.Error)


def dbapi_module(key: bytes | None) -> ModuleType:
    return sqlite3 if key is None else sqlcipher


def key_pragma(key: bytes) -> str:
    # A raw 256-bit key in SQLCipher's blob-literal form skips its own (slow) key derivation:
    # ours already happened once, with Argon2id, when the key slot was opened.
    return f"\"x'{key.hex()}'\""


def connect(path: Path, key: bytes | None, **kwargs: Any) -> Any:
    """A DB-API connection with the key applied and checked.  A file that does not exist yet
    is made 0600 first; SQLite gives its WAL, SHM and journal the same mode."""
    if not path.exists():
        owner_only.file(path)
    if key is None:
        return sqlite3.connect(str(path), **kwargs)
    connection = sqlcipher.connect(str(path), **kwargs)
    # A wrong key is answered with WrongStoreKey below; SQLCipher's own stderr lines add nothing.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {key_pragma(key)}")
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        connection.close()
        if is_plain_sqlite(path):
            raise WrongStoreKey(
                "These records are not encrypted yet, but a key file exists beside them: an "
                "encryption was interrupted. Nothing was lost. Facility IT: run "
                "'officer-desk-admin encrypt --user ADMIN' again to finish it."
            ) from None
        raise WrongStoreKey(
            "The key for these records does not open them: the key file beside the store "
            "belongs to another store, or the store was replaced. Nothing was changed. "
            "Ask facility IT to restore the matching pair from a backup."
        ) from None
    return connection


def opens_with(path: Path, key: bytes) -> bool:
    """Whether ``key`` opens the store at ``path`` (a missing file opens with nothing)."""
    if not path.exists():
        return False
    try:
        connect(path, key).close()
    except WrongStoreKey:
        return False
    return True


def is_plain_sqlite(path: Path) -> bool:
    """True for an unencrypted SQLite file (it starts with SQLite's magic header)."""
    with open(path, "rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def export_copy(
    source: Path, target: Path, *, source_key: bytes | None, target_key: bytes | None
) -> None:
    """Write a consistent copy of ``source`` to a new file ``target`` with ``target_key``.

    With SQLCipher on either side this uses ``sqlcipher_export`` (which also converts plain to
    encrypted); between two plain files it uses SQLite's online backup.  ``target`` is made
    0600 before anything is written to it.
    """
    owner_only.file(target)
    if source_key is None and target_key is None:
        src = sqlite3.connect(str(source))
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return
    src = sqlcipher.connect(str(source), isolation_level=None)
    try:
        if source_key is not None:
            src.execute(f"PRAGMA key = {key_pragma(source_key)}")
        attach_key = key_pragma(target_key) if target_key is not None else "''"
        src.execute(f"ATTACH DATABASE ? AS target KEY {attach_key}", (str(target),))
        src.execute("BEGIN")
        src.execute("SELECT sqlcipher_export('target')")
        version = src.execute("PRAGMA main.user_version").fetchone()[0]
        src.execute(f"PRAGMA target.user_version = {int(version)}")
        src.execute("COMMIT")
        src.execute("DETACH DATABASE target")
    finally:
        src.close()


def engine_for(path: Path, key: bytes | None) -> Engine:
    """An SQLAlchemy engine whose connections come from :func:`connect`."""
    from sqlalchemy import create_engine  # here, so the raw path stays light (see home.py)

    return create_engine(
        f"sqlite:///{path}",
        creator=lambda: connect(path, key, check_same_thread=False),
        module=dbapi_module(key),
    )
