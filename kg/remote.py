"""A client for any SPARQL 1.1 server: the Protocol for queries, the Graph Store Protocol for loads.

Only the standard library's urllib speaks HTTP. Credentials come from `KG_ENDPOINT_USER` and
`KG_ENDPOINT_PASSWORD` (HTTP Basic, sent with each request), never from the command line or a URL,
and never appear in messages.

Queries ask for the union of the server's named graphs as the default graph — the Backend contract
— with the SPARQL 1.1 Protocol dataset parameters: one `default-graph-uri` and one `named-graph-uri`
per named graph on the server (a query with its own FROM/FROM NAMED keeps its own dataset).
Parameters are bound by a `VALUES` block put first in the query's WHERE group, built from the typed
RDF terms' N-Triples form (pyoxigraph validates IRIs and escapes literals), never by pasting text.
A result body that does not parse completely (a server timeout mid-stream, a dropped connection)
is an error, not a partial answer.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import shutil
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable

if TYPE_CHECKING:  # pragma: no cover
    from kg.dataset import Source

from kg.errors import KgError, UsageError
from kg.namespaces import PREFIXES
from kg.sparqltext import shape, values_binding

USER_ENV = "KG_ENDPOINT_USER"
PASSWORD_ENV = "KG_ENDPOINT_PASSWORD"
TIMEOUT_ENV = "KG_ENDPOINT_TIMEOUT"
DEFAULT_TIMEOUT = 300.0
ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
          "application/sparql-results+xml;q=0.5, application/rdf+xml;q=0.4")


class RemoteError(KgError):
    """The server could not be reached, refused a request, or sent a body that does not parse."""


# --- endpoint URLs ---------------------------------------------------------------------------

# (Graph Store Protocol path suffix, the matching query endpoint suffix), per server family.
_GSP_TO_QUERY = [
    (re.compile(r"/store/?$"), "/query"),                                 # Oxigraph server
    (re.compile(r"/(data|get)/?$"), "/query"),                            # Fuseki /ds/data
    (re.compile(r"/rdf-graphs/service/?$"), ""),                          # GraphDB, RDF4J
    (re.compile(r"/sparql-graph-crud(-auth)?/?$"), "/sparql"),            # Virtuoso
    (re.compile(r"/sparql/gsp/?$"), "/sparql"),                           # Amazon Neptune
]


@dataclass(frozen=True)
class Endpoints:
    """The query endpoint and (for loads) the Graph Store Protocol endpoint of one server."""

    query: str
    store: str | None = None


def _check_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{_safe(url)}: not an http(s) URL")
    if parts.username or parts.password:
        raise UsageError(
            f"{_safe(url)}: put credentials in {USER_ENV} and {PASSWORD_ENV}, not in the URL"
        )
    return url


def _safe(url: str) -> str:
    """A URL with any user:password removed, for messages."""
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        parts = parts._replace(netloc=netloc)
    return urllib.parse.urlunsplit(parts)


def endpoints_for(url: str, *, query_endpoint: str | None = None) -> Endpoints:
    """Endpoints from one URL: a Graph Store Protocol URL gives its server's query URL; any other
    URL is taken as the query endpoint itself (then it cannot be loaded into)."""
    _check_url(url)
    if query_endpoint:
        _check_url(query_endpoint)
    parts = urllib.parse.urlsplit(url)
    for pattern, query_suffix in _GSP_TO_QUERY:
        if pattern.search(parts.path):
            derived = urllib.parse.urlunsplit(parts._replace(path=pattern.sub(query_suffix, parts.path), query=""))
            return Endpoints(query=query_endpoint or derived, store=url)
    return Endpoints(query=query_endpoint or url, store=None)


def credentials() -> tuple[str, str] | None:
    """(user, password) from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD, or None without a user."""
    user = os.environ.get(USER_ENV)
    if not user:
        return None
    return user, os.environ.get(PASSWORD_ENV, "")


# --- HTTP ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Response:
    """An HTTP answer: status code, media type (without parameters) and the whole body."""

    status: int
    content_type: str
    body: bytes


def _timeout() -> float:
    raw = os.environ.get(TIMEOUT_ENV)
    try:
        return float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        raise UsageError(f"{TIMEOUT_ENV}={raw!r} is not a number of seconds") from None


def request(method: str, url: str, *, body: bytes | BinaryIO | None = None, length: int | None = None,
            headers: dict[str, str] | None = None, timeout: float | None = None) -> Response:
    """One HTTP request; a non-2xx answer raises RemoteError with the status and the server's text."""
    headers = dict(headers or {})
    creds = credentials()
    if creds is not None:
        token = base64.b64encode(f"{creds[0]}:{creds[1]}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    if length is not None:
        headers["Content-Length"] = str(length)
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    host = urllib.parse.urlsplit(url).hostname or ""
    handlers = [urllib.request.ProxyHandler({})] if host in ("127.0.0.1", "localhost", "::1") else []
    opener = urllib.request.build_opener(*handlers)
    where = f"{method} {_safe(url)}"
    try:
        with opener.open(req, timeout=timeout or _timeout()) as resp:
            data = resp.read()
            declared = resp.headers.get("Content-Length")
            if declared is not None and declared.isdigit() and int(declared) != len(data):
                raise RemoteError(f"{where}: the answer was cut short ({len(data)} of {declared} bytes)")
            return Response(resp.status, resp.headers.get_content_type(), data)
    except urllib.error.HTTPError as e:
        text = e.read(4000).decode("utf-8", "replace").strip()
        message = f"{where}: HTTP {e.code} {e.reason}"
        if e.code == 401:
            message += f" (set {USER_ENV} and {PASSWORD_ENV}; only HTTP Basic is supported)"
        raise RemoteError(message + (f": {text}" if text else "")) from None
    except urllib.error.URLError as e:
        raise RemoteError(f"{where}: cannot reach the server: {e.reason}") from None
    except http.client.IncompleteRead as e:
        raise RemoteError(f"{where}: the answer was cut short ({len(e.partial)} bytes read)") from None
    except (TimeoutError, OSError, http.client.HTTPException) as e:
        raise RemoteError(f"{where}: {e}") from None


# --- the Graph Store Protocol ------------------------------------------------------------------


def put_graph(store_url: str, graph: str, file: Path, *, content_type: str = "application/n-triples") -> int:
    """Replace `graph` on the server with the content of `file` (HTTP PUT ?graph=IRI). Returns the status."""
    sep = "&" if urllib.parse.urlsplit(store_url).query else "?"
    url = f"{store_url}{sep}{urllib.parse.urlencode({'graph': graph})}"
    size = file.stat().st_size
    with open(file, "rb") as f:
        return request("PUT", url, body=f, length=size, headers={"Content-Type": content_type}).status


def with_prefixes(text: str, prefixes: dict[str, str] | None) -> str:
    """Declare the project prefixes the query uses but does not declare itself."""
    prefixes = PREFIXES if prefixes is None else prefixes
    declared = shape(text).declared
    missing = [p for p in prefixes if p not in declared]
    prologue = "".join(f"PREFIX {p}: <{prefixes[p]}>\n" for p in missing if re.search(rf"(?<![\w\-]){re.escape(p)}:", text))
    return prologue + text


# --- results ---------------------------------------------------------------------------------

_RESULT_FORMATS = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/tab-separated-values": "TSV",
}
_RDF_FORMATS = {
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "text/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/rdf+xml": "RDF_XML",
    "application/n-quads": "N_QUADS",
    "application/ld+json": "JSON_LD",
}


def parse_answer(resp: Response, *, where: str):
    """A complete, validated result: QuerySolutions / QueryBoolean, or QueryTriples for graphs."""
    import pyoxigraph as ox

    ctype = resp.content_type
    try:
        if ctype in _RESULT_FORMATS:
            fmt = getattr(ox.QueryResultsFormat, _RESULT_FORMATS[ctype])
            parsed = ox.parse_query_results(resp.body, fmt)
            if isinstance(parsed, ox.QuerySolutions):
                for _ in parsed:  # read to the end: a truncated body fails here, not half-way through a caller
                    pass
                return ox.parse_query_results(resp.body, fmt)
            return parsed
        if ctype in _RDF_FORMATS:
            fmt = getattr(ox.RdfFormat, _RDF_FORMATS[ctype])
            graph = ox.Store()
            graph.extend(
                ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in ox.parse(resp.body, fmt)
            )
            return graph.query("CONSTRUCT WHERE { ?s ?p ?o }")
    except (SyntaxError, ValueError) as e:
        raise RemoteError(f"{where}: the answer is truncated or malformed ({ctype}): {e}") from None
    raise RemoteError(f"{where}: unexpected answer type {ctype!r}")


# --- the remote backend ----------------------------------------------------------------------


class RemoteBackend:
    """A SPARQL 1.1 query endpoint, answering like `pyoxigraph.Store.query` (see kg.backend)."""

    def __init__(self, url: str, *, graphs: list[str] | None = None, timeout: float | None = None):
        self.endpoints = endpoints_for(url)
        self.url = self.endpoints.query
        self.timeout = timeout
        self._graphs = graphs
        self.description = f"SPARQL endpoint {_safe(self.url)}"

    def graphs(self) -> list[str]:
        """The named graphs on the server (asked once; they form the union default graph)."""
        if self._graphs is None:
            rows = self._run("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", dataset=False)
            self._graphs = sorted(r["g"].value for r in rows if hasattr(r["g"], "value"))
        return list(self._graphs)

    def _run(self, text: str, *, dataset: bool = True):
        form: list[tuple[str, str]] = [("query", text)]
        if dataset:
            for g in self.graphs():
                form.append(("default-graph-uri", g))
            for g in self.graphs():
                form.append(("named-graph-uri", g))
        body = urllib.parse.urlencode(form).encode("utf-8")
        resp = request(
            "POST", self.url, body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT},
            timeout=self.timeout,
        )
        return parse_answer(resp, where=f"POST {_safe(self.url)}")

    def query(self, query: str, *, substitutions=None, prefixes: dict[str, str] | None = None):
        bound, _ = values_binding(query, substitutions, require_all=True)
        text = with_prefixes(bound, prefixes)
        return self._run(text, dataset=not shape(text).has_from)

    def graph_counts(self) -> dict[str, int]:
        rows = self._run("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", dataset=False)
        return dict(sorted((r["g"].value, int(r["n"].value)) for r in rows))

    def triple_count(self) -> int:
        return sum(self.graph_counts().values())



# --- loading a dataset into a server -----------------------------------------------------------


@dataclass(frozen=True)
class RemoteLoad:
    """What `load_remote` sent: the Graph Store and query endpoints, triples per named graph (as the
    server counts them afterwards), default-graph and inferred triples, and the seconds taken."""

    store: str
    query: str
    graphs: dict[str, int]
    default: int
    inferred: int
    seconds: float


def load_remote(sources: "list[Source]", endpoint: str, *, query_endpoint: str | None = None,
                reason: bool = False, progress: Callable[[int], None] | None = None) -> RemoteLoad:
    """Load `sources` into a SPARQL server: build the dataset in a temporary store (with the rule
    inferences when `reason`), then PUT each named graph as N-Triples to the Graph Store Protocol
    endpoint `endpoint`, and compare the server's triple counts with what was sent.

    Raises UsageError when `endpoint` is not a Graph Store Protocol URL kg recognises, RemoteError
    when the server refuses a graph or its counts differ afterwards, InputError for a file that
    does not parse (then nothing is sent).
    """
    import pyoxigraph as ox

    from kg.store import build_database

    ends = endpoints_for(endpoint, query_endpoint=query_endpoint)
    if ends.store is None:
        raise UsageError(
            f"{endpoint}: not a Graph Store Protocol URL kg recognises (…/store, …/data, "
            "…/rdf-graphs/service, …/sparql-graph-crud-auth, …/sparql/gsp/); see docs/stores.md"
        )
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="kg-load-"))
    try:
        built = build_database(sources, work / "db", reason=reason, progress=progress)
        store = ox.Store.read_only(str(work / "db"))
        for graph in built.counts:
            file = work / "graph.nt"
            store.dump(output=str(file), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
            put_graph(ends.store, graph, file)
        del store
        there = RemoteBackend(ends.query, graphs=sorted(built.counts)).graph_counts()
        wrong = {g: (n, there.get(g, 0)) for g, n in built.counts.items() if there.get(g, 0) != n}
        if wrong:
            detail = ", ".join(f"{g}: sent {a}, server has {b}" for g, (a, b) in list(wrong.items())[:5])
            raise RemoteError(f"the server's triple counts differ from what was sent: {detail}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return RemoteLoad(ends.store, ends.query, dict(built.counts), built.default, built.inferred,
                      round(time.monotonic() - started, 3))
