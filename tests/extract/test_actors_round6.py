"""Round-6 actor rules with the real model: a he/she after a subject the name finder missed
stays unresolved; an institution owned by a pronoun takes the country of the subject before it;
co-reported attacks between two sides of one country merge into one event."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, ArticleRecord

pytestmark = pytest.mark.model

Role = list[tuple[str, str | None]]
LEAD = "Sudanese army chief Abdel Fattah al-Burhan visited the front on Monday. "
ACCUSATION = " He accused the fighters of looting food stores."


def _record(extractor: Any, text: str) -> ArticleRecord:
    return extractor(Article(text=text, published="2024-05-01"))  # type: ignore[no-any-return]


def _sources(extractor: Any, text: str, verb: str) -> list[Role]:
    """The sources, as (actorText, code) pairs, of every event whose text is ``verb``."""
    return [[(r.actorText, r.code) for r in e.source] for e in _record(extractor, text).events
            if e.eventText == verb]


# --- 1. he/she after a subject the name finder missed --------------------------------------

def test_he_after_a_titled_unknown_subject_is_not_an_older_person(extractor: Any) -> None:
    text = LEAD + "Okonkwo-Baraza, the relief group's executive director, said the camp was full." + ACCUSATION
    for source in _sources(extractor, text, "accused"):
        assert all("Burhan" not in name for name, _ in source), source


def test_he_after_a_found_person_is_that_person(extractor: Any) -> None:
    text = LEAD + "Mariatu Kallon-Osei, the relief group's director, said the camp was full." + ACCUSATION
    assert _sources(extractor, text, "accused") == [[("Mariatu Kallon-Osei", None)]]


def test_he_after_an_institution_subject_still_reaches_back(extractor: Any) -> None:
    text = LEAD + "The foreign ministry said the camp was full." + ACCUSATION
    assert _sources(extractor, text, "accused") == [[("Abdel Fattah al-Burhan", "SDN")]]
