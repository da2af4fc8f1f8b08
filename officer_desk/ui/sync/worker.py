"""The sync thread: runs :class:`SyncClient` off the GUI thread and off the database worker.

Sync waits on the network, so it gets a thread of its own (and, through ``SyncClient``, its own
SQLite connection): the officer's writes on the ``DbExecutor`` only ever wait for the short
``BEGIN IMMEDIATE`` transactions in which a pushed batch is recorded or a pulled page applied,
never for the hub.  The thread is a daemon: quitting the app while a request hangs on a dead
network must not wait for it, and stopping there is safe (every step of a sync is one
transaction; the outbox keeps whatever was not acknowledged).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from officer_desk.app.executor import DeliversToOwner, Job

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.sync.client import SyncClient
    from officer_desk.sync.transport import Transport

log = logging.getLogger("officer_desk.sync")

TransportFactory = Callable[[str], "Transport"]
HUB_TIMEOUT_SECONDS = 15.0
# Smaller than the protocol's maximum: each page is applied in one write transaction, and an
# officer's save waits for it; 500 rows apply in a few tens of milliseconds.
PAGE_SIZE = 500
IDLE_SECONDS = 30.0  # an idle sync thread ends; the next job starts another


def http_transport(url: str) -> Transport:
    from officer_desk.sync.transport import HttpxTransport

    return HttpxTransport(url, timeout=HUB_TIMEOUT_SECONDS)


class Cancelled(Exception):
    """The desk was locked, signed out or closed: the sync stops before its next request."""


@dataclass
class Pulled:
    """What the pulls and snapshots of one sync brought (so screens can refresh)."""

    records: list[tuple[str, str, str | None]] = field(default_factory=list)


class WatchedTransport:
    """A transport that notes what the hub sent and stops before a request once cancelled."""

    def __init__(self, inner: Transport, stop: threading.Event) -> None:
        self.inner = inner
        self.stop = stop
        self.pulled = Pulled()

    def send(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
    ) -> tuple[int, Any]:
        if self.stop.is_set():
            raise Cancelled
        status, data = self.inner.send(method, path, token=token, body=body, params=params)
        if status < 300 and path in ("/sync/pull", "/sync/snapshot") and isinstance(data, dict):
            for change in data.get("changes") or []:
                if isinstance(change, dict):
                    self.pulled.records.append(
                        (
                            str(change.get("entity")),
                            str(change.get("entity_id")),
                            change.get("inmate_id"),
                        )
                    )
        return status, data

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close is not None:
            close()


class SyncThread(DeliversToOwner):
    """One daemon thread running jobs in order; answers come back on the owner's thread
    (delivered as the database worker's are)."""

    progress = Signal(str, int)  # ("pushed" | "pulled", records), from SyncClient.on_page
    WORK = "sync work"
    LOG = log

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        job = self._job(work, on_done, on_error, owner)
        with self._lock:
            self._jobs.put(job)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="officer-desk-sync", daemon=True
                )
                self._thread.start()

    def _loop(self) -> None:
        while True:
            try:
                job = self._jobs.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._jobs.empty():  # idle: end; the next submit starts a new thread
                        self._thread = None
                        return
                continue
            if job is None:
                return
            with contextlib.suppress(BaseException):  # kept in the job for its on_error
                job.run()
            try:
                self._finished.emit(job)
            except RuntimeError:  # the owner of this thread is gone (window closed)
                return

    def stop(self, wait_seconds: float) -> bool:
        """Let queued work end (it stops at its next request when cancelled); True when the
        thread finished within ``wait_seconds``, False when it was left hanging on the network."""
        with self._lock:
            thread = self._thread
            if thread is None:
                return True
            self._jobs.put(None)
            self._thread = None
        thread.join(wait_seconds)
        return not thread.is_alive()


class ClientHolder:
    """The SyncClient of the open store, made and used on the sync thread only."""

    def __init__(self, transport_for: TransportFactory, progress: Callable[[str, int], None]):
        self.transport_for = transport_for
        self.progress = progress
        self.stop = threading.Event()
        self._client: SyncClient | None = None
        self._transport: WatchedTransport | None = None
        self._url: str | None = None

    def client(self, store: Store) -> SyncClient:
        from officer_desk.sync.client import SyncClient

        if self._client is not None and self._client.store is not store:
            self.close()
        if self._client is None:
            # No transport yet: reading the status needs none, and it tells us the hub's URL.
            self._client = SyncClient(store, None, page_size=PAGE_SIZE, on_page=self._on_page)
        url = self._client.status().hub_url
        if url is not None and url != self._url:
            self.close()
            self._transport = WatchedTransport(self.transport_for(url), self.stop)
            self._url = url
            self._client = SyncClient(
                store, self._transport, page_size=PAGE_SIZE, on_page=self._on_page
            )
        return self._client

    @property
    def transport(self) -> WatchedTransport | None:
        return self._transport

    def _on_page(self, what: str, count: int) -> None:
        self.progress(what, count)
        if self.stop.is_set():
            raise Cancelled  # between pages: what was applied so far is committed

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._transport is not None:
            self._transport.close()
            self._transport = None
        self._url = None
