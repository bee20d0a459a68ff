"""News or background: an event the article recounts as past context rather than reports as
news (SCHEMA.md ``background``). Each rule returns its id, or None."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import SIDE_CLAUSES
from wardesk.extract.story.cues import cues
from wardesk.extract.story.grammar import (
    clause_chain,
    past_adverbial,
    period_phrase,
    prior_modifier,
    prior_position,
)
from wardesk.records import Event, EventDate

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wardesk.extract.layers import DateTable

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_RESOLVED = ("exact", "approximate")


def day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def period_end(value: str | None) -> dt.date | None:
    """The last day of an ISO date, month or year ("2024" → 2024-12-31)."""
    m = _ISO.match(value or "")
    if m is None:
        return None
    year, month, dd = int(m.group(1)), m.group(2), m.group(3)
    if month is None:
        return dt.date(year, 12, 31)
    if dd is None:
        nxt = dt.date(year + (int(month) == 12), int(month) % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return day(value)


def before_window(value: str | None, end: str | None, published: dt.date) -> bool:
    """The period ends more than the news window before publication."""
    last = period_end(end or value)
    return last is not None and (published - last).days > cues().window_days


def old_date(date: EventDate | None, published: dt.date | None) -> bool:
    if date is None or published is None or date.resolution not in _RESOLVED:
        return False
    return before_window(date.value, date.end, published)


def _fresh_date(date: EventDate | None, published: dt.date | None) -> bool:
    """An exact date inside the news window: the event is today's news whatever frames it."""
    if date is None or published is None or date.resolution != "exact":
        return False
    last = period_end(date.end or date.value)
    return last is not None and (published - last).days <= cues().window_days


def recent_since(words: Span, dates: DateTable, published: str | None) -> bool:
    """"since Friday", "since the attacks began Tuesday": a period that starts inside the
    news window is still news."""
    pub = day(published)
    if pub is None or words[0].lower_ != "since":
        return False
    lo, hi = words.start_char, words.end_char
    return any(lo <= m.start < hi and m.value and not before_window(m.value, m.end_value, pub)
               for m in dates.mentions)


def _fresh_in(obj: Token, dates: DateTable, published: dt.date | None) -> bool:
    """The earlier event's own words carry an exact date inside the news window ("after a
    bomb killed three at a market on Friday"): it is news too."""
    if published is None:
        return False
    lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)
    return any(lo <= m.start < hi and m.resolution == "exact" and m.value
               and not before_window(m.value, m.end_value, published) for m in dates.mentions)


def background_rule(ev: Event, trigger: Token | None, dates: DateTable, published: str | None,
                    related: bool) -> str | None:
    """The id of the first rule that finds the event told as background, else None."""
    pub = day(published)
    if related:
        return "story.background.related_link"
    if old_date(ev.date, pub):
        return "story.background.old_date"
    if trigger is None:
        return None
    if past_adverbial(trigger) is not None:
        return "story.background.past_words"
    if habitual(trigger):
        return "story.background.habitual"
    if not _fresh_date(ev.date, pub) and old_in_clause(trigger, dates, pub):
        return "story.background.old_date_in_clause"
    period = period_phrase(trigger)
    if period is not None and not recent_since(period, dates, published):
        return "story.background.period"
    earlier = prior_position(trigger)
    if earlier is not None and not _fresh_in(earlier, dates, pub):
        return "story.background.earlier_event"
    if prior_modifier(trigger) is not None and not _fresh_date(ev.date, pub):
        return "story.background.earlier_event"
    return None


_PRESENT = frozenset({"VBZ", "VBP"})
_PLURAL = "NNS"


def old_in_clause(trigger: Token, dates: DateTable, published: dt.date | None) -> bool:
    """The trigger's own clause holds a resolved date well before publication that the event
    was not given ("occupied in the first weeks of the war in 2022": the date it took was the
    unresolved "the first weeks"); a date in a side clause ("the city, taken in 2022") or after
    "since" ("the largest attack since 2022") is no date of this event."""
    if published is None:
        return False
    doc = trigger.doc
    old = [m for m in dates.mentions if m.value and m.resolution in _RESOLVED
           and before_window(m.value, m.end_value, published)]
    for head in clause_chain(trigger):  # "collapsed in November, killing 16": the killing's too
        if head is not trigger and head.pos_ not in ("VERB", "AUX"):
            continue
        top = first_conjunct(head)
        for m in old:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and top.left_edge.i <= span.root.i <= top.right_edge.i \
                    and _own_path(span.root, top):
                return True
    return False


def _own_path(tok: Token, top: Token) -> bool:
    """The words from ``tok`` up to the clause head ``top`` cross no side clause and no "since"."""
    for _ in range(12):
        if tok.i == top.i:
            return True
        if tok.dep_ in SIDE_CLAUSES or tok.lower_ in cues().period_heads - {"in", "during"}:
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def habitual(trigger: Token) -> bool:
    """"The group frequently conducts bombings": a present-tense trigger with an adverb of
    habit tells what a party does, not an incident; so do plural attacks said to come daily
    ("has kept up near-daily strikes")."""
    c = cues()
    if trigger.tag_ == _PLURAL and any(w.lower_ in c.frequency_words for w in trigger.children):
        return True
    verb = trigger if trigger.tag_ in _PRESENT else trigger.head
    if verb.tag_ not in _PRESENT:
        return False
    return any(c.lower_ in cues().habitual_adverbs for c in verb.children)


def related_sentence(sent_text: str) -> bool:
    """A sentence that is a related-link line run into the text ("Read also: …")."""
    low = sent_text.strip().lower()
    for prefix in cues().related_prefixes:
        if low.startswith(prefix) and low[len(prefix):].lstrip().startswith(":"):
            return True
        if prefix.endswith(":") and low.startswith(prefix):
            return True
    return False
