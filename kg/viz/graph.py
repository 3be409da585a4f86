"""The cooperation network as data: organisations and people, and the links between them.

Read from any kg.backend backend through the SPARQL below (parameters bound through
`substitutions`, IRIs of a node set through kg.sparqltext's VALUES block). A link is one of:

| kind | between | read from |
|---|---|---|
| `MOU`, `partnership`, `agreement` | two parties of one agreement (unordered) | `igkg:party` of an `igkg:MOU`, else an `igkg:Partnership`, else any node |
| `post` | person → organisation | an `igkg:PostHolding`: `org:member`, `org:organization` (else the post's `org:postIn`) |
| `announced post` | person → organisation | the same, for a holding whose `igkg:holdingStatus` is `igvocab:announced` (not yet held on the source's date) |
| `affiliation` | person → organisation | an `igkg:Affiliation`: `org:member`, `org:organization` |
| `sub-organisation` | organisation → its parent | `org:subOrganizationOf` |

`via` is the IRI of the node that states the link (the agreement, the holding, the affiliation;
None for `org:subOrganizationOf`). Only agents with at least one link are in the network. A node's
kind is its most specific asserted class under `igkg:Organization` or `igkg:Person`, named by the
class's `rdfs:label` (e.g. "ccTLD operator", "person").
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.backend import select
from kg.labels import names_of
from kg.namespaces import IGKG, PREFIXES, shorten

KINDS = ("MOU", "partnership", "agreement", "post", "announced post", "affiliation", "sub-organisation")
UNDIRECTED = {"MOU", "partnership", "agreement"}
ANNOUNCED = PREFIXES["igvocab"] + "announced"
AGREEMENT_CLASSES = {IGKG + "MOU": "MOU", IGKG + "Partnership": "partnership"}

# The links, one query per kind, each a flat group: ?a or ?b is bound by a VALUES block put first
# (see `rows`), which pyoxigraph's optimiser orders joins by. ?class: the agreement's classes.
EDGES = {
    "agreement": """
SELECT DISTINCT ?a ?b ?via ?class WHERE {
  ?via igkg:party ?a , ?b . FILTER(?a != ?b && isIRI(?a) && isIRI(?b))
  OPTIONAL { ?via a ?class . FILTER(?class IN (igkg:MOU, igkg:Partnership)) }
}""",
    "post": """
SELECT DISTINCT ?a ?b ?via ?status WHERE {
  ?via org:member ?a ; org:organization ?b ; a igkg:PostHolding . FILTER(isIRI(?a) && isIRI(?b))
  OPTIONAL { ?via igkg:holdingStatus ?status }
}""",
    "post in": """
SELECT DISTINCT ?a ?b ?via ?status WHERE {
  ?via org:member ?a ; igkg:post ?post ; a igkg:PostHolding . ?post org:postIn ?b .
  FILTER(isIRI(?a) && isIRI(?b)) FILTER NOT EXISTS { ?via org:organization ?any }
  OPTIONAL { ?via igkg:holdingStatus ?status }
}""",
    "affiliation": """
SELECT DISTINCT ?a ?b ?via WHERE {
  ?via org:member ?a ; org:organization ?b ; a igkg:Affiliation . FILTER(isIRI(?a) && isIRI(?b))
}""",
    "sub-organisation": """
SELECT DISTINCT ?a ?b WHERE {
  ?a org:subOrganizationOf ?b . FILTER(?a != ?b && isIRI(?a) && isIRI(?b))
}""",
}

# The most specific asserted agent classes of each ?x (bound by a VALUES block), with their labels.
KIND_OF = """
SELECT ?x ?class ?label WHERE {
  VALUES ?top { igkg:Organization igkg:Person }
  ?x a ?class .
  ?class rdfs:subClassOf* ?top .
  FILTER NOT EXISTS { ?x a ?narrower . ?narrower rdfs:subClassOf+ ?class . FILTER(?narrower != ?class) }
  OPTIONAL { ?class rdfs:label ?label . FILTER(LANG(?label) = "" || LANGMATCHES(LANG(?label), "en")) }
}
"""


@dataclass(frozen=True)
class Node:
    """An organisation or person: IRI, name (its label, else its prefixed name), kind (the label of
    its most specific class, "organisation" or "person" when nothing narrower is stated)."""

    iri: str
    name: str
    kind: str


@dataclass(frozen=True)
class Edge:
    """A link (see the module docstring): kind, its two ends (IRIs; for an undirected kind the
    smaller IRI first), and the IRI of the node that states it (None for org:subOrganizationOf)."""

    kind: str
    source: str
    target: str
    via: str | None
    via_name: str = ""


@dataclass(frozen=True)
class Network:
    """Nodes (sorted by kind, then name) and edges (sorted by kind, ends and via); `around` is the
    IRI the network was cut around, or None for the whole graph."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    around: str | None = None


def rows(backend, query: str, var: str | None = None, iris=()) -> list[dict]:
    """The rows of a SELECT (variable name -> pyoxigraph term, unbound left out); with `var`, only
    those whose `var` is one of `iris` (strings), bound by a VALUES block put first in the WHERE
    group (kg.sparqltext.insert_values, 500 IRIs a query), which pyoxigraph's optimiser orders
    joins by."""
    import pyoxigraph as ox

    from kg.sparqltext import insert_values, where_brace

    if var is None:
        texts = [query]
    else:
        wanted = sorted(set(iris))
        at = where_brace(query)
        texts = [insert_values(query, at, [var], [[str(ox.NamedNode(i))] for i in wanted[s:s + 500]])
                 for s in range(0, len(wanted), 500)]
    out = []
    for text in texts:
        result = backend.query(text)
        names = [v.value for v in result.variables]
        out += [{n: t for n, t in zip(names, row) if t is not None} for row in result]
    return out


def _edges(backend, var: str | None = None, iris=()) -> set[Edge]:
    """The links (all, or those whose `var`, "a" or "b", is one of `iris`)."""
    out = set()
    classes: dict[tuple, set[str]] = {}
    for name, query in EDGES.items():
        for r in rows(backend, query, var, iris):
            a, b, via = r["a"].value, r["b"].value, r["via"].value if "via" in r else None
            if name == "agreement":
                a, b = min(a, b), max(a, b)
                classes.setdefault((a, b, via), set()).add(AGREEMENT_CLASSES.get(r["class"].value, "")
                                                         if "class" in r else "")
            elif name in ("post", "post in"):
                announced = "status" in r and r["status"].value == ANNOUNCED
                out.add(Edge("announced post" if announced else "post", a, b, via))
            else:
                out.add(Edge(name, a, b, via))
    for (a, b, via), found in classes.items():
        kind = "MOU" if "MOU" in found else "partnership" if "partnership" in found else "agreement"
        out.add(Edge(kind, a, b, via))
    return out


def _edges_of(backend, iris: set[str]) -> set[Edge]:
    """The links with an end in `iris` (none when `iris` is empty)."""
    return _edges(backend, "a", iris) | _edges(backend, "b", iris) if iris else set()


def cooperation_network(backend, *, around: str | None = None, depth: int = 1) -> Network:
    """The cooperation network on `backend`: the whole of it, or with `around` (an IRI) the nodes
    within `depth` links of that node and every link among them.

    Raises ValueError when `depth` < 1. With `around` naming no node of the network the result
    has that node alone and no edge (the caller decides whether that is an error).
    """
    if depth < 1:
        raise ValueError(f"depth must be at least 1, not {depth}")
    if around is None:
        edges = _edges(backend)
    else:
        kept, frontier, found = {around}, {around}, set()
        for _ in range(depth):
            step = _edges_of(backend, frontier)
            found |= step
            frontier = {end for e in step for end in (e.source, e.target)} - kept
            kept |= frontier
        found |= _edges_of(backend, frontier)  # links among the outermost nodes
        edges = {e for e in found if e.source in kept and e.target in kept}
    iris = {end for e in edges for end in (e.source, e.target)} | ({around} if around else set())
    names = names_of(backend, iris | {e.via for e in edges if e.via})
    kinds = node_kinds(backend, iris)

    def name(iri: str) -> str:
        return names[iri].value if iri in names else shorten(iri)

    nodes = sorted((Node(i, name(i), kinds.get(i, "")) for i in iris), key=lambda n: (n.kind, n.name, n.iri))
    edges_out = sorted((Edge(e.kind, e.source, e.target, e.via, name(e.via) if e.via else "") for e in edges),
                       key=lambda e: (KINDS.index(e.kind), e.source, e.target, e.via or ""))
    return Network(tuple(nodes), tuple(edges_out), around)


def node_kinds(backend, iris) -> dict[str, str]:
    """IRI -> the label of its most specific organisation or person class (the first by label when
    it has several), for each of `iris` typed as one; 500 IRIs per query."""
    import pyoxigraph as ox

    from kg.sparqltext import insert_values, where_brace

    wanted = sorted(iris)
    found: dict[str, list[str]] = {}
    at = where_brace(KIND_OF)
    for start in range(0, len(wanted), 500):
        rows = [[str(ox.NamedNode(i))] for i in wanted[start:start + 500]]
        for r in backend.query(insert_values(KIND_OF, at, ["x"], rows)):
            cls = r["class"].value
            label = r["label"].value if r["label"] is not None else shorten(cls).removeprefix("igkg:")
            found.setdefault(r["x"].value, []).append(label)
    return {iri: min(labels) for iri, labels in found.items()}




AGENT_KINDS = """
SELECT DISTINCT ?label WHERE {
  VALUES ?top { igkg:Organization igkg:Person }
  ?class rdfs:subClassOf* ?top .
  ?class rdfs:label ?label . FILTER(LANG(?label) = "" || LANGMATCHES(LANG(?label), "en"))
}
"""


def agent_kinds(backend) -> list[str]:
    """The labels of every organisation and person class (the kinds a node can have), sorted."""
    return sorted({r["label"].value for r in select(backend, AGENT_KINDS)})
