"""Places: every place named in a Doc (GPE/LOC/FAC entities, "in X", "X region", "the French
capital"), resolved in the gazetteer, and the place of each event.

An event's place is a locative phrase ("in Paris", "near Kharkiv", "the Kharkiv strike")
hanging from the event itself: from the trigger, its objects or subject, the verb a nominal
trigger is an argument of ("sit down in Riyadh for talks"), a relative clause about an event
noun ("the attack, which damaged buildings in Ramensky"), or an event noun the trigger's
clause names ("killed in the attack near Sumy"); failing that, a place hanging from a verb
that governs the trigger ("In Kyiv, officials said Russia attacked"). A name that is an actor
("Kyiv said", "Russia's ministry", "U.S. operations", "officials from France") never is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wardesk.extract.grammar.clauses import RELATIVE, clause_kind
from wardesk.extract.grammar.labels import (
    ACTED_ON,
    ADVERBIAL_CLAUSE,
    APPOSITION,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    CORE_ARGUMENTS,
    MODIFIER_NOUN,
    NOUN_ADVERBIAL,
    NOUN_CLAUSES,
    NOUN_MODIFIER,
    OBJECT,
    OWNER_MODIFIERS,
    PARATAXIS,
    PREP_OBJECT,
    PREPOSITION,
    RELATIVE_CLAUSE,
)
from wardesk.extract.grammar.shapes import prep_governor
from wardesk.extract.layers import clause_verb, doc_text
from wardesk.extract.lexicon import read_text, words
from wardesk.extract.places.gazetteer import Gazetteer, load_gazetteer
from wardesk.nlp.normalise import column
from wardesk.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["PlaceTableImpl", "find_places"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Where an event noun stands as an argument of a verb ("shelled *the town*", "*Tuesday*").
_ANCHORED = CORE_ARGUMENTS | PREP_OBJECT | NOUN_ADVERBIAL
_OF = frozenset({"of"})
_REGION_WORDS = words("places/mentions.json", "region_words")
_NAME_SUFFIXES = _REGION_WORDS | {"capital"}  # words that end a place name: "X region", "X capital"
_NOT_PLACE_ENTS = frozenset({"ORG", "DATE", "TIME", "NORP", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "EVENT", "WORK_OF_ART", "LAW"})


# Links that leave a clause.
_CLAUSE_BOUNDARIES = RELATIVE_CLAUSE | CLAUSAL_MODIFIER | ADVERBIAL_CLAUSE | CONJUNCT | PARATAXIS
# Links from a word up to the phrase it is part of ('Kyiv *and* Kharkiv', 'the city, *Kherson*').
_NAME_PARTS = CONJUNCT | APPOSITION | MODIFIER_NOUN
# A noun before a noun ('the *Kherson* region').
_NOUN_PREMODIFIERS = MODIFIER_NOUN | NOUN_MODIFIER


@dataclass(frozen=True)
class _Cues:
    locative: frozenset[str]
    directional: frozenset[str]
    motion: frozenset[str]
    event_nouns: frozenset[str]
    meeting_nouns: frozenset[str]
    place_nouns: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    text = read_text("places_cues.json")
    data = json.loads(text)
    return _Cues(*(frozenset(data[k]) for k in ("locative_preps", "directional_preps", "motion_heads", "event_nouns", "meeting_nouns", "place_nouns")))


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place: Place
    start: int  # token span of the name
    end: int
    host: int | None  # the token the locative phrase hangs from; None when not a "where"

    @property
    def locative(self) -> bool:
        return self.host is not None


@dataclass(frozen=True)
class PlaceTableImpl:
    doc: Doc
    found: tuple[PlaceMention, ...] = ()
    text: str = ""  # doc_text(doc), read once

    @property
    def places(self) -> tuple[Place, ...]:
        seen: dict[tuple[str, str | None], Place] = {}
        for m in self.found:
            seen.setdefault((m.place.name, m.place.country), m.place)
        return tuple(seen.values())

    def place_for(self, trigger: Token) -> Place | None:
        sent = _sentence(trigger)
        lo, hi = _line(self.text, trigger.idx)  # a headline without a full stop is its own sentence
        here = [m for m in self.found if m.host is not None and sent.start <= m.start < sent.end
                and lo <= self.doc[m.start].idx < hi]
        if not here:
            return None
        for hosts in (_event_hosts(trigger), _nominal_verb(trigger), _governing_verbs(trigger)):
            chosen = [m for m in here if m.host in hosts]
            if chosen:
                return min(chosen, key=lambda m: abs(m.start - trigger.i)).place
        # last, as PLOVER codes it: the "where" phrase of the sentence nearest the trigger
        return self._where_place(trigger) or min(here, key=lambda m: abs(m.start - trigger.i)).place

    def _where_place(self, trigger: Token) -> Place | None:
        """The place a where-clause is about: the antecedent itself or its owner ("Syria's
        coastal region, where forces clashed")."""
        noun = _where_antecedent(trigger)
        if noun is None:
            return None
        near = {noun.i, *(c.i for c in noun.children if c.dep_ in OWNER_MODIFIERS)}
        for m in self.found:
            if self.doc[m.start:m.end].root.i in near:
                return m.place
        return None


def _event_hosts(trigger: Token) -> set[int]:
    """Tokens a locative phrase about this event may hang from."""
    hosts = {trigger.i}
    nouns = [trigger] if trigger.pos_ in ("NOUN", "PROPN") else []
    if trigger.pos_ in ("VERB", "AUX"):
        hosts |= _arguments(trigger)
        nouns += _event_nouns_below(trigger)
        for arg in (a for a in trigger.children if a.dep_ in CORE_ARGUMENTS):
            # "shot down drones that targeted the capital", "guerrillas operating in Macedonia"
            hosts |= _clause_hosts(arg, NOUN_CLAUSES)
    for noun in nouns:
        hosts.add(noun.i)
        hosts |= _clause_hosts(noun, NOUN_CLAUSES)
    return hosts


def _clause_hosts(noun: Token, deps: frozenset[str]) -> set[int]:
    """The verbs of a noun's relative clauses and their arguments."""
    hosts: set[int] = set()
    for clause in (c for c in noun.children if c.dep_ in deps):
        hosts.add(clause.i)
        hosts |= _arguments(clause)
    return hosts


def _nominal_verb(trigger: Token) -> set[int]:
    """For a nominal trigger, the verb it is an argument of ("sit down in Riyadh for talks")."""
    if trigger.pos_ in ("VERB", "AUX"):
        return set()
    verb = clause_verb(trigger)
    if verb is not None and trigger.dep_ in _ANCHORED:
        return {verb.i}
    return set()


def _arguments(verb: Token) -> set[int]:
    """The verb's subject and objects, with their conjuncts ("the journalist and host X")."""
    found: set[int] = set()
    for child in verb.children:
        if child.dep_ in CORE_ARGUMENTS:
            found.add(child.i)
            found |= {c.i for c in child.conjuncts}
    return found


def _where_antecedent(trigger: Token) -> Token | None:
    """"the region, where forces clashed": the noun a where-clause holding the trigger is about."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else clause_verb(trigger)
    if verb is None or clause_kind(verb) != RELATIVE:
        return None
    if any(c.lower_ == "where" for c in verb.children):
        return verb.head
    return None


def _event_nouns_below(verb: Token) -> list[Token]:
    """Event nouns the verb's clause names through a preposition ("killed in the attack",
    "as a result of the strike")."""
    same = {verb.i, *(c.i for c in verb.children if c.dep_ in CONJUNCT and c.pos_ in ("VERB", "AUX"))}
    if verb.dep_ in CONJUNCT:
        same.add(verb.head.i)  # "one was killed and three injured as a result of the attack"
    found = []
    for tok in verb.subtree:
        host = clause_verb(tok)
        if tok.lemma_.lower() in _cues().event_nouns and tok.dep_ in PREP_OBJECT and host is not None and host.i in same:
            found.append(tok)
    return found


def _governing_verbs(trigger: Token) -> set[int]:
    """Verbs above the trigger reached through complements, not through a relative,
    adverbial or coordinated clause (those are other events)."""
    found: set[int] = set()
    node = trigger
    for _ in range(40):
        if node.head.i == node.i or node.dep_ in _CLAUSE_BOUNDARIES:
            return found
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            found.add(node.i)
    return found


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
        found.append(PlaceMention(place, span.start, span.end, _host(span, gaz.is_country(place))))
    found += _bare_capitals(doc, gaz, found, taken)
    found.sort(key=lambda m: m.start)
    return PlaceTableImpl(doc=doc, found=tuple(_by_context(doc, gaz, found)), text=doc_text(doc))


def _by_context(doc: Doc, gaz: Gazetteer, found: list[PlaceMention]) -> list[PlaceMention]:
    """An ambiguous country name ("Congo") takes the country whose other places the article
    names, when they are all of one of its other readings (data/en/places/ambiguous.json)."""
    ambiguous = _ambiguous()
    named = {m.place.country for m in found
             if doc[m.start:m.end].text.lower() not in ambiguous and m.place.country}
    out = []
    for m in found:
        reading = ambiguous.get(doc[m.start:m.end].text.lower())
        if reading is not None and reading["default"] not in named:
            others = [c for c in reading["others"] if c in named]
            if len(others) == 1 and (place := gaz.country_place(others[0])) is not None:
                m = PlaceMention(place, m.start, m.end, m.host)
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _ambiguous() -> dict[str, dict[str, Any]]:
    names: dict[str, dict[str, Any]] = json.loads(read_text("places/ambiguous.json"))["names"]
    return names


def _bare_capitals(doc: Doc, gaz: Gazetteer, found: list[PlaceMention], taken: set[int]) -> list[PlaceMention]:
    """"the capital (city)" with no country named: the capital of the last country named in
    this or the previous sentence ("Russia's ministry said drones targeted … the capital")."""
    out: list[PlaceMention] = []
    countries = sorted((m for m in found if gaz.is_country(m.place)), key=lambda m: m.start)
    lowers = column(doc, "lower")
    for tok in (doc[i] for i, low in enumerate(lowers) if low == "capital"):
        if tok.lower_ != "capital" or tok.i in taken or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("'s", "’s"):
            continue  # "the capital's suburbs": the suburbs are the place
        end = tok.i + 2 if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "city" else tok.i + 1
        earliest = _previous_sentence_start(tok)
        before = [m for m in countries if earliest <= m.start < tok.i]
        capital = gaz.capitals.get(before[-1].place.country or "") if before else None
        if capital is not None:
            span = doc[tok.i - 1:end]
            out.append(PlaceMention(capital, span.start, span.end, _host(span, False)))
    return out


def _previous_sentence_start(tok: Token) -> int:
    sent = _sentence(tok)
    if sent.start == 0:
        return 0
    return _sentence(tok.doc[sent.start - 1]).start


def _line(text: str, at: int) -> tuple[int, int]:
    """The character bounds of the line holding offset ``at`` (everything when no text)."""
    if not text:
        return 0, 1 << 62
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _candidates(doc: Doc) -> list[Span]:
    """Spans that may name a place, longest readings first: "X region", "the French
    capital", entities, and capitalised words after a locative preposition."""
    spans: list[Span] = []
    lowers = column(doc, "lower")  # the scans read words off the Doc's column: few tokens act
    for i in (i for i, low in enumerate(lowers) if low in _NAME_SUFFIXES):
        tok = doc[i]
        if tok.lower_ in _REGION_WORDS and tok.i > 0 and doc[tok.i - 1].is_title:
            start = tok.i - 1
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
                start -= 1
            spans.append(doc[start:tok.i + 1])
        if tok.lower_ == "capital" and tok.i > 0 and doc[tok.i - 1].is_title:
            spans.append(doc[tok.i - 1:tok.i + 1])
    spans += [e for e in doc.ents if e.label_ in _PLACE_LABELS]
    spans += _untagged_arguments(doc)
    cues, lemmas = _cues(), column(doc, "lemma_lower")
    for i, low in enumerate(lowers):
        if not (low in cues.locative or low in cues.directional or low == "of"):
            continue
        after_place_noun = low == "of" and i > 0 and lemmas[i - 1] in cues.place_nouns
        if (low in cues.locative or low in cues.directional or after_place_noun) and i + 1 < len(doc):
            name = _proper_run(doc, i + 1, lenient=after_place_noun)
            if name is not None:
                spans.append(name)
    return spans


_UNTAGGED = "UNTAGGED_ARGUMENT"


def _untagged_arguments(doc: Doc) -> list[Span]:
    """"missiles struck Odesa": a proper name the tagger gave no entity type, as a verb's object
    or passive subject; the gazetteer's main names decide whether it is a place."""
    from spacy.tokens import Span

    out: list[Span] = []
    for tok in doc:
        if (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.is_title and tok.dep_ in ACTED_ON
                and tok.head.pos_ == "VERB" and not any(c.dep_ in MODIFIER_NOUN for c in tok.children)):
            out.append(Span(doc, tok.i, tok.i + 1, label=_UNTAGGED))
    return out


def _proper_run(doc: Doc, i: int, lenient: bool = False) -> Span | None:
    """The run of capitalised proper nouns starting at i ("in Ramensky", "near Chasiv Yar");
    ``lenient`` after "the town of", where even a word tagged a nationality or a body is a place."""
    if doc[i].lower_ == "the":
        i += 1
    end = i
    barred = _NOT_PLACE_ENTS - {"NORP", "ORG"} if lenient else _NOT_PLACE_ENTS  # "the town of Soroti" (ORG)
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and doc[end].ent_type_ not in barred:
        end += 1
    if end + 1 < len(doc) and end > i and doc[end].lower_ == "of" and doc[end + 1].is_title:
        return None  # "the Gulf of Guinea": a longer name than the run; the entity reads it
    if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return None  # "in Putin's view": a possessor, not a place
    if end > i and end < len(doc) and doc[end].pos_ == "NOUN" and doc[end - 1].head.i == end \
            and doc[end - 1].dep_ in MODIFIER_NOUN and doc[end].lemma_.lower() not in _cues().place_nouns:
        return None  # "in the Obama administration": a name modifying a noun, not a place
    return doc[i:end] if end > i else None


def _resolve(gaz: Gazetteer, span: Span) -> Place | None:
    words = [t.lower_ for t in span]
    if words[-1] == "capital" and len(words) == 2:
        return gaz.capital_of(words[0])
    if words[-1] in _REGION_WORDS and len(words) >= 2:
        return gaz.lookup(span.text) or _region_of(gaz, span[:-1].text, words[-1])
    if any(t.ent_type_ == "PERSON" for t in span) or span.label_ == _UNTAGGED:
        return gaz.lookup(span.text, alternates=False)  # main names only
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


def _host(span: Span, is_country: bool) -> int | None:
    """The token a locative phrase naming ``span`` hangs from ("met in Geneva" → met; "the
    Kharkiv strike" → strike); None when the name is an actor, possessor or topic."""
    root = span.root
    cues = _cues()
    for _ in range(4):
        while root.dep_ in _NAME_PARTS and root.head.i != root.i and root.head.pos_ != "VERB":
            root = root.head  # "Jeddah, Saudi Arabia", "the capital Kabul"
        owner = prep_governor(root, _OF)
        if owner is not None and owner.lemma_.lower() in cues.place_nouns:
            root = owner  # "the town of Gorazde" stands where "the town" stands
        else:
            break
    head = root.head
    if root.dep_ in OBJECT and head.lemma_.lower() in cues.motion:
        return head.i  # "shelled Kharkiv", "targeted the capital": the place attacked
    if root.dep_ in PREP_OBJECT and head.lower_ == "including" and head.head.dep_ in OBJECT:
        obj = head.head  # "targeted ten regions, including the capital"
        return obj.head.i if obj.head.lemma_.lower() in cues.motion else None
    if root.dep_ in PREP_OBJECT and route_end(head):
        return None  # places.route_endpoint: "a bus travelling from Quetta to Karachi in Kalat"
    if root.dep_ in PREP_OBJECT:
        prep = head.lower_
        if prep in cues.locative:
            return _outer_host(head.head).i
        if prep in cues.directional and head.head.lemma_.lower() in cues.motion:
            return head.head.i
        return None
    if root.dep_ in _NOUN_PREMODIFIERS and head.pos_ == "NOUN":
        # "the Kharkiv strike", "the Singapore summit" say where; "U.S. operations" and "the
        # Russia attack" say whose
        lemma = head.lemma_.lower()
        if lemma in cues.meeting_nouns or (lemma in cues.event_nouns and not is_country):
            return head.i
    return None


_ROUTE_START = words("places/mentions.json", "route_start")
_ROUTE_END = words("places/mentions.json", "route_end")


def route_end(prep: Token) -> bool:
    """``prep`` opens one end of a route — "from X to Y" on one verb or noun ("travelling from
    Quetta to Karachi", "the flight from Doha to Kabul"): where the vehicle came from or was
    going, not where the event took place."""
    owner = prep.head
    if prep.lower_ not in _ROUTE_START | _ROUTE_END or owner.i == prep.i:
        return False
    preps = {c.lower_ for c in owner.children if c.dep_ in PREPOSITION}
    return bool(preps & _ROUTE_START) and bool(preps & _ROUTE_END)


def _outer_host(host: Token) -> Token:
    """A place inside another phrase belongs to that phrase's host: "massed in front of the
    consulate in Istanbul" → massed; "handed medicine to the Red Crescent in Bam" → handed;
    "evacuated the wounded from the town of Gorazde" → evacuated."""
    for _ in range(8):
        if host.pos_ not in ("NOUN", "PROPN") or host.dep_ not in PREP_OBJECT:
            return host
        prep = host.head
        owner = prep_governor(host, _OF)
        if owner is not None and owner.lemma_.lower() in _cues().motion:
            return owner  # "the bombing of a base in Ivory Coast": where the bombing was
        if prep.head.i == prep.i:
            return host
        host = prep.head
    return host


def _sentence(token: Token) -> Span:
    """The token's sentence; the whole Doc when it has no sentence boundaries."""
    doc = token.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return token.sent
    return doc[:]
