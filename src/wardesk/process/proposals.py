"""Proposals in one article: a ceasefire of N days, a pause on energy strikes, a prisoner
exchange, a plan, a guarantee, a backstop, a peacekeeping force — who put it forward, to whom,
its terms, and the answers to it (responses.py). A mere mention ("the truce collapsed") is no
proposal: it needs a proposer, a verb that puts it forward or answers it, or a proposal noun."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADJECTIVAL_MODIFIER,
    ADVERBIAL_CLAUSE,
    ADVERBIAL_MODIFIER,
    ATTRIBUTE,
    AUX,
    CLAUSAL_COMPLEMENT,
    CLAUSAL_MODIFIER,
    INDIRECT_OBJECT,
    MODIFIER_NOUN,
    NOMINAL_MODIFIERS,
    OBJECT,
    OBJECT_PREDICATE,
    OPEN_COMPLEMENT,
    PASSIVE_AGENT,
    PASSIVE_SUBJECT,
    POSSESSOR,
    PREP_OBJECT,
    PREPOSITION,
    PREPOSITIONAL_LINKS,
    RELATIVE_CLAUSE,
)
from wardesk.extract.grammar.shapes import is_negator, prep_pairs
from wardesk.extract.layers import Layers
from wardesk.extract.speech.cues import subject_of
from wardesk.process.common import (
    answer_of,
    chain_subject,
    data,
    date_of,
    evidence_of,
    governing_verb,
    halts,
    has_words,
    lexicon,
    matches_verb,
    party_key,
    refs_of,
    subject_refs,
    word_list,
)
from wardesk.process.terms import terms_of
from wardesk.records import ActorRef, Evidence, Position, Proposal, Response, Terms, content_id

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_PROPOSING_PARTICIPLES = frozenset(("propose", "proposed", "broker", "brokered", "back", "backed",
                                    "sponsor", "sponsored", "draft", "drafted", "led"))


# An adverbial clause or a noun's clause.
_SIDE_INFINITIVES = ADVERBIAL_CLAUSE | CLAUSAL_MODIFIER
# Where the thing proposed stands below its verb.
_PROPOSED_THING = OBJECT | PASSIVE_SUBJECT | ATTRIBUTE | OBJECT_PREDICATE | INDIRECT_OBJECT
# Subordinate clauses.
_SUBORDINATE = OPEN_COMPLEMENT | CLAUSAL_COMPLEMENT | CLAUSAL_MODIFIER | RELATIVE_CLAUSE | ADVERBIAL_CLAUSE


@dataclass
class Draft:
    """A proposal mention being filled in."""

    kind: str
    head: Token | None
    evidence: Evidence
    date: str | None
    proposer: list[ActorRef] = field(default_factory=list)
    addressees: list[ActorRef] = field(default_factory=list)
    terms: Terms = field(default_factory=Terms)
    responses: list[Response] = field(default_factory=list)
    trace: list[str] = field(default_factory=list)
    verb: Token | None = None


def proposal_drafts(layers: Layers) -> list[Draft]:
    out: list[Draft] = []
    for sent in layers.doc.sents:
        roots = {_noun_root(layers.doc[h.start: h.end]).i: h.key
                 for h in lexicon("proposal_cues.json", "kinds").match(sent)}
        for i in list(roots):  # "a backstop security guarantee": the modifier is the exact kind
            tok = layers.doc[i]
            if tok.dep_ in NOMINAL_MODIFIERS and tok.head.i in roots:
                roots[tok.head.i] = roots.pop(i)
        acts = {i: kind for i, kind in _act_roots(sent).items() if i not in roots}
        for i, kind in list(roots.items()) + list(acts.items()):
            draft = _draft(layers, sent, kind, layers.doc[i], "proposal.act" if i in acts else None)
            if draft is not None:
                out.append(draft)
    return out


def _noun_root(span: Span) -> Token:
    """A kind phrase rooted in a verb ("halted attacks on energy"): its object in the phrase is
    the proposal; the verb governs it (and may answer it)."""
    root = span.root
    if root.pos_ == "VERB":
        obj = next((c for c in root.children if c.dep_ in OBJECT and span.start <= c.i < span.end), None)
        return obj if obj is not None else root
    return root


def _act_roots(sent: Span) -> dict[int, str]:
    """Kinds told by an act word and its object rather than a set phrase: "an exchange of all
    prisoners", "swapped 390 prisoners" (act_kinds: the act's words and the objects it needs).
    A noun act is the root; a verb act roots the proposal at its object."""
    out: dict[int, str] = {}
    for kind, cue in data("proposal_cues.json")["act_kinds"].items():
        acts = frozenset(cue["acts"])
        objects = frozenset(cue["objects"])
        for tok in sent:
            if tok.lemma_.lower() not in acts:
                continue
            if tok.pos_ == "NOUN":
                held = [g for _, g in prep_pairs(tok, {"of"}, links=PREPOSITION)] + [
                    c for c in tok.children if c.dep_ in MODIFIER_NOUN]
                if any(g.lemma_.lower() in objects or g.lower_ in objects for g in held):
                    out[tok.i] = kind
            elif tok.pos_ == "VERB":
                obj = next((c for c in tok.children if c.dep_ in OBJECT
                            and (c.lemma_.lower() in objects or c.lower_ in objects)), None)
                if obj is not None:
                    out[obj.i] = kind
    return out


def _draft(layers: Layers, sent: Span, kind: str, root: Token, act: str | None = None) -> Draft | None:
    head = _phrase_head(root)
    verb = governing_verb(head)
    draft = Draft(kind, head, evidence_of(layers, sent), layers.published or date_of(layers, verb or head))
    draft.verb = verb
    if act is not None:
        draft.trace.append(act)
    protected = word_list("proposal_cues.json", "protected_nouns")
    draft.proposer = [] if head.lemma_.lower() in protected else _own_proposer(layers, head)
    if draft.proposer and kind in data("proposal_cues.json")["provided_kinds"]:
        draft.addressees, draft.proposer = draft.proposer, []  # "a US backstop": asked of the US
        draft.trace.append("proposal.provider")
    elif draft.proposer:
        draft.trace.append("proposal.owner")
    if verb is not None:
        _verb_roles(layers, draft, verb)
        if not draft.proposer:
            draft.proposer = _floated_by(layers, verb)
    elif _ready_for(head):  # "Ukraine was ready for an air and sea ceasefire": an offer
        draft.trace.append("proposal.ready")
        draft.proposer = draft.proposer or subject_refs(layers, chain_subject(head.head.head))
    draft.terms = terms_of(layers, head, verb if "proposal.verb" in draft.trace else None)
    if kind == "backstop" and any(t.lemma_.lower() == "guarantee" for t in head.subtree):
        draft.trace.append("proposal.backstop_guarantee")
    if verb is not None and (answer_of(verb) is not None or halts(head, verb)):
        draft.trace.append("proposal.answered")
    context = data("proposal_cues.json")["kind_context"].get(kind)
    if kind == "peace_plan" and any(r.lemma_.lower() in word_list("proposal_cues.json", "bare_plan_words")
                                    for r in (root, head)):
        context = data("proposal_cues.json")["kind_context"]["peace_plan"]
    elif kind == "peace_plan":
        context = None
    if context and not has_words(sent.text, frozenset(context)):
        return None  # "a backstop for investment"
    if not (set(draft.trace) - {"proposal.provider"} or draft.terms.duration_days or _proposal_noun(head)):
        return None  # a mention, not a proposal
    return draft


def _ready_for(head: Token) -> bool:
    prep = head.head
    return head.dep_ in PREP_OBJECT and prep.lower_ in word_list("proposal_cues.json", "ready_preps") and prep.head.lemma_.lower() in word_list(
        "proposal_cues.json", "ready_words") and not any(is_negator(c) for c in prep.head.head.children)


def _phrase_head(root: Token) -> Token:
    """"ceasefire proposal", "proposal for a ceasefire": the proposal noun heads the phrase;
    "a 30-day halt to strikes on energy sites": so does a pause noun (pause_nouns)."""
    nouns = word_list("proposal_cues.json", "proposal_nouns")
    pauses = word_list("proposal_cues.json", "pause_nouns")
    head = root.head
    if root.dep_ in NOMINAL_MODIFIERS and head.lemma_.lower() in nouns:
        return head
    if root.dep_ in PREP_OBJECT and head.dep_ in PREPOSITIONAL_LINKS and head.lower_ in ("for", "on", "of", "to", "in"):
        noun = head.head
        if noun.pos_ in ("VERB", "AUX"):  # "offered a 10-day halt | to attacks": the object before
            noun = next((c for c in noun.children if c.dep_ in OBJECT and c.i == head.i - 1), noun)
        if noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in nouns | pauses:
            return _phrase_head(noun) if noun.lemma_.lower() in pauses else noun
    return root


def _floated_by(layers: Layers, verb: Token) -> list[ActorRef]:
    """"welcomed the proposal …, first floated by France": a passive clause of a proposing verb
    hanging from the verb that answers the proposal names its proposer in its agent."""
    proposing = word_list("proposal_cues.json", "proposal_verbs")
    for clause in verb.children:
        if clause.dep_ in _SIDE_INFINITIVES and clause.tag_ == "VBN" and matches_verb(clause, proposing):
            agent = next((g for c in clause.children if c.dep_ in PASSIVE_AGENT for g in c.children
                          if g.dep_ in PREP_OBJECT), None)
            refs = refs_of(layers, agent)
            if refs:
                return refs
    return []


def _proposal_noun(head: Token) -> bool:
    return head.lemma_.lower() in word_list("proposal_cues.json", "proposal_nouns")


def _own_proposer(layers: Layers, head: Token) -> list[ActorRef]:
    """"Trump's plan", "the US proposal", "a plan put forward by France"."""
    for child in head.children:
        if child.dep_ in POSSESSOR or (child.dep_ in NOMINAL_MODIFIERS and child.i < head.i):
            refs = refs_of(layers, child)
            if refs:
                return refs
        if child.dep_ in ADJECTIVAL_MODIFIER and child.lemma_.lower() in _PROPOSING_PARTICIPLES:
            refs = [r for g in child.children for r in refs_of(layers, g)]  # "US-proposed"
            if refs:
                return refs
        if child.dep_ in CLAUSAL_MODIFIER:
            agent = next((g for c in child.children if c.dep_ in PASSIVE_AGENT for g in c.children
                          if g.dep_ in PREP_OBJECT), None)
            refs = refs_of(layers, agent)
            if refs:
                return refs
    return []


def _verb_roles(layers: Layers, draft: Draft, verb: Token) -> None:
    """Who puts the proposal forward (the subject of "proposed", "offered", "called for") and
    to whom; who is urged to take it ("urged Russia to accept a truce")."""
    proposing = word_list("proposal_cues.json", "proposal_verbs")
    asking = word_list("proposal_cues.json", "ask_verbs")
    if matches_verb(verb, proposing) and _object_of(draft.head, verb):
        draft.trace.append("proposal.verb")
        if not draft.proposer:
            draft.proposer = refs_of(layers, chain_subject(verb))
        draft.addressees = _addressees(layers, verb) or draft.addressees
        if any(c.dep_ in ADVERBIAL_MODIFIER and c.lower_ in word_list("proposal_cues.json", "counter_adverbs")
               for c in verb.children):  # "Ukraine called instead for a 30-day ceasefire": a counter
            draft.responses += [Response(r, "counter", draft.evidence, None, draft.date, r.actor,
                                         ("response.verb.counter_instead",)) for r in draft.proposer]
        return
    asker = _asker(verb, asking)
    if asker is not None:
        draft.trace.append("proposal.ask")
        if not draft.proposer:
            draft.proposer = refs_of(layers, clause_subject(asker))
        asked = next((c for c in asker.children if c.dep_ in OBJECT), None)
        draft.addressees = refs_of(layers, asked) or refs_of(layers, subject_of(verb))


def _object_of(head: Token | None, verb: Token) -> bool:
    """The proposal is what the verb puts forward: its object ("proposed a truce"), or the
    object of its preposition ("called for a truce"), not a noun further down."""
    if head is None:
        return False
    if head.head.i == verb.i:
        return head.dep_ in _PROPOSED_THING
    return head.dep_ in PREP_OBJECT and head.head.head.i == verb.i


def _asker(verb: Token, asking: frozenset[str]) -> Token | None:
    """"urged Russia to accept a truce", "the need for the US to provide a backstop": the word
    that asks for the infinitive's act (up to three steps above it)."""
    if verb.dep_ not in _SUBORDINATE and not any(
            c.dep_ in AUX and c.lower_ == "to" for c in verb.children):
        return None
    if any(c.tag_ in ("WP", "WDT", "WRB") or c.lower_ in ("whether", "if") for c in verb.children):
        return None  # "asked who would monitor a truce": a question, not a request
    node = verb.head
    for _ in range(3):
        if matches_verb(node, asking) or node.lemma_.lower() in asking:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def clause_subject(tok: Token) -> Token | None:
    """The subject of the clause a word sits in ("The PM has stressed the need …": the PM)."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            subject = chain_subject(node)
            if subject is not None:
                return subject
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _addressees(layers: Layers, verb: Token) -> list[ActorRef]:
    """"offered Moscow a truce", "proposed to Kyiv"."""
    for child in verb.children:
        if child.dep_ in INDIRECT_OBJECT and child.pos_ != "ADP":
            return refs_of(layers, child)
        if child.dep_ in PREPOSITIONAL_LINKS and child.lower_ == "to":
            pobj = next((g for g in child.children if g.dep_ in PREP_OBJECT), None)
            refs = refs_of(layers, pobj)
            if refs:
                return refs
    return []


def terms_drafts(layers: Layers, positions: tuple[Position, ...]) -> list[Draft]:
    """A party's own terms for a deal: its demands and conditions on the issues of a settlement
    ("Putin demanded Ukraine commit to neutrality, abandon NATO …"), in an article about a deal."""
    issues = word_list("proposal_cues.json", "term_issues")
    groups: dict[tuple[str, str | None], Draft] = {}
    actors = {a.id: a for a in layers.actors.actors}
    for pos in positions:
        if pos.stance not in ("demand", "condition") or pos.issue not in issues or pos.holder is None:
            continue
        sent = _sentence_at(layers, pos.evidence.start)
        if sent is None or not _deal_context(layers, sent):
            continue
        holder = actors.get(pos.holder)
        target = actors.get(pos.target) if pos.target else None
        if holder is None or target is None or not _state(holder.country) or holder.country == target.country:
            continue  # terms are one state's demands of another party
        key = (pos.holder, pos.target)
        draft = groups.get(key)
        if draft is None:
            draft = groups[key] = Draft("peace_terms", None, evidence_of(layers, sent), pos.date,
                                        trace=["proposal.terms_from_positions"])
            draft.proposer = [ActorRef(holder.id, holder.name, holder.country, holder.sector)]
            draft.addressees = [ActorRef(target.id, target.name, target.country, target.sector)]
        if pos.text not in draft.terms.conditions:
            draft.terms = Terms(conditions=(*draft.terms.conditions, pos.text))
    return list(groups.values())


def _state(code: str | None) -> bool:
    return bool(code) and code not in ("IGO", "NGO", "UNK", "MED")


def _sentence_at(layers: Layers, char: int) -> Span | None:
    return next((s for s in layers.doc.sents if s.start_char <= char < s.end_char), None)


def _deal_context(layers: Layers, sent: Span) -> bool:
    """The article speaks of a deal, talks or an end to the war: in this sentence or its
    neighbours, or in at least two of its sentences."""
    sents = list(layers.doc.sents)
    cues = lexicon("proposal_cues.json", "context")
    hits = [(i, h.key) for i, s in enumerate(sents) for h in cues.match(s)]
    if not any(key == "end_of_war" for _, key in hits):
        return False  # a deal on islands or minerals: no war to end, no peace terms
    talky = sorted({i for i, _ in hits})
    index = next(i for i, s in enumerate(sents) if s.start == sent.start)
    return len(talky) >= 2 or any(abs(i - index) <= 1 for i in talky)


def build(drafts: list[Draft]) -> tuple[Proposal, ...]:
    """The article's proposals: drafts of one kind whose proposers agree (or are unknown) are
    one proposal; ids from kind, proposing parties and the key terms."""
    merged: list[Draft] = []
    for draft in drafts:  # "responded with its own plan": the counter's party proposes it
        counters = [r.party for r in draft.responses if r.response == "counter"]
        if counters and not draft.proposer:
            draft.proposer = counters
    for draft in drafts:
        other = next((m for m in merged if _same(m, draft)), None)
        if other is None:
            merged.append(draft)
        else:
            _absorb(other, draft)
    links = _counter_links(merged)
    out = [_proposal(d) for d in merged]
    return tuple(replace(p, answers=out[links[i]].id) if i in links else p for i, p in enumerate(out))


def _counter_links(drafts: list[Draft]) -> dict[int, int]:
    """A counter-proposal ("Moscow responded with its own peace plan") answers the proposal of
    another party told before it in the article (else after it): the counter answer moves from
    the counter-proposal onto the proposal it answers; the link is by index into ``drafts``."""
    links: dict[int, int] = {}
    for i, draft in enumerate(drafts):
        counters = [r for r in draft.responses if r.response == "counter"]
        if not counters:
            continue
        mine = {party_key(r.party) for r in counters}
        others = [j for j, d in enumerate(drafts) if j != i and not mine & set(_parties(d.proposer))
                  and d.kind != "peace_terms"]
        if not others:
            continue
        before = [j for j in others if drafts[j].evidence.start <= draft.evidence.start]
        target = max(before, key=lambda j: drafts[j].evidence.start) if before else min(
            others, key=lambda j: drafts[j].evidence.start)
        links[i] = target
        draft.responses = [r for r in draft.responses if r.response != "counter"]
        drafts[target].responses += [r for r in counters if r not in drafts[target].responses]
    return links


def _parties(refs: list[ActorRef]) -> tuple[str, ...]:
    return tuple(sorted({party_key(r) for r in refs}))


def _same(a: Draft, b: Draft) -> bool:
    if a.kind != b.kind:
        return False
    pa, pb = _parties(a.proposer), _parties(b.proposer)
    if pa and pb and pa != pb:
        return False
    da, db = a.terms.duration_days, b.terms.duration_days
    return da is None or db is None or da == db


def _absorb(into: Draft, other: Draft) -> None:
    into.proposer = into.proposer or other.proposer
    into.addressees = into.addressees + [r for r in other.addressees if r not in into.addressees]
    terms, more = into.terms, other.terms
    into.terms = Terms(
        duration_days=terms.duration_days or more.duration_days, scope=terms.scope or more.scope,
        numbers=terms.numbers + tuple(q for q in more.numbers if q not in terms.numbers),
        conditions=terms.conditions + tuple(c for c in more.conditions if c not in terms.conditions),
    )
    into.responses += [r for r in other.responses if r not in into.responses]
    into.trace += [t for t in other.trace if t not in into.trace]
    if into.date is None or (other.date is not None and other.date < into.date):
        into.date = other.date


def proposal_id(kind: str, proposer: tuple[str, ...], duration: int | None, scope: str | None) -> str:
    return content_id("proposal", kind, ",".join(proposer), duration or "", scope or "")


def _proposal(d: Draft) -> Proposal:
    responses = _unique_responses(d.responses)
    return Proposal(
        id=proposal_id(d.kind, _parties(d.proposer), d.terms.duration_days, d.terms.scope),
        kind=d.kind, proposer=tuple(d.proposer), addressees=tuple(d.addressees), terms=d.terms,
        evidence=d.evidence, first_reported=d.date, responses=responses, trace=tuple(d.trace),
    )


def _unique_responses(responses: list[Response]) -> tuple[Response, ...]:
    """One answer per party and kind of answer (the first stated); a conditional yes replaces
    a plain yes of the same party."""
    out: dict[tuple[str, str], Response] = {}
    for r in responses:
        out.setdefault((party_key(r.party), r.response), r)
    for (party, answer) in list(out):
        if answer == "accept" and (party, "accept_with_conditions") in out:
            del out[(party, answer)]
    return tuple(out.values())
