"""Bringing a backup back: the backup opened with an admin's password, copied in under a fresh
store key, with key slots for the unit's active accounts as the backup knew them.

The backup's own key (``backup`` in app/export.py) never becomes the live store's: the restored
store gets a new random key, so a backup's key file opens the backup only.  Whatever is in the
data folder already is moved aside (with ``--force``) into ``backups/before-restore-<time>/``,
never deleted.  The new store and its key file are written under temporary names and renamed
into place (key file first); an interrupted restore is finished by running it again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from officer_desk import owner_only
from officer_desk.app import account_keys
from officer_desk.app.export import STORE_SUFFIXES, refuse_protected
from officer_desk.app.writes import Actor, record_event
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.store import keyslots
from officer_desk.store.connect import connect, export_copy
from officer_desk.store.database import open_store


@dataclass(frozen=True)
class Restored:
    accounts: int  # accounts that can sign in to the restored store here
    moved_aside: Path | None  # where the files that were in the data folder went


def restore(
    backup: Path,
    store_path: Path,
    *,
    backups: Path,
    username: str,
    password: str,
    force: bool = False,
) -> Restored:
    """Restore ``backup`` (with its ``.keys`` file beside it) as the store at ``store_path``,
    opened with an admin's ``password`` for the backup's key file."""
    backup = backup.expanduser().resolve()
    refuse_protected(backup, store_path, "A backup cannot be restored from")
    backup_slots = keyslots.KeySlots.for_store(backup)
    if not backup.is_file() or backup_slots is None:
        raise NotFound(
            f"There is no backup at {backup} with its key file {keyslots.slots_path(backup)} "
            "beside it; both are needed."
        )
    backup_key = backup_slots.unlock(username, password)  # counted like any sign-in
    checked = connect(backup, backup_key)
    try:
        if checked.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise ValidationError(f"The backup {backup} is damaged; nothing was changed.")
    finally:
        checked.close()
    existing = [
        p for p in (*_store_files(store_path), keyslots.slots_path(store_path)) if p.exists()
    ]
    if existing and not force:
        raise ValidationError(
            f"There are records in {store_path.parent} already. Close the app on this "
            "workstation and add --force: they are moved aside into the backups folder, "
            "not deleted."
        )
    temp = store_path.with_name(store_path.name + ".restoring")
    for leftover in (*_store_files(temp), keyslots.slots_path(temp)):
        leftover.unlink(missing_ok=True)
    owner_only.folder(store_path.parent)
    slots, key = keyslots.KeySlots.create(temp)
    export_copy(backup, temp, source_key=backup_key, target_key=key)
    slots.save()
    accounts = _give_slots(temp, key, backups, username, backup_slots, backup)
    moved = _move_aside(existing, backups) if existing else None
    # Key file first: a crash before the second rename leaves a key file and no store,
    # which a second run of restore (--force) replaces.
    os.replace(keyslots.slots_path(temp), keyslots.slots_path(store_path))
    os.replace(temp, store_path)
    return Restored(accounts, moved)


def _store_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in STORE_SUFFIXES]


def _give_slots(
    temp: Path,
    key: bytes,
    backups: Path,
    username: str,
    backup_slots: keyslots.KeySlots,
    backup: Path,
) -> int:
    """Slots for the restored store's active accounts (as ``refresh_slots`` makes them), the
    restoring admin's at least, and the restore audited in it."""
    store = open_store(temp, backups=backups, key=key)
    try:
        from sqlmodel import select

        from officer_desk.store.tables import Officer

        with store.reading() as session:
            admin = session.exec(
                select(Officer).where(Officer.username == username.strip().lower())
            ).first()
        if admin is None or not admin.active or admin.role != Role.ADMIN.value:
            raise ValidationError(
                f"{username} is not an active admin in the backup; nothing was changed.",
                "username",
            )
        account_keys.refresh_slots(store)
        slots = keyslots.KeySlots.for_store(temp)
        assert slots is not None
        if not slots.has(admin.username):
            account = backup_slots.account_of(admin.username)
            if account is not None:  # an account key made before it reached the record
                slots.put_sealed(admin.username, account, key)
                slots.save()
        actor = Actor(admin.id, admin.display_name, role=Role.ADMIN.value)
        record_event(store, actor, "restore", "store", None, f"restored from {backup}")
        count = len(slots)
    finally:
        store.close()
    folded = connect(temp, key, isolation_level=None)
    try:  # every committed page in the main file: only that file is renamed
        folded.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        folded.close()
    return count


def _move_aside(existing: list[Path], backups: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = owner_only.folder(backups / f"before-restore-{stamp}")
    for path in existing:
        os.replace(path, folder / path.name)
    return folder
