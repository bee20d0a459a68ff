"""The ACLED view of wardesk events: violent, protest and some strategic events that happened,
as rows in ACLED's columns with ACLED's own event_type / sub_event_type names.

Only events that occurred (or are ongoing) and are not negated are rows: ACLED records what
took place. ``status`` and ``certainty`` are kept as extra columns so a claim stays a claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from wardesk.event_types import types_with
from wardesk.export.incidents import AcledIncident, acled_incident_columns
from wardesk.records import ActorRef, ArticleRecord, Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id", "source_id", "event_date", "year", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "status", "certainty",
)

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# ACLED interaction codes by PLOVER sector.
_INTER = {"GOV": "1", "MIL": "1", "COP": "1", "SPY": "1", "REB": "2", "INS": "2", "UNK": "3", "UAF": "3", "CVL": "7",
          "REF": "7", "MED": "7", "NGO": "7", "BUS": "7"}
_ARMED = {"MIL", "REB", "INS", "COP", "SPY"}
_INTERCEPT_WORDS = ("shot down", "shoot down", "intercept", "downed", "destroyed")
_VAC_MODES = {"beat", "torture", "execute", "massacre", "assassinate", "cleansing"}
_TYPES_AS_ROWS = types_with("acled_row")  # data/event_types.json


# Weapon words in the sentence, for attacks whose predicate names no weapon ("killed").
_WEAPON_MODES = (("drone", "drone"), ("airstrike", "aerial"), ("air strike", "aerial"),
                 ("bomb", "aerial"), ("missile", "heavy-weapons"), ("shell", "heavy-weapons"),
                 ("artillery", "heavy-weapons"), ("rocket", "heavy-weapons"), ("mortar", "heavy-weapons"),
                 ("landmine", "explosives"), ("roadside", "explosives"), ("ied", "explosives"))


def _weapon_mode(ev: Event) -> str:
    if ev.mode and ev.mode != "destroy":
        return ev.mode
    words = ev.evidence.text.lower()
    return next((mode for word, mode in _WEAPON_MODES if word in words), ev.mode or "")


def _assault_sub(ev: Event) -> tuple[str, str]:
    text = ev.eventText.lower()
    mode = _weapon_mode(ev)
    hurt = bool(ev.dead or ev.injured)
    if mode in ("aerial", "drone") and any(w in text for w in _INTERCEPT_WORDS) and not hurt:
        return STRATEGIC, "Disrupted weapons use"
    if mode == "abduct":
        return VAC, "Abduction/forced disappearance"
    if mode == "sexual":
        return VAC, "Sexual violence"
    if mode == "suicide-attack":
        return REMOTE, "Suicide bomb"
    if mode == "explosives":
        return REMOTE, "Remote explosive/landmine/IED"
    if mode in ("aerial", "drone"):
        return REMOTE, "Air/drone strike"
    if mode == "heavy-weapons":
        return REMOTE, "Shelling/artillery/missile attack"
    if mode == "destroy" and not hurt:
        return STRATEGIC, "Looting/property destruction"
    if mode in _VAC_MODES or _sectors(ev.target) & {"CVL", "REF"}:
        return VAC, "Attack"
    return BATTLES, "Armed clash"


def classify(ev: Event) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) of an event, or None when ACLED has no row for it."""
    if ev.event not in _TYPES_AS_ROWS or ev.negated or ev.status not in ("occurred", "ongoing"):
        return None
    if ev.event == "ASSAULT":
        return _assault_sub(ev)
    if ev.event == "PROTEST":
        if ev.mode == "riot":
            return RIOTS, "Violent demonstration"
        return (PROTESTS, "Protest with intervention") if ev.dead or ev.injured else (PROTESTS, "Peaceful protest")
    if ev.event == "COERCE":
        if ev.mode == "arrest":
            return STRATEGIC, "Arrests"
        if ev.mode == "seize" and "military" in ev.context:
            return STRATEGIC, "Non-violent transfer of territory"
        return None
    if ev.event == "MOBILIZE":
        return STRATEGIC, "Change to group/activity"
    if ev.event == "RETREAT" and ev.mode == "ceasefire":
        return STRATEGIC, "Agreement"
    if ev.event == "AGREE" and {"peace_process", "military"} & set(ev.context):
        return STRATEGIC, "Agreement"
    return None


def _sectors(refs: Iterable[ActorRef]) -> set[str]:
    return {r.sector for r in refs if r.sector}


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
    if protest:
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


def acled_row(ev: Event, record: ArticleRecord) -> dict[str, object] | None:
    kind = classify(ev)
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
        for ev in record.events:
            row = acled_row(ev, record) if background or not ev.background else None
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
        for ev in record.events:
            if ev.background and not background:
                continue
            row = acled_row(ev, record)
            if row is None:
                continue
            key = ev.incident
            row.update(incident_id=key or "", _dead=ev.dead, _article=record.article.id,
                       _publisher=record.article.publisher or record.article.id)
            groups.setdefault(key or f"event:{record.article.id}:{ev.id}", AcledIncident()).add(row)
    for acc in groups.values():
        merged = acc.row()
        yield {col: merged.get(col, "") for col in ACLED_INCIDENT_COLUMNS}
