"""Which hub addresses a workstation uses: ``https://``, or ``http://`` only to this computer
itself (a hub on ``127.0.0.1``/``localhost``, e.g. behind a local TLS proxy, or in tests).
Records and the workstation's token never cross a network in clear text.  Light (no httpx):
the address forms check it as it is typed."""

from __future__ import annotations

from urllib.parse import urlsplit

from officer_desk.domain.loopback import is_loopback
from officer_desk.sync.errors import InsecureHub

__all__ = ["insecure_hub_problem", "is_loopback", "require_secure_hub"]


def insecure_hub_problem(url: str) -> str | None:
    """Why this workstation will not talk to the hub at ``url``, in plain words; None when it
    may (``https://``, or ``http://`` to this computer itself)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() == "https" or (
        parts.scheme.lower() == "http" and is_loopback(parts.hostname)
    ):
        return None
    if parts.scheme.lower() == "http":
        return (
            f"The hub address {url.strip()} starts with http://, which would send records and "
            "this workstation's key across the network unencrypted, so it is not used. Write "
            "the address with https:// (ask facility IT for the hub's https address)."
        )
    return (
        f"'{url.strip()}' is not a hub address: it must start with https:// (ask facility IT "
        "for the hub's address)."
    )


def require_secure_hub(url: str) -> None:
    """Raise :class:`InsecureHub` (nothing sent) unless ``url`` may be used for the hub."""
    problem = insecure_hub_problem(url)
    if problem is not None:
        raise InsecureHub(problem)
