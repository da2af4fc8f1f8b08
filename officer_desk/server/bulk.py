"""The push path's bulk SQL, handed to the database driver directly.

A group commit inserts hundreds of records and results and looks hundreds up by id; through
SQLAlchemy's statement layer each row's parameters were processed in Python (and on PostgreSQL
an ``IN`` list rendered a cast per id, and ``executemany`` ran one pipelined statement per
row), which cost more than the database's own work.  Here, per dialect:

* insert: SQLite ``executemany`` of one ``INSERT ... VALUES (?, ...)``; PostgreSQL one
  ``INSERT ... SELECT * FROM unnest(%b::type[], ...)`` with a list per column, sent in
  psycopg's binary format (its text format escapes each string of an array in Python);
* select or delete by ids: SQLite ``IN (?, ...)``; PostgreSQL ``= ANY(%s)`` with one list.

Values go in as the driver takes them: a column whose SQLAlchemy type converts values for the
dialect (a ``DateTime`` on SQLite, stored as text) is converted here first, so rows written
here read back through SQLAlchemy like any other.  Rows read here come back without
SQLAlchemy's result processing (SQLite booleans are 0/1, datetimes text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

# Types whose values both drivers take as they are (SQLAlchemy's processors only coerce).
_PLAIN = (sa.String, sa.Text, sa.Integer, sa.Boolean)


class BulkInsert:
    """Insert rows given as tuples in ``columns`` order."""

    def __init__(self, table: sa.Table, columns: Sequence[str]) -> None:
        self.table = table
        self.columns = list(columns)
        self._prepared: dict[str, tuple[str, list[tuple[int, Any]]]] = {}

    def run(self, conn: Connection, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        sql, convert = self._prepare(conn)
        if convert:
            rows = [_converted(row, convert) for row in rows]
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(sql, tuple(list(column) for column in zip(*rows, strict=True)))
        else:
            conn.exec_driver_sql(sql, rows)

    def _prepare(self, conn: Connection) -> tuple[str, list[tuple[int, Any]]]:
        dialect = conn.dialect
        known = self._prepared.get(dialect.name)
        if known is not None:
            return known
        quote = dialect.identifier_preparer
        names = ", ".join(quote.quote(c) for c in self.columns)
        if dialect.name == "postgresql":
            arrays = ", ".join(
                f"%b::{self.table.c[c].type.compile(dialect)}[]" for c in self.columns
            )
            rows = f"SELECT * FROM unnest({arrays})"
        else:
            rows = f"VALUES ({', '.join(_mark(dialect) for _ in self.columns)})"
        sql = f"INSERT INTO {quote.format_table(self.table)} ({names}) {rows}"
        convert = []
        for n, name in enumerate(self.columns):
            kind = self.table.c[name].type
            process = kind.dialect_impl(dialect).bind_processor(dialect)
            if process is not None and not isinstance(kind, _PLAIN):
                convert.append((n, process))
        known = self._prepared[dialect.name] = (sql, convert)
        return known


class SelectByIds:
    """``SELECT columns FROM table WHERE <equal...> AND <key> IN ids``, in chunks of 500."""

    verb = "SELECT"

    def __init__(
        self, table: sa.Table, key: str, equal: Sequence[str] = (), columns: Sequence[str] = ()
    ) -> None:
        self.table = table
        self.key = key
        self.equal = list(equal)
        self.columns = list(columns) or [c.name for c in table.c]

    def rows(self, conn: Connection, ids: Sequence[str], *equal: Any) -> list[Any]:
        return [row for result in self._run(conn, ids, equal) for row in result.all()]

    def _run(self, conn: Connection, ids: Sequence[str], equal: Sequence[Any]) -> list[Any]:
        dialect = conn.dialect
        quote = dialect.identifier_preparer
        mark = _mark(dialect)
        what = (
            f"SELECT {', '.join(quote.quote(c) for c in self.columns)} FROM"
            if self.verb == "SELECT"
            else "DELETE FROM"
        )
        head = (
            f"{what} {quote.format_table(self.table)} WHERE "
            + "".join(f"{quote.quote(c)} = {mark} AND " for c in self.equal)
            + quote.quote(self.key)
        )
        out: list[Any] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            if dialect.name == "postgresql":
                sql, params = f"{head} = ANY(%b)", (*equal, chunk)
            else:
                sql, params = f"{head} IN ({', '.join(mark for _ in chunk)})", (*equal, *chunk)
            out.append(conn.exec_driver_sql(sql, params))
        return out


class DeleteByIds(SelectByIds):
    """``DELETE FROM table WHERE <equal...> AND <key> IN ids``, in chunks of 500."""

    verb = "DELETE"

    def run(self, conn: Connection, ids: Sequence[str], *equal: Any) -> None:
        self._run(conn, ids, equal)


def _mark(dialect: sa.Dialect) -> str:
    return {"qmark": "?", "format": "%s", "pyformat": "%s"}[dialect.paramstyle]


def _converted(row: tuple[Any, ...], convert: list[tuple[int, Any]]) -> tuple[Any, ...]:
    values = list(row)
    for n, process in convert:
        values[n] = process(values[n])
    return tuple(values)
