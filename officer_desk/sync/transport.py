"""How the client reaches the hub: one small interface, an httpx implementation for the real
network and an in-process one (the FastAPI app, no sockets) for tests and benchmarks.

Over the network only HTTPS, except to this computer itself (a hub on ``127.0.0.1`` or
``localhost``, e.g. behind a local TLS proxy or in tests): records and the workstation's token
never cross a network in clear text (``sync.address``).  The hub's certificate is
checked against the operating system's trusted certificates (where facility IT installs the
facility's own CA; ``SSL_CERT_FILE`` names a bundle instead) and the public CAs of
``certifi`` (:func:`tls_context`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import ssl
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

import httpx

from officer_desk.sync.address import insecure_hub_problem, require_secure_hub
from officer_desk.sync.errors import HubUnreachable

__all__ = ["HttpxTransport", "InProcessTransport", "Transport", "insecure_hub_problem"]

UNREACHABLE = (
    "The hub cannot be reached (no network, or the hub is down). Work goes on here; changes "
    "are kept and sent when the hub is back."
)


def tls_context() -> ssl.SSLContext:
    """Certificates trusted for the hub: the system's store (a facility CA installed there,
    or the bundle ``SSL_CERT_FILE`` names) and certifi's public CAs.  httpx on its own trusts
    only certifi's, where no facility CA is.  Loading both takes tens of milliseconds, so the
    context is made once per process (again if ``SSL_CERT_FILE``/``SSL_CERT_DIR`` change) and
    shared: a client-side context is safe to use from several threads."""
    return _tls_context(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


@functools.lru_cache(maxsize=4)
def _tls_context(_cert_file: str | None, _cert_dir: str | None) -> ssl.SSLContext:
    import certifi

    context = ssl.create_default_context()  # system store; SSL_CERT_FILE / SSL_CERT_DIR
    context.load_verify_locations(cafile=certifi.where())
    return context


class Transport(Protocol):
    def send(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
    ) -> tuple[int, Any]:
        """(HTTP status, decoded JSON body); raises HubUnreachable when nothing came back."""
        ...


# A hub over its rate limit answers 429 with Retry-After: the request waits that long and goes
# again, up to this many seconds in all; past that the 429 is the answer (the sync stops,
# keeping everything, and the next one tries again).
MAX_RETRY_WAIT = 120.0


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date); None if none."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def honouring_retry_after(
    request: Callable[[], httpx.Response], sleep: Callable[[float], None]
) -> httpx.Response:
    """``request()``, sent again after the wait a 429 asks for (see MAX_RETRY_WAIT)."""
    waited = 0.0
    while True:
        response = request()
        if response.status_code != 429:
            return response
        wait = retry_after(response.headers.get("Retry-After"))
        if wait is None or waited + wait > MAX_RETRY_WAIT:
            return response
        sleep(wait)
        waited += wait


class _HttpxBase:
    client: httpx.Client
    sleep: Callable[[float], None] = staticmethod(time.sleep)  # tests put a clock of theirs

    def send(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
    ) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = honouring_retry_after(
                lambda: self.client.request(
                    method, path, json=body, params=params, headers=headers
                ),
                self.sleep,
            )
        except httpx.HTTPError as error:
            raise HubUnreachable(UNREACHABLE) from error
        try:
            data = response.json()
        except ValueError:
            data = {"code": "bad_answer", "detail": response.text[:200]}
        return response.status_code, data

    def fetch_raw(
        self, path: str, *, token: str | None = None, params: dict[str, Any] | None = None
    ) -> tuple[int, bytes]:
        """A GET whose body is returned undecoded (the client decodes big pull pages on its
        own thread); raises HubUnreachable like ``send``."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = honouring_retry_after(
                lambda: self.client.get(path, params=params, headers=headers), self.sleep
            )
        except httpx.HTTPError as error:
            raise HubUnreachable(UNREACHABLE) from error
        return response.status_code, response.content

    def close(self) -> None:
        self.client.close()


class HttpxTransport(_HttpxBase):
    """The hub over the network.  Refuses (``InsecureHub``, before connecting) an address
    that is not ``https://`` unless it is this computer; ``verify``: an ``ssl.SSLContext`` to
    trust instead of :func:`tls_context` (tests pass one with their own CA)."""

    def __init__(self, base_url: str, *, timeout: float = 30.0, verify: Any = None) -> None:
        require_secure_hub(base_url)
        self.client = httpx.Client(
            base_url=base_url,
            timeout=timeout,
            verify=tls_context() if verify is None else verify,
        )


class InProcessTransport:
    """The hub's ASGI app called in this process through httpx's ASGITransport (no sockets).

    httpx drives ASGI apps only asynchronously, so each transport owns a private event loop;
    use one transport per thread."""

    sleep: Callable[[float], None] = staticmethod(time.sleep)  # tests put a clock of theirs

    def __init__(self, app: Any) -> None:
        import asyncio

        self._loop = asyncio.new_event_loop()
        self.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://hub.test", timeout=60
        )

    def send(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
    ) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = honouring_retry_after(
            lambda: self._loop.run_until_complete(
                self.client.request(method, path, json=body, params=params, headers=headers)
            ),
            self.sleep,
        )
        try:
            return response.status_code, response.json()
        except ValueError:
            return response.status_code, {"code": "bad_answer", "detail": response.text[:200]}

    def fetch_raw(
        self, path: str, *, token: str | None = None, params: dict[str, Any] | None = None
    ) -> tuple[int, bytes]:
        """A GET whose body is returned undecoded, like the network transport's (the client
        decodes pages itself, the same way whichever transport brought them)."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = honouring_retry_after(
            lambda: self._loop.run_until_complete(
                self.client.get(path, params=params, headers=headers)
            ),
            self.sleep,
        )
        return response.status_code, response.content

    def close(self) -> None:
        if not self._loop.is_closed():
            self._loop.run_until_complete(self.client.aclose())
            self._loop.close()

    def __del__(self) -> None:
        # A forgotten transport must not leave its loop open (a ResourceWarning in tests).
        loop = getattr(self, "_loop", None)
        if loop is not None and not loop.is_closed():
            # Best effort: at collection time the loop's own socket pair may be gone already
            # (an "Invalid file descriptor" from a finaliser is noise, not a fault).
            with contextlib.suppress(ValueError, OSError):
                loop.close()
