"""The OWL ontology (ontology/igkg.ttl) and its quality checks (ontology/checks/*-violation.rq).

- the ontology parses, has its header, declares every term of docs/design.md and documents each;
- it carries the inference axioms of docs/design.md and stays within OWL 2 DL's restrictions;
- every quality check returns zero rows on the ontology and on ontology + data, and catches a
  small bad fixture (exact rows);
- the OWL API's OWL 2 DL profile checker (in the HermiT jar that owlready2 ships) finds no violation;
- HermiT (through owlready2) finds the ontology and the data consistent, and an individual typed
  both person and organisation inconsistent.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "igkg.ttl"
CHECKS = ROOT / "ontology" / "checks"
DESIGN = ROOT / "docs" / "design.md"

ONTOLOGY_IRI = "https://w3id.org/igkg/ontology"
IGKG = "https://w3id.org/igkg/ontology#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
FIXTURE_GRAPH = "https://w3id.org/igkg/graph/test-fixture"

PREFIXES = """\
@prefix igkg: <https://w3id.org/igkg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix ex: <https://w3id.org/igkg/id/test/> .
"""

# The ontology's terms: name -> (OWL kind, parent). Adding or removing a term is a deliberate act.
CLASSES = {
    "Organization": "org:Organization", "Registry": "Organization", "CcTLDOperator": "Registry",
    "GovernmentAgency": "Organization", "Ministry": "GovernmentAgency", "Administration": "GovernmentAgency",
    "InternationalOrganization": "Organization", "AdvisoryCommittee": "Organization",
    "ResearchInstitute": "Organization", "University": "Organization", "Company": "Organization",
    "IndustryBody": "Organization", "EngagementCentre": "Organization", "Person": "foaf:Person",
    "Post": "org:Post", "PostHolding": "org:Membership", "Affiliation": "org:Membership",
    "Event": "schema:Event", "Meeting": "Event", "Seminar": "Event", "ReadoutSession": "Seminar",
    "Lecture": "Event", "Workshop": "Event", "Summit": "Event", "CapacityBuildingProgramme": "Event",
    "Panel": "Event", "Training": "Event", "SigningCeremony": "Event", "Participation": None,
    "Agreement": "prov:Entity", "MOU": "Agreement", "Partnership": "Agreement", "Place": "schema:Place",
    "StatisticalObservation": "qb:Observation", "ContactPoint": "schema:ContactPoint",
    "SourceDocument": "foaf:Document", "Report": "foaf:Document",
    "TopLevelDomain": None, "CountryCodeTopLevelDomain": "TopLevelDomain",
    "IDNCountryCodeTopLevelDomain": "CountryCodeTopLevelDomain", "GenericTopLevelDomain": "TopLevelDomain",
    "SupportingOrganization": "Organization", "RegionalInternetRegistry": "Organization",
    "Registrar": "Organization", "Membership": "org:Membership", "EventSeries": "Event",
    "CooperationScope": "prov:Entity", "CooperationOffer": "CooperationScope", "StatedPosition": "prov:Entity",
}
OBJECT_PROPERTIES = {
    "post", "endCause", "succeeds", "succeededBy", "announcedAt", "announcedBy", "partOfDay", "reportsOn",
    "startAnnouncedAt", "endAnnouncedAt", "startAnnouncedBy", "endAnnouncedBy", "holdingStatus",
    "participant", "inEvent", "role", "onBehalfOf", "topic", "attended", "party", "signedAt",
    "areaOfCooperation", "depictedIn", "partnerOf", "aboutOrganization", "measure", "refArea", "unit",
    "reportedIn", "registryOperator", "operatesTopLevelDomain", "followsAgreement", "agreementStatus",
    "basis", "attendance", "valueBound", "cooperatingOrganization", "scopeArea", "positionOf",
    "expressedBy", "expressedAt", "heldByAttendantsOf",
}
DATATYPE_PROPERTIES = {
    "acronym", "statedFunction", "honorific", "familyNameFirst", "postTitle", "attendanceAsWritten",
    "agreementKind", "refPeriod", "obsValue", "unitMultiplier", "valueAsWritten", "reportsPeriod",
    "seedFile", "quote", "earliestStart", "latestStart", "earliestEnd", "latestEnd", "approximateDuration",
    "minValueExclusive", "boundAsWritten", "unanimous", "positionText",
}
ANNOTATION_PROPERTIES = {"openDomain", "openRange"}
FUNCTIONAL = {
    "post", "participant", "inEvent", "role", "measure", "refArea", "refPeriod", "obsValue", "unit",
    "unitMultiplier", "familyNameFirst", "seedFile", "holdingStatus", "earliestStart", "latestStart",
    "earliestEnd", "latestEnd", "approximateDuration", "agreementStatus", "basis", "minValueExclusive", "unanimous",
}
DISJOINT = {
    "Person", "Organization", "Event", "Agreement", "Place", "Post", "PostHolding", "Affiliation",
    "Participation", "StatisticalObservation", "SourceDocument", "Report", "ContactPoint",
}
# A cited report may become a seed: Report and SourceDocument are each disjoint with the rest, not
# with each other (two AllDisjointClasses groups).
# Top-level domains are none of the named entities; memberships none of the other records; the
# records of the basis section (cooperation scopes, stated positions) are disjoint with the other
# kinds of node in a group of their own.
DISJOINT_GROUPS = sorted([
    DISJOINT - {"Report"}, DISJOINT - {"SourceDocument"},
    {"TopLevelDomain", "Organization", "Person", "Event", "Agreement", "Place", "Post"},
    {"Membership", "PostHolding", "Affiliation", "Participation", "Organization", "Person", "Event", "Agreement",
     "Post"},
    DISJOINT - {"Report", "SourceDocument"} | {"CooperationScope", "StatedPosition"},
], key=sorted)


# --------------------------------------------------------------------------------------------- helpers

def ontology_graph():
    import rdflib

    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


def term_kinds(graph) -> dict[str, set[str]]:
    """igkg local name -> its declared OWL kinds (local names of owl:Class, owl:ObjectProperty, …)."""
    from rdflib import RDF as R, URIRef

    kinds: dict[str, set[str]] = {}
    for kind in ("Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty"):
        for s in graph.subjects(R.type, URIRef(OWL + kind)):
            if isinstance(s, URIRef) and str(s).startswith(IGKG):
                kinds.setdefault(str(s)[len(IGKG):], set()).add(kind)
    return kinds


def undocumented(graph) -> list[tuple[str, str]]:
    """(term, what is wrong) for every igkg term not documented as the house style asks."""
    from rdflib import URIRef

    problems = []
    label, definition = URIRef(RDFS + "label"), URIRef(SKOS + "definition")
    defined_by = URIRef(RDFS + "isDefinedBy")
    for name in sorted(term_kinds(graph)):
        term = URIRef(IGKG + name)
        labels = [o for o in graph.objects(term, label) if getattr(o, "language", None) == "en"]
        defs = [o for o in graph.objects(term, definition) if getattr(o, "language", None) == "en"]
        if len(labels) != 1:
            problems.append((name, f"{len(labels)} rdfs:label@en"))
        if len(defs) != 1:
            problems.append((name, f"{len(defs)} skos:definition@en"))
        for d in defs:
            if not str(d).endswith(".") or str(d).endswith(" ."):
                problems.append((name, "definition does not end with a period"))
            if not re.match(r"An? \S", str(d)):
                problems.append((name, "definition does not start 'A <parent> …'"))
        if set(graph.objects(term, defined_by)) != {URIRef(ONTOLOGY_IRI)}:
            problems.append((name, "rdfs:isDefinedBy is not the ontology"))
    return problems


def check_files() -> list[Path]:
    return sorted(CHECKS.glob("*-violation.rq"))


def add_turtle(store, turtle: str) -> None:
    """Add a Turtle fixture (the PREFIXES above are predeclared) to its own named graph."""
    import pyoxigraph as ox

    store.load(PREFIXES + turtle, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(FIXTURE_GRAPH))


def ontology_store(extra_turtle: str | None = None):
    """The ontology in its named graph, plus an optional Turtle fixture in a graph of its own."""

    from kg.dataset import Source, build_store
    from kg.namespaces import GRAPH_ONTOLOGY

    store = build_store([Source(ONTOLOGY, GRAPH_ONTOLOGY)])
    if extra_turtle is not None:
        add_turtle(store, extra_turtle)
    return store


def run_check(store, path: Path) -> list[tuple[str | None, ...]]:
    """Rows of one check over the union of the store's graphs, as (entity, property, value) strings."""
    result = store.query(path.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    assert [v.value for v in result.variables] == ["entity", "property", "value"], path.name
    return [tuple(None if t is None else t.value for t in row) for row in result]


def hermit_consistent(**kwargs) -> bool:
    return hermit_report(**kwargs)[0]


def hermit_report(*, extra_turtle: str | None = None, with_data: bool = False,
                  tmp_root: Path | None = None) -> tuple[bool, list[str]]:
    """Load the ontology (+ data, + fixture) into a fresh owlready2 World and ask HermiT.

    Returns (consistent?, IRIs of unsatisfiable classes).

    Every file (our N-Triples and owlready2's own dump for HermiT, which owlready2 leaves behind
    when HermiT finds an inconsistency) is written inside a private temporary folder that is
    removed afterwards.
    """
    import owlready2
    import pyoxigraph as ox

    from kg.dataset import build_store

    store = build_store() if with_data else ontology_store()
    if extra_turtle is not None:
        add_turtle(store, extra_turtle)
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store}
    workdir = Path(tempfile.mkdtemp(prefix="igkg-hermit-", dir=tmp_root))
    saved_tempdir = tempfile.tempdir
    world = owlready2.World()
    try:
        tempfile.tempdir = str(workdir)  # owlready2 writes its dump for HermiT with tempfile
        nt = workdir / "input.nt"
        ox.serialize(sorted(triples, key=str), output=str(nt), format=ox.RdfFormat.N_TRIPLES)
        onto = world.get_ontology(nt.as_uri()).load()
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0,
                                               ignore_unsupported_datatypes=True)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, []
        return True, sorted(c.iri for c in world.inconsistent_classes() if c.iri != OWL + "Nothing")
    finally:
        tempfile.tempdir = saved_tempdir
        world.close()
        shutil.rmtree(workdir)


# --------------------------------------------------------------------------------------------- parsing and header

def test_ontology_parses_identically_with_rdflib_and_pyoxigraph():
    import pyoxigraph as ox

    g = ontology_graph()
    ox_triples = list(ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE))
    assert len(g) == len(ox_triples) > 500


def test_ontology_header_has_title_description_license_version_and_date():
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    g = ontology_graph()
    o = URIRef(ONTOLOGY_IRI)
    assert set(g.subjects(URIRef(RDF + "type"), URIRef(OWL + "Ontology"))) == {o}
    assert g.value(o, URIRef(DCTERMS + "title")) == Literal("Internet Governance Knowledge Graph ontology", lang="en")
    assert str(g.value(o, URIRef(DCTERMS + "description"))).startswith("The igkg ontology describes")
    assert g.value(o, URIRef(DCTERMS + "license")) == URIRef("https://www.apache.org/licenses/LICENSE-2.0")
    assert g.value(o, URIRef(OWL + "versionIRI")) == URIRef("https://w3id.org/igkg/ontology/0.1.0")
    assert g.value(o, URIRef(OWL + "versionInfo")) == Literal("0.1.0")
    assert g.value(o, URIRef(DCTERMS + "created")) == Literal("2026-11-23", datatype=XSD.date)


# --------------------------------------------------------------------------------------------- terms

def test_ontology_declares_exactly_the_listed_terms_each_of_one_kind():
    kinds = term_kinds(ontology_graph())
    expected = {n: {"Class"} for n in CLASSES}
    expected |= {n: {"ObjectProperty"} for n in OBJECT_PROPERTIES}
    expected |= {n: {"DatatypeProperty"} for n in DATATYPE_PROPERTIES}
    expected |= {n: {"AnnotationProperty"} for n in ANNOTATION_PROPERTIES}
    assert kinds == expected


def test_every_igkg_term_named_in_design_md_is_declared():
    text = DESIGN.read_text(encoding="utf-8")
    named = set(re.findall(r"igkg:([A-Za-z][A-Za-z0-9]*)", text))
    classes_section = text.split("## Classes", 1)[1].split("## Properties", 1)[0]
    named |= {n for n in re.findall(r"`([A-Z][A-Za-z]+)`", classes_section)}
    declared = set(term_kinds(ontology_graph()))
    assert named - declared == set()
    assert set(CLASSES) <= named  # the class list here is the design's, not a private one


def test_every_class_has_its_parent():
    from rdflib import URIRef

    g = ontology_graph()
    expand = {"org": ORG, "schema": SCHEMA, "foaf": "http://xmlns.com/foaf/0.1/",
              "prov": "http://www.w3.org/ns/prov#", "qb": "http://purl.org/linked-data/cube#"}
    for name, parent in CLASSES.items():
        supers = set(g.objects(URIRef(IGKG + name), URIRef(RDFS + "subClassOf")))
        if parent is None:
            assert supers == set(), name
            continue
        prefix, _, local = parent.rpartition(":")
        assert URIRef((expand[prefix] if prefix else IGKG) + local) in supers, name


def test_every_igkg_term_is_documented():
    assert undocumented(ontology_graph()) == []


def test_documentation_test_fails_on_a_term_whose_label_or_definition_is_removed():
    from rdflib import URIRef

    g = ontology_graph()
    g.remove((URIRef(IGKG + "PostHolding"), URIRef(RDFS + "label"), None))
    g.remove((URIRef(IGKG + "quote"), URIRef(SKOS + "definition"), None))
    assert undocumented(g) == [("PostHolding", "0 rdfs:label@en"), ("quote", "0 skos:definition@en")]


def test_external_terms_the_data_uses_are_declared_with_their_kind():
    kinds = {}
    for s, kind in ontology_store().query(
        "SELECT ?s ?k WHERE { ?s a ?k . FILTER (?k IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty, "
        "owl:AnnotationProperty)) }", prefixes={"owl": OWL}, use_default_graph_as_union=True,
    ):
        kinds.setdefault(s.value, set()).add(kind.value[len(OWL):])
    expected = {
        ORG + "member": "ObjectProperty", ORG + "organization": "ObjectProperty", ORG + "postIn": "ObjectProperty",
        ORG + "subOrganizationOf": "ObjectProperty", ORG + "transitiveSubOrganizationOf": "ObjectProperty",
        ORG + "memberOf": "ObjectProperty", ORG + "hasMember": "ObjectProperty", ORG + "holds": "ObjectProperty",
        ORG + "heldBy": "ObjectProperty", SCHEMA + "startDate": "DatatypeProperty",
        SCHEMA + "endDate": "DatatypeProperty", SCHEMA + "location": "ObjectProperty",
        SCHEMA + "organizer": "ObjectProperty", SCHEMA + "superEvent": "ObjectProperty",
        SCHEMA + "subEvent": "ObjectProperty", SCHEMA + "about": "ObjectProperty",
        SCHEMA + "attendee": "ObjectProperty", SCHEMA + "contactPoint": "ObjectProperty",
        SCHEMA + "email": "DatatypeProperty", SCHEMA + "contactType": "DatatypeProperty",
        SCHEMA + "url": "AnnotationProperty", "http://www.w3.org/ns/prov#wasDerivedFrom": "ObjectProperty",
        DCTERMS + "title": "AnnotationProperty", DCTERMS + "publisher": "ObjectProperty",
        DCTERMS + "date": "AnnotationProperty", SKOS + "prefLabel": "AnnotationProperty",
        SKOS + "definition": "AnnotationProperty", SKOS + "editorialNote": "AnnotationProperty",
        SKOS + "inScheme": "ObjectProperty", SKOS + "broader": "ObjectProperty", SKOS + "Concept": "Class",
        SKOS + "ConceptScheme": "Class", ORG + "Post": "Class", ORG + "Membership": "Class",
        "http://purl.org/linked-data/cube#Observation": "Class",
    }
    assert {iri: kinds.get(iri) for iri in expected} == {iri: {k} for iri, k in expected.items()}


def test_prov_was_derived_from_keeps_prov_o_domain_and_range_and_events_use_dcterms_source():
    from rdflib import URIRef

    g = ontology_graph()
    p = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    entity = URIRef("http://www.w3.org/ns/prov#Entity")
    assert g.value(p, URIRef(RDFS + "domain")) == entity and g.value(p, URIRef(RDFS + "range")) == entity
    assert (URIRef(DCTERMS + "source"), URIRef(RDF + "type"), URIRef(OWL + "AnnotationProperty")) in g


def test_org_post_is_not_an_organisation():
    from rdflib import URIRef

    g = ontology_graph()
    assert (URIRef(ORG + "Post"), URIRef(RDFS + "subClassOf"), URIRef(ORG + "Organization")) not in g
    assert (URIRef(IGKG + "Post"), URIRef(OWL + "disjointWith"), URIRef(ORG + "Organization")) in g


# --------------------------------------------------------------------------------------------- inference axioms

def _chains(graph) -> dict[str, list[str]]:
    from rdflib import URIRef
    from rdflib.collection import Collection

    out = {}
    for prop, head in graph.subject_objects(URIRef(OWL + "propertyChainAxiom")):
        steps = []
        for step in Collection(graph, head):
            inv = graph.value(step, URIRef(OWL + "inverseOf"))
            steps.append(f"^{inv}" if inv is not None else str(step))
        out[str(prop)] = steps
    return out


def test_property_chains_are_those_of_the_design():
    assert _chains(ontology_graph()) == {
        ORG + "memberOf": [f"^{ORG}member", ORG + "organization"],
        ORG + "holds": [f"^{ORG}member", IGKG + "post"],
        SCHEMA + "attendee": [f"^{IGKG}inEvent", IGKG + "participant"],
        IGKG + "attended": [f"^{IGKG}participant", IGKG + "inEvent"],
    }


def test_inverse_transitive_and_symmetric_axioms():
    from rdflib import URIRef

    g = ontology_graph()
    inverses = {(str(s), str(o)) for s, o in g.subject_objects(URIRef(OWL + "inverseOf")) if isinstance(s, URIRef)}
    assert {
        (SCHEMA + "subEvent", SCHEMA + "superEvent"), (IGKG + "succeededBy", IGKG + "succeeds"),
        (ORG + "hasMember", ORG + "memberOf"), (ORG + "heldBy", ORG + "holds"), (ORG + "hasUnit", ORG + "unitOf"),
    } <= inverses
    # not the inverse of schema:attendee: its domain and range would land on schema:attendee
    assert not {(IGKG + "attended", SCHEMA + "attendee"), (SCHEMA + "attendee", IGKG + "attended")} & inverses
    typ = URIRef(RDF + "type")
    assert set(g.subjects(typ, URIRef(OWL + "TransitiveProperty"))) == {URIRef(ORG + "transitiveSubOrganizationOf")}
    assert (URIRef(ORG + "subOrganizationOf"), URIRef(RDFS + "subPropertyOf"),
            URIRef(ORG + "transitiveSubOrganizationOf")) in g
    partner = URIRef(IGKG + "partnerOf")
    assert (partner, typ, URIRef(OWL + "SymmetricProperty")) in g
    assert g.value(partner, URIRef(OWL + "propertyChainAxiom")) is None


def test_core_classes_are_pairwise_disjoint():
    from rdflib import URIRef
    from rdflib.collection import Collection

    g = ontology_graph()
    groups = [
        {str(m)[len(IGKG):] for m in Collection(g, g.value(n, URIRef(OWL + "members")))}
        for n in g.subjects(URIRef(RDF + "type"), URIRef(OWL + "AllDisjointClasses"))
    ]
    assert sorted(groups, key=sorted) == DISJOINT_GROUPS


def test_functional_properties_are_simple_as_owl2_dl_requires():
    """A property that is the super-property of a chain or transitive (or the inverse or a
    super-property of such) is non-simple and may not be functional, irreflexive or asymmetric."""
    from rdflib import URIRef

    g = ontology_graph()
    typ = URIRef(RDF + "type")
    functional = {str(p)[len(IGKG):] for p in g.subjects(typ, URIRef(OWL + "FunctionalProperty"))}
    assert functional == FUNCTIONAL
    non_simple = {URIRef(p) for p in _chains(g)} | set(g.subjects(typ, URIRef(OWL + "TransitiveProperty")))
    while True:  # close under super-properties and inverses
        more = set()
        for p in non_simple:
            more |= set(g.objects(p, URIRef(RDFS + "subPropertyOf")))
            more |= set(g.objects(p, URIRef(OWL + "inverseOf"))) | set(g.subjects(URIRef(OWL + "inverseOf"), p))
        if more <= non_simple:
            break
        non_simple |= more
    restricted = set()
    for kind in ("FunctionalProperty", "InverseFunctionalProperty", "IrreflexiveProperty", "AsymmetricProperty"):
        restricted |= set(g.subjects(typ, URIRef(OWL + kind)))
    assert non_simple & restricted == set()
    assert URIRef(SCHEMA + "attendee") in non_simple and URIRef(ORG + "hasMember") in non_simple


def test_igkg_properties_have_domain_and_range_unless_marked_open():
    from rdflib import Literal, URIRef

    g = ontology_graph()
    missing = []
    for name in sorted(OBJECT_PROPERTIES | DATATYPE_PROPERTIES):
        p = URIRef(IGKG + name)
        if g.value(p, URIRef(RDFS + "domain")) is None:
            missing.append((name, "domain", g.value(p, URIRef(IGKG + "openDomain"))))
        if g.value(p, URIRef(RDFS + "range")) is None:
            missing.append((name, "range", g.value(p, URIRef(IGKG + "openRange"))))
    assert missing == [("acronym", "domain", Literal(True)), ("basis", "domain", Literal(True)),
                       ("quote", "domain", Literal(True))]


# --------------------------------------------------------------------------------------------- quality checks

# check name -> (a Turtle fixture that violates it, added to the ontology; the exact rows expected)
BAD_FIXTURES: dict[str, tuple[str, list[tuple[str | None, ...]]]] = {
    "missing-label": (
        f'igkg:Thing1 a owl:Class ; skos:definition "A class that is a test."@en ; rdfs:isDefinedBy <{ONTOLOGY_IRI}> .\n'
        f'igkg:Thing2 a owl:Class ; rdfs:label "thing two"@de ; skos:definition "A class that is a test."@en ; '
        f'rdfs:isDefinedBy <{ONTOLOGY_IRI}> .',
        [(IGKG + "Thing1", RDFS + "label", None), (IGKG + "Thing2", RDFS + "label", None)],
    ),
    "missing-definition": (
        f'igkg:thing a owl:ObjectProperty ; rdfs:label "thing"@en ; rdfs:isDefinedBy <{ONTOLOGY_IRI}> ; '
        'rdfs:domain igkg:Event ; rdfs:range igkg:Event .',
        [(IGKG + "thing", SKOS + "definition", None)],
    ),
    "missing-defined-by": (
        'schema:name a owl:DatatypeProperty .\n'
        'igkg:Thing a owl:Class ; rdfs:label "thing"@en ; skos:definition "A class that is a test."@en .',
        [(IGKG + "Thing", RDFS + "isDefinedBy", None), (SCHEMA + "name", RDFS + "isDefinedBy", None)],
    ),
    "definition-punctuation": (
        'igkg:Event skos:definition "An event that has a second definition without a period"@en .',
        [(IGKG + "Event", SKOS + "definition", "An event that has a second definition without a period")],
    ),
    "definition-form": (
        'igkg:Event skos:definition "Something that happens."@en .',
        [(IGKG + "Event", SKOS + "definition", "Something that happens.")],
    ),
    "duplicate-label": (
        'igkg:Person rdfs:label "human"@en .',
        [(IGKG + "Person", RDFS + "label", "human"), (IGKG + "Person", RDFS + "label", "person")],
    ),
    "undeclared-class": (
        'ex:x a igkg:Persn .\nex:y a schema:Thing .',
        [(IGKG + "Persn", RDF + "type", "https://w3id.org/igkg/id/test/x"),
         (SCHEMA + "Thing", RDF + "type", "https://w3id.org/igkg/id/test/y")],
    ),
    "undeclared-property": (
        'ex:x a igkg:Person ; schema:name "X" .',
        [(SCHEMA + "name", RDF + "type", "https://w3id.org/igkg/id/test/x")],
    ),
    "undeclared-igkg-term": (
        'ex:x a igkg:Person ; igkg:honorfic "Mr." .\nex:y igkg:role igkg:speaker .',
        [(IGKG + "honorfic", RDF + "type", "https://w3id.org/igkg/id/test/x"),
         (IGKG + "speaker", RDF + "type", "https://w3id.org/igkg/id/test/y")],
    ),
    "property-domain-range": (
        f'igkg:thing a owl:DatatypeProperty ; rdfs:label "thing"@en ; skos:definition "A property that is a test."@en ; '
        f'rdfs:isDefinedBy <{ONTOLOGY_IRI}> ; rdfs:range rdfs:Literal .\n'
        f'igkg:other a owl:ObjectProperty ; rdfs:label "other"@en ; skos:definition "A property that is a test."@en ; '
        f'rdfs:isDefinedBy <{ONTOLOGY_IRI}> ; igkg:openDomain true .',
        [(IGKG + "other", RDFS + "range", None), (IGKG + "thing", RDFS + "domain", None)],
    ),
    "property-kind": (
        'igkg:quote a owl:AnnotationProperty .',
        [(IGKG + "quote", OWL + "AnnotationProperty", OWL + "DatatypeProperty")],
    ),
    "deprecated-term-used": (
        'igkg:Training owl:deprecated true .\nigkg:acronym owl:deprecated true .\n'
        'ex:t a igkg:Training ; rdfs:label "t" .\nex:o igkg:acronym "O" .',
        [(IGKG + "Training", RDF + "type", "https://w3id.org/igkg/id/test/t"),
         (IGKG + "acronym", IGKG + "acronym", "https://w3id.org/igkg/id/test/o")],
    ),
    "deprecated-iri-used": (
        'ex:old owl:deprecated true ; dcterms:isReplacedBy ex:new .\nex:older owl:deprecated true ; dcterms:isReplacedBy ex:old .\n'
        'ex:old rdfs:label "Old" .\nex:h org:member ex:old .\nex:new rdfs:label "New" .\n'
        'igkg:acronym owl:deprecated true ; dcterms:isReplacedBy igkg:altName .',
        [("https://w3id.org/igkg/id/test/old", RDFS + "label", "Old"),
         ("https://w3id.org/igkg/id/test/old", ORG + "member", "https://w3id.org/igkg/id/test/h")],
    ),
    "property-value-kind": (
        'ex:ev igkg:partOfDay "afternoon" .\nex:h igkg:quote ex:somewhere .\nex:ok igkg:quote "fine" ; igkg:partOfDay ex:x .',
        [("https://w3id.org/igkg/id/test/ev", IGKG + "partOfDay", "afternoon"),
         ("https://w3id.org/igkg/id/test/h", IGKG + "quote", "https://w3id.org/igkg/id/test/somewhere")],
    ),
    "asserted-inference": (
        'ex:ev schema:attendee ex:p .\nex:p org:memberOf ex:o .\nex:ev schema:superEvent ex:parent .',
        [("https://w3id.org/igkg/id/test/ev", SCHEMA + "attendee", "https://w3id.org/igkg/id/test/p"),
         ("https://w3id.org/igkg/id/test/p", ORG + "memberOf", "https://w3id.org/igkg/id/test/o")],
    ),
    "reified-triple-asserted": (
        'ex:org igkg:acronym "BO" .\n'
        'ex:ok a rdf:Statement ; rdf:subject ex:org ; rdf:predicate igkg:acronym ; rdf:object "BO" .\n'
        'ex:stale a rdf:Statement ; rdf:subject ex:org ; rdf:predicate igkg:acronym ; rdf:object "XX" .',
        [("https://w3id.org/igkg/id/test/stale", RDF + "object", "XX")],
    ),
    "functional-property": (
        'ex:part igkg:role ex:speaker , ex:moderator .\nex:obs igkg:obsValue 649 .',
        [("https://w3id.org/igkg/id/test/part", IGKG + "role", "https://w3id.org/igkg/id/test/moderator"),
         ("https://w3id.org/igkg/id/test/part", IGKG + "role", "https://w3id.org/igkg/id/test/speaker")],
    ),
    "ontology-header": (
        'ex:other-ontology a owl:Ontology ; dcterms:title "t"@en ; dcterms:description "d"@en ; '
        'dcterms:license <https://www.apache.org/licenses/LICENSE-2.0> ; owl:versionInfo "1" .',
        [("https://w3id.org/igkg/id/test/other-ontology", DCTERMS + "created", None),
         ("https://w3id.org/igkg/id/test/other-ontology", OWL + "versionIRI", None)],
    ),
    "instance-missing-label": (
        'ex:cnnic a igkg:CcTLDOperator .\nex:li a igkg:Person ; skos:prefLabel "Li"@en .\n'
        'ex:topic a skos:Concept .\nex:part a igkg:Participation .',
        [("https://w3id.org/igkg/id/test/cnnic", RDFS + "label", IGKG + "CcTLDOperator"),
         ("https://w3id.org/igkg/id/test/topic", RDFS + "label", SKOS + "Concept")],
    ),
    "missing-provenance": (
        'ex:ev a igkg:ReadoutSession ; dcterms:source ex:doc .\n'
        'ex:h a igkg:PostHolding ; igkg:quote "Song would leave his position" .\n'
        'ex:ok a igkg:MOU ; prov:wasDerivedFrom ex:doc ; igkg:quote "MOU" .\nex:p a igkg:Person .',
        [("https://w3id.org/igkg/id/test/ev", IGKG + "quote", IGKG + "ReadoutSession"),
         ("https://w3id.org/igkg/id/test/h", "http://www.w3.org/ns/prov#wasDerivedFrom", IGKG + "PostHolding")],
    ),
}


def _datacube_fixtures() -> dict:
    """The Data Cube checks' bad fixtures: tests/fixtures/datacube/structure.ttl plus one file each,
    with the rows tests/test_datacube_checks.py pins (as full IRIs)."""
    from test_datacube_checks import EXPECTED, FIXTURES

    from kg.namespaces import expand

    def full(cell):
        if cell is None:
            return None
        return cell[1:-1] if cell.startswith("<") else expand(cell)

    structure = (FIXTURES / "structure.ttl").read_text(encoding="utf-8")
    return {name: (structure + (FIXTURES / fixture).read_text(encoding="utf-8"),
                   [tuple(full(c) for c in row) for row in rows])
            for (name, fixture), rows in EXPECTED.items()}


BAD_FIXTURES.update(_datacube_fixtures())


def test_every_check_file_has_a_header_and_a_bad_fixture():
    names = {p.name[: -len("-violation.rq")] for p in check_files()}
    assert names == set(BAD_FIXTURES)
    for path in check_files():
        head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        assert head[0].startswith("# Problem: "), path.name
        assert any(line.startswith("# Solution: ") for line in head), path.name
        severity = [line.split(":", 1)[1].strip() for line in head if line.startswith("# Severity:")]
        assert severity in (["error"], ["warning"]), path.name


@pytest.mark.parametrize("path", check_files(), ids=lambda p: p.stem)
def test_check_returns_no_rows_on_the_ontology(path):
    assert run_check(ontology_store(), path) == []


@pytest.mark.parametrize("path", check_files(), ids=lambda p: p.stem)
def test_check_returns_no_rows_on_ontology_and_data(path, real_store):
    assert run_check(real_store, path) == []


@pytest.mark.parametrize("name", sorted(BAD_FIXTURES))
def test_check_catches_its_bad_fixture(name):
    """The fixture goes to a graph of its own (not iggraph:inferred), as a data file would."""
    turtle, expected = BAD_FIXTURES[name]
    rows = run_check(ontology_store(turtle), CHECKS / f"{name}-violation.rq")
    assert sorted(rows, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("name", sorted(BAD_FIXTURES))
def test_check_gives_the_same_rows_in_rdflib(name):
    """The checks are plain SPARQL 1.1: rdflib's engine answers them as pyoxigraph does."""
    from kg.rdflib_bridge import to_dataset, union_graph

    store = ontology_store(BAD_FIXTURES[name][0])
    query = (CHECKS / f"{name}-violation.rq").read_text(encoding="utf-8")
    if "GRAPH ?g" in query:  # needs the named graphs: an rdflib Dataset whose default graph is their union
        graph = to_dataset(store)
        assert graph.default_union
    else:  # a plain Graph of all triples: rdflib's Dataset is slow and warns on every lookup
        graph = union_graph(store)
    rdflib_rows = [tuple(None if t is None else str(t) for t in row) for row in graph.query(query)]
    assert sorted(rdflib_rows, key=str) == sorted(run_check(store, CHECKS / f"{name}-violation.rq"), key=str)


# --------------------------------------------------------------------------------------------- HermiT

GOOD_INDIVIDUALS = """
ex:icann a igkg:InternationalOrganization ; rdfs:label "ICANN" .
ex:centre a igkg:EngagementCentre ; org:subOrganizationOf ex:icann .
ex:song a igkg:Person ; igkg:familyNameFirst true .
ex:director a igkg:Post ; org:postIn ex:centre ; igkg:postTitle "Director" .
ex:holding a igkg:PostHolding ; org:member ex:song ; org:organization ex:centre ; igkg:post ex:director ;
    schema:endDate "2017-03"^^xsd:gYearMonth ; prov:wasDerivedFrom ex:doc ; igkg:quote "Song would leave" .
ex:doc a igkg:SourceDocument .
ex:readout a igkg:ReadoutSession ; schema:startDate "2017-03-29"^^xsd:date .
ex:part a igkg:Participation ; igkg:participant ex:song ; igkg:inEvent ex:readout .
ex:mou a igkg:MOU ; igkg:party ex:icann , ex:centre .
ex:icann igkg:partnerOf ex:centre .
ex:obs a igkg:StatisticalObservation ; igkg:obsValue 649 ; igkg:unitMultiplier 6 ;
    igkg:refPeriod "2014-12"^^xsd:gYearMonth .
"""


def test_hermit_finds_the_ontology_consistent_with_no_unsatisfiable_class():
    assert hermit_report() == (True, [])


def test_hermit_reports_a_class_made_unsatisfiable():
    # Were org:Post an organisation (the withdrawn ORG reading), igkg:Post would be empty.
    assert hermit_report(extra_turtle="org:Post rdfs:subClassOf org:Organization .") == (True, [IGKG + "Post"])


def test_hermit_finds_a_person_holding_a_post_consistent():
    assert hermit_consistent(extra_turtle=GOOD_INDIVIDUALS) is True


def test_hermit_finds_a_person_who_is_also_an_organisation_inconsistent():
    assert hermit_consistent(extra_turtle='ex:song a igkg:Person , igkg:Company .') is False


def test_hermit_finds_a_post_used_as_an_organisation_inconsistent():
    # ORG 0.8: a post is not an organisation; org:organization's range is org:Organization.
    assert hermit_consistent(extra_turtle=GOOD_INDIVIDUALS + 'ex:h2 org:organization ex:director .') is False


def test_hermit_finds_an_organisation_partner_of_itself_inconsistent():
    assert hermit_consistent(extra_turtle=GOOD_INDIVIDUALS + 'ex:icann igkg:partnerOf ex:icann .') is False


def test_hermit_finds_ontology_and_data_consistent():
    assert hermit_consistent(with_data=True) is True


def test_hermit_leaves_no_temporary_files_behind():
    # owlready2 itself keeps its dump for HermiT when HermiT finds an inconsistency; ours must not.
    root = Path(tempfile.mkdtemp(prefix="igkg-test-"))
    try:
        assert hermit_consistent(extra_turtle='ex:song a igkg:Person , igkg:Company .', tmp_root=root) is False
        assert hermit_consistent(tmp_root=root) is True
        assert list(root.iterdir()) == []
    finally:
        shutil.rmtree(root)


def test_hermit_finds_an_observation_with_two_values_inconsistent():
    # igkg:obsValue is functional and also typed qb:MeasureProperty; owlready2 warns about that
    # punning but keeps the triples, so HermiT still sees the functional axiom.
    two_values = GOOD_INDIVIDUALS + "ex:obs igkg:obsValue 650 ."
    assert hermit_consistent(extra_turtle=two_values) is False


# --------------------------------------------------------------------------------------------- OWL 2 DL profile

DL_PROFILE_CHECK = """
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;

public class DLProfileCheck {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        OWLOntology o = m.loadOntologyFromOntologyDocument(new File(args[0]));
        OWLProfileReport r = new OWL2DLProfile().checkOntology(o);
        for (OWLProfileViolation v : r.getViolations()) System.out.println("VIOLATION\t" + v);
        System.out.println(r.isInProfile() ? "IN_PROFILE" : "NOT_IN_PROFILE");
    }
}
"""


def dl_profile_violations(*, extra_turtle: str | None = None, with_data: bool = False) -> list[str]:
    """OWL 2 DL profile violations found by the OWL API (3.4, bundled in owlready2's HermiT.jar).

    The Java file runs in the JDK's single-file source mode (compiled in memory); the input and the
    source live in a temporary folder that is removed afterwards.
    """
    import subprocess

    import owlready2
    import pyoxigraph as ox

    from kg.dataset import build_store
    from kg.reason.hermit import owl_triples

    jar = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"
    store = build_store() if with_data else ontology_store()
    if extra_turtle is not None:
        add_turtle(store, extra_turtle)
    workdir = Path(tempfile.mkdtemp(prefix="igkg-dl-"))
    try:
        nt = workdir / "input.nt"
        # the OWL view HermiT gets: without the reification layer (rdf:Statement nodes), whose
        # reserved vocabulary is outside OWL 2 DL
        ox.serialize(owl_triples(store), output=str(nt), format=ox.RdfFormat.N_TRIPLES)
        (workdir / "DLProfileCheck.java").write_text(DL_PROFILE_CHECK, encoding="utf-8")
        done = subprocess.run([owlready2.JAVA_EXE, "-cp", str(jar), str(workdir / "DLProfileCheck.java"), str(nt)],
                              capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(workdir)
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and lines[-1:] in (["IN_PROFILE"], ["NOT_IN_PROFILE"]), done.stderr
    return sorted(line.split("\t", 1)[1] for line in lines if line.startswith("VIOLATION\t"))


def test_ontology_is_in_the_owl2_dl_profile():
    assert dl_profile_violations() == []


def test_ontology_and_data_are_in_the_owl2_dl_profile():
    assert dl_profile_violations(with_data=True) == []


def test_dl_profile_check_rejects_a_functional_chain_property():
    # schema:attendee is the super-property of a chain, so non-simple: it may not be functional.
    violations = dl_profile_violations(extra_turtle="schema:attendee a owl:FunctionalProperty .")
    assert len(violations) == 1
    assert violations[0].startswith("Use of non-simple property in FunctionalObjectProperty axiom: "
                                    "[FunctionalObjectProperty(<https://schema.org/attendee>)")



def test_asserted_inference_check_ignores_the_inferred_graph():
    import pyoxigraph as ox

    from kg.namespaces import GRAPH_INFERRED

    store = ontology_store()
    store.load(PREFIXES + "ex:ev schema:attendee ex:p . ex:p org:memberOf ex:o .", format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode(GRAPH_INFERRED))
    assert run_check(store, CHECKS / "asserted-inference-violation.rq") == []
