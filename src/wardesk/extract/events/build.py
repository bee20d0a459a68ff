"""Events: predicates over the dependency parse → PLOVER events with actors, date, place,
counts, modality and attribution, one list per article (SCHEMA.md "events")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from wardesk.extract.events.checks import (
    not_political,
    penalty_targets,
    purpose,
    question,
    said_in_agreement,
    set_phrase,
    unable,
    vetoed,
)
from wardesk.extract.events.fill import (
    place_is_target,
    settle_unidentified,
    unidentified,
    weapon_mode,
)
from wardesk.extract.events.irrealis import conjecture
from wardesk.extract.events.merge import merge
from wardesk.extract.events.modality import (
    SPEECH_VERBS,
    asked_for,
    governors,
    local_attribution,
    negated_of,
    obliged,
    speaker_refs,
    status_of,
    stronger,
)
from wardesk.extract.events.modality import certainty_of as _certainty_of
from wardesk.extract.events.predicates import (
    Match,
    disaster_sentence,
    match_sentence,
)
from wardesk.extract.events.roles import Refs, refs_of, roles, subject_token, under_attack
from wardesk.extract.grammar.syntax import (
    NEGATIVE_CONDITION_MARKS,
    has_condition,
    is_condition_clause,
    is_passive,
)
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.layers import doc_text
from wardesk.extract.lexicon import words
from wardesk.extract.story import apart, relation_objects
from wardesk.records import ActorRef, Event, EventDate, Evidence, Place, content_id

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wardesk.extract.layers import ActorTable, Counts, Layers

# Types whose complement is part of what is said, not a second event ("agreed to meet",
# "threatened to strike", "accused X of shelling", "refused to withdraw").
MATRIX_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"}
_EMBED_DEPS = {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "acl"}
# Without any actor, only violence and protest are still worth a record (casualties, crowds).
ACTORLESS_TYPES = {"ASSAULT", "PROTEST"}
# Governments protesting are lodging a complaint, not demonstrating (PLOVER ACCUSE).
_STATE_SECTORS = {"GOV", "MIL", "IGO", "JUD", "LEG"}
_PRONOUNS = words("events/build.json", "pronouns")
# Verbs of stated intent: not events themselves when they govern one ("offered to withdraw").
INTENT_VERBS = words("events/build.json", "intent_verbs")
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"}
MATERIAL_CONFLICT = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
# PLOVER codes a stated intent by what is intended: cooperation → AGREE, conflict → THREATEN.
_THREAT_MODES = {"SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence",
                 "MOBILIZE": "violence", "PROTEST": "relations"}
_WILLING = words("events/build.json", "willing")


# COERCE modes a threat keeps as its own ("threatened to impose a curfew": curfew).
_KEPT_THREAT_MODES = words("events/build.json", "kept_threat_modes")


def _threatened_mode(m: Match, found: list[Match]) -> str | None:
    """A threat's mode from the act threatened ("threatened to shell the towns": violence);
    ``found`` is every match of the sentence, before the kept ones were chosen."""
    acts = {c.i for c in m.trigger.children if c.dep_ in ("xcomp", "ccomp")}
    for part in found:
        if part.trigger.i not in acts:
            continue
        if part.predicate.mode in _KEPT_THREAT_MODES:
            return part.predicate.mode
        if part.predicate.event in _THREAT_MODES:
            return _THREAT_MODES[part.predicate.event]
    return None


def intent_type(event: str, mode: str | None, status: str, negated: bool, trigger: Token) -> tuple[str, str | None]:
    """PLOVER's reading of intentions and refusals: "will withdraw" is AGREE, "would boycott"
    THREATEN, "will not accept" REJECT. A scheduled meeting ("will meet on Wednesday") stays
    CONSULT, planned; only an offer or willingness to meet is AGREE."""
    if negated and event in COOPERATIVE:
        return "REJECT", None  # "did not ask for X" stays a REQUEST, negated: no refusal
    if _is_condition(trigger):
        return event, mode  # "… if the US deploys missiles": a condition, no one's intent
    if status in ("planned", "hypothetical") and _unless_clause(trigger):
        return "THREATEN", _THREAT_MODES.get(event)  # "will withdraw … unless": a threat
    if status not in ("planned", "hypothetical"):
        return event, mode
    willing = _willingness(trigger)
    if event == "CONSULT" and not (willing or _conditional_clause(trigger)):
        return event, mode
    if event in COOPERATIVE and event != "AGREE":
        return "AGREE", None
    if event in MATERIAL_CONFLICT:
        return "THREATEN", _THREAT_MODES.get(event)
    return event, mode


def _willingness(trigger: Token) -> bool:
    tok = trigger
    for _ in range(4):
        if tok.dep_ not in ("xcomp", "ccomp", "acomp", "conj", "pcomp", "prep") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if _lemma(tok) in _WILLING and not any(c.lower_ in ("get", "getting") for c in tok.head.children) \
                and _lemma(tok.head) != "get":
            return True
    return False


def _unless_clause(trigger: Token) -> bool:
    return has_condition(trigger, NEGATIVE_CONDITION_MARKS)


def _is_condition(trigger: Token) -> bool:
    """The trigger's own clause is an if/unless condition."""
    tok = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return is_condition_clause(tok)


def _conditional_clause(trigger: Token) -> bool:
    return has_condition(trigger)





def find_events(layers: Layers, article_id: str) -> tuple[Event, ...]:
    doc = layers.doc
    if not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return ()  # no parse, no predicates and arguments to read
    events: list[Event] = []
    for sent in doc.sents:
        found = match_sentence(sent)
        matches, absorbed = _keep(found)
        built: list[tuple[int, Event]] = []
        objects = relation_objects(sent)
        for m in matches:
            lent = [a for a in absorbed.get(m.trigger.i, []) if not apart(a.trigger.i, m.trigger.i, objects)]
            ev = _build([m, *lent], sent, layers, article_id, found)
            if ev is not None:
                built.append((m.trigger.i, ev))
        events.extend(_merge_apart(built, objects))
    return settle_unidentified(events)


def _merge_apart(built: list[tuple[int, Event]], objects: list[frozenset[int]]) -> list[Event]:
    """Co-reported attacks merge, but never with an earlier event the sentence sets them
    against ("shelled the post in retaliation for a raid that killed 12": two events); an
    event noun inside such an earlier event lends nothing to the predicate it is set against."""
    groups: dict[tuple[bool, ...], list[Event]] = {}
    for i, ev in built:
        groups.setdefault(tuple(i in obj for obj in objects), []).append(ev)
    return [ev for group in groups.values() for ev in merge(group)]


def _keep(matches: list[Match]) -> tuple[list[Match], dict[int, list[Match]]]:
    """Drop predicates that are only part of another predicate's content or argument; a
    nominal of the governing predicate's own type ("shot down … a drone attack", "sit down
    for talks") is kept aside to lend that predicate its actors and counts."""
    by_token = {m.trigger.i: m for m in matches}
    kept: list[Match] = []
    absorbed: dict[int, list[Match]] = {}
    intents = {g.trigger.i for m in matches if (g := _governing_match(m, by_token)) is not None
               and m.predicate.kind != "noun" and _lemma(g.trigger) in INTENT_VERBS}
    for m in matches:
        if m.trigger.i in intents or _purpose_of_protest(m, by_token):
            continue  # "vowed to fight": the intent colours the fight (planned → THREATEN)
        if _without(m.trigger):
            continue  # "without demanding payment": what was not done
        gov = _governing_match(m, by_token) or _quoting_match(m, matches)
        if gov is not None and _charge_of(m, gov):
            continue  # "arrested for collaborating with …": the charge, not a second event
        if gov is None or gov.trigger.i in intents:
            kept.append(m)
        elif m.predicate.kind == "noun" and gov.predicate.event == m.predicate.event:
            absorbed.setdefault(gov.trigger.i, []).append(m)
        elif m.predicate.kind != "noun" and gov.predicate.event not in MATRIX_TYPES:
            kept.append(m)
    return _drop_content_nouns(kept), absorbed


def _without(trigger: Token) -> bool:
    """"without demanding", "instead of calling for": what was not done."""
    prep = trigger.head
    return trigger.dep_ in ("pcomp", "pobj") and (
        prep.lower_ == "without" or (prep.lower_ == "of" and prep.head.lower_ == "instead"))


# Legal measures whose "for"-phrase is the charge ("jailed for spying", "sanctioned over").
_CHARGE_TYPES = {"COERCE", "SANCTION", "ACCUSE"}


def _charge_of(m: Match, gov: Match) -> bool:
    tok = m.trigger
    return (gov.predicate.event in _CHARGE_TYPES and tok.dep_ in ("pcomp", "pobj")
            and tok.head.lower_ in ("for", "over") and tok.head.head.i == gov.trigger.i)


_QUOTES = {"“", "”", '"', "‘", "’"}


def _quoting_match(m: Match, matches: list[Match]) -> Match | None:
    """A matrix predicate just before the quotation that holds ``m`` ("demanded X “must …
    recognise …”"): the quotation is its content even when the parse loses the link."""
    sent = m.trigger.sent
    marks = [t.i for t in sent if t.text in ('“', '"') and t.i < m.trigger.i]
    closes = [t.i for t in sent if t.text in ('”', '"') and t.i < m.trigger.i]
    if not marks or (closes and closes[-1] > marks[-1]):
        return None
    opening = marks[-1]
    before = [g for g in matches if g.trigger.i < opening and g is not m]
    if before and before[-1].predicate.event in MATRIX_TYPES and opening - before[-1].trigger.i <= 4:
        return before[-1]
    return None


def _purpose_of_protest(m: Match, by_token: dict[int, Match]) -> bool:
    """"blocked roads to press their demands": the demand is what the protest is for."""
    if m.predicate.event not in ("REQUEST", "ACCUSE", "REJECT"):
        return False
    tok = m.trigger
    for _ in range(3):
        if tok.dep_ not in ("advcl", "xcomp", "pobj", "dobj", "prep", "conj", "acl") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in by_token and by_token[tok.i] is not m:
            return by_token[tok.i].predicate.event == "PROTEST"
    return False


# Nominal speech acts ("their demands", "the accusation") describe another event's content.
_CONTENT_NOUN_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT"}


def _drop_content_nouns(matches: list[Match]) -> list[Match]:
    verbal = any(m.predicate.kind != "noun" for m in matches)
    if not verbal:
        return matches
    return [m for m in matches if not (m.predicate.kind == "noun" and m.predicate.event in _CONTENT_NOUN_TYPES)]


def _governing_match(m: Match, by_token: dict[int, Match]) -> Match | None:
    """The predicate this one is an argument or complement of, if any."""
    tok = m.trigger
    for _ in range(8):
        noun_clause = tok.dep_ == "advcl" and tok.head.pos_ in ("NOUN", "PROPN")
        if (tok.dep_ not in _EMBED_DEPS and tok.dep_ != "conj" and not noun_clause) or tok.head.i == tok.i:
            return None
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_VERBS and tok.head.i not in by_token:
            return None
        via_conj = tok.dep_ == "conj"
        tok = tok.head
        gov = by_token.get(tok.i)
        if gov is not None and gov is not m and not via_conj:
            return gov
    return None


def _build(parts: list[Match], sent: Span, layers: Layers, article_id: str,
           found: list[Match]) -> Event | None:
    m = parts[0]
    actors = layers.actors
    attribution, speaker, speech_verb = local_attribution(m.trigger, actors)
    source, target = roles(m, actors)
    if speaker is not None and _pronoun_subject(m.trigger) and not under_attack(m.trigger):
        said = speaker_refs(speaker, actors)  # "X said it had shot down …": it = X
        if "inverse" in m.predicate.flags and not target:
            target = said
        elif not source and "inverse" not in m.predicate.flags:
            source = said
    for nominal in parts[1:]:  # the governed nominal fills the roles the verb left open
        n_source, n_target = roles(nominal, actors)
        source, target = source or n_source, target or n_target
    event_type = m.predicate.event
    mode = m.predicate.mode
    if event_type == "PROTEST" and mode == "obstruct" and vetoed(m.trigger):
        event_type, mode = "REJECT", None  # "Trump blocked the sale": a veto, not a blockade
    if event_type == "ASSAULT" and _lemma(m.trigger) == "target" and penalty_targets(m.trigger):
        event_type, mode = "SANCTION", None  # "legislation targeting Turkey": a penalty, no attack
    if mode is None and event_type == "ASSAULT":
        mode = weapon_mode(sent)
    if mode is None and event_type == "THREATEN":
        mode = _threatened_mode(m, found)
    if (event_type == "PROTEST" and _lemma(m.trigger) == "protest" and m.predicate.kind == "verb"
            and m.trigger.dep_ in ("ROOT", "ccomp", "conj") and any(c.dep_ == "dobj" for c in m.trigger.children)
            and any(r.sector in _STATE_SECTORS for r in source)):  # "Paris protested the ruling"
        event_type, mode = "ACCUSE", "allege"
    if "target" in m.predicate.flags and not target:
        return None
    if event_type == "CONCEDE" and not source and _passive_verb(m.trigger):
        return None  # "were allowed to return": nobody named yields anything
    if question(m.trigger, sent) or said_in_agreement(m.trigger):
        return None  # "Could they call the State Department?"; "'…,' agreed Sayim"
    if set_phrase(m.trigger) or (event_type != "REQUEST" and purpose(m.trigger)):
        return None  # "so the system can focus on detaining …", "in order to pressure": an aim
    if event_type != "REQUEST" and obliged(m.trigger):
        return None  # "said the Taliban must return to the table": the demand's content
    if _empty_warning(m, target, actors) or _wished_for(m) or asked_for(m.trigger) or unable(m.trigger):
        return None  # an act asked for is the asking's content, coded as the REQUEST
    if target and all(r.sector == "MED" for r in target) and event_type in ("REJECT", "REQUEST", "CONSULT"):
        return None  # "ignored VOA requests for comment": the press asking is no event
    if m.predicate.kind == "noun" and source and all(r.sector == "MED" for r in source):
        return None  # "a VOA inquiry": the press asking is not an event
    if m.predicate.kind == "noun" and not source and event_type not in ACTORLESS_TYPES | {"CONSULT"}:
        return None  # "investigations into corruption": nobody named does anything
    if event_type == "CONSULT" and any(r.sector == "MED" for r in source + target):
        return None  # "spoke with VOA": an interview, not a consultation
    if source and target and set(source) == set(target):
        return None  # one phrase read as both sides is a misread role
    counts = _counts(parts, layers)
    if not source and not target and not (event_type in ACTORLESS_TYPES and _has_counts(counts)):
        return None
    if event_type == "ASSAULT" and not source and disaster_sentence(sent):
        return None
    if not any(r.code for r in source) and event_type in ("ASSAULT", "ACCUSE") and disaster_sentence(sent):
        return None  # "Cyclone Jude slammed into Malawi": weather, not an accusation
    if not_political(m, event_type):
        return None
    date = _date(parts, layers)
    exact = date is not None and date.resolution not in ("publication_date", "unresolved")
    their_attr, their_certainty = layers.statements.attribution_for(m.trigger)
    if their_attr is not None:
        attribution = their_attr
    certainty = _certainty_of(m.trigger, event_type, attribution, speaker_refs(speaker, actors), speech_verb)
    if their_attr is not None:
        certainty = stronger(certainty, their_certainty)
    status = status_of(m.trigger, layers.published, date.value if date else None, exact)
    negated = negated_of(m.trigger)
    if negated and _inability(m.trigger):
        return None  # "members can not take part": a prohibition or inability, not a refusal
    verb = m.trigger if m.predicate.kind != "noun" else _governing_verb(m.trigger)
    passive = verb is not None and is_passive(verb)
    if verb is not None and not passive and not conjecture(m.trigger, governors(m.trigger)):
        event_type, mode = intent_type(event_type, mode, status, negated, verb)
    elif negated and event_type in COOPERATIVE:
        event_type, mode = "REJECT", None
    start, end = _evidence_span(sent)
    first, last = min(m.words, key=lambda t: t.i), max(m.words, key=lambda t: t.i)
    trigger_text = doc_text(layers.doc)[first.idx: last.idx + len(last.text)]
    place = _place(parts, layers)
    if event_type == "ASSAULT" and not source and place is not None and place.country:
        source = (unidentified(m, trigger_text, place.country),)
    if not target and place is not None and place.country and place_is_target(event_type, source, place, m.trigger):
        target = (ActorRef(None, place.name, place.country, None),)
    return Event(
        id=content_id(article_id, start, m.trigger.idx, event_type),
        event=event_type, mode=mode, context=m.predicate.context,
        source=source, target=target, eventText=trigger_text,
        evidence=Evidence(doc_text(layers.doc)[start:end], start, end),
        date=date, eventLoc=place,
        dead=counts.dead, injured=counts.injured, size=counts.size, quantities=counts.quantities,
        status=status, negated=negated, attribution=attribution, certainty=certainty,
    )


_SELF_PRONOUNS = words("events/build.json", "self_pronouns")


def _empty_warning(m: Match, target: Refs, actors: ActorTable) -> bool:
    """"warned that the situation could get worse" threatens nobody: a warning is a threat
    only with an addressee or an actor (often the speaker) who will act."""
    if _lemma(m.trigger) != "warn" or target or m.predicate.kind != "verb":
        return False
    for clause in m.trigger.children:
        if clause.dep_ in ("xcomp", "dobj"):
            return False  # "warned X against running", "warned X to stop"
        if clause.dep_ == "ccomp":
            subj = subject_token(clause)
            if subj is not None and (subj.lower_ in _SELF_PRONOUNS or refs_of(subj, actors)):
                return False
            if has_condition(clause):
                return False  # "warned that bases are at risk if …": a conditional threat
    return True


# Verbs that want an event noun rather than report it ("seeking assistance from Russia").
_WISH_VERBS = words("events/build.json", "wish_verbs")


def _wished_for(m: Match) -> bool:
    if m.predicate.kind != "noun" or m.predicate.event not in ("AID", "CONCEDE", "COOPERATE"):
        return False
    gov = _governing_verb(m.trigger)
    if gov is not None and gov.dep_ == "xcomp" and _lemma(gov.head) in _WISH_VERBS:
        return True  # "seeking to obtain more aid from X": the aid is wished for
    return gov is not None and _lemma(gov) in _WISH_VERBS


def _passive_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and is_passive(tok)


def _inability(trigger: Token) -> bool:
    tok = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return any(c.dep_ == "aux" and c.lower_ in ("can", "could", "ca") for c in tok.children)


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose object a nominal predicate is ("will extend the curfew")."""
    return noun.head if noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB" else None


def _pronoun_subject(verb: Token) -> bool:
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _PRONOUNS for c in verb.children):
        return True
    subj = subject_token(verb)
    return subj is not None and subj.lower_ in _PRONOUNS


def _anchors(m: Match | list[Match]) -> list[Token]:
    """Tokens to ask the date/place/number tables about: the trigger, then its event nouns."""
    out: list[Token] = []
    for part in m if isinstance(m, list) else [m]:
        for tok in (part.trigger, part.noun):
            if tok is not None and tok not in out:
                out.append(tok)
    return out


def _date(m: list[Match], layers: Layers) -> EventDate | None:
    for tok in _anchors(m):
        found = layers.dates.date_for(tok)
        if found is not None:
            return found
    if layers.published:
        return EventDate(text="", value=layers.published, granularity="day", resolution="publication_date")
    return None


def _place(m: list[Match], layers: Layers) -> Place | None:
    for tok in _anchors(m):
        found = layers.places.place_for(tok)
        if found is not None:
            return found
    return None


def _counts(m: Match | list[Match], layers: Layers) -> Counts:
    found = [layers.quantities.counts_for(tok) for tok in _anchors(m)]
    first = found[0]
    for other in found[1:]:
        first = _union_counts(first, other)
    return first


def _union_counts(a: Counts, b: Counts) -> Counts:
    quantities = a.quantities + tuple(q for q in b.quantities if q not in a.quantities)
    return replace(
        a, dead=a.dead if a.dead is not None else b.dead,
        injured=a.injured if a.injured is not None else b.injured,
        size=a.size if a.size is not None else b.size, quantities=quantities,
    )


def _has_counts(c: Counts) -> bool:
    return c.dead is not None or c.injured is not None or c.size is not None or bool(c.quantities)


def _evidence_span(sent: Span) -> tuple[int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())
