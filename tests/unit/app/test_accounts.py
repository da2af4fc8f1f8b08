"""Accounts, encryption at rest, lockout, roles through the services, conversion and resets."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select

from officer_desk.app import accounts, logbook, notes, people, signing_in
from officer_desk.app.accounts import SignedIn
from officer_desk.app.logbook import MealEntry
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import DeskError, PermissionDenied, ValidationError
from officer_desk.store import keyslots, migrate
from officer_desk.store.database import Store, open_store
from officer_desk.store.errors import StoreDamaged, WrongStoreKey
from officer_desk.store.keyslots import AccountLocked, KdfParams, WrongPassword
from officer_desk.store.tables import AuditEntry

ADMIN_PW = "kaffe og vafler i fellesrommet"
KARI_PW = "stille morgen ved fjorden"
SECRET_NAME = "Hemmelig Zyxwvutsen"
SECRET_NOTE = "Snakket om Qwertzland-prosjektet"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # Full-cost Argon2id is measured in benchmarks/; tests only need the same code path.
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", KdfParams(time_cost=1, memory_kib=8192))


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Store, SignedIn]]:
    store, admin = accounts.create_store(
        tmp_path / "desk" / "officer_desk.sqlite",
        backups=tmp_path / "desk" / "backups",
        facility_name="Halden fengsel",
        facility_code="HAL",
        unit_name="Enhet C",
        unit_code="C",
        admin_username="it-admin",
        admin_name="Åse IT",
        admin_password=ADMIN_PW,
    )
    yield store, admin
    store.close()


@pytest.fixture
def unit(desk: tuple[Store, SignedIn]) -> dict[str, object]:
    """Two officers with one person each, and a supervisor."""
    store, admin = desk
    a = admin.actor()
    kari = accounts.create_account(
        store, a, username="kari", display_name="Kari Nordmann", role="officer", password=KARI_PW
    )
    ola = accounts.create_account(
        store,
        a,
        username="ola",
        display_name="Ola Bø",
        role="officer",
        password="lange netter med snø",
    )
    sup = accounts.create_account(
        store,
        a,
        username="sigrid",
        display_name="Sigrid Ås",
        role="supervisor",
        password="vaktskifte klokka sju",
    )
    change = people.add_inmates(
        store,
        a,
        [
            people.InmateDetails(
                prison_number="H-1", full_name=SECRET_NAME, date_of_birth=date(1990, 1, 1)
            ),
            people.InmateDetails(
                prison_number="H-2", full_name="Jonas Berg", date_of_birth=date(1991, 1, 1)
            ),
        ],
        today=date.today(),
    )
    mine, theirs = change.ids
    people.assign(store, a, officer_id=kari.id, inmate_id=mine, start=date.today())
    people.assign(store, a, officer_id=ola.id, inmate_id=theirs, start=date.today())
    return {
        "kari": Actor(kari.id, kari.display_name, role="officer"),
        "sup": Actor(sup.id, sup.display_name, role="supervisor"),
        "mine": mine,
        "theirs": theirs,
    }


def audit_actions(store: Store) -> list[str]:
    with store.reading() as session:
        return [e.action for e in session.exec(select(AuditEntry).order_by(AuditEntry.seq))]


def test_production_key_derivation_is_at_least_owasp_minimum() -> None:
    kdf = KdfParams()
    assert kdf.parallelism == 1
    # OWASP: m=19 MiB with t=2, or m=46 MiB with t=1 (and equivalents in between).
    assert (kdf.memory_kib >= 19 * 1024 and kdf.time_cost >= 2) or (
        kdf.memory_kib >= 46 * 1024 and kdf.time_cost >= 1
    )


def test_no_personal_data_in_the_file_its_wal_the_key_file_or_a_backup(
    desk: tuple[Store, SignedIn], unit: dict[str, object], tmp_path: Path
) -> None:
    store, _ = desk
    notes.add_note(
        store,
        unit["kari"],
        inmate_id=unit["mine"],
        kind="general",  # type: ignore[arg-type]
        text=SECRET_NOTE,
    )
    backup = tmp_path / "backup.sqlite"
    migrate.online_backup(store.path, backup, store.key)
    files = [p for p in store.path.parent.glob("officer_desk.sqlite*")] + [backup]
    assert any(p.name.endswith("-wal") and p.stat().st_size > 0 for p in files)
    assert any(p.name.endswith(".keys") for p in files)
    for path in files:
        raw = path.read_bytes()
        for secret in (SECRET_NAME, SECRET_NOTE, "Zyxwvutsen", "kari", "Kari Nordmann"):
            assert secret.encode("utf-8") not in raw, f"{secret!r} readable in {path.name}"
            assert secret.encode("utf-16-le") not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(backup).execute("SELECT * FROM inmate").fetchall()
    copy = open_store(backup, key=store.key)
    with copy.reading() as session:
        names = session.connection().exec_driver_sql("SELECT full_name FROM inmate").scalars()
        assert SECRET_NAME in list(names)
    copy.close()


def test_sign_in_opens_the_store_and_is_audited(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, _ = desk
    store.close()
    opened, who = accounts.sign_in(store.path, "KARI", KARI_PW)
    assert who.username == "kari" and who.role is Role.OFFICER
    assert audit_actions(opened)[-1] == "login"
    opened.close()


def test_the_light_sign_in_opens_without_the_audit_which_follows_with_the_failures(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    """The desk opens through signing_in (no database stack before its first screen) and
    audits afterwards; nothing is lost of the failures kept while the store was closed."""
    store, _ = desk
    store.close()
    with pytest.raises(WrongPassword):
        signing_in.open_with_password(store.path, "kari", "not the password at all")
    opened, who = signing_in.open_with_password(store.path, " Kari ", KARI_PW)
    try:
        assert who == SignedIn(who.officer_id, "kari", "Kari Nordmann", Role.OFFICER, who.unit_id)
        before = audit_actions(opened)
        assert before[-1] != "login"
        accounts.audit_sign_in(opened, who, "login")
        assert audit_actions(opened)[len(before) :] == ["login failed", "login"]
        accounts.audit_sign_in(opened, who, "login")  # the failures are taken once
        assert audit_actions(opened)[len(before) :] == ["login failed", "login", "login"]
    finally:
        opened.close()


def test_the_light_sign_in_refuses_a_closed_account_and_a_name_without_an_account(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, admin = desk
    accounts.deactivate(store, admin.actor(), username="ola")
    with pytest.raises(WrongPassword):
        signing_in.find_officer(store, "nobody")
    # The slot is removed on closing; the record check stands behind it all the same.
    with pytest.raises(DeskError, match="closed"):
        signing_in.find_officer(store, "ola")


def test_wrong_password_cannot_open_the_store(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, _ = desk
    store.close()
    with pytest.raises(WrongPassword) as caught:
        accounts.sign_in(store.path, "kari", "not the password at all")
    assert caught.value.attempts_left == 4
    with pytest.raises(WrongPassword):
        accounts.sign_in(store.path, "nobody", "whatever it is")
    with pytest.raises(StoreDamaged):
        open_store(store.path)  # without a key it is not even recognisable as a database


def test_five_failures_lock_the_account_for_fifteen_minutes(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, _ = desk
    store.close()
    for _ in range(4):
        with pytest.raises(WrongPassword):
            accounts.sign_in(store.path, "kari", "guess guess guess")
    with pytest.raises(AccountLocked) as locked:
        accounts.sign_in(store.path, "kari", "guess guess guess")
    assert "locked" in locked.value.message
    assert timedelta(minutes=14) < locked.value.until - datetime.now(UTC) <= timedelta(minutes=15)
    with pytest.raises(AccountLocked):
        accounts.sign_in(store.path, "kari", KARI_PW)  # even the right password waits
    # Other accounts are not affected.
    other, _ = accounts.sign_in(store.path, "ola", "lange netter med snø")
    other.close()
    # After the lock expires the right password works, and the failures reach the audit log.
    slots_file = keyslots.slots_path(store.path)
    data = json.loads(slots_file.read_text())
    for slot in data["slots"].values():
        if slot["locked_until"]:
            slot["locked_until"] = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    slots_file.write_text(json.dumps(data))
    opened, _ = accounts.sign_in(store.path, "kari", KARI_PW)
    actions = audit_actions(opened)
    assert actions[-6:] == ["login failed"] * 5 + ["login"]
    opened.close()


def test_officer_only_reaches_their_own_caseload_and_refusals_are_audited(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, _ = desk
    kari = unit["kari"]
    logbook.log_meal(
        store,
        kari,
        day=date.today(),
        meal="lunch",  # type: ignore[arg-type]
        entries=[MealEntry(unit["mine"])],
    )  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied, match="your own caseload"):
        logbook.log_meal(
            store,
            kari,
            day=date.today(),
            meal="lunch",  # type: ignore[arg-type]
            entries=[MealEntry(unit["theirs"])],
        )  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        notes.add_note(
            store,
            kari,
            inmate_id=unit["theirs"],
            kind="general",  # type: ignore[arg-type]
            text="not mine",
        )
    with store.reading() as session:
        denied = session.exec(select(AuditEntry).where(AuditEntry.action == "denied")).all()
    assert [d.entity_id for d in denied] == [unit["theirs"], unit["theirs"]]
    assert all(d.actor_name == "Kari Nordmann" for d in denied)


def test_supervisor_reaches_the_whole_unit_but_cannot_manage_accounts(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, _ = desk
    sup = unit["sup"]
    logbook.log_meal(
        store,
        sup,
        day=date.today(),
        meal="dinner",  # type: ignore[arg-type]
        entries=[MealEntry(unit["mine"]), MealEntry(unit["theirs"])],
    )  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied, match="Only an admin"):
        accounts.create_account(
            store,
            sup,
            username="x",
            display_name="X",  # type: ignore[arg-type]
            role="officer",
            password="ganske lang frase",
        )


def test_officers_cannot_register_assign_or_reset(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, _ = desk
    kari: Actor = unit["kari"]  # type: ignore[assignment]
    with pytest.raises(PermissionDenied):
        people.add_inmates(
            store,
            kari,
            [
                people.InmateDetails(
                    prison_number="H-9", full_name="X Y", date_of_birth=date(1990, 1, 1)
                )
            ],
            today=date.today(),
        )
    with pytest.raises(PermissionDenied):
        people.assign(
            store,
            kari,
            officer_id=kari.officer_id or "",
            inmate_id=unit["theirs"],
            start=date.today(),
        )  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        accounts.reset_password(store, kari, username="ola", new_password="ny frase for ola")


def test_admin_sees_no_records(desk: tuple[Store, SignedIn], unit: dict[str, object]) -> None:
    store, admin = desk
    with pytest.raises(PermissionDenied):
        logbook.log_meal(
            store, admin.actor(), day=date.today(), meal="lunch", entries=[MealEntry(unit["mine"])]
        )  # type: ignore[arg-type]


def test_admin_reset_rewraps_the_key_and_never_needs_the_old_password(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, admin = desk
    accounts.reset_password(
        store, admin.actor(), username="kari", new_password="en helt ny setning"
    )
    with pytest.raises(WrongPassword):
        accounts.verify_at_desk(store, "kari", KARI_PW, action="switch user")
    who = accounts.verify_at_desk(store, "kari", "en helt ny setning", action="switch user")
    assert who.username == "kari"
    actions = audit_actions(store)
    assert "password reset" in actions and "switch user failed" in actions
    assert actions[-1] == "switch user"
    with pytest.raises(ValidationError, match="too short"):
        accounts.reset_password(store, admin.actor(), username="kari", new_password="kort")


def test_change_password_needs_the_old_one(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, _ = desk
    store.close()
    opened, kari = accounts.sign_in(store.path, "kari", KARI_PW)
    with pytest.raises(WrongPassword):
        accounts.change_password(
            opened,
            kari,
            old_password="feil gammelt passord",
            new_password="nye ord i ny rekkefølge",
        )
    with pytest.raises(ValidationError, match="attackers try"):
        accounts.change_password(opened, kari, old_password=KARI_PW, new_password="password123")
    accounts.change_password(
        opened, kari, old_password=KARI_PW, new_password="nye ord i ny rekkefølge"
    )
    opened.close()
    again, _ = accounts.sign_in(store.path, "kari", "nye ord i ny rekkefølge")
    again.close()


def test_closed_account_cannot_sign_in(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, admin = desk
    accounts.deactivate(store, admin.actor(), username="ola")
    with pytest.raises(DeskError):
        accounts.verify_at_desk(store, "ola", "lange netter med snø", action="switch user")
    with pytest.raises(ValidationError):
        accounts.deactivate(store, admin.actor(), username="it-admin")


def test_role_change_is_audited_and_synced(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, admin = desk
    accounts.set_role(store, admin.actor(), username="kari", role="supervisor")
    who = accounts.verify_at_desk(store, "kari", KARI_PW, action="switch user")
    assert who.role is Role.SUPERVISOR
    with store.reading() as session:
        entry = session.exec(
            select(AuditEntry).where(col(AuditEntry.detail).contains("role officer -> supervisor"))
        ).one()
    assert entry.actor_name == "Åse IT"


def test_a_plain_store_is_encrypted_in_place_with_no_plain_copy_left(
    unit_store: Store, admin: Actor, caseload: list[str], tmp_path: Path
) -> None:
    people.add_officer(unit_store, admin, username="it", display_name="IT", role="admin")
    path = unit_store.path
    backups = path.parent / "backups"
    migrate.backup_copy(path, backups, "manual")
    unit_store.close()
    assert (
        b"\xc3\x98ystein" in path.read_bytes()
        or b"\xc3\x98ystein" in path.with_name(path.name + "-wal").read_bytes()
    )

    with pytest.raises(accounts.NotEncrypted):
        accounts.sign_in(path, "it", ADMIN_PW)
    accounts.encrypt_plain_store(path, username="it", password=ADMIN_PW, backups=backups)

    leftovers = sorted(p.name for p in path.parent.iterdir() if p.is_file())
    assert not any(name.endswith(".encrypting") for name in leftovers)
    for candidate in [*path.parent.glob("store.sqlite*"), *backups.glob("*.sqlite")]:
        raw = candidate.read_bytes()
        assert "Øystein".encode() not in raw, candidate.name
        assert not raw.startswith(b"SQLite format 3")
    opened, who = accounts.sign_in(path, "it", ADMIN_PW, backups=backups)
    with opened.reading() as session:
        count = session.connection().exec_driver_sql("SELECT count(*) FROM inmate").scalar()
    assert count == 6 and who.role is Role.ADMIN
    assert audit_actions(opened)[-2:] == ["encrypt", "login"]
    opened.close()
    with pytest.raises(ValidationError, match="already encrypted"):
        accounts.encrypt_plain_store(path, username="it", password=ADMIN_PW)


def test_set_up_refuses_an_existing_store_and_a_weak_password(
    desk: tuple[Store, SignedIn], tmp_path: Path
) -> None:
    store, _ = desk
    with pytest.raises(ValidationError, match="already records"):
        accounts.create_store(
            store.path,
            facility_name="F",
            facility_code="F",
            unit_name="U",
            unit_code="U",
            admin_username="a",
            admin_name="A",
            admin_password=ADMIN_PW,
        )
    fresh = tmp_path / "fresh" / "officer_desk.sqlite"
    with pytest.raises(ValidationError, match="attackers try"):
        accounts.create_store(
            fresh,
            facility_name="F",
            facility_code="F",
            unit_name="U",
            unit_code="U",
            admin_username="a",
            admin_name="A",
            admin_password="qwertyuiop",
        )
    assert not fresh.exists()


def test_a_refused_reset_is_audited(desk: tuple[Store, SignedIn], unit: dict[str, object]) -> None:
    store, _ = desk
    with pytest.raises(PermissionDenied, match="Only an admin"):
        accounts.reset_password(
            store,
            unit["kari"],
            username="ola",  # type: ignore[arg-type]
            new_password="ny frase for ola",
        )
    assert audit_actions(store)[-1] == "denied"
    accounts.verify_at_desk(store, "ola", "lange netter med snø", action="switch user")


def test_the_last_admin_cannot_be_demoted_or_closed(
    desk: tuple[Store, SignedIn], unit: dict[str, object]
) -> None:
    store, admin = desk
    with pytest.raises(ValidationError, match="only active admin"):
        accounts.set_role(store, admin.actor(), username="it-admin", role="officer")
    accounts.set_role(store, admin.actor(), username="sigrid", role="admin")
    accounts.set_role(store, admin.actor(), username="it-admin", role="officer")
    with store.reading() as session:
        roles = dict(
            session.connection().exec_driver_sql("SELECT username, role FROM officer").all()
        )
    assert roles["it-admin"] == "officer" and roles["sigrid"] == "admin"


def test_an_interrupted_encryption_says_how_to_finish(store: Store, tmp_path: Path) -> None:
    slots, key = keyslots.KeySlots.create(store.path)
    slots.save()
    store.close()
    with pytest.raises(WrongStoreKey, match="encryption was interrupted"):
        open_store(store.path, key=key)


# --- the lockout race: ten processes guessing at once -----------------------------------------

REPO = Path(__file__).resolve().parents[3]
PROCESSES, ATTEMPTS = 10, 3

# One guesser: waits for the start signal (so all ten start together), then tries three wrong
# passwords and prints what each attempt was told.  Any exception other than the two answers
# a person gets would end it with a traceback and a non-zero status.
GUESSER = """
import sys, time
from pathlib import Path
from officer_desk.store.keyslots import AccountLocked, KeySlots, WrongPassword
store, go = Path(sys.argv[1]), Path(sys.argv[2])
while not go.exists():
    time.sleep(0.002)
told = []
for attempt in range(3):
    slots = KeySlots.for_store(store)
    try:
        slots.unlock("kari", f"wrong guess {attempt}")
        told.append("opened")
    except WrongPassword:
        told.append("wrong")
    except AccountLocked:
        told.append("locked")
print(",".join(told))
"""


def kari_slot(store_path: Path) -> dict[str, object]:
    slots = keyslots.KeySlots.for_store(store_path)
    assert slots is not None
    data = json.loads(keyslots.slots_path(store_path).read_text())
    slot: dict[str, object] = data["slots"][slots.slot_id("kari")]
    return slot


@pytest.mark.slow
def test_ten_processes_guessing_at_once_are_all_counted_and_lock_the_account(
    desk: tuple[Store, SignedIn], unit: dict[str, object], tmp_path: Path
) -> None:
    desk[0].close()
    store_path = desk[0].path
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    guessers = [
        subprocess.Popen(
            [sys.executable, "-c", GUESSER, str(store_path), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(PROCESSES)
    ]
    go.touch()
    answers: list[str] = []
    for guesser in guessers:
        out, err = guesser.communicate(timeout=120)
        assert guesser.returncode == 0, err  # no crash, in any process
        answers += out.strip().split(",")

    assert len(answers) == PROCESSES * ATTEMPTS
    assert "opened" not in answers
    assert answers.count("wrong") >= 1 and answers.count("locked") >= 1
    slot = kari_slot(store_path)
    pending = slot["pending_failures"]
    assert isinstance(pending, list) and len(pending) == PROCESSES * ATTEMPTS  # none lost
    assert isinstance(slot["locked_until"], str)
    assert datetime.fromisoformat(slot["locked_until"]) > datetime.now(UTC)
    # No temporary file left behind by any writer.
    assert not list(store_path.parent.glob("*.tmp"))

    # Locked, even for the right password (and that attempt is counted too).
    with pytest.raises(keyslots.AccountLocked):
        accounts.sign_in(store_path, "kari", KARI_PW)

    # Once the lock has run out, every one of the attempts reaches the audit log.
    data = json.loads(keyslots.slots_path(store_path).read_text())
    for entry in data["slots"].values():
        if entry["locked_until"]:
            entry["locked_until"] = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    keyslots.slots_path(store_path).write_text(json.dumps(data))
    store, _who = accounts.sign_in(store_path, "kari", KARI_PW)
    try:
        with store.reading() as session:
            failed = session.exec(
                select(AuditEntry.detail).where(AuditEntry.action == "login failed")
            ).all()
    finally:
        store.close()
    assert len(failed) == PROCESSES * ATTEMPTS + 1
    checked = sum("wrong password" in detail for detail in failed)
    refused = sum("was locked" in detail for detail in failed)
    # The passwords checked: at least the five that locked it; the rest were refused unchecked.
    assert checked >= keyslots.MAX_FAILED_ATTEMPTS and refused >= 1
    assert checked + refused == len(failed)
