"""Benchmark: release readiness for a 60-person unit (target < 20 ms) and one person's release
plan PDF (target < 1 s), each against a baseline measured in the same run.

Builds a demo unit (``app.demo.seed_demo``, 60 people; one year of history by default, since
readiness reads only the plans) in a temporary folder, gives every person a release plan from
the template with a spread of release dates and items worked on, then times:

* ``store.progress.unit_readiness`` in a read session (what a supervisor's unit view asks);
  baseline: a bare ``SELECT count(*)`` over the same plan-item rows joined to their plans and
  people, in the same kind of session;
* ``store.home.release_readiness`` on the raw DB-API connection (the home screen's path);
* ``reports.release_plan.write_release_plan_pdf`` for the person with the longest plan;
  baseline: ``reports.pdf.write_pdf`` of a one-line document (Qt's fixed cost for a PDF).

Each is the median of repeated runs after one warm-up.  Ratios below 1.0 are within target.

    .venv/bin/python benchmarks/readiness_bench.py [--inmates 60] [--years 1] [--runs 50]

Exit status 1 if a target was missed.
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
from datetime import date
from pathlib import Path

from plans_for_everyone import plan_everyone

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_READINESS_MS = 20.0
TARGET_PDF_MS = 1000.0


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm-up: imports, statement cache, fonts
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def build(root: Path, inmates: int, years: int) -> tuple[object, str, list[str]]:
    from sqlmodel import select

    from officer_desk import paths
    from officer_desk.app.writes import Actor
    from officer_desk.demo.generator import seed_demo
    from officer_desk.store.database import open_store
    from officer_desk.store.tables import Inmate, Unit

    paths.configure(root / "data")
    store = open_store(root / "store.sqlite")
    seed_demo(store, inmates=inmates, years=years, seed=1)
    system = Actor.system("readiness-bench")
    today = date.today()
    with store.reading() as session:
        unit_id = session.exec(select(Unit.id)).first()
        people = list(session.exec(select(Inmate.id).order_by(Inmate.prison_number)).all())
    plan_everyone(store, system, people, today, spacing=7)
    return store, str(unit_id), people


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inmates", type=int, default=60)
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)

    from officer_desk.reports import pdf
    from officer_desk.reports.release_plan import write_release_plan_pdf
    from officer_desk.store import home, progress
    from officer_desk.store.queries import dbapi

    with tempfile.TemporaryDirectory(prefix="readiness-bench-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        store, unit_id, people = build(root, args.inmates, args.years)
        built = time.perf_counter() - started
        today = date.today()

        def readiness() -> object:
            with store.reading() as session:  # type: ignore[attr-defined]
                return progress.unit_readiness(session, unit_id, today)

        def baseline_count() -> object:
            with store.reading() as session:  # type: ignore[attr-defined]
                return (
                    dbapi(session)
                    .execute(
                        "SELECT count(*) FROM release_plan p"
                        " JOIN release_plan_item i ON i.plan_id = p.id"
                        " JOIN inmate m ON m.id = p.inmate_id WHERE m.unit_id = ?",
                        (unit_id,),
                    )
                    .fetchone()
                )

        def home_readiness() -> object:
            with store.reading() as session:  # type: ignore[attr-defined]
                return home.release_readiness(dbapi(session), people, today)

        result = readiness()
        assert isinstance(result, dict) and len(result) == len(people)
        assert all(r is not None for r in result.values())
        rows = baseline_count()[0]  # type: ignore[index]

        with store.reading() as session:  # type: ignore[attr-defined]
            view = progress.plan_view(session, people[0], today)
        assert view is not None
        target = root / "plan.pdf"

        def plan_pdf() -> None:
            write_release_plan_pdf(
                view, "Øystein Ås", "H-1001", target, language="nb", contact_officer="Kari N."
            )

        def bare_pdf() -> object:
            return pdf.write_pdf("<p>x</p>", root / "bare.pdf", title="x")

        measures = [
            ("unit_readiness", median_ms(readiness, args.runs), TARGET_READINESS_MS),
            ("  baseline: SELECT count(*)", median_ms(baseline_count, args.runs), None),
            ("home.release_readiness", median_ms(home_readiness, args.runs), TARGET_READINESS_MS),
            ("release plan PDF", median_ms(plan_pdf, max(5, args.runs // 5)), TARGET_PDF_MS),
            ("  baseline: one-line PDF", median_ms(bare_pdf, max(5, args.runs // 5)), None),
        ]
        store.close()  # type: ignore[attr-defined]

    print(
        f"readiness bench: {len(people)} people, {rows:,} plan items, {args.years} year(s) of "
        f"history (built in {built:.0f} s); Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs; median of {args.runs} runs "
        f"({max(5, args.runs // 5)} for PDFs)"
    )
    print()
    print(f"{'measure':<30}{'ms':>10}{'target ms':>12}{'x of target':>14}{'x of baseline':>15}")
    within = True
    baseline = {"unit_readiness": 1, "home.release_readiness": 1, "release plan PDF": 4}
    for label, value, goal in measures:
        ratio_target = f"{value / goal:>14.2f}" if goal else f"{'':>14}"
        base_row = baseline.get(label)
        ratio_base = (
            f"{value / measures[base_row][1]:>15.1f}" if base_row is not None else f"{'':>15}"
        )
        goal_text = f"{goal:>12.0f}" if goal else f"{'':>12}"
        print(f"{label:<30}{value:>10.2f}{goal_text}{ratio_target}{ratio_base}")
        if goal and value > goal:
            within = False
    print()
    print("targets met" if within else "TARGET MISSED")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
