"""What every route of the hub shares: refusals as ``Problem`` bodies, the device behind a
token, the request body limit, and the hub's context (:class:`Hub`) the routes reach through
``HubDep``.  The routes live in ``server/routes/``; ``server/app.py`` assembles them."""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from sqlalchemy.engine import Connection, Engine
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from officer_desk.domain import moments
from officer_desk.server import db
from officer_desk.server.db import device
from officer_desk.server.operations import HubMetrics, HubSettings, PulledAt
from officer_desk.server.pushes import PushWriter
from officer_desk.sync import protocol as p

log = logging.getLogger("officer_desk.server")

_ADVISORY_LOCK = sa.select(
    sa.func.pg_advisory_xact_lock(db.ADVISORY_LOCK_KEY, sa.func.hashtext(sa.bindparam("scope")))
)


class ProblemError(Exception):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail


def problem(status: int, code: str, detail: str) -> JSONResponse:
    return JSONResponse(
        p.Problem(code=code, detail=detail).model_dump(),
        status_code=status,
        headers={"WWW-Authenticate": "Bearer"} if status == 401 else None,
    )


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def utc_now() -> datetime:
    return datetime.now(UTC)


class BodyLimit:
    """Refuse a request body over MAX_REQUEST_BYTES before anything parses it (413)."""

    def __init__(self, app: ASGIApp, limit: int = p.MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        too_big = p.Problem(
            code="too_large",
            detail=f"The request is larger than {self.limit // (1024 * 1024)} MB; "
            "send fewer changes at a time.",
        ).model_dump()
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                declared = self.limit + 1
            if declared > self.limit:
                await JSONResponse(too_big, status_code=413)(scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await JSONResponse(too_big, status_code=413)(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def authenticated(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    """The enrolled, not revoked device behind the bearer token (else 401)."""
    engine: Engine = request.app.state.engine
    token_hash = bearer_hash(authorization)
    with engine.connect() as conn:
        row = conn.execute(sa.select(device).where(device.c.token_hash == token_hash)).first()
    refused = device_refusal(row)
    if refused is not None:
        raise refused
    assert row is not None
    return dict(row._mapping)


async def known_device(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    """``authenticated``, remembered per token in this process: the door of the push path,
    where a database look-up on a worker thread per request cost more than the push.  Only
    an answer that let the device in is remembered; revocation is checked again by the push's
    own transaction (pushes.py), so it takes effect at once."""
    known: dict[str, dict[str, Any]] = request.app.state.known_devices
    token_hash = bearer_hash(authorization)
    dev = known.get(token_hash)
    if dev is None:
        dev = await run_in_threadpool(authenticated, request, authorization)
        if len(known) >= 10_000:
            known.clear()
        known[token_hash] = dev
    return dev


def bearer_hash(authorization: str | None) -> str:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ProblemError(401, "unauthenticated", "This workstation is not enrolled.")
    return digest(authorization.split(" ", 1)[1].strip())


def device_refusal(row: Any) -> ProblemError | None:
    """Why a device row (None: no such device) may not sync, or None."""
    if row is None:
        return ProblemError(
            401, "unauthenticated", "The hub does not know this workstation; enrol it again."
        )
    if row.revoked_at is not None:
        return ProblemError(
            401,
            "device_revoked",
            "This workstation's access to the hub was withdrawn. Ask facility IT to enrol "
            "it again; nothing typed here is lost.",
        )
    return None


Device = Annotated[dict[str, Any], Depends(authenticated)]
KnownDevice = Annotated[dict[str, Any], Depends(known_device)]

_PROBLEM_TEXT = {
    400: "Refused: the detail says why (a bad enrolment code, a clock that is off, a body "
    "that is not JSON).",
    401: "No token, or one the hub does not know or has withdrawn.",
    404: "Not in this workstation's unit.",
    409: "The workstation's audit log no longer holds a head anchored before (cut or rewritten).",
    413: "The request is too large.",
    422: "The request is malformed or a value is out of bounds.",
    426: "The workstation's or the hub's app is too old for the other.",
    503: "The hub's database is busy or unavailable (or, for /readyz, its schema is not "
    "the one this hub reads); try again soon.",
}


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI description of an endpoint's refusals (every one a ``Problem``), read by
    clients and by the fuzz test (tests/server/test_fuzz_api.py)."""
    return {code: {"model": p.Problem, "description": _PROBLEM_TEXT[code]} for code in codes}


def check_schema(version: int) -> None:
    """426 for a schema version outside the hub's range (server/upgrades.py): ``update_app``
    for an older one, ``update_hub`` for a newer one, each naming both."""
    if version < p.MIN_SCHEMA_VERSION:
        raise ProblemError(
            426,
            "update_app",
            f"This workstation's Officer Desk is too old for the hub; update the app. It "
            f"writes records in format {version}, the hub takes formats "
            f"{p.MIN_SCHEMA_VERSION} to {p.MAX_SCHEMA_VERSION}. Your changes are kept on this "
            "workstation until then.",
        )
    if version > p.MAX_SCHEMA_VERSION:
        raise ProblemError(
            426,
            "update_hub",
            f"The hub is older than this workstation's Officer Desk; ask facility IT to "
            f"update the hub. The workstation writes records in format {version}, the hub "
            f"takes formats {p.MIN_SCHEMA_VERSION} to {p.MAX_SCHEMA_VERSION}. Your changes "
            "are kept on this workstation until then.",
        )


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


aware = moments.as_utc


@dataclass
class Hub:
    """One hub's state for its routes: the database, the settings, the metrics, the push
    writer, and the one way to write (``writing``)."""

    engine: Engine
    settings: HubSettings
    metrics: HubMetrics
    verify_signatures: bool
    pulled_at: PulledAt = field(default_factory=PulledAt)
    writer: PushWriter = field(init=False)

    def __post_init__(self) -> None:
        self.postgres = not db.is_sqlite(self.engine)
        # On SQLite one writer at a time anyway: threads of this process queue on a lock, and
        # the processes of ``serve --workers N`` on a lock file beside the database, rather
        # than in SQLite's busy handler (which sleeps in steps of up to 100 ms: a p99 killer).
        self._write_lock: contextlib.AbstractContextManager[Any] = (
            contextlib.nullcontext() if self.postgres else db.SqliteWriteLock(self.engine)
        )
        self.writer = PushWriter(
            self.writing,
            self.advisory_lock,
            device_refusal,
            verify=self.verify_signatures,
            keys_of=self.keys_of,
        )

    @contextlib.contextmanager
    def writing(self) -> Iterator[Connection]:
        with self._write_lock, db.begin_write(self.engine) as conn:
            yield conn

    def advisory_lock(self, conn: Connection, scopes: set[str]) -> None:
        if self.postgres:
            # Serialise the merges in each scope (a unit, or a facility for its registry and
            # catalogue): scopes in sorted order, so two groups never wait in a cycle.  The
            # order of sequence numbers needs no lock of its own (merge.Merger.assign_seqs).
            for scope in sorted(scopes):
                conn.execute(_ADVISORY_LOCK, {"scope": scope})

    def keys_of(self, officers: list[str]) -> dict[str, list[str]]:
        key = db.signing_key
        found: dict[str, list[str]] = {}
        if not officers:
            return found
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(key.c.officer_id, key.c.public).where(key.c.officer_id.in_(officers))
            ).all()
        for officer_id, public in rows:
            found.setdefault(officer_id, []).append(public)
        return found

    def flush_pulled(self) -> int:
        # No advisory lock: it writes device rows only, in id order as pushes do.
        return self.pulled_at.flush(self.writing, lambda _conn: None)

    def prune(self, older_than: timedelta) -> int:
        gone = db.prune_results(self.engine, older_than)
        self.metrics.pruned.inc(gone)
        if gone:
            log.info("pruned %d op results older than %s", gone, older_than)
        return gone


async def hub_of(request: Request) -> Hub:
    # async: a plain function would be run on a worker thread for every request.
    hub: Hub = request.app.state.hub
    return hub


HubDep = Annotated[Hub, Depends(hub_of)]
