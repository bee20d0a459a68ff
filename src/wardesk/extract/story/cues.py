"""The story stage's vocabulary (data/story_cues.json), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from wardesk.sectors import sector_group


@dataclass(frozen=True)
class Cues:
    window_days: int
    related_prefixes: tuple[str, ...]
    past_adverbials: tuple[tuple[str, ...], ...]  # phrases as word tuples
    period_heads: frozenset[str]
    period_units: frozenset[str]
    period_words: tuple[tuple[str, ...], ...]
    aggregate_nouns: frozenset[str]
    plural_attacks: frozenset[str]
    relational: tuple[tuple[str, ...], ...]
    relational_verbs: frozenset[str]
    prior_modifiers: frozenset[str]
    vague_words: frozenset[str]
    total_verbs: dict[str, frozenset[str]]
    total_nouns: dict[str, frozenset[str]]
    separate_words: frozenset[str]
    fighter_words: frozenset[str]
    habitual_adverbs: frozenset[str]
    frequency_words: frozenset[str]
    cumulative_verbs: frozenset[str]
    state_sectors: frozenset[str]


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(w.split()) for w in words), key=len, reverse=True))


@lru_cache(maxsize=1)
def cues() -> Cues:
    text = resources.files("wardesk.extract.story").joinpath("data/story_cues.json").read_text("utf-8")
    data = json.loads(text)
    return Cues(
        window_days=int(data["news_window_days"]),
        related_prefixes=tuple(sorted(data["related_line_prefixes"], key=len, reverse=True)),
        past_adverbials=_phrases(data["past_adverbials"]),
        period_heads=frozenset(data["period_heads"]),
        period_units=frozenset(data["period_units"]),
        period_words=_phrases(data["period_words"]),
        aggregate_nouns=frozenset(data["aggregate_nouns"]),
        plural_attacks=frozenset(data["plural_attack_nouns"]),
        relational=_phrases(data["relational"]),
        relational_verbs=frozenset(data["relational_verbs"]),
        prior_modifiers=frozenset(data["prior_modifiers"]),
        vague_words=frozenset(data["vague_words"]),
        total_verbs={k: frozenset(v) for k, v in data["total_verbs"].items()},
        total_nouns={k: frozenset(v) for k, v in data["total_nouns"].items()},
        separate_words=frozenset(data["separate_words"]),
        fighter_words=frozenset(data["fighter_words"]),
        habitual_adverbs=frozenset(data.get("habitual_adverbs", ())),
        frequency_words=frozenset(data.get("frequency_words", ())),
        cumulative_verbs=frozenset(data.get("cumulative_verbs", ())),
        state_sectors=sector_group("state_sides"),
    )
