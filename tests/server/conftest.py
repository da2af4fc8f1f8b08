"""The hub suites share the sync suites' fixtures (a hub on SQLite and on PostgreSQL)."""

from __future__ import annotations

from conftest_shared import hub, postgres, signed_in_everywhere  # noqa: F401
