"""Automatic sync for the signed-in desk: when, and what the indicator should say.

* A sync runs a few seconds after local changes stop coming (debounced on
  ``DbExecutor.changed``), every few minutes, and on "Sync now"; while the hub cannot be
  reached the pause between tries doubles up to a limit.
* Only while someone is signed in and the desk is not locked: a lock or a sign-out cancels a
  running sync before its next request and stops the timers; closing the window does the same
  and waits briefly for the sync thread (a request hanging on the network is left behind: what
  it would have changed is still in the outbox).
* What a pull brought is announced on ``DbExecutor.changed`` as a :class:`PulledChange`, so
  every screen refreshes as it does for the officer's own saves.
* After a sign-in it starts once the desk's first screen is painted (``first_screen``), at
  the latest after :data:`START_AT_LATEST_MS`: its first job imports the sync client, the
  ORM and httpx on the sync thread, which would compete with that screen for the
  interpreter lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance, Slot

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import DeskError
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.sync.state import HubJoined, Phase, Problem, PulledChange, SyncView
from officer_desk.ui.sync.worker import (
    Cancelled,
    ClientHolder,
    Pulled,
    SyncThread,
    TransportFactory,
    http_transport,
)

if TYPE_CHECKING:
    from officer_desk.app.accounts import SignedIn
    from officer_desk.store.database import Store
    from officer_desk.sync.client import SyncReport
    from officer_desk.sync.held import RejectedItem, SyncStatus

log = logging.getLogger("officer_desk.sync")

START_AT_LATEST_MS = 2_000  # after a sign-in, whether or not the first screen was painted


@dataclass(frozen=True)
class SyncTiming:
    """Milliseconds; tests pass short ones."""

    after_change: int = 4_000
    every: int = 180_000
    retry_first: int = 15_000
    retry_most: int = 300_000
    quit_wait: int = 3_000  # how long closing the window waits for a running sync


@dataclass(frozen=True)
class SyncResult:
    status: SyncStatus
    report: SyncReport | None
    problem: DeskError | None
    pulled: Pulled


def _same_store(store: Store) -> Store:
    return store


def _count_waiting(store: Store) -> int:
    with store.raw() as db:
        return int(db.execute("SELECT count(*) FROM outbox_entry").fetchone()[0])


def problem_kind(problem: BaseException) -> Problem | None:
    """None: the hub cannot be reached (offline, retried); else what stopped the sync."""
    from officer_desk.sync import errors

    kinds: list[tuple[type[BaseException], Problem | None]] = [
        (errors.HubUnreachable, None),
        (errors.DeviceRevoked, Problem.REVOKED),
        (errors.ClockOff, Problem.CLOCK),
        (errors.UpdateTheHub, Problem.UPDATE_HUB),
        (errors.UpdateTheApp, Problem.UPDATE),
        (errors.NotEnrolled, Problem.NOT_KNOWN),
        (errors.InsecureHub, Problem.INSECURE),
        (errors.SyncProblem, Problem.REFUSED),
    ]
    for kind, answer in kinds:
        if isinstance(problem, kind):
            return answer
    return Problem.STORE if isinstance(problem, DeskError) else Problem.FAULT


class SyncController(QObject):
    """Runs sync for the desk and keeps the :class:`SyncView` the indicator and panel show."""

    view_changed = Signal(object)  # SyncView
    rejected_loaded = Signal(list)  # list[RejectedItem]
    synced = Signal(object)  # SyncReport, after each sync that went well

    def __init__(
        self,
        executor: DbExecutor,
        session: DeskSession,
        *,
        transport_for: TransportFactory = http_transport,
        timing: SyncTiming | None = None,
        first_screen: SignalInstance | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._session = session
        self._first_screen = first_screen
        self._starting: object | None = None  # the sign-in whose start is pending
        self.timing = timing or SyncTiming()
        self.worker = SyncThread(self)
        self.worker.progress.connect(self._progress)
        self._holder = ClientHolder(transport_for, self.worker.progress.emit)
        self._store: Store | None = None
        self._view = SyncView()
        self._running = False
        self._again = False
        self._failures = 0
        self._closed = False

        self._soon = QTimer(self)  # after a change (restarted by each one: debounced)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.sync_now)
        self._next = QTimer(self)  # every few minutes, or the next try while offline
        self._next.setSingleShot(True)
        self._next.timeout.connect(self.sync_now)

        executor.changed.connect(self._changed)
        session.signed_in.connect(self._signed_in)
        session.locked.connect(self._pause)
        session.unlocked.connect(self._resume)
        session.signed_out.connect(self._signed_out)
        if session.user is not None:  # built after the sign-in (the window builds it late)
            self._signed_in(session.user)
            if session.is_locked:
                self._pause()

    def use(self, transport_for: TransportFactory, timing: SyncTiming | None = None) -> None:
        """Another way to the hub (tests: an in-process hub) and other intervals."""
        self._holder.transport_for = transport_for
        if timing is not None:
            self.timing = timing

    # --- what others read --------------------------------------------------------------------

    @property
    def view(self) -> SyncView:
        return self._view

    @property
    def active(self) -> bool:
        return self._store is not None and not self._session.is_locked and not self._closed

    @property
    def running(self) -> bool:
        return self._running

    @property
    def due(self) -> bool:
        """Whether a sync is waiting for local changes to stop coming (the debounce runs)."""
        return self._soon.isActive()

    def _set(self, view: SyncView) -> None:
        if view != self._view:
            self._view = view
            self.view_changed.emit(view)

    # --- who is signed in --------------------------------------------------------------------

    @Slot(object)
    def _signed_in(self, user: SignedIn) -> None:
        self._holder.stop.clear()
        admin = Role(user.role) is Role.ADMIN
        self._view = self._view.but(may_enrol=admin)
        if self._store is not None:
            self.refresh(sync_after=True)
        elif self._first_screen is None or admin:  # an admin has no desk screen to wait for
            self._start()
        else:
            token = self._starting = object()
            self._first_screen.connect(
                self._first_screen_shown, Qt.ConnectionType.SingleShotConnection
            )
            QTimer.singleShot(START_AT_LATEST_MS, self, lambda: self._start(token))

    @Slot()
    def _first_screen_shown(self) -> None:
        if self._starting is not None:
            self._start(self._starting)

    def _start(self, token: object | None = None) -> None:
        if token is not None:
            if token is not self._starting:
                return  # started already (the screen, then the timer), or another sign-in
            self._starting = None
        if self._session.user is None or self._closed:
            return
        self._executor.submit(_same_store, self._got_store, self._no_store, owner=self)

    def _got_store(self, store: Store) -> None:
        if self._session.user is None or self._closed or self._store is not None:
            return
        self._store = store
        self.refresh(sync_after=True)

    def _no_store(self, error: BaseException) -> None:
        log.warning("sync not started: %s", error)

    @Slot()
    def _pause(self) -> None:
        self._holder.stop.set()  # a running sync stops before its next request
        self._soon.stop()
        self._next.stop()

    @Slot()
    def _resume(self) -> None:
        if self._closed:
            return
        self._holder.stop.clear()
        self.refresh(sync_after=True)

    @Slot()
    def _signed_out(self) -> None:
        self._pause()
        self._starting = None
        self._store = None
        self.worker.submit(self._holder.close, owner=self)
        self._set(SyncView())

    def shutdown(self) -> None:
        """The window closes: no new sync; a running one stops at its next request."""
        if self._closed:
            return
        self._closed = True
        self._pause()
        self.worker.submit(self._holder.close)
        if not self.worker.stop(self.timing.quit_wait / 1000):
            log.warning("the hub did not answer before the app closed; the sync was left")

    # --- reading the state -------------------------------------------------------------------

    def refresh(self, *, sync_after: bool = False) -> None:
        """Read the sync state on the sync thread (and then sync, if enrolled and wanted)."""
        store = self._store
        if store is None or self._closed:
            return
        holder = self._holder

        def read() -> SyncStatus:
            return holder.client(store).status()

        def done(status: SyncStatus) -> None:
            if self._store is not store:
                return  # signed out meanwhile
            self._show_status(status)
            if sync_after and status.enrolled:
                self.sync_now()

        self.worker.submit(read, done, self._failed, owner=self)

    def _show_status(self, status: SyncStatus, *, phase: Phase | None = None) -> None:
        if phase is None:
            if not status.enrolled:
                phase = Phase.STANDALONE
            elif self._running:
                phase = Phase.SYNCING
            elif self._view.phase in (Phase.OFFLINE, Phase.PROBLEM):
                phase = self._view.phase
            else:
                phase = Phase.PROBLEM if status.problem else Phase.IDLE
        view = self._view.but(
            phase=phase,
            hub_url=status.hub_url,
            last_sync_at=status.last_sync_at,
            waiting=status.waiting,
            rejected=status.rejected,
        )
        if phase is Phase.PROBLEM and view.problem is None:
            view = view.but(problem=Problem.EARLIER, detail=status.problem or "")
        if phase in (Phase.IDLE, Phase.STANDALONE):
            view = view.but(problem=None, detail="")
        self._set(view)

    def load_rejected(self) -> None:
        store = self._store
        if store is None:
            return
        holder = self._holder

        def read() -> list[RejectedItem]:
            return holder.client(store).rejected()

        self.worker.submit(read, self.rejected_loaded.emit, self._failed, owner=self)

    @Slot(object)
    def _changed(self, change: Change) -> None:
        if isinstance(change, PulledChange) or not self.active:
            return
        if isinstance(change, HubJoined):  # read the new state, then the first sync
            self.refresh(sync_after=True)
            return
        if not self._view.enrolled:
            return
        self._executor.submit(_count_waiting, self._waiting_counted, owner=self)
        self._soon.start(self.timing.after_change)

    def _waiting_counted(self, waiting: int) -> None:
        if self._view.enrolled:
            self._set(self._view.but(waiting=waiting))

    # --- syncing -----------------------------------------------------------------------------

    @Slot()
    def sync_now(self) -> bool:
        """Start a sync now (or right after the running one); False when there is no hub or
        no one may sync now."""
        store = self._store
        if store is None or not self.active or not self._view.enrolled:
            return False
        self._soon.stop()
        self._next.stop()
        if self._running:
            self._again = True
            return True
        self._running = True
        self._again = False
        self._set(self._view.but(phase=Phase.SYNCING, sent=0, received=0))
        self.worker.submit(self._sync_work(store), self._sync_done, self._sync_failed, owner=self)
        return True

    def _sync_work(self, store: Store) -> Callable[[], SyncResult]:
        holder = self._holder

        def work() -> SyncResult:
            from officer_desk.sync.errors import SyncProblem

            client = holder.client(store)
            transport = holder.transport
            pulled = Pulled()
            if transport is not None:
                transport.pulled = pulled
            report = None
            problem: DeskError | None = None
            try:
                report = client.sync_once()
            except SyncProblem as error:
                problem = error
            return SyncResult(client.status(), report, problem, pulled)

        return work

    @Slot(str, int)
    def _progress(self, what: str, count: int) -> None:
        if self._view.phase is not Phase.SYNCING:
            return
        if what == "pushed":
            self._set(self._view.but(sent=self._view.sent + count))
        else:
            self._set(self._view.but(received=self._view.received + count))

    def _sync_done(self, result: SyncResult) -> None:
        self._running = False
        self._announce(result)
        if self._store is None:
            return  # signed out meanwhile: nothing to show
        if result.problem is None:
            self._failures = 0
            self._view = self._view.but(problem=None, detail="")
            self._show_status(result.status, phase=Phase.IDLE)
            if result.report is not None:
                self.synced.emit(result.report)
            self._schedule(self.timing.every)
            return
        kind = problem_kind(result.problem)
        if kind is None:
            self._failures += 1
            self._view = self._view.but(problem=None, detail=result.problem.message)
            self._show_status(result.status, phase=Phase.OFFLINE)
            pause = self.timing.retry_first * 2 ** (self._failures - 1)
            self._schedule(min(pause, self.timing.retry_most))
        else:
            self._failures = 0
            self._view = self._view.but(problem=kind, detail=result.problem.message)
            self._show_status(result.status, phase=Phase.PROBLEM)
            self._schedule(self.timing.every)

    def _sync_failed(self, error: BaseException) -> None:
        self._running = False
        if self._store is None:
            return
        if isinstance(error, Cancelled):
            self._set(self._view.but(phase=Phase.IDLE if self._view.enrolled else Phase.OFF))
            self._schedule(self.timing.every)  # unlocked meanwhile: the sync asked for since
            return
        self._failed(error)
        self._schedule(self.timing.every)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        kind = problem_kind(error)
        if kind is Problem.FAULT:
            log.error("sync failed", exc_info=error)
            self._executor.failed.emit(error)
        message = error.message if isinstance(error, DeskError) else ""
        self._set(self._view.but(phase=Phase.PROBLEM, problem=kind, detail=message))

    def _schedule(self, milliseconds: int) -> None:
        if not self.active:
            return
        if self._again:
            self._again = False
            self._soon.start(0)
            return
        self._next.start(milliseconds)

    def _announce(self, result: SyncResult) -> None:
        change = PulledChange()
        for entity, entity_id, inmate_id in result.pulled.records:
            change.add(entity, entity_id, entity_id if entity == "inmate" else inmate_id)
        if result.report is not None:
            for inmate_id in result.report.dropped:
                change.add("inmate", inmate_id, inmate_id)
        if change.ids:
            self._executor.changed.emit(change)


def announce_joined(executor: DbExecutor) -> None:
    """Tell the desk's sync that this workstation has just joined a hub (from the settings)."""
    executor.changed.emit(HubJoined())
