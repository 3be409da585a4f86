"""The SHACL shapes: one case per constraint (tests/shacl/<case>/), the real data conforms, and the
shapes file is documented.

A case is `tests/shacl/<case>/data.ttl` (a small graph that violates exactly one constraint; its first
line says how) plus `expected.json`: {"description": …, "results": [{"focus", "path", "component",
"shape", "severity"}]} in prefixed names (igsh: is the shapes namespace). Each case is validated
together with `tests/shacl/base.ttl` (a tiny conforming world) and the project ontology.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.namespaces import PREFIXES

SHACL_DIR = Path(__file__).parent / "shacl"
BASE = SHACL_DIR / "base.ttl"
CASES = sorted(p.name for p in SHACL_DIR.iterdir() if p.is_dir())
IGSH = "https://w3id.org/igkg/shapes#"


def expand(name: str | None) -> str | None:
    if name is None:
        return None
    prefix, _, local = name.partition(":")
    ns = IGSH if prefix == "igsh" else PREFIXES[prefix]
    return ns + local


def expected_results(case: str) -> set[tuple]:
    spec = json.loads((SHACL_DIR / case / "expected.json").read_text())
    return {
        (expand(r["focus"]), expand(r["path"]), expand(r["component"]), expand(r["shape"]), expand(r["severity"]))
        for r in spec["results"]
    }


def got_results(report) -> set[tuple]:
    """(focus, path, component, shape, severity) of each result, as text (ValidationResult.as_dict)."""
    return {(d["focus"], d["path"], d["component"], d["shape"], d["severity"])
            for d in (r.as_dict() for r in report.results)}


def test_there_is_a_case_per_constraint():
    assert len(CASES) >= 100


def test_base_fixture_conforms_without_results():
    from kg.validate import validate

    report = validate([BASE])
    assert report.results == ()
    assert report.conforms


@pytest.mark.parametrize("case", CASES)
def test_shacl_case(case):
    from kg.validate import validate

    report = validate([BASE, SHACL_DIR / case / "data.ttl"])
    expected = expected_results(case)
    assert got_results(report) == expected
    assert report.conforms == all(sev.endswith("#Warning") for *_, sev in expected)
    assert all(r.message for r in report.results), "every result carries a message"


def test_every_constraint_component_of_every_shape_has_a_case():
    """Each (shape, component) pair used in shapes.ttl appears in some case's expected results."""
    import rdflib
    from rdflib.namespace import SH

    from kg.dataset import shapes_file

    g = rdflib.Graph().parse(shapes_file())
    param_to_component = {
        SH.minCount: "MinCount", SH.maxCount: "MaxCount", SH["class"]: "Class", SH.datatype: "Datatype",
        SH.nodeKind: "NodeKind", SH.pattern: "Pattern", SH["or"]: "Or", SH.node: "Node", SH.minLength: "MinLength",
        SH["in"]: "In", SH.sparql: "SPARQL", SH.hasValue: "HasValue",
    }
    node_shapes_for_sh_node = set(g.objects(None, SH.node))
    helper_shapes = node_shapes_for_sh_node | {p for s in node_shapes_for_sh_node for p in g.objects(s, SH.property)}
    used: set[tuple[str, str]] = set()
    for shape in set(g.subjects(SH.property, None)) | set(g.subjects(SH.path, None)):
        if not isinstance(shape, rdflib.URIRef) or shape in helper_shapes:
            continue
        for param, comp in param_to_component.items():
            if (shape, param, None) in g:
                used.add((str(shape), f"http://www.w3.org/ns/shacl#{comp}ConstraintComponent"))
    covered: set[tuple[str, str]] = set()
    for case in CASES:
        for _focus, _path, comp, shape, _sev in expected_results(case):
            covered.add((shape, comp))
    # Property shapes shared by a node shape are reported under the property shape; SPARQL under the node shape.
    assert sorted(used - covered) == []


def test_shapes_file_parses_and_every_shape_is_documented():
    import rdflib
    from rdflib.namespace import RDF, SH

    from kg.dataset import shapes_file

    g = rdflib.Graph().parse(shapes_file())
    shapes = {s for s in g.subjects(RDF.type, SH.NodeShape)} | {s for s in g.subjects(RDF.type, SH.PropertyShape)}
    assert len(shapes) > 50
    undocumented = [
        str(s) for s in shapes
        if not all((s, p, None) in g for p in (SH.name, SH.description, SH.message))
    ]
    assert undocumented == []
    assert all(isinstance(s, rdflib.URIRef) for s in shapes), "named shapes, so results cite a stable IRI"
    sparql = set(g.subjects(RDF.type, SH.SPARQLConstraint))
    assert len(sparql) == 11
    assert all((s, SH.message, None) in g and (s, SH.prefixes, None) in g for s in sparql)


def test_real_data_conforms():
    from kg.validate import validate

    report = validate()
    problems = [
        f"{d['shape']} {d['focus']} {d['path']} {d['value']}: {d['message']}"
        for d in (r.as_dict() for r in report.results) if d["severity"].endswith("Violation")
    ]
    assert problems == []
    assert report.conforms
