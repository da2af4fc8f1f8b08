"""The local store: pragmas, migrations on open, backups before upgrades, refusing newer files,
and sorting storage failures into problems a person can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

from officer_desk.store import migrate
from officer_desk.store.database import Store, open_store
from officer_desk.store.errors import (
    DiskFull,
    StoreDamaged,
    StoreLocked,
    StoreTooNew,
    StoreUnreadable,
    classify,
)
from officer_desk.store.search import not_the_index


def test_connections_use_wal_full_sync_and_foreign_keys(store: Store) -> None:
    with store.reading() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_new_store_is_at_the_head_revision_and_has_a_device_id(store: Store) -> None:
    assert migrate.current_revision(store.path) == migrate.head_revision()
    assert len(store.device_id) == 16
    reopened = open_store(store.path)
    assert reopened.device_id == store.device_id
    reopened.close()


def test_migrations_match_the_table_definitions(tmp_path: Path) -> None:
    """A table changed without a migration is caught here, not on an officer's workstation."""
    path = tmp_path / "fresh.sqlite"
    migrate.upgrade(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": not_the_index})
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_from_an_older_schema_keeps_data_and_takes_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    migrate.upgrade(path, "0001")
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO facility (id, name, code, updated_hlc, device_id) "
        "VALUES ('f1', 'Romerike fengsel', 'ROM', '', '')"
    )
    raw.commit()
    raw.close()

    store = open_store(path, backups=tmp_path / "backups")
    store.close()

    assert migrate.current_revision(path) == migrate.head_revision()
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT name FROM facility").fetchall() == [("Romerike fengsel",)]
    assert raw.execute("SELECT count(*) FROM meal_log").fetchone() == (0,)
    raw.close()
    backups = list((tmp_path / "backups").glob("old-before-upgrade-to-*.sqlite"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert copy.execute("SELECT name FROM facility").fetchall() == [("Romerike fengsel",)]
    copy.close()


def test_store_from_a_newer_app_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    migrate.upgrade(path)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.commit()
    raw.close()
    before = path.read_bytes()

    with pytest.raises(StoreTooNew) as caught:
        open_store(path, backups=tmp_path / "backups")

    assert "newer version of Officer Desk" in caught.value.message
    assert "Nothing was changed" in caught.value.message
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_a_file_that_is_not_a_store_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    before = path.read_bytes()
    with pytest.raises(StoreDamaged, match="damaged"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_second_writer_gets_a_plain_locked_message(store: Store) -> None:
    blocker = sqlite3.connect(store.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        store.engine.dispose()
        with pytest.raises(StoreLocked, match="busy in another window"), store.writing() as session:
            session.connection().exec_driver_sql("PRAGMA busy_timeout = 50")
            session.execute(text("INSERT INTO local_setting VALUES ('k', 'v')"))
    finally:
        blocker.rollback()
        blocker.close()


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (sqlite3.OperationalError("database or disk is full"), DiskFull),
        (sqlite3.OperationalError("database is locked"), StoreLocked),
        (sqlite3.DatabaseError("database disk image is malformed"), StoreDamaged),
        (sqlite3.DatabaseError("file is not a database"), StoreDamaged),
        (sqlite3.OperationalError("unable to open database file"), StoreUnreadable),
        (OSError(28, "No space left on device"), DiskFull),
    ],
)
def test_storage_failures_are_sorted_for_people(error: BaseException, problem: type) -> None:
    sorted_problem = classify(error)
    assert isinstance(sorted_problem, problem)
    assert sorted_problem.message.endswith(".")


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("no such column: nmae"),
        ValueError("bug"),
        sqlite3.IntegrityError("UNIQUE constraint failed"),
    ],
)
def test_bugs_are_not_disguised_as_storage_problems(error: BaseException) -> None:
    assert classify(error) is None


def test_the_head_revision_constant_matches_the_migrations() -> None:
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_the_light_read_path_sees_committed_data_and_opening_needs_no_orm(
    unit_store: Store,
) -> None:
    from officer_desk.store import home

    fresh = open_store(unit_store.path)
    assert fresh._engine is None  # opening an up-to-date store made no engine
    with fresh.raw() as connection:
        assert home.local_setting(connection, "device_id") == fresh.device_id
    fresh.close()


def test_database_work_on_a_forbidden_thread_fails_loudly(store: Store) -> None:
    import threading

    store.forbidden_thread = threading.current_thread()
    with pytest.raises(RuntimeError, match="GUI thread"), store.raw():
        pass
    with pytest.raises(RuntimeError, match="GUI thread"), store.reading():
        pass
    store.forbidden_thread = None
