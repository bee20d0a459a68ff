"""Order independence of incidents on a real store: its records saved again into fresh stores in
several shuffled orders, each also rebuilt (`wardesk incidents --rebuild`) and bulk-loaded in small
batches; prints whether every way gives the same incidents with the same ids.

    python bench/incident_order.py --db wardesk.db [--orders 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys

from wardesk.records import ArticleRecord
from wardesk.store import Store

Snapshot = list[tuple[str, tuple[str, ...]]]


def snapshot(store: Store) -> Snapshot:
    return sorted((i["id"], tuple(sorted(r["event"] for r in i["reports"])))
                  for i in store.iter_incidents(background=True))


def as_extracted(record: ArticleRecord) -> ArticleRecord:
    return dataclasses.replace(record, events=tuple(
        dataclasses.replace(e, incident=None) for e in record.events))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="a filled store (read only)")
    parser.add_argument("--orders", type=int, default=3)
    args = parser.parse_args(argv)
    with Store(args.db) as source:
        records = [as_extracted(r) for r in source.records()]
    seen: list[Snapshot] = []
    for seed in range(args.orders):
        order = list(records)
        random.Random(seed).shuffle(order)
        with Store(":memory:") as store:
            for record in order:
                store.save(record)
            seen.append(snapshot(store))
            store.rebuild_incidents()
            seen.append(snapshot(store))
        with Store(":memory:") as store:
            store.load([(None, r) for r in order], batch=7)
            seen.append(snapshot(store))
    same = all(s == seen[0] for s in seen)
    print(f"{len(records)} records, {len(seen[0])} incidents; {args.orders} orders x (save, rebuild,"
          f" bulk load): {'all the same' if same else 'DIFFERENT'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
