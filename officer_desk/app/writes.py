"""The single write path: every change a person makes goes through :func:`write`.

Inside one SQLite transaction a service validates its input, then through the ``Writer``
inserts or updates rows; the Writer stamps the sync columns, appends a hash-chained audit
entry and an outbox entry per row.  If anything raises, nothing of it is written.  The
result is a :class:`Change` that says what changed, so screens can refresh from one signal.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, SQLModel

from officer_desk.app.actor import Actor
from officer_desk.app.change import Change
from officer_desk.domain import permissions, signing
from officer_desk.domain.errors import PermissionDenied
from officer_desk.domain.ids import new_id
from officer_desk.store import audit
from officer_desk.store.database import Store, utc_now
from officer_desk.store.signed_outbox import (
    fields_of,
    plain_value,
    sign_entry,
    sign_waiting,
)
from officer_desk.store.tables import SYNC_SCHEMA_VERSION, OutboxEntry, Synced

OUTBOX = OutboxEntry.__table__  # type: ignore[attr-defined]


def entity_of(row: SQLModel) -> str:
    return str(row.__class__.__tablename__)


class Writer:
    """The only object that writes rows; one per transaction.

    Rows go to the session as they come; rows of one table in a row are flushed together
    (one ``executemany``), and before a row of another table, so rows always reach the
    database in the order they were written (no relationships tell SQLAlchemy that order).
    The audit and outbox entries are collected and inserted at :meth:`finish`, with one
    look-up of the audit chain's end for the whole transaction.
    """

    def __init__(self, session: Session, store: Store, actor: Actor) -> None:
        self.session = session
        self.store = store
        self.actor = actor
        self.now = utc_now()
        self.change = Change()
        self._audits: list[audit.Draft] = []
        self._outbox: list[dict[str, Any]] = []
        self._unflushed: str | None = None  # the table of the rows added but not flushed
        self._author: permissions.Author | bool | None = False  # False: not looked up yet

    def insert(self, row: Synced, *, detail: str = "", action: str = "create") -> Synced:
        if entity_of(row) in permissions.GUARDED:
            self._check_rules(row, "insert", None, fields_of(row))
        self._stamp(row)
        self._add(row)
        self._record(row, action, "insert", detail)
        return row

    def update(
        self, row: Synced, values: dict[str, Any], *, detail: str = "", action: str = "update"
    ) -> Synced:
        """Set fields on a row; the outbox op carries only the changed fields (per-field LWW)."""
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if not changed:
            return row
        self._flush_unless(entity_of(row))
        if entity_of(row) in permissions.GUARDED:
            self._check_rules(row, "update", fields_of(row), {**changed, "id": row.id})  # type: ignore[attr-defined]
        for key, value in changed.items():
            setattr(row, key, value)
        self._stamp(row)
        self._add(row)
        fields = ", ".join(sorted(changed))
        self._record(row, action, "update", detail or f"changed {fields}", only=set(changed))
        return row

    def audit_only(self, action: str, entity: str, entity_id: str | None, detail: str) -> None:
        """An audited event that changes no synced row (e.g. an export, a bulk seed)."""
        self._audit(action, entity, entity_id, detail)

    def finish(self) -> None:
        """Write what is still pending: the last rows, then the audit and outbox entries."""
        self.session.flush()
        self._unflushed = None
        audit.append_many(self.session.connection().connection.driver_connection, self._audits)
        if self._outbox:
            self.session.connection().execute(insert(OUTBOX), self._outbox)
        self._audits, self._outbox = [], []

    def _add(self, row: Synced) -> None:
        self._flush_unless(entity_of(row))
        self.session.add(row)
        self._unflushed = entity_of(row)

    def _flush_unless(self, entity: str) -> None:
        if self._unflushed is not None and self._unflushed != entity:
            self.session.flush()
            self._unflushed = None

    def _check_rules(
        self, row: Synced, op: str, current: dict[str, Any] | None, values: dict[str, Any]
    ) -> None:
        """The rules the hub applies (domain/permissions.py), checked here first, so a change
        the hub would refuse is refused in words before it is written.  The workstation holds
        only its own unit's records, so the record's unit is the author's.  Local tools acting
        for facility IT (``system``) write before a store is on a hub; their changes are signed
        by the admin who enrols it or signs in next, and the hub checks that admin."""
        entity = entity_of(row)
        if self.actor.is_system or entity not in permissions.GUARDED:
            return
        author = self._author_facts()
        if author is None:
            return  # someone the store does not know: the services' own checks refuse them
        change = permissions.Change(
            entity=entity,
            op=op,
            record_unit=author.unit_id,
            current=current,
            values={k: plain_value(v) for k, v in values.items()},
        )
        reason = permissions.refusal(author, change)
        if reason is not None:
            raise PermissionDenied(reason, entity=entity, entity_id=str(row.id))  # type: ignore[attr-defined]

    def _author_facts(self) -> permissions.Author | None:
        if self._author is False:
            from officer_desk.store.tables import Officer

            officer = (
                self.session.get(Officer, self.actor.officer_id) if self.actor.officer_id else None
            )
            self._author = (
                None
                if officer is None
                else permissions.Author(
                    officer_id=officer.id,
                    role=str(officer.role),
                    unit_id=officer.unit_id,
                    active=officer.active,
                )
            )
        assert self._author is not True
        return self._author

    def _stamp(self, row: Synced) -> None:
        row.updated_hlc = self.store.clock.now()
        row.updated_by = self.actor.officer_id
        row.device_id = self.store.device_id

    def _record(
        self, row: Synced, action: str, op: str, detail: str, only: set[str] | None = None
    ) -> None:
        entity = entity_of(row)
        row_id = str(row.id)  # type: ignore[attr-defined]
        data = fields_of(row)
        if only is not None:
            keep = only | {"id", "updated_hlc", "updated_by", "device_id"}
            data = {k: data[k] for k in keep}
        entry = {
            "op_id": new_id(),
            "entity": entity,
            "entity_id": row_id,
            "op": op,
            "payload": signing.canonical_json(data),
            "schema_version": SYNC_SCHEMA_VERSION,
            "hlc": row.updated_hlc,
            "created_at": self.now,
            "signer": self.actor.officer_id,
            "signature": None,
        }
        key = self.store.signers.get(self.actor.officer_id) if self.actor.officer_id else None
        if key is not None:
            entry["signature"] = sign_entry(key, entry, data)
        self._outbox.append(entry)
        self._audit(action, entity, row_id, detail)
        self.change.add(entity, row_id, getattr(row, "inmate_id", None))

    def _audit(self, action: str, entity: str, entity_id: str | None, detail: str) -> None:
        self._audits.append(
            audit.Draft(
                at=self.now,
                actor_id=self.actor.officer_id,
                actor_name=self.actor.name,
                workstation=self.actor.workstation,
                action=action,
                entity=entity,
                entity_id=entity_id,
                detail=detail,
            )
        )


@contextmanager
def write(store: Store, actor: Actor) -> Iterator[Writer]:
    """Open the one transaction a use case writes in; commit on success, else nothing.

    A refusal (PermissionDenied) rolls the change back like any error, and is then itself
    audited in a transaction of its own, so attempts outside one's scope leave a trace.
    """
    with refusals_audited(store, actor), store.writing() as session:
        writer = Writer(session, store, actor)
        yield writer
        writer.finish()


@contextmanager
def refusals_audited(store: Store, actor: Actor) -> Iterator[None]:
    """Audit a refusal (PermissionDenied) raised inside as "denied", in a transaction of its
    own, and let it go on: for writes (``write``) and for reads a role guards (the conflicts
    inbox), so every attempt outside one's rights leaves a trace."""
    try:
        yield
    except PermissionDenied as refusal:
        record_event(store, actor, "denied", refusal.entity, refusal.entity_id, refusal.message)
        raise


def record_event(
    store: Store, actor: Actor, action: str, entity: str, entity_id: str | None, detail: str
) -> None:
    """Audit something that changes no record (a login, a refusal, opening a sensitive note)."""
    with store.writing() as session:
        writer = Writer(session, store, actor)
        writer.audit_only(action, entity, entity_id, detail)
        writer.finish()


def sign_queued(store: Store, actor: Actor) -> int:
    """At a sign-in: sign this person's own changes queued before signed changes existed
    (store.signed_outbox.sign_waiting).  Audited when there were any."""
    if not actor.officer_id or actor.officer_id not in store.signers:
        return 0
    with store.raw() as db:
        waiting = db.execute(
            "SELECT count(*) FROM outbox_entry WHERE signature IS NULL AND signer = ?",
            (actor.officer_id,),
        ).fetchone()[0]
    if not waiting:
        return 0
    with write(store, actor) as w:
        db = w.session.connection().connection.driver_connection
        count = sign_waiting(store, db, legacy_of=actor.officer_id)
        if count:
            w.audit_only(
                "sign",
                "outbox_entry",
                None,
                f"signed {count} change{'' if count == 1 else 's'} queued earlier",
            )
    return count
