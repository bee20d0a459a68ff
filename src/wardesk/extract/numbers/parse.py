"""Reading an amount written in English ("337", "5,000", "1.5 million", "twenty-five",
"more than 10", "dozens") as an integer and a qualifier (exact|at_least|at_most|about)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from wardesk.extract.lexicon import read_text

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)$")


@dataclass(frozen=True)
class NumberWords:
    """The counting vocabulary of data/numbers_lexicon.json."""

    units: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, tuple[int, str]]
    qualifiers: dict[str, str]
    lexicon: dict[str, frozenset[str]]

    def words(self, key: str) -> frozenset[str]:
        return self.lexicon.get(key, frozenset())


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    text = read_text("numbers_lexicon.json")
    data = json.loads(text)
    lists = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
    return NumberWords(
        units=data["units"], multipliers=data["multipliers"],
        vague={k: (int(v[0]), str(v[1])) for k, v in data["vague"].items()},
        qualifiers=data["qualifiers"], lexicon=lists,
    )


def split_qualifier(text: str) -> tuple[str, str]:
    """("more than 10") → ("at_least", "10"): the longest qualifier phrase at the start."""
    low = " ".join(text.lower().split())
    for phrase in sorted(number_words().qualifiers, key=len, reverse=True):
        if low.startswith(phrase + " "):
            return number_words().qualifiers[phrase], low[len(phrase) + 1:]
    return "exact", low


def parse_amount(text: str) -> tuple[int, str] | None:
    """An amount with no qualifier words: digits, number words or a vague word."""
    words = number_words()
    low = " ".join(text.lower().replace("-", " ").split())
    if low in words.vague:
        return words.vague[low]
    if low in words.units and low not in ("a", "an"):
        return words.units[low], "exact"
    if low.startswith("a ") and low[2:] in words.multipliers:  # "a hundred", "a million"
        return words.multipliers[low[2:]], "exact"
    parts = low.split()
    if not parts:
        return None
    if _DIGITS.match(parts[0]):
        return _digits_times(parts)
    value = _spelled(parts)
    return (value, "exact") if value is not None else None


def _digits_times(parts: list[str]) -> tuple[int, str] | None:
    base = float(parts[0].replace(",", ""))
    if len(parts) == 1:
        return int(base), "exact"
    mult = number_words().multipliers.get(parts[1])
    if mult is None or len(parts) > 2:
        return None
    return round(base * mult), "exact"


def _spelled(parts: list[str]) -> int | None:
    """Number words as a value: "twenty five" → 25, "three hundred thousand" → 300000."""
    words = number_words()
    total, current, seen = 0, 0, False
    for word in parts:
        if word == "and" and seen:
            continue
        if (word in words.units and word not in ("a", "an")) or (word in ("a", "an") and not seen):
            current += words.units[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in words.multipliers and len(word) > 2:
            total += (current or 1) * words.multipliers[word]
            current = 0
        else:
            return None
        seen = True
    if not seen or parts[-1] in ("a", "an"):
        return None
    return total + current


def parse_number(text: str) -> tuple[int, str] | None:
    """An amount and its qualifier: "more than 10" → (10, "at_least"), "a dozen" → (12,
    "about"), "5,000" → (5000, "exact"); None when the text is not an amount.

    A vague word keeps its own qualifier unless the text adds a stronger one ("at least
    dozens" stays at_least; "about a dozen" stays about)."""
    qualifier, rest = split_qualifier(text)
    amount = parse_amount(rest)
    if amount is None:
        return None
    value, own = amount
    return value, (qualifier if qualifier != "exact" else own)
