"""Positions over time: a party's stance history on an issue, and what moved since a date.

Rules for ``position_changes`` (per party = holder's ISO3 country, else the holder id, and issue):
each article counts once, with its most frequent stance on the pair (ties: the first stated);
- changed: an article's stance differs from the previous article's, and it is dated on/after since;
- new: the pair is first seen on/after since;
- dropped: the pair was stated in at least DROP_MIN_ARTICLES articles before since, not once
  on/after since, while the same party did state some position on/after since (so silence on this
  issue is not just silence about the party).
``since`` defaults to DEFAULT_WINDOW_DAYS before the newest article that stated a position.
"""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from wardesk.store.filters import DAY, as_country, day, like

if TYPE_CHECKING:
    from wardesk.store.schema import Connection

DROP_MIN_ARTICLES = 3
DEFAULT_WINDOW_DAYS = 7

_COLUMNS = (
    "p.holder, p.holder_country, p.issue, p.stance, p.target, p.text, p.attribution,"
    " p.attribution_actor, p.date, p.published, p.sort_date, p.evidence_start, p.evidence_end,"
    " p.article_id, a.title AS article_title, a.url, a.publisher, p.seq"
)
_ORDER = " ORDER BY p.sort_date IS NULL, p.sort_date, a.published, a.pk, p.seq"


def _position_dict(row: Any) -> dict[str, Any]:
    out = dict(row)
    text, actor = out.pop("attribution"), out.pop("attribution_actor")
    out["attribution"] = None if text is None else {"text": text, "actor": actor}
    out["evidence"] = {"start": out.pop("evidence_start"), "end": out.pop("evidence_end")}
    return out


def positions(conn: Connection, actor: str | None, issue: str | None, since: str | None,
              until: str | None, limit: int | None = None,
              offset: int = 0) -> list[dict[str, Any]]:
    """Stances in date order; ``actor`` is an actor id, an ISO3 country or a name substring;
    ``limit``: a page of that many from ``offset`` (None: the whole history)."""
    clauses: list[str] = []
    params: list[Any] = []
    branches: list[tuple[str, str]] = []
    if actor:
        # the name test as a list of actor ids (a small table, read once): each holder and the
        # country is then one range of a date-ordered index (migration 11)
        ids = [actor, *(r[0] for r in conn.execute(
            "SELECT id FROM actors WHERE name LIKE ? ESCAPE '\\'", [like(actor)]))]
        branches = [("holder", i) for i in dict.fromkeys(ids)]
        if as_country(actor):
            branches.append(("holder_country", str(as_country(actor))))
    if issue:
        clauses.append("p.issue = ?")
        params.append(issue)
    if since:
        clauses.append("p.sort_date >= ?")
        params.append(day(since, "since"))
    if until:
        clauses.append("p.sort_date <= ?")
        params.append(f"{day(until, 'until')}~")
    if since or until:  # no NULL dates: each date index seeks the range
        clauses.append("(p.sort_date IS NULL) = FALSE")
    page: list[Any] = []
    if limit is not None:
        page = [max(0, int(limit)), max(0, int(offset))]
        bound = _bound(conn, branches, clauses, params, sum(page))
        if bound is not None:  # the page ends at or before it (see lookups.page_of_keys)
            clauses += ["(p.sort_date IS NULL) = FALSE", "p.sort_date <= ?"]  # seeks, as above
            params.append(bound)
    if branches:
        held = " OR ".join(f"p.{column} = ?" for column, _ in branches)
        clauses.insert(0, f"({held})")
        params[:0] = [value for _, value in branches]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (f"SELECT {_COLUMNS} FROM positions p JOIN articles a ON a.id = p.article_id{where}"
           f"{_ORDER}{' LIMIT ? OFFSET ?' if page else ''}")
    return [_position_dict(r) for r in conn.execute(sql, [*params, *page])]


def _bound(conn: Connection, branches: list[tuple[str, str]], clauses: list[str],
           params: list[Any], wanted: int) -> str | None:
    """The earliest of the branches' ``wanted``-th dates (each walked in its date index): the
    first ``wanted`` positions of all branches lie at or before it. None: no such bound."""
    found = []
    for column, value in branches if wanted > 0 else []:
        where = " AND ".join([f"p.{column} = ?", *clauses])
        row = conn.execute(  # column is one of two constants above
            f"SELECT p.sort_date FROM positions p WHERE {where}"
            " ORDER BY p.sort_date IS NULL, p.sort_date LIMIT 1 OFFSET ?",
            [value, *params, wanted - 1]).fetchone()
        if row is not None and row[0] is not None:
            found.append(str(row[0]))
    return min(found) if found else None


def _article_stances(rows: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(party, issue) → one entry per article, in date order, with that article's stance."""
    per_article: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        party = row["holder_country"] or row["holder"]
        if party:
            per_article.setdefault((party, row["issue"], row["article_id"]), []).append(row)
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for (party, issue, _), group in per_article.items():
        stance = Counter(r["stance"] for r in group).most_common(1)[0][0]
        first = next(r for r in group if r["stance"] == stance)
        pairs.setdefault((party, issue), []).append({**first, "party": party})
    for entries in pairs.values():
        entries.sort(key=lambda e: (e["sort_date"] or "", e["published"] or ""))
    return pairs


def default_since(rows: list[dict[str, Any]]) -> str | None:
    """DEFAULT_WINDOW_DAYS before the newest article that stated a position (published dates:
    a position's own date may lie far ahead, "a ceasefire by 2030")."""
    days = [r["published"] for r in rows if r["published"] and DAY.match(r["published"])]
    if not days:
        return None
    return (date.fromisoformat(max(days)) - timedelta(days=DEFAULT_WINDOW_DAYS)).isoformat()


def position_changes(conn: Connection, since: str | None) -> list[dict[str, Any]]:
    rows = positions(conn, None, None, None, None)
    since = day(since, "since") or default_since(rows)
    if since is None:
        return []
    pairs = _article_stances(rows)
    active = {party for (party, _), es in pairs.items() if any(_after(e, since) for e in es)}
    changes: list[dict[str, Any]] = []
    for (party, issue), entries in pairs.items():
        changes += _changes_of(party, issue, entries, since, party in active)
    changes.sort(key=lambda c: ((c["new"] or c["old"])["sort_date"] or ""), reverse=True)
    return changes


def _after(entry: dict[str, Any], since: str) -> bool:
    return (entry["sort_date"] or "") >= since


def _changes_of(party: str, issue: str, entries: list[dict[str, Any]], since: str,
                party_active: bool) -> list[dict[str, Any]]:
    def change(kind: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> dict[str, Any]:
        return {"kind": kind, "party": party, "issue": issue, "old": old, "new": new}

    out = []
    if _after(entries[0], since):
        out.append(change("new", None, entries[0]))
    for old, new in itertools.pairwise(entries):
        if new["stance"] != old["stance"] and _after(new, since):
            out.append(change("changed", old, new))
    before = [e for e in entries if not _after(e, since)]
    if party_active and len(before) >= DROP_MIN_ARTICLES and len(before) == len(entries):
        out.append(change("dropped", before[-1], None))
    return out
