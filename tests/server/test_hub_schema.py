"""The hub's tables are written twice (``server/db.py`` for the code, the Alembic revisions for
the databases): they must say the same, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from synchelp import Hub

from officer_desk.server import db as hub_db


def test_the_migrations_make_the_tables_the_code_reads(hub: Hub) -> None:
    with hub.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == hub_db.HEAD_REVISION
        diff = compare_metadata(context, hub_db.metadata)
    assert diff == []


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_hub_processes_starting_together_take_turns_at_the_schema(
    database: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """``officer-desk-server migrate`` (``db.upgrade``) run four times at once on a new
    database: each finishes, and the schema ends at head once (the same with processes:
    test_operations.py)."""
    if database == "sqlite":
        url = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    else:
        url = request.getfixturevalue("postgres").new_database()
    engines = [hub_db.make_engine(url) for _ in range(4)]
    barrier = threading.Barrier(len(engines))

    def start(engine: sa.Engine) -> None:
        barrier.wait()
        hub_db.upgrade(engine)

    try:
        with ThreadPoolExecutor(len(engines)) as pool:
            for done in [pool.submit(start, engine) for engine in engines]:
                done.result()  # raises what a start raised
        with engines[0].connect() as connection:
            context = MigrationContext.configure(connection)
            assert context.get_current_revision() == hub_db.HEAD_REVISION
            assert compare_metadata(context, hub_db.metadata) == []
    finally:
        for engine in engines:
            engine.dispose()
