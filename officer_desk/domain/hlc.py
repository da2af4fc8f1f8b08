"""Hybrid logical clock: timestamps that order changes across devices despite clock skew.

Encoded as ``"<13-digit ms>-<5-digit counter>-<device>"`` so that plain string comparison
orders them; the device id breaks ties deterministically.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Timestamp:
    millis: int
    counter: int
    device: str

    def encode(self) -> str:
        return f"{self.millis:013d}-{self.counter:05d}-{self.device}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        millis, counter, device = text.split("-", 2)
        return cls(int(millis), int(counter), device)


class HybridClock:
    def __init__(self, device: str, wall_ms: Callable[[], int] | None = None) -> None:
        self._device = device
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._last = Timestamp(0, 0, device)
        self._lock = threading.Lock()

    def now(self) -> str:
        """A timestamp later than every one this clock has issued or received."""
        with self._lock:
            wall = self._wall_ms()
            if wall > self._last.millis:
                self._last = Timestamp(wall, 0, self._device)
            else:
                self._last = Timestamp(self._last.millis, self._last.counter + 1, self._device)
            return self._last.encode()

    def observe(self, seen: str) -> None:
        """Never issue a timestamp at or below ``seen`` (one this store already holds, read
        when it opens or before a write): unlike :meth:`receive` it is not an event, so it
        moves nothing when ``seen`` is older.  Text that is not a timestamp is ignored."""
        try:
            other = Timestamp.decode(seen)
        except ValueError:
            return
        with self._lock:
            if other > self._last:
                self._last = other

    def receive(self, remote: str) -> None:
        """Advance past a timestamp seen from another device."""
        other = Timestamp.decode(remote)
        with self._lock:
            wall = self._wall_ms()
            top = max(wall, self._last.millis, other.millis)
            if top == self._last.millis == other.millis:
                counter = max(self._last.counter, other.counter) + 1
            elif top == self._last.millis:
                counter = self._last.counter + 1
            elif top == other.millis:
                counter = other.counter + 1
            else:
                counter = 0
            self._last = Timestamp(top, counter, self._device)
