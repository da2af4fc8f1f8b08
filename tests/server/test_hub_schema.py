"""The hub's tables are written twice (``server/db.py`` for the code, the Alembic revisions for
the databases): they must say the same, on SQLite and PostgreSQL."""

from __future__ import annotations

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
