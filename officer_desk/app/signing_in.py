"""Signing in without the database stack: unwrap the key slot, open the store, find the officer.

This is all the first screen waits for: the key slots (Argon2id, deliberately slow), the
light store handle and one DB-API query.  The sign-in is audited through the single write
path (``accounts.audit_sign_in``) as a job of its own on the same worker: the desk queues
it once its first screen is painted, before any other write can run, and the command line
(``accounts.sign_in``) at once.  Imports nothing of SQLAlchemy, SQLModel or pydantic
(``tests/unit/test_layers.py`` checks).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from officer_desk.app.actor import Actor
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import DeskError, NotFound
from officer_desk.store.connect import is_plain_sqlite
from officer_desk.store.database import Store, open_store
from officer_desk.store.keyslots import KeySlots, WrongPassword


@dataclass(frozen=True)
class SignedIn:
    """The officer working at the desk now."""

    officer_id: str
    username: str
    display_name: str
    role: Role
    unit_id: str

    def actor(self, workstation: str | None = None) -> Actor:
        if workstation is None:
            return Actor(self.officer_id, self.display_name, role=self.role.value)
        return Actor(self.officer_id, self.display_name, workstation, role=self.role.value)


class NotEncrypted(DeskError):
    pass


def key_slots(store_path: Path) -> KeySlots:
    """The store's key slots; NotEncrypted for a plain store, NotFound when there is none."""
    slots = KeySlots.for_store(store_path)
    if slots is None:
        if store_path.exists() and is_plain_sqlite(store_path):
            raise NotEncrypted(
                "These records are not encrypted yet. Facility IT: run "
                "'officer-desk-admin encrypt --user ADMIN' once to protect them."
            )
        raise NotFound(
            "There are no records on this workstation yet. Set it up first "
            "('officer-desk-admin init', or try it with demo data)."
        )
    return slots


def open_with_password(
    store_path: Path, username: str, password: str, *, backups: Path | None = None
) -> tuple[Store, SignedIn]:
    """Open the store with an account's password; not yet audited (see the module doc)."""
    key = key_slots(store_path).unlock(username, password)  # failures counted in the slots
    store = open_store(store_path, backups=backups, key=key)
    try:
        return store, find_officer(store, username)
    except BaseException:
        store.close()
        raise


def find_officer(store: Store, username: str) -> SignedIn:
    """The active account called ``username``; an unknown one is answered like a wrong
    password (no hint which names exist), a closed one says so."""
    with store.raw() as db:
        row = db.execute(
            "SELECT id, username, display_name, role, unit_id, active FROM officer "
            "WHERE username = ?",
            (username.strip().lower(),),
        ).fetchone()
    if row is None:
        raise WrongPassword(0)
    if not row[5]:
        raise DeskError(
            "This account has been closed. Ask an admin if you should still have access."
        )
    return SignedIn(str(row[0]), str(row[1]), str(row[2]), Role(row[3]), str(row[4]))
