"""Every record in the store, table by table, as plain rows: what the JSON export writes."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import RowMapping, Table, select
from sqlmodel import Session, SQLModel

import officer_desk.store.tables  # noqa: F401  (fills SQLModel.metadata)

NOT_EXPORTED = {"local_setting"}  # facts about this workstation, not records


def exported_tables() -> list[Table]:
    tables = SQLModel.metadata.tables
    return [tables[name] for name in sorted(tables) if name not in NOT_EXPORTED]


def table_rows(session: Session, table: Table) -> Iterator[RowMapping]:
    """The table's rows in primary-key order, streamed (Core: no ORM objects)."""
    query = select(table).order_by(*table.primary_key.columns)
    yield from session.connection().execute(query).mappings()
