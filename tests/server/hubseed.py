"""A hub with a seeded unit and workstations enrolled, for the hub suites."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from synchelp import FACILITY, Hub, seed_unit

from officer_desk.store.database import open_store
from officer_desk.sync.client import SyncClient
from officer_desk.sync.transport import InProcessTransport


def seed_and_enrol(
    hub: Hub,
    folder: Path,
    *,
    persons: int,
    stations: int,
    prefix: str = "ws",
    facility: str = FACILITY,
) -> tuple[dict[str, Any], list[str]]:
    """A unit C of ``facility`` seeded on the hub through one workstation, and ``stations``
    more workstations enrolled (named ``prefix0``, ``prefix1``, ...): the seed's ids and
    their tokens."""
    store = open_store(folder / f"seed-{facility}.sqlite")
    info = seed_unit(store, persons=persons, facility_code=facility)
    seeder = SyncClient(store, InProcessTransport(hub.app))
    seeder.enroll("https://hub.test", hub.code(facility=facility), "seed")
    seeder.sync_once()
    tokens = []
    for n in range(stations):
        code = hub.code(facility=facility)
        status, body = InProcessTransport(hub.app).send(
            "POST", "/sync/enroll", body={"code": code, "device_name": f"{prefix}{n}"}
        )
        assert status == 200, body
        tokens.append(body["token"])
    return info, tokens
