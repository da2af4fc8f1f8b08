"""Benchmark: the supervisor's unit overview for a 60-person unit with five years of history
(target < 150 ms), against baselines measured in the same run.

Builds a demo unit (``app.demo.seed_demo``: 60 people, 5 years of meals, activities,
conversations and notes) in a temporary folder, gives every person a release plan with some
items worked, a cover for one officer, then times on the raw connection (the overview's path):

* ``ui.unit.reads.read_overview``: every caseload, every person's line (last talk, meals today,
  refusal streak, contact nudge, concern notes, release countdown, readiness, overdue items);
* the same plus this workstation's sync status (``overview_work``: what the page runs);
* baseline: ``store.home.caseload_rows`` for one officer (the home screen's read, ~6 people);
* baseline: a bare ``SELECT count(*) FROM meal_log`` over the five years.

Each is the median of repeated runs after one warm-up.  A ratio to target below 1.0 is within.

    .venv/bin/python benchmarks/overview_bench.py [--inmates 60] [--years 5] [--runs 30]

Exit status 1 if the target was missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from plans_for_everyone import plan_everyone

TARGET_MS = 150.0


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm-up: imports, statement cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def build(root: Path, inmates: int, years: int) -> tuple[Any, str, str, str]:
    from sqlmodel import select

    from officer_desk import paths
    from officer_desk.app import cover
    from officer_desk.app.demo import seed_demo
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import open_store
    from officer_desk.store.tables import Inmate, Officer, Unit

    paths.configure(root / "data")
    store = open_store(root / "store.sqlite")
    seed_demo(store, inmates=inmates, years=years, seed=1)
    system = Actor.system("overview-bench")
    today = date.today()
    with store.reading() as session:
        unit_id = str(session.exec(select(Unit.id)).first())
        people = list(session.exec(select(Inmate.id).order_by(Inmate.prison_number)).all())
        officers = [
            o.id for o in session.exec(select(Officer).where(Officer.role == "officer")).all()
        ]
        supervisor = session.exec(select(Officer.id).where(Officer.role == "supervisor")).first()
    plan_everyone(store, system, people, today, spacing=9)
    cover.arrange_cover(
        store,
        system,
        absent_officer_id=officers[0],
        cover_officer_id=officers[1],
        start=today,
        end=today + timedelta(days=14),
    )
    return store, unit_id, officers[1], str(supervisor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inmates", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)

    from officer_desk.store import home
    from officer_desk.ui.unit.reads import overview_work, read_overview

    with tempfile.TemporaryDirectory(prefix="overview-bench-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        store, unit_id, officer_id, supervisor_id = build(root, args.inmates, args.years)
        built = time.perf_counter() - started
        today = date.today()

        def overview() -> object:
            with store.raw() as conn:
                return read_overview(conn, unit_id, today)

        page_read = overview_work(supervisor_id, unit_id, today)

        def page() -> object:
            return page_read(store)

        def one_caseload() -> object:
            with store.raw() as conn:
                return home.caseload_rows(conn, officer_id, today)

        def count_meals() -> object:
            with store.raw() as conn:
                return conn.execute("SELECT count(*) FROM meal_log").fetchone()

        result = read_overview_checked(overview(), args.inmates)
        meals = count_meals()[0]  # type: ignore[index]
        measures = [
            ("unit overview (read_overview)", median_ms(overview, args.runs), TARGET_MS),
            ("  + own sync status (the page)", median_ms(page, args.runs), TARGET_MS),
            ("  baseline: one caseload (home)", median_ms(one_caseload, args.runs), None),
            ("  baseline: count(*) meal_log", median_ms(count_meals, args.runs), None),
        ]
        store.close()

    print(
        f"overview bench: {result} people, {meals:,} meal logs, {args.years} year(s) of history "
        f"(built in {built:.0f} s); Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs; median of {args.runs} runs"
    )
    print()
    head = f"{'measure':<34}{'ms':>10}{'target ms':>12}{'x of target':>14}"
    print(f"{head}{'x of 1 caseload':>17}{'x of count(*)':>15}")
    within = True
    for label, value, goal in measures:
        ratio_target = f"{value / goal:>14.2f}" if goal else f"{'':>14}"
        goal_text = f"{goal:>12.0f}" if goal else f"{'':>12}"
        print(
            f"{label:<34}{value:>10.2f}{goal_text}{ratio_target}"
            f"{value / measures[2][1]:>17.1f}{value / measures[3][1]:>15.1f}"
        )
        if goal and value > goal:
            within = False
    print()
    print("target met" if within else "TARGET MISSED")
    return 0 if within else 1


def read_overview_checked(read: Any, inmates: int) -> int:
    """The read must be complete, or the timing means nothing."""
    assert len(read.people) == inmates, (len(read.people), inmates)
    assert any(h.cover_until for p in read.people for h in p.holders), "the cover is missing"
    assert any(p.overdue_items for p in read.people), "no overdue release items"
    return len(read.people)


if __name__ == "__main__":
    sys.exit(main())
