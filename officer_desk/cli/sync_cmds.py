"""``officer-desk-admin enroll`` and ``officer-desk-admin sync``: the headless side of sync.

``enroll --hub URL --code CODE`` (an admin) exchanges a one-time code from
``officer-desk-server enroll-device`` for this workstation's token (kept in the encrypted store),
queues what a standalone store already holds and runs a first sync.  ``sync`` (anyone with an
account) runs one sync with the hub: push the outbox, pull, take people new to the unit, drop
those who left; ``--verify`` then compares every person with the hub.

Exit status: 0 done; 2 something the person has to act on (a bad or used code, a revoked
workstation, the clock off by more than 5 minutes, an app too old for the hub, not enrolled);
3 the hub cannot be reached or is busy (try again later; nothing is lost, the outbox keeps it);
4 synced, but records from the hub that this workstation cannot read are put aside in its
problems list (printed; the rest is up to date; each goes once a good version arrives).
"""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from officer_desk.app import enrolment
from officer_desk.cli.unlock import Desk
from officer_desk.cli.verify import Head
from officer_desk.cli.words import counted
from officer_desk.domain.errors import ValidationError
from officer_desk.sync.address import insecure_hub_problem
from officer_desk.sync.client import SyncClient, SyncReport
from officer_desk.sync.errors import HubUnreachable, SyncProblem

PROG = "officer-desk-admin"
EXIT_OK, EXIT_ACTION_NEEDED, EXIT_TRY_LATER, EXIT_PROBLEMS = 0, 2, 3, 4


def _clock() -> datetime:
    """The workstation's clock (a seam for tests of the clock check)."""
    return datetime.now(UTC)


def _say(line: str = "") -> None:
    print(line, flush=True)


def _problem(problem: SyncProblem) -> int:
    print(f"{PROG}: {problem.message}", file=sys.stderr, flush=True)
    return EXIT_TRY_LATER if isinstance(problem, HubUnreachable) else EXIT_ACTION_NEEDED


def _client(desk: Desk) -> SyncClient:
    return SyncClient(desk.store, now=_clock)


def anchored_heads(desk: Desk) -> list[Head] | None:
    """The audit heads the hub keeps for this workstation (None, said why, if unreachable)."""
    client = _client(desk)
    try:
        return [Head(h.seq, h.hash, f"{h.at:%Y-%m-%d %H:%M}") for h in client.anchored_heads()]
    except SyncProblem as problem:
        _problem(problem)
        return None
    finally:
        client.close()


def _hub_url(text: str) -> str:
    url = text.strip().rstrip("/")
    if not url.startswith(("https://", "http://")) or len(url) < 10:
        raise ValidationError(
            f"'{text}' is not a hub address; give it as https://HOST[:PORT], as facility IT "
            "wrote it down.",
            "hub",
        )
    problem = insecure_hub_problem(url)
    if problem is not None:
        raise ValidationError(problem, "hub")
    return url


def _report(client: SyncClient, report: SyncReport) -> None:
    _say(
        f"Sync done in {report.seconds:.1f} s: sent "
        f"{counted(report.pushed, 'change', 'changes')}, received "
        f"{counted(report.pulled, 'record', 'records')}"
        + (
            f", took {counted(report.snapshots, 'person', 'people')} new to the unit"
            if report.snapshots
            else ""
        )
        + (
            f", {counted(len(report.dropped), 'person', 'people')} moved to another unit left "
            "this workstation"
            if report.dropped
            else ""
        )
        + "."
    )
    status = client.status()
    if status.waiting:
        _say(f"{counted(status.waiting, 'change', 'changes')} still waiting to be sent.")
    if report.unsigned:
        _say(
            f"{report.unsigned} of them carry no signature, so the hub would refuse them: "
            "changes queued before signed changes wait until their author signs in here; "
            "others were put into the records behind the app's back and are never sent "
            "(docs/admin-guide.md, 'Trust at the hub')."
        )
    if report.rejected or status.rejected:
        _say(
            f"The hub refused {counted(status.rejected, 'change', 'changes')} in all "
            f"({report.rejected} this time); "
            "they are kept here, listed below, for a supervisor to look at:"
        )
        for item in client.rejected()[-20:]:
            _say(f"  {item.rejected_at[:16]}  {item.entity} {item.entity_id}: {item.reason}")
    if status.open_conflicts:
        waits = "waits" if status.open_conflicts == 1 else "wait"
        _say(
            f"{counted(status.open_conflicts, 'conflict', 'conflicts')} {waits} for a "
            "supervisor's decision."
        )
    others = report.skipped - report.problems
    if others > 0:
        _say(
            f"{counted(others, 'record', 'records')} from the hub could not be stored here (a "
            "kind of record this "
            "version does not know, or a clash with a record on this workstation; see the log)."
        )
    if report.problems or status.problems:
        _say(
            f"{counted(status.problems, 'record', 'records')} from the hub cannot be read here "
            "and are put aside "
            f"({report.problems} this time); everything else is up to date. Tell facility IT:"
        )
        for problem in client.problems()[-20:]:
            _say(f"  {problem.entity} {problem.entity_id}: {problem.reason}")


def _done(client: SyncClient) -> int:
    """0, or 4 while records from the hub stay put aside (something needs attention)."""
    return EXIT_PROBLEMS if client.status().problems else EXIT_OK


def cmd_enroll(desk: Desk, args: argparse.Namespace) -> int:
    url = _hub_url(args.hub)
    code = args.code.strip()
    if not code:
        raise ValidationError("Give the one-time code from facility IT with --code.", "code")
    name = (args.name or socket.gethostname() or "workstation").strip()[:120]
    client = _client(desk)
    try:
        try:
            answer = enrolment.enrol(desk.store, desk.actor, client, url=url, code=code, name=name)
        except SyncProblem as problem:
            return _problem(problem)
        _say(
            f"This workstation is enrolled with {url} as '{name}' (unit {answer.unit_code}, "
            f"device {answer.device_id})."
        )
        if answer.previous_hub:
            _say(
                f"It was enrolled with {answer.previous_hub} before; it now syncs with {url} only."
            )
        if args.no_sync:
            _say(f"Run '{PROG} sync' to send and receive.")
            return EXIT_OK
        try:
            _report(client, client.sync_once())
        except SyncProblem as problem:
            return _problem(problem)
        return _done(client)
    finally:
        client.close()


def cmd_sync(desk: Desk, args: argparse.Namespace) -> int:
    client = _client(desk)
    try:
        if not client.status().enrolled:
            print(
                f"{PROG}: This workstation is not enrolled with a hub. Ask facility IT for a "
                f"one-time code and run '{PROG} enroll --hub URL --code CODE' (as an admin).",
                file=sys.stderr,
            )
            return EXIT_ACTION_NEEDED
        try:
            _report(client, client.sync_once())
            if args.verify:
                differing = client.verify()
                _say(
                    "Every person here matches the hub."
                    if not differing
                    else f"{counted(len(differing), 'person', 'people')} differed from the hub "
                    "and were taken again."
                )
        except SyncProblem as problem:
            return _problem(problem)
        return _done(client)
    finally:
        client.close()


def add_commands(command: Callable[..., Any], admin_only: tuple[Any, ...]) -> None:
    """Register the commands with admin.py's ``command(name, run, about, ...)`` helper."""
    sub = command(
        "enroll",
        cmd_enroll,
        "enrol this workstation with the unit's sync hub (one-time code from facility IT)",
        roles=admin_only,
        what="enrol the workstation",
    )
    sub.add_argument("--hub", required=True, metavar="URL", help="e.g. https://hub.example:8765")
    sub.add_argument("--code", required=True, metavar="CODE", help="the one-time code")
    sub.add_argument("--name", metavar="NAME", help="this workstation's name (default: hostname)")
    sub.add_argument("--no-sync", action="store_true", help="do not sync right after enrolling")

    sub = command("sync", cmd_sync, "sync with the hub now: send changes, receive the unit's")
    sub.add_argument("--verify", action="store_true", help="also compare every person with the hub")
