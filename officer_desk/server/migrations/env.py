"""Alembic environment for the hub: migrations run on the connection ``server.db`` hands in."""

from __future__ import annotations

from alembic import context

from officer_desk.server.db import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("hub migrations run through officer_desk.server.db.upgrade")

context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
