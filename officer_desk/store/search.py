"""Full-text search over one person's timeline, through the FTS5 index the store keeps.

The index (``search_text``, FTS5, and ``search_entry``; migration 0014) is kept by triggers on
the source tables, so every path that writes or deletes a timeline row keeps it in step.  It
holds every row's words, counting or not; what a search finds is what the timeline shows:
the same rules (``queries.counts``: not voided, the newest amendment; a note's latest
revision) are applied here, and the entries are then read by ``queries.timeline_page``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from officer_desk.domain import moments
from officer_desk.store import queries

# The index's own tables: made by the migration in SQL, not by the models (no Python code
# writes them), so the comparison of models and migrations leaves them out.
INDEX_TABLES = ("search_entry", "search_text")
# Around each matched word in a snippet: characters no one types, so the screen can escape
# the text and then mark the words (never HTML from the records).
MARK_START, MARK_END = "\x02", "\x03"
ELLIPSIS = "…"
SNIPPET_WORDS = 24
_KIND_TABLES = {"meal": "meal_log", "activity": "activity_log", "conversation": "conversation"}


def is_index_table(name: str) -> bool:
    """True for the index's tables and FTS5's shadow tables of it (``search_text_data``…)."""
    return name in INDEX_TABLES or name.startswith("search_text_")


def not_the_index(name: str | None, type_: str, _parents: Any) -> bool:
    """Alembic's ``include_name``: leave the search index out of autogenerate.  It is SQL of
    migration 0014 (an FTS5 table, its shadow tables, triggers), never written by models."""
    return not (type_ == "table" and name is not None and is_index_table(name))


def drop_forgotten_words(conn: Any) -> None:
    """Merge the index into one segment without the words of deleted rows.  FTS5 forgets a
    deleted row's words by a mark, keeping them in older segments until a merge; after a
    purge they must be gone from the file (the VACUUM that follows frees their pages)."""
    conn.execute("INSERT INTO search_text (search_text) VALUES ('optimize')")


def words_of(text: str) -> list[str]:
    """The words of what the person typed; a word without letters or digits is no word."""
    return [word for word in text.split() if any(ch.isalnum() for ch in word)]


def match_expression(
    person: str, text: str, also: Mapping[str, Sequence[str]] | None = None
) -> str | None:
    """The FTS5 query for ``text`` in ``person``'s timeline: every word, each as the start
    of a word ("skol" finds "skole"), typed quotes and operators taken literally; None when
    nothing searchable was typed.  ``also``: per typed word (lower case), stored words that
    count as it (a common topic is stored as its English key: "skole" also finds "School")."""
    words = words_of(text)
    if not words:
        return None
    also = also or {}

    def term(word: str) -> str:
        return '"' + word.replace('"', '""') + '"*'

    parts = []
    for word in words:
        either = [term(word), *(term(other) for other in also.get(word.lower(), ()))]
        parts.append(either[0] if len(either) == 1 else "(" + " OR ".join(either) + ")")
    return f'person : "{person_token(person)}" AND body : ({" AND ".join(parts)})'


def person_token(inmate_id: str) -> str:
    return inmate_id.replace("-", "")


@dataclass(frozen=True)
class SearchHit:
    item: queries.TimelineItem
    snippet: str  # the matched words between MARK_START and MARK_END


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit]
    next_before: tuple[datetime, str] | None  # pass back as ``before`` for the next page


def _counting(include_sensitive: bool) -> str:
    """SQL true when the index entry ``e`` is an entry the timeline shows."""
    logs = " ".join(
        f"WHEN '{kind}' THEN EXISTS (SELECT 1 FROM {table} m "
        f"WHERE m.id = e.entry_id AND {queries.counts(table)})"
        for kind, table in _KIND_TABLES.items()
    )
    sensitive = "" if include_sensitive else "AND n.sensitive = 0"
    note = f"""WHEN 'note' THEN EXISTS (
        SELECT 1 FROM case_note n
         WHERE n.id = e.entry_id AND n.deleted_at IS NULL {sensitive}
           AND e.source_id = (SELECT r.id FROM case_note_revision r WHERE r.note_id = n.id
                               ORDER BY r.number DESC LIMIT 1))"""
    return f"CASE e.kind {logs} {note} ELSE 0 END"


def search_timeline(
    conn: Any,
    inmate_id: str,
    text: str,
    *,
    before: tuple[datetime, str] | None = None,
    limit: int = 50,
    kinds: Sequence[str] = queries.TIMELINE_KINDS,
    since: date | None = None,
    include_sensitive: bool = True,
    also: Mapping[str, Sequence[str]] | None = None,
) -> SearchPage:
    """One page of the person's timeline entries whose words match ``text``, newest first,
    keyset-paged like ``queries.timeline_page`` (same cursor, same filters).

    ``conn``: a DB-API connection (``Store.raw``).  FTS5 finds the person's matching texts
    (two posting lists intersected), the timeline's rules keep those that count, and only
    the page's entries are read, by their ids.  ``also``: see :func:`match_expression`.
    """
    expression = match_expression(inmate_id, text, also)
    chosen = [kind for kind in kinds if kind in queries.TIMELINE_KINDS]
    if expression is None or not chosen:
        return SearchPage([], None)
    where = [
        "search_text MATCH ?",
        "e.inmate_id = ?",
        f"e.kind IN ({', '.join('?' * len(chosen))})",
        _counting(include_sensitive),
    ]
    args: list[Any] = [expression, inmate_id, *chosen]
    if since is not None:
        where.append("e.at >= ?")
        args.append(moments.stored_utc(datetime.combine(since, time(0), UTC)))
    if before is not None:
        where.append("(e.at, e.entry_id) < (?, ?)")
        args += [moments.stored_utc(before[0]), before[1]]
    # The snippets come with the page: made for the person's matches only (hundreds at most),
    # that costs less than a second MATCH for the page's rows (FTS5 runs it once per rowid).
    rows = conn.execute(
        f"""SELECT e.entry_id, e.kind, snippet(search_text, 1, ?, ?, ?, ?)
              FROM search_text JOIN search_entry e ON e.id = search_text.rowid
             WHERE {" AND ".join(where)}
             ORDER BY e.at DESC, e.entry_id DESC LIMIT ?""",
        [MARK_START, MARK_END, ELLIPSIS, SNIPPET_WORDS, *args, limit + 1],
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    if not rows:
        return SearchPage([], None)
    page = queries.timeline_page(
        conn,
        inmate_id,
        limit=len(rows),
        kinds=sorted({kind for _entry, kind, _snippet in rows}),
        include_sensitive=include_sensitive,
        only=[entry for entry, _kind, _snippet in rows],
    )
    items = {item.id: item for item in page.items}
    hits = [SearchHit(items[entry], snippet) for entry, _kind, snippet in rows if entry in items]
    last = hits[-1].item if hits else None
    return SearchPage(hits, (last.at, last.id) if more and last is not None else None)
