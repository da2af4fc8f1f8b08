"""A transport that misbehaves on purpose: drops requests, loses answers after the hub
committed, sends twice, delays, and cuts pull pages short."""

from __future__ import annotations

import random
import time
from typing import Any

from officer_desk.sync.errors import HubUnreachable
from officer_desk.sync.transport import Transport

FAULTS = ("drop", "lose_answer", "duplicate", "delay", "short_page")


class FaultyTransport:
    def __init__(self, inner: Transport, seed: int = 0) -> None:
        self.inner = inner
        self.rng = random.Random(seed)
        self.rate = 0.0  # chance of a fault per request; 0 = a clean network
        self.log: list[str] = []

    def close(self) -> None:
        """Close the wrapped transport (an in-process one holds an event loop and its
        sockets; left to the garbage collector they warn, which fails a later test)."""
        close = getattr(self.inner, "close", None)
        if close is not None:
            close()

    def send(self, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        fault = self.rng.choice(FAULTS) if self.rng.random() < self.rate else None
        if fault:
            self.log.append(f"{fault} {path}")
        if fault == "drop":
            raise HubUnreachable("dropped (test)")
        if fault == "delay":
            time.sleep(0.001)
        status, body = self.inner.send(method, path, **kw)
        if fault == "duplicate":
            status, body = self.inner.send(method, path, **kw)
        if fault == "lose_answer":
            raise HubUnreachable("answer lost (test)")
        if fault == "short_page" and path == "/sync/pull" and status == 200 and body["changes"]:
            keep = self.rng.randrange(len(body["changes"]))
            body = dict(body, changes=body["changes"][:keep], more=True)
        return status, body
