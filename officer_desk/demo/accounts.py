"""What the sign-in page says about a demo store: its published password and its accounts.

Light on purpose (no database stack): the gate reads it on the worker while the sign-in page
waits, on every start, so a demo store lists its accounts whenever it is opened, not only
on the run that made it.  :mod:`officer_desk.demo.generator` writes the list when it makes
the store.
"""

from __future__ import annotations

from pathlib import Path

# The one password of every demo account.  Demo stores hold generated people only; this is
# printed by seed-demo and shown by the GUI, so nobody has to guess it.  Passes the policy.
DEMO_PASSWORD = "demo-passord-2026"


def demo_accounts_of(store_path: Path) -> dict[str, str] | None:
    """One account per role (role -> user name) when the store holds demo data, else None."""
    from officer_desk.store.keyslots import KeySlots

    slots = KeySlots.for_store(store_path)
    return None if slots is None else slots.demo_accounts
