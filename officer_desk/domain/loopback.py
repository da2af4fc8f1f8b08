"""Whether a host name or address is this computer itself (127.0.0.0/8, ::1, ``localhost``):
the one place plain HTTP is allowed, for the hub's listening address and for a workstation's
hub address alike."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str | None) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1 (with or without brackets); False for any
    other name, even one that resolves to this computer (names can be changed)."""
    if not host:
        return False
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
