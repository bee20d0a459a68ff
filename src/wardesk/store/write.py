"""Writing one article and its record: one transaction, rows keyed by content ids.

Each ``*_rows`` function turns one part of the record into the rows of its table.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from wardesk.records import QUAD_CLASS, Actor, Article, ArticleRecord, Event, Rejection, to_dict
from wardesk.store.process import COLUMNS as PROCESS_COLUMNS
from wardesk.store.process import process_rows
from wardesk.store.rows import canonical_type, codes
from wardesk.store.schema import is_postgres

if TYPE_CHECKING:
    from wardesk.store.schema import Connection

# codes wardesk uses beside ISO 3166 alpha-3: intergovernmental bodies (SCHEMA.md) and Kosovo's
# user-assigned XKX (used by the EU and ISO-aware tools; ISO 3166 has no code for Kosovo)
NON_ISO_CODES = frozenset({"IGO", "NGO", "XKX"})


# Column lists for the INSERTs: named, so a later migration may add columns at the end.
COLUMNS: dict[str, tuple[str, ...]] = {
    "article_actors": ("article_id", "actor_id", "seq", "name", "kind", "country", "sector",
                       "role", "aliases", "members", "mentions"),
    "events": (
        "article_id", "id", "seq", "type", "quad", "mode", "status", "certainty", "negated",
        "date_text", "date_value", "date_end", "date_granularity", "date_resolution", "sort_date",
        "place_name", "place_country", "place_admin1", "lat", "lon", "geonameid",
        "dead", "injured", "size", "source_codes", "target_codes", "event_text", "evidence",
        "evidence_start", "evidence_end", "attribution", "attribution_actor", "data",
        "background",  # migration 14
    ),
    "event_actors": ("article_id", "event_id", "role", "seq", "actor_id", "actor_text", "code",
                     "sector"),
    "statements": ("article_id", "seq", "speaker", "speaker_text", "cue", "content", "direct",
                   "certainty", "start", "end"),
    "positions": ("article_id", "seq", "holder", "holder_country", "issue", "stance", "target",
                  "text", "attribution", "attribution_actor", "date", "published", "sort_date",
                  "evidence_start", "evidence_end"),
    "dates": ("article_id", "seq", "text", "start", "end", "value", "end_value", "granularity",
              "resolution"),
    "loaded_terms": ("article_id", "seq", "text", "start", "end", "category", "quoted"),
    "process_items": PROCESS_COLUMNS,  # migration 15 (store/process.py)
}


def insert_sql(table: str) -> str:
    """The INSERT statement for one of the tables in COLUMNS (names are constants, not input)."""
    columns = COLUMNS[table]
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


INSERT_ARTICLE = (
    "INSERT INTO articles (id, source_id, title, url, publisher, published, author, language,"
    " words, origin, tone_score, text, schema, record, saved)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
)


def article_row(article: Article | None, record: ArticleRecord,
                data: dict[str, Any] | None = None) -> tuple[Any, ...]:
    """The parameters of INSERT_ARTICLE; ``data`` is ``to_dict(record)`` when the caller has it."""
    meta = record.article
    return (
        meta.id, meta.source_id, meta.title, meta.url, meta.publisher, meta.published,
        article.author if article else None, meta.language, meta.words,
        article.origin if article else None, meta.tone.score,
        article.text if article else None, record.schema,
        dumps(to_dict(record) if data is None else data), now(),
    )


def insert_article(conn: Connection, article: Article | None, record: ArticleRecord,
                   data: dict[str, Any] | None = None) -> bool:
    """The article's row; False when an article with its id is already stored (another writer
    may have saved it since we looked: PostgreSQL writers do not wait for each other to start).
    ``data`` is ``to_dict(record)`` when the caller has it already."""
    return bool(conn.execute(INSERT_ARTICLE, article_row(article, record, data)).rowcount)


def save_parts(conn: Connection, record: ArticleRecord,
               data: dict[str, Any] | None = None) -> None:
    """Every normalised table's rows for ``record`` (its article row already written);
    ``data`` is ``to_dict(record)`` when the caller has it already (saves a second conversion)."""
    _upsert_actors(conn, record)
    parts = Parts()
    parts.add(record, data)
    parts.write(conn)


_EVENT = {name: i for i, name in enumerate(COLUMNS["events"])}
_EVENT_ACTOR = {name: i for i, name in enumerate(COLUMNS["event_actors"])}
# written by Parts.write in this order: events before their actors (foreign key)
_PART_TABLES = ("article_actors", "events", "event_actors", "statements", "positions", "dates",
                "loaded_terms", "process_items")


class Parts:
    """The rows of the normalised tables for one record or a batch of them, with the lookups
    and running totals they add: one INSERT per table however many records (bulk.py)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _PART_TABLES}
        self.codes: list[tuple[str, str, str, str | None]] = []
        self.texts: set[str] = set()
        self.days: Counter[tuple[str, str]] = Counter()
        self.code_totals: Counter[str] = Counter()
        self.code_days: Counter[tuple[str, str, str]] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.facets = Facets()
        # (actor id or '', actor text) → the (article id, event id, sort date) that name it
        self.keyed: dict[tuple[str, str], set[tuple[str, str, str | None]]] = {}
        self.first: dict[tuple[str, str], int] = {}  # pair → the first record (number) naming it
        self.records = 0

    def add(self, record: ArticleRecord, data: dict[str, Any] | None = None) -> None:
        aid, published = record.article.id, record.article.published
        event_dicts = data["events"] if data is not None else [to_dict(e) for e in record.events]
        self.rows["article_actors"] += _article_actor_rows(record)
        seen: set[str] = set()
        event_rows: list[tuple[Any, ...]] = []
        actor_rows: list[tuple[Any, ...]] = []
        for seq, event in enumerate(record.events):
            if event.id in seen:  # a repeated content id is the same event: one row is enough
                continue
            seen.add(event.id)
            event_rows.append(_event_row(aid, seq, event, published, event_dicts[seq]))
            actor_rows += _event_actor_rows(aid, event)
        self.rows["events"] += event_rows
        self.rows["event_actors"] += actor_rows
        self._add_lookups(event_rows, actor_rows)
        self.rows["statements"] += [
            (aid, i, s.speaker, s.speakerText, s.cue, s.content, int(s.direct), s.certainty,
             s.start, s.end) for i, s in enumerate(record.statements)]
        self.rows["positions"] += _position_rows(record)
        self.rows["dates"] += [
            (aid, i, d.text, d.start, d.end, d.value, d.end_value, d.granularity, d.resolution)
            for i, d in enumerate(record.dates)]
        self.rows["loaded_terms"] += [
            (aid, i, t.text, t.start, t.end, t.category, int(t.quoted))
            for i, t in enumerate(record.article.tone.loaded_terms)]
        self.rows["process_items"] += process_rows(record, data)

    def _add_lookups(self, event_rows: list[tuple[Any, ...]],
                     actor_rows: list[tuple[Any, ...]]) -> None:
        """event_codes (every country an event touches), actor_texts (migration 4) and the
        running totals of migrations 6, 8 and 12."""
        dates = {(r[_EVENT["article_id"]], r[_EVENT["id"]]): r[_EVENT["sort_date"]]
                 for r in event_rows}
        touched = {(r[_EVENT["article_id"]], r[_EVENT["id"]], r[_EVENT["place_country"]])
                   for r in event_rows if r[_EVENT["place_country"]] is not None}
        touched |= {(r[_EVENT_ACTOR["article_id"]], r[_EVENT_ACTOR["event_id"]],
                     r[_EVENT_ACTOR["code"]])
                    for r in actor_rows if r[_EVENT_ACTOR["code"]] is not None}
        self.codes += [(aid, eid, code, dates[aid, eid]) for aid, eid, code in touched]
        self.texts |= {r[_EVENT_ACTOR["actor_text"]] for r in actor_rows}
        for r in actor_rows:
            aid, eid = r[_EVENT_ACTOR["article_id"]], r[_EVENT_ACTOR["event_id"]]
            key = (r[_EVENT_ACTOR["actor_id"]] or "", r[_EVENT_ACTOR["actor_text"]])
            self.keyed.setdefault(key, set()).add((aid, eid, dates[aid, eid]))
            self.first.setdefault(key, self.records)
        self.records += 1
        by_event: dict[tuple[str, str], list[str]] = {}
        for aid, eid, code in touched:
            by_event.setdefault((aid, eid), []).append(code)
        self.count([tuple(r[_EVENT[c]] for c in STORED_EVENT) for r in event_rows], by_event)

    def count(self, events: list[tuple[Any, ...]],
              by_event: dict[tuple[str, str], list[str]]) -> None:
        """Add ``events`` (STORED_EVENT columns) to the running totals of migrations 6, 8 and
        12; ``by_event``: the countries each touches (its rows of event_codes)."""
        for aid, eid, etype, status, certainty, sort_date in events:
            codes = by_event.get((aid, eid), [])
            day = sort_date[:10] if sort_date is not None else None
            if day is not None:
                self.days[day, etype] += 1
            self.code_totals.update(codes)
            for code in codes:
                if day is not None:
                    self.code_days[code, day, etype] += 1
                self.pairs.update((code, other) for other in codes)
            self.facets.add(etype, status, certainty, day, codes)

    def write(self, conn: Connection) -> None:
        for table in _PART_TABLES:
            if self.rows[table]:
                conn.executemany(insert_sql(table), self.rows[table])
        conn.executemany(
            "INSERT INTO event_codes (article_id, event_id, code, sort_date) VALUES (?, ?, ?, ?)",
            sorted(self.codes))
        conn.executemany("INSERT INTO actor_texts (text) VALUES (?) ON CONFLICT (text) DO NOTHING",
                         [(t,) for t in sorted(self.texts)])
        self.write_totals(conn)
        self._write_actor_keys(conn)

    def _write_actor_keys(self, conn: Connection) -> None:
        """Migration 10: each (actor id, text) pair's key, its count of events, its events.
        New keys are numbered in the order one-by-one saves would number them (by the first
        record naming them): a batch writes the same store as its records saved in turn."""
        pairs = sorted(self.keyed, key=lambda pair: (self.first[pair], pair))
        keys = _known_keys(conn, pairs)
        for pair in pairs:
            if pair not in keys:
                keys[pair] = _new_key(conn, pair)
        added = sorted((keys[p], len(self.keyed[p])) for p in pairs)  # in id order: locks
        conn.executemany("UPDATE actor_keys SET n = n + ? WHERE id = ?",
                         [(n, key) for key, n in added])
        conn.executemany("INSERT INTO event_keys (actor_key, article_id, event_id, sort_date)"
                         " VALUES (?, ?, ?, ?)",
                         [(keys[p], *event) for p in pairs for event in sorted(self.keyed[p])])

    def write_totals(self, conn: Connection, sign: int = 1) -> None:
        """Add to the running totals (``sign`` -1: take away), in key order (so that PostgreSQL
        writers lock shared rows in the same order)."""
        kept: list[tuple[str, tuple[str, ...], Counter[Any]]] = [
            ("event_day_totals", ("day", "type"), self.days),
            ("event_code_totals", ("code",), self.code_totals),
            ("event_code_day_totals", ("code", "day", "type"), self.code_days),
            ("event_code_pair_totals", ("code", "other"), self.pairs),
            *self.facets.tables(),
        ]
        for table, columns, counted in kept:
            _add_totals(conn, table, columns, counted, sign)


def _add_totals(conn: Connection, table: str, columns: tuple[str, ...], counted: Counter[Any],
                sign: int) -> None:
    """counted's keys (``columns``) and counts added to ``table``'s n (names are constants)."""
    names = ", ".join(columns)
    sql = (f"INSERT INTO {table} ({names}, n) VALUES ({', '.join('?' * (len(columns) + 1))})"
           f" ON CONFLICT ({names}) DO UPDATE SET n = {table}.n + excluded.n")
    keyed = [((key,) if isinstance(key, str) else key, n) for key, n in counted.items()]
    conn.executemany(sql, [(*key, sign * n) for key, n in sorted(keyed)])


class Facets:
    """The running totals of the events page's facets (migration 12), for a batch of events."""

    def __init__(self) -> None:
        self.codes: Counter[tuple[str, str, str, str]] = Counter()  # '' or a code touched
        self.days: Counter[tuple[str, str, str, str]] = Counter()
        self.type_pairs: Counter[tuple[str, str, str]] = Counter()

    def add(self, etype: str, status: str, certainty: str, day: str | None,
            codes: list[str]) -> None:
        """One event: its type, status, certainty, day (None: undated), countries touched."""
        self.codes.update((code, etype, status, certainty) for code in ["", *codes])
        if day is not None:
            self.days[etype, day, status, certainty] += 1
        self.type_pairs.update((etype, code, other) for code in codes for other in codes)

    def tables(self) -> list[tuple[str, tuple[str, ...], Counter[Any]]]:
        return [("event_facet_totals", ("code", "type", "status", "certainty"), self.codes),
                ("event_day_facet_totals", ("type", "day", "status", "certainty"), self.days),
                ("event_code_pair_type_totals", ("type", "code", "other"), self.type_pairs)]


# the columns of an event the running totals count, in Parts.count's order
STORED_EVENT = ("article_id", "id", "type", "status", "certainty", "sort_date")


def delete_article(conn: Connection, article_id: str) -> bool:
    """Remove an article and every row of its record (foreign keys cascade), its events taken
    out of the running totals and the actor keys' counts, in the caller's transaction; False
    when no such article is stored. Replacing an article is this, then saving it again. The
    actors table keeps what the article added (names, roles, first/last seen)."""
    columns = ", ".join(STORED_EVENT)
    events = [tuple(r) for r in conn.execute(
        f"SELECT {columns} FROM events WHERE article_id = ? ORDER BY id", [article_id])]
    by_event: dict[tuple[str, str], list[str]] = {}
    for aid, eid, code in conn.execute("SELECT article_id, event_id, code FROM event_codes"
                                       " WHERE article_id = ? ORDER BY event_id, code",
                                       [article_id]):
        by_event.setdefault((aid, eid), []).append(code)
    parts = Parts()
    parts.count(events, by_event)
    parts.write_totals(conn, sign=-1)
    keys = list(conn.execute("SELECT actor_key, COUNT(*) FROM event_keys WHERE article_id = ?"
                             " GROUP BY actor_key ORDER BY actor_key", [article_id]))
    conn.executemany("UPDATE actor_keys SET n = n - ? WHERE id = ?",
                     [(int(n), key) for key, n in keys])
    return bool(conn.execute("DELETE FROM articles WHERE id = ?", [article_id]).rowcount)


def _known_keys(conn: Connection, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    for start in range(0, len(pairs), 250):
        chunk = pairs[start:start + 250]
        values = ", ".join("(?, ?)" for _ in chunk)
        sql = ("SELECT id, actor_id, actor_text FROM actor_keys"
               f" WHERE (actor_id, actor_text) IN (VALUES {values})")
        found.update(((a, t), int(i)) for i, a, t in
                     conn.execute(sql, [v for pair in chunk for v in pair]))
    return found


def _new_key(conn: Connection, pair: tuple[str, str]) -> int:
    """A new key for ``pair`` with no events yet (or the one another writer just added). Looked
    up with ``pair`` as a parameter: PostgreSQL stores a NUL in a text as U+FFFD, so the text
    read back can differ from the one asked for."""
    row = conn.execute("INSERT INTO actor_keys (actor_id, actor_text, n) VALUES (?, ?, 0)"
                       " ON CONFLICT (actor_id, actor_text) DO NOTHING RETURNING id",
                       pair).fetchone()
    if row is None:
        row = conn.execute("SELECT id FROM actor_keys WHERE actor_id = ? AND actor_text = ?",
                           pair).fetchone()
    return int(row[0])


def _article_actor_rows(record: ArticleRecord) -> Iterator[tuple[Any, ...]]:
    seen: set[str] = set()
    for seq, a in enumerate(record.actors):
        if a.id in seen:  # an extractor that lists an actor twice must not fail the save
            continue
        seen.add(a.id)
        yield (record.article.id, a.id, seq, a.name, a.kind, a.country, a.sector, a.role,
               dumps(list(a.aliases)), dumps(list(a.members)), len(a.mentions))


ACTOR_COLUMNS = ("id", "name", "kind", "country", "sector", "role", "role_since", "aliases",
                 "members", "first_seen", "last_seen")


def new_actor(a: Actor, published: str | None) -> dict[str, Any]:
    """The actors row of an actor first seen in an article published on ``published``."""
    return {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
            "sector": a.sector, "role": a.role,
            "role_since": (published or "") if a.role else None,
            "aliases": dumps(list(a.aliases)), "members": dumps(list(a.members)),
            "first_seen": published, "last_seen": published}


def merged_actor(row: dict[str, Any], a: Actor, published: str | None) -> dict[str, Any]:
    """``row`` (an actors row) merged with ``a`` as an article published on ``published``
    describes it: aliases add up, the role of the latest article wins, missing country and
    sector are filled, first/last seen widen."""
    aliases = list(dict.fromkeys([*json.loads(row["aliases"]), *a.aliases]))
    newer_role = a.role is not None and (published or "") >= (row["role_since"] or "")
    seen = [d for d in (row["first_seen"], row["last_seen"], published) if d is not None]
    return {**row, "aliases": dumps(aliases),
            "country": a.country if row["country"] is None else row["country"],
            "sector": a.sector if row["sector"] is None else row["sector"],
            "role": a.role if newer_role else row["role"],
            "role_since": (published or "") if newer_role else row["role_since"],
            "first_seen": min(seen, default=None), "last_seen": max(seen, default=None)}


INSERT_ACTOR = (f"INSERT INTO actors ({', '.join(ACTOR_COLUMNS)}) VALUES"
                f" ({', '.join('?' * len(ACTOR_COLUMNS))}) ON CONFLICT (id) DO NOTHING")
UPDATE_ACTOR = ("UPDATE actors SET aliases = ?, country = ?, sector = ?, role = ?, role_since = ?,"
                " first_seen = ?, last_seen = ? WHERE id = ?")


def update_actor_params(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["aliases"], row["country"], row["sector"], row["role"], row["role_since"],
            row["first_seen"], row["last_seen"], row["id"])


def _upsert_actors(conn: Connection, record: ArticleRecord) -> None:
    """Merge this article's actors into the global table (see ``merged_actor``)."""
    published = record.article.published
    # in id order, so that two PostgreSQL writers lock shared actor rows in the same order
    for a in sorted(record.actors, key=lambda actor: actor.id):
        row = new_actor(a, published)
        inserted = conn.execute(INSERT_ACTOR, [row[c] for c in ACTOR_COLUMNS]).rowcount
        if not inserted:
            _merge_actor(conn, a, published)


def _merge_actor(conn: Connection, a: Actor, published: str | None) -> None:
    lock = " FOR UPDATE" if is_postgres(conn) else ""  # SQLite's writer already holds the file
    row = conn.execute(f"SELECT {', '.join(ACTOR_COLUMNS)} FROM actors WHERE id = ?{lock}",
                       (a.id,)).fetchone()
    conn.execute(UPDATE_ACTOR, update_actor_params(merged_actor(dict(row), a, published)))


def _event_row(aid: str, seq: int, e: Event, published: str | None,
               data: dict[str, Any]) -> tuple[Any, ...]:
    etype = canonical_type(e.event)
    d, loc = e.date, e.eventLoc
    return (
        aid, e.id, seq, etype, QUAD_CLASS.get(etype), e.mode, e.status, e.certainty,
        int(e.negated),
        d.text if d else None, d.value if d else None, d.end if d else None,
        d.granularity if d else None, d.resolution if d else None,
        (d.value if d and d.value else None) or published,
        loc.name if loc else None, loc.country if loc else None, loc.admin1 if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.geonameid if loc else None,
        e.dead, e.injured, e.size,
        dumps(codes(data["source"])), dumps(codes(data["target"])),
        e.eventText, e.evidence.text, e.evidence.start, e.evidence.end,
        e.attribution.text if e.attribution else None,
        e.attribution.actor if e.attribution else None,
        dumps(data), int(e.background),
    )


def _event_actor_rows(aid: str, e: Event) -> Iterator[tuple[Any, ...]]:
    for role, refs in (("source", e.source), ("target", e.target)):
        for seq, ref in enumerate(refs):
            yield (aid, e.id, role, seq, ref.actor, ref.actorText, ref.code, ref.sector)


def _position_rows(record: ArticleRecord) -> Iterator[tuple[Any, ...]]:
    aid, published = record.article.id, record.article.published
    countries = {a.id: a.country for a in record.actors}
    for seq, p in enumerate(record.positions):
        yield (
            aid, seq, p.holder, holder_country(p.holder, countries), p.issue, p.stance, p.target,
            p.text, p.attribution.text if p.attribution else None,
            p.attribution.actor if p.attribution else None, p.date, published,
            p.date or published, p.evidence.start, p.evidence.end,
        )


def holder_country(holder: str | None, countries: dict[str, str | None]) -> str | None:
    """The country a position's holder belongs to: its actor's country, else the id's first part
    when that is a real ISO3 code or IGO ("rus/gov/vladimir-putin" → RUS; "unk/…" → None)."""
    if holder is None:
        return None
    if countries.get(holder):
        return countries[holder]
    head = holder.split("/", 1)[0].upper()
    return head if _is_country_code(head) else None


@functools.cache
def _is_country_code(code: str) -> bool:
    import pycountry  # only when an id must be read: it loads its database on first use

    return code in NON_ISO_CODES or (
        len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None
    )


def insert_rejection(conn: Connection, rejection: Rejection) -> None:
    conn.execute(
        "INSERT INTO rejections (source, reason, message, time) VALUES (?, ?, ?, ?)",
        (rejection.source, rejection.reason, rejection.message, rejection.time or now()),
    )
