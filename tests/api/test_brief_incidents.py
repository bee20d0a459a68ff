"""The brief by incident: one line per incident however many outlets told it, its deaths as the
range of its reports with who gave which figure; recaps left out; period totals apart and never
added; per-theatre totals count each incident once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wardesk.brief import make_brief, render_html, render_markdown
from wardesk.records import (
    ActorRef,
    Article,
    ArticleMeta,
    ArticleRecord,
    Attribution,
    Event,
    EventDate,
    Evidence,
    Place,
    ReportedTotal,
)
from wardesk.store import Store

RUS = ActorRef("rus/mil/russian-armed-forces", "Russian forces", "RUS", "MIL")
KYIV = Place("Kyiv", "UKR", "Kyiv City", 50.45, 30.52, 703448)
LVIV = Place("Lviv", "UKR", "Lviv Oblast", 49.84, 24.03, 702550)
RECAP = "Kyiv was also struck on the first day of the 2022 invasion, killing 30."
TOTAL = "more than 12,000 civilians"


def _strike(ident: str, text: str, dead: int, place: Place = KYIV, day: str = "2025-05-07",
            background: bool = False) -> Event:
    return Event(ident, "ASSAULT", (RUS,), (), "struck", Evidence(text, 0, len(text)),
                 mode="aerial", date=EventDate("overnight", day, resolution="exact"),
                 eventLoc=place, dead=dead, status="occurred", certainty="reported",
                 background=background)


def _save(store: Store, publisher: str, text: str, *events: Event,
          totals: tuple[ReportedTotal, ...] = ()) -> None:
    article = Article(text=text, published="2025-05-07", title=f"{publisher} story",
                      publisher=publisher)
    meta = ArticleMeta(article.id, None, article.title, None, publisher, "2025-05-07")
    store.save(article, ArticleRecord(meta, (), events, totals=totals))


@pytest.fixture
def store() -> Iterator[Store]:
    lead = "Russian forces struck Kyiv with missiles overnight, killing eight."
    second = "Russian forces hit Kyiv with missiles overnight; nine were killed."
    third = "Russian forces' missile strike on Kyiv overnight killed 11."
    lviv = "Russian forces struck Lviv with a drone, killing two."
    un = f"The UN says {TOTAL} have been killed since the war began."
    with Store(":memory:") as s:
        _save(s, "Northwire", lead, _strike("k1", lead, 8))
        _save(s, "Valley Herald", f"{second} {RECAP}", _strike("k2", second, 9),
              _strike("old", RECAP, 30, day="2022-02-24", background=True))
        _save(s, "Continental", f"{third} {un}", _strike("k3", third, 11),
              totals=(ReportedTotal("dead", 12000, TOTAL, Evidence(un, 0, len(un)), "at_least",
                                    "since the war began",
                                    attribution=Attribution("The UN")),))
        _save(s, "Northwire", lviv, _strike("l1", lviv, 2, place=LVIV))
        yield s


def test_each_incident_is_one_line_with_its_range(store: Store) -> None:
    brief = make_brief(store, since="2025-05-01", until="2025-05-10")
    kyiv = [s for s in brief.key_events if s["place"] == "Kyiv"]
    assert len(kyiv) == 1 and sorted(kyiv[0]["events"]) == ["k1", "k2", "k3"]
    assert kyiv[0]["dead"] == {"min": 8, "max": 11} and kyiv[0]["publishers"] == 3
    assert [s["place"] for s in brief.casualties].count("Kyiv") == 1
    assert brief.counts == {"ASSAULT": 2} and brief.reports == 4
    markdown = render_markdown(brief)
    line = next(x for x in markdown.splitlines() if "8–11 dead in Kyiv" in x)
    assert "Northwire: 8 dead" in line and "Valley Herald: 9 dead" in line
    assert "Continental: 11 dead" in line and "3 reports from 3 publishers" in line


def test_recaps_are_not_current_news(store: Store) -> None:
    brief = make_brief(store, since="2022-01-01", until="2025-05-10")
    assert all("old" not in s["events"] for s in (*brief.key_events, *brief.casualties))
    assert "2022 invasion" not in render_markdown(brief)


def test_reported_totals_stand_apart_and_are_never_added(store: Store) -> None:
    brief = make_brief(store, since="2025-05-01", until="2025-05-10")
    [total] = brief.reported_totals
    assert total["value"] == 12000 and total["attribution"] == "The UN"
    [ukraine] = brief.theatres
    assert ukraine["country"] == "UKR" and ukraine["incidents"] == 2
    assert ukraine["dead"] == {"min": 10, "max": 13}  # 8–11 in Kyiv + 2 in Lviv, once each
    markdown = render_markdown(brief)
    assert "- Ukraine: 2 incidents (2 violent), 10–13 dead" in markdown
    section = markdown.split("## Reported totals")[1].split("## ")[0]
    assert f"dead: “{TOTAL}”, since the war began — according to The UN" in section
    assert "12000" not in markdown.split("## By theatre")[1].split("## Reported")[0]


def test_html_brief_links_each_incident_and_escapes(store: Store) -> None:
    _save(store, "<script>alert(1)</script>", "Russian forces struck Odesa, killing <b>4</b>.",
          _strike("x1", "Russian forces struck Odesa <img src=x onerror=alert(1)>, killing 4.", 4,
                  place=Place("Odesa <script>", "UKR", "Odesa Oblast", 46.48, 30.73, 698740)))
    html = render_html(make_brief(store, since="2025-05-01", until="2025-05-10"))
    assert "<script>" not in html and "&lt;script&gt;" in html and "<img" not in html
    assert html.count('href="/incidents/') >= 4  # key events and casualties link incidents
    assert "<h3>By theatre</h3>" in html and "Reported totals" in html
