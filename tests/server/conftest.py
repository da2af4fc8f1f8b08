"""The hub suites share the sync suites' fixtures (a hub on SQLite and on PostgreSQL)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))

from conftest_shared import hub, postgres, signed_in_everywhere  # noqa: F401
