"""bench/run.py says why a target is missed: where a slow query's time goes (evaluating, handing
rows to Python, sorting), and what the engine's own loader takes with and without named graphs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pyoxigraph as ox

from kg import queries as kq
from kg.backend import OxigraphBackend

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("igkg_bench_run_breakdown", ROOT / "bench" / "run.py")
bench = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = bench
spec.loader.exec_module(bench)

QUERY = """PREFIX ex: <http://example.org/>
# "ORDER BY" in a comment, and in a string below, is not the clause
SELECT ?s ?label WHERE {
  { SELECT ?s WHERE { ?s a ex:Thing } ORDER BY ?s LIMIT 10 }
  ?s ex:label ?label FILTER(?label != "ORDER BY")
}
ORDER BY ?label ?s
"""


def test_unordered_drops_only_the_top_level_order_by():
    assert bench.unordered(QUERY) == QUERY.replace("ORDER BY ?label ?s\n", "")
    assert bench.unordered("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 5") == "SELECT * WHERE { ?s ?p ?o } LIMIT 5"
    assert bench.unordered("SELECT * WHERE { ?s ?p ?o }") is None


def test_counted_wraps_the_query_and_keeps_the_prologue_outside():
    assert bench.counted("PREFIX ex: <http://example.org/>\nSELECT ?s WHERE { ?s a ex:Thing }\n") == (
        "PREFIX ex: <http://example.org/>\nSELECT (COUNT(*) AS ?bench_rows) WHERE {\n"
        "SELECT ?s WHERE { ?s a ex:Thing }\n\n}\n")


def _backend():
    store = ox.Store()
    ex = "http://example.org/"
    for i in range(3):
        s = ox.NamedNode(f"{ex}t{i}")
        store.add(ox.Quad(s, ox.NamedNode(ex + "label"), ox.Literal(f"thing {2 - i}"), ox.NamedNode(ex + "g")))
        store.add(ox.Quad(s, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                          ox.NamedNode(ex + "Thing"), ox.NamedNode(ex + "g")))
    return OxigraphBackend(store)


def test_breakdown_runs_both_variants_on_the_engine_with_the_same_rows():
    backend = _backend()
    run = lambda text, b: kq.run_oxigraph(backend, text, b)  # noqa: E731
    assert [str(r[1]) for r in run(QUERY, None).rows] == ['"thing 0"', '"thing 1"', '"thing 2"']

    out = bench.breakdown(run, QUERY, {}, 3, repeats=2, budget=1.0)
    assert sorted(out) == ["engine_ms", "unordered_ms"]  # no *_rows key: both variants saw the 3 rows

    # a parameter goes into the inner query's VALUES block, so the counted variant sees one row
    one = {"s": ox.NamedNode("http://example.org/t1")}
    assert len(run(QUERY, one)) == 1
    assert sorted(bench.breakdown(run, QUERY, one, 1, repeats=1, budget=1.0)) == ["engine_ms", "unordered_ms"]

    # a variant that did not see the query's rows says how many it saw
    out = bench.breakdown(run, QUERY, {}, 5, repeats=1, budget=1.0)
    assert (out["unordered_rows"], out["engine_rows"]) == (3, 3)


def _results():
    rows = [{"op": "load.oxigraph-cli", "size": 1_000_000, "status": "ok", "seconds": 9.37},
            {"op": "load.oxigraph-cli-triples", "size": 1_000_000, "status": "ok", "seconds": 5.95}]
    queries = [
        {"size": 1_000_000, "engine": "oxigraph", "query": "fast", "median_ms": 4.0, "rows": 3},
        {"size": 1_000_000, "engine": "oxigraph", "query": "people", "median_ms": 2400.0, "rows": 86491,
         "unordered_ms": 760.0, "engine_ms": 280.0},
        {"size": 10_000_000, "engine": "oxigraph", "query": "events", "median_ms": 17000.0, "rows": 121753,
         "unordered_ms": 9000.0, "engine_ms": 9100.0, "engine_rows": 121700},
        {"size": 1_000_000, "engine": "oxigraph", "query": "search", "median_ms": 130.0, "rows": 10,
         "unordered_ms": 129.0},
    ]
    return {"rows": rows, "queries": queries}


def test_the_results_page_says_where_the_time_goes():
    assert bench.time_goes(_results())[4:] == [
        "| query | size | rows | as run (ms) | evaluating | handing rows to Python | sorting | sorting share |",
        "|---|---|---|---|---|---|---|---|",
        "| people | 1M | 86,491 | 2,400 | 280 | 480 | 1,640 | 68% |",
        "| search | 1M | 10 | 130 | — | — | 1.0 | 1% |",
        "| events | 10M | 121,753 | 17,000 | 9,100 | -100 | 8,000 | 47% (variant rows differ) |",
        "",
    ]
    assert bench.time_goes({"rows": [], "queries": _results()["queries"][:1]}) == []


def test_the_load_target_names_the_engines_own_figures():
    assert bench.engine_floor(_results(), 1_000_000) == (
        "; the engine's own loader takes 9.37 s on these quads (named graphs), "
        "5.95 s on the same triples in the default graph")
    assert bench.engine_floor(_results(), 10_000_000) == ""
