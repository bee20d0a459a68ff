"""Is this English? Google's Compact Language Detector 2 (pycld2, its model is in the wheel)
decides, with one policy of wardesk's own for short text.

Chosen by measurement (bench/language_detect.py): on short English news sentences it rejects
fewer than lingua or py3langid do without a policy, it is the fastest, and it says itself when
its guess is unreliable. A short text says little about its language ("Delegates met in Oslo in
1993." has no word only English has), so a text of fewer than ``SHORT_WORDS`` words in Latin
letters is taken as English unless the detector is sure of another language.
"""

from __future__ import annotations

import re

import pycld2

_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 20_000  # the opening of a long article says enough about its language
# CLD2 calls some plain English sentences Scots ("Haiti's gangs burned a police station.")
_ENGLISH = frozenset({"en", "sco"})
SHORT_WORDS = 20  # below this many words a text is too short for an unsure guess to count
_MIN_LATIN_SHARE = 0.9  # a short text passes only if this share of its letters is A-Z
# CLD2 refuses control characters and lone surrogates; they say nothing about the language
_UNSAYABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def why_not_english(text: str) -> str | None:
    """None when `text` reads as English, else a short reason."""
    sample = _UNSAYABLE.sub(" ", text[:_SAMPLE_CHARS])
    words = _WORD.findall(sample)
    if not words:
        return "no words in the text"
    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error:  # not expected after the clean-up; never a crash on bad input
        reliable, details = False, (("Unknown", "un", 0, 0.0),)
    name, code, percent, _ = details[0]
    if code in _ENGLISH:
        return None
    if (code == "un" or not reliable) and _short_latin(words):
        return None
    if code == "un":
        return "the detector cannot tell its language"
    sure = "" if reliable else ", unsure"
    return f"reads as {name.title()} ({percent}% of the text{sure})"


def _short_latin(words: list[str]) -> bool:
    letters = sum(len(word) for word in words)
    latin = sum(len(word) for word in words if word.isascii())
    return len(words) < SHORT_WORDS and latin >= _MIN_LATIN_SHARE * letters
