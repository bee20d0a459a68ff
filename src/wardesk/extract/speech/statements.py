"""Statements: direct quotes and reported speech, with speakers resolved to actors, and the
attribution and certainty the article gives each clause (``attribution_for``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADVERBIAL_CLAUSE,
    CLAUSAL_COMPLEMENT,
    RELATIVE_CLAUSE,
    ROOT,
)
from wardesk.extract.layers import ActorTable, doc_text
from wardesk.extract.lexicon import words
from wardesk.extract.speech.cues import (
    PRONOUNS,
    Candidate,
    about_hostilities,
    conditional_sentence,
    hedged,
    noun_phrase,
    unquote,
)
from wardesk.extract.speech.quote_scan import Quote, find_quotes, outer_quotes
from wardesk.extract.speech.quotes import carried_quotes, embedded_quotes, tagged_quotes
from wardesk.extract.speech.reported import reported_speech
from wardesk.records import ActorRef, Attribution, Statement
from wardesk.sectors import sector_group

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SAME_SPEAKER_GAP = 600  # characters over which "he said" still means the last named speaker
QUOTE_MIN_WORDS = 5  # shorter quotes are labels and phrases, not someone's sentences
# Certainty strength: a weaker marking in a clause overrides a stronger one from its speaker.
_RANK = {"confirmed": 0, "reported": 1, "claimed": 2, "hedged": 3, "speculative": 4}


# Third-person singular pronouns.
_SINGULAR_PRONOUNS = words("speech/statements.json", "singular_pronouns")


# Where a statement's verb may hang.
_STATEMENT_HEADS = CLAUSAL_COMPLEMENT | ROOT | RELATIVE_CLAUSE | ADVERBIAL_CLAUSE


@dataclass
class StatementIndex:
    """The statements of one Doc, and who each clause of it is attributed to."""

    statements: tuple[Statement, ...]
    quotes: tuple[Quote, ...] = ()
    _conditional: dict[int, bool] = field(default_factory=dict, repr=False)

    def attribution_for(self, token: Token) -> tuple[Attribution | None, str]:
        holder = self.statement_at(token.idx)
        attribution, certainty = None, "confirmed"
        if holder is not None:
            attribution = Attribution(holder.speakerText, holder.speaker)
            certainty = holder.certainty
        if _clause_hedged(token):
            certainty = _weaker(certainty, "hedged")
        if self._is_conditional(token):
            certainty = "speculative"
        return attribution, certainty

    def statement_at(self, offset: int) -> Statement | None:
        """The innermost statement whose content holds ``offset``."""
        inside = [s for s in self.statements if s.start <= offset < s.end]
        return min(inside, key=lambda s: s.end - s.start) if inside else None

    def _is_conditional(self, token: Token) -> bool:
        sent = token.sent
        if sent.start not in self._conditional:
            self._conditional[sent.start] = conditional_sentence(sent)
        return self._conditional[sent.start]


def find_statements(doc: Doc, actors: ActorTable) -> StatementIndex:
    quotes = find_quotes(doc_text(doc))
    candidates = _candidates(doc, outer_quotes(quotes))
    statements = _resolve_all(doc, actors, candidates)
    return StatementIndex(statements, quotes)


def _candidates(doc: Doc, quotes: tuple[Quote, ...]) -> list[Candidate]:
    tagged = tagged_quotes(doc, quotes)
    reported = reported_speech(doc, {c.cue_i for c in tagged})
    reported = [_snap_to_quote(doc, r, quotes) for r in reported if not _inside_quote(doc, r, quotes)]
    found = _mark_direct([*tagged, *reported], quotes)
    found += embedded_quotes(doc, quotes, found)
    found += carried_quotes(doc, quotes, found)
    unique = {(c.start, c.end, c.cue_i): c for c in found if c.end > c.start}
    return sorted(unique.values(), key=lambda c: (c.start, c.end))


def _inside_quote(doc: Doc, cand: Candidate, quotes: tuple[Quote, ...]) -> bool:
    """A cue inside someone's quoted words reports a third party: keep the outer statement."""
    at = doc[cand.cue_i].idx
    return any(q.start <= at < q.end and len(doc_text(doc)[q.start:q.end].split()) >= QUOTE_MIN_WORDS
               for q in quotes)


def _snap_to_quote(doc: Doc, cand: Candidate, quotes: tuple[Quote, ...]) -> Candidate:
    """A closing tag after a quote of several sentences: the parser's sentence began inside the
    quote, so take the whole quotation ("A. B," Towson said)."""
    for q in quotes:
        if q.start < cand.start < q.end and cand.end >= q.end - 1:
            start, end = unquote(doc_text(doc), q.open, q.close + 1)
            if end - start > 2:
                return Candidate(cand.speaker, cand.speaker_text, cand.cue, start, end,
                                 cand.certainty, True, cand.cue_i)
    return cand


def _mark_direct(cands: list[Candidate], quotes: tuple[Quote, ...]) -> list[Candidate]:
    """A reported clause holding a quotation ('… is “ready to …”') is direct speech in part."""
    out = []
    for c in cands:
        direct = c.direct or any(c.start <= q.start and q.end <= c.end for q in quotes)
        out.append(Candidate(c.speaker, c.speaker_text, c.cue, c.start, c.end, c.certainty,
                             direct, c.cue_i))
    return out


def _resolve_all(doc: Doc, actors: ActorTable, cands: list[Candidate]) -> tuple[Statement, ...]:
    out = []
    last: tuple[ActorRef | None, str, int] | None = None  # the last speaker named, where
    for c in cands:
        if c.speaker is not None and c.speaker.lower_ in ("he", "she") and last is not None \
                and c.start - last[2] <= SAME_SPEAKER_GAP:
            # News style: "he said" after quotes goes back to the speaker last named, not to
            # whoever the quoted words mention.
            ref, text = last[0], last[1]
        else:
            ref, text = _speaker(doc, actors, c.speaker)
        if c.speaker is None:
            text = c.speaker_text
        elif c.speaker.lower_ not in PRONOUNS and text:
            last = (ref, text, c.end)
        certainty = c.certainty
        if certainty == "reported" and _interested_party(doc, ref, c):
            certainty = "claimed"
        out.append(Statement(
            speaker=ref.actor if ref else None, speakerText=text, cue=c.cue,
            content=doc_text(doc)[c.start: c.end], direct=c.direct, certainty=certainty,
            start=c.start, end=c.end,
        ))
    return tuple(out)


def _speaker(doc: Doc, actors: ActorTable, tok: Token | None) -> tuple[ActorRef | None, str]:
    if tok is None:
        return None, ""
    start, end = noun_phrase(tok)
    text = doc_text(doc)[start:end]
    refs = actors.refs(tok) or actors.refs_in(start, end)
    if refs:
        return refs[0], (refs[0].actorText if tok.lower_ in PRONOUNS else text)
    if tok.lower_ in _SINGULAR_PRONOUNS:
        person = _antecedent(doc, tok)
        if person is not None:
            ante = actors.refs(person)
            if ante:
                return ante[0], ante[0].actorText
    return None, text


def _antecedent(doc: Doc, pronoun: Token) -> Token | None:
    """The last person (for he/she) or organisation (for it) named before ``pronoun``, within
    the two sentences before it ("… Zelensky. … he said"; "The UNHCR … It said")."""
    label = "ORG" if pronoun.lower_ == "it" else "PERSON"
    window = pronoun.sent.start_char - 400
    found = [e for e in doc.ents if e.label_ == label and e.end <= pronoun.i and e.start_char >= window]
    return found[-1].root if found else None


def _interested_party(doc: Doc, ref: ActorRef | None, c: Candidate) -> bool:
    """A government, army or armed group speaking about the fighting is an interested party."""
    if ref is None or ref.sector not in sector_group("interested_speakers"):
        return False
    return about_hostilities(doc, c.start, c.end)


def _clause_hedged(token: Token) -> bool:
    """A hedge on the token's own clause ("in what appears to be …")."""
    head = token
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX") and hedged(head):
            return True
        if head.dep_ in _STATEMENT_HEADS or head.head.i == head.i:
            return False
        head = head.head
    return False


def _weaker(a: str, b: str) -> str:
    return a if _RANK.get(a, 0) >= _RANK.get(b, 0) else b
