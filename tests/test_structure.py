"""Internet-governance structure in the real data and the ontology (docs/design.md,
"Internet-governance structure"): top-level domains and their registry operators, kinds, memberships
of organisations and on behalf of, event series with the basis of their links, agreement status
and date of signing, and the roles of posts. Exact expected values; the shapes have their own
cases in tests/shacl/ and the queries their rows in tests/test_queries_rows.py."""

from __future__ import annotations

import pytest

from kg.namespaces import PREFIXES

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def short(term) -> str:
    value = term.value
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if value.startswith(ns):
            return f"{prefix}:{value[len(ns):]}"
    return value


def rows(store, query: str) -> list[tuple[str, ...]]:
    solutions = store.query(SPARQL_PREFIXES + query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return sorted(tuple("" if s[n] is None else short(s[n]) for n in names) for s in solutions)


@pytest.fixture(scope="module")
def store(real_store):
    return real_store


def test_every_post_has_exactly_its_role(store):
    assert rows(store, """
        SELECT ?post ?role WHERE { ?post a igkg:Post . OPTIONAL { ?post org:role ?role } }""") == [
        ("igpost:deputy-director-general-information-and-communication-administration", "igrole:deputy-director-general"),
        ("igpost:director-icann-beijing-engagement-center", "igrole:director"),
        ("igpost:general-manager-asia-pacific-operations-icann", "igrole:general-manager"),
        ("igpost:global-strategic-partnership-manager-cnnic", "igrole:global-strategic-partnership-manager"),
        ("igpost:researcher-caict", "igrole:researcher"),
        ("igpost:senior-researcher-knet", "igrole:senior-researcher"),
        ("igpost:vice-chair-gac", "igrole:vice-chair"),
        ("igpost:vice-president-icann", "igrole:vice-president"),
    ]


def test_post_roles_are_org_roles_in_their_own_scheme_apart_from_participation_roles(store):
    assert rows(store, """
        SELECT ?role ?scheme WHERE { ?role a org:Role , skos:Concept ; skos:inScheme ?scheme }""") == [
        (f"igrole:{r}", "igrole:post-roles") for r in sorted([
            "deputy-director-general", "director", "general-manager", "global-strategic-partnership-manager",
            "researcher", "senior-researcher", "vice-chair", "vice-president"])
    ]
    assert rows(store, "SELECT ?c WHERE { ?c skos:inScheme igrole:scheme ; a org:Role }") == []


def test_cn_and_ru_are_country_code_domains_with_their_stated_operators(store):
    assert rows(store, """
        SELECT ?tld ?label ?kind ?operator ?source WHERE {
          ?tld a ?kind ; rdfs:label ?label ; igkg:registryOperator ?operator ; dcterms:source ?source .
          ?kind rdfs:subClassOf* igkg:TopLevelDomain }""") == [
        ("igtld:cn", ".CN", "igkg:CountryCodeTopLevelDomain", "igorg:cnnic", "igdoc:cnnic-inter-cctld-cooperation"),
        ("igtld:ru", ".RU", "igkg:CountryCodeTopLevelDomain", "igorg:ru-cctld", "igdoc:cnnic-inter-cctld-cooperation"),
    ]


def test_no_operator_is_invented_for_the_other_partners_or_the_garbled_registry(store):
    assert rows(store, "SELECT DISTINCT ?operator WHERE { ?tld igkg:registryOperator ?operator }") == [
        ("igorg:cnnic",), ("igorg:ru-cctld",)]


def test_ru_cctld_notes_that_the_slides_name_it_by_its_domain(store):
    notes = [n for (n,) in rows(store, "SELECT ?n WHERE { igorg:ru-cctld skos:editorialNote ?n }")]
    assert any("do not give the operator's own name" in n for n in notes)


def test_kinds_apply_only_where_stated(store):
    assert rows(store, """
        SELECT ?org ?kind WHERE {
          VALUES ?kind { igkg:AdvisoryCommittee igkg:SupportingOrganization igkg:RegionalInternetRegistry igkg:Registrar }
          ?org a ?kind }""") == [("igorg:gac", "igkg:AdvisoryCommittee")]


def test_no_membership_of_an_organisation_is_stated_in_the_sources(store):
    assert rows(store, "SELECT ?m WHERE { ?m a igkg:Membership }") == []
    assert rows(store, "SELECT ?m WHERE { ?m opengov:onBehalfOf ?o }") == []


def test_an_organisation_member_is_a_member_of_by_the_org_chain(tmp_path):
    """ORG's org:memberOf chain holds for an organisation as org:member of an igkg:Membership."""
    from kg.dataset import Source, ontology_file, read_quads
    from kg.namespaces import ORG
    from kg.reason.rules import inferred_quads

    data = tmp_path / "membership.ttl"
    data.write_text(SPARQL_PREFIXES.replace("PREFIX ", "@prefix ").replace(">\n", "> .\n") + """
        igorg:a a igkg:Organization . igorg:b a igkg:Organization . igorg:c a igkg:Organization .
        igaff:a--b a igkg:Membership ; org:member igorg:a ; org:organization igorg:b ; opengov:onBehalfOf igorg:c .
    """, encoding="utf-8")
    quads = list(read_quads(Source(ontology_file(), PREFIXES["iggraph"] + "ontology")))
    quads += list(read_quads(Source(data, PREFIXES["iggraph"] + "test")))
    got = {(short(q.subject), short(q.predicate), short(q.object)) for q in inferred_quads(quads)
           if q.predicate.value in (ORG + "memberOf", ORG + "hasMember")}
    assert got == {("igorg:a", "org:memberOf", "igorg:b"), ("igorg:b", "org:hasMember", "igorg:a")}


def test_events_in_series_and_the_editor_inferred_basis_of_each_link(store):
    assert rows(store, """
        SELECT ?event ?series ?basis ?quote WHERE {
          ?event schema:superEvent ?series . ?series a schema:EventSeries , igkg:EventSeries .
          ?st a rdf:Statement ; rdf:subject ?event ; rdf:predicate schema:superEvent ; rdf:object ?series ;
              igkg:basis ?basis ; igkg:quote ?quote ; prov:wasDerivedFrom igdoc:circleid-icann58-readout }""") == [
        ("igevent:icann-58-copenhagen-meeting", "igevent:icann-conferences", "igvocab:editor-inferred",
         "after each ICANN conference"),
        ("igevent:icann-58-copenhagen-meeting", "igevent:icann-conferences", "igvocab:editor-inferred",
         "the ICANN 58 Copenhagen Meeting held from March 10 to 16"),
        ("igevent:icann-58-readout-session", "igevent:caict-china-internet-community-seminars",
         "igvocab:editor-inferred", "In 2017, the CAICT will continue to play its role in holding the seminar"),
    ]


def test_the_caict_seminars_follow_the_caict_icann_mou_and_are_no_longer_one_seminar(store):
    assert rows(store, """
        SELECT ?type ?agreement WHERE {
          igevent:caict-china-internet-community-seminars a ?type ; igkg:followsAgreement ?agreement }""") == [
        ("igkg:EventSeries", "igagr:caict-icann-mou"), ("schema:EventSeries", "igagr:caict-icann-mou")]


def test_the_meeting_number_stays_in_the_name_only(store):
    assert rows(store, """
        SELECT ?s ?p ?o WHERE {
          VALUES ?s { igevent:icann-conferences igevent:icann-58-copenhagen-meeting }
          ?s ?p ?o FILTER(isLiteral(?o) && ?p NOT IN (igkg:quote, skos:editorialNote) && CONTAINS(STR(?o), "58")) }""") == [
        ("igevent:icann-58-copenhagen-meeting", "rdfs:label", "ICANN 58 Copenhagen Meeting")]
    assert rows(store, "SELECT ?p WHERE { igevent:icann-58-copenhagen-meeting ?p 58 }") == []


def test_the_three_mous_are_signed_on_their_ceremonies_dates(store):
    assert rows(store, """
        SELECT ?agreement ?status ?date WHERE {
          ?agreement igkg:agreementStatus ?status ; igkg:signedAt/schema:startDate ?date }""") == [
        ("igagr:caict-icann-mou", "igvocab:signed", "2014-06"),
        ("igagr:cnnic-krnic-strategic-partnership-mou", "igvocab:signed", "2012-05"),
        ("igagr:cnnic-ru-cctld-strategic-partnership-mou", "igvocab:signed", "2014-11"),
    ]
    assert rows(store, "SELECT ?a WHERE { ?a a igkg:Partnership ; igkg:agreementStatus ?s }") == []
