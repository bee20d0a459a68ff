"""Places: gazetteer lookups (aliases, countries, the most populous city, near spellings) and
each event's place on real parses (the seed's places; actors are not places)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.extract.places.gazetteer import fold, load_gazetteer
from wardesk.extract.places.mentions import find_places


@pytest.mark.parametrize(("name", "country", "canonical"), [
    ("Kiev", "UKR", "Kyiv"), ("Kyiv", "UKR", "Kyiv"), ("Kharkov", "UKR", "Kharkiv"),
    ("Odessa", "UKR", "Odesa"), ("Ramensky", "RUS", "Ramenskoye"),
    ("Moscow region", "RUS", "Moscow Oblast"), ("Moscow Oblast", "RUS", "Moscow Oblast"),
    ("the Gaza Strip", "PSE", "Gaza Strip"), ("West Bank", "PSE", "West Bank"),
    ("Donbass", "UKR", "Donbas"), ("Crimea", "UKR", "Crimea"),
    ("Saudi Arabia", "SAU", "Saudi Arabia"), ("Britain", "GBR", "United Kingdom"),
    ("Paris", "FRA", "Paris"),  # not Paris, Texas: the most populous wins
    ("Moscow", "RUS", "Moscow"), ("Khan Younis", "PSE", None),
])
def test_lookup(name: str, country: str, canonical: str | None) -> None:
    place = load_gazetteer().lookup(name)
    assert place is not None and place.country == country
    if canonical:
        assert place.name == canonical
    assert place.lat is not None and place.lon is not None


def test_near_spelling_only_with_fuzzy_and_close() -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("Zaporizhzhiya") is None or gaz.lookup("Zaporizhzhiya").country == "UKR"
    near = gaz.lookup("Zaporizhzhyaa", fuzzy=True)
    assert near is not None and near.country == "UKR"
    assert gaz.lookup("Blorpistan", fuzzy=True) is None


def test_fold_drops_accents_case_and_article() -> None:
    assert fold("The  Hague") == "hague"
    assert fold("Khān Yūnis") == "khan yunis"
    assert fold("Russia’s") == "russia"


def test_capital_from_demonym() -> None:
    gaz = load_gazetteer()
    capital = gaz.capital_of("French")
    assert capital is not None and (capital.name, capital.country) == ("Paris", "FRA")
    assert gaz.capital_of("Ruritanian") is None


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


@pytest.mark.model
def test_seed_places(nlp: Any, seed_text: str) -> None:
    doc = nlp(seed_text)
    table = find_places(doc)
    found = {(p.name, p.country) for p in table.places}
    for want in [("Saudi Arabia", "SAU"), ("Paris", "FRA"), ("Ramenskoye", "RUS"), ("Kyiv", "UKR")]:
        assert want in found
    assert any(p.country == "RUS" and "Moscow" in p.name for p in table.places)
    sit = table.place_for(_token(doc, "sit"))
    meets = table.place_for(_token(doc, "meets"))
    killed = table.place_for(_token(doc, "killed"))
    assert sit is not None and sit.country == "SAU"
    assert meets is not None and meets.name == "Paris"  # "in the French capital"
    assert killed is not None and killed.name == "Ramenskoye"  # via "the attack, which … in Ramensky"


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Kyiv said it would respond to the strike.", "said", None),
    ("Moscow rejected the proposal on Sunday.", "rejected", None),
    ("Officials from France met their counterparts in Geneva.", "met", "Geneva"),
    ("A drone strike near Pokrovsk killed two soldiers.", "killed", "Pokrovsk"),
    ("Thousands protested outside parliament in Tbilisi on Saturday.", "protested", "Tbilisi"),
    ("Fighting raged in the Kherson region overnight.", "raged", "Kherson"),
    ("Talks in Istanbul stalled as Russia shelled Kharkiv.", "stalled", "Istanbul"),
])
def test_place_of_event(nlp: Any, text: str, trigger: str, expected: str | None) -> None:
    doc = nlp(text)
    place = find_places(doc).place_for(_token(doc, trigger))
    if expected is None:
        assert place is None
    else:
        assert place is not None and expected in place.name


@pytest.mark.parametrize(("name", "country", "canonical"), [
    ("Africa", None, "Africa"),  # not the Tunisian town whose alternate name it is
    ("Texas", "USA", "Texas"), ("Balochistan", "PAK", "Balochistan"),
    ("Bosnia", "BIH", None), ("DPRK", "PRK", None),
])
def test_regions_provinces_and_short_names(name: str, country: str | None, canonical: str | None) -> None:
    place = load_gazetteer().lookup(name)
    assert place is not None and place.country == country
    if canonical:
        assert place.name == canonical


@pytest.mark.parametrize("word", ["South", "the East", "Western", "Central"])
def test_compass_words_are_not_provinces(word: str) -> None:
    assert load_gazetteer().lookup(word) is None


def test_admin1_is_a_geonames_key_for_cities() -> None:
    place = load_gazetteer().lookup("Ramensky")
    assert place is not None and place.admin1 == "RU.47"


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Trump met Kim for the first time at the Singapore summit.", "met", "Singapore"),
    ("The U.S. operations continued despite the threat.", "operations", None),
    ("The European Union imposed new sanctions on Iran.", "imposed", None),
    ("Hundreds massed in front of the consulate in Istanbul in protest.", "protest", "Istanbul"),
    ("A trial opened in Paris over the 2004 bombing of a base in Ivory Coast.", "bombing", "Ivory Coast"),
    ("Drones flew over Moscow before dawn.", "flew", "Moscow"),
])
def test_place_rules(nlp: Any, text: str, trigger: str, expected: str | None) -> None:
    doc = nlp(text)
    place = find_places(doc).place_for(_token(doc, trigger))
    if expected is None:
        assert place is None
    else:
        assert place is not None and expected in place.name


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Russia's defence ministry said it shot down drones that targeted the capital.", "shot", "Moscow"),
    ("Russian forces shelled Kharkiv again.", "shelled", "Kharkiv"),
    ("A trial opened in Paris over a bombing in Abidjan that killed nine soldiers.", "killed", "Abidjan"),
    ("Officials evacuated the wounded from the besieged town of Gorazde.", "evacuated", "Gorazde"),
    ("Doctors handed over medicine to the Red Crescent in Bam.", "handed", "Bam"),
    ("Negotiators return to Geneva this week.", "return", "Geneva"),
    ("The president resigned as protesters massed outside his residence in Tbilisi.", "resigned", "Tbilisi"),
])
def test_more_place_rules(nlp: Any, text: str, trigger: str, expected: str | None) -> None:
    doc = nlp(text)
    place = find_places(doc).place_for(_token(doc, trigger))
    if expected is None:
        assert place is None
    else:
        assert place is not None and place.name == expected


@pytest.mark.model
def test_town_of_name_and_old_country_names(nlp: Any) -> None:
    doc = nlp("A roadside bombing near the town of Samarra on Sunday killed one soldier.")
    place = find_places(doc).place_for(_token(doc, "killed"))
    assert place is not None and (place.name, place.country) == ("Samarra", "IRQ")
    macedonia = load_gazetteer().lookup("Macedonia")
    assert macedonia is not None and macedonia.country == "MKD"  # not the town in Ohio
