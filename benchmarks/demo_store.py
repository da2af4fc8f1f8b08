"""A seeded encrypted demo store for the benchmarks that time work on a big store (re-key,
verify): made once per folder with a test-cost Argon2id, then reused."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from officer_desk.demo import generator as demo
from officer_desk.store import keyslots
from officer_desk.store.keyslots import KdfParams, KeySlots

DEMO_ADMIN = "solvi.laegreid"


def seeded(folder: Path, inmates: int, years: int) -> Path:
    store_path = folder / "officer_desk.sqlite"
    if not store_path.exists():
        keyslots.DEFAULT_KDF = KdfParams(time_cost=1, memory_kib=8192)
        started = time.perf_counter()
        demo.create_demo_store(
            store_path, inmates=inmates, years=years, seed=1, today=date(2026, 6, 1)
        )
        print(f"seeded {inmates} people, {years} years in {time.perf_counter() - started:.0f} s")
    return store_path


def admin_key(store_path: Path) -> bytes:
    """The store key, through the demo admin's key slot."""
    slots = KeySlots.for_store(store_path)
    assert slots is not None
    return slots.unlock(DEMO_ADMIN, demo.DEMO_PASSWORD)
