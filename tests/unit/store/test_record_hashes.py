"""The audit covers records' content (issue 16): a row edited, added or deleted behind the
write path is named by ``verify``, whoever did it with SQL; the write path, purges and upgrades
leave nothing to name."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from alembic import command

from officer_desk.cli.verify import Head, verify
from officer_desk.demo import generator as demo
from officer_desk.store import audit, migrate
from officer_desk.store.connect import engine_for
from officer_desk.store.database import Store, open_store

TODAY = date(2026, 3, 2)


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "store.sqlite")
    demo.seed_demo(store, inmates=3, years=1, seed=3, today=TODAY)
    yield store
    store.close()


def behind_the_app(store: Store, *statements: str) -> None:
    """What an insider with the store file does: plain SQL, no app code, no triggers."""
    with closing(sqlite3.connect(store.path)) as db, db:
        for statement in statements:
            db.execute(statement)


def first_id(store: Store, table: str, where: str = "1") -> str:
    with closing(sqlite3.connect(store.path)) as db:
        return str(db.execute(f"SELECT id FROM {table} WHERE {where} LIMIT 1").fetchone()[0])


def copy_row(store: Store, table: str, new_id: str) -> str:
    with closing(sqlite3.connect(store.path)) as db:
        names = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    taken = ", ".join(f"'{new_id}'" if name == "id" else name for name in names)
    return f"INSERT INTO {table} ({', '.join(names)}) SELECT {taken} FROM {table} LIMIT 1"


def test_a_store_written_through_the_app_verifies(seeded: Store) -> None:
    report = verify(seeded)
    assert report.problems == []
    assert "every record matches its audit entry" in report.summary()


ATTACKS: dict[str, tuple[Callable[[Store], list[str]], str]] = {
    "an officer made admin": (
        lambda s: [
            "UPDATE officer SET role = 'admin' WHERE id = '"
            + first_id(s, "officer", "role = 'officer'")
            + "'"
        ],
        "record officer {id} was changed behind the write path",
    ),
    "a note's text rewritten": (
        lambda s: [
            f"UPDATE case_note_revision SET text = 'nothing happened' "
            f"WHERE id = '{first_id(s, 'case_note_revision')}'"
        ],
        "record case_note_revision {id} was changed behind the write path",
    ),
    "a release date moved": (
        lambda s: [
            "UPDATE inmate SET expected_release_date = '2026-03-05' "
            f"WHERE id = '{first_id(s, 'inmate')}'"
        ],
        "record inmate {id} was changed behind the write path",
    ),
    "an assignment deleted": (
        lambda s: [f"DELETE FROM assignment WHERE id = '{first_id(s, 'assignment')}'"],
        "record assignment {id} was deleted behind the write path",
    ),
    "an activity added": (
        lambda s: [copy_row(s, "activity_log", "forged-activity")],
        "record activity_log forged-activity was added behind the write path",
    ),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_an_insider_change_behind_the_write_path_is_named(seeded: Store, attack: str) -> None:
    statements, expected = ATTACKS[attack]
    made = statements(seeded)
    target = made[0].split("id = '")[-1].split("'")[0] if "id = '" in made[0] else ""
    behind_the_app(seeded, *made)

    problems = verify(seeded).problems

    assert any(p.startswith(expected.format(id=target)) for p in problems), problems


def test_rewriting_the_hash_too_breaks_the_entry_that_held_it(seeded: Store) -> None:
    officer = first_id(seeded, "officer", "role = 'officer'")
    behind_the_app(seeded, f"UPDATE officer SET role = 'admin' WHERE id = '{officer}'")
    with closing(sqlite3.connect(seeded.path)) as db, db:
        (digest,) = [h for _e, _i, h in audit.current_hashes(db, [("officer", officer)])]
        db.execute(
            "UPDATE audit_record SET hash = ? WHERE entity = 'officer' AND entity_id = ?",
            (digest, officer),
        )

    problems = verify(seeded).problems

    assert any(
        "the record hashes it holds were changed after it was written" in p for p in problems
    )
    assert not any(p.startswith("record officer") for p in problems)


def test_recomputing_everything_is_caught_by_the_anchored_head(seeded: Store) -> None:
    """The insider rewrites the record hash, the entry's digest and the chain after it with
    the app's own code: locally consistent, but no longer the chain the hub acknowledged."""
    with closing(sqlite3.connect(seeded.path)) as db:
        anchored = Head(
            *db.execute("SELECT seq, hash FROM audit_entry ORDER BY seq DESC").fetchone()
        )
    officer = first_id(seeded, "officer", "role = 'officer'")
    behind_the_app(seeded, f"UPDATE officer SET role = 'admin' WHERE id = '{officer}'")
    recompute_chain(seeded, officer)
    assert verify(seeded, heads=[]).problems == []  # what an unanchored store cannot tell

    problems = verify(seeded, heads=[anchored], source="from the hub").problems

    assert problems == [
        f"audit entry {anchored.seq} is not the one anchored at the hub: the log was rewritten "
        "up to there"
    ]


def recompute_chain(store: Store, officer: str) -> None:
    """Through the app's own model and hash functions, then written with plain SQL."""
    with closing(sqlite3.connect(store.path)) as db, db:
        (digest,) = [h for _e, _i, h in audit.current_hashes(db, [("officer", officer)])]
        db.execute(
            "UPDATE audit_record SET hash = ? WHERE entity = 'officer' AND entity_id = ?",
            (digest, officer),
        )
    rechain(store, with_records=True)


def rechain(store: Store, *, with_records: bool) -> None:
    """Rewrite every audit entry's links and hashes as the app's code computes them, with
    the record digests ``audit_record`` holds now, or none (as before migration 0015)."""
    from sqlmodel import col, select

    from officer_desk.store.tables import AuditEntry

    with store.reading() as session:
        entries = session.exec(select(AuditEntry).order_by(col(AuditEntry.seq))).all()
    with closing(sqlite3.connect(store.path)) as db, db:
        previous = audit.GENESIS
        for entry in entries:
            records = db.execute(
                "SELECT entity, entity_id, hash FROM audit_record WHERE seq = ?", (entry.seq,)
            ).fetchall()
            entry.prev_hash = previous
            entry.content_hash = audit.records_digest(records) if with_records and records else None
            entry.hash = previous = audit.entry_hash(entry)
            db.execute(
                "UPDATE audit_entry SET prev_hash = ?, content_hash = ?, hash = ? WHERE seq = ?",
                (entry.prev_hash, entry.content_hash, entry.hash, entry.seq),
            )


def test_a_store_from_before_record_hashes_gets_a_baseline_and_then_is_covered(
    seeded: Store,
) -> None:
    path = seeded.path
    rechain(seeded, with_records=False)  # the chain as a version before 0015 wrote it
    seeded.close()
    alembic_to(path, "0013")
    with closing(sqlite3.connect(path)) as db:
        assert "content_hash" not in {r[1] for r in db.execute("PRAGMA table_info(audit_entry)")}

    store = open_store(path)  # upgrades, with the baseline entry
    try:
        with closing(sqlite3.connect(path)) as db:
            action, detail = db.execute(
                "SELECT action, detail FROM audit_entry ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        assert action == "baseline" and "content hashes of the" in detail
        assert verify(store).problems == []

        inmate = first_id(store, "inmate")
        behind_the_app(store, f"UPDATE inmate SET cell = 'X-99' WHERE id = '{inmate}'")
        assert any(
            p.startswith(f"record inmate {inmate} was changed") for p in verify(store).problems
        )
    finally:
        store.close()


def alembic_to(path: Path, revision: str) -> None:
    engine = engine_for(path, None)
    try:
        with engine.begin() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def test_a_retention_purge_leaves_nothing_to_name(seeded: Store, tmp_path: Path) -> None:
    from sqlmodel import select

    from officer_desk.app import retention
    from officer_desk.app.actor import Actor
    from officer_desk.app.writes import write
    from officer_desk.store.tables import Assignment

    with write(seeded, Actor.system("test-admin")) as w:
        for assignment in w.session.exec(select(Assignment)).all():
            w.update(assignment, {"end_date": TODAY})
    result = retention.purge(
        seeded, Actor.system("test-admin"), today=date(2080, 1, 1), archive_dir=tmp_path
    )

    assert result.rows > 0
    assert verify(seeded).problems == []
