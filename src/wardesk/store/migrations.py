"""The store's schema as an ordered list of SQL migrations; version N is MIGRATIONS[N - 1].

Never edit a migration that has shipped: add a new one at the end, so an older database opened
by a newer wardesk is brought forward step by step (schema_version records each step).
"""

from __future__ import annotations

# 1: articles (+ FTS5 over title and text), actors, events, the other record parts, rejections.
V1_TABLES = """
CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,            -- stable rowid for the FTS index (VACUUM keeps it)
    id TEXT NOT NULL UNIQUE,           -- sha256 of the normalised text
    source_id TEXT, title TEXT, url TEXT, publisher TEXT, published TEXT, author TEXT,
    language TEXT, words INTEGER, origin TEXT, tone_score REAL,
    text TEXT,
    schema TEXT NOT NULL,
    record TEXT NOT NULL,              -- the whole record as JSON (SCHEMA.md)
    saved TEXT NOT NULL
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.pk, old.title, old.text);
END;

CREATE TABLE actors (                  -- one row per actor id, across all articles
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, sector TEXT, role TEXT,
    role_since TEXT,                   -- published date of the article that gave the role
    aliases TEXT NOT NULL DEFAULT '[]', members TEXT NOT NULL DEFAULT '[]',
    first_seen TEXT, last_seen TEXT
);
CREATE TABLE article_actors (          -- the actor as one article described it
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    seq INTEGER NOT NULL,
    name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, sector TEXT, role TEXT,
    aliases TEXT NOT NULL, members TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,                -- PLOVER type, aliases resolved
    quad TEXT,
    mode TEXT,
    status TEXT NOT NULL, certainty TEXT NOT NULL, negated INTEGER NOT NULL,
    date_text TEXT, date_value TEXT, date_end TEXT, date_granularity TEXT, date_resolution TEXT,
    sort_date TEXT,                    -- date_value, else the article's published date
    place_name TEXT, place_country TEXT, place_admin1 TEXT, lat REAL, lon REAL, geonameid INTEGER,
    dead INTEGER, injured INTEGER, size INTEGER,
    source_codes TEXT NOT NULL, target_codes TEXT NOT NULL,   -- JSON lists
    event_text TEXT NOT NULL, evidence TEXT NOT NULL, evidence_start INTEGER, evidence_end INTEGER,
    attribution TEXT, attribution_actor TEXT,
    data TEXT NOT NULL,                -- the event as JSON (SCHEMA.md)
    PRIMARY KEY (article_id, id)
);
CREATE TABLE event_actors (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('source', 'target')),
    seq INTEGER NOT NULL,
    actor_id TEXT, actor_text TEXT NOT NULL, code TEXT, sector TEXT,
    PRIMARY KEY (article_id, event_id, role, seq),
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);
CREATE TABLE statements (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    speaker TEXT, speaker_text TEXT NOT NULL, cue TEXT NOT NULL, content TEXT NOT NULL,
    direct INTEGER NOT NULL, certainty TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE TABLE positions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    holder TEXT, holder_country TEXT, issue TEXT NOT NULL, stance TEXT NOT NULL, target TEXT,
    text TEXT NOT NULL, attribution TEXT, attribution_actor TEXT,
    date TEXT, published TEXT,
    sort_date TEXT,                    -- date, else published
    evidence_start INTEGER, evidence_end INTEGER,
    PRIMARY KEY (article_id, seq)
);
CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    value TEXT, end_value TEXT, granularity TEXT, resolution TEXT,
    PRIMARY KEY (article_id, seq)
);
CREATE TABLE loaded_terms (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    category TEXT NOT NULL, quoted INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE TABLE rejections (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL, time TEXT NOT NULL
);
"""

# 2: indexes for the filters of EventFilter, actor pages and position histories.
V2_INDEXES = """
CREATE INDEX events_sort_date ON events(sort_date);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_place_country ON events(place_country);
CREATE INDEX event_actors_actor ON event_actors(actor_id);
CREATE INDEX event_actors_code ON event_actors(code);
CREATE INDEX article_actors_actor ON article_actors(actor_id);
CREATE INDEX statements_speaker ON statements(speaker);
CREATE INDEX positions_holder ON positions(holder);
CREATE INDEX positions_country_issue ON positions(holder_country, issue);
CREATE INDEX articles_published ON articles(published);
"""

# 3: the event list's orders served by an index, so a page of 100 walks the index and stops
# (ties are sorted within their block); a type filter walks its own date order.
V3_EVENT_ORDER = """
CREATE INDEX events_by_date ON events((sort_date IS NULL), sort_date);
CREATE INDEX events_by_date_desc ON events((sort_date IS NULL), sort_date DESC);
CREATE INDEX events_type_by_date ON events(type, (sort_date IS NULL), sort_date);
CREATE INDEX events_country_by_date ON events(place_country, (sort_date IS NULL), sort_date);
CREATE INDEX event_actors_event_code ON event_actors(article_id, event_id, code);
"""

# 4: lookup tables for the two filters that were scans: every country an event touches (its
# actors' codes and its place's country; also counted by the overview), and the distinct actor
# texts, so "actor contains X" searches thousands of names instead of millions of rows.
V4_EVENT_LOOKUPS = """
CREATE TABLE event_codes (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    code TEXT NOT NULL,
    sort_date TEXT,                    -- the event's, so a country's events walk in date order
    PRIMARY KEY (article_id, event_id, code),
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO event_codes (article_id, event_id, code, sort_date)
SELECT ea.article_id, ea.event_id, ea.code, e.sort_date FROM event_actors ea
JOIN events e ON e.article_id = ea.article_id AND e.id = ea.event_id WHERE ea.code IS NOT NULL
UNION
SELECT article_id, id, place_country, sort_date FROM events WHERE place_country IS NOT NULL;
CREATE INDEX event_codes_by_date ON event_codes(code, (sort_date IS NULL), sort_date);
CREATE TABLE actor_texts (text TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO actor_texts (text) SELECT DISTINCT actor_text FROM event_actors;
CREATE INDEX event_actors_text ON event_actors(actor_text);
CREATE INDEX events_sort_date_type ON events(sort_date, type);
"""

# 5: a country's events newest first, walked in order like migration 4's oldest first.
V5_COUNTRY_NEWEST = """
CREATE INDEX event_codes_by_date_desc ON event_codes(code, (sort_date IS NULL), sort_date DESC);
"""

# 6: running totals for the overview charts of the whole store (or of a type and date range):
# events per day and type, events per country touched. Kept by every save (write.py); a chart
# over all of a large store reads thousands of totals instead of millions of events.
V6_TOTALS = """
CREATE TABLE event_day_totals (
    day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (day, type)
) WITHOUT ROWID;
INSERT INTO event_day_totals (day, type, n)
SELECT substr(sort_date, 1, 10), type, COUNT(*) FROM events WHERE sort_date IS NOT NULL
GROUP BY substr(sort_date, 1, 10), type;
CREATE TABLE event_code_totals (code TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO event_code_totals (code, n) SELECT code, COUNT(*) FROM event_codes GROUP BY code;
"""

# 7: status and certainty (filters and facets) without reading the events' rows.
V7_STATUS = """
CREATE INDEX events_status_certainty ON events(status, certainty);
CREATE INDEX events_certainty ON events(certainty);
"""

# 8: the same running totals per country an event touches, for the overview of one country:
# its events per day and type, and the countries its events touch (itself included).
V8_COUNTRY_TOTALS = """
CREATE TABLE event_code_day_totals (
    code TEXT NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (code, day, type)
) WITHOUT ROWID;
INSERT INTO event_code_day_totals (code, day, type, n)
SELECT c.code, substr(e.sort_date, 1, 10), e.type, COUNT(*) FROM event_codes c
JOIN events e ON e.article_id = c.article_id AND e.id = c.event_id
WHERE e.sort_date IS NOT NULL GROUP BY c.code, substr(e.sort_date, 1, 10), e.type;
CREATE TABLE event_code_pair_totals (
    code TEXT NOT NULL, other TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (code, other)
) WITHOUT ROWID;
INSERT INTO event_code_pair_totals (code, other, n)
SELECT c.code, o.code, COUNT(*) FROM event_codes c
JOIN event_codes o ON o.article_id = c.article_id AND o.event_id = c.event_id
GROUP BY c.code, o.code;
"""

# 9: (measured at 1M events) status/certainty pages in date order; an actor's events found
# from its rows of event_actors without reading them.
V9_COVERING = """
CREATE INDEX events_status_by_date ON events(status, certainty, (sort_date IS NULL), sort_date);
CREATE INDEX event_actors_actor_event ON event_actors(actor_id, article_id, event_id);
CREATE INDEX event_actors_text_event ON event_actors(actor_text, article_id, event_id);
"""

# 10: (measured at 1M events) an actor's events walked in date order and counted without
# reading event_actors. An actor filter matches event_actors rows by actor id or by text; each
# distinct (actor id, text) pair is one actor key, so a filter is a set of keys (usually one),
# its events are event_keys rows in a date-ordered index, as event_codes are a country's, and
# n counts the distinct events of a key (a running total, kept by every save).
V10_ACTOR_KEYS = """
CREATE TABLE actor_keys (
    id INTEGER PRIMARY KEY,
    actor_id TEXT NOT NULL,            -- '' when the text was resolved to no actor
    actor_text TEXT NOT NULL,
    n INTEGER NOT NULL,
    UNIQUE (actor_id, actor_text)
);
INSERT INTO actor_keys (actor_id, actor_text, n)
SELECT COALESCE(actor_id, ''), actor_text, COUNT(DISTINCT article_id || ' ' || event_id)
FROM event_actors GROUP BY COALESCE(actor_id, ''), actor_text;
CREATE INDEX actor_keys_text ON actor_keys(actor_text);
CREATE TABLE event_keys (
    actor_key INTEGER NOT NULL REFERENCES actor_keys(id),
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    sort_date TEXT,                    -- the event's
    PRIMARY KEY (actor_key, article_id, event_id),
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO event_keys (actor_key, article_id, event_id, sort_date)
SELECT DISTINCT k.id, ea.article_id, ea.event_id, e.sort_date FROM event_actors ea
JOIN actor_keys k ON k.actor_id = COALESCE(ea.actor_id, '') AND k.actor_text = ea.actor_text
JOIN events e ON e.article_id = ea.article_id AND e.id = ea.event_id;
CREATE INDEX event_keys_by_date ON event_keys(actor_key, (sort_date IS NULL), sort_date);
CREATE INDEX event_keys_by_date_desc ON event_keys(actor_key, (sort_date IS NULL), sort_date DESC);
"""

# 11: a page of a party's position history walked in date order: by holder, by its country.
V11_POSITION_ORDER = """
CREATE INDEX positions_holder_by_date ON positions(holder, (sort_date IS NULL), sort_date);
CREATE INDEX positions_country_by_date ON positions(holder_country, (sort_date IS NULL), sort_date);
"""

# 12: running totals for the facets of the events page (counts by type, status, certainty and
# country of the events a filter matches): per country touched ('' for all events), type,
# status and certainty; per day of the dated events, for a date range; and the countries the
# events of one type touch with a country (code = other: the events of a type touching it).
V12_FACET_TOTALS = """
CREATE TABLE event_facet_totals (
    code TEXT NOT NULL,                -- a country the events touch, '' for all events
    type TEXT NOT NULL, status TEXT NOT NULL, certainty TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (code, type, status, certainty)
) WITHOUT ROWID;
INSERT INTO event_facet_totals (code, type, status, certainty, n)
SELECT '', type, status, certainty, COUNT(*) FROM events GROUP BY type, status, certainty
UNION ALL
SELECT c.code, e.type, e.status, e.certainty, COUNT(*) FROM event_codes c
JOIN events e ON e.article_id = c.article_id AND e.id = c.event_id
GROUP BY c.code, e.type, e.status, e.certainty;
CREATE TABLE event_day_facet_totals (
    type TEXT NOT NULL, day TEXT NOT NULL, status TEXT NOT NULL, certainty TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (type, day, status, certainty)
) WITHOUT ROWID;
INSERT INTO event_day_facet_totals (type, day, status, certainty, n)
SELECT type, substr(sort_date, 1, 10), status, certainty, COUNT(*) FROM events
WHERE sort_date IS NOT NULL GROUP BY type, substr(sort_date, 1, 10), status, certainty;
CREATE TABLE event_code_pair_type_totals (
    type TEXT NOT NULL, code TEXT NOT NULL, other TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (type, code, other)
) WITHOUT ROWID;
INSERT INTO event_code_pair_type_totals (type, code, other, n)
SELECT e.type, c.code, o.code, COUNT(*) FROM event_codes c
JOIN event_codes o ON o.article_id = c.article_id AND o.event_id = c.event_id
JOIN events e ON e.article_id = c.article_id AND e.id = c.event_id
GROUP BY e.type, c.code, o.code;
"""

# 13: (measured at 1M events) PostgreSQL's search index moves to a narrow table of its own (see
# pg_schema.EXTRA[13]); SQLite's FTS5 table already is one, so this number changes nothing here.
V13_SEARCH_TABLE = ""

# 14: incidents (issue 12): one row per real-world event, however many reports tell it
# (wardesk.incidents; kept by every save and delete, store/incidents.py). Each event names its
# incident (NULL: not assigned yet — events stored before this migration, until
# `wardesk incidents --rebuild`) and says whether its article told it as background. The merge
# rule's candidates are the events of one type within a day or two: events_type_day.
V14_INCIDENTS = """
ALTER TABLE events ADD COLUMN background INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN incident TEXT;
ALTER TABLE events ADD COLUMN anchor TEXT;       -- the event of its article it hangs on
CREATE INDEX events_incident ON events(incident);
CREATE INDEX events_type_day ON events(type, sort_date);
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    date_value TEXT, date_granularity TEXT,
    sort_date TEXT,                    -- date_value, else the first report's published date
    place TEXT,                        -- JSON (SCHEMA.md eventLoc) or NULL
    place_country TEXT,
    source TEXT NOT NULL, target TEXT NOT NULL,   -- JSON lists of actor refs
    dead_min INTEGER, dead_max INTEGER, injured_min INTEGER, injured_max INTEGER,
    status TEXT NOT NULL,
    certainty TEXT NOT NULL,           -- claimed|reported|corroborated|disputed
    first_reported TEXT, last_reported TEXT,
    reports INTEGER NOT NULL, articles INTEGER NOT NULL, publishers INTEGER NOT NULL,
    is_current INTEGER NOT NULL        -- 1: at least one report is news (not background)
);
CREATE INDEX incidents_by_date ON incidents(is_current, (sort_date IS NULL), sort_date DESC, id);
CREATE INDEX incidents_type_by_date ON incidents(type, is_current, (sort_date IS NULL), sort_date DESC, id);
CREATE TABLE incident_codes (          -- every country an incident's reports touch, as event_codes
    code TEXT NOT NULL,
    incident TEXT NOT NULL,
    is_current INTEGER NOT NULL,
    sort_date TEXT,                    -- the incident's, so a country's page walks in date order
    PRIMARY KEY (code, incident)
) WITHOUT ROWID;
CREATE INDEX incident_codes_by_date ON incident_codes(code, is_current, (sort_date IS NULL), sort_date DESC, incident);
CREATE INDEX incident_codes_incident ON incident_codes(incident);
"""

# 15: the peace process: proposals, responses, coalitions, pledges (issue 15) — filled by that work.
V15_PROCESS = """
CREATE TABLE process_items (           -- the peace process of each article (issue 15)
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                -- proposal | coalition | pledge
    seq INTEGER NOT NULL,
    item_id TEXT,                      -- the proposal's or coalition's id; a pledge's coalition
    parties TEXT NOT NULL,             -- JSON list of the party keys it names (ISO3 or actor id)
    day TEXT,                          -- its date, else the article's published date
    data TEXT NOT NULL,                -- the record part as JSON (SCHEMA.md)
    PRIMARY KEY (article_id, kind, seq)
);
CREATE INDEX process_items_day ON process_items (kind, day);
"""

# 16: (measured at 200k events) the events list is newest first (issue 14): a type's and a
# status's events walked newest first, as migration 5 did for a country's (without them a page of
# one type, newest first, sorted all that type's events: 0.7 s at 200k).
V16_DESK_NEWEST = """
CREATE INDEX events_type_by_date_desc ON events(type, (sort_date IS NULL), sort_date DESC);
CREATE INDEX events_status_by_date_desc ON events(status, certainty, (sort_date IS NULL), sort_date DESC);
"""

# 17: (measured at 200k events) the negotiations board reads every stance's cell, date and keys
# from one index in board order (issue, party, date), without the wide rows or a sort: 320 ms ->
# 130 ms on a loaded machine.
V17_DESK_BOARD = """
CREATE INDEX positions_board ON positions(issue, (COALESCE(holder_country, holder, 'unknown')),
    (COALESCE(sort_date, '')), article_id, seq, stance, target);
"""

# 18: the recaps (events told as background) in their own small index, newest first: the
# events list leaves them out by counting every report less the recaps (EventFilter.background).
V18_RECAPS = """
CREATE INDEX events_recaps ON events((sort_date IS NULL), sort_date DESC) WHERE background = 1;
"""

# 19: a type's recaps, so that a type's list without recaps (its count from the running totals
# less its recaps) reads only them, not every event of the type.
V19_RECAPS_BY_TYPE = """
CREATE INDEX events_recaps_type ON events(type, (sort_date IS NULL), sort_date DESC) WHERE background = 1;
"""

# 20: current incidents by day with their type and id in one covering index: trends of incidents
# by type and "what changed" count them without reading the wide incident rows (200k events:
# trends by week and type 39 -> 18 ms).
V20_INCIDENT_DAYS = """
CREATE INDEX incidents_day_type ON incidents(is_current, (sort_date IS NULL), sort_date, type, id);
"""

# 21: (measured at 1M events) running totals of current incidents per country touched ('' for
# all), day and type, kept by every write of incidents (store/incident_totals.py): the trends of
# incidents and "what changed" read them instead of every incident of their range.
V21_INCIDENT_TOTALS = """
CREATE TABLE incident_day_totals (
    code TEXT NOT NULL,                -- a country the incidents touch, '' for all incidents
    day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (code, day, type)
) WITHOUT ROWID;
INSERT INTO incident_day_totals (code, day, type, n)
SELECT '', substr(sort_date, 1, 10), type, COUNT(*) FROM incidents
WHERE is_current = 1 AND sort_date IS NOT NULL GROUP BY substr(sort_date, 1, 10), type
UNION ALL
SELECT c.code, substr(i.sort_date, 1, 10), i.type, COUNT(*) FROM incident_codes c
JOIN incidents i ON i.id = c.incident WHERE i.is_current = 1 AND i.sort_date IS NOT NULL
GROUP BY c.code, substr(i.sort_date, 1, 10), i.type;
CREATE INDEX incident_day_totals_day ON incident_day_totals(day, code, type, n);
"""

MIGRATIONS: tuple[str, ...] = (
    V1_TABLES, V2_INDEXES, V3_EVENT_ORDER, V4_EVENT_LOOKUPS, V5_COUNTRY_NEWEST, V6_TOTALS,
    V7_STATUS, V8_COUNTRY_TOTALS, V9_COVERING, V10_ACTOR_KEYS, V11_POSITION_ORDER,
    V12_FACET_TOTALS, V13_SEARCH_TABLE, V14_INCIDENTS, V15_PROCESS, V16_DESK_NEWEST,
    V17_DESK_BOARD, V18_RECAPS, V19_RECAPS_BY_TYPE, V20_INCIDENT_DAYS, V21_INCIDENT_TOTALS,
)
