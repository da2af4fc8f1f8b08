"""The hub's HTTP API (FastAPI), assembled: its context (``http.Hub``), its refusals as
``Problem`` bodies, its routes (``server/routes/``) and the layers around them (body limit,
rate limit, the guard that logs without values).  Stateless apart from its database.

Every refusal is a 4xx with a :class:`protocol.Problem` body (``code`` for programs, ``detail``
for a person) and changes nothing; a malformed body, an oversized request, a missing or revoked
token, a reused enrolment code, an op outside the device's unit or schema range all end here.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.engine import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from officer_desk import __version__
from officer_desk.server.http import BodyLimit, Hub, ProblemError, problem, utc_now
from officer_desk.server.operations import (
    Guard,
    HubMetrics,
    HubSettings,
    RateLimit,
    TokenBuckets,
    Upkeep,
)
from officer_desk.server.redact import error_words
from officer_desk.server.routes import changes, enrolment, service, trust
from officer_desk.server.routes.enrolment import create_enrol_code, revoke_device
from officer_desk.server.routes.trust import audit_heads

log = logging.getLogger("officer_desk.server")

# What the command line and the tests take from here.
__all__ = [
    "ProblemError",
    "audit_heads",
    "create_app",
    "create_enrol_code",
    "revoke_device",
    "utc_now",
]


def create_app(
    engine: Engine, *, verify_signatures: bool = True, settings: HubSettings | None = None
) -> FastAPI:
    """The hub for one database.  ``engine`` must already be migrated (``db.upgrade``).
    ``verify_signatures=False`` exists only for the hub benchmark's unsigned baseline: such a
    hub takes a change's author from the change itself, as hubs before signed changes did.
    ``settings``: the rate limit, pruning and /metrics' token (operations.HubSettings)."""
    settings = settings or HubSettings()
    hub = Hub(engine, settings, HubMetrics(engine), verify_signatures)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        # Only a served hub (uvicorn runs the lifespan) writes pull times and prunes in the
        # background; an app called in-process (tests) does neither unless asked.
        keeper = Upkeep(settings, hub.flush_pulled, hub.prune)
        keeper.start()
        try:
            yield
        finally:
            keeper.stop()

    app = FastAPI(title="Officer Desk sync hub", version=__version__, lifespan=lifespan)
    app.state.hub = hub
    app.state.engine = engine
    app.state.known_devices = {}
    app.state.settings = settings
    app.state.metrics = hub.metrics
    app.state.push_writer = hub.writer
    app.state.flush_pulled = hub.flush_pulled
    app.state.prune = hub.prune
    _refusals(app)
    for part in (service, enrolment, changes, trust):
        app.include_router(part.router)
    buckets = TokenBuckets(settings.rate, settings.burst)
    app.state.buckets = buckets
    inner: Any = BodyLimit(app)
    if settings.rate > 0:
        inner = RateLimit(inner, buckets, hub.metrics)
    return Guard(app, inner, hub.metrics)  # type: ignore[return-value]


def _refusals(app: FastAPI) -> None:
    """Every error a request can cause, answered as a ``Problem``."""

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


Handler = Callable[..., Awaitable[Any]]
