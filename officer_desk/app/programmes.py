"""Use cases for programmes: the catalogue, enrolments and their status, milestones, certificates.

Hours and attendance are never typed: they come from activity logs of programme sessions
(``ActivityLog.programme_id``), see ``store.progress``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from officer_desk.app import access
from officer_desk.app.writes import Actor, Change, Writer, write
from officer_desk.domain import rules
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.domain.programmes import ENDS, EnrolmentStatus, check_transition
from officer_desk.paths import resource_dir
from officer_desk.store.database import Store
from officer_desk.store.tables import (
    Certificate,
    Enrolment,
    Inmate,
    MilestoneSignoff,
    Programme,
    ProgrammeMilestone,
)

CATEGORIES = ("vocational", "school")


def catalogue_template() -> Path:
    return resource_dir() / "templates" / "programmes.json"


@dataclass(frozen=True)
class MilestoneDraft:
    title_en: str
    title_nb: str
    expected_hours: int


def seed_catalogue(w: Writer, template: Path | None = None) -> int:
    """Add the template's programmes that the store does not have yet (by code)."""
    data = json.loads((template or catalogue_template()).read_text(encoding="utf-8"))
    have = set(w.session.exec(select(Programme.code)).all())
    added = 0
    for entry in data["programmes"]:
        if entry["code"] in have:
            continue
        _save(
            w,
            None,
            entry["code"],
            entry["name"]["en"],
            entry["name"]["nb"],
            entry["category"],
            [MilestoneDraft(m["en"], m["nb"], int(m["hours"])) for m in entry["milestones"]],
        )
        added += 1
    return added


def save_programme(
    store: Store,
    actor: Actor,
    *,
    code: str,
    name_en: str,
    name_nb: str,
    category: str,
    milestones: Sequence[MilestoneDraft],
    programme_id: str | None = None,
) -> Change:
    """Add a programme, or edit one (names, category, milestones renamed or appended)."""
    with write(store, actor) as w:
        access.require_role(w.session, actor, Role.ADMIN, what="edit the programme catalogue")
        _save(w, programme_id, code, name_en, name_nb, category, milestones)
        return w.change


def _save(
    w: Writer,
    programme_id: str | None,
    code: str,
    name_en: str,
    name_nb: str,
    category: str,
    milestones: Sequence[MilestoneDraft],
) -> Programme:
    code = rules.required_text(code, "code", "Programme code", 20).upper()
    values: dict[str, Any] = {
        "code": code,
        "name_en": rules.required_text(name_en, "name_en", "English name", 120),
        "name_nb": rules.required_text(name_nb, "name_nb", "Norwegian name", 120),
        "category": category,
    }
    if category not in CATEGORIES:
        raise ValidationError("Category must be vocational or school.", "category")
    if not milestones:
        raise ValidationError("A programme needs at least one milestone.", "milestones")
    for n, m in enumerate(milestones, start=1):
        rules.required_text(m.title_en, "milestones", f"Milestone {n} (English)", 200)
        rules.required_text(m.title_nb, "milestones", f"Milestone {n} (Norwegian)", 200)
        if not 0 <= m.expected_hours <= 2000:
            raise ValidationError(
                "Milestone {n}: expected hours must be 0–2000.", "milestones", n=n
            )
    clash = w.session.exec(select(Programme).where(Programme.code == code)).first()
    if clash is not None and clash.id != programme_id:
        raise ValidationError("There is already a programme with code {code}.", "code", code=code)
    if programme_id is None:
        programme = Programme(**values)
        w.insert(programme, detail=f"programme {code}")
        existing: list[ProgrammeMilestone] = []
    else:
        found = w.session.get(Programme, programme_id)
        if found is None:
            raise NotFound("That programme does not exist.")
        programme = found
        w.update(programme, values)
        existing = list(
            w.session.exec(
                select(ProgrammeMilestone)
                .where(ProgrammeMilestone.programme_id == programme.id)
                .order_by(col(ProgrammeMilestone.position))
            ).all()
        )
    if len(milestones) < len(existing):
        raise ValidationError(
            "Milestones can be renamed or added, not removed: people may "
            "already have them signed off.",
            "milestones",
        )
    for position, draft in enumerate(milestones, start=1):
        fields: dict[str, Any] = {
            "title_en": draft.title_en.strip(),
            "title_nb": draft.title_nb.strip(),
            "expected_hours": draft.expected_hours,
        }
        if position <= len(existing):
            w.update(existing[position - 1], fields)
        else:
            w.insert(
                ProgrammeMilestone(programme_id=programme.id, position=position, **fields),
                detail=f"milestone {position} of {code}",
            )
    return programme


def enrol(
    store: Store,
    actor: Actor,
    *,
    inmate_id: str,
    programme_id: str,
    on: date,
    start_now: bool = False,
) -> Change:
    with write(store, actor) as w:
        if w.session.get(Inmate, inmate_id) is None:
            raise NotFound("That person is not registered on this workstation.")
        access.require_people(w.session, actor, [inmate_id], w.now.date(), "programmes")
        programme = w.session.get(Programme, programme_id)
        if programme is None or not programme.active:
            raise NotFound("That programme does not exist or is no longer offered.")
        if on > w.now.date():
            raise ValidationError("The enrolment date is in the future.", "on")
        ongoing = w.session.exec(
            select(Enrolment).where(
                Enrolment.inmate_id == inmate_id,
                Enrolment.programme_id == programme_id,
                col(Enrolment.status).not_in([s.value for s in ENDS]),
                col(Enrolment.deleted_at).is_(None),  # an enrolment undone never was
            )
        ).first()
        if ongoing is not None:
            raise ValidationError(
                "Already enrolled in {name_en} ({status}).",
                "programme",
                name_en=programme.name_en,
                status=ongoing.status,
            )
        status = EnrolmentStatus.ACTIVE if start_now else EnrolmentStatus.WAITING
        w.insert(
            Enrolment(
                inmate_id=inmate_id,
                programme_id=programme_id,
                status=status.value,
                enrolled_on=on,
                status_changed_at=w.now,
            ),
            detail=f"enrolled in {programme.code} ({status.value})",
        )
        return w.change


def change_status(
    store: Store,
    actor: Actor,
    *,
    enrolment_id: str,
    status: EnrolmentStatus | str,
    reason: str = "",
) -> Change:
    with write(store, actor) as w:
        enrolment = _enrolment(w.session, enrolment_id)
        access.require_people(w.session, actor, [enrolment.inmate_id], w.now.date(), "programmes")
        try:
            new = EnrolmentStatus(status)
        except ValueError:
            raise ValidationError(
                "Status “{status}” is unknown.", "status", status=status
            ) from None
        why = check_transition(enrolment.status, new, reason)
        w.update(
            enrolment,
            {
                "status": new.value,
                "status_changed_at": w.now,
                "status_reason": rules.limited_text(why, "reason", "Reason", 500),
            },
            detail=f"{enrolment.status} -> {new.value}",
        )
        return w.change


def sign_off_milestone(
    store: Store, actor: Actor, *, enrolment_id: str, milestone_id: str
) -> Change:
    with write(store, actor) as w:
        enrolment = _enrolment(w.session, enrolment_id)
        access.require_people(w.session, actor, [enrolment.inmate_id], w.now.date(), "programmes")
        milestone = w.session.get(ProgrammeMilestone, milestone_id)
        if milestone is None or milestone.programme_id != enrolment.programme_id:
            raise ValidationError("That milestone is not part of this programme.", "milestone")
        if enrolment.status not in (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED):
            raise ValidationError(
                ("Milestones are signed off on an active enrolment (this one is {status})."),
                "status",
                status=enrolment.status,
            )
        done = w.session.exec(
            select(MilestoneSignoff).where(
                MilestoneSignoff.enrolment_id == enrolment_id,
                MilestoneSignoff.milestone_id == milestone_id,
            )
        ).first()
        if done is not None:
            raise ValidationError("This milestone is already signed off.", "milestone")
        w.insert(
            MilestoneSignoff(
                enrolment_id=enrolment_id,
                milestone_id=milestone_id,
                signed_at=w.now,
                signed_by=actor.officer_id,
            ),
            detail=f"milestone {milestone.position} signed off",
        )
        w.change.inmate_ids.add(enrolment.inmate_id)
        return w.change


def record_certificate(
    store: Store,
    actor: Actor,
    *,
    inmate_id: str,
    title: str,
    issued_on: date,
    issuer: str = "",
    programme_id: str | None = None,
) -> Change:
    with write(store, actor) as w:
        if w.session.get(Inmate, inmate_id) is None:
            raise NotFound("That person is not registered on this workstation.")
        access.require_people(w.session, actor, [inmate_id], w.now.date(), "programmes")
        if issued_on > w.now.date():
            raise ValidationError("The certificate's date is in the future.", "issued_on")
        w.insert(
            Certificate(
                inmate_id=inmate_id,
                programme_id=programme_id,
                title=rules.required_text(title, "title", "Certificate", 200),
                issued_on=issued_on,
                issuer=rules.limited_text(issuer, "issuer", "Issuer"),
            ),
            detail="certificate recorded",
        )
        return w.change


def _enrolment(session: Session, enrolment_id: str) -> Enrolment:
    enrolment = session.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise NotFound("That enrolment does not exist.")
    return enrolment
