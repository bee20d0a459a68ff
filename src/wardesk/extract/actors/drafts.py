"""Actors while a Doc is being read: drafts that gather mentions and attributes, then become the
frozen :class:`~wardesk.records.Actor` records, with ids of the form ``iso3/sector/slug``.

Id rules (lower case, stable across articles): a person, institution or group is
``<country>/<sector>/<slug>`` ("rus/gov/vladimir-putin", "rus/mil/defence-ministry", "fra/gov/officials");
a country named as an actor (or its capital used for it) is ``<iso3>/gov/<country-slug>``
("ukr/gov/ukraine": PLOVER codes a state as its government); an intergovernmental body is
``igo/igo/<slug>``; an international NGO is ``ngo/ngo/<slug>`` (code "NGO", as PLOVER-coded data
write it; a national NGO keeps its country); an unknown country or sector is written ``unk``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wardesk.kb.loading import slugify
from wardesk.records import Actor, ActorRef, Mention


@dataclass
class Draft:
    key: str
    kind: str
    name: str
    slug: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    office: str | None = None  # a sector-word slug ("president"), to find "the president" later
    entry_kind: str | None = None  # the kind of known name it came from ("group", "igo"), if any
    word: str | None = None  # the sector-word slug of an unnamed group or institution ("army")
    members: list[str] = field(default_factory=list)
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) chars → text
    aliases: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        country = (self.country or "unk").lower()
        sector = (self.sector or "unk").lower()
        return f"{country}/{sector}/{self.slug}"

    def fill(self, country: str | None, sector: str | None, role: str | None = None,
             office: str | None = None) -> None:
        """Take attributes that are still missing (what the text said first wins)."""
        self.country = self.country or country
        self.sector = self.sector or sector
        self.role = self.role or role
        self.office = self.office or office

    def alias(self, text: str) -> None:
        text = " ".join(text.replace("\u2019", "'").split())
        if text and text != self.name and text not in self.aliases:
            self.aliases.append(text)

    def ref(self, text: str) -> ActorRef:
        return ActorRef(self.id, text, self.country, self.sector)

    def actor(self) -> Actor:
        mentions = tuple(Mention(s, e, t) for (s, e), t in sorted(self.mentions.items()))
        return Actor(
            self.id, self.name, self.kind, self.country, self.sector, self.role,
            tuple(self.aliases), tuple(self.members), mentions,
        )


class Drafts:
    """The drafts of one Doc, keyed by what makes two mentions the same actor."""

    def __init__(self) -> None:
        self.by_key: dict[str, Draft] = {}

    def get(self, key: str, kind: str, name: str, slug: str | None = None) -> Draft:
        draft = self.by_key.get(key)
        if draft is None:
            name = " ".join(name.replace("\u2019", "'").split())
            draft = Draft(key, kind, name, slug or slugify(name))
            self.by_key[key] = draft
        return draft

    def actors(self) -> tuple[Actor, ...]:
        ordered = sorted(
            (d for d in self.by_key.values() if d.mentions), key=lambda d: min(d.mentions),
        )
        return tuple(d.actor() for d in ordered)
