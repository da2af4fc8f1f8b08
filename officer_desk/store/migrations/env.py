"""Alembic environment: migrations run on the connection the store hands in."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

import officer_desk.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from officer_desk.store.search import not_the_index


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write SQLModel's column types as plain SQLAlchemy ones, so migrations stay readable
    and do not depend on SQLModel internals."""
    if type_ == "type" and isinstance(obj, AutoString):
        return "sa.String()"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("officer_desk migrations run through officer_desk.store.migrate")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    render_item=render_item,
    include_name=not_the_index,
)
with context.begin_transaction():
    context.run_migrations()
