"""Actor rules with the real model: a bare national institution takes the one country of
its sentence; a name before a title owns it over "for X"; a sea or gulf named after a country is
no actor."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.extract.actors.resolve import find_actors
from wardesk.kb import load_kb

pytestmark = pytest.mark.model


def _countries(nlp: Any, text: str) -> dict[str, str | None]:
    table = find_actors(nlp(text), load_kb(), {}, "2025-06-01")
    return {m.text: a.country for a in table.actors for m in a.mentions}


def test_bare_government_takes_the_sentence_country(nlp: Any) -> None:
    found = _countries(nlp, "Rebels in the north accused the government in Khartoum of starving them.")
    assert found.get("government") == "SDN" or found.get("the government") == "SDN", found


def test_bare_government_with_two_countries_stays_unresolved(nlp: Any) -> None:
    found = _countries(nlp, "Talks between Russia and Ukraine stalled, and the government said nothing.")
    assert not any(country in ("RUS", "UKR") for text, country in found.items() if "government" in text), found


def test_un_envoy_for_a_country_is_the_un(nlp: Any) -> None:
    table = find_actors(nlp("The U.N. special envoy for Syria met rebel leaders."), load_kb(), {}, None)
    envoy = [a for a in table.actors if any("envoy" in m.text for m in a.mentions)]
    assert envoy and envoy[0].country == "IGO", [(a.id, [m.text for m in a.mentions]) for a in table.actors]


def test_a_gulf_named_after_a_country_is_no_actor(nlp: Any) -> None:
    found = _countries(nlp, "Pirates boarded a tanker in the Gulf of Guinea on Monday.")
    assert "GIN" not in found.values(), found
