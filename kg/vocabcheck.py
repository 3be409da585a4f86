"""The check that no project axiom entails a domain or range on a standard term.

A term outside the igkg namespace (ORG, PROV-O, SKOS, schema.org, Data Cube, SDMX, …) keeps the
domains and ranges its own vocabulary states. The published files are vendored in
`ontology/imports/` (see its README). An axiom of ours can add a domain or range to such a term
directly (`rdfs:domain` on it), through `owl:inverseOf` (the inverse's range becomes its domain),
through `rdfs:subPropertyOf` / `owl:equivalentProperty` (it inherits the super-property's), or a
mix of these. This module closes both graphs under those rules (the RDFS and OWL 2 RL rules
prp-dom, prp-rng, prp-spo1, prp-eqp1/2 and prp-inv1/2, restricted to domains and ranges) and
reports every domain or range entailed on a standard term by the project's axioms plus the
vocabularies that the vocabularies alone do not entail (neither the class itself nor a subclass
of it). Property chains entail no domain or range and are not followed.

Rows are (property, axiom, value) in prefixed names: axiom is `rdfs:domain` or `rdfs:range`.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from kg.namespaces import OWL as _OWL, RDFS as _RDFS

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

NAME = "standard-term-domain-range"
PROBLEM = ("An igkg axiom (an owl:inverseOf, rdfs:subPropertyOf or owl:equivalentProperty link to an "
           "igkg property, or an rdfs:domain / rdfs:range stated on the term) entails a domain or range "
           "on a term outside the igkg namespace that its own vocabulary (ontology/imports/) does not state.")
SOLUTION = ("Remove the link or the axiom from ontology/igkg.ttl; relate the igkg property to the standard "
            "term by a property chain, or state the domain and range on an igkg sub-property instead.")
COLUMNS = ("property", "axiom", "value")

_TRIVIAL = frozenset([_OWL + "Thing", _RDFS + "Resource"])


def imports_dir() -> Path:
    """`ontology/imports/` of the project: the standards' published files."""
    from kg.dataset import project_root

    return project_root() / "ontology" / "imports"


def standard_quads(folder: Path | None = None) -> list["pyoxigraph.Quad"]:
    """The triples of every `*.ttl` and `*.nt` file in `folder` (default: imports_dir()), each file in
    a graph of its own; none when the folder does not exist. Raises InputError for a file that does
    not parse."""
    from kg.dataset import Source, read_quads
    from kg.namespaces import GRAPH

    folder = folder or imports_dir()
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.iterdir() if p.suffix in (".ttl", ".nt"))
    return [q for p in files for q in read_quads(Source(p, GRAPH + "standard/" + p.stem))]


class _Axioms:
    """Property links, domains, ranges and subclass links of a set of triples."""

    def __init__(self, quads: Iterable["pyoxigraph.Quad"]):
        import pyoxigraph as ox

        self.dom: dict = defaultdict(set)
        self.rng: dict = defaultdict(set)
        self.sup: dict = defaultdict(set)     # property -> super-properties (equivalents both ways)
        self.inv: dict = defaultdict(set)     # property -> inverses (both ways)
        self.subclass: dict = defaultdict(set)
        for q in quads:
            s, p, o = q.subject, q.predicate.value, q.object
            if isinstance(o, ox.Literal):
                continue
            if p == _RDFS + "domain":
                self.dom[s].add(o)
            elif p == _RDFS + "range":
                self.rng[s].add(o)
            elif p == _RDFS + "subPropertyOf":
                self.sup[s].add(o)
            elif p == _OWL + "equivalentProperty":
                self.sup[s].add(o)
                self.sup[o].add(s)
            elif p == _OWL + "inverseOf":
                self.inv[s].add(o)
                self.inv[o].add(s)
            elif p in (_RDFS + "subClassOf", _OWL + "equivalentClass"):
                self.subclass[s].add(o)
                if p == _OWL + "equivalentClass":
                    self.subclass[o].add(s)

    def closure(self) -> tuple[dict, dict]:
        """Entailed (domains, ranges) of every property, to a fixpoint."""
        dom = defaultdict(set, {k: set(v) for k, v in self.dom.items()})
        rng = defaultdict(set, {k: set(v) for k, v in self.rng.items()})
        props = set(dom) | set(rng) | set(self.sup) | set(self.inv)
        changed = True
        while changed:
            changed = False
            for p in props:
                new_d = set().union(*(dom[q] for q in self.sup[p]), *(rng[q] for q in self.inv[p]))
                new_r = set().union(*(rng[q] for q in self.sup[p]), *(dom[q] for q in self.inv[p]))
                if not new_d <= dom[p] or not new_r <= rng[p]:
                    dom[p] |= new_d
                    rng[p] |= new_r
                    changed = True
        return dom, rng

    def superclasses(self, cls) -> set:
        """`cls` and every class it is a subclass of (reflexive, transitive)."""
        seen, todo = {cls}, [cls]
        while todo:
            for sup in self.subclass[todo.pop()] - seen:
                seen.add(sup)
                todo.append(sup)
        return seen


def violations(project: Iterable["pyoxigraph.Quad"], standard: Iterable["pyoxigraph.Quad"],
               namespace: str | None = None) -> tuple[tuple[str, str, str], ...]:
    """(property, axiom, value) rows, sorted: domains and ranges on terms outside `namespace`
    (default: the igkg ontology namespace) that `project` + `standard` entail and `standard` alone
    does not (a stated domain D of the standard allows D and every superclass of D)."""
    import pyoxigraph as ox

    from kg.namespaces import IGKG
    from kg.terms import show

    namespace = namespace or IGKG
    standard = list(standard)
    both = _Axioms(list(project) + standard)
    alone = _Axioms(standard)
    e_dom, e_rng = both.closure()
    a_dom, a_rng = alone.closure()
    rows = set()
    for axiom, entailed, allowed in (("rdfs:domain", e_dom, a_dom), ("rdfs:range", e_rng, a_rng)):
        for prop, classes in entailed.items():
            if not isinstance(prop, ox.NamedNode) or prop.value.startswith(namespace):
                continue
            implied = set().union(*(both.superclasses(c) for c in allowed.get(prop, ())))
            for cls in classes:
                if cls not in implied and getattr(cls, "value", None) not in _TRIVIAL:
                    rows.add((show(prop), axiom, show(cls)))
    return tuple(sorted(rows))
