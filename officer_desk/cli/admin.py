"""officer-desk-admin: headless administration of a workstation's store.

Every command takes ``--data-dir`` and ``-v/--verbose``; every command that opens an existing
store takes ``--user NAME`` and signs in as that account (password from
``OFFICER_DESK_PASSWORD`` or asked for; see ``cli/unlock.py``), so the changes are that
person's and the services' role checks apply to them.  Problems the person can act on
(``DeskError``: invalid input, something not found, a wrong password, a refusal, a storage
problem) are printed as a plain message on stderr with exit status 2; ``verify`` exits 1 when
it finds damage.  docs/admin-guide.md shows every command with an example.
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

from officer_desk import __version__, owner_only, paths
from officer_desk.app import accounts, export, people, retention, roster, settings
from officer_desk.cli import join, sync_cmds
from officer_desk.cli.unlock import (
    PASSWORD_ENV,
    Desk,
    need_user,
    new_password,
    open_desk,
    password,
)
from officer_desk.cli.verify import heads_from_file, verify
from officer_desk.cli.words import counted
from officer_desk.demo import generator as demo
from officer_desk.domain import rules
from officer_desk.domain.enums import AssignmentReason, Role
from officer_desk.domain.errors import DeskError, NotFound, ValidationError
from officer_desk.logs import configure_logging
from officer_desk.paths import AppPaths
from officer_desk.store.connect import is_plain_sqlite
from officer_desk.store.keyslots import KeySlots, slots_path
from officer_desk.store.tables import Facility, Inmate, Officer, Unit

PROG = "officer-desk-admin"
EXIT_OK, EXIT_FOUND_PROBLEMS, EXIT_ACTION_NEEDED = 0, 1, 2
ADMIN_ONLY = (Role.ADMIN,)
UNIT_LEADS = (Role.SUPERVISOR, Role.ADMIN)

log = logging.getLogger("officer_desk.cli")

Command = Callable[[Desk, argparse.Namespace], int]
SetUp = Callable[[AppPaths, argparse.Namespace], int]


def _date(value: str | None, label: str) -> date:
    return date.today() if value is None else rules.parse_iso_date(value, label.lower(), label)


def _say(line: str = "") -> None:
    print(line, flush=True)


def _refuse_existing(where: AppPaths, what: str) -> None:
    if where.store.exists() or slots_path(where.store).exists():
        raise ValidationError(
            f"There is already an Officer Desk store in {where.data}, so {what}. "
            "Choose an empty folder with --data-dir.",
            "data_dir",
        )


# --- setting up -------------------------------------------------------------------------------


def cmd_init(where: AppPaths, args: argparse.Namespace) -> int:
    _refuse_existing(where, "nothing was changed")
    # Check the account fields first, so a typo is named before any password is asked for.
    rules.required_text(args.admin_username, "username", "Admin user name", 40)
    rules.required_text(args.admin_name, "display_name", "Admin name", 120)
    admin_password = password(
        PASSWORD_ENV, f"Password for the admin account {args.admin_username}: ", confirm=True
    )
    store, admin = accounts.create_store(
        where.store,
        backups=where.backups,
        facility_name=args.facility_name,
        facility_code=args.facility_code,
        unit_name=args.unit_name,
        unit_code=args.unit_code,
        admin_username=args.admin_username,
        admin_name=args.admin_name,
        admin_password=admin_password,
    )
    store.close()
    _say(
        f"Set up {args.facility_name} ({args.facility_code}), unit {args.unit_name} "
        f"({args.unit_code}), with admin account {admin.username} ({admin.display_name}). "
        "The records are encrypted; the admin's password opens them."
    )
    return EXIT_OK


def cmd_seed_demo(where: AppPaths, args: argparse.Namespace) -> int:
    _refuse_existing(where, "demo data was not added")
    summary = demo.create_demo_store(
        where.store,
        backups=where.backups,
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
    _say(f"password for all demo accounts: {demo.DEMO_PASSWORD}")
    _say("Rows written:")
    for table, count in summary.counts.items():
        _say(f"  {table:<22} {count:>9}")
    return EXIT_OK


def cmd_encrypt(where: AppPaths, args: argparse.Namespace) -> int:
    if not where.store.exists():
        raise _no_store(where)
    if not is_plain_sqlite(where.store):
        raise ValidationError("These records are already encrypted; nothing was changed.")
    user = need_user(args.user, "encrypt")
    typed = password(PASSWORD_ENV, f"Choose the password {user} will sign in with: ", confirm=True)
    accounts.encrypt_plain_store(where.store, username=user, password=typed, backups=where.backups)
    _say(f"The records in {where.data} are encrypted now; {user} signs in with that password.")
    store, _who = accounts.sign_in(where.store, user, typed, backups=where.backups)
    try:
        with store.reading() as session:
            active = session.exec(
                select(Officer.username).where(Officer.active).order_by(Officer.username)
            ).all()
    finally:
        store.close()
    slots = KeySlots.for_store(where.store)
    waiting = [name for name in active if slots is None or not slots.has(name)]
    if waiting:
        _say(
            "These accounts cannot sign in until they have a password; give each one with "
            f"'{PROG} reset-password --user {user} --username NAME': {', '.join(waiting)}."
        )
    return EXIT_OK


# --- accounts ---------------------------------------------------------------------------------


def cmd_add_officer(desk: Desk, args: argparse.Namespace) -> int:
    officer = accounts.create_account(
        desk.store,
        desk.actor,
        username=args.username,
        display_name=args.name,
        role=args.role,
        password=new_password(args.username.strip().lower()),
        unit_code=args.unit,
    )
    _say(
        f"Added {officer.username} ({officer.display_name}, {officer.role}). Give them the "
        f"first password in person; they can change it with '{PROG} change-password'."
    )
    return EXIT_OK


def _say_rekeyed(rekeyed: bool, whose: str) -> None:
    if rekeyed:
        _say(
            f"The records have a new key: {whose} opens them no more, not even with a copy "
            "of the key file made before."
        )
    else:
        _say(
            "The records are open in another program on this workstation, so their key "
            "could not be changed yet: it changes at the next sign-in here. To do it now, "
            f"close the app and run '{PROG} rekey'."
        )


def cmd_reset_password(desk: Desk, args: argparse.Namespace) -> int:
    username = args.username.strip().lower()
    rekeyed = accounts.reset_password(
        desk.store, desk.actor, username=username, new_password=new_password(username)
    )
    _say(f"New password set for {username}; a lock after wrong passwords is lifted too.")
    _say_rekeyed(rekeyed, "the old password")
    return EXIT_OK


def cmd_set_role(desk: Desk, args: argparse.Namespace) -> int:
    accounts.set_role(desk.store, desk.actor, username=args.username, role=args.role)
    _say(f"{args.username.strip().lower()} now has the role {args.role}.")
    return EXIT_OK


def cmd_deactivate(desk: Desk, args: argparse.Namespace) -> int:
    rekeyed = accounts.deactivate(desk.store, desk.actor, username=args.username)
    _say(
        f"Closed the account {args.username.strip().lower()}: it can no longer sign in; "
        "what it wrote stays in the records."
    )
    _say_rekeyed(rekeyed, "its password")
    return EXIT_OK


def cmd_rekey(desk: Desk, _args: argparse.Namespace) -> int:
    rekeyed = accounts.rekey(desk.store, desk.actor, why="asked for by an admin", always=True)
    _say_rekeyed(rekeyed, "no password of a closed or reset account")
    return EXIT_OK if rekeyed else EXIT_ACTION_NEEDED


def cmd_change_password(desk: Desk, _args: argparse.Namespace) -> int:
    assert desk.who is not None
    accounts.change_password(
        desk.store,
        desk.who,
        old_password=desk.password,
        new_password=new_password(desk.who.username),
    )
    _say(f"Password changed for {desk.who.username}.")
    return EXIT_OK


def cmd_signing_key(desk: Desk, _args: argparse.Namespace) -> int:
    """The --user account's signing key, for facility IT to register at the hub."""
    from officer_desk.domain.signing import fingerprint, public_text

    assert desk.who is not None
    key = desk.store.signers.get(desk.who.officer_id)
    if key is None:
        raise DeskError(
            "This account has no signing key on this workstation yet: sign in once with its "
            "password (an account made before signed changes gets one at a password reset)."
        )
    public = public_text(key)
    with desk.store.reading() as session:
        unit = session.get(Unit, desk.who.unit_id)
        place = session.get(Facility, unit.facility_id) if unit is not None else None
    code = unit.code if unit is not None else "UNIT"
    facility = place.code if place is not None else "FACILITY"
    print(f"account:     {desk.who.officer_id} ({desk.who.username}, {desk.who.role.value})")
    print(f"signing key: {public}")
    print(f"fingerprint: {fingerprint(public)}")
    _say(
        "To make this admin the hub's root of trust for the unit, facility IT runs at the hub:\n"
        f"  officer-desk-server trust-admin --facility {facility} --unit {code} "
        f"--officer {desk.who.officer_id} --key {public}"
    )
    return EXIT_OK


def cmd_settings(desk: Desk, args: argparse.Namespace) -> int:
    known = {s.key: s for s in settings.ALL_SETTINGS}
    chosen = list(known.values())
    if args.key is not None:
        if args.key not in known:
            raise ValidationError(
                f"There is no setting called {args.key}; the settings are: {', '.join(known)}.",
                "key",
            )
        chosen = [known[args.key]]
        if args.value is not None:
            settings.set_value(desk.store, desk.actor, chosen[0], args.value)
    for setting in chosen:
        value = settings.get(desk.store, setting)
        _say(
            f"{setting.key:<22} {value:>4} {setting.unit:<15} {setting.label} "
            f"({setting.minimum}–{setting.maximum}, default {setting.default})"
        )
    return EXIT_OK


# --- people and records -----------------------------------------------------------------------


def _inmate_by_number(desk: Desk, prison_number: str) -> Inmate:
    with desk.store.reading() as session:
        inmate = session.exec(select(Inmate).where(Inmate.prison_number == prison_number)).first()
    if inmate is None or inmate.deleted_at is not None:
        raise NotFound(f"There is no person with prison number {prison_number}.")
    return inmate


def cmd_import_roster(desk: Desk, args: argparse.Namespace) -> int:
    result = roster.import_roster(
        desk.store,
        desk.actor,
        Path(args.file),
        today=_date(args.today, "Today"),
        unit_code=args.unit,
    )
    # The command line has no Qt (and so no %n plurals): singular and plural written out.
    imported = "1 person" if result.imported == 1 else f"{result.imported} people"
    _say(f"Imported {imported}; {result.assigned} assigned to a contact officer.")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_assign(desk: Desk, args: argparse.Namespace) -> int:
    start = _date(args.start, "Start date")
    with desk.store.reading() as session:
        officer = session.exec(
            select(Officer).where(Officer.username == args.officer.lower())
        ).first()
    if officer is None:
        raise NotFound(f"There is no officer with user name {args.officer}.")
    inmate = _inmate_by_number(desk, args.prison_number)
    result = people.assign(
        desk.store,
        desk.actor,
        officer_id=officer.id,
        inmate_id=inmate.id,
        start=start,
        reason=args.reason,
    )
    _say(
        f"{inmate.prison_number} ({inmate.full_name}) is assigned to {officer.username} "
        f"from {start.isoformat()}."
    )
    if result.warning:
        print(f"warning: {result.warning}", file=sys.stderr)
    return EXIT_OK


def cmd_verify(desk: Desk, args: argparse.Namespace) -> int:
    heads, source = None, ""
    if args.heads:
        try:
            heads = heads_from_file(Path(args.heads).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            _say(f"{PROG}: cannot read the audit heads in {args.heads}: {error}")
            return EXIT_ACTION_NEEDED
        source = f"checked against {args.heads}"
    elif args.hub:
        from officer_desk.cli.sync_cmds import anchored_heads

        heads = anchored_heads(desk)
        if heads is None:
            return EXIT_ACTION_NEEDED
        source = "checked against the hub's record"
    report = verify(desk.store, heads, source)
    if report.ok:
        _say(report.summary())
        return EXIT_OK
    for problem in report.problems:
        _say(f"PROBLEM: {problem}")
    found = counted(len(report.problems), "problem", "problems")
    _say(f"verify found {found} in {desk.store.path}.")
    return EXIT_FOUND_PROBLEMS


def cmd_backup(desk: Desk, args: argparse.Namespace) -> int:
    target = Path(args.file).expanduser().resolve()
    size = export.backup(desk.store, desk.actor, target, force=args.force)
    _say(
        f"Backup written to {target} ({size / 1e6:.1f} MB), encrypted under a key of its "
        f"own in {slots_path(target)}, which the admins' passwords open. Keep the two files "
        f"together; '{PROG} restore' brings them back."
    )
    return EXIT_OK


def cmd_restore(where: AppPaths, args: argparse.Namespace) -> int:
    from officer_desk.cli.restore import restore

    user = need_user(args.user, "restore")
    typed = password(PASSWORD_ENV, f"Password of {user} (an admin when the backup was taken): ")
    result = restore(
        Path(args.file),
        where.store,
        backups=where.backups,
        username=user,
        password=typed,
        force=args.force,
    )
    if result.moved_aside is not None:
        _say(f"What was in {where.data} before is in {result.moved_aside}.")
    _say(
        f"Restored {Path(args.file).expanduser().resolve()} into {where.data} under a new key; "
        f"{counted(result.accounts, 'account', 'accounts')} can sign in here with the passwords "
        "they had then. "
        f"Check it with '{PROG} verify --user {user}'."
    )
    return EXIT_OK


def cmd_export(desk: Desk, args: argparse.Namespace) -> int:
    if not args.json:
        raise DeskError("Choose the export format: --json (the only one so far).")
    if args.output is None:
        export.export_json(desk.store, desk.actor, sys.stdout, destination="standard output")
        print(f"Exported all records to standard output. {export.NOT_ENCRYPTED}", file=sys.stderr)
        return EXIT_OK
    target = Path(args.output).resolve()
    owner_only.file(target)  # only this account can open it (0600) before a record is written
    with target.open("w", encoding="utf-8", newline="\n") as out:
        export.export_json(desk.store, desk.actor, out, destination=str(target))
    print(f"Exported all records to {target}. {export.NOT_ENCRYPTED}", file=sys.stderr)
    return EXIT_OK


def cmd_export_journal(desk: Desk, args: argparse.Namespace) -> int:
    # Qt (for the PDF) loads only here, so the other commands start fast and without it.
    from officer_desk.app import journal
    from officer_desk.reports.journal import write_journal_pdf

    inmate = _inmate_by_number(desk, args.prison_number)
    data = journal.journal_for_person(desk.store, desk.actor, inmate.id, language=args.language)
    target = Path(args.output).expanduser().resolve()
    if target.is_dir():
        raise ValidationError(f"{target} is a folder; give a file name for the journal.")
    write_journal_pdf(data, target)
    _say(
        f"Journal of {inmate.prison_number} written to {target} (sensitive notes left out). "
        "It is not encrypted: hand it over and delete your copy."
    )
    return EXIT_OK


def cmd_purge(desk: Desk, args: argparse.Namespace) -> int:
    today = _date(args.today, "Today")
    if args.dry_run:
        due = retention.people_due(desk.store, desk.actor, today=today)
        years = settings.get(desk.store, settings.RETENTION_YEARS)
        _say(f"{len(due)} people are due for removal ({years} years after release):")
        for person in due:
            _say(
                f"  {person.prison_number:<14} released {person.expected_release_date} "
                f"kept until {person.keep_until}"
            )
        _say("Nothing was removed (--dry-run).")
        return EXIT_OK
    archive_dir = Path(args.archive_dir).expanduser() if args.archive_dir else desk.backups
    result = retention.purge(desk.store, desk.actor, today=today, archive_dir=archive_dir)
    if not result.people:
        _say(f"Nobody is due for removal ({result.years} years after release); nothing changed.")
        return EXIT_OK
    _say(
        f"Removed the records of {len(result.people)} people ({result.rows} rows), "
        f"{result.years} years after release: "
        + ", ".join(person.prison_number for person in result.people)
        + "."
    )
    _say(
        f"An encrypted copy from before the purge is in {result.archive}; delete it when "
        "your facility's rules allow."
    )
    if not result.compacted:
        print(
            "warning: the store file could not be compacted now (another program has it "
            f"open); run '{PROG} purge' again later to finish.",
            file=sys.stderr,
        )
    return EXIT_OK


# --- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="PATH", help="folder with the store (default: the platform's)"
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Administer an Officer Desk store.",
        epilog=f"Passwords: {PASSWORD_ENV} (the --user account's, or the first admin's for "
        "init) and OFFICER_DESK_NEW_PASSWORD (a password being set); asked for when unset.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def sets_up(name: str, run: SetUp, about: str) -> argparse.ArgumentParser:
        """A command that makes or converts the store itself (no sign-in)."""
        sub = commands.add_parser(name, parents=[common], help=about, description=about)
        sub.set_defaults(set_up=run)
        return sub

    def command(
        name: str,
        run: Command,
        about: str,
        *,
        roles: tuple[Role, ...] = (),
        what: str = "",
        plain_ok: bool = False,
    ) -> argparse.ArgumentParser:
        """A command on an existing store, run as the --user account."""
        sub = commands.add_parser(name, parents=[common], help=about, description=about)
        sub.add_argument("--user", metavar="NAME", help="the account running the command")
        sub.set_defaults(set_up=None, run=run, roles=roles, what=what, plain_ok=plain_ok)
        return sub

    sub = sets_up("init", cmd_init, "create the encrypted store: facility, unit, first admin")
    sub.add_argument("--facility-name", required=True)
    sub.add_argument("--facility-code", required=True)
    sub.add_argument("--unit-name", required=True)
    sub.add_argument("--unit-code", required=True)
    sub.add_argument("--admin-username", required=True)
    sub.add_argument("--admin-name", required=True)
    join.add_command(sets_up)  # another workstation of a unit on the hub (cli/join.py)

    sub = command(
        "add-officer",
        cmd_add_officer,
        "add an officer, supervisor or admin account with a first password",
        roles=ADMIN_ONLY,
        what="create accounts",
    )
    sub.add_argument("--username", required=True)
    sub.add_argument("--name", required=True, help="display name, e.g. 'Kari Nordmann'")
    sub.add_argument("--role", required=True, choices=[r.value for r in Role])
    sub.add_argument("--unit", metavar="CODE", help="unit code (needed when there are several)")

    sub = command(
        "reset-password",
        cmd_reset_password,
        "give an account a new password (the old one is never shown; it is not stored)",
        roles=ADMIN_ONLY,
        what="reset passwords",
    )
    sub.add_argument("--username", required=True)

    sub = command(
        "set-role", cmd_set_role, "change an account's role", roles=ADMIN_ONLY, what="change roles"
    )
    sub.add_argument("--username", required=True)
    sub.add_argument("--role", required=True, choices=[r.value for r in Role])

    sub = command(
        "deactivate",
        cmd_deactivate,
        "close an account: it can no longer sign in; its history stays",
        roles=ADMIN_ONLY,
        what="close accounts",
    )
    sub.add_argument("--username", required=True)

    command("change-password", cmd_change_password, "change the --user account's own password")
    command(
        "signing-key",
        cmd_signing_key,
        "show the --user account's signing key (to register the first admin at the hub)",
    )

    sub = sets_up("encrypt", cmd_encrypt, "encrypt a store made before accounts existed, in place")
    sub.add_argument("--user", metavar="ADMIN", help="an admin account in the store")

    sub = command(
        "settings",
        cmd_settings,
        "list the settings, or set one: settings KEY VALUE",
        roles=ADMIN_ONLY,
        what="see or change settings",
    )
    sub.add_argument("key", nargs="?", metavar="KEY")
    sub.add_argument("value", nargs="?", metavar="VALUE")

    sub = command(
        "import-roster",
        cmd_import_roster,
        "register people from a UTF-8 CSV file (all or none; see docs/roster-format.md)",
        roles=UNIT_LEADS,
        what="import a roster",
    )
    sub.add_argument("file", metavar="FILE.csv")
    sub.add_argument("--unit", metavar="CODE")
    sub.add_argument("--today", metavar="YYYY-MM-DD", help="date to check against (default today)")

    sub = command(
        "assign",
        cmd_assign,
        "make an officer someone's contact officer",
        roles=UNIT_LEADS,
        what="assign people to officers",
    )
    sub.add_argument("--officer", required=True, metavar="USERNAME")
    sub.add_argument("--prison-number", required=True, metavar="N")
    sub.add_argument("--start", metavar="YYYY-MM-DD", help="first day (default today)")
    sub.add_argument(
        "--reason",
        default=AssignmentReason.ARRIVAL.value,
        choices=[r.value for r in AssignmentReason],
    )

    sub = sets_up(
        "seed-demo",
        cmd_seed_demo,
        f"create an encrypted demo store in an empty folder (password: {demo.DEMO_PASSWORD})",
    )
    sub.add_argument("--inmates", type=int, default=demo.DEFAULT_INMATES, metavar="N")
    sub.add_argument("--years", type=int, default=demo.DEFAULT_YEARS, metavar="Y")
    sub.add_argument(
        "--seed", type=int, default=demo.DEFAULT_SEED, metavar="S", help="same seed, same content"
    )
    sub.add_argument(
        "--today", metavar="YYYY-MM-DD", help="last day of history + 1 (default today)"
    )

    sub = command(
        "verify",
        cmd_verify,
        "check database integrity, foreign keys and the audit chain (exit 1 on damage)",
        roles=ADMIN_ONLY,
        what="verify the store",
        plain_ok=True,
    )
    checked = sub.add_mutually_exclusive_group()
    checked.add_argument(
        "--hub", action="store_true", help="check the audit chain against the heads the hub kept"
    )
    checked.add_argument(
        "--heads", metavar="FILE", help="... against heads from 'officer-desk-server audit-heads'"
    )

    sub = command(
        "backup",
        cmd_backup,
        "copy the store to FILE while it may be in use (encrypted under a key of its own, "
        "in FILE.keys, for the admins)",
        roles=ADMIN_ONLY,
        what="take backups",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--force", action="store_true", help="replace FILE if it exists")

    sub = sets_up(
        "restore",
        cmd_restore,
        "bring back a backup (and its .keys file) as this workstation's store, under a new key",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--user", metavar="ADMIN", help="an admin account in the backup")
    sub.add_argument(
        "--force", action="store_true", help="move what is in the data folder aside first"
    )

    command(
        "rekey",
        cmd_rekey,
        "give the store a fresh key now (also done when an account is closed or reset)",
        roles=ADMIN_ONLY,
        what="change the store's key",
    )

    sub = command(
        "export", cmd_export, "write every record as JSON", roles=ADMIN_ONLY, what="export records"
    )
    sub.add_argument("--json", action="store_true", help="JSON format (required)")
    sub.add_argument("--output", metavar="FILE", help="file to write (default: standard output)")

    sub = command(
        "export-journal",
        cmd_export_journal,
        "write one person's journal as a PDF (their contact officer or a supervisor)",
    )
    sub.add_argument("--prison-number", required=True, metavar="N")
    sub.add_argument("--output", required=True, metavar="FILE.pdf")
    sub.add_argument("--language", default="nb", choices=["nb", "en"])

    sub = command(
        "purge",
        cmd_purge,
        "remove the records of people released longer ago than the retention setting",
        roles=ADMIN_ONLY,
        what="remove old records",
    )
    sub.add_argument("--today", metavar="YYYY-MM-DD", help="date to count from (default today)")
    sub.add_argument(
        "--archive-dir", metavar="DIR", help="where the copy taken first goes (default: backups)"
    )
    sub.add_argument("--dry-run", action="store_true", help="only list who is due")

    sync_cmds.add_commands(command, ADMIN_ONLY)  # enroll, sync (cli/sync_cmds.py)
    return parser


def _no_store(where: AppPaths) -> NotFound:
    return NotFound(
        f"There is no Officer Desk store in {where.data}. Check --data-dir "
        f"(or run '{PROG} init' to create one)."
    )


def _run(where: AppPaths, args: argparse.Namespace) -> int:
    if args.set_up is not None:
        return int(args.set_up(where, args))
    if not where.store.exists():
        raise _no_store(where)
    with open_desk(where, args.user, args.command, plain_ok=args.plain_ok) as desk:
        log.debug("%s on %s as %s", args.command, where.store, args.user)
        if args.roles and desk.who is not None:
            desk.require(args.roles, args.what)
        return int(args.run(desk, args))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors; keep main() callable
        return stop.code if isinstance(stop.code, int) else EXIT_ACTION_NEEDED
    where = paths.configure(args.data_dir)
    configure_logging(where, verbose=args.verbose)
    try:
        return _run(where, args)
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
