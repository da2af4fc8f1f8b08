"""Keys follow the people, tried from the attacker's side: after a closure or a reset the old
password opens neither the live store (through a copy of its key file made before) nor a
backup; a backup's key file never opens the live store; backup never writes onto the store's
own files; restore brings a backup back under a new key."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from admin_helpers import ADMIN, ADMIN_PW, KARI_PW, PER_PW, Cli, store_key
from sqlmodel import col, select

from officer_desk.store import keyslots, migrate
from officer_desk.store.connect import connect, opens_with
from officer_desk.store.database import open_store
from officer_desk.store.errors import WrongStoreKey
from officer_desk.store.keyslots import KeySlots, WrongPassword
from officer_desk.store.tables import AuditEntry, Officer


def stolen_copy(store_file: Path, where: Path) -> Path:
    """What an insider keeps: a copy of the key file as it is now (beside a dummy name, since
    a key file is found beside its store)."""
    where.mkdir(parents=True, exist_ok=True)
    copy = where / "officer_desk.sqlite.keys"
    copy.write_bytes(keyslots.slots_path(store_file).read_bytes())
    return where / "officer_desk.sqlite"


def key_from(store_like: Path, user: str, password: str) -> bytes:
    slots = KeySlots.for_store(store_like)
    assert slots is not None
    return slots.unlock(user, password)


def account_keys(store_file: Path) -> dict[str, str]:
    store = open_store(store_file, key=store_key(store_file))
    try:
        with store.reading() as session:
            return {o.username: o.account_key for o in session.exec(select(Officer)).all()}
    finally:
        store.close()


def audit(store_file: Path) -> list[tuple[str, str]]:
    """(action, detail) of every audit entry, in order."""
    store = open_store(store_file, key=store_key(store_file))
    try:
        with store.reading() as session:
            entries = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq))).all()
            return [(entry.action, entry.detail) for entry in entries]
    finally:
        store.close()


def test_a_closed_accounts_password_opens_no_copy_of_the_key_file_nor_a_backup(
    initialised: Cli,
    store_file: Path,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stolen = stolen_copy(store_file, tmp_path / "stolen")
    old_key = key_from(stolen, "kari", KARI_PW)
    assert opens_with(store_file, old_key)  # what the insider could do before
    backup = tmp_path / "copies" / "before.sqlite"
    assert initialised("backup", str(backup)) == 0
    keys_before = account_keys(store_file)
    # A copy the workstation made for itself (before a purge or an upgrade): the store's key.
    archive = migrate.backup_copy(store_file, data_dir / "backups", "purge-archive", old_key)

    assert initialised("deactivate", "--username", "kari") == 0
    assert "new key" in capsys.readouterr().out

    # The copy of the key file made before still gives kari's old key, which opens nothing.
    assert key_from(stolen, "kari", KARI_PW) == old_key
    assert not opens_with(store_file, old_key)
    with pytest.raises(WrongStoreKey):
        connect(store_file, old_key)
    with pytest.raises(WrongPassword):
        key_from(store_file, "kari", KARI_PW)  # the live key file has no slot for kari
    # The backup was sealed to the admins only: kari never had a way into it.
    with pytest.raises(WrongPassword):
        key_from(backup, "kari", KARI_PW)
    # A backup's key opens the backup, never the live store.
    backup_key = key_from(backup, ADMIN, ADMIN_PW)
    assert opens_with(backup, backup_key) and not opens_with(store_file, backup_key)
    # The workstation's own copies followed the store to the new key.
    assert not opens_with(archive, old_key) and opens_with(archive, store_key(store_file))
    # Everyone else still signs in, and the re-key changed no one's account (signing) key.
    assert opens_with(store_file, store_key(store_file, "per", PER_PW))
    assert opens_with(store_file, store_key(store_file))
    after = account_keys(store_file)
    assert after["per"] == keys_before["per"] and after[ADMIN] == keys_before[ADMIN]
    assert audit(store_file)[-1][0] == "rekey"


def test_after_a_reset_the_old_password_opens_no_copy_of_the_key_file(
    initialised: Cli, store_file: Path, tmp_path: Path
) -> None:
    stolen = stolen_copy(store_file, tmp_path / "stolen")
    old_key = key_from(stolen, "kari", KARI_PW)

    assert initialised("reset-password", "--username", "kari", new_password="ny vinter i nord") == 0

    assert not opens_with(store_file, old_key)
    assert opens_with(store_file, store_key(store_file, "kari", "ny vinter i nord"))
    with pytest.raises(WrongPassword):
        key_from(store_file, "kari", KARI_PW)


@pytest.mark.parametrize("suffix", ["", ".keys", "-wal", "-shm", ".keys.lock"])
def test_backup_refuses_to_write_onto_the_stores_own_files(
    initialised: Cli, store_file: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    slots_file = keyslots.slots_path(store_file)
    key_file_before = slots_file.read_bytes()
    target = store_file.with_name(store_file.name + suffix)

    assert initialised("backup", str(target), "--force") == 2

    assert "one of the store's own files" in capsys.readouterr().err
    assert slots_file.read_bytes() == key_file_before
    assert opens_with(store_file, store_key(store_file))


def test_backup_refuses_a_link_to_the_key_file(
    initialised: Cli, store_file: Path, tmp_path: Path
) -> None:
    link = tmp_path / "innocent.sqlite"
    link.symlink_to(keyslots.slots_path(store_file))
    before = keyslots.slots_path(store_file).read_bytes()
    assert initialised("backup", str(link), "--force") == 2
    assert keyslots.slots_path(store_file).read_bytes() == before


def test_restore_brings_a_backup_back_under_a_new_key(
    initialised: Cli, store_file: Path, data_dir: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    backup = tmp_path / "copies" / "halden.sqlite"
    assert initialised("backup", str(backup)) == 0
    backup_key = key_from(backup, ADMIN, ADMIN_PW)
    assert initialised("add-officer", "--username", "ola", "--name", "Ola Bø", "--role",
                       "officer", new_password="lange netter med is") == 0  # fmt: skip

    # Refused while records are there, unless --force (which moves them aside).
    assert initialised("restore", str(backup)) == 2
    assert "--force" in capsys.readouterr().err
    assert initialised("restore", str(backup), "--force") == 0
    said = capsys.readouterr().out
    assert "before-restore-" in said

    key = store_key(store_file)
    assert key != backup_key and not opens_with(store_file, backup_key)
    for user, password in (("kari", KARI_PW), ("per", PER_PW)):
        assert store_key(store_file, user, password) == key
    assert "ola" not in account_keys(store_file)  # made after the backup
    assert initialised("verify") == 0
    moved = [p for p in (data_dir / "backups").iterdir() if p.name.startswith("before-restore-")]
    assert moved and (moved[0] / "officer_desk.sqlite.keys").exists()


def test_restore_needs_an_admins_password_for_the_backup(
    initialised: Cli, store_file: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "halden.sqlite"
    assert initialised("backup", str(backup)) == 0
    before = store_file.read_bytes()
    assert initialised("restore", str(backup), "--force", user="kari", password=KARI_PW) == 2
    assert store_file.read_bytes() == before


def test_rekey_waits_while_another_program_has_the_store_open(
    initialised: Cli, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = store_key(store_file)
    desk = connect(store_file, key, isolation_level=None)  # the desk, idle, beside the tool
    try:
        assert initialised("rekey") == 2
        assert "open in another program" in capsys.readouterr().out
        assert opens_with(store_file, key)
        assert json.loads(keyslots.slots_path(store_file).read_text())["rekey_owed"] is True
    finally:
        desk.close()
    # The next sign-in (any command) settles it, audited with the sign-in.
    assert initialised("settings") == 0
    assert not opens_with(store_file, key)
    assert any(
        "at this sign-in" in detail for action, detail in audit(store_file) if action == "rekey"
    )
    assert not KeySlots.for_store(store_file).rekey_owed  # type: ignore[union-attr]
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(store_file).execute("SELECT * FROM officer").fetchall()
    assert os.stat(store_file).st_size > 0


def test_a_rekey_finished_by_a_sign_in_is_not_finished_twice(
    initialised: Cli, store_file: Path
) -> None:
    """A sign-in may finish step 3 between the re-keying process's page rewrite and its own
    step 3; the second finish must not take the slots away."""
    rekeying = KeySlots.for_store(store_file)
    assert rekeying is not None
    count = len(rekeying)
    token, dropped = rekeying.begin_rekey(os.urandom(32))
    assert dropped == 0
    signing_in = KeySlots.for_store(store_file)
    assert signing_in is not None
    signing_in.finish_rekey()  # (as KeySlots.unlock does when the store opens with next)
    rekeying.finish_rekey(token)
    after = KeySlots.for_store(store_file)
    assert after is not None and len(after) == count and not after.rekey_owed
