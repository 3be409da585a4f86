"""A fast SHACL engine: each constraint becomes one SPARQL query over all focus nodes at once, run on
pyoxigraph (the way TopBraid-style engines work); `kg.fastshacl_run` runs the queries.

pySHACL stays the reference: `tests/test_fastshacl.py` and `tests/test_w3c_shacl.py` check that both
engines give the same reports. What is compiled; anything else raises `UnsupportedShape` naming the
feature, never a silent skip:

- targets: sh:targetClass (instances of the class or its rdfs:subClassOf* subclasses), implicit class
  targets (a shape that is also an rdfs:Class), sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf;
- node shapes, and property shapes (targeted, or under sh:property of a node shape) with any SHACL
  property path (compiled to a SPARQL property path);
- sh:minCount, sh:maxCount, sh:class, sh:datatype, sh:nodeKind, sh:pattern (+ sh:flags),
  sh:minLength, sh:maxLength, sh:languageIn, sh:in, sh:hasValue, sh:min/maxInclusive/Exclusive,
  sh:equals, sh:disjoint, sh:lessThan(OrEquals), sh:uniqueLang, sh:closed (+ sh:ignoredProperties),
  sh:and, sh:or, sh:xone, sh:not and sh:node (of shapes built from value parameters, counts of 1);
- sh:sparql (node and property shapes, $PATH) with sh:select and sh:prefixes/sh:declare (owl:imports
  followed); no pre-bound variables other than $this and $PATH, no MINUS, VALUES, SERVICE or
  sub-SELECT; $this inside a nested group runs the query once per focus node with $this pre-bound;
- sh:severity, sh:message (with {?var} substitution for SPARQL constraints), sh:deactivated (also on
  shapes reached through sh:node and sh:or).

Terms are compared as written: a pyoxigraph Store holds some literals in canonical form, so the
values the Store would change (kg.literals.Fidelity) are checked in Python on their written form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from kg.namespaces import RDF, SH
from kg.fastshacl_pairs import PAIRS, pair_checks
from kg.fastshacl_sparql import sparql_checks
from kg.report import VIOLATION
from kg.shacl_shapes import (NODE_KINDS, RANGE_OPS, VALUE_PARAMS, Check, InvalidShape, Shapes, UnsupportedShape,
                             path_expr, refuse as _refuse, sparql_string)

__all__ = ["Check", "Compiler", "UnsupportedShape", "compile_shapes", "validate_store", "validate_quads"]

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
ANNOTATIONS = ("severity", "message", "name", "description", "deactivated", "flags", "order", "group",
               "defaultValue")
NODE_KNOWN = {SH + p for p in (*TARGETS, "property", "sparql", "closed", "ignoredProperties", *ANNOTATIONS,
                               *VALUE_PARAMS, *PAIRS)}
PROPERTY_KNOWN = {SH + p for p in (*TARGETS, "path", "minCount", "maxCount", "uniqueLang", "sparql", *ANNOTATIONS,
                                   *VALUE_PARAMS, *PAIRS)}
# Shapes-graph features the engine has no compiler for (refused wherever they appear).
GLOBAL_UNSUPPORTED = {SH + p: p for p in ("parameter", "validator", "nodeValidator", "propertyValidator",
                                          "target", "rule", "entailment")}


# The subclasses of a class are looked up once per run and put in a VALUES block (much faster on
# pyoxigraph than an rdf:type/rdfs:subClassOf* path per value): `§SUB<iri>§` marks the spot.
_counter = iter(range(10**9))


def _has_type(v: str, cls: str) -> str:
    t = f"?type{next(_counter)}"
    return f"EXISTS {{ VALUES {t} {{ §SUB<{cls}>§ }} {v} <{RDF}type> {t} }}"


def _component(param: str) -> str:
    return SH + param[0].upper() + param[1:] + "ConstraintComponent"


class Compiler:
    def __init__(self, shapes: Shapes, fidelity):
        self.g = shapes
        self.fidelity = fidelity
        for p, name in GLOBAL_UNSUPPORTED.items():
            if self.g.subjects(p):
                raise _refuse(f"sh:{name} (custom constraint components, targets or rules)")
        if any(self.g.objs(s, RDF + "type") and self.g.is_a(s, SH + "ConstraintComponent") for s in self.g.index):
            raise _refuse("custom constraint components (sh:ConstraintComponent)")

    def check_known(self, shape, known: set[str]) -> None:
        for p in self.g.index.get(shape, {}):
            if p.startswith(SH) and p not in known:
                feature = "sh:property inside a property shape" if p == SH + "property" else p
                raise _refuse(feature, shape)

    def severity(self, shape) -> str:
        sev = self.g.one(shape, SH + "severity")
        return sev.value if sev is not None else VIOLATION

    def message(self, shape) -> str | None:
        msgs = sorted(m.value for m in self.g.objs(shape, SH + "message"))
        return msgs[0] if msgs else None

    def deactivated(self, shape) -> bool:
        d = self.g.one(shape, SH + "deactivated")
        return d is not None and d.value == "true"

    def path(self, shape) -> str:
        """The shape's sh:path as a SPARQL property path; refused when it reaches values the store
        holds in another form through anything but a single predicate."""
        import pyoxigraph as ox

        p = self.g.one(shape, SH + "path")
        if isinstance(p, ox.NamedNode):
            return f"<{p.value}>"
        preds: set[str] = set()
        expr = path_expr(self.g, p, shape, preds)
        if any(self.fidelity.by_predicate.get(q) for q in preds):
            raise _refuse("a complex sh:path over values the store holds in another form", shape)
        return expr

    # -- a shape's conformance as a SPARQL boolean expression over a value node (for sh:or, sh:node)
    def conforms(self, shape, v: str, depth: int = 0) -> str:
        if depth > 8:
            raise _refuse("recursive shapes")
        if self.deactivated(shape):
            return "true"
        self.check_known(shape, PROPERTY_KNOWN if self.g.objs(shape, SH + "path") else NODE_KNOWN)
        if self.g.objs(shape, SH + "path"):
            raise _refuse("a property shape inside sh:node or sh:or", shape)
        for p in ("closed", "uniqueLang", *PAIRS):
            if self.g.objs(shape, SH + p):
                raise _refuse(f"sh:{p} inside sh:node or sh:or", shape)
        parts = [self.value_ok(shape, param, val, v, depth) for param in VALUE_PARAMS
                 for val in self.g.objs(shape, SH + param)]
        for ps in self.g.objs(shape, SH + "property"):
            if self.deactivated(ps):
                continue
            self.check_known(ps, PROPERTY_KNOWN)
            for p in ("uniqueLang", "sparql", *PAIRS):
                if self.g.objs(ps, SH + p):
                    raise _refuse(f"sh:{p} inside sh:node or sh:or", ps)
            p = self.path(ps)
            if self.fidelity.by_predicate.get(p[1:-1]):
                raise _refuse(f"sh:node/sh:or over {p}, whose values the store holds in another form", ps)
            w = f"?w{depth}"
            mn = self.g.one(ps, SH + "minCount")
            mx = self.g.one(ps, SH + "maxCount")
            if mn is not None and int(mn.value) > 0:
                parts.append(self._count_expr(v, p, w, ">=", int(mn.value)))
            if mx is not None:
                parts.append(f"!({self._count_expr(v, p, w, '>', int(mx.value))})")
            for param in VALUE_PARAMS:
                for val in self.g.objs(ps, SH + param):
                    if param == "hasValue":
                        parts.append(f"EXISTS {{ {v} {p} {self.constant(val, ps)} }}")
                    else:
                        inner = self.value_ok(ps, param, val, w, depth + 1)
                        parts.append(f"NOT EXISTS {{ {v} {p} {w} FILTER (!({inner})) }}")
        if self.g.objs(shape, SH + "sparql"):
            raise _refuse("sh:sparql inside sh:node/sh:or", shape)
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def _count_expr(self, v: str, p: str, w: str, op: str, n: int) -> str:
        if (op, n) in ((">=", 1), (">", 0)):
            return f"EXISTS {{ {v} {p} {w} }}"
        raise _refuse("counts other than 1 inside sh:node/sh:or")

    def constant(self, term, shape) -> str:
        """A shapes-graph term as a query constant; refused when the query would canonicalise it."""
        from kg.literals import may_differ, stored_forms

        if may_differ(term) and stored_forms([term])[term] != term:
            raise _refuse(f"the non-canonical literal {term} here (a query constant is canonicalised)", shape)
        return str(term)

    # -- one value-type parameter as a boolean expression: does value node v satisfy it?
    def value_ok(self, shape, param: str, val, v: str, depth: int) -> str:
        from kg.literals import may_differ, stored_forms

        if param == "class":
            return _has_type(v, val.value)
        if param == "datatype":
            # ill-typed literals and those the store rewrites are checked in Python (kg.fastshacl_run)
            return f"(isLiteral({v}) && datatype({v}) = <{val.value}>)"
        if param == "nodeKind":
            return NODE_KINDS[val.value].format(v=v)
        if param == "pattern":
            try:
                re.compile(val.value)
            except re.error as e:
                raise InvalidShape(f"sh:pattern {sparql_string(val.value)} of shape {shape} is not a valid "
                                   f"regular expression ({e})") from None
            flags = self.g.one(shape, SH + "flags")
            args = f"STR({v}), {sparql_string(val.value)}" + (f", {sparql_string(flags.value)}" if flags else "")
            return f"(!isBlank({v}) && REGEX({args}))"
        if param == "minLength":
            return f"(!isBlank({v}) && STRLEN(STR({v})) >= {int(val.value)})"
        if param == "maxLength":
            return f"(!isBlank({v}) && STRLEN(STR({v})) <= {int(val.value)})"
        if param == "languageIn":
            tags = [t.value for t in self.g.rdf_list(val)]
            matches = " || ".join(f"langMatches(LANG({v}), {sparql_string(t)})" for t in tags)
            return f"(isLiteral({v}) && ({matches}))" if tags else "false"
        if param in RANGE_OPS:  # an incomparable value fails the constraint
            return f"COALESCE({v} {RANGE_OPS[param]} {self.constant(val, shape)}, false)"
        if param in ("in", "hasValue"):
            members = self.g.rdf_list(val) if param == "in" else [val]
            # a member the store would rewrite can only equal a rewritten value: checked in Python
            odd = stored_forms([m for m in members if may_differ(m)])
            kept = [m for m in members if odd.get(m, m) == m]
            if depth > 0 and len(kept) < len(members):
                raise _refuse("a non-canonical literal in sh:in/sh:hasValue inside sh:node/sh:or", shape)
            return "(" + " || ".join(f"sameTerm({v}, {str(m)})" for m in kept) + ")" if kept else "false"
        if param in ("or", "and"):
            op = " || " if param == "or" else " && "
            return "(" + op.join(self.conforms(m, v, depth + 1) for m in self.g.rdf_list(val)) + ")"
        if param == "xone":
            ones = " + ".join(f"IF({self.conforms(m, v, depth + 1)}, 1, 0)" for m in self.g.rdf_list(val))
            return f"({ones} = 1)"
        if param == "not":
            return f"!({self.conforms(val, v, depth + 1)})"
        if param == "node":
            return self.conforms(val, v, depth + 1)
        raise _refuse(f"sh:{param}", shape)  # pragma: no cover

    # -- targets
    def targets(self, shape) -> tuple[str, tuple]:
        """The focus-node pattern over ?this (a UNION of the shape's targets) and the literal sh:targetNode values."""
        import pyoxigraph as ox

        parts, literals = [], []
        classes = [t.value for t in self.g.objs(shape, SH + "targetClass")]
        if isinstance(shape, ox.NamedNode) and self.g.is_class(shape):
            classes.append(shape.value)
        for cls in dict.fromkeys(classes):
            parts.append(f"VALUES ?thisType {{ §SUB<{cls}>§ }} ?this <{RDF}type> ?thisType .")
        nodes = []
        for n in self.g.objs(shape, SH + "targetNode"):
            if isinstance(n, ox.BlankNode):
                raise _refuse("a blank node as sh:targetNode", shape)
            (literals if isinstance(n, ox.Literal) else nodes).append(n)
        if nodes:
            parts.append("VALUES ?this { " + " ".join(str(n) for n in dict.fromkeys(nodes)) + " }")
        for p in self.g.objs(shape, SH + "targetSubjectsOf"):
            parts.append(f"?this <{p.value}> ?targetObject .")
        for p in self.g.objs(shape, SH + "targetObjectsOf"):
            if self.fidelity.by_predicate.get(p.value):
                raise _refuse(f"sh:targetObjectsOf <{p.value}>, whose values the store holds in another form", shape)
            parts.append(f"?targetSubject <{p.value}> ?this .")
        if len(parts) > 1:
            return " UNION ".join("{ " + p + " }" for p in parts), tuple(dict.fromkeys(literals))
        return (parts[0] if parts else ""), tuple(dict.fromkeys(literals))

    def compile(self) -> list[Check]:
        import pyoxigraph as ox

        checks: list[Check] = []
        targeted = {s for t in TARGETS for s in self.g.subjects(SH + t)}
        targeted |= {s for s in self.g.index if isinstance(s, ox.NamedNode) and self.g.is_class(s)
                     and (self.g.is_a(s, SH + "NodeShape") or self.g.is_a(s, SH + "PropertyShape"))}
        for shape in sorted(targeted, key=str):
            if self.deactivated(shape):
                continue
            target, literals = self.targets(shape)
            if self.g.objs(shape, SH + "path"):
                checks.extend(self.property_checks(shape, target, literals))
                continue
            own = shape in self.g.objs(shape, SH + "sparql")  # a shape that is its own SPARQL constraint
            self.check_known(shape, NODE_KNOWN | ({SH + "select", SH + "prefixes"} if own else set()))
            checks.extend(self.node_shape_checks(shape, target, literals))
            for ps in self.g.objs(shape, SH + "property"):
                if not self.deactivated(ps):
                    checks.extend(self.property_checks(ps, target, literals))
        return checks

    def node_shape_checks(self, shape, target: str, literals: tuple) -> list[Check]:
        import pyoxigraph as ox

        out = []
        sev, msg = self.severity(shape), self.message(shape)
        for param in VALUE_PARAMS:
            for val in self.g.objs(shape, SH + param):
                ok = self.value_ok(shape, param, val, "?this", 0)
                q = f"SELECT DISTINCT ?this WHERE {{ {target} FILTER (!({ok})) }}" if target else ""
                out.append(Check(shape, _component(param), None, sev, msg, q, kind="node", param=param, arg=val,
                                 target=target, literal_focus=literals))
        if literals and any(self.g.objs(shape, SH + p) for p in PAIRS):
            raise _refuse("property pair constraints on literal sh:targetNode values", shape)
        out += pair_checks(self.g, shape, target, None, None, self.fidelity, sev, msg)
        closed = self.g.one(shape, SH + "closed")
        if closed is not None and closed.value == "true" and target:
            allowed = {p.value for ps in self.g.objs(shape, SH + "property") for p in self.g.objs(ps, SH + "path")
                       if isinstance(p, ox.NamedNode)}
            allowed |= {m.value for ig in self.g.objs(shape, SH + "ignoredProperties") for m in self.g.rdf_list(ig)}
            not_in = f"FILTER (?path NOT IN ({', '.join(f'<{p}>' for p in sorted(allowed))}))" if allowed else ""
            q = f"SELECT DISTINCT ?this ?path ?value WHERE {{ {target} ?this ?path ?value {not_in} }}"
            out.append(Check(shape, SH + "ClosedConstraintComponent", None, sev, msg, q, kind="closed", target=target))
        return out + sparql_checks(self, shape, target, literals, sev, msg)

    def property_checks(self, ps, target: str, literals: tuple) -> list[Check]:
        import pyoxigraph as ox

        self.check_known(ps, PROPERTY_KNOWN)
        p = self.path(ps)
        path_term = self.g.one(ps, SH + "path")
        simple = p[1:-1] if isinstance(path_term, ox.NamedNode) else None
        sev, msg = self.severity(ps), self.message(ps)
        out = []

        def add(component, query, **kw):
            out.append(Check(ps, component, simple, sev, msg, query if target else "", target=target,
                             path_term=path_term, literal_focus=literals, **kw))

        mn = self.g.one(ps, SH + "minCount")
        if mn is not None and int(mn.value) > 0:
            n = int(mn.value)
            if n == 1:
                q = f"SELECT DISTINCT ?this WHERE {{ {target} FILTER NOT EXISTS {{ ?this {p} ?v }} }}"
            else:
                q = (f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {p} ?v }} }} "
                     f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n})")
            add(SH + "MinCountConstraintComponent", q, kind="count", param="minCount", arg=n)
        mx = self.g.one(ps, SH + "maxCount")
        if mx is not None:
            q = (f"SELECT ?this WHERE {{ {target} ?this {p} ?v }} "
                 f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(mx.value)})")
            add(SH + "MaxCountConstraintComponent", q, kind="count", param="maxCount", arg=int(mx.value))
        for param in VALUE_PARAMS:
            for val in self.g.objs(ps, SH + param):
                if param == "hasValue":
                    has = self.value_ok(ps, param, val, "?v", 0)
                    q = f"SELECT DISTINCT ?this WHERE {{ {target} FILTER NOT EXISTS {{ ?this {p} ?v FILTER ({has}) }}}}"
                    add(_component(param), q, kind="hasValue", param=param, arg=val)
                else:
                    ok = self.value_ok(ps, param, val, "?value", 0)
                    q = f"SELECT DISTINCT ?this ?value WHERE {{ {target} ?this {p} ?value FILTER (!({ok})) }}"
                    add(_component(param), q, kind="value", param=param, arg=val)
        out += sparql_checks(self, ps, target, literals, sev, msg, p, path_term)
        return out + pair_checks(self.g, ps, target, p, path_term, self.fidelity, sev, msg)


def compile_shapes(shape_quads: Iterable["pyoxigraph.Quad"], fidelity=None) -> tuple[list[Check], Shapes]:
    """The shapes as SPARQL checks (raises UnsupportedShape for features we do not compile), and the
    shapes index (for the Python checks of written forms)."""
    from kg.literals import Fidelity

    shapes = Shapes(shape_quads)
    return Compiler(shapes, fidelity if fidelity is not None else Fidelity()).compile(), shapes


def validate_store(store: "pyoxigraph.Store", shape_quads: Iterable["pyoxigraph.Quad"], fidelity=None):
    """(conforms, results, distinct triple count) for the union of the store's graphs against the
    shapes. `fidelity` (kg.literals.Fidelity) says which stored values were written in another form."""
    from kg.fastshacl_run import run_checks
    from kg.literals import Fidelity

    fidelity = fidelity if fidelity is not None else Fidelity()
    checks, shapes = compile_shapes(shape_quads, fidelity)
    triples = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
                          use_default_graph_as_union=True)
    n = int(next(iter(triples))["n"].value)
    results = run_checks(store, checks, shapes, fidelity)
    conforms = not any(r.is_violation for r in results)
    return conforms, results, n


def validate_quads(quads: Iterable["pyoxigraph.Quad"], shape_quads: Iterable["pyoxigraph.Quad"]):
    """As validate_store, for quads in memory (literals as written)."""
    import pyoxigraph as ox

    from kg.literals import Scanner

    store = ox.Store()
    scanner = Scanner()
    store.extend(scanner.scan(quads))
    return validate_store(store, shape_quads, scanner.fidelity())
