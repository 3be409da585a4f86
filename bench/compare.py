"""Compare two revisions of igkg side by side, in one run on one machine: the query library,
loading, fast validation, cold start and the in-memory build, old and new interleaved.

Usage:  python bench/compare.py --base REV [--head REV] [--sizes 100000,1000000] [-o FILE.md]

Each revision is checked out with `git worktree` into a temporary folder and imported from there
(PYTHONPATH), with this venv's packages. Worlds come from bench/generate.py (seed 42, as `make
bench`). Each library query runs with the parameters the committed results file chose for that size
(the hub and the ordinary entity), in two long-lived worker processes that hold the same world in
memory; runs alternate old/new, and the first run of each is dropped. Whole operations (a load into
the embedded store, `validate --engine fast`, a cold `kg query`, the in-memory build of the project
files) run in fresh processes, alternating. Ratios are new/old medians: below 1 is faster.
A shared, noisy machine moves both sides alike; trust the ratios more than the seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

WORKER = r'''
import json, sys, time
import pyoxigraph as ox
store = ox.Store()
store.load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
from kg.backend import OxigraphBackend
backend = OxigraphBackend(store)
try:
    from kg.queries.execute import run as run_named
    def run(name, params):
        r = run_named(name, params, backend=backend)
        return [tuple(s) for s in r] if isinstance(r, ox.QuerySolutions) else []
except ImportError:  # before the query library became a package
    from kg import queries as kq
    def run(name, params):
        return list(kq.run(name, params, backend=backend).rows)
print("ready", flush=True)
for line in sys.stdin:
    name, params = line.rstrip("\n").split("\t")
    t = time.perf_counter(); rows = run(name, json.loads(params)); ms = (time.perf_counter() - t) * 1000
    print(f"{ms:.4f}\t{len(rows)}", flush=True)
'''
LOAD = ("try:\n    from kg.store import load\nexcept ImportError:\n    from kg.store import load_store as load\n")


def env_for(tree: Path) -> dict:
    return dict(os.environ, PYTHONPATH=str(tree), KG_HOME=str(tree), PYTHONDONTWRITEBYTECODE="1",
                KG_STORE=str(tree / ".no-store"))


def seconds_in(tree: Path, code: str) -> float:
    """Run `code` in a fresh interpreter on `tree`; it prints the seconds it measured last."""
    out = subprocess.run([sys.executable, "-c", code], check=True, env=env_for(tree), capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def wall(tree: Path, code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env_for(tree), capture_output=True)
    return time.perf_counter() - started


def alternate(fn, reps: int) -> tuple[list[float], list[float]]:
    times: dict[str, list[float]] = {"old": [], "new": []}
    for i in range(reps):
        for side in (("old", "new") if i % 2 == 0 else ("new", "old")):
            times[side].append(fn(side))
    return times["old"], times["new"]


def library_cases(size: int) -> list[tuple[str, str, dict]]:
    """(label, query, params) for each query at `size`: the committed run's hub and ordinary entity."""
    newest = sorted(RESULTS.glob("*-*.json"))[-1]
    cases = []
    for q in json.loads(newest.read_text())["queries"]:
        if q["size"] == size and q["engine"] == "oxigraph":
            cases.append((q["query"], q["query"], q.get("params") or {}))
            typical = q.get("typical")
            if isinstance(typical, dict) and "params" in typical:
                cases.append((q["query"] + " (ordinary entity)", q["query"], typical["params"]))
    return cases


def compare_library(trees: dict, world: Path, size: int, reps: int, log) -> list[dict]:
    workers = {}
    for side, tree in trees.items():
        workers[side] = subprocess.Popen([sys.executable, "-c", WORKER, str(world)], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, text=True, env=env_for(tree))
        assert workers[side].stdout.readline().strip() == "ready"

    def ask(side: str, query: str, params: dict) -> tuple[float, int]:
        w = workers[side]
        w.stdin.write(f"{query}\t{json.dumps(params)}\n")
        w.stdin.flush()
        ms, rows = w.stdout.readline().split("\t")
        return float(ms), int(rows)

    out = []
    try:
        for label, query, params in library_cases(size):
            rows: dict[str, int] = {}

            def one(side: str) -> float:
                ms, rows[side] = ask(side, query, params)
                return ms

            old, new = alternate(one, reps)
            row = {"case": label, "old_ms": statistics.median(old[1:]), "new_ms": statistics.median(new[1:]),
                   "rows_old": rows["old"], "rows_new": rows["new"]}
            out.append(row)
            log(f"  {label:48} {row['old_ms']:9.2f} ms -> {row['new_ms']:9.2f} ms")
    finally:
        for w in workers.values():
            w.kill()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", required=True, help="the old revision")
    ap.add_argument("--head", default="HEAD", help="the new revision (default HEAD)")
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("-o", "--output", type=Path, default=None, help="Markdown results (default: print only)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="igkg-compare-"))
    lines: list[str] = []

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    trees = {"old": work / "old", "new": work / "new"}
    try:
        for side, rev in (("old", args.base), ("new", args.head)):
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(trees[side]), rev],
                           check=True, capture_output=True)
        revs = {s: subprocess.run(["git", "-C", str(t), "rev-parse", "--short", "HEAD"], capture_output=True,
                                  text=True, check=True).stdout.strip() for s, t in trees.items()}
        lines += [f"# igkg {revs['old']} (old) vs {revs['new']} (new), side by side", "",
                  f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.uname().nodename}, "
                  f"`python bench/compare.py --base {args.base} --head {args.head} --sizes {args.sizes}`. "
                  "Ratios are new/old medians (below 1: faster).", ""]
        ops = []
        for size in sizes:
            world = work / f"world-{size}.nq"
            subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--triples", str(size), "--seed", "42",
                            "--with-ontology", "-o", str(world)], check=True, capture_output=True)
            log(f"size {size}: the query library")
            rows = compare_library(trees, world, size, args.reps, log)
            ratios = [r["new_ms"] / r["old_ms"] for r in rows if r["old_ms"] > 0]
            slow = [r for r in rows if r["old_ms"] >= 20]
            lines += [f"## The query library at {size:,} triples", "",
                      f"{len(rows)} cases (each query at the hub and at an ordinary entity): median ratio "
                      f"**{statistics.median(ratios):.3f}**, geometric mean {statistics.geometric_mean(ratios):.3f}; "
                      f"sum of medians {sum(r['old_ms'] for r in rows):,.1f} ms -> {sum(r['new_ms'] for r in rows):,.1f} ms"
                      + (f"; the {len(slow)} cases of 20 ms or more: median ratio "
                         f"{statistics.median([r['new_ms'] / r['old_ms'] for r in slow]):.3f}" if slow else "")
                      + f". Rows differ in: {[r['case'] for r in rows if r['rows_old'] != r['rows_new']] or 'none'}.", "",
                      "| case | old ms | new ms | ratio | rows |", "|---|---:|---:|---:|---:|"]
            lines += [f"| {r['case']} | {r['old_ms']:.2f} | {r['new_ms']:.2f} | {r['new_ms'] / r['old_ms']:.2f} | "
                      f"{r['rows_new']} |" for r in rows]
            lines.append("")

            def load(side: str, world: Path = world) -> float:
                target = Path(tempfile.mkdtemp(dir=work))
                try:
                    return seconds_in(trees[side], f"import time\nfrom kg.dataset import sources_for\n{LOAD}"
                                      f"t = time.perf_counter()\nload(sources_for([{str(world)!r}]), path={str(target / 's')!r})\n"
                                      "print(time.perf_counter() - t)")
                finally:
                    shutil.rmtree(target, ignore_errors=True)

            log(f"size {size}: load")
            ops.append((f"load into the embedded store, {size:,}", *alternate(load, 5 if size <= 100_000 else 3)))
            if size <= 100_000:
                def validate(side: str, world: Path = world) -> float:
                    return seconds_in(trees[side], "import time\nfrom kg.validate import validate\nt = time.perf_counter()\n"
                                      f"validate([{str(world)!r}], engine='fast')\nprint(time.perf_counter() - t)")

                log(f"size {size}: validate")
                ops.append((f"validate --engine fast, {size:,}", *alternate(validate, 5)))
        log("cold start")
        ops.append(("`kg query successions` in a fresh process (seed data)", *alternate(
            lambda side: wall(trees[side], "from kg.cli import main\nmain(['query', 'successions'])"), 11)))
        ops.append(("in-memory build of the project files", *alternate(
            lambda side: seconds_in(trees[side], "import time\nt = time.perf_counter()\nfrom kg.dataset import build_store\n"
                                    "build_store()\nprint(time.perf_counter() - t)"), 11)))
        lines += ["## Whole operations (fresh processes, alternating)", "",
                  "| operation | old s (median) | new s (median) | ratio | runs |", "|---|---:|---:|---:|---:|"]
        for label, old, new in ops:
            lines.append(f"| {label} | {statistics.median(old):.3f} | {statistics.median(new):.3f} | "
                         f"{statistics.median(new) / statistics.median(old):.3f} | {len(old)} |")
        text = "\n".join(lines) + "\n"
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        print(text)
    finally:
        for tree in trees.values():
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
