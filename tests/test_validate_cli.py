"""`kg validate`: exit codes, error messages, text and JSON output, start-up imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SHACL = Path(__file__).parent / "shacl"
BASE = str(SHACL / "base.ttl")
IGSH = "https://w3id.org/igkg/shapes#"
SH = "http://www.w3.org/ns/shacl#"


def test_validate_base_fixture_conforms_exit_0(kg):
    p = kg("validate", BASE)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("Conforms: ")
    assert " 0 violations, 0 warnings" in p.stdout


def test_validate_real_data_conforms_exit_0(kg):
    p = kg("validate")
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.startswith("Conforms: 4239 distinct triples, 0 violations, 0 warnings (")


def test_turtle_syntax_error_exits_2_with_file_line_column(kg, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://example.org/> .\nx:a x:b x:c ;\n  x:d .\n")
    p = kg("validate", str(bad))
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.startswith(f"error: {bad}:3:7: syntax error: ")
    assert "is not a valid RDF object" in p.stderr
    assert "Traceback" not in p.stderr


def test_missing_file_exits_2(kg, tmp_path):
    p = kg("validate", str(tmp_path / "nope.ttl"))
    assert p.returncode == 2
    assert "no such file" in p.stderr and "Traceback" not in p.stderr


def test_bad_option_exits_2(kg):
    p = kg("validate", "--format", "xml")
    assert p.returncode == 2
    assert "Traceback" not in p.stderr


def test_violation_exits_1_naming_focus_node_and_message(kg):
    p = kg("validate", BASE, str(SHACL / "holding-ends-before-start" / "data.ttl"))
    assert p.returncode == 1, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0] == "igsh:PostHolding"
    assert lines[1] == "  igholding:case"
    assert lines[2] == "    Violation: The end date 2014-12 is before the start date 2015-01-01."
    assert lines[3] == '      [SPARQL] path schema:endDate, value "2014-12"^^xsd:gYearMonth'
    assert lines[-1].startswith("Does not conform: ")
    assert " 1 violation, 0 warnings " in lines[-1]


def test_warning_only_exits_0(kg):
    p = kg("validate", BASE, str(SHACL / "readout-reports-on-nothing" / "data.ttl"))
    assert p.returncode == 0, p.stderr
    assert "    Warning: A readout session reports on an event: add igkg:reportsOn." in p.stdout
    assert p.stdout.splitlines()[-1].startswith("Conforms: ")


def test_json_output_has_the_exact_results(kg):
    p = kg("validate", "--format", "json", BASE, str(SHACL / "contact-email-iri" / "data.ttl"))
    assert p.returncode == 1, p.stderr
    doc = json.loads(p.stdout)
    assert doc["conforms"] is False
    assert doc["violations"] == 2 and doc["warnings"] == 0
    assert doc["engine"] == "pyshacl"
    message = "Give the e-mail address as a plain string like \"name@example.org\" (no mailto:, no spaces)."
    common = {
        "focus": "https://w3id.org/igkg/id/contact/case", "path": "https://schema.org/email",
        "value": "<mailto:case@example.org>", "shape": IGSH + "ContactPoint-email",
        "severity": SH + "Violation", "message": message,
    }
    assert doc["results"] == [
        {**common, "component": SH + "DatatypeConstraintComponent"},
        {**common, "component": SH + "PatternConstraintComponent"},
    ]


def test_json_output_conforming(kg):
    p = kg("validate", "--format", "json", BASE)
    doc = json.loads(p.stdout)
    assert p.returncode == 0
    assert doc["conforms"] is True and doc["results"] == [] and doc["triples"] > 100


def test_turtle_output_is_a_shacl_report(kg):
    import rdflib

    p = kg("validate", "--format", "turtle", BASE, str(SHACL / "quote-empty" / "data.ttl"))
    assert p.returncode == 1
    g = rdflib.Graph().parse(data=p.stdout, format="turtle")
    sh = rdflib.Namespace(SH)
    assert set(g.objects(None, sh.conforms)) == {rdflib.Literal(False)}
    assert set(g.objects(None, sh.focusNode)) == {rdflib.URIRef("https://w3id.org/igkg/id/affiliation/case")}
    assert set(g.objects(None, sh.sourceConstraintComponent)) == {sh.MinLengthConstraintComponent}


def test_help_shows_an_example(kg):
    p = kg("validate", "--help")
    assert p.returncode == 0
    assert "Examples:" in p.stdout and "kg validate data/" in p.stdout
    assert "--engine" in p.stdout and "--inference" in p.stdout and '"conforms"' in p.stdout


def test_validate_does_not_import_owlready2():
    code = (
        "import sys; from kg.cli import cli\n"
        "try:\n    cli.main(['validate', %r], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "print('owlready2' in sys.modules)\n" % BASE
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert p.stdout.strip().splitlines()[-1] == "False", p.stdout + p.stderr


def test_inference_rdfs_runs(kg):
    p = kg("validate", "--inference", "rdfs", "--format", "json", BASE)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["conforms"] is True


PREFIXES = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <http://example.org/> .\n"


def test_shapes_option_validates_own_data_against_own_shapes(kg, tmp_path):
    (tmp_path / "s.ttl").write_text(PREFIXES + "ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .\n")
    (tmp_path / "d.ttl").write_text(PREFIXES + "ex:a a ex:C .\nex:b a ex:C ; ex:name \"b\" .\n")
    for engine in ("pyshacl", "fast"):
        p = kg("validate", "--shapes", str(tmp_path / "s.ttl"), str(tmp_path / "d.ttl"), "--engine", engine,
               "--format", "json")
        assert p.returncode == 1, p.stderr
        doc = json.loads(p.stdout)
        assert doc["triples"] == 3, "the data alone: no project ontology"
        assert [(r["focus"], r["component"]) for r in doc["results"]] == [
            ("http://example.org/a", SH + "MinCountConstraintComponent")]
    p = kg("validate", "--shapes", str(tmp_path / "s.ttl"), "--with-ontology", str(tmp_path / "d.ttl"),
           "--format", "json")
    assert json.loads(p.stdout)["triples"] > 100


def test_shapes_and_data_with_a_byte_order_mark_and_relative_iris(kg, tmp_path):
    (tmp_path / "s.ttl").write_bytes(b"\xef\xbb\xbf" + (PREFIXES + "ex:S sh:targetNode <a> ; sh:property "
                                     "[ sh:path <p> ; sh:minCount 1 ] .\n").encode())
    (tmp_path / "d.ttl").write_bytes(b"\xef\xbb\xbf<a> <q> 1 .\n")
    p = kg("validate", "--shapes", str(tmp_path / "s.ttl"), str(tmp_path / "d.ttl"), "--format", "json")
    assert p.returncode == 1, p.stderr
    assert [r["focus"] for r in json.loads(p.stdout)["results"]] == [(tmp_path / "a").resolve().as_uri()]
