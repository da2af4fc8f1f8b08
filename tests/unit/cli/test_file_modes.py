"""Files only for their owner: what the admin command line, the desk's store and the hub create
is 0600 (folders 0700), whatever the umask, and an export says it is not encrypted."""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from admin_helpers import ADMIN_PW, INIT, Cli

from officer_desk import owner_only
from officer_desk.app.export import NOT_ENCRYPTED
from officer_desk.logs import PrivateRotatingFileHandler
from officer_desk.paths import STORE_FILENAME
from officer_desk.server import db as hub_db
from officer_desk.store import keyslots
from officer_desk.store.database import open_store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: ACLs)")


@pytest.fixture(autouse=True)
def everyday_umask() -> Iterator[None]:
    """The usual umask (files 0644 unless set), so a mode left to it would show."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private(*paths: Path) -> None:
    for path in paths:
        assert path.exists(), path
        wanted = owner_only.DIR_MODE if path.is_dir() else owner_only.FILE_MODE
        assert mode(path) == wanted, f"{path} is {oct(mode(path))}"


def test_the_store_its_keys_backups_exports_and_logs_are_the_owners_only(
    cli: Cli, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("init", *INIT, password=ADMIN_PW) == 0
    store = data_dir / STORE_FILENAME
    slots = keyslots.slots_path(store)
    assert_private(data_dir, store, slots, keyslots.lock_path(slots))

    # While the store is open its WAL and SHM exist: SQLite gives them the store's mode.
    opened = open_store(store, key=keyslots.KeySlots.for_store(store).unlock("solvi", ADMIN_PW))  # type: ignore[union-attr]
    try:
        with opened.writing() as session:
            session.connection().exec_driver_sql("SELECT 1")
        assert_private(store.with_name(store.name + "-wal"), store.with_name(store.name + "-shm"))
    finally:
        opened.close()

    copy = tmp_path / "copies" / "halden.sqlite"
    assert cli("backup", str(copy)) == 0
    assert_private(copy.parent, copy, keyslots.slots_path(copy))

    exported = tmp_path / "export.json"
    capsys.readouterr()
    assert cli("export", "--json", "--output", str(exported)) == 0
    assert_private(exported)
    assert "NOT encrypted" in capsys.readouterr().err
    with exported.open(encoding="utf-8") as handle:
        header = json.loads(handle.read())
    assert header["encrypted"] is False and header["notice"] == NOT_ENCRYPTED
    # Standard output gets the same warning, on stderr (stdout stays pure JSON).
    assert cli("export", "--json") == 0
    assert "NOT encrypted" in capsys.readouterr().err


def test_an_existing_export_target_and_an_old_store_become_private(
    cli: Cli, data_dir: Path, tmp_path: Path
) -> None:
    assert cli("init", *INIT, password=ADMIN_PW) == 0
    store = data_dir / STORE_FILENAME
    os.chmod(store, 0o644)  # a store made before files were private
    os.chmod(data_dir, 0o755)
    exported = tmp_path / "export.json"
    exported.write_text("old", encoding="utf-8")
    os.chmod(exported, 0o644)

    assert cli("export", "--json", "--output", str(exported)) == 0

    assert_private(exported, store, data_dir)


def test_the_log_and_every_rotated_log_are_the_owners_only(tmp_path: Path) -> None:
    log_file = tmp_path / "officer-desk.log"
    handler = PrivateRotatingFileHandler(log_file, maxBytes=200, backupCount=2, encoding="utf-8")
    try:
        for n in range(20):
            handler.emit(logging.makeLogRecord({"msg": f"sign-in of kari at desk {n}"}))
    finally:
        handler.close()
    rotated = log_file.with_name(log_file.name + ".1")
    assert_private(log_file, rotated)


def test_the_hubs_database_and_folder_are_the_owners_only(tmp_path: Path) -> None:
    folder = tmp_path / "hub"
    engine = hub_db.make_engine(hub_db.database_url_for(folder))
    try:
        hub_db.upgrade(engine)
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
            companions = [p for p in folder.iterdir() if p.name != "hub.sqlite"]
            assert_private(folder, folder / "hub.sqlite", *companions)
    finally:
        engine.dispose()
    # A database named by a URL in a folder that does not exist yet.
    elsewhere = tmp_path / "made" / "elsewhere.sqlite"
    engine = hub_db.make_engine(f"sqlite:///{elsewhere}")
    engine.dispose()
    assert_private(elsewhere.parent, elsewhere)
