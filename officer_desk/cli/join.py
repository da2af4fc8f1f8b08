"""``officer-desk-admin join``: set up another workstation of a unit that is already on the hub.

Unlike ``init`` it makes no facility, unit or admin of its own: ``app.joining.join_hub`` (shared
with the desk's first-run guide) makes an empty encrypted store, enrols it with a one-time code
and syncs while the store is still open.  The unit's officers
arrive with their account keys, so each of them can then sign in here with their own password
(docs/ARCHITECTURE.md, "Account keys").  If no account arrives nobody could ever open the new
store, so it is removed again and the command says why.
"""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Callable

from officer_desk.app.joining import NoAccountsFromHub, join_hub, refuse_existing
from officer_desk.cli.sync_cmds import EXIT_ACTION_NEEDED, EXIT_OK, EXIT_TRY_LATER, _hub_url
from officer_desk.cli.words import counted
from officer_desk.domain.errors import ValidationError
from officer_desk.paths import AppPaths
from officer_desk.sync.errors import HubUnreachable, SyncProblem

PROG = "officer-desk-admin"


def cmd_join(where: AppPaths, args: argparse.Namespace) -> int:
    refuse_existing(where.store, where.data)
    url = _hub_url(args.hub)
    code = args.code.strip()
    if not code:
        raise ValidationError("Give the one-time code from facility IT with --code.", "code")
    name = (args.name or socket.gethostname()).strip()
    try:
        joined = join_hub(where.store, url=url, code=code, name=name, backups=where.backups)
    except SyncProblem as problem:
        print(f"{PROG}: {problem.message} Nothing was kept here.", file=sys.stderr)
        return EXIT_TRY_LATER if isinstance(problem, HubUnreachable) else EXIT_ACTION_NEEDED
    except NoAccountsFromHub as nobody:
        print(f"{PROG}: {nobody.message}", file=sys.stderr)
        return EXIT_ACTION_NEEDED
    print(
        f"This workstation joined unit {joined.unit_code} on {url} as '{name}' and received "
        f"{counted(joined.pulled, 'record', 'records')}. Every active officer of the unit can "
        "now sign in here with their own password, also when the hub cannot be reached."
    )
    return EXIT_OK


def add_command(sets_up: Callable[..., argparse.ArgumentParser]) -> None:
    """Register ``join`` with admin.py's ``sets_up(name, run, about)`` helper."""
    sub = sets_up(
        "join",
        cmd_join,
        "set up another workstation of a unit already on the hub (its officers sign in here)",
    )
    sub.add_argument("--hub", required=True, metavar="URL", help="e.g. https://hub.example:8765")
    sub.add_argument("--code", required=True, metavar="CODE", help="the one-time code")
    sub.add_argument("--name", metavar="NAME", help="this workstation's name (default: hostname)")
