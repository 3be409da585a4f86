"""`kg viz` and kg.viz: the cooperation network (Graphviz) and the timeline (matplotlib) drawn from
the real data, read back from the SVG: nodes, links, hrefs, row texts with their dates."""

from __future__ import annotations

import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from test_help_examples import examples, help_text

SVG = "{http://www.w3.org/2000/svg}"
HREF = "{http://www.w3.org/1999/xlink}href"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Every link of the cooperation network on the project data: (kind, end, end, the node stating it),
# page paths without their "/id/" (undirected kinds: the smaller IRI first).
ALL_EDGES = sorted([
    ("mou", "org/caict", "org/icann", "agreement/caict-icann-mou"),
    ("mou", "org/cnnic", "org/krnic", "agreement/cnnic-krnic-strategic-partnership-mou"),
    ("mou", "org/cnnic", "org/ru-cctld", "agreement/cnnic-ru-cctld-strategic-partnership-mou"),
    ("partnership", "org/cnnic", "org/denic", "agreement/cnnic--denic"),
    ("partnership", "org/cnnic", "org/jordan-nict", "agreement/cnnic--jordan-nict"),
    ("partnership", "org/cnnic", "org/kisa", "agreement/cnnic--kisa"),
    ("partnership", "org/cnnic", "org/krnic", "agreement/cnnic--krnic"),
    ("partnership", "org/cnnic", "org/laonic", "agreement/cnnic--laonic"),
    ("partnership", "org/cnnic", "org/nominet", "agreement/cnnic--nominet"),
    ("partnership", "org/cnnic", "org/pandi", "agreement/cnnic--pandi"),
    ("partnership", "org/cnnic", "org/ru-cctld", "agreement/cnnic--ru-cctld"),
    ("partnership", "org/cnnic", "org/sgnic", "agreement/cnnic--sgnic"),
    ("partnership", "org/cnnic", "org/twnic", "agreement/cnnic--twnic"),
    ("partnership", "org/cnnic", "org/yemennet", "agreement/cnnic--yemennet"),
    ("partnership", "org/cnnic", "org/zadna", "agreement/cnnic--zadna"),
    ("post", "person/guo-feng-0ee565", "org/caict", "holding/guo-feng-0ee565--researcher-caict--1"),
    ("post", "person/guo-feng-0ee565", "org/gac", "holding/guo-feng-0ee565--vice-chair-gac--1"),
    ("post", "person/jia-rong-low-dc02d2", "org/icann", "holding/jia-rong-low-dc02d2--general-manager-asia-pacific-operations-icann--1"),
    ("post", "person/jia-rong-low-dc02d2", "org/icann", "holding/jia-rong-low-dc02d2--vice-president-icann--1"),
    ("post", "person/li-xiangning-11e04d", "org/information-and-communication-administration", "holding/li-xiangning-11e04d--deputy-director-general-information-and-communication-administration--1"),
    ("post", "person/liyun-han-3e929e", "org/cnnic", "holding/liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1"),
    ("post", "person/song-zheng-5f9c3a", "org/icann-beijing-engagement-center", "holding/song-zheng-5f9c3a--director-icann-beijing-engagement-center--1"),
    ("announced-post", "person/zhang-jianchuan-db8cb8", "org/icann-beijing-engagement-center", "holding/zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1"),
    ("post", "person/zhang-jianchuan-db8cb8", "org/knet", "holding/zhang-jianchuan-db8cb8--senior-researcher-knet--1"),
    ("affiliation", "person/cai-xiongshan-30ac5c", "org/tencent-research-institute", "affiliation/cai-xiongshan-30ac5c--tencent-research-institute--1"),
    ("affiliation", "person/chu-nan-359b70", "org/cnnic", "affiliation/chu-nan-359b70--cnnic--1"),
    ("affiliation", "person/kan-kaili-cf3332", "org/beijing-university-of-posts-and-telecommunications", "affiliation/kan-kaili-cf3332--beijing-university-of-posts-and-telecommunications--1"),
    ("affiliation", "person/liu-limei-624903", "org/conac", "affiliation/liu-limei-624903--conac--1"),
    ("affiliation", "person/liu-yue-032bdc", "org/caict", "affiliation/liu-yue-032bdc--caict--1"),
    ("affiliation", "person/pam-little-364eb0", "org/alibaba-cloud", "affiliation/pam-little-364eb0--alibaba-cloud--1"),
    ("affiliation", "person/shen-zhi-b695bb", "org/cnnic", "affiliation/shen-zhi-b695bb--cnnic--1"),
    ("affiliation", "person/tan-yaling-ee95d6", "org/teleinfo", "affiliation/tan-yaling-ee95d6--teleinfo--1"),
    ("affiliation", "person/wang-wei-6e68c4", "org/knet", "affiliation/wang-wei-6e68c4--knet--1"),
    ("affiliation", "person/wu-yangyi-408760", "org/domain-name-registry-21fc2d", "affiliation/wu-yangyi-408760--domain-name-registry-21fc2d--1"),
    ("sub-organisation", "org/icann-beijing-engagement-center", "org/icann", None),
    ("sub-organisation", "org/information-and-communication-administration", "org/miit", None),
])
CNNIC_PARTNERS = ["denic", "jordan-nict", "kisa", "krnic", "laonic", "nominet", "pandi", "ru-cctld", "sgnic",
                  "twnic", "yemennet", "zadna"]


@pytest.fixture(scope="module")
def backend():
    from kg.backend import build_backend

    return build_backend()


def parse_network(svg: str) -> tuple[dict[str, dict], list[tuple]]:
    """Nodes (page path -> {"name": text, "classes": set}) and edges ((kind, end, end, via) as in
    ALL_EDGES) read back from a network SVG."""
    root = ET.fromstring(svg)
    by_title, nodes = {}, {}
    for g in root.iter(f"{SVG}g"):
        classes = set(g.get("class", "").split())
        if "node" in classes:
            a = g.find(f".//{SVG}a")
            path = a.get(HREF)
            by_title[g.find(f"{SVG}title").text] = path
            name = " ".join("".join(t.itertext()) for t in g.iter(f"{SVG}text"))
            nodes[path] = {"name": name, "classes": classes - {"node"}}
    edges = []
    for g in root.iter(f"{SVG}g"):
        classes = g.get("class", "").split()
        if "edge" in classes:
            a, b = g.find(f"{SVG}title").text.split("->")
            link = g.find(f".//{SVG}a")
            via = link.get(HREF) if link is not None and link.get(HREF) else None
            kind = next(c for c in classes if c != "edge")
            edges.append((kind, by_title[a][4:], by_title[b][4:], via[4:] if via else None))
    return nodes, sorted(edges)


def row_texts(svg: str) -> dict[str, list[str]]:
    """href -> the text linked to it in a timeline SVG (a row's name and dates; the lines of a text
    wrapped above its row, each in a link of its own, joined by spaces), as a one-item list."""
    out: dict[str, list[str]] = {}
    for a in ET.fromstring(svg).iter(f"{SVG}a"):
        texts = ["".join(t.itertext()) for t in a.iter(f"{SVG}text")]
        if texts:
            out.setdefault(a.get(HREF), []).extend(texts)
    return {href: [" ".join(texts)] for href, texts in out.items()}


# ------------------------------------------------------------------------------ the network

def test_whole_network_has_every_link_of_the_data_and_each_node_links_to_its_page(backend):
    from kg.viz import network_svg

    svg = network_svg(backend)
    assert svg.startswith("<svg")  # ready to put inside an HTML page
    nodes, edges = parse_network(svg)
    assert edges == ALL_EDGES
    ends = {f"/id/{end}" for e in ALL_EDGES for end in e[1:3]}
    assert set(nodes) == ends and len(nodes) == 42
    assert nodes["/id/org/cnnic"] == {"name": "CNNIC", "classes": {"cctld-operator"}}
    assert nodes["/id/person/zhang-jianchuan-db8cb8"] == {"name": "Zhang Jianchuan", "classes": {"person"}}
    assert nodes["/id/org/miit"] == {"name": "Ministry of Industry and Information Technology", "classes": {"ministry"}}
    assert nodes["/id/org/icann-beijing-engagement-center"]["classes"] == {"engagement-centre"}


def test_legend_names_the_kinds_present_and_the_links(backend):
    from kg.viz import network_svg

    texts = {"".join(t.itertext()) for t in ET.fromstring(network_svg(backend, around="CNNIC")).iter(f"{SVG}text")}
    assert {"kinds", "links", "ccTLD operator", "organisation", "person", "MOU between the parties",
            "partnership", "holds a post in (person → organisation)", "affiliated with, no post stated"} <= texts
    assert "ministry" not in texts and "sub-organisation of (→ parent)" not in texts
    assert "announced to take a post in, not yet held" not in texts


def test_an_announced_holding_is_a_dashed_link_of_its_own_kind_in_the_legend(backend):
    from kg.viz import network_svg

    svg = network_svg(backend, around="Zhang Jianchuan")
    texts = {"".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")}
    assert {"holds a post in (person → organisation)", "announced to take a post in, not yet held"} <= texts
    edge = next(g for g in ET.fromstring(svg).iter(f"{SVG}g") if "announced-post" in g.get("class", "").split())
    assert [(p.get("stroke"), p.get("stroke-dasharray")) for p in edge.iter(f"{SVG}path")] == [("#e08214", "5,2")]


def test_around_cnnic_keeps_its_partners_and_people_only(backend):
    from kg.viz import network_svg

    nodes, edges = parse_network(network_svg(backend, around="igorg:cnnic"))
    assert set(nodes) == ({"/id/org/cnnic"} | {f"/id/org/{p}" for p in CNNIC_PARTNERS}
                          | {"/id/person/chu-nan-359b70", "/id/person/shen-zhi-b695bb", "/id/person/liyun-han-3e929e"})
    assert edges == [e for e in ALL_EDGES if "org/cnnic" in e[1:3]]
    assert len(edges) == 17 and "focus" in nodes["/id/org/cnnic"]["classes"]


def test_around_a_person_at_depth_two_reaches_the_organisations_of_their_organisations(backend):
    from kg.viz import network_svg

    nodes, edges = parse_network(network_svg(backend, around="Zhang Jianchuan", depth=2))
    assert sorted(nodes) == ["/id/org/icann", "/id/org/icann-beijing-engagement-center", "/id/org/knet",
                             "/id/person/song-zheng-5f9c3a", "/id/person/wang-wei-6e68c4", "/id/person/zhang-jianchuan-db8cb8"]
    assert edges == sorted([
        ("post", "person/song-zheng-5f9c3a", "org/icann-beijing-engagement-center",
         "holding/song-zheng-5f9c3a--director-icann-beijing-engagement-center--1"),
        ("announced-post", "person/zhang-jianchuan-db8cb8", "org/icann-beijing-engagement-center",
         "holding/zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1"),
        ("post", "person/zhang-jianchuan-db8cb8", "org/knet", "holding/zhang-jianchuan-db8cb8--senior-researcher-knet--1"),
        ("affiliation", "person/wang-wei-6e68c4", "org/knet", "affiliation/wang-wei-6e68c4--knet--1"),
        ("sub-organisation", "org/icann-beijing-engagement-center", "org/icann", None),
    ])
    one, _ = parse_network(network_svg(backend, around="Zhang Jianchuan"))
    assert sorted(one) == ["/id/org/icann-beijing-engagement-center", "/id/org/knet", "/id/person/zhang-jianchuan-db8cb8"]


def test_network_is_the_same_svg_every_time(backend):
    from kg.viz import network_svg

    assert network_svg(backend, around="CNNIC") == network_svg(backend, around="CNNIC")


# ------------------------------------------------------------------------------ the timeline

def test_timeline_rows_state_the_events_signings_and_posts_with_their_dates(backend):
    from kg.viz import timeline_svg

    rows = row_texts(timeline_svg(backend))
    assert rows["/id/event/icann-58-copenhagen-meeting"] == ["ICANN 58 Copenhagen Meeting — 2017-03-10 – 2017-03-16"]
    assert rows["/id/event/icann-58-readout-session"] == ["ICANN 58 China Internet Community Readout Session — 2017-03-29"]
    assert "/id/event/cnnic-laonic-training-2012" not in rows  # a photo caption, not an event
    assert rows["/id/event/wic-wuzhen-summit"] == ["WIC WUZHEN Summit — 2014-11"]
    assert rows["/id/event/caict-china-internet-community-seminars"] == [
        "China Internet community seminars held by the CAICT after each ICANN conference — date not stated"]
    assert rows["/id/agreement/cnnic-krnic-strategic-partnership-mou"] == ["CNNIC-KRNIC Strategic Partnership MOU — 2012-05"]
    assert rows["/id/agreement/caict-icann-mou"] == ["MOU between the CAICT and ICANN — 2014-06"]
    assert rows["/id/agreement/cnnic-ru-cctld-strategic-partnership-mou"] == [
        "CNNIC-.RU ccTLD Strategic Partnership MOU — 2014-11"]
    # the approximate span is written as circa, never as a date (no "2014" for 2017 less 3 years)
    assert rows["/id/holding/song-zheng-5f9c3a--director-icann-beijing-engagement-center--1"] == [
        "Song Zheng, Director of the ICANN Beijing Engagement Center — in office by 2017-03-29 "
        "(circa 3 years by then), ends on or after 2017-03-29; end: left the position; end announced 2017-03-29"]
    assert rows["/id/holding/zhang-jianchuan-db8cb8--director-icann-beijing-engagement-center--1"] == [
        "Zhang Jianchuan, Director of the ICANN Beijing Engagement Center (successor of Song Zheng) — "
        "announced; starts on or after 2017-03-29, end not stated; start announced 2017-03-29"]
    assert rows["/id/holding/guo-feng-0ee565--vice-chair-gac--1"] == [
        "Guo Feng, Vice Chair of the Governmental Advisory Committee (GAC) — "
        "in office by 2017-03-29, ends on or after 2017-03-29"]
    assert rows["/id/holding/liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1"] == [
        "Liyun HAN, Global Strategic Partnership Manager (CNNIC) — in office; start and end not stated"]
    events = [h for h in rows if h.startswith("/id/event/")]
    # 14 events (one of them the ICANN conferences series) less the 3 signing ceremonies, which are drawn as their agreements' signings (photos
    # are schema:Photograph, not events)
    assert len(events) == 11 and "/id/event/cnnic-krnic-mou-signing" not in events
    assert len([h for h in rows if h.startswith("/id/holding/")]) == 9
    assert len([h for h in rows if h.startswith("/id/agreement/")]) == 3


def test_timeline_around_cnnic_has_its_events_signings_and_posts_only(backend):
    from kg.viz import timeline_svg

    rows = row_texts(timeline_svg(backend, around="CNNIC"))
    assert sorted(rows) == sorted([
        "/id/event/icann-58-copenhagen-meeting",  # Shen Zhi and Chu Nan of CNNIC attended it (editor-inferred)
        "/id/event/1st-china-southeast-capacity-building-cooperation-program",
        "/id/event/apec-funding-program-capacity-building-cooperation-program-of-ict",
        "/id/event/2nd-china-southeast-capacity-building-cooperation-program",
        "/id/event/igf-workshop-improving-the-ig-architecture-to-drive-consumer-trust",
        "/id/event/wsis-10-workshop-new-concept-of-capacity-building", "/id/event/wic-wuzhen-summit",
        "/id/event/icann-58-readout-session",
        "/id/agreement/cnnic-krnic-strategic-partnership-mou", "/id/agreement/cnnic-ru-cctld-strategic-partnership-mou",
        "/id/holding/liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1",
    ])


BOUNDS = """\
@prefix igkg: <https://w3id.org/igkg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix person: <https://w3id.org/igkg/id/person/> .
@prefix orgs: <https://w3id.org/igkg/id/org/> .
@prefix holding: <https://w3id.org/igkg/id/holding/> .
@prefix event: <https://w3id.org/igkg/id/event/> .
@prefix igvocab: <https://w3id.org/igkg/id/vocab/> .
igvocab:former rdfs:label "former" .
igvocab:announced rdfs:label "announced" .
person:a a igkg:Person ; rdfs:label "A" .
orgs:o a igkg:Organization ; rdfs:label "O" .
holding:both a igkg:PostHolding ; rdfs:label "A, both bounds" ; org:member person:a ; org:organization orgs:o ;
    schema:startDate "2015-06"^^xsd:gYearMonth ; schema:endDate "2017-02-01"^^xsd:date .
holding:start a igkg:PostHolding ; rdfs:label "A, start only" ; org:member person:a ; org:organization orgs:o ;
    schema:startDate "2016"^^xsd:gYear .
holding:end a igkg:PostHolding ; rdfs:label "A, end only" ; org:member person:a ; org:organization orgs:o ;
    schema:endDate "2014-03-02"^^xsd:date .
holding:none a igkg:PostHolding ; rdfs:label "A, no bound" ; org:member person:a ; org:organization orgs:o .
holding:former a igkg:PostHolding ; rdfs:label "A, former" ; org:member person:a ; org:organization orgs:o ;
    igkg:holdingStatus igvocab:former ; igkg:latestStart "2014-05"^^xsd:gYearMonth ;
    igkg:earliestEnd "2015"^^xsd:gYear ; igkg:latestEnd "2016-01-02"^^xsd:date .
holding:announced a igkg:PostHolding ; rdfs:label "A, announced" ; org:member person:a ; org:organization orgs:o ;
    igkg:holdingStatus igvocab:announced ; igkg:earliestStart "2016-03-01"^^xsd:date ;
    igkg:latestStart "2016-06"^^xsd:gYearMonth ; igkg:approximateDuration "P2Y"^^xsd:duration .
event:e a igkg:Meeting ; rdfs:label "E" ; schema:startDate "2013"^^xsd:gYear ; schema:endDate "2014"^^xsd:gYear .
"""


def test_timeline_draws_stated_bounds_and_says_which_are_not_stated(tmp_path):
    from kg.backend import build_backend
    from kg.dataset import with_ontology
    from kg.viz import timeline_svg
    from kg.viz.chronology import chronology

    data = tmp_path / "bounds.ttl"
    data.write_text(BOUNDS, encoding="utf-8")
    backend = build_backend(with_ontology([data]))
    rows = row_texts(timeline_svg(backend))
    assert rows == {
        "/id/event/e": ["E — 2013 – 2014"],
        "/id/holding/end": ["A, end only — start not stated, to 2014-03-02"],
        "/id/holding/both": ["A, both bounds — from 2015-06 to 2017-02-01"],
        "/id/holding/start": ["A, start only — from 2016, end not stated"],
        "/id/holding/none": ["A, no bound — start and end not stated"],
        "/id/holding/former": ["A, former — former; started by 2014-05, ended between 2015 and 2016-01-02"],
        "/id/holding/announced": [
            "A, announced — announced; starts between 2016-03-01 and 2016-06 (circa 2 years by then), end not stated"],
    }
    bounds = {r.name: (r.start and (r.start.lo.isoformat(), r.start.hi.isoformat()),
                       r.end and (r.end.lo.isoformat(), r.end.hi.isoformat())) for r in chronology(backend)}
    assert bounds == {
        "E": (("2013-01-01", "2014-01-01"), ("2014-01-01", "2015-01-01")),
        "A, end only": (None, ("2014-03-02", "2014-03-03")),
        "A, both bounds": (("2015-06-01", "2015-07-01"), ("2017-02-01", "2017-02-02")),
        "A, start only": (("2016-01-01", "2017-01-01"), None),
        "A, no bound": (None, None),
        "A, former": (None, None),
        "A, announced": (None, None),
    }
    got = {r.name: r.bounds for r in chronology(backend) if r.name in ("A, former", "A, announced")}
    assert [(b.status_name, b.earliest_start and b.earliest_start.text, b.latest_start.text,
             b.earliest_end and b.earliest_end.text, b.latest_end and b.latest_end.text, b.circa)
            for b in (got["A, former"], got["A, announced"])] == [
        ("former", None, "2014-05", "2015", "2016-01-02", ""),
        ("announced", "2016-03-01", "2016-06", None, None, "P2Y"),
    ]


# ------------------------------------------------------------------------------ the command

@pytest.mark.parametrize("picture", ["network", "timeline"])
def test_png_output_is_a_png_file(kg, tmp_path, picture):
    out = tmp_path / f"{picture}.png"
    r = kg("viz", picture, "--around", "CNNIC", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(PNG_SIGNATURE)


def test_svg_output_parses_and_the_command_says_what_it_drew(kg, tmp_path):
    out = tmp_path / "network.svg"
    r = kg("viz", "network", "-o", str(out))
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == f"wrote {out}: network, 42 nodes, 36 links (SVG)\n"
    assert ET.parse(out).getroot().tag == f"{SVG}svg"
    r = kg("viz", "timeline", "-o", str(tmp_path / "t.svg"))
    assert r.stdout == f"wrote {tmp_path / 't.svg'}: timeline, 11 events, 3 signings, 9 post holdings (SVG)\n"


@pytest.mark.parametrize("args, message", [
    (["network", "--around", "Nobody Of That Name"],
     "error: 'Nobody Of That Name': no entity has this IRI, prefixed name or label\n"),
    (["network", "--around", "igorg:no-such-org"], "error: igorg:no-such-org: no such entity in the graph\n"),
    (["network", "--around", "igevent:icann-58-readout-session"],
     "error: igevent:icann-58-readout-session is in no link of the cooperation network "
     "(MOUs, partnerships, posts, affiliations, sub-organisations)\n"),
    (["timeline", "--depth", "2"], "error: --depth goes with `kg viz network --around ENTITY`\n"),
])
def test_bad_entity_or_option_is_one_line_and_exit_2(kg, tmp_path, args, message):
    r = kg("viz", *args, "-o", str(tmp_path / "x.svg"))
    assert (r.returncode, r.stderr, r.stdout) == (2, message, "")
    assert not (tmp_path / "x.svg").exists()


@pytest.mark.parametrize("name", ["x.jpg", "x", "x.svg.txt"])
def test_unknown_extension_exits_2(kg, tmp_path, name):
    r = kg("viz", "network", "-o", str(tmp_path / name))
    suffix = Path(name).suffix or "(none)"
    assert (r.returncode, r.stderr) == (
        2, f"error: {tmp_path / name}: unknown extension {suffix!r}; give a file ending in .svg or .png\n")


def test_every_help_example_runs_and_writes_its_picture(kg, tmp_path):
    lines = examples(help_text("viz"))
    assert len(lines) == 5
    for line in lines:
        words = shlex.split(line)[1:]
        r = kg(*words, cwd=tmp_path)
        assert r.returncode == 0, f"{line}: {r.stderr}"
        out = tmp_path / words[words.index("-o") + 1]
        data = out.read_bytes()
        assert data.startswith(PNG_SIGNATURE) if out.suffix == ".png" else re.match(rb"<\?xml|<svg", data)


@pytest.mark.parametrize("name", ["network.png", "timeline.png"])
def test_the_readme_pictures_are_committed_pngs(root, name):
    text = (root / "README.md").read_text(encoding="utf-8")
    assert f"<!-- kg: viz {name.split('.')[0]} -o {name} -->" in text and f"](docs/{name})" in text
    assert (root / "docs" / name).read_bytes().startswith(PNG_SIGNATURE)


def test_a_sparql_endpoint_and_the_embedded_store_give_the_same_pictures(kg, tmp_path):
    from servers import oxigraph_server

    (tmp_path / "server").mkdir()
    with oxigraph_server(tmp_path / "server") as url:
        for target in (["--endpoint", f"{url}/store"], ["--store", str(tmp_path / "store")]):
            r = kg("load", *target, "--no-validate")
            assert r.returncode == 0, r.stderr
        for args in (["network", "--around", "CNNIC"], ["timeline", "--around", "Zhang Jianchuan"]):
            there, here = tmp_path / "there.svg", tmp_path / "here.svg"
            r = kg("viz", *args, "--endpoint", f"{url}/query", "-o", str(there))
            assert r.returncode == 0, r.stderr
            r = kg("viz", *args, "--store", str(tmp_path / "store"), "-o", str(here))
            assert r.returncode == 0, r.stderr
            assert there.read_bytes() == here.read_bytes()
