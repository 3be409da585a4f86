"""The synthetic-world generator (bench/generate.py): deterministic, sized, conforming except for
exactly the injected violations, and rich enough for the whole query library."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SH = "http://www.w3.org/ns/shacl#"


def _generator():
    spec = importlib.util.spec_from_file_location("igkg_bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _generator()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def world_10k(tmp_path_factory) -> Path:
    """A 10k-triple world with one violation of each known kind."""
    path = tmp_path_factory.mktemp("world") / "world-10k.nq"
    gen.generate(path, triples=10_000, seed=42, violations=len(gen.VIOLATION_KINDS))
    return path


def test_same_seed_gives_the_same_bytes(tmp_path):
    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    gen.generate(a, triples=3_000, seed=7, violations=3)
    gen.generate(b, triples=3_000, seed=7, violations=3)
    assert _digest(a) == _digest(b)
    assert Path(str(a) + ".violations.json").read_bytes() == Path(str(b) + ".violations.json").read_bytes()


def test_another_seed_gives_other_bytes(tmp_path):
    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    gen.generate(a, triples=3_000, seed=7)
    gen.generate(b, triples=3_000, seed=8)
    assert _digest(a) != _digest(b)


def test_same_world_through_the_command_line(tmp_path):
    import subprocess

    out = tmp_path / "cli.nq"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--triples", "2000", "--seed", "3",
                           "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["triples"] == sum(1 for _ in out.open())
    lib = tmp_path / "lib.nq"
    gen.generate(lib, triples=2000, seed=3)
    assert _digest(out) == _digest(lib)


@pytest.mark.parametrize("target", [10_000, 50_000])
def test_size_is_within_three_per_cent_of_the_target(tmp_path, target):
    import pyoxigraph as ox

    path = tmp_path / "w.nq"
    summary = gen.generate(path, triples=target, seed=1)
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    assert summary["triples"] == len(quads) == len(set(quads))  # no line is a duplicate
    assert abs(len(quads) - target) <= 0.03 * target


def test_n_triples_output_has_the_same_triples_without_graphs(tmp_path):
    import pyoxigraph as ox

    nq, nt = tmp_path / "w.nq", tmp_path / "w.nt"
    gen.generate(nq, triples=2_000, seed=5)
    gen.generate(nt, triples=2_000, seed=5)
    quads = list(ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))
    triples = list(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES))
    assert {(q.subject, q.predicate, q.object) for q in quads} == {(t.subject, t.predicate, t.object) for t in triples}


def test_one_named_graph_per_document_plus_reference(world_10k):
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(world_10k), format=ox.RdfFormat.N_QUADS)
    graphs = {g.value for g in store.named_graphs()}
    docs = {r["d"].value for r in store.query(
        "SELECT ?d WHERE { GRAPH ?g { ?d a <https://w3id.org/igkg/ontology#SourceDocument> } }")}
    assert "https://w3id.org/igkg/graph/reference" in graphs
    assert {g.replace("/graph/", "/id/doc/") for g in graphs - {"https://w3id.org/igkg/graph/reference"}} == docs
    assert not any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_every_organisation_and_event_kind_occurs(world_10k):
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(world_10k), format=ox.RdfFormat.N_QUADS)
    igkg = "https://w3id.org/igkg/ontology#"
    kinds = {r["c"].value[len(igkg):] for r in store.query(
        f"SELECT DISTINCT ?c WHERE {{ GRAPH ?g {{ ?s a ?c }} FILTER STRSTARTS(STR(?c), '{igkg}') }}")}
    assert set(gen.ORG_KINDS) | set(gen.EVENT_KINDS) | {
        "SigningCeremony", "MOU", "Partnership", "Person", "Post", "PostHolding", "Affiliation", "Participation",
        "StatisticalObservation", "ContactPoint", "SourceDocument", "Report", "Place",
    } <= kinds
    ask = store.query(
        "ASK { ?b <https://w3id.org/igkg/ontology#succeeds> ?a . ?s <https://schema.org/superEvent> ?e . "
        "?x <http://www.w3.org/ns/org#subOrganizationOf> ?y . ?t <https://w3id.org/igkg/ontology#aboutOrganization> ?o }",
        use_default_graph_as_union=True)
    assert bool(ask)


def test_violations_sidecar_lists_each_kind_once(world_10k):
    recorded = json.loads(Path(str(world_10k) + ".violations.json").read_text())
    assert [v["kind"] for v in recorded] == list(gen.VIOLATION_KINDS)
    assert len({v["focus"] for v in recorded}) == len(recorded)


def _keys(results) -> set[tuple[str, str | None, str]]:
    """(focus, path, component) of the violations, as text (ValidationResult.as_dict)."""
    return {(d["focus"], d["path"], d["component"]) for d in (r.as_dict() for r in results)
            if d["severity"] == SH + "Violation"}


def _expected(world: Path) -> set[tuple[str, str | None, str]]:
    return {(v["focus"], v["path"], v["component"])
            for v in json.loads(Path(str(world) + ".violations.json").read_text())}


@pytest.fixture(scope="module")
def pyshacl_report(world_10k):
    from kg.validate import validate

    return validate([world_10k], engine="pyshacl")


@pytest.fixture(scope="module")
def fast_report(world_10k):
    from kg.validate import validate

    return validate([world_10k], engine="fast")


def test_10k_world_conforms_except_for_exactly_the_injected_violations_pyshacl(world_10k, pyshacl_report):
    assert _keys(pyshacl_report.results) == _expected(world_10k)
    assert len(pyshacl_report.violations) == len(gen.VIOLATION_KINDS)
    assert pyshacl_report.warnings == ()


def test_10k_world_fast_engine_reports_the_injected_violations(world_10k, fast_report):
    assert _keys(fast_report.results) == _expected(world_10k)
    assert fast_report.warnings == ()


def test_10k_world_fast_engine_agrees_with_pyshacl_on_every_result(pyshacl_report, fast_report):
    """Differential: same focus nodes, paths, components and source shapes, same severities."""
    assert sorted((r.key(), r.severity) for r in fast_report.results) == \
        sorted((r.key(), r.severity) for r in pyshacl_report.results)
    assert fast_report.conforms is pyshacl_report.conforms is False


def test_world_without_violations_conforms(tmp_path):
    from kg.validate import validate

    path = tmp_path / "clean.nq"
    gen.generate(path, triples=5_000, seed=11)
    assert not Path(str(path) + ".violations.json").exists()
    report = validate([path], engine="fast")
    assert report.conforms and report.results == ()


def test_every_library_query_runs_and_most_answer(world_10k):
    import pyoxigraph as ox

    from kg import queries as kq
    from kg.backend import OxigraphBackend
    from kg.queries.library import library

    bench_run = importlib.util.spec_from_file_location("igkg_bench_run", ROOT / "bench" / "run.py")
    run_mod = importlib.util.module_from_spec(bench_run)
    bench_run.loader.exec_module(run_mod)
    store = ox.Store()
    store.bulk_load(path=str(world_10k), format=ox.RdfFormat.N_QUADS)
    store.load(path=str(ROOT / "ontology" / "igkg.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/igkg/graph/ontology"))
    from kg.reason.rules import materialise

    assert materialise(store) > 0  # as `kg load --reason` does: some queries read iggraph:inferred
    backend = OxigraphBackend(store)
    lib = library()
    assert lib, "queries/ holds no query"
    empty = []
    for name, query in lib.items():
        params, _ = run_mod.pick_params(query, store, run_mod.oxigraph_runner(backend), backend)
        result = kq.run(query, params, backend=backend)
        if isinstance(result, ox.QuerySolutions) and not list(result):  # an empty SELECT (an ASK answers)
            empty.append(name)
    # data-quality checks (queries that list problems) are empty on a clean world by design
    problem_queries = {n for n, q in lib.items() if "checks" in q.tags or "quality" in q.tags}
    assert sorted(set(empty) - problem_queries) == []
