"""Full-text search over each person's timeline: an FTS5 index kept by triggers (issue 17).

``search_text`` (FTS5) holds the words of every timeline entry that has any: a meal's or an
activity's note, a conversation's topics and note, each revision of a case note; ``person``
is the person's id without hyphens (one token), so a search is the intersection of two
posting lists in FTS5, never a scan of the unit's texts.  ``search_entry`` says which row each
text came from (its ``id`` is the text's rowid), whose timeline it is on and when.

Triggers on the source tables keep both in step with every path that writes them: the write
path, the demo's bulk history, the sync's upserts and a person's rows dropped or purged.
Which entries *count* (not voided, the newest amendment, a note's latest revision) is decided
when searching, by the timeline's own rules (store.search), so nothing here has to know them.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# A meal's moment as the timeline places it (store.queries.MEAL_TIMES, _MEAL_MOMENT).
_MEAL_MOMENT = (
    "{row}.day || ' ' || CASE {row}.meal WHEN 'breakfast' THEN '08:00:00.000000' "
    "WHEN 'lunch' THEN '12:00:00.000000' WHEN 'dinner' THEN '17:00:00.000000' "
    "WHEN 'evening' THEN '20:00:00.000000' ELSE '12:00:00.000000' END"
)
# Topics on the first line, the note on the next; no empty line when either is missing.
_TOPICS_AND_NOTE = (
    "trim(coalesce((SELECT group_concat(value, ', ') FROM json_each({row}.topics)), '') "
    "|| char(10) || {row}.note, ' ' || char(10))"
)

# table -> (kind, the entry's id, the person, the moment, the words, columns that change them)
_SOURCES: dict[str, tuple[str, str, str, str, str, str]] = {
    "meal_log": ("meal", "{row}.id", "{row}.inmate_id", _MEAL_MOMENT, "{row}.note",
                 "inmate_id, day, meal, note"),
    "activity_log": ("activity", "{row}.id", "{row}.inmate_id", "{row}.started_at",
                     "{row}.note", "inmate_id, started_at, note"),
    "conversation": ("conversation", "{row}.id", "{row}.inmate_id", "{row}.started_at",
                     _TOPICS_AND_NOTE, "inmate_id, started_at, topics, note"),
    "case_note_revision": (
        "note",
        "{row}.note_id",
        "(SELECT inmate_id FROM case_note WHERE id = {row}.note_id)",
        "(SELECT created_at FROM case_note WHERE id = {row}.note_id)",
        "{row}.text",
        "note_id, text",
    ),
}  # fmt: skip


def _forget(source_id: str) -> str:
    return (
        "DELETE FROM search_text WHERE rowid = "
        f"(SELECT id FROM search_entry WHERE source_id = {source_id});\n"
        f"  DELETE FROM search_entry WHERE source_id = {source_id};"
    )


def _index(kind: str, entry: str, person: str, moment: str, words: str) -> str:
    # Only rows with words are indexed; the entry goes first, its text takes the entry's id.
    return (
        "INSERT INTO search_entry (source_id, kind, entry_id, inmate_id, at) "
        f"SELECT new.id, '{kind}', {entry}, {person}, {moment} "
        f"WHERE {words} <> '' AND {person} IS NOT NULL;\n"
        "  INSERT INTO search_text (rowid, person, body) "
        f"SELECT e.id, replace(e.inmate_id, '-', ''), {words} "
        "FROM search_entry e WHERE e.source_id = new.id;"
    )


def _triggers(table: str) -> list[str]:
    kind, entry, person, moment, words, columns = (
        part.format(row="new") for part in _SOURCES[table]
    )
    index = _index(kind, entry, person, moment, words)
    # Most rows have no words (a meal without a note) and were never indexed: their triggers
    # do nothing after one look-up, which keeps a fresh workstation's bulk apply fast.
    new_held, old_held = _held("new.id"), _held("old.id")
    return [
        # Forget first: an insert that replaced a row (or a re-applied one) leaves no twin.
        f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} "
        f"WHEN {words} <> '' OR {new_held} BEGIN\n"
        f"  {_forget('new.id')}\n  {index}\nEND",
        f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {columns} ON {table} "
        f"WHEN {words} <> '' OR {old_held} OR {new_held} BEGIN\n"
        f"  {_forget('old.id')}\n  {_forget('new.id')}\n  {index}\nEND",
        f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} WHEN {old_held} BEGIN\n"
        f"  {_forget('old.id')}\nEND",
    ]


def _held(source_id: str) -> str:
    return f"EXISTS (SELECT 1 FROM search_entry WHERE source_id = {source_id})"


# A note's revisions take the note's person and moment: indexed again when the note arrives
# (a revision applied before it had neither) or when those change.
_NOTE_REVISIONS = """
  DELETE FROM search_text WHERE rowid IN
    (SELECT id FROM search_entry WHERE kind = 'note' AND entry_id = new.id);
  DELETE FROM search_entry WHERE kind = 'note' AND entry_id = new.id;
  INSERT INTO search_entry (source_id, kind, entry_id, inmate_id, at)
    SELECT r.id, 'note', new.id, new.inmate_id, new.created_at FROM case_note_revision r
     WHERE r.note_id = new.id AND r.text <> '';
  INSERT INTO search_text (rowid, person, body)
    SELECT e.id, replace(e.inmate_id, '-', ''), r.text
      FROM search_entry e JOIN case_note_revision r ON r.id = e.source_id
     WHERE e.kind = 'note' AND e.entry_id = new.id;
"""
_NOTE_TRIGGERS = [
    f"CREATE TRIGGER search_case_note_insert AFTER INSERT ON case_note BEGIN{_NOTE_REVISIONS}END",
    "CREATE TRIGGER search_case_note_update AFTER UPDATE OF inmate_id, created_at ON case_note "
    f"BEGIN{_NOTE_REVISIONS}END",
]
TRIGGERS = [
    *(f"search_{table}_{event}" for table in _SOURCES for event in ("insert", "update", "delete")),
    "search_case_note_insert",
    "search_case_note_update",
]


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE search_entry (
            id INTEGER PRIMARY KEY,
            source_id VARCHAR NOT NULL UNIQUE,
            kind VARCHAR NOT NULL,
            entry_id VARCHAR NOT NULL,
            inmate_id VARCHAR NOT NULL,
            at VARCHAR NOT NULL
        )
        """
    )
    # Æ, Ø and Å are letters of their own in Norwegian ("for" is not "før"): no folding of
    # diacritics; case is folded for every alphabet.
    op.execute(
        "CREATE VIRTUAL TABLE search_text USING fts5("
        "person, body, tokenize = 'unicode61 remove_diacritics 0')"
    )
    op.execute("CREATE INDEX ix_search_entry_entry_id ON search_entry (entry_id)")
    for table in _SOURCES:
        for statement in _triggers(table):
            op.execute(statement)
    for statement in _NOTE_TRIGGERS:
        op.execute(statement)
    # What is already there: each row as its insert trigger would have indexed it.
    for table, parts in _SOURCES.items():
        kind, entry, person, moment, words, _columns = (p.format(row="s") for p in parts)
        op.execute(
            "INSERT INTO search_entry (source_id, kind, entry_id, inmate_id, at) "
            f"SELECT s.id, '{kind}', {entry}, {person}, {moment} FROM {table} s "
            f"WHERE {words} <> '' AND {person} IS NOT NULL"
        )
        op.execute(
            "INSERT INTO search_text (rowid, person, body) "
            f"SELECT e.id, replace(e.inmate_id, '-', ''), {words} FROM {table} s "
            "JOIN search_entry e ON e.source_id = s.id"
        )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_text")
    op.execute("DROP TABLE IF EXISTS search_entry")
