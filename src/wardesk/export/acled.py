"""The ACLED view of wardesk events: violent, protest and some strategic events that happened,
as rows in ACLED's columns with ACLED's own event_type / sub_event_type names.

Only events that occurred (or are ongoing) and are not negated are rows: ACLED records what
took place. ``status`` and ``certainty`` are kept as extra columns so a claim stays a claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from wardesk.export.acled_kinds import (  # noqa: F401 (classify, report_class: the export's API)
    BATTLES,
    PROTESTS,
    REMOTE,
    RIOTS,
    VAC,
    Kind,
    classify,
    in_context,
    report_class,
)
from wardesk.export.incidents import AcledIncident, acled_incident_columns
from wardesk.records import ActorRef, ArticleRecord, Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id", "source_id", "event_date", "year", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "status", "certainty",
)

# ACLED interaction codes by PLOVER sector.
_INTER = {"GOV": "1", "MIL": "1", "COP": "1", "SPY": "1", "REB": "2", "INS": "2", "UNK": "3", "UAF": "3", "CVL": "7",
          "REF": "7", "MED": "7", "NGO": "7", "BUS": "7"}


_STATE = {"GOV", "MIL", "COP", "SPY"}


# The short names ACLED writes where ISO's formal name differs.
_SHORT_NAMES = {"RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea",
                "PRK": "North Korea", "VNM": "Vietnam", "BOL": "Bolivia", "VEN": "Venezuela",
                "TZA": "Tanzania", "MDA": "Moldova", "LAO": "Laos", "PSE": "Palestine",
                "COD": "Democratic Republic of Congo", "COG": "Republic of Congo",
                "TWN": "Taiwan", "GBR": "United Kingdom", "USA": "United States"}


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    if not code:
        return ""
    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=code)
    except (ImportError, LookupError, KeyError):
        found = None
    return str(getattr(found, "common_name", None) or getattr(found, "name", code)) if found else code


def actor_name(ref: ActorRef, protest: str | None = None, violent: bool = False) -> str:
    """ACLED's naming style: "Military Forces of Russia", "Protesters (Serbia)" …; in violence
    a state named only as a country is its armed forces."""
    country = country_name(ref.code) if ref.code and ref.code not in ("IGO", "NGO") else ""
    if protest and ref.sector in (None, "CVL", "OPP", "LAB", "NGO"):
        return f"{protest} ({country})" if country else protest
    styles = {"MIL": "Military Forces of {}", "GOV": "Government of {}", "COP": "Police Forces of {}",
              "CVL": "Civilians ({})", "REF": "Civilians ({})",
              "UNK": "Unidentified Armed Group ({})", "UAF": "Unidentified Armed Group ({})"}
    if violent:
        styles["GOV"] = "Military Forces of {}"
    if country and ref.sector in styles:
        return styles[ref.sector].format(country)
    return ref.actorText


def _inter(refs: tuple[ActorRef, ...], protest: str | None) -> str:
    if not refs:
        return ""
    if protest and refs[0].sector not in _STATE:  # police who break up a protest stay state forces
        return "5" if protest == "Rioters" else "6"
    return _INTER.get(refs[0].sector or "", "")


def _place_fields(ev: Event) -> dict[str, object]:
    loc = ev.eventLoc
    if loc is None:
        return {"country": "", "admin1": "", "location": "", "latitude": "", "longitude": "", "geo_precision": ""}
    country = country_name(loc.country)
    whole_country = loc.name.lower() == country.lower()
    return {
        "country": country, "admin1": loc.admin1 or "", "location": loc.name,
        "latitude": loc.lat if loc.lat is not None else "", "longitude": loc.lon if loc.lon is not None else "",
        "geo_precision": 3 if whole_country else 1,
    }


def sentence_kinds(record: ArticleRecord) -> dict[str, Kind | None]:
    """Each event's ACLED class, read with the other events of its sentence (acled_kinds.in_context)."""
    by_sentence: dict[int, list[Event]] = {}
    for ev in record.events:
        by_sentence.setdefault(ev.evidence.start, []).append(ev)
    return {ev.id: kind for events in by_sentence.values() for ev, kind in zip(events, in_context(events), strict=True)}


def acled_row(ev: Event, record: ArticleRecord, kind: Kind | None = None) -> dict[str, object] | None:
    """The ACLED row of an event (``kind``: its class read in its sentence, else read alone)."""
    kind = kind if kind is not None else classify(ev)
    if kind is None:
        return None
    protest = ("Rioters" if kind[0] == RIOTS else "Protesters") if kind[0] in (PROTESTS, RIOTS) else None
    violent = kind[0] in (BATTLES, REMOTE, VAC)
    day = ev.date.value if ev.date and ev.date.value else (record.article.published or "")
    sources = [s for s in (record.article.publisher, ev.attribution.text if ev.attribution else None) if s]
    row: dict[str, object] = {
        "event_id": ev.id, "source_id": record.article.source_id or "",
        "event_date": day[:10], "year": day[:4],
        "event_type": kind[0], "sub_event_type": kind[1],
        "actor1": actor_name(ev.source[0], protest, violent) if ev.source else "",
        "assoc_actor_1": "; ".join(actor_name(r, protest, violent) for r in ev.source[1:]),
        "inter1": _inter(ev.source, protest),
        "actor2": actor_name(ev.target[0], None, violent) if ev.target else "",
        "assoc_actor_2": "; ".join(actor_name(r, None, violent) for r in ev.target[1:]),
        "inter2": _inter(ev.target, None),
        "source": "; ".join(sources), "notes": ev.evidence.text,
        "fatalities": ev.dead or 0, "status": ev.status, "certainty": ev.certainty,
    }
    row.update(_place_fields(ev))
    return row


def acled_rows(records: Iterable[ArticleRecord], background: bool = True) -> Iterator[dict[str, object]]:
    """One ACLED row per event that ACLED's definitions cover, columns in ACLED_COLUMNS order;
    ``background`` False leaves out the events an article recounts as past context."""
    for record in records:
        kinds = sentence_kinds(record)
        for ev in record.events:
            row = acled_row(ev, record, kinds[ev.id]) if background or not ev.background else None
            if row is not None:
                yield {col: row.get(col, "") for col in ACLED_COLUMNS}


ACLED_INCIDENT_COLUMNS = acled_incident_columns(ACLED_COLUMNS)


def acled_incident_rows(records: Iterable[ArticleRecord],
                        background: bool = False) -> Iterator[dict[str, object]]:
    """One ACLED row per incident (ACLED_INCIDENT_COLUMNS): its reports' rows merged, deaths
    counted once. An event joins its ``incident`` (a stored record's events carry the one the
    store gave them); an event without one is an incident alone."""
    groups: dict[str, AcledIncident] = {}
    for record in records:
        kinds = sentence_kinds(record)
        for ev in record.events:
            if ev.background and not background:
                continue
            row = acled_row(ev, record, kinds[ev.id])
            if row is None:
                continue
            key = ev.incident
            row.update(incident_id=key or "", _dead=ev.dead, _article=record.article.id,
                       _publisher=record.article.publisher or record.article.id)
            groups.setdefault(key or f"event:{record.article.id}:{ev.id}", AcledIncident()).add(row)
    for acc in groups.values():
        merged = acc.row()
        yield {col: merged.get(col, "") for col in ACLED_INCIDENT_COLUMNS}
