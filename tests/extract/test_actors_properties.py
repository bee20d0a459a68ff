"""Invariants of actor resolution on random hand-built Docs (no model): it never fails, every
mention cuts exactly its text, and every ref names an actor of the table (or none)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.tokens import Doc

from wardesk.extract.actors.resolve import find_actors
from wardesk.kb import load_kb

VOCAB = English().vocab
WORDS = [
    "Russia", "'s", "Russian", "US", "U.S.", "and", "Ukrainian", "officials", "foreign", "minister",
    "President", "Prime", "Minister", "the", "PM", "Kyiv", "Kremlin", "NATO", "Nato", "said", "he",
    "his", "chief", "of", "staff", "in", "troops", "defence", "ministry", ",", ".", "Hamas",
    "militants", "coalition", "willing", "Sir", "Admiral", "leader", "Bloomberg", "\u201c", "\u2019s",
]
NAMES = [["Ilie", "Vrabie"], ["Vrabie"], ["Tomas", "Varga"], ["Putin"], ["Keir", "Starmer"]]


@st.composite
def docs(draw: st.DrawFn) -> Doc:
    words: list[str] = []
    ents: list[str] = []
    for _ in range(draw(st.integers(1, 30))):
        if draw(st.booleans()) and draw(st.booleans()):
            name = draw(st.sampled_from(NAMES))
            words += name
            ents += ["B-PERSON"] + ["I-PERSON"] * (len(name) - 1)
        else:
            words.append(draw(st.sampled_from(WORDS)))
            ents.append("O")
    starts: list[bool | int | None] = [i == 0 or (words[i - 1] == "." and draw(st.booleans())) for i in range(len(words))]
    return Doc(VOCAB, words=words, ents=ents, sent_starts=starts)


@settings(max_examples=150, deadline=None)
@given(docs())
def test_mentions_cut_their_text_and_refs_point_into_the_table(doc: Doc) -> None:
    table = find_actors(doc, load_kb(), {})
    ids = {a.id for a in table.actors}
    for actor in table.actors:
        assert actor.mentions
        for m in actor.mentions:
            assert doc.text[m.start:m.end] == m.text
    for token in doc:
        assert all(r.actor is None or r.actor in ids for r in table.refs(token))
    assert all(r.actor in ids for r in table.refs_in(0, len(doc.text)))
