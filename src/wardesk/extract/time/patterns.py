"""The shapes a date takes in English news ("March 11", "on Monday", "last week", "three
years ago"), as regular expressions over the text, each read into a :class:`DateExpr`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from wardesk.extract.lexicon import word_tuple, words

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
         "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade"}
COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
               "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
               "several": 0, "a few": 0, "few": 0, "many": 0}

_MONTH = r"(?P<month>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?P<count>\d+|(?i:a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many))"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?)"
_SHIFT = r"(?P<shift>(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Mm]id|[Tt]he end of|[Tt]he start of|[Tt]he beginning of|[Tt]he middle of)\s+|[Mm]id-)?"
_DEIXIS = r"(?P<deixis>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he past|[Tt]he coming|[Tt]he previous|[Tt]he following)"

# The characters each part can begin with. A pattern is compiled behind a lookahead for the
# characters its matches can begin with: the regex engine then jumps between those characters
# instead of trying every word boundary (2-3x faster; the matches are the same). The "ago"
# count is case-insensitive, where "s" also matches the long s "ſ".
_F_MONTH, _F_SHIFT, _F_DAY, _F_YEAR = "JFMASOND", "EeLlMmTt", r"\d", "12"
_F_DEIXIS = "TtLlNn"
_F_COUNT = r"\dAaOoTtFfSsEeNnMm\u017f"

# (kind, first characters, pattern): tried in this order; where two overlap the longer wins.
_SOURCES: tuple[tuple[str, str, str], ...] = (
    ("iso", _F_YEAR, r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("dmy", _F_DAY, rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    ("mdy", _F_MONTH, rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    ("dm", _F_DAY, rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![\w.])"),
    ("md", _F_MONTH, rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d)"),
    ("my", _F_SHIFT + _F_MONTH, rf"\b{_SHIFT}{_MONTH},?\s+{_YEAR}\b"),
    ("month", "LlNnTt" + _F_SHIFT + _F_MONTH,
     rf"\b(?:(?P<deixis>[Ll]ast|[Nn]ext|[Tt]his)\s+|{_SHIFT}){_MONTH}(?![\w])"),
    ("weekday", "LlNnTtPpCc" + "MTWFS",
     rf"\b(?:(?P<deixis>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+)?{_WEEKDAY}(?!s\b)"),
    ("word", "YyTtLlOo", r"\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast night|[Tt]his (?:morning|afternoon|evening)|[Tt]he day before yesterday|[Tt]he day after tomorrow|[Oo]vernight)\b"),
    ("deictic", _F_SHIFT + _F_DEIXIS, rf"\b{_SHIFT}{_DEIXIS}\s+(?P<unit>week|month|year|weekend)\b"),
    ("deictic", "Tt", r"\b(?P<shift>(?:[Tt]he end|[Tt]he start|[Tt]he beginning|[Tt]he middle) of )(?P<deixis>the) (?P<unit>week|month|year)\b"),
    ("ago", _F_COUNT, rf"\b{_COUNT}\s+{_UNIT}\s+(?P<rel>ago|earlier|later|before|after|since|from now)\b"),
    ("year", _F_SHIFT + _F_YEAR, rf"\b{_SHIFT}{_YEAR}\b(?!\s*[-–]?\s*(?:year|percent|%))"),
)
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(f"(?=[{first}]){pattern}")) for kind, first, pattern in _SOURCES)
UNGUARDED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(  # the same, for tests to compare
    (kind, re.compile(pattern)) for kind, _, pattern in _SOURCES)

# A bare month or year is a date only after one of these (otherwise "March" may be a walk
# and "2000" a count).
_MONTH_CUES = word_tuple("time/patterns.json", "month_cues")


# Words that make a weekday part of a name ("Good Friday", "Super Tuesday").
_NAMED_DAYS = words("time/patterns.json", "named_days")


@dataclass(frozen=True, slots=True)
class DateExpr:
    """One date expression found in the text, before it is resolved."""

    kind: str
    start: int
    end: int
    fields: dict[str, str]

    def get(self, name: str) -> str | None:
        return self.fields.get(name)


def scan(text: str) -> Iterator[DateExpr]:
    """Every date expression in ``text``, longest first where two overlap, in text order."""
    found: list[DateExpr] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            fields = {k: v for k, v in m.groupdict().items() if v is not None}
            expr = DateExpr(kind, m.start(), m.end(), fields)
            if _plausible(expr, text):
                found.append(expr)
    kept: list[DateExpr] = []
    for expr in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if all(expr.end <= k.start or expr.start >= k.end for k in kept):
            kept.append(expr)
    yield from sorted(kept, key=lambda e: e.start)


def _plausible(expr: DateExpr, text: str) -> bool:
    day = expr.get("day")
    if day is not None and not 1 <= int(day) <= 31:
        return False
    if expr.get("month") == "May" and expr.kind in ("month", "md", "dm") and _modal_may(expr, text):
        return False
    if expr.kind == "weekday" and not expr.get("deixis"):
        before = text[max(0, expr.start - 12):expr.start].split()
        if before and before[-1].lower() in _NAMED_DAYS:
            return False  # "the Good Friday Agreement", "Bloody Sunday": names, not dates
    if expr.kind in ("month", "year") and not expr.get("deixis") and not expr.get("shift"):
        before = text[max(0, expr.start - 12):expr.start].split()
        return bool(before) and before[-1].lower().strip("-") in _MONTH_CUES
    return True


def _modal_may(expr: DateExpr, text: str) -> bool:
    """"May" followed by a lower-case verb-like word is the modal ("May be", "may attack")."""
    after = text[expr.start + 3:expr.start + 20].split()
    return expr.kind == "month" and bool(after) and after[0][:1].islower() and after[0] not in ("of",)


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def count_value(word: str) -> int | None:
    """"three" → 3, "12" → 12; None for vague counts ("several", "a few")."""
    low = word.lower()
    if low.isdigit():
        return int(low)
    value = COUNT_WORDS.get(low)
    return value or None
