"""Ad-hoc queries are refused by their parsed structure, not their spelling.

SERVICE, FROM / FROM NAMED and SPARQL Update are refused by `kg sparql` and `api.sparql` however
they are hidden (case, comments, escapes in nearby names and strings, nesting, prefixes); the same
words inside strings, IRIs, comments and names do not stop a query. A listener on 127.0.0.1
records every connection: none may arrive.
"""

from __future__ import annotations

import json
import socket
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import api
from kg.errors import UsageError
from kg.sparqltext import check_adhoc

SETTINGS = settings(max_examples=60, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


class Listener:
    """A TCP listener on 127.0.0.1 (free port) that records the first bytes of every connection."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.requests.append(conn.recv(4096) or b"(connected)")
                except OSError:
                    self.requests.append(b"(connected)")

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory):
    """A small embedded store (one Turtle file), so that each generated query opens quickly."""
    folder = tmp_path_factory.mktemp("tiny")
    data = folder / "tiny.ttl"
    data.write_text('@prefix ex: <http://example.org/> .\nex:a ex:p "SERVICE FROM LOAD" .\n', encoding="utf-8")
    api.load([str(data)], store=str(folder / "store"), reason=False)
    return str(folder / "store")


def attack(port: int) -> str:
    return f"SELECT ?x WHERE {{ BIND(igorg:a\\#b AS ?q) SERVICE <http://127.0.0.1:{port}/x> {{ ?x ?y ?z }} }}"


# ------------------------------------------------------------------------------ the reported inputs


def test_the_listener_sees_a_service_call_the_check_would_let_through(listener):
    """Control: pyoxigraph itself does call SERVICE for the attack text, so the listener would see it."""
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES

    before = len(listener.requests)
    with pytest.raises(OSError):  # the listener answers no HTTP
        list(ox.Store().query(attack(listener.port), prefixes=PREFIXES))
    assert len(listener.requests) == before + 1
    assert listener.requests[-1].startswith(b"POST /x HTTP/1.1")


def test_issue_18_service_after_an_escaped_prefixed_name_is_refused(kg, listener, tiny_store):
    before = len(listener.requests)
    r = kg("sparql", attack(listener.port), "--store", tiny_store)
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == "error: refused: SERVICE would make the engine call another endpoint over the network\n"
    with pytest.raises(UsageError, match="^refused: SERVICE would make the engine call another endpoint"):
        api.sparql(attack(listener.port), store=tiny_store)
    assert len(listener.requests) == before


def test_issue_18_from_inside_a_string_between_escaped_quotes_runs(kg, tiny_store):
    query = 'SELECT ?v WHERE { BIND("say \\"from\\" twice, \\"FROM NAMED\\" once" AS ?v) }'
    r = kg("sparql", query, "--format", "json", "--store", tiny_store)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["results"]["bindings"] == [
        {"v": {"type": "literal", "value": 'say "from" twice, "FROM NAMED" once'}}]
    assert api.sparql(query, store=tiny_store) == [{"v": 'say "from" twice, "FROM NAMED" once'}]


@pytest.mark.parametrize("query, message", [
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
     "refused: \\u / \\U escapes are read differently by SPARQL engines"),
    ('SELECT ?v WHERE { BIND("caf\\u00e9" AS ?v) }', "refused: \\u / \\U escapes"),
    ("SELECT * WHERE { ?s ?p ?o } ; DROP ALL", "SPARQL syntax error at line 1, column 29"),
    ("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> } ; LOAD <http://127.0.0.1:9/>",
     "refused: INSERT is SPARQL Update; the query commands are read-only"),
    ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "refused: DELETE/INSERT is SPARQL Update"),
    ("SELECT ?x WHERE { " + "{ " * 400 + "?x ?y ?z" + " }" * 400 + " }", "refused: the query is nested too deeply"),
])
def test_what_cannot_be_read_the_same_way_by_every_engine_is_refused(query, message):
    with pytest.raises(UsageError) as err:
        check_adhoc(query)
    assert str(err.value).startswith(message)


# ------------------------------------------------------------------------------ generated queries

LISTEN_PORT = 0  # set by the fixture below; the strategies read it when drawing


def casings(word: str):
    """`word` in any mix of upper and lower case."""
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda flags: "".join(c.upper() if f else c.lower() for c, f in zip(word, flags)))


separator = st.sampled_from([" ", "\n", "\t", " # a comment with } and \" and SELECT\n", "\n#{\n", "  "])
decoy = st.sampled_from([
    "?s ?p ?o .",
    "?s igorg:a\\#b ?o .",
    "?s igorg:a\\.b\\-c ?o .",
    "?s igorg:a%41 ?o .",
    '?s ?p "a \\"quoted\\" # not a comment" .',
    "?s ?p 'it\\'s { not a group' .",
    '?s ?p """long\n"string" with } and #""" .',
    "?s ?p <http://example.org/a#b> .",
    "FILTER(?o != \"}\")",
    "BIND(igorg:a\\#b AS ?q)",
    "",
])
nesting = st.sampled_from([
    "{}", "OPTIONAL {{ {} }}", "{{ {} }} UNION {{ ?a ?b ?c }}", "FILTER EXISTS {{ {} }}",
    "FILTER NOT EXISTS {{ {} }}", "MINUS {{ {} }}", "{{ SELECT * WHERE {{ {} }} }}", "GRAPH ?g {{ {} }}",
])


@st.composite
def hidden_service(draw) -> str:
    port = LISTEN_PORT
    target = draw(st.sampled_from(["iri", "prefix", "variable"]))
    prologue, where = "", ""
    if target == "iri":
        endpoint = f"<http://127.0.0.1:{port}/sparql>"
    elif target == "prefix":
        prologue = f"{draw(casings('PREFIX'))} svc: <http://127.0.0.1:{port}/>\n"
        endpoint = "svc:sparql"
    else:
        endpoint = "?endpoint"
        where = f"VALUES ?endpoint {{ <http://127.0.0.1:{port}/sparql> }} "
    silent = draw(st.sampled_from(["", " SILENT", " silent", " Silent"]))
    sep = draw(separator)
    service = f"{draw(casings('SERVICE'))}{silent}{sep}{endpoint} {{ ?x ?y ?z }}"
    pattern = draw(nesting).format(service)
    before, after = draw(decoy), draw(decoy.filter(lambda d: not d.startswith("BIND")))
    form = draw(st.sampled_from(["SELECT * WHERE", "ASK", "CONSTRUCT { ?x ?y ?z } WHERE", "DESCRIBE ?x WHERE"]))
    return f"{prologue}{form} {{ {before}{sep}{where}{pattern}{sep}{after} }}"


@st.composite
def hidden_from(draw) -> str:
    named = draw(st.sampled_from(["", " NAMED", " named"]))
    source = draw(st.sampled_from([f"<http://127.0.0.1:{LISTEN_PORT}/g>", "<file:///etc/passwd>", "igorg:x"]))
    sep = draw(separator)
    return f"SELECT *{sep}{draw(casings('FROM'))}{named}{sep}{source}{sep}WHERE {{ {draw(decoy)} }}"


@st.composite
def hidden_load(draw) -> str:
    sep = draw(separator)
    load = (f"{draw(casings('LOAD'))}{draw(st.sampled_from(['', ' SILENT']))}{sep}"
            f"<http://127.0.0.1:{LISTEN_PORT}/data.ttl>{draw(st.sampled_from(['', ' INTO GRAPH <http://x/g>']))}")
    first = draw(st.sampled_from(["", "PREFIX ex: <http://example.org/>\n", "CLEAR SILENT GRAPH <http://x/g> ;\n"]))
    return f"{first}{load}"


TEXTS = ["SERVICE", "service <http://127.0.0.1:9/>", "FROM", "from named", "LOAD <file:///etc/passwd>",
         "} SERVICE <x:y> { ?s ?p ?o }", "# SERVICE", "FROM NAMED <http://127.0.0.1:9/>"]


@st.composite
def harmless(draw) -> tuple[str, str]:
    """A query that mentions the refused words only in a string, an IRI, a comment or a name, and
    the string value it returns."""
    word = draw(st.sampled_from(TEXTS))
    quoting = draw(st.sampled_from(["double", "single", "long", "escaped"]))
    if quoting == "double":
        literal = '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    elif quoting == "single":
        literal = "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'"
    elif quoting == "long":
        literal = '"""' + word.replace("\\", "\\\\").replace('"', '\\"') + '\n"""'
        word += "\n"
    else:
        literal = '"\\"' + word.replace("\\", "\\\\").replace('"', '\\"') + '\\""'
        word = f'"{word}"'
    comment = draw(st.sampled_from(["", f"# {draw(st.sampled_from(TEXTS))}\n"]))
    iri = draw(st.sampled_from(["<http://example.org/SERVICE/FROM>", "<http://example.org/load#FROM>",
                                "service:from", "from:service"]))
    var = draw(st.sampled_from(["?v", "?service", "?from", "?load", "$FROM"]))
    prologue = "PREFIX service: <http://example.org/s/>\nPREFIX from: <http://example.org/f/>\n"
    query = (f"{prologue}{comment}{draw(casings('SELECT'))} {var} WHERE {{ {comment}BIND({literal} AS {var}) "
             f"OPTIONAL {{ ?s {iri} {var} }} }}")
    return query, word


@pytest.fixture(scope="module", autouse=True)
def _listen_port(listener):
    global LISTEN_PORT
    LISTEN_PORT = listener.port


@SETTINGS
@given(st.one_of(hidden_service(), hidden_from(), hidden_load()))
def test_generated_service_from_and_load_are_refused_and_send_nothing(kg, listener, tiny_store, query):
    before = len(listener.requests)
    r = kg("sparql", query, "--store", tiny_store, "--timeout", "0")
    assert r.returncode == 2 and r.stdout == "", (query, r.stderr)
    assert r.stderr.startswith("error: refused: "), (query, r.stderr)
    assert len(r.stderr.splitlines()) == 1
    with pytest.raises(UsageError, match="^refused: "):
        api.sparql(query, store=tiny_store)
    assert listener.requests[before:] == []
    if not query.lstrip().upper().startswith(("LOAD", "PREFIX EX", "CLEAR")):
        engine_accepts(query)  # a real query the engine would run, not a refused syntax error


def engine_accepts(query: str) -> None:
    """Run `query` on an empty pyoxigraph store, past the check; a SyntaxError fails the test (a
    SERVICE call to the listener, which answers no HTTP, may raise OSError; a SERVICE whose
    endpoint variable is not bound yet, RuntimeError)."""
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES

    try:
        result = ox.Store().query(query, prefixes=PREFIXES)
        if not isinstance(result, ox.QueryBoolean):
            list(result)
    except (OSError, RuntimeError):
        pass


@settings(SETTINGS, max_examples=40)
@given(harmless())
def test_generated_harmless_mentions_run(kg, listener, tiny_store, case):
    query, value = case
    before = len(listener.requests)
    r = kg("sparql", query, "--format", "json", "--store", tiny_store)
    assert r.returncode == 0, (query, r.stderr)
    [row] = json.loads(r.stdout)["results"]["bindings"]
    assert [b["value"] for b in row.values()] == [value]
    assert [list(row.values()) for row in api.sparql(query, store=tiny_store)] == [[value]]
    assert listener.requests[before:] == []
