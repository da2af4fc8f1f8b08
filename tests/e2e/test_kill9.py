"""kill -9 in the middle of writing: every write reported as committed survives, and the store
(integrity, foreign keys, audit chain) still verifies and still opens with its passwords.

The stores are encrypted like every store.  The children run with test-cost key derivation
(made in-process here, or set in the seeding child before it makes the store): the cost is
saved in the key-slot file, so every later sign-in is quick too."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlmodel import func, select

from officer_desk.app import accounts
from officer_desk.cli.admin import main
from officer_desk.cli.unlock import NEW_PASSWORD_ENV, PASSWORD_ENV
from officer_desk.demo.generator import DEMO_PASSWORD
from officer_desk.paths import STORE_FILENAME
from officer_desk.store import keyslots
from officer_desk.store.keyslots import KdfParams
from officer_desk.store.tables import ActivityLog, CaseNote, Inmate, MealLog

pytestmark = pytest.mark.slow

WRITER_LOOP = Path(__file__).with_name("writer_loop.py")
TIMEOUT = 60.0
FAST_KDF = "time_cost=1, memory_kib=8192"
ADMIN_PW, KARI_PW = "kaffe og vafler i fellesrommet", "stille morgen ved fjorden"
# seed-demo in a child, with the test-cost key derivation set before the store is made.
SEED_DEMO = (
    "import sys\n"
    "from officer_desk.store import keyslots\n"
    f"keyslots.DEFAULT_KDF = keyslots.KdfParams({FAST_KDF})\n"
    "from officer_desk.cli.admin import main\n"
    "sys.exit(main(['seed-demo', *sys.argv[1:]]))\n"
)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", KdfParams(time_cost=1, memory_kib=8192))


class Child:
    """A subprocess whose stdout lines arrive on a queue, so reads can time out."""

    def __init__(self, args: list[str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def read_until(self, enough: Callable[[list[str]], bool]) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not enough(self.lines):
            try:
                line = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"no progress within {TIMEOUT}s; output so far: {self.lines}")
            if line is None:
                assert self.process.stderr is not None
                pytest.fail(f"child ended early: {self.process.stderr.read()}")
            self.lines.append(line)

    def kill_and_drain(self) -> None:
        """SIGKILL, then collect whatever it had already written to the pipe."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=TIMEOUT)
        while (line := self._queue.get(timeout=TIMEOUT)) is not None:
            self.lines.append(line)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@contextmanager
def child(args: list[str]) -> Iterator[Child]:
    started = Child(args)
    try:
        yield started
    finally:
        started.stop()


def committed_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("committed ")]


def test_kill9_during_seed_demo_keeps_every_reported_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "seeded"
    args = ["-c", SEED_DEMO, "--data-dir", str(data)]
    args += ["--inmates", "12", "--years", "2", "--seed", "9", "--today", "2026-05-01"]

    with child(args) as seeding:
        seeding.read_until(lambda lines: len(committed_lines(lines)) >= 2)
        seeding.kill_and_drain()
        assert seeding.process.returncode == -signal.SIGKILL

    reported = committed_lines(seeding.lines)
    assert 2 <= len(reported) < 12, "the seed should have been killed part-way"
    monkeypatch.setenv(PASSWORD_ENV, DEMO_PASSWORD)
    assert main(["verify", "--data-dir", str(data), "--user", "solvi.laegreid"]) == 0
    # Every account was made (with its key slot) before the first person was committed.
    store, _who = accounts.sign_in(data / STORE_FILENAME, "ase.solberg", DEMO_PASSWORD)
    try:
        with store.reading() as session:
            for line in reported:
                # "committed H-1003 (1460 meals, 720 activities, 55 notes)"
                _word, number, rest = line.split(" ", 2)
                meals, activities, notes = (int(part.split()[0]) for part in rest[1:-1].split(","))
                inmate = session.exec(select(Inmate).where(Inmate.prison_number == number)).one()
                for table, expected in ((MealLog, meals), (ActivityLog, activities),
                                        (CaseNote, notes)):  # fmt: skip
                    found = session.exec(
                        select(func.count()).select_from(table).where(table.inmate_id == inmate.id)  # type: ignore[attr-defined]
                    ).one()
                    assert found == expected, (line, table.__name__)
    finally:
        store.close()


def test_kill9_during_everyday_writes_keeps_every_committed_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "ws1"
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "prison_number,full_name,officer\n"
        + "".join(f"H-{1000 + n},Person {n} Ås,kari\n" for n in range(5)),
        encoding="utf-8",
    )
    init = ["--facility-name", "Halden fengsel", "--facility-code", "HAL", "--unit-name", "C",
            "--unit-code", "C", "--admin-username", "solvi", "--admin-name", "Sølvi"]  # fmt: skip
    at = ["--data-dir", str(data)]
    monkeypatch.setenv(PASSWORD_ENV, ADMIN_PW)
    monkeypatch.setenv(NEW_PASSWORD_ENV, KARI_PW)
    assert main(["init", *at, *init]) == 0
    as_admin = [*at, "--user", "solvi"]
    add_kari = ["--username", "kari", "--name", "Kari", "--role", "officer"]
    assert main(["add-officer", *as_admin, *add_kari]) == 0
    assert main(["import-roster", *as_admin, str(roster)]) == 0
    store_file = data / STORE_FILENAME

    # The child signs in as kari (OFFICER_DESK_PASSWORD) and writes as her.
    monkeypatch.setenv(PASSWORD_ENV, KARI_PW)
    with child([str(WRITER_LOOP), str(store_file)]) as writer:
        writer.read_until(lambda lines: len(lines) >= 40)
        writer.kill_and_drain()

    monkeypatch.setenv(PASSWORD_ENV, ADMIN_PW)
    assert main(["verify", *as_admin]) == 0
    printed: dict[str, set[str]] = {"meal_log": set(), "case_note": set()}
    for line in writer.lines:
        table, row_id = line.split()
        printed[table].add(row_id)
    assert printed["case_note"] and printed["meal_log"]
    store, _who = accounts.sign_in(store_file, "kari", KARI_PW)
    try:
        with store.reading() as session:
            meals = set(session.exec(select(MealLog.id)).all())
            notes = set(session.exec(select(CaseNote.id)).all())
    finally:
        store.close()
    assert printed["meal_log"] <= meals
    assert printed["case_note"] <= notes
