"""Nothing is read from page furniture: no event, statement or attribution from a dateline,
byline, caption or link line (the real model; texts written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.ingest import read_one
from wardesk.records import Article
from wardesk.settings import Settings

pytestmark = pytest.mark.model

STORY = (
    "By Karin Olsen\n\n"
    "JUBA (Reuters) — South Sudan's army shelled rebel positions near Nasir on Sunday, "
    "a military spokesman said.\n\n"
    "FILE PHOTO: South Sudan's army shelled a rebel camp in Malakal on June 2, 2024. "
    "REUTERS/Peter Lam/File Photo\n"
    "Also read: Uganda's army shelled a rebel convoy on the Nile\n"
    "Advertisement\n"
    "The United Nations urged both sides to return to talks in Addis Ababa.\n\n"
    "Reporting by Karin Olsen; Editing by David Moss"
)


def evidence(record: Any) -> str:
    return " | ".join(e.evidence.text for e in record.events)


def test_events_in_captions_and_link_lines_are_dropped(extractor: Any) -> None:
    article = read_one("pasted", Settings(), text=STORY, published="2025-03-10")
    assert [f.kind for f in article.furniture] == [
        "byline", "dateline", "caption", "link", "advert", "byline"]
    unfiltered = extractor._record(article, extractor.nlp(article.text))
    assert "Malakal" in evidence(unfiltered) or "convoy" in evidence(unfiltered)
    record = extractor(article)
    assert "Malakal" not in evidence(record) and "convoy" not in evidence(record)
    assert "South Sudan's army shelled rebel positions near Nasir" in evidence(record)
    assert all("Karin" not in s.speakerText for s in record.statements)


def test_the_first_event_does_not_start_with_the_dateline(extractor: Any) -> None:
    record = extractor(read_one("pasted", Settings(), text=STORY, published="2025-03-10"))
    attack = next(e for e in record.events if "Nasir" in e.evidence.text)
    assert attack.evidence.text.startswith("South Sudan's army")
    assert attack.attribution is not None and "spokesman" in attack.attribution.text


def test_an_article_built_without_ingest_is_also_cleaned(extractor: Any) -> None:
    record = extractor(Article(text=STORY, published="2025-03-10"))
    assert "Malakal" not in evidence(record) and "Nasir" in evidence(record)
