"""What the admin's accounts page reads, as work for the database worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from officer_desk.app.reads import ByName

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.store.queries import Account


def list_accounts(store: Store, by_name: ByName) -> list[Account]:
    """Every account, open ones first, each group in the order of ``by_name``."""
    from officer_desk.store import queries

    with store.reading() as session:
        rows = queries.accounts(session)
    return sorted(by_name(rows, lambda r: r.display_name), key=lambda r: not r.active)
