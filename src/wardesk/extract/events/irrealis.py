"""Irrealis frames: a word of intention, expectation or possibility governing an event predicate
("plans to strike", "is expected to meet", "fears of an attack") means it has not happened."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wardesk.extract.grammar.frames import reported_clause, speech_verbs
from wardesk.extract.grammar.labels import CLAUSE_WALK_LINKS
from wardesk.extract.grammar.syntax import auxiliaries, has_condition, is_condition_clause
from wardesk.extract.lexicon import data_file, words

if TYPE_CHECKING:
    from spacy.tokens import Token

# The speaker's own clause ends the walk: "said it attacked" keeps its own tense.
_SPEECH = speech_verbs("irrealis_stops")
_UNREAL_AUXES = words("events/irrealis.json", "unreal_auxes")
_PAST_AUXES = words("events/irrealis.json", "past_auxes")


@dataclass(frozen=True, slots=True)
class Frame:
    """The governing word and what it makes of the event: status, and whether the event is
    its holder's own intent (PLOVER's AGREE/THREATEN reading) or someone's conjecture."""

    cue: Token
    status: str  # "planned" | "hypothetical"
    intent: bool


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    path = data_file("irrealis_cues.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _forms(tok: Token) -> set[str]:
    """The token's lemma and plain forms: the tagger's lemma can miss ("hopes" → "hop")."""
    low = tok.lower_
    out = {(tok.lemma_ or low).lower(), low}
    for suffix, add in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.add(low[: -len(suffix)] + add)
    return out


def _kind(tok: Token) -> str | None:
    """"intention", "expectation" or "possibility" when ``tok`` is such a frame word."""
    part = {"VERB": "verbs", "AUX": "verbs", "ADJ": "adjectives", "NOUN": "nouns"}.get(tok.pos_)
    if part is None:
        return None
    forms = _forms(tok)
    for kind in ("intention", "expectation", "possibility"):
        if forms & set(cues()[kind][part]):
            return kind
    if part == "verbs" and tok.tag_ == "VBN":  # "is expected", "is feared" read as adjectives
        for kind in ("expectation", "possibility"):
            if forms & set(cues()[kind]["adjectives"]):
                return kind
    return None


def _aux(tok: Token) -> set[str]:
    return auxiliaries(tok)


def _unrealised(clause: Token) -> bool:
    """A clause that states no fact of its own: an infinitive, a modal, a bare noun."""
    if clause.pos_ in ("NOUN", "PROPN"):
        return True
    auxes = _aux(clause)
    if auxes & _UNREAL_AUXES:
        return True
    return clause.tag_ in ("VB", "VBG") and not auxes & _PAST_AUXES


def _own_subject(clause: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _frame_at(head: Token, via: str, clause: Token) -> Frame | None:
    """The frame ``head`` sets on the clause (or noun) ``clause`` that reached it by ``via``."""
    kind = _kind(head)
    if kind is None:
        return None
    if via == "dobj" and not _forms(head) & set(cues()["object_ok"]):
        return None  # "planned the attack": may have been carried out
    if clause.tag_ == "VBN" and _aux(clause) & {"have", "'ve"}:
        return None  # "is expected to have deployed": a guess about the past, hedged
    if via == "acl" and not _infinitive(clause):
        return None  # "concerns calling for …": a noun's clause is its aim only as "to …"
    if via in ("ccomp", "advcl") and not _unrealised(clause):
        return None  # "fears that hundreds were killed": a fact, feared
    if via == "dobj" and _forms(head) & set(cues()["desire_objects"]):
        return Frame(head, "hypothetical", False)  # "wants a ceasefire": not its own act
    if kind == "intention":
        return Frame(head, "planned", True)
    if kind == "expectation":
        passive = any(c.dep_ == "auxpass" for c in head.children) or head.pos_ == "ADJ"
        if via == "ccomp" and _own_subject(clause) and not passive:
            return Frame(head, "hypothetical", False)  # "expects Pyongyang to fire": a forecast
        return Frame(head, "planned", True)  # "is expected to meet": its own future act
    return Frame(head, "hypothetical", False)


def frame_of(trigger: Token) -> Frame | None:
    """The nearest irrealis frame governing ``trigger``, through complements, "of/for"
    phrases and infinitival purpose clauses; none across the speaker's own clause."""
    tok = trigger
    for _ in range(6):
        if _for_to(tok):
            return Frame(tok, "hypothetical", False)  # "the next step is for Kyiv to sign"
        head, via = tok.head, tok.dep_
        if head.i == tok.i or via not in CLAUSE_WALK_LINKS or is_condition_clause(tok):
            return None
        if reported_clause(tok, _SPEECH):
            return None
        if via in ("pobj", "dobj") and tok.i != trigger.i and not _conj_of(tok, trigger):
            return None  # "blunt efforts to impose sanctions": the frame is another noun's
        if via == "pobj":  # "fears of an attack": step to the preposition, then its head
            if head.lower_ not in cues()["clause_prepositions"] and not _adjective_to(head):
                return None
            tok = head
            continue
        # A purpose clause's own act is its aim ("is forming to provide security"), not the
        # things it names ("deployed to oversee a ceasefire": the ceasefire holds).
        aim = tok.i == trigger.i and _infinitive(tok) and _purpose(tok, head)
        if via == "advcl" and not aim:  # "when they met": a clause of its own, a fact
            if not (_infinitive(tok) and "to" in _aux(head)):
                return None
            tok = head  # "for Kyiv to come back to sign": the aim of an aim
            continue
        if via == "advcl":
            return Frame(head, "planned", False)
        if via == "xcomp" and aim and _forms(head) & set(cues()["purpose_heads"]):
            return Frame(head, "planned", False)  # "a coalition is forming to provide": its aim
        if via != "conj":  # "threatened X and attacked Y": the attack is no threat's content
            found = _frame_at(head, via, tok)
            if found is not None:
                return _conditioned(found)
            if head.pos_ in ("NOUN", "PROPN"):
                return None  # "a ruling to continue …": a noun of no frame ends the walk
        tok = head
    return None


def _adjective_to(prep: Token) -> bool:
    """"open to talks", "ready to dialogue": "to" under an adjective of intention."""
    return prep.lower_ == "to" and prep.head.pos_ == "ADJ" and _kind(prep.head) == "intention"


def _for_to(clause: Token) -> bool:
    """"for X to sign": a clause of what is to be, never of what was."""
    kids = {(c.dep_, c.lower_) for c in clause.children}
    if not (("mark", "for") in kids and ("aux", "to") in kids):
        return False
    judged = clause.head if clause.head.pos_ == "ADJ" else next(
        (c for c in clause.head.children if c.dep_ == "acomp"), None)
    return judged is None or not _forms(judged) & set(cues()["factive_adjectives"])


def _conditioned(frame: Frame) -> Frame:
    """"unless they have the intention to invade": an intent only supposed, no one's plan."""
    tok = frame.cue
    for _ in range(4):
        if is_condition_clause(tok):
            return Frame(frame.cue, "hypothetical", False)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return frame


def _conj_of(tok: Token, trigger: Token) -> bool:
    return trigger.dep_ == "conj" and trigger.head.i == tok.i


def _infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _purpose(clause: Token, head: Token) -> bool:
    """An infinitival purpose clause of a verb not (yet) done: "a force is being formed to
    patrol" (not "troops were sent to patrol", which reports the sending in the past)."""
    if head.pos_ not in ("VERB", "AUX") or head.tag_ == "VBD":
        return False
    auxes = _aux(head)
    if "to" in auxes:
        return False  # "likely to be angered by a ruling to continue": a misread chain
    if auxes & _PAST_AUXES or (head.tag_ == "VBN" and not auxes):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def conjecture(trigger: Token, chain: list[Token]) -> bool:
    """The event is someone's conjecture, no actor's stated intent: an expectation or
    possibility frame, or "could/may/might" without a condition nor the actor speaking."""
    frame = frame_of(trigger)
    if frame is not None:
        return not frame.intent
    modals = set(cues()["possibility_modals"])
    for tok in chain:
        if _aux(tok) & modals:
            return not (_conditional(tok) or _speaker_is_actor(tok))
    return False


def _conditional(tok: Token) -> bool:
    return has_condition(tok)


def _speaker_is_actor(verb: Token) -> bool:
    """"Iran said it could close the strait", "we may strike": the actor states its option."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if subject.lower_ in ("we", "i"):
        return True
    return subject.pos_ == "PRON" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _SPEECH
