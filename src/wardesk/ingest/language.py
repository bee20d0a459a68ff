"""A cheap "is this English?" check: Latin letters plus the share of English function words.

Pure Python, no model: fast enough to run on every document before spaCy sees it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 20_000  # the opening of a long article says enough about its language
_MIN_LATIN_SHARE = 0.6  # below this share of ASCII letters the script is not English's
_MIN_ENGLISH_SHARE = 0.06  # English news runs at ~0.3 function words per word
_JUDGE_SHARE_FROM = 20  # words needed before the English share is trusted


@cache
def _language_of_word() -> dict[str, str]:
    """Each function word that belongs to exactly one language, mapped to that language."""
    return {word: lang for lang, words in _function_words().items() for word in words}


@cache
def _function_words() -> dict[str, frozenset[str]]:
    path = resources.files("wardesk.ingest").joinpath("data/function_words.json")
    raw = json.loads(path.read_text("utf-8"))
    lists = {lang: frozenset(words) for lang, words in raw.items() if not lang.startswith("_")}
    # A word shared by two languages tells them apart from nothing: drop it from both.
    counts = Counter(word for words in lists.values() for word in words)
    return {lang: frozenset(w for w in words if counts[w] == 1) for lang, words in lists.items()}


def why_not_english(text: str) -> str | None:
    """None when `text` reads as English, else a short reason."""
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    letters = sum(len(word) for word in words)
    if not letters:
        return "no words in the text"
    latin = sum(len(word) for word in words if word.isascii())  # by word: fast, close enough
    if latin / letters < _MIN_LATIN_SHARE:
        return f"only {latin / letters:.0%} of letters are in plain Latin words (A-Z)"
    index = _language_of_word()
    hits = dict.fromkeys(_function_words(), 0)
    hits.update(Counter(lang for word in words if (lang := index.get(word))))
    best = max(hits, key=lambda lang: hits[lang])
    if best != "en" and hits[best] > hits["en"]:
        return f"reads as '{best}' ({hits[best]} of its function words vs {hits['en']} English)"
    if len(words) >= _JUDGE_SHARE_FROM and hits["en"] / len(words) < _MIN_ENGLISH_SHARE:
        return f"only {hits['en'] / len(words):.0%} English function words"
    return None
