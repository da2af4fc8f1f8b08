"""uvicorn's HTTP protocol with ``TCP_NODELAY`` on every connection (``serve`` uses it).

With ``--workers N`` uvicorn binds the listening socket itself as ``socket.socket(family)``,
whose ``proto`` is 0, and asyncio only sets ``TCP_NODELAY`` on sockets whose ``proto`` is TCP:
each answer then waited for the client's delayed ACK (Nagle), some 40 ms a request, which made
every push with two or more workers take 50-60 ms.  Set here for every connection, whatever
bound the socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol


class NoDelayHTTPProtocol(AutoHTTPProtocol):  # type: ignore[misc,valid-type]
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
