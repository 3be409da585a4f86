"""`kg check`: the ontology quality checks (ontology/checks/*-violation.rq) and HermiT's consistency check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.checks import load_checks

FIXTURES = Path(__file__).parent / "fixtures" / "reason"

LABEL_CHECK = """\
# Problem: An igkg: class has no English label,
#   so people cannot read it.
# Solution: Add rdfs:label "…"@en to the class.
# Severity: {severity}
# Columns: cls
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?cls WHERE {{
  ?cls a owl:Class . FILTER(STRSTARTS(STR(?cls), "https://w3id.org/igkg/ontology#"))
  FILTER NOT EXISTS {{ ?cls rdfs:label ?l }}
}} ORDER BY ?cls
"""


@pytest.fixture()
def project(tmp_path) -> Path:
    """A project of its own: the miniature ontology (no labels), its data, and an empty checks folder."""
    (tmp_path / "ontology" / "checks").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURES / "ontology.ttl", tmp_path / "ontology" / "igkg.ttl")
    shutil.copy(FIXTURES / "data.ttl", tmp_path / "data" / "mini.ttl")
    return tmp_path


def test_kg_check_is_clean_on_the_real_data(kg):
    r = kg("check", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    assert doc["ok"] is True
    assert len(doc["checks"]) >= 10
    assert [c["name"] for c in doc["checks"] if c["count"]] == []
    assert all(c["problem"] and c["solution"] and c["severity"] in ("error", "warning", "info")
               for c in doc["checks"])
    assert (doc["consistency"]["consistent"], doc["consistency"]["unsatisfiableClasses"]) == (True, [])


def test_kg_check_text_on_the_real_data(kg):
    r = kg("check")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "  ok    missing-label\n" in r.stdout
    assert "ontology + data are consistent" in r.stdout


def test_kg_check_fails_on_an_undocumented_igkg_class(kg):
    r = kg("check", "tests/fixtures/reason/undocumented-class.ttl", "--format", "json")
    assert r.returncode == 1, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    failed = {c["name"]: c["rows"] for c in doc["checks"] if c["failed"]}
    assert failed["missing-label"] == [{"entity": "igkg:Undocumented", "property": "rdfs:label", "value": None}]
    assert failed["missing-definition"] == [
        {"entity": "igkg:Undocumented", "property": "skos:definition", "value": None}]
    assert doc["consistency"]["consistent"] is True


def test_kg_check_text_shows_problem_solution_and_offending_rows(kg):
    r = kg("check", "tests/fixtures/reason/undocumented-class.ttl", "--no-consistency")
    assert r.returncode == 1
    assert "  FAIL  missing-label: 1 row(s) [error]\n" in r.stdout
    assert "        - entity=igkg:Undocumented  property=rdfs:label\n" in r.stdout
    assert "Consistency" not in r.stdout


def test_kg_check_fails_when_ontology_and_data_are_inconsistent(kg):
    r = kg("check", "tests/fixtures/reason/person-and-organization.ttl")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "INCONSISTENT" in r.stdout
    assert "igorg:janus <https://w3id.org/igkg/id/org/janus> is both igkg:Organization and igkg:Person" in r.stdout


def test_a_check_of_severity_warning_reports_rows_but_passes(kg, project):
    (project / "ontology" / "checks" / "label-violation.rq").write_text(LABEL_CHECK.format(severity="warning"))
    r = kg("check", "--format", "json", env={"KG_HOME": str(project)})
    assert r.returncode == 0, r.stdout + r.stderr
    (check,) = json.loads(r.stdout)["checks"]
    assert (check["name"], check["severity"], check["failed"], check["count"]) == ("label", "warning", False, 12)
    assert check["rows"][0] == {"cls": "igkg:Agreement"}


def test_a_check_of_severity_error_fails(kg, project):
    (project / "ontology" / "checks" / "label-violation.rq").write_text(LABEL_CHECK.format(severity="error"))
    r = kg("check", env={"KG_HOME": str(project)})
    assert r.returncode == 1
    assert "  FAIL  label: 12 row(s) [error]\n" in r.stdout
    assert "        Problem: An igkg: class has no English label, so people cannot read it.\n" in r.stdout
    assert "        - cls=igkg:Agreement\n" in r.stdout
    assert "ontology + data are consistent" in r.stdout


def test_headers_are_parsed_with_continuation_lines(project):
    (project / "ontology" / "checks" / "label-violation.rq").write_text(LABEL_CHECK.format(severity="info"))
    (check,) = load_checks(project / "ontology" / "checks")
    assert (check.name, check.severity) == ("label", "info")
    assert check.problem == "An igkg: class has no English label, so people cannot read it."
    assert check.solution == 'Add rdfs:label "…"@en to the class.'


@pytest.mark.parametrize("text, message", [
    (LABEL_CHECK.format(severity="fatal"), "unknown severity 'fatal'"),
    ("# Problem: x\nASK { ?s ?p ?o }\n", "a check must be a SELECT query"),
    ("# Problem: x\nSELECT ?s WHERE { ?s ?p }\n", "SPARQL syntax error"),
])
def test_a_broken_check_is_an_input_error(kg, project, text, message):
    (project / "ontology" / "checks" / "broken-violation.rq").write_text(text)
    r = kg("check", "--no-consistency", env={"KG_HOME": str(project)})
    assert r.returncode == 2
    assert "broken-violation.rq" in r.stderr and message in r.stderr


def test_kg_check_usage_error_on_a_missing_file(kg):
    r = kg("check", "no/such.ttl")
    assert r.returncode == 2
    assert "no/such.ttl: no such file or folder" in r.stderr
