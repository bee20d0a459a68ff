"""The merge rule beyond its development set: a report told apart ("in a separate strike") hangs on
no earlier report; small towns the gazetteer missed; a weekday that dates the other report."""

from __future__ import annotations

import dataclasses

from wardesk.incidents import Party, Report
from wardesk.incidents.report import told_apart, words
from wardesk.incidents.story import anchors

ISR = (Party("isr/mil/idf", "Israeli drone", "ISR", "MIL"),)


def _report(event: str, text: str, start: int, place: bool = False) -> Report:
    from wardesk.incidents.report import Where

    where = Where("Nabatieh", "LBN", "LB.04", 33.38, 35.48, 268064) if place else None
    return Report(key=("art", event), type="ASSAULT", day=None, evidence=text,
                  evidence_start=start, source=ISR if place else (), place=where,
                  apart=told_apart(text), words=words(text))


def test_separate_and_elsewhere_mark_another_incident_but_ordinary_words_do_not() -> None:
    assert told_apart("In a separate strike, a man was killed on a motorcycle in the town.")
    assert told_apart("Elsewhere, shelling killed two farmers.")
    assert told_apart("Another drone attack hit a market later that day.")
    assert not told_apart("Two more people died of their wounds, the ministry said.")
    assert not told_apart("The strike killed one soldier and wounded another.")


def test_a_report_told_apart_hangs_on_no_earlier_report_of_its_article() -> None:
    import datetime as dt

    day = dt.date(2025, 6, 12)
    lead = dataclasses.replace(_report("e1", "An Israeli drone strike on a car near Nabatieh"
                                       " killed two people.", 0, place=True), day=day)
    toll = dataclasses.replace(_report("e2", "Civil defence teams recovered two bodies from the"
                                       " car.", 100), day=day, dated=False)
    apart = dataclasses.replace(_report("e3", "In a separate strike, a man was killed on a"
                                        " motorcycle, the ministry said.", 200), day=day,
                                dated=False)
    hung = {k[1]: v[1] for k, v in anchors([lead, toll, apart]).items()}
    assert hung == {"e2": "e1"}  # the follow-up hangs on the lead; the separate strike does not
    same_words = dataclasses.replace(apart, apart=False)
    assert {k[1] for k in anchors([lead, toll, same_words])} == {"e2", "e3"}


def test_two_reports_without_a_local_place_that_name_one_small_town_are_one_incident() -> None:
    import datetime as dt

    from wardesk.incidents import same_incident
    from wardesk.incidents.report import Where, place_names

    day = dt.date(2025, 6, 12)
    lebanon = Where("Lebanon", "LBN")  # the gazetteer knew the country, not the town
    lead = Report(key=("a1", "e1"), type="ASSAULT", day=day, place=lebanon,
                  evidence="An Israeli drone strike on a car near Nabatieh killed two people.",
                  names=place_names("An Israeli drone strike on a car near Nabatieh killed two"
                                    " people."))
    assert lead.names == {"nabatieh"}
    text = "Two men died when a drone hit their car on the road between Nabatieh and a village."
    other = Report(key=("a2", "e1"), type="ASSAULT", day=day, evidence=text,
                   names=place_names(text), words=words(text))
    elsewhere = "Two men died when a drone hit their car on the road outside Tyre and a village."
    far = dataclasses.replace(other, key=("a3", "e1"), evidence=elsewhere,
                              names=place_names(elsewhere), words=words(elsewhere))
    lead = dataclasses.replace(lead, words=words(lead.evidence))
    assert same_incident(lead, other) and not same_incident(lead, far)
    assert place_names("Shelling hit villages in the Odesa region.") == frozenset()


def test_a_report_naming_the_other_days_weekday_may_be_dated_a_day_later() -> None:
    import datetime as dt

    from wardesk.incidents import same_incident
    from wardesk.incidents.report import Where

    kyiv = Where("Kyiv", "UKR", "UA.12", 50.45, 30.52, 703448)
    text = "A Russian missile strike on Kyiv killed three people on Thursday."
    thursday = Report(key=("a1", "e1"), type="ASSAULT", day=dt.date(2025, 6, 12), place=kyiv,
                      evidence=text, words=words(text))
    told = "The army said on Friday that Thursday's missile strike on Kyiv killed three people."
    friday = Report(key=("a2", "e1"), type="ASSAULT", day=dt.date(2025, 6, 13), place=kyiv,
                    evidence=told, words=words(told))
    assert same_incident(thursday, friday)
    other_day = told.replace("Thursday's", "the")
    assert not same_incident(thursday, dataclasses.replace(friday, evidence=other_day,
                                                           words=words(other_day)))


def test_a_report_naming_another_town_is_not_the_strike_on_the_city_the_same_day() -> None:
    import datetime as dt

    from wardesk.incidents import same_incident
    from wardesk.incidents.report import Where, place_names
    from wardesk.incidents.story import anchors

    day = dt.date(2025, 7, 3)
    city = Where("Kharkiv", "UKR", "UA.07", 49.99, 36.23, 706483)

    def report(event: str, text: str, start: int, place: Where | None) -> Report:
        return Report(key=("art", event), type="ASSAULT", day=day, place=place, evidence=text,
                      evidence_start=start, names=place_names(text), words=words(text))

    lead = report("e1", "Russian glide bombs killed four people in Kharkiv on Thursday.", 0, city)
    town = report("e2", "A drone attack on the town of Chuhuiv killed a woman and wounded three"
                  " people on Thursday.", 100, None)
    toll = report("e3", "The glide bombs wounded 28 people in the Kyivskyi district, rescuers"
                  " said.", 200, None)
    assert town.names == {"chuhuiv"} and toll.names == frozenset()  # a district is an area
    assert {k[1]: v[1] for k, v in anchors([lead, town, toll]).items()} == {"e3": "e1"}
    assert not same_incident(dataclasses.replace(town, key=("other", "e2")), lead)
    assert place_names("Kiper wrote on Telegram.") == frozenset()  # a platform is no place


def test_a_name_the_gazetteer_read_as_the_reports_own_region_names_no_other_town() -> None:
    import datetime as dt

    from wardesk.incidents.report import Where, place_names
    from wardesk.incidents.rule import names_elsewhere

    day = dt.date(2025, 3, 14)
    text = "Central Command said the leader was killed in the Middle East in an airstrike."
    wide = Report(key=("a1", "e1"), type="ASSAULT", day=day, place=Where("Middle East"),
                  evidence=text, names=place_names(text), words=words(text))
    erbil = Where("Erbil", "IRQ", "IQ.11", 36.19, 44.01, 95446)
    near = "The airstrike killed the leader near Erbil, officials said."
    local = Report(key=("a2", "e1"), type="ASSAULT", day=day, place=erbil, evidence=near,
                   names=place_names(near), words=words(near))
    assert wide.names and not names_elsewhere(wide, local)
    assert names_elsewhere(dataclasses.replace(wide, place=None), local)
