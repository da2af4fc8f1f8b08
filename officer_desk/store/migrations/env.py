"""Alembic environment: migrations run on the connection the store hands in."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import officer_desk.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("officer_desk migrations run through officer_desk.store.migrate")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
