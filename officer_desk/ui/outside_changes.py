"""Changes another process wrote to this store, announced like the desk's own.

The admin command line works on the same store file beside the open desk (``import-roster``,
``assign``, ``sync``).  Every change it makes goes through the write path and so leaves an
audit entry; every few seconds the database worker reads the entries after the last one seen
(one indexed query on the audit log's ``seq``), and what this window did not write itself is
announced on ``DbExecutor.changed`` as an :class:`OutsideChange`: home, the unit overview and
the person page refresh from it at once, as they do for a save of their own or a sync's pull
(``PulledChange``).  Nothing of it runs SQL on the GUI thread.

Which entries are this window's own: every write the desk makes is announced on
``DbExecutor.changed`` (its row ids) before the worker can read its audit entries, because
the one worker runs the write, then the poll, and delivers their results in that order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Slot

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor

if TYPE_CHECKING:
    from officer_desk.store.database import Store

POLL_MS = 3000
# What is read at most per poll: a roster of thousands is announced over a few polls.
BATCH = 5000
# The audit actions that change records (not sign-ins, locks, refusals, exports).
WRITES = ("create", "update", "amend", "void", "undo", "override", "setting", "purge")
# Tables whose rows name the person they are about: the change says whom it concerns.
ABOUT_A_PERSON = (
    "assignment",
    "meal_log",
    "activity_log",
    "conversation",
    "follow_up",
    "case_note",
    "enrolment",
    "certificate",
    "release_plan",
)


@dataclass
class OutsideChange(Change):
    """What another process wrote to this store (announced like any change)."""


@dataclass(frozen=True)
class Written:
    """The audit entries after ``since``: the newest ``seq`` read and what they changed."""

    last: int
    rows: list[tuple[str, str, str | None]]  # entity, row id, the person it concerns


def newest_entry(store: Store) -> int:
    with store.raw() as db:
        return int(db.execute("SELECT coalesce(max(seq), 0) FROM audit_entry").fetchone()[0])


def written_since(since: int) -> Callable[[Store], Written]:
    def work(store: Store) -> Written:
        with store.raw() as db:
            entries = db.execute(
                f"""SELECT seq, action, entity, entity_id FROM audit_entry
                     WHERE seq > ? ORDER BY seq LIMIT {BATCH}""",
                (since,),
            ).fetchall()
            if not entries:
                return Written(since, [])
            chosen = [
                (entity, entity_id)
                for _seq, action, entity, entity_id in entries
                if action in WRITES and entity_id
            ]
            people = _people_of(db, chosen)
        rows = [(entity, row_id, people.get((entity, row_id))) for entity, row_id in chosen]
        return Written(int(entries[-1][0]), rows)

    return work


def _people_of(db: Any, chosen: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Whom each changed row is about (a person's own record: themself)."""
    out: dict[tuple[str, str], str] = {}
    by_table: dict[str, list[str]] = {}
    for entity, row_id in chosen:
        if entity == "inmate":
            out[(entity, row_id)] = row_id
        elif entity in ABOUT_A_PERSON:
            by_table.setdefault(entity, []).append(row_id)
    for table, ids in by_table.items():
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ", ".join("?" * len(part))
            # ``table`` is one of ABOUT_A_PERSON, never text from the log.
            found = db.execute(f"SELECT id, inmate_id FROM {table} WHERE id IN ({marks})", part)
            for row_id, inmate_id in found.fetchall():
                out[(table, row_id)] = inmate_id
    return out


class OutsideChanges(QObject):
    """Polls the audit log on the database worker while someone works at the desk."""

    def __init__(self, executor: DbExecutor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self._seen: int | None = None  # the newest audit entry read (None: not started)
        self._own: set[str] = set()  # ids this window wrote since the last poll
        self._asking = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        executor.changed.connect(self._noted)

    @property
    def watching(self) -> bool:
        return self.timer.isActive()

    @Slot()
    def start(self) -> None:
        """From now on: what is already in the store is what the screens read at sign-in."""
        self._own.clear()
        self._executor.submit(newest_entry, self._started, self._failed, owner=self)

    def _started(self, seq: int) -> None:
        self._seen = seq
        self.timer.start()

    @Slot()
    def stop(self) -> None:
        self.timer.stop()
        self._seen = None

    @Slot()
    def poll(self) -> None:
        if self._seen is None or self._asking:
            return
        self._asking = True
        self._executor.submit(written_since(self._seen), self._arrived, self._failed, owner=self)

    def _arrived(self, written: Written) -> None:
        self._asking = False
        if self._seen is None:
            return  # stopped meanwhile (signed out)
        self._seen = written.last
        own, self._own = self._own, set()
        change = OutsideChange()
        for entity, row_id, inmate_id in written.rows:
            if row_id not in own:
                change.add(entity, row_id, inmate_id)
        if change.ids:
            self._executor.changed.emit(change)

    @Slot(object)
    def _noted(self, change: Change) -> None:
        if not isinstance(change, OutsideChange):
            self._own.update(change.ids)

    def _failed(self, error: BaseException) -> None:
        # A locked or busy store now is tried again at the next poll; a bug is a bug.
        self._asking = False
        from officer_desk.domain.errors import DeskError

        if not isinstance(error, DeskError):
            self._executor.failed.emit(error)
