"""The knowledge base: the names, sector words and office holders that actor resolution uses,
loaded once from the data files in ``kb/data`` (see each file's header for provenance)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from wardesk.kb.entries import MEDIA, Entry, OfficeHolder, SectorWord
from wardesk.kb.loading import (
    load_bodies,
    load_countries,
    load_features,
    load_honorifics,
    load_leaders,
    load_office_holders,
    load_seats,
    load_sector_words,
    slugify,
)


def name_key(text: str) -> str:
    """How a surface form is looked up: curly apostrophes straightened, whitespace collapsed."""
    return " ".join(text.replace("\u2019", "'").split())


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything wardesk knows about actors before reading an article.

    ``names`` maps a case-sensitive surface form ("NATO", "Nato", "Kyiv", "Russian") to its entry;
    ``sector_words`` maps lower-case phrases ("foreign minister", "official") to sector words.
    """

    names: dict[str, Entry]
    countries: dict[str, Entry]
    sector_words: dict[str, SectorWord]
    holders: tuple[OfficeHolder, ...]
    honorifics: dict[str, str | None]
    no_ruler: frozenset[str] = frozenset()
    leaders: dict[str, str] = field(default_factory=dict)  # country → office of its "leader"
    features: frozenset[str] = frozenset()  # "Gulf of Guinea": places whose names hold a country's

    @cached_property
    def feature_prefixes(self) -> frozenset[str]:
        return frozenset(name[:k] for name in self.features for k in range(1, len(name) + 1))

    @cached_property
    def name_prefixes(self) -> frozenset[str]:
        """Every prefix of every name: lets a scan stop as soon as no name can follow."""
        return frozenset(name[:k] for name in self.names for k in range(1, len(name) + 1))

    @cached_property
    def sector_prefixes(self) -> frozenset[str]:
        """Prefixes of sector phrases, also with a plural last word ("officials")."""
        out = {p[:k] for p in self.sector_words for k in range(1, len(p) + 1)}
        return frozenset(out | {p + "s" for p in self.sector_words} | {p + "es" for p in self.sector_words}
                         | {p[:-1] + "ies" for p in self.sector_words if p.endswith("y")}
                         | {p[:-3] + "men" for p in self.sector_words if p.endswith("man")})

    @cached_property
    def holder_surnames(self) -> frozenset[str]:
        """Lower-cased stand-alone surnames of office holders ("putin", "zelenskyy")."""
        return frozenset(s.lower() for holder in self.holders for s in holder.surnames if " " not in s)

    @cached_property
    def _holders_by_name(self) -> dict[str, list[OfficeHolder]]:
        index: dict[str, list[OfficeHolder]] = {}
        for holder in self.holders:
            for name in {holder.name, *holder.surnames}:
                index.setdefault(name.lower(), []).append(holder)
        return index

    def entry(self, surface: str) -> Entry | None:
        return self.names.get(name_key(surface))

    def sector_word(self, phrase: str) -> SectorWord | None:
        return self.sector_words.get(" ".join(phrase.lower().split()))

    def country_name(self, iso3: str | None) -> str | None:
        entry = self.countries.get(iso3 or "")
        return entry.name if entry else None

    def holder_named(self, name: str, when: str | None = None) -> OfficeHolder | None:
        """The office holder with this full name or stand-alone surname: the office held on
        ``when`` when there is one (else the first listed for a full name, any for a surname)."""
        key = name_key(name).lower()
        matches = self._holders_by_name.get(key, [])
        exact = [h for h in matches if h.name.lower() == key]
        if exact:  # one person, several offices over time ("Mark Rutte"): the one held on ``when``
            return next((h for h in exact if h.held_on(when)), exact[0])
        current = [h for h in matches if h.held_on(when)]
        found = current or matches
        return found[0] if found else None

    def leader_of(self, country: str, when: str | None = None) -> OfficeHolder | None:
        """Who "the <country> leader" is: its head of government or state (see leaders.tsv)."""
        return self.holder_of(country, self.leaders.get(country, "president"), when)

    def holder_of(self, country: str, office: str, when: str | None = None) -> OfficeHolder | None:
        """Who held ``office`` (a sector-word slug) in ``country`` on ``when`` (None: now)."""
        for holder in self.holders:
            if holder.country == country and holder.office == office and holder.held_on(when):
                return holder
        return None

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """Entity-ruler patterns for the known countries, capitals, seats, bodies, groups, outlets
        and office holders, so that spaCy tags a known name the same way every time."""
        patterns: list[dict[str, Any]] = []
        for surface, entry in self.names.items():
            if entry.name in self.no_ruler or surface in self.no_ruler:
                continue
            patterns.append({"label": entry.label, "pattern": surface, "id": entry.slug})
        for feature in self.features:  # longer than the country name inside, so it wins
            patterns.append({"label": "LOC", "pattern": feature, "id": slugify(feature)})
        for holder in self.holders:  # full names only: a lone surname can be part of another name
            patterns.append({"label": "PERSON", "pattern": holder.name, "id": holder.name})
        return patterns

    def is_outlet(self, surface: str) -> bool:
        entry = self.entry(surface)
        return entry is not None and entry.kind == MEDIA


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    names: dict[str, Entry] = {}
    no_ruler: set[str] = set()
    countries = load_countries(names, no_ruler)
    load_seats(names, countries, no_ruler)
    load_bodies(names)
    return KnowledgeBase(
        names=names, countries=countries, sector_words=load_sector_words(),
        holders=load_office_holders(), honorifics=load_honorifics(), no_ruler=frozenset(no_ruler),
        leaders=load_leaders(), features=load_features(),
    )
