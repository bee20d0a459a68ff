"""A recap goes on: the sentence after a recounted event that tells more of it without a date of
its own is background too — "Last month, insurgents ambushed a bus in Kalat. Just days later, a
roadside bomb killed 11 miners" (a time counted from the recap), or "... a convoy came under
attack. Officials said the convoy was passing through the town" (the recap's own thing, named
again with "the")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import DETERMINER, NOMINALS
from wardesk.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

RULE = "story.background.recap_continues"
_DEFINITE = frozenset({"the", "that", "this"})
_COMMON_NOUN = "NOUN"


def continue_recaps(events: list[Event], triggers: Mapping[str, Token | None]) -> list[Event]:
    """``events`` in text order, with a dateless event right after a sentence of background
    events made background when it counts its time from them or names their thing again."""
    out = list(events)
    for i, ev in enumerate(out):
        trigger = triggers.get(ev.id)
        if ev.background or trigger is None or _own_date(ev):
            continue
        before = _previous_sentence(trigger.sent)
        if before is None:
            continue
        recaps = [(e, triggers.get(e.id)) for e in out[:i] if _in(triggers.get(e.id), before)]
        if not recaps or not all(e.background for e, _ in recaps):
            continue
        news = [t.sent for e, t in ((e, triggers.get(e.id)) for e in out[:i])
                if t is not None and not e.background and t.sent.start < before.start]
        if _relative(ev) or _names_again(trigger.sent, [t for _, t in recaps if t is not None], news):
            out[i] = replace(ev, background=True, trace=(*ev.trace, RULE))
    return out


def _own_date(ev: Event) -> bool:
    """A date of its own words, resolved (not the publication day, not "days later")."""
    return ev.date is not None and bool(ev.date.text) and ev.date.resolution != "unresolved"


def _relative(ev: Event) -> bool:
    """Its date is words counted from another event ("days later", "a week after")."""
    return ev.date is not None and bool(ev.date.text) and ev.date.resolution == "unresolved"


def _previous_sentence(sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent


def _in(tok: Token | None, sent: Span) -> bool:
    return tok is not None and sent.start <= tok.i < sent.end


def _names_again(sent: Span, recap_triggers: list[Token], news: list[Span]) -> bool:
    """A definite noun of ``sent`` ("the convoy") whose word stands in a recap's own clause
    (with the clauses coordinated with it: "ambushed a convoy and killed six") and in no
    earlier sentence of news (there it could be the news)."""
    recap_words = {t.lemma_.lower() for trig in recap_triggers for t in first_conjunct(trig).subtree
                   if t.pos_ in NOMINALS}
    news_words = {t.lemma_.lower() for s in news for t in s if t.pos_ in NOMINALS}
    for tok in sent:  # a common noun: "the U.S.", "the Kremlin" are names, not a thing again
        if tok.pos_ != _COMMON_NOUN or not _definite(tok):
            continue
        lemma = tok.lemma_.lower()
        if lemma in recap_words and lemma not in news_words:
            return True
    return False


def _definite(tok: Token) -> bool:
    return any(c.dep_ in DETERMINER and c.lower_ in _DEFINITE for c in tok.children)
