"""Applying pushes with group commit: one writer thread per hub process takes every push that
is waiting when it becomes free and applies them together in one transaction.

Why: a push is a few milliseconds of Python but its commit is a write-lock hand-over and, on
SQLite with ``synchronous=FULL``, an fsync; fifty workstations pushing at once queued for
those one at a time.  Coalesced, the lock is taken, the idempotency check and the record reads
are one query per kind for the whole group, and one commit makes all of it durable before any
of its pushes is answered.

What stays exact:
* every push gets the results of its own ops, in order, only after the commit;
* an op id seen earlier in the same group (a workstation that resent a push whose answer it
  lost) gets the earlier op's result, as if it had been committed first;
* replays: a new op id whose clock is not after the last one applied from its device is
  refused (``device.last_hlc``, read in the group's transaction and advanced op by op in
  group order, so a device's ops are judged in the order it sent them);
* if the group's transaction fails (a database clash in the batched write, a bug), it is rolled
  back and each push is applied again alone, in a transaction of its own, exactly as before
  group commit: a failing push fails only its own request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeGuard

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from starlette.concurrency import run_in_threadpool

from officer_desk.domain import signing
from officer_desk.server.bulk import SelectByIds
from officer_desk.server.db import device, op_result
from officer_desk.server.merge import PARENT, UNSTORABLE, Merger, op_bytes
from officer_desk.server.places import Seat
from officer_desk.server.redact import error_words, where_raised
from officer_desk.sync import payloads
from officer_desk.sync import protocol as p

log = logging.getLogger("officer_desk.server")

# A group stops growing at this many ops (a few full batches): its transaction stays short.
MAX_GROUP_OPS = 2000
# The writer thread ends after this long without work and starts again with the next push.
IDLE_SECONDS = 2.0
# The answer to a replay: a new op id whose clock is not after the last change the hub
# applied from the same workstation (old content sent again, by a fault or on purpose).
REPLAY_REASON = (
    "Refused as a replay: this workstation already sent a later change, so this one is "
    "older than what the hub has from it. If the change is still wanted, make it again."
)

Writing = Callable[[], contextlib.AbstractContextManager[Connection]]


@dataclass
class PushJob:
    """One push waiting for the writer: the validated request and the device it came from."""

    body: p.PushRequest
    device: dict[str, Any]
    now: datetime
    settle: Callable[[PushJob], None] = lambda _job: None
    result: p.PushResponse | None = None
    error: BaseException | None = None
    # Whether the merge may batch its writes (no case-note revisions, whose merge reads
    # sibling rows back from the database).
    batched: bool = field(init=False)
    # Signatures checked on the request's thread before the writer took the push: the op
    # (by identity) -> the public key that made its signature (PushWriter.check_signatures).
    checked: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.batched = not any(op.entity == "case_note_revision" for op in self.body.ops)


class PushWriter:
    """The process's single writer of pushes (group commit); ``writing`` opens the write
    transaction (the hub's write lock, ``BEGIN IMMEDIATE`` on SQLite) and ``lock`` is run first
    inside it with the scopes the group writes in (PostgreSQL's advisory lock per unit or
    facility, see :func:`lock_scopes`); ``refusal`` says why a device row (or None) may
    not push, checked in that transaction for every push (a device revoked since the request
    came in is refused)."""

    def __init__(
        self,
        writing: Writing,
        lock: Callable[[Connection, set[str]], None],
        refusal: Callable[[Any], Exception | None],
        *,
        verify: bool = True,
        keys_of: Callable[[list[str]], dict[str, list[str]]] | None = None,
    ) -> None:
        self._writing = writing
        self._keys_of = keys_of
        self._lock = lock
        self._refusal = refusal
        self.verify = verify  # check signatures (off only for the benchmark's baseline)
        self._queue: deque[PushJob] = deque()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self.groups = 0  # transactions committed with more than one push
        self.applying = 0  # pushes in the group being applied now

    async def push(self, body: p.PushRequest, dev: dict[str, Any], now: datetime) -> Any:
        """Queue a push and wait for its answer (raises what applying it alone raised)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[p.PushResponse] = loop.create_future()

        def deliver(job: PushJob) -> None:
            if future.cancelled():
                return  # the workstation went away; it will resend and get "duplicate"
            if job.error is not None:
                future.set_exception(job.error)
            else:
                assert job.result is not None
                future.set_result(job.result)

        def settle(job: PushJob) -> None:
            with contextlib.suppress(RuntimeError):  # the request's event loop has closed
                loop.call_soon_threadsafe(deliver, job)

        job = PushJob(body, dev, now, settle)
        if self.verify and self._keys_of is not None:
            # The costly part of a signature check, off the single writer: on this request's
            # thread, beside the others (libsodium lets go of the interpreter lock).
            job.checked = await run_in_threadpool(self.check_signatures, body)
        self.submit(job)
        return await future

    def check_signatures(self, body: p.PushRequest) -> dict[int, str]:
        """Which key among its signer's (any the hub holds, valid or not: the writer decides
        that in its transaction) made each op's signature."""
        assert self._keys_of is not None
        keys = self._keys_of(sorted({op.signer for op in body.ops if op.signer}))
        checked: dict[int, str] = {}
        for op in body.ops:
            if not op.signer or not op.signature:
                continue
            try:
                message = op_bytes(op, op.signer)
            except ValueError:
                continue  # the writer refuses it with its reason
            public = signing.made_by(keys.get(op.signer, []), op.signature, message)
            if public is not None:
                checked[id(op)] = public
        return checked

    def submit(self, job: PushJob) -> None:
        with self._wake:
            self._queue.append(job)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="hub-push-writer", daemon=True
                )
                self._thread.start()
            else:
                self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._queue:
                    self._wake.wait(IDLE_SECONDS)
                    if not self._queue:
                        self._thread = None
                        return
                group = [self._queue.popleft()]
                size = len(group[0].body.ops)
                while self._queue and size + len(self._queue[0].body.ops) <= MAX_GROUP_OPS:
                    job = self._queue.popleft()
                    size += len(job.body.ops)
                    group.append(job)
                self.applying = len(group)
            self.apply(group)
            self.applying = 0

    @property
    def waiting(self) -> int:
        """Pushes queued for the writer (not yet taken into a group)."""
        with self._wake:
            return len(self._queue)

    def apply(self, group: list[PushJob]) -> None:
        """Apply ``group`` in one transaction (or, if that fails, each push alone), set each
        job's result or error and settle it.  The writer thread calls this with the pushes
        that were waiting; tests call it with a group of their own."""
        try:
            if len(group) > 1:
                try:
                    self._transaction(group)
                    self.groups += 1
                except Exception as error:  # each push is retried alone
                    log.info(
                        "a group of %d pushes failed (%s); applying each alone",
                        len(group),
                        error_words(error),
                    )
                    for job in group:
                        self._alone(job)
            else:
                self._alone(group[0])
        finally:
            for job in group:
                try:
                    job.settle(job)
                except Exception as error:  # the writer must go on whatever one request did
                    log.error(
                        "could not answer a push: %s\n%s", error_words(error), where_raised(error)
                    )

    def _alone(self, job: PushJob) -> None:
        """One push in its own transaction: batched, and op by op if the database refused
        something of it (each op in a savepoint then: the one at fault is rejected)."""
        job.result, job.error = None, None
        try:
            try:
                self._transaction([job])
            except UNSTORABLE:
                if not job.batched:
                    raise
                log.info("batched push refused by the database; applying it op by op")
                job.batched = False
                self._transaction([job])
        except BaseException as error:  # handed to the request
            job.result = None
            job.error = error

    def _transaction(self, group: list[PushJob]) -> None:
        with self._writing() as conn:
            ids = [j.device["id"] for j in group]
            locked: set[str] = set()
            while True:
                # Lock the scopes the group writes in, then read its devices again: a device
                # bound to its unit meanwhile (a registration) needs its unit's lock too.
                rows = {r.id: r for r in _DEVICES_BY_ID.rows(conn, ids)}
                wanted = lock_scopes(group, rows)
                if wanted <= locked:
                    break
                self._lock(conn, wanted - locked)
                locked |= wanted
            for job in group:
                job.error = self._refusal(rows.get(job.device["id"]))
            allowed = [job for job in group if job.error is None]
            results = apply_pushes(conn, allowed, rows, verify=self.verify) if allowed else []
        for job, ops in zip(allowed, results, strict=True):
            job.result = p.PushResponse(results=ops)


# Kinds of record whose rules span the facility (its registry, catalogue and unique names):
# a group with one of them also takes its facility's lock.
FACILITY_WIDE = frozenset({"facility", "unit", "officer", "programme", "programme_milestone"})
# The lock taken while a device not bound to its unit yet may register its place.
REGISTERING = ""


def lock_scopes(group: list[PushJob], rows: dict[str, Any]) -> set[str]:
    """The scopes a group writes in, each locked (PostgreSQL) before it merges anything: the
    unit of each device, and its facility when an op is of a kind whose rules span the
    facility.  A record written in a scope belongs to it, so merges in one scope never
    interleave; other units and facilities are not waited for."""
    wanted: set[str] = set()
    for job in group:
        row = rows.get(job.device["id"])
        if row is None:
            continue
        wanted.add(row.unit_id or REGISTERING)
        if any(op.entity in FACILITY_WIDE for op in job.body.ops):
            wanted.add(row.facility_id or REGISTERING)
    return wanted


def apply_pushes(
    conn: Connection,
    group: list[PushJob],
    devices: dict[str, Any] | None = None,
    *,
    verify: bool = True,
) -> list[list[p.OpResult]]:
    """Merge the pushes of ``group`` in order inside the caller's transaction; the results of
    each push's ops.  ``devices``: each device's row as read in this transaction (its seat
    and ``last_hlc``; read here when not given)."""
    if devices is None:
        devices = {r.id: r for r in _DEVICES_BY_ID.rows(conn, [j.device["id"] for j in group])}
    last = {r.id: r.last_hlc for r in devices.values()}
    all_ops = [op for job in group for op in job.body.ops]
    stored = _stored_results(conn, [op.op_id for op in all_ops])
    batched = all(job.batched for job in group)
    seats = {device_id: Seat.of(row) for device_id, row in devices.items()}
    merger = Merger(
        conn, seats[group[0].device["id"]], group[0].now, batched=batched, verify=verify
    )
    merger.prefetch(_keys_read(all_ops))
    out = []
    resent: list[dict[str, Any]] = []  # results answered again: kept as the latest push's
    for job in group:
        dev = job.device
        merger.act_for(seats[dev["id"]], job.now)
        merger.checked = job.checked
        results = []
        for op in job.body.ops:
            previous = stored.get(op.op_id)
            if previous is None:
                # A resend of an op id already answered gets that answer (below), before
                # this: only a new op id can be a replay.
                newest = last.get(dev["id"])
                if newest is not None and op.hlc <= newest:
                    result = merger.refuse(op, REPLAY_REASON)
                else:
                    result = merger.apply(op)
                    if result.status == "applied":
                        last[dev["id"]] = op.hlc
                stored[op.op_id] = _Seen(dev["id"], result.status, result.reason, result.version)
                results.append(result)
            elif previous.device_id != dev["id"]:
                results.append(
                    p.OpResult(
                        op_id=op.op_id,
                        status="rejected",
                        reason="This change id was already used by another workstation.",
                    )
                )
            else:
                if not isinstance(previous, _Seen):  # stored by an earlier transaction
                    resent.append({"o": op.op_id, "at": job.now})
                results.append(
                    p.OpResult(
                        op_id=op.op_id,
                        status="duplicate" if previous.status == "applied" else "rejected",
                        reason=previous.reason,
                        version=previous.version,
                    )
                )
        out.append(results)
    merger.assign_seqs()
    if resent:
        # Their answer may have been lost again: the prune keeps a device's latest push.
        conn.execute(_RESULT_ANSWERED_AGAIN, resent)
    seen = {job.device["id"]: job for job in group}  # the last push of each device tells
    conn.execute(
        _DEVICE_SYNCED,
        [  # in id order, as PulledAt writes device rows: two writers never wait in a cycle
            {"d": device_id, "at": job.now, "w": job.body.waiting, "h": last.get(device_id)}
            for device_id, job in sorted(seen.items())
        ],
    )
    return out


@dataclass
class _Seen:
    """An op's stored result (a row of ``op_result``, or one applied earlier in the group)."""

    device_id: str
    status: str
    reason: str
    version: int | None


def _stored_results(conn: Connection, ids: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for row in _RESULTS_BY_ID.rows(conn, ids):
        found[row.op_id] = row
    return found


def _keys_read(ops: list[p.Op]) -> list[tuple[str, str]]:
    """The records merging ``ops`` will read: their own, their person's, their parent's.
    Only ids taken from payloads that could be ids: a malformed one (a NUL character, which
    PostgreSQL refuses in any query) is never looked up; the merge rejects its op unread."""
    keys: dict[tuple[str, str], None] = {}
    for op in ops:
        keys[(op.entity, op.entity_id)] = None
        inmate = op.payload.get("inmate_id")
        if _could_be_id(inmate):
            keys[("inmate", inmate)] = None
        parent = PARENT.get(op.entity)
        if parent is not None and _could_be_id(op.payload.get(parent[1])):
            keys[(parent[0], op.payload[parent[1]])] = None
    return list(keys)


def _could_be_id(value: Any) -> TypeGuard[str]:
    return value.__class__ is str and len(value) <= payloads.MAX_ID and "\x00" not in value


_DEVICES_BY_ID = SelectByIds(
    device,
    "id",
    columns=[
        "id",
        "revoked_at",
        "last_hlc",
        "unit_code",
        "facility_code",
        "unit_id",
        "facility_id",
    ],
)
_RESULTS_BY_ID = SelectByIds(
    op_result, "op_id", columns=["op_id", "device_id", "status", "reason", "version"]
)
_DEVICE_SYNCED = (
    device.update()
    .where(device.c.id == sa.bindparam("d"))
    .values(
        last_sync_at=sa.bindparam("at"),
        last_push_at=sa.bindparam("at"),
        waiting=sa.bindparam("w"),
        last_hlc=sa.bindparam("h"),
    )
)
_RESULT_ANSWERED_AGAIN = (
    op_result.update().where(op_result.c.op_id == sa.bindparam("o")).values(at=sa.bindparam("at"))
)
