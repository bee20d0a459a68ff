"""Reported speech → candidate statements, from the dependency parse: "X said (that) …",
"…, X reports", "X told Y …", "it's been claimed", "according to X, …", "Citing X, …"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.speech_cues import (
    Candidate,
    claim_marked,
    cue_certainty,
    hedged,
    is_expletive,
    speaker_of,
    trim,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

INVERTED_DEPS = ("parataxis", "advcl", "conj", "ccomp")


def reported_speech(doc: Doc, used: set[int]) -> list[Candidate]:
    """Every reporting verb with a content clause, plus "according to"/"citing" sources."""
    found = []
    for tok in doc:
        if tok.i in used:
            continue
        cand = _from_verb(doc, tok) or _from_source_phrase(doc, tok)
        if cand is not None:
            found.append(cand)
    return found


def _from_verb(doc: Doc, verb: Token) -> Candidate | None:
    certainty = cue_certainty(verb)
    if certainty is None:
        return None
    speaker = speaker_of(verb)
    if speaker is not None and speaker.dep_ == "nsubjpass" and not is_expletive(speaker):
        return None  # "he was told that …": the subject is the hearer
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


def _cue_text(verb: Token) -> str:
    prt = [c.text for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.text, *prt])


def _content(doc: Doc, verb: Token, speaker: Token | None) -> tuple[int, int] | None:
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    clause = clause or _fronted_clause(doc, verb)
    sent: Span = verb.sent
    if clause is not None and clause.i > verb.i:
        start, end = clause.left_edge.idx, _end(clause.right_edge)
    elif clause is not None or _is_inverted_tag(verb, speaker):
        tag_start = min(verb.i, speaker.left_edge.i if speaker is not None else verb.i)
        if tag_start <= sent.start or not doc[tag_start - 1].is_punct:
            return None  # an inverted tag follows its content after a comma or a quote
        start, end = _lead_in_start(sent), _end(doc[tag_start - 1])
    else:
        return None
    start, end = trim(doc.text, start, end)
    return (start, end) if end - start >= 3 else None


def _fronted_clause(doc: Doc, verb: Token) -> Token | None:
    """"Putin has made demands, it's been claimed": a clause before the cue and a comma."""
    for child in verb.lefts:
        fronted = child.dep_ in ("advcl", "parataxis")
        if fronted and any(t.text == "," for t in doc[child.right_edge.i: verb.i]):
            return child
    return None


def _is_inverted_tag(verb: Token, speaker: Token | None) -> bool:
    """"The strike killed three, the army said": the cue hangs off the content's verb."""
    return (speaker is not None and verb.dep_ in INVERTED_DEPS and verb.head.i < verb.i
            and speaker.i > verb.head.i and not any(c.dep_ == "dobj" for c in verb.children))


def _lead_in_start(sent: Span) -> int:
    """Start of the sentence, skipping a leading "But"/"And"."""
    first = sent[0]
    if first.dep_ == "cc" and len(sent) > 1:
        return sent[1].idx
    return first.idx


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _from_source_phrase(doc: Doc, tok: Token) -> Candidate | None:
    """"According to X, …" and "Citing X, …": the rest of the sentence is X's."""
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        source = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        cue = "according to"
    elif tok.lemma_.lower() == "cite" and tok.tag_ == "VBG" and _opens_sentence(tok):
        # Only a fronted "Citing X, …" hands the sentence to X; a trailing ", citing X" gives
        # the subject's reason or source, and the subject stays the speaker.
        source = next((c for c in tok.children if c.dep_ == "dobj"), None)
        cue = tok.text
    else:
        return None
    if source is None:
        return None
    span = _rest_of_sentence(doc, tok)
    if span is None:
        return None
    return Candidate(source, source.text, cue, span[0], span[1], "reported", False, tok.i)


def _opens_sentence(tok: Token) -> bool:
    lead = tok.doc[tok.sent.start: tok.i]
    return all(t.is_punct or t.dep_ in ("cc", "advmod") for t in lead)


def _rest_of_sentence(doc: Doc, phrase_head: Token) -> tuple[int, int] | None:
    sent: Span = phrase_head.sent
    left, right = phrase_head.left_edge, phrase_head.right_edge
    before = trim(doc.text, _lead_in_start(sent), left.idx) if left.i > sent.start else (0, 0)
    after = trim(doc.text, _end(right), sent.end_char) if right.i < sent.end - 1 else (0, 0)
    best = max(before, after, key=lambda s: s[1] - s[0])
    return best if best[1] - best[0] >= 3 else None
