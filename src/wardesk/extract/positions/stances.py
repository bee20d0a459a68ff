"""Positions: demands, offers, refusals, conditions and support on negotiation issues — who
holds them, of whom they are asked, on whose word, with the words they came from."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import (
    ADJECTIVAL_COMPLEMENT,
    ADJECTIVAL_MODIFIER,
    ADVERBIAL_CLAUSE,
    ATTRIBUTE,
    AUX,
    CLAUSAL_COMPLEMENT,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    COORDINATOR,
    MARK,
    OBJECT,
    OBJECT_PREDICATE,
    OPEN_COMPLEMENT,
    OWNER_MODIFIERS,
    PASSIVE_SUBJECT,
    PREP_OBJECT,
    PREPOSITION,
    ROOT,
    SUBJECT,
    SUBJECTS,
)
from wardesk.extract.grammar.shapes import passive_agents, prep_governor, prep_pairs
from wardesk.extract.layers import Layers, doc_text
from wardesk.extract.lexicon import word_tuple
from wardesk.extract.lexicon.phrases import PhraseLexicon, load_data
from wardesk.extract.positions.answers import answer_stance, antecedent, owned_by_other
from wardesk.extract.positions.cues import (
    Trigger,
    chunk_text,
    chunks,
    negated,
    object_preposition,
    stance_data,
    subordinate,
    triggers,
)
from wardesk.extract.positions.frames import frame_issues
from wardesk.extract.positions.holders import noun_holders, object_doer, side_of
from wardesk.extract.positions.open_issues import open_issue, topic_of
from wardesk.extract.speech.cues import PRONOUNS, speaker_of, subject_of
from wardesk.records import ActorRef, Attribution, Position, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

MAX_HOLDERS = 3  # "US and Ukrainian officials": one position per named holder, up to three
OPEN_KINDS = ("verb", "noun", "adjective", "condition", "verdict")  # stances whose own object may name an unlisted issue
OPEN_STANCES = ("demand", "offer", "support", "oppose", "reject", "accept")  # a noun "condition of" is no stance


@lru_cache(maxsize=1)
def issue_lexicon() -> PhraseLexicon:
    issues: dict[str, list[str]] = load_data("issues.json")["issues"]
    return PhraseLexicon((issue, term) for issue, terms in issues.items() for term in terms)


def find_positions(layers: Layers) -> tuple[Position, ...]:
    seen: set[tuple[str | None, str, str]] = set()
    out: list[Position] = []
    before: list[Position] = []  # the previous sentence's, for answers that point back
    for sent in layers.doc.sents:
        found = _sentence_positions(layers, sent)
        found += _answers(layers, sent, [*before, *found])
        for pos in found:
            key = (pos.holder, pos.issue, pos.target or "")
            if key not in seen:
                seen.add(key)
                out.append(pos)
        before = found
    return tuple(out)


def _answers(layers: Layers, sent: SpacySpan, earlier: list[Position]) -> list[Position]:
    """"Trump denied the request", "the European side refused": the answered stance's issue."""
    out: list[Position] = []
    for tok in sent:
        stance = answer_stance(tok)
        if stance is None:
            continue
        trig = Trigger(tok, stance, "verb", (tok.i + 1, tok.right_edge.i + 1))
        holders, attribution = _holders(layers, trig)
        obj = next((c for c in tok.children if c.dep_ in OBJECT), None)
        answered = antecedent(earlier, {h.actor for h in holders if h.actor}, obj.lemma_.lower() if obj else None)
        if not holders or answered is None:
            continue
        if negated(tok):
            stance = stance_data()["negated"].get(stance, stance)
        start, end = chunk_text(sent, (tok.i, (obj.right_edge.i if obj is not None else tok.i) + 1))
        out += [Position(holder=h.actor, issue=answered.issue, stance=stance, text=doc_text(layers.doc)[start:end],
                         evidence=Span(sent.start_char, sent.end_char), target=answered.holder,
                         attribution=attribution, date=_date(layers, tok)) for h in holders]
    return out


def _sentence_positions(layers: Layers, sent: SpacySpan) -> list[Position]:
    out: list[Position] = []
    covered: list[tuple[int, int]] = []
    trigs = triggers(sent)
    for trig in trigs:
        if any(a <= trig.token.i < b for a, b in covered) and not _reported_fact(trig):
            continue  # inside an earlier stance: "demanded Ukraine must … abandon …"
        if _says_own_stance(trig, trigs):
            continue  # "insists it is committed to peace": the inner stance is the holder's
        found = _trigger_positions(layers, sent, trig)
        if found:
            covered.append(trig.scope)
            out.extend(found)
            out.extend(_answered_owner(layers, trig, found))
    return out


def _answered_owner(layers: Layers, trig: Trigger, found: list[Position]) -> list[Position]:
    """"Tehran rejected its offer of talks": the offer is another party's, on the same issue."""
    if trig.kind != "verb" or trig.stance not in ("reject", "accept", "oppose", "support"):
        return []
    other = owned_by_other(layers, trig.token, {p.holder for p in found if p.holder})
    if other is None:
        return []
    stance, ref = other
    return [replace(p, holder=ref.actor, stance=stance, target=p.holder, attribution=None) for p in found]


def _says_own_stance(trig: Trigger, found: list[Trigger]) -> bool:
    """A stance verb whose content clause states the holder's own stance through a pronoun
    ("Moscow insisted it would never accept …"): that inner stance is the position."""
    if trig.kind != "verb":
        return False
    for inner in found:
        tok = inner.token
        if inner is trig or inner.kind not in ("verb", "adjective") or not trig.scope[0] <= tok.i < trig.scope[1]:
            continue
        clause = tok.head if inner.kind == "adjective" else tok
        subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
        if clause.dep_ in CLAUSAL_COMPLEMENT and clause.head.i == trig.token.i and subject is not None and subject.pos_ == "PRON":
            return True
    return False


_NOUN_CONTENT = CLAUSAL_MODIFIER | CLAUSAL_COMPLEMENT  # "the announcement *that* Ukraine had agreed"


def _reported_fact(trig: Trigger) -> bool:
    """"welcomed the announcement that Ukraine had agreed to a ceasefire": a stance told in the
    content clause of a noun is its own subject's, not part of the outer stance."""
    tok = trig.token
    return (trig.kind == "verb" and tok.dep_ in _NOUN_CONTENT and tok.head.pos_ == "NOUN"
            and any(c.dep_ in SUBJECT and c.pos_ == "PROPN" for c in tok.children))


def _trigger_positions(layers: Layers, sent: SpacySpan, trig: Trigger) -> list[Position]:
    stance = trig.stance
    if negated(trig.token):
        stance = stance_data()["negated"].get(stance, stance)
    holders, attribution = _holders(layers, trig)
    if not holders:
        return []  # a stance nobody named holds is no one's position (and mostly a misreading)
    if _deliberated(trig.token):
        return []  # "to consider offering sanctions relief": weighed, not offered
    if trig.kind == "verb" and _guessed(trig.token):
        return []  # "the new prime minister may advocate for …": a guess at a stance, not one stated
    if layers.statements.attribution_for(trig.token)[1] == "speculative":
        return []  # "If these claims are true, … he wanted peace": conjecture, not a stance
    out = []
    opened = False
    for chunk in chunks(sent, trig.scope):
        if stance == "demand" and _alternative(layers, chunk):
            continue  # "urged Russia to accept the ceasefire or face more sanctions": a threat
        top = trig.token.head if trig.kind == "condition" and trig.token.dep_ in MARK else trig.token
        asked = _addressed(trig)
        issues = _issues(layers, chunk, top, asked)
        if not issues and not opened and _opens(trig):
            label = open_issue(layers, chunk, trig.token, asked)
            issues = [label] if label else []
            opened = bool(label)  # one open issue a stance: "hold perpetrators, organizers … accountable"
        if not issues:
            continue
        target = _target(layers, trig, chunk)
        start, end = chunk_text(sent, chunk)
        for issue in issues:
            for holder in holders:
                out.append(Position(
                    holder=holder.actor, issue=issue, stance=stance,
                    text=doc_text(layers.doc)[start:end], evidence=Span(sent.start_char, sent.end_char),
                    target=target if target != holder.actor else None,
                    attribution=attribution, date=_date(layers, trig.token),
                ))
    return out


def _opens(trig: Trigger) -> bool:
    """Whether a stance may name an issue outside the list: a modal only when its subject is
    the thing asked for ("talks must continue"), not any "should" ("should get an education")."""
    if trig.kind == "modal":
        return trig.scope[0] < trig.token.i
    return trig.kind in OPEN_KINDS and (trig.stance in OPEN_STANCES or trig.kind == "condition")


def _guessed(verb: Token) -> bool:
    """A stance verb of the sentence's own main clause softened by "may"/"might"."""
    return verb.dep_ in ROOT and any(c.dep_ in AUX and c.lower_ in _GUESSING for c in verb.children)


_GUESSING = word_tuple("positions/stances.json", "guessing_modals")


def _deliberated(tok: Token) -> bool:
    """A stance verb under a verb of weighing it ("will consider accepting", "discussed
    offering")."""
    head = tok
    for _ in range(2):
        if head.dep_ not in _WEIGHED_LINKS or head.head.i == head.i:
            return False
        head = head.head
        if head.lemma_.lower() in _DELIBERATING:
            return True
    return False


_DELIBERATING = word_tuple("positions/stances.json", "deliberating_verbs")
_WEIGHED_LINKS = OPEN_COMPLEMENT | CLAUSAL_COMPLEMENT | OBJECT


def _alternative(layers: Layers, chunk: tuple[int, int]) -> bool:
    """A verb chunk after "or": the alternative a demand threatens, not a thing demanded
    ("accept the ceasefire or face sanctions"); "a ceasefire or a pause" are both asked."""
    doc = layers.doc
    words = [t for t in doc[max(chunk[0] - 1, 0): chunk[1]] if not t.is_punct][:3]
    marks = [t for t in words if t.dep_ in COORDINATOR and t.lower_ in _ALTERNATIVES]
    return bool(marks) and any(t.pos_ == "VERB" and t.dep_ in CONJUNCT and t.i > marks[0].i for t in words)


_ALTERNATIVES = word_tuple("positions/stances.json", "alternative_conjunctions")


def _issues(layers: Layers, chunk: tuple[int, int], top: Token, asked: frozenset[int]) -> list[str]:
    """Listed issues named in a chunk, leaving out the words of the one asked ("called on NATO
    allies to …" is no stance on NATO) and an issue inside another's phrase ("the withdrawal of
    troops from its provinces" is about the withdrawal)."""
    doc = layers.doc
    hits = [h for h in issue_lexicon().match(doc[chunk[0]: chunk[1]])
            if h.start not in asked and not subordinate(doc[h.start], top)]
    spans = [(h.key, range(h.start, h.end)) for h in hits]
    found: list[str] = []
    for hit in hits:
        if hit.end - hit.start == 1 and topic_of(doc[hit.start]) is not None:
            continue  # "negotiations on its missile programme" are about the programme
        if hit.key not in found and not _inside_other(doc[hit.start], hit.key, spans, top):
            found.append(hit.key)
    for key, head in frame_issues(doc, *chunk):  # "stop Israel's attacks": a ceasefire
        if key not in found and head not in asked and not subordinate(doc[head], top):
            found.append(key)
    return found


def _inside_other(tok: Token, key: str, spans: list[tuple[str, range]], top: Token) -> bool:
    node = tok
    for _ in range(6):
        if node.i == top.i or node.head.i == node.i:
            return False
        governor = prep_governor(node)
        if governor is not None and any(k != key and governor.i in r for k, r in spans):
            return True
        node = node.head
    return False


_CONTENT_CLAUSES = OPEN_COMPLEMENT | CLAUSAL_COMPLEMENT


def _addressed(trig: Trigger) -> frozenset[int]:
    """Token indices of the one a request is made of ("urged Kyiv …", "called on Moscow …")."""
    tok = trig.token
    if trig.kind != "verb" or tok.lemma_.lower() not in _ASKING:
        return frozenset()
    clause = any(c.dep_ in _CONTENT_CLAUSES for c in tok.children)  # "urged Kyiv to …"
    heads = [c for c in tok.children if c.dep_ in OBJECT and (clause or _is_party(c))]
    heads += [g for _, g in prep_pairs(tok, _ASKED_PREPS, PREPOSITION)]
    prep = object_preposition(tok)  # "asked Washington for relief": the relief is what is asked
    asked = {t.i for h in heads for t in h.subtree}
    return frozenset(asked - ({t.i for t in prep.subtree} if prep is not None else set()))


def _is_party(tok: Token) -> bool:
    """An addressee is a party, not a thing asked for ("urged a ceasefire")."""
    return tok.pos_ in ("PROPN", "PRON") or bool(tok.ent_type_)


_ASKING = word_tuple("positions/stances.json", "asking_verbs")
_ASKED_PREPS = frozenset(word_tuple("positions/stances.json", "asked_preps"))


def _holders(layers: Layers, trig: Trigger) -> tuple[list[ActorRef], Attribution | None]:
    """Who takes the stance (the trigger's subject, else the speaker of its statement), and
    who the article has it from when that is someone else."""
    attribution, _ = layers.statements.attribution_for(trig.token)
    nominal = noun_holders(layers, trig.token) if trig.kind == "noun" else ()
    if nominal:  # "a Chinese and Russian proposal", "calls from Kyiv for …"
        return _credited([r for r in nominal[:MAX_HOLDERS] if r.actor is not None], attribution)
    subject = _subject(trig) or (object_doer(trig.token) if trig.kind == "verb" else None)
    refs: list[ActorRef] = []
    passive = subject is not None and subject.dep_ in PASSIVE_SUBJECT  # "Moscow is urged to …"
    if subject is not None and trig.kind != "modal" and not passive:
        refs = list(layers.actors.refs(subject) or _members_of(layers, subject))[:MAX_HOLDERS]
    if passive:
        refs = [r for a in _agents(trig.token) for r in layers.actors.refs(a)][:MAX_HOLDERS]
    borrow = subject is None or _speaker_pronoun(subject) or trig.kind == "modal" or passive
    if subject is None and trig.kind == "verb" and trig.token.dep_ in CLAUSAL_MODIFIER:
        borrow = False  # "the failure to achieve …": a noun's errand, not the speaker's stance
    if not refs and borrow and attribution is not None and attribution.actor is not None:
        refs = [ActorRef(attribution.actor, attribution.text)]
    refs = [r for r in refs if r.actor is not None]  # a phrase the actor table could not place
    return _credited(refs, attribution)


def _credited(refs: list[ActorRef], attribution: Attribution | None) -> tuple[list[ActorRef], Attribution | None]:
    if attribution is not None and attribution.actor in {r.actor for r in refs}:
        attribution = None  # the holder said it: no third party to credit
    return refs, attribution


def _members_of(layers: Layers, subject: Token) -> tuple[ActorRef, ...]:
    """"Top diplomats from the Group of Seven", "officials of the bloc": a holder the actor table
    does not name speaks for the party its from/of phrase names."""
    if subject.pos_ != "NOUN":
        return ()
    for owner in subject.children:  # "the European Union's executive arm", "the Biden administration"
        if owner.dep_ in OWNER_MODIFIERS and owner.pos_ == "PROPN" and (refs := layers.actors.refs(owner)):
            return refs
    if (refs := side_of(layers, subject)):  # "the Chinese side proposed …"
        return refs
    for _, obj in prep_pairs(subject, _MEMBER_PREPS, PREPOSITION):
        if (refs := layers.actors.refs(obj)):
            return refs
    return ()


_MEMBER_PREPS = frozenset(word_tuple("positions/stances.json", "member_preps"))
_FIRST_PERSON = word_tuple("positions/stances.json", "first_person")
_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"


def _speaker_pronoun(subject: Token) -> bool:
    """A pronoun that may stand for the speaker: "we"/"I" always; "they"/"he" only outside
    the speaker's own quoted words, where a third person is someone else ("They want …")."""
    if subject.lower_ not in PRONOUNS:
        return False
    return subject.lower_ in _FIRST_PERSON or not _in_quote(subject)


def _in_quote(tok: Token) -> bool:
    before = tok.doc[tok.sent.start: tok.i].text
    if _QUOTE_OPEN in before or _QUOTE_CLOSE in before:
        return before.rfind(_QUOTE_OPEN) > before.rfind(_QUOTE_CLOSE)
    return before.count('"') % 2 == 1


def _agents(verb: Token) -> list[Token]:
    """"urged by Paris": the one doing the urging."""
    return passive_agents(verb)


# An adjective's links whose holder is the speaker of its head: "is *ready* to", "seen *willing*", "*keen* to".
_SMALL_CLAUSE_LINKS = ADJECTIVAL_COMPLEMENT | OPEN_COMPLEMENT | ADJECTIVAL_MODIFIER | PREPOSITION
# A stance noun's places where its verb's speaker holds it ("stressed *the need* for …").
_SPOKEN_NOUN_POSITIONS = OBJECT | ATTRIBUTE | SUBJECT


def _subject(trig: Trigger) -> Token | None:
    tok = trig.token
    if trig.kind == "adjective":
        if tok.dep_ in ATTRIBUTE:  # "it is time to …": the expletive holds nothing; the speaker does
            return speaker_of(tok.head.head) if tok.head.dep_ in CLAUSAL_COMPLEMENT else None
        if tok.dep_ in _SMALL_CLAUSE_LINKS:
            return speaker_of(tok.head)
        return subject_of(tok)  # "making India supportive of …": the small clause's own subject
    if trig.kind == "noun":
        # "Putin's demand", "U.S. support for …", "stressed the need for …"
        owner = next((c for c in tok.children if c.dep_ in OWNER_MODIFIERS), None)
        if owner is not None and owner.pos_ == "PRON" and tok.dep_ in OBJECT:
            owner = None  # "the G7 affirmed their support for …": the one affirming
        if owner is None and tok.dep_ in _SPOKEN_NOUN_POSITIONS:
            return speaker_of(tok.head)
        return owner
    if trig.kind == "condition":
        return _root_subject(tok)
    if trig.kind == "verdict":  # "Moscow called the sanctions illegal"; "…, Kyiv said": the speaker
        first = first_conjunct(tok)
        return speaker_of(first.head) if first.dep_ in OBJECT_PREDICATE else None
    return speaker_of(tok) or _chain_subject(tok)


_CHAIN_LINKS = ADVERBIAL_CLAUSE | CONJUNCT | OPEN_COMPLEMENT  # "forming *to provide* … and *monitoring*"


def _chain_subject(verb: Token) -> Token | None:
    """The subject at the top of a long chain of infinitives and conjuncts ("a coalition is
    forming to provide … and monitoring mechanisms to support …"): that clause's doer, not the
    speaker of the sentence."""
    tok = verb
    for _ in range(6):
        if tok.dep_ not in _CHAIN_LINKS or tok.head.i == tok.i:
            return None
        tok = tok.head
        subject = subject_of(tok)
        if subject is not None:
            return subject
    return None


def _root_subject(tok: Token) -> Token | None:
    root = tok.sent.root
    return speaker_of(root)


def _target(layers: Layers, trig: Trigger, chunk: tuple[int, int]) -> str | None:
    """Of whom the stance is asked: the subject of a "must"/"to" clause inside the demand
    ("Ukraine must …", "the need for the US to provide …"), or the object of "urge"."""
    doc = layers.doc
    candidates: list[Token] = []
    if trig.kind == "modal":
        candidates.append(doc[trig.token.head.i])
    subject = _subject(trig)
    if subject is not None and subject.dep_ in PASSIVE_SUBJECT and trig.kind == "verb":
        candidates.append(subject)  # the one urged is the one asked
    lo, hi = trig.scope
    candidates += [t for t in doc[lo:hi] if t.dep_ in SUBJECTS and t.head.pos_ in ("VERB", "AUX")]
    if trig.token.lemma_.lower() in ("urge", "ask", "press", "call", "appeal"):
        candidates += [c for c in trig.token.children if c.dep_ in OBJECT]
        candidates += [g for c in trig.token.children if c.lower_ in ("on", "to") for g in c.children
                       if g.dep_ in PREP_OBJECT]  # "called on Moscow to …"
    for cand in candidates:
        subject = _subject_of_verb(cand) if trig.kind == "modal" else cand
        if subject is None or subject.lower_ in PRONOUNS:
            continue
        refs = layers.actors.refs(subject)
        if refs:
            return refs[0].actor
    return None


def _subject_of_verb(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def _date(layers: Layers, trigger: Token) -> str | None:
    found = layers.dates.date_for(trigger)
    if found is not None and found.value:
        return found.value
    return layers.published
