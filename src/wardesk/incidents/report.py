"""One report of an event, as the merge rule sees it: the typed, immutable view of a stored event
row (or of a fresh Event) that the rule compares and an incident sums up.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from wardesk.records import EVENT_ALIASES

Key = tuple[str, str]  # (article id, event id): an event's key in the store


@dataclass(frozen=True, slots=True)
class Party:
    """One actor on a side of a report: its id, the words the article used, country, sector."""

    actor: str | None
    text: str
    code: str | None = None
    sector: str | None = None

    def as_ref(self) -> dict[str, Any]:
        return {"actor": self.actor, "actorText": self.text, "code": self.code,
                "sector": self.sector}


@dataclass(frozen=True, slots=True)
class Where:
    """The place of a report (SCHEMA.md eventLoc)."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    @property
    def level(self) -> str:
        """"local" (a city, a district, a site), "region" (a first-level division) or
        "country": how precisely the place is known."""
        if not self.admin1:  # a country (or a place the gazetteer could not put in a region)
            return "country"
        if self.geonameid is None:  # the gazetteer gives towns and cities their geonameid
            return "region"
        if any(w in division_words() for w in _WORD.findall(self.name.lower())):
            return "region"  # "Odesa Oblast", "Balochistan province"
        if self.name.strip().lower() == self.admin1.strip().lower():
            return "region"  # (the city of Odesa in Odesa Oblast is local)
        return "local"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "admin1": self.admin1,
                "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid}


@dataclass(frozen=True, slots=True)
class Report:
    """An event report: what the merge rule compares. ``day`` is the event's day (its date,
    else the article's published day: ``dated`` False); ``period`` is a coarser date (a week,
    month or year) as (granularity, value) when the report gives no day."""

    key: Key
    type: str
    day: dt.date | None = None
    dated: bool = True
    period: tuple[str, str] | None = None
    place: Where | None = None
    source: tuple[Party, ...] = ()
    target: tuple[Party, ...] = ()
    dead: int | None = None
    injured: int | None = None
    evidence: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None
    status: str = "occurred"
    certainty: str = "confirmed"
    negated: bool = False
    background: bool = False
    attribution: str | None = None
    published: str | None = None
    publisher: str | None = None
    source_id: str | None = None
    incident: str | None = None
    night: bool = False  # the report puts it at night or dawn (night_words.txt)
    # the event of the same article this report hangs on (story.py): it says where, this not
    anchor: str | None = None
    # its date is words the article could not resolve ("days later"): another time than the
    # article's other reports, so it hangs on none of them (story.py)
    unresolved: bool = False
    # its words say it is another incident than those told before it ("in a separate strike"):
    # it hangs on no earlier report of its article (apart_words.txt, story.py)
    apart: bool = False
    # names of places its words give after a preposition ("near Nabatieh"), lower-cased words
    # (place_names.json): what a gazetteer that missed a small town still lets two reports share
    names: frozenset[str] = field(default=frozenset(), compare=False)
    words: frozenset[str] = field(default=frozenset(), compare=False)


# the story stage's rule id on an event dated only by the day it was *said* (it happened by then)
SAYING_DAY = "story.date_of_the_saying"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@functools.cache
def stopwords() -> frozenset[str]:
    text = resources.files("wardesk.incidents").joinpath("data/stopwords.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


def words(text: str) -> frozenset[str]:
    """The content words of an evidence sentence: lower-cased, stop words out, a plural's
    final s dropped (so "drones" meets "drone")."""
    stop = stopwords()
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in stop or len(w) < 2:
            continue
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return frozenset(out)


@functools.cache
def night_words() -> frozenset[str]:
    text = resources.files("wardesk.incidents").joinpath("data/night_words.txt")
    return frozenset(w for line in text.read_text("utf-8").splitlines()
                     if not line.startswith("#") for w in line.split())


def at_night(*texts: str) -> bool:
    """Whether any of ``texts`` (the evidence, the date's words) names a night or dawn."""
    found = set()
    for text in texts:
        lowered = text.lower()
        found |= set(re.findall(r"[\w-]+", lowered))
    return bool(found & night_words())


@functools.cache
def apart_phrases() -> tuple[tuple[str, ...], ...]:
    """Phrases saying a report is another incident than those before it (apart_words.txt)."""
    text = resources.files("wardesk.incidents").joinpath("data/apart_words.txt")
    return tuple(tuple(line.split()) for line in text.read_text("utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))


def told_apart(text: str) -> bool:
    """Whether ``text`` says it tells another incident ("in a separate strike", "elsewhere")."""
    tokens = _WORD.findall(text.lower())
    for phrase in apart_phrases():
        n = len(phrase)
        if any(tuple(tokens[i:i + n]) == phrase for i in range(len(tokens) - n + 1)):
            return True
    return False


@functools.cache
def _place_name_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Prepositions, words never a name, words after which a name is an area (not a point)."""
    text = resources.files("wardesk.incidents").joinpath("data/place_names.json")
    data = json.loads(text.read_text("utf-8"))
    return (frozenset(data["prepositions"]), frozenset(data["not_names"]) | stopwords(),
            frozenset(data["area_words"]) | division_words())


@functools.cache
def _known_words() -> frozenset[str]:
    """The words of names the knowledge base knows (countries, capitals, groups, demonyms)."""
    from wardesk.kb.base import load_kb

    return frozenset(w.lower() for surface in load_kb().names for w in _WORD.findall(surface))


_TOKEN = re.compile(r"[^\W_][\w-]*", re.UNICODE)


def place_names(text: str) -> frozenset[str]:
    """The words of place names ``text`` gives after a preposition ("killed near Nabatieh",
    "the port of Izmail", "in the town of Bint Jbeil"), lower-cased; names the knowledge base
    knows (countries, capitals, groups, demonyms) and the words of place_names.json left out."""
    prepositions, titles, areas = _place_name_lists()
    ignored = titles | _known_words()
    tokens = _TOKEN.findall(text)
    found: set[str] = set()
    for i, token in enumerate(tokens):
        if token.lower() not in prepositions:
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].lower() == "the":
            j += 1
        run: list[str] = []
        while j < len(tokens) and tokens[j][:1].isupper():
            run.append(tokens[j].lower())
            j += 1
        after = tokens[j].lower() if j < len(tokens) else ""
        if run and (after in areas or run[-1] in areas or run[0] in titles):
            continue  # "in the Odesa region", "the Darnytskyi district": an area, not a point
        if run and (run[-1] in venue_words() or after in venue_words()):
            continue  # "at the Ciragan Palace": a site inside some town, not another town
        found.update(w for w in run if w not in ignored and len(w) > 2)
    return frozenset(found)


@functools.cache
def venue_words() -> frozenset[str]:
    """Words that end the name of a site inside a town ("palace", "hotel"): place_names.json."""
    text = resources.files("wardesk.incidents").joinpath("data/place_names.json")
    return frozenset(json.loads(text.read_text("utf-8")).get("venue_words", ()))


def area_words() -> frozenset[str]:
    """Words naming a kind of area or division ("district", "province"): place_names.json's
    area words and division_words.txt."""
    return _place_name_lists()[2]


@functools.cache
def division_words() -> frozenset[str]:
    """Words that name a kind of division ("oblast", "region"): "Donetsk region" is a division,
    where "Donetsk" is a city inside the division "Donetsk Oblast"."""
    text = resources.files("wardesk.incidents").joinpath("data/division_words.txt")
    return frozenset(w for line in text.read_text("utf-8").splitlines()
                     if not line.startswith("#") for w in line.split())


def _same_name(a: str, b: str) -> bool:
    a, b = a.lower().strip(), b.lower().strip()
    return a == b or a.startswith(b) or b.startswith(a)


def day_of(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _canonical(event_type: str) -> str:
    upper = event_type.strip().upper()
    return EVENT_ALIASES.get(upper, upper)


def _parties(refs: Any) -> tuple[Party, ...]:
    return tuple(Party(r.get("actor"), r.get("actorText") or "", r.get("code"), r.get("sector"))
                 for r in refs or () if isinstance(r, dict))


def _where(loc: Any) -> Where | None:
    if not isinstance(loc, dict) or not loc.get("name"):
        return None
    return Where(loc["name"], loc.get("country"), loc.get("admin1"), loc.get("lat"),
                 loc.get("lon"), loc.get("geonameid"))


def report_from_event(event: dict[str, Any], article: dict[str, Any],
                      incident: str | None = None, anchor: str | None = None) -> Report:
    """A report from an event as SCHEMA.md shapes it (``to_dict(Event)``) and its article's
    fields (id, published, publisher, source_id)."""
    date = event.get("date") if isinstance(event.get("date"), dict) else None
    published = article.get("published")
    granularity = (date or {}).get("granularity") or "day"
    value = (date or {}).get("value")
    day, dated, period = None, True, None
    if value and granularity == "day":
        day = day_of(value)
        dated = (date or {}).get("resolution") not in ("publication_date", "unresolved") \
            and SAYING_DAY not in (event.get("trace") or ())
    elif value:
        period = (granularity, str(value))
    unresolved = bool((date or {}).get("text")) and not value  # "days later", "a day after"
    if day is None and period is None:
        day, dated = day_of(published), False
    evidence = event.get("evidence") or {}
    attribution = event.get("attribution") if isinstance(event.get("attribution"), dict) else None
    return Report(
        key=(str(article.get("id")), str(event.get("id"))),
        type=_canonical(str(event.get("event") or "")), day=day, dated=dated, period=period,
        place=_where(event.get("eventLoc")),
        source=_parties(event.get("source")), target=_parties(event.get("target")),
        dead=event.get("dead"), injured=event.get("injured"),
        evidence=evidence.get("text") or "", evidence_start=evidence.get("start"),
        evidence_end=evidence.get("end"), status=event.get("status") or "occurred",
        certainty=event.get("certainty") or "confirmed", negated=bool(event.get("negated")),
        background=bool(event.get("background")),
        attribution=(attribution or {}).get("actor") or (attribution or {}).get("text"),
        published=published, publisher=article.get("publisher"),
        source_id=article.get("source_id"), incident=incident, anchor=anchor,
        night=at_night(evidence.get("text") or "", (date or {}).get("text") or ""),
        unresolved=unresolved, apart=told_apart(evidence.get("text") or ""),
        names=place_names(evidence.get("text") or ""),
        words=words(evidence.get("text") or ""),
    )
