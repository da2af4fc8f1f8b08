"""Use cases for case notes: every text is a revision, amendments never overwrite."""

from __future__ import annotations

from sqlmodel import func, select

from officer_desk.app import access
from officer_desk.app.writes import Actor, Change, write
from officer_desk.domain import rules
from officer_desk.domain.enums import NoteKind
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.store.database import Store
from officer_desk.store.tables import CaseNote, CaseNoteRevision, Inmate


def add_note(
    store: Store,
    actor: Actor,
    *,
    inmate_id: str,
    kind: NoteKind | str,
    text: str,
    sensitive: bool = False,
) -> Change:
    try:
        kind = NoteKind(kind)
    except ValueError:
        raise ValidationError(
            ("Note type “{kind}” is unknown; use positive, general, concern or safety."),
            "kind",
            kind=kind,
        ) from None
    body = rules.required_text(text, "text", "The note", rules.MAX_NOTE_TEXT)
    with write(store, actor) as w:
        if w.session.get(Inmate, inmate_id) is None:
            raise NotFound("That person is not registered on this workstation.")
        access.require_people(w.session, actor, [inmate_id], w.now.date(), "notes")
        note = CaseNote(
            inmate_id=inmate_id,
            kind=kind.value,
            sensitive=sensitive,
            created_at=w.now,
            created_by=actor.officer_id,
        )
        w.insert(note, detail=f"{kind.value} note" + (" (sensitive)" if sensitive else ""))
        w.insert(
            CaseNoteRevision(
                note_id=note.id, number=1, text=body, written_at=w.now, written_by=actor.officer_id
            ),
            detail="revision 1",
        )
        w.change.inmate_ids.add(inmate_id)
        return w.change


def amend_note(store: Store, actor: Actor, *, note_id: str, text: str, reason: str = "") -> Change:
    """Append a new revision; earlier ones stay readable with their author and time.
    ``reason``: why it is corrected (audited with the revision)."""
    body = rules.required_text(text, "text", "The amended note", rules.MAX_NOTE_TEXT)
    with write(store, actor) as w:
        note = w.session.get(CaseNote, note_id)
        if note is None or note.deleted_at is not None:
            raise NotFound("That note does not exist.")
        access.require_people(w.session, actor, [note.inmate_id], w.now.date(), "notes")
        last = (
            w.session.exec(
                select(func.max(CaseNoteRevision.number)).where(CaseNoteRevision.note_id == note_id)
            ).one()
            or 0
        )
        w.insert(
            CaseNoteRevision(
                note_id=note_id,
                number=last + 1,
                text=body,
                written_at=w.now,
                written_by=actor.officer_id,
            ),
            action="amend",
            detail=f"revision {last + 1}" + (f": {reason.strip()}" if reason.strip() else ""),
        )
        w.change.inmate_ids.add(note.inmate_id)
        return w.change
