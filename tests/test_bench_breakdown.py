"""bench/run.py says why a target is missed: where a slow query's time goes (evaluating, handing
rows to Python, sorting), what the engine's own loader takes with and without named graphs, and
how a selective query at the world's most-referenced entity compares with one at an ordinary entity."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pyoxigraph as ox

from kg.backend import OxigraphBackend
from kg.queries.library import load_query

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
    run = bench.oxigraph_runner(backend)
    assert [str(r[1]) for r in run(QUERY, None)] == ['"thing 0"', '"thing 1"', '"thing 2"']

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


# --- selective queries: the most-referenced entity (the hub) vs. a median-referenced one --------

ORG = "https://w3id.org/igkg/id/org/"
EX = "http://example.org/"


def _org_world():
    """Organisations o00..o24; o{i} has i + 1 members, and only o24 (the hub) has a chair."""
    store = ox.Store()
    member, chair = ox.NamedNode(EX + "memberOf"), ox.NamedNode(EX + "chairs")
    for i in range(25):
        org = ox.NamedNode(f"{ORG}o{i:02d}")
        for j in range(i + 1):
            store.add(ox.Quad(ox.NamedNode(f"{EX}p{i:02d}-{j:02d}"), member, org))
    store.add(ox.Quad(ox.NamedNode(EX + "boss"), chair, ox.NamedNode(ORG + "o24")))
    return store


def _named(tmp_path, name, pattern):
    (tmp_path / f"{name}.rq").write_text(
        "#+ summary: test\n#+ columns: [person]\n#+ params:\n#+   - {name: org, type: iri, required: true, example: \"igorg:cnnic\"}\n"
        f"PREFIX ex: <{EX}>\nSELECT ?person WHERE {{ {pattern} }} ORDER BY ?person\n", encoding="utf-8")
    return load_query(tmp_path / f"{name}.rq")


def test_ranked_iris_puts_the_most_referenced_first_and_is_kept_for_the_run():
    cache = {}
    ranked = bench.ranked_iris(_org_world(), ORG, cache)
    assert ranked == [f"{ORG}o{i:02d}" for i in range(24, -1, -1)]
    assert cache == {ORG: ranked}
    assert bench.ranked_iris(ox.Store(), ORG, cache) is ranked  # the run's cache answers, not the store


def test_a_selective_query_is_measured_at_the_hub_and_at_a_median_referenced_entity(tmp_path):
    store = _org_world()
    backend = OxigraphBackend(store)
    run = bench.oxigraph_runner(backend)
    members = _named(tmp_path, "members", "?person ex:memberOf ?org")
    cache = {}

    hub, (rows, _) = bench.pick_params(members, store, run, backend, cache=cache)
    assert (hub, len(rows)) == ({"org": ORG + "o24"}, 25)
    # 25 organisations: the median (index 12 of the ranking) is o12, with 13 members
    assert bench.iri_candidates(members, store, top=3, typical=True, cache=cache) == {
        "org": [ORG + "o12", ORG + "o13", ORG + "o11"]}
    typical = bench.typical_entity(members, store, run, backend, hub, cache=cache, repeats=2, budget=1.0)
    assert (typical["params"], typical["rows"], typical["runs"]) == ({"org": ORG + "o12"}, 13, 2)

    # only the hub has a chair: no entity near the median answers, and the result says so
    chairs = _named(tmp_path, "chairs", "?person ex:chairs ?org")
    hub, (rows, _) = bench.pick_params(chairs, store, run, backend, cache=cache)
    assert (hub, len(rows)) == ({"org": ORG + "o24"}, 1)
    assert bench.typical_entity(chairs, store, run, backend, hub, cache=cache, repeats=2, budget=1.0) == {
        "none": "no entity near the median reference count gives rows"}


def test_the_results_page_compares_the_hub_with_a_median_referenced_entity():
    queries = [
        {"size": 1_000_000, "engine": "oxigraph", "query": "tree", "median_ms": 62.6, "rows": 918, "selective": True,
         "typical": {"median_ms": 0.62, "rows": 8, "params": {}}},
        {"size": 1_000_000, "engine": "oxigraph", "query": "areas", "median_ms": 28.7, "rows": 381, "selective": True,
         "typical": {"none": "no entity near the median reference count gives rows"}},
        {"size": 1_000_000, "engine": "oxigraph", "query": "career", "median_ms": 2.0, "rows": 25, "selective": True,
         "typical": {"median_ms": 6.0, "rows": 30, "params": {}}},
        {"size": 1_000_000, "engine": "oxigraph", "query": "all", "median_ms": 40.0, "rows": 9000},
    ]
    results = {"sizes": [1_000_000], "rows": [], "queries": queries}
    row = next(t for t in bench.targets(results) if t[0].startswith("selective"))
    assert row[1:] == (
        "at the most-referenced entity: worst 62.60 ms (tree); at a median-referenced entity: worst 6.00 ms (career), "
        "1 with no answer near the median",
        "**missed** (2 of 3 over at the most-referenced entity; 1 of 2 over at a median-referenced one)")
    # a query not selective at a size (no IRI among the parameters picked there) has no comparison
    results["sizes"].append(100_000)
    queries.append({"size": 100_000, "engine": "oxigraph", "query": "career", "median_ms": 1.5, "rows": 1})
    assert bench.selective_section(results)[4:] == [
        "| query | 1M hub | 1M median-referenced |", "|---|---|---|",
        "| areas | 28.70 (381) | — |", "| career | 2.00 (25) | 6.00 (30) |", "| tree | 62.60 (918) | 0.62 (8) |", ""]
    queries.append({"size": 100_000, "engine": "oxigraph", "query": "tree", "median_ms": 25.0, "rows": 375,
                    "selective": True, "typical": {"median_ms": 0.31, "rows": 4}})
    assert bench.selective_section(results)[4:] == [
        "| query | 100k hub | 100k median-referenced | 1M hub | 1M median-referenced |", "|---|---|---|---|---|",
        "| areas | — | — | 28.70 (381) | — |", "| career | 1.50 (1) | — | 2.00 (25) | 6.00 (30) |",
        "| tree | 25.00 (375) | 0.31 (4) | 62.60 (918) | 0.62 (8) |", ""]
    assert bench.selective_section({"queries": queries[3:5]}) == []
