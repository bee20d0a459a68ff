"""Reads a development set written in the tagged-sentence format of bench/incidents/dev.txt and
turns it into articles (the shape of samples/articles.jsonl) and a gold file.

    python bench/incidents/devset.py                 # writes articles.jsonl and gold.json beside dev.txt
    python bench/incidents/devset.py holdout.txt     # holdout.articles.jsonl, holdout.gold.json

Gold spans are character offsets into each article's text, computed while the text is built, so
they never drift from the text.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_SET = HERE / "dev.txt"
_INCIDENT = re.compile(r"^@incident\s+(\S+)\s+(\S+)\s+(\d{4}-\d{2}-\d{2})\s+(.+?)\s+"
                       r"dead=(\S+)\s+injured=(\S+)\s*$")
_RANGE = re.compile(r"^(\d+)-(\d+)$")


@dataclass
class Span:
    article: str
    start: int
    end: int
    text: str
    tag: str  # an incident id, "R", "R:<id>" or "T"

    @property
    def incident(self) -> str | None:
        return None if self.tag in ("R", "T") or self.tag.startswith("R:") else self.tag

    @property
    def recap(self) -> bool:
        return self.tag in ("R", "T") or self.tag.startswith("R:")


@dataclass
class Draft:
    id: str
    published: str
    publisher: str
    title: str
    paragraphs: list[list[tuple[str, str]]] = field(default_factory=lambda: [[]])


@dataclass
class DevSet:
    incidents: dict[str, dict[str, Any]]
    lookalikes: list[tuple[str, str]]
    articles: list[dict[str, Any]]
    spans: list[Span]

    @property
    def reports(self) -> list[Span]:
        return [s for s in self.spans if s.incident]

    @property
    def recaps(self) -> list[Span]:
        return [s for s in self.spans if s.recap]

    def gold(self) -> dict[str, Any]:
        return {
            "incidents": self.incidents,
            "lookalikes": [list(pair) for pair in self.lookalikes],
            "reports": [_span_json(s) | {"incident": s.incident} for s in self.reports],
            "recaps": [_span_json(s) | {"kind": "total" if s.tag == "T" else "recap",
                                        "refers_to": s.tag[2:] if s.tag.startswith("R:") else None}
                       for s in self.recaps],
        }


def _span_json(s: Span) -> dict[str, Any]:
    return {"article": s.article, "start": s.start, "end": s.end, "text": s.text}


def _figure(value: str) -> dict[str, int] | None:
    if value == "none":
        return None
    found = _RANGE.match(value)
    if not found:
        raise ValueError(f"bad range {value!r}: write MIN-MAX or none")
    return {"min": int(found.group(1)), "max": int(found.group(2))}


def _header(line: str, incidents: dict[str, dict[str, Any]],
            lookalikes: list[tuple[str, str]]) -> None:
    if line.startswith("@incident"):
        m = _INCIDENT.match(line)
        if not m:
            raise ValueError(f"bad @incident line: {line}")
        ident, kind, day, place, dead, injured = m.groups()
        incidents[ident] = {"type": kind, "date": day, "place": place,
                            "dead": _figure(dead), "injured": _figure(injured)}
    elif line.startswith("@lookalike"):
        _, ident, other = line.split()
        lookalikes.append((ident, other))
    else:
        raise ValueError(f"unknown directive: {line}")


def parse(path: Path) -> DevSet:
    """The articles, gold spans, incidents and look-alike pairs of one tagged set."""
    incidents: dict[str, dict[str, Any]] = {}
    lookalikes: list[tuple[str, str]] = []
    drafts: list[Draft] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#"):
            continue
        if line.startswith("@"):
            _header(line, incidents, lookalikes)
        elif line.startswith("==="):
            ident, published, publisher, title = (p.strip() for p in line[3:].split("|", 3))
            drafts.append(Draft(ident, published, publisher, title))
        elif not line:
            if drafts and drafts[-1].paragraphs[-1]:
                drafts[-1].paragraphs.append([])
        else:
            tag, _, sentence = line.partition("|")
            if not drafts or not sentence.strip():
                raise ValueError(f"sentence outside an article or without a tag: {line}")
            drafts[-1].paragraphs[-1].append((tag.strip(), sentence.strip()))
    _check(incidents, lookalikes, drafts)
    articles, spans = [], []
    for draft in drafts:
        article, found = _build(draft)
        articles.append(article)
        spans.extend(found)
    return DevSet(incidents, lookalikes, articles, spans)


def _check(incidents: dict[str, dict[str, Any]], lookalikes: list[tuple[str, str]],
           drafts: list[Draft]) -> None:
    for pair in lookalikes:
        for ident in pair:
            if ident not in incidents:
                raise ValueError(f"look-alike names an unknown incident {ident!r}")
    for draft in drafts:
        for para in draft.paragraphs:
            for tag, _ in para:
                name = tag[2:] if tag.startswith("R:") else tag
                if name not in ("-", "R", "T") and name not in incidents:
                    raise ValueError(f"{draft.id}: unknown tag {tag!r}")


def _build(draft: Draft) -> tuple[dict[str, Any], list[Span]]:
    text, spans = "", []
    for para in (p for p in draft.paragraphs if p):
        if text:
            text += "\n\n"
        for i, (tag, sentence) in enumerate(para):
            if i:
                text += " "
            start = len(text)
            text += sentence
            if tag != "-":
                spans.append(Span(draft.id, start, len(text), sentence, tag))
    article = {"id": draft.id, "title": draft.title, "published": draft.published,
               "publisher": draft.publisher, "url": None, "text": text}
    return article, spans


def write(devset: DevSet, out: Path, prefix: str = "") -> tuple[Path, Path]:
    """Writes ``<prefix>articles.jsonl`` and ``<prefix>gold.json`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    articles, gold = out / f"{prefix}articles.jsonl", out / f"{prefix}gold.json"
    with articles.open("w", encoding="utf-8") as stream:
        for a in devset.articles:
            stream.write(json.dumps(a, ensure_ascii=False) + "\n")
    gold.write_text(json.dumps(devset.gold(), indent=1, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return articles, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set", nargs="?", default=str(DEFAULT_SET))
    parser.add_argument("--out", default=None, help="directory (default: beside the set)")
    args = parser.parse_args()
    path = Path(args.set)
    devset = parse(path)
    # dev.txt's files keep their plain names; another set's are prefixed with its name
    prefix = "" if path.resolve() == DEFAULT_SET else f"{path.stem}."
    articles, gold = write(devset, Path(args.out) if args.out else path.parent, prefix)
    print(f"{len(devset.articles)} articles, {len(devset.incidents)} incidents, "
          f"{len(devset.reports)} report sentences, {len(devset.recaps)} recaps, "
          f"{len(devset.lookalikes)} look-alike pairs -> {articles}, {gold}")


if __name__ == "__main__":
    main()
