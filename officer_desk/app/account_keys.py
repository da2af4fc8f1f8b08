"""Account keys: keeping this workstation's key slots in step with the officers of its unit.

Every account has a key pair (``store.keyslots.AccountKey``) in its officer record, which syncs
through the hub.  Whenever the store is open and the officer records may have changed (after a
pull, after an account is created, reset, changed or closed here), ``refresh_slots`` seals the
store key to every active officer of the unit that has no slot for its key yet, follows password
changes and resets made elsewhere, and removes the slots of closed accounts.  Key pairs made
here when an old password slot was upgraded at sign-in are written to the officer record first,
so they travel too.  See docs/ARCHITECTURE.md, "Account keys".
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from officer_desk.domain.errors import ValidationError
from officer_desk.store.keyslots import AccountKey, DamagedKey, KdfParams, KeySlots

if TYPE_CHECKING:
    from officer_desk.store.database import Store

# The ORM and the write path are imported where they are used: accounts.py imports this module
# and must stay light enough for a quick sign-in (see store/home.py).

log = logging.getLogger("officer_desk.accounts")

SYNC_UNIT_SETTING = "sync.unit"  # sync.client.K_UNIT: the unit this workstation is enrolled for


def new_account_key(password: str, kdf: KdfParams | None = None) -> str:
    """A new key pair wrapped under ``password``, as the officer record's text (one Argon2id)."""
    return AccountKey.create(password, kdf).to_text()


def rewrapped_account_key(
    current: str, old_password: str, new_password: str, kdf: KdfParams | None = None
) -> str:
    """The same key pair under ``new_password`` (a password change keeps the pair, so other
    workstations only copy the new wrapping); a new pair when there is none or it will not open
    (an account from before account keys, or a damaged record)."""
    if current:
        try:
            private = AccountKey.from_text(current).private_key(old_password)
        except DamagedKey:  # start afresh rather than keep a broken record
            private = None
        if private is not None:
            return AccountKey.create(new_password, kdf, private).to_text()
    return new_account_key(new_password, kdf)


def refresh_slots(store: Store) -> list[str]:
    """Bring this workstation's key slots in line with the officer records; returns the user
    names whose account key is damaged (their slots are left as they were, and logged)."""
    if store.key is None:
        return []  # a plain store has no slots
    slots = KeySlots.for_store(store.path)
    if slots is None:
        return []
    from sqlmodel import col, select

    from officer_desk.store.tables import LocalSetting, Officer, Unit

    _publish(store, slots)
    with store.reading() as session:
        unit_code = session.get(LocalSetting, SYNC_UNIT_SETTING)
        unit = (
            None
            if unit_code is None
            else session.exec(select(Unit.id).where(Unit.code == unit_code.value)).first()
        )
        query = select(Officer.username, Officer.account_key).where(col(Officer.active).is_(True))
        # Until the unit's own record has arrived (a first pull may bring the officers first),
        # every officer here counts: the hub only sends this unit's.
        if unit is not None:
            query = query.where(Officer.unit_id == unit)
        accounts = {username: account_key for username, account_key in session.exec(query)}
    damaged = slots.reconcile(accounts, store.key)
    for username in damaged:
        log.error("the account key of %s is damaged; its slot here was left as it was", username)
    return damaged


def publish_upgrades(store: Store) -> None:
    """Key pairs made at sign-in from an old password slot go into the officer records (before
    a push, so they reach the hub); cheap when there are none."""
    slots = KeySlots.for_store(store.path) if store.key is not None else None
    if slots is not None:
        _publish(store, slots)


def _publish(store: Store, slots: KeySlots) -> None:
    """Unless the record already has a key pair (made elsewhere: that one wins, and the slot
    follows it at the next refresh).

    On a workstation enrolled with a hub, a new key for an account is an admin's decision
    (signed changes, domain/permissions.py): the hub would refuse its owner's change, so the
    key stays on this workstation until an admin resets the password.  A standalone store
    keeps it in the record (an admin signs the store's contents when it is enrolled)."""
    pending = slots.unpublished()
    if not pending:
        return
    from sqlmodel import col, select

    from officer_desk.app.writes import Actor, write
    from officer_desk.store.tables import LocalSetting, Officer

    with write(store, Actor.system("account keys")) as w:
        if w.session.get(LocalSetting, "sync.token") is not None:
            log.info("keys made at sign-in wait for an admin's reset: %d", len(pending))
        else:
            officers = w.session.exec(select(Officer).where(col(Officer.active).is_(True))).all()
            for officer in officers:
                text = pending.get(slots.slot_id(officer.username))
                if text is not None and not officer.account_key:
                    w.update(officer, {"account_key": text}, detail="account key made at sign-in")
    for slot_id in pending:
        slots.mark_published(slot_id)


def create_joining_store(store_path: Path, *, backups: Path | None = None) -> Store:
    """An empty encrypted store for a workstation that joins a unit already on the hub.

    It has a store key but no slot yet: keep it open, enrol it and sync; the pulled officer
    records give every active officer of the unit a sealed slot.  Closed before that, nobody
    could open it (``has_accounts`` tells)."""
    if store_path.exists() or KeySlots.for_store(store_path) is not None:
        raise ValidationError(
            "There are already records on this workstation; nothing was changed.", "data_dir"
        )
    from officer_desk.store.database import open_store

    slots, key = KeySlots.create(store_path)
    slots.save()
    return open_store(store_path, backups=backups, key=key)


def has_accounts(store: Store) -> bool:
    """Whether anyone can sign in to this store once it is closed."""
    slots = KeySlots.for_store(store.path)
    return slots is not None and len(slots) > 0
