"""Reported speech → candidate statements, from the dependency parse: "X said (that) …",
"…, X reports", "X told Y …", "it's been claimed", "according to X, …", "Citing X, …"."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADVERBIAL_CLAUSE,
    ADVERBIAL_MODIFIER,
    AUX,
    CLAUSAL_COMPLEMENT,
    CLAUSAL_SUBJECT,
    COORDINATOR,
    EXPLETIVE,
    MARK,
    NEGATION,
    NOUN_ADVERBIAL,
    NOUN_CLAUSES,
    OBJECT,
    PARATAXIS,
    PARTICLE,
    PASSIVE_AUX,
    PASSIVE_SUBJECT,
    PREP_OBJECT,
    PREPOSITION,
    SUBJECT,
    SUBJECTS,
    TRAILING_SPEECH_LINKS,
)
from wardesk.extract.grammar.negation import has_negation, pair_negated
from wardesk.extract.layers import doc_text
from wardesk.extract.lexicon import word_tuple
from wardesk.extract.speech.cues import (
    FRONTED_SOURCES,
    Candidate,
    claim_marked,
    cue_certainty,
    cue_data,
    hedged,
    is_expletive,
    speaker_of,
    trim,
)
from wardesk.nlp.normalise import column

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token



# A clause's subject of any kind, the expletive 'it'/'there' included.
_ANY_SUBJECT = SUBJECT | PASSIVE_SUBJECT | EXPLETIVE | CLAUSAL_SUBJECT
# Words of a verb group before the verb ('has been', 'not', 'also').
_VERB_GROUP = AUX | PASSIVE_AUX | ADVERBIAL_MODIFIER | NEGATION
# What may follow a speech verb and still leave it bare ('said *on Monday*', 'added *later*').
_TRAILING_ADVERBIALS = PARTICLE | ADVERBIAL_MODIFIER | NOUN_ADVERBIAL | PREPOSITION | PREP_OBJECT
# A clause fronted before its verb.
_FRONTED = ADVERBIAL_CLAUSE | PARATAXIS
# Words that may lead a sentence ('And', 'But', 'Meanwhile').
_LEAD_WORDS = COORDINATOR | ADVERBIAL_MODIFIER


def reported_speech(doc: Doc, used: set[int]) -> list[Candidate]:
    """Every reporting verb with a content clause, plus "according to"/"citing" sources."""
    found = []
    for i in _cue_words(doc):
        if i in used:
            continue
        tok = doc[i]
        cand = _from_verb(doc, tok) or _from_source_phrase(doc, tok)
        if cand is not None:
            found.append(cand)
    return found


def _cue_words(doc: Doc) -> list[int]:
    """Tokens that can start a statement: a reporting or belief verb's lemma, or the first word
    of a source phrase (read off the Doc's columns: most tokens are none of these)."""
    verbs, beliefs = cue_data()["verbs"], _beliefs()
    lemmas, lowers = column(doc, "lemma_lower"), column(doc, "lower")
    return [i for i, (lemma, lower) in enumerate(zip(lemmas, lowers, strict=True))
            if lemma in verbs or lemma in beliefs or lower in SOURCE_WORDS]


@lru_cache(maxsize=1)
def _beliefs() -> frozenset[str]:
    return frozenset(cue_data()["hedges"]["passive_beliefs"])


def _from_verb(doc: Doc, verb: Token) -> Candidate | None:
    certainty = cue_certainty(verb) or _hearsay(verb)
    if certainty is None:
        return None
    speaker = speaker_of(verb)
    if speaker is not None and is_expletive(speaker) and certainty == "reported":
        certainty = "hedged"  # "it is reported that …": hearsay with no one behind it
    if speaker is not None and speaker.dep_ in PASSIVE_SUBJECT and not is_expletive(speaker):
        return None  # "he was told that …": the subject is the hearer
    if _not_said(verb, speaker):
        return None
    span = _content(doc, verb, speaker)
    if span is None:
        return None
    if hedged(verb):
        certainty = "hedged"
    elif claim_marked(verb):
        certainty = "claimed"
    if speaker is not None and is_expletive(speaker):
        speaker = None
    text = speaker.text if speaker is not None else ""
    return Candidate(speaker, text, _cue_text(verb), span[0], span[1], certainty, False, verb.i)


def _hearsay(verb: Token) -> str | None:
    """"It is understood/thought that …": no reporting verb, but an unattributed belief."""
    if verb.lemma_.lower() not in _beliefs():
        return None
    expletive = any(is_expletive(c) for c in verb.children if c.dep_ in PASSIVE_SUBJECT)
    return "hedged" if expletive else None


def _not_said(verb: Token, speaker: Token | None) -> bool:
    """"did not say whether …", "Neither X nor Y has explained why …": nothing was said."""
    return has_negation(verb) or pair_negated(speaker)


def _cue_text(verb: Token) -> str:
    prt = [c.text for c in verb.children if c.dep_ in PARTICLE]
    return " ".join([verb.text, *prt])


def _content(doc: Doc, verb: Token, speaker: Token | None) -> tuple[int, int] | None:
    sent: Span = verb.sent
    tag_start = _closing_tag(doc, verb, speaker)
    if tag_start is not None:
        return _trimmed(doc, _lead_in_start(sent), _end(doc[tag_start - 1]))
    clause = next((c for c in verb.children if c.dep_ in CLAUSAL_COMPLEMENT), None)
    clause = clause or _fronted_clause(doc, verb)
    split = _split_clause(doc, verb) if clause is None else None
    if split is not None:
        return _trimmed(doc, *split)
    said = _said_object(verb) if clause is None else None
    if said is not None:
        return _trimmed(doc, said.left_edge.idx, _end(said.right_edge))
    if clause is not None and clause.i > verb.i:
        first = clause.left_edge
        has_subject = any(c.dep_ in _ANY_SUBJECT for c in clause.children)
        if first.lower_ == "that" and first.dep_ in MARK and first.i < clause.i and has_subject:
            first = doc[first.i + 1]  # "said that …": the complementiser is no part of it
        start, end = first.idx, _end(clause.right_edge)
    elif clause is not None or _is_inverted_tag(verb, speaker):
        tag_start = min(verb.i, speaker.left_edge.i if speaker is not None else verb.i)
        if tag_start <= sent.start or not doc[tag_start - 1].is_punct:
            return None  # an inverted tag follows its content after a comma or a quote
        start, end = _lead_in_start(sent), _end(doc[tag_start - 1])
    else:
        return None
    return _trimmed(doc, start, end)


def _said_object(verb: Token) -> Token | None:
    """"stressed the need for …", "reiterated his support for …": the object is what was said."""
    if verb.lemma_.lower() not in cue_data()["object_verbs"] or verb.tag_ == "VBG":
        return None  # "Underscoring the insecurity, militants attacked …" says nothing
    return next((c for c in verb.children if c.dep_ in OBJECT and c.i > verb.i), None)


def _that_after(doc: Doc, verb: Token) -> Token | None:
    """"denied that …", "told reporters that …" when the parser lost the clause."""
    for k in (1, 2, 3):
        if verb.i + k >= len(doc) or doc[verb.i + k].is_punct:
            return None
        if doc[verb.i + k].lower_ == "that":
            return doc[verb.i + k]
    return None


def _to_clause_end(doc: Doc, verb: Token, that: Token) -> tuple[int, int] | None:
    sent: Span = verb.sent
    stop = next((t for t in doc[that.i + 1: sent.end] if t.text in (",", ";") and t.head.i == verb.i), None)
    last = doc[stop.i - 1] if stop is not None else doc[sent.end - 1]
    if last.i <= that.i:
        return None
    return doc[that.i + 1].idx, _end(last)


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    start, end = trim(doc_text(doc), start, end)
    return (start, end) if end - start >= 3 else None


TAG_MAX = 10  # tokens in a closing speaker tag (", Russia's defence ministry said on Monday.")
TAG_OPENERS = (",", "”", '"', "’", "'")
MODALS = word_tuple("speech/reported.json", "modals")


def _closing_tag(doc: Doc, verb: Token, speaker: Token | None) -> int | None:
    """"…, it has been claimed." / "…, Bloomberg reports." / "…, said the minister.": a short
    tag ending the sentence after a comma or a closing quote, whatever the parse made of it."""
    sent: Span = verb.sent
    after = doc[verb.i + 1: sent.end]
    if any(t.pos_ in ("VERB", "AUX") for t in after):
        return None  # the cue has a clause of its own after it
    if any(c.dep_ in OBJECT for c in verb.children):
        return None  # "Later, the ministry reiterated the claim": an object, not a tag
    start = verb.i
    if speaker is not None and speaker.i < verb.i:
        start = speaker.left_edge.i
    while start > sent.start and doc[start - 1].dep_ in _VERB_GROUP:
        start -= 1
    if start <= sent.start + 2 or doc[start - 1].text not in TAG_OPENERS:
        return None  # the words before the tag must be a statement, not "Later,"
    if verb.i - start > TAG_MAX or len(after) > TAG_MAX:
        return None
    return start


def _split_clause(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """A clause the parser broke off: "officials indicating around 30 countries could take
    part" parsed as 'indicating [countries]' + a subjectless 'could take part'."""
    that = _that_after(doc, verb)
    if that is not None:
        return _to_clause_end(doc, verb, that)
    obj = next((c for c in verb.children if c.dep_ in OBJECT), None)
    if obj is None or obj.right_edge.i + 2 >= len(doc):
        return None
    aux = doc[obj.right_edge.i + 1]
    rest = aux.head
    if aux.lower_ not in MODALS or aux.dep_ not in AUX or any(c.dep_ in SUBJECTS for c in rest.children):
        return None
    return obj.left_edge.idx, _end(rest.right_edge)


def _fronted_clause(doc: Doc, verb: Token) -> Token | None:
    """"Putin has made demands, it's been claimed": a clause before the cue and a comma, with
    nothing said after the cue ("Speaking in Paris, X stressed the urgency …" is no such)."""
    rest = doc[verb.i + 1: verb.sent.end]
    if any(not (t.is_punct or t.dep_ in _TRAILING_ADVERBIALS) for t in rest):
        return None
    for child in verb.lefts:
        fronted = child.dep_ in _FRONTED
        if fronted and any(t.text == "," for t in doc[child.right_edge.i: verb.i]):
            return child
    return None


def _is_inverted_tag(verb: Token, speaker: Token | None) -> bool:
    """"The strike killed three, the army said": the cue hangs off the content's verb."""
    return (speaker is not None and verb.dep_ in TRAILING_SPEECH_LINKS and verb.head.i < verb.i
            and speaker.i > verb.head.i and not any(c.dep_ in OBJECT for c in verb.children))


def _lead_in_start(sent: Span) -> int:
    """Start of the sentence, skipping a leading "But"/"And"."""
    first = sent[0]
    if first.dep_ in COORDINATOR and len(sent) > 1:
        return sent[1].idx
    return first.idx


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _from_source_phrase(doc: Doc, tok: Token) -> Candidate | None:
    """"According to X, …" and "Citing X, …": the rest of the sentence is X's."""
    if tok.lower_ == "according" and tok.head.dep_ in NOUN_CLAUSES:
        return None  # "the politician, who according to X is considering …": a side remark
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        source = next((c for c in doc[tok.i + 1].children if c.dep_ in PREP_OBJECT), None)
        cue = "according to"
    elif tok.lower_ in FRONTED_SOURCES and _opens_sentence(tok):
        # Only a fronted "Citing X, …" hands the sentence to X; a trailing ", citing X" gives
        # the subject's reason or source, and the subject stays the speaker.
        return _fronted_source(doc, tok)
    else:
        return None
    if source is None:
        return None
    span = _rest_of_sentence(doc, tok)
    if span is None:
        return None
    return Candidate(source, source.text, cue, span[0], span[1], "reported", False, tok.i)


SOURCE_WORDS = frozenset({"according", *FRONTED_SOURCES})


def _fronted_source(doc: Doc, tok: Token) -> Candidate | None:
    """"Citing western security officials, the feeling is …": read off the surface, as the
    parser often makes the participle an adjective."""
    sent: Span = tok.sent
    comma = next((t for t in doc[tok.i + 1: sent.end] if t.text == ","), None)
    if comma is None or comma.i - tok.i > 10:
        return None
    nouns = [t for t in doc[tok.i + 1: comma.i] if t.pos_ in ("NOUN", "PROPN", "PRON")]
    if not nouns:
        return None
    span = _trimmed(doc, _end(comma), sent.end_char)
    if span is None:
        return None
    source = nouns[-1]
    return Candidate(source, source.text, tok.text, span[0], span[1], "reported", False, tok.i)


def _opens_sentence(tok: Token) -> bool:
    lead = tok.doc[tok.sent.start: tok.i]
    return all(t.is_punct or t.dep_ in _LEAD_WORDS for t in lead)


def _rest_of_sentence(doc: Doc, phrase_head: Token) -> tuple[int, int] | None:
    sent: Span = phrase_head.sent
    left, right = phrase_head.left_edge, phrase_head.right_edge
    before = trim(doc_text(doc), _lead_in_start(sent), left.idx) if left.i > sent.start else (0, 0)
    after = trim(doc_text(doc), _end(right), sent.end_char) if right.i < sent.end - 1 else (0, 0)
    best = max(before, after, key=lambda s: s[1] - s[0])
    return best if best[1] - best[0] >= 3 else None
