"""Pledges in one article: a contribution word (troops, logistical help, a backstop, weapons)
as the object of a giving or taking-back verb, with the party (the verb's subject; a grouping's
"not all the nations" or "others"), to whom, how much, on what condition and how far along:
floated ("could offer", "expected to commit", asked of the party), considering, committed,
delivered, withdrawn ("paused the supply of weapons")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADJECTIVAL_COMPLEMENT,
    ADVERBIAL_CLAUSE,
    AUX,
    CLAUSAL_COMPLEMENT,
    CONJUNCT,
    INDIRECT_OBJECT,
    MARK,
    NEGATION,
    NOMINAL_MODIFIERS,
    NUMERIC_MODIFIER,
    OPEN_COMPLEMENT,
    PASSIVE_AUX,
    POSSESSOR,
    PREP_COMPLEMENT,
    PREP_OBJECT,
    PREPOSITION,
    PREPOSITIONAL_LINKS,
    QUANTIFIER_MODIFIER,
    SUBJECTS,
)
from wardesk.extract.grammar.shapes import is_negator
from wardesk.extract.layers import Layers
from wardesk.process.coalitions import Group
from wardesk.process.common import (
    chain_subject,
    data,
    date_of,
    evidence_of,
    governing_verb,
    has_words,
    lexicon,
    matches_verb,
    party_key,
    refs_of,
    span_text,
    subject_refs,
    subtree_text,
    word_list,
)
from wardesk.records import ActorRef, Pledge

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_ASKING = frozenset(("need", "call", "urge", "ask", "demand", "want", "press", "request", "push", "appeal"))
_CONCESSIVE = frozenset(("although", "though", "while", "but", "whereas"))
_AMOUNT = re.compile(r"(?:\$|€|£)?\d[\d,.]*\s*(?:million|billion|bn|m)?(?:\s+(?:euros|dollars|pounds))?", re.I)


# Auxiliaries, negation and predicate adjectives of a pledge verb.
_PLEDGE_MARKERS = AUX | PASSIVE_AUX | ADJECTIVAL_COMPLEMENT | NEGATION
# Links from a verb up to the verb that governs it in one chain.
_CLAUSE_CHAIN = OPEN_COMPLEMENT | CLAUSAL_COMPLEMENT | CONJUNCT | PREP_COMPLEMENT | ADVERBIAL_CLAUSE
# Clauses that may carry their own subject.
_OWN_SUBJECT_CLAUSES = CONJUNCT | CLAUSAL_COMPLEMENT | ADVERBIAL_CLAUSE
# How an amount hangs on its noun.
_AMOUNT_LINKS = NUMERIC_MODIFIER | QUANTIFIER_MODIFIER


def find_pledges(layers: Layers, groups: list[Group]) -> list[Pledge]:
    out: list[Pledge] = []
    for sent in layers.doc.sents:
        out += _sentence_pledges(layers, sent, groups)
    return _unique(out)


def _sentence_pledges(layers: Layers, sent: Span, groups: list[Group]) -> list[Pledge]:
    hits = lexicon("pledge_cues.json", "what").match(sent)
    roots = {layers.doc[h.start: h.end].root.i: h.key for h in hits}
    for i in list(roots):  # "a backstop security guarantee": the modifier is the more exact kind
        tok = layers.doc[i]
        modifier = tok.dep_ in NOMINAL_MODIFIERS and tok.head.i in roots
        if modifier or (tok.dep_ in QUANTIFIER_MODIFIER and tok.head.pos_ == "NUM"):  # "$2 billion in aid"
            roots[tok.head.i] = roots.pop(i)
    out: list[Pledge] = []
    previous: Pledge | None = None
    for i, what in roots.items():
        noun = layers.doc[i]
        verb = governing_verb(noun)
        if verb is None or _nested(noun, verb, roots):
            continue
        pledges = _pledge(layers, sent, noun, verb, what, groups, previous)
        out += pledges
        if pledges:
            previous = pledges[-1]
    return out


def _nested(noun: Token, verb: Token, roots: dict[int, str]) -> bool:
    """"logistical help for troops": the troops are the help's beneficiaries, not a pledge."""
    node = noun.head
    while node.i != verb.i and node.head.i != node.i:
        if node.i in roots and noun.dep_ not in CONJUNCT:
            return True
        node = node.head
    return False


def _status(verb: Token) -> tuple[str, Token] | None:
    """The pledge's status from the verb and the verbs, modals and adjectives above it; and the
    top of that chain (whose subject is the party)."""
    cues = data("pledge_cues.json")
    verbs: dict[str, list[str]] = cues["verbs"]
    kind = next((k for k, phrases in verbs.items() if matches_verb(verb, frozenset(phrases))), None)
    if kind is None and verb.lemma_.lower() in ("make", "have", "be"):
        return None
    chain = _chain(verb)
    words = {t.lemma_.lower() for t in chain} | {c.lower_ for t in chain for c in t.children
                                                   if c.dep_ in _PLEDGE_MARKERS}
    for t in chain[1:]:
        other = next((k for k, phrases in verbs.items() if matches_verb(t, frozenset(phrases))), None)
        kind = kind or other
        if other in ("withdrawn", "committed"):  # "promised to send", "paused the supply of"
            kind = other if kind != "withdrawn" else kind
    if kind is None:
        return None
    top = chain[-1]
    if kind == "withdrawn":
        return "withdrawn", top
    if words & word_list("pledge_cues.json", "considering"):
        return "considering", top
    if words & word_list("pledge_cues.json", "floated") or kind == "offered" or _infinitive_asked(verb):
        return "floated", top
    progressive = verb.tag_ == "VBG" and any(c.dep_ in AUX and c.lemma_.lower() == "be" for c in verb.children)
    if kind == "committed" or words & word_list("pledge_cues.json", "future") or progressive:
        return "committed", top  # "will send", "is sending": under way, not yet delivered
    if verb.tag_ in ("VBD", "VBN") or "have" in words or "has" in words:
        return "delivered", top
    return "floated", top


def _open_question(verb: Token) -> bool:
    """"whether China transfers weapons": an open question, unless someone weighs it
    ("weighing whether to send air defence" is a pledge under consideration)."""
    chain = _chain(verb)
    if {t.lemma_.lower() for t in chain} & word_list("pledge_cues.json", "considering"):
        return False
    return any(c.dep_ in MARK and c.lower_ in ("whether", "if", "unless") for t in chain
               for c in t.children)


def _chain(verb: Token) -> list[Token]:
    chain = [verb]
    node = verb
    for _ in range(4):
        if node.dep_ not in _CLAUSE_CHAIN or node.head.i == node.i:
            break
        if node.dep_ in _OWN_SUBJECT_CLAUSES and any(c.dep_ in SUBJECTS for c in node.children):
            break  # another clause with its own subject ("…, while Norway pledged …")
        node = node.head.head if node.head.dep_ in PREPOSITION else node.head
        chain.append(node)
    return chain


def _infinitive_asked(verb: Token) -> bool:
    """"the need for the US to provide …", "urged allies to send …": asked, not given."""
    return _asker(verb) is not None


def _asker(verb: Token) -> Token | None:
    if not any(c.dep_ in AUX and c.lower_ == "to" for c in verb.children):
        return None
    node = verb.head
    for _ in range(3):
        if node.lemma_.lower() in _ASKING:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _pledge(layers: Layers, sent: Span, noun: Token, verb: Token, what: str,
            groups: list[Group], previous: Pledge | None) -> list[Pledge]:
    found = _status(verb)
    if found is None or any(is_negator(c) for c in verb.children) or _open_question(verb):
        return []  # "would not send soldiers", "whether China transfers weapons": no pledge
    status = found[0]
    parties, share = _parties(layers, chain_subject(verb), groups, previous)
    to = _beneficiary(layers, verb, status == "withdrawn")
    if not parties or not (share is not None or _plausible(layers, sent, status, to, noun)):
        return []
    groups_refs = {g.ref().actor for g in groups}
    parties = [p for p in parties if p.code or p.actor in groups_refs]  # states, bodies, groupings
    if not parties or (to is not None and any(_same_side(p, to) for p in parties)):
        return []  # troops sent to one's own border, money home to a mother: no pledge
    requested = _requester(layers, verb)
    return [Pledge(
        party=party, what=what, status=status, evidence=evidence_of(layers, sent), to=to,
        amount=_amount(layers, noun), conditions=_conditions(layers, verb, noun),
        date=date_of(layers, verb), share=share, requested_by=requested,
        coalition=_coalition(layers, sent, party, groups), trace=(f"pledge.{status}",),
    ) for party in parties]


def _same_side(party: ActorRef, to: ActorRef) -> bool:
    return (party.actor is not None and party.actor == to.actor) or (
        party.code is not None and party.code == to.code)


def _parties(layers: Layers, subject: Token | None, groups: list[Group],
             previous: Pledge | None) -> tuple[list[ActorRef], str | None]:
    if subject is None:
        return [], None
    inside = {t.i for t in subject.subtree}
    for group in groups:
        if any(h.i in inside for h in group.heads):
            return [group.ref()], _share(subject)
    near = _share_group(subject, groups)
    if near is not None:  # "some of them are ready to deploy troops", "Others would contribute …"
        return [near.ref()], _share(subject)
    if subject.lower_ in ("they", "them") and previous is not None and previous.coalition:
        concessive = any(t.lower_ in _CONCESSIVE for t in subject.head.children)
        share = "others" if concessive and previous.share == "some" else previous.share
        return [previous.party], share
    return subject_refs(layers, subject), None


def _share_group(subject: Token, groups: list[Group]) -> Group | None:
    """A subject that is only a share of some members ("some of them", "others", "several") is
    the grouping named last in its sentence or the one before."""
    if subject.lower_ not in word_list("pledge_cues.json", "share_subjects"):
        return None
    sents = list(subject.doc.sents)
    index = next(i for i, s in enumerate(sents) if s.start <= subject.i < s.end)
    since = sents[max(0, index - 1)].start
    named = [(h.i, g) for g in groups for h in g.heads if since <= h.i < subject.i]
    return max(named, key=lambda pair: pair[0])[1] if named else None


def _share(subject: Token) -> str | None:
    words = " ".join(t.lower_ for t in subject.subtree)
    for share in ("some", "others"):
        if any(re.search(rf"\b{re.escape(w)}\b", words) for w in data("pledge_cues.json")[share] if w != "they"):
            return share
    return "all" if re.search(r"\ball\b", words) else None


def _beneficiary(layers: Layers, verb: Token, withdrawn: bool = False) -> ActorRef | None:
    for tok in verb.subtree:
        if tok.dep_ in PREPOSITIONAL_LINKS and (tok.lower_ in ("to", "for") or (
                tok.lower_ == "with" and withdrawn)):  # "cease … sharing with Ukraine"
            for obj in (c for c in tok.children if c.dep_ in PREP_OBJECT):
                refs = refs_of(layers, obj) or [r for c in obj.children if c.dep_ in POSSESSOR for r in refs_of(layers, c)]
                if refs:
                    return refs[0]
    dative = next((c for c in verb.children if c.dep_ in INDIRECT_OBJECT and c.pos_ != "ADP"), None)
    refs = refs_of(layers, dative)
    return refs[0] if refs else None


def _plausible(layers: Layers, sent: Span, status: str, to: ActorRef | None, noun: Token) -> bool:
    """A giving verb is a pledge with someone to give to, or in talk of a mission, a force or a
    guarantee; a taking back, of aid or supplies ("paused the supply of weapons")."""
    if to is not None:
        return True
    context = word_list("pledge_cues.json", "peacekeeping")
    if status == "withdrawn":
        return any(t.lemma_.lower() in ("supply", "aid", "assistance", "sharing", "delivery", "shipment")
                   for t in (noun, *noun.ancestors)) or has_words(sent.text, context)
    return has_words(sent.text, context)


def _requester(layers: Layers, verb: Token) -> ActorRef | None:
    asker = _asker(verb)
    if asker is None:
        return None
    node = asker
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            refs = refs_of(layers, chain_subject(node))
            if refs:
                return refs[0]
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _amount(layers: Layers, noun: Token) -> str | None:
    if noun.pos_ == "NUM":  # "$500 million"
        return span_text(layers, noun.left_edge, noun)
    for child in noun.children:
        if child.dep_ in _AMOUNT_LINKS or (child.like_num and child.i < noun.i):
            return f"{subtree_text(layers, child)} {noun.text}"
    match = _AMOUNT.search(subtree_text(layers, noun))
    return match.group(0).strip() if match and any(ch.isdigit() for ch in match.group(0)) else None


def _conditions(layers: Layers, verb: Token, noun: Token) -> str | None:
    marks = {m.split()[0] for m in data("pledge_cues.json")["condition_marks"]}
    for top in (noun, verb):
        for tok in top.subtree:
            if tok.dep_ in MARK and tok.lower_ in marks and tok.head.dep_ in ADVERBIAL_CLAUSE:
                return subtree_text(layers, tok.head)
            if tok.dep_ in PREPOSITION and tok.lower_ in ("with", "without") and any(
                    c.lower_ == "only" for c in tok.children):
                return subtree_text(layers, tok)
    return None


def _coalition(layers: Layers, sent: Span, party: ActorRef, groups: list[Group]) -> str | None:
    for group in groups:
        if party.actor == group.ref().actor or any(sent.start <= h.i < sent.end for h in group.heads):
            return group.id
        if any(party_key(m.actor) == party_key(party) for m in group.members):
            return group.id
    adhoc = [g for g in groups if g.actor is not None]
    if len(adhoc) == 1 and has_words(sent.text, word_list("pledge_cues.json", "peacekeeping")):
        return adhoc[0].id
    return None


def _unique(pledges: list[Pledge]) -> list[Pledge]:
    seen: set[tuple[str, str, str, str | None]] = set()
    out = []
    for p in pledges:
        key = (party_key(p.party), p.what, p.status, p.share)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
