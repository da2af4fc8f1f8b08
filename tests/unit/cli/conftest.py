"""Fixtures for the admin command line: run ``main()`` in-process on the test's data folder."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from officer_desk.cli.admin import main
from officer_desk.paths import STORE_FILENAME
from officer_desk.store.database import Store, open_store

Cli = Callable[..., int]
COUNTED = ("inmate", "assignment", "officer", "audit_entry", "outbox_entry")


@pytest.fixture
def data_dir(isolated_home: Path) -> Path:
    return isolated_home


@pytest.fixture
def cli(data_dir: Path) -> Cli:
    """``cli("verify")`` runs ``officer-desk-admin verify --data-dir <test folder>``."""

    def run(command: str, *args: str) -> int:
        return main([command, "--data-dir", str(data_dir), *args])

    return run


INIT = [
    "--facility-name", "Halden fengsel", "--facility-code", "HAL",
    "--unit-name", "Enhet C", "--unit-code", "C",
    "--admin-username", "solvi", "--admin-name", "Sølvi Lægreid",
]  # fmt: skip


@pytest.fixture(scope="session")
def initialised_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once by really running the commands; each test gets a copy (setting up a store
    from nothing costs a few hundred milliseconds of migrations and fsyncs)."""
    folder = tmp_path_factory.mktemp("initialised")

    def run(command: str, *args: str) -> None:
        assert main([command, "--data-dir", str(folder), *args]) == 0

    run("init", *INIT)
    run("add-officer", "--username", "kari", "--name", "Kari Nordmann", "--role", "officer")
    run("add-officer", "--username", "per", "--name", "Per Ås", "--role", "officer")
    return folder / STORE_FILENAME


@pytest.fixture
def initialised(cli: Cli, initialised_template: Path, data_dir: Path) -> Cli:
    """A store with Halden / unit C, admin solvi and two contact officers (kari, per)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    # The template's last connection has closed, so its WAL is merged into the one file.
    shutil.copyfile(initialised_template, data_dir / STORE_FILENAME)
    return cli


@pytest.fixture
def store_file(data_dir: Path) -> Path:
    return data_dir / STORE_FILENAME


@pytest.fixture
def data_store(store_file: Path) -> Iterator[Store]:
    """The store the commands wrote, opened for assertions (after they ran)."""
    opened = open_store(store_file)
    yield opened
    opened.close()


def _row_counts(store_file: Path) -> dict[str, int]:
    with closing(sqlite3.connect(store_file)) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


@pytest.fixture
def row_counts() -> Callable[[Path], dict[str, int]]:
    """Rows per table of a store file, read with plain sqlite3 (nothing of ours in between)."""
    return _row_counts


@pytest.fixture
def init_args() -> list[str]:
    return list(INIT)
