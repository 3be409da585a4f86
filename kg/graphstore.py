"""Loading a dataset into a SPARQL server: the Graph Store Protocol, staging graphs, one switch.

`load_remote` builds the dataset locally first (a file that does not parse sends nothing), then:

1. asks the server's SPARQL Update endpoint to do nothing (`DROP SILENT GRAPH` of a graph that
   does not exist). When that is refused or kg knows no update endpoint, the load cannot be
   atomic: kg says so before writing (the `warn` callback) and PUTs each graph in place;
2. PUTs each named graph into its own staging graph (`urn:kg-staging:<load>:<n>`) with the Graph
   Store Protocol, as the media type the server family takes (N-Triples, or the same bytes as
   Turtle for Virtuoso; a 415 answer to N-Triples is retried as Turtle), and a map graph
   (`urn:kg-staging:<load>:map`) pairing each staging graph with the graph it replaces;
3. checks each staging graph's triple count on the server;
4. switches all of them in with one SPARQL Update request (DELETE the graphs' triples, INSERT the
   staging graphs' triples into them, both driven by the map graph), which Oxigraph, Fuseki,
   GraphDB and Virtuoso each apply as one transaction; then drops the staging graphs;
5. checks the graphs' counts again.

A failure before the switch drops the staging graphs and leaves the server's graphs as they were;
the error says so, and names any staging graph it could not drop. A failed switch is followed by
asking the server which graphs hold what.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import urllib.parse
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import UsageError
from kg.httpclient import FileBody, Http, RemoteError, safe
from kg.remote import (
    NTRIPLES,
    STAGING_PREFIX,
    TURTLE,
    Endpoints,
    RemoteBackend,
    endpoints_for,
)

if TYPE_CHECKING:  # pragma: no cover
    from kg.dataset import Source

LISTED = 5  # graphs named in a message, at most
DROPPED = "The staging graphs were removed."
TARGET = STAGING_PREFIX + "replaces"  # the map graph's predicate: <staging graph> TARGET <graph>
DROPS_PER_REQUEST = 200  # staging graphs dropped per update request (Virtuoso times out on 4,600 in one)


@dataclass(frozen=True)
class RemoteLoad:
    """What `load_remote` sent: the Graph Store and query endpoints, triples per named graph (as the
    server counts them afterwards), default-graph and inferred triples, the seconds taken, and
    whether the graphs were switched in atomically."""

    store: str
    query: str
    graphs: dict[str, int]
    default: int
    inferred: int
    seconds: float
    atomic: bool


def put_graph(http: Http, store_url: str, graph: str, file: Path, content_type: str = NTRIPLES) -> str:
    """Replace `graph` on the server with the N-Triples `file` (HTTP PUT ?graph=IRI). Returns the
    media type that worked: a 415 answer to N-Triples is retried once as Turtle. RemoteError else."""
    sep = "&" if urllib.parse.urlsplit(store_url).query else "?"
    url = f"{store_url}{sep}{urllib.parse.urlencode({'graph': graph})}"
    body = FileBody(file)
    try:
        http.request("PUT", url, content=body, write=True,
                     headers={"Content-Type": content_type, "Content-Length": str(body.size)})
    except RemoteError as e:
        if content_type != NTRIPLES or e.status != 415:
            raise
        return put_graph(http, store_url, graph, file, TURTLE)
    return content_type


def update(http: Http, update_url: str, text: str) -> None:
    """Run one SPARQL Update request (a form-encoded POST, as every server family takes it)."""
    http.request("POST", update_url, content=urllib.parse.urlencode({"update": text}).encode("utf-8"),
                 headers={"Content-Type": "application/x-www-form-urlencoded"}, write=True)


def _names(graphs, limit: int = LISTED) -> str:
    graphs = list(graphs)
    shown = ", ".join(graphs[:limit])
    return shown + (f" and {len(graphs) - limit} more" if len(graphs) > limit else "")


class _Load:
    """One load into one server (see the module docstring)."""

    def __init__(self, ends: Endpoints, counts: dict[str, int], warn: Callable[[str], None]):
        urls = [u for u in (ends.store, ends.query, ends.update) if u]
        self.http = Http(*urls)
        self.ends = ends
        self.counts = counts
        self.warn = warn
        self.content_type = ends.content_type
        self.reader = RemoteBackend(ends.query, graphs=[], http=self.http)
        load_id = uuid.uuid4().hex[:12]
        self.staging = {g: f"{STAGING_PREFIX}{load_id}:{i}" for i, g in enumerate(counts)}
        self.map_graph = f"{STAGING_PREFIX}{load_id}:map"  # staging graph -> the graph it replaces
        self.before: dict[str, int] = {}

    def can_update(self) -> bool:
        """Whether the update endpoint runs updates; warns (before anything is written) when not."""
        why = "kg knows no SPARQL Update endpoint for this server"
        if self.ends.update:
            try:
                update(self.http, self.ends.update, f"DROP SILENT GRAPH <{STAGING_PREFIX}probe>")
                return True
            except RemoteError as e:
                if e.status in (None, 401):  # unreachable, or credentials needed: no load can work
                    raise
                why = str(e)
        self.warn(f"warning: the load cannot be atomic: {why}. The graphs are replaced one by one, so a "
                  "failure part-way leaves some graphs new and some old (the error will say which).")
        return False

    def dump(self, store, graph: str, file: Path) -> None:
        import pyoxigraph as ox

        store.dump(output=str(file), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))

    def put(self, graph_on_server: str, file: Path) -> None:
        self.content_type = put_graph(self.http, self.ends.store, graph_on_server, file, self.content_type)

    def atomic(self, store, file: Path) -> None:
        written: list[str] = []
        try:
            for graph, staged in self.staging.items():
                self.dump(store, graph, file)
                written.append(staged)
                self.put(staged, file)
            file.write_text("".join(f"<{s}> <{TARGET}> <{g}> .\n" for g, s in self.staging.items()), encoding="utf-8")
            written.append(self.map_graph)
            self.put(self.map_graph, file)
            there = self.reader.counts_of(list(self.staging.values()) + list(self.counts))
            self.before = {g: there[g] for g in self.counts}
            wrong = {g: (n, there[self.staging[g]]) for g, n in self.counts.items() if there[self.staging[g]] != n}
            if wrong:
                detail = ", ".join(f"{g}: sent {a}, server has {b}" for g, (a, b) in list(wrong.items())[:LISTED])
                raise RemoteError(f"the server's triple counts differ from what was sent: {detail}")
        except RemoteError as e:
            raise RemoteError(f"{e}\nNothing was switched in: the graphs {_names(self.counts)} hold what they "
                              f"held before this load. {self.drop(written)}") from None
        try:
            update(self.http, self.ends.update, self.switch())
        except RemoteError as e:
            raise RemoteError(f"{e}\n{self.after_failed_switch()}") from None
        note = self.drop(written)
        if note != DROPPED:
            self.warn(f"warning: the graphs were switched in, but: {note}")

    def switch(self) -> str:
        """One SPARQL Update replacing every graph by its staging graph, as the map graph pairs them:
        two set-wise operations (a list of MOVEs costs Virtuoso one transaction step per graph and
        times out on thousands of graphs)."""
        pairs = f"GRAPH <{self.map_graph}> {{ ?staged <{TARGET}> ?graph }}"
        return (f"DELETE {{ GRAPH ?graph {{ ?s ?p ?o }} }} WHERE {{ {pairs} GRAPH ?graph {{ ?s ?p ?o }} }} ;\n"
                f"INSERT {{ GRAPH ?graph {{ ?s ?p ?o }} }} WHERE {{ {pairs} GRAPH ?staged {{ ?s ?p ?o }} }}")

    def after_failed_switch(self) -> str:
        """Which graphs hold what after the switch request failed (their counts, asked from the
        server, against those before and those sent; a graph whose count did not change is taken
        as holding the new data)."""
        every = list(self.staging.values()) + [self.map_graph]
        try:
            now = self.reader.counts_of(list(self.counts))
        except RemoteError as e:
            return (f"The switch may or may not have happened, and the server cannot be asked ({e}); staging "
                    f"graphs {_names(every)} hold the new data (drop them with `DROP GRAPH <…>`).")
        new = [g for g, n in self.counts.items() if now[g] == n]
        old = [g for g in self.counts if now[g] == self.before[g] and g not in new]
        other = [g for g in self.counts if g not in new and g not in old]
        if not new and not other:
            return (f"The server refused the switch as a whole: the graphs {_names(old)} hold what they held "
                    f"before this load. {self.drop(every)}")
        if not old and not other:
            return f"The switch went through: the graphs {_names(new)} hold the new data. {self.drop(every)}"
        odd = f"; {_names(other)} hold neither" if other else ""
        return (f"The server applied the switch only in part: {_names(new) or 'no graph'} hold the new data, "
                f"{_names(old) or 'no graph'} what they held before{odd}. {self.drop(every)}")

    def drop(self, staged: list[str]) -> str:
        """Drop staging graphs; a sentence saying what became of them."""
        if not staged:
            return ""
        try:
            for i in range(0, len(staged), DROPS_PER_REQUEST):
                update(self.http, self.ends.update,
                       " ;\n".join(f"DROP SILENT GRAPH <{s}>" for s in staged[i:i + DROPS_PER_REQUEST]))
            return DROPPED
        except RemoteError as e:
            return (f"The staging graphs {_names(staged)} could not be removed ({e}): drop them with "
                    "`DROP GRAPH <…>`; they are not part of kg's union default graph.")

    def in_place(self, store, file: Path) -> None:
        done: list[str] = []
        for graph in self.counts:
            self.dump(store, graph, file)
            try:
                self.put(graph, file)
            except RemoteError as e:
                rest = [g for g in self.counts if g not in done and g != graph]
                new = f"the graphs {_names(done)} hold the new data; " if done else ""
                old = f"; {_names(rest)} hold what they held before" if rest else ""
                raise RemoteError(f"{e}\nThe load stopped part-way: {new}{graph} was not replaced{old}.") from None
            done.append(graph)

    def verify(self) -> None:
        there = self.reader.counts_of(list(self.counts))
        wrong = {g: (n, there[g]) for g, n in self.counts.items() if there[g] != n}
        if wrong:
            detail = ", ".join(f"{g}: sent {a}, server has {b}" for g, (a, b) in list(wrong.items())[:LISTED])
            raise RemoteError(f"the server's triple counts differ from what was sent: {detail}")


def load_remote(sources: list[Source], endpoint: str, *, query_endpoint: str | None = None,
                reason: bool = False, progress: Callable[[int], None] | None = None,
                warn: Callable[[str], None] | None = None) -> RemoteLoad:
    """Load `sources` into a SPARQL server whose Graph Store Protocol endpoint is `endpoint` (see the
    module docstring), with the rule inferences when `reason`. `warn` receives a warning before
    anything is written when the load cannot be atomic (default: printed to stderr).

    Raises UsageError when `endpoint` is not a Graph Store Protocol URL kg recognises, RemoteError
    when the server refuses a request or its counts differ afterwards (the message says which
    graphs hold what), InputError for a file that does not parse (then nothing is sent).
    """
    import sys

    import pyoxigraph as ox

    from kg.store import build_database

    ends = endpoints_for(endpoint, query_endpoint=query_endpoint)
    if ends.store is None:
        raise UsageError(
            f"{safe(endpoint)}: not a Graph Store Protocol URL kg recognises (…/store, …/data, "
            "…/rdf-graphs/service, …/sparql-graph-crud-auth, …/sparql/gsp/); see docs/stores.md"
        )
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="kg-load-"))
    try:
        built = build_database(sources, work / "db", reason=reason, progress=progress)
        load = _Load(ends, dict(built.counts), warn or (lambda m: print(m, file=sys.stderr)))
        try:
            store = ox.Store.read_only(str(work / "db"))
            atomic = load.can_update()
            if atomic:
                load.atomic(store, work / "graph.nt")
            else:
                load.in_place(store, work / "graph.nt")
            del store
            load.verify()
        finally:
            load.http.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return RemoteLoad(ends.store, ends.query, dict(built.counts), built.default, built.inferred,
                      round(time.monotonic() - started, 3), atomic)
