"""officer-desk-admin: headless administration of a workstation's store.

Every command takes ``--data-dir`` and ``-v/--verbose``.  Problems the person can act on
(``DeskError``: invalid input, something not found, a storage problem) are printed as a plain
message on stderr with exit status 2; ``verify`` exits 1 when it finds damage.  Changes go
through the same app services as the screens, as the system actor "officer-desk-admin" (an
accounts issue will add ``--user``).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlmodel import select

from officer_desk import __version__, paths
from officer_desk.app import demo, people
from officer_desk.app.writes import Actor
from officer_desk.cli import export, roster
from officer_desk.cli.verify import verify
from officer_desk.domain import rules
from officer_desk.domain.enums import AssignmentReason, Role
from officer_desk.domain.errors import DeskError, NotFound
from officer_desk.logs import configure_logging
from officer_desk.store.database import Store, open_store
from officer_desk.store.tables import Inmate, Officer

PROG = "officer-desk-admin"
EXIT_OK, EXIT_FOUND_PROBLEMS, EXIT_ACTION_NEEDED = 0, 1, 2

log = logging.getLogger("officer_desk.cli")

Command = Callable[[Store, argparse.Namespace], int]


def _actor() -> Actor:
    return Actor.system(PROG)


def _date(value: str | None, label: str) -> date:
    return date.today() if value is None else rules.parse_iso_date(value, label.lower(), label)


def _say(line: str = "") -> None:
    print(line, flush=True)


# --- commands ---------------------------------------------------------------------------------


def cmd_init(store: Store, args: argparse.Namespace) -> int:
    # Check the account fields first, so a typo does not leave a facility without an admin.
    rules.required_text(args.admin_username, "username", "Admin user name", 40)
    rules.required_text(args.admin_name, "display_name", "Admin name", 120)
    people.initialise(
        store,
        _actor(),
        facility_name=args.facility_name,
        facility_code=args.facility_code,
        unit_name=args.unit_name,
        unit_code=args.unit_code,
    )
    admin = people.add_officer(
        store,
        _actor(),
        username=args.admin_username,
        display_name=args.admin_name,
        role=Role.ADMIN,
        unit_code=args.unit_code,
    )
    _say(
        f"Set up {args.facility_name} ({args.facility_code}), unit {args.unit_name} "
        f"({args.unit_code}), with admin account {admin.username} ({admin.display_name})."
    )
    return EXIT_OK


def cmd_add_officer(store: Store, args: argparse.Namespace) -> int:
    officer = people.add_officer(
        store,
        _actor(),
        username=args.username,
        display_name=args.name,
        role=args.role,
        unit_code=args.unit,
    )
    _say(f"Added {officer.username} ({officer.display_name}, {officer.role}).")
    return EXIT_OK


def cmd_import_roster(store: Store, args: argparse.Namespace) -> int:
    result = roster.import_roster(
        store, _actor(), Path(args.file), today=_date(args.today, "Today"), unit_code=args.unit
    )
    _say(f"Imported {result.imported} people; {result.assigned} assigned to a contact officer.")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_assign(store: Store, args: argparse.Namespace) -> int:
    start = _date(args.start, "Start date")
    with store.reading() as session:
        officer = session.exec(
            select(Officer).where(Officer.username == args.officer.lower())
        ).first()
        inmate = session.exec(
            select(Inmate).where(Inmate.prison_number == args.prison_number)
        ).first()
    if officer is None:
        raise NotFound(f"There is no officer with user name {args.officer}.")
    if inmate is None:
        raise NotFound(f"There is no person with prison number {args.prison_number}.")
    result = people.assign(
        store, _actor(), officer_id=officer.id, inmate_id=inmate.id, start=start, reason=args.reason
    )
    _say(
        f"{inmate.prison_number} ({inmate.full_name}) is assigned to {officer.username} "
        f"from {start.isoformat()}."
    )
    if result.warning:
        print(f"warning: {result.warning}", file=sys.stderr)
    return EXIT_OK


def cmd_seed_demo(store: Store, args: argparse.Namespace) -> int:
    summary = demo.seed_demo(
        store,
        inmates=args.inmates,
        years=args.years,
        seed=args.seed,
        today=None if args.today is None else _date(args.today, "Today"),
        progress=_say,
    )
    _say()
    _say("Demo accounts:")
    for username, name, role in summary.accounts:
        _say(f"  {username:<22} {name:<26} {role}")
    _say("Rows written:")
    for table, count in summary.counts.items():
        _say(f"  {table:<22} {count:>9}")
    return EXIT_OK


def cmd_verify(store: Store, _args: argparse.Namespace) -> int:
    report = verify(store)
    if report.ok:
        _say(report.summary())
        return EXIT_OK
    for problem in report.problems:
        _say(f"PROBLEM: {problem}")
    _say(f"verify found {len(report.problems)} problem(s) in {store.path}.")
    return EXIT_FOUND_PROBLEMS


def cmd_backup(store: Store, args: argparse.Namespace) -> int:
    size = export.backup(store, _actor(), Path(args.file), force=args.force)
    _say(f"Backup written to {Path(args.file).resolve()} ({size / 1e6:.1f} MB).")
    return EXIT_OK


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    if not args.json:
        raise DeskError("Choose the export format: --json (the only one so far).")
    if args.output is None:
        export.export_json(store, _actor(), sys.stdout, destination="standard output")
        return EXIT_OK
    target = Path(args.output).resolve()
    with target.open("w", encoding="utf-8", newline="\n") as out:
        export.export_json(store, _actor(), out, destination=str(target))
    print(f"Exported all records to {target}.", file=sys.stderr)
    return EXIT_OK


# --- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="PATH", help="folder with the store (default: the platform's)"
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")

    parser = argparse.ArgumentParser(prog=PROG, description="Administer an officer_desk store.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, run: Command, about: str, *, existing: bool = False
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=about, description=about)
        sub.set_defaults(run=run, existing=existing)
        return sub

    sub = command("init", cmd_init, "set up the facility, the unit and the first admin account")
    sub.add_argument("--facility-name", required=True)
    sub.add_argument("--facility-code", required=True)
    sub.add_argument("--unit-name", required=True)
    sub.add_argument("--unit-code", required=True)
    sub.add_argument("--admin-username", required=True)
    sub.add_argument("--admin-name", required=True)

    sub = command("add-officer", cmd_add_officer, "add an officer, supervisor or admin account")
    sub.add_argument("--username", required=True)
    sub.add_argument("--name", required=True, help="display name, e.g. 'Kari Nordmann'")
    sub.add_argument("--role", required=True, choices=[r.value for r in Role])
    sub.add_argument("--unit", metavar="CODE", help="unit code (needed when there are several)")

    sub = command(
        "import-roster",
        cmd_import_roster,
        "register people from a UTF-8 CSV file (all or none; see docs/roster-format.md)",
    )
    sub.add_argument("file", metavar="FILE.csv")
    sub.add_argument("--unit", metavar="CODE")
    sub.add_argument("--today", metavar="YYYY-MM-DD", help="date to check against (default today)")

    sub = command("assign", cmd_assign, "make an officer someone's contact officer")
    sub.add_argument("--officer", required=True, metavar="USERNAME")
    sub.add_argument("--prison-number", required=True, metavar="N")
    sub.add_argument("--start", metavar="YYYY-MM-DD", help="first day (default today)")
    sub.add_argument(
        "--reason",
        default=AssignmentReason.ARRIVAL.value,
        choices=[r.value for r in AssignmentReason],
    )

    sub = command("seed-demo", cmd_seed_demo, "fill an empty store with generated demo history")
    sub.add_argument("--inmates", type=int, default=demo.DEFAULT_INMATES, metavar="N")
    sub.add_argument("--years", type=int, default=demo.DEFAULT_YEARS, metavar="Y")
    sub.add_argument("--seed", type=int, default=1, metavar="S", help="same seed, same content")
    sub.add_argument(
        "--today", metavar="YYYY-MM-DD", help="last day of history + 1 (default today)"
    )

    command(
        "verify",
        cmd_verify,
        "check database integrity, foreign keys and the audit chain (exit 1 on damage)",
        existing=True,
    )

    sub = command(
        "backup", cmd_backup, "copy the store to FILE while it may be in use", existing=True
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--force", action="store_true", help="replace FILE if it exists")

    sub = command("export", cmd_export, "write every record as JSON", existing=True)
    sub.add_argument("--json", action="store_true", help="JSON format (required)")
    sub.add_argument("--output", metavar="FILE", help="file to write (default: standard output)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors; keep main() callable
        return stop.code if isinstance(stop.code, int) else EXIT_ACTION_NEEDED
    where = paths.configure(args.data_dir)
    configure_logging(where, verbose=args.verbose)
    try:
        if args.existing and not where.store.exists():
            raise NotFound(
                f"There is no officer_desk store in {where.data}. Check --data-dir "
                f"(or run '{PROG} init' to create one)."
            )
        store = open_store(where.store, backups=where.backups)
        try:
            log.debug("%s on %s", args.command, where.store)
            return int(args.run(store, args))
        finally:
            store.close()
    except DeskError as error:
        print(f"{PROG}: {error.message}", file=sys.stderr)
        return EXIT_ACTION_NEEDED
    except BrokenPipeError:
        # The reader went away (e.g. `export --json | head`); nothing more to say to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FOUND_PROBLEMS
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; everything committed before stays saved.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
