"""Why ontology + data are inconsistent: individuals with disjoint types, and suspect property values.

HermiT says "inconsistent" and nothing more; these SPARQL queries over the data and its
materialised inferences (kg.reason.rules) name the individuals and the triples to look at.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from kg.namespaces import GRAPH_INFERRED, PREFIXES, RDF_TYPE, shorten
from kg.terms import show


@dataclass(frozen=True)
class TypeReason:
    """Why an individual has a type: asserted in a file, or inferred from a triple via domain/range."""

    type: str
    how: str          # "asserted", "subclass", "domain" or "range"
    via: str = ""     # the asserted class, or the property whose domain/range gives the type
    other: str = ""   # for domain/range: the other end of the triple
    files: tuple[str, ...] = ()

    def describe(self) -> str:
        where = f" in {', '.join(self.files)}" if self.files else ""
        if self.how == "asserted":
            return f"asserted {shorten(self.type)}{where}"
        if self.how == "subclass":
            return f"asserted {shorten(self.via)}{where}, a subclass of {shorten(self.type)}"
        if self.how == "domain":
            return (f"it is the subject of {shorten(self.via)} {shorten(self.other)}{where}, "
                    f"whose domain is {shorten(self.type)}")
        return (f"it is the object of {shorten(self.other)} {shorten(self.via)}{where}, "
                f"whose range is {shorten(self.type)}")


@dataclass(frozen=True)
class Clash:
    """An individual that belongs to two classes the ontology declares disjoint."""

    individual: str
    asserted_types: tuple[str, ...]
    disjoint: tuple[tuple[str, str], ...]
    reasons: tuple[TypeReason, ...] = ()

    def describe(self) -> str:
        pairs = "; ".join(f"{shorten(a)} and {shorten(b)}" for a, b in self.disjoint)
        lines = [f"{shorten(self.individual)} <{self.individual}> is both {pairs}, "
                 f"which the ontology declares disjoint."]
        for r in self.reasons:
            lines.append(f"  - {shorten(r.type)}: {r.describe()}")
        lines.append("  Fix: give it the one type it really has (or split it into two individuals), "
                     "or correct the triple that implies the other type.")
        return "\n".join(lines)


@dataclass(frozen=True)
class PropertyConflict:
    """A property value that can make ontology + data inconsistent (a suspect, not a proof).

    `kind` is "functional" (a functional property with several values: their datatype values must
    be equal, and object values become one individual, which clashes when their types are
    disjoint) or "irreflexive" (an irreflexive property linking something to itself).
    """

    kind: str
    subject: str
    property: str
    values: tuple[str, ...]
    files: tuple[str, ...] = ()

    def describe(self) -> str:
        where = f" (in {', '.join(self.files)})" if self.files else ""
        if self.kind == "irreflexive":
            return (f"{shorten(self.subject)} {shorten(self.property)} itself{where}, but "
                    f"{shorten(self.property)} is irreflexive. Fix: remove or correct that triple.")
        vals = ", ".join(self.values)
        return (f"{shorten(self.subject)} has {len(self.values)} values of the functional property "
                f"{shorten(self.property)}: {vals}{where}. Fix: keep the one right value.")


_DISJOINT_PAIRS = """
SELECT DISTINCT ?c1 ?c2 WHERE {
  { ?d a owl:AllDisjointClasses ; owl:members ?list .
    ?list rdf:rest* ?n1 . ?n1 rdf:first ?c1 ; rdf:rest+ ?n2 . ?n2 rdf:first ?c2 . }
  UNION { ?c1 owl:disjointWith ?c2 }
  UNION { ?u owl:disjointUnionOf ?list .
    ?list rdf:rest* ?n1 . ?n1 rdf:first ?c1 ; rdf:rest+ ?n2 . ?n2 rdf:first ?c2 . }
  FILTER(isIRI(?c1) && isIRI(?c2) && ?c1 != ?c2)
}
"""


def explain_inconsistency(
    quads: Iterable, *, graph_files: dict[str, tuple[str, ...]] | None = None,
) -> tuple[list[Clash], list[PropertyConflict]]:
    """What a data editor should look at: disjoint-type clashes and suspect property values.

    `quads` are the asserted ontology + data; `graph_files` maps a graph IRI to the files that fed it
    (for messages). The rules of kg.reason.rules are run first, so inferred types count too.
    """
    from kg.reason.rules import materialise, store_of

    store = store_of(quads)
    materialise(store)
    return find_clashes(store, graph_files=graph_files), find_conflicts(store, graph_files=graph_files)


_CONFLICTS = """
SELECT ?kind ?s ?p ?o ?g WHERE {
  {
    ?p a owl:FunctionalProperty . FILTER(isIRI(?p))
    { SELECT ?s ?p WHERE { ?s ?p ?v } GROUP BY ?s ?p HAVING(COUNT(DISTINCT ?v) > 1) }
    ?p a owl:FunctionalProperty .
    GRAPH ?g { ?s ?p ?o } BIND("functional" AS ?kind)
  } UNION {
    ?p a owl:IrreflexiveProperty . GRAPH ?g { ?s ?p ?s } BIND(?s AS ?o) BIND("irreflexive" AS ?kind)
  }
}
"""


def find_conflicts(store, *, graph_files: dict[str, tuple[str, ...]] | None = None) -> list[PropertyConflict]:
    """Functional properties with several values and irreflexive properties used reflexively."""
    graph_files = graph_files or {}
    found: dict[tuple[str, str, str], tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for r in store.query(_CONFLICTS, use_default_graph_as_union=True, prefixes=PREFIXES):
        o = r["o"]
        shown = show(o, literal_syntax=True)
        values, files = found[(r["kind"].value, r["s"].value, r["p"].value)]
        values.add(shown)
        files.update(graph_files.get(r["g"].value, (shorten(r["g"].value),)))
    return [PropertyConflict(k, s, p, tuple(sorted(v)), tuple(sorted(f)))
            for (k, s, p), (v, f) in sorted(found.items())]


def find_clashes(store, *, graph_files: dict[str, tuple[str, ...]] | None = None) -> list[Clash]:
    """Individuals whose asserted or rule-inferred types include two disjoint classes, and why.

    `store` holds the quads and the materialised ``iggraph:inferred`` graph (see :func:`materialise`).
    """
    import pyoxigraph as ox

    graph_files = graph_files or {}
    pairs = [(s["c1"].value, s["c2"].value) for s in store.query(
        _DISJOINT_PAIRS, use_default_graph_as_union=True, prefixes=PREFIXES)]
    if not pairs:
        return []
    disjoint = defaultdict(set)
    for a, b in pairs:
        disjoint[a].add(b)
        disjoint[b].add(a)
    types = defaultdict(set)
    for q in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), None, None):
        if isinstance(q.object, ox.NamedNode) and q.object.value in disjoint:
            types[q.subject].add(q.object.value)
    clashes = []
    for ind, ts in types.items():
        found = sorted({tuple(sorted((a, b))) for a in ts for b in disjoint[a] if b in ts})
        if not found:
            continue
        asserted = sorted({
            q.object.value for q in store.quads_for_pattern(ind, ox.NamedNode(RDF_TYPE), None, None)
            if q.graph_name != ox.NamedNode(GRAPH_INFERRED) and isinstance(q.object, ox.NamedNode)
        })
        involved = sorted({c for p in found for c in p})
        reasons = tuple(r for c in involved for r in _why_type(store, ind, c, graph_files))
        clashes.append(Clash(getattr(ind, "value", str(ind)), tuple(asserted), tuple(found), reasons))
    return sorted(clashes, key=lambda c: c.individual)


_WHY_TYPE = """
SELECT DISTINCT ?how ?via ?other ?g ?x ?c ?inferred WHERE {
  {
    GRAPH ?g { ?x a ?c } FILTER(?g != ?inferred) BIND(?c AS ?via) BIND("asserted" AS ?how)
  } UNION {
    GRAPH ?g { ?x a ?via } FILTER(?g != ?inferred && ?via != ?c)
    ?via (rdfs:subClassOf|owl:equivalentClass|^owl:equivalentClass)+ ?c BIND("subclass" AS ?how)
  } UNION {
    GRAPH ?g { ?x ?via ?other } FILTER(?g != ?inferred)
    ?via (rdfs:subPropertyOf|owl:equivalentProperty|^owl:equivalentProperty)* ?p .
    ?p rdfs:domain ?d . ?d (rdfs:subClassOf|owl:equivalentClass|^owl:equivalentClass)* ?c
    BIND("domain" AS ?how)
  } UNION {
    GRAPH ?g { ?other ?via ?x } FILTER(?g != ?inferred)
    ?via (rdfs:subPropertyOf|owl:equivalentProperty|^owl:equivalentProperty)* ?p .
    ?p rdfs:range ?r . ?r (rdfs:subClassOf|owl:equivalentClass|^owl:equivalentClass)* ?c
    BIND("range" AS ?how)
  }
}
"""


def _why_type(store, individual, cls: str, graph_files) -> list[TypeReason]:
    import pyoxigraph as ox

    rows = store.query(
        _WHY_TYPE, use_default_graph_as_union=True, prefixes=PREFIXES,
        substitutions={ox.Variable("x"): individual, ox.Variable("c"): ox.NamedNode(cls),
                       ox.Variable("inferred"): ox.NamedNode(GRAPH_INFERRED)},
    )
    grouped: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in rows:
        g = r["g"].value if r["g"] is not None else ""
        key = (r["how"].value, r["via"].value, r["other"].value if r["other"] is not None else "")
        grouped[key].update(graph_files.get(g, (shorten(g),) if g else ()))
    order = {"asserted": 0, "subclass": 1, "domain": 2, "range": 3}
    out = [TypeReason(cls, how, via, other, tuple(sorted(files))) for (how, via, other), files in grouped.items()]
    out.sort(key=lambda r: (order[r.how], r.via, r.other))
    if not out:  # inferred some other way (a chain, a restriction): say so
        out.append(TypeReason(cls, "inferred", "", "", ()))
    return out
