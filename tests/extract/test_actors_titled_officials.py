"""Actor rules with the real model: a titled official with no country of their own takes
"of <country>" after the name or the one country of the sentence (never another party's); a name
with its title in apposition keeps its name as the mention."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.extract.actors.resolve import find_actors
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


def _sources(extractor: Any, text: str) -> list[tuple[str, str | None, str | None]]:
    from wardesk.records import Article

    record = extractor(Article(text=text, published="1998-06-01"))
    return [(r.actorText, r.code, r.sector) for e in record.events for r in e.source]


def test_a_counted_crowd_is_the_people_counted(extractor: Any) -> None:
    found = _sources(extractor, "Thousands of Kenyans marched through Nairobi on Saturday to protest food prices.")
    assert found and all(code == "KEN" for _, code, _ in found), found


def test_a_people_living_in_another_country_is_coded_there(extractor: Any) -> None:
    assert ("Bosnian Croats", "BIH", "CVL") in _sources(extractor, "Bosnian Croats demanded a third entity.")
    found = _sources(extractor, "Ethnic Hungarians in southern Slovakia demanded more autonomy.")
    assert found and found[0][1:] == ("SVK", "CVL"), found
    found = _sources(extractor, "About 300 ethnic Russians demonstrated in Latvia on Sunday.")
    assert found and found[0][1] == "LVA", found


def test_a_people_at_home_stays_its_country(extractor: Any) -> None:
    found = _sources(extractor, "Hungarians voted on Sunday in a referendum called by Budapest.")
    assert all(code != "SVK" for _, code, _ in found), found


def test_appositive_descriptor_with_a_participle_gives_the_country(nlp: Any) -> None:
    found = _people(nlp, "Youssef Bennani, Morocco's leading human rights activist, began a hunger strike.")
    assert found.get("Youssef Bennani") == "MAR", found


def test_a_misspelt_country_is_still_the_country(nlp: Any) -> None:
    table = find_actors(nlp("Pakistan rejected a fresh offer from Afganistan for direct talks."), load_kb(), {}, None)
    assert "AFG" in {a.country for a in table.actors}, [(a.name, a.country) for a in table.actors]


def test_names_near_a_country_word_are_not_countries(nlp: Any) -> None:
    table = find_actors(nlp("Mawlawi Abdul Kabir spoke for the Islamic Emirate in the Americas."), load_kb(), {}, None)
    assert not {"MWI", "ARE", "USA"} & {a.country for a in table.actors}, [(a.name, a.country) for a in table.actors]


def test_a_country_word_before_a_place_noun_only_locates(extractor: Any) -> None:
    found = _sources(extractor, "Three soldiers were killed by a roadside bomb outside the Iraqi city of Basra.")
    assert found and all(sector == "UNK" for _, _, sector in found), found


def test_their_forces_belong_to_the_people_that_speaks(extractor: Any) -> None:
    found = _sources(extractor, "Bosnian Croats said their forces had completed their withdrawal from the town of Mostar.")
    assert ("BIH" in {code for _, code, _ in found}), found
