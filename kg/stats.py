"""`kg stats`: counts of triples per named graph, classes, and instances per class.

Triples are counted per named graph, as the store holds them and as `kg load` and `kg export`
count them: a triple stated in two source documents counts twice (the project data has one such
triple, so 2597 here against the 2596 distinct triples SHACL validation reads). Inferred triples
(`iggraph:inferred`) are counted and also shown apart.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kg.namespaces import GRAPH_INFERRED, shorten
from kg.backend import select

_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_CLASSES = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?c a owl:Class } FILTER(isIRI(?c)) }"
_INSTANCES = """
SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } FILTER(?g != iggraph:ontology) }
GROUP BY ?c ORDER BY DESC(?n) ?c
"""
_INSTANCES_PER_GRAPH = """
SELECT ?g ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } FILTER(?g != iggraph:ontology) }
GROUP BY ?g ?c ORDER BY ?g DESC(?n) ?c
"""


@dataclass(frozen=True)
class Stats:
    """Counts of a dataset: triples, triples per named graph, declared classes, instances per class
    (all data graphs) and per graph; names are prefixed names. `to_json` is its JSON form."""

    triples: int
    graphs: dict[str, int]
    classes_declared: int
    instances: dict[str, int]
    instances_per_graph: dict[str, dict[str, int]]

    def to_json(self) -> dict:
        return asdict(self)


def stats(backend) -> Stats:
    """Counts on `backend` (a kg.backend backend): triples per named graph (prefixed names), classes
    declared with `owl:Class`, and distinct instances per class over the data graphs (the ontology
    graph left out), also per graph."""
    graphs = {shorten(r["g"].value): int(r["n"].value) for r in select(backend, _PER_GRAPH)}
    classes = int(select(backend, _CLASSES)[0]["n"].value)
    instances = {shorten(r["c"].value): int(r["n"].value) for r in select(backend, _INSTANCES)}
    per_graph: dict[str, dict[str, int]] = {}
    for r in select(backend, _INSTANCES_PER_GRAPH):
        per_graph.setdefault(shorten(r["g"].value), {})[shorten(r["c"].value)] = int(r["n"].value)
    return Stats(sum(graphs.values()), graphs, classes, instances, per_graph)


def render_text(s: Stats, *, source: str = "") -> str:
    """The counts as aligned text, headed by `source` (which store answered) when given."""
    width = max([len(k) for k in list(s.graphs) + list(s.instances)] + [10])
    lines = []
    if source:
        lines.append(f"Source: {source}")
    inferred = s.graphs.get(shorten(GRAPH_INFERRED), 0)
    extra = f" ({inferred} inferred)" if inferred else ""
    lines.append(f"Triples (counted per named graph): {s.triples}{extra}   Named graphs: {len(s.graphs)}   "
                 f"Classes declared: {s.classes_declared}")
    lines.append("")
    lines.append(f"{'graph':<{width}}  {'triples':>8}")
    for g, n in s.graphs.items():
        lines.append(f"{g:<{width}}  {n:>8}")
    lines.append("")
    lines.append(f"{'class (instances, all data graphs)':<{width}}  {'count':>8}")
    for c, n in s.instances.items():
        lines.append(f"{c:<{width}}  {n:>8}")
    return "\n".join(lines) + "\n"
