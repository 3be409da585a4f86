"""Differential test: the fast engine (our shapes compiled to SPARQL on pyoxigraph) reports exactly
the same (focus, path, component, shape, severity) as pySHACL, the reference.

On the tests/shacl cases the comparison goes through expected.json: tests/test_shapes.py asserts
pySHACL == expected.json for every case, this file asserts fast == expected.json, so fast == pySHACL
without running pySHACL twice. Cases with SPARQL constraints (and the real data) are also compared
directly, values and messages included."""

from __future__ import annotations

from pathlib import Path

import pytest

SHACL_DIR = Path(__file__).parent / "shacl"
BASE = SHACL_DIR / "base.ttl"
CASES = sorted(p.name for p in SHACL_DIR.iterdir() if p.is_dir())


def keys(report) -> set[tuple]:
    return {(*r.key(), r.severity) for r in report.results}


def test_fast_engine_on_base_fixture_finds_nothing():
    from kg.validate import validate

    report = validate([BASE], engine="fast")
    assert report.engine == "fast"
    assert report.results == () and report.conforms


@pytest.mark.parametrize("case", CASES)
def test_fast_engine_gives_the_expected_results(case):
    from kg.validate import validate
    from test_shapes import expected_results, got_results

    fast = validate([BASE, SHACL_DIR / case / "data.ttl"], engine="fast")
    assert got_results(fast) == expected_results(case)
    assert all(r.message for r in fast.results)


SPARQL_CASES = [c for c in CASES if '"sh:SPARQLConstraintComponent"' in (SHACL_DIR / c / "expected.json").read_text()]


@pytest.mark.parametrize("case", SPARQL_CASES + ["start-date-datetime-malformed", "contact-email-iri", "participation-role-not-in-scheme"])
def test_fast_engine_agrees_with_pyshacl(case):
    from kg.validate import validate

    files = [BASE, SHACL_DIR / case / "data.ttl"]
    reference = validate(files, engine="pyshacl")
    fast = validate(files, engine="fast")
    assert keys(fast) == keys(reference)
    assert reference.results, "every case has at least one result"
    assert fast.conforms == reference.conforms
    assert fast.triples == reference.triples
    # values and messages agree too (the message of a SPARQL constraint is filled from its row)
    assert {(r.key(), r.message) for r in fast.results} == {(r.key(), r.message) for r in reference.results}


def test_fast_engine_agrees_with_pyshacl_on_real_data():
    from kg.validate import validate

    reference = validate(engine="pyshacl")
    fast = validate(engine="fast")
    assert keys(fast) == keys(reference)
    assert fast.conforms == reference.conforms
    assert fast.triples == reference.triples


def test_auto_engine_uses_pyshacl_on_small_graphs():
    from kg.validate import validate

    assert validate([BASE], engine="auto").engine == "pyshacl"


def test_fast_engine_refuses_inference():
    from kg.errors import UsageError
    from kg.validate import validate

    with pytest.raises(UsageError):
        validate([BASE], engine="fast", inference="rdfs")


def test_unsupported_shape_feature_is_refused(tmp_path):
    from kg.fastshacl import UnsupportedShape
    from kg.validate import validate

    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:qualifiedValueShape [ sh:class <urn:C> ] ; "
        "sh:qualifiedMinCount 1 ] .\n"
    )
    with pytest.raises(UnsupportedShape, match="qualified"):
        validate([BASE], engine="fast", shapes=shapes)


def test_cli_engine_fast_json(kg):
    import json

    p = kg("validate", "--engine", "fast", "--format", "json", str(BASE), str(SHACL_DIR / "agreement-one-party" / "data.ttl"))
    assert p.returncode == 1, p.stderr
    doc = json.loads(p.stdout)
    assert doc["engine"] == "fast"
    assert [(r["focus"], r["component"], r["shape"]) for r in doc["results"]] == [(
        "https://w3id.org/igkg/id/agreement/case", "http://www.w3.org/ns/shacl#SPARQLConstraintComponent",
        "https://w3id.org/igkg/shapes#Agreement",
    )]


def test_fast_engine_agrees_with_pyshacl_on_generated_10k_world(tmp_path):
    """bench/generate.py's 10k world with 12 injected violations: both engines find exactly those."""
    import json
    import subprocess
    import sys

    from kg.validate import validate

    root = Path(__file__).resolve().parent.parent
    world = tmp_path / "world.nq"
    subprocess.run(
        [sys.executable, str(root / "bench" / "generate.py"), "--triples", "10000", "--seed", "7",
         "--violations", "12", "-o", str(world)],
        check=True, capture_output=True, timeout=300,
    )
    injected = json.loads((tmp_path / "world.nq.violations.json").read_text())
    reference = validate([world], engine="pyshacl")
    fast = validate([world], engine="fast")
    assert keys(fast) == keys(reference)
    assert {(d["focus"], d["path"], d["component"]) for d in (r.as_dict() for r in reference.results)} == {
        (v["focus"], v["path"], v["component"]) for v in injected
    }
    assert len(reference.results) == 12


def test_auto_engine_uses_fast_above_20k_triples(tmp_path):
    import subprocess
    import sys

    from kg.validate import validate

    root = Path(__file__).resolve().parent.parent
    world = tmp_path / "world.nq"
    subprocess.run(
        [sys.executable, str(root / "bench" / "generate.py"), "--triples", "25000", "--seed", "3", "-o", str(world)],
        check=True, capture_output=True, timeout=300,
    )
    report = validate([world], engine="auto")
    assert report.engine == "fast"
    assert report.triples > 20_000
    assert report.conforms and report.results == ()


def test_default_messages_name_the_constraint_and_the_value(tmp_path):
    """Without sh:message, the fast engine's sh:resultMessage says, like pySHACL's, which constraint
    failed and on which value (or focus node and path)."""
    from kg.validate import validate

    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:v ; sh:datatype xsd:integer ; sh:maxCount 1 ; sh:in ( 1 2 ) ;
    sh:pattern "^x" ; sh:minInclusive 5 ; sh:class ex:C ] ;
  sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:hasValue "n" ] ; sh:node ex:T .
ex:T sh:property [ sh:path ex:zz ; sh:minCount 1 ] .
""", encoding="utf-8")
    data = tmp_path / "data.ttl"
    data.write_text('@prefix ex: <http://example.org/> .\nex:a ex:v "6", 7 .\n', encoding="utf-8")
    report = validate([data], shapes=[shapes], engine="fast")
    assert sorted(r.message for r in report.results) == sorted([
        'Node <http://example.org/a>-><http://example.org/name> does not have the value "n"',
        "Less than 1 values on <http://example.org/a>-><http://example.org/name>",
        'Value "6" does not have class <http://example.org/C>',
        'Value "7"^^xsd:integer does not have class <http://example.org/C>',
        'Value "6" is not a literal of datatype xsd:integer',
        'Value "6" not in list ("1"^^xsd:integer "2"^^xsd:integer)',
        'Value "7"^^xsd:integer not in list ("1"^^xsd:integer "2"^^xsd:integer)',
        "More than 1 values on <http://example.org/a>-><http://example.org/v>",
        'Value "6" is not >= "5"^^xsd:integer',
        'Value "6" does not match pattern "^x"',
        'Value "7"^^xsd:integer does not match pattern "^x"',
        "Value <http://example.org/a> does not conform to shape <http://example.org/T>",
    ])
