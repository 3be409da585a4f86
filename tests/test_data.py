"""The instance data in data/: invariants of every document (every fact traceable to its sentence,
every IRI a slug, no page chrome) and the expectations of each of the two documents (every named
entity present, counts, spot checks of each kind of relation with exact expected values).

The stores are built from data/ only (data/<stem>.ttl -> iggraph:<stem>, data/reference/* ->
iggraph:reference) so these tests speak about the data, whatever state the ontology is in:
`all_data` (every file: the invariants) and `store` (the reference data and the documents of
conftest.DOCUMENTS: their expectations, unchanged when a further document is added).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import document_sources
from kg.namespaces import PREFIXES, sparql_prologue
from kg.sources import check_quotes, collapse

ROOT = Path(__file__).resolve().parent.parent
IGKG = PREFIXES["igkg"]
PROV = PREFIXES["prov"]
RDFS = PREFIXES["rdfs"]

ARTICLE = PREFIXES["igdoc"] + "circleid-icann58-readout"
SLIDES = PREFIXES["igdoc"] + "cnnic-inter-cctld-cooperation"

# Classes whose instances are facts: each must name its document (prov:wasDerivedFrom on records,
# dcterms:source on events and contact points) and carry igkg:quote.
FACT_CLASSES = [
    "PostHolding", "Affiliation", "Participation", "Agreement", "MOU", "Partnership",
    "Event", "Meeting", "Seminar", "ReadoutSession", "Lecture", "Workshop", "Summit", "EventSeries",
    "CapacityBuildingProgramme", "Panel", "Training", "SigningCeremony",
    "StatisticalObservation", "ContactPoint",
]


@pytest.fixture(scope="module")
def all_data():
    """Every file of data/ (any number of documents)."""
    from kg.dataset import build_store, sources_for

    return build_store(sources_for([ROOT / "data"]))


@pytest.fixture(scope="module")
def store():
    """The reference data and the two documents whose expectations these tests state."""
    from kg.dataset import build_store

    return build_store(document_sources(ontology=False))


def select(store, query: str, **bindings) -> list[dict[str, str]]:
    """Rows of a SELECT over the union of all graphs, each a dict of plain string values."""
    import pyoxigraph as ox

    # Bind IRIs with a VALUES block of typed terms (pyoxigraph's `substitutions` only accepts
    # variables that the SELECT projects).
    block = "".join(f"VALUES ?{k} {{ {ox.NamedNode(v)} }} " for k, v in bindings.items())
    head, sep, body = query.partition("WHERE {")
    assert sep or not bindings, "a query with bindings needs a WHERE {"
    res = store.query(sparql_prologue() + head + sep + block + body, use_default_graph_as_union=True)
    return [{v.value: (row[v].value if row[v] is not None else None) for v in res.variables} for row in res]


def values(store, subject: str, predicate: str) -> set[str]:
    return {r["o"] for r in select(store, "SELECT ?o WHERE { ?s ?p ?o }", s=subject, p=predicate)}


def iri(prefixed: str) -> str:
    prefix, _, local = prefixed.partition(":")
    return PREFIXES[prefix] + local


# --------------------------------------------------------------------------------- (a) quotes

@pytest.fixture(scope="module")
def seed_texts(store) -> dict[str, str]:
    """Document IRI -> its text (found as kg.sources finds it), whitespace collapsed."""
    from kg.sources import sources_dirs

    rows = select(store, "SELECT ?doc ?file WHERE { ?doc a igkg:SourceDocument ; igkg:seedFile ?file }")
    folders = sources_dirs()
    return {r["doc"]: collapse(next(f / r["file"] for f in folders if (f / r["file"]).is_file()).read_text(
        encoding="utf-8")) for r in rows}


def test_every_quote_of_every_document_occurs_verbatim_in_its_text():
    from kg.dataset import sources_for

    result = check_quotes(sources_for([ROOT / "data"]))
    assert [f.describe() for f in result.failures] == []
    assert result.quotes >= 200 and {ARTICLE, SLIDES} <= set(result.documents)


def test_every_fact_node_has_a_source_document_and_a_quote(all_data):
    classes = " ".join(f"igkg:{c}" for c in FACT_CLASSES)
    rows = select(all_data, f"""
        SELECT DISTINCT ?node WHERE {{
          VALUES ?class {{ {classes} }} ?node a ?class .
          FILTER NOT EXISTS {{ ?node prov:wasDerivedFrom|dcterms:source ?doc . ?doc a igkg:SourceDocument }}
        }}""")
    assert rows == []
    rows = select(all_data, f"""
        SELECT DISTINCT ?node WHERE {{
          VALUES ?class {{ {classes} }} ?node a ?class . FILTER NOT EXISTS {{ ?node igkg:quote ?q }}
        }}""")
    assert rows == []


def test_fact_nodes_sit_in_the_named_graph_of_their_document(all_data):
    classes = " ".join(f"igkg:{c}" for c in FACT_CLASSES)
    rows = select(all_data, f"""
        SELECT DISTINCT ?node ?doc WHERE {{
          VALUES ?class {{ {classes} }}
          ?node a ?class ; prov:wasDerivedFrom|dcterms:source ?doc .
          FILTER NOT EXISTS {{ GRAPH ?g {{ ?node a ?class }}
                               FILTER(STRAFTER(STR(?g), STR(iggraph:)) = STRAFTER(STR(?doc), STR(igdoc:))) }}
        }}""")
    assert rows == []


# --------------------------------------------------------------------------------- (b) entities

ARTICLE_ENTITIES = {
    # organisations
    "igorg:caict": ("Organization", "CAICT"),
    "igorg:icann": ("Organization", "ICANN"),
    "igorg:icann-beijing-engagement-center": ("EngagementCentre", "ICANN Beijing Engagement Center"),
    "igorg:miit": ("Ministry", "Ministry of Industry and Information Technology"),
    "igorg:information-and-communication-administration": ("Administration", "Information and Communication Administration"),
    "igorg:office-of-the-central-leading-group-for-cyberspace-affairs":
        ("GovernmentAgency", "Office of the Central Leading Group for Cyberspace Affairs"),
    "igorg:ministry-of-foreign-affairs": ("Ministry", "Ministry of Foreign Affairs"),
    "igorg:beijing-communications-administration": ("GovernmentAgency", "Beijing Communications Administration"),
    "igorg:gac": ("AdvisoryCommittee", "Governmental Advisory Committee"),
    "igorg:knet": ("Organization", "KNET"),
    "igorg:cnnic": ("Organization", "CNNIC"),
    "igorg:conac": ("Organization", "CONAC"),
    "igorg:beijing-university-of-posts-and-telecommunications":
        ("University", "Beijing University of Posts and Telecommunications"),
    "igorg:tencent-research-institute": ("ResearchInstitute", "Tencent Research Institute"),
    "igorg:alibaba-cloud": ("Organization", "Alibaba Cloud"),
    "igorg:domain-name-registry-21fc2d": ("Registry", "“.??” Domain Name Registry"),
    "igorg:teleinfo": ("Organization", "Teleinfo"),
    "igorg:caict-icann-beijing-engagement-center-community-platform":
        ("Organization", "community exchange and cooperation platform (CAICT and ICANN Beijing Engagement Center)"),
    "igorg:circleid": ("Organization", "CircleID"),
    # people
    "igperson:li-xiangning-11e04d": ("Person", "Li Xiangning"),
    "igperson:jia-rong-low-dc02d2": ("Person", "Jia-Rong LOW"),
    "igperson:song-zheng-5f9c3a": ("Person", "Song Zheng"),
    "igperson:zhang-jianchuan-db8cb8": ("Person", "Zhang Jianchuan"),
    "igperson:guo-feng-0ee565": ("Person", "Guo Feng"),
    "igperson:shen-zhi-b695bb": ("Person", "Shen Zhi"),
    "igperson:chu-nan-359b70": ("Person", "Chu Nan"),
    "igperson:liu-limei-624903": ("Person", "Liu Limei"),
    "igperson:kan-kaili-cf3332": ("Person", "Kan Kaili"),
    "igperson:cai-xiongshan-30ac5c": ("Person", "Cai Xiongshan"),
    "igperson:wang-wei-6e68c4": ("Person", "Wang Wei"),
    "igperson:pam-little-364eb0": ("Person", "Pam Little"),
    "igperson:wu-yangyi-408760": ("Person", "Wu Yangyi"),
    "igperson:tan-yaling-ee95d6": ("Person", "Tan Yaling"),
    "igperson:liu-yue-032bdc": ("Person", "Liu Yue"),
    # events
    "igevent:icann-58-readout-session": ("ReadoutSession", "ICANN 58 China Internet Community Readout Session"),
    "igevent:icann-58-copenhagen-meeting": ("Meeting", "ICANN 58 Copenhagen Meeting"),
    "igevent:caict-domain-name-lecture-2017-03-29":
        ("Lecture", "CAICT lecture for domain name registries and registrars (29 March 2017)"),
    "igevent:caict-china-internet-community-seminars":
        ("EventSeries", "China Internet community seminars held by the CAICT after each ICANN conference"),
    "igevent:icann-conferences": ("EventSeries", "ICANN conferences"),
    "igevent:caict-icann-mou-signing": ("SigningCeremony", "Signing of the MOU between the CAICT and ICANN (June 2014)"),
    # agreements
    "igagr:caict-icann-mou": ("MOU", "MOU between the CAICT and ICANN"),
}

SLIDES_ENTITIES = {
    "igorg:cnnic": ("CcTLDOperator", "CNNIC"),
    "igorg:ru-cctld": ("CcTLDOperator", ".RU ccTLD"),
    "igorg:krnic": ("CcTLDOperator", "KRNIC"),
    "igorg:pandi": ("CcTLDOperator", "PANDI"),
    "igorg:yemennet": ("CcTLDOperator", "YemenNet"),
    "igorg:zadna": ("CcTLDOperator", "ZADNA"),
    "igorg:jordan-nict": ("CcTLDOperator", "Jordan NICT"),
    "igorg:laonic": ("CcTLDOperator", "LAONIC"),
    "igorg:twnic": ("CcTLDOperator", "TWNIC"),
    "igorg:nominet": ("CcTLDOperator", "NOMINET"),
    "igorg:denic": ("CcTLDOperator", "DENIC"),
    "igorg:sgnic": ("CcTLDOperator", "SGNIC"),
    "igorg:kisa": ("Organization", "KISA"),
    "igtld:cn": ("CountryCodeTopLevelDomain", ".CN"),
    "igtld:ru": ("CountryCodeTopLevelDomain", ".RU"),
    "igperson:liyun-han-3e929e": ("Person", "Liyun HAN"),
    "igevent:cnnic-ru-cctld-mou-signing": ("SigningCeremony", "CNNIC-.RU ccTLD Strategic Partnership MOU Signing"),
    "igevent:cnnic-krnic-mou-signing": ("SigningCeremony", "CNNIC-KRNIC Strategic Partnership MOU Signing"),
    "igevent:1st-china-southeast-capacity-building-cooperation-program":
        ("CapacityBuildingProgramme", "1st China-Southeast Capacity Building Cooperation Program"),
    "igevent:2nd-china-southeast-capacity-building-cooperation-program":
        ("CapacityBuildingProgramme", "2nd China-Southeast Capacity Building Cooperation Program"),
    "igevent:apec-funding-program-capacity-building-cooperation-program-of-ict":
        ("CapacityBuildingProgramme", "APEC Funding Program-Capacity Building Cooperation Program of ICT"),
    "igevent:wsis-10-workshop-new-concept-of-capacity-building":
        ("Workshop", "WSIS+10 Workshop: The New Concept of Capacity Building"),
    "igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust":
        ("Workshop", "IGF Workshop: Improving the IG Architecture to Drive Consumer Trust"),
    "igevent:wic-wuzhen-summit": ("Summit", "WIC WUZHEN Summit"),
    "igagr:cnnic-ru-cctld-strategic-partnership-mou": ("MOU", "CNNIC-.RU ccTLD Strategic Partnership MOU"),
    "igagr:cnnic-krnic-strategic-partnership-mou": ("MOU", "CNNIC-KRNIC Strategic Partnership MOU"),
    "igagr:cnnic--ru-cctld": ("Partnership", "CNNIC – .RU ccTLD partnership"),
    "igagr:cnnic--krnic": ("Partnership", "CNNIC – KRNIC partnership"),
    "igagr:cnnic--pandi": ("Partnership", "CNNIC – PANDI partnership"),
    "igagr:cnnic--yemennet": ("Partnership", "CNNIC – YemenNet partnership"),
    "igagr:cnnic--zadna": ("Partnership", "CNNIC – ZADNA partnership"),
    "igagr:cnnic--jordan-nict": ("Partnership", "CNNIC – Jordan NICT partnership"),
    "igagr:cnnic--laonic": ("Partnership", "CNNIC – LAONIC partnership"),
    "igagr:cnnic--twnic": ("Partnership", "CNNIC – TWNIC partnership"),
    "igagr:cnnic--nominet": ("Partnership", "CNNIC – NOMINET partnership"),
    "igagr:cnnic--denic": ("Partnership", "CNNIC – DENIC partnership"),
    "igagr:cnnic--sgnic": ("Partnership", "CNNIC – SGNIC partnership"),
    "igagr:cnnic--kisa": ("Partnership", "CNNIC – KISA partnership"),
}


def named_in(store, node: str) -> set[str]:
    """The documents a node comes from: prov:wasDerivedFrom (records) and dcterms:source (the rest)."""
    return values(store, node, PROV + "wasDerivedFrom") | values(store, node, PREFIXES["dcterms"] + "source")


@pytest.mark.parametrize(("doc", "expected"), [(ARTICLE, ARTICLE_ENTITIES), (SLIDES, SLIDES_ENTITIES)],
                         ids=["circleid-article", "cnnic-slides"])
def test_every_named_entity_of_a_document_exists_with_its_label_and_kind(store, doc, expected):
    graph = PREFIXES["iggraph"] + doc.rsplit("/", 1)[1]
    for name, (cls, label) in expected.items():
        node = iri(name)
        assert values(store, node, RDFS + "label") == {label}, name
        assert doc in named_in(store, node), name
        kinds = {r["c"] for r in select(store, "SELECT ?c WHERE { GRAPH ?g { ?s a ?c } }", s=node, g=graph)}
        assert IGKG + cls in kinds, f"{name} is not an igkg:{cls} in {graph}"


def test_shared_entities_have_one_iri_derived_from_both_documents(store):
    for name in ("igorg:cnnic", "igplace:china"):
        assert values(store, iri(name), PREFIXES["dcterms"] + "source") == {ARTICLE, SLIDES}
    assert values(store, iri("igorg:icann"), PREFIXES["dcterms"] + "source") == {ARTICLE}


def test_instance_counts_per_class(store):
    rows = select(store, """
        SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(STRSTARTS(STR(?c), STR(igkg:))) }
        GROUP BY ?c""")
    counts = {r["c"][len(IGKG):]: int(r["n"]) for r in rows}
    assert counts == {
        "Organization": 10, "CcTLDOperator": 12, "Registry": 1, "EngagementCentre": 1, "Ministry": 2,
        "Administration": 1, "GovernmentAgency": 2, "AdvisoryCommittee": 1, "University": 1,
        "ResearchInstitute": 1, "Person": 16, "Post": 8, "PostHolding": 9, "Affiliation": 10,
        "Meeting": 1, "ReadoutSession": 1, "Lecture": 1, "EventSeries": 2, "SigningCeremony": 3,
        "CapacityBuildingProgramme": 3, "Workshop": 2, "Summit": 1,
        "Participation": 35, "MOU": 3, "Partnership": 12, "StatisticalObservation": 11,
        "ContactPoint": 1, "Place": 9, "SourceDocument": 2, "Report": 1, "CountryCodeTopLevelDomain": 2,
        "CooperationScope": 1, "CooperationOffer": 1, "StatedPosition": 5,
    }


# --------------------------------------------------------------------------------- (c) relations

def test_succession_at_the_icann_beijing_engagement_center(store):
    rows = select(store, """
        SELECT ?new ?newPerson ?old ?oldPerson ?post ?org ?event ?announcer ?cause ?endEvent ?endAnnouncer
               ?newStatus ?oldStatus ?notBefore ?oldLatestStart ?oldEarliestEnd ?span WHERE {
          ?new igkg:succeeds ?old ; org:member ?newPerson ; igkg:post ?post ; org:organization ?org ;
               igkg:startAnnouncedAt ?event ; igkg:startAnnouncedBy ?announcer ; igkg:holdingStatus ?newStatus ;
               igkg:earliestStart ?notBefore .
          ?old org:member ?oldPerson ; igkg:post ?post ; igkg:endCause ?cause ; igkg:holdingStatus ?oldStatus ;
               igkg:endAnnouncedAt ?endEvent ; igkg:endAnnouncedBy ?endAnnouncer ;
               igkg:latestStart ?oldLatestStart ; igkg:earliestEnd ?oldEarliestEnd ; igkg:approximateDuration ?span .
        }""")
    assert rows == [{
        "new": iri("igholding:zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1"),
        "newPerson": iri("igperson:zhang-jianchuan-db8cb8"),
        "old": iri("igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1"),
        "oldPerson": iri("igperson:song-zheng-5f9c3a"),
        "post": iri("igpost:director-icann-beijing-engagement-center"),
        "org": iri("igorg:icann-beijing-engagement-center"),
        "event": iri("igevent:icann-58-readout-session"),
        "announcer": iri("igperson:jia-rong-low-dc02d2"),
        "cause": iri("igvocab:left-position"),
        "endEvent": iri("igevent:icann-58-readout-session"),
        "endAnnouncer": iri("igperson:jia-rong-low-dc02d2"),
        "newStatus": iri("igvocab:announced"),
        "oldStatus": iri("igvocab:in-office"),
        "notBefore": "2017-03-29",
        "oldLatestStart": "2017-03-29",
        "oldEarliestEnd": "2017-03-29",
        "span": "P3Y",
    }]
    # neither the end of Song Zheng's holding nor the start of Zhang Jianchuan's is stated
    old = iri("igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1")
    new = iri("igholding:zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1")
    assert values(store, old, PREFIXES["schema"] + "endDate") == set()
    assert values(store, new, PREFIXES["schema"] + "startDate") == set()
    assert values(store, iri("igpost:director-icann-beijing-engagement-center"), IGKG + "postTitle") == {"Director"}
    assert values(store, iri("igorg:icann-beijing-engagement-center"), PREFIXES["org"] + "unitOf") == {
        iri("igorg:icann")}


def test_icann_58_dates_and_city(store):
    rows = select(store, """
        SELECT ?start ?end (DATATYPE(?start) AS ?dt) ?city WHERE {
          ?e schema:startDate ?start ; schema:endDate ?end ; schema:location/rdfs:label ?city }""",
                  e=iri("igevent:icann-58-copenhagen-meeting"))
    assert rows == [{"start": "2017-03-10", "end": "2017-03-16", "dt": PREFIXES["xsd"] + "date", "city": "Copenhagen"}]
    assert values(store, iri("igevent:icann-58-readout-session"), IGKG + "reportsOn") == {
        iri("igevent:icann-58-copenhagen-meeting")}


def test_readout_session_date_part_of_day_organisers_and_attendance(store):
    ev = iri("igevent:icann-58-readout-session")
    rows = select(store, "SELECT ?d (DATATYPE(?d) AS ?dt) WHERE { ?e schema:startDate ?d }", e=ev)
    assert rows == [{"d": "2017-03-29", "dt": PREFIXES["xsd"] + "date"}]
    assert values(store, ev, IGKG + "partOfDay") == {iri("igvocab:afternoon")}
    assert values(store, ev, PREFIXES["schema"] + "organizer") == {
        iri("igorg:caict"), iri("igorg:icann-beijing-engagement-center")}
    assert values(store, ev, IGKG + "attendanceAsWritten") == {"Over 60 representatives"}
    lecture = iri("igevent:caict-domain-name-lecture-2017-03-29")
    assert values(store, lecture, PREFIXES["schema"] + "startDate") == {"2017-03-29"}
    assert values(store, lecture, IGKG + "partOfDay") == {iri("igvocab:morning")}
    assert any("In 2017" in n for n in values(store, ev, PREFIXES["skos"] + "editorialNote"))


def test_readout_participants_and_roles(store):
    rows = select(store, """
        SELECT ?who ?role WHERE { ?p igkg:inEvent ?e ; igkg:participant ?who ; igkg:role ?role }""",
                  e=iri("igevent:icann-58-readout-session"))
    got = {(r["who"].rsplit("/", 1)[1], r["role"].rsplit("/", 1)[1]) for r in rows}
    presenters = {"shen-zhi-b695bb", "chu-nan-359b70", "liu-limei-624903", "kan-kaili-cf3332", "cai-xiongshan-30ac5c", "wang-wei-6e68c4",
                  "zhang-jianchuan-db8cb8", "pam-little-364eb0", "wu-yangyi-408760", "tan-yaling-ee95d6"}
    # "gave a speech" is a speaker; "introduced" is a presenter, whoever it is said of
    assert got == ({("li-xiangning-11e04d", "speaker"), ("jia-rong-low-dc02d2", "presenter"), ("guo-feng-0ee565", "presenter"),
                    ("liu-yue-032bdc", "moderator")}
                   | {(p, "presenter") for p in presenters}
                   | {(o, "attendee") for o in ("office-of-the-central-leading-group-for-cyberspace-affairs",
                                                "ministry-of-foreign-affairs", "beijing-communications-administration")})
    # Song Zheng is not said to be present
    assert ("song-zheng-5f9c3a", "attendee") not in got


def test_the_moderator_is_liu_yue_of_caict(store):
    rows = select(store, """
        SELECT ?name ?org WHERE {
          ?p igkg:inEvent igevent:icann-58-readout-session ; igkg:role igrole:moderator ; igkg:participant ?who .
          ?who rdfs:label ?name . ?aff a igkg:Affiliation ; org:member ?who ; org:organization/rdfs:label ?org }""")
    assert rows == [{"name": "Liu Yue", "org": "CAICT"}]


def test_the_groups_topics_icann_apnic_and_apltd_are_on_the_event_not_on_any_presenter(store):
    # "Attendants, such as … introduced the progresses of topics including ICANN, APNIC and APLTD"
    # is said of the group: the topics are the event's, and no participation carries them
    about = values(store, iri("igevent:icann-58-readout-session"), PREFIXES["schema"] + "about")
    assert {iri("igtopic:icann-affairs"), iri("igtopic:apnic"), iri("igtopic:apltd")} <= about
    assert values(store, iri("igpart:icann-58-readout-session--pam-little-364eb0--presenter"), IGKG + "topic") == set()
    rows = select(store, "SELECT ?p WHERE { ?p igkg:topic ?t FILTER(?t IN (igtopic:apnic, igtopic:apltd)) }")
    assert rows == []
    # APNIC and APLTD are topics only, not organisations
    assert values(store, iri("igtopic:apnic"), IGKG + "aboutOrganization") == set()
    assert select(store, "SELECT ?c WHERE { ?o a ?c FILTER(?o IN (igorg:apnic, igorg:apltd)) }") == []


def test_li_xiangning_post_and_its_organisations_parent(store):
    rows = select(store, """
        SELECT ?title ?org ?parent ?honorific WHERE {
          ?h org:member igperson:li-xiangning-11e04d ; igkg:post ?post .
          ?post igkg:postTitle ?title ; org:postIn ?o . ?o rdfs:label ?org ; org:subOrganizationOf/rdfs:label ?parent .
          igperson:li-xiangning-11e04d igkg:honorific ?honorific }""")
    assert rows == [{"title": "Deputy Director General", "org": "Information and Communication Administration",
                     "parent": "Ministry of Industry and Information Technology", "honorific": "Mr."}]


def test_jia_rong_low_and_guo_feng_hold_two_posts_each(store):
    rows = select(store, """
        SELECT ?person ?title ?org WHERE {
          ?h a igkg:PostHolding ; org:member ?p ; igkg:post/igkg:postTitle ?title ; org:organization/rdfs:label ?org .
          ?p rdfs:label ?person FILTER(?p IN (igperson:jia-rong-low-dc02d2, igperson:guo-feng-0ee565)) } ORDER BY ?person ?title""")
    assert [(r["person"], r["title"], r["org"]) for r in rows] == [
        ("Guo Feng", "Researcher", "CAICT"),
        ("Guo Feng", "Vice Chair", "Governmental Advisory Committee"),
        ("Jia-Rong LOW", "General Manager of the Asia-Pacific Operations", "ICANN"),
        ("Jia-Rong LOW", "Vice President", "ICANN"),
    ]


def test_affiliations_from_the_article(store):
    rows = select(store, """
        SELECT DISTINCT ?person ?org WHERE { ?a a igkg:Affiliation ; org:member/rdfs:label ?person ;
                                       org:organization/rdfs:label ?org } ORDER BY ?person""")
    assert {(r["person"], r["org"]) for r in rows} == {
        ("Cai Xiongshan", "Tencent Research Institute"), ("Chu Nan", "CNNIC"), ("Liu Limei", "CONAC"),
        ("Liu Yue", "CAICT"), ("Kan Kaili", "Beijing University of Posts and Telecommunications"),
        ("Pam Little", "Alibaba Cloud"), ("Shen Zhi", "CNNIC"), ("Tan Yaling", "Teleinfo"),
        ("Wang Wei", "KNET"), ("Wu Yangyi", "“.??” Domain Name Registry"),
    }
    assert len(rows) == 10


def test_caict_icann_mou_signed_june_2014_without_place(store):
    rows = select(store, """
        SELECT ?d (DATATYPE(?d) AS ?dt) WHERE { igagr:caict-icann-mou igkg:signedAt ?s . ?s schema:startDate ?d
          FILTER NOT EXISTS { ?s schema:location ?l } }""")
    assert rows == [{"d": "2014-06", "dt": PREFIXES["xsd"] + "gYearMonth"}]
    assert values(store, iri("igagr:caict-icann-mou"), IGKG + "party") == {iri("igorg:caict"), iri("igorg:icann")}


@pytest.mark.parametrize(("mou", "partner", "month", "city"), [
    ("igagr:cnnic-krnic-strategic-partnership-mou", "igorg:krnic", "2012-05", "Kunming"),
    ("igagr:cnnic-ru-cctld-strategic-partnership-mou", "igorg:ru-cctld", "2014-11", "Wuzhen"),
])
def test_strategic_partnership_mous_month_and_city(store, mou, partner, month, city):
    rows = select(store, """
        SELECT ?d (DATATYPE(?d) AS ?dt) ?city ?kind WHERE {
          ?m igkg:signedAt ?s ; igkg:agreementKind ?kind . ?s a igkg:SigningCeremony ; schema:startDate ?d ;
             schema:location/rdfs:label ?city }""", m=iri(mou))
    assert rows == [{"d": month, "dt": PREFIXES["xsd"] + "gYearMonth", "city": city,
                     "kind": "Strategic Partnership MOU"}]
    assert values(store, iri(mou), IGKG + "party") == {iri("igorg:cnnic"), iri(partner)}
    # the slide of areas names no agreement: no areas on either MOU
    assert values(store, iri(mou), IGKG + "areaOfCooperation") == set()


def test_the_thirteen_areas_are_cnnics_cooperation_with_other_cctld_operators_editor_inferred(store):
    scope = iri("igscope:cnnic-inter-cctld-cooperation")
    areas = values(store, scope, IGKG + "scopeArea")
    assert len(areas) == 13 and iri("igtopic:staff-exchange-programs") in areas
    assert values(store, scope, IGKG + "cooperatingOrganization") == {iri("igorg:cnnic")}
    assert values(store, scope, IGKG + "basis") == {iri("igvocab:editor-inferred")}
    assert values(store, iri("igtopic:staff-exchange-programs"), PREFIXES["skos"] + "broader") == {
        iri("igtopic:relationship-between-the-parties")}


def test_partnership_photo_year_and_the_ru_year_doubt(store):
    rows = select(store, """
        SELECT ?photo ?y (DATATYPE(?y) AS ?dt) ?caption WHERE {
          ?photo a schema:Photograph ; schema:about igagr:cnnic--ru-cctld ; dcterms:date ?y ; schema:caption ?caption }""")
    assert rows == [{"photo": iri("igdoc:cnnic-inter-cctld-cooperation--photo-2013-cnnic-ru-cctld-partnership"),
                     "y": "2013", "dt": PREFIXES["xsd"] + "gYear", "caption": "@2013 CNNIC- .RU ccTLD Partnership"}]
    notes = values(store, iri("igagr:cnnic--ru-cctld"), PREFIXES["skos"] + "editorialNote")
    assert any("2013" in n and "Nov. 2014" in n for n in notes)
    kisa = select(store, "SELECT ?photo WHERE { ?photo a schema:Photograph ; schema:about igagr:cnnic--kisa }")
    assert kisa == [{"photo": iri("igdoc:cnnic-inter-cctld-cooperation--photo-2013-cnnic-kisa-partnership")}]


def test_photos_are_photographs_not_events_and_their_timeline_links_are_editor_inferred(store):
    photos = select(store, "SELECT ?p WHERE { ?p a schema:Photograph }")
    assert len(photos) == 7
    assert select(store, "SELECT ?p WHERE { ?p a schema:Photograph , ?c FILTER(STRSTARTS(STR(?c), STR(igkg:))) }") == []
    rows = select(store, """
        SELECT ?event WHERE { ?st rdf:subject ?photo ; rdf:predicate schema:about ; rdf:object ?event ;
                                  igkg:basis igvocab:editor-inferred FILTER(STRSTARTS(STR(?event), STR(igevent:))) }""")
    assert {r["event"] for r in rows} == {iri(e) for e in (
        "igevent:igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust", "igevent:wic-wuzhen-summit",
        "igevent:wsis-10-workshop-new-concept-of-capacity-building",
        "igevent:1st-china-southeast-capacity-building-cooperation-program")}


def test_partner_map_gives_one_partnership_per_partner(store):
    rows = select(store, """
        SELECT ?label WHERE { ?a a igkg:Partnership ; igkg:party igorg:cnnic , ?o . FILTER(?o != igorg:cnnic)
                              ?o rdfs:label ?label } ORDER BY ?label""")
    assert [r["label"] for r in rows] == [
        ".RU ccTLD", "DENIC", "Jordan NICT", "KISA", "KRNIC", "LAONIC", "NOMINET", "PANDI", "SGNIC", "TWNIC",
        "YemenNet", "ZADNA"]


def test_dec_2014_netizen_figure_and_its_report(store):
    rows = select(store, """
        SELECT ?value ?mult ?written ?period (DATATYPE(?period) AS ?pdt) ?unit ?area ?report WHERE {
          ?o igkg:measure igvocab:netizen-number ; igkg:obsValue ?value ; igkg:unitMultiplier ?mult ;
             igkg:valueAsWritten ?written ; igkg:refPeriod ?period ; igkg:unit ?unit ; igkg:refArea ?area ;
             igkg:reportedIn/dcterms:title ?report }""")
    assert rows == [{"value": "649", "mult": "6", "written": "649million", "period": "2014-12",
                     "pdt": PREFIXES["xsd"] + "gYearMonth", "unit": iri("igvocab:persons"),
                     "area": iri("igplace:china"),
                     "report": "35th Statistical Report on Internet Development in China"}]


def test_every_market_figure_as_written(store):
    rows = select(store, """
        SELECT ?written ?value ?mult WHERE { ?o a igkg:StatisticalObservation ; igkg:valueAsWritten ?written ;
          igkg:obsValue ?value ; igkg:unitMultiplier ?mult } ORDER BY ?written""")
    assert sorted((r["written"], r["value"], r["mult"]) for r in rows) == sorted([
        ("649million", "649", "6"), ("557million", "557", "6"), ("178Million", "178", "6"), ("27.5%", "27.5", "0"),
        ("361Million", "361", "6"), ("5.87Million", "5.87", "6"), ("20.6Million", "20.6", "6"),
        ("18797/32", "18797", "0"), ("3.35Million", "3.35", "6"), ("20.60 millions", "20.6", "6"),
        ("11.09 millions", "11.09", "6"), ("53.8%+", "53.8", "0"),
    ])
    notes = values(store, iri("igobs:china-instant-message-users-2014-12"), PREFIXES["skos"] + "editorialNote")
    assert any("Doubtful" in n for n in notes)


def test_contact_email_of_cnnic_and_liyun_han(store):
    rows = select(store, """
        SELECT ?email ?type WHERE { igorg:cnnic schema:contactPoint ?cp . igperson:liyun-han-3e929e schema:contactPoint ?cp .
          ?cp schema:email ?email ; schema:contactType ?type }""")
    assert rows == [{"email": "hanliyun@cnnic.cn",
                     "type": "partnership opportunities, conference participation and MoU signing"}]
    rows = select(store, """
        SELECT ?title ?honorific WHERE { ?h org:member igperson:liyun-han-3e929e ; org:organization igorg:cnnic ;
          igkg:post/igkg:postTitle ?title . igperson:liyun-han-3e929e igkg:honorific ?honorific }""")
    assert rows == [{"title": "Global Strategic Partnership Manager", "honorific": "Dr."}]


def test_cnnic_stated_functions_are_verbatim(store, seed_texts):
    functions = values(store, iri("igorg:cnnic"), IGKG + "statedFunction")
    assert len(functions) == 11 and "Registry of .CN" in functions
    assert all(f in seed_texts[SLIDES] for f in functions)


def test_slide_event_dates_are_months_and_photo_dates_are_years(store):
    rows = select(store, """
        SELECT ?dt (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e dcterms:source igdoc:cnnic-inter-cctld-cooperation ;
          schema:startDate ?d BIND(DATATYPE(?d) AS ?dt) } GROUP BY ?dt""")
    assert {r["dt"][len(PREFIXES["xsd"]):]: int(r["n"]) for r in rows} == {"gYearMonth": 8}
    photos = select(store, """
        SELECT ?dt (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Photograph ; dcterms:date ?d BIND(DATATYPE(?d) AS ?dt) }
        GROUP BY ?dt""")
    assert photos == [{"dt": PREFIXES["xsd"] + "gYear", "n": "7"}]


def test_garbled_and_split_names_carry_a_note(store):
    for name in ("igorg:domain-name-registry-21fc2d", "igorg:zadna", "igorg:laonic", "igorg:nominet", "igorg:yemennet"):
        assert values(store, iri(name), PREFIXES["skos"] + "editorialNote"), name


# --------------------------------------------------------------------------------- (d) labels, sources

def test_no_instance_without_label_or_source(all_data):
    rows = select(all_data, """
        SELECT DISTINCT ?s WHERE {
          { ?s a ?c FILTER(STRSTARTS(STR(?c), STR(igkg:))) } UNION { ?s skos:inScheme igtopic:scheme }
          FILTER(NOT EXISTS { ?s rdfs:label ?l }
                 || (NOT EXISTS { ?s prov:wasDerivedFrom|dcterms:source ?d } && NOT EXISTS { ?s a igkg:SourceDocument }))
        }""")
    assert rows == []


def test_every_iri_is_a_readable_slug(all_data):
    rows = select(all_data, "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), STR(igorg:)) || "
                         "STRSTARTS(STR(?s), 'https://w3id.org/igkg/id/')) }")
    bad = [r["s"] for r in rows if not re.fullmatch(r"[a-z0-9]+(-{1,2}[a-z0-9]+)*", r["s"].rsplit("/", 1)[1])]
    assert bad == []


# --------------------------------------------------------------------------------- (e) page chrome

@pytest.mark.parametrize("word", ["Verisign", "Newsletter", "Sponsored", "WhoisXML", "Radix", "IPv4.Global",
                                  "Co-designer", "TCP/IP", "Threat Intelligence", "Brand Protection",
                                  "Notify me", "Comment Title", "Codes of Conduct", "Filed Under"])
def test_no_page_chrome_in_the_data(all_data, word):
    rows = select(all_data, """SELECT ?s ?p ?o WHERE { ?s ?p ?o
        FILTER(CONTAINS(LCASE(STR(?o)), LCASE(?w)) || CONTAINS(LCASE(STR(?s)), LCASE(?w))) }""".replace(
        "?w", '"' + word + '"'))
    assert rows == []
