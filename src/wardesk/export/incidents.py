"""Exports by incident: one row per real-world event, however many reports tell it.

Events are grouped by the ``incident`` the store gave them (an event without one is its own
incident); background events (an article's recap of the past) are left out unless asked for.
An incident's deaths are counted once: ACLED's ``fatalities`` is the lowest figure its reports
give (ACLED's convention: the most conservative credible figure) and ``notes`` states the range;
the flat table keeps ``dead_min``/``dead_max``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

BY: tuple[str, ...] = ("incident", "report")

INCIDENT_COLUMNS: dict[str, str] = {  # name → pyarrow type name, as shapes.TABLE_COLUMNS
    "incident_id": "string", "type": "string", "date": "string", "date_granularity": "string",
    "first_reported": "string", "last_reported": "string", "place": "string",
    "place_country": "string", "admin1": "string", "latitude": "float", "longitude": "float",
    "geonameid": "int", "source_actors": "list", "source_text": "list", "source_codes": "list",
    "target_actors": "list", "target_text": "list", "target_codes": "list",
    "dead_min": "int", "dead_max": "int", "injured_min": "int", "injured_max": "int",
    "status": "string", "certainty": "string", "reports": "int", "articles": "int",
    "publishers": "int", "publisher_names": "list", "event_ids": "list", "article_ids": "list",
    "source_ids": "list", "evidence": "string", "background": "bool",
}


def incident_key(event: dict[str, Any]) -> str:
    """The incident an event belongs to: the store's, else the event alone."""
    return str(event.get("incident") or f"event:{event.get('article_id')}:{event.get('id')}")


def current(events: Iterable[dict[str, Any]], background: bool = False) -> Iterator[dict[str, Any]]:
    """``events`` without the background ones (unless ``background``)."""
    return iter(events) if background else (e for e in events if not e.get("background"))


def group(events: Iterable[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Flat events grouped by incident, in the order each incident first appears."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        groups.setdefault(incident_key(e), []).append(e)
    return list(groups.values())


def _article(e: dict[str, Any]) -> dict[str, Any]:
    return {"id": e.get("article_id"), "published": e.get("published"),
            "publisher": e.get("publisher"), "source_id": e.get("source_id")}


def report_entry(e: dict[str, Any]) -> dict[str, Any]:
    """One report of an incident, as SCHEMA.md lists them."""
    evidence = e.get("evidence") or {}
    return {"event": e.get("id"), "article": e.get("article_id"), "source_id": e.get("source_id"),
            "publisher": e.get("publisher"), "published": e.get("published"),
            "article_title": e.get("article_title"), "type": e.get("event"),
            "certainty": e.get("certainty"), "status": e.get("status"),
            "background": bool(e.get("background")),
            "evidence": {"text": evidence.get("text"), "start": evidence.get("start"),
                         "end": evidence.get("end")},
            "dead": e.get("dead"), "injured": e.get("injured")}


def summary(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The incident these reports (flat events of one incident) make, with its reports."""
    from wardesk.incidents import report_from_event, summarise

    reports = [report_from_event(e, _article(e), e.get("incident")) for e in events]
    found = summarise(reports)
    found["id"] = events[0].get("incident") or found["id"]
    found["reports"] = [report_entry(e) for e in events]
    return found


def summaries(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for members in group(events):
        yield summary(members)


def _refs(refs: list[dict[str, Any]], key: str) -> list[str]:
    return [str(r.get(key) or "") for r in refs]


def _range(found: dict[str, Any], name: str) -> tuple[int | None, int | None]:
    value = found.get(name) or {}
    return value.get("min"), value.get("max")


def incident_row(found: dict[str, Any]) -> dict[str, Any]:
    """One flat row per incident (csv, GeoJSON properties); list columns stay lists."""
    date = found.get("date") or {}
    place = found.get("place") or {}
    reports = found.get("reports") or []
    dead, injured = _range(found, "dead"), _range(found, "injured")
    return {
        "incident_id": found.get("id"), "type": found.get("type"), "date": date.get("value"),
        "date_granularity": date.get("granularity"),
        "first_reported": found.get("first_reported"), "last_reported": found.get("last_reported"),
        "place": place.get("name"), "place_country": place.get("country"),
        "admin1": place.get("admin1"), "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geonameid": place.get("geonameid"),
        **{f"{side}_{name}": _refs(found.get(side) or [], key) for side in ("source", "target")
           for name, key in (("actors", "actor"), ("text", "actorText"), ("codes", "code"))},
        "dead_min": dead[0], "dead_max": dead[1], "injured_min": injured[0],
        "injured_max": injured[1], "status": found.get("status"),
        "certainty": found.get("certainty"), "reports": len(reports),
        "articles": found.get("articles"), "publishers": found.get("publishers"),
        "publisher_names": list(dict.fromkeys(str(r["publisher"]) for r in reports
                                              if r.get("publisher"))),
        "event_ids": [str(r["event"]) for r in reports],
        "article_ids": list(dict.fromkeys(str(r["article"]) for r in reports)),
        "source_ids": list(dict.fromkeys(str(r["source_id"]) for r in reports if r.get("source_id"))),
        "evidence": _lead(reports), "background": all(r.get("background") for r in reports),
    }


def _lead(reports: list[dict[str, Any]]) -> str | None:
    """The evidence of the earliest published report (its first sentence in the article)."""
    if not reports:
        return None
    first = min(reports, key=lambda r: (str(r.get("published") or "~"),
                                        (r.get("evidence") or {}).get("start") or 0))
    return (first.get("evidence") or {}).get("text")


def incident_rows(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    return (incident_row(found) for found in summaries(events))


# ---- ACLED by incident ----------------------------------------------------------------------

ACLED_EXTRA: tuple[str, ...] = ("incident_id", "fatalities_max", "reports", "articles",
                                "publishers")
_CERTAINTY_RANK = {"confirmed": 4, "reported": 3, "claimed": 2, "hedged": 1, "speculative": 0}


def acled_incident_columns(columns: tuple[str, ...]) -> tuple[str, ...]:
    return (*columns, *ACLED_EXTRA)


def _richness(row: dict[str, object]) -> tuple[int, ...]:
    """How much a report's ACLED row says: actors, a located place, a specific sub-type."""
    return (bool(row.get("actor1")) + bool(row.get("actor2")),
            int(row.get("latitude") not in ("", None)) + int(row.get("geo_precision") == 1),
            int(row.get("sub_event_type") != "Armed clash"),
            _CERTAINTY_RANK.get(str(row.get("certainty")), 0))


def _joined(values: Iterable[object]) -> str:
    return "; ".join(dict.fromkeys(str(v) for v in values if v not in ("", None)))


@dataclass
class AcledIncident:
    """One incident's ACLED row, built report by report (what it keeps grows with the number of
    publishers and articles, not with the rows): the richest report's coding, the day most
    reports give, the lowest reported toll in ``fatalities`` (a report of none counts only when
    no report gives deaths) and the range in ``notes``."""

    best: dict[str, object] = field(default_factory=dict)
    days: Counter[str] = field(default_factory=Counter)
    low: int | None = None
    high: int | None = None
    figures: int = 0
    zeros: int = 0
    reports: int = 0
    articles: set[object] = field(default_factory=set)
    publishers: set[object] = field(default_factory=set)
    sources: dict[str, None] = field(default_factory=dict)
    source_ids: dict[str, None] = field(default_factory=dict)

    def add(self, row: dict[str, object]) -> None:
        """A report's row, with ``_dead`` (its toll or None), ``_article`` and ``_publisher``."""
        if not self.best or _richness(row) > _richness(self.best):
            self.best = dict(row)
        if row.get("event_date"):
            self.days[str(row["event_date"])] += 1
        dead = row.get("_dead")
        if isinstance(dead, int):
            self.figures += 1
            self.zeros += dead == 0
            if dead > 0:  # "none killed" beside reported deaths is not the lowest credible toll
                self.low = dead if self.low is None else min(self.low, dead)
            self.high = dead if self.high is None else max(self.high, dead)
        self.reports += 1
        self.articles.add(row.get("_article"))
        self.publishers.add(row.get("_publisher"))
        for source in str(row.get("source") or "").split("; "):
            if source:
                self.sources[source] = None
        if row.get("source_id"):
            self.source_ids[str(row["source_id"])] = None

    def row(self) -> dict[str, object]:
        best = dict(self.best)
        if self.days:
            day = min(self.days, key=lambda d: (-self.days[d], d))
            best["event_date"], best["year"] = day, day[:4]
        low, high = self.low or 0, self.high or 0
        if not self.figures:
            figure = "no fatality figure reported"
        else:
            told = str(low) if low == high else f"{low}-{high}"
            figure = (f"fatalities reported {told} ({self.figures} of "
                      f"{_n(self.reports, 'report')} give a figure)")
            if self.zeros and self.low is not None:
                figure += f"; {_n(self.zeros, 'report')} of none"
        best.update(
            fatalities=low, fatalities_max=high, reports=self.reports,
            articles=len(self.articles), publishers=len(self.publishers),
            source="; ".join(self.sources), source_id="; ".join(self.source_ids),
            notes=f"{best.get('notes') or ''} [{figure}; {_n(self.reports, 'report')} from "
                  f"{_n(len(self.publishers), 'publisher')}]".strip(),
        )
        return best


def acled_incident_row(rows: Iterable[dict[str, object]]) -> dict[str, object]:
    """One ACLED row from all of an incident's report rows (see AcledIncident)."""
    acc = AcledIncident()
    for row in rows:
        acc.add(row)
    return acc.row()


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
