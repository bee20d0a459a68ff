"""The peace process in the store: each article's proposals, coalitions and pledges as rows of
process_items (migration 15), and the cross-article views built from them (wardesk.process.merge)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from wardesk.process import bodies, merge
from wardesk.process.coalitions import coalition_id
from wardesk.records import ArticleRecord, to_dict
from wardesk.store.filters import like

if TYPE_CHECKING:
    from wardesk.store.schema import Connection

COLUMNS = ("article_id", "kind", "seq", "item_id", "parties", "day", "data")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def process_rows(record: ArticleRecord, data: dict[str, Any] | None = None) -> Iterator[tuple[Any, ...]]:
    """The process_items rows of one record."""
    aid, published = record.article.id, record.article.published
    parts = data if data is not None else {k: to_dict(getattr(record, k))
                                           for k in ("proposals", "coalitions", "pledges")}
    for seq, p in enumerate(parts.get("proposals", [])):
        refs = p["proposer"] + p["addressees"] + [r["party"] for r in p["responses"]]
        yield (aid, "proposal", seq, p["id"], _dumps(_keys(refs)), p.get("first_reported") or published,
               _dumps(p))
    for seq, c in enumerate(parts.get("coalitions", [])):
        yield (aid, "coalition", seq, c["id"], _dumps(_keys([m["actor"] for m in c["members"]])),
               published, _dumps(c))
    for seq, g in enumerate(parts.get("pledges", [])):
        refs = [g["party"], g.get("to"), g.get("requested_by")]
        yield (aid, "pledge", seq, g.get("coalition"), _dumps(_keys(refs)), g.get("date") or published,
               _dumps(g))


def _keys(refs: list[Any]) -> list[str]:
    return sorted({k for r in refs if (k := merge.party(r))})


def _party_sql(parties: set[str] | None, params: list[Any]) -> str:
    """A SQL condition: the row's party list names one of ``parties`` (each key as a quoted
    JSON string inside the stored list; the exact check stays with _touches)."""
    if not parties:
        return ""
    params += [like(_dumps(key)) for key in sorted(parties)]
    return " AND (" + " OR ".join(["p.parties LIKE ? ESCAPE '\\'"] * len(parties)) + ")"


def _items(conn: Connection, kind: str, since: str | None, until: str | None,
           parties: set[str] | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT p.article_id, p.parties, p.day, p.data, a.published, a.publisher, a.source_id,"
           " a.title FROM process_items p JOIN articles a ON a.id = p.article_id WHERE p.kind = ?")
    params: list[Any] = [kind]
    sql += _party_sql(parties, params)
    if since:
        sql += " AND a.published >= ?"
        params.append(since)
    if until:
        sql += " AND a.published <= ?"
        params.append(until + "~")
    sql += " ORDER BY a.published, p.article_id, p.seq"
    out = []
    for row in conn.execute(sql, params):
        item = json.loads(row["data"])
        item.update(article=row["article_id"], parties=json.loads(row["parties"]), day=row["day"],
                    published=row["published"], publisher=row["publisher"],
                    source_id=row["source_id"], title=row["title"])
        out.append(item)
    return out


def _touches(item: dict[str, Any], parties: set[str] | None) -> bool:
    return not parties or bool(parties & set(item.get("parties") or []))


def proposals(conn: Connection, parties: set[str] | None = None, since: str | None = None,
              until: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """Proposals reported between ``since`` and ``until`` (published dates), one per proposal
    however many reports; ``parties``: ISO3 codes or actor ids, any of which it names."""
    if parties:  # only the kinds the parties' reports have can merge into their proposals
        kinds = {r["kind"] for r in _items(conn, "proposal", since, until, parties)}
        kinds = kinds & {kind} if kind is not None else kinds
        if not kinds:
            return []
    else:
        kinds = None
    reports = [r for r in _items(conn, "proposal", since, until)
               if (kind is None or r["kind"] == kind) and (kinds is None or r["kind"] in kinds)]
    merged = merge.merge_proposals(reports)
    return [p for p in merged if not parties or parties & _named(p)]


def _named(p: dict[str, Any]) -> set[str]:
    refs = p["proposer"] + p["addressees"] + [r["party"] for r in p["responses"]]
    return {k for r in refs if (k := merge.party(r))}


def pledges(conn: Connection, parties: set[str] | None = None, since: str | None = None,
            until: str | None = None) -> list[dict[str, Any]]:
    """Pledges in report order, each with ``coalition_name`` when it was made within one."""
    names = {row["item_id"]: json.loads(row["data"])["name"] for row in conn.execute(
        "SELECT item_id, data FROM process_items WHERE kind = 'coalition' ORDER BY article_id, seq")}
    out = []
    for p in _items(conn, "pledge", since, until, parties):
        if _touches(p, parties):
            p["coalition_name"] = names.get(p.get("coalition"))
            out.append(p)
    return out


def coalitions(conn: Connection, parties: set[str] | None = None, since: str | None = None,
               until: str | None = None) -> list[dict[str, Any]]:
    """Coalitions with members over time and their pledges; a standing body's members on the
    day it was last reported come from the knowledge base."""
    reports = _items(conn, "coalition", since, until)
    standing: dict[str, list[dict[str, Any]]] = {}
    for r in reports:
        body = bodies.body_of(r["name"])
        if body is not None:
            standing[coalition_id(r["name"])] = bodies.members_of(body, r.get("published"))
    merged = merge.merge_coalitions(reports, pledges(conn, None, since, until), standing)
    if not parties:
        return merged
    return [c for c in merged if parties & ({merge.party(m["actor"]) for m in c["members"]}
                                            | {m["code"] for m in c["standing_members"]}
                                            | {k for p in c["pledges"] for k in p["parties"]})]
