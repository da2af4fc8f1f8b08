"""Demo records: a made-up unit with officers, people and their days, for trying the app,
the screenshots and the benchmarks (``officer-desk --demo``, ``officer-desk-admin seed-demo``).

It sits above the use cases: every record it makes goes through the same write path as an
officer's (``app.writes``), so a demo store is a store like any other.
"""
