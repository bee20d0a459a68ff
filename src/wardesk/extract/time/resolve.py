"""Turning a date expression into a calendar value: calendar arithmetic against the published
date, and the tense of the clause that decides whether "on Monday" is behind or ahead."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADJECTIVAL_COMPLEMENT,
    ADJECTIVAL_MODIFIER,
    ADVERBIAL_CLAUSE,
    ADVERBIAL_MODIFIER,
    ATTRIBUTE,
    AUXILIARIES,
    CLAUSAL_COMPLEMENT,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    OBJECT_PREDICATE,
    OPEN_COMPLEMENT,
    PREP_COMPLEMENT,
    RELATIVE_CLAUSE,
)
from wardesk.extract.lexicon import words
from wardesk.extract.time.patterns import WEEKDAYS, DateExpr, count_value, month_number

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose infinitive complement lies ahead: "plans to meet on Friday", "is due to".
_FUTURE_HEADS = words("time/resolve.json", "future_heads")
_SCHEDULE_VERBS = words("time/resolve.json", "schedule_verbs")
_FUTURE_AUX = words("time/resolve.json", "future_aux")


# Words after 'is' that put an event ahead ('is due to', 'is set to').
SCHEDULE_ADJECTIVES = words("time/resolve.json", "schedule_adjectives")


# Verbs that take their tense from their head when they have no auxiliary.
_DEPENDENT_VERBS = CLAUSAL_MODIFIER | RELATIVE_CLAUSE | ADJECTIVAL_MODIFIER | CONJUNCT | ADVERBIAL_CLAUSE
# Where a bare '-ing' verb takes its head's tense.
_GERUND_CLAUSES = CLAUSAL_MODIFIER | ADVERBIAL_CLAUSE | OPEN_COMPLEMENT | PREP_COMPLEMENT | CONJUNCT | RELATIVE_CLAUSE
# Where a bare verb takes its head's tense.
_BARE_VERB_CLAUSES = CONJUNCT | OPEN_COMPLEMENT | CLAUSAL_COMPLEMENT | ADVERBIAL_CLAUSE
# Words that complete a verb ('is *ready*', 'remains *in force*').
_PREDICATE_WORDS = ADJECTIVAL_COMPLEMENT | ATTRIBUTE | OPEN_COMPLEMENT | OBJECT_PREDICATE | ADVERBIAL_MODIFIER


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str | None
    end_value: str | None
    granularity: str
    resolution: str

    @classmethod
    def unresolved(cls, granularity: str = "day") -> Resolved:
        return cls(None, None, granularity, "unresolved")


# --- tense ---------------------------------------------------------------------------------


def clause_verb(token: Token) -> Token | None:
    """The verb whose clause ``token`` sits in (itself when it is a verb)."""
    node = token
    for _ in range(40):
        if node.pos_ in ("VERB", "AUX") or node.tag_.startswith("VB"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def tense(verb: Token | None) -> str:
    """past | perfect | present | future for a clause's verb (and its auxiliaries)."""
    if verb is None:
        return "present"
    aux = [c for c in verb.children if c.dep_ in AUXILIARIES]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX or _scheduled(verb):
        return "future"
    if verb.tag_ == "VB" and "to" in words:
        return _infinitive_tense(verb)
    if any(a.tag_ == "VBD" for a in aux) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if verb.lemma_.lower() in _SCHEDULE_VERBS and not words & {"was", "were", "had"}:
            return "future"  # "set for release Friday", "scheduled to meet"
        if words & {"has", "have", "'ve", "'s"}:
            return "perfect"
        if not aux and verb.dep_ in _DEPENDENT_VERBS:
            return tense(clause_verb(verb.head)) if verb.dep_ in CONJUNCT else "past"
        return "past" if not aux else "present"
    if verb.tag_ == "VBG" and verb.head.lemma_ == "go" and verb.lower_ == "going":
        return "future"
    if verb.tag_ == "VBG" and not aux and verb.dep_ in _GERUND_CLAUSES and verb.head.i != verb.i:
        return tense(clause_verb(verb.head))  # "rains affecting 13 districts from Monday": the host's tense
    if verb.tag_ == "VB" and verb.dep_ in _BARE_VERB_CLAUSES and verb.head.i != verb.i:
        return tense(clause_verb(verb.head))
    return "present"


def _scheduled(verb: Token) -> bool:
    """"is due/set/scheduled/expected (to …)": a present "be" that speaks of what is ahead."""
    if verb.lemma_.lower() != "be":
        return False
    return any(c.lower_ in SCHEDULE_ADJECTIVES
               for c in verb.children if c.dep_ in _PREDICATE_WORDS)


def _infinitive_tense(verb: Token) -> str:
    """"to meet on Friday": ahead after plan/due/expect..., else the governing verb's tense."""
    head = verb.head
    if head.i == verb.i:
        return "future"
    if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
        return "future"
    outer = tense(clause_verb(head))
    return "past" if outer in ("past", "perfect") else "future"


# --- calendar ------------------------------------------------------------------------------


def parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _day(d: dt.date) -> str:
    return d.isoformat()


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_months(d: dt.date, months: int) -> tuple[int, int]:
    index = d.year * 12 + (d.month - 1) + months
    return index // 12, index % 12 + 1


def weekday_date(pub: dt.date, weekday: int, direction: str) -> dt.date:
    """The weekday nearest ``pub`` in ``direction``: back/ahead count ``pub`` itself,
    before/after do not ("last Tuesday" on a Tuesday is a week ago)."""
    diff = (weekday - pub.weekday()) % 7
    if direction in ("ahead", "after"):
        if direction == "after" and diff == 0:
            diff = 7
        return pub + dt.timedelta(days=diff)
    back = (pub.weekday() - weekday) % 7
    if direction == "before" and back == 0:
        back = 7
    return pub - dt.timedelta(days=back)


def direction_of(verb_tense: str) -> str:
    return "back" if verb_tense in ("past", "perfect") else "ahead"


def year_for_month(pub: dt.date, month: int, day: int | None, verb_tense: str) -> int:
    """The year of a month (and day) given without one: behind ``pub`` for a past clause,
    ahead for a future one, else the nearest."""
    candidates = [pub.year - 1, pub.year, pub.year + 1]
    def when(y: int) -> dt.date:
        return dt.date(y, month, min(day or 1, 28) if day is None else _clip_day(y, month, day))
    if verb_tense in ("past", "perfect"):
        past = [y for y in candidates if when(y) <= pub or (day is None and (y, month) <= (pub.year, pub.month))]
        return max(past)
    if verb_tense == "future":
        ahead = [y for y in candidates if when(y) >= pub or (day is None and (y, month) >= (pub.year, pub.month))]
        return min(ahead)
    return min(candidates, key=lambda y: abs((when(y) - pub).days))


def _clip_day(year: int, month: int, day: int) -> int:
    for d in (day, 30, 29, 28):
        try:
            dt.date(year, month, d)
            return d
        except ValueError:
            continue
    return 28


def week_span(d: dt.date) -> tuple[str, str]:
    monday = d - dt.timedelta(days=d.weekday())
    return _day(monday), _day(monday + dt.timedelta(days=6))


# --- resolving one expression --------------------------------------------------------------


def resolve(expr: DateExpr, pub: dt.date | None, verb_tense: str, frame_tense: str) -> Resolved:
    """The calendar value of ``expr``. ``verb_tense`` is its own clause's tense;
    ``frame_tense`` that of the clause an "N years after …" clause hangs from."""
    kind = expr.kind
    if kind == "other":  # a DATE entity no pattern reads ("the weekend", "Christmas")
        return Resolved.unresolved()
    if kind in ("iso", "dmy", "mdy"):
        month = int(expr.fields["mnum"]) if kind == "iso" else month_number(expr.fields["month"])
        try:
            day = dt.date(int(expr.fields["year"]), month, int(expr.fields["day"]))
        except ValueError:
            return Resolved.unresolved()
        return Resolved(_day(day), None, "day", "exact")
    if kind == "my":
        value = _month(int(expr.fields["year"]), month_number(expr.fields["month"]))
        return Resolved(value, None, "month", "approximate" if expr.get("shift") else "exact")
    if kind == "year":
        return Resolved(expr.fields["year"], None, "year", "approximate" if expr.get("shift") else "exact")
    if kind == "decade":  # "the 1990s": the decade's first and last years
        first = int(expr.fields["year"])
        return Resolved(f"{first:04d}", f"{first + 9:04d}", "year", "approximate")
    if pub is None:
        return Resolved.unresolved(_granularity_of(expr))
    return _RELATIVE[kind](expr, pub, verb_tense, frame_tense)


def _granularity_of(expr: DateExpr) -> str:
    unit = expr.get("unit")
    if unit:
        base = unit.rstrip("s")
        return {"decade": "year", "weekend": "day"}.get(base, base)
    return "month" if expr.kind == "month" else "day"


def _resolve_dm(expr: DateExpr, pub: dt.date, verb_tense: str, frame: str) -> Resolved:
    month, day = month_number(expr.fields["month"]), int(expr.fields["day"])
    year = year_for_month(pub, month, day, verb_tense)
    try:
        return Resolved(_day(dt.date(year, month, day)), None, "day", "exact")
    except ValueError:
        return Resolved.unresolved()


def _resolve_month(expr: DateExpr, pub: dt.date, verb_tense: str, frame: str) -> Resolved:
    month = month_number(expr.fields["month"])
    deixis = (expr.get("deixis") or "").lower()
    if deixis == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif deixis == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif deixis == "this":
        year = pub.year
    else:
        year = year_for_month(pub, month, None, verb_tense)
    return Resolved(_month(year, month), None, "month", "approximate" if expr.get("shift") else "exact")


def _resolve_weekday(expr: DateExpr, pub: dt.date, verb_tense: str, frame: str) -> Resolved:
    deixis = (expr.get("deixis") or "").lower()
    direction = {"last": "before", "past": "before", "next": "after", "coming": "after"}.get(
        deixis, direction_of(verb_tense))
    day = weekday_date(pub, WEEKDAYS[expr.fields["weekday"].lower()], direction)
    return Resolved(_day(day), None, "day", "exact")


_WORD_OFFSETS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
                 "this morning": 0, "this afternoon": 0, "this evening": 0,
                 "the day before yesterday": -2, "the day after tomorrow": 2}


def _resolve_word(expr: DateExpr, pub: dt.date, verb_tense: str, frame: str) -> Resolved:
    word = expr.fields["word"].lower()
    if word == "overnight":
        # a past "overnight" is the night that ends on the published day: it starts the day
        # before; a coming one starts on the published day
        start = pub - dt.timedelta(days=1) if verb_tense in ("past", "perfect") else pub
        return Resolved(_day(start), _day(start + dt.timedelta(days=1)), "day", "approximate")
    offset = _WORD_OFFSETS[word]
    return Resolved(_day(pub + dt.timedelta(days=offset)), None, "day", "exact")


def _resolve_deictic(expr: DateExpr, pub: dt.date, verb_tense: str, frame: str) -> Resolved:
    """"last week", "earlier this month", "the past year", "next weekend"."""
    deixis = expr.fields["deixis"].lower()
    unit = expr.fields["unit"].lower()
    step = -1 if deixis in ("last", "the previous") else 1 if deixis in ("next", "the following", "the coming") else 0
    fuzzy = "approximate" if expr.get("shift") or deixis in ("the past", "the coming") else "exact"
    if deixis in ("the past", "the coming"):
        step = 0  # "the past week" is the stretch up to now, anchored on this one
    if unit == "year":
        return Resolved(f"{pub.year + step:04d}", None, "year", fuzzy)
    if unit == "month":
        year, month = shift_months(pub, step)
        return Resolved(_month(year, month), None, "month", fuzzy)
    if unit == "weekend":
        saturday = _weekend(pub, deixis, verb_tense)
        return Resolved(_day(saturday), _day(saturday + dt.timedelta(days=1)), "day", fuzzy)
    start, end = week_span(pub + dt.timedelta(weeks=step))
    return Resolved(start, end, "week", fuzzy)


def _weekend(pub: dt.date, deixis: str, verb_tense: str) -> dt.date:
    """The Saturday of "last/this/next weekend": "last weekend" read on a Monday is two days
    back; "this weekend" in a past clause is the one just gone, otherwise the coming one."""
    if deixis in ("last", "the previous", "the past"):
        return weekday_date(pub, 5, "before") if pub.weekday() != 6 else pub - dt.timedelta(days=8)
    if deixis in ("next", "the following", "the coming"):
        return weekday_date(pub, 5, "after") if pub.weekday() != 6 else pub + dt.timedelta(days=6)
    if verb_tense in ("past", "perfect") or pub.weekday() == 6:
        return weekday_date(pub, 5, "back")
    return weekday_date(pub, 5, "ahead")


def _resolve_ago(expr: DateExpr, pub: dt.date, verb_tense: str, frame: str) -> Resolved:
    """"three years ago" → published − 3 years; "three years after/since <event>" too when
    the clause it hangs from speaks of now (present tense); "a week later" is unresolved."""
    rel = expr.fields["rel"].lower()
    unit = expr.fields["unit"].lower().rstrip("s")
    count = count_value(expr.fields["count"])
    granularity = {"decade": "year"}.get(unit, unit)
    if count is None:
        return Resolved.unresolved(granularity)
    if rel == "from now":
        count = -count
    elif rel in ("after", "since"):
        if frame not in ("present", "perfect"):
            return Resolved.unresolved(granularity)
    elif rel != "ago":
        return Resolved.unresolved(granularity)
    return _back(pub, count, unit, granularity)


def _back(pub: dt.date, count: int, unit: str, granularity: str) -> Resolved:
    if unit == "day":
        return Resolved(_day(pub - dt.timedelta(days=count)), None, "day", "exact")
    if unit == "week":
        start, end = week_span(pub - dt.timedelta(weeks=count))
        return Resolved(start, end, "week", "approximate")
    if unit == "month":
        year, month = shift_months(pub, -count)
        return Resolved(_month(year, month), None, "month", "approximate")
    years = count * (10 if unit == "decade" else 1)
    return Resolved(f"{pub.year - years:04d}", None, "year", "approximate")


_RELATIVE = {
    "dm": _resolve_dm, "md": _resolve_dm, "month": _resolve_month, "weekday": _resolve_weekday,
    "word": _resolve_word, "deictic": _resolve_deictic, "ago": _resolve_ago,
}
