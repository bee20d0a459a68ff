"""Vocabularies as data: the one loader for the word lists and tables of ``extract/data``.

Language-free tables (CAMEO codes, country points, the event types) sit in ``data/``; word lists
sit in one folder per language (``data/en/``). Rules ask for a list by file and key and never
spell English words themselves.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

LANGUAGE = "en"


def data_file(name: str, language: str | None = LANGUAGE) -> Traversable:
    """The file ``name`` of ``language``'s folder, or of the language-free folder for None."""
    folder = resources.files("wardesk.extract").joinpath("data")
    return folder.joinpath(language).joinpath(name) if language else folder.joinpath(name)


def read_text(name: str, language: str | None = LANGUAGE) -> str:
    return data_file(name, language).read_text(encoding="utf-8")


@lru_cache(maxsize=64)
def read_json(name: str, language: str | None = LANGUAGE) -> Any:
    """The parsed JSON file (cached: callers must not change what they get)."""
    return json.loads(read_text(name, language))


@lru_cache(maxsize=256)
def words(name: str, key: str, language: str | None = LANGUAGE) -> frozenset[str]:
    """One word list of a JSON vocabulary file: ``words("speech_cues.json", "verbs")``."""
    return frozenset(read_json(name, language)[key])


@lru_cache(maxsize=256)
def word_tuple(name: str, key: str, language: str | None = LANGUAGE) -> tuple[str, ...]:
    """One word list in file order, for rules that try the words in turn."""
    return tuple(read_json(name, language)[key])
