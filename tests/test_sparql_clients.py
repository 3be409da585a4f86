"""Real SPARQL clients against the `/sparql` endpoint of a real `kg serve` (127.0.0.1, a free port,
the project data loaded with `--reason` into a temporary store): SPARQLWrapper, rdflib's
`SPARQLStore` and Apache Jena's `rsparql` (Debian `libapache-jena-java`) get the same rows as
`kg query` for every library query with its example parameters, in the four SPARQL 1.1 result
formats (JSON, XML, CSV, TSV). Rows are compared as bags of typed terms; CSV carries no types, so
its rows are compared as strings. Errors (a syntax error, a refused SERVICE) reach every client as
HTTP 400 with the server's message.

Jena's JVM takes one to four seconds to start on a busy machine, so `rsparql` runs each library
query once (with its example parameters), in one of the four formats in turn (each format covers
about a quarter of the library), two at a time, with the JVM's quick-start options.
"""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest

from remote_checks import library_calls
from servers import kg_serve, reasoned_store

FORMATS = ("json", "xml", "csv", "tsv")
CALLS = library_calls()
IDS = [f"{name}-{i}" for i, (name, _q, _p) in enumerate(CALLS)]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
SYNTAX_ERROR = "SELECT ?x WHERE { ?x ?y }"
SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(the /sparql URL, the local backend over the same store)."""
    from kg.backend import open_backend

    store = reasoned_store(tmp_path_factory.mktemp("clients"))
    with kg_serve(store, "--timeout-s", "60") as base:
        yield f"{base}/sparql", open_backend(store=str(store))


def sparql_text(query, params: dict[str, str], backend) -> str:
    """The library query with its parameters bound in a VALUES block and its prefixes declared:
    the text any SPARQL client can send."""
    from kg.queries.execute import prepare
    from kg.remote import with_prefixes
    from kg.sparqltext import values_binding

    text, bindings = prepare(query, params, backend=backend)
    bound, _ = values_binding(text, bindings, require_all=True)
    return with_prefixes(bound, None)


# --- terms: (kind, value, datatype, language) ------------------------------------------------

def ox_term(t) -> tuple | None:
    import pyoxigraph as ox

    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return ("iri", t.value, None, None)
    if isinstance(t, ox.BlankNode):
        return ("bnode", None, None, None)
    return ("literal", t.value, t.datatype.value, t.language)


def rdflib_term(t) -> tuple | None:
    from rdflib import BNode, URIRef

    if t is None:
        return None
    if isinstance(t, URIRef):
        return ("iri", str(t), None, None)
    if isinstance(t, BNode):
        return ("bnode", None, None, None)
    datatype = str(t.datatype) if t.datatype else (RDF_LANG_STRING if t.language else XSD_STRING)
    return ("literal", str(t), datatype, t.language)


def json_term(b: dict | None) -> tuple | None:
    if b is None:
        return None
    if b["type"] == "uri":
        return ("iri", b["value"], None, None)
    if b["type"] == "bnode":
        return ("bnode", None, None, None)
    lang = b.get("xml:lang")
    return ("literal", b["value"], b.get("datatype", RDF_LANG_STRING if lang else XSD_STRING), lang)


def text_of(term: tuple | None) -> str:
    """What CSV keeps of a term (SPARQL 1.1 CSV: the IRI or the lexical form; blank nodes as `_:…`)."""
    if term is None:
        return ""
    return "_:" if term[0] == "bnode" else term[1]


def bag(variables: list[str], rows) -> Counter:
    """The rows as a bag of tuples in the order of `variables`."""
    return Counter(tuple(row[v] for v in variables) for row in rows)


def csv_bag(variables: list[str], text: str, delimiter: str = ",") -> Counter:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    assert header == variables
    return Counter(tuple("_:" if cell.startswith("_:") else cell for cell in row) for row in reader)


def parsed_bag(body: bytes, fmt: str, variables: list[str]) -> Counter:
    """A JSON, XML or TSV answer read back by pyoxigraph's results parser."""
    import pyoxigraph as ox

    results = ox.parse_query_results(body, getattr(ox.QueryResultsFormat, fmt.upper()))
    assert [v.value for v in results.variables] == variables
    return bag(variables, ({v: ox_term(s[v]) for v in variables} for s in results))


@cache
def expected(name: str, params_key: tuple, backend) -> tuple[list[str], Counter]:
    """What `kg query` answers: the variables and the bag of typed rows."""
    from kg import queries as lib

    result = lib.run(name, dict(params_key), backend=backend)
    variables = [v.value for v in result.variables]
    return variables, bag(variables, ({v: ox_term(s[v]) for v in variables} for s in result))


def as_strings(rows: Counter) -> Counter:
    return Counter({tuple(text_of(t) for t in row): n for row, n in rows.items()})


def test_every_library_query_is_covered():
    from kg.queries.library import library

    assert {name for name, _q, _p in CALLS} == set(library())


def test_sparqlwrapper_reads_every_library_query_as_a_query():
    """SPARQLWrapper picks SELECT/ASK/… or an update by searching the text for the first keyword,
    comments included: a header saying "drops" made it POST a query as an update (403)."""
    from SPARQLWrapper import SPARQLWrapper

    from kg.queries.library import library

    forms = {}
    for name, query in library().items():
        client = SPARQLWrapper("http://127.0.0.1:1/sparql")
        client.setQuery(query.text)
        forms[name] = client.queryType
    assert {n: f for n, f in forms.items() if f not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")} == {}


# --- SPARQLWrapper -----------------------------------------------------------------------------

@pytest.mark.parametrize("name, query, params", CALLS, ids=IDS)
def test_sparqlwrapper_gets_the_rows_of_kg_query_in_every_format(served, name, query, params):
    from SPARQLWrapper import CSV, JSON, POST, TSV, XML, SPARQLWrapper

    url, backend = served
    variables, rows = expected(name, tuple(sorted(params.items())), backend)
    text = sparql_text(query, params, backend)
    for fmt, constant in zip(FORMATS, (JSON, XML, CSV, TSV)):
        client = SPARQLWrapper(url)
        client.setMethod(POST)
        client.setQuery(text)
        client.setReturnFormat(constant)
        answer = client.query()
        if fmt == "json":
            doc = answer.convert()
            assert doc["head"]["vars"] == variables
            got = bag(variables, ({v: json_term(b.get(v)) for v in variables} for b in doc["results"]["bindings"]))
        elif fmt == "xml":
            got = parsed_bag(answer.convert().toxml("utf-8"), "xml", variables)
        elif fmt == "csv":
            got = csv_bag(variables, answer.convert().decode("utf-8"))
        else:
            got = parsed_bag(answer.convert(), "tsv", variables)
        assert got == (as_strings(rows) if fmt == "csv" else rows), fmt


@pytest.mark.parametrize("text, message", [(SYNTAX_ERROR, "syntax error"), (SERVICE, "SERVICE")])
def test_sparqlwrapper_sees_an_error_as_http_400_with_the_message(served, text, message):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    client = SPARQLWrapper(served[0])
    client.setMethod(POST)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed) as e:
        client.query()
    assert message in str(e.value)


# --- rdflib's SPARQLStore ----------------------------------------------------------------------

@pytest.mark.parametrize("name, query, params", CALLS, ids=IDS)
def test_rdflib_sparqlstore_gets_the_rows_of_kg_query_in_every_format(served, name, query, params):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    url, backend = served
    variables, rows = expected(name, tuple(sorted(params.items())), backend)
    text = sparql_text(query, params, backend)
    for fmt in FORMATS:
        graph = Graph(SPARQLStore(url, returnFormat=fmt, method="POST"))
        result = graph.query(text)
        assert [str(v) for v in result.vars] == variables
        got = bag(variables, ({v: rdflib_term(r[v]) for v in variables} for r in result))
        if fmt == "csv":  # rdflib reads CSV cells back as IRIs or plain literals
            got = as_strings(got)
        assert got == (as_strings(rows) if fmt == "csv" else rows), fmt


@pytest.mark.parametrize("text", [SYNTAX_ERROR, SERVICE])
def test_rdflib_sparqlstore_sees_an_error_as_http_400(served, text):
    """rdflib's SPARQLConnector keeps no body of an error answer: by POST it returns the status and
    urllib's reason in place of a result (by GET it raises a ValueError without either); never rows."""
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(SPARQLStore(served[0], returnFormat="json", method="POST"))
    assert graph.query(text) == (400, "HTTP Error 400: Bad Request", None)


# --- Apache Jena rsparql -----------------------------------------------------------------------

JENA_PACKAGE = "libapache-jena-java"


def _logging_bridge(jar: str) -> bool:
    """SLF4J bindings and bridges (several on one class path stop SLF4J); only its API is kept."""
    return jar.startswith(("slf4j-", "log4j", "jcl-over", "jul-to")) and jar != "slf4j-api.jar"


@pytest.fixture(scope="module")
def jena(tmp_path_factory) -> list[str]:
    """The command line starting Jena's `rsparql` class (Debian ships no `rsparql` script): the
    package's jars and those of its Java dependencies. Debian's jena-core (4.5.0-2) moved Xerces's
    classes to the package `xerces` but left its message files under org/apache/jena/ext/xerces,
    and XSD datatypes then fail to initialise ("internal error"); a copy of the message files where
    the classes look for them mends that."""
    deps = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
                           "--no-breaks", "--no-replaces", "--no-enhances", JENA_PACKAGE],
                          capture_output=True, text=True, check=True).stdout
    packages = sorted({line for line in deps.splitlines() if line.endswith("-java") and not line.startswith(" ")})
    jars = []
    for p in packages:
        listed = subprocess.run(["dpkg", "-L", p], capture_output=True, text=True).stdout.splitlines()
        jars += [f for f in listed if f.startswith("/usr/share/java/") and f.endswith(".jar") and f.count("/") == 4
                 and not any(c.isdigit() for c in Path(f).stem.rsplit("-", 1)[-1][:1])
                 and not _logging_bridge(Path(f).name)]
    assert "/usr/share/java/jena-cmds.jar" in jars, f"{JENA_PACKAGE} is not installed (make test installs it)"
    fix = tmp_path_factory.mktemp("jena-messages")
    with zipfile.ZipFile("/usr/share/java/jena-core.jar") as z:
        for member in z.namelist():
            if member.startswith("org/apache/jena/ext/xerces/") and member.endswith(".properties"):
                target = fix / "xerces" / member.removeprefix("org/apache/jena/ext/xerces/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(z.read(member))
    return ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", ":".join(jars + [str(fix)]), "arq.rsparql"]


def rsparql(jena: list[str], url: str, text: str, fmt: str, tmp: Path) -> subprocess.CompletedProcess:
    """`rsparql --service URL?format=FMT --query FILE --results TSV` (TSV when the server sent typed
    terms, CSV after a CSV answer)."""
    query = tmp / "q.rq"
    query.write_text(text, encoding="utf-8")
    return subprocess.run([*jena, "--service", f"{url}?format={fmt}", "--query", str(query),
                           "--results", "CSV" if fmt == "csv" else "TSV"],
                          capture_output=True, text=True, timeout=120)


def test_jena_rsparql_gets_the_rows_of_kg_query(served, jena, tmp_path):
    url, backend = served
    jobs = []
    first = {name: (query, params) for name, query, params in reversed(CALLS)}  # with the examples
    for i, (name, (query, params)) in enumerate(sorted(first.items())):
        folder = tmp_path / str(i)
        folder.mkdir()
        jobs.append((name, params, FORMATS[i % 4], sparql_text(query, params, backend), folder))
    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(lambda j: rsparql(jena, url, j[3], j[2], j[4]), jobs))
    for (name, params, fmt, _text, _f), run in zip(jobs, done):
        assert run.returncode == 0, (name, fmt, run.stderr)
        variables, rows = expected(name, tuple(sorted(params.items())), backend)
        if fmt == "csv":
            assert csv_bag(variables, run.stdout) == as_strings(rows), (name, fmt)
        else:
            assert parsed_bag(run.stdout.encode("utf-8"), "tsv", variables) == rows, (name, fmt)
    assert {fmt for _n, _p, fmt, _t, _f in jobs} == set(FORMATS)


def test_jena_rsparql_sees_a_refused_service_as_http_400(served, jena, tmp_path):
    run = rsparql(jena, served[0], SERVICE, "json", tmp_path)
    assert "HttpException: 400 Bad Request" in run.stderr
    assert run.stdout == ""


def test_jena_rsparql_refuses_a_syntax_error_itself(served, jena, tmp_path):
    """rsparql parses the query before sending it: a syntax error never reaches the server."""
    run = rsparql(jena, served[0], SYNTAX_ERROR, "json", tmp_path)
    assert 'Encountered " "}" "} "" at line 1, column 25.' in run.stdout + run.stderr
