"""Sync suites: fixtures live in conftest_shared (shared with tests/server)."""

from conftest_shared import hub, postgres  # noqa: F401
