"""Modality of an event predicate: has it happened (status), is it negated, who says so
(a local attribution when the statements table has none) and how sure the article is."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from wardesk.extract.events.irrealis import frame_of
from wardesk.extract.grammar.frames import reported_clause, speech_verbs
from wardesk.extract.grammar.labels import GOVERNING_LINKS
from wardesk.extract.grammar.negation import clause_negated
from wardesk.extract.grammar.syntax import (
    REQUEST_NOUNS,
    asking_noun_before,
    auxiliaries,
    condition_mark,
    is_condition_clause,
    phrase_span,
)
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.layers import doc_text
from wardesk.extract.lexicon import words
from wardesk.records import QUAD_CLASS, ActorRef, Attribution
from wardesk.sectors import sector_group

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wardesk.extract.layers import ActorTable

SPEECH_VERBS = speech_verbs("content_frames")
CLAIM_VERBS = words("events/modality.json", "claim_verbs")
PLAN_CUES = words("events/modality.json", "plan_cues")
ONGOING_CUES = words("events/modality.json", "ongoing_cues")
# Verbs of asking: what they ask for has not happened ("called for the Taliban to lift the ban").
REQUEST_CUES = words("events/modality.json", "request_cues")
# Verbs that ask only with someone asked: "pushed Kyiv to accept" (not "pushes to broker", an aim).
REQUEST_WITH_OBJECT = words("events/modality.json", "request_with_object")
DENY_CUES = words("events/modality.json", "deny_cues")
HYPOTHETICAL_MODALS = words("events/modality.json", "hypothetical_modals")
FUTURE_MODALS = words("events/modality.json", "future_modals")
HEDGE_ADVERBS = words("events/modality.json", "hedge_adverbs")
CLAIM_ADVERBS = words("events/modality.json", "claim_adverbs")
HEDGE_VERBS = words("events/modality.json", "hedge_verbs")
# Sectors whose word on their own side's war is the word of an interested party.
INTERESTED_SECTORS = sector_group("interested_in_fighting")
_CERTAINTY_RANK = {"confirmed": 0, "reported": 1, "hedged": 2, "claimed": 3, "speculative": 4}


@dataclass(frozen=True, slots=True)
class Modality:
    status: str
    negated: bool
    certainty: str
    attribution: Attribution | None


def governors(trigger: Token) -> list[Token]:
    """The trigger and the words governing it up to its clause, nearest first (a nominal's
    verb, the verb of a complement: "are preparing to hash out" → hash, preparing)."""
    chain = [trigger]
    tok = trigger
    for _ in range(6):
        if tok.dep_ not in GOVERNING_LINKS or tok.head.i == tok.i:
            break
        if reported_clause(tok, SPEECH_VERBS):
            break  # the speaker's own clause: its tense is not the event's
        tok = tok.head
        chain.append(tok)
    return chain


def speech_governor(trigger: Token) -> Token | None:
    """The speech verb whose complement holds the trigger ("X said it had shot down")."""
    tok = trigger
    for _ in range(8):
        head = tok.head
        if head.i == tok.i:
            break
        if head.lemma_.lower() in SPEECH_VERBS and tok.dep_ in ("ccomp", "xcomp", "advcl", "conj", "dobj"):
            return head
        tok = head
    root = trigger.sent.root
    for c in root.children:  # "…, Bloomberg reports." read as a parenthetical
        if c.dep_ == "parataxis" and c.lemma_.lower() in SPEECH_VERBS and c.i != trigger.i:
            return c
    if root.lemma_.lower() in SPEECH_VERBS and root.i != trigger.i and trigger in root.subtree:
        return root
    return None


def speaker_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return None if c.lower_ == "it" and c.dep_ == "nsubjpass" else c
    for prep in verb.children:
        if prep.dep_ == "agent":
            for p in prep.children:
                return p
    return None


def according_to(sent: Span) -> Token | None:
    for tok in sent:
        if tok.lower_ == "according":
            for to in tok.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


def _phrase_text(head: Token) -> str:
    start, end = phrase_span(head)
    text = doc_text(head.doc)[start:end]
    for det in ("the ", "The "):
        if text.startswith(det):
            text = text[len(det):]
    return text


def local_attribution(trigger: Token, actors: ActorTable) -> tuple[Attribution | None, Token | None, Token | None]:
    """(attribution, speaker head, speech verb) found around the trigger."""
    verb = speech_governor(trigger)
    if verb is not None:
        speaker = speaker_of(verb)
        if speaker is not None and speaker.pos_ != "PRON":
            refs = actors.refs(speaker) or actors.refs_in(*_span(speaker))
            actor = next((r.actor for r in refs if r.actor), None)
            return Attribution(_phrase_text(speaker), actor), speaker, verb
        return None, None, verb
    source = according_to(trigger.sent)
    if source is not None:
        refs = actors.refs(source) or actors.refs_in(*_span(source))
        actor = next((r.actor for r in refs if r.actor), None)
        return Attribution(_phrase_text(source), actor), source, None
    return None, None, None


def _span(tok: Token) -> tuple[int, int]:
    return phrase_span(tok)


def speaker_refs(speaker: Token | None, actors: ActorTable) -> tuple[ActorRef, ...]:
    if speaker is None:
        return ()
    return tuple(actors.refs(speaker)) or tuple(actors.refs_in(*_span(speaker)))


def status_of(trigger: Token, published: str | None, date_value: str | None, exact_date: bool) -> str:
    chain = governors(trigger)
    # A verb joined by "and" frames nothing: "threatened X and attacked Y" is an attack.
    words = {_lemma(t) for prev, t in pairwise(chain) if prev.dep_ != "conj"}
    auxes: set[str] = set()
    for t in chain:
        auxes |= auxiliaries(t)
    if words & DENY_CUES:
        return "denied"
    if _conditional(chain) or (auxes & HYPOTHETICAL_MODALS and not _has_perfect(chain, auxes)):
        return "hypothetical"
    if asked_for(trigger):
        return "hypothetical"  # asked for, not done
    frame = frame_of(trigger)
    if frame is not None:
        return frame.status  # "plans to strike", "is expected to meet", "fears of an attack"
    guessed_past = trigger.tag_ == "VBN" and {"to", "have"} <= auxiliaries(trigger)  # "expected to have left"
    if (auxes & FUTURE_MODALS or words & PLAN_CUES or _going_to(chain)) and not guessed_past:
        return "planned"
    past = any(t.tag_ in ("VBD", "VBN") for t in chain if t.pos_ in ("VERB", "AUX")) and not (
        auxes & {"is", "are", "am", "'s", "'re"}
    )
    if exact_date and date_value and published and date_value[:10] > published[:10] and not past:
        return "planned"
    if words & ONGOING_CUES and trigger.pos_ in ("NOUN", "PROPN"):
        return "ongoing"
    if any(t.tag_ == "VBG" and auxiliaries(t) & {"is", "are", "am", "'s", "'re", "be"} for t in chain[:1]):
        return "ongoing"
    return "occurred"


def asked_for(trigger: Token) -> bool:
    """The trigger is the act a verb of asking asks for ("called for the Taliban to lift the
    ban", "urged Kyiv to accept"), not the asking itself."""
    tok = trigger
    for _ in range(5):  # "called for Russia to reciprocate by agreeing to a ceasefire"
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ in ("xcomp", "ccomp", "advcl") and _asking_verb(head):
            return tok.dep_ != "advcl" or _infinitive(tok)
        if tok.dep_ in ("advcl", "acl", "xcomp") and _infinitive(tok) and _request_noun_before(tok):
            return True  # "calls in Congress to impose sanctions", the clause hung on another verb
        if tok.dep_ in ("acl", "advcl") and _lemma(head) in REQUEST_NOUNS and head.pos_ == "NOUN":
            return _infinitive(tok)  # "a proposal for the Council to lift sanctions"
        if tok.dep_ not in ("conj", "xcomp", "pcomp", "prep") and not (tok is trigger and tok.dep_ == "dobj"):
            return False
        tok = head
    return False


OBLIGATION_AUXES = words("events/modality.json", "obligation_auxes")
REPORTING_VERBS = speech_verbs("reporting")


def obliged(trigger: Token) -> bool:
    """The trigger is what a reported "X must …" puts on someone else ("Ameri said the Taliban
    must return to the table to discuss peace"): the content of a demand, not an act."""
    tok = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for _ in range(4):
        auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if auxes & OBLIGATION_AUXES:
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            speech = reported_clause(tok, REPORTING_VERBS)
            if subject is None or subject.i == trigger.i or subject.lower_ in ("we", "i"):
                return False  # "talks must continue": a view of the event, not a demand on a party
            return speech
        if tok.dep_ not in ("xcomp", "conj", "advcl") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _asking_verb(verb: Token) -> bool:
    if verb.pos_ != "VERB":
        return False
    if _lemma(verb) in REQUEST_CUES:
        return True
    return _lemma(verb) in REQUEST_WITH_OBJECT and any(c.dep_ == "dobj" for c in verb.children)


def _request_noun_before(clause: Token) -> bool:
    return asking_noun_before(clause) is not None




def _infinitive(clause: Token) -> bool:
    """"(for X) to lift": a clause of what is to be done."""
    return any((m.dep_ == "mark" and m.lower_ == "for") or (m.dep_ == "aux" and m.lower_ == "to")
               for m in clause.children)


def _has_perfect(chain: list[Token], auxes: set[str]) -> bool:
    """"may have hoodwinked": a guess about the past, hedged but not hypothetical."""
    return bool(auxes & {"may", "might"}) and bool(auxes & {"have", "'ve"})


def _going_to(chain: list[Token]) -> bool:
    return any(t.lower_ == "going" for t in chain[1:])


def _conditional(chain: list[Token]) -> bool:
    """The predicate (or a verb governing it) is in, or has, an if/unless clause."""
    for t in chain:
        if condition_mark(t) is not None or any(is_condition_clause(c) for c in t.children):
            return True
    return False


FAILURE_CUES = words("events/modality.json", "failure_cues")


def negated_of(trigger: Token) -> bool:
    chain = governors(trigger)[:3]
    if chain[-1].dep_ == "acomp" and len(chain) < len(governors(trigger)):
        chain.append(chain[-1].head)  # "was not ready for talks": the negation is on the copula
    if any(t.dep_ == "xcomp" and _lemma(t.head) in FAILURE_CUES for t in chain):
        return True  # "failed to reach agreement" (not "the attack failed")
    return clause_negated(chain, trigger)


def hedge_of(trigger: Token) -> str | None:
    """"claimed" for allegedly/claimed cues, "hedged" for appears/may/reportedly, or None."""
    chain = governors(trigger)
    for t in chain:
        kids = {c.lower_ for c in t.children if c.dep_ in ("advmod", "aux")}
        if kids & CLAIM_ADVERBS:
            return "claimed"
        if kids & HEDGE_ADVERBS or kids & {"may", "might"}:
            return "hedged"
        if _lemma(t) in HEDGE_VERBS and t.i != trigger.i:
            return "hedged"
    return None


def speculative(sent: Span) -> bool:
    """"If these claims are true, …": the whole sentence is conjecture."""
    for tok in sent:
        if tok.lower_ == "if" and tok.dep_ == "mark":
            clause = {(t.lemma_ or t.lower_).lower() for t in tok.head.subtree}
            if clause & {"claim", "report", "true", "accurate", "correct", "right"}:
                return True
    return False


def certainty_of(
    trigger: Token, event: str, attribution: Attribution | None, speaker: tuple[ActorRef, ...],
    speech_verb: Token | None,
) -> str:
    if speculative(trigger.sent):
        return "speculative"
    if speech_verb is not None and _lemma(speech_verb) in CLAIM_VERBS:
        return "claimed"
    hedge = hedge_of(trigger)
    if attribution is not None:
        interested = any(r.sector in INTERESTED_SECTORS for r in speaker)
        if interested and QUAD_CLASS.get(event, "").startswith("material_conflict"):
            return "claimed"
        return hedge or "reported"
    return hedge or "confirmed"


def stronger(a: str, b: str) -> str:
    """The less certain of two certainty values (claimed outranks reported …)."""
    return a if _CERTAINTY_RANK.get(a, 0) >= _CERTAINTY_RANK.get(b, 0) else b
