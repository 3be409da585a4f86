"""The web app of `kg serve` (kg.web), in-process with Starlette's TestClient over a reasoned store
of the project data: entity pages and their formats, browsing, the query library as forms and
result URLs, the SPARQL 1.1 Protocol endpoint (formats, refusals, errors, bounds), the editor, the
ontology page, and the Host check."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import ROOT
from servers import reasoned_store

BASE = "http://127.0.0.1:7878"
CNNIC = "https://w3id.org/igkg/id/org/cnnic"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return reasoned_store(tmp_path_factory.mktemp("web"))


def client_for(store, **options):
    from starlette.testclient import TestClient

    from kg.web.app import create_app
    from kg.web.serve import allowed_hosts

    app = create_app(store=store, allowed_hosts=allowed_hosts("127.0.0.1"), **options)
    return TestClient(app, base_url=BASE)


@pytest.fixture(scope="module")
def client(store):
    with client_for(store, timeout_s=20) as c:
        yield c


def text_of(html: str) -> str:
    """The visible text of a page, tags removed and white space collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&").split())


# ------------------------------------------------------------------ entity pages

def test_the_page_of_a_renamed_iri_moves_permanently_to_its_replacement(client):
    r = client.get("/id/observation/chinese-market-domain-names-2014-12?format=ttl", follow_redirects=False)
    assert r.status_code == 301
    assert r.headers["location"] == "/id/observation/china-number-of-domain-names-2014-12?format=ttl"
    r = client.get("/id/observation/chinese-market-domain-names-2014-12")
    assert r.status_code == 200 and "<h1>20.6Million Number of Domain Name (China, Dec 2014)</h1>" in r.text


def test_entity_page_shows_each_statement_with_its_source_and_quote(client):
    r = client.get("/id/org/cnnic")
    assert r.status_code == 200 and r.headers["content-type"] == "text/html; charset=utf-8"
    page = text_of(r.text)
    assert "<h1>CNNIC</h1>" in r.text
    assert ("Shen Zhi is from CNNIC. igaff:shen-zhi-b695bb--cnnic--1 Source: igdoc:circleid-icann58-readout "
            "“Shen Zhi and Chu Nan from CNNIC”") in page
    assert '<a href="/id/doc/circleid-icann58-readout">igdoc:circleid-icann58-readout</a>' in r.text
    assert '<a class="node" href="/id/affiliation/shen-zhi-b695bb--cnnic--1">igaff:shen-zhi-b695bb--cnnic--1</a>' in r.text


def test_entity_page_marks_inferred_types_and_links_types_to_the_ontology(client):
    r = client.get("/id/org/cnnic")
    assert re.search(r'<a href="/ontology#CcTLDOperator">ccTLD operator</a>,', r.text)
    assert re.search(r'<a href="/ontology#Registry">domain name registry</a> <span class="inferred"', r.text)
    holding = client.get("/id/holding/liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1")
    assert holding.status_code == 200
    assert '<th scope="row"><a href="/ontology#post">igkg:post</a></th>' in holding.text


def test_entity_page_shows_editorial_notes_as_doubts(client):
    r = client.get("/id/org/cnnic")
    doubts = r.text[r.text.index('<section class="doubts"'):]
    doubts = text_of(doubts[:doubts.index("</section>")])
    assert doubts.startswith("Doubts and editorial notes In this article only named as the organisation Shen Zhi "
                             "and Chu Nan are from;")


def test_entity_page_groups_incoming_links_and_marks_inferred_ones(client):
    r = client.get("/id/org/cnnic")
    linked = r.text[r.text.index('<h2 id="in-h">'):]
    assert '<h3><a href="http://www.w3.org/ns/org#organization">org:organization</a> <span class="count">(3)</span></h3>' in linked
    assert re.search(r'<a href="/id/person/chu-nan-359b70">Chu Nan</a> <span class="inferred">inferred</span>', r.text)


def test_unknown_entity_is_a_404_page(client):
    r = client.get("/id/org/no-such-organisation")
    assert r.status_code == 404
    assert "The graph holds nothing about &lt;https://w3id.org/igkg/id/org/no-such-organisation&gt;." in r.text


@pytest.mark.parametrize("accept, param, media, fmt", [
    ("text/turtle", None, "text/turtle", "TURTLE"),
    ("application/n-triples", None, "application/n-triples", "N_TRIPLES"),
    ("application/ld+json", None, "application/ld+json", "JSON_LD"),
    (None, "ttl", "text/turtle", "TURTLE"),
    (None, "nt", "application/n-triples", "N_TRIPLES"),
    (None, "jsonld", "application/ld+json", "JSON_LD"),
])
def test_entity_iri_dereferences_to_rdf_by_content_negotiation(client, accept, param, media, fmt):
    import pyoxigraph as ox

    r = client.get("/id/org/cnnic", headers={"Accept": accept} if accept else {},
                   params={"format": param} if param else None)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    triples = [q.triple for q in ox.parse(r.content, getattr(ox.RdfFormat, fmt))]
    predicates = {t.predicate.value for t in triples if t.subject.value == CNNIC}
    assert {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#editorialNote"} <= predicates
    assert all(CNNIC in (t.subject.value, t.object.value) for t in triples)


def test_browser_accept_header_gets_html(client):
    r = client.get("/id/org/cnnic", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.headers["content-type"].startswith("text/html")


# ------------------------------------------------------------------ home and browsing

def test_home_shows_counts_search_and_lists(client):
    r = client.get("/")
    assert r.status_code == 200
    assert '<label for="home-search">' in r.text and '<input id="home-search" name="q"' in r.text
    for key in ("organisations", "people", "events", "agreements", "documents"):
        assert f'href="/browse/{key}"' in r.text
    assert re.search(r'<th scope="row"><a href="/ontology#Person">Person</a></th>\s*<td><a href="/browse/people">\d+</a>', r.text)


def test_search_finds_labels_and_links_entities(client):
    r = client.get("/search", params={"q": "cnnic"})
    assert r.status_code == 200
    assert '<a href="/id/org/cnnic">CNNIC</a>' in r.text


def test_search_shows_the_full_text_matches_of_quotes_with_artefacts_repaired(client):
    # only the slides' quote holds all three words; it writes the title "Par t ner ship Manager"
    r = client.get("/search", params={"q": "Partnership Manager hanliyun"})
    assert r.status_code == 200
    section = r.text.split("full-text match", 1)[1]
    hits = re.findall(r'<li><a href="([^"]+)">[^<]+</a> <span class="iri">[^<]+</span>\n<span class="note">([^<]+)</span>',
                      section)
    assert hits[:4] == [
        ("/id/holding/liyun-han-3e929e--global-strategic-partnership-manager-cnnic--1",
         "quote: …r a t egic Par t ner ship [Manager] [hanliyun]@cnnic.cn"),
        ("/id/role/global-strategic-partnership-manager", "label: Global Strategic [Partnership] [Manager]"),
        ("/id/post/global-strategic-partnership-manager-cnnic", "label: Global Strategic [Partnership] [Manager] (CNNIC)"),
        ("/id/contact/cnnic-global-strategic-partnership", "quote: [hanliyun]@cnnic.cn")]


@pytest.mark.parametrize("kind, expected", [
    ("organisations", '<a href="/id/org/cnnic">CNNIC</a>'),
    ("people", '<a href="/id/person/zhang-jianchuan-db8cb8">'),
    ("events", "<h2>2014 "),
    ("agreements", 'href="/id/agreement/caict-icann-mou"'),
    ("documents", '<a href="/id/doc/circleid-icann58-readout">'),
])
def test_browse_lists(client, kind, expected):
    r = client.get(f"/browse/{kind}")
    assert r.status_code == 200
    assert expected in r.text


def test_a_source_document_page_lists_what_is_derived_from_it(client):
    r = client.get("/id/doc/circleid-icann58-readout")
    assert r.status_code == 200
    assert "Shen Zhi is from CNNIC." in r.text
    assert '<a href="http://www.w3.org/ns/prov#wasDerivedFrom">prov:wasDerivedFrom</a>' in r.text


# ------------------------------------------------------------------ the query library

def test_query_form_is_generated_from_the_header_with_organisations_offered(client):
    r = client.get("/queries/people-of-organisation")
    assert r.status_code == 200
    assert '<label for="p-org">org <span class="type">(iri: igkg:Organization)</span></label>' in r.text
    assert '<input id="p-org" name="org" type="text" value=""' in r.text
    assert 'list="list-org"' in r.text
    assert '<option value="igorg:cnnic">CNNIC</option>' in r.text
    assert '<a href="/editor?query=' in r.text
    assert "rows-h" not in client.get("/queries/career-of-person").text  # a required parameter is missing


def test_query_form_with_parameters_shows_rows_linking_to_entities(client):
    r = client.get("/queries/people-of-organisation", params={"org": "CNNIC"})
    assert r.status_code == 200
    assert '<h2 id="rows-h">3 rows</h2>' in r.text
    assert '<a href="/id/person/shen-zhi-b695bb" title="igperson:shen-zhi-b695bb">Shen Zhi</a>' in r.text
    assert '<a href="/queries/people-of-organisation.csv?org=CNNIC">CSV</a>' in r.text


def test_query_integer_and_date_fields_are_typed(client):
    r = client.get("/queries/events-in-year")
    assert '<input id="p-year" name="year" type="number"' in r.text
    r = client.get("/queries/holder-of-post-on-date")
    assert 'pattern="[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"' in r.text


def test_query_results_at_stable_urls_equal_kg_query(client, kg):
    for ext in ("csv", "json", "tsv", "xml"):
        r = client.get(f"/queries/people-of-organisation.{ext}", params={"org": "CNNIC"})
        assert r.status_code == 200, r.text
        cli = kg("query", "people-of-organisation", "-p", "org=CNNIC", "--format", ext)
        assert r.content == cli.stdout.encode(), ext
    rows = list(csv.reader(io.StringIO(client.get("/queries/people-of-organisation.csv?org=CNNIC").text)))
    assert [row[1] for row in rows[1:]] == ["https://w3id.org/igkg/id/person/chu-nan-359b70",
                                            "https://w3id.org/igkg/id/person/liyun-han-3e929e",
                                            "https://w3id.org/igkg/id/person/shen-zhi-b695bb"]


def test_query_with_a_bad_parameter_answers_400_with_the_cli_message(client, kg):
    r = client.get("/queries/events-in-year.json", params={"year": "soon"})
    assert r.status_code == 400
    assert r.text == "parameter 'year': 'soon' is not an integer\n"
    page = client.get("/queries/events-in-year", params={"year": "soon"})
    assert page.status_code == 400
    assert '<p class="error" role="alert">parameter &#39;year&#39;: &#39;soon&#39; is not an integer</p>' in page.text


def test_unknown_query_is_404(client):
    assert client.get("/queries/no-such-query").status_code == 404
    assert client.get("/queries/no-such-query.json").status_code == 400


# ------------------------------------------------------------------ the SPARQL endpoint

COUNT_ORGS = "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a igkg:CcTLDOperator }"


def sparql_count(r) -> str:
    return json.loads(r.content)["results"]["bindings"][0]["n"]["value"]


def test_sparql_get_post_form_and_post_body_agree_with_predeclared_prefixes(client):
    get = client.get("/sparql", params={"query": COUNT_ORGS})
    form = client.post("/sparql", data={"query": COUNT_ORGS})
    body = client.post("/sparql", content=COUNT_ORGS, headers={"Content-Type": "application/sparql-query"})
    alias = client.post("/query", data={"query": COUNT_ORGS})
    for r in (get, form, body, alias):
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert sparql_count(get) == sparql_count(form) == sparql_count(body) == sparql_count(alias) != "0"


@pytest.mark.parametrize("accept, media, start", [
    ("application/sparql-results+json", "application/sparql-results+json", b'{"head":{"vars":["n"]}'),
    ("application/sparql-results+xml", "application/sparql-results+xml", b'<?xml version="1.0"?><sparql'),
    ("text/csv", "text/csv", b"n\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?n\n"),
    ("*/*", "application/sparql-results+json", b"{"),
])
def test_sparql_select_formats_by_content_negotiation(client, accept, media, start):
    r = client.get("/sparql", params={"query": COUNT_ORGS}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    assert r.content.startswith(start)


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "TURTLE"), ("application/n-triples", "N_TRIPLES"),
                                         ("application/ld+json", "JSON_LD")])
def test_sparql_construct_and_describe_as_rdf(client, accept, fmt):
    import pyoxigraph as ox

    for query in ("CONSTRUCT WHERE { igorg:cnnic rdfs:label ?l }", "DESCRIBE igorg:cnnic"):
        r = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].split(";")[0] == accept
        subjects = {q.subject.value for q in ox.parse(r.content, getattr(ox.RdfFormat, fmt))}
        assert CNNIC in subjects


def test_sparql_ask(client):
    r = client.get("/sparql", params={"query": "ASK { igorg:cnnic a igkg:Organization }"})
    assert json.loads(r.content) == {"head": {}, "boolean": True}


@pytest.mark.parametrize("query, status, message", [
    ("SELECT * WHERE { ?s ?p }", 400, "SPARQL syntax error at line 1, column"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", 400, "refused: SERVICE"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", 400, "refused: FROM / FROM NAMED"),
    ("INSERT DATA { <http://x> <http://y> <http://z> }", 400, "refused: INSERT is SPARQL Update"),
])
def test_sparql_errors_and_refusals_are_400_with_a_message(client, query, status, message):
    r = client.post("/sparql", data={"query": query})
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/plain")
    assert r.text.startswith(message)


def test_sparql_updates_and_dataset_parameters_are_refused(client):
    r = client.post("/sparql", data={"update": "CLEAR ALL"})
    assert (r.status_code, r.text) == (403, "SPARQL Update is refused: this endpoint is read-only\n")
    r = client.post("/sparql", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403
    r = client.post("/sparql", content=b"query=x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415


def test_sparql_dataset_parameters_name_graphs_of_the_store_and_fetch_nothing(client):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    one = "https://w3id.org/igkg/graph/circleid-icann58-readout"
    r = client.post("/sparql", data={"query": query, "default-graph-uri": one, "named-graph-uri": one})
    from kg.dataset import read_quads, sources_for

    in_file = len({q for s in sources_for([ROOT / "data" / "circleid-icann58-readout.ttl"]) for q in read_quads(s)})
    assert r.status_code == 200 and sparql_count(r) == str(in_file)
    r = client.post("/sparql", data={"query": query, "default-graph-uri": "http://127.0.0.1:1/", "named-graph-uri": []})
    assert r.status_code == 200 and sparql_count(r) == "0"
    r = client.post("/sparql", data={"query": query, "default-graph-uri": "not an iri"})
    assert r.status_code == 400 and r.text.startswith("invalid graph IRI")


def test_sparql_without_a_query_opens_the_editor(client):
    r = client.get("/sparql", follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (303, "/editor")


def test_a_query_past_the_timeout_is_stopped_with_503(store):
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with client_for(store, timeout_s=1, workers=1) as c:
        r = c.post("/sparql", data={"query": heavy})
        assert r.status_code == 503
        assert r.text == "the query ran longer than 1 s and was stopped (--timeout-s)\n"
        ok = c.get("/sparql", params={"query": COUNT_ORGS})  # a new worker took the killed one's place
        assert ok.status_code == 200 and sparql_count(ok) != "0"


def test_an_answer_past_the_size_bound_is_413_never_a_cut_body(store):
    with client_for(store, max_bytes=2000, workers=1) as c:
        r = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": "text/csv"})
        assert r.status_code == 413
        assert r.text == ("the answer is larger than 2000 bytes; add a LIMIT or select fewer columns\n")
        small = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 2"})
        assert small.status_code == 200 and len(json.loads(small.content)["results"]["bindings"]) == 2


# ------------------------------------------------------------------ editor, ontology, hosts

def test_editor_page_serves_yasgui_from_the_package_with_prefixes_and_examples(client):
    r = client.get("/editor", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"})
    assert r.status_code == 200
    assert '<script src="/static/vendor/yasgui/yasgui.min.js"></script>' in r.text
    assert "cdn" not in r.text.lower() and "unpkg" not in r.text.lower()
    config = json.loads(re.search(r'<script id="editor-config" type="application/json">(.*?)</script>', r.text, re.S).group(1))
    assert config["endpoint"] == "/sparql"
    assert config["prefixes"]["igorg"] == "https://w3id.org/igkg/id/org/"
    assert "successions" in [e["name"] for e in config["examples"]]
    assert config["query"] == "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
    js = client.get("/static/vendor/yasgui/yasgui.min.js")
    assert js.status_code == 200 and len(js.content) > 100_000
    assert client.get("/static/editor.js").status_code == 200


def test_ontology_page_documents_classes_and_properties_with_shapes(client):
    r = client.get("/ontology")
    assert r.status_code == 200
    term = r.text[r.text.index('<article class="term" id="CcTLDOperator"'):]
    term = term[:term.index("</article>")]
    assert "<code>igkg:CcTLDOperator</code>" in term
    assert '<dt>Parents</dt><dd><a href="/ontology#Registry">domain name registry</a></dd>' in term
    assert '<p class="definition">' in term
    prop = r.text[r.text.index('<article class="term" id="post"'):]
    prop = prop[:prop.index("</article>")]
    assert '<dt>Domain</dt><dd><a href="/ontology#PostHolding">' in prop
    assert "<dt>Constrained by</dt>" in prop and "igsh:" in prop


def test_the_ontology_iri_dereferences_to_its_page_or_its_turtle(client):
    import pyoxigraph as ox

    from kg.web.links import href

    assert href("https://w3id.org/igkg/ontology") == "/ontology"
    assert href("https://w3id.org/igkg/ontology#Registry") == "/ontology#Registry"
    r = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert r.headers["content-type"].startswith("text/turtle")
    subjects = {q.subject.value for q in ox.parse(r.content, ox.RdfFormat.TURTLE)}
    assert {"https://w3id.org/igkg/ontology", "https://w3id.org/igkg/ontology#Registry"} <= subjects


def test_requests_for_another_host_are_refused(client):
    assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400
    assert client.get("/sparql", params={"query": COUNT_ORGS}, headers={"Host": "attacker.example:7878"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:7878"}).status_code == 200


def test_every_response_says_its_server_time(client):
    assert re.fullmatch(r"app;dur=\d+\.\d\d", client.get("/").headers["server-timing"])


def test_picture_hooks_add_their_markup_to_entity_and_home_pages(store):
    with client_for(store) as c:
        c.app.state.entity_hooks.append(lambda backend, iri: f'<svg role="img" aria-label="network of {iri}"></svg>')
        c.app.state.home_hooks.append(lambda backend: '<svg role="img" aria-label="the whole network"></svg>')
        assert f'<svg role="img" aria-label="network of {CNNIC}"></svg>' in c.get("/id/org/cnnic").text
        assert '<svg role="img" aria-label="the whole network"></svg>' in c.get("/").text


# ------------------------------------------------------------------ pictures

def test_network_page_draws_the_whole_network_linking_nodes_to_entity_pages(client):
    r = client.get("/network")
    assert r.status_code == 200 and "<h1>Cooperation network</h1>" in r.text
    nodes, edges = r.text.count('<g id="node'), r.text.count('<g id="edge')
    assert nodes > 30 and edges > 30
    assert '<a xlink:href="/id/org/cnnic" xlink:title="CNNIC (ccTLD operator)">' in r.text
    assert f'<figcaption id="picture-caption">Cooperation network: {nodes} nodes, {edges} links.</figcaption>' in r.text
    assert '<a href="/network" aria-current="page">Network</a>' not in r.text  # the site navigation is plain
    assert '<a href="/network">Network</a>' in r.text and '<a href="/timeline">Timeline</a>' in r.text


def test_timeline_page_and_its_around_form(client):
    r = client.get("/timeline")
    assert r.status_code == 200 and re.search(r"Timeline: 11 events, 3 signings, \d+ post holdings\.</figcaption>", r.text)
    around = client.get("/timeline", params={"around": "Zhang Jianchuan"})
    assert "<h1>Timeline around Zhang Jianchuan</h1>" in around.text
    assert '<label for="around">' in around.text


def test_a_picture_around_an_unknown_name_is_a_404_with_the_message(client):
    r = client.get("/network", params={"around": "no such thing at all"})
    assert r.status_code == 404
    assert "&#39;no such thing at all&#39;: no entity has this IRI, prefixed name or label" in r.text


def test_entity_page_links_its_pictures_and_loads_them_from_the_fragment(client):
    page = client.get("/id/org/cnnic").text
    around = "https%3A%2F%2Fw3id.org%2Figkg%2Fid%2Forg%2Fcnnic"
    assert f'<div class="pictures" data-pictures="/pictures?around={around}" aria-live="polite">' in page
    assert f'<a href="/network?around={around}">The cooperation network around it</a>' in page
    assert '<script src="/static/pictures.js" defer></script>' in page
    r = client.get("/pictures", params={"around": CNNIC})
    assert r.status_code == 200
    assert '<h2 id="picture-network-h">Cooperation network around it</h2>' in r.text
    assert '<h2 id="picture-timeline-h">Timeline around it</h2>' in r.text
    assert f'<a href="/network?around={around}">Open on its own page</a>' in r.text
    assert '<a xlink:href="/id/person/liyun-han-3e929e"' in r.text
    caption = re.search(r"(\d+) nodes, (\d+) links; every name links to its page\.", r.text)
    figure = r.text[r.text.index('<figure class="picture network"'):r.text.index("</figure>")]
    assert caption and figure.count('<g id="node') == int(caption[1]) and figure.count('<g id="edge') == int(caption[2])


def test_an_entity_outside_the_network_and_the_timeline_has_no_pictures(client):
    r = client.get("/pictures", params={"around": "https://w3id.org/igkg/id/doc/circleid-icann58-readout"})
    assert (r.status_code, r.text) == (200, "")
    assert client.get("/pictures", params={"around": "https://w3id.org/igkg/id/org/no-such"}).status_code == 404


def test_pictures_are_drawn_once_per_entity_and_kept(client):
    from kg.web.pictures import picture

    app = client.app
    first = picture(app, "network", CNNIC)
    assert picture(app, "network", CNNIC) is first
    assert ("network", CNNIC) in app.state.caches["pictures"]
