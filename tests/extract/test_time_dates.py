"""Dates: the patterns, the calendar arithmetic, tense-aware weekdays (hand-built Docs and the
real model), the seed article's dates, and exact offsets for any text (property test)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wardesk.extract.time.dates import find_dates
from wardesk.extract.time.patterns import scan
from wardesk.extract.time.resolve import resolve, weekday_date, year_for_month


def _doc(words: list[str], tags: list[str], heads: list[int], deps: list[str]) -> Any:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    pos = ["VERB" if t.startswith("VB") else "AUX" if t == "MD" else "PROPN" if t == "NNP"
           else "PUNCT" if t == "." else "ADP" if t == "IN" else "PRON" for t in tags]
    return Doc(Vocab(), words=words, tags=tags, pos=pos, heads=heads, deps=deps)


def _one(text: str, published: str | None) -> tuple[str | None, str, str]:
    exprs = list(scan(text))
    assert len(exprs) == 1, exprs
    pub = dt.date.fromisoformat(published) if published else None
    r = resolve(exprs[0], pub, "present", "present")
    return r.value, r.granularity, r.resolution


# --- calendar ------------------------------------------------------------------------------

def test_weekday_back_and_ahead_count_the_day_itself() -> None:
    tuesday = dt.date(2025, 3, 11)
    assert weekday_date(tuesday, 1, "back") == tuesday
    assert weekday_date(tuesday, 1, "ahead") == tuesday
    assert weekday_date(tuesday, 0, "back") == dt.date(2025, 3, 10)
    assert weekday_date(tuesday, 5, "ahead") == dt.date(2025, 3, 15)
    assert weekday_date(tuesday, 1, "before") == dt.date(2025, 3, 4)  # "last Tuesday"
    assert weekday_date(tuesday, 1, "after") == dt.date(2025, 3, 18)  # "next Tuesday"


def test_month_without_year_crosses_the_year_boundary_by_tense() -> None:
    early_january = dt.date(2026, 1, 6)
    assert year_for_month(early_january, 12, None, "past") == 2025
    assert year_for_month(early_january, 2, None, "future") == 2026
    assert year_for_month(early_january, 11, 30, "present") == 2025  # the nearer one
    assert year_for_month(dt.date(2024, 11, 20), 1, 15, "future") == 2025


@pytest.mark.parametrize(("text", "expected"), [
    ("the accord of 4 July 2023 held", ("2023-07-04", "day", "exact")),
    ("signed on September 30, 2022.", ("2022-09-30", "day", "exact")),
    ("dated 2024-02-29 in the file", ("2024-02-29", "day", "exact")),
    ("talks collapsed in 2019 after", ("2019", "year", "exact")),
    ("in October 2023 fighting", ("2023-10", "month", "exact")),
    ("last week", ("2025-12-29", "week", "exact")),
    ("earlier this month", ("2026-01", "month", "approximate")),
    ("late last year", ("2025", "year", "approximate")),
    ("next month", ("2026-02", "month", "exact")),
    ("yesterday", ("2026-01-07", "day", "exact")),
    ("two days ago", ("2026-01-06", "day", "exact")),
    ("five years ago", ("2021", "year", "approximate")),
    ("a week later", (None, "week", "unresolved")),
])
def test_expressions_resolve_against_the_published_date(text: str, expected: tuple[str | None, str, str]) -> None:
    assert _one(text, "2026-01-08") == expected  # a Thursday


def test_without_a_published_date_only_absolute_dates_resolve() -> None:
    assert _one("on 11 March 2025 the", None) == ("2025-03-11", "day", "exact")
    assert _one("yesterday", None)[0] is None
    assert _one("Monday", None)[2] == "unresolved"


def test_bare_month_or_year_needs_a_cue() -> None:
    assert not list(scan("March organisers said 2000 people came"))
    assert [e.kind for e in scan("since March, and in 2000")] == ["month", "year"]
    assert not list(scan("officials May agree"))
    assert [e.kind for e in scan("the Good Friday Agreement was signed on Friday")] == ["weekday"]


# --- tense on hand-built Docs -------------------------------------------------------------

def test_past_clause_takes_the_weekday_behind_future_clause_the_one_ahead() -> None:
    past = _doc(["They", "spoke", "on", "Monday", "."], ["PRP", "VBD", "IN", "NNP", "."],
                [1, 1, 1, 2, 1], ["nsubj", "ROOT", "prep", "pobj", "punct"])
    future = _doc(["They", "will", "meet", "on", "Monday", "."], ["PRP", "MD", "VB", "IN", "NNP", "."],
                  [2, 2, 2, 2, 3, 2], ["nsubj", "aux", "ROOT", "prep", "pobj", "punct"])
    wednesday = "2025-06-18"
    assert [m.value for m in find_dates(past, wednesday).mentions] == ["2025-06-16"]
    assert [m.value for m in find_dates(future, wednesday).mentions] == ["2025-06-23"]
    event = find_dates(past, wednesday).date_for(past[1])
    assert event is not None and event.value == "2025-06-16" and event.text == "Monday"


def test_present_progressive_on_the_same_weekday_is_today() -> None:
    doc = _doc(["He", "is", "meeting", "them", "on", "Wednesday", "."],
               ["PRP", "VBZ", "VBG", "PRP", "IN", "NNP", "."],
               [2, 2, 2, 2, 2, 4, 2], ["nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "punct"])
    assert find_dates(doc, "2025-06-18").mentions[0].value == "2025-06-18"


def test_sentence_without_a_date_gives_none() -> None:
    doc = _doc(["They", "spoke", "."], ["PRP", "VBD", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"])
    assert find_dates(doc, "2025-06-18").date_for(doc[1]) is None


# --- offsets (property) --------------------------------------------------------------------

_PIECES = ["on Monday", "last week", "11 March 2025", "three years ago", "in May", "May",
           "yesterday", "Oct. 3", "the day before", "2024-01-02", "fighting", "talks", ",",
           "said", "next Friday", "earlier this year", "in 1999", "March 4th, 2021"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12), st.sampled_from([None, "2025-03-11"]))
def test_every_mention_cuts_exactly_its_text(pieces: list[str], published: str | None) -> None:
    import spacy

    text = " ".join(pieces)
    doc = spacy.blank("en")(text)
    mentions = find_dates(doc, published).mentions
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for m in mentions:
        assert doc.text[m.start:m.end] == m.text
        assert (m.value is None) == (m.resolution == "unresolved")


# --- the real model ------------------------------------------------------------------------

@pytest.mark.model
def test_seed_dates(nlp: Any, seed_text: str, shared_dir: Any) -> None:
    import json

    gold = json.loads((shared_dir / "seed" / "gold.json").read_text("utf-8"))
    doc = nlp(seed_text)
    mentions = find_dates(doc, gold["published"]).mentions
    for want in gold["dates"]:
        hits = [m for m in mentions if want["text"] in m.text and m.value == want["value"]]
        assert hits, (want, mentions)
        if "granularity" in want:
            assert hits[0].granularity == want["granularity"]


@pytest.mark.model
def test_seed_event_dates(nlp: Any, seed_text: str) -> None:
    doc = nlp(seed_text)
    table = find_dates(doc, "2025-03-11")

    def date_of(word: str) -> str | None:
        token = next(t for t in doc if t.text == word)
        found = table.date_for(token)
        return found.value if found else None

    assert date_of("spoke") == "2025-03-10"
    assert date_of("meets") == "2025-03-12"
    assert date_of("ordered") == "2022"
    assert date_of("sit") is None  # "three years after" dates the invasion, not the talks


@pytest.mark.model
@pytest.mark.parametrize(("text", "published", "value"), [
    ("Rebels shelled the town on Friday, the army said.", "2024-08-05", "2024-08-02"),
    ("The envoys are due to meet on Friday in Doha.", "2024-08-05", "2024-08-09"),
    ("The two leaders will speak by phone on Monday.", "2024-08-05", "2024-08-05"),
    ("The convoy was ambushed last Monday near the border.", "2024-08-05", "2024-07-29"),
    ("Parliament voted in December to extend martial law.", "2025-01-14", "2024-12"),
    ("Elections will be held in February.", "2025-01-14", "2025-02"),
    ("The offensive began last week, commanders said.", "2025-01-14", "2025-01-06"),
    ("Shelling has intensified earlier this month, residents said.", "2025-01-14", "2025-01"),
])
def test_own_cases_with_the_model(nlp: Any, text: str, published: str, value: str) -> None:
    mentions = find_dates(nlp(text), published).mentions
    assert [m.value for m in mentions] == [value]


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "value"), [
    ("Lawmakers welcomed Tuesday's announcement of a truce.", "welcomed", None),
    ("A court lifted the orders against the deputy, who was removed from office in mid-October.", "lifted", None),
    ("A court lifted the orders against the deputy, who was removed from office in mid-October.", "removed", "2024-10"),
    ("The adviser said on Tuesday that the president would meet Kim.", "meet", None),
    ("The adviser said on Tuesday that the president would meet Kim.", "said", "2024-11-26"),
    ("Officials said Monday that rebels had attacked the convoy.", "attacked", "2024-11-25"),
])
def test_event_date_belongs_to_its_own_clause(nlp: Any, text: str, trigger: str, value: str | None) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    found = find_dates(doc, "2024-11-28").date_for(token)  # a Thursday
    assert (found.value if found else None) == value


@pytest.mark.model
def test_overnight_is_the_night_before_the_published_day(nlp: Any) -> None:
    doc = nlp("Russia launched 90 drones at Ukraine overnight, the air force said.")
    [m] = find_dates(doc, "2025-03-11").mentions
    assert (m.text, m.value, m.end_value, m.resolution) == ("overnight", "2025-03-10", "2025-03-11", "approximate")


def test_weekends() -> None:
    from wardesk.extract.time.patterns import DateExpr

    def weekend(deixis: str, published: str, verb_tense: str) -> tuple[str | None, str | None]:
        expr = DateExpr("deictic", 0, 0, {"deixis": deixis, "unit": "weekend"})
        r = resolve(expr, dt.date.fromisoformat(published), verb_tense, verb_tense)
        return r.value, r.end_value

    monday = "2025-03-10"
    assert weekend("last", monday, "past") == ("2025-03-08", "2025-03-09")
    assert weekend("this", monday, "past") == ("2025-03-08", "2025-03-09")
    assert weekend("this", monday, "future") == ("2025-03-15", "2025-03-16")
    assert weekend("last", "2025-03-16", "past") == ("2025-03-08", "2025-03-09")  # read on a Sunday


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "value"), [
    ("Russia has not agreed to the ceasefire, but Trump said Tuesday that he had sent envoys.", "agreed", None),
    ("The leaders met on Monday and agreed to a truce.", "agreed", "2025-03-10"),
])
def test_coordinated_clauses(nlp: Any, text: str, trigger: str, value: str | None) -> None:
    doc = nlp(text)
    found = find_dates(doc, "2025-03-12").date_for(next(t for t in doc if t.text == trigger))
    assert (found.value if found else None) == value
