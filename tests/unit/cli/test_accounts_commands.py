"""officer-desk-admin with accounts: signing in with --user, passwords from the environment or
a prompt, account commands, role refusals (audited), settings, and encrypting a plain store."""

from __future__ import annotations

import getpass
import io
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from admin_helpers import ADMIN_PW, INIT, KARI_PW, PER_PW, Cli, store_key
from sqlmodel import select

from officer_desk.app import accounts, people
from officer_desk.app.writes import Actor
from officer_desk.store.database import Store, open_store
from officer_desk.store.keyslots import KeySlots
from officer_desk.store.tables import AuditEntry, Inmate, LocalSetting, Officer

NEW_PW = "helt ny setning for kontoen"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A terminal on stdin; getpass answers with the strings put in the returned list, in
    order, and records the prompts it was shown in ``prompts``."""
    answers: list[str] = []
    monkeypatch.setattr(sys, "stdin", FakeTerminal())
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": answers.pop(0))
    yield answers
    assert answers == [], "not every typed answer was asked for"


def signs_in(store_file: Path, user: str, password: str) -> bool:
    try:
        store, _who = accounts.sign_in(store_file, user, password)
    except accounts.DeskError:
        return False
    store.close()
    return True


def audit_of(store: Store, action: str) -> list[AuditEntry]:
    with store.reading() as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.action == action)).all())


# --- signing in -------------------------------------------------------------------------------


def test_a_command_without_user_says_how_to_name_one(
    initialised: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert initialised("verify", user=None) == 2
    err = capsys.readouterr().err
    assert "Say which account runs this command: verify --user NAME" in err


def test_no_password_and_no_terminal_is_a_plain_error(
    initialised: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert initialised("verify", password=None) == 2
    err = capsys.readouterr().err
    assert "No password given. Set OFFICER_DESK_PASSWORD" in err and "Traceback" not in err


def test_the_password_is_asked_for_on_a_terminal(
    initialised: Cli, typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed.append(ADMIN_PW)
    assert initialised("verify", password=None) == 0
    out, err = capsys.readouterr()
    assert out.startswith("OK: ") and ADMIN_PW not in out + err


def test_a_wrong_password_then_a_locked_account(
    initialised: Cli, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for left in ("4 more attempts", "3 more attempts", "2 more attempts", "One more attempt "):
        assert initialised("verify", user="kari", password="not kari's password") == 2
        err = capsys.readouterr().err
        assert "The user name or password is not right." in err and left in err
    assert initialised("verify", user="kari", password="not kari's password") == 2
    assert "This account is locked" in capsys.readouterr().err
    assert initialised("verify", user="kari", password=KARI_PW) == 2
    assert "This account is locked" in capsys.readouterr().err
    # The admin lifts the lock with a new password.
    assert initialised("reset-password", "--username", "kari", new_password=NEW_PW) == 0
    assert signs_in(store_file, "kari", NEW_PW)


def test_a_plain_store_is_refused_with_the_not_encrypted_message(
    cli: Cli, plain_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("export", "--json") == 2
    assert "not encrypted yet" in capsys.readouterr().err
    # verify still checks it, without an account (there are no passwords yet).
    assert cli("verify", user=None, password=None) == 0
    assert capsys.readouterr().out.startswith("OK: ")


# --- init -------------------------------------------------------------------------------------


def test_init_asks_twice_and_refuses_a_mismatch(
    cli: Cli, store_file: Path, typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed += [ADMIN_PW, ADMIN_PW + "x"]
    assert cli("init", *INIT, password=None) == 2
    assert "The two passwords are not the same; nothing was changed." in capsys.readouterr().err
    assert not store_file.exists()

    typed += [ADMIN_PW, ADMIN_PW]
    assert cli("init", *INIT, password=None) == 0
    assert signs_in(store_file, "solvi", ADMIN_PW)


@pytest.mark.parametrize(
    ("weak", "message"),
    [("kort", "too short"), ("passord123", "attackers try"), ("solvi-sitt-passord", "user name")],
)
def test_init_refuses_a_weak_password_plainly(
    cli: Cli, store_file: Path, weak: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("init", *INIT, password=weak) == 2
    err = capsys.readouterr().err
    assert message in err and weak not in err and "Traceback" not in err
    assert list(store_file.parent.glob("officer_desk.sqlite*")) == []


# --- accounts ---------------------------------------------------------------------------------


def test_add_officer_gives_the_new_account_its_first_password(
    initialised: Cli, store_file: Path, typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed += [NEW_PW, NEW_PW]  # the admin's own password comes from the environment
    code = initialised("add-officer", "--username", "Ola", "--name", "Ola Bø", "--role",
                       "supervisor")  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "Added ola (Ola Bø, supervisor)." in out and NEW_PW not in out
    assert signs_in(store_file, "ola", NEW_PW)


def test_add_officer_refuses_a_weak_first_password_and_adds_nobody(
    initialised: Cli, data_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code = initialised("add-officer", "--username", "ola", "--name", "Ola", "--role", "officer",
                       new_password="qwertyuiop1")  # fmt: skip
    assert code == 2
    assert "attackers try" in capsys.readouterr().err
    with data_store.reading() as session:
        assert session.exec(select(Officer).where(Officer.username == "ola")).first() is None


def test_reset_password_replaces_the_old_one(
    initialised: Cli, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert initialised("reset-password", "--username", "per", new_password=NEW_PW) == 0
    out = capsys.readouterr().out
    assert "New password set for per" in out and NEW_PW not in out and PER_PW not in out
    assert signs_in(store_file, "per", NEW_PW) and not signs_in(store_file, "per", PER_PW)
    # (opened after the command: the reset gave the store a new key)
    data_store = open_store(store_file, key=store_key(store_file))
    try:
        assert [e.detail for e in audit_of(data_store, "password reset")] == ["by Sølvi Lægreid"]
    finally:
        data_store.close()


def test_set_role_and_deactivate(
    initialised: Cli, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert initialised("set-role", "--username", "kari", "--role", "supervisor") == 0
    assert "kari now has the role supervisor." in capsys.readouterr().out
    store, kari = accounts.sign_in(store_file, "kari", KARI_PW)
    store.close()
    assert kari.role.value == "supervisor"

    assert initialised("deactivate", "--username", "per") == 0
    assert "Closed the account per" in capsys.readouterr().out
    assert not signs_in(store_file, "per", PER_PW)
    assert initialised("deactivate", "--username", "solvi") == 2
    assert "You cannot close your own account." in capsys.readouterr().err


def test_change_password_for_the_user_themselves(
    initialised: Cli, store_file: Path, typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed += [KARI_PW, NEW_PW, NEW_PW]  # old (to sign in), new, new again
    assert initialised("change-password", user="kari", password=None) == 0
    assert "Password changed for kari." in capsys.readouterr().out
    assert signs_in(store_file, "kari", NEW_PW) and not signs_in(store_file, "kari", KARI_PW)

    same = initialised("change-password", user="kari", password=NEW_PW, new_password=NEW_PW)
    assert same == 2
    assert "must differ from the old one" in capsys.readouterr().err


# --- roles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["add-officer", "--username", "x", "--name", "X", "--role", "admin"], "create accounts"),
        (["import-roster", "roster.csv"], "import a roster"),
        (["reset-password", "--username", "per"], "reset passwords"),
        (["backup", "copy.sqlite"], "take backups"),
        (["settings", "idle_lock_minutes", "20"], "see or change settings"),
    ],
)
def test_an_officer_is_refused_admin_work_and_the_refusal_is_audited(
    initialised: Cli,
    data_store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "roster.csv").write_text("prison_number,full_name\nH-1,Ola Berg\n", "utf-8")

    code = initialised(*command, user="kari", password=KARI_PW, new_password=NEW_PW)

    assert code == 2
    assert f"can {message}." in capsys.readouterr().err
    denied = audit_of(data_store, "denied")
    assert [(d.actor_name, d.detail) for d in denied] == [
        ("Kari Nordmann", denied[0].detail)
    ] and message in denied[0].detail
    with data_store.reading() as session:
        assert session.exec(select(Inmate)).first() is None
        assert session.exec(select(Officer).where(Officer.username == "x")).first() is None
    assert not (tmp_path / "copy.sqlite").exists()


def test_a_supervisor_may_import_a_roster(
    initialised: Cli, data_store: Store, tmp_path: Path
) -> None:
    assert initialised("set-role", "--username", "per", "--role", "supervisor") == 0
    roster = tmp_path / "roster.csv"
    roster.write_text("prison_number,full_name,officer\nH-1,Ola Berg,kari\n", "utf-8")
    assert initialised("import-roster", str(roster), user="per", password=PER_PW) == 0
    with data_store.reading() as session:
        inmate = session.exec(select(Inmate)).one()
        entry = session.exec(select(AuditEntry).where(AuditEntry.entity_id == inmate.id)).one()
    assert entry.actor_name == "Per Ås"


# --- settings ---------------------------------------------------------------------------------


def test_settings_lists_and_sets_values(
    initialised: Cli, data_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert initialised("settings") == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == [
        "idle_lock_minutes", "contact_nudge_days", "refusal_streak_meals", "retention_years",
    ]  # fmt: skip
    assert initialised("settings", "idle_lock_minutes", "20") == 0
    assert capsys.readouterr().out.split()[:2] == ["idle_lock_minutes", "20"]
    with data_store.reading() as session:
        assert session.get(LocalSetting, "idle_lock_minutes").value == "20"  # type: ignore[union-attr]
    assert initialised("settings", "idle_lock_minutes", "45") == 2
    assert "between 1 and 30 minutes" in capsys.readouterr().err
    assert initialised("settings", "colour") == 2
    assert "There is no setting called colour; the settings are:" in capsys.readouterr().err


# --- encrypting an old store ------------------------------------------------------------------


@pytest.fixture
def plain_store(store_file: Path) -> Path:
    """A store from before accounts: plain SQLite, an admin (it) and an officer (kari)."""
    store = open_store(store_file)
    system = Actor.system("test")
    people.initialise(
        store, system, facility_name="Halden fengsel", facility_code="HAL",
        unit_name="Enhet C", unit_code="C",
    )  # fmt: skip
    for username, role in (("it", "admin"), ("kari", "officer")):
        people.add_officer(store, system, username=username, display_name=username, role=role)
    people.add_inmates(
        store, system, [people.InmateDetails("H-1", "Øystein Zyxwvutsen")], today=date.today()
    )
    store.close()
    return store_file


def test_encrypt_converts_a_plain_store_and_names_who_still_needs_a_password(
    cli: Cli,
    plain_store: Path,
    typed: list[str],
    capsys: pytest.CaptureFixture[str],
    row_counts: Callable[..., dict[str, int]],
) -> None:
    typed += [ADMIN_PW, ADMIN_PW]
    assert cli("encrypt", user="it", password=None) == 0
    out = capsys.readouterr().out
    assert "are encrypted now" in out and ADMIN_PW not in out
    assert "reset-password --user it --username NAME': kari." in out
    for path in plain_store.parent.glob("officer_desk.sqlite*"):
        assert b"Zyxwvutsen" not in path.read_bytes(), path.name
    slots = KeySlots.for_store(plain_store)
    assert slots is not None and slots.has("it") and not slots.has("kari")
    assert row_counts(plain_store, slots.unlock("it", ADMIN_PW))["inmate"] == 1

    assert cli("encrypt", user="it", password=ADMIN_PW) == 2
    assert "already encrypted" in capsys.readouterr().err


def test_encrypt_needs_an_admin_of_that_store(
    cli: Cli, plain_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("encrypt", user="kari", password=ADMIN_PW) == 2
    assert "kari is not an active admin" in capsys.readouterr().err
    assert plain_store.read_bytes().startswith(b"SQLite format 3")


def test_no_command_prints_a_password(
    initialised: Cli, capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    initialised("add-officer", "--username", "ola", "--name", "Ola", "--role", "officer",
                new_password=NEW_PW)  # fmt: skip
    initialised("reset-password", "--username", "kari", new_password=NEW_PW + "!")
    initialised("verify", user="per", password="wrong password here")
    out, err = capsys.readouterr()
    for secret in (ADMIN_PW, NEW_PW, KARI_PW, "wrong password here"):
        assert secret not in out + err
    log = (store_file.parent / "logs").rglob("*.log")
    for path in log:
        text = path.read_text(encoding="utf-8")
        assert ADMIN_PW not in text and NEW_PW not in text


# --- purge and the journal --------------------------------------------------------------------


def roster(folder: Path, *lines: str) -> str:
    path = folder / "people.csv"
    header = "prison_number,full_name,arrival_date,expected_release_date,officer\n"
    path.write_text(header + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return str(path)


def test_purge_lists_then_removes_people_released_long_ago(
    initialised: Cli, data_store: Store, data_dir: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    old = roster(tmp_path, "H-1,Gammel Zyxwvutsen,2014-01-01,2015-06-01,")
    assert initialised("import-roster", old, "--today", "2015-01-01") == 0
    assert initialised("import-roster", roster(tmp_path, "H-2,Ny Person,2026-01-01,,kari")) == 0
    capsys.readouterr()

    assert initialised("purge", "--dry-run", "--today", "2026-06-01") == 0
    out = capsys.readouterr().out
    assert "1 people are due" in out and "H-1" in out and "H-2" not in out
    assert "Nothing was removed" in out

    assert initialised("purge", "--today", "2026-06-01") == 0
    out = capsys.readouterr().out
    assert "Removed the records of 1 people" in out and "H-1." in out
    archives = list((data_dir / "backups").glob("*purge-archive*"))
    assert len(archives) == 1 and b"Zyxwvutsen" not in archives[0].read_bytes()
    with data_store.reading() as session:
        numbers = {i.prison_number: i.deleted_at for i in session.exec(select(Inmate)).all()}
    assert numbers["H-1"] is not None and numbers["H-2"] is None

    assert initialised("purge", "--today", "2026-06-01") == 0
    assert "Nobody is due for removal" in capsys.readouterr().out


def test_export_journal_for_the_contact_officer_but_not_the_admin(
    initialised: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert initialised("import-roster", roster(tmp_path, "H-7,Øystein Ås,2026-01-05,,kari")) == 0
    pdf = tmp_path / "journal.pdf"

    assert initialised("export-journal", "--prison-number", "H-7", "--output", str(pdf)) == 2
    assert "own caseload" in capsys.readouterr().err
    assert not pdf.exists()

    code = initialised(
        "export-journal", "--prison-number", "H-7", "--output", str(pdf), "--language", "en",
        user="kari", password=KARI_PW,
    )  # fmt: skip
    assert code == 0
    assert f"Journal of H-7 written to {pdf}" in capsys.readouterr().out
    assert pdf.read_bytes().startswith(b"%PDF")

    missing = initialised("export-journal", "--prison-number", "H-404", "--output", str(pdf))
    assert missing == 2
    assert "There is no person with prison number H-404." in capsys.readouterr().err
