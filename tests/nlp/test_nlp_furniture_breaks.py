"""Sentences break at the edges of page furniture, with the real model."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def sentences(nlp: Any, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_dateline_is_not_glued_to_the_first_sentence(nlp: Any) -> None:
    got = sentences(nlp, "BAMAKO (Reuters) — Soldiers detained the prime minister on Monday.")
    assert got[-1] == "Soldiers detained the prime minister on Monday."


def test_a_caption_without_a_full_stop_is_not_glued_to_the_next_paragraph(nlp: Any) -> None:
    text = ("Residents inspect a damaged house in Sumy (Photo: Oleh Marchenko/AFP)\n"
            "The regional governor said two people were wounded.")
    assert "The regional governor said two people were wounded." in sentences(nlp, text)


def test_a_link_line_stands_alone(nlp: Any) -> None:
    text = "Related: Talks stall over prisoner lists\nMediators met both delegations in Muscat."
    assert sentences(nlp, text)[-1] == "Mediators met both delegations in Muscat."


def test_text_without_furniture_parses_as_before(nlp: Any) -> None:
    text = "Mediators met both delegations in Muscat. They will meet again on Friday."
    assert sentences(nlp, text) == ["Mediators met both delegations in Muscat.",
                                    "They will meet again on Friday."]


def test_furniture_found_at_ingest_is_used_when_given(nlp: Any) -> None:
    from wardesk.records import Furniture

    text = "Elders met in Kismayo on Friday and agreed to a truce."
    doc = nlp.make_doc(text)
    doc.user_data["furniture"] = (Furniture(0, text.index(" on"), "caption"),)  # from ingest
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [t.text for t in doc if t.is_sent_start][:2] == ["Elders", "on"]
