"""The sync client (outbox push, paged pull, snapshots) and the wire protocol; no Qt."""

import sys

# httpx's own command line (``httpx._main``, which nothing here runs) imports click and
# pygments wherever they are installed: ~2 MB and ~12 ms of the sync thread for nothing.  A
# module set to None in ``sys.modules`` is one Python will not import, and httpx then goes
# without its command line, as it does where they are missing.  Here, so that it holds
# before ``sync.transport`` (or anything of the sync) imports httpx.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
