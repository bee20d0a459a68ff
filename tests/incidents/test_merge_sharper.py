"""The merge rule on what outlets really give it (stop 17): a district named after its town is
that town's place; a country guessed for an unknown actor is no side."""

from __future__ import annotations

import datetime as dt

from wardesk.incidents import Party, Report, same_incident
from wardesk.incidents.report import Where, words
from wardesk.incidents.rule import default_rule, place_agreement, side_agreement

DAY = dt.date(2025, 8, 14)
TOWN = Where("Zhob", "PAK", "PK.02", 31.34, 69.45, 1162105)
DISTRICT = Where("Zhob district", "PAK", "PK.02")  # the gazetteer's district: no geonameid
OTHER = Where("Loralai district", "PAK", "PK.02")


def _report(event: str, text: str, place: Where | None, source: tuple[Party, ...] = (),
            article: str = "a") -> Report:
    return Report(key=(article, event), type="ASSAULT", day=DAY, place=place, source=source,
                  evidence=text, words=words(text))


def test_a_district_named_after_its_town_is_the_same_place_as_the_town() -> None:
    rule = default_rule()
    assert place_agreement(DISTRICT, TOWN, rule) == "same"
    assert place_agreement(TOWN, DISTRICT, rule) == "same"
    assert place_agreement(OTHER, TOWN, rule) == "within"  # another district: only its region
    lead = _report("e1", "Gunmen attacked a levies post in Zhob district on Thursday, killing"
                   " four guards.", DISTRICT)
    later = _report("e2", "A fifth guard wounded at the post in Zhob died overnight, a hospital"
                    " official told reporters.", TOWN, article="b")
    assert same_incident(lead, later)


def test_a_country_guessed_for_an_unknown_actor_or_a_civilian_never_vetoes_a_side() -> None:
    russian = (Party("rus/mil/russian-forces", "Russian drone", "RUS", "MIL"),)
    guessed = (Party(None, "man", "UKR", "CVL"), Party(None, "drone", "UKR", "UNK"))
    named = (Party("ukr/mil/armed-forces", "Ukrainian army", "UKR", "MIL"),)
    assert side_agreement(russian, guessed) == "unknown"
    assert side_agreement(russian, named) is None  # two named sides with nothing in common
    city = Where("Sumy", "UKR", "UA.21", 50.92, 34.80, 692194)
    lead = _report("e1", "A Russian drone hit a minibus in Sumy on Thursday, killing two"
                   " passengers.", city, russian)
    victim = _report("e2", "A man hurt when a drone hit a minibus in Sumy on Thursday died in"
                     " hospital.", city, guessed, article="b")
    assert same_incident(lead, victim)


def test_a_follow_up_dated_by_its_publication_days_later_hangs_on_its_articles_lead() -> None:
    import dataclasses

    from wardesk.incidents.story import anchors

    town = Where("Zhob", "PAK", "PK.02", 31.34, 69.45, 1162105)
    lead = Report(key=("a", "e1"), type="ASSAULT", day=DAY, place=town, evidence_start=0,
                  evidence="Gunmen ambushed a bus near Zhob on Thursday.",
                  words=words("Gunmen ambushed a bus near Zhob on Thursday."))
    toll = Report(key=("a", "e2"), type="ASSAULT", day=DAY + dt.timedelta(days=2), dated=False,
                  evidence_start=200, evidence="At least nine passengers died in the attack.",
                  words=words("At least nine passengers died in the attack."))
    assert {k[1]: v[1] for k, v in anchors([lead, toll]).items()} == {"e2": "e1"}
    too_late = dataclasses.replace(toll, day=DAY + dt.timedelta(days=6))
    assert anchors([lead, too_late]) == {}  # a week on: another time
    own_date = dataclasses.replace(toll, dated=True)
    assert anchors([lead, own_date]) == {}  # two explicit days two days apart: two incidents
    statement = dataclasses.replace(lead, type="REQUEST")
    note = dataclasses.replace(toll, type="REQUEST")
    assert anchors([statement, note]) == {}  # a statement days on is another statement


def test_the_country_a_meeting_is_held_in_is_no_party_that_vetoes() -> None:
    ankara = Where("Ankara", "TUR", "TR.68", 39.92, 32.85, 323786)
    kyrgyz = (Party("kgz/gov", "Kyrgyz foreign minister", "KGZ", "GOV"),)
    tajik = (Party("tjk/gov", "Tajik foreign minister", "TJK", "GOV"),)
    host = (Party("tur/gov", "Turkey", "TUR", "GOV"),)
    talks = Report(key=("a", "e1"), type="CONSULT", day=DAY, place=ankara, source=kyrgyz,
                   target=tajik, evidence="The Kyrgyz and Tajik foreign ministers met in Ankara.",
                   words=words("The Kyrgyz and Tajik foreign ministers met in Ankara."))
    hosted = Report(key=("b", "e2"), type="CONSULT", day=DAY, source=host,
                    evidence="The Kyrgyz and Tajik foreign ministers held talks hosted by Turkey.",
                    words=words("The Kyrgyz and Tajik foreign ministers held talks hosted by"
                                " Turkey."))
    assert same_incident(talks, hosted)
    uzbek = (Party("uzb/gov", "Uzbek foreign minister", "UZB", "GOV"),)
    other = Report(key=("c", "e3"), type="CONSULT", day=DAY, place=ankara, source=uzbek,
                   target=host, evidence="The Uzbek foreign minister met Turkey's in Ankara.",
                   words=words("The Uzbek foreign minister met Turkey's in Ankara."))
    assert not same_incident(talks, other)  # another guest: the host aside, the sides differ


def test_a_recap_that_joins_an_incident_lends_its_words_not_its_toll() -> None:
    from wardesk.incidents import summarise

    town = Where("Zhob", "PAK", "PK.02", 31.34, 69.45, 1162105)
    news = Report(key=("a", "e1"), type="ASSAULT", day=DAY, place=town, dead=4,
                  evidence="Gunmen killed four guards at a post in Zhob on Thursday.")
    later = Report(key=("b", "e2"), type="ASSAULT", day=DAY, place=town, dead=5,
                   evidence="A fifth guard died of his wounds in Zhob.")
    recap = Report(key=("c", "e3"), type="ASSAULT", day=DAY, place=town, dead=150,
                   background=True,
                   evidence="Attacks in Zhob since the spring have killed 150 people.")
    assert summarise([news, later, recap])["dead"] == {"min": 4, "max": 5}
    assert summarise([recap])["dead"] == {"min": 150, "max": 150}  # only recaps tell it


def test_a_venue_inside_a_town_is_no_other_town() -> None:
    from wardesk.incidents.report import place_names

    assert place_names("The talks, hosted by Turkey at the Dolmabahce Palace, ended early.") \
        == frozenset()
    assert place_names("Gunmen stormed the Jazeera Hotel in Kismayo.") == {"kismayo"}
    assert place_names("A drone struck the town of Vovchansk.") == {"vovchansk"}


def test_an_anchored_vague_report_does_not_bridge_two_incidents_of_its_article() -> None:
    import dataclasses

    region = Where("Lower Shabelle", "SOM", "SO.14")
    strikes = Report(key=("a", "e2"), type="ASSAULT", day=DAY, place=region,
                     evidence="Airstrikes in the Lower Shabelle region killed 40 militants.",
                     words=words("Airstrikes in the Lower Shabelle region killed 40 militants."))
    vague = Report(key=("a", "e3"), type="ASSAULT", day=DAY,
                   evidence="The airstrikes killed 40 militants who planned the hotel attack.",
                   words=words("The airstrikes killed 40 militants who planned the hotel"
                               " attack."))
    assert same_incident(vague, strikes)  # alone, the words would tie them
    hung = dataclasses.replace(vague, anchor="e1")  # it hangs on the siege report e1
    assert not same_incident(hung, strikes)
    assert not same_incident(strikes, hung)


def test_a_report_told_apart_hangs_on_a_later_report_that_says_where() -> None:
    from wardesk.incidents.report import told_apart
    from wardesk.incidents.story import anchors

    siege = Report(key=("a", "e1"), type="ASSAULT", day=DAY, evidence_start=0,
                   place=Where("Beledweyne", "SOM", "SO.07", 4.74, 45.2, 57060),
                   evidence="Troops ended the siege of a hotel in Beledweyne.")
    text = "In a separate operation, airstrikes killed 40 militants."
    headline = Report(key=("a", "e2"), type="ASSAULT", day=DAY, evidence_start=100,
                      evidence=text, words=words(text), apart=told_apart(text))
    detail = Report(key=("a", "e3"), type="ASSAULT", day=DAY, evidence_start=200,
                    place=Where("Lower Shabelle", "SOM", "SO.14"),
                    evidence="The airstrikes in the Lower Shabelle region killed 40 militants.",
                    words=words("The airstrikes in the Lower Shabelle region killed 40"
                                " militants."))
    assert headline.apart
    assert {k[1]: v[1] for k, v in anchors([siege, headline, detail]).items()} == {"e2": "e3"}
