"""Reading the knowledge base's TSV data files (kb/data) into entries.

Each file starts with comment lines ("#") saying where its facts come from; columns are tab-separated
and lists inside a column are separated by "|".
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pycountry

from wardesk.kb.entries import (
    CAPITAL,
    COUNTRY,
    DEMONYM,
    GROUP,
    IGO,
    MEDIA,
    SEAT,
    Entry,
    OfficeHolder,
    SectorWord,
)

Names = dict[str, Entry]
# ISO names that are more often part of other names in English news ("New Jersey").
COMMON_WORD_NAMES = {"Jersey", "Guernsey", "Man", "Christmas Island", "Georgia"}


def rows(filename: str) -> Iterator[list[str]]:
    """The data rows of a kb/data file, each padded to at least eight columns."""
    text = resources.files("wardesk.kb").joinpath("data", filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            yield cols + [""] * (8 - len(cols))


def split(col: str) -> list[str]:
    return [part.strip() for part in col.split("|") if part.strip()]


def slugify(text: str) -> str:
    out = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(part for part in out.split("-") if part)


def _add(names: Names, surface: str, entry: Entry) -> None:
    surface = surface.removeprefix("the ").removeprefix("The ")
    names.setdefault(surface, entry)  # the first (most specific) file read wins


def load_countries(names: Names, no_ruler: set[str]) -> dict[str, Entry]:
    """Curated countries first, then every other ISO country pycountry knows."""
    countries: dict[str, Entry] = {}
    for iso3, name, aliases, demonyms, flags, *_ in rows("countries.tsv"):
        entry = Entry(COUNTRY, slugify(name), name, iso3, "GOV")
        countries[iso3] = entry
        for alias in (name, *split(aliases)):
            _add(names, alias, entry)
        for demonym in split(demonyms):
            _add(names, demonym, Entry(DEMONYM, slugify(name), name, iso3, "GOV"))
        if "noruler" in flags:
            no_ruler.add(name)
    for country in pycountry.countries:
        iso3 = country.alpha_3
        if iso3 not in countries:
            short = getattr(country, "common_name", None) or country.name
            entry = Entry(COUNTRY, slugify(short), short, iso3, "GOV")
            countries[iso3] = entry
            for alias in {short, country.name}:
                if "," not in alias and "(" not in alias and alias not in COMMON_WORD_NAMES:
                    _add(names, alias, entry)
    return countries


def load_seats(names: Names, countries: dict[str, Entry], no_ruler: set[str]) -> None:
    for surfaces, iso3, kind, sector, slug, name, flags, *_ in rows("seats.tsv"):
        if "noruler" in flags:
            no_ruler.update(split(surfaces))
        if kind == CAPITAL and iso3 == "IGO":
            entry = Entry(IGO, slug, "European Union", "IGO", "IGO")
        elif kind == CAPITAL:
            entry = countries[iso3]
            entry = Entry(CAPITAL, entry.slug, entry.name, iso3, sector)
        else:
            entry = Entry(SEAT, slug, name, iso3, sector)
        for surface in split(surfaces):
            _add(names, surface, entry)


def load_bodies(names: Names) -> None:
    """Intergovernmental bodies, non-state groups and news outlets."""
    for slug, name, aliases, *_ in rows("igos.tsv"):
        for alias in split(aliases):
            _add(names, alias, Entry(IGO, slug, name, "IGO", "IGO"))
    for slug, name, aliases, iso3, sector, *_ in rows("groups.tsv"):
        for alias in split(aliases):
            _add(names, alias, Entry(GROUP, slug, name, iso3 or None, sector))
    for slug, name, aliases, home, *_ in rows("media.tsv"):
        for alias in split(aliases):
            _add(names, alias, Entry(MEDIA, slug, name, None, "MED", home or None))


def load_sector_words() -> dict[str, SectorWord]:
    words: dict[str, SectorWord] = {}
    for phrase, sector, kind, slug, country, *_ in rows("sectors.tsv"):
        words[phrase] = SectorWord(phrase, sector or None, kind, slug, country or None)
    return words


def load_office_holders() -> tuple[OfficeHolder, ...]:
    return tuple(
        OfficeHolder(name, tuple(split(surnames)), iso3, sector, office, role, start or None, end or None)
        for name, surnames, iso3, sector, office, role, start, end in rows("office_holders.tsv")
    )


def load_honorifics() -> dict[str, str | None]:
    """Honorific → the sector it implies (None when it implies none)."""
    return {word: (sector or None) for word, sector, *_ in rows("honorifics.tsv")}


def load_features() -> frozenset[str]:
    """Names of seas, gulfs and regions that contain a country's name but are places."""
    return frozenset(name.strip() for name, *_ in rows("features.tsv") if name.strip())


def load_leaders() -> dict[str, str]:
    """Country → the office its "leader" holds, where that is not the president."""
    return {country: office for country, office, *_ in rows("leaders.tsv")}
