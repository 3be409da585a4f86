"""Loading into and querying a real Oxigraph server through the SPARQL 1.1 protocols."""

from __future__ import annotations

import base64
import http.server
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import invoke_kg

G = "https://w3id.org/igkg/graph/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the server exited with {proc.returncode}"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """A real read-write `oxigraph serve` on a free loopback port; yields its base URL."""
    tmp_path = tmp_path_factory.mktemp("server")
    exe = Path(sys.executable).parent / "oxigraph"
    port = free_port()
    proc = subprocess.Popen(
        [str(exe), "serve", "--location", str(tmp_path / "server-db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


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
    for name, query in sorted(library().items()):
        calls = [{p.name: p.example for p in query.params if p.example is not None}]
        if not any(p.required for p in query.params):
            calls.append({})
        for params in calls:
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


def test_load_needs_a_graph_store_url(oxigraph_server, kg):
    r = kg("load", "--endpoint", f"{oxigraph_server}/query", "--no-validate")
    assert r.returncode == 2 and "not a Graph Store Protocol URL" in r.stderr


# --- a stub server for what a real one does only under load or misconfiguration ---------------


class Stub(http.server.BaseHTTPRequestHandler):
    answers: list[tuple[int, str, bytes]] = []
    seen: list[dict] = []

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length", 0))
        Stub.seen.append({"headers": dict(self.headers), "body": self.rfile.read(length)})
        status, ctype, body = Stub.answers.pop(0)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.end_headers()  # no Content-Length: the body ends when the connection closes
        self.wfile.write(body)

    do_PUT = do_POST

    def log_message(self, *args):
        pass


@pytest.fixture()
def stub():
    server = http.server.HTTPServer(("127.0.0.1", 0), Stub)
    Stub.answers, Stub.seen = [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


GRAPHS = b'{"head":{"vars":["g"]},"results":{"bindings":[{"g":{"type":"uri","value":"http://g/1"}}]}}'


def test_a_truncated_result_is_an_error_not_a_partial_answer(stub):
    from kg.remote import RemoteBackend, RemoteError

    truncated = (b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://a"}},'
                 b'{"s":{"type":"uri","val')
    Stub.answers = [(200, "application/sparql-results+json", GRAPHS),
                    (200, "application/sparql-results+json", truncated)]
    with pytest.raises(RemoteError, match="truncated or malformed"):
        RemoteBackend(f"{stub}/query").query("SELECT ?s WHERE { ?s ?p ?o }")


def test_the_union_default_graph_is_asked_for_with_dataset_parameters(stub):
    from urllib.parse import parse_qs

    from kg.remote import RemoteBackend

    ok = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
    Stub.answers = [(200, "application/sparql-results+json", GRAPHS), (200, "application/sparql-results+json", ok)]
    assert list(RemoteBackend(f"{stub}/query").query("SELECT ?s WHERE { ?s ?p ?o }")) == []
    form = parse_qs(Stub.seen[1]["body"].decode())
    assert form["default-graph-uri"] == ["http://g/1"] and form["named-graph-uri"] == ["http://g/1"]
    assert form["query"][0].startswith("SELECT ?s WHERE")  # no project prefix used: none declared


def test_credentials_come_from_the_environment_and_never_appear_in_messages(stub, monkeypatch):
    from kg.remote import RemoteBackend, RemoteError

    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret-pw")
    Stub.answers = [(401, "text/plain", b"who are you?")]
    with pytest.raises(RemoteError) as e:
        RemoteBackend(f"{stub}/query").query("ASK {}")
    assert "HTTP 401" in str(e.value) and "who are you?" in str(e.value)
    assert "s3cret-pw" not in str(e.value)
    sent = Stub.seen[0]["headers"]["Authorization"]
    assert base64.b64decode(sent.split()[1]).decode() == "alice:s3cret-pw"


def test_credentials_in_a_url_are_refused(tmp_path, kg):
    r = kg("load", "--endpoint", "http://bob:hunter2@127.0.0.1:9/store", "--no-validate")
    assert r.returncode == 2 and "KG_ENDPOINT_USER" in r.stderr
    assert "hunter2" not in r.stderr + r.stdout


@pytest.mark.parametrize("url, query, store", [
    ("http://h:7878/store", "http://h:7878/query", "http://h:7878/store"),
    ("http://h:3030/ds/data", "http://h:3030/ds/query", "http://h:3030/ds/data"),
    ("http://h:7200/repositories/r1/rdf-graphs/service", "http://h:7200/repositories/r1",
     "http://h:7200/repositories/r1/rdf-graphs/service"),
    ("http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql", "http://h:8890/sparql-graph-crud-auth"),
    ("https://h:8182/sparql/gsp/", "https://h:8182/sparql", "https://h:8182/sparql/gsp/"),
    ("http://h:3030/ds/sparql", "http://h:3030/ds/sparql", None),
])
def test_query_and_graph_store_urls_of_each_server(url, query, store):
    from kg.remote import endpoints_for

    assert endpoints_for(url) == (endpoints_for(url).__class__)(query=query, store=store)


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
