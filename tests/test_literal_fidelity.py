"""SHACL on any shapes and data: both engines give the right answer on inputs from public bug reports
(targets other than sh:targetClass, literals as written, ill-typed literals, engine failures)."""

from __future__ import annotations

import json

import pytest

from kg.validate import validate

PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
"""
EX = "http://example.org/"
SH = "http://www.w3.org/ns/shacl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ENGINES = ["pyshacl", "fast"]

# The inputs of public bug reports against pySHACL, Oxigraph and rdflib that the tests below answer
# (name -> (shapes, data), both without the prefixes above); tests/test_engine_agreement.py runs
# each through both engines.
PUBLIC_REPORT_INPUTS: dict[str, tuple[str, str]] = {
    "target-subjects-of-pattern": (
        'ex:S sh:targetSubjectsOf ex:asWKT ; sh:property [ sh:path ex:asWKT ; '
        'sh:pattern "^\\\\s*(P|C|S|L|T|<)" ; sh:flags "i" ] .\n',
        'ex:b ex:asWKT "xPOINT (1 2)" .\nex:c ex:asWKT "(1 2)" .\nex:a ex:asWKT "POINT (1 2)" .\n'),
    **{f"target-{kind}": ("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                          f"ex:S a sh:NodeShape ; {target} ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .\n",
                          "ex:z ex:link ex:a .\nex:a a ex:S .\n")
       for kind, target in [("node", "sh:targetNode ex:a"), ("objects-of", "sh:targetObjectsOf ex:link"),
                            ("implicit-class", "a rdfs:Class")]},
    "int-is-not-integer": (
        "ex:S sh:targetNode ex:obs ; sh:property [ sh:path ex:unitMultiplier ; sh:datatype xsd:integer ] .\n",
        'ex:obs ex:unitMultiplier "6"^^xsd:int .\n'),
    "non-negative-integer-as-written": (
        "ex:S sh:targetNode ex:n ; sh:property [ sh:path ex:v ; sh:datatype xsd:nonNegativeInteger ] .\n",
        'ex:n ex:v "3"^^xsd:nonNegativeInteger, "007"^^xsd:nonNegativeInteger .\n'),
    "in-and-has-value-as-written": (
        'ex:S sh:targetNode ex:a, ex:b ; sh:property [ sh:path ex:v ; sh:in ( "1.50"^^xsd:decimal ) ] ;\n'
        '  sh:property [ sh:path ex:w ; sh:hasValue "1"^^xsd:boolean ] .\n',
        'ex:a ex:v "1.50"^^xsd:decimal ; ex:w "1"^^xsd:boolean .\n'
        'ex:b ex:v "1.5"^^xsd:decimal ; ex:w "true"^^xsd:boolean .\n'),
    "ill-typed-literals": (
        "ex:S sh:targetNode ex:i ; sh:property [ sh:path ex:b ; sh:datatype xsd:byte ] ;\n"
        "  sh:property [ sh:path ex:n ; sh:datatype xsd:integer ] ;\n"
        "  sh:property [ sh:path ex:m ; sh:datatype xsd:gYearMonth ] .\n",
        'ex:i ex:b "300"^^xsd:byte, "c"^^xsd:byte, "12"^^xsd:byte ; ex:n "abc"^^xsd:integer, " 5"^^xsd:integer ;\n'
        '  ex:m "2015-13"^^xsd:gYearMonth, "2015-12"^^xsd:gYearMonth .\n'),
    "less-than-on-gyear": (
        "ex:S sh:targetNode ex:a, ex:b ; sh:property [ sh:path ex:start ; sh:lessThan ex:end ] .\n",
        'ex:a ex:start "2015"^^xsd:gYear ; ex:end "2016"^^xsd:gYear .\n'
        'ex:b ex:start "2017"^^xsd:gYear ; ex:end "2016"^^xsd:gYear .\n'),
    "datatype-and-max-count": (
        "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:v ; sh:datatype xsd:integer ; sh:maxCount 1 ] .\n",
        'ex:a a ex:C ; ex:v "6"^^xsd:int .\nex:b a ex:C ; ex:v 1, 2 .\n'),
    "sparql-over-rewritten-values": (
        'ex:S sh:targetNode ex:a ; sh:sparql [ sh:select """SELECT $this ?value WHERE { '
        '$this <http://example.org/v> ?value FILTER (datatype(?value) != xsd:int) }""" ; '
        'sh:prefixes ex:p ] .\nex:p sh:declare [ sh:prefix "xsd" ; '
        'sh:namespace "http://www.w3.org/2001/XMLSchema#"^^xsd:anyURI ] .\n',
        'ex:a ex:v "6"^^xsd:int .\n'),
}


def run(tmp_path, shapes: str, data: str, engine: str):
    (tmp_path / "shapes.ttl").write_text(PREFIXES + shapes, encoding="utf-8")
    (tmp_path / "data.ttl").write_text(PREFIXES + data, encoding="utf-8")
    return validate([tmp_path / "data.ttl"], shapes=[tmp_path / "shapes.ttl"], engine=engine)


def found(report) -> list[tuple]:
    """(focus, component local name, value in N-Triples) of each result."""
    return sorted((r.focus.value if hasattr(r.focus, "value") else str(r.focus),
                   r.component.value.removeprefix(SH), None if r.value is None else str(r.value))
                  for r in report.results)


@pytest.mark.parametrize("engine", ENGINES)
def test_target_subjects_of_with_a_pattern_finds_both_violations(tmp_path, engine):
    shapes = ('ex:S sh:targetSubjectsOf ex:asWKT ; sh:property [ sh:path ex:asWKT ; '
              'sh:pattern "^\\\\s*(P|C|S|L|T|<)" ; sh:flags "i" ] .\n')
    data = 'ex:b ex:asWKT "xPOINT (1 2)" .\nex:c ex:asWKT "(1 2)" .\nex:a ex:asWKT "POINT (1 2)" .\n'
    report = run(tmp_path, shapes, data, engine)
    assert found(report) == [(EX + "b", "PatternConstraintComponent", '"xPOINT (1 2)"'),
                             (EX + "c", "PatternConstraintComponent", '"(1 2)"')]
    assert not report.conforms


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("target", ["sh:targetNode ex:a", "sh:targetObjectsOf ex:link", "a rdfs:Class"])
def test_other_targets_are_checked(tmp_path, engine, target):
    shapes = ("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
              f"ex:S a sh:NodeShape ; {target} ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .\n")
    data = "ex:z ex:link ex:a .\nex:a a ex:S .\n"
    report = run(tmp_path, shapes, data, engine)
    assert found(report) == [(EX + "a", "MinCountConstraintComponent", None)]


@pytest.mark.parametrize("engine", ENGINES)
def test_int_is_not_an_integer_as_written(tmp_path, engine):
    shapes = "ex:S sh:targetNode ex:obs ; sh:property [ sh:path ex:unitMultiplier ; sh:datatype xsd:integer ] .\n"
    report = run(tmp_path, shapes, 'ex:obs ex:unitMultiplier "6"^^xsd:int .\n', engine)
    assert found(report) == [(EX + "obs", "DatatypeConstraintComponent", f'"6"^^<{XSD}int>')]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_valid_non_negative_integer_conforms(tmp_path, engine):
    shapes = "ex:S sh:targetNode ex:n ; sh:property [ sh:path ex:v ; sh:datatype xsd:nonNegativeInteger ] .\n"
    report = run(tmp_path, shapes, 'ex:n ex:v "3"^^xsd:nonNegativeInteger, "007"^^xsd:nonNegativeInteger .\n', engine)
    assert found(report) == [] and report.conforms


@pytest.mark.parametrize("engine", ENGINES)
def test_in_and_has_value_compare_terms_as_written(tmp_path, engine):
    shapes = ('ex:S sh:targetNode ex:a, ex:b ; sh:property [ sh:path ex:v ; sh:in ( "1.50"^^xsd:decimal ) ] ;\n'
              '  sh:property [ sh:path ex:w ; sh:hasValue "1"^^xsd:boolean ] .\n')
    data = ('ex:a ex:v "1.50"^^xsd:decimal ; ex:w "1"^^xsd:boolean .\n'
            'ex:b ex:v "1.5"^^xsd:decimal ; ex:w "true"^^xsd:boolean .\n')
    report = run(tmp_path, shapes, data, engine)
    assert found(report) == [(EX + "b", "HasValueConstraintComponent", None),
                             (EX + "b", "InConstraintComponent", f'"1.5"^^<{XSD}decimal>')]


@pytest.mark.parametrize("engine", ENGINES)
def test_ill_typed_literals_violate_datatype(tmp_path, engine):
    shapes = ("ex:S sh:targetNode ex:i ; sh:property [ sh:path ex:b ; sh:datatype xsd:byte ] ;\n"
              "  sh:property [ sh:path ex:n ; sh:datatype xsd:integer ] ;\n"
              "  sh:property [ sh:path ex:m ; sh:datatype xsd:gYearMonth ] .\n")
    data = ('ex:i ex:b "300"^^xsd:byte, "c"^^xsd:byte, "12"^^xsd:byte ; ex:n "abc"^^xsd:integer, " 5"^^xsd:integer ;\n'
            '  ex:m "2015-13"^^xsd:gYearMonth, "2015-12"^^xsd:gYearMonth .\n')
    report = run(tmp_path, shapes, data, engine)
    assert found(report) == sorted([
        (EX + "i", "DatatypeConstraintComponent", f'"300"^^<{XSD}byte>'),
        (EX + "i", "DatatypeConstraintComponent", f'"c"^^<{XSD}byte>'),
        (EX + "i", "DatatypeConstraintComponent", f'"abc"^^<{XSD}integer>'),
        (EX + "i", "DatatypeConstraintComponent", f'" 5"^^<{XSD}integer>'),
        (EX + "i", "DatatypeConstraintComponent", f'"2015-13"^^<{XSD}gYearMonth>'),
    ])


def test_unsupported_targets_and_features_are_refused_not_skipped(tmp_path):
    from kg.fastshacl import UnsupportedShape

    for shapes, feature in [
        ("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:C ] ; "
         "sh:qualifiedMinCount 1 ] .\n", "qualified"),
        ("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:node [ sh:property [ sh:path ex:q ; "
         "sh:minCount 2 ] ] ] .\n", "counts other than 1"),
        ("ex:S sh:targetNode ex:a ; sh:path ex:p ; sh:property [ sh:path ex:q ; sh:minCount 1 ] .\n",
         "sh:property inside a property shape"),
        ("ex:S sh:targetNode ex:a ; sh:sparql [ sh:select "
         "\"SELECT $this WHERE { $this ?p ?o MINUS { $this ?p 1 } }\" ] .\n",
         "MINUS"),
    ]:
        with pytest.raises(UnsupportedShape, match=feature):
            run(tmp_path, shapes, "ex:a ex:p ex:b .\n", "fast")


def test_cli_engine_failure_is_one_line_exit_2(kg, tmp_path):
    """An invalid sh:pattern makes pySHACL raise (re.error): exit 2 with one line, in both engines."""
    (tmp_path / "s.ttl").write_text(PREFIXES + 'ex:S sh:targetNode ex:a ; '
                                    'sh:property [ sh:path ex:p ; sh:pattern "(" ] .\n')
    (tmp_path / "d.ttl").write_text(PREFIXES + 'ex:a ex:p "x" .\n')
    for engine in ENGINES:
        p = kg("validate", "--shapes", str(tmp_path / "s.ttl"), str(tmp_path / "d.ttl"), "--engine", engine)
        assert p.returncode == 2, p.stdout + p.stderr
        assert p.stdout == "" and "Traceback" not in p.stderr
        assert p.stderr.startswith("error: ") and len(p.stderr.strip().splitlines()) == 1, p.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_less_than_on_gyear_values(tmp_path, engine):
    shapes = "ex:S sh:targetNode ex:a, ex:b ; sh:property [ sh:path ex:start ; sh:lessThan ex:end ] .\n"
    data = ('ex:a ex:start "2015"^^xsd:gYear ; ex:end "2016"^^xsd:gYear .\n'
            'ex:b ex:start "2017"^^xsd:gYear ; ex:end "2016"^^xsd:gYear .\n')
    report = run(tmp_path, shapes, data, engine)
    assert found(report) == [(EX + "b", "LessThanConstraintComponent", f'"2017"^^<{XSD}gYear>')]


def test_cli_validation_failure_is_exit_2(kg, tmp_path):
    (tmp_path / "s.ttl").write_text(PREFIXES + 'ex:S sh:targetNode ex:a ; sh:sparql [ sh:select """\n'
                                    'SELECT $this WHERE { $this ?p ?o . MINUS { $this ?p "Value" } }""" ] .\n')
    (tmp_path / "d.ttl").write_text(PREFIXES + "ex:a ex:p ex:b .\n")
    for engine in ENGINES:
        p = kg("validate", "--shapes", str(tmp_path / "s.ttl"), str(tmp_path / "d.ttl"), "--engine", engine,
               "--format", "json")
        assert p.returncode == 2, p.stdout + p.stderr
        assert p.stdout == "" and "Traceback" not in p.stderr
        assert len(p.stderr.strip().splitlines()) == 1


def test_cli_shapes_json_both_engines_agree(kg, tmp_path):
    (tmp_path / "s.ttl").write_text(PREFIXES + "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:v ; "
                                    "sh:datatype xsd:integer ; sh:maxCount 1 ] .\n")
    (tmp_path / "d.ttl").write_text(PREFIXES + 'ex:a a ex:C ; ex:v "6"^^xsd:int .\nex:b a ex:C ; ex:v 1, 2 .\n')
    docs = {}
    for engine in ENGINES:
        p = kg("validate", "--shapes", str(tmp_path / "s.ttl"), str(tmp_path / "d.ttl"), "--engine", engine,
               "--format", "json")
        assert p.returncode == 1, p.stderr
        docs[engine] = json.loads(p.stdout)
    assert docs["pyshacl"]["triples"] == docs["fast"]["triples"] == 5
    strip = [[{k: r[k] for k in ("focus", "path", "component", "value")} for r in docs[e]["results"]] for e in ENGINES]
    assert strip[0] == strip[1] == [
        {"focus": EX + "a", "path": EX + "v", "component": SH + "DatatypeConstraintComponent",
         "value": f'"6"^^<{XSD}int>'},
        {"focus": EX + "b", "path": EX + "v", "component": SH + "MaxCountConstraintComponent", "value": None},
    ]


def test_kg_load_notes_literals_held_in_canonical_form(kg, tmp_path):
    data = tmp_path / "d.ttl"
    data.write_text(PREFIXES + 'ex:a ex:v "6"^^xsd:int, "1.50"^^xsd:decimal, "2.5"^^xsd:decimal, "x" .\n')
    p = kg("load", "--no-validate", "--store", str(tmp_path / "store"), str(data))
    assert p.returncode == 0, p.stderr
    assert (f'  note: the store holds 2 literals in canonical form, not as written (e.g. "1.50"^^<{XSD}decimal> '
            f'is stored as "1.5"^^<{XSD}decimal>); kg validate checks the files as written') in p.stdout.splitlines()
    p = kg("load", "--no-validate", "--json", "--store", str(tmp_path / "store2"), str(data))
    assert json.loads(p.stdout)["rewritten_literals"] == 2


def test_fast_engine_refuses_sparql_over_rewritten_values(tmp_path):
    """A SPARQL constraint that reads a predicate whose values the store canonicalises: refused, not answered
    from "6"^^xsd:integer; pySHACL answers from the term as written."""
    from kg.fastshacl import UnsupportedShape

    shapes = ('ex:S sh:targetNode ex:a ; sh:sparql [ sh:select """SELECT $this ?value WHERE { '
              '$this <http://example.org/v> ?value FILTER (datatype(?value) != xsd:int) }""" ; '
              'sh:prefixes ex:p ] .\nex:p sh:declare [ sh:prefix "xsd" ; '
              'sh:namespace "http://www.w3.org/2001/XMLSchema#"^^xsd:anyURI ] .\n')
    data = 'ex:a ex:v "6"^^xsd:int .\n'
    assert run(tmp_path, shapes, data, "pyshacl").conforms
    with pytest.raises(UnsupportedShape, match="another form"):
        run(tmp_path, shapes, data, "fast")
