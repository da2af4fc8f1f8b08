"""Find person: whom a signed-in officer may look for, with whose caseload each is on.

An officer finds the people they have today (contact and cover, ``home.holders``); a
supervisor finds everyone of their unit, with the officer who has them (or nobody), so the
desk can open the person in that caseload.  A plain read on the light path (``Store.raw``):
the dialog filters the list itself as the person types, no query per letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from officer_desk.domain.errors import PermissionDenied
from officer_desk.store import home


@dataclass(frozen=True)
class Findable:
    inmate_id: str
    full_name: str
    preferred_name: str
    prison_number: str
    cell: str
    officer_id: str | None  # whose caseload the person is on (the contact officer first)
    officer_name: str  # "" when nobody has them
    covered_until: date | None = None  # the officer has them as cover, until this day


def people_to_find(conn: Any, viewer_id: str, today: date) -> list[Findable]:
    """Everyone ``viewer_id`` may find today: their own people, or a supervisor's whole unit.

    Anyone else (an admin, a closed account, someone unknown) is refused: the light path has
    no service in front of it, so the check is here."""
    viewer = conn.execute(
        "SELECT role, active, unit_id FROM officer WHERE id = ? AND deleted_at IS NULL",
        (viewer_id,),
    ).fetchone()
    if viewer is None or not viewer[1] or viewer[0] not in ("officer", "supervisor"):
        raise PermissionDenied(
            "Only an officer or a supervisor can look for people.",
            entity="officer",
            entity_id=viewer_id,
        )
    role, _active, unit_id = viewer
    held = home.holders(conn, today, officer_id=None if role == "supervisor" else viewer_id)
    # The contact officer before any cover: the person opens in their own caseload.
    holder: dict[str, tuple[str, date | None]] = {}
    for holding, person, cover_until in sorted(held, key=lambda h: h[2] is not None):
        holder.setdefault(person, (holding, cover_until))
    if role == "supervisor":
        rows = conn.execute(
            "SELECT id, full_name, preferred_name, prison_number, cell FROM inmate "
            "WHERE unit_id = ? AND deleted_at IS NULL",
            (unit_id,),
        ).fetchall()
    else:
        ids = sorted(holder)
        rows = conn.execute(
            "SELECT id, full_name, preferred_name, prison_number, cell FROM inmate "
            f"WHERE id IN ({', '.join('?' * len(ids))}) AND deleted_at IS NULL",
            ids,
        ).fetchall()
    names = dict(conn.execute("SELECT id, display_name FROM officer").fetchall())
    found = []
    for inmate_id, full_name, preferred_name, prison_number, cell in rows:
        officer_id, until = holder.get(inmate_id, (None, None))
        found.append(
            Findable(
                inmate_id,
                full_name,
                preferred_name,
                prison_number,
                cell,
                officer_id,
                names.get(officer_id, "") if officer_id else "",
                until,
            )
        )
    return found
