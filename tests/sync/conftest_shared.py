"""Fixtures for the sync and hub suites: a hub per test on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from synchelp import KEYS, PG_BINS, Hub, Postgres, make_hub

from officer_desk.store.database import Store


@pytest.fixture(autouse=True)
def signed_in_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store of a sync test holds the test accounts' signing keys (synchelp.KEYS), as
    if each had signed in there; the attack tests build their own signatures."""
    made = Store.__init__

    def with_keys(self: Store, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)  # type: ignore[arg-type]
        self.signers = KEYS

    monkeypatch.setattr(Store, "__init__", with_keys)


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Postgres]:
    if not PG_BINS:
        missing = "no PostgreSQL binary in /usr/lib/postgresql (apt-get install postgresql)"
        if os.environ.get("CI"):  # .ci/run installs it: its absence there is a failure
            pytest.fail(f"{missing}: the hub's PostgreSQL tests cannot run in CI")
        pytest.skip(f"{missing}; the hub's PostgreSQL tests are skipped (listed at the end)")
    import shutil
    import tempfile

    # Not under pytest's temp folder: PostgreSQL runs as ``nobody``, who cannot enter it.
    root = Path(tempfile.mkdtemp(prefix="officer-desk-pg-"))
    cluster = Postgres(root)
    yield cluster
    cluster.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Hub]:
    if request.param == "sqlite":
        made = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite'}")
    else:
        made = make_hub(request.getfixturevalue("postgres").new_database())
    yield made
    made.engine.dispose()
