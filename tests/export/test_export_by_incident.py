"""Exports by incident: one row per real-world event, deaths counted once (the lowest reported
toll in ACLED's ``fatalities``, the range in ``notes`` and in ``dead_min``/``dead_max``);
``by="report"`` keeps one row per event; background events stay out unless asked for."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from wardesk.cli.main import cli
from wardesk.export import write_export
from wardesk.export.acled import ACLED_COLUMNS
from wardesk.records import (
    ActorRef,
    Article,
    ArticleMeta,
    ArticleRecord,
    Event,
    EventDate,
    Evidence,
    Place,
)
from wardesk.store import Store

RUS = ActorRef("rus/mil/russian-armed-forces", "Russian forces", "RUS", "MIL")
KYIV = Place("Kyiv", "UKR", "Kyiv City", 50.45, 30.52, 703448)
LVIV = Place("Lviv", "UKR", "Lviv Oblast", 49.84, 24.03, 702550)


def _strike(ident: str, text: str, dead: int | None, *, incident: str | None = "inc-kyiv",
            background: bool = False, place: Place = KYIV, day: str = "2025-05-07") -> Event:
    return Event(ident, "ASSAULT", (RUS,), (), "struck", Evidence(text, 0, len(text)),
                 mode="aerial", date=EventDate("overnight", day, resolution="exact"),
                 eventLoc=place, dead=dead, status="occurred", certainty="reported",
                 background=background, incident=incident)


def _record(n: int, publisher: str, published: str, *events: Event) -> ArticleRecord:
    meta = ArticleMeta(f"art-{n}", f"src-{n}", f"Story {n}", None, publisher, published)
    return ArticleRecord(meta, (), events)


@pytest.fixture
def outlets() -> list[ArticleRecord]:
    """One strike told by three outlets (tolls 8, 9, 11) plus a caption without a toll; an
    unrelated strike on Lviv; a recap of a 2022 attack told as background."""
    return [
        _record(1, "Northwire", "2025-05-07",
                _strike("k1", "Russian missiles struck Kyiv overnight, killing at least eight.", 8),
                _strike("k1-cap", "Rescuers search the ruins in Kyiv.", None)),
        _record(2, "Valley Herald", "2025-05-07",
                _strike("k2", "Nine people were killed when a missile hit Kyiv.", 9),
                _strike("old", "Kyiv was also hit in the 2022 invasion.", 20, incident="inc-old",
                        background=True, day="2022-02-24")),
        _record(3, "Continental", "2025-05-08",
                _strike("k3", "The toll from Wednesday's attack on Kyiv rose to 11.", 11)),
        _record(4, "Northwire", "2025-05-07",
                _strike("l1", "A drone hit Lviv, killing two.", 2, incident="inc-lviv",
                        place=LVIV)),
    ]


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _export(fmt: str, source: object, **kw: object) -> str:
    out = io.StringIO()
    write_export(fmt, source, None, out, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def test_acled_counts_each_incident_once_with_the_lowest_toll(outlets: list[ArticleRecord]) -> None:
    rows = _csv(_export("acled", outlets))
    by_incident = {r["incident_id"]: r for r in rows}
    assert sorted(by_incident) == ["inc-kyiv", "inc-lviv"]  # the recap is background: left out
    kyiv = by_incident["inc-kyiv"]
    assert kyiv["fatalities"] == "8" and kyiv["fatalities_max"] == "11"
    assert "fatalities reported 8-11 (3 of 4 reports give a figure)" in kyiv["notes"]
    assert kyiv["reports"] == "4" and kyiv["articles"] == "3" and kyiv["publishers"] == "3"
    assert kyiv["event_date"] == "2025-05-07" and kyiv["location"] == "Kyiv"
    assert kyiv["source_id"] == "src-1; src-2; src-3"
    assert sum(int(r["fatalities"]) for r in rows) == 10  # not 8 + 9 + 11 + 2 = 30


def test_acled_by_report_keeps_one_row_per_event(outlets: list[ArticleRecord]) -> None:
    text = _export("acled", outlets, by="report", background=True)
    rows = _csv(text)
    assert text.splitlines()[0] == ",".join(ACLED_COLUMNS)  # today's columns, nothing added
    assert [r["event_id"] for r in rows] == ["k1", "k1-cap", "k2", "old", "k3", "l1"]
    assert [r["fatalities"] for r in rows] == ["8", "0", "9", "20", "11", "2"]
    no_recap = _csv(_export("acled", outlets, by="report"))
    assert [r["event_id"] for r in no_recap] == ["k1", "k1-cap", "k2", "k3", "l1"]


def test_background_is_exported_only_when_asked(outlets: list[ArticleRecord]) -> None:
    rows = _csv(_export("acled", outlets, background=True))
    assert {r["incident_id"] for r in rows} == {"inc-kyiv", "inc-lviv", "inc-old"}
    table = _csv(_export("csv", outlets, by="incident", background=True))
    old = next(r for r in table if r["event_ids"] == "old")
    assert old["background"] == "True"


def test_csv_and_geojson_one_row_per_incident(outlets: list[ArticleRecord]) -> None:
    table = _csv(_export("csv", outlets, by="incident"))
    assert len(table) == 2
    kyiv = next(r for r in table if r["place"] == "Kyiv")
    assert (kyiv["dead_min"], kyiv["dead_max"]) == ("8", "11")
    assert kyiv["event_ids"] == "k1; k1-cap; k2; k3" and kyiv["publishers"] == "3"
    assert kyiv["publisher_names"] == "Northwire; Valley Herald; Continental"
    assert kyiv["certainty"] == "corroborated" and kyiv["background"] == "False"
    geo = json.loads(_export("geojson", outlets, by="incident"))
    assert len(geo["features"]) == 2
    props = {f["properties"]["place"]: f["properties"] for f in geo["features"]}
    assert props["Kyiv"]["dead_min"] == 8 and props["Kyiv"]["dead_max"] == 11
    assert props["Kyiv"]["reports"] == 4


def test_unknown_grouping_is_a_usage_error(outlets: list[ArticleRecord]) -> None:
    from wardesk.errors import UsageError

    with pytest.raises(UsageError, match="grouping"):
        _export("csv", outlets, by="article")


# ---- through a real store: the incidents the store builds ------------------------------------

def _stored_pair(n: int, publisher: str, text: str, dead: int) -> tuple[Article, ArticleRecord]:
    article = Article(text=text, published="2025-05-07", title=f"Story {n}", source_id=f"s{n}",
                      publisher=publisher)
    event = _strike(f"e{n}", text, dead, incident=None)
    meta = ArticleMeta(article.id, f"s{n}", article.title, None, publisher, "2025-05-07")
    return article, ArticleRecord(meta, (), (event,))


def _postgres() -> Iterator[str]:
    """A fresh schema on the PostgreSQL test server: the store tests' own helper, loaded by path."""
    spec = importlib.util.spec_from_file_location(
        "wardesk_store_test_kit", Path(__file__).parent.parent / "store" / "conftest.py")
    assert spec is not None and spec.loader is not None
    kit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kit)
    yield from kit.postgres_schema()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    texts = [("Northwire", "Russian forces struck Kyiv with missiles overnight, killing eight.", 8),
             ("Valley Herald", "Russian forces hit Kyiv with missiles overnight; nine were killed.", 9),
             ("Continental", "Russian forces' missile strike on Kyiv overnight killed 11.", 11)]
    urls = iter([":memory:"]) if request.param == "sqlite" else _postgres()
    with Store(next(urls)) as s:
        for n, (publisher, text, dead) in enumerate(texts):
            s.save(*_stored_pair(n, publisher, text, dead))
        yield s
    for _ in urls:  # drops the PostgreSQL schema
        pass


def test_store_export_counts_the_stored_incident_once(store: Store) -> None:
    incidents = {e["incident"] for e in store.iter_events()}
    assert len(incidents) == 1 and None not in incidents  # the store merged the three reports
    rows = _csv(_export("acled", store))
    assert len(rows) == 1 and rows[0]["fatalities"] == "8" and rows[0]["fatalities_max"] == "11"
    assert rows[0]["incident_id"] in incidents
    by_report = _csv(_export("acled", store, by="report"))
    assert sorted(int(r["fatalities"]) for r in by_report) == [8, 9, 11]
    table = _csv(_export("csv", store))
    assert len(table) == 1 and (table[0]["dead_min"], table[0]["dead_max"]) == ("8", "11")


def test_cli_export_by_incident_and_by_report(tmp_path: object, store: Store) -> None:
    path = str(tmp_path) + "/cli.db"  # type: ignore[operator]
    with Store(path) as s:
        for art_id in [a["id"] for a in store.articles(limit=10)]:
            record = store.record(art_id)
            article = store.article(art_id)
            assert record is not None and article is not None
            s.save(Article(text=article["text"], published=article["published"],
                           title=article["title"], source_id=article["source_id"],
                           publisher=article["publisher"]), record)
    runner = CliRunner()
    grouped = runner.invoke(cli, ["--db", path, "export", "--format", "acled"])
    per_report = runner.invoke(cli, ["--db", path, "export", "--format", "acled", "--by", "report"])
    assert grouped.exit_code == 0 and per_report.exit_code == 0, grouped.output + per_report.output
    assert len(_csv(grouped.output)) == 1 and len(_csv(per_report.output)) == 3
    assert per_report.output.splitlines()[0] == ",".join(ACLED_COLUMNS)


def test_a_report_of_none_is_not_the_lowest_toll_beside_reported_deaths() -> None:
    records = [_record(1, "Northwire", "2025-05-07", _strike("a", "Five were killed in Kyiv.", 5)),
               _record(2, "Herald", "2025-05-07", _strike("b", "No one was killed in Kyiv.", 0)),
               _record(3, "Continental", "2025-05-08", _strike("c", "Seven died in Kyiv.", 7))]
    [row] = _csv(_export("acled", records))
    assert (row["fatalities"], row["fatalities_max"]) == ("5", "7")
    assert "fatalities reported 5-7 (3 of 3 reports give a figure); 1 report of none" in row["notes"]
    [calm] = _csv(_export("acled", records[1:2]))
    assert calm["fatalities"] == "0" and "fatalities reported 0 " in calm["notes"]
