"""Reasoning: HermiT consistency and realisation, clash reports, and materialised inferences.

Fixture tests use a miniature ontology of our own (tests/fixtures/reason/ontology.ttl) so their
expected results do not move when ontology/igkg.ttl grows; real-data tests pin the entailments the
issue asks for on the project's dataset.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.dataset import Source, build_store, default_sources, read_dataset, read_quads
from kg.namespaces import GRAPH, GRAPH_INFERRED, GRAPH_ONTOLOGY, PREFIXES, expand, shorten
from kg.reason.hermit import ReasonerError, check_consistency, hermit_command
from kg.reason.rules import inferred_quads, materialise, rules_for

from conftest import run_kg
from oracle import reasonable_triples

FIXTURES = Path(__file__).parent / "fixtures" / "reason"
MINI_ONTOLOGY = Source(FIXTURES / "ontology.ttl", GRAPH_ONTOLOGY)
MINI_DATA = Source(FIXTURES / "data.ttl", GRAPH + "mini-data")


def mini_quads(*extra: str) -> list[ox.Quad]:
    sources = [MINI_ONTOLOGY, MINI_DATA] + [Source(FIXTURES / name, GRAPH + Path(name).stem) for name in extra]
    return [q for s in sources for q in read_quads(s)]


def triple_names(quads) -> set[str]:
    return {f"{shorten(q.subject.value)} {shorten(q.predicate.value)} {shorten(q.object.value)}" for q in quads}


def processes_mentioning(text: str) -> list[str]:
    """Command lines of running processes that mention `text` (other sessions may run HermiT too,
    so tests give each run a temp dir of its own and look for that)."""
    out = subprocess.run(["pgrep", "-af", text], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if "pgrep" not in line]


# ---------------------------------------------------------------------------------------------
# Materialisation on the miniature

MINI_INFERRED = {
    "igagr:cnnic-dotasia-icann rdf:type prov:Entity",
    "igagr:cnnic-dotasia-icann rdf:type igkg:Agreement",
    "igevent:readout-panel rdf:type schema:Event",
    "igevent:readout rdf:type schema:Event",
    "igevent:readout rdf:type igkg:Event",
    "igevent:readout schema:attendee igperson:song-zheng-5f9c3a",
    "igevent:readout schema:subEvent igevent:readout-panel",
    "igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1 rdf:type org:Membership",
    "igorg:cnnic rdf:type org:FormalOrganization",
    "igorg:cnnic rdf:type prov:Agent",
    "igorg:cnnic rdf:type schema:Organization",
    "igorg:cnnic rdf:type igkg:Organization",
    "igorg:cnnic rdf:type igkg:Registry",
    "igorg:cnnic igkg:partnerOf igorg:dotasia",
    "igorg:cnnic igkg:partnerOf igorg:icann",
    "igorg:dotasia rdf:type org:FormalOrganization",
    "igorg:dotasia rdf:type prov:Agent",
    "igorg:dotasia rdf:type schema:Organization",
    "igorg:dotasia rdf:type igkg:Organization",
    "igorg:dotasia igkg:partnerOf igorg:cnnic",
    "igorg:dotasia igkg:partnerOf igorg:icann",
    "igorg:icann-apac rdf:type org:FormalOrganization",
    "igorg:icann-apac rdf:type prov:Agent",
    "igorg:icann-apac rdf:type schema:Organization",
    "igorg:icann-apac org:transitiveSubOrganizationOf igorg:icann",
    "igorg:icann-beijing-engagement-center rdf:type org:FormalOrganization",
    "igorg:icann-beijing-engagement-center rdf:type org:OrganizationalUnit",
    "igorg:icann-beijing-engagement-center rdf:type prov:Agent",
    "igorg:icann-beijing-engagement-center rdf:type schema:Organization",
    "igorg:icann-beijing-engagement-center rdf:type igkg:Organization",
    "igorg:icann-beijing-engagement-center org:hasMember igperson:song-zheng-5f9c3a",
    "igorg:icann-beijing-engagement-center org:transitiveSubOrganizationOf igorg:icann-apac",
    "igorg:icann-beijing-engagement-center org:transitiveSubOrganizationOf igorg:icann",
    "igorg:icann rdf:type org:FormalOrganization",
    "igorg:icann rdf:type prov:Agent",
    "igorg:icann rdf:type schema:Organization",
    "igorg:icann igkg:partnerOf igorg:cnnic",
    "igorg:icann igkg:partnerOf igorg:dotasia",
    "igperson:song-zheng-5f9c3a rdf:type prov:Agent",
    "igperson:song-zheng-5f9c3a rdf:type foaf:Person",
    "igperson:song-zheng-5f9c3a rdf:type schema:Person",
    "igperson:song-zheng-5f9c3a org:holds igpost:director-icann-beijing-engagement-center",
    "igperson:song-zheng-5f9c3a org:memberOf igorg:icann-beijing-engagement-center",
    "igperson:song-zheng-5f9c3a igkg:attended igevent:readout",
    "igpost:director-icann-beijing-engagement-center rdf:type org:Post",
    "igpost:director-icann-beijing-engagement-center org:heldBy igperson:song-zheng-5f9c3a",
}


def test_inferred_quads_on_the_miniature_are_exactly_the_expected_entailments():
    inferred = inferred_quads(mini_quads())
    assert triple_names(inferred) == MINI_INFERRED
    assert {q.graph_name for q in inferred} == {ox.NamedNode(GRAPH_INFERRED)}


def test_rules_include_one_per_property_chain_of_the_ontology():
    store = ox.Store()
    store.extend(mini_quads())
    names = [r.name for r in rules_for(store)]
    assert names == ["partner", "chain:schema:attendee", "chain:org:holds", "chain:org:memberOf",
                     "subproperty", "inverse", "symmetric", "transitive", "domain", "range", "subclass"]


def test_materialise_writes_only_unasserted_triples_into_the_inferred_graph_and_counts_them():
    store = ox.Store()
    store.extend(mini_quads())
    asserted = {(q.subject, q.predicate, q.object) for q in store}
    count = materialise(store)
    inferred = list(store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_INFERRED)))
    assert count == len(inferred) == len(MINI_INFERRED)
    assert not {(q.subject, q.predicate, q.object) for q in inferred} & asserted


def test_materialise_twice_replaces_the_inferred_graph():
    store = ox.Store()
    store.extend(mini_quads())
    first = materialise(store)
    store.remove(ox.Quad(ox.NamedNode(expand("igagr:cnnic-dotasia-icann")), ox.NamedNode(expand("igkg:party")),
                         ox.NamedNode(expand("igorg:dotasia")), ox.NamedNode(GRAPH + "mini-data")))
    second = materialise(store)
    names = triple_names(store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_INFERRED)))
    assert "igorg:cnnic igkg:partnerOf igorg:dotasia" not in names  # stale inference gone
    assert "igorg:cnnic igkg:partnerOf igorg:icann" in names
    assert second < first


def test_partner_of_is_symmetric_and_never_reflexive():
    names = triple_names(inferred_quads(mini_quads()))
    partners = {tuple(n.split(" igkg:partnerOf ")) for n in names if " igkg:partnerOf " in n}
    assert partners == {(a, b) for a in ("igorg:cnnic", "igorg:dotasia", "igorg:icann")
                        for b in ("igorg:cnnic", "igorg:dotasia", "igorg:icann") if a != b}


def test_inferred_quads_reads_default_graph_triples_too():
    quads = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in mini_quads()]
    assert triple_names(inferred_quads(quads)) == MINI_INFERRED


# ---------------------------------------------------------------------------------------------
# HermiT on the miniature


def test_hermit_on_the_miniature_is_consistent_realises_and_infers_chain_values():
    result = check_consistency([MINI_ONTOLOGY, MINI_DATA], timeout_s=60, memory_mb=500)
    assert result.consistent and result.ok
    assert result.unsatisfiable_classes == ()
    assert (expand("igorg:cnnic"), expand("igkg:CcTLDOperator")) in result.realisation
    assert (expand("igkg:CcTLDOperator"), expand("igkg:Registry")) in result.class_hierarchy
    values = {(shorten(s), shorten(p), shorten(o)) for s, p, o in result.inferred_property_values}
    assert values == {
        ("igevent:readout", "schema:attendee", "igperson:song-zheng-5f9c3a"),
        ("igevent:readout", "schema:subEvent", "igevent:readout-panel"),
        ("igorg:icann-beijing-engagement-center", "org:hasMember", "igperson:song-zheng-5f9c3a"),
        ("igorg:icann-beijing-engagement-center", "org:transitiveSubOrganizationOf", "igorg:icann"),
        ("igperson:song-zheng-5f9c3a", "org:holds", "igpost:director-icann-beijing-engagement-center"),
        ("igperson:song-zheng-5f9c3a", "org:memberOf", "igorg:icann-beijing-engagement-center"),
        ("igperson:song-zheng-5f9c3a", "igkg:attended", "igevent:readout"),
        ("igpost:director-icann-beijing-engagement-center", "org:heldBy", "igperson:song-zheng-5f9c3a"),
    }
    assert result.unchecked_literals == 2  # one xsd:date and one xsd:gYear


def test_hermit_names_the_individual_typed_person_and_organization():
    result = check_consistency(
        [MINI_ONTOLOGY, MINI_DATA, Source(FIXTURES / "person-and-organization.ttl", GRAPH + "clash")]
    )
    assert not result.consistent
    assert [c.individual for c in result.clashes] == [expand("igorg:janus")]
    clash = result.clashes[0]
    assert clash.asserted_types == (expand("igkg:Organization"), expand("igkg:Person"))
    assert clash.disjoint == ((expand("igkg:Organization"), expand("igkg:Person")),)
    assert [(shorten(r.type), r.how, r.files) for r in clash.reasons] == [
        ("igkg:Organization", "asserted", ("tests/fixtures/reason/person-and-organization.ttl",)),
        ("igkg:Person", "asserted", ("tests/fixtures/reason/person-and-organization.ttl",)),
    ]
    assert "igorg:janus" in result.message


def test_a_clash_through_a_range_names_the_triple_that_implies_the_type():
    result = check_consistency(
        [MINI_ONTOLOGY, MINI_DATA, Source(FIXTURES / "range-clash.ttl", GRAPH + "range-clash")]
    )
    assert not result.consistent
    assert [c.individual for c in result.clashes] == [expand("igperson:song-zheng-5f9c3a")]
    reasons = [(shorten(r.type), r.how, shorten(r.via), shorten(r.other)) for r in result.clashes[0].reasons]
    assert ("igkg:Organization", "range", "org:organization", "igholding:wrong") in reasons
    text = result.clashes[0].describe()
    assert "igholding:wrong org:organization" in text and "whose range is igkg:Organization" in text


def test_hermit_command_uses_the_memory_setting_and_ignores_unsupported_datatypes(tmp_path):
    cmd = hermit_command(tmp_path / "x.nt", memory_mb=777)
    assert "-Xmx777M" in cmd
    assert "--ignoreUnsupportedDatatypes" in cmd
    assert [a for a in cmd if a in ("-c", "-I", "-Y")] == ["-c", "-I", "-Y"]
    assert "-XX:TieredStopAtLevel=1" not in cmd
    cmd = hermit_command(tmp_path / "x.nt", memory_mb=777, realise=False, property_values=False, quick_start=True)
    assert [a for a in cmd if a in ("-c", "-I", "-Y")] == ["-c"]
    assert cmd[1:3] == ["-Xmx777M", "-XX:TieredStopAtLevel=1"]


def test_timeout_stops_hermit_and_leaves_no_process_or_temp_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(ReasonerError, match="did not finish within 0.2 s"):
        check_consistency([MINI_ONTOLOGY, MINI_DATA], timeout_s=0.2)
    time.sleep(0.2)
    assert processes_mentioning(str(tmp_path)) == []
    assert list(tmp_path.iterdir()) == []


def test_a_finished_run_leaves_no_process_or_temp_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert check_consistency([MINI_ONTOLOGY, MINI_DATA]).consistent
    assert processes_mentioning(str(tmp_path)) == []
    assert list(tmp_path.iterdir()) == []


def test_no_java_is_a_reasoner_error(monkeypatch):
    import owlready2

    monkeypatch.setattr(owlready2, "JAVA_EXE", "/nonexistent/java")
    with pytest.raises(ReasonerError, match="Java not found"):
        check_consistency([MINI_ONTOLOGY, MINI_DATA])


# ---------------------------------------------------------------------------------------------
# `kg reason` (the CLI in-process, or a real process where the process boundary is tested; with the
# project ontology)


def test_kg_reason_exits_1_and_names_the_individual_typed_person_and_organization(kg):
    r = kg("reason", "tests/fixtures/reason/person-and-organization.ttl")
    assert r.returncode == 1, r.stderr
    assert "https://w3id.org/igkg/id/org/janus" in r.stdout
    assert "igorg:janus <https://w3id.org/igkg/id/org/janus> is both igkg:Organization and igkg:Person" in r.stdout


def test_kg_reason_json_reports_the_clash(kg):
    r = kg("reason", "tests/fixtures/reason/person-and-organization.ttl", "--format", "json")
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    assert (doc["consistent"], doc["ok"]) == (False, False)
    assert [c["individual"] for c in doc["clashes"]] == ["https://w3id.org/igkg/id/org/janus"]
    assert doc["clashes"][0]["assertedTypes"] == [
        "https://w3id.org/igkg/ontology#Organization", "https://w3id.org/igkg/ontology#Person"]
    assert "materialised" not in doc  # nothing to materialise from an inconsistent graph


def test_kg_reason_names_functional_and_irreflexive_conflicts(kg):
    r = kg("reason", "tests/fixtures/reason/functional-and-irreflexive.ttl", "--format", "json")
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    assert doc["clashes"] == []
    assert [(c["kind"], c["subject"], c["property"], c["values"]) for c in doc["conflicts"]] == [
        ("functional", "https://w3id.org/igkg/id/observation/twice-measured",
         "https://w3id.org/igkg/ontology#obsValue", ['"649"^^xsd:decimal', '"650"^^xsd:decimal']),
        ("irreflexive", "https://w3id.org/igkg/id/org/narcissus", "https://w3id.org/igkg/ontology#partnerOf",
         ["igorg:narcissus"]),
    ]


@pytest.mark.parametrize("args, message", [
    (("no/such/file.ttl",), "no/such/file.ttl: no such file or folder"),
    (("-o", "x.trig", "--no-materialise"), "drop --no-materialise"),
    (("-o", "x.xyz"), "x.xyz: unknown output type"),
    (("--timeout-s", "0"), "Invalid value for '--timeout-s'"),
])
def test_kg_reason_usage_errors_exit_2(kg, args, message):
    r = kg("reason", *args)
    assert r.returncode == 2
    assert message in r.stderr


def test_kg_reason_on_a_syntax_error_names_file_line_and_column(kg, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix igkg: <https://w3id.org/igkg/ontology#> .\n<urn:x:a> a igkg:Organization ;\n  igkg:acronym "X"\n')
    r = kg("reason", str(bad))
    assert r.returncode == 2
    assert f"{bad}:4:" in r.stderr or f"{bad}:3:" in r.stderr
    assert "Traceback" not in r.stderr


def test_kg_reason_on_the_real_data_is_consistent_and_leaves_nothing_behind(tmp_path):
    """A real process: its TMPDIR is where HermiT's input goes, and nothing of it (no JVM, no file)
    may outlive the run."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    r = run_kg("reason", "--format", "json", env={"TMPDIR": str(tmp)})
    assert r.returncode == 0, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    assert (doc["consistent"], doc["ok"], doc["unsatisfiableClasses"]) == (True, True, [])
    assert doc["materialised"]["triples"] > 0
    assert processes_mentioning(str(tmp)) == []
    assert list(tmp.iterdir()) == []


def test_kg_reason_text_shows_hierarchy_realisation_and_inferred_values(kg):
    r = kg("reason")
    assert r.returncode == 0, r.stderr
    assert "ontology + data are consistent" in r.stdout
    assert "\n    igkg:Registry\n      igkg:CcTLDOperator\n" in r.stdout
    assert "Realisation (most specific types of" in r.stdout
    assert "org:memberOf" in r.stdout
    assert "Materialised by the SPARQL rules into iggraph:inferred" in r.stdout


def test_kg_reason_without_property_values_says_what_hermit_was_asked(kg):
    r = kg("reason", "tests/fixtures/reason/data.ttl", "--no-property-values", "--no-materialise", "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert (doc["tasks"], doc["inferredPropertyValues"]) == (["classify", "realise"], [])
    assert "materialised" not in doc


def test_kg_reason_writes_the_materialised_triples(kg, tmp_path):
    out = tmp_path / "inferred.trig"
    r = kg("reason", "tests/fixtures/reason/data.ttl", "-o", str(out))
    assert r.returncode == 0, r.stderr
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.TRIG))
    assert quads and {q.graph_name for q in quads} == {ox.NamedNode(GRAPH_INFERRED)}
    assert "igperson:song-zheng-5f9c3a org:memberOf igorg:icann-beijing-engagement-center" in triple_names(quads)


# ---------------------------------------------------------------------------------------------
# Materialisation on the real data


@pytest.fixture(scope="module")
def inferred_store():
    """The project dataset with iggraph:inferred materialised (a store of its own: never the shared one)."""
    store = build_store()
    asserted_graphs = list(store.named_graphs())
    count = materialise(store)
    return store, asserted_graphs, count


REAL_EXPECTED = [
    # part-of between organisations, via org:subOrganizationOf ⊑ org:transitiveSubOrganizationOf
    "igorg:icann-beijing-engagement-center org:transitiveSubOrganizationOf igorg:icann",
    "igorg:information-and-communication-administration org:transitiveSubOrganizationOf igorg:miit",
    # a person holding a post is a member of the post's organisation, and holds the post
    "igperson:li-xiangning-11e04d org:memberOf igorg:information-and-communication-administration",
    "igorg:information-and-communication-administration org:hasMember igperson:li-xiangning-11e04d",
    "igperson:li-xiangning-11e04d org:holds igpost:deputy-director-general-information-and-communication-administration",
    # registry operators are organisations (CcTLDOperator ⊑ Registry ⊑ Organization)
    "igorg:krnic rdf:type igkg:Organization",
    "igorg:krnic rdf:type igkg:Registry",
    "igorg:cnnic rdf:type igkg:Registry",
    "igorg:icann-beijing-engagement-center rdf:type igkg:Organization",
    # units (W3C ORG): the engagement centre is an org:OrganizationalUnit, not a formal organisation
    "igorg:icann-beijing-engagement-center rdf:type org:OrganizationalUnit",
    # attendance from participations
    "igevent:icann-58-readout-session schema:attendee igperson:li-xiangning-11e04d",
    "igperson:li-xiangning-11e04d igkg:attended igevent:icann-58-readout-session",
    # partners: both directions
    "igorg:cnnic igkg:partnerOf igorg:krnic",
    "igorg:krnic igkg:partnerOf igorg:cnnic",
]


@pytest.mark.parametrize("triple", REAL_EXPECTED)
def test_the_inferred_graph_holds_the_entailment_and_no_asserted_graph_does(inferred_store, triple):
    store, asserted_graphs, _ = inferred_store
    s, p, o = (ox.NamedNode(expand(t)) for t in triple.split())
    assert ox.Quad(s, p, o, ox.NamedNode(GRAPH_INFERRED)) in store
    assert [g for g in asserted_graphs if ox.Quad(s, p, o, g) in store] == []


def test_the_inferred_graph_holds_only_triples_no_other_graph_asserts(inferred_store):
    store, asserted_graphs, count = inferred_store
    inferred = list(store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_INFERRED)))
    assert count == len(inferred) > 500
    assert [q for q in inferred if any(ox.Quad(q.subject, q.predicate, q.object, g) in store
                                       for g in asserted_graphs)] == []


def test_partner_of_is_never_reflexive_and_always_both_ways_on_the_real_data(inferred_store):
    store, _, _ = inferred_store
    pairs = {(q.subject, q.object) for q in store.quads_for_pattern(None, ox.NamedNode(expand("igkg:partnerOf")), None)}
    assert pairs and all(a != b for a, b in pairs)
    assert all((b, a) in pairs for a, b in pairs)


def _rows(store, query, graphs):
    return [tuple(shorten(sol[i].value) for i in range(len(sol))) for sol in
            store.query(query, default_graph=graphs, prefixes=PREFIXES)]


def test_a_query_returns_more_rows_with_inference_than_without(inferred_store):
    """Registries and their members: asserted data types CNNIC as a ccTLD operator and says its
    staff hold posts or affiliations there, but never says "registry" or org:memberOf."""
    store, asserted_graphs, _ = inferred_store
    query = ("SELECT ?registry ?person WHERE { ?registry a igkg:Registry . ?person org:memberOf ?registry } "
             "ORDER BY ?registry ?person")
    assert _rows(store, query, asserted_graphs) == []
    assert _rows(store, query, asserted_graphs + [ox.NamedNode(GRAPH_INFERRED)]) == [
        ("igorg:cnnic", "igperson:chu-nan-359b70"),
        ("igorg:cnnic", "igperson:liyun-han-3e929e"),
        ("igorg:cnnic", "igperson:shen-zhi-b695bb"),
        ("igorg:domain-name-registry-21fc2d", "igperson:wu-yangyi-408760"),
    ]


def test_registries_with_inference_include_every_cctld_operator(inferred_store):
    store, asserted_graphs, _ = inferred_store
    query = "SELECT ?org WHERE { ?org a igkg:Registry } ORDER BY ?org"
    assert _rows(store, query, asserted_graphs) == [("igorg:domain-name-registry-21fc2d",)]
    assert _rows(store, query, asserted_graphs + [ox.NamedNode(GRAPH_INFERRED)]) == [
        (f"igorg:{x}",) for x in ("cnnic", "denic", "domain-name-registry-21fc2d", "jordan-nict", "krnic", "laonic",
                                  "nominet", "pandi", "ru-cctld", "sgnic", "twnic", "yemennet", "zadna")
    ]


def test_attendees_of_the_readout_session_come_only_from_inference(inferred_store):
    store, asserted_graphs, _ = inferred_store
    query = ("SELECT ?person WHERE { igevent:icann-58-readout-session schema:attendee ?person . "
             "?person a igkg:Person } ORDER BY ?person")
    assert _rows(store, query, asserted_graphs) == []
    assert _rows(store, query, asserted_graphs + [ox.NamedNode(GRAPH_INFERRED)]) == [
        (f"igperson:{x}",) for x in ("cai-xiongshan-30ac5c", "chu-nan-359b70", "guo-feng-0ee565", "jia-rong-low-dc02d2", "kan-kaili-cf3332",
                                     "li-xiangning-11e04d", "liu-limei-624903", "liu-yue-032bdc", "pam-little-364eb0", "shen-zhi-b695bb", "tan-yaling-ee95d6",
                                     "wang-wei-6e68c4", "wu-yangyi-408760", "zhang-jianchuan-db8cb8")
    ]


def test_rules_infer_the_chains_that_reasonable_skips():
    """FINDINGS: `reasonable` (OWL 2 RL) silently skips property chains; the rules do not."""
    quads = read_dataset(default_sources()).quads
    by_reasonable = {(str(s), str(p), str(o)) for s, p, o in reasonable_triples(quads)}
    by_rules = {(q.subject.value, q.predicate.value, q.object.value) for q in inferred_quads(quads)}
    member_of = (expand("igperson:li-xiangning-11e04d"), expand("org:memberOf"),
                 expand("igorg:information-and-communication-administration"))
    sub_org = (expand("igorg:icann-beijing-engagement-center"), expand("org:transitiveSubOrganizationOf"),
               expand("igorg:icann"))
    assert member_of in by_rules and member_of not in by_reasonable
    assert sub_org in by_rules and sub_org in by_reasonable


def test_the_rules_find_everything_reasonable_infers_about_the_data():
    """Differential test: apart from owl:Thing, anonymous classes, reflexive owl:sameAs and the
    schema's own closure, every triple `reasonable` adds is one the rules add too."""
    quads = read_dataset(default_sources()).quads
    by_rules = {(q.subject.value, q.predicate.value, q.object.value) for q in inferred_quads(quads)}
    skipped_objects = {expand("owl:Thing"), expand("owl:Class")}
    missing = []
    for s, p, o in reasonable_triples(quads):
        s, p, o = str(s), str(p), str(o)
        if s.startswith(expand("igkg:")) or p in (expand("owl:sameAs"), expand("rdfs:subClassOf")):
            continue
        if o in skipped_objects or not o.startswith(("http://", "https://")) and p == expand("rdf:type"):
            continue
        if (s, p, o) not in by_rules:
            missing.append((shorten(s), shorten(p), shorten(o)))
    assert missing == []


def test_hermit_infers_no_property_value_or_type_the_rules_miss():
    """Differential test on the real data: HermiT's inferred property values and realised types are
    all asserted or materialised by the rules (HermiT adds no entailment the queries would miss)."""
    dataset = read_dataset(default_sources())
    quads, files = dataset.quads, dataset.files
    result = check_consistency(quads=quads, graph_files=files)
    assert result.ok
    known = {(q.subject.value, q.predicate.value, getattr(q.object, "value", None))
             for q in (*quads, *inferred_quads(quads))}
    assert [v for v in result.inferred_property_values if v not in known] == []
    rdf_type = expand("rdf:type")
    assert [(i, t) for i, t in result.realisation
            if (i, rdf_type, t) not in known and t != expand("owl:Thing")] == []


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGKILL"])
def test_killing_the_python_process_takes_the_jvm_with_it(tmp_path, sig):
    import os
    import signal
    import sys

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    code = "from kg.reason.hermit import check_consistency; check_consistency(timeout_s=120)"
    proc = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "TMPDIR": str(tmp)},
                            cwd=Path(__file__).parent.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any("HermiT" in p for p in processes_mentioning(str(tmp))):
        assert proc.poll() is None and time.monotonic() < deadline, "HermiT never started"
        time.sleep(0.05)
    proc.send_signal(getattr(signal, sig))
    proc.wait(timeout=30)
    for _ in range(50):  # the kernel delivers the parent-death signal at once; allow for a slow machine
        if not processes_mentioning(str(tmp)):
            break
        time.sleep(0.1)
    assert processes_mentioning(str(tmp)) == []
    if sig == "SIGTERM":  # Python could clean up; after SIGKILL nothing can remove the input file
        assert list(tmp.iterdir()) == []


def test_too_little_memory_is_a_reasoner_error_that_says_what_to_raise():
    # 40,000 typed individuals cannot fit in an 8 MiB heap on any JVM; the seed data alone sometimes does
    parsed = read_dataset(default_sources())
    org = ox.NamedNode(expand("igkg:Organisation"))
    rdf_type = ox.NamedNode(expand("rdf:type"))
    many = [ox.Quad(ox.NamedNode(f"urn:x:org{i}"), rdf_type, org, ox.NamedNode(GRAPH + "synthetic")) for i in range(40_000)]
    with pytest.raises(ReasonerError, match=r"HermiT ran out of memory with -Xmx8M; raise --memory-mb"):
        check_consistency(quads=[*parsed.quads, *many], graph_files=parsed.files, memory_mb=8)


def test_kg_reason_exits_1_on_an_unsatisfiable_class(kg):
    r = kg("reason", "tests/fixtures/reason/unsatisfiable-class.ttl", "--format", "json")
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    assert (doc["consistent"], doc["ok"]) == (True, False)
    assert doc["unsatisfiableClasses"] == ["https://w3id.org/igkg/ontology#Chimera"]
    assert "1 class(es) can have no members (unsatisfiable): igkg:Chimera" in doc["message"]
