"""Hand-built Docs and fake stage tables for the event tests (no model needed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en import English
from spacy.tokens import Doc

from wardesk.extract.layers import Counts, Layers
from wardesk.records import ActorRef, Attribution, EventDate

VOCAB = English().vocab


def build(spec: str) -> Any:
    """Tokens as "word|POS|TAG|dep|head|lemma" separated by spaces; head is an absolute index,
    lemma defaults to the lower-cased word."""
    rows = [t.split("|") for t in spec.split()]
    words = [r[0].replace("_", " ") for r in rows]
    return Doc(
        VOCAB, words=words, pos=[r[1] for r in rows], tags=[r[2] for r in rows],
        deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows],
        lemmas=[r[5] if len(r) > 5 else r[0].lower() for r in rows],
        spaces=[i + 1 < len(rows) and rows[i + 1][0] not in ("'s", ".", ",") for i in range(len(rows))],
        sent_starts=[i == 0 for i in range(len(rows))],
    )


def ref(code: str, sector: str = "GOV", text: str | None = None) -> ActorRef:
    return ActorRef(f"{code.lower()}/{sector.lower()}/x", text or code, code, sector)


@dataclass
class FakeActors:
    by_token: dict[int, tuple[ActorRef, ...]]
    actors: tuple[Any, ...] = ()
    doc: Any = None

    def refs(self, token: Any) -> tuple[ActorRef, ...]:
        return self.by_token.get(token.i, ())

    def refs_in(self, start: int, end: int) -> tuple[ActorRef, ...]:
        out: list[ActorRef] = []
        for i, refs in sorted(self.by_token.items()):
            tok = self.doc[i]
            if start <= tok.idx and tok.idx + len(tok.text) <= end:
                out.extend(r for r in refs if r not in out)
        return tuple(out)


@dataclass
class FakeDates:
    by_token: dict[int, EventDate] = field(default_factory=dict)
    mentions: tuple[Any, ...] = ()

    def date_for(self, trigger: Any) -> EventDate | None:
        return self.by_token.get(trigger.i)


@dataclass
class FakePlaces:
    places: tuple[Any, ...] = ()

    def place_for(self, trigger: Any) -> None:
        return None


@dataclass
class FakeQuantities:
    by_token: dict[int, Counts] = field(default_factory=dict)

    def counts_for(self, trigger: Any) -> Counts:
        return self.by_token.get(trigger.i, Counts())


@dataclass
class FakeStatements:
    answer: tuple[Attribution | None, str] = (None, "confirmed")
    statements: tuple[Any, ...] = ()

    def attribution_for(self, token: Any) -> tuple[Attribution | None, str]:
        return self.answer


def layers(
    doc: Any, actors: dict[int, tuple[ActorRef, ...]], *, published: str | None = "2025-03-11",
    dates: dict[int, EventDate] | None = None, counts: dict[int, Counts] | None = None,
    statements: tuple[Attribution | None, str] = (None, "confirmed"),
) -> Layers:
    return Layers(
        doc=doc, published=published, actors=FakeActors(actors, doc=doc),
        dates=FakeDates(dates or {}), places=FakePlaces(), quantities=FakeQuantities(counts or {}),
        statements=FakeStatements(statements),
    )
