"""The shapes events take in exports: PLOVER JSON lines and one flat table row per event.

Both are built from the store's flat event (wardesk.store.rows.flat_event), so a store and a
fresh extraction export the same way.
"""

from __future__ import annotations

import json
from typing import Any

PLOVER_FIELDS = (
    "id", "date", "event", "mode", "context", "source", "target", "eventText", "eventLoc",
    "dead", "injured", "size", "text",
)
EXTENSION_FIELDS = (
    "status", "certainty", "attribution", "negated", "quantities", "article_id", "source_id",
    "url", "publisher",
)

# The flat table (csv, parquet, GeoJSON properties): name → pyarrow type name.
TABLE_COLUMNS: dict[str, str] = {
    "event_id": "string", "article_id": "string", "date": "string", "date_text": "string",
    "date_end": "string", "date_granularity": "string", "date_resolution": "string",
    "published": "string", "event": "string", "quad": "string", "mode": "string",
    "context": "list", "status": "string", "certainty": "string", "negated": "bool",
    "source_codes": "list", "source_actors": "list", "source_text": "list",
    "source_sectors": "list", "target_codes": "list", "target_actors": "list",
    "target_text": "list", "target_sectors": "list", "eventText": "string", "place": "string",
    "place_country": "string", "admin1": "string", "latitude": "float", "longitude": "float",
    "geonameid": "int", "dead": "int", "injured": "int", "size": "int", "quantities": "string",
    "attribution": "string", "attribution_actor": "string", "evidence": "string",
    "evidence_start": "int", "evidence_end": "int", "article_title": "string", "url": "string",
    "publisher": "string", "source_id": "string",
}


def event_date(flat: dict[str, Any]) -> str | None:
    """The event's day (YYYY-MM-DD): its resolved date, else its article's published date."""
    value = (flat.get("date") or {}).get("value") or flat.get("published")
    return value[:10] if value else None


def plover_event(flat: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER JSON line: PLOVER's field names, then wardesk's extension fields."""
    out = {name: flat.get(name) for name in PLOVER_FIELDS}
    out["date"] = event_date(flat)
    out["text"] = (flat.get("evidence") or {}).get("text")
    out.update({name: flat.get(name) for name in EXTENSION_FIELDS})
    return out


def _refs(flat: dict[str, Any], side: str, key: str) -> list[str]:
    return [ref.get(key) or "" for ref in flat.get(side) or ()]


def table_row(flat: dict[str, Any]) -> dict[str, Any]:
    """One flat row per event; list columns stay lists (csv joins them)."""
    date = flat.get("date") or {}
    loc = flat.get("eventLoc") or {}
    attribution = flat.get("attribution") or {}
    evidence = flat.get("evidence") or {}
    return {
        "event_id": flat.get("id"), "article_id": flat.get("article_id"),
        "date": event_date(flat), "date_text": date.get("text"), "date_end": date.get("end"),
        "date_granularity": date.get("granularity"), "date_resolution": date.get("resolution"),
        "published": flat.get("published"), "event": flat.get("event"), "quad": flat.get("quad"),
        "mode": flat.get("mode"), "context": list(flat.get("context") or ()),
        "status": flat.get("status"), "certainty": flat.get("certainty"),
        "negated": bool(flat.get("negated")),
        **{f"{side}_{name}": _refs(flat, side, key) for side in ("source", "target")
           for name, key in (("codes", "code"), ("actors", "actor"), ("text", "actorText"),
                             ("sectors", "sector"))},
        "eventText": flat.get("eventText"), "place": loc.get("name"),
        "place_country": loc.get("country"), "admin1": loc.get("admin1"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), "geonameid": loc.get("geonameid"),
        "dead": flat.get("dead"), "injured": flat.get("injured"), "size": flat.get("size"),
        "quantities": json.dumps(flat.get("quantities") or [], ensure_ascii=False),
        "attribution": attribution.get("text"), "attribution_actor": attribution.get("actor"),
        "evidence": evidence.get("text"), "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"), "article_title": flat.get("article_title"),
        "url": flat.get("url"), "publisher": flat.get("publisher"),
        "source_id": flat.get("source_id"),
    }
