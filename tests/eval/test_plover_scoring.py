"""PLOVER one-sentence scoring with a fake extractor: aliases, INVESTIGATE → ACCUSE, CAMEO
country codes, DOCUMENT records skipped, precision over extracted events."""

from __future__ import annotations

from wardesk.eval.plover import gold_type, iso3, score_plover
from wardesk.records import ActorRef, Article, ArticleMeta, ArticleRecord, Event, Evidence


def event(kind: str, src: str | None = None) -> Event:
    source = (ActorRef(None, src, src, "GOV"),) if src else ()
    return Event(id=kind, event=kind, source=source, target=(), eventText="x", evidence=Evidence("x", 0, 1))


class FakeExtractor:
    """Codes every sentence from a table keyed by its text."""

    def __init__(self, answers: dict[str, tuple[Event, ...]]) -> None:
        self.answers = answers
        self.seen: list[Article] = []

    def __call__(self, article: Article) -> ArticleRecord:
        self.seen.append(article)
        return ArticleRecord(article=ArticleMeta(id="a"), events=self.answers.get(article.text, ()))


def test_codes_and_type_names() -> None:
    assert (iso3("JAP"), iso3("ITL"), iso3("USA"), iso3("IGO"), iso3("")) == ("JPN", "ITA", "USA", "IGO", None)
    assert (gold_type("DEMAND"), gold_type("FIGHT"), gold_type("INVESTIGATE"), gold_type("AGREE")) == (
        "REQUEST", "ASSAULT", "ACCUSE", "AGREE")


def test_type_recall_precision_and_source_country() -> None:
    gold = [
        {"id": "doc", "event": "DOCUMENT", "eventText": "notes"},
        {"id": "1", "event": "DEMAND", "text": "s1", "date": "2000-01-01", "source": [{"code": "JAP"}]},
        {"id": "2", "event": "AGREE", "text": "s2", "date": "2000-01-02", "source": [{"code": "FRA"}]},
        {"id": "3", "event": "FIGHT", "text": "s3", "date": "2000-01-03"},
    ]
    fake = FakeExtractor({
        "s1": (event("REQUEST", "JPN"), event("ASSAULT")),
        "s2": (event("AGREE", "DEU"),),
    })
    rep = score_plover(gold, fake)
    typ = rep.score("plover.event_type")
    assert (typ.tp, typ.fp, typ.fn) == (2, 1, 1)
    src = rep.score("plover.source_country")
    assert (src.tp, src.fn) == (1, 1)
    assert [a.published for a in fake.seen] == ["2000-01-01", "2000-01-02", "2000-01-03"]
    assert any(m.startswith("3: want ASSAULT") for m in rep.misses)


def test_place_dead_and_mode_on_matched_sentences() -> None:
    from dataclasses import replace

    from wardesk.records import Place

    gold = [
        {"id": "1", "event": "FIGHT", "text": "s1", "eventLoc": {"name": "Gorazde"}, "dead": 3, "mode": "explosives"},
        {"id": "2", "event": "PROTEST", "text": "s2", "mode": "strike-hun", "eventLoc": {"name": "Tbilisi"}},
        {"id": "3", "event": "PROTEST", "text": "s3", "mode": "riot-spon"},
    ]
    fake = FakeExtractor({
        "s1": (replace(event("ASSAULT"), eventLoc=Place("the town of Gorazde", "BIH"), dead=3, mode="explosives"),),
        "s2": (replace(event("PROTEST"), eventLoc=Place("Batumi", "GEO"), mode="hunger"),),
        "s3": (replace(event("PROTEST"), mode="demo"),),
    })
    scores = {s.name: s for s in score_plover(gold, fake).scores}
    assert (scores["plover.place"].tp, scores["plover.place"].fn) == (1, 1)
    assert (scores["plover.dead"].tp, scores["plover.dead"].fn) == (1, 0)
    assert (scores["plover.mode"].tp, scores["plover.mode"].fn) == (2, 1)


def test_place_spelling_variants_match() -> None:
    from wardesk.eval.plover import _same_place

    assert _same_place("algers", "algiers") and _same_place("province of herat", "herat")
    assert not _same_place("kabul", "kandahar")
