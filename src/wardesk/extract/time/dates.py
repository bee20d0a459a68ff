"""Dates: every date expression in a Doc, resolved against the published date by the tense of
its clause, and the date of each event (the expression attached to the event's clause).

Weekdays: a past or perfect clause ("spoke on Monday") takes the latest such day on or before
the published date; any other ("is meeting on Tuesday", "will meet on Wednesday") the first on
or after it. "last"/"next" exclude the published day itself. "N years ago" and "N years
after/since <event>" in a clause about now are published − N (approximate); "a week later",
"the day before" and other dates relative to another event stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADVERBIAL_CLAUSE,
    ASIDE_CLAUSES,
    AUX,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    NOUN_CLAUSES,
    OBJECT,
    POSSESSOR,
    SUBJECTS,
)
from wardesk.extract.grammar.shapes import prep_governor
from wardesk.extract.grammar.syntax import is_passive, lemma
from wardesk.extract.layers import doc_text
from wardesk.extract.lexicon import read_json, words
from wardesk.extract.time.patterns import DateExpr, scan
from wardesk.extract.time.resolve import (
    clause_verb,
    parse_published,
    resolve,
    tense,
)
from wardesk.records import DateMention, EventDate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["DateTableImpl", "find_dates"]

_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")
_MONTH_ONLY = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)$")
_DECADE = re.compile(r"^(?:(?:early|mid|late)[- ]?)?(?:1[89]|20)\d0s$")
_TIME_WORD = re.compile(
    r"\b(?:day|days|week|weeks|weekend|month|months|year|years|decade|decades|century|centuries|"
    r"spring|summer|autumn|fall|winter|christmas|easter|ramadan|eid|new year|season|morning|night|"
    r"after|before|later|earlier|ago|recent|\d{4}s?)\b")
_BARE_UNIT = re.compile(r"^(?:the\s+)?(?:days?|weeks?|months?|years?|decades?|centuries)$")
_FREQUENCY = re.compile(r"\b(?:annual|annually|daily|weekly|nightly|monthly|yearly|every|each|per)\b")
# A length of time, optionally hedged: "more than a decade", "three to five years".
_DURATION = re.compile(
    r"^(?:(?:more than|less than|at least|about|almost|nearly|only|another|over|some|up to|a further)\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|several|many|\w+ to \w+)"
    r"(?:\s+(?:more|full|long|whole|single))?\s+(?:days?|weeks?|months?|years?|decades?|centuries)$")
# DATE entities that are ages or lengths of time, not dates ("62-year-old", "three years").
_NOT_A_DATE = re.compile(
    r"(?:year-old|years? old|-year|^(?:the )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a few|some|the (?:last|past|next) \w+)"
    r"\s*(?:[-–]\s*)?(?:days?|weeks?|months?|years?|decades?|hours?|minutes?)$)", re.IGNORECASE)


# Clauses that follow their head in time or attach to it loosely.
_FOLLOWING_CLAUSES = ADVERBIAL_CLAUSE | CONJUNCT


@dataclass(frozen=True, slots=True)
class _Found:
    mention: DateMention
    kind: str
    root: int  # token index of the expression's syntactic head
    verb: int | None  # token index of the verb whose clause holds it


@dataclass(frozen=True)
class DateTableImpl:
    doc: Doc
    found: tuple[_Found, ...] = ()
    text: str = ""  # doc_text(doc), read once

    @property
    def mentions(self) -> tuple[DateMention, ...]:
        return tuple(f.mention for f in self.found)

    def date_for(self, trigger: Token) -> EventDate | None:
        """The date attached to the trigger (directly or through the nouns between), else one
        inside its clause, else one on a clause that governs it; None when the sentence has
        none that fits."""
        sent = _sentence(trigger)
        lo, hi = _line(self.text, trigger.idx)  # a headline without a full stop is its own sentence
        here = [f for f in self.found if sent.start <= f.root < sent.end and lo <= f.mention.start < hi]
        for tier in (self._attached, self._same_clause, self._inside, self._governing):
            chosen = [f for f in here if tier(f, trigger)]
            if chosen:  # the nearest clause up first: "said Friday that talks would resume on Sunday"
                best = min(chosen, key=lambda f: (self._clauses_up(f, trigger), abs(f.root - trigger.i)))
                m = best.mention
                resolution = m.resolution
                if tier == self._governing and m.resolution == "exact" and self._before_saying(best, trigger):
                    resolution = "approximate"  # time.past_perfect_before_saying: by that day
                return EventDate(m.text, m.value, m.end_value, m.granularity, resolution)
        return None

    def _clauses_up(self, f: _Found, trigger: Token) -> int:
        """How many steps up from the trigger the date's verb is (_NOT_UP when it is not above)."""
        if f.verb is None:
            return _NOT_UP
        path = _path_up(trigger, self.doc[f.verb], frozenset())
        return len(path) if path is not None else _NOT_UP

    def _before_saying(self, f: _Found, trigger: Token) -> bool:
        """"said on Friday its fighters had carried out the attack": a past perfect under a
        dated verb of saying happened by that day, not necessarily on it."""
        verb = clause_verb(trigger)
        return f.verb is not None and lemma(self.doc[f.verb]) in _SPEECH_VERBS and verb is not None \
            and any(c.dep_ in AUX and c.lower_ == "had" for c in verb.children)

    def _attached(self, f: _Found, trigger: Token) -> bool:
        if self._dates_another_noun(f, trigger):
            return False
        node = self.doc[f.root]
        for _ in range(40):
            if node.i == trigger.i:
                return True
            if node.i == f.verb or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _same_clause(self, f: _Found, trigger: Token) -> bool:
        """A nominal trigger ("talks") takes the date of the verb it is an argument of."""
        verb = clause_verb(trigger)
        if verb is None or f.verb != verb.i:
            return False
        return not _relative_to_event(f) and not self._dates_another_noun(f, trigger)

    def _inside(self, f: _Found, trigger: Token) -> bool:
        """A date inside the trigger's clause, not inside a clause describing one of its
        nouns ("a court lifted orders against X, who was removed in mid-October") and not
        the possessor of another event ("rejected claims that Tuesday's attack …")."""
        if _relative_to_event(f) or self._dates_another_noun(f, trigger):
            return False
        if not trigger.left_edge.i <= f.root <= trigger.right_edge.i:
            return False
        return _path_up(self.doc[f.root], trigger, NOUN_CLAUSES, _concurrent) is not None

    def _governing(self, f: _Found, trigger: Token) -> bool:
        """A date on a clause that reports or frames the trigger's ("said Monday that …"),
        reached through complements only, not through a coordinated, adverbial or relative
        clause (those are other events)."""
        if f.verb is None:
            return True
        if _relative_to_event(f) or self._dates_another_noun(f, trigger):
            return False
        if _path_up(trigger, self.doc[f.verb], ASIDE_CLAUSES) is None:
            return False
        if _casualty_report(trigger, self.doc[f.verb]):
            return False  # time.saying_day_not_toll: "six were injured, the city said on Tuesday"
        # "said on Tuesday the president would meet …": the day of saying, not of meeting
        return not (tense(clause_verb(trigger)) == "future" and tense(self.doc[f.verb]) in ("past", "perfect"))

    def _dates_another_noun(self, f: _Found, trigger: Token) -> bool:
        root = self.doc[f.root]
        return root.dep_ in POSSESSOR and root.head.i != trigger.i and not _cause_of(root.head, trigger)


_EVENT_NOUNS = words("time/dates.json", "event_nouns")
_CAUSE_PREPS = words("time/dates.json", "cause_preps")
_CASUALTY_VERBS = words("time/dates.json", "casualty_verbs")
_SPEECH_VERBS = frozenset(read_json("speech_cues.json")["verbs"])


def _cause_of(noun: Token, trigger: Token) -> bool:
    """time.toll_dated_by_its_attack: an event noun the trigger's casualties fell in ("eight
    were killed in Sunday's bombing", "the number killed in Wednesday's attack"): its date is
    the killing's."""
    if lemma(noun) not in _EVENT_NOUNS and noun.lower_ not in _EVENT_NOUNS:
        return False
    governor = prep_governor(noun, _CAUSE_PREPS)
    return governor is not None and governor.i == trigger.i


def _casualty_report(trigger: Token, speech: Token) -> bool:
    """Under a verb of saying, a past casualty clause with no doer of its own ("six other
    people were injured", "two more died"): the day of saying is the day of the report, not
    of the attack the casualties belong to."""
    if lemma(speech) not in _SPEECH_VERBS:
        return False
    verb = clause_verb(trigger)
    if lemma(trigger) not in _CASUALTY_VERBS or tense(verb) not in ("past", "perfect"):
        return False
    return is_passive(trigger) or not any(c.dep_ in OBJECT for c in trigger.children)


_NOT_UP = 1000  # ranks after every date on a clause above the trigger


def _path_up(start: Token, ancestor: Token, barred: frozenset[str],
             passable: Callable[[Token], bool] | None = None) -> list[Token] | None:
    """The tokens from ``start`` up to ``ancestor``, or None when ``ancestor`` is not above
    it or the way crosses an edge in ``barred`` (unless ``passable`` lets it through)."""
    path, node = [start], start
    for _ in range(60):
        if node.i == ancestor.i:
            return path
        if node.head.i == node.i or _own_clause(node) or (
                node.dep_ in barred and not (passable is not None and passable(node))):
            return None
        node = node.head
        path.append(node)
    return None


def _concurrent(node: Token) -> bool:
    """time.concurrent_participle: a present participle describing a noun ("a bus travelling
    from Quetta on Thursday night") tells what was going on when the event happened, so a
    date on it dates the event."""
    return node.dep_ in CLAUSAL_MODIFIER and node.tag_ == "VBG"


def _own_clause(node: Token) -> bool:
    """A coordinated verb with a subject of its own is another event ("Russia has not
    agreed, but Trump said Tuesday …"); one sharing the subject is not ("met Monday and
    agreed")."""
    return node.dep_ in CONJUNCT and node.pos_ in ("VERB", "AUX") and any(
        c.dep_ in SUBJECTS for c in node.children)


def _relative_to_event(f: _Found) -> bool:
    """"three years after X", "a week later": it dates X (or another event), not its host."""
    return f.kind == "ago" and not f.mention.text.lower().endswith("ago")


def find_dates(doc: Doc, published: str | None) -> DateTableImpl:
    pub = parse_published(published)
    text = doc_text(doc)  # built from the tokens on every access: read it once
    exprs = list(scan(text))
    exprs += _entity_dates(doc, exprs)
    exprs = _weekdays_with_dates(text, sorted(exprs, key=lambda e: e.start))
    found = [f for f in (_read(doc, text, e, pub) for e in exprs) if f]
    return DateTableImpl(doc=doc, found=tuple(found), text=text)


_CALENDAR_KINDS = frozenset({"iso", "dmy", "mdy", "dm", "md"})


def _weekdays_with_dates(text: str, exprs: list[DateExpr]) -> list[DateExpr]:
    """time.weekday_with_date: "Saturday, March 8, 2025" is one date: the calendar date says
    which Saturday (a caption's present tense must not send it to the next one)."""
    out: list[DateExpr] = []
    skip = -1
    for i, expr in enumerate(exprs):
        if i == skip:
            continue
        nxt = exprs[i + 1] if i + 1 < len(exprs) else None
        if (expr.kind == "weekday" and not expr.get("deixis") and nxt is not None
                and nxt.kind in _CALENDAR_KINDS and text[expr.end:nxt.start] in (", ", " ")):
            out.append(DateExpr(nxt.kind, expr.start, nxt.end, nxt.fields))
            skip = i + 1
            continue
        out.append(expr)
    return out


def _line(text: str, at: int) -> tuple[int, int]:
    """The character bounds of the line holding offset ``at`` (everything when no text)."""
    if not text:
        return 0, 1 << 62
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _entity_dates(doc: Doc, exprs: list[DateExpr]) -> list[DateExpr]:
    """DATE entities the patterns missed: a bare year, month or decade ("the January
    reports", "the 1990s"), else an unresolved mention when it names a time at all."""
    extra: list[DateExpr] = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(e.start < ent.end_char and ent.start_char < e.end for e in exprs):
            continue
        start, text = ent.start_char, ent.text
        if text.lower().startswith("the "):
            start, text = start + 4, text[4:]
        end = start + len(text)
        if _YEAR_ONLY.match(text):
            extra.append(DateExpr("year", start, end, {"year": text}))
        elif _MONTH_ONLY.match(text):
            extra.append(DateExpr("month", start, end, {"month": text}))
        elif _DECADE.match(text):
            extra.append(DateExpr("decade", start, end, {"year": text[-5:-1]}))
        elif _names_a_time(ent.text):
            extra.append(DateExpr("other", ent.start_char, ent.end_char, {}))
    return extra


def _names_a_time(text: str) -> bool:
    """A DATE entity worth keeping unresolved: it names a time ("recent weeks", "Christmas",
    "a day after"), not an age, a length of time or a frequency ("three years", "annually")."""
    low = text.lower()
    if _NOT_A_DATE.search(low) or _FREQUENCY.search(low) or not _TIME_WORD.search(low):
        return False
    return not _DURATION.match(low) and not _BARE_UNIT.match(low)


def _read(doc: Doc, doc_text: str, expr: DateExpr, pub: dt.date | None) -> _Found | None:
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    verb = _host_verb(span)
    own = _date_tense(span, verb)
    frame = own
    if verb is not None and verb.dep_ in ADVERBIAL_CLAUSE and verb.head.i != verb.i:
        frame = tense(clause_verb(verb.head))
    value = resolve(expr, pub, own, frame)
    text = doc_text[expr.start:expr.end]
    mention = DateMention(text, expr.start, expr.end, value.value, value.end_value,
                          value.granularity, value.resolution)
    return _Found(mention, expr.kind, root.i, verb.i if verb is not None else None)


def _host_verb(span: Span) -> Token | None:
    """The verb whose clause the date belongs to. News writes "said Sunday Israel will…":
    a date right after a past-tense verb (an "on" between allowed) belongs to that verb,
    whatever the parser attached it to."""
    doc = span.doc
    before = span.start - 1
    if before >= 0 and doc[before].lower_ == "on":
        before -= 1
    possessive = span.root.dep_ in POSSESSOR  # "welcomed Tuesday's announcement"
    if before >= 0 and doc[before].tag_ in ("VBD", "VBN") and doc[before].pos_ == "VERB" and not possessive:
        return doc[before]
    root = span.root
    if root.pos_ in ("VERB", "AUX"):
        return root
    return clause_verb(root.head if root.head.i != root.i else root)


def _date_tense(span: Span, verb: Token | None) -> str:
    """The tense that places the date: the clause's, except that "since Tuesday" lies
    behind, a present clause hanging from a past one is past ("chanted as they march
    Thursday"), and a date naming a noun in a present clause ("Tuesday's attack") is past."""
    prep = span.root.head
    if prep.lower_ == "since" or (span.start > 0 and span.doc[span.start - 1].lower_ == "since"):
        return "past"
    own = tense(verb)
    if own != "present" or verb is None:
        return own
    if verb.dep_ in _FOLLOWING_CLAUSES and verb.head.i != verb.i and tense(clause_verb(verb.head)) == "past":
        return "past"
    if span.root.dep_ in POSSESSOR and span.root.head.pos_ == "NOUN":
        return "past"
    return own


def _sentence(token: Token) -> Span:
    """The token's sentence; the whole Doc when it has no sentence boundaries."""
    doc = token.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return token.sent
    return doc[:]
