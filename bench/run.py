"""`make bench`: load, query, validate and reason over synthetic worlds of 10k … 10M triples.

    python bench/run.py --sizes 10000,100000,1000000        # what `make bench` runs
    python bench/run.py --sizes 10000 --quick                 # a smoke run (fewer repeats)
    python bench/run.py --render bench/results/X.json         # only rewrite RESULTS.md and the plot

Every operation runs in its own child process (`python bench/run.py --child OP …` or an external
command), timed from outside, with its peak resident memory read from the kernel (`os.wait4`
rusage of that very child). A step whose code has not landed yet is recorded as "n/a" (with the
reason) instead of failing the run; a step that runs past its time cap is killed and recorded as
"timeout". Results go to `bench/results/<date>-<host>.json`; `bench/RESULTS.md` and
`bench/results/plot.png` are regenerated from that file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

PY = sys.executable
ID_NS = "https://w3id.org/igkg/id/"
BIN = Path(PY).parent
OXIGRAPH = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph")

# Caps that keep `make bench` under 30 minutes on a 2-core machine (see bench/README.md).
RDFLIB_LOAD_MAX = 1_000_000      # rdflib parse above this: skipped (329 s and 11.6 GB at 10M)
RDFLIB_QUERY_MAX = 100_000       # rdflib's SPARQL engine: up to 100k only
PYSHACL_MAX = 100_000            # plain pySHACL: up to 100k only (~7 min projected at 1M)
REASON_MAX = 10_000_000
QUERY_REPEATS = 21               # oxigraph: up to this many timed runs per query …
QUERY_BUDGET_S = 4.0             # … or until this much time is spent (at least 3 runs)
RDFLIB_REPEATS = 3               # rdflib: the first run counts, up to 3 runs or 5 s
RDFLIB_BUDGET_S = 5.0
QUERY_CAP_S = 60                 # oxigraph: a query still running after this is stopped (30x the 10M target)
QUERY_TARGET_MS = 50             # a query slower than this at any size also gets the breakdown (`breakdown`)
SKIPPED_BY_OPTION = "left out with --skip"
COLD_START_RUNS = 7
# Time caps (s): a step whose time, projected linearly from the next smaller size of this run,
# exceeds its cap is skipped (and says so); a step that runs past 1.5x its cap is killed.
CAPS = {"load.rdflib": 240, "queries.rdflib": 400, "validate.pyshacl": 600, "validate.kg": 300,
        "validate.kg-pyshacl": 300, "load.kg-reason": 600,
        "reason.materialise": 300, "load.kg": 600, "load.oxigraph-cli": 600, "load.oxigraph-cli-triples": 600,
        "queries.oxigraph": 1800}
VIOLATIONS = 5                   # injected into every generated world: one of each kind

# operation -> (what it is, plot it?)
OPERATIONS = {
    "generate": "bench/generate.py writes the world (N-Quads)",
    "load.kg": "`kg load FILE --store DIR --no-validate` (embedded on-disk store, compacted)",
    "load.kg-reason": "`kg load FILE --store DIR --no-validate --reason` (load, then materialise into iggraph:inferred)",
    "load.oxigraph-cli": "`oxigraph load --location DIR --file FILE` (the engine's own bulk loader)",
    "load.oxigraph-cli-triples": "`oxigraph load` of the same world as N-Triples: the same triples in the default "
                                 "graph, without the named graphs (the engine's speed on plain triples)",
    "optimize.oxigraph-cli": "`oxigraph optimize --location DIR` after that load (compaction, which `kg load` does by default)",
    "load.rdflib": "rdflib `Dataset.parse(FILE, format='nquads')`",
    "queries.oxigraph": "every library query on the embedded store `kg load --reason` built (opened read-only)",
    "queries.rdflib": "every library query on rdflib's SPARQL engine (union default graph)",
    "validate.kg": "`kg validate` library call, fast engine (parse + validate)",
    "validate.kg-pyshacl": "`kg validate --engine pyshacl`: the reference engine as kg runs it (SPARQL texts parsed once)",
    "validate.pyshacl": "plain pySHACL on the union graph, as a user would call it (parse + validate)",
    "reason.materialise": "`kg.reason.rules.materialise` on an in-memory store (rules to fixpoint)",
    "cold-start.kg-query": "`kg query NAME` whole process on the seed data (median of runs)",
}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def human(n: int) -> str:
    for unit, div in (("M", 1_000_000), ("k", 1_000)):
        if n >= div and n % div == 0:
            return f"{n // div}{unit}"
    return str(n)


def available(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


# ---------------------------------------------------------------------------------------------
# running a child and measuring it


def measure(cmd: list[str], *, timeout: float, env: dict | None = None, cwd: Path = ROOT, live: bool = False,
            watch=None) -> dict:
    """Run `cmd`; wall seconds, peak RSS (MiB) of that process, exit code, stdout's last JSON line.
    `watch(elapsed_seconds)`, if given, is polled every 0.2 s; when it returns True the process is
    killed (recorded as a timeout)."""
    out = tempfile.TemporaryFile(mode="w+")
    err = tempfile.TemporaryFile(mode="w+")
    full_env = dict(os.environ)
    full_env.update(env or {})
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=None if live else err, cwd=cwd, env=full_env,
                            start_new_session=True)
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG if watch else 0)
            if pid:
                break
            time.sleep(0.2)
            if not killed.is_set() and watch(time.perf_counter() - t0):
                kill()
    finally:
        timer.cancel()
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    err.seek(0)
    stdout, stderr = out.read(), err.read()
    payload = None
    try:  # one JSON document on stdout (our children; `kg load --json` without its per-graph lists)
        whole = json.loads(stdout)
        if isinstance(whole, dict):
            payload = {k: v for k, v in whole.items() if k not in ("graphs", "sources")}
    except json.JSONDecodeError:
        pass
    for line in reversed(stdout.strip().splitlines() if payload is None else []):
        if line.startswith("{"):
            try:
                payload = json.loads(line)
            except json.JSONDecodeError:
                pass
            break
    result = {"seconds": round(seconds, 4), "peak_mib": round(usage.ru_maxrss / 1024, 1), "exit": proc.returncode}
    if killed.is_set():
        result.update(status="timeout", note=f"killed after {timeout:.0f} s")
    elif proc.returncode != 0:
        result.update(status="error", note=(stderr.strip().splitlines() or ["exit " + str(proc.returncode)])[-1][:300])
    else:
        result["status"] = "ok"
    if payload is not None:
        result["detail"] = payload
    return result


def measure_queries(engine: str, path: Path, store_dir: Path, mode: str, *, cap_s: float, timeout: float) -> dict:
    """`measure` for the query step, with a cap per query run: the child logs each query's start,
    each run of it and its end; a run that goes past `cap_s` is killed with its child, the query
    recorded as stopped, and a new child goes on with the queries after it. Seconds add up over
    the children; peak is the max."""
    from kg.queries.library import library

    names = list(library())
    results: dict[str, dict] = {}
    total = {"seconds": 0.0, "peak_mib": 0.0, "exit": 0, "status": "ok"}
    setup = []
    deadline = time.perf_counter() + timeout
    while names:
        progress = Path(tempfile.mkstemp(prefix="bench-queries-", suffix=".jsonl")[1])
        cmd = child("queries", engine, str(path), str(store_dir), mode, str(progress), ",".join(names))
        state = {"seen": 0, "running": None, "since": None}  # lines read; the query running, its run since when

        def watch(elapsed: float) -> bool:
            text = progress.read_text(encoding="utf-8")
            lines = text[: text.rfind("\n") + 1].splitlines()  # whole lines only
            for line in lines[state["seen"]:]:
                event = json.loads(line)
                if "start" in event:  # the clock starts with the first run, after picking IRIs
                    state.update(running=event["start"], since=None)
                elif "run" in event:
                    state["since"] = elapsed
                else:
                    results[event["done"]] = event["result"]
                    state.update(running=None, since=None)
            state["seen"] = len(lines)
            return state["since"] is not None and elapsed - state["since"] > cap_s

        r = measure(cmd, timeout=max(1.0, deadline - time.perf_counter()), live=True, watch=watch)
        watch(r["seconds"])
        progress.unlink(missing_ok=True)
        total["seconds"] = round(total["seconds"] + r["seconds"], 4)
        total["peak_mib"] = max(total["peak_mib"], r["peak_mib"])
        if r.get("detail"):
            setup.append(r["detail"].get("setup_seconds") or 0)
        stuck = state["running"]
        if r["status"] == "ok" or stuck is None:
            if r["status"] != "ok":
                total.update(status=r["status"], note=r.get("note", ""), exit=r["exit"])
            break
        results[stuck] = {"timeout_ms": round(cap_s * 1000), "error": f"stopped after {cap_s:g} s (cap per query run)"}
        names = [n for n in names if n not in results]
        if time.perf_counter() > deadline:
            total.update(status="timeout", note=f"step killed after {timeout:.0f} s")
            break
    total["detail"] = {"setup_seconds": round(sum(setup), 3), "queries": dict(sorted(results.items()))}
    return total


def kg_database(store: Path) -> Path | None:
    """The current database folder of a `kg load` store (`current.json` names it), if any."""
    meta = store / "current.json"
    if meta.is_file():
        db = store / json.loads(meta.read_text(encoding="utf-8"))["db"]
        return db if db.is_dir() else None
    return store if (store / "CURRENT").exists() else None


def child(op: str, *args: str) -> list[str]:
    return [PY, str(Path(__file__).resolve()), "--child", op, *args]


# ---------------------------------------------------------------------------------------------
# the child operations (run in their own process)


def _timed(fn):
    t0 = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0


def oxigraph_runner(backend):
    """`run(text, bindings) -> rows` on a kg backend: the bindings bound as `kg query` binds them
    (kg.queries.execute.run_bound: a leading VALUES block, else substitutions), every row handed to
    Python as a tuple of pyoxigraph terms (None where unbound); an ASK gives no rows."""
    import pyoxigraph as ox

    from kg.errors import UsageError
    from kg.queries.execute import run_bound

    def run(text: str, bindings=None) -> tuple:
        result = run_bound(backend, text, bindings)
        if isinstance(result, ox.QueryBoolean):
            return ()
        if not isinstance(result, ox.QuerySolutions):
            raise UsageError("the query is not a SELECT or ASK query (use `kg sparql` for CONSTRUCT/DESCRIBE)")
        return tuple(map(tuple, result))  # a solution iterates its values in projection order

    return run


def rdflib_runner(dataset):
    """`run(text, bindings) -> rows` with rdflib's SPARQL engine on an rdflib Dataset (union default
    graph): the project prefixes predeclared, the bindings (name -> pyoxigraph term) as
    `initBindings`, every row converted to a tuple of pyoxigraph terms (None where unbound)."""
    import rdflib.plugins.sparql as rdflib_sparql

    from kg.errors import UsageError
    from kg.namespaces import PREFIXES
    from kg.rdflib_bridge import from_rdflib, to_rdflib

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # never let rdflib dereference FROM / LOAD IRIs

    def run(text: str, bindings=None) -> tuple:
        init = {k: to_rdflib(v) for k, v in (bindings or {}).items()}
        try:
            result = dataset.query(text, initNs=PREFIXES, initBindings=init or None)
        except Exception as e:  # rdflib raises pyparsing exceptions for syntax errors
            raise UsageError(f"SPARQL error (rdflib): {e}") from None
        if result.type == "ASK":
            return ()
        if result.type != "SELECT":
            raise UsageError("the query is not a SELECT or ASK query")
        return tuple(tuple(None if t is None else from_rdflib(t) for t in row) for row in result)

    return run


def child_load_rdflib(path: str) -> dict:
    import rdflib

    ds = rdflib.Dataset()
    _, secs = _timed(lambda: ds.parse(path, format="nquads"))
    return {"triples": len(ds), "inner_seconds": round(secs, 4)}


def ranked_iris(store, ns: str, cache: dict | None = None) -> list[str]:
    """The IRIs of namespace `ns` that are the object of some triple, most-referenced first (ties by
    IRI); `cache` (a dict) keeps them for the next query of the same run."""
    import pyoxigraph as ox

    from kg.sparqltext import values_binding

    if cache is not None and ns in cache:
        return cache[ns]
    q = ("SELECT ?x (COUNT(*) AS ?n) WHERE { ?s ?p ?x FILTER(isIRI(?x) && STRSTARTS(STR(?x), ?ns)"
         " && !STRENDS(STR(?x), \"scheme\")) } GROUP BY ?x")
    q, unsafe = values_binding(q, {"ns": ox.Literal(ns)})  # pyoxigraph substitutes only projected variables
    if unsafe:
        raise ValueError(f"namespace {ns!r} cannot be bound safely")
    counted = [(row["x"].value, int(row["n"].value)) for row in store.query(q, use_default_graph_as_union=True)]
    ranked = [iri for iri, _ in sorted(counted, key=lambda c: (-c[1], c[0]))]  # Python sorts these faster
    if cache is not None:
        cache[ns] = ranked
    return ranked


def iri_candidates(query, store, *, top: int = 5, typical: bool = False, cache: dict | None = None
                   ) -> dict[str, list[str]]:
    """For each IRI parameter: its example if the world has it, then the namespace's most-referenced
    IRIs. With `typical`, the IRIs around the namespace's median reference count instead (the
    median-referenced first): what a query about an ordinary entity rather than a hub meets."""
    import pyoxigraph as ox

    from kg.namespaces import expand

    out: dict[str, list[str]] = {}
    for p in query.params:
        if p.type != "iri" or not p.example:
            continue
        full = expand(p.example) or ""
        if not full:
            continue
        cands = []
        if not typical and any(True for _ in store.quads_for_pattern(ox.NamedNode(full), None, None)):
            cands.append(full)
        ns = full[: max(full.rfind("/"), full.rfind("#")) + 1]
        if ns and not ns.endswith("#"):
            ranked = ranked_iris(store, ns, cache)
            if typical:
                mid = len(ranked) // 2
                near = sorted(range(max(0, mid - top), min(len(ranked), mid + top)), key=lambda i: (abs(i - mid), i))
                ranked = [ranked[i] for i in near]
            cands += [iri for iri in ranked[:top] if iri not in cands]
        out[p.name] = cands
    return out


def pick_params(query, store, run, backend, *, tries: int = 30, budget_s: float = 3.0, typical: bool = False,
                cache: dict | None = None):
    """Parameter values from the generated world that give a non-empty answer where possible.

    IRI parameters: their example if the world has it, then the namespace's most-referenced IRIs
    (with `typical`, the median-referenced ones; see `iri_candidates`); date parameters: the
    example, its year, then earlier years; others: the example. Combinations are tried in order
    (at most `tries`, for at most `budget_s` seconds) until the query returns rows; then once more
    without the optional parameters; else the first combination is used. `run(text, bindings)`
    returns the rows (see `oxigraph_runner`); labels are looked up in `backend`. Returns (params,
    (rows, seconds) of the run that found them, or None)."""
    import itertools

    from kg.queries.params import bind_params

    choices: dict[str, list[str]] = {}
    cands = iri_candidates(query, store, top=10, typical=typical, cache=cache)
    for p in query.params:
        if p.type == "iri" and cands.get(p.name):
            choices[p.name] = cands[p.name]
        elif p.type == "date" and p.example:
            choices[p.name] = list(dict.fromkeys([p.example, p.example[:4], "2015", "2010", "2005", "2000"]))
        elif p.example is not None:
            choices[p.name] = [p.example]
    names = list(choices)
    combos = [dict(zip(names, values)) for values in itertools.islice(itertools.product(*choices.values()), tries)]
    required = {p.name for p in query.params if p.required}
    combos.append({k: v for k, v in (combos[0] if combos else {}).items() if k in required})
    started = time.perf_counter()
    for i, params in enumerate(combos):
        if i and i < len(combos) - 1 and time.perf_counter() - started > budget_s:
            continue  # out of time: only the last try (without optional parameters) is left
        try:
            bindings = bind_params(query, params, backend)
            t0 = time.perf_counter()
            rows = run(query.text, bindings)
            if len(rows) > 0:
                return params, (rows, time.perf_counter() - t0)
        except Exception:
            break
    return combos[0], None


def _stats(times: list[float]) -> dict:
    times = sorted(times)
    p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
    return {"median_ms": round(statistics.median(times) * 1000, 3), "p95_ms": round(p95 * 1000, 3),
            "runs": len(times)}


def repeated(run, text: str, bindings: dict, found=None, *, repeats: int, budget: float, count_first: bool = False):
    """Run a query until `repeats` timed runs or `budget` seconds are spent (at least 3 runs, but
    only the first if it alone took longer than the budget). `found`, the (rows, seconds) of a run
    already made, stands for the first run; with `count_first` the first run is timed as well.
    Returns (rows of the first run, its seconds, the timed runs' seconds)."""
    first, first_s = found or _timed(lambda: run(text, bindings))
    times = [first_s] if count_first else []
    spent = sum(times)
    while len(times) < repeats and (spent < budget or len(times) < 3) and first_s < budget:
        _, s = _timed(lambda: run(text, bindings))
        times.append(s)
        spent += s
    return first, first_s, times or [first_s]


def typical_entity(query, store, run, backend, hub_params: dict, *, cache: dict, repeats: int, budget: float) -> dict:
    """The query again with its IRI parameters at median-referenced entities of the world instead of
    the most-referenced ones (see `pick_params`): median and p95 ms, rows, the parameters; or a
    `none` note when no entity near the median gives the query an answer."""
    from kg.queries.params import bind_params

    params, found = pick_params(query, store, run, backend, typical=True, cache=cache)
    iris = {k for k, v in hub_params.items() if str(v).startswith(ID_NS)}
    if found is None or not iris <= params.keys():
        return {"none": "no entity near the median reference count gives rows"}
    rows, _, times = repeated(run, query.text, bind_params(query, params, backend), found,
                              repeats=repeats, budget=budget)
    return {**_stats(times), "rows": len(rows), "params": params}


def _top_level_words(text: str):
    """(match, depth) for each bare word of a query, with the nesting depth of braces around it."""
    from kg.sparqltext import TOKEN_RE

    depth = 0
    for m in TOKEN_RE.finditer(text):
        kind, tok = m.lastgroup, m.group()
        if kind == "other" and tok in "{}":
            depth += 1 if tok == "{" else -1
        elif kind == "word":
            yield m, depth


def unordered(text: str) -> str | None:
    """`text` without its top-level ORDER BY clause (the rows the same, in the engine's order);
    None when it has none."""
    start = None
    for m, depth in _top_level_words(text):
        word = m.group().upper()
        if depth == 0 and word == "ORDER" and start is None:
            start = m.start()
        elif depth == 0 and start is not None and word in ("LIMIT", "OFFSET", "VALUES"):
            return text[:start] + text[m.start():]
    return None if start is None else text[:start].rstrip() + "\n"


def counted(text: str) -> str:
    """A SELECT query wrapped as `SELECT (COUNT(*) AS ?bench_rows) WHERE { QUERY }`: the engine
    evaluates it in full but hands one row to Python. The prologue (PREFIX lines) stays outside."""
    form = next(m for m, depth in _top_level_words(text) if depth == 0 and m.group().upper() == "SELECT")
    return f"{text[:form.start()]}SELECT (COUNT(*) AS ?bench_rows) WHERE {{\n{text[form.start():]}\n}}\n"


def breakdown(run, text: str, bindings: dict, rows: int, *, repeats: int, budget: float) -> dict:
    """Where a slow query's time goes: the same query without its ORDER BY (rows to Python, in the
    engine's order), and that query counted inside the engine (one row to Python). Median ms of
    each; the parameters go into the inner query's VALUES block, as `kg query` puts them.
    `run(text, bindings)` returns the rows (see `oxigraph_runner`)."""
    from kg.sparqltext import values_binding

    plain = unordered(text)
    if plain is None:
        return {}
    bound, rest = values_binding(plain, bindings)
    out = {}
    for key, variant, b in (("unordered_ms", plain, bindings), ("engine_ms", counted(bound), None)):
        if key == "engine_ms" and rest:
            break  # a parameter the engine substitutes would stay outside the subquery
        times: list[float] = []
        while not times or (len(times) < repeats and sum(times) < budget):
            result, s = _timed(lambda: run(variant, b))
            times.append(s)
        out[key] = _stats(times)["median_ms"]
        n = int(result[0][0].value) if key == "engine_ms" else len(result)
        if n != rows:  # the variant must do the same work: say so if it did not
            out[key.replace("_ms", "_rows")] = n
    return out


def child_queries(engine: str, path: str, store_dir: str, quick: bool, progress: str | None = None,
                  only: list[str] | None = None) -> dict:
    """Run every library query (or `only` these) with parameters picked from the world; median and
    p95 per query. With `progress`, a JSON line goes to that file as each query starts and ends,
    so the parent can stop a query that runs past its cap (pyoxigraph has no query timeout)."""
    import pyoxigraph as ox

    from kg.backend import OxigraphBackend
    from kg.queries.library import library
    from kg.queries.params import bind_params

    t0 = time.perf_counter()
    store = ox.Store.read_only(store_dir) if engine == "oxigraph" else None
    backend = OxigraphBackend(store, description="bench store") if store is not None else None
    if engine == "rdflib":
        from kg.rdflib_bridge import to_dataset

        # the very quads the oxigraph step queried (asserted and inferred), in an rdflib Dataset
        # (default graph = the union of the named graphs); the store also answers label look-ups
        # of parameters (bind_params), as it did for the oxigraph step
        on_disk = ox.Store.read_only(store_dir)
        backend = OxigraphBackend(on_disk, description="bench store")
        ds = to_dataset(on_disk)
        run = rdflib_runner(ds)
        repeats, budget = (2, 3.0) if quick else (RDFLIB_REPEATS, RDFLIB_BUDGET_S)
    else:
        run = oxigraph_runner(backend)
        repeats, budget = (5, 1.0) if quick else (QUERY_REPEATS, QUERY_BUDGET_S)
    setup = time.perf_counter() - t0
    out = {}
    params_file = Path(store_dir).parent / f"params-{Path(path).stem}.json"
    chosen = json.loads(params_file.read_text()) if engine == "rdflib" and params_file.exists() else {}
    ranked: dict[str, list[str]] = {}  # namespace -> its IRIs, most-referenced first (`ranked_iris`)
    log_file = open(progress, "a", encoding="utf-8") if progress else None

    def note(**event) -> None:
        if log_file is not None:
            log_file.write(json.dumps(event) + "\n")
            log_file.flush()

    if log_file is not None:  # each single run of a query is what the cap applies to
        untimed = run

        def run(text, b):
            note(run=1)
            return untimed(text, b)

    for name, query in library().items():
        if only is not None and name not in only:
            continue
        note(start=name)
        try:
            found = None
            if engine == "oxigraph":
                params, found = pick_params(query, store, run, backend, cache=ranked)
                chosen[name] = params
                params_file.write_text(json.dumps(chosen))
            else:
                params = chosen.get(name, {})
            bindings = bind_params(query, params, backend)
            first, first_s, times = repeated(run, query.text, bindings, found, repeats=repeats, budget=budget,
                                             count_first=engine == "rdflib")  # rdflib caches nothing between runs
            print(f"[bench child]     {engine} {name}: {statistics.median(times) * 1000:.1f} ms, {len(first)} rows",
                  file=sys.stderr, flush=True)
            out[name] = {**_stats(times), "first_ms": round(first_s * 1000, 3), "rows": len(first),
                         "params": params,
                         "selective": any(str(v).startswith(ID_NS) for v in params.values())}
            if engine == "oxigraph" and out[name]["median_ms"] > QUERY_TARGET_MS:
                out[name].update(breakdown(run, query.text, bindings, len(first), repeats=2 if quick else 5,
                                           budget=budget))
            if engine == "oxigraph" and out[name]["selective"]:
                out[name]["typical"] = typical_entity(query, store, run, backend, params, cache=ranked,
                                                      repeats=repeats, budget=budget)
        except Exception as e:  # a query the engine cannot run is a result too
            out[name] = {"error": f"{type(e).__name__}: {e}"[:300]}
        note(done=name, result=out[name])
    return {"setup_seconds": round(setup, 3), "queries": out}


def child_validate(engine: str, path: str) -> dict:
    from kg.validate import validate

    if engine == "pyshacl-plain":
        return _plain_pyshacl(path)
    report = validate([path], engine=engine)
    return _summary(report.results, report.conforms)


def _summary(results, conforms) -> dict:
    """Counts per severity and component and the violations' focus nodes, from kg.report
    ValidationResults (their terms as text: `ValidationResult.as_dict`)."""
    rows = [r.as_dict() for r in results]
    kinds: dict[str, int] = {}
    for d in rows:
        kinds[d["component"].rsplit("#", 1)[-1]] = kinds.get(d["component"].rsplit("#", 1)[-1], 0) + 1
    violations = [d for d in rows if d["severity"].endswith("Violation")]
    return {"conforms": bool(conforms), "violations": len(violations), "warnings": len(rows) - len(violations),
            "by_component": dict(sorted(kinds.items())),
            "focus": sorted({d["focus"] for d in violations})[:50]}


def _plain_pyshacl(path: str) -> dict:
    """pySHACL exactly as a user would call it: rdflib parse, ontology + data union, validate."""
    import pyshacl
    import rdflib

    from kg.dataset import ontology_file, shapes_file
    from kg.validate import results_from_graph

    ds = rdflib.Dataset()
    ds.parse(path, format="nquads")
    data = rdflib.Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    data.parse(str(ontology_file()), format="turtle")
    shapes = rdflib.Graph().parse(str(shapes_file()), format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference=None, allow_warnings=True,
                                           allow_infos=True, inplace=True)
    return _summary(results_from_graph(report), conforms)


def child_reason(path: str) -> dict:
    import pyoxigraph as ox

    from kg.reason.rules import materialise

    store = ox.Store()
    store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
    n, secs = _timed(lambda: materialise(store))
    return {"inferred": n, "inner_seconds": round(secs, 4)}


CHILDREN = {
    "load-rdflib": lambda a: child_load_rdflib(a[0]),
    "queries": lambda a: child_queries(a[0], a[1], a[2], a[3] == "quick", *(a[4:5] or [None]),
                                       only=a[5].split(",") if len(a) > 5 else None),
    "validate": lambda a: child_validate(a[0], a[1]),
    "reason": lambda a: child_reason(a[0]),
}


# ---------------------------------------------------------------------------------------------
# the benchmark


class Bench:
    def __init__(self, sizes: list[int], *, workdir: Path, quick: bool, seed: int, skip: set[str] = frozenset(),
                 query_cap: float = QUERY_CAP_S, history: list[dict] = ()):
        self.skip_ops = set(skip)
        self.history = list(history)  # rows of an earlier run (--append), for the caps' projections
        self.query_cap = query_cap
        self.sizes = sizes
        self.work = workdir
        self.quick = quick
        self.seed = seed
        self.rows: list[dict] = []
        self.queries: list[dict] = []
        self.worlds: dict[int, dict] = {}

    def record(self, op: str, size: int | None, result: dict) -> dict:
        row = {"op": op, "size": size, **result}
        self.rows.append(row)
        extra = ""
        if row.get("status") == "ok" and "seconds" in row:
            extra = f"{row['seconds']:.2f} s, peak {row.get('peak_mib', 0):.0f} MiB"
        else:
            extra = f"{row.get('status')}: {row.get('note', '')}"
        log(f"  {op:<25} {human(size) if size else 'seed':>6}  {extra}")
        return row

    def skipping(self, op: str, size: int | None) -> bool:
        """Record a step left out with --skip; True when it is."""
        if op in self.skip_ops:
            self.record(op, size, {"status": "skipped", "note": SKIPPED_BY_OPTION})
            return True
        return False

    def over_cap(self, op: str, size: int) -> bool:
        """Skip `op` at `size` when its last measured time, scaled linearly, would pass its cap."""
        prev = [r for r in self.history + self.rows if r["op"] == op and r.get("size") and r["size"] < size
                and r.get("status") in ("ok", "timeout")]
        if not prev:
            return False
        last = max(prev, key=lambda r: r["size"])
        projected = last["seconds"] * size / last["size"]
        if last.get("status") == "timeout" or projected > CAPS[op]:
            self.record(op, size, {"status": "skipped", "note": (
                f"projected {projected:.0f} s from {last['seconds']:.0f} s at {human(last['size'])} "
                f"(cap {CAPS[op]} s)")})
            return True
        return False

    def timeout(self, op: str) -> float:
        return 1.5 * CAPS[op]

    def na(self, op: str, size: int | None, why: str) -> None:
        self.record(op, size, {"status": "n/a", "note": why})

    def skip(self, op: str, size: int | None, why: str) -> None:
        self.record(op, size, {"status": "skipped", "note": why})

    def run(self) -> None:
        for size in self.sizes:
            log(f"size {human(size)}: generating")
            self.size(size)
        log("cold start of `kg query` on the seed data")
        self.cold_start()

    def size(self, n: int) -> None:
        path = self.work / f"world-{human(n)}.nq"
        with_onto = ["--with-ontology"] if (ROOT / "ontology" / "igkg.ttl").exists() else []

        def generate(out: Path) -> dict:  # the same world as N-Quads or N-Triples (by the suffix)
            return measure([PY, str(HERE / "generate.py"), "--triples", str(n), "--seed", str(self.seed),
                            "--violations", str(VIOLATIONS), *with_onto, "-o", str(out)], timeout=1800)

        res = generate(path)
        self.record("generate", n, res)
        info_line = None
        if res["status"] == "ok":
            info_line = res.get("detail")
        self.worlds[n] = info_line or {}
        triples = (info_line or {}).get("triples", n)
        timeout = max(300, triples / 1000)  # generous, but finite

        # load
        store_kg = self.work / f"store-kg-{human(n)}"
        store_cli = self.work / f"store-cli-{human(n)}"
        log(f"size {human(n)}: load")
        if self.skipping("load.kg", n):
            pass
        elif available("kg.commands.load"):
            r = measure([PY, "-m", "kg", "load", str(path), "--store", str(store_kg), "--no-validate", "--json"],
                        timeout=timeout)
            self.record("load.kg", n, r)
        else:
            self.na("load.kg", n, "kg load (kg/commands/load.py) not there yet")
        store_reasoned = self.work / f"store-kg-reasoned-{human(n)}"
        if self.skipping("load.kg-reason", n) or self.over_cap("load.kg-reason", n):
            pass
        elif available("kg.commands.load") and available("kg.reason.rules"):
            r = measure([PY, "-m", "kg", "load", str(path), "--store", str(store_reasoned), "--no-validate",
                         "--reason", "--json"], timeout=self.timeout("load.kg-reason"))
            self.record("load.kg-reason", n, r)
        else:
            self.na("load.kg-reason", n, "kg load --reason not there yet")
        if OXIGRAPH:
            r = measure([OXIGRAPH, "load", "--location", str(store_cli), "--file", str(path)], timeout=timeout)
            self.record("load.oxigraph-cli", n, r)
            if r["status"] == "ok":  # kg load compacts by default: the CLI's own way to do the same
                r = measure([OXIGRAPH, "optimize", "--location", str(store_cli)], timeout=timeout)
                self.record("optimize.oxigraph-cli", n, r)
        else:
            self.na("load.oxigraph-cli", n, "no oxigraph CLI on PATH")
        nt = path.with_suffix(".nt")
        if not OXIGRAPH or self.skipping("load.oxigraph-cli-triples", n) or self.over_cap("load.oxigraph-cli-triples", n):
            pass
        elif generate(nt)["status"] != "ok":
            self.na("load.oxigraph-cli-triples", n, "generating the N-Triples world failed")
        else:
            store_triples = self.work / f"store-cli-triples-{human(n)}"
            r = measure([OXIGRAPH, "load", "--location", str(store_triples), "--file", str(nt)], timeout=timeout)
            self.record("load.oxigraph-cli-triples", n, r)
            shutil.rmtree(store_triples, ignore_errors=True)
        nt.unlink(missing_ok=True)
        if self.skipping("load.rdflib", n) or self.over_cap("load.rdflib", n):
            pass
        elif n <= RDFLIB_LOAD_MAX:
            self.record("load.rdflib", n, measure(child("load-rdflib", str(path)), timeout=self.timeout("load.rdflib")))
        else:
            self.skip("load.rdflib", n, f"capped at {human(RDFLIB_LOAD_MAX)} (329 s / 11.6 GB at 10M in FINDINGS)")

        # queries: on the store kg load built if it is a plain oxigraph directory, else on the CLI's
        log(f"size {human(n)}: queries")
        # the reasoned store when there is one: some queries read iggraph:inferred
        store_dir = kg_database(store_reasoned) or kg_database(store_kg) or store_cli
        if self.skipping("queries.oxigraph", n):
            pass
        elif not available("kg.queries.execute") or not any((ROOT / "queries").glob("*.rq")):
            self.na("queries.oxigraph", n, "no query library (queries/*.rq, kg/queries/) yet")
            self.na("queries.rdflib", n, "no query library yet")
        else:
            mode = "quick" if self.quick else "full"
            r = measure_queries("oxigraph", path, store_dir, mode, cap_s=self.query_cap, timeout=self.timeout("queries.oxigraph"))
            self.record("queries.oxigraph", n, self.query_rows(r, n, "oxigraph"))
            if self.skipping("queries.rdflib", n):
                pass
            elif n <= RDFLIB_QUERY_MAX:
                r = measure(child("queries", "rdflib", str(path), str(store_dir), mode),
                            timeout=self.timeout("queries.rdflib"), live=True)
                self.record("queries.rdflib", n, self.query_rows(r, n, "rdflib"))
            else:
                self.skip("queries.rdflib", n, f"capped at {human(RDFLIB_QUERY_MAX)}")

        # validation
        log(f"size {human(n)}: validate")
        if self.skipping("validate.kg", n) or self.over_cap("validate.kg", n):
            pass
        elif available("kg.fastshacl") and available("kg.validate"):
            r = measure(child("validate", "fast", str(path)), timeout=self.timeout("validate.kg"))
            self.record("validate.kg", n, r)
        else:
            self.na("validate.kg", n, "fast SHACL engine (kg/fastshacl.py) not there yet")
        if self.skipping("validate.kg-pyshacl", n) or self.over_cap("validate.kg-pyshacl", n):
            pass
        elif available("kg.validate"):
            r = measure(child("validate", "pyshacl", str(path)), timeout=self.timeout("validate.kg-pyshacl"))
            self.record("validate.kg-pyshacl", n, r)
        else:
            self.na("validate.kg-pyshacl", n, "kg.validate not there yet")
        if self.skipping("validate.pyshacl", n) or self.over_cap("validate.pyshacl", n):
            pass
        elif n <= PYSHACL_MAX:
            r = measure(child("validate", "pyshacl-plain", str(path)), timeout=self.timeout("validate.pyshacl"))
            self.record("validate.pyshacl", n, r)
        else:
            self.skip("validate.pyshacl", n, f"capped at {human(PYSHACL_MAX)} (448 s at 1M in FINDINGS)")

        # reasoning
        log(f"size {human(n)}: reason")
        if self.skipping("reason.materialise", n) or self.over_cap("reason.materialise", n):
            pass
        elif available("kg.reason.rules") and n <= REASON_MAX:
            r = measure(child("reason", str(path)), timeout=self.timeout("reason.materialise"))
            self.record("reason.materialise", n, r)
        else:
            self.na("reason.materialise", n, "kg.reason.rules.materialise not there yet")

        for d in (store_kg, store_reasoned, store_cli):
            shutil.rmtree(d, ignore_errors=True)
        if n > 1_000_000:
            path.unlink(missing_ok=True)

    def query_rows(self, r: dict, n: int, engine: str) -> dict:
        detail = r.get("detail") or {}
        for name, q in sorted((detail.get("queries") or {}).items()):
            self.queries.append({"size": n, "engine": engine, "query": name, **q})
        r = dict(r)
        qs = [q for q in (detail.get("queries") or {}).values() if "median_ms" in q]
        if qs:
            r["max_median_ms"] = max(q["median_ms"] for q in qs)
            r["sum_median_ms"] = round(sum(q["median_ms"] for q in qs), 3)
            r["errors"] = sum(1 for q in (detail.get("queries") or {}).values() if "error" in q)
        r.pop("detail", None)
        r["setup_seconds"] = detail.get("setup_seconds")
        return r

    def cold_start(self) -> None:
        if not available("kg.commands.query") or not available("kg.queries.library"):
            self.na("cold-start.kg-query", None, "`kg query` not there yet")
            return
        from kg.queries.library import library

        lib = library()
        if not lib:
            self.na("cold-start.kg-query", None, "no queries in queries/")
            return
        name, query = next(iter(lib.items()))
        args = [PY, "-m", "kg", "query", name, *query.example_args(), "--format", "json"]
        env = {}
        store = self.work / "store-seed"
        if available("kg.commands.load"):
            # the way a user runs it: the seed data loaded once into the default embedded store
            res = measure([PY, "-m", "kg", "load", "--store", str(store)], timeout=300)
            if res["status"] == "ok":
                env["KG_STORE"] = str(store)
        measure(args, timeout=120, env=env)  # warm the page cache
        runs = [measure(args, timeout=120, env=env) for _ in range(COLD_START_RUNS)]
        ok = [r for r in runs if r["status"] == "ok"]
        if not ok:
            self.record("cold-start.kg-query", None, runs[0])
            return
        secs = sorted(r["seconds"] for r in ok)
        self.record("cold-start.kg-query", None, {
            "status": "ok", "seconds": statistics.median(secs), "peak_mib": max(r["peak_mib"] for r in ok),
            "runs": len(ok), "query": name, "store": "embedded" if env else "in-memory build of the files",
        })


# ---------------------------------------------------------------------------------------------
# RESULTS.md and the plot


def row_of(results: dict, op: str, size: int | None) -> dict | None:
    for r in results["rows"]:
        if r["op"] == op and r["size"] == size:
            return r
    return None


def secs(r: dict | None) -> float | None:
    return r["seconds"] if r and r.get("status") == "ok" and r.get("seconds") is not None else None


def fmt_s(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:.0f}"


def cell(r: dict | None) -> str:
    if r is None:
        return "—"
    if r.get("status") == "ok":
        earlier = f" (earlier run, {r['earlier_run']})" if r.get("earlier_run") else ""
        return f"{fmt_s(r['seconds'])} s / {r['peak_mib']:.0f} MiB{earlier}"
    return f"{r.get('status')}"


def verdict(ok: bool | None, how: str = "") -> str:
    if ok is None:
        return "not measured" + (f" ({how})" if how else "")
    return ("**met**" if ok else "**missed**") + (f" ({how})" if how else "")


def engine_floor(results: dict, size: int) -> str:
    """What the engine's own loader takes at `size`, for these quads and for the same triples
    without named graphs (", …" to append to a load figure; "" when not measured)."""
    cli, plain = secs(row_of(results, "load.oxigraph-cli", size)), secs(row_of(results, "load.oxigraph-cli-triples", size))
    if cli is None or plain is None:
        return ""
    return (f"; the engine's own loader takes {fmt_s(cli)} s on these quads (named graphs), "
            f"{fmt_s(plain)} s on the same triples in the default graph")


def targets(results: dict) -> list[tuple[str, str, str, str]]:
    """(target, measured, verdict) rows for the issue's targets, from one run's results."""
    sizes = results["sizes"]
    big = 1_000_000 if 1_000_000 in sizes else max(sizes)
    mid = 100_000 if 100_000 in sizes else None
    at = human(big)
    out = []

    def q_rows(size, engine):
        return {q["query"]: q for q in results["queries"] if q["size"] == size and q["engine"] == engine
                and "median_ms" in q}

    load = secs(row_of(results, "load.kg", big))
    cli = secs(row_of(results, "load.oxigraph-cli", big))
    gen = row_of(results, "generate", big)
    triples = ((gen or {}).get("detail") or {}).get("triples", big)
    out.append((f"`kg load` at {at}: ≤ 5 s (≥ 200k triples/s)",
                f"{fmt_s(load)} s ({triples / load / 1000:.0f}k triples/s){engine_floor(results, big)}" if load else "—",
                verdict(None if load is None else load <= 5, "" if load is None or load <= 5 else f"{load / 5:.1f}× the target")))
    opt = secs(row_of(results, "optimize.oxigraph-cli", big))
    compact = ((row_of(results, "load.kg", big) or {}).get("detail") or {}).get("optimize_seconds")
    if load and cli and opt is not None and compact is not None:
        ratio = load / (cli + opt)
        out.append((f"`kg load` ≤ 1.3× `oxigraph load` at {at}",
                    f"{ratio:.2f}× `oxigraph load` + `optimize` ({fmt_s(load)} s vs {fmt_s(cli)} + {fmt_s(opt)} s); "
                    f"loading alone {(load - compact) / cli:.2f}× ({fmt_s(load - compact)} s vs {fmt_s(cli)} s)",
                    verdict(ratio <= 1.3)))
    else:
        ratio = load / cli if load and cli else None
        out.append((f"`kg load` ≤ 1.3× `oxigraph load` at {at}", f"{ratio:.2f}×" if ratio else "—",
                    verdict(None if ratio is None else ratio <= 1.3)))
    qb = q_rows(big, "oxigraph")
    if qb:
        worst = max(qb.values(), key=lambda q: q["median_ms"])
        worst_name = next(k for k, v in qb.items() if v is worst)
        out.append((f"each library query at {at}: median ≤ 50 ms", f"worst {worst['median_ms']:.1f} ms ({worst_name})",
                    verdict(worst["median_ms"] <= 50, "" if worst["median_ms"] <= 50 else
                            f"{sum(1 for q in qb.values() if q['median_ms'] > 50)} of {len(qb)} over")))
        sel = {k: v for k, v in qb.items() if v.get("selective")}
        if sel:
            ws = max(sel, key=lambda k: sel[k]["median_ms"])
            over = sum(1 for q in sel.values() if q["median_ms"] > 5)
            measured = f"worst {sel[ws]['median_ms']:.2f} ms ({ws})"
            how = f"{over} of {len(sel)} over" if over else ""
            typ = {k: v["typical"] for k, v in sel.items() if "median_ms" in v.get("typical", {})}
            if typ:  # the same queries about an ordinary entity (see `typical_entity`)
                wt = max(typ, key=lambda k: typ[k]["median_ms"])
                t_over = sum(1 for q in typ.values() if q["median_ms"] > 5)
                unanswered = sum(1 for v in sel.values() if "none" in v.get("typical", {}))
                measured = (f"at the most-referenced entity: {measured}; at a median-referenced entity: worst "
                            f"{typ[wt]['median_ms']:.2f} ms ({wt})"
                            + (f", {unanswered} with no answer near the median" if unanswered else ""))
                how += (" at the most-referenced entity; " if how else "") + (
                    f"{t_over} of {len(typ)} over at a median-referenced one")
            out.append((f"selective (parameterised) queries at {at}: median ≤ 5 ms", measured, verdict(not over, how)))
    else:
        out.append((f"each library query at {at}: median ≤ 50 ms", "—", verdict(None, "no query library")))
    if mid:
        qo, qr = q_rows(mid, "oxigraph"), q_rows(mid, "rdflib")
        common = sorted(set(qo) & set(qr))
        if common:
            ratios = {k: qr[k]["median_ms"] / max(qo[k]["median_ms"], 1e-3) for k in common}
            worst = min(ratios, key=ratios.get)
            out.append(("each query ≥ 20× faster than rdflib at 100k",
                        f"min {ratios[worst]:.0f}× ({worst}), median {statistics.median(ratios.values()):.0f}×",
                        verdict(ratios[worst] >= 20, "" if ratios[worst] >= 20 else
                                f"{sum(1 for v in ratios.values() if v < 20)} of {len(ratios)} under 20×")))
        else:
            out.append(("each query ≥ 20× faster than rdflib at 100k", "—", verdict(None)))
    val = row_of(results, "validate.kg", big)
    vs = secs(val)
    out.append((f"`kg validate` at {at}: ≤ 30 s", f"{fmt_s(vs)} s" if vs else "—",
                verdict(None if vs is None else vs <= 30, "" if vs is None or vs <= 30 else f"{vs / 30:.1f}× the target")))
    same = []
    for size in sizes:
        for ref in ("validate.pyshacl", "validate.kg-pyshacl"):
            a, b = row_of(results, "validate.kg", size), row_of(results, ref, size)
            if secs(a) is not None and secs(b) is not None:
                da, db = a.get("detail") or {}, b.get("detail") or {}
                same.append((size, ref, da.get("violations"), db.get("violations"),
                             da.get("by_component") == db.get("by_component") and da.get("focus") == db.get("focus")))
    if same:
        agree = all(s[4] for s in same)
        out.append(("`kg validate` gives the same results as pySHACL",
                    "; ".join(f"{human(s)}: {x} vs {y} ({ref.split('.')[1]})" for s, ref, x, y, _ in same),
                    verdict(agree, "same violations per component, same focus nodes" if agree else "results differ")))
    if mid:
        a = secs(row_of(results, "validate.kg", mid))
        for ref, label in (("validate.pyshacl", "plain pySHACL"), ("validate.kg-pyshacl", "kg's pySHACL engine")):
            b = secs(row_of(results, ref, mid))
            r = b / a if a and b else None
            note = (row_of(results, ref, mid) or {}).get("note", "")
            out.append((f"`kg validate` ≥ 10× faster than {label} at 100k",
                        f"{r:.0f}× ({fmt_s(b)} s vs {fmt_s(a)} s)" if r else "—",
                        verdict(None if r is None else r >= 10, "" if r else note)))
    rs = row_of(results, "reason.materialise", big)
    rsec = secs(rs)
    inferred = ((rs or {}).get("detail") or {}).get("inferred")
    out.append((f"materialisation at {at}: ≤ 60 s", f"{fmt_s(rsec)} s, {inferred} triples inferred" if rsec else "—",
                verdict(None if rsec is None else rsec <= 60, "" if rsec is None or rsec <= 60 else f"{rsec / 60:.1f}× the target")))
    peaks = [(r["op"], r["peak_mib"]) for r in results["rows"] if r["size"] == big and r.get("status") == "ok"
             and r["op"] not in ("load.rdflib", "validate.pyshacl", "validate.kg-pyshacl", "queries.rdflib")
             and r.get("peak_mib")]
    if peaks:
        op, peak = max(peaks, key=lambda x: x[1])
        out.append((f"peak memory of our operations at {at}: ≤ 2 GiB", f"{peak:.0f} MiB ({op})",
                    verdict(peak <= 2048, "" if peak <= 2048 else f"{peak / 2048:.1f}× the target")))
    cs = secs(row_of(results, "cold-start.kg-query", None))
    out.append(("`kg query NAME` cold start on the seed data: ≤ 0.5 s", f"{fmt_s(cs)} s" if cs else "—",
                verdict(None if cs is None else cs <= 0.5, "" if cs is None or cs <= 0.5 else f"{cs / 0.5:.1f}× the target")))
    if 10_000_000 in sizes:
        l10 = secs(row_of(results, "load.kg", 10_000_000))
        out.append(("`kg load` at 10M: ≤ 60 s", f"{fmt_s(l10)} s{engine_floor(results, 10_000_000)}" if l10 else "—",
                    verdict(None if l10 is None else l10 <= 60)))
        q10 = [q for q in results["queries"] if q["size"] == 10_000_000 and q["engine"] == "oxigraph"
               and ("median_ms" in q or "timeout_ms" in q)]
        if q10:
            ms = {q["query"]: q.get("median_ms", q.get("timeout_ms")) for q in q10}
            stopped = {q["query"] for q in q10 if "timeout_ms" in q}
            worst = max(ms, key=ms.get)
            over = sum(1 for v in ms.values() if v > 2000)
            earlier = next((f" (earlier run, {q['earlier_run']})" for q in q10 if q.get("earlier_run")), "")
            out.append(("every library query at 10M: ≤ 2 s",
                        f"worst {ms[worst] / 1000:.1f} s ({worst}{', stopped at the cap' if worst in stopped else ''})"
                        + earlier,
                        verdict(over == 0, "" if not over else f"{over} of {len(ms)} over"
                                + (f", {len(stopped)} stopped at the cap" if stopped else ""))))
        else:
            note = (row_of(results, "queries.oxigraph", 10_000_000) or {}).get("note", "")
            out.append(("every library query at 10M: ≤ 2 s", "—", verdict(None, note)))
    return out


def runs(results: dict) -> list[dict]:
    """The runs a results file holds, first to last, each with the sizes whose rows are still its
    own (a later `--append` run replaces the sizes it measured again)."""
    meta = results["meta"]
    appended = meta.get("appended", [])
    first = [x for x in results["sizes"] if not any(x in a["sizes"] for a in appended)]
    every = [{**meta, "sizes": first, "appended": False}] + [{**a, "appended": True} for a in appended]
    return [{**run, "sizes": [x for x in run["sizes"] if not any(x in later["sizes"] for later in every[i + 1:])]}
            for i, run in enumerate(every)]


def run_name(run: dict) -> str:
    return run["date"] + (f" {run['started']}" if run.get("started") else "")


def runs_text(results: dict) -> list[str]:
    return [f"Size{'s' if len(run['sizes']) > 1 else ''} {', '.join(human(x) for x in run['sizes'])}: run of "
            f"{run_name(run)} ({run['seconds'] / 60:.1f} minutes{', `--append`' if run.get('appended') else ''})."
            for run in runs(results) if run["sizes"]]


def render(results: dict, results_path: Path) -> str:
    sizes = results["sizes"]
    meta = results["meta"]
    lines = [
        "# Benchmark results",
        "",
        f"<!-- Generated by `python bench/run.py` from `{results_path.relative_to(ROOT) if results_path.is_relative_to(ROOT) else results_path}`;"
        " do not edit by hand. -->",
        "",
        f"On `{meta['host']}` ({meta['cpus']} CPUs, Python {meta['python']}, pyoxigraph "
        f"{meta.get('pyoxigraph')}, rdflib {meta.get('rdflib')}, pySHACL {meta.get('pyshacl')}). "
        + " ".join(runs_text(results)) + f" Worlds from `bench/generate.py --seed {meta['seed']} "
        f"--violations {meta['violations']}`. The machine is shared, so trust ratios measured in the same run "
        "more than absolute seconds.",
        "",
        "![time vs. size per operation](results/plot.png)",
        "",
        "## Targets (issue 7)",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]
    for target, measured, v in targets(results):
        lines.append(f"| {target} | {measured} | {v} |")
    lines += ["", "Why the missed targets are missed, and what would fix them: [README.md](README.md#findings)."]
    lines += ["", "## Every operation (wall seconds of the whole process / its peak RSS)", "",
              "| operation | " + " | ".join(human(s) for s in sizes) + " | what |",
              "|---|" + "---|" * len(sizes) + "---|"]
    for op, what in OPERATIONS.items():
        if op == "cold-start.kg-query":
            continue
        lines.append(f"| {op} | " + " | ".join(cell(row_of(results, op, s)) for s in sizes) + f" | {what} |")
    cs = row_of(results, "cold-start.kg-query", None)
    lines += ["", f"`kg query` cold start (seed data, median of {(cs or {}).get('runs', COLD_START_RUNS)} runs, "
              f"{(cs or {}).get('store', '')}): {cell(cs)}."]
    notes = [r for r in results["rows"] if r.get("status") not in ("ok",) and r.get("note")]
    if notes:
        lines += ["", "Not measured:", ""]
        seen = set()
        for r in notes:
            key = (r["op"], r["note"])
            if key in seen:
                continue
            seen.add(key)
            lines.append(f"- {r['op']} ({r['status']}, {human(r['size']) if r['size'] else 'seed'}): {r['note']}")
    lines += ["", "## Validation results", "",
              "| engine | size | violations | warnings | by component |", "|---|---|---|---|---|"]
    for op in ("validate.kg", "validate.kg-pyshacl", "validate.pyshacl"):
        for s in sizes:
            r = row_of(results, op, s)
            d = (r or {}).get("detail") or {}
            if d:
                comp = ", ".join(f"{k} {v}" for k, v in d.get("by_component", {}).items())
                lines.append(f"| {op} | {human(s)} | {d.get('violations')} | {d.get('warnings')} | {comp} |")
    lines += ["", f"Each world has exactly {meta['violations']} injected violations (`FILE.violations.json`).", ""]
    engines_sizes = sorted({(q["size"], q["engine"]) for q in results["queries"]})
    if engines_sizes:
        names = sorted({q["query"] for q in results["queries"]})
        earlier = {(q["size"], q["engine"]): q["earlier_run"] for q in results["queries"] if q.get("earlier_run")}
        cols = [f"{e} {human(s)}" + (f" (earlier run, {earlier[s, e]})" if (s, e) in earlier else "")
                for s, e in engines_sizes]
        lines += ["## Queries (median / p95 ms; rows)", "",
                  "| query | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
        for name in names:
            cells = []
            for s, e in engines_sizes:
                q = next((q for q in results["queries"] if q["query"] == name and q["size"] == s and q["engine"] == e), None)
                if q is None:
                    cells.append("—")
                elif "timeout_ms" in q:
                    cells.append(f"> {q['timeout_ms'] / 1000:.0f} s (stopped)")
                elif "error" in q:
                    cells.append("error")
                elif not q["rows"]:
                    cells.append(f"{q['median_ms']:.2f} / {q['p95_ms']:.2f}; **0**")
                else:
                    cells.append(f"{q['median_ms']:.2f} / {q['p95_ms']:.2f}; {q['rows']}")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
        errs = [q for q in results["queries"] if "error" in q and "timeout_ms" not in q]
        for q in errs:
            lines.append(f"- {q['query']} on {q['engine']} {human(q['size'])}: {q['error']}")
        lines.append("")
        lines += selective_section(results)
        lines += time_goes(results)
    lines += ["## How to reproduce", "", "```sh", "make -f bench.mk bench        # 10k, 100k, 1M", "make -f bench.mk bench-large  # adds 10M", "```", ""]
    return "\n".join(lines)


def selective_section(results: dict) -> list[str]:
    """The section comparing each selective query at the most-referenced entity with the same query
    at a median-referenced one (see `typical_entity`); [] when no run measured the latter."""
    qs = [q for q in results["queries"] if q["engine"] == "oxigraph" and q.get("typical")]
    if not qs:
        return []
    sizes = sorted({q["size"] for q in qs})
    hubs = {(q["query"], q["size"]): q for q in results["queries"] if q["engine"] == "oxigraph" and "median_ms" in q}
    lines = ["## Selective queries: a hub entity vs. an ordinary one", "",
             "The parameters of the query table are the world's most-referenced entities (the hubs: the "
             "largest answers). Each selective query also ran with IRIs at the median reference count of "
             "their namespace. Median ms (rows); —: no entity near the median gives the query an answer (or, "
             "with no IRI in the hub's parameters, the query was not selective at that size).", "",
             "| query | " + " | ".join(f"{human(s)} hub | {human(s)} median-referenced" for s in sizes) + " |",
             "|---|" + "---|---|" * len(sizes)]
    for name in sorted({q["query"] for q in qs}):
        cells = []
        for size in sizes:
            q = hubs.get((name, size))
            t = (q or {}).get("typical", {})
            cells += [f"{q['median_ms']:.2f} ({q['rows']})" if q else "—",
                      f"{t['median_ms']:.2f} ({t['rows']})" if "median_ms" in t else "—"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines + [""]


def time_goes(results: dict) -> list[str]:
    """The section on where the time of the queries over the target goes (see `breakdown`)."""
    slow = sorted((q for q in results["queries"] if "engine_ms" in q or "unordered_ms" in q),
                  key=lambda q: (q["size"], -q["median_ms"]))
    if not slow:
        return []

    def ms(x: float | None) -> str:
        return "—" if x is None else f"{x:,.0f}" if abs(x) >= 10 else f"{x:.1f}"

    lines = [f"## Where the time goes in the queries over {QUERY_TARGET_MS} ms", "",
             "Each such query ran again, in the same child, without its ORDER BY (the same rows, handed to Python "
             "in the engine's order) and wrapped in `SELECT (COUNT(*) …)` (evaluated in full inside the engine, one "
             "row handed to Python). The differences are the cost of sorting and of handing rows to Python "
             "(medians; on a noisy machine a difference can come out slightly negative).", "",
             "| query | size | rows | as run (ms) | evaluating | handing rows to Python | sorting | sorting share |",
             "|---|---|---|---|---|---|---|---|"]
    for q in slow:
        full, plain, engine = q["median_ms"], q.get("unordered_ms"), q.get("engine_ms")
        to_python = plain - engine if plain is not None and engine is not None else None
        sorting = full - plain if plain is not None else None
        share = f"{sorting / full:.0%}" if sorting is not None else "—"
        odd = " (variant rows differ)" if "engine_rows" in q or "unordered_rows" in q else ""
        lines.append(f"| {q['query']} | {human(q['size'])} | {q['rows']:,} | {ms(full)} | {ms(engine)} | "
                     f"{ms(to_python)} | {ms(sorting)} | {share}{odd} |")
    return lines + [""]


def plot(results: dict, png: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5.5), dpi=110)
    colours = plt.get_cmap("tab20").colors  # more series than tab10 has colours
    for i, op in enumerate(OPERATIONS):
        pts = [(r["size"], r["seconds"]) for r in results["rows"]
               if r["op"] == op and r["size"] and r.get("status") == "ok" and r.get("seconds")]
        if op.startswith("queries."):
            pts = [(r["size"], r["sum_median_ms"] / 1000) for r in results["rows"]
                   if r["op"] == op and r.get("status") == "ok" and r.get("sum_median_ms")]
            op = op + " (sum of medians)"
        if pts:
            xs, ys = zip(*sorted(pts))
            ax.plot(xs, ys, marker="os^Dv"[i % 5], color=colours[(2 * i) % 20 + (i // 10)], label=op)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("triples")
    ax.set_ylabel("seconds (wall, whole process)")
    ax.set_title(f"igkg benchmark, {results['meta']['date']} ({results['meta']['host']})")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png)
    plt.close(fig)


def write_outputs(results: dict, json_path: Path) -> None:
    (HERE / "RESULTS.md").write_text(render(results, json_path), encoding="utf-8")
    plot(results, HERE / "results" / "plot.png")
    log(f"wrote {HERE / 'RESULTS.md'} and {HERE / 'results' / 'plot.png'}")


def versions() -> dict:
    out = {}
    for mod in ("pyoxigraph", "rdflib", "pyshacl"):
        try:
            from importlib.metadata import version

            out[mod] = version(mod)
        except Exception:
            out[mod] = None
    return out


def merge_results(old: dict, new: dict) -> dict:
    """`old` with `new`'s sizes added (replacing old rows of those sizes); the cold start (no size)
    is the new run's. `meta.appended` says which sizes came from which run."""
    sizes = set(new["sizes"])
    kept = {}  # steps the new run left out with --skip keep the earlier run's measurement, marked as such
    measured_by = {x: run_name(run) for run in runs(old) for x in run["sizes"]}
    for r in new["rows"]:
        before = row_of(old, r["op"], r["size"])
        if r.get("note") == SKIPPED_BY_OPTION and before and before.get("status") in ("ok", "timeout"):
            kept[(r["op"], r["size"])] = {**before, "earlier_run": before.get("earlier_run", measured_by[r["size"]])}
    kept_queries = {(size, op.split(".", 1)[1]) for op, size in kept if op.startswith("queries.")}
    meta = dict(old["meta"])
    meta["appended"] = [*meta.get("appended", []), {k: new["meta"][k] for k in ("date", "started", "seconds")
                                                    if k in new["meta"]} | {"sizes": new["sizes"]}]
    return {
        "meta": meta,
        "sizes": sorted(set(old["sizes"]) | sizes),
        "worlds": {**old["worlds"], **new["worlds"]},
        "rows": [r for r in old["rows"] if r["size"] is not None and r["size"] not in sizes]
        + [kept.get((r["op"], r["size"]), r) for r in new["rows"]],
        "queries": [q for q in old["queries"] if q["size"] not in sizes]
        + [{**q, "earlier_run": q.get("earlier_run", measured_by[q["size"]])} for q in old["queries"]
           if (q["size"], q["engine"]) in kept_queries]
        + new["queries"],
    }


def sizes_lost(out: Path, sizes: list[int]) -> list[int]:
    """Sizes the results file `out` holds that a run of `sizes` (without --append) would drop."""
    try:
        held = json.loads(out.read_text(encoding="utf-8"))["sizes"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return sorted(set(held) - set(sizes))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated triple counts")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    ap.add_argument("--workdir", help="where worlds and stores go (default: a fresh temp dir, removed after)")
    ap.add_argument("--output", help="results JSON (default bench/results/<date>-<host>.json)")
    ap.add_argument("--query-cap", type=float, default=QUERY_CAP_S,
                    help=f"seconds after which one query is stopped (default {QUERY_CAP_S})")
    ap.add_argument("--skip", default="", help="operations not to run, comma-separated (e.g. validate.pyshacl)")
    ap.add_argument("--append", metavar="JSON", help="add these sizes to an earlier results file (its rows for "
                    "the same sizes are replaced) and re-render; e.g. 10M after `make bench`")
    ap.add_argument("--render", metavar="JSON", help="only regenerate RESULTS.md and the plot from a results file")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        op, *rest = args.child
        print(json.dumps(CHILDREN[op](rest)))
        return 0
    if args.render:
        path = Path(args.render)
        write_outputs(json.loads(path.read_text(encoding="utf-8")), path.resolve())
        return 0
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="igkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    host = socket.gethostname().split(".")[0]
    today = dt.date.today().isoformat()
    started = dt.datetime.now().strftime("%H:%M")
    out = Path(args.output or args.append or HERE / "results" / f"{today}-{host}.json")
    t0 = time.perf_counter()
    earlier = json.loads(Path(args.append).read_text(encoding="utf-8")) if args.append else None
    bench = Bench(sizes, workdir=work, quick=args.quick, seed=args.seed, skip=set(filter(None, args.skip.split(","))),
                  query_cap=args.query_cap, history=earlier["rows"] if earlier else ())
    log(f"sizes {', '.join(human(s) for s in sizes)}; work dir {work}")
    if not args.append and (lost := sizes_lost(out, sizes)):
        log(f"warning: {out} holds {', '.join(human(s) for s in lost)} from an earlier run, which this run "
            f"will drop when it replaces the file; stop now and pass --append {out} to add to it instead")
    try:
        bench.run()
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    results = {
        "meta": {"date": today, "started": started, "host": host, "cpus": os.cpu_count(),
                 "python": platform.python_version(), "seed": args.seed, "violations": VIOLATIONS, "quick": args.quick,
                 "seconds": round(time.perf_counter() - t0, 1), **versions()},
        "sizes": sizes, "worlds": {str(k): v for k, v in bench.worlds.items()},
        "rows": bench.rows, "queries": bench.queries,
    }
    if earlier:
        results = merge_results(earlier, results)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    log(f"wrote {out}")
    write_outputs(results, out.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
