"""Liveness, readiness and the metrics scrape: what operators and load balancers ask."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from officer_desk import __version__
from officer_desk.server import db
from officer_desk.server.http import (
    HubDep,
    problem,
    problems,
)
from officer_desk.server.operations import may_scrape
from officer_desk.server.redact import error_words

router = APIRouter()

log = logging.getLogger("officer_desk.server")


@router.get("/healthz", responses=problems(503))
def healthz(hub: HubDep) -> dict[str, str]:
    """Liveness: the process answers (and its database connection works)."""
    with hub.engine.connect() as conn:
        conn.execute(sa.text("SELECT 1"))
    return {"status": "ok", "version": __version__}


@router.get("/readyz", responses=problems(503))
def readyz(hub: HubDep) -> Response:
    """Readiness: the database answers and its schema is the one this hub reads (a load
    balancer sends no workstation here otherwise)."""
    try:
        with hub.engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
            why = db.schema_problem(db.schema_revision(conn))
    except sa.exc.DBAPIError as error:
        log.warning("not ready: database unavailable: %s", error_words(error))
        return problem(503, "not_ready", "The hub's database is unavailable.")
    if why is not None:
        return problem(503, "not_ready", f"The hub is not ready: {why}")
    return JSONResponse({"status": "ready", "schema": db.HEAD_REVISION})


@router.get("/metrics", include_in_schema=False)
def metrics_text(request: Request, hub: HubDep) -> Response:
    """Prometheus text format.  Counts and latencies by route, outcome and reason kind,
    and each unit's lag by unit id: no names, no record content.  Still not for anyone
    on the network (traffic per unit is the facility's business): with a metrics token,
    only with it; without, only from this computer, not through a proxy."""
    if not may_scrape(request.client, request.headers, hub.settings.metrics_token):
        return problem(403, "forbidden", "Metrics are served to the facility's scraper only.")
    hub.flush_pulled()  # this process's latest pull times, in the lag
    return PlainTextResponse(
        hub.metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8"
    )
