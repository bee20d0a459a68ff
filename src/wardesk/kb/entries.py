"""The knowledge base's entry types: named things (countries, capitals, seats of power, bodies,
groups, outlets), sector words (titles, group nouns, institutions) and dated office holders."""

from __future__ import annotations

from dataclasses import dataclass

# Entry kinds: what a name in the text stands for.
COUNTRY = "country"  # "Russia", "the US"
DEMONYM = "demonym"  # "Russian", "Russians"
CAPITAL = "capital"  # "Kyiv": the country's government when it acts
SEAT = "seat"  # "the Kremlin": an institution of its own
IGO = "igo"  # "NATO"
GROUP = "group"  # "Hamas"
MEDIA = "media"  # "Bloomberg"

# Sector-word kinds.
TITLE = "title"  # a person's office: "foreign minister"
PEOPLE = "group"  # people in the plural: "officials", "troops"
INSTITUTION = "org"  # "defence ministry", "air force"
COALITION = "coalition"  # "coalition of the willing"


@dataclass(frozen=True, slots=True)
class Entry:
    """A name the knowledge base knows, and the actor it stands for."""

    kind: str
    slug: str  # the last part of the actor id
    name: str  # the canonical display name
    country: str | None  # ISO 3166 alpha-3, "IGO", or None
    sector: str | None  # PLOVER sector code
    home: str | None = None  # a news outlet's home country (information only)

    @property
    def label(self) -> str:
        """The spaCy entity label an entity ruler gives this name."""
        if self.kind in (COUNTRY, CAPITAL):
            return "GPE"
        return "NORP" if self.kind == DEMONYM else "ORG"


@dataclass(frozen=True, slots=True)
class SectorWord:
    """A title, group noun or institution and the PLOVER sector it puts its actor in."""

    phrase: str  # lower-case words
    sector: str | None  # None for a coalition
    kind: str  # TITLE, PEOPLE or INSTITUTION
    slug: str
    country: str | None = None  # set only for titles that exist in one country alone


@dataclass(frozen=True, slots=True)
class OfficeHolder:
    """Who held an office, and when (ISO dates; ``end`` None while in office)."""

    name: str
    surnames: tuple[str, ...]
    country: str
    sector: str
    office: str  # a sector-word slug: "president", "foreign-minister"
    role: str
    start: str | None
    end: str | None

    def held_on(self, when: str | None) -> bool:
        """In office on ``when`` (None: now, i.e. the office is still held)."""
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)
