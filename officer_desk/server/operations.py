"""Running the hub as a service: its settings, the per-device rate limit, /metrics, the
request wrapper that times and guards every request, and the background upkeep of ``serve``.

Nothing here reads or logs a record: metrics are labelled by route, outcome, a fixed reason
kind or a unit id (never a name), and an error's message (which may quote a value of a
request) never reaches a log, only its type.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import ipaddress
import json
import logging
import math
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from fastapi.responses import JSONResponse
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from sqlalchemy.engine import Connection, Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from officer_desk.domain import moments
from officer_desk.server import db
from officer_desk.server.redact import error_words, where_raised
from officer_desk.sync import protocol as p

log = logging.getLogger("officer_desk.server")

SETTINGS_ENV = "OFFICER_DESK_HUB_SETTINGS"  # the settings, as JSON, for ``serve --workers N``


@dataclass(frozen=True)
class HubSettings:
    """How a hub process runs.  ``create_app``'s defaults (no rate limit, no pruning but by
    the command) suit tests and benchmarks; ``serve`` passes its flags' (docs/ARCHITECTURE.md).
    ``serve --workers N`` hands them to its workers in the environment (``SETTINGS_ENV``),
    readable only by the hub's own account, which can read the token's file anyway."""

    rate: float = 0.0  # requests a second per device token, sustained; 0: no limit
    burst: int = 0  # the bucket: requests a device may make at once (at least 1)
    keep_results_days: float = 30.0  # op results are pruned after this (prune_results)
    prune_every_hours: float = 0.0  # serve prunes this often; 0: only the prune command
    metrics_token: str | None = None  # /metrics wants it as a bearer token when set

    def to_env(self) -> str:
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_env(cls) -> HubSettings:
        raw = os.environ.get(SETTINGS_ENV)
        return cls(**json.loads(raw)) if raw else cls()


# --- the rate limit --------------------------------------------------------------------------


class TokenBuckets:
    """A token bucket per key (a device token's hash), in this process's memory: ``burst``
    requests at once, then ``rate`` a second.  ``clock`` is injectable for tests."""

    MAX_KEYS = 100_000  # then buckets that have filled up again are forgotten

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = max(1, burst)
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0.0 when the request may go ahead (a token taken), else the seconds until it may."""
        with self._lock:
            now = self.clock()
            tokens, at = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[key] = (tokens, now)
                wait = (1.0 - tokens) / self.rate
            if len(self._buckets) > self.MAX_KEYS:
                full = self.burst / self.rate
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < full}
            return wait


# Paths outside the limit: probes and the scraper are not devices.
_UNLIMITED = frozenset({"/healthz", "/readyz", "/metrics"})


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers") or ():
        if key.lower() == name:
            return bytes(value)
    return None


class RateLimit:
    """Answer 429 with ``Retry-After`` to a device token over its budget, before anything
    reads the request's body or the database (the workstation waits and sends it again;
    sync/transport.py)."""

    def __init__(self, app: ASGIApp, buckets: TokenBuckets, metrics: HubMetrics) -> None:
        self.app = app
        self.buckets = buckets
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path") not in _UNLIMITED:
            authorization = _header(scope, b"authorization")
            if authorization is not None:
                key = hashlib.sha256(authorization).hexdigest()
                wait = self.buckets.take(key)
                if wait > 0:
                    self.metrics.limited.inc()
                    seconds = max(1, math.ceil(wait))
                    answer = JSONResponse(
                        p.Problem(
                            code="slow_down",
                            detail=f"This workstation sent too many requests; it tries again "
                            f"in {seconds} s. Nothing is lost.",
                        ).model_dump(),
                        status_code=429,
                        headers={"Retry-After": str(seconds)},
                    )
                    await answer(scope, receive, send)
                    return
        await self.app(scope, receive, send)


# --- metrics ---------------------------------------------------------------------------------

ROUTES = frozenset(
    {
        "/sync/enroll",
        "/sync/hello",
        "/sync/push",
        "/sync/pull",
        "/sync/snapshot",
        "/sync/accounts",
        "/sync/anchor",
        "/sync/devices",
        "/sync/verify",
        "/healthz",
        "/readyz",
        "/metrics",
    }
)

# Refusal reasons are sentences (some name a unit code or a record kind); a label takes one of
# these kinds only, found by the words the merge's reasons use (server/merge.py, pushes.py).
_REASON_KINDS = (
    ("replay", ("as a replay",)),
    ("id_reused", ("change id was already used",)),
    ("signature", ("signature", "not signed", "signed this change has no account")),
    ("scope", ("unit", "is not in", "belongs to a record", "belongs to a handover")),
    ("conflict", ("same time", "already", "clashes")),
    ("unstorable", ("cannot store", "could not store", "wrong form", "could not read")),
    ("missing", ("does not have", "does not know")),
    ("not_allowed", ("never", "only", "may not", "not allowed", "rights")),
)


def reason_kind(reason: str) -> str:
    """The fixed kind of a refusal's reason, for a metric label."""
    lowered = reason.lower()
    for kind, words in _REASON_KINDS:
        if any(w in lowered for w in words):
            return kind
    return "other"


class HubMetrics:
    """The hub's Prometheus metrics (its own registry: several apps in one test process).
    With ``PROMETHEUS_MULTIPROC_DIR`` set (``serve --workers N``), prometheus-client keeps
    each process's values in files there and a scrape of any worker adds them all up."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.registry = CollectorRegistry()
        r = self.registry
        self.pushes = Counter("officer_desk_hub_pushes", "Pushes answered.", registry=r)
        self.pulls = Counter("officer_desk_hub_pulls", "Pull pages served.", registry=r)
        self.changes = Counter(
            "officer_desk_hub_changes",
            "Changes received in pushes, by how they were answered.",
            ["outcome"],
            registry=r,
        )
        self.rejects = Counter(
            "officer_desk_hub_rejects",
            "Changes refused, by the kind of reason.",
            ["reason"],
            registry=r,
        )
        self.pulled = Counter(
            "officer_desk_hub_changes_pulled", "Changes sent in pull pages.", registry=r
        )
        self.limited = Counter(
            "officer_desk_hub_rate_limited", "Requests answered 429 (rate limit).", registry=r
        )
        self.pruned = Counter(
            "officer_desk_hub_results_pruned", "Op results pruned by age.", registry=r
        )
        self.latency = Histogram(
            "officer_desk_hub_request_seconds",
            "Time to answer a request, by route and status class.",
            ["route", "status"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.5, 5.0, 10.0),
            registry=r,
        )

    def count_push(self, results: Iterable[p.OpResult]) -> None:
        self.pushes.inc()
        for result in results:
            self.changes.labels(result.status).inc()
            if result.status == "rejected":
                self.rejects.labels(reason_kind(result.reason)).inc()

    def render(self) -> bytes:
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            MultiProcessCollector(registry)
            counted = generate_latest(registry)
        else:
            counted = generate_latest(self.registry)
        lag = CollectorRegistry()
        lag.register(_UnitLag(self.engine))
        return counted + generate_latest(lag)


class _UnitLag:
    """Per unit id: seconds since the slowest of its enrolled workstations last had all of
    its unit (a pull that left nothing more; one never pulled counts from its enrolment)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily(
            "officer_desk_hub_unit_lag_seconds",
            "Seconds since the slowest enrolled workstation of the unit last had all of it.",
            labels=["unit"],
        )
        now = datetime.now(UTC)
        dev = db.device
        oldest = sa.func.min(sa.func.coalesce(dev.c.pulled_at, dev.c.enrolled_at))
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(dev.c.unit_id, oldest)
                .where(dev.c.revoked_at.is_(None), dev.c.unit_id.is_not(None))
                .group_by(dev.c.unit_id)
            ).all()
            for unit, since in rows:
                if since is not None:
                    seconds = (now - _aware(since)).total_seconds()
                    gauge.add_metric([unit], max(0.0, seconds))
        yield gauge


_aware = moments.as_utc


def may_scrape(scope_client: Any, headers: Any, token: str | None) -> bool:
    """Whether a request may read /metrics: with a token set, only with it; without one,
    only from this computer and not through a proxy (whose requests come from loopback too
    but carry ``X-Forwarded-For``)."""
    if token is not None:
        given = headers.get("authorization") or ""
        expected = f"Bearer {token}"
        return hashlib.sha256(given.encode()).digest() == hashlib.sha256(expected.encode()).digest()
    if headers.get("x-forwarded-for") or headers.get("forwarded"):
        return False
    host = getattr(scope_client, "host", None)
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Guard:
    """The outermost layer: times every request into the latency histogram, and answers an
    unexpected error with a 500 Problem whose log names the error's type and where it was
    raised, never its message (which may quote a record's values)."""

    def __init__(self, app: Any, inner: ASGIApp, metrics: HubMetrics) -> None:
        self.app = app  # the FastAPI app (its ``state``), as the hub's callers expect
        self.inner = inner  # what a request goes through: the limit, the body's size, app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.inner(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        sent = False

        async def watch(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status, sent = message["status"], True
            await send(message)

        try:
            await self.inner(scope, receive, watch)
        except Exception as error:
            log.error(
                "unexpected %s answering %s:\n%s",
                error_words(error),
                scope.get("path"),
                where_raised(error),
            )
            if not sent:
                await JSONResponse(
                    p.Problem(
                        code="hub_error", detail="The hub had a problem; try again later."
                    ).model_dump(),
                    status_code=500,
                )(scope, receive, send)
        finally:
            route = scope.get("path") if scope.get("path") in ROUTES else "other"
            self.metrics.latency.labels(route, f"{status // 100}xx").observe(
                time.perf_counter() - started
            )


# --- upkeep ----------------------------------------------------------------------------------


class PulledAt:
    """When each device's pulls last left nothing more to fetch, collected in memory by the
    pull handler and written to ``device.pulled_at`` by :meth:`flush` (from the upkeep thread
    and before /metrics is read): a write per pull would put every pull behind the writer."""

    def __init__(self) -> None:
        self._seen: dict[str, datetime] = {}
        self._lock = threading.Lock()

    def note(self, device_id: str, at: datetime) -> None:
        with self._lock:
            self._seen[device_id] = at

    def flush(
        self,
        writing: Callable[[], contextlib.AbstractContextManager[Connection]],
        lock: Callable[[Connection], None],
    ) -> int:
        with self._lock:
            seen, self._seen = self._seen, {}
        if not seen:
            return 0
        dev = db.device
        try:
            with writing() as conn:
                lock(conn)  # PostgreSQL: behind the pushes, which update device rows too
                conn.execute(
                    dev.update()
                    .where(
                        dev.c.id == sa.bindparam("d"),
                        sa.or_(dev.c.pulled_at.is_(None), dev.c.pulled_at < sa.bindparam("at")),
                    )
                    .values(pulled_at=sa.bindparam("at")),
                    [{"d": d, "at": at} for d, at in sorted(seen.items())],
                )
        except sa.exc.DBAPIError as error:
            log.warning("could not record pull times: %s", error_words(error))
            with self._lock:
                for device_id, at in seen.items():
                    self._seen.setdefault(device_id, at)
            return 0
        return len(seen)


class Upkeep:
    """``serve``'s background thread: every few seconds it writes the pull times; every
    ``prune_every_hours`` it prunes op results older than ``keep_results_days``."""

    FLUSH_SECONDS = 10.0

    def __init__(
        self,
        settings: HubSettings,
        flush: Callable[[], int],
        prune: Callable[[timedelta], int],
    ) -> None:
        self.settings = settings
        self._flush = flush
        self._prune = prune
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_prune: float | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="hub-upkeep", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.wait(self.FLUSH_SECONDS):
            self.tick(time.monotonic())
        try:
            self._flush()  # what came in since the last round
        except Exception as error:
            log.warning("hub upkeep failed: %s", error_words(error))

    def tick(self, now: float) -> None:
        """One round at monotonic time ``now``: write the pull times, prune when due (the
        first prune a minute after start, so a hub restarted often still prunes)."""
        every = self.settings.prune_every_hours * 3600
        if self._next_prune is None:
            self._next_prune = now + min(every, 60.0) if every > 0 else math.inf
        try:
            self._flush()
            if now >= self._next_prune:
                self._next_prune = now + every
                self._prune(timedelta(days=self.settings.keep_results_days))
        except Exception as error:  # the next round tries again
            log.warning("hub upkeep failed: %s", error_words(error))
