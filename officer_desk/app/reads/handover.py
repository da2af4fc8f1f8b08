"""What the handover screens read, as work for the database worker.

Each function returns a function of the store for ``DbExecutor.submit``; reads go through the
light path (``store.handover`` on ``Store.raw()``), so loading this for the first screen's
banner imports no ORM.  The screens' writes call ``app.handover`` through ``app.work.call``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from officer_desk.store import handover as reads
from officer_desk.store.home import officer_summaries
from officer_desk.store.rows import OfficerSummary

if TYPE_CHECKING:
    from officer_desk.store.database import Store

HANDOVER_ENTITIES = frozenset(
    {"handover", "handover_entry", "handover_action", "handover_contingency",
     "handover_unit_item"}
)  # fmt: skip


@dataclass(frozen=True)
class HandoverList:
    found: tuple[reads.HandoverSummary, ...]
    officers: tuple[OfficerSummary, ...]  # of the unit, for owners and the incoming officer


def read_list(
    unit_id: str, search: reads.HandoverSearch, today: date
) -> Callable[[Store], HandoverList]:
    def work(store: Store) -> HandoverList:
        with store.raw() as conn:
            found = reads.search_handovers(conn, unit_id, search)
            officers = [
                o
                for o in officer_summaries(conn, today, unit_id)
                if o.role in ("officer", "supervisor")
            ]
        return HandoverList(tuple(found), tuple(officers))

    return work


def read_view(handover_id: str) -> Callable[[Store], reads.HandoverView | None]:
    def work(store: Store) -> reads.HandoverView | None:
        with store.raw() as conn:
            return reads.handover_view(conn, handover_id)

    return work


def read_waiting(officer_id: str) -> Callable[[Store], list[reads.HandoverSummary]]:
    def work(store: Store) -> list[reads.HandoverSummary]:
        with store.raw() as conn:
            return reads.waiting_for(conn, officer_id)

    return work
