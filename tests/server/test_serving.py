"""How the hub process serves: writers of a SQLite hub queue on one lock across processes
(db.SqliteWriteLock), and every connection gets TCP_NODELAY (serving.NoDelayHTTPProtocol)."""

from __future__ import annotations

import asyncio
import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from officer_desk.server import db
from officer_desk.server.serving import NoDelayHTTPProtocol


def test_sqlite_write_locks_of_two_hubs_on_one_database_exclude_each_other(
    tmp_path: Path,
) -> None:
    """Two engines on one file stand for two ``serve --workers`` processes: each lock has its
    own open lock file, as another process would, so the second waits for the first."""
    url = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    first = db.SqliteWriteLock(db.make_engine(url))
    second = db.SqliteWriteLock(db.make_engine(url))
    order: list[str] = []
    second_waiting = threading.Event()

    def other_process() -> None:
        second_waiting.set()
        with second:
            order.append("second in")

    with first:
        order.append("first in")
        thread = threading.Thread(target=other_process)
        thread.start()
        second_waiting.wait(5)
        thread.join(0.3)  # the second must still be waiting for the lock
        assert thread.is_alive()
        order.append("first out")
    thread.join(5)
    assert order == ["first in", "first out", "second in"]
    assert (tmp_path / "hub.sqlite-writer.lock").exists()


def test_an_in_memory_hub_locks_threads_only() -> None:
    lock = db.SqliteWriteLock(db.make_engine("sqlite://"))
    entered = []

    def other_thread() -> None:
        with lock:
            entered.append("other")

    with lock:
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join(0.3)
        assert thread.is_alive() and not entered
    thread.join(5)
    assert entered == ["other"]


class _Transport(asyncio.Transport):
    def __init__(self, sock: socket.socket) -> None:
        super().__init__()
        self.sock = sock

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self.sock if name == "socket" else default


def test_every_connection_gets_tcp_nodelay(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``--workers N`` uvicorn binds a socket whose proto is 0 and asyncio then leaves
    Nagle on: the protocol sets TCP_NODELAY itself, then goes on as uvicorn's."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # proto 0, as uvicorn binds
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
    reached: list[asyncio.BaseTransport] = []
    uvicorns = NoDelayHTTPProtocol.__mro__[1]  # h11's or httptools' protocol
    monkeypatch.setattr(uvicorns, "connection_made", lambda _self, t: reached.append(t))
    transport = _Transport(accepted)

    object.__new__(NoDelayHTTPProtocol).connection_made(transport)

    assert reached == [transport]
    assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    for sock in (client, accepted, listener):
        sock.close()
