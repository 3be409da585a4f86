"""Full-text search (kg.search, `kg search`): exact hits and order on the real data, extraction
artefacts matched while the quote stays verbatim, the index built by `kg load` inside the store's
new database, and the full-text fallback of the label lookup."""

from __future__ import annotations

import json

import pytest

from kg.namespaces import PREFIXES
from kg.search import INDEX_FILE, rejoined, search, texts_matching

ID = "https://w3id.org/igkg/id/"
HAN_QUOTE = "Dr . Liyun HAN, Global St r a t egic Par t ner ship Manager hanliyun@cnnic.cn"


@pytest.fixture(scope="module")
def backend():
    from kg.backend import build_backend

    return build_backend()


def hits(backend, text, limit=4):
    return [(h.entity[len(ID):], h.field) for h in search(backend, text, limit=limit)]


def test_malware_security_finds_the_anti_malware_area_of_cooperation(backend):
    assert hits(backend, "malware security") == [
        ("topic/internet-security-tools", "label"),
        ("topic/anti-malware-technologies", "label"),
        ("topic/building-future-partnership-column-a", "label"),
        ("scope/cnnic-building-future-partnership", "quote"),
    ]
    best = search(backend, "malware", limit=1)[0]
    assert (best.entity, best.snippet) == (
        ID + "topic/anti-malware-technologies",
        "Joint development and dissemination of advanced technologies to combat [malware]")


def test_a_person_first_then_the_records_naming_them(backend):
    assert hits(backend, "Zhang Jianchuan") == [
        ("person/zhang-jianchuan-db8cb8", "label"),
        ("holding/zhang-jianchuan-db8cb8--senior-researcher-knet--1", "label"),
        ("affiliation/wang-wei-6e68c4--knet--1", "quote"),
        ("participation/icann-58-readout-session--wang-wei-6e68c4--presenter", "quote"),
    ]


def test_a_word_found_only_in_quotes(backend):
    assert hits(backend, "hanliyun") == [
        ("contact/cnnic-global-strategic-partnership", "quote"),
        ("statement/cnnic--contact-point", "quote"),
        ("statement/global-strategic-partnership-manager-cnnic--post-in", "quote"),
        ("holding/liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1", "quote"),
    ]


def test_partnership_manager_finds_the_split_words_of_the_slide_and_keeps_the_quote_verbatim(backend):
    assert hits(backend, "Partnership Manager", limit=3) == [
        ("role/global-strategic-partnership-manager", "label"),
        ("post/global-strategic-partnership-manager-cnnic", "label"),
        ("holding/liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1", "label"),
    ]
    holding = ID + "holding/liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1"
    assert (holding, "quote", HAN_QUOTE) in texts_matching(backend, "Partnership Manager")


def test_rejoined_joins_runs_holding_a_one_letter_word():
    joined = rejoined("Global St r a t egic Par t ner ship Manager").split()
    assert {"strategic", "partnership"} <= set(joined)
    assert "globalmanager" not in joined and rejoined("Internet security tools") == ""


def test_an_index_of_one_artefact_quote_alone(tmp_path):
    from kg.backend import OxigraphBackend
    import pyoxigraph as ox

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/h"), ox.NamedNode(PREFIXES["igkg"] + "quote"),
                      ox.Literal(HAN_QUOTE), ox.NamedNode("http://example.org/g")))
    found = search(OxigraphBackend(store), "Partnership Manager")
    assert [(h.entity, h.label, h.field, h.text) for h in found] == [("http://example.org/h", None, "quote", HAN_QUOTE)]
    assert search(OxigraphBackend(store), "Director") == []


def test_kg_search_json(kg):
    r = kg("search", "KNET", "--limit", "2", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert [(h["entity"], h["label"], h["field"], h["snippet"]) for h in json.loads(r.stdout)] == [
        (ID + "org/knet", "KNET", "label", "[KNET]"),
        (ID + "affiliation/wang-wei-6e68c4--knet--1", "Wang Wei, from KNET", "label", "Wang Wei, from [KNET]"),
    ]


def test_kg_search_table_and_nothing_found(kg):
    r = kg("search", "KNET", "--limit", "1")
    assert r.returncode == 0
    assert [line.split() for line in r.stdout.splitlines()] == [
        ["score", "entity", "label", "matched", "snippet"], [r.stdout.split()[5], "igorg:knet", "KNET", "label", "[KNET]"]]
    r = kg("search", "zzyzx")
    assert (r.returncode, r.stdout.splitlines()[-1]) == (0, "(nothing matches 'zzyzx')")


def test_a_text_without_a_word_is_a_usage_error(kg):
    r = kg("search", "?!")
    assert (r.returncode, r.stderr) == (2, "error: '?!' has no word to search for\n")


def test_kg_load_writes_the_index_into_the_new_database(kg, tmp_path):
    store = tmp_path / "store"
    assert kg("load", "--store", str(store), "--no-validate", "--no-optimize").returncode == 0
    db = store / json.loads((store / "current.json").read_text())["db"]
    assert (db / INDEX_FILE).is_file()
    r = kg("search", "malware security", "--store", str(store), "--limit", "2", "--format", "json")
    assert [h["entity"] for h in json.loads(r.stdout)] == [
        ID + "topic/internet-security-tools", ID + "topic/anti-malware-technologies"]


def test_a_failed_label_lookup_suggests_full_text_matches(kg):
    r = kg("query", "members-of-organisation", "-p", "org=Tencent Institute")
    assert r.returncode == 2
    assert r.stderr == ("error: parameter 'org': 'Tencent Institute': no igkg:Organization has this IRI, prefixed "
                        "name or label\ndid you mean:\n  Tencent Research Institute (igorg:tencent-research-institute)\n")


def test_api_search_gives_dicts_best_first():
    from kg import api

    found = api.search("malware", limit=1)
    assert [(h["entity"], h["field"], h["snippet"]) for h in found] == [
        (ID + "topic/anti-malware-technologies", "label",
         "Joint development and dissemination of advanced technologies to combat [malware]")]
