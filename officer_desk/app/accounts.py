"""Accounts and signing in: the encrypted store, key slots, logins, locks and passwords.

Signing in is what opens the store: the password unwraps the account's key slot, which gives
the database key.  With the store already open (a shared workstation), switching officer or
unlocking the idle lock checks the password the same way.  Every success and failure is
audited; failures while the store was closed are kept in the slot file and written to the
audit log at the next successful sign-in.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlmodel import Session, col, select

from officer_desk.app import access, account_keys, people
from officer_desk.app.signing_in import (
    NotEncrypted,
    SignedIn,
    find_officer,
    open_with_password,
    remember_signer,
)
from officer_desk.app.signing_in import key_slots as _slots
from officer_desk.app.writes import Actor, record_event, sign_queued, write
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import DeskError, NotFound, ValidationError
from officer_desk.domain.passwords import check_password
from officer_desk.domain.signing import derive_signing_key
from officer_desk.store.connect import export_copy, is_plain_sqlite
from officer_desk.store.database import Store, open_store
from officer_desk.store.keyslots import (
    AccountKey,
    DerivedAhead,
    KdfParams,
    KeySlots,
    WrongPassword,
    describe_failure,
    raw_private,
)
from officer_desk.store.rekey import settle_owed
from officer_desk.store.tables import Officer


def _signed_in(officer: Officer) -> SignedIn:
    return SignedIn(
        officer.id, officer.username, officer.display_name, Role(officer.role), officer.unit_id
    )


def _officer_by_username(session: Session, username: str) -> Officer | None:
    return session.exec(select(Officer).where(Officer.username == username.strip().lower())).first()


def require_encrypted(store_path: Path) -> None:
    """NotEncrypted for a plain store, NotFound when there is none; before asking a password."""
    _slots(store_path)


# --- creating and opening ----------------------------------------------------------------


def create_store(
    store_path: Path,
    *,
    backups: Path | None = None,
    facility_name: str,
    facility_code: str,
    unit_name: str,
    unit_code: str,
    admin_username: str,
    admin_name: str,
    admin_password: str,
    kdf: KdfParams | None = None,
) -> tuple[Store, SignedIn]:
    """A new encrypted store with a facility, a unit and the first admin account."""
    if store_path.exists() or KeySlots.for_store(store_path) is not None:
        raise ValidationError(
            "There are already records on this workstation; nothing was changed.", "data_dir"
        )
    check_password(admin_password, admin_username)
    private = X25519PrivateKey.generate()
    account_key = AccountKey.create(admin_password, kdf, private).to_text()
    slots, key = KeySlots.create(store_path, kdf)
    store = open_store(store_path, backups=backups, key=key)
    try:
        system = Actor.system("first set-up")
        people.initialise(
            store,
            system,
            facility_name=facility_name,
            facility_code=facility_code,
            unit_name=unit_name,
            unit_code=unit_code,
        )
        admin = people.add_officer(
            store,
            system,
            username=admin_username,
            display_name=admin_name,
            role=Role.ADMIN,
            unit_code=unit_code,
        )
        _set_account_key(store, system, admin.username, account_key, "first account key")
        # The admin setting the store up is signed in: they sign its set-up when it is
        # uploaded to a hub (store.signed_outbox).
        store.signers[admin.id] = derive_signing_key(raw_private(private))
        slots.save()
        account_keys.refresh_slots(store)  # the admin's sealed slot
    except BaseException:
        store.close()
        for leftover in store_path.parent.glob(store_path.name + "*"):
            leftover.unlink()
        raise
    return store, _signed_in(admin)


def sign_in(
    store_path: Path, username: str, password: str, *, backups: Path | None = None
) -> tuple[Store, SignedIn]:
    """Open the store with an account's password and audit it (the admin tool; the desk
    opens through ``signing_in.open_with_password`` and audits after its first paint)."""
    store, signed_in = open_with_password(store_path, username, password, backups=backups)
    try:
        audit_sign_in(store, signed_in, "login")
    except BaseException:
        store.close()
        raise
    return store, signed_in


def audit_sign_in(store: Store, signed_in: SignedIn, action: str) -> None:
    """Audit a sign-in, with the failed attempts the slot file kept while the store was closed."""
    actor = signed_in.actor()
    _audit_pending_failures(store, actor, signed_in.username, signed_in.officer_id)
    if signed_in.rekeyed:
        detail = "new store key: owed since an account was revoked, done at this sign-in"
        record_event(store, actor, "rekey", "store", None, detail)
    record_event(store, actor, action, "officer", signed_in.officer_id, "")
    sign_queued(store, actor)


def _audit_pending_failures(
    store: Store,
    actor: Actor,
    username: str,
    officer_id: str | None,
    slots: KeySlots | None = None,
    *,
    skip: str | None = None,
) -> None:
    """Write the failed attempts the slot file counted (by any process) to the audit log."""
    for entry in (slots or _slots(store.path)).take_pending_failures(username):
        if entry != skip:
            detail = describe_failure(entry)
            record_event(store, actor, "login failed", "officer", officer_id, detail)


def verify_at_desk(
    store: Store,
    username: str,
    password: str,
    *,
    action: str,
    ahead: DerivedAhead | None = None,
) -> SignedIn:
    """Switch officer or unlock the idle lock on an open store; audited either way.
    ``ahead``: Argon2id already run for this user name and password (as for signing in)."""
    slots = _slots(store.path)
    try:
        key = slots.unlock(username, password, ahead=ahead)
    except DeskError as failure:
        with store.reading() as session:
            officer = _officer_by_username(session, username)
        actor = Actor(officer.id if officer else None, username)
        officer_id = officer.id if officer else None
        record_event(store, actor, f"{action} failed", "officer", officer_id, failure.message)
        # This failure is audited just above; others counted meanwhile (the command line, a
        # second window) are audited now rather than dropped.
        _audit_pending_failures(store, actor, username, officer_id, slots, skip=slots.last_failure)
        raise
    if key != store.key:
        raise WrongPassword(0)
    signed_in = find_officer(store, username)
    remember_signer(store, signed_in.officer_id, slots)
    audit_sign_in(store, signed_in, action)
    return signed_in


def record_lock(store: Store, signed_in: SignedIn) -> None:
    record_event(store, signed_in.actor(), "lock", "officer", signed_in.officer_id, "screen locked")


# --- managing accounts -------------------------------------------------------------------


def create_account(
    store: Store,
    actor: Actor,
    *,
    username: str,
    display_name: str,
    role: Role | str,
    password: str,
    unit_code: str | None = None,
) -> Officer:
    """An admin creates an account with a first password (the person changes it later).

    The account's key pair travels with the officer record, so after a sync the person can
    sign in at every workstation of the unit (app/account_keys.py)."""
    check_password(password, username)
    _require_key(store)
    officer = people.add_officer(
        store, actor, username=username, display_name=display_name, role=role, unit_code=unit_code
    )
    account_key = account_keys.new_account_key(password)
    _set_account_key(store, actor, officer.username, account_key, "first account key")
    account_keys.refresh_slots(store)
    return officer


def _require_key(store: Store) -> None:
    if store.key is None:
        raise NotEncrypted("These records are not encrypted; passwords cannot be set.")
    _slots(store.path)


def _set_account_key(store: Store, actor: Actor, username: str, account_key: str, why: str) -> None:
    with write(store, actor) as w:
        officer = _officer_by_username(w.session, username)
        if officer is None:
            raise NotFound("There is no account called {username}.", username=username)
        w.update(officer, {"account_key": account_key}, detail=why)


def change_password(
    store: Store, signed_in: SignedIn, *, old_password: str, new_password: str
) -> None:
    check_password(new_password, signed_in.username)
    if old_password == new_password:
        raise ValidationError("The new password must differ from the old one.", "password")
    _require_key(store)
    verify_at_desk(store, signed_in.username, old_password, action="password check")
    with store.reading() as session:
        officer = _officer_by_username(session, signed_in.username)
    current = officer.account_key if officer else ""
    # The same key pair under the new password: other workstations just take the new wrapping.
    account_key = account_keys.rewrapped_account_key(current, old_password, new_password)
    _set_account_key(store, signed_in.actor(), signed_in.username, account_key, "password changed")
    record_event(store, signed_in.actor(), "password changed", "officer", signed_in.officer_id, "")
    account_keys.refresh_slots(store)


def reset_password(store: Store, actor: Actor, *, username: str, new_password: str) -> bool:
    """An admin sets a new password; the old one is never shown (it is not stored anywhere).

    The account gets a new key pair in the same audited transaction (so a refusal is audited
    too); every workstation of the unit replaces its slot for the old pair after a sync.  The
    store is then re-keyed (:func:`rekey`), so the old password opens no copy of the key file;
    returns whether that happened now (False: owed, see ``store/rekey.py``)."""
    _require_key(store)
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="reset passwords")
        officer = _officer_by_username(w.session, username)
        if officer is None:
            raise NotFound("There is no account called {username}.", username=username)
        check_password(new_password, officer.username)
        w.update(
            officer,
            {"account_key": account_keys.new_account_key(new_password)},
            detail="new account key (password reset)",
        )
        w.audit_only("password reset", "officer", officer.id, f"by {actor.name}")
    account_keys.refresh_slots(store)
    return rekey(store, actor, why=f"password of {officer.username} reset")


def _require_another_admin(session: Session, officer: Officer) -> None:
    """Refuse a change that would leave the store without an active admin (no one could
    then manage accounts or reset a forgotten password)."""
    others = session.exec(
        select(Officer).where(
            Officer.role == Role.ADMIN.value,
            col(Officer.active).is_(True),
            Officer.id != officer.id,
        )
    ).first()
    if others is None:
        raise ValidationError(
            ("{username} is the only active admin; make another account admin first."),
            "username",
            username=officer.username,
        )


def set_role(store: Store, actor: Actor, *, username: str, role: Role | str) -> None:
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError("Role “{role}” is unknown.", "role", role=role) from None
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="change roles")
        officer = _officer_by_username(w.session, username)
        if officer is None:
            raise NotFound("There is no account called {username}.", username=username)
        if officer.role == Role.ADMIN and role is not Role.ADMIN:
            _require_another_admin(w.session, officer)
        w.update(officer, {"role": role.value}, detail=f"role {officer.role} -> {role.value}")


def deactivate(store: Store, actor: Actor, *, username: str) -> bool:
    """Close an account: it can no longer sign in here; its history stays.  The store is
    re-keyed, so the closed account's password opens no copy of the key file; returns whether
    that happened now (False: owed, see ``store/rekey.py``)."""
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="close accounts")
        officer = _officer_by_username(w.session, username)
        if officer is None:
            raise NotFound("There is no account called {username}.", username=username)
        if officer.id == actor.officer_id:
            raise ValidationError("You cannot close your own account.", "username")
        if officer.role == Role.ADMIN:
            _require_another_admin(w.session, officer)
        w.update(officer, {"active": False}, detail="account closed")
    _slots(store.path).remove(officer.username)
    account_keys.refresh_slots(store)  # (and on every other workstation after a sync)
    return rekey(store, actor, why=f"account {officer.username} closed")


def rekey(store: Store, actor: Actor, *, why: str, always: bool = False) -> bool:
    """Re-key the store if a slot was revoked (or a re-key is owed), audited.  True when no
    revoked password opens the store any more (re-keyed now, or nothing was owed); False when
    the re-key is owed (another program has the store open: it happens at the next sign-in, or
    with ``officer-desk-admin rekey``).  ``always``: re-key even when nothing is owed (an
    admin asking for it)."""
    if always:
        with write(store, actor) as w:  # admins only (and audited when refused)
            access.require_role(w.session, actor, Role.ADMIN, what="change the store's key")
        _slots(store.path).owe_rekey()
    if not settle_owed(store):
        return not _slots(store.path).rekey_owed
    account_keys.refresh_slots(store)  # a slot added while the re-key ran gets the new key
    record_event(store, actor, "rekey", "store", None, f"new store key: {why}")
    return True


# --- converting a plain store ------------------------------------------------------------


def encrypt_plain_store(
    store_path: Path, *, username: str, password: str, backups: Path | None = None
) -> None:
    """Encrypt an existing plain store in place; no plain copy is left behind.

    ``username`` must be an active admin in the store; it gets the first key slot (the other
    accounts get theirs when an admin resets their password).  Plain backups beside the store
    are encrypted the same way.

    Crash safety: the key slot is saved before any file changes, and each file is swapped
    atomically, so an interrupted run leaves every file either plain or encrypted with a key
    the admin can open, and running the command again finishes the job.
    """
    backups = backups or store_path.parent / "backups"
    if not store_path.exists() or not is_plain_sqlite(store_path):
        raise ValidationError("These records are already encrypted.", "data_dir")
    check_password(password, username)
    plain = open_store(store_path, backups=backups)
    try:
        with plain.reading() as session:
            officer = _officer_by_username(session, username)
        if officer is None or not officer.active or officer.role != Role.ADMIN:
            raise ValidationError(
                "{username} is not an active admin in these records.", "username", username=username
            )
    finally:
        plain.close()
    # Fold the WAL into the main file so the export below sees every committed change.
    checkpoint = sqlite3.connect(store_path, isolation_level=None)
    try:
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        checkpoint.close()
    slots = KeySlots.for_store(store_path)
    if slots is None:
        slots, key = KeySlots.create(store_path)
        slots.put(username, password, key)
        slots.save()
    else:  # an earlier run was interrupted after saving the slot
        key = slots.unlock(username, password)
    for leftover in [*store_path.parent.glob("*.plain-old"), *backups.glob("*.plain-old")]:
        _overwrite(leftover)
        leftover.unlink()
    for path in [store_path, *sorted(backups.glob("*.sqlite"))]:
        if path.exists() and is_plain_sqlite(path):
            _encrypt_file(path, key)
    store = open_store(store_path, backups=backups, key=key)
    record_event(
        store,
        Actor(officer.id, officer.display_name, role=Role.ADMIN.value),
        "encrypt",
        "store",
        None,
        "plain store encrypted in place",
    )
    store.close()


def _encrypt_file(path: Path, key: bytes) -> None:
    temp = path.with_name(path.name + ".encrypting")
    temp.unlink(missing_ok=True)
    export_copy(path, temp, source_key=None, target_key=key)
    with open(temp, "rb+") as handle:
        os.fsync(handle.fileno())
    # Keep a second name for the plain inode, swap the encrypted file in atomically, then
    # zero the plain one through that name: no moment without a complete store file.
    old = path.with_name(path.name + ".plain-old")
    old.unlink(missing_ok=True)
    os.link(path, old)
    os.replace(temp, path)
    _overwrite(old)
    old.unlink()
    for suffix in ("-wal", "-shm", "-journal"):
        leftover = path.with_name(path.name + suffix)
        if leftover.exists():
            _overwrite(leftover)
            leftover.unlink()


def _overwrite(path: Path) -> None:
    """Zero a plain file before it is replaced, so its blocks do not keep the records
    (best effort: SSDs and copy-on-write file systems may keep old blocks elsewhere)."""
    size = path.stat().st_size
    with open(path, "rb+") as handle:
        handle.write(b"\0" * size)
        handle.flush()
        os.fsync(handle.fileno())
