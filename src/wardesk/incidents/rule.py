"""The merge rule: whether two reports tell the same real-world incident.

ACLED's rule (same day, place, actors and type) made to hold on real reporting. A pair is one
incident when it has the same type, nothing vetoes it, and its evidence adds up:

- date: the same day, or one day apart when one report is dated by its publication day or
  puts the event at night (time zones, "overnight"): two explicit dates a day apart by day
  are two days' events; a week, month or year only meets the same period; more than a day apart: veto.
- place: the same geonameid, or two local places within ``near_km`` (a district and its city)
  are the same place; a region or country that holds the other place is "within"; a missing
  place is unknown; places in different countries, regions or far apart: veto.
- actors, per side: an actor id in common, else a country code in common ("Russian forces",
  "Moscow", "the Kremlin" share RUS); a side a report leaves empty is unknown; both sides named
  with nothing in common: veto.
- wording: the overlap of the two evidence sentences' content words.

The decision depends on the two reports only (never on what else is stored), and it is
symmetric: incidents are the connected components of this relation (see cluster.py), whatever
order reports arrive in. The numbers are data (data/rule.json).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from wardesk.incidents.report import Party, Report, Where, _same_name, area_words, words


@dataclass(frozen=True, slots=True)
class Rule:
    near_km: float
    weights: dict[str, float]
    threshold: dict[str, float]
    min_text: dict[str, float]
    max_day_gap: int = 1
    symmetric: frozenset[str] = frozenset()
    late_gap: int = 1  # days a report dated only by its publication may come after the event
    # types whose later reports in one article (a toll, an account) hang on its dated lead
    follow_up_types: frozenset[str] = frozenset()
    # types held somewhere whose host country a report may name as a party ("hosted by Turkey")
    hosted_types: frozenset[str] = frozenset()
    # sectors whose guessed country never vetoes a side (an unknown actor, a civilian)
    weak_sectors: frozenset[str] = frozenset({"UNK"})

    @property
    def reach(self) -> int:
        """How many days apart two reports of one incident can lie."""
        return max(self.max_day_gap, self.late_gap)


@functools.cache
def default_rule() -> Rule:
    text = resources.files("wardesk.incidents").joinpath("data/rule.json").read_text("utf-8")
    return rule_from(json.loads(text))


def rule_from(data: dict[str, Any]) -> Rule:
    return Rule(float(data["near_km"]), dict(data["weights"]), dict(data["threshold"]),
                dict(data["min_text"]), int(data.get("max_day_gap", 1)),
                frozenset(data.get("symmetric_types", ())),
                int(data.get("late_report_days", data.get("max_day_gap", 1))),
                frozenset(data.get("follow_up_types", ())),
                frozenset(data.get("hosted_types", ())),
                frozenset(data.get("weak_sectors", ("UNK",))))


VETO = None


def same_incident(a: Report, b: Report, rule: Rule | None = None) -> bool:
    """Whether reports ``a`` and ``b`` tell one incident (symmetric; depends on them alone)."""
    return score(a, b, rule) is not None


def score(a: Report, b: Report, rule: Rule | None = None) -> float | None:
    """The pair's evidence when it passes the rule's threshold, else None."""
    rule = rule or default_rule()
    if a.type != b.type or a.key == b.key:
        return None
    when = date_agreement(a, b, rule)
    if when is None:
        return None
    where = place_agreement(a.place, b.place, rule)
    if where is None or names_elsewhere(a, b) or names_elsewhere(b, a):
        return None  # "the town of Chuhuiv" is not the strike on Kharkiv the same day
    named = _names(a, b) or _names(b, a) if where == "unknown" else False
    if named or (where in ("unknown", "within") and _share_place_name(a, b)):
        where = "named"
    source, target = sides(a, b, rule)
    if where is None or source is None or target is None:
        return None
    if where == "unknown" and (a.anchor or b.anchor) and a.anchor != b.key[1] \
            and b.anchor != a.key[1]:
        return None  # a vague report meets other reports, in its article too, through its
        # anchor (story.py): by its words alone it would bridge two incidents of one article
    text = overlap(a, b)
    w = rule.weights
    if where not in ("same", "named") and text < rule.min_text["unplaced"]:
        return None  # a vague report joins only one that says much the same
    if when in ("near_day", "late") and text < rule.min_text["near_day"]:
        return None
    if when == "late" and where not in ("same", "named"):
        return None
    total = (w["place_" + where] if where in ("same", "within", "named") else 0.0) \
        + sum(w["party_" + s] for s in (source, target) if s in ("id", "code")) \
        + w["text"] * text
    return total if total >= rule.threshold["near_day" if when == "late" else when] else None


def date_agreement(a: Report, b: Report, rule: Rule) -> str | None:
    """"same_day", "near_day", "late" (a report dated by its publication a few days after the
    other), "coarse" (the same week, month or year) or None (veto)."""
    if a.period is not None or b.period is not None:
        return "coarse" if a.period == b.period else None
    if a.day is None or b.day is None:
        return None
    gap = abs((a.day - b.day).days)
    if gap == 0:
        return "same_day"
    if gap > rule.max_day_gap:
        later = a if a.day > b.day else b
        # a report with no date of its own, published a few days on (a survivor's account)
        return "late" if gap <= rule.late_gap and not later.dated else None
    # a day apart: a report dated by its publication, or one at night, may be the other's;
    # so may one whose words name the other's weekday ("said on Friday that Thursday's strike")
    loose = not (a.dated and b.dated) or a.night or b.night \
        or _names_day(a, b.day) or _names_day(b, a.day)
    return "near_day" if loose else None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _names_day(r: Report, day: dt.date) -> bool:
    """Whether ``r``'s evidence names ``day``'s weekday: the date it was given may be the day
    of the saying, the words still tell the other day."""
    return re.search(rf"\b{_WEEKDAYS[day.weekday()]}\b", r.evidence.lower()) is not None


def place_agreement(a: Where | None, b: Where | None, rule: Rule) -> str | None:
    """"same", "within", "unknown" or None (veto)."""
    if a is None or b is None:
        return "unknown"
    if a.country and b.country and a.country != b.country:
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return "same"
    levels = (a.level, b.level)
    if levels == ("local", "local"):
        return "same" if _close(a, b, rule.near_km) else None
    if _named_after(a, b) or _named_after(b, a):
        return "same"  # "Kalat district" and the town of Kalat
    if "country" in levels:
        return "within"
    if not a.admin1 or not b.admin1:
        return None
    if _same_name(a.admin1, b.admin1) or _scheme(a.admin1) != _scheme(b.admin1):
        return "within"  # (two codes of different schemes, "PK-BA" and "PK.02", say nothing)
    return None


def _named_after(area: Where, town: Where) -> bool:
    """Whether ``area`` is a division named after the local place ``town`` in it ("Bannu
    district" and Bannu, "Kalat district" and Kalat): its name is the town's name and kind words."""
    if area.level != "region" or town.level != "local":
        return False
    if area.admin1 and town.admin1 and _scheme(area.admin1) == _scheme(town.admin1) \
            and not _same_name(area.admin1, town.admin1):
        return False
    rest = words(area.name) - area_words()
    return bool(rest) and rest == words(town.name)


def _scheme(code: str) -> str:
    """Which coding an admin1 code follows: GeoNames' "UA.12", ISO 3166-2's "PK-BA", a name."""
    return "." if "." in code else "-" if "-" in code[:4] else "name"


def _names(vague: Report, placed: Report) -> bool:
    """Whether a report without a place names the other's place in its words ("killed in
    Wednesday's attack on Kyiv"): the gazetteer missed it, the sentence did not."""
    if vague.place is not None or placed.place is None or placed.place.level != "local":
        return False
    name = words(placed.place.name)
    return bool(name) and name <= vague.words


def _share_place_name(a: Report, b: Report) -> bool:
    """Whether two reports neither of which has a local place name one place in their words
    ("near Nabatieh", "the port of Izmail") that the gazetteer missed: beyond what their places
    (a region, a country) already say."""
    if _local(a.place) or _local(b.place):
        return False
    shared = a.names & b.names
    for where in (a.place, b.place):
        if shared and where is not None:
            shared = shared - words(where.name) - words(where.admin1 or "")
    return bool(shared)


def names_elsewhere(r: Report, other: Report) -> bool:
    """Whether ``r``, which has no local place, names a place in its words ("on the town of
    Chuhuiv") that is none of those ``other`` gives (its local place, the names in its words):
    two point places, two incidents."""
    if _local(r.place) or not r.names:
        return False
    mine = r.names - words(r.place.name) if r.place is not None else r.names
    if not mine:  # the gazetteer read that name as its region or country ("the Middle East")
        return False
    theirs = set(other.names)
    if _local(other.place):
        theirs |= words(other.place.name)  # type: ignore[union-attr]
    return bool(theirs) and mine.isdisjoint(theirs)


def _local(where: Where | None) -> bool:
    return where is not None and where.level == "local"


def _close(a: Where, b: Where, km: float) -> bool:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return _same_name(a.name, b.name)
    return _km(a, b) <= km


def _km(a: Where, b: Where) -> float:
    lat1, lon1, lat2, lon2 = (math.radians(float(v)) for v in (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 \
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def sides(a: Report, b: Report, rule: Rule) -> tuple[str | None, str | None]:
    """The agreement of the two reports' sources and targets; for a type whose sides a report
    may name either way round (talks, a clash: "Ukraine and Russia met", "Russian and Ukrainian
    delegations met"), the better of the two readings. For a meeting (rule.json
    "hosted_types"), the country it is held in may be named as a party by one report ("hosted by
    Turkey") and not by the other: its actors take no part in the comparison."""
    if a.type in rule.hosted_types:
        a, b = _unhosted(a, b), _unhosted(b, a)
    direct = side_agreement(a.source, b.source), side_agreement(a.target, b.target)
    if None not in direct or a.type not in rule.symmetric:
        return direct
    swapped = side_agreement(a.source, b.target), side_agreement(a.target, b.source)
    # the other way round only on evidence: an actor or country in common, not two unknowns
    agreed = None not in swapped and any(s in ("id", "code") for s in swapped)
    return swapped if agreed else direct


def _unhosted(r: Report, other: Report) -> Report:
    """``r`` without the actors of the country either report places the meeting in."""
    hosts = {w.country for w in (r.place, other.place) if w is not None and w.country}
    if not hosts:
        return r
    source = tuple(p for p in r.source if p.code not in hosts)
    target = tuple(p for p in r.target if p.code not in hosts)
    if (source, target) == (r.source, r.target):
        return r
    return dataclasses.replace(r, source=source, target=target)


def side_agreement(a: tuple[Party, ...], b: tuple[Party, ...]) -> str | None:
    """"id" (an actor in common), "code" (a country in common), "unknown" (a side left
    empty) or None (veto: both named, nothing in common)."""
    if not a or not b:
        return "unknown"
    ids_a, codes_a = _side(a)
    ids_b, codes_b = _side(b)
    if not ids_a.isdisjoint(ids_b):
        return "id"
    if not codes_a.isdisjoint(codes_b):
        return "code"
    if not codes_a or not codes_b:
        return "unknown"  # a side named only by words we cannot place ("gunmen", a weapon)
    return None


@functools.lru_cache(maxsize=1 << 16)
def _side(parties: tuple[Party, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """A side's actor ids and words, and its countries (computed once per side)."""
    ids = {p.actor for p in parties if p.actor} | {p.text.lower() for p in parties if p.text}
    # a country guessed for an unknown actor or a civilian ("a woman", "a drone" in Kherson:
    # rule.json weak_sectors UNK, CVL; often a victim read as the doer) is no evidence of
    # whose side it is
    weak = default_rule().weak_sectors
    codes = {p.code for p in parties if p.code and p.code not in ("IGO", "UNK")
             and p.sector not in weak}
    return frozenset(ids), frozenset(codes)


def overlap(a: Report, b: Report) -> float:
    """The overlap coefficient of the two evidence sentences' content words (|a∩b| / the
    smaller set): a short caption inside a long lead still scores high."""
    if not a.words or not b.words:
        return 0.0
    common = len(a.words & b.words)
    smaller = min(len(a.words), len(b.words))
    if smaller < 3:  # a two-word caption: Jaccard, or any one shared word would be enough
        return common / len(a.words | b.words)
    return common / smaller
