"""Files and folders only their owner can open: 0600 files, 0700 folders, set explicitly.

Everything the desk, the admin command line and the hub write holds (or opens) people's
records: the store and its WAL/SHM, the key-slot file, backups, exports, PDFs, logs and the
hub's database.  The permissions are set here rather than left to the process's umask (0022 on
most systems gives 0644, readable by every account on the machine).

SQLite gives a new ``-wal``/``-shm``/``-journal`` file the permissions of its database file, so
a store created through :func:`file` keeps its companions private too.  On Windows ``chmod``
only sets the read-only flag; there the files inherit the ACL of the user's profile folder
(``%LOCALAPPDATA%``), which already admits only the owner (and SYSTEM and Administrators).
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def folder(path: Path) -> Path:
    """Make ``path`` (and missing parents) as 0700 folders; an existing ``path`` is set to 0700
    too (its existing parents are left alone: they may be the person's home or a share)."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    for made in missing:  # mkdir's mode is masked by the umask: set it
        os.chmod(made, DIR_MODE)
    os.chmod(path, DIR_MODE)
    return path


def file(path: Path) -> Path:
    """Create ``path`` empty as 0600 if it is missing (without following a planted symlink
    race: O_EXCL), or set an existing one to 0600."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        pass
    else:
        os.close(descriptor)
    os.chmod(path, FILE_MODE)
    return path


def restrict(path: Path) -> None:
    """Set an existing file to 0600 (after a library wrote it with the umask's mode)."""
    if path.exists():
        os.chmod(path, FILE_MODE)


def store_files(path: Path) -> None:
    """The store or a copy of it and the companions SQLite may have made beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        restrict(path.with_name(path.name + suffix))


def sqlite_file(database: str | None) -> None:
    """The file of an SQLite database named by a URL's database part (the hub's): made 0600
    before SQLite creates it, with a missing folder made 0700.  In-memory databases and
    ``file:`` URIs are left to SQLite."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if not path.parent.exists():
        folder(path.parent)
    file(path)
