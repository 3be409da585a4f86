"""Copies of pyoxigraph terms and quads as rdflib ones, for the tools that need an rdflib Graph.

rdflib is used for pySHACL (which validates rdflib Graphs) and, in the tests, as the second SPARQL
engine the query library is checked against. Terms are copied lexical form for lexical form; note
that rdflib may itself rewrite some lexical forms when it builds a `Literal`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from kg.namespaces import XSD_STRING

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph
    import rdflib


def to_rdflib(term) -> "rdflib.term.Node":
    """pyoxigraph NamedNode / BlankNode / Literal -> rdflib URIRef / BNode / Literal (TypeError else)."""
    import pyoxigraph as ox
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


def from_rdflib(term) -> "pyoxigraph.Term":
    """rdflib URIRef / BNode / Literal -> pyoxigraph term (TypeError for anything else)."""
    import pyoxigraph as ox
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def union_graph(quads: Iterable["pyoxigraph.Quad"], graph: "rdflib.Graph | None" = None) -> "rdflib.Graph":
    """All quads' triples in one rdflib Graph (`graph`, or a new one); graph names are dropped."""
    import rdflib

    g = rdflib.Graph() if graph is None else graph
    g.addN((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), g) for q in quads)
    return g


def to_dataset(quads: Iterable["pyoxigraph.Quad"]) -> "rdflib.Dataset":
    """The quads in an rdflib Dataset, one rdflib graph per named graph, default graph = their union."""
    import rdflib

    ds = rdflib.Dataset(default_union=True)
    graphs: dict[str, rdflib.Graph] = {}
    for q in quads:
        key = getattr(q.graph_name, "value", "")
        if key not in graphs:
            graphs[key] = ds.graph(rdflib.URIRef(key)) if key else ds.default_graph
        graphs[key].add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return ds
