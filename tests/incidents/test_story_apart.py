"""A report whose words say it is another incident ("in a separate strike", "elsewhere") does not
hang on the incident its article told before it (wardesk.incidents.story)."""

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
