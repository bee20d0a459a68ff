"""The extraction pipeline: Article → spaCy Doc → the stages of ``extract`` → ArticleRecord.

This is the one place that knows the order of the stages. It never touches SQL or HTTP.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from wardesk.extract.actors import find_actors
from wardesk.extract.events import find_events
from wardesk.extract.layers import KnownPerson, Layers
from wardesk.extract.numbers import find_quantities
from wardesk.extract.places import find_places
from wardesk.extract.positions import find_positions
from wardesk.extract.speech import find_statements
from wardesk.extract.story import story_counts, tell_story
from wardesk.extract.time import find_dates
from wardesk.extract.tone import score_tone
from wardesk.ingest.furniture import drop_furniture
from wardesk.kb import load_kb
from wardesk.nlp import load_pipeline
from wardesk.nlp.normalise import word_count
from wardesk.process import find_process
from wardesk.records import Article, ArticleMeta, ArticleRecord, Rejection
from wardesk.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

Extracted = tuple[Article, ArticleRecord]


@dataclass
class Extractor:
    """Extracts records from articles with one loaded pipeline and a memory of known people.

    ``known`` maps a person's name (full name and surname, lower-cased) to the office an
    earlier article gave them; the store supplies it so that roles carry across articles.
    """

    settings: Settings = field(default_factory=Settings)
    known: Mapping[str, KnownPerson] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.nlp = load_pipeline(self.settings.model)
        self.kb = load_kb()

    def __call__(self, article: Article) -> ArticleRecord:
        return self.record(article, self.nlp(article.text))

    def pipe(self, items: Iterable[Article | Rejection]) -> Iterator[Extracted | Rejection]:
        """(article, record) pairs in input order; Rejections pass through untouched."""
        batch: list[Article | Rejection] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                yield from self._run(batch)
                batch = []
        yield from self._run(batch)

    def _run(self, batch: list[Article | Rejection]) -> Iterator[Extracted | Rejection]:
        articles = [a for a in batch if isinstance(a, Article)]
        docs = iter(self.nlp.pipe((a.text for a in articles), batch_size=self.settings.batch_size))
        for item in batch:
            if isinstance(item, Rejection):
                yield item
                continue
            doc = next(docs)
            try:
                yield item, self.record(item, doc)
            except Exception as exc:  # a bug on one document must not end the batch
                yield Rejection(item.origin or item.id, "extract_error", f"{type(exc).__name__}: {exc}")

    def record(self, article: Article, doc: Doc) -> ArticleRecord:
        """The article's record, without what was read from page furniture (bylines...)."""
        furniture = article.furniture or doc.user_data.get("furniture", ())
        return drop_furniture(self._record(article, doc), furniture)

    def _record(self, article: Article, doc: Doc) -> ArticleRecord:
        actors = find_actors(doc, self.kb, self.known, article.published)
        dates = find_dates(doc, article.published)
        statements = find_statements(doc, actors)
        layers = Layers(
            doc=doc, published=article.published, actors=actors, dates=dates,
            places=find_places(doc), quantities=story_counts(find_quantities(doc), dates, article.published),
            statements=statements,
            known=self.known,
        )
        meta = ArticleMeta(
            id=article.id, source_id=article.source_id, title=article.title, url=article.url,
            publisher=article.publisher, published=article.published, language=article.language,
            words=word_count(doc),
            tone=score_tone(doc, statements),
        )
        story = tell_story(layers, find_events(layers, article.id), article.id)
        events, positions = story.events, find_positions(layers)
        process = find_process(layers, events, positions)
        return ArticleRecord(
            article=meta, actors=actors.actors, events=events,
            statements=statements.statements, dates=dates.mentions,
            positions=positions, totals=story.totals,
            proposals=process.proposals, coalitions=process.coalitions, pledges=process.pledges,
        )

    def with_known(self, known: Mapping[str, KnownPerson]) -> Extractor:
        return replace(self, known=known)


def extract(
    text: str, published: str | None = None, title: str | None = None,
    settings: Settings | None = None,
) -> ArticleRecord:
    """Extract the SCHEMA.md record from one article's text."""
    extractor = Extractor(settings or Settings())
    return extractor(Article(text=text, published=published, title=title))
