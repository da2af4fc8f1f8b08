"""Enrolling this workstation with a sync hub, audited: the one use case behind the admin's
Hub tab, ``officer-desk-admin enroll`` and ``join``.

Enrolment binds the workstation to a unit and sends it everything the store holds, so who did
it, when, and with which hub belongs in the audit log like any other change.  The role is
checked (and a refusal audited) before anything goes over the network; the audit entry is
written once the hub has answered and the token is kept.  Runs a network request: call it on
a worker thread, never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from officer_desk.app.access import require_role
from officer_desk.app.actor import Actor
from officer_desk.app.writes import write
from officer_desk.domain.enums import Role
from officer_desk.store.database import Store

if TYPE_CHECKING:
    from officer_desk.sync.client import SyncClient


@dataclass(frozen=True)
class Enrolled:
    unit_code: str
    device_id: str
    previous_hub: str | None  # the hub it was enrolled with before, if any


def enrol(
    store: Store, actor: Actor, client: SyncClient, *, url: str, code: str, name: str
) -> Enrolled:
    """Exchange ``code`` for this workstation's token through ``client`` and audit it.

    Raises PermissionDenied (audited, nothing sent) unless ``actor`` is an admin or the
    system, and whatever the client raises for the hub's answer (nothing written then)."""
    with write(store, actor) as w:
        require_role(w.session, actor, Role.ADMIN, what="join this workstation to a hub")
    before = client.status()
    answer = client.enroll(url, code, name, signer=actor.officer_id)
    previous = before.hub_url if before.enrolled else None
    with write(store, actor) as w:
        w.audit_only(
            "enrol",
            "workstation",
            answer.device_id,
            f"enrolled with {url} as '{name}' (unit {answer.unit_code}, device "
            f"{answer.device_id})" + (f"; it synced with {previous} before" if previous else ""),
        )
    return Enrolled(answer.unit_code, answer.device_id, previous)
