"""Benchmark full-text search (kg.search) at a synthetic world's size: index build and query medians.

    python bench/search.py --triples 1000000            # make bench-search

Generates the world (bench/generate.py, seed 42) into a temporary folder, loads it with `kg load`'s
library call (kg.store.load, which writes the text index into the new database), opens the store
read-only as `kg search --store` does, and times `kg.search.search` (limit 10) for 60 queries: two words
each from the labels and quotes of entities spread over the world, plus single common words. Prints
one JSON object: triples, load seconds, index size, and the query median / 90th percentile / max in ms.
Run on a quiet machine; quote the median.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def queries(db, n: int, seed: int = 7) -> list[str]:
    """`n` texts: two words of an indexed text chosen at random (most), or one common word."""
    rng = random.Random(seed)
    total = db.execute("SELECT max(rowid) FROM texts").fetchone()[0]
    out = []
    while len(out) < n:
        row = db.execute("SELECT text FROM texts WHERE rowid = ?", (rng.randint(1, total),)).fetchone()
        words = [w for w in re.findall(r"\w+", row[0] if row else "") if len(w) > 3]
        if len(words) >= 2:
            out.append(" ".join(rng.sample(words, 2)) if len(out) % 6 else words[0])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=60)
    args = ap.parse_args(argv)

    from generate import generate

    from kg.backend import open_backend
    from kg.dataset import sources_for
    from kg.search import INDEX_FILE, index_for, search
    from kg.store import load

    with tempfile.TemporaryDirectory() as tmp:
        world = Path(tmp) / "world.nq"
        generate(world, triples=args.triples)
        started = time.monotonic()
        result = load(sources_for([world]), path=Path(tmp) / "store", optimize=True, validated="no")
        load_s = time.monotonic() - started
        backend = open_backend(store=str(Path(tmp) / "store"))
        db = index_for(backend)
        texts = queries(db, args.queries)
        search(backend, texts[0])  # warm the page cache
        times = []
        for text in texts:
            t0 = time.perf_counter()
            search(backend, text)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        print(json.dumps({
            "triples": result.meta.triples, "load_s": round(load_s, 2),
            "index_mb": round((backend.location / INDEX_FILE).stat().st_size / 1e6, 1),
            "texts": db.execute("SELECT count(*) FROM texts").fetchone()[0], "queries": len(times),
            "median_ms": round(statistics.median(times), 2), "p90_ms": round(times[int(0.9 * len(times)) - 1], 2),
            "max_ms": round(times[-1], 2)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
