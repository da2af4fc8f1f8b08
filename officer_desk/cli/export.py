"""Exporting every record as JSON, and taking an online backup: admin only, both audited.

The export's audit entry is committed *before* the records are read, so the export contains
its own entry and an export that fails half-way is still on record.  The backup's audit entry
is written in a transaction held while the copy is taken and committed only if the copy
succeeded, so the backup itself does not contain it.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Table, select
from sqlmodel import SQLModel

from officer_desk import __version__, owner_only
from officer_desk.app import access
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import ValidationError
from officer_desk.store import keyslots, migrate
from officer_desk.store.database import Store, storage_errors

EXPORT_FORMAT = "officer-desk-export"
EXPORT_VERSION = 1
NOT_EXPORTED = {"local_setting"}  # facts about this workstation, not records
NOT_ENCRYPTED = (
    "The export is NOT encrypted: anyone who can read the file reads every record. Keep it "
    "on an encrypted disk, hand it over, and delete your copy."
)


def exported_tables() -> list[Table]:
    tables = SQLModel.metadata.tables
    return [tables[name] for name in sorted(tables) if name not in NOT_EXPORTED]


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
        connection = session.connection()
        for t, table in enumerate(exported_tables()):
            yield ("," if t else "") + "\n" + _dump(table.name) + ":["
            query = select(table).order_by(*table.primary_key.columns)
            written = 0
            for row in connection.execute(query).mappings():
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


def backup(store: Store, actor: Actor, target: Path, *, force: bool = False) -> int:
    """Copy the store to ``target`` (SQLite online backup: safe while it is in use).

    Written to a temporary name first and renamed, so a copy that stops half-way never
    looks like a backup.  Returns the size in bytes.
    """
    target = target.expanduser().resolve()
    if target == store.path.resolve():
        raise ValidationError("The backup cannot replace the store itself; choose another file.")
    if target.exists() and not force:
        raise ValidationError(
            f"{target} already exists; choose another file name, or add --force to replace it."
        )
    if target.is_dir():
        raise ValidationError(f"{target} is a folder; give a file name for the backup.")
    partial = target.with_name(target.name + ".partial")
    with write(store, actor) as w, storage_errors():
        access.require_role(w.session, actor, Role.ADMIN, what="take backups")
        w.audit_only("backup", "store", None, f"backup to {target}")
        if not target.parent.exists():
            owner_only.folder(target.parent)
        partial.unlink(missing_ok=True)
        # Encrypted with the store's own key when it has one: a backup is no easier to read.
        migrate.online_backup(store.path, partial, store.key)
        os.replace(partial, target)
        # The copy opens only with the accounts' key slots: keep them beside it, so a restore
        # is "copy both files back".  They reveal nothing without a password.
        slots = keyslots.slots_path(store.path)
        if slots.exists():
            shutil.copy2(slots, keyslots.slots_path(target))
    return target.stat().st_size
