"""A fast SHACL engine for OUR shapes: each constraint of `ontology/shapes.ttl` becomes one SPARQL
query over all focus nodes at once, run on pyoxigraph (the way TopBraid-style engines work).

pySHACL stays the reference: `tests/test_fastshacl.py` checks that both engines report the same
(focus, path, component, shape) on every tests/shacl case and on the real data. Only the features
shapes.ttl uses are supported; anything else raises `UnsupportedShape` rather than being skipped:

- targets: sh:targetClass (instances of the class or of its rdfs:subClassOf* subclasses);
- property shapes with a predicate path (an IRI);
- sh:minCount, sh:maxCount, sh:class, sh:datatype, sh:nodeKind, sh:pattern (+ sh:flags),
  sh:minLength, sh:in, sh:hasValue, sh:or and sh:node (of shapes built from the same parameters),
  sh:sparql with sh:select and sh:prefixes/sh:declare;
- sh:severity, sh:message (with {?var} substitution for SPARQL constraints), sh:deactivated.

Lexical validity for sh:datatype follows rdflib (as pySHACL does): xsd:date, dateTime, decimal,
integer, boolean, double and float values must cast to their datatype; other datatypes (gYear,
gYearMonth, string) are checked by datatype IRI only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from kg.errors import KgError
from kg.namespaces import RDF, RDFS, SH, XSD
from kg.report import VIOLATION, ValidationResult, sorted_results
from kg.terms import show

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

# Datatypes whose lexical form rdflib checks (Literal.ill_typed); we check them by casting.
CHECKED_DATATYPES = {XSD + n for n in ("date", "dateTime", "decimal", "integer", "boolean", "double", "float")}
NODE_KINDS = {
    SH + "IRI": "isIRI({v})",
    SH + "Literal": "isLiteral({v})",
    SH + "BlankNode": "isBlank({v})",
    SH + "BlankNodeOrIRI": "(isBlank({v}) || isIRI({v}))",
    SH + "BlankNodeOrLiteral": "(isBlank({v}) || isLiteral({v}))",
    SH + "IRIOrLiteral": "(isIRI({v}) || isLiteral({v}))",
}
VALUE_PARAMS = ("class", "datatype", "nodeKind", "pattern", "minLength", "in", "or", "node", "hasValue")
KNOWN = {SH + p for p in (
    "targetClass", "property", "path", "minCount", "maxCount", "sparql", "severity", "message", "name",
    "description", "deactivated", "flags", "order", "group", *VALUE_PARAMS)}


class UnsupportedShape(KgError):
    """The shapes use a SHACL feature the fast engine does not compile (use --engine pyshacl)."""


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT whose rows (?this, optional ?value/?path) are results."""

    shape: "pyoxigraph.Term"  # the shape node
    component: str
    path: str | None
    severity: str
    message: str | None
    query: str
    sparql_message: bool = False  # substitute {?var} from the row into the message


class _Shapes:
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


def _sparql_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


# The subclasses of a class are looked up once per run and put in a VALUES block (much faster on
# pyoxigraph than an rdf:type/rdfs:subClassOf* path per value): `§SUB<iri>§` marks the spot.
_SUBCLASSES = re.compile(r"§SUB<([^>]*)>§")
_counter = iter(range(10**9))


def _target(cls: str) -> str:
    return f"VALUES ?thisType {{ §SUB<{cls}>§ }} ?this <{RDF}type> ?thisType ."


def _has_type(v: str, cls: str) -> str:
    t = f"?type{next(_counter)}"
    return f"EXISTS {{ VALUES {t} {{ §SUB<{cls}>§ }} {v} <{RDF}type> {t} }}"


def _resolve(query: str, store, cache: dict[str, str]) -> str:
    """Replace each §SUB<C>§ with C and its rdfs:subClassOf* subclasses in the store."""
    def sub(m):
        cls = m.group(1)
        if cls not in cache:
            rows = store.query(f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS}subClassOf>* <{cls}> }}",
                               use_default_graph_as_union=True)
            cache[cls] = " ".join(sorted({str(r["c"]) for r in rows} | {f"<{cls}>"}))
        return cache[cls]

    return _SUBCLASSES.sub(sub, query)


def _datatype_ok(v: str, dt: str) -> str:
    expr = f"(isLiteral({v}) && datatype({v}) = <{dt}>"
    if dt in CHECKED_DATATYPES:
        expr += f" && COALESCE(isLiteral(<{dt}>(STR({v}))), false)"
    return expr + ")"


class _Compiler:
    def __init__(self, shapes: _Shapes):
        self.g = shapes
        self.prefix_cache: dict = {}

    def check_known(self, shape) -> None:
        for p in self.g.index.get(shape, {}):
            if p.startswith(SH) and p not in KNOWN:
                raise UnsupportedShape(f"the fast engine does not support {p} (shape {show(shape)}); use --engine pyshacl")

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
        import pyoxigraph as ox

        p = self.g.one(shape, SH + "path")
        if not isinstance(p, ox.NamedNode):
            raise UnsupportedShape(f"the fast engine supports only predicate paths (shape {show(shape)})")
        return p.value

    # -- a shape's conformance as a SPARQL boolean expression over a value node (for sh:or, sh:node)
    def conforms(self, shape, v: str, depth: int = 0) -> str:
        if depth > 8:
            raise UnsupportedShape("recursive shapes are not supported by the fast engine")
        self.check_known(shape)
        parts = [self.value_ok(shape, param, val, v, depth) for param in VALUE_PARAMS
                 for val in self.g.objs(shape, SH + param)]
        for ps in self.g.objs(shape, SH + "property"):
            self.check_known(ps)
            p = self.path(ps)
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
                        parts.append(f"EXISTS {{ {v} <{p}> {str(val)} }}")
                    else:
                        inner = self.value_ok(ps, param, val, w, depth + 1)
                        parts.append(f"NOT EXISTS {{ {v} <{p}> {w} FILTER (!({inner})) }}")
        if self.g.objs(shape, SH + "sparql"):
            raise UnsupportedShape("sh:sparql inside sh:node/sh:or is not supported by the fast engine")
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def _count_expr(self, v: str, p: str, w: str, op: str, n: int) -> str:
        if op == ">=" and n == 1:
            return f"EXISTS {{ {v} <{p}> {w} }}"
        if op == ">" and n == 0:
            return f"EXISTS {{ {v} <{p}> {w} }}"
        raise UnsupportedShape("counts other than 1 inside sh:node/sh:or are not supported by the fast engine")

    # -- one value-type parameter as a boolean expression: does value node v satisfy it?
    def value_ok(self, shape, param: str, val, v: str, depth: int) -> str:
        if param == "class":
            return _has_type(v, val.value)
        if param == "datatype":
            return _datatype_ok(v, val.value)
        if param == "nodeKind":
            return NODE_KINDS[val.value].format(v=v)
        if param == "pattern":
            flags = self.g.one(shape, SH + "flags")
            args = f"STR({v}), {_sparql_string(val.value)}" + (f", {_sparql_string(flags.value)}" if flags else "")
            return f"(!isBlank({v}) && REGEX({args}))"
        if param == "minLength":
            return f"(!isBlank({v}) && STRLEN(STR({v})) >= {int(val.value)})"
        if param == "in":
            members = self.g.rdf_list(val)
            return "(" + " || ".join(f"sameTerm({v}, {str(m)})" for m in members) + ")" if members else "false"
        if param == "hasValue":
            return f"sameTerm({v}, {str(val)})"
        if param == "or":
            return "(" + " || ".join(self.conforms(m, v, depth + 1) for m in self.g.rdf_list(val)) + ")"
        if param == "node":
            return self.conforms(val, v, depth + 1)
        raise UnsupportedShape(f"sh:{param}")  # pragma: no cover

    def prefixes(self, constraint) -> str:
        out = []
        for decl_owner in self.g.objs(constraint, SH + "prefixes"):
            for decl in self.g.objs(decl_owner, SH + "declare"):
                out.append(f"PREFIX {self.g.one(decl, SH + 'prefix').value}: <{self.g.one(decl, SH + 'namespace').value}>")
        return "\n".join(out) + "\n"

    def compile(self) -> list[Check]:
        checks: list[Check] = []
        for shape in self.g.subjects(SH + "targetClass"):
            if self.deactivated(shape):
                continue
            self.check_known(shape)
            targets = [t.value for t in self.g.objs(shape, SH + "targetClass")]
            for cls in targets:
                checks.extend(self.node_shape_checks(shape, cls))
                for ps in self.g.objs(shape, SH + "property"):
                    if not self.deactivated(ps):
                        checks.extend(self.property_checks(ps, cls))
        return checks

    def node_shape_checks(self, shape, cls: str) -> list[Check]:
        out = []
        sev, msg = self.severity(shape), self.message(shape)
        for param in VALUE_PARAMS:
            for val in self.g.objs(shape, SH + param):
                ok = self.value_ok(shape, param, val, "?this", 0)
                comp = SH + param[0].upper() + param[1:] + "ConstraintComponent"
                q = f"SELECT DISTINCT ?this WHERE {{ {_target(cls)} FILTER (!({ok})) }}"
                out.append(Check(shape, comp, None, sev, msg, q))
        for c in self.g.objs(shape, SH + "sparql"):
            if self.deactivated(c):
                continue
            select = self.g.one(c, SH + "select")
            if select is None:
                raise UnsupportedShape(f"sh:sparql without sh:select in {show(shape)}")
            text = select.value.replace("$this", "?this")
            m = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
            if m is None:
                raise UnsupportedShape(f"cannot find WHERE {{ in the SPARQL constraint of {show(shape)}")
            text = text[: m.end()] + "\n" + _target(cls) + "\n" + text[m.end():]
            cmsg = self.message(c) or msg
            out.append(Check(shape, SH + "SPARQLConstraintComponent", None, sev, cmsg,
                             self.prefixes(c) + text, sparql_message=True))
        return out

    def property_checks(self, ps, cls: str) -> list[Check]:
        self.check_known(ps)
        p = self.path(ps)
        sev, msg, name = self.severity(ps), self.message(ps), ps
        out = []
        mn = self.g.one(ps, SH + "minCount")
        if mn is not None and int(mn.value) > 0:
            n = int(mn.value)
            if n == 1:
                q = f"SELECT DISTINCT ?this WHERE {{ {_target(cls)} FILTER NOT EXISTS {{ ?this <{p}> ?v }} }}"
            else:
                q = (f"SELECT ?this WHERE {{ {_target(cls)} OPTIONAL {{ ?this <{p}> ?v }} }} "
                     f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n})")
            out.append(Check(name, SH + "MinCountConstraintComponent", p, sev, msg, q))
        mx = self.g.one(ps, SH + "maxCount")
        if mx is not None:
            q = (f"SELECT ?this WHERE {{ {_target(cls)} ?this <{p}> ?v }} "
                 f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(mx.value)})")
            out.append(Check(name, SH + "MaxCountConstraintComponent", p, sev, msg, q))
        for param in VALUE_PARAMS:
            for val in self.g.objs(ps, SH + param):
                comp = SH + param[0].upper() + param[1:] + "ConstraintComponent"
                if param == "hasValue":
                    q = f"SELECT DISTINCT ?this WHERE {{ {_target(cls)} FILTER NOT EXISTS {{ ?this <{p}> {str(val)} }} }}"
                else:
                    ok = self.value_ok(ps, param, val, "?value", 0)
                    q = f"SELECT DISTINCT ?this ?value WHERE {{ {_target(cls)} ?this <{p}> ?value FILTER (!({ok})) }}"
                out.append(Check(name, comp, p, sev, msg, q))
        if self.g.objs(ps, SH + "sparql"):
            raise UnsupportedShape(f"sh:sparql on a property shape ({show(ps)}) is not supported by the fast engine")
        return out


def compile_shapes(shape_quads: Iterable["pyoxigraph.Quad"]) -> list[Check]:
    """Our shapes as SPARQL checks (raises UnsupportedShape for features we do not compile)."""
    return _Compiler(_Shapes(shape_quads)).compile()


_VAR = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


def _term_text(t) -> str:  # how pySHACL writes a term into a message: an IRI in full, a literal's text
    import pyoxigraph as ox

    if isinstance(t, ox.Literal):
        return t.value
    if isinstance(t, ox.NamedNode):
        return t.value  # as pySHACL writes it
    return str(t)


def run_checks(store: "pyoxigraph.Store", checks: list[Check]) -> tuple[ValidationResult, ...]:
    """Run compiled checks on a store (union default graph); the results, sorted (kg.report)."""
    import pyoxigraph as ox

    out = []
    cache: dict[str, str] = {}
    for c in checks:
        solutions = store.query(_resolve(c.query, store, cache), use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]
        for row in solutions:
            this = row["this"]
            value = row["value"] if "value" in names else None
            path = ox.NamedNode(c.path) if c.path is not None else None
            if path is None and "path" in names and isinstance(row["path"], ox.NamedNode):
                path = row["path"]
            if c.component == SH + "SPARQLConstraintComponent" and value is None:
                value = this  # pySHACL: sh:value is the focus node when the query binds no ?value
            message = c.message
            if c.sparql_message and message:
                def sub(m, row=row):
                    var = m.group(1)
                    if var in names and row[var] is not None:
                        return _term_text(row[var])
                    return m.group(0)

                message = _VAR.sub(sub, message)
            out.append(ValidationResult(focus=this, path=path, component=ox.NamedNode(c.component), shape=c.shape,
                                        value=value, severity=ox.NamedNode(c.severity), message=message))
    return sorted_results(out)


def validate_store(store: "pyoxigraph.Store", shape_quads: Iterable["pyoxigraph.Quad"]):
    """(conforms, results, distinct triple count) for the union of the store's graphs against the shapes."""
    checks = compile_shapes(shape_quads)
    triples = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
                          use_default_graph_as_union=True)
    n = int(next(iter(triples))["n"].value)
    results = run_checks(store, checks)
    conforms = not any(r.is_violation for r in results)
    return conforms, results, n


def validate_quads(quads: Iterable["pyoxigraph.Quad"], shape_quads: Iterable["pyoxigraph.Quad"]):
    """As validate_store, for quads in memory."""
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(quads)
    return validate_store(store, shape_quads)
