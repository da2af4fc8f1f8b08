"""Sign-in benchmark: how long unlocking a key slot takes with the production Argon2id cost.

Unlocking is what a person waits for after typing their password (and what an attacker pays
per guess).  Measures, with ``KdfParams()`` as shipped, the median of N runs of:

* ``KeySlots.unlock`` with the right password (read the slot file, Argon2id, AES-GCM);
* ``KeySlots.unlock`` for an unknown user name (the same cost on purpose: no hint which
  names exist);
* ``accounts.sign_in``: unlock, open the encrypted store, audit the login (what the login
  screen waits for).

Prints each against the target of 0.5 s (ratio = median / target), then the Argon2id
parameters against OWASP's minimum for Argon2id (m=19 MiB, t=2, p=1).

    .venv/bin/python benchmarks/login_bench.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from officer_desk.app import accounts
from officer_desk.store.keyslots import KdfParams, KeySlots, WrongPassword

TARGET_S = 0.5
OWASP_MIN = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
USER = "it-admin"
PASSWORD = "kaffe og vafler i fellesrommet"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def unknown_user(slots_of: Callable[[], KeySlots]) -> None:
    try:
        slots_of().unlock("nobody-by-that-name", PASSWORD)
    except WrongPassword:
        return
    raise AssertionError("an unknown user name unlocked the store")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    kdf = KdfParams()

    with tempfile.TemporaryDirectory(prefix="officer-desk-login-") as folder:
        store_path = Path(folder) / "officer_desk.sqlite"
        store, _ = accounts.create_store(
            store_path,
            facility_name="Halden fengsel",
            facility_code="HAL",
            unit_name="Enhet C",
            unit_code="C",
            admin_username=USER,
            admin_name="Åse IT",
            admin_password=PASSWORD,
            kdf=kdf,
        )
        store.close()

        def slots() -> KeySlots:
            found = KeySlots.for_store(store_path)
            assert found is not None
            return found

        def sign_in() -> None:
            opened, _ = accounts.sign_in(store_path, USER, PASSWORD)
            opened.close()

        rows = [
            ("unlock (right password)", timed(lambda: slots().unlock(USER, PASSWORD), args.runs)),
            ("unlock (unknown user name)", timed(lambda: unknown_user(slots), args.runs)),
            ("sign_in (unlock + open store + audit)", timed(sign_in, args.runs)),
        ]

    print(f"officer_desk sign-in, {args.runs} runs each, {platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}")  # fmt: skip
    print()
    print(f"{'operation':<40} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'target ms':>10} "
          f"{'ratio':>6}")  # fmt: skip
    for name, times in rows:
        median = statistics.median(times)
        print(
            f"{name:<40} {median * 1000:>10.0f} {min(times) * 1000:>8.0f} "
            f"{max(times) * 1000:>8.0f} {TARGET_S * 1000:>10.0f} {median / TARGET_S:>6.2f}"
        )
    print()
    print(f"{'Argon2id parameter':<24} {'production':>12} {'OWASP minimum':>14} {'ratio':>6}")
    params = [
        ("memory (MiB)", kdf.memory_kib / 1024, OWASP_MIN.memory_kib / 1024),
        ("iterations (t)", kdf.time_cost, OWASP_MIN.time_cost),
        ("parallelism (p)", kdf.parallelism, OWASP_MIN.parallelism),
        (
            "cost per guess (m x t)",
            kdf.memory_kib / 1024 * kdf.time_cost,
            OWASP_MIN.memory_kib / 1024 * OWASP_MIN.time_cost,
        ),
    ]
    for name, ours, owasp in params:
        print(f"{name:<24} {ours:>12g} {owasp:>14g} {ours / owasp:>6.2f}")
    worst = max(statistics.median(times) for _, times in rows)
    verdict = "within" if worst <= TARGET_S else "OVER"
    print(f"\nslowest median {worst * 1000:.0f} ms: {verdict} the {TARGET_S * 1000:.0f} ms target")


if __name__ == "__main__":
    main()
