"""The ACLED view on hand-built records: which events become rows, with ACLED's event types,
actor names, place columns and fatalities; planned, denied and negated events are left out."""

from __future__ import annotations

from typing import Any

from wardesk.export.acled import ACLED_COLUMNS, acled_rows
from wardesk.records import ActorRef, ArticleMeta, ArticleRecord, Event, EventDate, Evidence, Place

UKR = ActorRef("ukr/mil/x", "Ukrainian forces", "UKR", "MIL")
RUS = ActorRef("rus/gov/x", "Russia", "RUS", "GOV")
CVL = ActorRef(None, "residents", "UKR", "CVL")


def ev(event: str, mode: str | None, text: str = "attacked", **kw: Any) -> Event:
    kw.setdefault("source", (RUS,))
    kw.setdefault("target", (UKR,))
    return Event(id=f"{event}-{mode}-{text}", event=event, mode=mode, eventText=text,
                 evidence=Evidence("The sentence.", 0, 13), date=EventDate("", "2025-03-11"), **kw)


def rows(*events: Event) -> list[dict[str, Any]]:
    meta = ArticleMeta(id="a", source_id="8011115", publisher="VOA", published="2025-03-12")
    return list(acled_rows([ArticleRecord(article=meta, events=events)]))


def kinds(*events: Event) -> list[tuple[Any, Any]]:
    return [(r["event_type"], r["sub_event_type"]) for r in rows(*events)]


def test_columns_and_a_full_row() -> None:
    (row,) = rows(ev("ASSAULT", "heavy-weapons", "shelled", dead=4,
                     eventLoc=Place("Kharkiv", "UKR", "07", 49.98, 36.25)))
    assert list(row) == list(ACLED_COLUMNS)
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert (row["event_date"], row["year"], row["fatalities"], row["source_id"]) == ("2025-03-11", "2025", 4, "8011115")
    assert row["actor1"] == "Military Forces of Russia" and row["actor2"] == "Military Forces of Ukraine"
    assert (row["country"], row["location"], row["geo_precision"]) == ("Ukraine", "Kharkiv", 1)
    assert row["inter1"] == "1" and row["notes"] == "The sentence." and row["source"] == "VOA"


def test_assault_sub_types() -> None:
    assert kinds(ev("ASSAULT", "drone", "drone strike", dead=1)) == [("Explosions/Remote violence", "Air/drone strike")]
    assert kinds(ev("ASSAULT", "aerial", "shot down")) == [("Strategic developments", "Disrupted weapons use")]
    assert kinds(ev("ASSAULT", "abduct", "kidnapped")) == [("Violence against civilians", "Abduction/forced disappearance")]
    assert kinds(ev("ASSAULT", None, "killed", target=(CVL,))) == [("Violence against civilians", "Attack")]
    assert kinds(ev("ASSAULT", "firearms", "clashed")) == [("Battles", "Armed clash")]
    assert kinds(ev("ASSAULT", "explosives", "blew up", dead=2)) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def test_protests_riots_and_strategic_developments() -> None:
    crowd = ActorRef(None, "students", "SRB", None)
    assert kinds(ev("PROTEST", "demo", "marched", source=(crowd,), target=())) == [("Protests", "Peaceful protest")]
    (row,) = rows(ev("PROTEST", "riot", "rioted", source=(crowd,), target=()))
    assert (row["event_type"], row["actor1"], row["inter1"]) == ("Riots", "Rioters (Serbia)", "5")
    assert kinds(ev("COERCE", "arrest", "arrested")) == [("Strategic developments", "Arrests")]
    assert kinds(ev("RETREAT", "ceasefire", "ceasefire")) == [("Strategic developments", "Agreement")]


def test_events_that_did_not_happen_or_are_not_acled_are_left_out() -> None:
    assert rows(ev("ASSAULT", None, status="planned")) == []
    assert rows(ev("ASSAULT", None, status="denied")) == []
    assert rows(ev("ASSAULT", None, negated=True)) == []
    assert rows(ev("CONSULT", None, "met"), ev("REQUEST", None, "urged")) == []


def test_unidentified_attacker_is_an_unidentified_armed_group() -> None:
    unk = ActorRef(None, "roadside bomb", "IRQ", "UNK")
    (row,) = rows(ev("ASSAULT", None, "killed", source=(unk,), target=(CVL,), dead=2))
    assert row["actor1"] == "Unidentified Armed Group (Iraq)" and row["inter1"] == "3"
