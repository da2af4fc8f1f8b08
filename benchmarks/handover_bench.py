"""Benchmark: the shift handover for a 60-person unit with five years of history — the draft
(target < 200 ms) and its PDF (target < 1.5 s), each against a baseline measured in the same run.

Builds a demo unit (``app.demo.seed_demo``, 60 people, 5 years) in a temporary folder, then
times, for the unit's supervisor (whose handover covers the whole unit) and the last 12 hours:

* the draft's read: ``store.handover.shift_facts`` for the 60 people plus the drafted text per
  person (``app.handover.draft_text``), on the raw DB-API connection; baseline: a bare
  ``SELECT count(*)`` of the same people's meal, activity and conversation rows in the shift;
* ``app.handover.start_handover``: the whole use case, reading and writing the handover and its
  60 entries with their audit and outbox entries in one transaction (between runs the handover
  is handed over outside the timing, since only one draft may be open);
* ``reports.handover.write_handover_pdf`` of that 60-person handover; baseline:
  ``reports.pdf.write_pdf`` of a one-line document (Qt's fixed cost for a PDF).

Each is the median of repeated runs after one warm-up.  Ratios below 1.0 are within target.

    .venv/bin/python benchmarks/handover_bench.py [--inmates 60] [--years 5] [--runs 20]

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
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_DRAFT_MS = 200.0
TARGET_PDF_MS = 1500.0


def median_ms(
    work: Callable[[], object], runs: int, between: Callable[[], object] | None = None
) -> float:
    work()  # warm-up: imports, statement cache, fonts
    times = []
    for _ in range(runs):
        if between is not None:
            between()
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inmates", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)

    from sqlmodel import select

    from officer_desk import paths
    from officer_desk.app import handover
    from officer_desk.app.writes import Actor
    from officer_desk.demo.generator import seed_demo
    from officer_desk.domain.moments import parse_utc, stored_utc
    from officer_desk.reports import pdf
    from officer_desk.reports.handover import write_handover_pdf
    from officer_desk.store import handover as reads
    from officer_desk.store.database import open_store
    from officer_desk.store.tables import Inmate, Officer

    with tempfile.TemporaryDirectory(prefix="handover-bench-") as folder:
        root = Path(folder)
        paths.configure(root / "data")
        started = time.perf_counter()
        store = open_store(root / "store.sqlite")
        seed_demo(store, inmates=args.inmates, years=args.years, seed=1)
        built = time.perf_counter() - started
        with store.reading() as session:
            boss = session.exec(select(Officer).where(Officer.role == "supervisor")).first()
            people = list(session.exec(select(Inmate.id)).all())
        assert boss is not None, "the demo unit has no supervisor"
        supervisor = Actor(boss.id, boss.display_name, role="supervisor")
        # The shift: the 12 hours up to the demo's last logged activity (its history may end
        # before today), so the draft has a real shift's meals and activities to summarise.
        with store.raw() as conn:
            last = parse_utc(conn.execute("SELECT max(started_at) FROM activity_log").fetchone()[0])
        end = (last or datetime.now().astimezone()) + timedelta(hours=1)
        start = end - timedelta(hours=12)

        def draft_read() -> object:
            with store.raw() as conn:
                facts = reads.shift_facts(conn, people, start, end)
                return [handover.draft_text(f) for f in facts.values()]

        marks = ",".join("?" * len(people))
        lo, hi = stored_utc(start), stored_utc(end)

        def baseline_count() -> object:
            with store.raw() as conn:
                return conn.execute(
                    f"""SELECT (SELECT count(*) FROM meal_log WHERE inmate_id IN ({marks})
                                  AND day >= ? AND day <= ?),
                               (SELECT count(*) FROM activity_log WHERE inmate_id IN ({marks})
                                  AND started_at >= ? AND started_at < ?),
                               (SELECT count(*) FROM conversation WHERE inmate_id IN ({marks})
                                  AND started_at >= ? AND started_at < ?)""",
                    (
                        *people, start.date().isoformat(), end.date().isoformat(),
                        *people, lo, hi, *people, lo, hi,
                    ),
                ).fetchone()  # fmt: skip

        made: list[str] = []

        def start_handover() -> object:
            drafted = handover.start_handover(store, supervisor, start, end)
            made.append(drafted.handover_id)
            return drafted

        def close_open_draft() -> None:
            if made:
                handover.hand_over(store, supervisor, made[-1])

        texts = draft_read()
        assert isinstance(texts, list) and len(texts) == len(people)
        logged = baseline_count()
        measures: list[tuple[str, float, float | None]] = [
            ("draft (read + text)", median_ms(draft_read, args.runs), TARGET_DRAFT_MS),
            ("  baseline: SELECT count(*)", median_ms(baseline_count, args.runs), None),
        ]
        close_open_draft()
        measures.append(
            (
                "start_handover (with writes)",
                median_ms(start_handover, args.runs, close_open_draft),
                TARGET_DRAFT_MS,
            )
        )
        with store.raw() as conn:
            view = reads.handover_view(conn, made[-1])
        assert view is not None and len(view.entries) == len(people)
        target = root / "handover.pdf"
        pdf_runs = max(5, args.runs // 4)
        pages = write_handover_pdf(view, target, language="nb")
        measures += [
            (
                "handover PDF",
                median_ms(lambda: write_handover_pdf(view, target, language="nb"), pdf_runs),
                TARGET_PDF_MS,
            ),
            (
                "  baseline: one-line PDF",
                median_ms(
                    lambda: pdf.write_pdf("<p>x</p>", root / "bare.pdf", title="x"), pdf_runs
                ),
                None,
            ),
        ]
        store.close()

    print(
        f"handover bench: {len(people)} people, {args.years} year(s) of history (built in "
        f"{built:.0f} s); shift of 12 h with {sum(logged)} meals, activities and "
        f"conversations; PDF of {pages} pages; Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs; median of {args.runs} runs "
        f"({pdf_runs} for PDFs)"
    )
    print()
    print(f"{'measure':<32}{'ms':>10}{'target ms':>12}{'x of target':>14}{'x of baseline':>15}")
    within = True
    baseline = {"draft (read + text)": 1, "start_handover (with writes)": 1, "handover PDF": 4}
    for label, value, goal in measures:
        ratio_target = f"{value / goal:>14.2f}" if goal else f"{'':>14}"
        base_row = baseline.get(label)
        ratio_base = (
            f"{value / measures[base_row][1]:>15.1f}" if base_row is not None else f"{'':>15}"
        )
        goal_text = f"{goal:>12.0f}" if goal else f"{'':>12}"
        print(f"{label:<32}{value:>10.2f}{goal_text}{ratio_target}{ratio_base}")
        if goal and value > goal:
            within = False
    print()
    print("targets met" if within else "TARGET MISSED")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
