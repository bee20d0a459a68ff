"""Groupings in one article — a "coalition of the willing", the G7, "NATO allies", "like-minded
leaders" — with their reported size ("around 30 countries"), the members the text lists
("including France and Germany", "led by Britain", "Japan joined the coalition"), and those it
shows attending for a country a meeting of the grouping ("Radakin will attend for the UK")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    AUX,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    NOMINAL_MODIFIERS,
    OBJECT,
    OPEN_COMPLEMENT,
    PASSIVE_AGENT,
    PREP_OBJECT,
    PREPOSITION,
)
from wardesk.extract.layers import Layers, doc_text
from wardesk.extract.lexicon.phrases import PhraseLexicon
from wardesk.extract.numbers.parse import parse_number
from wardesk.process.common import (
    chain_subject,
    data,
    date_of,
    evidence_of,
    matches_verb,
    party_key,
    refs_of,
    token_at,
    word_list,
)
from wardesk.records import ActorRef, Coalition, Event, Evidence, Member, content_id

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CANONICAL = {"about": "about", "at_least": "at least", "at_most": "at most"}


# A verb's or a preposition's object.
_OBJECTS_ANY = PREP_OBJECT | OBJECT


@dataclass
class Group:
    name: str
    actor: str | None
    body: str | None
    heads: list[Token] = field(default_factory=list)
    size_reported: str | None = None
    size: int | None = None
    size_evidence: Evidence | None = None
    members: list[Member] = field(default_factory=list)

    @property
    def id(self) -> str:
        return coalition_id(self.name)

    def ref(self) -> ActorRef:
        return ActorRef(self.actor or f"coalition/{self.id}", self.name, None, None)


def coalition_id(name: str) -> str:
    return content_id("coalition", " ".join(name.lower().split()))


@lru_cache(maxsize=1)
def _grouping_lexicon() -> PhraseLexicon:
    groupings: dict[str, dict[str, object]] = data("coalition_cues.json")["groupings"]
    return PhraseLexicon((name, str(p)) for name, g in groupings.items() for p in g["phrases"])  # type: ignore[attr-defined]


def find_groups(layers: Layers, events: tuple[Event, ...]) -> list[Group]:
    actors = _coalition_actors(layers)
    owned = {h.i for g in actors for h in g.heads}
    named = [g for g in _named_groupings(layers)  # "like-minded allies from the coalition"
             if not all(owned & {t.i for t in h.subtree} for h in g.heads)]
    groups = _merge_names(actors + named)
    _bare_mentions(layers, groups)
    for group in groups:
        for head in group.heads:
            _size(layers, group, head.sent)
            _listed_members(layers, group, head)
            _joiners(layers, group, head)
    _attendance(layers, groups, events)
    return groups


def _coalition_actors(layers: Layers) -> list[Group]:
    out = []
    for actor in layers.actors.actors:
        if actor.kind != "coalition":
            continue
        group = Group(actor.name, actor.id, None)
        for mention in actor.mentions:
            span = layers.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span):
                group.heads.append(span.root)
        if group.heads:
            out.append(group)
    return out


def _merge_names(groups: list[Group]) -> list[Group]:
    """One group per name: the actor table's and the lexicon's "coalition of the willing"."""
    out: dict[str, Group] = {}
    for group in groups:
        kept = out.setdefault(group.id, group)
        if kept is not group:
            kept.heads += [h for h in group.heads if h.i not in {k.i for k in kept.heads}]
    return list(out.values())


def _bare_mentions(layers: Layers, groups: list[Group]) -> None:
    """"the coalition" after an article has named its one ad hoc grouping refers to it."""
    adhoc = [g for g in groups if g.body is None]
    if len(adhoc) != 1:
        return
    group = adhoc[0]
    first = min(h.i for h in group.heads)
    taken = {h.i for h in group.heads}
    for tok in layers.doc[first + 1:]:
        if tok.lemma_.lower() == "coalition" and tok.i not in taken and any(
                c.lower_ == "the" for c in tok.children):
            group.heads.append(tok)


def _named_groupings(layers: Layers) -> list[Group]:
    bodies: dict[str, dict[str, object]] = data("coalition_cues.json")["groupings"]
    found: dict[str, Group] = {}
    for hit in _grouping_lexicon().match(layers.doc[:]):
        body = bodies[hit.key]["body"]
        group = found.setdefault(hit.key, Group(hit.key, None, str(body) if body else None))
        group.heads.append(layers.doc[hit.start: hit.end].root)
    return list(found.values())


def _size(layers: Layers, group: Group, sent: Span) -> None:
    if group.size is not None:
        return
    cues = data("coalition_cues.json")
    nouns = "|".join(cues["size_nouns"])
    quals = {w: q for q, words in cues["size_qualifiers"].items() for w in words}
    qual_re = "|".join(re.escape(w) for w in sorted(quals, key=len, reverse=True))
    pattern = rf"\b(?:({qual_re})\s+)?(\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:\w+\s+)?({nouns})\b"
    for match in re.finditer(pattern, sent.text, flags=re.IGNORECASE):
        parsed = parse_number(match.group(2).replace("-", " "))
        if parsed is None or parsed[0] < 3:  # "the two NATO allies": a pair, not a count of members
            continue
        qualifier = quals.get((match.group(1) or "").lower(), parsed[1])
        words = _CANONICAL.get(qualifier)
        group.size = parsed[0]
        group.size_reported = f"{words} {parsed[0]}" if words else str(parsed[0])
        group.size_evidence = evidence_of(layers, sent)
        return


def _role_of(head: Token, default: str = "member") -> str:
    """"potential members of the coalition": the role the words around the mention give."""
    roles: dict[str, list[str]] = data("coalition_cues.json")["roles"]
    node = head
    for _ in range(3):
        words = {c.lower_ for c in node.children if c.dep_ in NOMINAL_MODIFIERS}
        for role, cues in roles.items():
            if words & {w for w in cues if " " not in w}:
                return role
        if node.head.i == node.i:
            break
        node = node.head
    return default


def _member(layers: Layers, group: Group, ref: ActorRef, role: str, tok: Token) -> None:
    if any(party_key(m.actor) == party_key(ref) and m.role == role for m in group.members) \
            or (ref.actor is not None and ref.actor == group.actor):
        return
    if not ref.code or ref.code in ("IGO", "UNK", "MED"):
        return  # members are countries (or bodies named in lists: kept only with a code)
    group.members.append(Member(ref, role, evidence_of(layers, tok.sent), date_of(layers, tok)))


def _listed_members(layers: Layers, group: Group, head: Token) -> None:
    """"a coalition including France, Germany and Poland", "led by Britain and France"."""
    marks = word_list("coalition_cues.json", "list_marks")
    scope = {t.i for t in head.subtree} | {head.head.i}
    for tok in head.sent:
        word = tok.lower_
        if word == "such" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "as":
            word = "such as"
        if word in marks and (tok.head.i in scope or tok.i in scope):
            for obj in (c for t in (tok, tok.doc[min(tok.i + 1, len(tok.doc) - 1)]) for c in t.children
                        if c.dep_ in _OBJECTS_ANY):
                for ref in refs_of(layers, obj) + _named_countries(obj):
                    _member(layers, group, _country_ref(layers, ref), _role_of(head), tok)
    for child in head.children:
        if child.dep_ in CLAUSAL_MODIFIER and child.lemma_.lower() in ("lead", "co-lead", "head", "spearhead"):
            agent = next((g for c in child.children if c.dep_ in PASSIVE_AGENT for g in c.children
                          if g.dep_ in PREP_OBJECT), None)
            for ref in refs_of(layers, agent):
                _member(layers, group, ref, "lead", child)


def _named_countries(obj: Token) -> list[ActorRef]:
    """Country names in a list the actor table left unread ("including Canada, Denmark …")."""
    import pycountry

    out = []
    for tok in [obj, *(t for t in obj.subtree if t.dep_ in CONJUNCT)]:
        if tok.pos_ != "PROPN":
            continue
        try:
            country = pycountry.countries.lookup(tok.text)
        except LookupError:
            continue
        out.append(ActorRef(None, tok.text, country.alpha_3, "GOV"))
    return out


def _joiners(layers: Layers, group: Group, head: Token) -> None:
    """"Japan joined the coalition", "Britain and France lead the coalition"."""
    verb = _direct_verb(head)
    if verb is None:
        return
    role = None
    if matches_verb(verb, frozenset(("lead", "co-lead", "spearhead", "head"))):
        role = "lead"
    elif matches_verb(verb, word_list("coalition_cues.json", "join_verbs")):
        modal = any(c.dep_ in AUX and c.lower_ in ("could", "may", "might", "would") for c in verb.children)
        role = "potential member" if modal or verb.dep_ in OPEN_COMPLEMENT else "member"
    if role is None:
        return
    for ref in refs_of(layers, chain_subject(verb)):
        _member(layers, group, ref, role, verb)


def _direct_verb(head: Token) -> Token | None:
    """The verb whose object the grouping is ("joined the coalition", "take part in the G7")."""
    if head.dep_ in OBJECT and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if head.dep_ in PREP_OBJECT and head.head.dep_ in PREPOSITION and head.head.head.pos_ in ("VERB", "AUX"):
        return head.head.head
    return None


def _attendance(layers: Layers, groups: list[Group], events: tuple[Event, ...]) -> None:
    """A meeting event with no counterpart ("Radakin will attend for the UK") in the sentence
    of a grouping's meeting, or the one after: the country it attends for is a member, in the
    role the meeting's mention gives ("potential members of the coalition … will meet")."""
    sents = list(layers.doc.sents)
    for event in events:
        if event.event != "CONSULT" or event.target or event.status not in ("planned", "ongoing", "occurred"):
            continue
        trigger = _trigger(layers, event)
        if trigger is None or not matches_verb(trigger, word_list("coalition_cues.json", "attend_verbs")):
            continue
        index = next(i for i, s in enumerate(sents) if s.start <= trigger.i < s.end)
        for group in groups:
            heads = [h for h in group.heads if index - 1 <= _index(sents, h) <= index]
            if not heads or any(r.actor == group.actor for r in event.source):
                continue
            for ref in _attending_for(layers, trigger) or list(event.source):
                _member(layers, group, _country_ref(layers, ref), _role_of(heads[0]), trigger)


def _index(sents: list[Span], tok: Token) -> int:
    return next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)


def _trigger(layers: Layers, event: Event) -> Token | None:
    text = doc_text(layers.doc)
    at = text.find(event.eventText, event.evidence.start, event.evidence.end)
    return token_at(layers, at) if at >= 0 else None


def _attending_for(layers: Layers, trigger: Token) -> list[ActorRef]:
    for child in trigger.children:
        if child.dep_ in PREPOSITION and child.lower_ in ("for", "on behalf of"):
            return refs_of(layers, next((g for g in child.children if g.dep_ in PREP_OBJECT), None))
    return []


def _country_ref(layers: Layers, ref: ActorRef) -> ActorRef:
    """A person attending stands for a country: the country's actor when the article has it."""
    if ref.code is None:
        return ref
    country = next((a for a in layers.actors.actors if a.kind == "country" and a.country == ref.code), None)
    if country is None:
        return ActorRef(None, ref.code, ref.code, "GOV")
    return ActorRef(country.id, country.name, country.country, country.sector)


def build(layers: Layers, groups: list[Group]) -> tuple[Coalition, ...]:
    out = []
    for group in groups:
        evidence = group.size_evidence or evidence_of(layers, group.heads[0].sent)
        out.append(Coalition(
            id=group.id, name=group.name, evidence=evidence, actor=group.actor,
            size_reported=group.size_reported, size=group.size, members=tuple(group.members),
        ))
    return tuple(out)
