"""Use cases for release plans: made from the template, worked item by item, signed off only
when the gate is met (or a supervisor overrides it with a written reason)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from officer_desk.app import access
from officer_desk.app.writes import Actor, Change, write
from officer_desk.domain import release as rules_release
from officer_desk.domain import rules
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.domain.release import GateRole, ItemStatus, PlanItemState
from officer_desk.paths import resource_dir
from officer_desk.store.database import Store
from officer_desk.store.tables import (
    Inmate,
    Officer,
    Referral,
    ReleasePlan,
    ReleasePlanItem,
    ReleaseSignoff,
)


def plan_template() -> Path:
    return resource_dir() / "templates" / "release_plan.json"


def load_template(path: Path | None = None) -> dict[str, Any]:
    return json.loads((path or plan_template()).read_text(encoding="utf-8"))


def create_plan(
    store: Store, actor: Actor, *, inmate_id: str, release_date: date, template: Path | None = None
) -> Change:
    data = load_template(template)
    with write(store, actor) as w:
        inmate = w.session.get(Inmate, inmate_id)
        if inmate is None:
            raise NotFound("That person is not registered on this workstation.")
        access.require_people(w.session, actor, [inmate_id], w.now.date(), "release plans")
        rules_release.check_release_date(release_date, w.now.date())
        if w.session.exec(select(ReleasePlan).where(ReleasePlan.inmate_id == inmate_id)).first():
            raise ValidationError("This person already has a release plan.", "plan")
        plan = ReleasePlan(
            inmate_id=inmate_id,
            release_date=release_date,
            template_code=data["code"],
            created_at=w.now,
            created_by=actor.officer_id,
        )
        w.insert(plan, detail=f"release plan for {release_date.isoformat()}")
        position = 0
        for pathway in data["pathways"]:
            for item in pathway["items"]:
                position += 1
                gate_role = item.get("gate")
                if gate_role is not None:
                    GateRole(gate_role)  # a template typo fails loudly here, not silently
                w.insert(
                    ReleasePlanItem(
                        plan_id=plan.id,
                        pathway=pathway["code"],
                        code=item["code"],
                        position=position,
                        title_en=item["en"],
                        title_nb=item["nb"],
                        offset_days=int(item["offset_days"]),
                        due_date=rules_release.due_date(release_date, int(item["offset_days"])),
                        gate_role=gate_role,
                    ),
                    detail=f"plan item {item['code']}",
                )
        if inmate.expected_release_date != release_date:
            w.update(inmate, {"expected_release_date": release_date})
        w.change.inmate_ids.add(inmate_id)
        return w.change


def _item(
    session: Session, actor: Actor, item_id: str, today: date
) -> tuple[ReleasePlanItem, ReleasePlan]:
    item = session.get(ReleasePlanItem, item_id)
    if item is None:
        raise NotFound("That plan item does not exist (unknown template item).")
    plan = session.get(ReleasePlan, item.plan_id)
    assert plan is not None
    access.require_people(session, actor, [plan.inmate_id], today, "release plans")
    return item, plan


def update_item(
    store: Store,
    actor: Actor,
    *,
    item_id: str,
    status: str | None = None,
    owner: str | None = None,
    evidence: str | None = None,
) -> Change:
    values: dict[str, object] = {}
    if status is not None:
        try:
            values["status"] = ItemStatus(status).value
        except ValueError:
            choices = ", ".join(s.value for s in ItemStatus)
            raise ValidationError(
                "Status “{status}” is unknown; use one of {choices}.",
                "status",
                status=status,
                choices=choices,
            ) from None
    if owner is not None:
        values["owner"] = rules.limited_text(owner, "owner", "Owner", 120)
    if evidence is not None:
        values["evidence"] = rules.limited_text(evidence, "evidence", "Evidence", 2000)
    with write(store, actor) as w:
        item, plan = _item(w.session, actor, item_id, w.now.date())
        _check_dispute(item.status, values.get("status"))
        if (
            values.get("status") == ItemStatus.DONE
            and item.gate_role
            and not str(values.get("evidence") or item.evidence).strip()
        ):
            raise ValidationError(
                "Say what confirms this (e.g. the letter or the contact).", "evidence"
            )
        w.update(item, values)
        w.change.inmate_ids.add(plan.inmate_id)
        return w.change


def _check_dispute(current: str, chosen: object) -> None:
    """Only sync makes an item disputed, and only a supervisor's decision (Unit → Conflicts,
    ``app.conflicts``) ends it: the checklist's save may keep that status, never set or
    change it."""
    if chosen is None or chosen == current:
        return
    if current == ItemStatus.DISPUTED:
        raise ValidationError(
            "This item is disputed: two officers set different statuses while apart. "
            "A supervisor decides it under Unit → Sync conflicts; its owner and evidence "
            "can still be saved.",
            "status",
        )
    if chosen == ItemStatus.DISPUTED:
        raise ValidationError(
            "An item becomes disputed only when two officers set different statuses while "
            "apart; choose the status it has.",
            "status",
        )


def add_referral(
    store: Store,
    actor: Actor,
    *,
    item_id: str,
    agency: str,
    sent_on: date,
    consent: bool,
    answer: str = "",
) -> Change:
    with write(store, actor) as w:
        _item_row, plan = _item(w.session, actor, item_id, w.now.date())
        if not consent:
            raise ValidationError(
                "A referral is only sent with the person's consent; record their consent first.",
                "consent",
            )
        if sent_on > w.now.date():
            raise ValidationError("The referral's date is in the future.", "sent_on")
        w.insert(
            Referral(
                item_id=item_id,
                agency=rules.required_text(agency, "agency", "Agency", 200),
                sent_on=sent_on,
                consent=consent,
                answer=rules.limited_text(answer, "answer", "Answer", 2000),
            ),
            detail="referral sent",
        )
        w.change.inmate_ids.add(plan.inmate_id)
        return w.change


@dataclass(frozen=True)
class MovedItem:
    title_en: str
    title_nb: str
    old_due: date
    new_due: date


def change_release_date(
    store: Store, actor: Actor, *, inmate_id: str, release_date: date
) -> list[MovedItem]:
    """Move the release date; due dates of open items follow it.  Returns what moved, so the
    person can be shown."""
    with write(store, actor) as w:
        access.require_people(w.session, actor, [inmate_id], w.now.date(), "release plans")
        plan = w.session.exec(select(ReleasePlan).where(ReleasePlan.inmate_id == inmate_id)).first()
        if plan is None:
            raise NotFound("This person has no release plan yet.")
        rules_release.check_release_date(release_date, w.now.date())
        moved = []
        for item in w.session.exec(
            select(ReleasePlanItem)
            .where(ReleasePlanItem.plan_id == plan.id)
            .order_by(col(ReleasePlanItem.position))
        ):
            if ItemStatus(item.status) in rules_release.RESOLVED:
                continue
            new_due = rules_release.due_date(release_date, item.offset_days)
            if new_due != item.due_date:
                moved.append(MovedItem(item.title_en, item.title_nb, item.due_date, new_due))
                w.update(item, {"due_date": new_due})
        w.update(
            plan,
            {"release_date": release_date},
            detail=f"release date {plan.release_date} -> {release_date}",
        )
        inmate = w.session.get(Inmate, inmate_id)
        if inmate is not None:
            w.update(inmate, {"expected_release_date": release_date})
        return moved


def plan_states(session: Session, plan_id: str) -> list[PlanItemState]:
    return [
        PlanItemState(
            ItemStatus(i.status), i.due_date, GateRole(i.gate_role) if i.gate_role else None
        )
        for i in session.exec(select(ReleasePlanItem).where(ReleasePlanItem.plan_id == plan_id))
    ]


def sign_off(
    store: Store, actor: Actor, *, inmate_id: str, override_reason: str | None = None
) -> Change:
    """The officer's or the supervisor's release sign-off (each once)."""
    with write(store, actor) as w:
        access.require_people(w.session, actor, [inmate_id], w.now.date(), "release plans")
        plan = w.session.exec(select(ReleasePlan).where(ReleasePlan.inmate_id == inmate_id)).first()
        if plan is None:
            raise NotFound("This person has no release plan yet.")
        officer = w.session.get(Officer, actor.officer_id) if actor.officer_id else None
        is_supervisor = officer is not None and officer.role == Role.SUPERVISOR
        role = "supervisor" if is_supervisor else "officer"
        if officer is None or officer.role == Role.ADMIN:
            raise ValidationError(
                "Release sign-off is for the contact officer and a supervisor.", "role"
            )
        result = rules_release.gate(plan_states(w.session, plan.id))
        reason = rules_release.check_sign_off(result, override_reason, is_supervisor=is_supervisor)
        if w.session.exec(
            select(ReleaseSignoff).where(
                ReleaseSignoff.plan_id == plan.id, ReleaseSignoff.role == role
            )
        ).first():
            raise ValidationError(
                "The {role} has already signed this release off.", "role", role=role
            )
        w.insert(
            ReleaseSignoff(
                plan_id=plan.id,
                role=role,
                signed_by=actor.officer_id,
                signed_at=w.now,
                override_reason=reason or "",
            ),
            action="override" if reason else "sign-off",
            detail=f"{role} sign-off" + (f"; gate overridden: {reason}" if reason else ""),
        )
        w.change.inmate_ids.add(inmate_id)
        return w.change
