"""Stance triggers ("demanded", "ruled out", "ready to", "the need for", "must", "on condition
that") and the stretch of the sentence each one governs, cut into one chunk per conjunct."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import (
    ADJECTIVAL_COMPLEMENT,
    ADVERBIAL_CLAUSE,
    ADVERBIAL_MODIFIER,
    ALL_SUBJECTS,
    ATTRIBUTE,
    AUX,
    CLAUSAL_COMPLEMENT,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    COORDINATOR,
    NEGATION,
    NOMINALS,
    NOUN_CLAUSES,
    OBJECT,
    OBJECT_PREDICATE,
    OPEN_COMPLEMENT,
    PARTICLE,
    PREP_COMPLEMENT,
    PREP_OBJECT,
    PREPOSITION,
    RELATIVE_CLAUSE,
    RIGHT_COMPLEMENTS,
    SUBJECT,
    SUBJECTS,
)
from wardesk.extract.grammar.negation import any_negated, copular_scope, denied_noun
from wardesk.extract.grammar.shapes import prep_marker
from wardesk.extract.grammar.syntax import condition_mark, is_condition_clause
from wardesk.extract.lexicon import word_tuple, words
from wardesk.extract.lexicon.phrases import PhraseLexicon, load_data
from wardesk.nlp.normalise import column

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SKIP_PUNCT = " ,;:–—-“”\"‘’'"


# Nouns of giving back ('in return', 'in exchange').
_RETURN_NOUNS = words("positions/cues.json", "return_nouns")


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    stance: str
    kind: str  # verb | adjective | noun | modal | condition | verdict
    scope: tuple[int, int]  # token indices the stance governs, end exclusive


@lru_cache(maxsize=1)
def stance_data() -> dict[str, Any]:
    return load_data("stance_cues.json")


@lru_cache(maxsize=1)
def condition_lexicon() -> PhraseLexicon:
    return PhraseLexicon(("condition", p) for p in stance_data()["conditions"])


def triggers(sent: Span) -> list[Trigger]:
    """Stance triggers of a sentence, in order, each with its scope."""
    conditions = _conditions(sent)
    raw = [t for tok in _trigger_words(sent) if (t := _trigger(tok)) is not None
           and not any(c.token.i <= tok.i < c.scope[0] for c in conditions)]
    conditions += [c for t in raw if (c := _if_clause(t)) is not None
                   and not any(o.token.i == c.token.i for o in conditions)]
    found = [_clip(t, conditions) for t in raw]
    return sorted([*found, *conditions], key=lambda t: t.token.i)


_YIELDING = word_tuple("positions/cues.json", "yielding")


def _if_clause(trig: Trigger) -> Trigger | None:
    """"will only accept a ceasefire if Russia withdraws": the if-clause of a yielding stance
    is its condition."""
    if trig.stance not in _YIELDING:
        return None
    for clause in trig.token.children:
        mark = condition_mark(clause)
        if clause.dep_ in ADVERBIAL_CLAUSE and mark is not None and mark.i > trig.token.i:
            return Trigger(mark, "condition", "condition", (mark.i + 1, clause.right_edge.i + 1))
    return None


def _clip(trig: Trigger, conditions: list[Trigger]) -> Trigger:
    """A stance stops where its condition begins: "agreed to X on condition that Y" accepts X
    and sets Y as the condition."""
    start, end = trig.scope
    for cond in conditions:
        if start <= cond.token.i < end:
            end = cond.token.i
    return Trigger(trig.token, trig.stance, trig.kind, (start, end))


def _trigger_words(sent: Span) -> list[Token]:
    """The sentence's tokens whose word or lemma some trigger starts with (read off the Doc's
    columns): only these can be triggers, and few tokens are."""
    lemma_words, lower_words = _trigger_vocabulary()
    doc = sent.doc
    lemmas, lowers = column(doc, "lemma_lower"), column(doc, "lower")
    return [doc[i] for i in range(sent.start, sent.end)
            if lemmas[i] in lemma_words or lowers[i] in lower_words]


@lru_cache(maxsize=1)
def _trigger_vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """(lemmas, lower-cased words) that may start a trigger: a stance verb's first word or a
    stance noun; a stance adjective or a modal's first word."""
    data = stance_data()
    lemmas = ({phrase.split(" ")[0] for phrase in data["verbs"]} | set(data["nouns"]) | set(data["infinitive_verbs"])
              | set(data["threat_verbs"]))
    words = (set(data["adjectives"]) | {phrase.split(" ")[0] for phrase in data["modals"]}
             | set(data["copular_preps"]) | set(data["expletive_nouns"]) | set(data["verdict_adjectives"]))
    return frozenset(lemmas), frozenset(words)


def _trigger(tok: Token) -> Trigger | None:
    data = stance_data()
    if _threat(tok):  # "if Europe keeps its tariff, he will impose a 200% tariff"
        return _with_scope(tok, "condition", "verb")
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in AUX):
        stance = _verb_stance(tok, data["verbs"])
        if stance is not None:
            return _with_scope(tok, stance, "verb")
    if tok.pos_ == "ADJ" and tok.lower_ in data["adjectives"]:
        stance = data["adjectives"][tok.lower_]
        if stance == "demand" and tok.dep_ not in ADJECTIVAL_COMPLEMENT:
            return None  # "it is essential that …" asks; "the measures necessary to …" does not
        return _with_scope(tok, stance, "adjective")
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in data["nouns"] and _has_complement(tok):
        return _with_scope(tok, data["nouns"][tok.lemma_.lower()], "noun")
    if (copular := _copular_trigger(tok)) is not None:
        return copular
    if (verdict := _verdict_trigger(tok)) is not None:
        return verdict
    if tok.dep_ in AUX and _modal(tok):
        verb = tok.head
        return Trigger(tok, "demand", "modal", (_thing_subject(verb), verb.right_edge.i + 1))
    return None


def _threat(tok: Token) -> bool:
    """A measure announced for the future on a condition: "will impose tariffs if …",
    "would resume strikes unless …"; the measure is the issue, the stance a condition."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in stance_data()["threat_verbs"]:
        return False
    future = any(c.dep_ in AUX and c.lower_ in _FUTURE for c in tok.children)
    return future and any(is_condition_clause(c) for c in tok.children)


_FUTURE = word_tuple("positions/cues.json", "future_auxiliaries")

# What makes a phrasal stance verb with it: "back *off*", "call *for*", "push *back*".
_VERB_PARTICLES = PARTICLE | PREPOSITION | ADVERBIAL_MODIFIER


def _verb_stance(tok: Token, verbs: dict[str, str]) -> str | None:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in _VERB_PARTICLES and f"{lemma} {child.lower_}" in verbs:
            return verbs[f"{lemma} {child.lower_}"]
    if (prep := object_preposition(tok, verbs)) is not None:  # "asked Washington for sanctions relief"
        return verbs[f"{lemma} {prep.lower_}"]
    if any(c.dep_ in PARTICLE for c in tok.children):
        return None  # a particle makes another verb: "back off" is not "back"
    if lemma in stance_data()["infinitive_verbs"] and any(c.dep_ in OPEN_COMPLEMENT and not c.ent_type_ and any(a.lower_ == "to" for a in c.children)
                    for c in tok.children):  # "looking to Trump to …": a name read as a verb is no action
        return str(stance_data()["infinitive_verbs"][lemma])  # "is looking to repair relations"
    return verbs.get(lemma)


def object_preposition(verb: Token, verbs: dict[str, str] | None = None) -> Token | None:
    """The preposition of a verb + preposition stance that the parse hung on the verb's object
    ("asked Washington *for* relief", "called Moscow *to* the table" is no stance)."""
    verbs = stance_data()["verbs"] if verbs is None else verbs
    lemma = verb.lemma_.lower()
    for obj in verb.children:
        if obj.dep_ not in OBJECT:
            continue
        for prep in obj.children:
            if prep.dep_ in PREPOSITION and prep.i > obj.i and f"{lemma} {prep.lower_}" in verbs:
                return prep
    return None


def _copular_trigger(tok: Token) -> Trigger | None:
    """"German carmakers are against the tariffs", "it is time to stop the attacks": a
    preposition or an expletive's noun after a copula that states a stance."""
    data = stance_data()
    head = tok.head
    copula = head.lemma_.lower() in _COPULAS or head.lower_ in _COPULAS  # "it's": the parse may not lemmatise it
    if tok.dep_ in PREPOSITION and tok.lower_ in data["copular_preps"] and copula:
        objects = [c for c in tok.children if c.dep_ in PREP_OBJECT]
        subject = next((c for c in head.children if c.dep_ in SUBJECT), None)
        if objects and subject is not None and (subject.pos_ in NOMINALS or subject.tag_ == _PERSONAL):
            return Trigger(tok, data["copular_preps"][tok.lower_], "adjective", (tok.i + 1, tok.right_edge.i + 1))
    if (tok.dep_ in ATTRIBUTE and tok.lemma_.lower() in data["expletive_nouns"] and copula
            and any(c.dep_ in SUBJECT and c.lower_ == "it" for c in head.children)):
        clauses = [c for c in tok.children if c.dep_ in NOUN_CLAUSES and c.i > tok.i]
        if clauses:
            return Trigger(tok, data["expletive_nouns"][tok.lemma_.lower()], "adjective",
                           (clauses[0].left_edge.i, clauses[0].right_edge.i + 1))
    return None


def _verdict_trigger(tok: Token) -> Trigger | None:
    """"called the sanctions illegal", "said expanding cooperation is illegal": a verdict
    adjective opposes the thing it is said of (its copula's subject, or the object it predicates)."""
    if tok.pos_ != "ADJ" or tok.lower_ not in stance_data()["verdict_adjectives"]:
        return None
    first = first_conjunct(tok)  # "is dangerous and illegal"
    head = first.head
    if first.dep_ in ADJECTIVAL_COMPLEMENT and (head.lemma_.lower() in _COPULAS or head.lower_ in _COPULAS):
        things = [c for c in head.children if c.dep_ in ALL_SUBJECTS]
    elif first.dep_ in OBJECT_PREDICATE:
        things = [c for c in head.children if c.dep_ in OBJECT]
    else:
        return None
    if not things:
        return None
    return Trigger(tok, "oppose", "verdict", (things[0].left_edge.i, things[0].right_edge.i + 1))


_COPULAS = word_tuple("positions/cues.json", "copulas")
_PERSONAL = "PRP"  # "they are against …"; not "anything that is against …"


def _thing_subject(verb: Token) -> int:
    """Where a modal demand starts: at its verb, or at its subject when that is the thing asked
    for and the verb only says it should go on or stop ("talks with China must continue")."""
    if verb.lemma_.lower() not in _PHASE_VERBS or any(c.dep_ in OBJECT or c.dep_ in OPEN_COMPLEMENT for c in verb.children):
        return verb.i
    subject = next((c for c in verb.children if c.dep_ in SUBJECT), None)
    return subject.left_edge.i if subject is not None and subject.pos_ == "NOUN" else verb.i


_PHASE_VERBS = word_tuple("positions/cues.json", "phase_verbs")


def _modal(tok: Token) -> bool:
    modals = stance_data()["modals"]
    if tok.lower_ in modals:
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and f"{tok.lower_} {nxt.lower_}" in modals


# Clauses after a stance noun that say what it is about ("a call *to end* the war", "fears *that* …").
_NOUN_CONTENT = CLAUSAL_MODIFIER | ADVERBIAL_CLAUSE | CLAUSAL_COMPLEMENT | RELATIVE_CLAUSE


def _has_complement(noun: Token) -> bool:
    """A stance noun with what it is about after it; a noun that is also a conversation asks
    only through its own prepositions ("a call for talks", not "a call with allies")."""
    preps = stance_data()["noun_preps"].get(noun.lemma_.lower())
    return any(c.i > noun.i and (c.dep_ in _NOUN_CONTENT
                                 or (c.dep_ in PREPOSITION and (preps is None or c.lower_ in preps)))
               for c in noun.children)


def _with_scope(tok: Token, stance: str, kind: str) -> Trigger | None:
    parts = [c for c in tok.rights if c.dep_ in RIGHT_COMPLEMENTS and not c.is_punct and not _own_clause(tok, c)]
    if kind == "adjective" and stance == "demand":  # "essential to its monitoring" says what serves what
        parts = [p for p in parts if p.dep_ not in PREPOSITION]
    if not parts and kind == "adjective" and tok.dep_ in ADJECTIVAL_COMPLEMENT:  # "it is essential that …"
        parts = [c for c in tok.head.rights if c.dep_ in CLAUSAL_COMPLEMENT and c.i > tok.i]
    if not parts or _answers_claim(tok, stance) or _idle_request(tok, parts):
        return None
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    return Trigger(tok, stance, kind, (max(start, tok.i + 1), end))


def _own_clause(tok: Token, part: Token) -> bool:
    """"opposes X and … gives military support": a verb conjoined to the stance verb is a
    predicate of its own, not a thing opposed; so is a participle hung on it ("…, saying …")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if part.dep_ in CONJUNCT and part.pos_ in ("VERB", "AUX"):
        # with a nominal object the stance is complete; a bare clause list may hang off the
        # stance verb in the parse ("demanded Kyiv commit to …, abandon … and recognise …")
        own_subject = any(c.dep_ in SUBJECTS for c in part.children)
        return own_subject or any(c.dep_ in OBJECT and c.i < part.i for c in tok.children)
    return part.dep_ in ADVERBIAL_CLAUSE and part.tag_ == "VBG" and part.i > tok.i + 1 and part.doc[part.i - 1].is_punct


_CLAIM_POSITIONS = OBJECT | SUBJECT  # "rejected *the allegation*", "dismissed [*concerns* that …]"


def _answers_claim(tok: Token, stance: str) -> bool:
    """"rejected the allegation that …", "dismissed concerns about …": no stance on an issue."""
    if stance not in ("reject", "oppose"):
        return False
    objects = set(stance_data()["claim_objects"])
    # the parse may hang "concerns that …" as the subject of a clause: "dismissed [concerns that X would …]"
    heads = [*tok.children, *[g for c in tok.children if c.dep_ in CLAUSAL_COMPLEMENT for g in c.children if g.i < c.i]]
    return any(c.dep_ in _CLAIM_POSITIONS and c.lemma_.lower() in objects and c.i > tok.i for c in heads)


def _idle_request(tok: Token, parts: list[Token]) -> bool:
    """"a request for comment", "calls for updates"."""
    idle = set(stance_data()["idle_requests"])
    for part in parts:
        heads = [part, *[c for c in part.children if c.dep_ in PREP_OBJECT]]
        if any(h.lower_ in idle for h in heads):
            return True
    return False


def _conditions(sent: Span) -> list[Trigger]:
    out = []
    for hit in condition_lexicon().match(sent):
        stops = [t.i for t in sent.doc[hit.end + 1: sent.end] if t.text in (",", ";", ".")]
        end = stops[0] if stops else sent.end
        out.append(Trigger(sent.doc[hit.start], "condition", "condition", (hit.end, end)))
    return out


def chunks(sent: Span, scope: tuple[int, int]) -> list[tuple[int, int]]:
    """The scope cut at each conjoined verb: "commit to neutrality, abandon …, demilitarise
    and recognise …" gives one chunk per demand."""
    doc = sent.doc
    cuts = [scope[0]]
    for tok in doc[scope[0]: scope[1]]:
        if tok.i > scope[0] + 1 and tok.dep_ in CONJUNCT and tok.pos_ not in _UNCUT and _after_list_mark(tok):
            cuts.append(tok.i)
    cuts.append(scope[1])
    return [(a, b) for a, b in pairwise(cuts) if b > a]


_UNCUT = ("ADJ", "ADV")  # "the heinous and cruel attacks": one thing, however described


def _after_list_mark(tok: Token) -> bool:
    prev = tok.doc[tok.i - 1]
    return prev.text == "," or prev.dep_ in COORDINATOR


_PREP_PHRASE_PARTS = PREP_OBJECT | PREP_COMPLEMENT  # "before *the election*", "after *meeting* …"


def subordinate(tok: Token, top: Token) -> bool:
    """Whether ``tok`` sits in an if/when/unless clause below ``top`` (a side condition, not
    the thing demanded)."""
    node = tok
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in ADVERBIAL_CLAUSE and any(c.lower_ in _SIDE_MARKS for c in node.children):
            return True
        if node.dep_ in _PREP_PHRASE_PARTS and node.head.lower_ in _TIME_PREPS:
            return True  # "before the presidential election": when, not what
        if _side_relative(node) or _traded(node):
            return True  # "…, which would violate sanctions"; "in return for the weapons"
        if node.dep_ in PREPOSITION and node.lower_ in _SIDE_PREPS:
            return True
        node = node.head
    return False


def _side_relative(node: Token) -> bool:
    """A relative clause that comments ("Russia, which would violate sanctions") or has a
    subject of its own ("the island that Beijing considers its territory"); one whose subject
    is the relative word itself ("an outcome that would see aid resume") still says what."""
    if node.dep_ not in RELATIVE_CLAUSE:
        return False
    if node.left_edge.i > 0 and node.doc[node.left_edge.i - 1].text == ",":
        return True
    subject = next((c for c in node.children if c.dep_ in SUBJECTS), None)
    return subject is not None and subject.tag_ not in ("WDT", "WP")


def _traded(node: Token) -> bool:
    """The object of "in return for"/"in exchange for": what is given, not what is asked."""
    marker = prep_marker(node)
    if marker is None or marker.lower_ != "for" or marker.i == 0:
        return False
    return node.doc[marker.i - 1].lower_ in _RETURN_NOUNS


_SIDE_PREPS = word_tuple("positions/cues.json", "side_preps")  # "as a step toward peace", "consultations over tariffs": topic, not object
_TIME_PREPS = word_tuple("positions/cues.json", "time_preps")
_SIDE_MARKS = word_tuple("positions/cues.json", "side_marks")


def negated(tok: Token) -> bool:
    """"did not agree", "is not ready", "no indication Putin is willing"."""
    if any_negated(copular_scope(tok)):
        return True
    blocking = set(stance_data()["blocking"])
    if tok.dep_ in AUX and any(c.dep_ in NEGATION for c in tok.head.children):
        return True  # "Ukraine must not join NATO"
    head = tok.head if tok.dep_ in AUX else tok  # "the attacks must stop": the modal's own verb blocks nothing
    for _ in range(3):
        if head.head.i == head.i:
            break  # the root: no blocking verb above it ("Hungary blocked …" is its own stance)
        if head.dep_ in ADVERBIAL_CLAUSE and any(c.dep_ in SUBJECT for c in head.children):
            break  # "kept up the pressure, as Tehran rejected …": a clause of its own
        head = head.head
        if denied_noun(head):
            return True
        if head.lemma_.lower() in blocking:
            return True  # "to prevent it from achieving …"
    return False


def chunk_text(sent: Span, chunk: tuple[int, int]) -> tuple[int, int]:
    """Character offsets of a chunk without its edge punctuation and conjunctions."""
    doc = sent.doc
    a, b = chunk
    while a < b - 1 and (doc[a].is_punct or doc[a].dep_ in COORDINATOR):
        a += 1
    while b - 1 > a and (doc[b - 1].is_punct or doc[b - 1].dep_ in COORDINATOR):
        b -= 1
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
