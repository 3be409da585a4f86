"""The IRI scheme (kg.iris): each minting function's exact output, and the plan that brings data to
the scheme, on a small fixture graph and on the project data."""

from __future__ import annotations

import pytest

from kg.iris import (affiliation_iri, holding_iri, name_hash, neutral_iri, next_number, participation_iri,
                     person_iri, plan, slug)
from kg.namespaces import ID, expand, shorten

DOC = ID + "doc/circleid-icann58-readout"


def test_person_iri_is_the_name_slug_and_a_hash_of_document_and_name():
    import hashlib

    assert person_iri(DOC, "Song Zheng") == ID + "person/song-zheng-5f9c3a"
    assert hashlib.sha256(f"{DOC}\nSong Zheng".encode()).hexdigest()[:6] == "5f9c3a" == name_hash(DOC, "Song Zheng")


def test_a_namesake_in_another_document_gets_another_iri():
    assert person_iri(ID + "doc/icann-59-readout", "Song Zheng") != person_iri(DOC, "Song Zheng")
    assert person_iri(ID + "doc/icann-59-readout", "Song Zheng").startswith(ID + "person/song-zheng-")


def test_slug_keeps_ascii_letters_and_digits_only():
    assert slug("Jia-Rong LOW") == "jia-rong-low"
    assert slug("“.??” Domain Name Registry") == "domain-name-registry"
    assert slug("Zoë Ångström") == "zoe-angstrom"
    assert slug("宋征") == ""
    assert person_iri(DOC, "宋征") == ID + "person/person-" + name_hash(DOC, "宋征")


def test_record_iris_are_named_after_what_they_join_and_numbered():
    person, post = ID + "person/song-zheng-5f9c3a", ID + "post/director-icann-beijing-engagement-center"
    assert shorten(holding_iri(person, post)) == "igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1"
    assert shorten(holding_iri(person, post, 2)) == "igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--2"
    assert shorten(affiliation_iri(ID + "person/shen-zhi-b695bb", ID + "org/cnnic")) == "igaff:shen-zhi-b695bb--cnnic--1"
    event, role = ID + "event/icann-58-readout-session", ID + "role/speaker"
    assert shorten(participation_iri(event, person, role)) == "igpart:icann-58-readout-session--song-zheng-5f9c3a--speaker"
    assert shorten(participation_iri(event, person, role, 2)) == "igpart:icann-58-readout-session--song-zheng-5f9c3a--speaker--2"
    assert shorten(participation_iri(event, person, None)) == "igpart:icann-58-readout-session--song-zheng-5f9c3a--1"
    with pytest.raises(ValueError, match="a record number starts at 1, not 0"):
        holding_iri(person, post, 0)


def test_next_number_follows_the_highest_and_never_reuses_one():
    stem = ID + "holding/a-123456--p"
    assert next_number(stem, []) == 1
    assert next_number(stem, [stem + "--1", stem + "--3", ID + "holding/b-123456--p--7"]) == 4


def test_editorial_state_leaves_the_local_name():
    garbled = ID + "org/garbled-domain-name-registry"
    assert shorten(neutral_iri(garbled, DOC, "“.??” Domain Name Registry")) == "igorg:domain-name-registry-21fc2d"
    assert shorten(neutral_iri(ID + "event/igf-workshop-2014-photo", DOC, "x")) == "igevent:igf-workshop-2014"
    assert neutral_iri(ID + "org/photo-archive-photo", DOC, "x") is None  # only events lose "-photo"
    assert neutral_iri(ID + "org/cnnic", DOC, "CNNIC") is None


FIXTURE = """
@prefix igkg: <https://w3id.org/igkg/ontology#> .
@prefix igperson: <https://w3id.org/igkg/id/person/> .
@prefix igpost: <https://w3id.org/igkg/id/post/> .
@prefix igorg: <https://w3id.org/igkg/id/org/> .
@prefix igholding: <https://w3id.org/igkg/id/holding/> .
@prefix igaff: <https://w3id.org/igkg/id/affiliation/> .
@prefix igpart: <https://w3id.org/igkg/id/participation/> .
@prefix igevent: <https://w3id.org/igkg/id/event/> .
@prefix igrole: <https://w3id.org/igkg/id/role/> .
@prefix igdoc: <https://w3id.org/igkg/id/doc/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
igperson:ada a igkg:Person ; rdfs:label "Ada Varga" ; dcterms:source igdoc:d .
igperson:bo-0f2c1f a igkg:Person ; rdfs:label "Bo" ; dcterms:source igdoc:d .
igorg:garbled-registry a igkg:Organization ; rdfs:label "?? Registry" ; dcterms:source igdoc:d .
igholding:ada--chair a igkg:PostHolding ; org:member igperson:ada ; igkg:post igpost:chair .
igholding:ada--chair-again a igkg:PostHolding ; org:member igperson:ada ; igkg:post igpost:chair .
igaff:ada--garbled-registry a igkg:Affiliation ; org:member igperson:ada ; org:organization igorg:garbled-registry .
igpart:forum--ada a igkg:Participation ; igkg:inEvent igevent:forum ; igkg:participant igperson:ada ; igkg:role igrole:speaker .
igpart:forum--ada-listening a igkg:Participation ; igkg:inEvent igevent:forum ; igkg:participant igperson:ada .
igperson:old owl:deprecated true ; dcterms:isReplacedBy igperson:ada .
"""


def fixture_quads(text: str = FIXTURE):
    import pyoxigraph as ox

    return list(ox.parse(text.encode(), format=ox.RdfFormat.TURTLE))


def test_plan_renames_people_records_and_garbled_names_exactly():
    assert name_hash(ID + "doc/d", "Bo") != "0f2c1f"  # so igperson:bo-0f2c1f is not in the scheme
    got = [(shorten(o), shorten(n)) for o, n in plan(fixture_quads())]
    ada, bo = "ada-varga-" + name_hash(ID + "doc/d", "Ada Varga"), "bo-" + name_hash(ID + "doc/d", "Bo")
    reg = "registry-" + name_hash(ID + "doc/d", "?? Registry")
    assert got == [
        ("igaff:ada--garbled-registry", f"igaff:{ada}--{reg}--1"),
        ("igholding:ada--chair", f"igholding:{ada}--chair--1"),
        ("igholding:ada--chair-again", f"igholding:{ada}--chair--2"),
        ("igorg:garbled-registry", f"igorg:{reg}"),
        ("igpart:forum--ada", f"igpart:forum--{ada}--speaker"),
        ("igpart:forum--ada-listening", f"igpart:forum--{ada}--1"),
        ("igperson:ada", f"igperson:{ada}"),
        ("igperson:bo-0f2c1f", f"igperson:{bo}"),
    ]


def test_plan_of_data_in_the_scheme_is_empty():
    import pyoxigraph as ox

    renames = dict(plan(fixture_quads()))
    renamed = [ox.Quad(*(ox.NamedNode(renames.get(t.value, t.value)) if isinstance(t, ox.NamedNode) else t
                         for t in (q.subject, q.predicate, q.object)), q.graph_name) for q in fixture_quads()]
    assert plan(renamed) == []


def test_plan_refuses_two_nodes_with_one_new_iri():
    twice = FIXTURE + 'igperson:ada-2 a igkg:Person ; rdfs:label "Ada Varga" ; dcterms:source igdoc:d .\n'
    with pytest.raises(ValueError, match=r"person/ada and .*person/ada-2 would both be renamed to"):
        plan(fixture_quads(twice))


def test_the_project_data_after_the_plan_is_in_the_scheme(real_quads):
    """Holds before and after `kg rename --scheme` is applied to the project data."""
    import pyoxigraph as ox

    renames = dict(plan(real_quads))
    after = [ox.Quad(*(ox.NamedNode(renames.get(t.value, t.value)) if isinstance(t, ox.NamedNode) else t
                       for t in (q.subject, q.predicate, q.object)), q.graph_name) for q in real_quads]
    labelled = {q.object.value: q.subject.value for q in after if q.predicate.value.endswith("#label")}
    assert labelled["Song Zheng"] == expand("igperson:song-zheng-5f9c3a")
    assert labelled["Liu Yue"] == expand("igperson:liu-yue-032bdc")
    assert labelled["“.??” Domain Name Registry"] == expand("igorg:domain-name-registry-21fc2d")
    assert labelled["CNNIC"] == expand("igorg:cnnic")
    members = {(q.subject.value, q.object.value) for q in after if q.predicate.value.endswith("org#member")}
    assert (expand("igholding:song-zheng-5f9c3a--director-icann-beijing-engagement-center--1"),
            expand("igperson:song-zheng-5f9c3a")) in members
    assert (expand("igaff:wu-yangyi-408760--domain-name-registry-21fc2d--1"), expand("igperson:wu-yangyi-408760")) in members
    subjects = {q.subject.value for q in after if q.predicate.value.endswith("#type")}  # not the redirects
    assert expand("igpart:icann-58-readout-session--liu-yue-032bdc--moderator") in subjects
    assert not any("garbled" in s or (s.startswith(ID + "event/") and s.endswith("-photo")) for s in subjects)
    assert plan(after) == []


def test_a_person_is_minted_from_the_document_whose_graph_types_it():
    import pyoxigraph as ox

    trig = """
    @prefix igkg: <https://w3id.org/igkg/ontology#> .
    @prefix igperson: <https://w3id.org/igkg/id/person/> .
    @prefix igdoc: <https://w3id.org/igkg/id/doc/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    <https://w3id.org/igkg/graph/zz-first> { igperson:han a igkg:Person ; rdfs:label "Liyun HAN" ; dcterms:source igdoc:zz-first . }
    <https://w3id.org/igkg/graph/aa-later> { igperson:han rdfs:label "Han Liyun" ; dcterms:source igdoc:aa-later . }
    """
    quads = list(ox.parse(trig.encode(), format=ox.RdfFormat.TRIG))
    assert plan(quads) == [(ID + "person/han", person_iri(ID + "doc/zz-first", "Liyun HAN"))]


@pytest.fixture(scope="module")
def real_quads():
    from kg.dataset import default_sources, read_dataset

    return read_dataset(default_sources()).quads


def test_python_m_kg_iris_prints_a_person_iri():
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "kg.iris", DOC, "Song Zheng"], capture_output=True, text=True, timeout=60)
    assert (r.returncode, r.stdout) == (0, ID + "person/song-zheng-5f9c3a\n")
