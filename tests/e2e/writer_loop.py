"""Helper for the kill -9 test: writes meals and notes for kari's caseload until it is killed.

Prints ``<table> <id>`` for each row only after its write has committed, so every printed id
must still be in the store after a ``kill -9``.  Signs in as kari with the password in
OFFICER_DESK_PASSWORD, so the writes go through the role checks as hers.

Usage: OFFICER_DESK_PASSWORD=... python tests/e2e/writer_loop.py STORE_FILE [MAX_WRITES]
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import select

from officer_desk.app import accounts, logbook, notes
from officer_desk.app.logbook import MealEntry
from officer_desk.domain.enums import Meal, MealOutcome
from officer_desk.store.tables import Assignment


def main(store_file: str, max_writes: int = 100_000) -> int:
    store, kari = accounts.sign_in(Path(store_file), "kari", os.environ["OFFICER_DESK_PASSWORD"])
    with store.reading() as session:
        people = list(
            session.exec(
                select(Assignment.inmate_id).where(Assignment.officer_id == kari.officer_id)
            ).all()
        )
    actor = kari.actor("kill9-test")
    meals = list(Meal)
    # A meal is logged once per person a day: once each meal is logged, the loop corrects
    # it (an amendment of the entry that counts), as an officer fixing a slip would.
    counting: dict[Meal, list[str | None]] = {}
    for n in range(max_writes):
        if n % 3 == 2:
            change = notes.add_note(
                store,
                actor,
                inmate_id=people[n % len(people)],
                kind="general",
                text=f"Samtale nr. {n} med {n % 7} oppfølgingspunkter; all good.",
            )
            print(f"case_note {change.ids[0]}", flush=True)
        else:
            meal = meals[n % len(meals)]
            logged = counting.get(meal, [None] * len(people))
            outcome = MealOutcome.PARTIAL if n % 2 else MealOutcome.ATE
            change = logbook.log_meal(
                store,
                actor,
                day=datetime.now(UTC).date(),
                meal=meal,
                entries=[
                    MealEntry(p, outcome, ate_together=True, corrects=entry)
                    for p, entry in zip(people, logged, strict=True)
                ],
            )
            counting[meal] = list(change.ids)
            for row_id in change.ids:
                print(f"meal_log {row_id}", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], *(int(a) for a in sys.argv[2:3])))
