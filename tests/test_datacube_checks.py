"""The W3C RDF Data Cube integrity constraints as `kg check` checks (ontology/checks/datacube-ic*).

Each IC that applies to igkg's cubes (no slices, no qb:measureType, flat code lists: IC-1 to IC-6,
IC-11 to IC-14, IC-19) has a violating fixture in tests/fixtures/datacube/ read with the conforming
miniature `structure.ttl`; the exact offending rows are pinned. The real data passes them all.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.checks import load_checks, run_checks
from kg.dataset import Source, project_root, read_quads
from kg.namespaces import GRAPH

FIXTURES = Path(__file__).parent / "fixtures" / "datacube"
EX = "https://example.org/cube/"
QB = "http://purl.org/linked-data/cube#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def datacube_checks():
    return {c.name: c for c in load_checks(project_root() / "ontology" / "checks") if c.name.startswith("datacube-")}


def rows_of(check_name: str, *files: str):
    store = ox.Store()
    for name in ("structure.ttl",) + files:
        store.extend(read_quads(Source(FIXTURES / name, GRAPH + Path(name).stem)))
    (outcome,) = run_checks(store, [datacube_checks()[check_name]])
    return outcome.rows


def test_every_applicable_integrity_constraint_is_a_check():
    assert sorted(datacube_checks()) == [
        "datacube-ic01-unique-dataset", "datacube-ic02-unique-dsd", "datacube-ic03-dsd-includes-measure",
        "datacube-ic04-dimension-range", "datacube-ic05-concept-dimension-codelist",
        "datacube-ic06-only-attributes-optional", "datacube-ic11-all-dimensions-required",
        "datacube-ic12-no-duplicate-observations", "datacube-ic13-required-attributes",
        "datacube-ic14-all-measures-present", "datacube-ic19-codes-from-code-list",
    ]
    assert all(c.severity == "error" and c.problem.startswith("W3C RDF Data Cube IC-") for c in datacube_checks().values())


@pytest.mark.parametrize("name", sorted(datacube_checks()))
def test_the_conforming_miniature_passes(name):
    assert rows_of(name) == ()


EXPECTED = {
    ("datacube-ic01-unique-dataset", "ic01.ttl"): (
        (f"<{EX}o1>", "qb:dataSet", f"<{EX}ds2>"), (f"<{EX}o1>", "qb:dataSet", f"<{EX}ds>"),
        (f"<{EX}o3>", "qb:dataSet", None)),
    ("datacube-ic02-unique-dsd", "ic02.ttl"): (
        (f"<{EX}ds3>", "qb:structure", None),
        (f"<{EX}ds>", "qb:structure", f"<{EX}dsd2>"), (f"<{EX}ds>", "qb:structure", f"<{EX}dsd>")),
    ("datacube-ic03-dsd-includes-measure", "ic03.ttl"): ((f"<{EX}dsd3>", "qb:measure", None),),
    ("datacube-ic04-dimension-range", "ic04.ttl"): ((f"<{EX}sex>", "rdfs:range", None),),
    ("datacube-ic05-concept-dimension-codelist", "ic05.ttl"): ((f"<{EX}topic>", "qb:codeList", None),),
    ("datacube-ic06-only-attributes-optional", "ic06.ttl"): ((f"<{EX}c-area>", "qb:componentRequired", f"<{EX}area>"),),
    ("datacube-ic11-all-dimensions-required", "ic11.ttl"): ((f"<{EX}o3>", f"<{EX}period>", None),),
    ("datacube-ic12-no-duplicate-observations", "ic12.ttl"): (
        (f"<{EX}o1-again>", "qb:dataSet", f"<{EX}o1>"), (f"<{EX}o1>", "qb:dataSet", f"<{EX}o1-again>")),
    ("datacube-ic13-required-attributes", "ic13.ttl"): ((f"<{EX}o3>", f"<{EX}unit>", None),),
    ("datacube-ic14-all-measures-present", "ic14.ttl"): ((f"<{EX}o3>", f"<{EX}value>", None),),
    ("datacube-ic19-codes-from-code-list", "ic19.ttl"): ((f"<{EX}o3>", f"<{EX}kind>", f"<{EX}percent>"),),
}


@pytest.mark.parametrize("name,fixture", sorted(EXPECTED))
def test_a_violating_fixture_gives_the_exact_rows(name, fixture):
    assert rows_of(name, fixture) == EXPECTED[(name, fixture)]


def test_the_real_data_passes_every_integrity_constraint(real_store):
    outcomes = run_checks(real_store, list(datacube_checks().values()))
    assert {o.check.name: o.rows for o in outcomes if o.rows} == {}


def test_the_domain_name_figure_stated_twice_is_one_observation_with_both_quotes(real_store):
    rows = list(real_store.query("""
        PREFIX igkg: <https://w3id.org/igkg/ontology#>
        PREFIX igvocab: <https://w3id.org/igkg/id/vocab/>
        PREFIX qb: <http://purl.org/linked-data/cube#>
        SELECT ?obs (GROUP_CONCAT(DISTINCT ?written; separator="|") AS ?w) (COUNT(DISTINCT ?quote) AS ?q) WHERE {
          ?obs igkg:measure igvocab:number-of-domain-names ; qb:dataSet ?ds ; igkg:valueAsWritten ?written ;
               igkg:quote ?quote .
        } GROUP BY ?obs""", use_default_graph_as_union=True))
    assert len(rows) == 1
    (obs, written, quotes), = [tuple(r) for r in rows]
    assert obs.value == "https://w3id.org/igkg/id/observation/china-number-of-domain-names-2014-12"
    assert sorted(written.value.split("|")) == ["20.60 millions", "20.6Million"]
    assert int(quotes.value) == 5
