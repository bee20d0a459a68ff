"""Direct quotes → candidate statements: the speaker tag after or before the quote ("…," he
said; He said: "…"), quoted predicates and labels (Lavrov "ruled out …"; called it "a crime"),
and quotes that carry on a speaker's words into the next sentence or paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADJECTIVAL_MODIFIER,
    ADVERBIAL_CLAUSE,
    ADVERBIAL_MODIFIER,
    ATTRIBUTE,
    AUX,
    CLAUSAL_COMPLEMENT,
    CLAUSAL_MODIFIER,
    MODIFIER_NOUN,
    NEGATION,
    OBJECT,
    OBJECT_PREDICATE,
    OPEN_COMPLEMENT,
    PARTICLE,
    PASSIVE_AUX,
    PREP_COMPLEMENT,
    PREP_OBJECT,
    PREPOSITION,
    RELATIVE_CLAUSE,
)
from wardesk.extract.layers import doc_text
from wardesk.extract.speech.cues import (
    Candidate,
    claim_marked,
    cue_certainty,
    cue_data,
    hedged,
    speaker_of,
    subject_of,
)
from wardesk.extract.speech.quote_scan import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

TAG_WINDOW = 8  # tokens after a closing mark in which a speaker tag may start
CARRY_GAP = 160  # characters between a speaker's quote and an untagged quote that carries it on


# Adjective or noun before a noun ('*military* aid', '*peace* talks').
_PREMODIFIERS = ADJECTIVAL_MODIFIER | MODIFIER_NOUN
# Words that may open a verb group before the verb ('will', 'also', 'not').
_VERB_OPENERS = AUX | ADVERBIAL_MODIFIER | NEGATION
# Clauses embedded in another (not a sentence's own).
_EMBEDDED_CLAUSES = CLAUSAL_COMPLEMENT | OPEN_COMPLEMENT | ADVERBIAL_CLAUSE | RELATIVE_CLAUSE | CLAUSAL_MODIFIER | PREP_COMPLEMENT
# Links from an object up to its verb ('told *him* …', 'spoke *to* reporters').
_OBJECT_CHAIN = OBJECT | OBJECT_PREDICATE | ATTRIBUTE | PREP_OBJECT | PREPOSITION


def tagged_quotes(doc: Doc, quotes: tuple[Quote, ...]) -> list[Candidate]:
    """Quotes with a speaker tag right after or right before them."""
    found = []
    for q in quotes:
        if q.end <= q.start or q.continues:
            continue
        cue = _tag_after(doc, q) if _starts_sentence(doc, q) else None
        cue = cue or _tag_before(doc, q)
        if cue is not None:
            found.append(_from_cue(cue, q))
    return found


def embedded_quotes(doc: Doc, quotes: tuple[Quote, ...], taken: list[Candidate]) -> list[Candidate]:
    """Quoted predicates and labels not already inside a found statement."""
    found = []
    for q in quotes:
        if q.continues or any(c.start <= q.start and q.end <= c.end for c in taken):
            continue
        cand = _quoted_predicate(doc, q) or _quoted_label(doc, q)
        if cand is not None:
            found.append(cand)
    return found


def carried_quotes(doc: Doc, quotes: tuple[Quote, ...], taken: list[Candidate]) -> list[Candidate]:
    """Untagged quotes that open a sentence right after a quote by a known speaker, and the
    parts of a quote that runs over paragraphs."""
    found: list[Candidate] = []
    for q in quotes:
        if q.end <= q.start or any(c.start <= q.start < c.end for c in [*taken, *found]):
            continue
        before = [c for c in [*taken, *found] if c.direct and c.end <= q.open]
        if not before:
            continue
        prev = max(before, key=lambda c: c.end)
        gap = doc_text(doc)[prev.end: q.open]
        if q.continues or (_starts_sentence(doc, q) and len(gap) <= CARRY_GAP and "\n\n" not in gap):
            found.append(Candidate(prev.speaker, prev.speaker_text, prev.cue, q.start, q.end,
                                   prev.certainty, True, prev.cue_i))
    return found


def _from_cue(cue: Token, q: Quote) -> Candidate:
    certainty = cue_certainty(cue) or "reported"
    if hedged(cue):
        certainty = "hedged"
    elif claim_marked(cue):
        certainty = "claimed"
    if cue.lower_ == "according":
        speaker = _according_source(cue)
        return Candidate(speaker, speaker.text if speaker is not None else "", "according to",
                         q.start, _end_of(cue.doc, q), certainty, True, cue.i)
    speaker = speaker_of(cue)
    if speaker is None or q.open <= speaker.idx <= q.close:
        speaker = _tag_noun(cue, q)  # the parse took a word of the quote for the subject
    text = speaker.text if speaker is not None else ""
    return Candidate(speaker, text, cue.text, q.start, _end_of(cue.doc, q), certainty, True, cue.i)


def _tag_noun(cue: Token, q: Quote) -> Token | None:
    """The head noun between a quote and its cue ("…," Representative Van Orden told VOA)."""
    doc = cue.doc
    lo, hi = (q.close, cue.idx) if cue.idx > q.close else (cue.idx, q.open)
    nouns = [t for t in doc if lo < t.idx < hi and t.pos_ in ("PROPN", "NOUN", "PRON")
             and t.dep_ not in MODIFIER_NOUN]
    if nouns:
        return nouns[-1]
    after = []  # "…," added Bagci, a fellow at …: the speaker follows the cue
    for tok in doc[cue.i + 1: cue.i + 6]:
        if tok.is_punct:
            break
        if tok.pos_ in ("PROPN", "NOUN"):
            after.append(tok)
    return after[-1] if after else None


def _end_of(doc: Doc, q: Quote) -> int:
    """A quote's content without the comma a speaker tag follows ("We are ready," he said)."""
    end = q.end
    while end > q.start + 1 and doc_text(doc)[end - 1] in ",;:":
        end -= 1
    return end


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _starts_sentence(doc: Doc, q: Quote) -> bool:
    first = _token_at(doc, q.start)
    if first is None:
        return False
    sent: Span = first.sent
    lead = doc_text(doc)[sent.start_char: q.open]
    return not lead.strip(" \n\t\"“‘'")


def _tag_after(doc: Doc, q: Quote) -> Token | None:
    closing = _token_at(doc, q.close)
    if closing is None or doc_text(doc)[q.start:q.end].endswith("."):
        return None  # "… ." closes a sentence: what follows starts a new one
    i = closing.i + 1
    window = [t for t in doc[i: i + TAG_WINDOW]]
    for tok in window:
        if tok.text in ".!?" or tok.text in "“\"‘":
            return None  # a new sentence or quote begins before any tag
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            return tok
        if cue_certainty(tok) is not None:
            return tok if _no_own_content(tok, q) else None
        if tok.pos_ == "VERB" and tok.dep_ not in _PREMODIFIERS:
            return None  # another verb: this is not a speaker tag
    return None


def _no_own_content(cue: Token, q: Quote) -> bool:
    """A tag's cue has no content clause of its own after it (else it starts a new statement)."""
    return not any(c.dep_ in CLAUSAL_COMPLEMENT and c.idx > cue.idx and c.idx > q.close for c in cue.children)


def _tag_before(doc: Doc, q: Quote) -> Token | None:
    opening = _token_at(doc, q.open)
    if opening is None or opening.i == 0:
        return None
    prev = doc[opening.i - 1]
    if prev.text in (",", ":") and prev.i > 0:
        prev = doc[prev.i - 1]
    elif cue_certainty(prev) is None:
        return None
    for tok in (prev, prev.head, prev.head.head):
        if cue_certainty(tok) is not None and tok.i < opening.i and opening.i - tok.i <= 6:
            return tok
    return None


def _according_source(cue: Token) -> Token | None:
    for to in cue.children:
        for obj in to.children:
            if obj.dep_ in PREP_OBJECT:
                return obj
    return None


def _quote_roots(doc: Doc, q: Quote) -> list[Token]:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]


def _quoted_predicate(doc: Doc, q: Quote) -> Candidate | None:
    """Lavrov has "ruled out European peacekeepers": the quote starts with the subject's verb."""
    first = _token_at(doc, q.start)
    if first is None:
        return None
    verb = first if first.pos_ == "VERB" else first.head
    if verb.pos_ != "VERB" or not (first == verb or first.dep_ in _VERB_OPENERS):
        return None
    if verb.dep_ in _EMBEDDED_CLAUSES:
        return None  # 'demanded that Ottawa “must drop …”': the quote is the demander's words
    subject = subject_of(verb)
    if subject is None or subject.idx >= q.open or not _named(subject):
        return None
    if any(c.dep_ in PASSIVE_AUX for c in verb.children):
        return None  # "women “are being persecuted”": a passive says nothing of who speaks
    prt = " ".join(c.text for c in verb.children if c.dep_ in PARTICLE)
    cue = f"{verb.text} {prt}".strip()
    return Candidate(subject, subject.text, cue, q.start, q.end, "reported", True, verb.i)


def _named(tok: Token) -> bool:
    """A subject that names someone: a proper noun or a named entity."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _quoted_label(doc: Doc, q: Quote) -> Candidate | None:
    """Sudani called the death a "significant security achievement"."""
    labels = set(cue_data()["label_verbs"])
    for root in _quote_roots(doc, q):
        head = root.head
        while head.dep_ in _OBJECT_CHAIN and head.head.i != head.i:
            head = head.head
        if head.lemma_.lower() in labels and head.idx < q.open:
            subject = subject_of(head)
            if subject is not None and subject.lower_ not in ("that", "which", "who"):
                return Candidate(subject, subject.text, head.text, q.start, q.end, "reported",
                                 True, head.i)
    return None
