"""Full-text search over articles, one function for both backends: FTS5 in SQLite, a tsvector
with a GIN index in PostgreSQL. User text is only ever a list of words that must all occur.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from wardesk.store.pg_schema import FTS_CONFIG
from wardesk.store.postgres import PgConnection
from wardesk.store.schema import is_postgres

if TYPE_CHECKING:
    from wardesk.store.schema import Connection

# A word that matches more articles than this is ranked among its newest RANK_WITHIN matches
# only: BM25 must score every candidate, which for a word in every article of a large store
# costs far more than a search may take. Below it, the ranking is over all matches.
RANK_WITHIN = 20_000
# PostgreSQL reads (and de-TOASTs) each candidate's tsvector to rank it, ten times the cost of an
# FTS5 bm25 score: it ranks a common word among its newest 2,000 matches, which keeps a search
# of a 1M-event store within 200 ms (docs/scaling.md). Rare words are ranked over all matches.
RANK_WITHIN_PG = 2_000
# How many times more a search costs per article it walks than per match it gathers from the
# text index (_walk_newest): measured at 1M events as ~4 µs against ~0.8 µs; 2 leans to the
# index, since a wrong walk (a word common long ago, rare lately) costs more than a wrong gather.
WALK_COST = 2
SNIPPET_WORDS = 12
_TERM = re.compile(r"(\w+)(\*?)")


def terms(q: str) -> list[tuple[str, bool]]:
    """The words of ``q``, each with whether it ends in * (a prefix)."""
    return [(term, bool(star)) for term, star in _TERM.findall(q)]


def fts_query(q: str) -> str:
    """``q`` as an FTS5 query of quoted terms (all must occur), so that no user text is ever
    read as FTS syntax: "NATO" AND-ed with "summit", never a column filter or an operator.
    A trailing * keeps its meaning, a prefix: zelensk* finds Zelensky and Zelenskyy."""
    return " ".join(f'"{term}"{"*" if star else ""}' for term, star in terms(q))


def ts_query(q: str) -> str:
    """``q`` as a PostgreSQL tsquery of quoted terms that must all occur (as ``fts_query``)."""
    return " & ".join(f"'{term.lower()}'{':*' if star else ''}" for term, star in terms(q))


def search(conn: Connection, q: str, fields: str, counts: str,
           page: list[int]) -> list[dict[str, Any]]:
    """Articles matching every word of ``q``, best first, each with a ``snippet`` in which the
    matching words are [bracketed]."""
    if is_postgres(conn):
        return _search_postgres(conn, q, fields, counts, page)
    match = fts_query(q)
    if not match:
        return []
    floor = conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC"
        " LIMIT 1 OFFSET ?", [match, RANK_WITHIN]).fetchone()
    hits = [row[0] for row in conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ?"
        " ORDER BY bm25(articles_fts), rowid LIMIT ? OFFSET ?",
        [match, floor[0] if floor else 0, *page])]
    if not hits:
        return []
    marks = ", ".join("?" * len(hits))
    rows = {row["pk"]: row for row in conn.execute(
        f"SELECT a.pk, a.text AS body, {fields}, {counts} FROM articles a WHERE a.pk IN ({marks})",
        hits)}
    found = []
    for pk in hits:
        out = dict(rows[pk])
        out.pop("pk")
        out["snippet"] = snippet(out.pop("body") or "", terms(q))
        found.append(out)
    return found


def _search_postgres(conn: Connection, q: str, fields: str, counts: str,
                     page: list[int]) -> list[dict[str, Any]]:
    match = ts_query(q)
    if not match:
        return []
    assert isinstance(conn, PgConnection)
    config = f"'{FTS_CONFIG}'"  # a constant of wardesk, never user text
    headline = f"'StartSel=[, StopSel=], MaxWords={SNIPPET_WORDS}, MinWords=4, ShortWord=1'"
    # as in SQLite, ranked among the newest matches (RANK_WITHIN_PG), each carrying its vector
    # so that only those are read again to be scored; "+ 0" hides the key's order, so that the
    # matches are gathered from the text index rather than by walking the keys (_walk_newest)
    # (NULLS FIRST: the key's index read backwards gives that order, and the store's SQL is
    # otherwise given SQLite's NULLS LAST for DESC)
    order = "w.pk DESC NULLS FIRST" if _walk_newest(conn, match) else "w.pk + 0 DESC NULLS FIRST"
    sql = (f"WITH q AS (SELECT to_tsquery({config}, ?) AS query),"
           " newest AS (SELECT w.pk, w.fts FROM article_words w"
           f" WHERE w.fts @@ to_tsquery({config}, ?) ORDER BY {order} LIMIT ?),"
           " hits AS (SELECT n.pk, ts_rank(n.fts, q.query) AS rank FROM newest n, q"
           " ORDER BY rank DESC, n.pk LIMIT ? OFFSET ?)"
           f" SELECT {fields}, {counts},"
           f" ts_headline({config}, coalesce(a.text, ''), q.query, {headline}) AS snippet"
           " FROM hits JOIN articles a ON a.pk = hits.pk, q ORDER BY hits.rank DESC, a.pk")
    return [dict(r) for r in conn.execute(sql, [match, match, RANK_WITHIN_PG, *page])]


def _walk_newest(conn: PgConnection, match: str) -> bool:
    """Whether the newest matches are found faster by walking the articles newest first and
    testing each one's words (cost: its vector read, for about RANK_WITHIN_PG x articles /
    matches articles) than by gathering every match from the text index (a cheap visit per
    match, WALK_COST times cheaper, then the newest kept). The number of matches is
    PostgreSQL's own estimate, from its statistics of the words; its planner takes the walk
    for far rarer words, as it does not count the reading of each vector."""
    plan = conn.execute(
        f"EXPLAIN (FORMAT JSON) SELECT 1 FROM article_words WHERE fts @@ to_tsquery('{FTS_CONFIG}', ?)",
        [match]).fetchone()[0]
    matches = float(plan[0]["Plan"]["Plan Rows"])
    total = float(conn.execute(
        "SELECT reltuples FROM pg_class WHERE oid = 'article_words'::regclass").fetchone()[0])
    return matches * matches > WALK_COST * RANK_WITHIN_PG * max(total, 0.0)


def _fold(word: str) -> str:
    """A word as FTS5's unicode61 tokenizer compares it: case and diacritics ignored."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def snippet(text: str, wanted: list[tuple[str, bool]]) -> str:
    """About SNIPPET_WORDS words of ``text`` from just before the first match, matches in
    [brackets], … where text was cut (as FTS5's snippet() shows them)."""
    words = list(re.finditer(r"\w+", text))
    keys = [(_fold(term), prefix) for term, prefix in wanted]

    def hit(word: str) -> bool:
        folded = _fold(word)
        return any(folded.startswith(k) if prefix else folded == k for k, prefix in keys)

    first = next((i for i, w in enumerate(words) if hit(w.group())), 0)
    start = max(0, min(first - 2, len(words) - SNIPPET_WORDS))
    shown = words[start:start + SNIPPET_WORDS]
    if not shown:
        return ""
    out, pos = [], shown[0].start()
    for w in shown:
        out.append(text[pos:w.start()])
        out.append(f"[{w.group()}]" if hit(w.group()) else w.group())
        pos = w.end()
    lead = "…" if start > 0 else ""
    tail = "…" if start + SNIPPET_WORDS < len(words) else ""
    return f"{lead}{''.join(out)}{tail}"
