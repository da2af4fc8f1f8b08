"""Client-generated primary keys: UUIDv7, sortable by creation time and unique across devices."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())
