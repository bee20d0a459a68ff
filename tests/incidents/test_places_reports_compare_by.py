"""Places incident reports are compared by (gazetteer data rows added for issue 12): towns the
city list spells another way ("Izmail", "Chuhuiv") and Somali regions ("the Middle Shabelle
region"), so an airstrike there is not taken for a siege in Beledweyne (Hiiraan)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.incidents.report import report_from_event
from wardesk.incidents.rule import default_rule, place_agreement
from wardesk.records import Article, to_dict

pytestmark = pytest.mark.model


def _place(extractor: Any, text: str) -> Any:
    record = extractor(Article(text=text, published="2025-08-16"))
    assert record.events, text
    return record.events[0].eventLoc


@pytest.mark.parametrize(("text", "admin1"), [
    ("Russian drones struck the port of Izmail on Friday, killing one man.", "UA.17"),
    ("A Russian glide bomb hit a school in Chuhuiv on Friday, killing two people.", "UA.07"),
    ("Airstrikes killed 12 militants in the Middle Shabelle region on Friday.", "SO.13"),
])
def test_a_town_or_region_spelled_as_outlets_do_has_its_place(extractor: Any, text: str,
                                                              admin1: str) -> None:
    place = _place(extractor, text)
    assert place is not None and place.admin1 == admin1, place


def test_an_airstrike_in_middle_shabelle_is_no_place_of_a_siege_in_beledweyne(extractor: Any) -> None:
    meta = {"id": "a", "published": "2025-08-16"}
    strike = extractor(Article(text="Airstrikes killed 12 militants in the Middle Shabelle region"
                               " on Friday.", published="2025-08-16")).events[0]
    siege = extractor(Article(text="Gunmen attacked a hotel in Beledweyne on Friday, killing"
                              " five people.", published="2025-08-16")).events[0]
    a = report_from_event(to_dict(strike), meta)
    b = report_from_event(to_dict(siege), {**meta, "id": "b"})
    assert place_agreement(a.place, b.place, default_rule()) is None
