"""Alembic migrations applied when a store opens, with a backup before any upgrade."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from officer_desk import __version__, owner_only
from officer_desk.store.connect import connect, engine_for, export_copy
from officer_desk.store.errors import StoreTooNew

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("officer_desk.store")

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration.  Checked against Alembic by a test; knowing it here lets an
# up-to-date store open without importing Alembic at all (a second on a slow workstation).
HEAD_REVISION = "0016"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(path: Path, key: bytes | None = None) -> str | None:
    if not path.exists() or path.stat().st_size == 0:
        return None
    connection = connect(path, key)
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        connection.close()


def upgrade_on_open(path: Path, backups: Path, key: bytes | None = None) -> None:
    current = current_revision(path, key)
    if current == HEAD_REVISION:
        return
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    if current == head:
        return
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError:
            raise StoreTooNew(
                (
                    "These records were written by a newer version of Officer Desk "
                    "(schema {current}; this is version {version}). Nothing was "
                    "changed. Install the newer version on this workstation to open "
                    "them."
                ),
                current=current,
                version=__version__,
            ) from None
        copy = backup_copy(path, backups, f"before-upgrade-to-{head}", key)
        log.info("store at %s upgraded from %s to %s; backup at %s", path, current, head, copy)
    upgrade(path, head or "head", key)


def upgrade(path: Path, revision: str = "head", key: bytes | None = None) -> None:
    from alembic import command

    engine = engine_for(path, key)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def backup_copy(path: Path, folder: Path, label: str, key: bytes | None = None) -> Path:
    """A consistent copy through SQLite's online backup (safe while the store is in use)."""
    owner_only.folder(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.stem}-{label}-{stamp}.sqlite"
    online_backup(path, target, key)
    return target


def online_backup(source: Path, target: Path, key: bytes | None = None) -> None:
    """A consistent copy, encrypted with the same key as the source when it has one."""
    export_copy(source, target, source_key=key, target_key=key)
