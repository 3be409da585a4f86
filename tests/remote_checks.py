"""Checks run the same way against every real SPARQL server the tests start (Oxigraph, Virtuoso)."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from servers import Fault, FaultProxy, Seen

G = "https://w3id.org/igkg/graph/"
FIRST = {"fault-alpha": 3, "fault-beta": 4, "fault-gamma": 5}  # triples per file (= per graph)
SECOND = {"fault-alpha": 6, "fault-beta": 2, "fault-gamma": 7}


def library_calls() -> list[tuple[str, object, dict[str, str]]]:
    """(name, query, params) for each library query: with every example, and without parameters
    too when none is required; what the remote tests compare with the embedded store."""
    from kg.queries.library import library

    out = []
    for name, query in sorted(library().items()):
        out.append((name, query, {p.name: p.example for p in query.params if p.example is not None}))
        if not any(p.required for p in query.params):
            out.append((name, query, {}))
    return out


def write_version(directory: Path, counts: dict[str, int], tag: str) -> list[str]:
    """One Turtle file per graph with `counts[stem]` triples whose objects carry `tag`."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for stem, n in counts.items():
        lines = ["@prefix ex: <http://example.org/fault/> ."]
        lines += [f'ex:{stem}-{i} ex:value "{tag} {i}" .' for i in range(n)]
        path = directory / f"{stem}.ttl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def all_graphs(query_url: str) -> set[str]:
    """Every named graph on the server, staging graphs and system graphs included."""
    from kg.remote import RemoteBackend

    rows = RemoteBackend(query_url, graphs=[]).query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {r["g"].value for r in rows}


def counts(query_url: str) -> dict[str, int]:
    from kg.remote import RemoteBackend

    return RemoteBackend(query_url, graphs=[]).counts_of([G + stem for stem in FIRST])


def staging_left(query_url: str) -> set[str]:
    return {g for g in all_graphs(query_url) if g.startswith("urn:kg-staging:")}


def nth_staging_put(n: int):
    """A rule answering HTTP 500 to the PUTs of the n-th staging graph written (1-based)."""
    graphs: list[str] = []

    def rule(seen: Seen) -> Fault | None:
        if seen.method != "PUT":
            return None
        graph = urllib.parse.parse_qs(urllib.parse.urlsplit(seen.path).query).get("graph", [""])[0]
        if graph not in graphs:
            graphs.append(graph)
        if graph.startswith("urn:kg-staging:") and graphs.index(graph) == n - 1:
            return Fault(500, b"injected: the disk is full")
        return None

    return rule


def the_switch(seen: Seen) -> Fault | None:
    """A rule refusing the SPARQL Update that switches the staging graphs in."""
    if seen.method == "POST" and any(u.startswith("DELETE {") for u in seen.form.get("update", [])):
        return Fault(500, b"injected: transaction aborted")
    return None


def the_switch_answer_lost(seen: Seen) -> Fault | None:
    """A rule passing the switch on to the server but answering HTTP 502 instead of its answer."""
    if seen.method == "POST" and any(u.startswith("DELETE {") for u in seen.form.get("update", [])):
        return Fault(after=502, body=b"injected: the answer was lost")
    return None


def check_a_failed_load_leaves_the_previous_graphs(kg, tmp_path: Path, base: str, store_path: str,
                                                   query_url: str, env: dict[str, str]) -> None:
    """Load FIRST; fail a load of SECOND mid-way (a PUT, then the switch) through a proxy in front
    of the server at `base`: the server must still hold FIRST and no staging graph, and the
    message must say so. Then lose the answer to an applied switch: the message must say the
    graphs hold SECOND. Then SECOND loads directly."""
    first, second = write_version(tmp_path / "v1", FIRST, "first"), write_version(tmp_path / "v2", SECOND, "second")
    r = kg("load", *first, "--endpoint", base + store_path, "--no-validate", env=env)
    assert r.returncode == 0, r.stderr
    assert counts(query_url) == {G + s: n for s, n in FIRST.items()}
    with FaultProxy(base) as proxy:
        proxy.rules = [nth_staging_put(2)]
        r = kg("load", *second, "--endpoint", proxy.url + store_path, "--no-validate", env=env)
        assert r.returncode == 2
        assert "HTTP 500 Internal Server Error: injected: the disk is full" in r.stderr
        assert "Nothing was switched in: the graphs" in r.stderr and "hold what they held before" in r.stderr
        assert "The staging graphs were removed." in r.stderr
        assert counts(query_url) == {G + s: n for s, n in FIRST.items()}
        assert staging_left(query_url) == set()
        assert not any(s.method == "PUT" and "graph=https" in s.path for s in proxy.seen)  # only staging graphs

        proxy.rules = [the_switch]
        r = kg("load", *second, "--endpoint", proxy.url + store_path, "--no-validate", env=env)
        assert r.returncode == 2
        assert "The server refused the switch as a whole" in r.stderr, r.stderr
        assert counts(query_url) == {G + s: n for s, n in FIRST.items()}
        assert staging_left(query_url) == set()

        proxy.rules = [the_switch_answer_lost]
        r = kg("load", *second, "--endpoint", proxy.url + store_path, "--no-validate", env=env)
        assert r.returncode == 2
        assert "HTTP 502 Bad Gateway: injected: the answer was lost" in r.stderr
        assert f"The switch went through: the graphs {G}fault-alpha, {G}fault-beta, {G}fault-gamma hold the new " \
               "data. The staging graphs were removed." in r.stderr, r.stderr
        assert counts(query_url) == {G + s: n for s, n in SECOND.items()}
        assert staging_left(query_url) == set()
    r = kg("load", *second, "--endpoint", base + store_path, "--no-validate", env=env)
    assert r.returncode == 0, r.stderr
    assert counts(query_url) == {G + s: n for s, n in SECOND.items()}
    assert staging_left(query_url) == set()
