"""A client for any SPARQL 1.1 server: its URLs per server family, and queries through the Protocol.

HTTP goes through kg.httpclient (httpx; credentials from `KG_ENDPOINT_USER` and
`KG_ENDPOINT_PASSWORD`, sent only to the origins the user named, in answer to a Basic or Digest
challenge). Loading into a server is kg.graphstore.

Queries ask for the union of the server's named graphs as the default graph — the Backend contract
— with the SPARQL 1.1 Protocol dataset parameters: one `default-graph-uri` and one `named-graph-uri`
per named graph on the server (a query with its own FROM/FROM NAMED keeps its own dataset). The
named graphs are the server's data graphs: kg's own staging graphs (of a load in progress) and the
engine's system graphs (Virtuoso's) are left out.
Parameters are bound by a `VALUES` block put first in the query's WHERE group, built from the typed
RDF terms' N-Triples form (pyoxigraph validates IRIs and escapes literals), never by pasting text.
A result body that does not parse completely (a server timeout mid-stream, a dropped connection)
is an error, not a partial answer.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

from kg.httpclient import (  # noqa: F401  (RemoteError and the environment names are part of this API)
    PASSWORD_ENV,
    TIMEOUT_ENV,
    USER_ENV,
    Http,
    RemoteError,
    Response,
    check_url,
    credentials,
    safe,
)
from kg.namespaces import PREFIXES
from kg.sparqltext import shape, values_binding

ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
          "application/sparql-results+xml;q=0.5, application/rdf+xml;q=0.4")
NTRIPLES, TURTLE = "application/n-triples", "text/turtle"
STAGING_PREFIX = "urn:kg-staging:"  # graphs a load writes before switching them in (kg.graphstore)
# Graphs a Virtuoso server keeps for itself: its RDF views' metadata, the Linked Data Platform
# vocabulary, its SPARQL service description (`<server>/sparql`) and its WebDAV folder.
SYSTEM_GRAPHS = re.compile(r"^(http://www\.openlinksw\.com/schemas/virtrdf#|http://www\.w3\.org/ns/ldp#"
                           r"|https?://[^/]+/(sparql|DAV/))$")


# --- endpoint URLs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Family:
    """One server family: how its Graph Store Protocol path ends, what replaces that ending for its
    query and update endpoints (None: kg knows none), and the RDF type its Graph Store accepts."""

    name: str
    store_path: re.Pattern
    query: str
    update: str | None
    content_type: str = NTRIPLES


FAMILIES = [
    Family("Oxigraph", re.compile(r"/store/?$"), "/query", "/update"),
    Family("Fuseki", re.compile(r"/(data|get)/?$"), "/query", "/update"),
    Family("GraphDB/RDF4J", re.compile(r"/rdf-graphs/service/?$"), "", "/statements"),
    # Virtuoso's Graph Store refuses N-Triples; N-Triples is also Turtle, so the same bytes go as Turtle.
    Family("Virtuoso", re.compile(r"/sparql-graph-crud-auth/?$"), "/sparql", "/sparql-auth", TURTLE),
    Family("Virtuoso", re.compile(r"/sparql-graph-crud/?$"), "/sparql", "/sparql", TURTLE),
    Family("Neptune", re.compile(r"/sparql/gsp/?$"), "/sparql", "/sparql"),
]


@dataclass(frozen=True)
class Endpoints:
    """The query endpoint and, for loads, the Graph Store Protocol endpoint of one server, its
    SPARQL Update endpoint (None when kg knows none), the RDF media type its Graph Store takes,
    and the server family's name ("" when unknown)."""

    query: str
    store: str | None = None
    update: str | None = None
    content_type: str = NTRIPLES
    family: str = ""


def endpoints_for(url: str, *, query_endpoint: str | None = None) -> Endpoints:
    """Endpoints from one URL: a Graph Store Protocol URL gives its server's query and update URLs;
    any other URL is taken as the query endpoint itself (then it cannot be loaded into).
    UsageError for a URL that is not http(s) or carries credentials."""
    check_url(url)
    if query_endpoint:
        check_url(query_endpoint)
    parts = urllib.parse.urlsplit(url)
    for fam in FAMILIES:
        if fam.store_path.search(parts.path):
            update = _sibling(parts, fam, fam.update) if fam.update is not None else None
            return Endpoints(query=query_endpoint or _sibling(parts, fam, fam.query), store=url, update=update,
                             content_type=fam.content_type, family=fam.name)
    return Endpoints(query=query_endpoint or url, store=None)


def _sibling(parts: urllib.parse.SplitResult, fam: Family, suffix: str) -> str:
    """The URL whose path is the Graph Store path with the family's ending replaced by `suffix`."""
    return urllib.parse.urlunsplit(parts._replace(path=fam.store_path.sub(suffix, parts.path), query=""))


def family_of(server: str) -> str:
    """The engine key (kg.queries.library.ENGINES) a `Server` response header (RFC 9110 section
    10.2.4) names as a word: `Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu` gives "virtuoso",
    `Oxigraph/0.5.13` "oxigraph"; "" for a header that names none of them (or is absent)."""
    from kg.queries.library import ENGINES

    words = re.findall(r"[a-z0-9]+", (server or "").lower())
    return next((word for word in words if word in ENGINES), "")


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
    """A complete, validated result: QuerySolutions / QueryBoolean, or QueryTriples for graphs.
    RemoteError for a body that does not parse to the end or a media type that is no SPARQL answer."""
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
            if fmt == ox.RdfFormat.RDF_XML:
                _check_rdfxml(resp.body, where=where)
            graph = ox.Store()
            graph.extend(
                ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in ox.parse(resp.body, fmt)
            )
            return graph.query("CONSTRUCT WHERE { ?s ?p ?o }")
    except (SyntaxError, ValueError) as e:
        raise RemoteError(f"{where}: the answer is truncated or malformed ({ctype}): {e}") from None
    raise RemoteError(f"{where}: unexpected answer type {ctype or 'none'!r}: not a SPARQL result or RDF "
                      "(is this the server's query endpoint?)")


def _check_rdfxml(body: bytes, *, where: str) -> None:
    """RemoteError when an RDF/XML answer declares DTD entities (kg.rdfxml refuses them)."""
    from kg.errors import InputError
    from kg.rdfxml import check_prolog

    try:
        check_prolog(body, where=where)
    except InputError as e:
        raise RemoteError(str(e)) from None


def is_data_graph(iri: str) -> bool:
    """False for kg's staging graphs and a Virtuoso server's own graphs."""
    return not iri.startswith(STAGING_PREFIX) and not SYSTEM_GRAPHS.match(iri)


# --- the remote backend ----------------------------------------------------------------------


class RemoteBackend:
    """A SPARQL 1.1 query endpoint, answering like `pyoxigraph.Store.query` (see kg.backend).
    `graphs` fixes the union default graph (default: the server's data graphs, asked once);
    `http` shares a client (and its learnt authentication) with other requests to the server.
    `family` is the engine key the server's last answer named in its `Server` header (family_of;
    "" before the first answer or when the header names no engine kg knows)."""

    def __init__(self, url: str, *, graphs: list[str] | None = None, timeout: float | None = None,
                 http: Http | None = None):
        self.endpoints = endpoints_for(url)
        self.url = self.endpoints.query
        self.http = http or Http(self.url, timeout=timeout)
        self._graphs = graphs
        self.description = f"SPARQL endpoint {safe(self.url)}"
        self.family = ""

    def graphs(self) -> list[str]:
        """The server's data graphs, sorted (see is_data_graph); they form the union default graph.

        Asked as `GRAPH ?g { }`, which is cheap; RDF4J and GraphDB answer that with one unbound
        row, so an answer without graphs is asked again as `GRAPH ?g { ?s ?p ?o }`."""
        if self._graphs is None:
            found = self._graph_names("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
            if not found:
                found = self._graph_names("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
            self._graphs = sorted(g for g in found if is_data_graph(g))
        return list(self._graphs)

    def _graph_names(self, text: str) -> set[str]:
        import pyoxigraph as ox

        return {r["g"].value for r in self._run(text, dataset=False) if isinstance(r["g"], ox.NamedNode)}

    def _run(self, text: str, *, dataset: bool = True):
        form: list[tuple[str, str]] = [("query", text)]
        if dataset:
            for g in self.graphs():
                form.append(("default-graph-uri", g))
            for g in self.graphs():
                form.append(("named-graph-uri", g))
        resp = self.http.request(
            "POST", self.url, content=urllib.parse.urlencode(form).encode("utf-8"),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT},
        )
        self.family = family_of(resp.server)
        return parse_answer(resp, where=f"POST {safe(self.url)}")

    def query(self, query: str, *, substitutions=None, prefixes: dict[str, str] | None = None):
        bound, _ = values_binding(query, substitutions, require_all=True)
        text = with_prefixes(bound, prefixes)
        return self._run(text, dataset=not shape(text).has_from)

    def counts_of(self, graphs: list[str]) -> dict[str, int]:
        """Triples in each of `graphs` (IRIs), as the server counts them; a graph it lacks is 0.
        One grouped count of every graph: Virtuoso takes 0.5 s for 4,600 graphs and 1M triples
        that way, but 20 s for 500 graphs listed in VALUES, and refuses 4,600."""
        there = self._all_counts()
        return {g: there.get(g, 0) for g in graphs}

    def _all_counts(self) -> dict[str, int]:
        rows = self._run("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", dataset=False)
        return {r["g"].value: int(r["n"].value) for r in rows}

    def graph_counts(self) -> dict[str, int]:
        return dict(sorted((g, n) for g, n in self._all_counts().items() if is_data_graph(g)))

    def triple_count(self) -> int:
        return sum(self.graph_counts().values())

