"""Sync problems in plain words, for the status bar and the command line."""

from __future__ import annotations

from officer_desk.domain.errors import DeskError


class SyncProblem(DeskError):
    """Sync could not finish; nothing typed here is lost (the outbox keeps it)."""


class NotEnrolled(SyncProblem):
    pass


class HubUnreachable(SyncProblem):
    pass


class ClockOff(SyncProblem):
    pass


class UpdateTheApp(SyncProblem):
    pass


class UpdateTheHub(UpdateTheApp):
    """The hub is older than this workstation (it refuses the format its changes are written
    in): facility IT updates the hub, not the workstation."""


class DeviceRevoked(SyncProblem):
    pass


class InsecureHub(SyncProblem):
    """A hub address this workstation will not send records to (plain ``http://`` on the
    network); nothing was sent."""


class HubRefused(SyncProblem):
    """Any other refusal by the hub; ``message`` is the hub's own words."""
