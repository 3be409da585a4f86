"""OpenLink Virtuoso 7 as a second real engine: loads through its Graph Store Protocol (digest
authentication), queries through its SPARQL endpoint, compared with the embedded store.

One Virtuoso per test session, shared by the xdist workers (about 4 s to create its database).
Tests that write graphs other than the project's own use graph names no other test reads, and the
comparisons are made over the project's graphs, so the workers cannot disturb each other.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import invoke_kg
from remote_checks import check_a_failed_load_leaves_the_previous_graphs, library_calls
from servers import shared_virtuoso, virtuoso_available

pytestmark = pytest.mark.skipif(not virtuoso_available(), reason="Virtuoso is not installed: run `make debian-packages`")

G = "https://w3id.org/igkg/graph/"


def load_the_project(server) -> dict:
    """`kg load --endpoint` of the project dataset into `server`: the summary printed (JSON)."""
    dba = {"KG_ENDPOINT_USER": "dba", "KG_ENDPOINT_PASSWORD": server.password}
    remote = invoke_kg("load", "--endpoint", f"{server.url}/sparql-graph-crud-auth", "--no-validate", "--json",
                       env=dba)
    assert remote.returncode == 0, remote.stderr
    return json.loads(remote.stdout)


@pytest.fixture(scope="session")
def shared(tmp_path_factory, worker_id):
    """(Virtuoso holding the project dataset, the load's summary), one for all workers."""
    folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        folder = folder.parent  # the workers' common folder
    with shared_virtuoso(folder / "virtuoso", load_the_project) as pair:
        yield pair


@pytest.fixture(scope="session")
def virtuoso(shared):
    return shared[0]


@pytest.fixture(scope="session")
def dba(virtuoso) -> dict[str, str]:
    return {"KG_ENDPOINT_USER": "dba", "KG_ENDPOINT_PASSWORD": virtuoso.password}


@pytest.fixture(scope="session")
def loaded(shared, tmp_path_factory):
    """The project dataset as loaded into Virtuoso, and an embedded store of it."""
    store = tmp_path_factory.mktemp("embedded") / "store"
    local = invoke_kg("load", "--store", str(store), "--no-validate", "--json")
    assert local.returncode == 0, local.stderr
    return {"remote": shared[1], "local": json.loads(local.stdout), "store": store}


XSD = "http://www.w3.org/2001/XMLSchema#"


def answer(result) -> tuple:
    """(columns, rows, boolean) of a pyoxigraph result (see test_remote.answer)."""
    from test_remote import answer as of

    return of(result)


def backends(virtuoso, loaded):
    """The embedded store, and Virtuoso with the project's graphs as its union default graph."""
    from kg.backend import open_backend
    from kg.remote import RemoteBackend

    return (open_backend(store=str(loaded["store"])),
            RemoteBackend(f"{virtuoso.url}/sparql", graphs=sorted(loaded["local"]["graphs"])))


def project_counts(remote, loaded) -> dict[str, int]:
    return {g: n for g, n in remote.graph_counts().items() if g in loaded["local"]["graphs"]}


def test_the_load_is_atomic_and_gives_the_embedded_stores_counts_per_graph(virtuoso, loaded):
    embedded, remote = backends(virtuoso, loaded)
    assert loaded["remote"]["atomic"] is True
    assert loaded["remote"]["graphs"] == loaded["local"]["graphs"]
    assert project_counts(remote, loaded) == embedded.graph_counts() == loaded["local"]["graphs"]


def test_the_graph_listing_leaves_out_virtuosos_own_graphs(virtuoso, loaded):
    from kg.remote import RemoteBackend

    listed = RemoteBackend(f"{virtuoso.url}/sparql").graphs()
    assert set(loaded["local"]["graphs"]) <= set(listed)
    assert [g for g in listed if not g.startswith(G)] == []  # no virtrdf#, ldp#, …/sparql, …/DAV/, staging
    everything = RemoteBackend(f"{virtuoso.url}/sparql", graphs=[]).query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert "http://www.openlinksw.com/schemas/virtrdf#" in {r["g"].value for r in everything}


def test_loading_twice_gives_the_same_counts(virtuoso, loaded, dba, kg):
    _, remote = backends(virtuoso, loaded)
    again = kg("load", "--endpoint", f"{virtuoso.url}/sparql-graph-crud-auth", "--no-validate", "--json", env=dba)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["graphs"] == loaded["local"]["graphs"]
    assert project_counts(remote, loaded) == loaded["local"]["graphs"]


# Where Virtuoso 7.2 answers a library query differently from the SPARQL 1.1 semantics that
# Oxigraph implements (docs/stores.md explains each): the server's error, fewer rows, or the same
# rows in another order. Every other query must give exactly the embedded store's rows.
TRANSITIVE = r"Virtuoso 37000 Error TR\.\.\.: (transitive start not given|Query contains a transitive derived table)"
INTERNAL = r"Virtuoso 37000 Error SP031: SPARQL compiler: Internal error"
COST = r"Virtuoso 42000 Error The estimated execution time \d+ \(sec\) exceeds the limit"
OPTIMIZER = r"Virtuoso 37000 Error SQ156: Internal Optimized compiler error"
SQ074 = r"Virtuoso 37000 Error SQ074"
VIRTUOSO_DIFFERS = {  # (query, called with its example parameters or with none) -> what Virtuoso does
    ("editorial-notes", "example"): INTERNAL, ("editorial-notes", "none"): INTERNAL,
    ("event-hierarchy", "none"): TRANSITIVE,
    ("events", "example"): OPTIMIZER,
    ("events-in-year", "example"): "fewer rows",
    ("facts-per-document", "none"): TRANSITIVE,
    ("facts-without-quote", "none"): TRANSITIVE,
    ("holder-of-post-on-date", "example"): "fewer rows",
    ("organisation-timeline", "example"): SQ074,
    ("organisation-ancestors", "example"): TRANSITIVE,
    ("partnership-network", "example"): COST,
    ("statement-provenance", "example"): INTERNAL,
}


def as_virtuoso_writes(result: tuple) -> tuple:
    """`answer` with the values Virtuoso 7.2 writes in another form written its way (docs/stores.md):
    an xsd:boolean as the xsd:integer 1 or 0 (a projected boolean parameter, e.g. `inferred`), and an
    xsd:duration of years and months as its number of months ("P3Y" as "36")."""
    import pyoxigraph as ox

    boolean, integer = ox.NamedNode(XSD + "boolean"), ox.NamedNode(XSD + "integer")
    duration = ox.NamedNode(XSD + "duration")

    def cell(term):
        if isinstance(term, ox.Literal) and term.datatype == boolean:
            return ox.Literal("1" if term.value == "true" else "0", datatype=integer)
        m = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?", term.value) if isinstance(term, ox.Literal) \
            and term.datatype == duration else None
        if m:
            return ox.Literal(str(12 * int(m.group(1) or 0) + int(m.group(2) or 0)), datatype=duration)
        return term

    columns, rows, flag = result
    return columns, [tuple(cell(t) for t in row) for row in rows], flag


def test_the_whole_query_library_gives_the_same_rows_as_the_embedded_store(virtuoso, loaded):
    from kg import queries as lib
    from kg.queries.library import library
    from kg.remote import RemoteError

    embedded, remote = backends(virtuoso, loaded)
    seen: set[tuple[str, str]] = set()
    for name, query, params in library_calls():
        here = as_virtuoso_writes(answer(lib.run(query, params, backend=embedded)))
        call = (name, "example" if params else "none")
        differs = VIRTUOSO_DIFFERS.get(call)
        if differs in (None, "fewer rows", "another order"):
            there = as_virtuoso_writes(answer(lib.run(query, params, backend=remote)))
            if differs is None:
                assert there == here, name
            elif differs == "fewer rows":
                assert there[0] == here[0] and set(there[1]) < set(here[1]), name
            else:
                assert there[0] == here[0] and sorted(map(repr, there[1])) == sorted(map(repr, here[1])), name
                assert there[1] != here[1], name
        else:
            with pytest.raises(RemoteError, match=differs):
                lib.run(query, params, backend=remote)
        seen.add(call)
    assert set(VIRTUOSO_DIFFERS) <= seen and len({n for n, _ in seen}) == len(library()) >= 20
    marked = {n for n, q in library().items() if "virtuoso" in q.incomplete_on}
    assert marked == {n for (n, _), how in VIRTUOSO_DIFFERS.items() if how == "fewer rows"}


def test_the_server_header_names_virtuoso(virtuoso):
    from kg.remote import RemoteBackend

    remote = RemoteBackend(f"{virtuoso.url}/sparql", graphs=[])
    assert remote.family == ""
    assert remote.query("ASK { }")
    assert remote.family == "virtuoso"


def test_a_query_marked_incomplete_on_virtuoso_says_so_on_stderr_and_keeps_its_rows(virtuoso, loaded, kg):
    from kg.queries.library import get

    args = ["query", "events-in-year", "-p", "year=2014", "--format", "json"]
    there = kg(*args, "--endpoint", f"{virtuoso.url}/sparql")
    here = kg(*args, "--store", str(loaded["store"]))
    assert there.returncode == here.returncode == 0, there.stderr + here.stderr
    reason = get("events-in-year").incomplete_on["virtuoso"]
    assert there.stderr == f"note: Virtuoso may answer this query with fewer rows: {reason}\n"
    assert here.stderr == ""
    rows = lambda r: {json.dumps(b, sort_keys=True) for b in json.loads(r.stdout)["results"]["bindings"]}  # noqa: E731
    assert json.loads(there.stdout)["head"] == json.loads(here.stdout)["head"]
    assert rows(there) < rows(here) and len(rows(there)) == 6 and len(rows(here)) == 7
    csv = kg("query", "events-in-year", "-p", "year=2014", "--format", "csv", "--endpoint", f"{virtuoso.url}/sparql")
    assert csv.returncode == 0 and csv.stderr == there.stderr and csv.stdout.startswith("year,event,start,place,source\r\n")


def test_the_python_api_warns_as_kg_query_notes(virtuoso, loaded):
    import warnings

    from kg import api

    with pytest.warns(UserWarning, match=r"^note: Virtuoso may answer this query with fewer rows: Virtuoso 7\.2 "):
        rows = api.query("events-in-year", {"year": "2014"}, endpoint=f"{virtuoso.url}/sparql")
    assert len(rows) == 6
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert api.query("posts-and-holders", endpoint=f"{virtuoso.url}/sparql")


def test_a_query_not_marked_prints_no_note_on_virtuoso(virtuoso, loaded, kg):
    r = kg("query", "posts-and-holders", "--format", "json", "--endpoint", f"{virtuoso.url}/sparql")
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_writes_need_the_credentials(virtuoso, loaded, kg, tmp_path):
    from remote_checks import FIRST, write_version

    files = write_version(tmp_path, FIRST, "x")
    r = kg("load", *files, "--endpoint", f"{virtuoso.url}/sparql-graph-crud-auth", "--no-validate")
    assert r.returncode == 2 and "HTTP 401 Unauthorized (set KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD" in r.stderr
    wrong = {"KG_ENDPOINT_USER": "dba", "KG_ENDPOINT_PASSWORD": "not-the-password"}
    r = kg("load", *files, "--endpoint", f"{virtuoso.url}/sparql-graph-crud-auth", "--no-validate", env=wrong)
    assert r.returncode == 2 and "HTTP 401" in r.stderr and "not-the-password" not in r.stderr


def test_a_failed_load_leaves_the_previous_graphs_and_no_staging_graph(virtuoso, loaded, dba, kg, tmp_path):
    from remote_checks import FIRST

    try:
        check_a_failed_load_leaves_the_previous_graphs(kg, tmp_path, virtuoso.url, "/sparql-graph-crud-auth",
                                                       f"{virtuoso.url}/sparql", env=dba)
    finally:  # the other tests compare the whole server with the embedded store
        for stem in FIRST:
            virtuoso.isql(f"SPARQL DROP SILENT GRAPH <{G}{stem}>;")


def test_the_unauthenticated_graph_store_refuses_writes_and_kg_says_so_first(virtuoso, loaded, kg, tmp_path):
    from remote_checks import FIRST, write_version

    r = kg("load", *write_version(tmp_path, FIRST, "x"), "--endpoint", f"{virtuoso.url}/sparql-graph-crud",
           "--no-validate")
    assert r.returncode == 2
    assert r.stderr.startswith("warning: the load cannot be atomic: POST " + virtuoso.url + "/sparql: HTTP 500")
    assert "SR186:SECURITY: No permission to execute procedure DB.DBA.SPARUL_DROP" in r.stderr
    assert "HTTP 403 Forbidden" in r.stderr and "SQ110:SECURITY: Permission denied" in r.stderr
    assert f"The load stopped part-way: {G}fault-alpha was not replaced; {G}fault-beta, {G}fault-gamma hold what" \
        in r.stderr
