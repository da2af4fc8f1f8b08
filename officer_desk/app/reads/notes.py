"""What the note dialog reads, as work for the database worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.store.queries import NoteRevision


def read_revisions(note_id: str) -> Callable[[Store], list[NoteRevision]]:
    """Every revision of a note, oldest first, with who wrote it."""

    def work(store: Store) -> list[NoteRevision]:
        from officer_desk.store.queries import note_revisions

        with store.reading() as session:
            return note_revisions(session, note_id)

    return work
