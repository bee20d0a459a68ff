"""Who did what to whom, scored on real news (issue 13): source (S) and target (T) actor spans of
../shared/train/cameo/cameo_ner_train.txt (BIO tags, one token a line, read in place).

Each sentence is extracted as a one-sentence Article with no published date (as
bench/judge/sample.py does) and the events are cached to /tmp. A sentence equal to a row of
cameo_class_train.tsv whose 0-based index is divisible by 5 is skipped (held out for the final
hand judgement). The rest is split by a hash of the sentence: 80% dev, 20% holdout (score the
holdout only at the end: ``--split holdout``).

Scores, per role (S, T):
- recall: of the gold spans, how many overlap an actor of that role in some event;
- precision: of the actors of that role, how many overlap a gold span of that role; "event
  precision" counts only events that touch a gold S or T span (the sentence's coded event: the
  gold codes one event a sentence, wardesk may find others);
- inverted: actors that overlap the gold span of the other role;
- sourceless: events without a source in sentences with a gold S span.
An actor's evidence is where its ``actorText`` occurs in the sentence (every occurrence), or
else the tokens sharing a content word with it.

    nice .venv/bin/python bench/actors/score.py [--split dev|holdout|all] [--reuse] [--misses N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CAMEO = HERE.parents[1].parent / "shared" / "train" / "cameo"
NER = CAMEO / "cameo_ner_train.txt"
TSV = CAMEO / "cameo_class_train.tsv"
CACHE = Path("/tmp/actors-bench/events.jsonl")
_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "%", ")", "]", "'s", "’s", "n't", "'", "’"}
_NO_SPACE_AFTER = {"(", "[", "$"}
_STOP = {"the", "a", "an", "of", "and", "'s", "s", "in", "on", "for", "to", "its", "his", "her",
         "their", "by", "with", "at", "from"}


@dataclass
class Sentence:
    key: str
    text: str
    tokens: list[str]
    tags: list[str]
    spans: list[tuple[int, int]] = field(default_factory=list)  # char span of each token

    def gold(self, role: str) -> list[set[int]]:
        out: list[set[int]] = []
        for i, tag in enumerate(self.tags):
            if tag == f"B-{role}" or (tag == f"I-{role}" and (not out or i - 1 not in out[-1])):
                out.append({i})
            elif tag == f"I-{role}":
                out[-1].add(i)
        return out


def norm_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def read_ner(path: Path) -> list[tuple[list[str], list[str]]]:
    out, toks, tags = [], [], []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if toks:
                out.append((toks, tags))
            toks, tags = [], []
            continue
        tok, _, tag = line.rpartition(" ")
        toks.append(tok)
        tags.append(tag)
    if toks:
        out.append((toks, tags))
    return out


def read_tsv(path: Path) -> list[str]:
    return [line.rpartition("\t")[0] for line in path.read_text("utf-8").splitlines()]


def detokenize(tokens: list[str]) -> str:
    text = ""
    for i, tok in enumerate(tokens):
        if i and tok not in _NO_SPACE_BEFORE and tokens[i - 1] not in _NO_SPACE_AFTER:
            text += " "
        text += tok
    return text


def align(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Each token's character span in the text, found by walking the alphanumeric characters."""
    spans, pos = [], 0
    for tok in tokens:
        chars = [c for c in tok if c.isalnum()]
        if not chars:
            spans.append((pos, pos))
            continue
        start = end = None
        for c in chars:
            while pos < len(text) and text[pos].lower() != c.lower():
                pos += 1
            if pos >= len(text):
                break
            start = pos if start is None else start
            pos += 1
            end = pos
        spans.append((start or 0, end or 0))
    return spans


def sentences() -> tuple[list[Sentence], int]:
    rows = read_tsv(TSV)
    held = {norm_key(s) for i, s in enumerate(rows) if i % 5 == 0}
    original = {norm_key(s): s for i, s in enumerate(rows) if i % 5 != 0}
    out, skipped, seen = [], 0, set()
    for toks, tags in read_ner(NER):
        key = norm_key("".join(toks))
        if key in held:
            skipped += 1
            continue
        if key in seen:
            continue
        seen.add(key)
        text = original.get(key) or detokenize(toks)
        sent = Sentence(key, text, toks, tags)
        sent.spans = align(text, toks)
        out.append(sent)
    return out, skipped


def split_of(sent: Sentence) -> str:
    return "holdout" if int(hashlib.sha1(sent.key.encode()).hexdigest(), 16) % 5 == 0 else "dev"


def extract(sents: list[Sentence]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    from wardesk.pipeline import Extractor
    from wardesk.records import Article, Rejection, to_dict

    extractor = Extractor()
    articles = (Article(text=s.text, id=f"ner-{i}") for i, s in enumerate(sents))
    for sent, item in zip(sents, extractor.pipe(articles), strict=True):
        if isinstance(item, Rejection):
            yield sent.key, []
        else:
            yield sent.key, [to_dict(e) for e in item[1].events]


def positions(sent: Sentence, actor_text: str) -> set[int]:
    """Token indices where an actor's words stand in the sentence."""
    hits: set[int] = set()
    needle = actor_text.strip()
    for m in re.finditer(re.escape(needle), sent.text) if needle else ():
        hits |= {i for i, (a, b) in enumerate(sent.spans) if a < m.end() and b > m.start() and b > a}
    if hits:
        return hits
    words = {w for w in re.findall(r"\w+", actor_text.lower()) if w not in _STOP}
    return {i for i, t in enumerate(sent.tokens) if t.lower() in words}


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    refs: int = 0
    right: int = 0
    ev_refs: int = 0
    ev_right: int = 0
    inverted: int = 0

    def line(self, role: str) -> str:
        r = self.found / max(self.gold, 1)
        p = self.right / max(self.refs, 1)
        ep = self.ev_right / max(self.ev_refs, 1)
        return (f"{role}: recall {self.found}/{self.gold} = {r:.3f}  precision {self.right}/{self.refs} = "
                f"{p:.3f}  event precision {self.ev_right}/{self.ev_refs} = {ep:.3f}  "
                f"inverted {self.inverted}")


def score(sents: list[Sentence], events: dict[str, list[dict[str, Any]]], misses: int) -> None:
    tallies = {"S": Tally(), "T": Tally()}
    other = {"S": "T", "T": "S"}
    role_key = {"S": "source", "T": "target"}
    sourceless = in_s = no_event = 0
    shown = 0
    for sent in sents:
        evs = events.get(sent.key, [])
        gold = {role: sent.gold(role) for role in ("S", "T")}
        if gold["S"] or gold["T"]:
            no_event += not evs
        placed = [{role: [(r, positions(sent, r["actorText"])) for r in e[role_key[role]]]
                   for role in ("S", "T")} for e in evs]
        all_gold = [g for role in ("S", "T") for g in gold[role]]
        bad: list[str] = []
        for role in ("S", "T"):
            t = tallies[role]
            for span in gold[role]:
                t.gold += 1
                if any(pos & span for p in placed for _, pos in p[role]):
                    t.found += 1
                else:
                    bad.append(f"missed {role} [{' '.join(sent.tokens[i] for i in sorted(span))}]")
            for p in placed:
                touches = any(pos & g for rs in p.values() for _, pos in rs for g in all_gold)
                for ref, pos in p[role]:
                    ok = any(pos & g for g in gold[role])
                    t.refs += 1
                    t.right += ok
                    t.ev_refs += touches
                    t.ev_right += ok and touches
                    if not ok and any(pos & g for g in gold[other[role]]):
                        t.inverted += 1
                        bad.append(f"inverted {role} {ref['actorText']!r}")
                    elif not ok and touches:
                        bad.append(f"wrong {role} {ref['actorText']!r}")
        if gold["S"]:
            in_s += len(evs)
            sourceless += sum(1 for e in evs if not e["source"])
        if bad and shown < misses:
            shown += 1
            print(f"--- {sent.text}")
            for e in evs:
                print(f"    {e['event']} {e['eventText']!r} S={[r['actorText'] + ' ' + str(r['code']) for r in e['source']]}"
                      f" T={[r['actorText'] + ' ' + str(r['code']) for r in e['target']]}")
            print("    " + "; ".join(bad))
    print(f"{len(sents)} sentences, {sum(len(events.get(s.key, [])) for s in sents)} events; "
          f"sentences with gold S/T but no event: {no_event}")
    for role in ("S", "T"):
        print("  " + tallies[role].line(role))
    print(f"  events with no source though gold S exists: {sourceless}/{in_s} = {sourceless / max(in_s, 1):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "holdout", "all"], default="dev")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--reuse", action="store_true", help="score the cached events again")
    ap.add_argument("--misses", type=int, default=0, help="print this many sentences with errors")
    args = ap.parse_args()
    sents, skipped = sentences()
    chosen = [s for s in sents if args.split == "all" or split_of(s) == args.split]
    print(f"{len(sents)} sentences ({skipped} held-out skipped); {args.split}: {len(chosen)}", file=sys.stderr)
    if not args.reuse:
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        with args.cache.open("w", encoding="utf-8") as fh:
            for key, evs in extract(sents):
                fh.write(json.dumps({"key": key, "events": evs}) + "\n")
    events = {}
    for line in args.cache.open(encoding="utf-8"):
        row = json.loads(line)
        events[row["key"]] = row["events"]
    score(chosen, events, args.misses)


if __name__ == "__main__":
    main()
