"""Places: every place named in a Doc (GPE/LOC/FAC entities, "in X", "X region", "the French
capital"), resolved in the gazetteer, and the place of each event.

An event's place is a locative phrase ("in Paris", "near Kharkiv", "Kharkiv strike"): first
one attached to the trigger, then one inside its clause (a nominal trigger's verb included),
then one elsewhere in the sentence. A name that is an actor ("Kyiv said", "Russia's
ministry", "officials from France") is never an event's place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.places_gazetteer import Gazetteer, load_gazetteer
from wardesk.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["PlaceTableImpl", "find_places"]

_LOCATIVE_PREPS = frozenset({
    "in", "near", "at", "outside", "inside", "across", "around", "into", "over", "on", "toward",
    "towards", "throughout", "within", "off", "along", "onto", "nearby", "between",
})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_REGION_WORDS = frozenset({"region", "oblast", "province", "district", "governorate"})
_NOT_PLACE_ENTS = frozenset({"ORG", "DATE", "TIME", "NORP", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "EVENT", "WORK_OF_ART", "LAW"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place: Place
    start: int  # token span of the name
    end: int
    locative: bool  # a "where" phrase, not an actor or a modifier


@dataclass(frozen=True)
class PlaceTableImpl:
    doc: Doc
    found: tuple[PlaceMention, ...] = ()

    @property
    def places(self) -> tuple[Place, ...]:
        seen: dict[tuple[str, str | None], Place] = {}
        for m in self.found:
            seen.setdefault((m.place.name, m.place.country), m.place)
        return tuple(seen.values())

    def place_for(self, trigger: Token) -> Place | None:
        sent = trigger.sent
        here = [m for m in self.found if m.locative and sent.start <= m.start < sent.end]
        if not here:
            return None
        verb = _clause_verb(trigger)
        clause = {t.i for t in trigger.subtree}
        wider = {t.i for t in verb.subtree} if verb is not None else clause
        governing = {m.start for m in here if self._governs(m, trigger)}
        for scope in (_attached_to(trigger), clause, wider):
            chosen = [m for m in here if _root(self.doc, m).i in scope]
            if chosen:
                return min(chosen, key=lambda m: abs(m.start - trigger.i)).place
        rest = [m for m in here if m.start in governing]
        return min(rest, key=lambda m: abs(m.start - trigger.i)).place if rest else None

    def _governs(self, m: PlaceMention, trigger: Token) -> bool:
        """The place hangs from a clause that contains the trigger's (or from no verb)."""
        verb = _clause_verb(_root(self.doc, m))
        return verb is None or any(a.i == verb.i for a in trigger.ancestors)


def _root(doc: Doc, m: PlaceMention) -> Token:
    return doc[m.start:m.end].root


def _attached_to(trigger: Token) -> set[int]:
    """Tokens of locative phrases hanging directly from the trigger."""
    found: set[int] = set()
    for child in trigger.children:
        if (child.dep_ == "prep" and child.lower_ in _LOCATIVE_PREPS) or child.dep_ in ("compound", "nmod", "npadvmod"):
            found |= {t.i for t in child.subtree}
    return found


def _clause_verb(token: Token) -> Token | None:
    node = token
    for _ in range(40):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def find_places(doc: Doc) -> PlaceTableImpl:
    gaz = load_gazetteer()
    found: list[PlaceMention] = []
    taken: set[int] = set()
    for span in _candidates(doc):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        place = _resolve(gaz, span)
        if place is None:
            continue
        taken |= set(range(span.start, span.end))
        found.append(PlaceMention(place, span.start, span.end, _is_locative(span)))
    found.sort(key=lambda m: m.start)
    return PlaceTableImpl(doc=doc, found=tuple(found))


def _candidates(doc: Doc) -> list[Span]:
    """Spans that may name a place, longest readings first: "X region", "the French
    capital", entities, and capitalised words after a locative preposition."""
    spans: list[Span] = []
    for tok in doc:
        if tok.lower_ in _REGION_WORDS and tok.i > 0 and doc[tok.i - 1].is_title:
            start = tok.i - 1
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
                start -= 1
            spans.append(doc[start:tok.i + 1])
        if tok.lower_ == "capital" and tok.i > 0 and doc[tok.i - 1].is_title:
            spans.append(doc[tok.i - 1:tok.i + 1])
    spans += [e for e in doc.ents if e.label_ in _PLACE_LABELS]
    for tok in doc:
        if tok.lower_ in _LOCATIVE_PREPS and tok.i + 1 < len(doc):
            name = _proper_run(doc, tok.i + 1)
            if name is not None:
                spans.append(name)
    return spans


def _proper_run(doc: Doc, i: int) -> Span | None:
    """The run of capitalised proper nouns starting at i ("in Ramensky", "near Chasiv Yar")."""
    if doc[i].lower_ == "the":
        i += 1
    end = i
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and doc[end].ent_type_ not in _NOT_PLACE_ENTS:
        end += 1
    if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return None  # "in Putin's view": a possessor, not a place
    return doc[i:end] if end > i else None


def _resolve(gaz: Gazetteer, span: Span) -> Place | None:
    words = [t.lower_ for t in span]
    if words[-1] == "capital" and len(words) == 2:
        return gaz.capital_of(words[0])
    if words[-1] in _REGION_WORDS and len(words) >= 2:
        return gaz.lookup(span.text) or _region_of(gaz, span[:-1].text, words[-1])
    if any(t.ent_type_ == "PERSON" for t in span):
        return gaz.lookup(span.text, alternates=False)
    return gaz.lookup(span.text, fuzzy=span.label_ in _PLACE_LABELS)


def _region_of(gaz: Gazetteer, name: str, word: str) -> Place | None:
    """"Balochistan province" is the province; "Kherson region" with no entry of its own is
    the region around the city of that name (the city's admin1 and coordinates)."""
    province = gaz.province(name)
    if province is not None:
        return province
    city = gaz.city(name)
    if city is None:
        return None
    return Place(name=f"{city.name} {word}", country=city.country, admin1=city.admin1,
                 lat=city.lat, lon=city.lon, geonameid=None)


def _is_locative(span: Span) -> bool:
    """True when the span says where something happened, not who acted or whose it is."""
    root = span.root
    head = root.head
    while root.dep_ in ("conj", "appos") and head.i != root.i:
        root, head = head, head.head
    if root.dep_ == "pobj":
        return head.lower_ in _LOCATIVE_PREPS
    if root.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN":
        return head.lemma_.lower() in _EVENT_NOUNS
    return bool(root.dep_ == "npadvmod" and head.pos_ in ("VERB", "AUX"))


# Nouns of events a place name may modify ("the Kharkiv strike", "Gaza ceasefire talks").
_EVENT_NOUNS = frozenset({
    "attack", "strike", "airstrike", "bombing", "shelling", "raid", "offensive", "battle",
    "talks", "summit", "meeting", "protest", "rally", "explosion", "blast", "ceasefire",
    "incursion", "operation", "fighting", "clash", "siege",
})
