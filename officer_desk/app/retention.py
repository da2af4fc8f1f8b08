"""Retention: the records of people released long ago are removed from the workstation.

The period is a workstation setting (``app.settings.RETENTION_YEARS``: years after the
expected release date, 5 unless an admin sets it).  :func:`purge` first takes an archive copy
of the whole store (encrypted with the store's own key, so it is as protected as the store),
then in ONE write transaction, for each person whose period has run out and who is no longer
assigned to anyone:

* deletes every row that belongs to them (meals, activities, notes and revisions,
  assignments, and whatever later tables point at the person), physically: the store runs
  with ``secure_delete``, so the deleted content is overwritten, not left in free pages;
* drops outbox entries for those rows that were never sent (their payloads carry the very
  text being removed; the hub no longer needs them);
* blanks the personal fields of the person's own row and marks it deleted through the write
  path, so the hub receives an ``update`` with ``deleted_at`` (a tombstone) and removes the
  person on every device;
* writes one audit entry per person that names the prison number and the number of rows,
  never a name;
* rewrites the timeline's search index without the deleted texts (FTS5 only marks a deleted
  row's words as gone until its segments are merged).

Then ``VACUUM`` rebuilds the file without the freed pages and the WAL is truncated, so
nothing of the removed records is left in the store's files.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, or_, select
from sqlalchemy.sql import Select
from sqlmodel import Session, SQLModel, col
from sqlmodel import select as sql_select

from officer_desk.app import access, settings
from officer_desk.app.writes import Actor, Change, write
from officer_desk.domain import permissions
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import ValidationError
from officer_desk.store import migrate, search
from officer_desk.store.database import Store, storage_errors
from officer_desk.store.errors import StorageProblem
from officer_desk.store.queries import active_assignment_filter
from officer_desk.store.tables import Assignment, Inmate, OutboxEntry

log = logging.getLogger("officer_desk.app")

ARCHIVE_LABEL = "purge-archive"
# The values a purged person's row keeps: nothing that says who they were (the hub checks it).
BLANK_PERSON = permissions.BLANK_PERSON


# --- the setting ----------------------------------------------------------------------------


def get_retention_years(store: Store) -> int:
    """Years after the expected release date that records are kept (default 5)."""
    return settings.get(store, settings.RETENTION_YEARS)


def check_years(years: int | str) -> int:
    """``years`` as a whole number of years in the allowed range, or ValidationError.

    Stricter than a plain int(): 2.5 or True is refused rather than read as 2 or 1, because
    this number decides when records are destroyed.
    """
    low, high = settings.RETENTION_YEARS.minimum, settings.RETENTION_YEARS.maximum
    problem = ValidationError(
        (
            "Records can be kept for {low} to {high} years after release; "
            "“{years}” is not a whole number in that range."
        ),
        "years",
        low=low,
        high=high,
        years=years,
    )
    if isinstance(years, bool):
        raise problem
    try:
        number = int(years.strip()) if isinstance(years, str) else int(years)
    except ValueError:
        raise problem from None
    if (not isinstance(years, str) and number != years) or not low <= number <= high:
        raise problem
    return number


def set_retention_years(store: Store, actor: Actor, years: int | str) -> int:
    """Set how many years after release records are kept (admin only, audited)."""
    return settings.set_value(store, actor, settings.RETENTION_YEARS, check_years(years))


# --- who is due ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpiredPerson:
    """Someone whose records are due for removal (no name: an admin does not see records)."""

    inmate_id: str
    prison_number: str
    expected_release_date: date
    keep_until: date


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def expired_people(session: Session, today: date, years: int) -> list[ExpiredPerson]:
    """People released more than ``years`` years before ``today`` and assigned to no one.

    Someone still assigned is kept even when the date has passed: the assignment says an
    officer still works with them (a later release date not yet entered, a return).
    """
    assigned = sql_select(Assignment.inmate_id).where(*active_assignment_filter(today)).distinct()
    rows = session.exec(
        sql_select(Inmate.id, Inmate.prison_number, col(Inmate.expected_release_date))
        .where(
            col(Inmate.deleted_at).is_(None),
            col(Inmate.expected_release_date).is_not(None),
            col(Inmate.id).not_in(assigned),
        )
        .order_by(Inmate.prison_number)
    ).all()
    result = []
    for inmate_id, number, released in rows:
        if released is None:  # excluded by the query; for the type checker
            continue
        keep_until = add_years(released, years)
        if keep_until < today:
            result.append(ExpiredPerson(inmate_id, number, released, keep_until))
    return result


def people_due(store: Store, actor: Actor, *, today: date) -> list[ExpiredPerson]:
    """Who the next purge would remove (a preview before purging); admin or system only."""
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="see whose records are due")
        return expired_people(w.session, today, _years(w.session))


def _years(session: Session) -> int:
    return settings.read(session, settings.RETENTION_YEARS)


# --- the purge -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgedPerson:
    inmate_id: str
    prison_number: str
    rows: int  # rows deleted, the person's own (blanked) row not counted


@dataclass(frozen=True)
class PurgeResult:
    people: list[PurgedPerson]
    years: int
    archive: Path | None  # None when nobody was due (no archive is needed)
    compacted: bool  # False when VACUUM could not run now (see compact())
    change: Change = field(default_factory=Change)

    @property
    def rows(self) -> int:
        return sum(person.rows for person in self.people)


def purge(store: Store, actor: Actor, *, today: date, archive_dir: Path) -> PurgeResult:
    """Archive the store, then remove the records of everyone whose retention has run out.

    Admin or system only; a refusal is audited.  Nothing is removed unless the archive copy
    was written.  Raises StorageProblem (disk full, locked) with nothing removed.
    """
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="remove old records")
        years = _years(w.session)
        due = expired_people(w.session, today, years)
    if not due:
        return PurgeResult([], years, None, True)
    with storage_errors():
        archive = migrate.backup_copy(store.path, archive_dir, ARCHIVE_LABEL, store.key)
    log.info("purge archive written to %s", archive)
    archived = {person.inmate_id for person in due}

    purged: list[PurgedPerson] = []
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="remove old records")
        # Only people in the archive, and only if still due now the write lock is held.
        for person in expired_people(w.session, today, years):
            if person.inmate_id not in archived:
                continue
            rows = _delete_records(w.session, person.inmate_id)
            inmate = w.session.get(Inmate, person.inmate_id)
            assert inmate is not None
            w.update(
                inmate,
                {**BLANK_PERSON, "deleted_at": w.now},
                detail=f"personal details removed after {years} years (retention)",
            )
            w.change.inmate_ids.add(person.inmate_id)
            w.audit_only(
                "purge",
                "inmate",
                person.inmate_id,
                f"purged records of {person.prison_number}: {rows} rows",
            )
            purged.append(PurgedPerson(person.inmate_id, person.prison_number, rows))
        if purged:
            # The search index forgets deleted texts by marking them; rewrite it without them.
            search.drop_forgotten_words(w.session.connection().connection.driver_connection)
        change = w.change
    return PurgeResult(purged, years, archive, compact(store), change)


def compact(store: Store) -> bool:
    """Rebuild the store file without free pages and empty the WAL; False if it must wait.

    Runs outside any transaction (VACUUM cannot run inside one).  Another program holding
    the store open can make it wait; the records are already removed then, and running it
    again later finishes the job.
    """
    raw = store.engine.raw_connection()
    try:
        with storage_errors():
            cursor = raw.cursor()
            # The driver is in autocommit mode (see store.database), so no BEGIN wraps these.
            cursor.execute("VACUUM")
            busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            cursor.close()
    except StorageProblem as problem:
        log.warning("store not compacted after purge: %s", problem.message)
        return False
    finally:
        raw.close()
    if busy:
        log.warning("WAL not truncated after purge: another connection is reading")
    return not busy


def _delete_records(session: Session, inmate_id: str) -> int:
    """Delete every row that belongs to the person, children first; returns how many.

    One DELETE per table, so a correction and the entry it corrects (a foreign key within
    the table) go in the same statement, where SQLite checks the keys only at its end.
    """
    outbox = OutboxEntry.__table__  # type: ignore[attr-defined]
    deleted = 0
    for table, owned_ids in _owned_rows(inmate_id):
        session.execute(
            delete(outbox).where(outbox.c.entity == table.name, outbox.c.entity_id.in_(owned_ids))
        )
        result = session.execute(delete(table).where(table.c.id.in_(owned_ids)))
        deleted += result.rowcount  # type: ignore[attr-defined]
    # The person's own earlier outbox entries carry their name; the tombstone replaces them.
    session.execute(
        delete(outbox).where(outbox.c.entity == "inmate", outbox.c.entity_id == inmate_id)
    )
    return deleted


def _owned_rows(inmate_id: str) -> list[tuple[Table, Select[Any]]]:
    """(table, SELECT of the ids that belong to the person), children before parents.

    Found from the foreign keys, so a table added later (conversations, follow-ups, ...) is
    included without changing this code: a row belongs to the person when it points at the
    person or at a row that belongs to them.
    """
    tables = SQLModel.metadata.sorted_tables  # parents before children
    inmate = SQLModel.metadata.tables["inmate"]
    owned: dict[str, Select[Any]] = {
        inmate.name: select(inmate.c.id).where(inmate.c.id == inmate_id)
    }
    order: list[Table] = []
    for table in tables:
        if table.name in owned:
            continue
        conditions = [
            column.in_(owned[fk.column.table.name])
            for column in table.columns
            for fk in column.foreign_keys
            if fk.column.table.name in owned and fk.column.table is not table
        ]
        if conditions:
            owned[table.name] = select(table.c.id).where(or_(*conditions))
            order.append(table)
    return [(table, owned[table.name]) for table in reversed(order)]
