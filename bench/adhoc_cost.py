"""What the ad-hoc query check and the query bounds cost: medians of N runs.

    python bench/adhoc_cost.py [--runs 11] [--store PATH]

1. importing rdflib's SPARQL parser in a fresh Python (the check imports it on first use);
2. `kg.sparqltext.check_adhoc` on every named query's text (parsed warm, after one run each);
3. `kg query events --format csv` as a new process on an embedded store (made with `kg load` in a
   temporary folder unless --store is given): with the default bounds (a forked child) and with
   `--timeout 0 --memory-mb 0` (no child); wall-clock and CPU (user + system) seconds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def medians(runs: list[tuple[float, float]]) -> str:
    return (f"wall {statistics.median(r[0] for r in runs) * 1000:.0f} ms, "
            f"CPU {statistics.median(r[1] for r in runs) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--store", default=None)
    args = parser.parse_args()
    env = dict(os.environ)
    env.pop("KG_STORE", None)
    py = sys.executable

    imports = [timed([py, "-c", "import rdflib.plugins.sparql.parser"], env) for _ in range(args.runs)]
    bare = [timed([py, "-c", "pass"], env) for _ in range(args.runs)]
    print(f"python -c pass: {medians(bare)}")
    print(f"python -c 'import rdflib.plugins.sparql.parser': {medians(imports)}")

    from kg.queries.library import library
    from kg.sparqltext import check_adhoc

    texts = [q.text for q in library().values()]
    for text in texts:
        check_adhoc(text)
    per_query = []
    for text in texts:
        runs = []
        for _ in range(args.runs):
            start = time.perf_counter()
            check_adhoc(text)
            runs.append(time.perf_counter() - start)
        per_query.append(statistics.median(runs))
    print(f"check_adhoc on the {len(texts)} named queries ({min(len(t) for t in texts)}-"
          f"{max(len(t) for t in texts)} characters): median {statistics.median(per_query) * 1000:.1f} ms, "
          f"max {max(per_query) * 1000:.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or os.path.join(tmp, "store")
        if args.store is None:
            subprocess.run([py, "-m", "kg", "load", "--store", store, "--no-validate"], cwd=ROOT, env=env,
                           check=True, stdout=subprocess.DEVNULL)
        base = [py, "-m", "kg", "query", "events", "--format", "csv", "--store", store]
        bounded, unbounded = [], []
        for _ in range(args.runs):  # interleaved, so that load on the machine hits both alike
            bounded.append(timed(base, env))
            unbounded.append(timed([*base, "--timeout", "0", "--memory-mb", "0"], env))
        print(f"kg query events (default bounds, forked child): {medians(bounded)}")
        print(f"kg query events --timeout 0 --memory-mb 0: {medians(unbounded)}")


if __name__ == "__main__":
    main()
