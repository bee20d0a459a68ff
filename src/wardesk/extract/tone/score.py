"""Tone: loaded and emotive terms (a categorised lexicon kept as data), with the speaker's quoted
words kept apart from the outlet's own, and a per-article score from the outlet's voice."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wardesk.extract.layers import StatementTable, doc_text
from wardesk.extract.lexicon.phrases import PhraseLexicon, load_data
from wardesk.extract.speech.quote_scan import Quote, find_quotes, quoted_at
from wardesk.nlp.normalise import word_count
from wardesk.records import LoadedTerm, Tone

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PER_WORDS = 100  # the score is per this many words


@lru_cache(maxsize=1)
def _lexicon_data() -> dict[str, Any]:
    return load_data("loaded_terms.json")


@lru_cache(maxsize=1)
def loaded_lexicon() -> PhraseLexicon:
    cats: dict[str, dict[str, Any]] = _lexicon_data()["categories"]
    return PhraseLexicon((cat, term) for cat, entry in cats.items() for term in entry["terms"])


def score_tone(doc: Doc, statements: StatementTable) -> Tone:
    quotes: tuple[Quote, ...] = getattr(statements, "quotes", None) or find_quotes(doc_text(doc))
    terms = loaded_terms(doc, quotes)
    words = word_count(doc) or 1
    return Tone(score=round(-_weight(terms) * PER_WORDS / words, 2) + 0.0, loaded_terms=terms)


def loaded_terms(doc: Doc, quotes: tuple[Quote, ...]) -> tuple[LoadedTerm, ...]:
    out = []
    for hit in loaded_lexicon().match(doc[:]):
        if _in_a_name(doc[hit.start: hit.end]):
            continue
        start = doc[hit.start].idx
        end = doc[hit.end - 1].idx + len(doc[hit.end - 1].text)
        out.append(LoadedTerm(doc_text(doc)[start:end], start, end, hit.key, quoted_at(quotes, start, end)))
    return tuple(out)


def _in_a_name(span: Span) -> bool:
    """"Hayat Tahrir al-Sham": a capitalised word inside a named entity is part of a name."""
    return any(t.ent_iob_ in ("B", "I") and t.is_title and not t.is_sent_start for t in span)


def _weight(terms: tuple[LoadedTerm, ...]) -> float:
    data = _lexicon_data()
    factor = float(data["quoted_factor"])
    total = 0.0
    for term in terms:
        weight = float(data["categories"][term.category]["weight"])
        total += weight * (factor if term.quoted else 1.0)
    return total
