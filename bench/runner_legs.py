"""Throughput of the local and Ray runners on one corpus, one leg per process; prints one JSON line.

    python bench/runner_legs.py {local,ray} WORKERS CORPUS.jsonl [REPEAT]

The clock starts at ``runners.run`` and so includes the workers or actors loading the model (what
a user waits for); Ray's own start (``ray.init``) is timed apart. CPU seconds are this process and
its finished children (the local pool) plus, for Ray, the actor processes, sampled with psutil
since they are not this process's children. ``REPEAT`` runs the corpus that many times over, so
that the model load weighs less.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from typing import Any

import psutil


def own_cpu() -> float:
    me, children = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


class ActorCpu(threading.Thread):
    """The last CPU time seen of every Ray Data map actor (sampled every 0.2 s)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.seen: dict[int, float] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.2):
            for proc in psutil.process_iter(["cmdline", "name"]):
                try:
                    label = " ".join(proc.info["cmdline"] or []) + (proc.info["name"] or "")
                    if "MapWorker" in label:
                        times = proc.cpu_times()
                        self.seen[proc.pid] = times.user + times.system
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass


def main(runner: str, workers: int, path: str, repeat: int) -> dict[str, Any]:
    from wardesk.records import Article
    from wardesk.runners import run
    from wardesk.settings import Settings

    with open(path, encoding="utf-8") as lines:
        stories = [json.loads(line) for line in lines] * repeat
    items = [Article(text=s["text"], title=s["title"], published=s["published"][:10],
                     origin=s["id"]) for s in stories]
    words = [len(a.text.split()) for a in items]
    out: dict[str, Any] = {"runner": runner, "workers": workers, "docs": len(items),
                           "words": sum(words), "load_before": os.getloadavg()}
    sampler = None
    if runner == "ray":
        import ray

        started = time.perf_counter()
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        out["ray_init_s"] = time.perf_counter() - started
        sampler = ActorCpu()
        sampler.start()
    cpu, started = own_cpu(), time.perf_counter()
    stamps = [time.perf_counter() - started
              for _ in run(items, Settings(workers=workers, batch_size=32), runner=runner)]
    wall = time.perf_counter() - started
    later = [i for i, t in enumerate(stamps) if t > stamps[0] + 0.05]  # after the first burst
    out.update(seconds=wall, first_result_s=stamps[0], cpu_s=own_cpu() - cpu,
               docs_per_s=len(items) / wall, words_per_s=sum(words) / wall,
               steady_words_per_s=sum(words[i] for i in later) / (wall - stamps[0]),
               load_after=os.getloadavg())
    if sampler is not None:
        time.sleep(0.5)
        sampler.stopped.set()
        sampler.join()
        out["actor_cpu_s"] = sum(sampler.seen.values())
        out["cpu_s"] += out["actor_cpu_s"]
        ray.shutdown()
    out["words_per_cpu_s"] = sum(words) / out["cpu_s"]
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    print(json.dumps(main(args[0], int(args[1]), args[2], int(args[3]) if len(args) > 3 else 1)))
