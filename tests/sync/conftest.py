"""Sync suites: fixtures live in conftest_shared (shared with tests/server)."""

from conftest_shared import hub, postgres, signed_in_everywhere  # noqa: F401
