"""Short local reports with the real model: an unnamed group the subject names (farmers,
gunmen, police) is the event's source, in the country of the place it acts in; a passive takes
its agent, never its subject; and the ACLED-style lexicon rows (gunfights, grenades, ransacking,
retaken towns, defused bombs, bases set up) give events. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.export.acled_kinds import report_class
from wardesk.records import Article

pytestmark = pytest.mark.model


def events(extractor: Any, text: str) -> list[Any]:
    return list(extractor(Article(text=text, published="2021-06-01")).events)


def sources(ev: Any) -> list[tuple[str, str | None, str | None]]:
    return [(r.actorText, r.code, r.sector) for r in ev.source]


def test_an_unnamed_crowd_that_protests_is_the_protest_source(extractor: Any) -> None:
    (ev,) = events(extractor, "Sugarcane growers protested outside the mill in Lucknow on Tuesday.")
    assert ev.event == "PROTEST" and sources(ev) == [("Sugarcane growers", "IND", "CVL")]
    (ev,) = events(extractor, "Hundreds of nurses held a demonstration in Ibadan over unpaid allowances.")
    assert ev.event == "PROTEST" and sources(ev) == [("nurses", "NGA", "CVL")]


def test_unnamed_armed_men_and_police_act_in_the_place_country(extractor: Any) -> None:
    (ev,) = events(extractor, "Gunmen killed a bus driver in Monterrey on Sunday.")
    assert ev.event == "ASSAULT" and sources(ev) == [("Gunmen", "MEX", "INS")]
    arrests = [e for e in events(extractor, "Police arrested four suspected smugglers in Kano.") if e.event == "COERCE"]
    assert [sources(e) for e in arrests] == [[("Police", "NGA", "COP")]]


def test_a_passive_takes_its_agent_and_never_its_subject(extractor: Any) -> None:
    (ev,) = events(extractor, "A trader was shot dead by masked men in Peshawar.")
    assert sources(ev) == [("masked men", "PAK", "UNK")]
    assert all(s[0] != "the driver" for e in events(extractor, "Wounded in the ambush, the driver later died.")
               for s in sources(e))


def test_a_word_that_is_no_group_of_people_gives_no_source(extractor: Any) -> None:
    assert events(extractor, "Prices protested nothing in Lagos.") == [] or all(
        not e.source for e in events(extractor, "Prices protested nothing in Lagos."))


@pytest.mark.parametrize(("text", "kind"), [
    ("Soldiers and bandits fought a gun battle near Gusau.", ("Battles", "Armed clash")),
    ("Militants lobbed a grenade at a police picket in Sopore.", ("Explosions/Remote violence", "Grenade")),
    ("Looters ransacked a warehouse in Goma.", ("Strategic developments", "Looting/property destruction")),
    ("Troops recaptured the town of Damasak from the insurgents.", ("Battles", "Government regains territory")),
    ("Army engineers defused a bomb planted under a bridge in Anantnag.",
     ("Strategic developments", "Disrupted weapons use")),
    ("The army set up a new base near the village of Lay Kay.",
     ("Strategic developments", "Headquarters or base established")),
    ("Police dispersed striking teachers with tear gas in Harare.", ("Protests", "Protest with intervention")),
    ("Police used water cannon on demonstrators outside the parliament in Nairobi.",
     ("Protests", "Protest with intervention")),
    ("Gunmen fired on a police patrol near Peshawar.", ("Battles", "Armed clash")),
    ("Youths hurled stones at the police in Anantnag after the funeral.", ("Riots", "Violent demonstration")),
    ("Party workers took out a procession in Indore against the fuel price rise.", ("Protests", "Peaceful protest")),
    ("Students burnt an effigy of the vice-chancellor in Patna.", ("Protests", "Peaceful protest")),
    ("Shopkeepers observed a strike in Srinagar against the new levy.", ("Protests", "Peaceful protest")),
    ("Angry protesters set a bus on fire in Dhaka.", ("Riots", "Violent demonstration")),
    ("Soldiers engaged the rebels in a long gunfight near Butembo.", ("Battles", "Armed clash")),
])
def test_short_reports_get_their_acled_kind(extractor: Any, text: str, kind: tuple[str, str]) -> None:
    assert report_class(events(extractor, text)) == kind


def test_aircraft_act_but_take_no_country_from_the_place_they_strike(extractor: Any) -> None:
    (ev,) = events(extractor, "Army helicopters struck rebel positions near Lashio on Tuesday.")
    assert ev.event == "ASSAULT" and sources(ev) == [("Army helicopters", None, "MIL")]
