"""Loading into and querying a real Oxigraph server through the SPARQL 1.1 protocols."""

from __future__ import annotations

import json

import pytest
from conftest import invoke_kg
from remote_checks import check_a_failed_load_leaves_the_previous_graphs, library_calls
from servers import oxigraph_server as start_oxigraph

G = "https://w3id.org/igkg/graph/"


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """A real read-write `oxigraph serve` on a free loopback port; yields its base URL."""
    with start_oxigraph(tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, oxigraph_server):
    """The project dataset loaded both into the server (GSP) and into an embedded store."""
    tmp_path = tmp_path_factory.mktemp("loaded")
    remote = invoke_kg("load", "--endpoint", f"{oxigraph_server}/store", "--no-validate", "--json")
    assert remote.returncode == 0, remote.stderr
    store = tmp_path / "store"
    local = invoke_kg("load", "--store", str(store), "--no-validate", "--json")
    assert local.returncode == 0, local.stderr
    return {"url": oxigraph_server, "store": store, "remote": json.loads(remote.stdout),
            "local": json.loads(local.stdout)}


def backends(loaded):
    from kg.backend import open_backend

    return open_backend(store=str(loaded["store"])), open_backend(endpoint=f"{loaded['url']}/store")


def answer(result) -> tuple:
    """(columns, rows, boolean) of a pyoxigraph result: a SELECT's variable names and rows of terms
    (boolean None), or an ASK's boolean (no columns, no rows)."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return (), [], bool(result)
    return tuple(v.value for v in result.variables), [tuple(row) for row in result], None


def test_the_whole_query_library_gives_the_same_rows_remote_and_embedded(loaded):
    from kg import queries as lib
    from kg.queries.library import library

    embedded, remote = backends(loaded)
    assert remote.description == f"SPARQL endpoint {loaded['url']}/query"
    compared = 0
    for name, query, params in library_calls():
        here = answer(lib.run(query, params, backend=embedded))
        there = answer(lib.run(query, params, backend=remote))
        assert there == here, name
        compared += 1
    assert compared >= len(library()) >= 20


def test_the_server_holds_the_same_graphs_and_counts_as_the_store(loaded):
    embedded, remote = backends(loaded)
    assert loaded["remote"]["graphs"] == loaded["local"]["graphs"]
    assert remote.graph_counts() == embedded.graph_counts() == loaded["local"]["graphs"]
    assert G + "ontology" in remote.graphs() and G + "reference" in remote.graphs()


def test_loading_twice_leaves_the_same_triple_count(loaded, kg):
    _, remote = backends(loaded)
    first = remote.triple_count()
    again = kg("load", "--endpoint", f"{loaded['url']}/store", "--no-validate", "--json")
    assert again.returncode == 0, again.stderr
    assert remote.triple_count() == first == loaded["local"]["triples"]


@pytest.mark.parametrize("query", [
    "SELECT ?org ?label WHERE { ?org a igkg:Organization ; rdfs:label ?label } ORDER BY ?org ?label",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "SELECT ?p WHERE { igorg:cnnic ?p ?o FILTER(isIRI(?o)) } ORDER BY ?p ?o",
    "ASK { igorg:cnnic a igkg:Organization }",
    "ASK { igorg:cnnic a igkg:Person }",
])
def test_select_and_ask_give_the_same_answers(loaded, query):
    embedded, remote = backends(loaded)
    here, there = embedded.query(query), remote.query(query)
    if isinstance(here, bool) or type(here).__name__ == "QueryBoolean":
        assert bool(there) == bool(here)
    else:
        assert [v.value for v in there.variables] == [v.value for v in here.variables]
        assert [tuple(r) for r in there] == [tuple(r) for r in here]


def test_construct_gives_the_same_triples(loaded):
    embedded, remote = backends(loaded)
    q = "CONSTRUCT { ?org rdfs:label ?l } WHERE { ?org a igkg:Organization ; rdfs:label ?l }"
    here, there = set(embedded.query(q)), set(remote.query(q))
    assert there == here and len(here) > 5


def test_describe_gives_the_same_triples(loaded):
    embedded, remote = backends(loaded)
    here, there = set(embedded.query("DESCRIBE igorg:cnnic")), set(remote.query("DESCRIBE igorg:cnnic"))
    assert there == here and len(here) > 5


def test_parameters_are_bound_as_terms_not_pasted(loaded):
    import pyoxigraph as ox

    embedded, remote = backends(loaded)
    q = "SELECT DISTINCT ?org ?text WHERE { ?org rdfs:label ?label FILTER(STR(?label) = ?text) } ORDER BY ?org"
    label = next(iter(embedded.query("SELECT ?l WHERE { igorg:cnnic rdfs:label ?l } ORDER BY ?l")))["l"]
    subs = {ox.Variable("text"): ox.Literal(label.value)}
    assert [r["org"] for r in remote.query(q, substitutions=subs)] == [ox.NamedNode(
        "https://w3id.org/igkg/id/org/cnnic")]
    evil = {ox.Variable("text"): ox.Literal('x") || true || ("')}
    assert list(remote.query(q, substitutions=evil)) == list(embedded.query(q, substitutions=evil)) == []
    iri = {ox.Variable("org"): ox.NamedNode("https://w3id.org/igkg/id/org/cnnic")}
    q2 = "SELECT ?org ?label WHERE { ?org rdfs:label ?label } ORDER BY ?label"
    assert [tuple(r) for r in remote.query(q2, substitutions=iri)] == \
        [tuple(r) for r in embedded.query(q2, substitutions=iri)] != []


def test_a_server_error_reports_the_status_and_the_servers_message(loaded):
    from kg.remote import RemoteError

    _, remote = backends(loaded)
    with pytest.raises(RemoteError, match=r"HTTP 400 Bad Request: error at 1:\d+"):
        remote.query("SELECT * WHERE { ?s ?p }")


def test_kg_query_over_the_endpoint_prints_what_the_store_prints(loaded, kg):
    args = ["query", "posts-and-holders", "--format", "json"]
    there = kg(*args, "--endpoint", f"{loaded['url']}/store")
    here = kg(*args, "--store", str(loaded["store"]))
    assert there.returncode == here.returncode == 0, there.stderr + here.stderr
    assert json.loads(there.stdout) == json.loads(here.stdout)


def test_a_query_marked_incomplete_on_virtuoso_prints_no_note_on_oxigraph_server(loaded, kg):
    from kg.remote import RemoteBackend

    args = ["query", "events-in-year", "-p", "year=2014", "--format", "json"]
    there = kg(*args, "--endpoint", f"{loaded['url']}/query")
    here = kg(*args, "--store", str(loaded["store"]))
    assert there.returncode == here.returncode == 0 and there.stderr == "", there.stderr
    assert json.loads(there.stdout) == json.loads(here.stdout)
    remote = RemoteBackend(f"{loaded['url']}/query", graphs=[])
    assert remote.query("ASK { }") is not None and remote.family == "oxigraph"


def test_load_needs_a_graph_store_url(oxigraph_server, kg):
    r = kg("load", "--endpoint", f"{oxigraph_server}/query", "--no-validate")
    assert r.returncode == 2 and "not a Graph Store Protocol URL" in r.stderr


def test_a_failed_load_leaves_the_previous_graphs_and_no_staging_graph(kg, tmp_path):
    with start_oxigraph(tmp_path) as url:  # a server of its own: the other tests compare whole graphs
        check_a_failed_load_leaves_the_previous_graphs(kg, tmp_path, url, "/store", f"{url}/query", env={})


def test_credentials_in_a_url_are_refused(tmp_path, kg):
    r = kg("load", "--endpoint", "http://bob:hunter2@127.0.0.1:9/store", "--no-validate")
    assert r.returncode == 2 and "KG_ENDPOINT_USER" in r.stderr
    assert "hunter2" not in r.stderr + r.stdout


@pytest.mark.parametrize("url, query, update, media_type", [
    ("http://h:7878/store", "http://h:7878/query", "http://h:7878/update", "application/n-triples"),
    ("http://h:3030/ds/data", "http://h:3030/ds/query", "http://h:3030/ds/update", "application/n-triples"),
    ("http://h:7200/repositories/r1/rdf-graphs/service", "http://h:7200/repositories/r1",
     "http://h:7200/repositories/r1/statements", "application/n-triples"),
    ("http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql", "http://h:8890/sparql-auth", "text/turtle"),
    ("http://h:8890/sparql-graph-crud", "http://h:8890/sparql", "http://h:8890/sparql", "text/turtle"),
    ("https://h:8182/sparql/gsp/", "https://h:8182/sparql", "https://h:8182/sparql", "application/n-triples"),
])
def test_query_update_and_graph_store_urls_of_each_server(url, query, update, media_type):
    from kg.remote import endpoints_for

    ends = endpoints_for(url)
    assert (ends.query, ends.store, ends.update, ends.content_type) == (query, url, update, media_type)


def test_any_other_url_is_a_query_endpoint_only():
    from kg.remote import Endpoints, endpoints_for

    assert endpoints_for("http://h:3030/ds/sparql") == Endpoints(query="http://h:3030/ds/sparql")
    assert endpoints_for("http://h/store", query_endpoint="http://q/sparql").query == "http://q/sparql"


@pytest.mark.parametrize("text, expected", [
    ("SELECT ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE { VALUES (?x) { (<http://x>) }  ?s ?p ?o }"),
    ("SELECT * { ?s ?p ?o }", "SELECT * { VALUES (?x) { (<http://x>) }  ?s ?p ?o }"),
    ("ASK { ?s ?p ?o }", "ASK { VALUES (?x) { (<http://x>) }  ?s ?p ?o }"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
     "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?x) { (<http://x>) }  ?s ?p ?o }"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { VALUES (?x) { (<http://x>) }  ?s ?p ?o }"),
    ('PREFIX a: <http://a/#>\n# {\nSELECT (EXISTS { ?s ?p "}" } AS ?e) WHERE { ?s ?p ?o }',
     'PREFIX a: <http://a/#>\n# {\nSELECT (EXISTS { ?s ?p "}" } AS ?e) WHERE { VALUES (?x) { (<http://x>) }  ?s ?p ?o }'),
])
def test_parameters_go_first_in_the_where_group(text, expected):
    import pyoxigraph as ox

    from kg.sparqltext import values_binding

    bound, rest = values_binding(text, {ox.Variable("x"): ox.NamedNode("http://x")}, require_all=True)
    assert bound == expected and rest == {}


def test_literals_are_escaped_and_blank_nodes_refused():
    import pyoxigraph as ox

    from kg.errors import UsageError
    from kg.sparqltext import values_binding

    out, rest = values_binding("ASK { ?s ?p ?x }", {"x": ox.Literal('a"} . ?s ?p ?o #')}, require_all=True)
    assert out == 'ASK { VALUES (?x) { ("a\\"} . ?s ?p ?o #") }  ?s ?p ?x }' and rest == {}
    with pytest.raises(UsageError, match="only IRIs and literals"):
        values_binding("ASK { ?s ?p ?x }", {"x": ox.BlankNode("b")}, require_all=True)
