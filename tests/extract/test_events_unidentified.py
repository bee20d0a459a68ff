"""PLOVER's UNK actor: an attack nobody is named for is coded to an unidentified actor in the
country where it happened, unless the article names who attacks elsewhere (real model)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article

pytestmark = pytest.mark.model


def _sources(extractor: Any, text: str) -> list[list[tuple[str, str | None, str | None]]]:
    record = extractor(Article(text=text, published="2004-05-06"))
    return [[(r.actorText, r.code, r.sector) for r in e.source] for e in record.events if e.event == "ASSAULT"]


def test_bomb_with_nobody_named_is_unk_of_the_place(extractor: Any) -> None:
    found = _sources(extractor, "Two policemen were killed by a roadside bomb outside the town of Kandahar.")
    assert [("roadside bomb", "AFG", "UNK")] in found, found


def test_named_attacker_elsewhere_leaves_the_killing_unsourced(extractor: Any) -> None:
    text = ("Syrian troops shelled the town of Tal Rifaat on Monday. "
            "One person was killed in the village of Kafr Naya, a local official said.")
    found = _sources(extractor, text)
    assert found and not any(r[2] == "UNK" for refs in found for r in refs), found


def test_named_attacker_is_not_replaced(extractor: Any) -> None:
    found = _sources(extractor, "Congolese rebels attacked an army post near Goma on Sunday.")
    assert found and not any(r[2] == "UNK" for refs in found for r in refs), found


def _targets(extractor: Any, text: str) -> list[tuple[str, list[str | None]]]:
    record = extractor(Article(text=text, published="2004-05-06"))
    return [(e.event, [r.code for r in e.target]) for e in record.events]


def test_curfew_with_no_party_named_targets_the_place(extractor: Any) -> None:
    found = _targets(extractor, "Turkish authorities imposed a curfew in the town of Cizre on Tuesday.")
    assert ("COERCE", ["TUR"]) in found, found


def test_a_visit_targets_its_host(extractor: Any) -> None:
    found = _targets(extractor, "Iraqi President Saddam Hussein arrived in Amman on a surprise visit.")
    assert any(t == ["JOR"] for ev, t in found if ev == "CONSULT"), found


def test_talks_held_somewhere_do_not_target_the_host(extractor: Any) -> None:
    found = _targets(extractor, "Afghan and Pakistani officials held talks in Doha on Monday.")
    assert found and not any("QAT" in t for _, t in found), found


def _modes(extractor: Any, text: str) -> list[tuple[str, str | None]]:
    record = extractor(Article(text=text, published="2004-05-06"))
    return [(e.event, e.mode) for e in record.events]


def test_weapon_words_give_the_assault_mode(extractor: Any) -> None:
    assert ("ASSAULT", "explosives") in _modes(extractor, "Two policemen were killed by a roadside bomb outside Kandahar.")
    assert ("ASSAULT", "heavy-weapons") in _modes(extractor, "Syrian troops killed five civilians with artillery fire in Idlib.")


def test_a_threat_takes_the_mode_of_the_act_threatened(extractor: Any) -> None:
    assert ("THREATEN", "violence") in _modes(extractor, "Syria threatened to shell Turkish border towns.")


def test_lifting_a_curfew_somewhere_targets_that_place(extractor: Any) -> None:
    found = _targets(extractor, "Sudan's government on Sunday lifted a state of emergency in the province of Kassala.")
    assert any(t == ["SDN"] for _, t in found), found


def test_against_anywhere_in_the_clause_names_the_target(extractor: Any) -> None:
    found = _targets(extractor, "Britain mobilized army reservists for a possible war against Iraq on Tuesday.")
    assert ("MOBILIZE", ["IRQ"]) in found, found


def test_a_country_word_before_towns_is_the_target(extractor: Any) -> None:
    found = _targets(extractor, "Iran threatened to shell Iraqi towns in retaliation.")
    assert any(t == ["IRQ"] for ev, t in found if ev == "THREATEN"), found


def test_a_name_modifying_a_noun_is_no_place(extractor: Any) -> None:
    record = extractor(Article(text="A coordinator in the Obama administration said Iran threatened to shell Iraqi towns.",
                               published="2019-05-06"))
    assert all(e.eventLoc is None or e.eventLoc.country != "JPN" for e in record.events), record.events


def _places(extractor: Any, text: str) -> list[str | None]:
    record = extractor(Article(text=text, published="2004-05-06"))
    return [e.eventLoc.name if e.eventLoc else None for e in record.events]


def test_places_named_after_a_place_noun_or_a_withdrawal(extractor: Any) -> None:
    assert "Gorazde" in _places(extractor, "Serb forces completed their withdrawal from the besieged town of Gorazde.")
    assert "Beirut" in _places(extractor, "A Lebanese journalist was killed in a car bomb explosion in a residential sector of eastern Beirut.")
