"""An officer's own order of the home cards (pinned), kept on this workstation per officer.

The order is a preference, not a record: it stays in ``local_setting`` (never synced), keyed
by the officer, and is audited like the facility settings.  Triage (``domain.triage.order``)
places the pinned people first as pinned and anyone else after them by need.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from officer_desk.app.writes import Actor, Change, write
from officer_desk.domain import rules
from officer_desk.domain.errors import ValidationError
from officer_desk.store.database import Store
from officer_desk.store.tables import LocalSetting

MAX_PINNED = 10 * rules.MAX_CASELOAD  # a supervisor pins across caseloads; a bound, not a rule


def setting_key(officer_id: str) -> str:
    return f"home.pinned_order.{officer_id}"


def pin_order(store: Store, actor: Actor, inmate_ids: Sequence[str]) -> Change:
    """Keep ``inmate_ids`` as the signed-in officer's order; an empty list goes back to triage."""
    if actor.officer_id is None:
        raise ValidationError("Only a signed-in officer has a home order to keep.")
    ids = list(dict.fromkeys(inmate_ids))
    if len(ids) > MAX_PINNED:
        raise ValidationError(
            "An order can hold at most {MAX_PINNED} people.", MAX_PINNED=MAX_PINNED
        )
    key = setting_key(actor.officer_id)
    with write(store, actor) as w:
        w.change.entities.add("local_setting")
        row = w.session.get(LocalSetting, key)
        if not ids:
            if row is not None:
                w.session.delete(row)
                w.audit_only("setting", "local_setting", key, "home order: by need")
            return w.change
        if row is None:
            row = LocalSetting(key=key, value="")
        row.value = json.dumps(ids)
        w.session.add(row)
        w.audit_only("setting", "local_setting", key, f"home order pinned ({len(ids)} people)")
        return w.change
