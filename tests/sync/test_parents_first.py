"""One order of the synced tables for the hub and the workstation: every table after the
tables its foreign keys point to, so an upload, a pull page and a snapshot never hold a row
before its parent."""

from __future__ import annotations

from sqlmodel import SQLModel

import officer_desk.store.tables  # noqa: F401  (registers the tables)
from officer_desk.server import merge
from officer_desk.sync import client
from officer_desk.sync import protocol as p


def test_the_order_names_every_synced_entity_once() -> None:
    assert len(p.PARENTS_FIRST) == len(set(p.PARENTS_FIRST))
    assert set(p.PARENTS_FIRST) == set(p.ENTITIES)


def test_every_table_comes_after_the_tables_it_refers_to() -> None:
    tables = SQLModel.metadata.tables
    late = []
    for name in p.PARENTS_FIRST:
        for key in tables[name].foreign_keys:
            parent = key.column.table.name
            if parent in p.RANK and parent != name and p.RANK[parent] > p.RANK[name]:
                late.append(f"{name} before its parent {parent}")
    for child, (parent, _column) in merge.PARENT.items():
        if p.RANK[parent] > p.RANK[child]:
            late.append(f"{child} before its parent {parent}")
    assert late == []


def test_the_hub_and_the_workstation_use_the_same_order() -> None:
    assert client.ORDER is p.PARENTS_FIRST and client.RANK is p.RANK
