"""Crash points for the kill -9 tests (tests/e2e/test_sync_kill9.py); inert in normal use.

Set ``OFFICER_DESK_SYNC_CRASH_AT=POINT[:NTH[:DELAY]]`` in a client process's environment and
that process kills itself with SIGKILL (no clean-up, no flush: a power cut) the NTH time
(default 1st) it reaches POINT; with DELAY (seconds) a timer kills it that long after the
point, so the process dies somewhere in the middle of what follows (e.g. a request in flight).
The variable is read once, at import; without it :func:`reached` is a dictionary lookup.

Points (in sync/client.py):

* ``push_sent``     -- a push batch is about to go to the hub (use a DELAY to die with the
  request in flight: the hub may or may not have committed it);
* ``push_answered`` -- the hub's answer to a push arrived, before the client recorded it;
* ``pull_applying`` -- in the middle of applying a pulled page: some rows written, the
  transaction (rows + cursor + audit) not committed.
"""

from __future__ import annotations

import os
import signal
import threading

ENV = "OFFICER_DESK_SYNC_CRASH_AT"
POINTS = ("push_sent", "push_answered", "pull_applying")


def _parse(spec: str) -> tuple[str, int, float] | None:
    if not spec:
        return None
    parts = spec.split(":")
    if parts[0] not in POINTS:
        raise ValueError(f"{ENV}: unknown crash point {parts[0]!r} (known: {', '.join(POINTS)})")
    nth = int(parts[1]) if len(parts) > 1 and parts[1] else 1
    delay = float(parts[2]) if len(parts) > 2 and parts[2] else 0.0
    return parts[0], nth, delay


_ARMED = _parse(os.environ.get(ENV, ""))
_seen = 0


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def reached(point: str) -> None:
    global _seen
    if _ARMED is None or _ARMED[0] != point:
        return
    _seen += 1
    if _seen != _ARMED[1]:
        return
    if _ARMED[2] > 0:
        threading.Timer(_ARMED[2], _die).start()
    else:
        _die()
