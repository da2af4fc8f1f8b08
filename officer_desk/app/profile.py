"""Use cases for a person's profile: the fields an officer may correct, and the photo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from officer_desk.app import access
from officer_desk.app.writes import Actor, Change, write
from officer_desk.domain import rules, triage
from officer_desk.domain.errors import NotFound, ValidationError
from officer_desk.store.database import Store
from officer_desk.store.tables import Inmate

MAX_PHOTO_BYTES = 256 * 1024  # after the screen has resized it; keeps a 60-person store small
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


@dataclass(frozen=True)
class ProfileEdit:
    """The officer-editable fields; ``None`` leaves a field as it is."""

    preferred_name: str | None = None
    languages: Sequence[str] | None = None
    diet: str | None = None
    allergies: str | None = None
    cell: str | None = None
    alerts: Sequence[str] | None = None
    # One per alert, in order (domain.triage.AlertSeverity); sent with the alerts, always.
    alert_severities: Sequence[str] | None = None


def update_profile(store: Store, actor: Actor, inmate_id: str, edit: ProfileEdit) -> Change:
    values: dict[str, object] = {}
    if edit.preferred_name is not None:
        values["preferred_name"] = rules.limited_text(
            edit.preferred_name, "preferred_name", "Preferred name", 60
        )
    if edit.languages is not None:
        values["languages"] = [
            rules.limited_text(x, "languages", "A language", 40)
            for x in edit.languages
            if x.strip()
        ]
    if edit.diet is not None:
        values["diet"] = rules.limited_text(edit.diet, "diet", "Diet")
    if edit.allergies is not None:
        values["allergies"] = rules.limited_text(edit.allergies, "allergies", "Allergies")
    if edit.cell is not None:
        values["cell"] = rules.limited_text(edit.cell, "cell", "Cell", 20)
    new_alerts: list[str] = []
    if edit.alerts is not None:
        new_alerts = [rules.limited_text(x, "alerts", "An alert") for x in edit.alerts if x.strip()]
    if edit.alert_severities is not None:
        for severity in edit.alert_severities:
            if severity not in triage.SEVERITIES:
                raise ValidationError(
                    "“{severity}” is not a severity; choose high, medium or low.",
                    "alert_severities",
                    severity=severity,
                )
    with write(store, actor) as w:
        inmate = _person(w.session, inmate_id)
        access.require_people(w.session, actor, [inmate_id], w.now.date(), "profiles")
        if edit.alerts is not None or edit.alert_severities is not None:
            # Kept one severity per alert, in order.  Readers pair them by position and
            # read a missing one as medium (domain.triage.paired_severities), so two
            # officers' concurrent edits merged field by field never lose an alert.
            alerts = list(inmate.alerts) if edit.alerts is None else new_alerts
            given = (
                inmate.alert_severities
                if edit.alert_severities is None
                else list(edit.alert_severities)
            )
            if edit.alert_severities is not None and len(given) != len(alerts):
                raise ValidationError("Give one severity for each alert.", "alert_severities")
            values["alerts"] = alerts
            values["alert_severities"] = list(triage.paired_severities(alerts, given))
        w.update(inmate, values)
        w.change.inmate_ids.add(inmate_id)
        return w.change


def set_photo(store: Store, actor: Actor, inmate_id: str, image: bytes | None) -> Change:
    """Store an already resized PNG or JPEG (or remove the photo with ``None``)."""
    if image is not None:
        if not image.startswith(IMAGE_SIGNATURES):
            raise ValidationError("The photo must be a PNG or JPEG image.", "photo")
        if len(image) > MAX_PHOTO_BYTES:
            raise ValidationError(
                "The photo is too large ({value1} KB); the limit is {value2} KB.",
                "photo",
                value1=len(image) // 1024,
                value2=MAX_PHOTO_BYTES // 1024,
            )
    with write(store, actor) as w:
        inmate = _person(w.session, inmate_id)
        access.require_people(w.session, actor, [inmate_id], w.now.date(), "profiles")
        w.update(
            inmate, {"photo": image}, detail="photo removed" if image is None else "photo changed"
        )
        w.change.inmate_ids.add(inmate_id)
        return w.change


def _person(session: Session, inmate_id: str) -> Inmate:
    inmate = session.get(Inmate, inmate_id)
    if inmate is None or inmate.deleted_at is not None:
        raise NotFound("That person is not registered on this workstation.")
    return inmate
