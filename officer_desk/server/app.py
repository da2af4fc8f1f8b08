"""The hub's HTTP API (FastAPI).  Stateless apart from its database.

Every refusal is a 4xx with a :class:`protocol.Problem` body (``code`` for programs, ``detail``
for a person) and changes nothing; a malformed body, an oversized request, a missing or revoked
token, a reused enrolment code, an op outside the device's unit or schema range all end here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from sqlalchemy.engine import Connection, Engine
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from officer_desk import __version__
from officer_desk.domain import signing
from officer_desk.server import db
from officer_desk.server.authority import KeyRing
from officer_desk.server.db import device, enrol_code, record
from officer_desk.server.merge import resolve_unit
from officer_desk.server.operations import (
    Guard,
    HubMetrics,
    HubSettings,
    PulledAt,
    RateLimit,
    TokenBuckets,
    Upkeep,
    may_scrape,
)
from officer_desk.server.pushes import PushWriter
from officer_desk.server.redact import error_words
from officer_desk.sync import protocol as p

log = logging.getLogger("officer_desk.server")

ENROL_CODE_LIFETIME = timedelta(hours=24)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


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


def create_app(
    engine: Engine, *, verify_signatures: bool = True, settings: HubSettings | None = None
) -> FastAPI:
    """The hub for one database.  ``engine`` must already be migrated (``db.upgrade``).
    ``verify_signatures=False`` exists only for the hub benchmark's unsigned baseline: such a
    hub takes a change's author from the change itself, as hubs before signed changes did.
    ``settings``: the rate limit, pruning and /metrics' token (operations.HubSettings)."""
    settings = settings or HubSettings()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        # Only a served hub (uvicorn runs the lifespan) writes pull times and prunes in the
        # background; an app called in-process (tests) does neither unless asked.
        keeper = Upkeep(settings, flush_pulled, prune)
        keeper.start()
        try:
            yield
        finally:
            keeper.stop()

    app = FastAPI(title="officer_desk sync hub", version=__version__, lifespan=lifespan)
    app.state.engine = engine
    app.state.known_devices = {}
    app.state.settings = settings
    metrics = HubMetrics(engine)
    app.state.metrics = metrics
    pulled_at = PulledAt()
    postgres = not db.is_sqlite(engine)

    @app.exception_handler(ProblemError)
    async def _problem(_request: Request, error: ProblemError) -> JSONResponse:
        return problem(error.status, error.code, error.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        parts = []
        for item in error.errors()[:5]:
            where = ".".join(str(x) for x in item.get("loc", ()) if x != "body")
            parts.append(f"{where or 'body'}: {item.get('msg', 'invalid')}")
        return problem(422, "malformed", "The request is not understood: " + "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return problem(error.status_code, "http", str(error.detail))

    @app.exception_handler(sa.exc.OperationalError)
    async def _db_down(_request: Request, error: sa.exc.OperationalError) -> JSONResponse:
        # The database itself (down, locked, out of connections): not the request's fault,
        # and trying again later helps.  Bad input is bounded by the protocol's models and
        # the query parameters' limits before it gets here, and what still reaches the
        # database as bad data is a DataError or IntegrityError (below), never this.
        log.warning("database unavailable: %s", error_words(error))
        return problem(503, "busy", "The hub's database is busy or unavailable; try again soon.")

    @app.exception_handler(sa.exc.DataError)
    @app.exception_handler(sa.exc.IntegrityError)
    async def _unstorable(_request: Request, error: sa.exc.DBAPIError) -> JSONResponse:
        # The database refused a value of the request (too long, out of range, a character
        # it cannot hold, a clash): the request's fault, so a 4xx with a reason, not a 500.
        # The protocol's bounds should have caught it first, hence the warning.
        log.warning("database refused a value of the request: %s", error_words(error))
        return problem(
            422,
            "unstorable",
            "A value in the request is too long, too large, has characters the hub cannot "
            "store or clashes with a record; the request changed nothing.",
        )

    # On SQLite one writer at a time anyway: threads of this process queue on a lock, and
    # the processes of ``serve --workers N`` on a lock file beside the database, rather than
    # in SQLite's busy handler (which sleeps in steps of up to 100 ms: a p99 killer).
    write_lock: contextlib.AbstractContextManager[Any] = contextlib.nullcontext()
    if not postgres:
        write_lock = db.SqliteWriteLock(engine)

    @contextlib.contextmanager
    def writing() -> Iterator[Connection]:
        with write_lock, engine.execution_options(sqlite_immediate=True).begin() as conn:
            yield conn

    @app.get("/healthz", responses=problems(503))
    def healthz() -> dict[str, str]:
        """Liveness: the process answers (and its database connection works)."""
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return {"status": "ok", "version": __version__}

    @app.get("/readyz", responses=problems(503))
    def readyz() -> Response:
        """Readiness: the database answers and its schema is the one this hub reads (a load
        balancer sends no workstation here otherwise)."""
        try:
            with engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
                why = db.schema_problem(db.schema_revision(conn))
        except sa.exc.DBAPIError as error:
            log.warning("not ready: database unavailable: %s", error_words(error))
            return problem(503, "not_ready", "The hub's database is unavailable.")
        if why is not None:
            return problem(503, "not_ready", f"The hub is not ready: {why}")
        return JSONResponse({"status": "ready", "schema": db.HEAD_REVISION})

    @app.get("/metrics", include_in_schema=False)
    def metrics_text(request: Request) -> Response:
        """Prometheus text format.  Counts and latencies by route, outcome and reason kind,
        and each unit's lag by unit id: no names, no record content.  Still not for anyone
        on the network (traffic per unit is the facility's business): with a metrics token,
        only with it; without, only from this computer, not through a proxy."""
        if not may_scrape(request.client, request.headers, settings.metrics_token):
            return problem(403, "forbidden", "Metrics are served to the facility's scraper only.")
        flush_pulled()  # this process's latest pull times, in the lag
        return PlainTextResponse(
            metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8"
        )

    @app.post(
        "/sync/enroll", response_model=p.EnrollResponse, responses=problems(400, 413, 422, 503)
    )
    def enroll(body: p.EnrollRequest) -> p.EnrollResponse:
        now = utc_now()
        code_hash = digest(normalise_code(body.code))
        with writing() as conn:
            row = conn.execute(
                sa.select(enrol_code).where(enrol_code.c.code_hash == code_hash)
            ).first()
            if row is None or row.used_at is not None or _aware(row.expires_at) < now:
                raise ProblemError(
                    400,
                    "bad_code",
                    "This enrolment code is not valid (wrong, already used or expired). "
                    "Ask facility IT for a new one.",
                )
            token = secrets.token_urlsafe(32)
            device_id = secrets.token_hex(8)
            conn.execute(
                device.insert().values(
                    id=device_id,
                    name=body.device_name,
                    unit_code=row.unit_code,
                    token_hash=digest(token),
                    enrolled_at=now,
                )
            )
            conn.execute(
                enrol_code.update()
                .where(enrol_code.c.code_hash == code_hash)
                .values(used_at=now, device_id=device_id)
            )
            roots = root_keys(conn)
        return p.EnrollResponse(
            device_id=device_id, token=token, unit_code=row.unit_code, roots=roots
        )

    @app.post(
        "/sync/hello",
        response_model=p.HelloResponse,
        responses=problems(400, 401, 413, 422, 426, 503),
    )
    def hello(body: p.HelloRequest, dev: Device) -> p.HelloResponse:
        now = utc_now()
        check_schema(body.schema_version)
        client = body.client_time
        if client.tzinfo is None:
            raise ProblemError(422, "malformed", "client_time must carry a time zone.")
        off = client - now
        if abs(off) > p.MAX_CLOCK_SKEW:
            minutes = round(abs(off).total_seconds() / 60)
            direction = "ahead" if off > timedelta(0) else "behind"
            raise ProblemError(
                400,
                "clock_off",
                f"This workstation's clock is off by {minutes} minutes ({direction}). "
                "Ask facility IT to set the date and time; sync resumes after that, and "
                "nothing typed here is lost.",
            )
        with writing() as conn:
            conn.execute(
                device.update()
                .where(device.c.id == dev["id"])
                .values(last_sync_at=now, waiting=body.waiting, app_version=body.app_version)
            )
        return p.HelloResponse(
            server_time=now,
            device_id=dev["id"],
            unit_code=dev["unit_code"],
            min_schema_version=p.MIN_SCHEMA_VERSION,
            max_schema_version=p.MAX_SCHEMA_VERSION,
            signatures_required=verify_signatures,
        )

    def advisory_lock(conn: Connection) -> None:
        if postgres:
            # Serialise sync writes: sequence numbers then become visible in order, so a
            # pull can never pass a change that commits later with a smaller number.
            conn.execute(_ADVISORY_LOCK)

    def keys_of(officers: list[str]) -> dict[str, list[str]]:
        key = db.signing_key
        found: dict[str, list[str]] = {}
        if not officers:
            return found
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(key.c.officer_id, key.c.public).where(key.c.officer_id.in_(officers))
            ).all()
        for officer_id, public in rows:
            found.setdefault(officer_id, []).append(public)
        return found

    writer = PushWriter(
        writing, advisory_lock, device_refusal, verify=verify_signatures, keys_of=keys_of
    )
    app.state.push_writer = writer

    def flush_pulled() -> int:
        return pulled_at.flush(writing, advisory_lock)

    def prune(older_than: timedelta) -> int:
        gone = db.prune_results(engine, older_than)
        metrics.pruned.inc(gone)
        if gone:
            log.info("pruned %d op results older than %s", gone, older_than)
        return gone

    app.state.flush_pulled = flush_pulled
    app.state.prune = prune

    @app.post(
        "/sync/push",
        response_model=p.PushResponse,
        responses=problems(400, 401, 413, 422, 426, 503),
    )
    async def push(body: p.PushRequest, dev: KnownDevice) -> Response:
        for op in body.ops:
            check_schema(op.schema_version)
        ids = {op.op_id for op in body.ops}
        if len(ids) != len(body.ops):
            raise ProblemError(422, "malformed", "The same change id appears twice in one batch.")
        # Applied by the process's writer together with the pushes waiting beside it, in
        # one transaction (pushes.py); answered after that commit.
        answer = await writer.push(body, dev, utc_now())
        metrics.count_push(answer.results)
        return Response(answer.model_dump_json(), media_type="application/json")

    @app.get("/sync/accounts", response_model=p.AccountsResponse, responses=problems(401, 422, 503))
    def accounts(
        dev: Device,
        after: Annotated[int, Query(ge=0, le=p.INT64_MAX)] = 0,  # account_log.id: BigInteger
        limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = p.MAX_PAGE,
    ) -> p.AccountsResponse:
        """The signed changes to the accounts that matter to the caller's unit, in the order
        the hub applied them, and the roots of trust: the workstation replays them to know
        every key and role without trusting the hub (sync/trust.py).  The accounts: those
        that are or were in the unit, and the leads of other units who moved a person into
        it (their whole history, so that their key can be followed from a root)."""
        log = db.account_log
        with engine.connect() as conn:
            unit = resolve_unit(conn, dev["unit_code"])
            officers: set[str] = set()
            if unit is not None:
                officers |= set(
                    conn.execute(
                        sa.select(log.c.officer_id).where(
                            sa.or_(log.c.unit_id == unit, log.c.prev_unit == unit)
                        )
                    ).scalars()
                )
                officers |= _movers_into(conn, unit)
            rows = conn.execute(
                sa.select(log.c.id, log.c.envelope)
                .where(log.c.id > after, log.c.officer_id.in_(sorted(officers)))
                .order_by(log.c.id)
                .limit(limit + 1)
            ).all()
            roots = root_keys(conn)
        return p.AccountsResponse(
            unit_id=unit,
            roots=roots,
            entries=[
                p.AccountLogEntry(id=r.id, envelope=json.loads(r.envelope)) for r in rows[:limit]
            ],
            more=len(rows) > limit,
        )

    @app.post(
        "/sync/anchor",
        response_model=p.AuditHeadsResponse,
        responses=problems(400, 401, 409, 413, 422, 503),
    )
    def anchor(body: p.AuditHead, dev: Device) -> p.AuditHeadsResponse:
        """Keep the end of the workstation's audit chain, signed by a person of its unit.  A
        head behind one already kept, or at the same place with another hash, is refused:
        the chain was cut or rewritten since (cli/verify.py checks it against them all)."""
        with writing() as conn:
            unit = resolve_unit(conn, dev["unit_code"])
            officer = conn.execute(
                sa.select(record.c.scope_unit).where(
                    record.c.entity == "officer", record.c.entity_id == body.signer
                )
            ).first()
            message = signing.head_bytes(
                device_id=dev["id"], seq=body.seq, hash=body.hash, signer=body.signer
            )
            keys = KeyRing(conn).of(body.signer)
            if (
                officer is None
                or unit is None
                or officer.scope_unit != unit
                or not any(
                    k.retired_at is None and signing.verify(k.public, body.signature, message)
                    for k in keys
                )
            ):
                raise ProblemError(
                    400,
                    "bad_signature",
                    "This audit head is not signed by a person of this workstation's unit.",
                )
            head = db.audit_head
            last = conn.execute(
                sa.select(head.c.seq, head.c.hash)
                .where(head.c.device_id == dev["id"], head.c.seq >= body.seq)
                .order_by(head.c.seq)
                .limit(1)
            ).first()
            if last is not None and (last.seq > body.seq or last.hash != body.hash):
                raise ProblemError(
                    409,
                    "audit_rewritten",
                    f"This workstation's audit log no longer holds entry {last.seq} as it was "
                    "when it was last anchored here: it was cut or rewritten. Run "
                    "'officer-desk-admin verify --hub' and tell facility IT.",
                )
            if last is None:
                conn.execute(
                    head.insert().values(
                        device_id=dev["id"],
                        seq=body.seq,
                        hash=body.hash,
                        signer=body.signer,
                        signature=body.signature,
                        at=utc_now(),
                    )
                )
            return audit_heads(conn, dev["id"])

    @app.get("/sync/anchor", response_model=p.AuditHeadsResponse, responses=problems(401, 503))
    def anchored(dev: Device) -> p.AuditHeadsResponse:
        """The heads kept for the calling workstation."""
        with engine.connect() as conn:
            return audit_heads(conn, dev["id"])

    @app.get("/sync/devices", response_model=p.DevicesResponse, responses=problems(401, 503))
    def devices(dev: Device) -> p.DevicesResponse:
        """The workstations of the caller's unit: last sync, changes waiting (unit overview)."""
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(device)
                .where(device.c.unit_code == dev["unit_code"])
                .order_by(device.c.name, device.c.id)
            ).all()
        return p.DevicesResponse(
            devices=[
                p.DeviceInfo(
                    device_id=r.id,
                    name=r.name,
                    enrolled_at=_aware(r.enrolled_at),
                    last_sync_at=None if r.last_sync_at is None else _aware(r.last_sync_at),
                    waiting=r.waiting,
                    app_version=r.app_version,
                    revoked=r.revoked_at is not None,
                    this_device=r.id == dev["id"],
                )
                for r in rows
            ]
        )

    @app.get("/sync/pull", response_model=p.PullResponse, responses=problems(401, 422, 503))
    def pull(
        dev: Device,
        since: Annotated[int, Query(ge=0, le=p.INT64_MAX)] = 0,  # record.seq: BigInteger
        limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = p.MAX_PAGE,
    ) -> Response:
        with engine.connect() as conn:
            # A unit the hub does not know yet matches nothing (never NULL: "= NULL" would
            # become "IS NULL" and match every record without a person).
            unit = resolve_unit(conn, dev["unit_code"]) or "-"
            inmate = record.alias("i")
            scope = sa.or_(
                sa.and_(
                    record.c.inmate_id.is_(None),
                    sa.or_(record.c.scope_unit.is_(None), record.c.scope_unit == unit),
                ),
                inmate.c.scope_unit == unit,
                sa.and_(record.c.entity == "inmate", record.c.prev_unit == unit),
            )
            rows = conn.execute(
                sa.select(*PAGE_COLUMNS)
                .select_from(
                    record.outerjoin(
                        inmate,
                        sa.and_(
                            inmate.c.entity == "inmate",
                            inmate.c.entity_id == record.c.inmate_id,
                        ),
                    )
                )
                .where(record.c.seq > since, scope)
                .order_by(record.c.seq)
                .limit(limit + 1)
            ).all()
        more = len(rows) > limit
        page = rows[:limit]
        metrics.pulls.inc()
        metrics.pulled.inc(len(page))
        if not more:
            pulled_at.note(dev["id"], utc_now())  # it has all of its unit now (the lag)
        return _raw_page(
            page,
            {"next_since": page[-1].seq if page else since, "more": more},
        )

    @app.get(
        "/sync/snapshot",
        response_model=p.SnapshotResponse,
        responses=problems(401, 404, 422, 503),
    )
    def snapshot(
        dev: Device,
        inmate: Annotated[str, Query(min_length=1, max_length=p.MAX_ID, pattern=p.ID_PATTERN)],
        # "rank:entity_id" as the hub gave it (a rank is a small number; the id as stored)
        after: Annotated[str | None, Query(max_length=80, pattern=SNAPSHOT_CURSOR)] = None,
        limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = p.MAX_PAGE,
    ) -> Response:
        rank, after_id = -1, ""
        if after:
            try:
                text_rank, after_id = after.split(":", 1)
                rank = int(text_rank)
            except ValueError:
                raise ProblemError(
                    422, "malformed", "The snapshot cursor is not one the hub gave."
                ) from None
        with engine.connect() as conn:
            unit = resolve_unit(conn, dev["unit_code"])
            person = conn.execute(
                sa.select(record).where(record.c.entity == "inmate", record.c.entity_id == inmate)
            ).first()
            if person is None or unit is None or person.scope_unit != unit:
                raise ProblemError(
                    404, "out_of_scope", "That person is not in this workstation's unit."
                )
            as_of = conn.execute(sa.select(db.hub_state.c.last_seq)).scalar_one()
            rows = conn.execute(
                sa.select(*PAGE_COLUMNS, record.c.rank)
                .where(
                    record.c.inmate_id == inmate,
                    sa.or_(
                        record.c.rank > rank,
                        sa.and_(record.c.rank == rank, record.c.entity_id > after_id),
                    ),
                )
                .order_by(record.c.rank, record.c.entity_id)
                .limit(limit + 1)
            ).all()
        page = rows[:limit]
        next_after = f"{page[-1].rank}:{page[-1].entity_id}" if len(rows) > limit else None
        return _raw_page(page, {"inmate_id": inmate, "next_after": next_after, "as_of": as_of})

    @app.post(
        "/sync/verify",
        response_model=p.VerifyResponse,
        responses=problems(400, 401, 404, 413, 422, 503),
    )
    def verify(body: p.VerifyRequest, dev: Device) -> p.VerifyResponse:
        if len(body.scopes) > 10_000:
            raise ProblemError(413, "too_large", "Verify at most 10,000 people at a time.")
        mismatched = []
        with engine.connect() as conn:
            unit = resolve_unit(conn, dev["unit_code"])
            for inmate_id, theirs in body.scopes.items():
                person = conn.execute(
                    sa.select(record.c.scope_unit).where(
                        record.c.entity == "inmate", record.c.entity_id == inmate_id
                    )
                ).first()
                if person is None or person.scope_unit != unit:
                    raise ProblemError(
                        404, "out_of_scope", "A person in the request is not in this unit."
                    )
                rows = conn.execute(
                    sa.select(record.c.entity, record.c.entity_id, record.c.version).where(
                        record.c.inmate_id == inmate_id
                    )
                ).all()
                ours = scope_digest((r.entity, r.entity_id, r.version) for r in rows)
                if ours != theirs:
                    mismatched.append(inmate_id)
        return p.VerifyResponse(mismatched=mismatched)

    buckets = TokenBuckets(settings.rate, settings.burst)
    app.state.buckets = buckets
    inner: Any = BodyLimit(app)
    if settings.rate > 0:
        inner = RateLimit(inner, buckets, metrics)
    return Guard(app, inner, metrics)  # type: ignore[return-value]


def scope_digest(items: Any) -> p.ScopeDigest:
    """Count and SHA-256 over sorted ``entity:id:version`` lines (the client does the same)."""
    lines = sorted(f"{e}:{i}:{v}" for e, i, v in items)
    return p.ScopeDigest(
        count=len(lines), digest=hashlib.sha256("\n".join(lines).encode()).hexdigest()
    )


def check_schema(version: int) -> None:
    if not p.MIN_SCHEMA_VERSION <= version <= p.MAX_SCHEMA_VERSION:
        newer = version > p.MAX_SCHEMA_VERSION
        raise ProblemError(
            426,
            "update_app",
            "This workstation's officer_desk is too old for the hub; update the app. "
            "Your changes are kept on this workstation until then."
            if not newer
            else "The hub is older than this workstation's officer_desk; ask facility IT to "
            "update the hub. Your changes are kept on this workstation until then.",
        )


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


SNAPSHOT_CURSOR = r"^[0-9]{1,9}:[^\x00]{0,64}$"

_ADVISORY_LOCK = sa.select(sa.func.pg_advisory_xact_lock(db.ADVISORY_LOCK_KEY))

PAGE_COLUMNS = [
    record.c[n]
    for n in ("seq", "entity", "entity_id", "inmate_id", "version", "deleted", "data", "proof")
]


def audit_heads(conn: Connection, device_id: str) -> p.AuditHeadsResponse:
    """The audit chain heads a workstation anchored, oldest first (also for facility IT's
    ``officer-desk-server audit-heads``, to check a store taken off its workstation)."""
    head = db.audit_head
    rows = conn.execute(
        sa.select(head.c.seq, head.c.hash, head.c.signer, head.c.at)
        .where(head.c.device_id == device_id)
        .order_by(head.c.seq)
    ).all()
    return p.AuditHeadsResponse(
        device_id=device_id,
        heads=[p.AnchoredHead(seq=r.seq, hash=r.hash, signer=r.signer, at=r.at) for r in rows],
    )


def _movers_into(conn: Connection, unit: str) -> set[str]:
    """Who signed the unit of each person now in ``unit`` (a transfer's lead)."""
    out: set[str] = set()
    proofs = conn.execute(
        sa.select(record.c.proof).where(
            record.c.entity == "inmate", record.c.scope_unit == unit, record.c.proof.is_not(None)
        )
    ).scalars()
    for text in proofs:
        proof = json.loads(text)
        envelope = proof.get("ops", {}).get(proof.get("fields", {}).get("unit_id"))
        if isinstance(envelope, dict) and isinstance(envelope.get("signer"), str):
            out.add(envelope["signer"])
    return out


def root_keys(conn: Connection) -> list[p.RootKey]:
    """The admin keys facility IT registered (``officer-desk-server trust-admin``)."""
    key = db.signing_key
    rows = conn.execute(
        sa.select(key.c.root_unit_code, key.c.officer_id, key.c.public)
        .where(key.c.root_unit_code.is_not(None))
        .order_by(key.c.root_unit_code, key.c.officer_id, key.c.public)
    ).all()
    return [p.RootKey(unit_code=r[0], officer_id=r[1], public=r[2]) for r in rows]


def _raw_page(rows: Any, rest: dict[str, Any]) -> Response:
    """A pull or snapshot page (protocol.PullResponse / SnapshotResponse) written straight
    from the stored JSON: each record's ``data`` is already the merged record as JSON, so it
    is spliced in, not parsed and serialised again (the fresh-workstation target)."""
    # Rows unpacked as tuples (PAGE_COLUMNS first) and ids quoted by the JSON encoder's own
    # string quoting: attribute access on each row was about a third of a page's cost.
    quote = json.encoder.encode_basestring_ascii
    parts = [
        f'{{"seq":{seq},"entity":"{entity}","entity_id":{quote(entity_id)},'
        f'"inmate_id":{"null" if inmate_id is None else quote(inmate_id)},"version":{version},'
        f'"deleted":{"true" if deleted else "false"},"record":{data}'
        + ("}" if proof is None else f',"proof":{proof}}}')
        for seq, entity, entity_id, inmate_id, version, deleted, data, proof, *_ in rows
    ]
    tail = json.dumps(rest)[1:]
    body = '{"changes":[' + ",".join(parts) + "]" + ("," + tail if tail != "}" else "}")
    return Response(body.encode(), media_type="application/json")


# --- administration (the command line calls these) ------------------------------------------


def create_enrol_code(
    engine: Engine, unit_code: str, lifetime: timedelta = ENROL_CODE_LIFETIME
) -> str:
    """A one-time code for one workstation of ``unit_code``; only its hash is stored."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    now = utc_now()
    with engine.begin() as conn:
        conn.execute(
            enrol_code.insert().values(
                code_hash=digest(raw),
                unit_code=unit_code,
                created_at=now,
                expires_at=now + lifetime,
            )
        )
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def revoke_device(engine: Engine, device_id: str) -> bool:
    with engine.begin() as conn:
        done = conn.execute(
            device.update()
            .where(device.c.id == device_id, device.c.revoked_at.is_(None))
            .values(revoked_at=utc_now())
        )
    return bool(done.rowcount)


Handler = Callable[..., Awaitable[Any]]
