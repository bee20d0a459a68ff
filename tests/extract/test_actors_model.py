"""Actors with the real model: the seed article's gold actors, `known` reuse, and the offsets of
every mention on the VOA corpus (text the rules were not written for)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wardesk.extract.actors.resolve import find_actors
from wardesk.extract.layers import KnownPerson
from wardesk.kb import load_kb

pytestmark = pytest.mark.model


def _same(actor: Any, gold: dict[str, Any]) -> bool:
    countries = {gold.get("country"), *gold.get("acceptable_countries", [])}
    sectors = {gold.get("sector"), *gold.get("acceptable_sectors", [])}
    return actor.country in countries and actor.sector in sectors


def _find(actors: Any, gold: dict[str, Any]) -> Any:
    names = {gold["name"].lower(), *(a.lower() for a in gold.get("aliases", []))}
    for actor in actors:
        if actor.name.lower() in names or names & {a.lower() for a in actor.aliases}:
            return actor
    return None


def test_seed_gold_actors(nlp: Any, seed_text: str, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))["actors"]
    table = find_actors(nlp(seed_text), load_kb(), {}, "2025-03-11")
    right = [g["name"] for g in gold if (a := _find(table.actors, g)) is not None and _same(a, g)]
    assert len(right) >= 15, sorted(set(g["name"] for g in gold) - set(right))


def test_known_person_is_reused(nlp: Any) -> None:
    text = "Lavrov said the talks failed. Danek agreed."
    known = {
        "lavrov": KnownPerson("Sergey Lavrov", "RUS", "GOV", "foreign minister"),
        "danek": KnownPerson("Ivo Danek", "CZE", "GOV", "foreign minister"),
        "ivo danek": KnownPerson("Ivo Danek", "CZE", "GOV", "foreign minister"),
    }
    doc = nlp(text)
    table = find_actors(doc, load_kb(), known)
    assert [(r.actor, r.code, r.sector) for r in table.refs(doc[0])] == [("rus/gov/sergey-lavrov", "RUS", "GOV")]
    danek = next(t for t in doc if t.text == "Danek")
    refs = table.refs(danek)
    assert refs and (refs[0].code, refs[0].sector) == ("CZE", "GOV")


def _voa(shared_dir: Path, limit: int) -> list[str]:
    lines = (shared_dir / "corpus" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines[:limit]]


def test_mentions_cut_their_text_and_refs_are_in_the_table(nlp: Any, shared_dir: Path) -> None:
    for doc in nlp.pipe(_voa(shared_dir, 25)):
        table = find_actors(doc, load_kb(), {})
        ids = {a.id for a in table.actors}
        for actor in table.actors:
            assert actor.mentions, actor
            for m in actor.mentions:
                assert doc.text[m.start:m.end] == m.text
        for token in doc:
            for ref in table.refs(token):
                assert ref.actor is None or ref.actor in ids
        assert all(r.actor in ids for r in table.refs_in(0, len(doc.text)))


def test_the_entity_ruler_tags_known_names_consistently(nlp: Any) -> None:
    doc = nlp("Nato and the Kremlin spoke after Bloomberg reported that Kyiv and NATO agreed.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels["Nato"] == labels["NATO"] == "ORG"
    assert labels["Kremlin"] == "ORG" and labels["Kyiv"] == "GPE" and labels["Bloomberg"] == "ORG"
