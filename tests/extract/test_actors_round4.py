"""Round-4 actor rules with the real model: a titled official with no country of their own takes
"of <country>" after the name or the one country of the sentence (never another party's); a name
with its title in apposition keeps its name as the mention."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.extract.actors import find_actors
from wardesk.kb import load_kb

pytestmark = pytest.mark.model


def _people(nlp: Any, text: str) -> dict[str, str | None]:
    table = find_actors(nlp(text), load_kb(), {}, "1998-06-01")
    return {a.name: a.country for a in table.actors if a.kind == "person"}


def test_country_after_the_name(nlp: Any) -> None:
    assert _people(nlp, "Queen Amina of Jordan called for calm in the region.").get("Amina") == "JOR"


def test_titled_official_takes_the_sentence_country(nlp: Any) -> None:
    found = _people(nlp, "Interior Minister Hakim Saadi threatened to ban rallies in Tunis.")
    assert found.get("Hakim Saadi") == "TUN", found


def test_a_country_that_is_another_party_is_not_the_officials(nlp: Any) -> None:
    found = _people(nlp, "Deputy Prime Minister Ramon Ortez agreed to reopen the border with Peru.")
    assert found.get("Ramon Ortez") is None, found


def test_a_country_owned_by_another_title_is_not_the_officials(nlp: Any) -> None:
    found = _people(nlp, "Spokesman Ali Rahimi rejected claims by a Kenyan army spokesman.")
    assert found.get("Ali Rahimi") is None, found


def test_untitled_person_gets_no_sentence_country(nlp: Any) -> None:
    found = _people(nlp, "Maria Lopez flew to Madrid on Monday.")
    assert found.get("Maria Lopez") is None, found


def test_name_with_appositive_title_is_mentioned_by_name(nlp: Any) -> None:
    table = find_actors(nlp("Lina Haddad, the director of Caritas Lebanon, urged donors to send food."),
                        load_kb(), {}, None)
    texts = [m.text for a in table.actors for m in a.mentions]
    assert "Lina Haddad" in texts and "" not in texts, texts
    assert not any(a.name == "Lebanon" and any("director" in m.text for m in a.mentions) for a in table.actors)
