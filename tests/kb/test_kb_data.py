"""The knowledge base's data files load, agree with ISO 3166, and give the entries actors need."""

from __future__ import annotations

import pycountry
import pytest

from wardesk.kb import load_kb
from wardesk.kb.entries import CAPITAL, COUNTRY, DEMONYM, IGO, MEDIA, SEAT


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_kb()


@pytest.mark.parametrize(
    ("surface", "kind", "country"),
    [
        ("US", COUNTRY, "USA"), ("U.S.", COUNTRY, "USA"), ("America", COUNTRY, "USA"),
        ("UK", COUNTRY, "GBR"), ("Britain", COUNTRY, "GBR"), ("Russia", COUNTRY, "RUS"),
        ("Russian", DEMONYM, "RUS"), ("Iraqi", DEMONYM, "IRQ"), ("Palestinian", DEMONYM, "PSE"),
        ("Kyiv", CAPITAL, "UKR"), ("Kiev", CAPITAL, "UKR"), ("Kremlin", SEAT, "RUS"),
        ("Downing Street", SEAT, "GBR"), ("NATO", IGO, "IGO"), ("Nato", IGO, "IGO"),
        ("European Union", IGO, "IGO"), ("Bloomberg", MEDIA, None),
    ],
)
def test_names_resolve_to_entries(kb, surface: str, kind: str, country: str | None) -> None:  # type: ignore[no-untyped-def]
    entry = kb.entry(surface)
    assert entry is not None and (entry.kind, entry.country) == (kind, country)


def test_lower_case_words_are_not_names(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.entry("us") is None and kb.entry("nato") is None


def test_every_country_code_is_iso_alpha3(kb) -> None:  # type: ignore[no-untyped-def]
    codes = {c.alpha_3 for c in pycountry.countries} | {"XKX", "IGO", "NGO"}
    assert {e.country for e in kb.names.values() if e.country} <= codes


def test_sector_words(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.sector_word("Defence Ministry").sector == "MIL"
    assert kb.sector_word("police").sector == "COP"
    assert kb.sector_word("secretary of state").country == "USA"
    assert kb.sector_word("official").kind == "group"


def test_office_holders_are_dated(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.holder_of("USA", "president", "2024-06-01").name == "Joe Biden"
    assert kb.holder_of("USA", "president", "2025-03-11").name == "Donald Trump"
    assert kb.holder_named("Zelenskyy").country == "UKR"


def test_ruler_patterns_skip_ambiguous_names(kb) -> None:  # type: ignore[no-untyped-def]
    patterns = {(p["pattern"], p["label"]) for p in kb.ruler_patterns()}
    assert ("NATO", "ORG") in patterns and ("Nato", "ORG") in patterns
    assert ("Kyiv", "GPE") in patterns and ("Russian", "NORP") in patterns
    assert not any(p == "Jordan" for p, _ in patterns)


def test_a_countrys_leader_is_its_head_of_government_where_that_is_not_the_president(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.leader_of("ISR", "2025-03-11").name == "Benjamin Netanyahu"
    assert kb.leader_of("USA", "2025-03-11").name == "Donald Trump"
    assert kb.leader_of("DEU", "2025-06-01").name == "Friedrich Merz"


def test_one_person_in_two_offices_is_read_as_of_the_date(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.holder_named("Mark Rutte", "2023-05-01").country == "NLD"
    assert kb.holder_named("Mark Rutte", "2025-05-01").country == "IGO"
    assert kb.holder_named("Shoigu", "2023-05-01").office == "defence-minister"
    assert kb.holder_of("CHN", "foreign-minister", "2023-05-01").name == "Qin Gang"
    assert kb.holder_of("CHN", "foreign-minister", "2024-05-01").name == "Wang Yi"


@pytest.mark.parametrize(
    ("surface", "country"),
    [("Fijian", "FJI"), ("Kyrgyz", "KGZ"), ("Beninese", "BEN"), ("Burkinabe", "BFA"), ("Emirati", "ARE"),
     ("Congolese", "COD"), ("Soviet Union", "RUS"), ("Zaire", "COD"), ("Nairobi", "KEN"),
     ("Tbilisi", "GEO"), ("Hezbollah", "LBN"), ("ISWAP", "NGA"), ("Amnesty International", "NGO"),
     ("UNIFIL", "IGO"), ("SADC", "IGO")],
)
def test_general_tables_cover_every_state_and_the_common_bodies(kb, surface: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert kb.entry(surface).country == country


def test_every_sovereign_state_has_a_demonym_and_a_capital(kb) -> None:  # type: ignore[no-untyped-def]
    sovereign = {c.alpha_3 for c in pycountry.countries} - {
        "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BVT", "CCK", "COK", "CXR", "GGY", "GLP",
        "GUF", "HMD", "IMN", "IOT", "JEY", "MAF", "MNP", "MSR", "MTQ", "MYT", "NFK", "NIU", "PCN",
        "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "UMI", "VGB", "VIR", "WLF", "ABW",
        "BMU", "CUW", "CYM", "FLK", "FRO", "GIB", "GRL", "GUM", "HKG", "MAC", "NCL", "PRI", "PYF", "ESH"}
    demonyms = {e.country for e in kb.names.values() if e.kind == DEMONYM}
    capitals = {e.country for e in kb.names.values() if e.kind == CAPITAL}
    no_demonym = {"DMA", "VAT", "COG"}  # "Dominican" and "Congolese" name their larger namesakes
    no_capital = {"DJI", "SGP", "LUX", "MCO", "SMR", "VAT", "NLD", "BEL", "CHL", "JAM", "GUY", "SYC",
                  "MDV", "COM", "ATG"}  # the capital is the country's name, ambiguous, or stands for the EU
    assert sovereign - no_demonym <= demonyms
    assert sovereign - no_capital <= capitals


def test_features_hold_a_country_name_and_are_not_names() -> None:
    from wardesk.kb import load_kb

    kb = load_kb()
    assert "Gulf of Guinea" in kb.features
    for feature in kb.features:  # each is there to hide a country word inside it
        assert feature not in kb.names
        assert any(word in kb.names for word in feature.split()), feature
