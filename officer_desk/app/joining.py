"""Join a unit already on the hub: an empty encrypted store, enrolled and synced while open.

Shared by ``officer-desk-admin join`` and the desk's first-run guide.  The unit's officers
arrive with their account keys, so each of them can then sign in here with their own password
(docs/ARCHITECTURE.md, "Account keys").  If no account arrives nobody could ever open the new
store, so it is removed again; on any failure nothing is kept.  Runs network requests: call it
on a worker thread, never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from officer_desk import owner_only
from officer_desk.app import account_keys, enrolment
from officer_desk.app.actor import Actor
from officer_desk.domain.errors import DeskError, ValidationError
from officer_desk.store.keyslots import slots_path

if TYPE_CHECKING:
    from officer_desk.sync.transport import Transport


class NoAccountsFromHub(DeskError):
    """The hub knows the unit but sent no officer: nobody could open the new store."""


@dataclass(frozen=True)
class Joined:
    url: str
    unit_code: str
    name: str
    pulled: int


def refuse_existing(store_path: Path, data_dir: Path) -> None:
    if store_path.exists() or slots_path(store_path).exists():
        raise ValidationError(
            (
                "There is already an Officer Desk store in {data_dir}; 'join' is "
                "for a new workstation. Use 'enroll' on an existing one, or choose "
                "an empty --data-dir."
            ),
            "data_dir",
            data_dir=data_dir,
        )


def join_hub(
    store_path: Path,
    *,
    url: str,
    code: str,
    name: str,
    backups: Path | None = None,
    transport: Transport | None = None,
) -> Joined:
    """Make the store, enrol it with ``code`` and sync; raise a ``SyncProblem`` (hub
    unreachable, code refused…) or :class:`NoAccountsFromHub`, leaving no file behind."""
    from officer_desk.sync.client import SyncClient

    refuse_existing(store_path, store_path.parent)
    owner_only.folder(store_path.parent)
    store = account_keys.create_joining_store(store_path, backups=backups)
    joined = False
    try:
        client = SyncClient(store, transport)
        try:
            answer = enrolment.enrol(
                store, Actor.system("officer-desk join"), client, url=url, code=code, name=name
            )
            report = client.sync_once()
        finally:
            client.close()
        joined = account_keys.has_accounts(store)
        if not joined:
            raise NoAccountsFromHub(
                (
                    "The hub sent no accounts for unit {unit_code}, so nobody could "
                    "sign in here; nothing was kept. Sync a workstation of the unit "
                    "that has the accounts first, then ask facility IT for a new code."
                ),
                unit_code=answer.unit_code,
            )
        return Joined(url=url, unit_code=answer.unit_code, name=name, pulled=report.pulled)
    finally:
        store.close()
        if not joined:
            for leftover in store_path.parent.glob(store_path.name + "*"):
                leftover.unlink()
