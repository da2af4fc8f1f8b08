"""How pulled records become store rows: the column plans built once from the tables, the
converters that are not the identity, a page's records as :class:`Incoming`, and the one
``executemany`` per table (with the row-by-row fallback for a clash with a local value).

The sync client's bulk apply (``SyncClient._apply``) is the only user; it is here so that
the hot loop every pulled record goes through can be read (and measured) on its own.
"""

from __future__ import annotations

import logging
import operator
from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

from officer_desk.domain import moments
from officer_desk.sync import payloads
from officer_desk.sync import protocol as p
from officer_desk.sync.errors import HubRefused

log = logging.getLogger("officer_desk.sync")

ORDER = p.PARENTS_FIRST


class Columns:
    """Per table: column names and converters from the JSON wire form to SQLite values, built
    from the SQLModel tables once (so dates, times, JSON lists and photos round-trip exactly as
    the ORM writes them)."""

    def __init__(self) -> None:
        import sqlalchemy as sa
        from sqlalchemy.dialects import sqlite
        from sqlmodel import SQLModel

        import officer_desk.store.tables  # noqa: F401  (registers the tables)

        dialect = sqlite.dialect()
        self.tables: dict[str, tuple[list[str], list[Callable[[Any], Any] | None]]] = {}
        for name in ORDER:
            table = SQLModel.metadata.tables[name]
            names: list[str] = []
            convert: list[Callable[[Any], Any] | None] = []
            for column in table.columns:
                bind = column.type.bind_processor(dialect) or (lambda v: v)
                kind = column.type
                if isinstance(kind, sa.types.TypeDecorator):
                    kind = kind.impl_instance  # e.g. SQLModel's UTCDateTime over DateTime
                if isinstance(kind, sa.Boolean):
                    convert.append(None)  # JSON true/false bind as 1/0 like the ORM's
                    names.append(column.name)
                    continue
                if isinstance(kind, sa.DateTime):
                    parse: Callable[[Any], Any] = _parse_datetime
                elif isinstance(kind, sa.Date):
                    parse = _parse_date
                elif isinstance(kind, sa.LargeBinary):
                    parse = _parse_bytes
                else:
                    parse = _same
                plain = parse is _same and column.type.bind_processor(dialect) is None
                slow = _compose(parse, bind)
                if plain:
                    convert.append(None)
                elif parse is _parse_datetime:
                    convert.append(_fast_datetime(slow))
                elif parse is _parse_date and column.type.bind_processor(dialect) is None:
                    convert.append(_fast_date(slow))
                else:
                    convert.append(slow)
                names.append(column.name)
            self.tables[name] = (names, convert)
        self.plans = {name: TablePlan(name, *self.tables[name]) for name in ORDER}


class TablePlan:
    """How a page's records of one table become rows: the column order, the converters that
    are not the identity, and the upsert statement (built once, not per page)."""

    def __init__(
        self, name: str, names: list[str], convert: list[Callable[[Any], Any] | None]
    ) -> None:
        self.name = name
        self.names = names
        self.id_at = names.index("id")
        self.version_at = names.index("server_version")
        self.converting = [(i, c) for i, c in enumerate(convert) if c is not None]
        self.take = operator.itemgetter(*[n for n in names if n != "server_version"])
        # What a record that leaves a column out gets (a valid insert may leave out columns
        # with a default; storing None there would break NOT NULL).
        self.defaults = payloads.defaults(name)
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
        self.upsert = (
            f"INSERT INTO {name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}"
        )

    def rows(self, changes: list[Incoming]) -> list[list[Any]]:
        """One row per record, the hub's version as ``server_version`` (this is the loop
        every pulled record goes through: one itemgetter call, then only the columns that
        need converting)."""
        take, version_at, converting = self.take, self.version_at, self.converting
        rows = []
        for change in changes:
            record = change.record
            try:
                values = list(take(record))
                values.insert(version_at, change.version)
            except KeyError:  # a record without some column: the slow way
                get = record.get
                values = [get(n, _MISSING) for n in self.names]
                for i, name in enumerate(self.names):
                    if values[i] is _MISSING:
                        values[i] = _fresh(self.defaults.get(name))
                values[version_at] = change.version
            for i, conv in converting:
                if values[i] is not None:
                    values[i] = conv(values[i])
            rows.append(values)
        return rows


def _fast_datetime(slow: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The wire's UTC ``YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00`` as SQLite gets it through the
    slow path (an aware UTC datetime, stored as ``isoformat(" ")``), by slicing; anything else
    goes the slow, parsing way."""

    def convert(value: Any) -> Any:
        if (
            value.__class__ is str
            and len(value) in (25, 32)
            and value[10] == "T"
            and value.endswith("+00:00")
        ):
            return value[:10] + " " + value[11:]
        return slow(value)

    return convert


def _fast_date(slow: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if value.__class__ is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
            return value
        return slow(value)

    return convert


def _same(value: Any) -> Any:
    return value


_MISSING = object()


def _fresh(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _compose(parse: Callable[[Any], Any], bind: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else bind(parse(value))


def _parse_datetime(value: Any) -> Any:
    return moments.parse_utc(value) if isinstance(value, str) else moments.as_utc(value)


def _parse_date(value: Any) -> Any:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _parse_bytes(value: Any) -> Any:
    return bytes.fromhex(value) if isinstance(value, str) else value


class Incoming(NamedTuple):
    """One record from a pull or snapshot page (the wire's ``protocol.Change``, checked by
    hand: a pydantic model per record cost more than storing it)."""

    seq: int
    entity: str
    entity_id: str
    inmate_id: str | None
    version: int
    deleted: bool
    record: dict[str, Any]
    proof: Any = None  # the signed changes behind a rights-granting record (sync/trust.py)


def incoming(data: Any, items: str, extra: str) -> tuple[list[Incoming], Any]:
    """(records, ``data[extra]``) from a page, or HubRefused when it is not a page."""
    try:
        out = [
            Incoming(
                c["seq"],
                c["entity"],
                c["entity_id"],
                c.get("inmate_id"),
                c["version"],
                bool(c.get("deleted", False)),
                c["record"],
                c.get("proof"),
            )
            for c in data[items]
        ]
        tail = data[extra]
    except (KeyError, TypeError) as error:
        raise HubRefused("The hub's answer is not understood ({error}).", error=error) from None
    for c in out:
        if (
            c.seq.__class__ is not int
            or c.version.__class__ is not int
            or c.entity_id.__class__ is not str
            or c.record.__class__ is not dict
            or c.entity not in p.ENTITIES
        ):
            raise HubRefused(
                "The hub's answer is not understood (record {entity_id}).",
                entity_id=repr(c.entity_id),
            )
    return out, tail


_PLANS: Columns | None = None


def columns() -> Columns:
    global _PLANS
    if _PLANS is None:
        _PLANS = Columns()
    return _PLANS


def upsert(db: Any, table: TablePlan, rows: list[list[Any]]) -> list[tuple[int, str]]:
    """Store rows; returns those that could not be stored (their place, why)."""
    if not rows:
        return []
    db.execute("SAVEPOINT upsert")
    try:
        db.executemany(table.upsert, rows)
        db.execute("RELEASE upsert")
        return []
    except Exception as error:  # a clash with a local unique value: go row by row
        db.execute("ROLLBACK TO upsert")
        db.execute("RELEASE upsert")
        log.warning("page rows for %s clash locally (%s); applying one by one", table.name, error)
    failed = []
    for n, row in enumerate(rows):
        try:
            db.execute(table.upsert, row)
        except Exception as error:
            failed.append((n, str(error)))
            log.error(
                "record %s %s could not be stored here: %s", table.name, row[table.id_at], error
            )
    return failed
