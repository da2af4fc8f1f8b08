"""officer-desk-admin commands: happy paths, plain errors (exit 2), verify, backup and export."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from admin_helpers import ADMIN_PW, Cli, sql, store_key
from sqlmodel import col, select

from officer_desk.app import accounts
from officer_desk.cli.admin import main
from officer_desk.cli.unlock import PASSWORD_ENV
from officer_desk.cli.verify import verify
from officer_desk.store.database import Store, open_store
from officer_desk.store.tables import Assignment, AuditEntry, Facility, Inmate, Officer, Unit

Counts = Callable[[Path], dict[str, int]]
DEMO_ADMIN = ("solvi.laegreid", "demo-passord-2026")
ROSTER_HEADER = "prison_number,full_name,arrival_date,officer\n"


def write_roster(folder: Path, lines: list[str]) -> str:
    path = folder / "roster.csv"
    path.write_text(ROSTER_HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return str(path)


# --- init, accounts, assignment ---------------------------------------------------------------


def test_init_creates_an_encrypted_store_with_facility_unit_and_admin(
    cli: Cli, init_args: list[str], store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("init", *init_args) == 0

    assert "admin account solvi (Sølvi Lægreid)" in capsys.readouterr().out
    assert "Sølvi".encode() not in store_file.read_bytes()
    store, who = accounts.sign_in(store_file, "solvi", ADMIN_PW)
    with store.reading() as session:
        assert [f.name for f in session.exec(select(Facility)).all()] == ["Halden fengsel"]
        assert [u.code for u in session.exec(select(Unit)).all()] == ["C"]
        found = {o.username: o.role for o in session.exec(select(Officer)).all()}
    store.close()
    assert found == {"solvi": "admin"} and who.display_name == "Sølvi Lægreid"


def test_init_twice_is_refused_with_a_plain_message(
    initialised: Cli, init_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert initialised("init", *init_args) == 2
    err = capsys.readouterr().err
    assert "There is already an Officer Desk store in" in err
    assert "nothing was changed" in err
    assert "Traceback" not in err


def test_add_officer_refuses_a_taken_username_and_an_unknown_role(
    initialised: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    code = initialised(
        "add-officer", "--username", "KARI", "--name", "K", "--role", "officer",
        new_password="ganske lang frase",
    )  # fmt: skip
    assert code == 2
    assert "User name kari is already taken." in capsys.readouterr().err
    assert initialised("add-officer", "--username", "x", "--name", "X", "--role", "boss") == 2
    assert "invalid choice: 'boss'" in capsys.readouterr().err


def test_assign_moves_a_person_and_warns_above_six(
    initialised: Cli, data_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = [f"H-{1000 + n},Person {n},2026-01-0{n},kari" for n in range(1, 7)]
    assert (
        initialised(
            "import-roster", write_roster(tmp_path, [*people, "H-1007,Ola Ås,2026-01-10,per"])
        )
        == 0
    )
    capsys.readouterr()

    code = initialised(
        "assign", "--officer", "kari", "--prison-number", "H-1007", "--start", "2026-02-01",
        "--reason", "workload",
    )  # fmt: skip

    assert code == 0
    out, err = capsys.readouterr()
    assert "H-1007 (Ola Ås) is assigned to kari from 2026-02-01." in out
    assert "warning: This officer now has 7 people" in err
    with data_store.reading() as session:
        rows = session.exec(select(Assignment).order_by(Assignment.start_date)).all()
    moved = [r for r in rows if r.reason == "workload"]
    assert len(moved) == 1 and moved[0].start_date.isoformat() == "2026-02-01"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--officer", "nobody", "--prison-number", "H-1"], "no officer with user name nobody"),
        (["--officer", "kari", "--prison-number", "H-404"], "no person with prison number H-404"),
    ],
)
def test_assign_names_what_it_cannot_find(
    initialised: Cli, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert initialised("assign", *args) == 2
    assert message in capsys.readouterr().err


def test_a_bad_date_argument_is_a_plain_error(
    initialised: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    code = initialised("assign", "--officer", "kari", "--prison-number", "H-1", "--start", "1/2")
    assert code == 2
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command", [["verify"], ["backup", "x.sqlite"], ["export", "--json"], ["settings"]]
)
def test_reading_commands_do_not_create_a_store(
    cli: Cli, store_file: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(*command) == 2
    assert "There is no Officer Desk store in" in capsys.readouterr().err
    assert not store_file.exists()


def test_help_and_version_return_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert main(["seed-demo", "--help"]) == 0
    assert "--inmates" in capsys.readouterr().out
    assert main([]) == 2


# --- seed-demo --------------------------------------------------------------------------------


def test_seed_demo_prints_accounts_batches_and_counts(
    cli: Cli, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_store_path = store_file
    code = cli(
        "seed-demo", "--inmates", "3", "--years", "1", "--seed", "4", "--today", "2026-06-01"
    )

    assert code == 0
    out = capsys.readouterr().out
    assert [line.split()[1] for line in out.splitlines() if line.startswith("committed ")] == [
        "H-1001",
        "H-1002",
        "H-1003",
    ]
    assert "Demo accounts:" in out and "admin" in out and "supervisor" in out
    assert "password for all demo accounts: demo-passord-2026" in out
    opened = open_store(data_store_path, key=store_key(data_store_path, *DEMO_ADMIN))
    with opened.reading() as session:
        assert len(session.exec(select(Inmate)).all()) == 3
    opened.close()


def test_seed_demo_refuses_a_folder_with_a_store(
    initialised: Cli, row_counts: Counts, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = row_counts(store_file)
    assert initialised("seed-demo", "--inmates", "2", "--years", "1") == 2
    assert "so demo data was not added" in capsys.readouterr().err
    assert row_counts(store_file) == before


# --- verify -----------------------------------------------------------------------------------


def test_verify_reports_ok_with_counts(
    initialised: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert initialised("verify") == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ")
    assert "audit chain of" in out and "entries intact" in out and "3 officers" in out


TAMPERING = {
    "edited": (
        ["UPDATE audit_entry SET detail = 'officer mallory (admin)' WHERE seq = 3"],
        "audit entry 3 was changed after it was written",
    ),
    "deleted": (
        ["DELETE FROM audit_entry WHERE seq = 2"],
        "audit entry 2 is missing or out of order",
    ),
    "reordered": (
        [
            "UPDATE audit_entry SET seq = -1 WHERE seq = 2",
            "UPDATE audit_entry SET seq = 2 WHERE seq = 3",
            "UPDATE audit_entry SET seq = 3 WHERE seq = -1",
        ],
        "audit entry 2 does not follow the entry before it",
    ),
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_verify_names_a_tampered_audit_entry(
    initialised: Cli, store_file: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    statements, expected = TAMPERING[how]
    for statement in statements:
        sql(store_file, statement)
    capsys.readouterr()

    assert initialised("verify") == 1

    out = capsys.readouterr().out
    assert f"PROBLEM: {expected}" in out
    assert re.search(r"verify found (1 problem|\d+ problems) in", out)  # not "problem(s)"


def test_verify_reports_a_broken_foreign_key(
    initialised: Cli, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sql(store_file, "UPDATE officer SET unit_id = 'gone' WHERE username = 'per'")
    assert initialised("verify") == 1
    assert "table officer row" in capsys.readouterr().out


# --- backup -----------------------------------------------------------------------------------


def test_backup_writes_an_encrypted_copy_that_opens_and_verifies(
    initialised: Cli,
    data_store: Store,
    store_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "copies" / "halden.sqlite"

    assert initialised("backup", str(target)) == 0

    assert f"Backup written to {target}" in capsys.readouterr().out
    raw = target.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"Kari Nordmann" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(target).execute("SELECT * FROM officer").fetchall()
    # The copy has a key of its own, in its own key file, which the admin's password opens.
    copy = open_store(target, key=store_key(target))
    try:
        report = verify(copy)
        assert report.ok, report.problems
        assert report.counts["officers"] == 3
    finally:
        copy.close()
    from officer_desk.store.keyslots import KeySlots

    copied_slots = KeySlots.for_store(target)
    assert copied_slots is not None and len(copied_slots) == 1  # the admins' only
    assert store_key(target) != store_key(store_file)
    with data_store.reading() as session:
        last = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq).desc())).first()
    assert last is not None and last.action == "backup" and str(target) in last.detail


def test_backup_refuses_to_overwrite_unless_forced(
    initialised: Cli,
    store_file: Path,
    tmp_path: Path,
    row_counts: Counts,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "halden.sqlite"
    target.write_bytes(b"an older file")
    audit_before = row_counts(store_file)["audit_entry"]

    assert initialised("backup", str(target)) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == b"an older file"
    assert row_counts(store_file)["audit_entry"] == audit_before

    assert initialised("backup", str(target), "--force") == 0
    assert row_counts(target, store_key(target))["officer"] == 3
    assert not target.with_name("halden.sqlite.partial").exists()


# --- export -----------------------------------------------------------------------------------


def test_export_is_valid_json_with_every_table_in_a_stable_order(
    initialised: Cli, store_file: Path, tmp_path: Path
) -> None:
    roster = write_roster(tmp_path, ["H-1001,Øystein Ås,2026-01-05,kari"])
    assert initialised("import-roster", roster, "--today", "2026-03-01") == 0
    sql(store_file, "UPDATE inmate SET photo = ? WHERE prison_number = 'H-1001'", b"\x89PNG\x00")
    first, second = tmp_path / "one.json", tmp_path / "two.json"

    assert initialised("export", "--json", "--output", str(first)) == 0
    assert initialised("export", "--json", "--output", str(second)) == 0

    one, two = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    assert one["format"] == "officer-desk-export"
    assert list(one["tables"]) == sorted(one["tables"])
    assert "local_setting" not in one["tables"]
    # The export audits itself before reading: the second run differs only by its own entry
    # (after the sign-in that every command starts with).
    login, own_entry = two["tables"]["audit_entry"][-2:]
    del two["tables"]["audit_entry"][-2:]
    assert login["action"] == "login" and login["actor_name"] == "Sølvi Lægreid"
    assert own_entry["action"] == "export" and str(second) in own_entry["detail"]
    assert one == two
    inmate = one["tables"]["inmate"][0]
    assert inmate["photo"] == "iVBORwA=" and inmate["arrival_date"] == "2026-01-05"
    assert inmate["languages"] == []
    seqs = [e["seq"] for e in one["tables"]["audit_entry"]]
    assert seqs == sorted(seqs)


def test_export_to_standard_output(initialised: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert initialised("export", "--json") == 0
    exported = json.loads(capsys.readouterr().out)
    # Ordered by primary key: UUIDv7, so in the order the accounts were made.
    assert [o["username"] for o in exported["tables"]["officer"]] == ["solvi", "kari", "per"]


def test_export_without_a_format_says_which_to_choose(
    initialised: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert initialised("export") == 2
    assert "--json" in capsys.readouterr().err


# --- the real console script ------------------------------------------------------------------


def test_console_script_runs_and_reports_errors_without_a_traceback(
    tmp_path: Path, init_args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    script = Path(sys.executable).with_name("officer-desk-admin")
    data = tmp_path / "ws1"
    # Made in-process with the test-cost key derivation, which the slot file then keeps.
    monkeypatch.setenv(PASSWORD_ENV, ADMIN_PW)
    assert main(["init", "--data-dir", str(data), *init_args]) == 0

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), args[0], "--data-dir", str(data), *args[1:]],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
            env={**os.environ, **extra},
            stdin=subprocess.DEVNULL,
        )

    refused = run("init", *init_args)
    assert refused.returncode == 2
    assert refused.stderr.startswith("officer-desk-admin: There is already an Officer Desk store")
    assert "Traceback" not in refused.stderr
    wrong = run("verify", "--user", "solvi", **{PASSWORD_ENV: "not the password at all"})
    assert wrong.returncode == 2
    assert wrong.stderr.strip().startswith(
        "officer-desk-admin: The user name or password is not right."
    )
    assert main(["verify", "--data-dir", str(data), "--user", "solvi"]) == 0
