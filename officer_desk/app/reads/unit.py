"""What the unit overview reads, as work for the database worker (no Qt here).

The overview takes the light path (``store.home`` on a plain DB-API connection), like the
home screen: one read builds every caseload, every person's line and the covers running
today.  ``benchmarks/overview_bench.py`` times :func:`read_overview` itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from officer_desk.app.reads import ByName, plain_order
from officer_desk.domain import triage
from officer_desk.store.rows import CaseloadRow

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.store.home import OfficerCaseload
    from officer_desk.sync.held import SyncStatus
    from officer_desk.sync.protocol import DeviceInfo

CAPACITY = 6  # domain.rules.MAX_CASELOAD (not imported: the screen stays light)


@dataclass(frozen=True)
class Holder:
    """Someone who has the person today: their contact officer, or a cover until a date."""

    officer_id: str
    name: str
    cover_until: date | None = None


@dataclass(frozen=True)
class PersonLine:
    row: CaseloadRow
    holders: tuple[Holder, ...]  # empty: nobody has this person
    overdue_items: int  # release plan items past their due date
    need_rank: int = 0  # place in the unit's order of need (domain.triage), 0 = first

    @property
    def inmate_id(self) -> str:
        return self.row.inmate_id


@dataclass(frozen=True)
class OverviewRead:
    caseloads: tuple[OfficerCaseload, ...]
    people: tuple[PersonLine, ...]
    nudge_days: int
    streak_meals: int
    sync: SyncStatus | None  # this workstation's own sync status (None: could not be read)


def read_overview(
    conn: Any, unit_id: str, today: date, by_name: ByName = plain_order
) -> OverviewRead:
    """The whole unit on one connection (the benchmark calls this directly); people in the
    order of ``by_name`` (the screen passes the interface language's)."""
    from officer_desk.app.setting_definitions import CONTACT_NUDGE_DAYS, REFUSAL_STREAK_MEALS
    from officer_desk.store import home

    nudge = CONTACT_NUDGE_DAYS.bounded(home.local_setting(conn, CONTACT_NUDGE_DAYS.key))
    streak = REFUSAL_STREAK_MEALS.bounded(home.local_setting(conn, REFUSAL_STREAK_MEALS.key))
    overview = home.unit_overview(conn, unit_id, today, nudge_days=nudge, streak_meals=streak)
    covers = {
        (officer_id, inmate_id): until
        for officer_id, inmate_id, until in home.holders(conn, today)
        if until is not None
    }
    holders: dict[str, list[Holder]] = defaultdict(list)
    rows: dict[str, CaseloadRow] = {}
    for caseload in overview.caseloads:
        officer = caseload.officer
        for row in caseload.people:
            rows[row.inmate_id] = row
            holders[row.inmate_id].append(
                Holder(officer.id, officer.display_name, covers.get((officer.id, row.inmate_id)))
            )
    for row in overview.unassigned:
        rows[row.inmate_id] = row
    readiness = home.release_readiness(conn, list(rows), today)
    named = by_name(rows.values(), lambda row: row.full_name)
    ranks = {
        row.inmate_id: n
        for n, row in enumerate(triage.order(named, lambda r: r.triage, lambda r: r.inmate_id))
    }
    people = tuple(
        PersonLine(
            row,
            tuple(sorted(holders.get(row.inmate_id, []), key=lambda h: h.cover_until is not None)),
            readiness[row.inmate_id].overdue if row.inmate_id in readiness else 0,
            ranks[row.inmate_id],
        )
        for row in named
    )
    return OverviewRead(overview.caseloads, people, nudge, streak, None)


def overview_work(
    officer_id: str | None, unit_id: str, today: date, by_name: ByName
) -> Callable[[Store], OverviewRead]:
    """The overview for a supervisor of the unit (anyone else is refused: the light path has
    no service in front of it, so the check is here)."""

    def work(store: Store) -> OverviewRead:
        from officer_desk.domain.errors import PermissionDenied

        with store.raw() as conn:
            found = conn.execute(
                "SELECT role, active, unit_id FROM officer WHERE id = ?", (officer_id,)
            ).fetchone()
            if found is None or found[0] != "supervisor" or not found[1] or found[2] != unit_id:
                raise PermissionDenied(
                    "Only a supervisor of this unit can see the unit overview.",
                    entity="unit",
                    entity_id=unit_id,
                )
            read = read_overview(conn, unit_id, today, by_name)
        return OverviewRead(
            read.caseloads, read.people, read.nudge_days, read.streak_meals, own_sync(store)
        )

    return work


def own_sync(store: Store) -> SyncStatus | None:
    """This workstation's sync status from the store alone (no network)."""
    from officer_desk.sync.client import SyncClient

    client = SyncClient(store)
    try:
        return client.status()
    except Exception:  # a store without the sync tables yet must not break the overview
        return None
    finally:
        client.close()


@dataclass(frozen=True)
class Workstations:
    devices: tuple[DeviceInfo, ...]
    problem: str | None  # why the hub's list could not be read, in plain words


def unit_devices(store: Store) -> Workstations:
    """The unit's workstations as the hub last heard from them (network: not on the
    database worker)."""
    from officer_desk.sync.client import SyncClient
    from officer_desk.sync.errors import SyncProblem

    client = SyncClient(store)
    try:
        return Workstations(tuple(client.devices()), None)
    except SyncProblem as problem:
        return Workstations((), problem.message)
    finally:
        client.close()
