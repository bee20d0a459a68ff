"""Answers to proposals: the verb that takes a proposal as its object ("Kyiv accepted the
30-day ceasefire", "Lavrov ruled out European peacekeepers", "Moscow is studying the plan"), and
the stances wardesk's positions found on a proposal's issue. A yes with a condition ("accepted,
provided …", "agreed but insisted that …") is accept_with_conditions, with the condition's words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wardesk.extract.grammar.clauses import RELATIVE, clause_kind
from wardesk.extract.grammar.labels import (
    ADJECTIVAL_COMPLEMENT,
    ADJECTIVAL_MODIFIER,
    ADVERBIAL_CLAUSE,
    ADVERBIAL_MODIFIER,
    ATTRIBUTE,
    AUX,
    CLAUSAL_COMPLEMENT,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    COORDINATOR,
    DETERMINER,
    MARK,
    MODIFIER_NOUN,
    NOUN_CLAUSES,
    OBJECT,
    OPEN_COMPLEMENT,
    PASSIVE_SUBJECT,
    POSSESSOR,
    PREPOSITION,
    SUBJECT,
    SUBJECTS,
)
from wardesk.extract.grammar.shapes import passive_agents, prep_pairs
from wardesk.extract.layers import Layers
from wardesk.extract.speech.cues import subject_of
from wardesk.process.common import (
    NON_PARTY_CODES,
    answer_of,
    chain_subject,
    data,
    date_of,
    evidence_of,
    halts,
    matches_verb,
    negated,
    own_words,
    party_key,
    refs_of,
    subject_refs,
    subtree_text,
    token_at,
    word_list,
)
from wardesk.process.proposals import Draft, clause_subject
from wardesk.records import Actor, ActorRef, Evidence, Position, Response

if TYPE_CHECKING:
    from spacy.tokens import Token

_IRREALIS_MARKS = ("if", "whether", "unless", "until")
_NOT_YET = re.compile(r"\b(?:has|have|had)(?: not|n't| yet to)\b|\bnot yet\b", re.IGNORECASE)


# A clause under a hedge word ('*ready to* consider').
_HEDGED_CLAUSES = CLAUSAL_MODIFIER | OPEN_COMPLEMENT
# A predicate nominal or adjective ('was *ready*').
_PREDICATIVES = ATTRIBUTE | ADJECTIVAL_COMPLEMENT
# A determiner, owner or modifier before the noun ('*the* plan', '*Russia's* plan').
_NOUN_MARKERS = DETERMINER | POSSESSOR | ADJECTIVAL_MODIFIER | MODIFIER_NOUN
# What a verb names as its content or undergoer.
_VERB_CONTENT = OBJECT | CLAUSAL_COMPLEMENT | OPEN_COMPLEMENT | ATTRIBUTE | PASSIVE_SUBJECT
# A complement or conjunct of a verb.
_CHAIN_LINKS = OPEN_COMPLEMENT | CONJUNCT


def attach_responses(layers: Layers, drafts: list[Draft], positions: tuple[Position, ...]) -> list[Draft]:
    """``drafts`` with the answers their sentences give; a refusal of something no draft holds
    ("ruled out peacekeepers" where no one proposed them in so many words) adds a draft."""
    for draft in drafts:
        if draft.verb is not None and not {"proposal.verb", "proposal.ask"} & set(draft.trace):
            draft.responses += verb_responses(layers, draft, draft.verb)
    _anaphoric_answers(layers, drafts)
    evaluations(layers, drafts)
    added: list[Draft] = []
    for pos in positions:
        _position_response(layers, pos, drafts + added, added)
    return drafts + added


def verb_responses(layers: Layers, draft: Draft, verb: Token, evidence: Evidence | None = None) -> list[Response]:
    answer = answer_of(verb) or _halting(draft, verb)
    if answer is None:
        return _pending(layers, draft, verb, evidence)
    hedge = _hedge(verb)
    if hedge is not None and not negated(verb):
        return _hedged(layers, draft, verb, hedge, evidence)
    if _irrealis(verb) or _asked(verb) or _purpose(verb) or _not_yet(verb, answer):
        return []
    parent = verb.head if verb.dep_ in OPEN_COMPLEMENT else None
    trace = f"response.verb.{answer}"
    if parent is not None and answer_of(parent) == "reject" and answer != "reject":
        answer, trace = "reject", "response.verb.refuse_to"  # "refused to accept"
    if negated(verb) or (parent is not None and negated(parent)):
        answer = data("response_cues.json")["negated"][answer]
        trace += ".negated"
    conditions = _conditions(layers, verb)
    if answer == "accept" and not conditions and _in_principle(verb):
        conditions = _but_clause(layers, verb) or "in principle"
    if answer == "accept" and conditions:
        answer = "accept_with_conditions"
    attribution = layers.statements.attribution_for(verb)[0]
    out = []
    for party in _parties(layers, verb):
        speaker = attribution.actor if attribution is not None and attribution.actor else party.actor
        out.append(Response(party, answer, evidence or draft.evidence, conditions, date_of(layers, verb),
                            speaker, (trace,)))
    return out


def _hedge(verb: Token) -> Token | None:
    """"its reluctance to fully endorse the proposal", "is hesitant to accept": a yes or no held
    back by a hedging word (hedge_words) is still being weighed."""
    head = verb.head
    if verb.dep_ in _HEDGED_CLAUSES and head.lemma_.lower() in word_list("response_cues.json", "hedge_words"):
        return head
    return None


def _hedged(layers: Layers, draft: Draft, verb: Token, hedge: Token, evidence: Evidence | None) -> list[Response]:
    owner = next((c for c in hedge.children if c.dep_ in POSSESSOR), None)
    parties = refs_of(layers, owner)
    node = hedge
    while not parties and node.head.i != node.i:  # "the Kremlin said …, signaling its reluctance"
        node = node.head
        parties = refs_of(layers, subject_of(node)) if node.pos_ in ("VERB", "AUX") else []
    return [Response(p, "considering", evidence or draft.evidence, None, date_of(layers, verb), p.actor,
                     ("response.verb.hedged",)) for p in parties if p.code and p.code not in NON_PARTY_CODES]


def evaluations(layers: Layers, drafts: list[Draft]) -> None:
    """"A 30-day ceasefire is the first crucial step …," Zelenskyy wrote: a proposal judged in a
    copular clause (evaluations: nouns and adjectives of a yes or a no) is the judging speaker's
    answer; the speaker is the statement's, else the clause's reporting subject."""
    table: dict[str, list[str]] = data("response_cues.json")["evaluations"]
    for draft in drafts:
        head = draft.head
        if head is None or head.dep_ not in SUBJECT or head.head.lemma_.lower() != "be" or negated(head.head):
            continue
        said = [c for c in head.head.children if c.dep_ in _PREDICATIVES]
        answer = next((a for a in ("accept", "reject") for c in said if _judged(c, table[a], table["_heads"])), None)
        if answer is None:
            continue
        attribution = layers.statements.attribution_for(head.head)[0]
        party = _ref(layers, attribution.actor) if attribution is not None and attribution.actor else None
        parties = [party] if party is not None else subject_refs(layers, subject_of(head.head.head))
        for p in parties:
            if p.code and p.code not in NON_PARTY_CODES and not any(
                    party_key(r.party) == party_key(p) for r in draft.responses):
                draft.responses.append(Response(p, answer, draft.evidence, None, date_of(layers, head.head),
                                                p.actor, ("response.evaluation",)))


def _judged(word: Token, words: list[str], heads: list[str]) -> bool:
    """"unacceptable", "the first crucial step", "a good idea": the word or, on a plain noun
    of judgement, one of its adjectives."""
    if word.lemma_.lower() in words:
        return True
    return word.lemma_.lower() in heads and any(g.dep_ in ADJECTIVAL_MODIFIER and g.lower_ in words for g in word.children)


def _halting(draft: Draft, verb: Token) -> str | None:
    return "accept" if halts(draft.head, verb) else None


def _pending(layers: Layers, draft: Draft, verb: Token, evidence: Evidence | None) -> list[Response]:
    """"Moscow is in no hurry to respond to the proposal", "Russia will reply to the plan": an
    answer still to come is considering; a past one ("responded to the plan by …") says no kind."""
    if not matches_verb(verb, word_list("response_cues.json", "pending_verbs")) or _irrealis(verb):
        return []
    manners: dict[str, list[str]] = data("response_cues.json")["manner_answers"]
    manner = next((a for a, words in manners.items() for c in verb.children
                   if c.dep_ in ADVERBIAL_MODIFIER and c.lower_ in words), None)  # "responded positively"
    if manner is None and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not negated(verb))):
        return []
    parties = [r for r in subject_refs(layers, clause_subject(verb)) if r.code and r.code not in NON_PARTY_CODES]
    trace = f"response.verb.manner.{manner}" if manner else "response.verb.pending"
    return [Response(p, manner or "considering", evidence or draft.evidence, None, date_of(layers, verb), p.actor,
                     (trace,)) for p in parties]


def _anaphoric_answers(layers: Layers, drafts: list[Draft]) -> None:
    """An answer whose object only refers to a proposal told before ("studying the draft",
    "accepted the offer", "rejected it") or that has no object at all ("agreed in principle")
    answers the nearest proposal told in its sentence or the two before."""
    heads = {d.head.i for d in drafts if d.head is not None}
    verbs = {d.verb.i for d in drafts if d.verb is not None}
    sents = list(layers.doc.sents)
    for index, sent in enumerate(sents):
        for tok in sent:
            if tok.pos_ != "VERB" or tok.i in verbs or (answer_of(tok) is None and not matches_verb(
                    tok, word_list("response_cues.json", "pending_verbs"))):
                continue
            ref = _referring(tok)
            if ref is None or ref.i in heads:
                continue
            own = _relative_antecedent(drafts, tok, ref)
            near = own or _nearest(drafts, tok, sents[max(0, index - (1 if ref.i != tok.i and ref.pos_ == "PRON" else 2))].start_char)
            if near is None:
                continue
            found = [r for r in verb_responses(layers, near, tok, evidence_of(layers, sent))
                     if r.party.code and r.party.code not in NON_PARTY_CODES]
            near.responses += [r for r in found if not any(party_key(o.party) == party_key(r.party) for o in near.responses)]


def _relative_antecedent(drafts: list[Draft], verb: Token, ref: Token) -> Draft | None:
    """"a 30-hour truce, which Kyiv dismissed as a stunt": a relative pronoun object names the
    proposal the relative clause hangs from."""
    if ref.tag_ not in ("WDT", "WP") or clause_kind(verb) != RELATIVE:
        return None
    return next((d for d in drafts if d.head is not None and d.head.i == verb.head.i), None)


def _referring(verb: Token) -> Token | None:
    """What in an answer refers back to a proposal: an object that is a proposal noun with a
    determiner or owner ("the draft", "the Russian memorandum") or a pronoun ("it"); the verb
    itself when it has no object (an intransitive "agreed")."""
    nouns = word_list("proposal_cues.json", "proposal_nouns")
    pronouns = word_list("response_cues.json", "referring_pronouns")
    objects = [c for c in verb.children if c.dep_ in OBJECT] + [
        g for _, g in prep_pairs(verb, links=PREPOSITION)]
    for obj in objects:
        if obj.lower_ in pronouns:
            return obj
        if obj.lemma_.lower() in nouns and any(c.dep_ in _NOUN_MARKERS for c in obj.children):
            return obj
    if answer_of(verb) in ("accept", "reject") and not any(
            c.dep_ in _VERB_CONTENT for c in verb.children) and not [
            o for o in objects if o.lower_ not in word_list("response_cues.json", "manner_nouns")]:
        return verb
    return None


def _nearest(drafts: list[Draft], tok: Token, since: int) -> Draft | None:
    before = [d for d in drafts if since <= d.evidence.start <= tok.idx]
    return max(before, key=lambda d: (d.evidence.start, d.head.i if d.head is not None else -1), default=None)


def _irrealis(verb: Token) -> bool:
    """"if Russia accepts the truce", "whether Moscow will agree": not an answer yet."""
    node = verb
    for _ in range(3):
        if any(c.dep_ in MARK and c.lower_ in _IRREALIS_MARKS for c in node.children):
            return True
        if node.dep_ not in _CHAIN_LINKS or node.head.i == node.i:
            return False
        node = node.head
    return False


def _asked(verb: Token) -> bool:
    """"urged Russia to accept", "called for Russia to reciprocate by agreeing": asked of a
    party, not its answer (the proposal rules read it as a proposal)."""
    asking = word_list("response_cues.json", "asking")
    node = verb
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in asking:
            return True
    return False


def _purpose(verb: Token) -> bool:
    """"a coalition is forming to … support the ceasefire": an infinitive of purpose is no
    answer; "is ready to accept", "agreed to sign" are."""
    node = verb
    while node.dep_ in CONJUNCT and node.head.i != node.i:
        node = node.head
    if not any(c.dep_ in AUX and c.lower_ == "to" for c in node.children):
        return False
    head = node.head
    if head.pos_ in ("NOUN", "PROPN") and node.dep_ in NOUN_CLAUSES:
        return True  # "mechanisms to support the ceasefire"
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in word_list("response_cues.json", "infinitive_heads")


def _not_yet(verb: Token, answer: str) -> bool:
    """"Russia has not agreed to the ceasefire": no answer yet, not a refusal ("has not ruled
    out" is an answer: the negated map makes it considering)."""
    return answer != "reject" and negated(verb) and any(
        c.dep_ in AUX and c.lemma_.lower() == "have" for c in verb.children)


def _in_principle(verb: Token) -> bool:
    words = " ".join(t.lower_ for t in own_words(verb))
    return any(p in words for p in data("response_cues.json")["in_principle"])


def _but_clause(layers: Layers, verb: Token) -> str | None:
    """"supports the proposal in principle, but key details still need to be worked out"."""
    node = verb
    for _ in range(3):
        if any(c.dep_ in COORDINATOR and c.lower_ == "but" for c in node.children):
            clause = next((c for c in node.children if c.dep_ in CONJUNCT and c.i > verb.i), None)
            if clause is not None:
                return subtree_text(layers, clause)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _parties(layers: Layers, verb: Token) -> list[ActorRef]:
    agent = next(iter(passive_agents(verb)), None)
    if agent is not None:  # "the plan was rejected by Moscow"
        return refs_of(layers, agent)
    subject = chain_subject(verb)
    if subject is None or subject.dep_ in PASSIVE_SUBJECT:
        return []
    return subject_refs(layers, subject)


def _conditions(layers: Layers, verb: Token) -> str | None:
    """The condition a yes comes with: an if/provided clause of the verb, "on condition that",
    or a "but" clause that insists or demands ("agreed, but insisted that …")."""
    cues = data("response_cues.json")
    marks = {m.split()[0] for m in cues["condition_marks"]}
    for child in verb.children:
        if child.dep_ in ADVERBIAL_CLAUSE and any(m.dep_ in MARK and m.lower_ in marks for m in child.children):
            return subtree_text(layers, child)
        if child.dep_ in PREPOSITION and child.lower_ in ("on", "in", "subject") and any(
                g.lemma_.lower() in ("condition", "exchange", "return", "to") for g in child.subtree):
            return subtree_text(layers, child)
    insisting = word_list("response_cues.json", "condition_verbs")
    modals = word_list("response_cues.json", "condition_modals")
    # "agreed but insisted …"; "said it would support …, but insisted …" (the speaker's but)
    for top in (verb, verb.head) if verb.dep_ in CLAUSAL_COMPLEMENT else (verb,):
        but = any(c.dep_ in COORDINATOR and c.lower_ in cues["condition_conjunctions"] for c in top.children)
        for child in top.children:
            own = any(c.dep_ in SUBJECTS and c.pos_ != "PRON" for c in child.children) and not any(
                c.dep_ in MARK and c.lower_ == "that" for c in child.children)  # "but that Hamas must …": reported
            if child.dep_ in CONJUNCT and but and not own and (child.lemma_.lower() in insisting or any(
                    a.dep_ in AUX and a.lower_ in modals for a in child.children)):
                return subtree_text(layers, child)  # "agreed …, but that it must lead to …"
    return None


def _position_response(layers: Layers, pos: Position, drafts: list[Draft], added: list[Draft]) -> None:
    cues = data("response_cues.json")
    kind = cues["issue_kinds"].get(pos.issue)
    answer = cues["stances"].get(pos.stance)
    if kind is None or answer is None or pos.holder is None:
        return
    party = _ref(layers, pos.holder)
    if party is None or _NOT_YET.search(layers.doc.text[pos.evidence.start: pos.evidence.end]):
        return  # "Russia has not agreed to the ceasefire": no answer yet
    here = [d for d in drafts if d.kind == kind and d.evidence.start <= pos.evidence.start < d.evidence.end]
    tok = token_at(layers, pos.evidence.start)
    response = Response(party, answer, here[0].evidence if here else _evidence(layers, pos),
                        pos.text if answer == "accept_with_conditions" else None,
                        pos.date, party.actor, (f"response.position.{pos.stance}",))
    if here:
        for draft in here:  # the verb's own reading of the sentence wins over the stance
            if not any(party_key(r.party) == party_key(party) for r in draft.responses):
                draft.responses.append(response)
        return
    if pos.stance == "reject" and tok is not None:
        draft = Draft(kind, None, response.evidence, pos.date, trace=["proposal.rejected_issue"])
        draft.responses.append(response)
        added.append(draft)


def _evidence(layers: Layers, pos: Position):  # type: ignore[no-untyped-def]
    from wardesk.process.common import evidence_of

    tok = token_at(layers, pos.evidence.start)
    assert tok is not None
    return evidence_of(layers, tok.sent)


def _ref(layers: Layers, actor_id: str) -> ActorRef | None:
    actor: Actor | None = next((a for a in layers.actors.actors if a.id == actor_id), None)
    if actor is None:
        return None
    return ActorRef(actor.id, actor.name, actor.country, actor.sector)
