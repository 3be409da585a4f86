"""Faults a real server shows only under load or misconfiguration, injected by a proxy in front of a
real Oxigraph server (tests/servers.py FaultProxy): errors mid-load, redirects, slow answers,
truncated bodies, wrong content types, authentication challenges."""

from __future__ import annotations

import base64
import json

import pytest
from remote_checks import FIRST, SECOND, G, counts, staging_left, write_version
from servers import Fault, FaultProxy, oxigraph_server

SECRET = {"KG_ENDPOINT_USER": "alice", "KG_ENDPOINT_PASSWORD": "s3cret-pw"}
QUERY = ["query", "posts-and-holders", "--format", "json"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real Oxigraph server holding the project dataset; yields its base URL."""
    from conftest import invoke_kg

    with oxigraph_server(tmp_path_factory.mktemp("faults")) as url:
        r = invoke_kg("load", "--endpoint", f"{url}/store", "--no-validate")
        assert r.returncode == 0, r.stderr
        yield url


@pytest.fixture()
def proxy(server):
    with FaultProxy(server) as p:
        yield p


@pytest.fixture()
def elsewhere():
    """Another server on another port, which must never be asked anything."""
    with FaultProxy() as p:
        p.rules = [lambda seen: Fault(200, b"{}", {"Content-Type": "application/sparql-results+json"})]
        yield p


def on(method: str, path: str, fault: Fault):
    return lambda seen: fault if seen.method == method and seen.path.startswith(path) else None


# --- errors mid-load ----------------------------------------------------------------------------


def test_without_sparql_update_the_load_says_first_it_is_not_atomic_then_which_graphs_hold_what(
        kg, tmp_path):
    with oxigraph_server(tmp_path) as url, FaultProxy(url) as proxy:
        assert kg("load", *write_version(tmp_path / "v1", FIRST, "first"), "--endpoint", f"{url}/store",
                  "--no-validate").returncode == 0
        puts = []

        def second_put_fails(seen):
            if seen.method == "PUT":
                puts.append(seen.path)
                if len(puts) == 2:
                    return Fault(500, b"injected")
            return None

        proxy.rules = [on("POST", "/update", Fault(403, b"updates are disabled")), second_put_fails]
        r = kg("load", *write_version(tmp_path / "v2", SECOND, "second"), "--endpoint", f"{proxy.url}/store",
               "--no-validate")
        assert r.returncode == 2
        warning, error = r.stderr.index("warning: the load cannot be atomic"), r.stderr.index("HTTP 500")
        assert warning < error and "HTTP 403 Forbidden: updates are disabled" in r.stderr
        assert (f"The load stopped part-way: the graphs {G}fault-alpha hold the new data; {G}fault-beta was not "
                f"replaced; {G}fault-gamma hold what they held before.") in r.stderr
        assert proxy.seen[0].method == "POST" and proxy.seen[0].path == "/update"  # asked before writing
        assert counts(f"{url}/query") == {G + "fault-alpha": SECOND["fault-alpha"],
                                          G + "fault-beta": FIRST["fault-beta"],
                                          G + "fault-gamma": FIRST["fault-gamma"]}
        assert staging_left(f"{url}/query") == set()


# --- redirects --------------------------------------------------------------------------------


def test_a_write_is_never_redirected(kg, proxy, elsewhere, tmp_path):
    proxy.rules = [on("PUT", "/store", Fault(307, headers={"Location": f"{elsewhere.url}/store"}))]
    r = kg("load", *write_version(tmp_path, FIRST, "x"), "--endpoint", f"{proxy.url}/store", "--no-validate",
           env=SECRET)
    assert r.returncode == 2
    assert f"the server redirects to {elsewhere.url}/store (HTTP 307); kg does not follow redirects on writes" \
        in r.stderr
    assert "Nothing was switched in" in r.stderr and "The staging graphs were removed." in r.stderr
    assert elsewhere.seen == []


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_credentials_and_queries_never_go_to_another_port(kg, proxy, elsewhere, status):
    proxy.rules = [on("POST", "/query", Fault(status, headers={"Location": f"{elsewhere.url}/query"}))]
    r = kg(*QUERY, "--endpoint", f"{proxy.url}/query", env=SECRET)
    assert r.returncode == 2
    assert f"redirects to another host or port, {elsewhere.url}/query (HTTP {status}); kg sends nothing there" \
        in r.stderr
    assert elsewhere.seen == []
    assert "s3cret-pw" not in r.stderr + r.stdout


def test_a_redirect_on_the_same_server_is_followed_for_reads(kg, proxy, server):
    proxy.rules = [on("POST", "/sparql", Fault(307, headers={"Location": "/query"}))]
    there = kg(*QUERY, "--endpoint", f"{proxy.url}/sparql")
    here = kg(*QUERY, "--endpoint", f"{server}/query")
    assert there.returncode == here.returncode == 0, there.stderr
    assert json.loads(there.stdout) == json.loads(here.stdout)
    assert [s.path for s in proxy.seen[:2]] == ["/sparql", "/query"]


# --- credentials --------------------------------------------------------------------------------


def test_credentials_are_sent_only_when_the_server_asks(kg, proxy, server):
    def basic_required(seen):
        if "Authorization" not in seen.headers:
            return Fault(401, b"who are you?", {"WWW-Authenticate": 'Basic realm="kg"'})
        return None

    proxy.rules = [basic_required]
    there = kg(*QUERY, "--endpoint", f"{proxy.url}/query", env=SECRET)
    assert there.returncode == 0, there.stderr
    assert json.loads(there.stdout) == json.loads(kg(*QUERY, "--endpoint", f"{server}/query").stdout)
    assert "Authorization" not in proxy.seen[0].headers
    sent = proxy.seen[1].headers["Authorization"]
    assert sent.startswith("Basic ") and base64.b64decode(sent.split()[1]).decode() == "alice:s3cret-pw"
    assert all("Authorization" in s.headers for s in proxy.seen[2:])  # Basic, once asked for, goes up front


def test_a_refusal_names_the_variables_and_never_the_password(kg, proxy):
    proxy.rules = [lambda seen: Fault(401, b"who are you?", {"WWW-Authenticate": 'Basic realm="kg"'})]
    r = kg(*QUERY, "--endpoint", f"{proxy.url}/query", env=SECRET)
    assert r.returncode == 2
    assert "HTTP 401 Unauthorized (set KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD" in r.stderr
    assert "who are you?" in r.stderr and "s3cret-pw" not in r.stderr + r.stdout


def test_a_load_that_needs_credentials_stops_before_writing(kg, proxy, tmp_path):
    proxy.rules = [lambda seen: Fault(401, b"", {"WWW-Authenticate": 'Digest realm="kg", nonce="abc"'})]
    r = kg("load", *write_version(tmp_path, FIRST, "x"), "--endpoint", f"{proxy.url}/store", "--no-validate")
    assert r.returncode == 2 and "HTTP 401" in r.stderr and "KG_ENDPOINT_USER" in r.stderr
    assert [s.method for s in proxy.seen] == ["POST"]


# --- slow answers, truncated bodies, wrong content types --------------------------------------


@pytest.mark.parametrize("fault", [Fault(delay=3), Fault(trickle=0.05)], ids=["silent", "trickling"])
def test_a_slow_answer_ends_in_a_timeout_error(kg, proxy, fault):
    proxy.rules = [on("POST", "/query", fault)]
    r = kg(*QUERY, "--endpoint", f"{proxy.url}/query", env={"KG_ENDPOINT_TIMEOUT": "0.5"})
    assert r.returncode == 2 and r.stdout == ""
    assert f"POST {proxy.url}/query: no complete answer within 0.5 s (set KG_ENDPOINT_TIMEOUT" in r.stderr


def test_a_body_shorter_than_its_length_is_an_error(kg, proxy):
    proxy.rules = [on("POST", "/query", Fault(cut=40))]
    r = kg(*QUERY, "--endpoint", f"{proxy.url}/query")
    assert r.returncode == 2 and r.stdout == ""
    assert f"POST {proxy.url}/query: the answer was cut short or malformed" in r.stderr


def test_a_truncated_result_is_an_error_not_a_partial_answer(kg, proxy):
    truncated = (b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://a"}},'
                 b'{"s":{"type":"uri","val')
    graphs = b'{"head":{"vars":["g"]},"results":{"bindings":[{"g":{"type":"uri","value":"http://g/1"}}]}}'
    answers = iter([graphs, truncated])
    proxy.rules = [lambda seen: Fault(200, next(answers), {"Content-Type": "application/sparql-results+json"})]
    r = kg("sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--endpoint", f"{proxy.url}/query")
    assert r.returncode == 2 and "the answer is truncated or malformed (application/sparql-results+json)" in r.stderr


def test_an_answer_of_another_type_is_an_error(kg, proxy):
    proxy.rules = [on("POST", "/query", Fault(content_type="text/html"))]
    r = kg(*QUERY, "--endpoint", f"{proxy.url}/query")
    assert r.returncode == 2 and "unexpected answer type 'text/html'" in r.stderr


def test_a_graph_store_refusing_n_triples_gets_turtle(kg, tmp_path):
    with oxigraph_server(tmp_path) as url, FaultProxy(url) as proxy:
        proxy.rules = [lambda seen: Fault(415, b"N-Triples not supported")
                       if seen.method == "PUT" and seen.headers.get("Content-Type") == "application/n-triples" else None]
        r = kg("load", *write_version(tmp_path / "v", FIRST, "t"), "--endpoint", f"{proxy.url}/store",
               "--no-validate", "--json")
        assert r.returncode == 0, r.stderr
        types = [s.headers["Content-Type"] for s in proxy.seen if s.method == "PUT"]
        assert types == ["application/n-triples"] + ["text/turtle"] * (len(FIRST) + 1)  # learnt once; +1: the map
        assert counts(f"{url}/query") == {G + s: n for s, n in FIRST.items()}


def test_a_server_answering_the_empty_graph_pattern_with_an_empty_row_still_lists_its_graphs(kg, proxy, server):
    """RDF4J, GraphDB and Virtuoso answer `GRAPH ?g { }` with one row without ?g."""
    empty_row = b'{"head":{"vars":["g"]},"results":{"bindings":[{}]}}'
    proxy.rules = [lambda seen: Fault(200, empty_row, {"Content-Type": "application/sparql-results+json"})
                   if "GRAPH ?g { }" in seen.form.get("query", [""])[0] else None]
    there = kg(*QUERY, "--endpoint", f"{proxy.url}/query")
    assert there.returncode == 0, there.stderr
    assert json.loads(there.stdout) == json.loads(kg(*QUERY, "--endpoint", f"{server}/query").stdout)
    asked = [s.form["query"][0] for s in proxy.seen[:2]]
    assert asked == ["SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"]
