"""The model's rule lemmatizer with its answers remembered per (word, POS, morphology): the same
lemmas, without a Python call and a Token object for every token of every document.

spaCy's rule lemmatizer is a pure function of a token's text, part of speech and morphology
(its English ``is_base_form`` reads only those), but it caches only some of its answers and
builds a Token per token to ask. Here a Doc's columns are read once, each new combination is
asked of spaCy's own lemmatizer, and the lemmas are written back as one column.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

MAX_REMEMBERED = 200_000  # combinations kept before the memory starts afresh (a long ingest)
READ: list[int | str] = [ORTH, POS, MORPH, LEMMA]


class RememberingLemmatizer:
    """A pipeline component giving a Doc exactly the lemmas spaCy's rule lemmatizer would.
    Made empty by its factory (spaCy builds components by name), then given the lemmatizer."""

    def __init__(self) -> None:
        self.lemmatizer: Lemmatizer | None = None
        self.remembered: dict[tuple[int, int, int], int] = {}

    def use(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.remembered = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None or not len(doc):
            return doc
        rows = doc.to_array(READ)
        lemmas = rows[:, 3].copy()
        remembered, strings = self.remembered, doc.vocab.strings
        if len(remembered) > MAX_REMEMBERED:
            remembered.clear()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:  # set earlier (the attribute rules): spaCy's does not overwrite either
                continue
            key = (orth, pos, morph)
            value = remembered.get(key)
            if value is None:
                value = remembered[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(len(doc), 1))  # type: ignore[arg-type]  # uint64 from to_array
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


@Language.factory("wardesk_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> RememberingLemmatizer:
    return RememberingLemmatizer()


def speed_up_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Swap the model's rule lemmatizer ``name`` for one that remembers its answers, under the
    same name; False (nothing changed) when it is missing, not rule-based or overwrites."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return False
    remembering = nlp.replace_pipe(name, "wardesk_lemmatizer")
    remembering.use(lemmatizer)  # type: ignore[attr-defined]  # replace_pipe is typed as any component
    return True
