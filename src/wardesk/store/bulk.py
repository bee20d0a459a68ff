"""Bulk loading: a batch of records written with one INSERT per table (write.Parts), and the
secondary indexes set aside while a large load runs. The rows are those ``Store.save`` writes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from wardesk.errors import UsageError
from wardesk.records import Article, ArticleRecord, to_dict
from wardesk.store.pg_schema import WORDS_TRIGGER, words_of
from wardesk.store.schema import is_postgres
from wardesk.store.write import (
    ACTOR_COLUMNS,
    INSERT_ACTOR,
    INSERT_ARTICLE,
    UPDATE_ACTOR,
    Parts,
    article_row,
    merged_actor,
    new_actor,
    update_actor_params,
)

if TYPE_CHECKING:
    from wardesk.store.schema import Connection

Pair = tuple[Article | None, ArticleRecord]
_CHUNK = 500  # values per IN (...) list


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def save_batch(conn: Connection, pairs: Sequence[Pair]) -> dict[str, int]:
    """Write the records of ``pairs`` not stored yet, as ``save`` would one after another, in
    the caller's transaction. Counts "new" and "unchanged" (stored before, or twice in pairs)."""
    counted = {"new": 0, "unchanged": 0}
    stored = _stored(conn, [record.article.id for _, record in pairs])
    fresh: list[Pair] = []
    for article, record in pairs:
        if article is not None and article.id != record.article.id:
            raise UsageError(f"article {article.id} and record {record.article.id} differ")
        if record.article.id in stored:
            counted["unchanged"] += 1
            continue
        stored.add(record.article.id)
        fresh.append((article, record))
    counted["new"] = len(fresh)
    parts, articles = Parts(), []
    for article, record in fresh:
        data = to_dict(record)  # once: the stored JSON and the event rows both use it
        articles.append(article_row(article, record, data))
        parts.add(record, data)
    if articles:
        conn.executemany(INSERT_ARTICLE, articles)
        _merge_actors(conn, [record for _, record in fresh])
        parts.write(conn)
    return counted


def _stored(conn: Connection, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(set(ids))):
        marks = ", ".join("?" * len(chunk))
        found.update(r[0] for r in conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})",
                                                list(chunk)))
    return found


def _merge_actors(conn: Connection, records: list[ArticleRecord]) -> None:
    """The actors of ``records`` merged into the actors table record after record, as
    write._upsert_actors does; one INSERT for the new actors, one UPDATE for the changed."""
    ids = sorted({a.id for record in records for a in record.actors})
    lock = " FOR UPDATE" if is_postgres(conn) else ""
    before: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        sql = (f"SELECT {', '.join(ACTOR_COLUMNS)} FROM actors"
               f" WHERE id IN ({', '.join('?' * len(chunk))}){lock}")
        before.update((row["id"], dict(row)) for row in conn.execute(sql, list(chunk)))
    now = dict(before)
    for record in records:
        published = record.article.published
        for a in sorted(record.actors, key=lambda actor: actor.id):
            now[a.id] = (merged_actor(now[a.id], a, published) if a.id in now
                         else new_actor(a, published))
    conn.executemany(INSERT_ACTOR, [[now[i][c] for c in ACTOR_COLUMNS]
                                    for i in sorted(now) if i not in before])
    conn.executemany(UPDATE_ACTOR, [update_actor_params(now[i])
                                    for i in sorted(before) if now[i] != before[i]])


def set_aside_indexes(conn: Connection) -> list[str]:
    """Drop the secondary indexes (and the full-text triggers) in the caller's transaction;
    returns the statements that ``restore_indexes`` runs to build them again."""
    if is_postgres(conn):
        rows = [(name, sql) for name, sql in conn.execute(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
            " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            " WHERE t.relnamespace = current_schema()::regnamespace"
            " AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.relname")]
        for name, _ in rows:
            conn.execute(f'DROP INDEX "{name}"')
        # the search words are filled in one statement at the end (restore_indexes)
        conn.execute(f"ALTER TABLE articles DISABLE TRIGGER {WORDS_TRIGGER}")
        return [sql for _, sql in rows]
    kept = list(conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
        " AND sql IS NOT NULL ORDER BY type, name"))
    for kind, name, _ in kept:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    return [sql for _, _, sql in kept]


def restore_indexes(conn: Connection, statements: list[str]) -> None:
    """Build again what ``set_aside_indexes`` dropped; the full-text index takes the words of
    the articles loaded meanwhile (its triggers did not run): SQLite's is rebuilt, PostgreSQL's
    table of words gets the articles it lacks."""
    if is_postgres(conn):  # one statement, as SQLite rebuilds (a 100,000-event load: 106 s, 110 by trigger)
        conn.execute(f"INSERT INTO article_words (pk, fts) SELECT a.pk, {words_of('a')}"
                     " FROM articles a WHERE NOT EXISTS"
                     " (SELECT 1 FROM article_words w WHERE w.pk = a.pk)")
        conn.execute(f"ALTER TABLE articles ENABLE TRIGGER {WORDS_TRIGGER}")
    for sql in statements:
        conn.execute(sql)
    if not is_postgres(conn):
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
