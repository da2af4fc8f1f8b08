"""SIGTERM and SIGINT close the desk like File -> Quit: queued writes done, store closed, exit 0.

The desk runs in a child process (offscreen), signed in with ``--user`` and the password in
the environment; once it says it has settled, it gets the signal.  The child imports the
package from this checkout (PYTHONPATH), not whichever one is installed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from desk_fakes import KARI
from sqlmodel import select

import officer_desk
from officer_desk.app import accounts
from officer_desk.paths import AppPaths
from officer_desk.store.tables import AuditEntry

pytest_plugins = ["desk_fixtures"]

CHECKOUT = Path(officer_desk.__file__).resolve().parent.parent
SETTLED = "desk settled after its first screen"
TIMEOUT = 90


@pytest.fixture
def desk(encrypted_unit: AppPaths) -> Iterator[subprocess.Popen[str]]:
    environment = {
        **os.environ,
        "PYTHONPATH": str(CHECKOUT),
        "QT_QPA_PLATFORM": "offscreen",
        "OFFICER_DESK_PASSWORD": KARI[2],
    }
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "officer_desk.ui.launcher",
            "--data-dir",
            str(encrypted_unit.data),
            "--user",
            KARI[0],
            "--verbose",
        ],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # Never hang the suite on a child that does not settle or does not close.
    guard = threading.Timer(TIMEOUT, child.kill)
    guard.start()
    try:
        yield child
    finally:
        guard.cancel()
        if child.poll() is None:
            child.kill()
        child.wait()
        assert child.stdout is not None
        child.stdout.close()


def wait_for(child: subprocess.Popen[str], text: str) -> list[str]:
    assert child.stdout is not None
    seen: list[str] = []
    for line in child.stdout:
        seen.append(line)
        if text in line:
            return seen
    raise AssertionError(f"the desk ended before {text!r}:\n{''.join(seen)}")


def logins(paths: AppPaths) -> int:
    """The desk's sign-ins in the audit log, read off the GUI thread (the UI suite fails a
    test that runs SQL there)."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_logins, paths).result()


def _logins(paths: AppPaths) -> int:
    store, _who = accounts.sign_in(paths.store, KARI[0], KARI[2])  # audits one more
    try:
        with store.reading() as session:
            rows = session.exec(select(AuditEntry).where(AuditEntry.action == "login")).all()
        return len(rows) - 1
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_closes_the_store_cleanly_with_exit_code_0(
    desk: subprocess.Popen[str], encrypted_unit: AppPaths, sent: signal.Signals
) -> None:
    wait_for(desk, SETTLED)
    desk.send_signal(sent)
    rest, _ = desk.communicate(timeout=TIMEOUT)
    assert desk.returncode == 0, rest
    assert f"{sent.name} received: closing" in rest
    assert "Traceback" not in rest
    # The store was closed by the last connection: its WAL checkpointed into the file and
    # removed with it (a killed process leaves it behind).
    wal = encrypted_unit.store.with_name(encrypted_unit.store.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    # The sign-in's audit entry, a write queued after the first screen, was written.
    assert logins(encrypted_unit) == 1
