"""Fixtures for the admin command line: run ``main()`` in-process on the test's data folder.

Stores are encrypted, as every store is.  Key derivation runs at a test cost (``fast_kdf``);
the parameters are saved in the key-slot file when a store is made, so a store made here also
opens quickly in a subprocess.  Passwords reach the commands through the environment, as in a
script; no test ever waits at a real password prompt (stdin is not a terminal here).
"""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from admin_helpers import (
    FAST_KDF,
    INIT,
    KARI_PW,
    PER_PW,
    Cli,
    row_counts,
    run_admin,
    store_files,
    store_key,
)

from officer_desk.cli.unlock import NEW_PASSWORD_ENV, PASSWORD_ENV
from officer_desk.paths import STORE_FILENAME
from officer_desk.store import keyslots
from officer_desk.store.database import Store, open_store


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # Full-cost Argon2id is measured in benchmarks/; tests only need the same code path.
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", FAST_KDF)


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No password from the test runner's environment, and no terminal to be asked on."""
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.delenv(NEW_PASSWORD_ENV, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO())


@pytest.fixture
def data_dir(isolated_home: Path) -> Path:
    return isolated_home


@pytest.fixture
def cli(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """``cli("verify")`` runs ``officer-desk-admin verify --data-dir <test folder> --user solvi``
    with solvi's password; ``user=``, ``password=`` and ``new_password=`` change that."""

    def run(command: str, *args: str, **who: Any) -> int:
        return run_admin(monkeypatch, data_dir, command, *args, **who)

    return run


@pytest.fixture(scope="session")
def initialised_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once by really running the commands; each test gets a copy (setting up a store
    from nothing costs a few hundred milliseconds of migrations and fsyncs)."""
    folder = tmp_path_factory.mktemp("initialised")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(keyslots, "DEFAULT_KDF", FAST_KDF)
        monkeypatch.setattr(sys, "stdin", io.StringIO())

        def run(command: str, *args: str, **who: Any) -> None:
            assert run_admin(monkeypatch, folder, command, *args, **who) == 0

        run("init", *INIT)
        run("add-officer", "--username", "kari", "--name", "Kari Nordmann", "--role", "officer",
            new_password=KARI_PW)  # fmt: skip
        run("add-officer", "--username", "per", "--name", "Per Ås", "--role", "officer",
            new_password=PER_PW)  # fmt: skip
    return folder


@pytest.fixture
def initialised(cli: Cli, initialised_template: Path, data_dir: Path) -> Cli:
    """An encrypted store with Halden / unit C, admin solvi and two contact officers (kari,
    per), each with a password."""
    data_dir.mkdir(parents=True, exist_ok=True)
    # The template's last connection has closed, so its WAL is merged into the one file;
    # the key-slot file goes with it.
    for path in store_files(initialised_template):
        shutil.copyfile(path, data_dir / path.name)
    return cli


@pytest.fixture
def store_file(data_dir: Path) -> Path:
    return data_dir / STORE_FILENAME


@pytest.fixture
def data_store(store_file: Path) -> Iterator[Store]:
    """The store the commands wrote, opened for assertions (after they ran)."""
    opened = open_store(store_file, key=store_key(store_file))
    yield opened
    opened.close()


@pytest.fixture(name="row_counts")
def row_counts_fixture() -> Callable[..., dict[str, int]]:
    """Rows per table of a store file (see admin_helpers.row_counts)."""
    return row_counts


@pytest.fixture
def init_args() -> list[str]:
    return list(INIT)
