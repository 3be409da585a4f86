"""The model against the published vocabularies (ontology/imports/): consistency under HermiT with
the real ORG, PROV-O, SKOS, Data Cube, SDMX and schema.org axioms loaded, and the check that no
project axiom entails a domain or range on a standard term (kg.vocabcheck, part of `kg check`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.dataset import Source, default_sources, read_dataset, read_quads
from kg.namespaces import GRAPH
from kg.vocabcheck import standard_quads, violations

FIXTURES = Path(__file__).parent / "fixtures" / "vocab"
RDF_PROPERTY = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"


def vocabulary_quads():
    """The vendored files, less cube.ttl's `qb:ComponentProperty rdfs:subClassOf rdf:Property`:
    rdf:Property is reserved vocabulary in OWL 2 DL, and owlready2 cannot load a class under it."""
    return [q for q in standard_quads()
            if not (q.predicate.value.endswith("#subClassOf") and q.object.value == RDF_PROPERTY)]


def hermit(*fixtures: str):
    from kg.reason.hermit import check_consistency

    parsed = read_dataset(default_sources() + [Source(FIXTURES / f, GRAPH + Path(f).stem) for f in fixtures])
    return check_consistency(quads=list(parsed.quads) + vocabulary_quads(), graph_files=parsed.files,
                             realise=False, property_values=False, timeout_s=300)


def test_every_vendored_vocabulary_is_loaded():
    graphs = {q.graph_name.value.rsplit("/", 1)[1] for q in standard_quads()}
    assert graphs == {"cube", "org", "prov-o", "schemaorg-subset", "sdmx-attribute", "sdmx-dimension",
                      "sdmx-measure", "skos"}


def test_ontology_and_data_are_consistent_with_the_published_vocabularies():
    result = hermit()
    assert result.consistent, result.message
    assert result.unsatisfiable_classes == ()


def test_real_things_once_rejected_are_consistent_with_the_published_vocabularies():
    result = hermit("real-but-once-rejected.ttl")
    assert result.consistent, result.message


def test_an_event_derived_from_a_document_is_inconsistent_with_prov_o():
    result = hermit("event-derived-from-document.ttl")
    assert not result.consistent


def project_quads(*fixtures: str):
    quads = list(read_dataset(default_sources()).quads)
    for f in fixtures:
        quads += read_quads(Source(FIXTURES / f, GRAPH + Path(f).stem))
    return quads


def test_no_project_axiom_entails_a_domain_or_range_on_a_standard_term():
    assert violations(project_quads(), standard_quads()) == ()


def test_igkg_attended_as_inverse_of_schema_attendee_is_reported():
    rows = violations(project_quads("attended-inverse-of-attendee.ttl"), standard_quads())
    assert [r[:2] for r in rows] == [("schema:attendee", "rdfs:domain"), ("schema:attendee", "rdfs:range")]
    assert rows[0][2] == "igkg:Event"
    assert rows[1][2].startswith("_:")  # the union igkg:Person ⊔ igkg:Organization


def test_a_standard_term_under_an_igkg_property_is_reported():
    rows = violations(project_quads("sub-property-of-org-member-of.ttl"), standard_quads())
    assert rows == (("org:headOf", "rdfs:domain", "igkg:Organization"),
                    ("org:headOf", "rdfs:range", "igkg:Organization"))


def test_the_standards_own_domains_restated_in_the_ontology_are_not_reported():
    quads = project_quads()
    stated = {(q.subject.value, q.predicate.value) for q in quads
              if q.subject.value == "http://www.w3.org/ns/org#memberOf" and q.predicate.value.endswith("#domain")}
    assert stated  # ontology/igkg.ttl restates ORG's rdfs:domain foaf:Agent for org:memberOf
    assert all(r[0] != "org:memberOf" for r in violations(quads, standard_quads()))


def test_kg_check_runs_the_standard_term_check(kg):
    import json

    r = kg("check", "tests/fixtures/vocab/attended-inverse-of-attendee.ttl", "--no-consistency", "--format", "json")
    assert r.returncode == 1
    (check,) = [c for c in json.loads(r.stdout)["checks"] if c["name"] == "standard-term-domain-range"]
    assert (check["file"], check["failed"], check["count"]) == ("ontology/imports", True, 2)
