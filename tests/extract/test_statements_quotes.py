"""Quote scanning at the character level: marks, apostrophes, split and multi-paragraph quotes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wardesk.extract.speech.quote_scan import find_quotes, outer_quotes, quoted_at


def _texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_and_straight_double_quotes() -> None:
    text = 'He said “we are ready” and she said "not yet".'
    assert _texts(text) == ["we are ready", "not yet"]


def test_apostrophes_are_not_quotes() -> None:
    text = "It’s clear that Russia’s army and the soldiers’ families can’t wait."
    assert find_quotes(text) == ()


def test_single_curly_quote_beside_possessives() -> None:
    text = "The minister called it ‘a dangerous step’ for Ukraine’s future."
    assert _texts(text) == ["a dangerous step"]


def test_quote_split_by_speaker_tag() -> None:
    text = '"We are ready," he said, "to talk."'
    assert _texts(text) == ["We are ready,", "to talk."]


def test_quote_running_over_paragraphs() -> None:
    text = "“The first part runs on.\n“And the second closes,” she said."
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["The first part runs on.", "And the second closes,"]
    assert quotes[0].open_ended and quotes[1].continues


def test_unclosed_quote_without_reopening_is_dropped() -> None:
    text = "He wrote “a note that never closes.\nNext paragraph, plain."
    assert find_quotes(text) == ()


def test_nested_single_quote_is_not_outer() -> None:
    text = "“They told us ‘leave now’ and we left,” he said."
    quotes = find_quotes(text)
    assert len(quotes) == 2
    assert [text[q.start:q.end] for q in outer_quotes(quotes)] == ["They told us ‘leave now’ and we left,"]


def test_quoted_at() -> None:
    text = "Officials called it “a meat grinder” today."
    quotes = find_quotes(text)
    start = text.index("meat")
    assert quoted_at(quotes, start, start + len("meat grinder"))
    assert not quoted_at(quotes, 0, 9)


@given(st.text(alphabet="ab “”\"‘’'\n.,", max_size=80))
def test_quote_offsets_always_cut_inside_the_marks(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.open < q.start <= q.end <= q.close <= len(text)
        assert text[q.start:q.end] == text[q.start:q.end].strip()
