"""Exporting every record as JSON, and taking an online backup: admin only, both audited.

The export's audit entry is committed *before* the records are read, so the export contains
its own entry and an export that fails half-way is still on record.  The backup's audit entry
is written in a transaction held while the copy is taken and committed only if the copy
succeeded, so the backup itself does not contain it.  A backup has a key of its own, in its
own key file sealed to the admins (``cli/restore.py`` brings it back).
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlmodel import Session

from officer_desk import __version__, owner_only
from officer_desk.app import access
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import ValidationError
from officer_desk.store import connect, keyslots, migrate, queries
from officer_desk.store.database import Store, storage_errors
from officer_desk.store.dump import exported_tables, table_rows
from officer_desk.store.keyslots import AccountKey, DamagedKey

EXPORT_FORMAT = "officer-desk-export"
EXPORT_VERSION = 1
NOT_ENCRYPTED = (
    "The export is NOT encrypted: anyone who can read the file reads every record. Keep it "
    "on an encrypted disk, hand it over, and delete your copy."
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def export_chunks(store: Store) -> Iterator[str]:
    """The export as text pieces, one record per line, tables by name, records by primary key."""
    header = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "app_version": __version__,
        "schema": migrate.head_revision(),
        # Said in the file too, for whoever finds a copy of it.
        "encrypted": False,
        "notice": NOT_ENCRYPTED,
    }
    yield "{" + _dump(header)[1:-1] + ',"tables":{'
    with store.reading() as session:
        for t, table in enumerate(exported_tables()):
            yield ("," if t else "") + "\n" + _dump(table.name) + ":["
            written = 0
            for row in table_rows(session, table):
                record = {key: _plain(value) for key, value in row.items()}
                yield ("," if written else "") + "\n" + _dump(record)
                written += 1
            yield "\n]" if written else "]"
    yield "\n}}\n"


def export_json(store: Store, actor: Actor, out: TextIO, *, destination: str) -> None:
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="export records")
        w.audit_only("export", "store", None, f"JSON export of all records to {destination}")
    for chunk in export_chunks(store):
        out.write(chunk)


STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def protected_files(store_path: Path) -> set[Path]:
    """The files a backup or restore must never write over: the store, its WAL, SHM and
    journal, its key file and the key file's lock."""
    slots = keyslots.slots_path(store_path)
    return {
        *(store_path.with_name(store_path.name + s).resolve() for s in STORE_SUFFIXES),
        slots.resolve(),
        keyslots.lock_path(slots).resolve(),
    }


def refuse_protected(target: Path, store_path: Path, doing: str) -> None:
    """ValidationError when ``target`` or its key file is one of the store's own files
    (``doing``: "The backup cannot be written to", …)."""
    protected = protected_files(store_path)
    for written in (target, keyslots.slots_path(target)):
        same = written.resolve() in protected or any(
            written.exists() and p.exists() and os.path.samefile(written, p) for p in protected
        )
        if same:
            raise ValidationError(
                (
                    "{doing} {written}: that is one of the store's own files (the "
                    "records, their WAL or SHM, or the key file). Nothing was changed; "
                    "choose a file elsewhere."
                ),
                "file",
                doing=doing,
                written=written,
            )


def backup_accounts(session: Session, slots: keyslots.KeySlots | None) -> dict[str, AccountKey]:
    """User name -> account key of every active admin: the backup's key is sealed to them."""
    found: dict[str, AccountKey] = {}
    for username, published in queries.active_admins(session):
        account: AccountKey | None = None
        if published:
            try:
                account = AccountKey.from_text(published)
            except DamagedKey:
                account = None
        if account is None and slots is not None:
            account = slots.account_of(username)
        if account is not None:
            found[username] = account
    return found


def backup(store: Store, actor: Actor, target: Path, *, force: bool = False) -> int:
    """Copy the store to ``target`` (SQLite online backup: safe while it is in use).

    The copy is encrypted under a key of its own, in its own key file (``target.keys``) sealed
    to the active admins: a backup's key file never opens the live store, and a password
    revoked later (a closed account) never opened the backup unless it was an admin's then.
    Written to temporary names first and renamed, so a copy that stops half-way never looks
    like a backup.  Refuses to write onto the store's own files.  Returns the size in bytes.
    """
    target = target.expanduser().resolve()
    refuse_protected(target, store.path, "The backup cannot be written to")
    if (target.exists() or keyslots.slots_path(target).exists()) and not force:
        raise ValidationError(
            ("{target} already exists; choose another file name, or add --force to replace it."),
            target=target,
        )
    if target.is_dir():
        raise ValidationError(
            "{target} is a folder; give a file name for the backup.", target=target
        )
    partial = target.with_name(target.name + ".partial")
    with write(store, actor) as w, storage_errors():
        access.require_role(w.session, actor, Role.ADMIN, what="take backups")
        admins = backup_accounts(w.session, keyslots.KeySlots.for_store(store.path))
        if store.key is not None and not admins:
            raise ValidationError(
                "No admin account has a key on this workstation, so nobody could open the "
                "backup. Sign in once as an admin, then try again."
            )
        w.audit_only("backup", "store", None, f"backup to {target} (own key, for the admins)")
        if not target.parent.exists():
            owner_only.folder(target.parent)
        partial.unlink(missing_ok=True)
        if store.key is None:
            migrate.online_backup(store.path, partial, None)
        else:
            slots, key = keyslots.KeySlots.for_backup(partial, admins)
            connect.export_copy(store.path, partial, source_key=store.key, target_key=key)
            # The key file first: a crash before the rename leaves no backup without its keys.
            slots.path = keyslots.slots_path(target)
            slots.save()
        os.replace(partial, target)
    return target.stat().st_size
