"""The queries behind the statements page and the search across everything: statements by
speaker, country, date, certainty, kind and words; and, for a search, the articles the text
index finds, the statements inside those articles, the actors and the incidents by name.

Every user string is a bound parameter (LIKE patterns escaped); a search reads the text index
(FTS5 / tsvector) for articles and statements, and a bounded LIKE only over names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wardesk.records import CERTAINTIES
from wardesk.store.filters import as_country, day, like, one_of
from wardesk.store.pg_schema import FTS_CONFIG
from wardesk.store.postgres import PgConnection
from wardesk.store.schema import is_postgres
from wardesk.store.search import _walk_newest, fts_query, ts_query

if TYPE_CHECKING:
    from wardesk.store import Store

# A search looks for statements among the newest articles its words match, at most this many:
# a statement is words of its article, so the text index finds every article that can hold one.
STATEMENT_ARTICLES = 2_000


@dataclass(frozen=True, slots=True)
class StatementFilter:
    """Which statements to list; the fields combine with AND. speaker: an actor id or part of
    the speaker's name; country: the speaker's ISO3 code; direct: True quotes, False reported."""

    speaker: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    certainty: str | None = None
    text: str | None = None
    direct: bool | None = None
    limit: int = 50
    offset: int = 0


_STATEMENT_FIELDS = (
    "s.article_id, s.seq, s.speaker, s.speaker_text AS \"speakerText\", s.cue, s.content,"
    " s.direct, s.certainty, s.start, s.\"end\", a.title AS article_title, a.published,"
    " a.publisher, ac.country AS speaker_country, ac.name AS speaker_name")
_STATEMENT_FROM = (" FROM statements s JOIN articles a ON a.id = s.article_id"
                   " LEFT JOIN actors ac ON ac.id = s.speaker")


def _statement_where(store: Store, f: StatementFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    # speaker and country go through the speaker index: the actors they name are found first
    if f.speaker and "/" in f.speaker:  # an actor id
        clauses.append("s.speaker = ?")
        params.append(f.speaker)
    elif f.speaker:  # part of a name: a known actor's, or the words of an unresolved speaker
        clauses.append("(s.speaker IN (SELECT x.id FROM actors x WHERE x.name LIKE ? ESCAPE '\\')"
                       " OR (s.speaker IS NULL AND s.speaker_text LIKE ? ESCAPE '\\'))")
        params += [like(f.speaker), like(f.speaker)]
    if f.country:
        clauses.append("s.speaker IN (SELECT x.id FROM actors x WHERE x.country = ?)")
        params.append(as_country(f.country) or f.country.strip().upper())
    if f.certainty:
        clauses.append("s.certainty = ?")
        params.append(one_of(f.certainty, CERTAINTIES, "certainty"))
    if f.text:  # a scan of the statements' words (cheaper than the text index for a common word)
        clauses.append("s.content LIKE ? ESCAPE '\\'")
        params.append(like(f.text))
    if f.direct is not None:
        clauses.append("s.direct = ?")
        params.append(int(f.direct))
    for name, op in (("since", ">="), ("until", "<=")):
        value = day(getattr(f, name), name)
        if value:
            clauses.append(f"a.published {op} ?")
            params.append(value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


# newest article first (undated last: PostgreSQL is given NULLS LAST), in the article's order;
# the articles' published index gives this order without sorting every statement
_NEWEST = " ORDER BY a.published DESC, a.pk DESC, s.seq"
COUNT_CAP = 100_000  # a total past this is shown as "100,000 or more"


# Fewer matches than this are found first and then sorted; more, by walking the articles newest
# first until a page is full (SQLite: "+" keeps a column's index from giving the order).
WALK_FROM = 2_000
_SORTED = " ORDER BY +a.published DESC, +a.pk DESC, s.seq"


def statements(store: Store, f: StatementFilter, total: int | None = None) -> list[dict[str, Any]]:
    """A page of statements, newest article first, in the article's order; ``total`` (the
    count, when known) picks the plan."""
    where, params = _statement_where(store, f)
    few = total is not None and total < WALK_FROM and not is_postgres(store.connection)
    # the page's keys first (a sort of narrow rows), then the fields of those rows only
    keys = ("SELECT s.article_id, s.seq FROM statements s JOIN articles a ON a.id = s.article_id"
            f"{where}{_SORTED if few else _NEWEST} LIMIT ? OFFSET ?")
    sql = (f"SELECT {_STATEMENT_FIELDS} FROM ({keys}) k"
           " JOIN statements s ON s.article_id = k.article_id AND s.seq = k.seq"
           " JOIN articles a ON a.id = s.article_id LEFT JOIN actors ac ON ac.id = s.speaker"
           f"{_NEWEST}")
    return _rows(store, sql, [*params, max(0, f.limit), max(0, f.offset)])


def count_statements(store: Store, f: StatementFilter, cap: int = COUNT_CAP) -> int:
    """How many statements match (at most ``cap``: counting stops there)."""
    where, params = _statement_where(store, f)
    joins = " JOIN articles a ON a.id = s.article_id" if f.since or f.until else ""
    sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM statements s{joins}{where} LIMIT ?) hits"
    return int(store.connection.execute(sql, [*params, cap]).fetchone()[0])


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = [dict(r) for r in store.connection.execute(sql, params)]
    for r in rows:
        r["direct"] = bool(r["direct"])
    return rows


def matching_articles(store: Store, q: str, cap: int = STATEMENT_ARTICLES) -> list[str]:
    """The ids of the newest articles (at most ``cap``, newest first) whose words include all
    of ``q``'s."""
    conn = store.connection
    if is_postgres(conn):
        match = ts_query(q)
        if not match:
            return []
        assert isinstance(conn, PgConnection)
        # as the article search: walk the newest articles for a common word, else gather the
        # matches from the text index ("+ 0" hides the key's order from the planner)
        order = "w.pk DESC" if _walk_newest(conn, match) else "w.pk + 0 DESC"
        sql = (f"SELECT a.id FROM (SELECT w.pk FROM article_words w"
               f" WHERE w.fts @@ to_tsquery('{FTS_CONFIG}', ?) ORDER BY {order} LIMIT ?) hits"
               " JOIN articles a ON a.pk = hits.pk ORDER BY hits.pk DESC")
        return [r[0] for r in conn.execute(sql, [match, cap])]
    match = fts_query(q)
    if not match:
        return []
    sql = ("SELECT a.id FROM articles a WHERE a.pk IN (SELECT rowid FROM articles_fts"
           " WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY a.pk DESC")
    return [r[0] for r in conn.execute(sql, [match, cap])]


def statements_in(store: Store, article_ids: list[str], words: list[str],
                  limit: int) -> list[dict[str, Any]]:
    """Statements of these articles whose content or speaker holds every one of ``words``."""
    if not article_ids or not words:
        return []
    marks = ", ".join("?" * len(article_ids))
    clauses = " AND ".join("(s.content LIKE ? ESCAPE '\\' OR s.speaker_text LIKE ? ESCAPE '\\')"
                           for _ in words)
    params: list[Any] = [*article_ids]
    for w in words:
        params += [like(w), like(w)]
    sql = (f"SELECT {_STATEMENT_FIELDS}{_STATEMENT_FROM} WHERE s.article_id IN ({marks})"
           f" AND {clauses}{_NEWEST} LIMIT ?")
    return _rows(store, sql, [*params, limit])


def article_texts(store: Store, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    sql = f"SELECT id, text FROM articles WHERE id IN ({marks})"
    return {r[0]: r[1] or "" for r in store.connection.execute(sql, ids)}



def incidents_in(store: Store, article_ids: list[str], words: list[str],
                 limit: int) -> list[str]:
    """Ids of the incidents (newest report first) that an event of these articles belongs to,
    the event's evidence holding every one of ``words``."""
    if not article_ids or not words:
        return []
    marks = ", ".join("?" * len(article_ids))
    clauses = " AND ".join("e.evidence LIKE ? ESCAPE '\\'" for _ in words)
    sql = (f"SELECT e.incident FROM events e JOIN articles a ON a.id = e.article_id"
           f" WHERE e.article_id IN ({marks}) AND e.incident IS NOT NULL AND {clauses}"
           " GROUP BY e.incident ORDER BY MAX(a.published) DESC, e.incident LIMIT ?")
    params = [*article_ids, *(like(w) for w in words), limit]
    return [r[0] for r in store.connection.execute(sql, params)]


def actors_named(store: Store, words: list[str], limit: int) -> list[dict[str, Any]]:
    """Actors whose id, name or aliases hold every one of ``words``: those whose name starts
    with the first word first, then the shorter names (a LIKE over the actors, no counting)."""
    if not words:
        return []
    clauses = " AND ".join("(ac.id LIKE ? ESCAPE '\\' OR ac.name LIKE ? ESCAPE '\\'"
                           " OR ac.aliases LIKE ? ESCAPE '\\')" for _ in words)
    params: list[Any] = [p for w in words for p in (like(w), like(w), like(w))]
    start = words[0].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql = ("SELECT ac.id, ac.name, ac.kind, ac.country, ac.sector, ac.role FROM actors ac"
           f" WHERE {clauses} ORDER BY CASE WHEN ac.name LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END,"
           " length(ac.name), ac.name LIMIT ?")
    return [dict(r) for r in store.connection.execute(sql, [*params, start, limit])]
