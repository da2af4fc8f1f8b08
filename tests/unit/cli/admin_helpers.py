"""Helpers shared by the admin command-line tests (and their conftest): accounts, passwords,
running ``main()`` with passwords in the environment, raw access to an encrypted store."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from officer_desk.cli.admin import main
from officer_desk.cli.unlock import NEW_PASSWORD_ENV, PASSWORD_ENV
from officer_desk.paths import STORE_FILENAME
from officer_desk.store.connect import connect
from officer_desk.store.keyslots import KdfParams, KeySlots

Cli = Callable[..., int]
COUNTED = ("inmate", "assignment", "officer", "audit_entry", "outbox_entry")
ADMIN, ADMIN_PW = "solvi", "kaffe og vafler i fellesrommet"
KARI_PW = "stille morgen ved fjorden"
PER_PW = "lange netter med snø"
NO_USER = {"init", "seed-demo"}  # the commands that make a store take no --user
FAST_KDF = KdfParams(time_cost=1, memory_kib=8192)
INIT = [
    "--facility-name", "Halden fengsel", "--facility-code", "HAL",
    "--unit-name", "Enhet C", "--unit-code", "C",
    "--admin-username", ADMIN, "--admin-name", "Sølvi Lægreid",
]  # fmt: skip


def run_admin(
    monkeypatch: pytest.MonkeyPatch,
    folder: Path,
    command: str,
    *args: str,
    user: str | None = ADMIN,
    password: str | None = ADMIN_PW,
    new_password: str | None = None,
) -> int:
    """``officer-desk-admin COMMAND --data-dir FOLDER [--user USER] ARGS`` with the passwords
    in the environment (None: unset)."""
    for env, value in ((PASSWORD_ENV, password), (NEW_PASSWORD_ENV, new_password)):
        if value is None:
            monkeypatch.delenv(env, raising=False)
        else:
            monkeypatch.setenv(env, value)
    as_user = ["--user", user] if user and command not in NO_USER else []
    return main([command, "--data-dir", str(folder), *as_user, *args])


def store_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(STORE_FILENAME + "*"))


def store_key(store_file: Path, user: str = ADMIN, password: str = ADMIN_PW) -> bytes:
    """The database key, through an account's key slot."""
    slots = KeySlots.for_store(store_file)
    assert slots is not None, f"no key slots beside {store_file}"
    return slots.unlock(user, password)


def sql(store_file: Path, statement: str, *params: object, key: bytes | None = None) -> None:
    """Change an encrypted store behind the app's back (a raw connection with the key)."""
    with closing(connect(store_file, key or store_key(store_file))) as connection, connection:
        connection.execute(statement, params)


def row_counts(store_file: Path, key: bytes | None = None) -> dict[str, int]:
    """Rows per table, read with a raw connection (nothing of ours between but the key).

    Every command signs in, which is audited; ``audit_entry`` counts the other entries, so
    "nothing was written" reads as equal counts before and after.
    """
    with closing(connect(store_file, key or store_key(store_file))) as connection:
        counts = {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
        counts["audit_entry"] -= connection.execute(
            "SELECT count(*) FROM audit_entry WHERE action = 'login'"
        ).fetchone()[0]
        return counts
