"""The shapes graph as the fast engine reads it (kg.fastshacl), its compiled checks, and its refusal of
unsupported features."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from kg.errors import KgError
from kg.namespaces import OWL, RDF, RDFS, SH
from kg.terms import show

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

NODE_KINDS = {
    SH + "IRI": "isIRI({v})",
    SH + "Literal": "isLiteral({v})",
    SH + "BlankNode": "isBlank({v})",
    SH + "BlankNodeOrIRI": "(isBlank({v}) || isIRI({v}))",
    SH + "BlankNodeOrLiteral": "(isBlank({v}) || isLiteral({v}))",
    SH + "IRIOrLiteral": "(isIRI({v}) || isLiteral({v}))",
}
RANGE_OPS = {"minInclusive": ">=", "minExclusive": ">", "maxInclusive": "<=", "maxExclusive": "<"}
# The value-type and logical parameters, in the order their checks are compiled.
VALUE_PARAMS = ("class", "datatype", "nodeKind", "pattern", "minLength", "maxLength", "languageIn", "in", "or",
                "and", "not", "xone", "node", "hasValue", "minInclusive", "minExclusive", "maxInclusive",
                "maxExclusive")


class UnsupportedShape(KgError):
    """The shapes use a SHACL feature the fast engine does not compile (use --engine pyshacl)."""


def refuse(feature: str, shape=None) -> UnsupportedShape:
    where = f" (shape {show(shape)})" if shape is not None else ""
    return UnsupportedShape(f"the fast engine does not support {feature}{where}; use --engine pyshacl")


class InvalidShape(KgError):
    """The shapes graph is not valid SHACL (e.g. an sh:pattern or SPARQL text that does not parse)."""


class Shapes:
    """The shapes graph as a small subject -> predicate -> [objects] index of pyoxigraph terms."""

    def __init__(self, quads: Iterable["pyoxigraph.Quad"]):
        self.index: dict = {}
        for q in quads:
            self.index.setdefault(q.subject, {}).setdefault(q.predicate.value, []).append(q.object)

    def objs(self, s, p: str) -> list:
        return self.index.get(s, {}).get(p, [])

    def one(self, s, p: str):
        vals = self.objs(s, p)
        return vals[0] if vals else None

    def subjects(self, p: str) -> list:
        return [s for s, props in self.index.items() if p in props]

    def rdf_list(self, head) -> list:
        out = []
        while head is not None and getattr(head, "value", None) != RDF + "nil":
            out.append(self.one(head, RDF + "first"))
            head = self.one(head, RDF + "rest")
        return out

    def imports_closure(self, node) -> list:
        """`node` and every node it owl:imports, transitively (SHACL 1.0 §5.2.1: prefix declarations)."""
        out, todo = [], [node]
        while todo:
            n = todo.pop()
            if n not in out:
                out.append(n)
                todo.extend(self.objs(n, OWL + "imports"))
        return out

    def is_class(self, s) -> bool:
        """Is `s` typed rdfs:Class, owl:Class or a direct rdfs:subClassOf of rdfs:Class (as pySHACL reads
        SHACL 1.0 §2.1.3.3: such a shape has an implicit class target)?"""
        classes = {RDFS + "Class", OWL + "Class"}
        classes |= {c.value for c in self.subjects(RDFS + "subClassOf")
                    if any(getattr(o, "value", None) == RDFS + "Class" for o in self.objs(c, RDFS + "subClassOf"))}
        return any(getattr(t, "value", None) in classes for t in self.objs(s, RDF + "type"))

    def is_a(self, s, cls: str) -> bool:
        return any(getattr(t, "value", None) == cls for t in self.objs(s, RDF + "type"))


def sparql_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT whose rows (?this, optional ?value/?path) are results.

    kind: "value" (a value-type parameter `param` = `arg` on predicate `path`, or on the focus node
    when path is None), "count", "hasValue", "sparql" or "node" (node-level). `target` is the
    focus-node pattern (for checking written forms in Python); `literal_focus` the literal
    sh:targetNode values as written (checked in Python: a query constant is canonicalised too)."""

    shape: "pyoxigraph.Term"
    component: str
    path: str | None
    severity: str
    message: str | None
    query: str
    sparql_message: bool = False
    kind: str = "value"
    param: str | None = None
    arg: object = None
    target: str = ""
    literal_focus: tuple = ()
    sparql_text: str = ""
    path_term: object = None  # the sh:path node (an IRI, or a blank node for a complex path)


def path_expr(g: Shapes, p, shape, preds: set, depth: int = 0) -> str:
    """A SHACL property path (SHACL 1.0 §2.3.1) as a SPARQL property path; its predicates go into `preds`."""
    import pyoxigraph as ox

    if depth > 20:
        raise refuse("this sh:path", shape)
    if isinstance(p, ox.NamedNode):
        preds.add(p.value)
        return f"<{p.value}>"
    if g.objs(p, RDF + "first"):
        members = g.rdf_list(p)
        if len(members) < 2:
            raise refuse("a sequence path of fewer than two members", shape)
        return "(" + "/".join(path_expr(g, m, shape, preds, depth + 1) for m in members) + ")"
    for key, fmt in (("inversePath", "^({})"), ("zeroOrMorePath", "({})*"), ("oneOrMorePath", "({})+"),
                     ("zeroOrOnePath", "({})?")):
        inner = g.one(p, SH + key)
        if inner is not None:
            return fmt.format(path_expr(g, inner, shape, preds, depth + 1))
    alt = g.one(p, SH + "alternativePath")
    if alt is not None and len(g.rdf_list(alt)) >= 2:
        return "(" + "|".join(path_expr(g, m, shape, preds, depth + 1) for m in g.rdf_list(alt)) + ")"
    raise refuse("this kind of sh:path", shape)
