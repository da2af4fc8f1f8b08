"""kill -9 at each step of a re-key (store/rekey.py): the store opens afterwards with every
remaining password, nothing is lost, the audit chain verifies, and the closed account's old
password opens no copy of the key file made before.

A child signs in as the admin and closes kari's account, which re-keys the store; the child is
killed before or after one step (or during SQLCipher's rewrite of the pages).  The store is made
a few megabytes large so the rewrite takes long enough to be interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import func, select

from officer_desk.app import accounts
from officer_desk.cli.admin import main
from officer_desk.cli.unlock import NEW_PASSWORD_ENV, PASSWORD_ENV
from officer_desk.cli.verify import verify
from officer_desk.domain.errors import DeskError
from officer_desk.paths import STORE_FILENAME
from officer_desk.store import keyslots
from officer_desk.store.connect import connect, opens_with
from officer_desk.store.keyslots import KdfParams, KeySlots
from officer_desk.store.tables import AuditEntry, Inmate

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
ADMIN_PW, KARI_PW, PER_PW = (
    "kaffe og vafler i fellesrommet",
    "stille morgen ved fjorden",
    "lange netter med snø",
)
FILLER_ROWS = 20_000  # about 8 MB: the page rewrite takes a noticeable moment

CLOSE_KARI = """
import os, signal, sys, threading
from pathlib import Path
from officer_desk.app import accounts
from officer_desk.store import rekey
store_path, step, when = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
original = getattr(rekey, step)
def die():
    os.kill(os.getpid(), signal.SIGKILL)
def stopped_here(*args):
    if when == "before":
        die()
    if when == "during":
        threading.Timer(0.01, die).start()
    result = original(*args)
    if when == "after":
        die()
    return result
setattr(rekey, step, stopped_here)
store, who = accounts.sign_in(store_path, "solvi", sys.argv[4])
accounts.deactivate(store, who.actor(), username="kari")
print("finished")
"""

STEPS = [
    ("_seal_new_key", "before"),
    ("_seal_new_key", "after"),
    ("_apply_new_key", "during"),
    ("_apply_new_key", "after"),
    ("_checkpoint", "after"),
    ("_promote", "before"),
    ("_promote", "after"),
]


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", KdfParams(time_cost=1, memory_kib=8192))


def make_store(data: Path, roster: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    init = ["--facility-name", "Halden fengsel", "--facility-code", "HAL", "--unit-name", "C",
            "--unit-code", "C", "--admin-username", "solvi", "--admin-name", "Sølvi"]  # fmt: skip
    at = ["--data-dir", str(data)]
    monkeypatch.setenv(PASSWORD_ENV, ADMIN_PW)
    assert main(["init", *at, *init]) == 0
    as_admin = [*at, "--user", "solvi"]
    for user, name, password in (("kari", "Kari", KARI_PW), ("per", "Per", PER_PW)):
        monkeypatch.setenv(NEW_PASSWORD_ENV, password)
        assert main(["add-officer", *as_admin, "--username", user, "--name", name,
                     "--role", "officer"]) == 0  # fmt: skip
    roster.write_text(
        "prison_number,full_name,officer\n"
        + "".join(f"H-{1000 + n},Person {n} Ås,kari\n" for n in range(6)),
        encoding="utf-8",
    )
    assert main(["import-roster", *as_admin, str(roster)]) == 0
    store_file = data / STORE_FILENAME
    slots = KeySlots.for_store(store_file)
    assert slots is not None
    filler = connect(store_file, slots.unlock("solvi", ADMIN_PW), isolation_level=None)
    try:
        filler.execute("BEGIN")
        filler.executemany(
            "INSERT INTO local_setting (key, value) VALUES (?, ?)",
            ((f"filler.{n}", os.urandom(200).hex()) for n in range(FILLER_ROWS)),
        )
        filler.execute("COMMIT")
    finally:
        filler.close()
    return store_file


def counts(store_file: Path, user: str, password: str) -> tuple[int, int]:
    store, _who = accounts.sign_in(store_file, user, password)  # settles an owed re-key
    try:
        report = verify(store)
        assert report.ok, report.problems
        with store.reading() as session:
            inmates = session.exec(select(func.count()).select_from(Inmate)).one()
            audit = session.exec(select(func.count()).select_from(AuditEntry)).one()
    finally:
        store.close()
    return inmates, audit


@pytest.mark.parametrize(("step", "when"), STEPS)
def test_kill9_at_each_step_of_a_rekey_leaves_a_store_the_remaining_passwords_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, when: str
) -> None:
    store_file = make_store(tmp_path / "ws", tmp_path / "roster.csv", monkeypatch)
    stolen = tmp_path / "stolen" / STORE_FILENAME
    stolen.parent.mkdir()
    keyslots.slots_path(stolen).write_bytes(keyslots.slots_path(store_file).read_bytes())
    inmates_before, audit_before = counts(store_file, "solvi", ADMIN_PW)

    child = subprocess.run(
        [sys.executable, "-c", CLOSE_KARI, str(store_file), step, when, ADMIN_PW],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    if when == "during":  # the rewrite may finish before the timer fires: both are fine
        assert child.returncode in (-signal.SIGKILL, 0), child.stderr
    else:
        assert child.returncode == -signal.SIGKILL, child.stderr

    # Every remaining password opens it; nothing is lost; the audit chain verifies.
    for user, password in (("solvi", ADMIN_PW), ("per", PER_PW)):
        inmates, audit = counts(store_file, user, password)
        assert inmates == inmates_before and audit >= audit_before
    # The closed account signs in nowhere, and its old key opens nothing any more.
    with pytest.raises(DeskError):
        accounts.sign_in(store_file, "kari", KARI_PW)
    old_key = KeySlots.for_store(stolen).unlock("kari", KARI_PW)  # type: ignore[union-attr]
    assert not opens_with(store_file, old_key)
    assert not KeySlots.for_store(store_file).rekey_owed  # type: ignore[union-attr]
