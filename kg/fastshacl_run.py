"""Running the fast engine's compiled checks (kg.fastshacl) on a pyoxigraph Store.

Each check is one SPARQL query over all focus nodes. A Store holds some literals in another form
than written (kg.literals.Fidelity): rows for such values are dropped from the query's answer and
the written forms are checked here in Python, with the same rules (`value_ok`), so the result
names the value as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.namespaces import RDFS, SH, XSD
from kg.report import ValidationResult, sorted_results
from kg.shacl_messages import default_message
from kg.shacl_shapes import RANGE_OPS, VALUE_PARAMS, InvalidShape, refuse as _refuse

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

_SUBCLASSES = re.compile(r"§SUB<([^>]*)>§")
_VAR = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")
_VARIABLE_PREDICATE = re.compile(r"[?$]\w+\s+\?\w+\s+[?$\"<\w]")
_FLAGS = {"i": re.I, "s": re.S, "m": re.M, "x": re.X, "q": 0}


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


def value_ok(shapes, shape, param: str, arg, term) -> bool:
    """Does `term` (a literal as written) satisfy the value-type parameter sh:`param` `arg`?"""
    import pyoxigraph as ox

    from kg.literals import well_typed

    is_lit = isinstance(term, ox.Literal)
    if param == "class":
        return False  # a literal is no instance of a class
    if param == "datatype":
        return is_lit and term.datatype == arg and well_typed(term.value, arg.value)
    if param == "nodeKind":
        kinds = {ox.Literal: "Literal", ox.NamedNode: "IRI", ox.BlankNode: "BlankNode"}
        return kinds[type(term)] in arg.value.removeprefix(SH)
    if param == "pattern":
        flags = shapes.one(shape, SH + "flags")
        f = 0
        for ch in (flags.value if flags is not None else ""):
            f |= _FLAGS.get(ch, 0)
        return not isinstance(term, ox.BlankNode) and re.search(arg.value, term.value, f) is not None
    if param in ("minLength", "maxLength"):
        if isinstance(term, ox.BlankNode):
            return False
        n = len(term.value)
        return n >= int(arg.value) if param == "minLength" else n <= int(arg.value)
    if param == "languageIn":
        lang = (term.language or "").lower() if is_lit else ""
        return any(lang and (t.value == "*" or lang == t.value.lower() or lang.startswith(t.value.lower() + "-"))
                   for t in shapes.rdf_list(arg))
    if param == "in":
        return term in set(shapes.rdf_list(arg))
    if param == "hasValue":
        return term == arg
    if param in RANGE_OPS:
        order = _compare(term, arg, shape)
        if order is None:
            return False  # incomparable values fail the constraint
        return {">=": order >= 0, ">": order > 0, "<=": order <= 0, "<": order < 0}[RANGE_OPS[param]]
    if param in ("or", "and", "xone"):
        passed = [conforms(shapes, m, term) for m in shapes.rdf_list(arg)]
        return any(passed) if param == "or" else all(passed) if param == "and" else passed.count(True) == 1
    if param == "not":
        return not conforms(shapes, arg, term)
    if param == "node":
        return conforms(shapes, arg, term)
    raise _refuse(f"sh:{param} on a value the store holds in another form ({term})", shape)


_NUMERIC = {XSD + t for t in ("integer", "decimal", "float", "double", "long", "int", "short", "byte",
                               "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
                               "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}


def _compare(a, b, shape) -> int | None:
    """-1, 0 or 1 comparing two literals by value (numbers, xsd:date, xsd:dateTime, strings); None when
    incomparable. Refused (UnsupportedShape) for other datatypes and for mixed time-zone presence."""
    import datetime as dt
    from decimal import Decimal

    from kg.literals import well_typed

    def kind_value(t):
        if not hasattr(t, "datatype") or t.language or not well_typed(t.value, t.datatype.value):
            return None, None
        d = t.datatype.value
        if d in _NUMERIC:
            text = t.value.replace("INF", "Infinity")
            return "number", float(text) if d in (XSD + "float", XSD + "double") else Decimal(text)
        if d in (XSD + "date", XSD + "dateTime"):
            try:
                if d.endswith("date") and len(t.value) > 10:
                    raise ValueError("a date with a time zone")
                parse = dt.datetime.fromisoformat if d.endswith("dateTime") else dt.date.fromisoformat
                return d, parse(t.value.replace("Z", "+00:00"))
            except ValueError:
                raise _refuse(f"comparing {t} in Python", shape) from None
        if d == XSD + "string":
            return "string", t.value
        raise _refuse(f"comparing values of datatype <{d}> in Python", shape)

    (ka, va), (kb, vb) = kind_value(a), kind_value(b)
    if ka is None or ka != kb:
        return None
    if ka.endswith("dateTime") and (va.tzinfo is None) != (vb.tzinfo is None):
        raise _refuse("comparing xsd:dateTime values with and without a time zone", shape)
    return (va > vb) - (va < vb)


def conforms(shapes, shape, term, depth: int = 0) -> bool:
    """Does a literal `term` conform to `shape` (sh:node, sh:or, …)? It has no values for any path."""
    if depth > 8:
        raise _refuse("recursive shapes")
    d = shapes.one(shape, SH + "deactivated")
    if d is not None and d.value == "true":
        return True
    for param in VALUE_PARAMS:
        if not all(value_ok(shapes, shape, param, val, term) for val in shapes.objs(shape, SH + param)):
            return False
    for ps in shapes.objs(shape, SH + "property"):
        d = shapes.one(ps, SH + "deactivated")
        if d is None or d.value != "true":
            mn = shapes.one(ps, SH + "minCount")
            if (mn is not None and int(mn.value) > 0) or shapes.objs(ps, SH + "hasValue"):
                return False
    return True


def _focus_nodes(store, target: str, cache: dict, focus_cache: dict) -> set:
    if target not in focus_cache:
        rows = store.query(_resolve(f"SELECT DISTINCT ?this WHERE {{ {target} }}", store, cache),
                           use_default_graph_as_union=True)
        focus_cache[target] = {r["this"] for r in rows}
    return focus_cache[target]


def _written_values(store, s, p: str, by_key: dict) -> set:
    import pyoxigraph as ox

    out = set()
    for q in store.quads_for_pattern(s, ox.NamedNode(p), None):
        out |= by_key.get((s, q.object), {q.object})
    return out


def _sparql_touches(text: str, predicates) -> bool:
    """Could this SPARQL text match a triple of one of `predicates` (named, or a variable predicate)?"""
    prefixes = dict(re.findall(r"PREFIX\s+(\w*):\s*<([^>]*)>", text, re.I))
    for p in predicates:
        if f"<{p}>" in text:
            return True
        for pfx, ns in prefixes.items():
            if p.startswith(ns) and re.search(rf"(?<![\w:]){pfx}:{re.escape(p[len(ns):])}(?![\w-])", text):
                return True
    where = re.search(r"\bWHERE\s*\{", text, re.I)
    return bool(predicates) and _VARIABLE_PREDICATE.search(text[where.end() if where else 0:]) is not None


def needs_prebinding(select: str) -> bool:
    """Does $this occur inside a nested group (a UNION branch, a plain { } block, a sub-query) of the
    WHERE clause? There a join with the focus nodes would not bind it: the query must run once per
    focus node with $this pre-bound (SHACL 1.0 §5.3.1). Inside OPTIONAL { } and EXISTS { } it is fine."""
    m = re.search(r"\bWHERE\s*\{", select, re.I)
    if m is None:
        return True
    stack: list[bool] = []  # per open brace below WHERE's: is it a plain group?
    i = m.end()
    while i < len(select):
        ch = select[i]
        if ch == "{":
            before = select[:i].rstrip().upper()
            stack.append(not (before.endswith("OPTIONAL") or before.endswith("EXISTS")))
        elif ch == "}":
            if not stack:
                return False
            stack.pop()
        elif select.startswith("$this", i) and any(stack):
            return True
        i += 1
    return False


def _term_text(t) -> str:  # how pySHACL writes a term into a message: an IRI in full, a literal's text
    return t.value if hasattr(t, "value") else str(t)


def _prebound(text: str, node) -> tuple[str, dict]:
    """The query with $this pre-bound to `node`: an IRI written into the WHERE clause (bound($this)
    is true), other nodes through pyoxigraph's substitutions."""
    import pyoxigraph as ox

    m = re.search(r"\bWHERE\s*\{", text, re.I)
    if not isinstance(node, ox.NamedNode) or m is None:
        return text.replace("$this", "?this"), {ox.Variable("this"): node}
    body = re.sub(r"\bbound\s*\(\s*\$this\s*\)", "(true)", text[m.end():], flags=re.I)
    return text[: m.end()].replace("$this", "?this") + body.replace("$this", str(node)), {}


def _query(store, text: str, c, substitutions=None):
    try:
        return store.query(text, use_default_graph_as_union=True, substitutions=substitutions or None)
    except SyntaxError as e:
        what = " ".join(str(e).split())[:200]
        raise InvalidShape(f"the query of shape {c.shape} does not parse: {what}") from None


def run_checks(store: "pyoxigraph.Store", checks, shapes, fidelity) -> tuple[ValidationResult, ...]:
    """Run compiled checks on a store (union default graph); the results, sorted (kg.report).
    Raises UnsupportedShape where a check cannot be run faithfully on the values as written."""
    import pyoxigraph as ox

    out = []
    cache: dict[str, str] = {}
    focus_cache: dict[str, set] = {}
    for c in checks:
        by_key = fidelity.by_predicate.get(c.path, {}) if c.path else {}
        path = c.path_term

        def result(focus, value=None, path=path, message=None, c=c):
            # sh:hasValue names no value node, also on a node shape (as pySHACL reports it)
            value = None if getattr(c, "param", None) == "hasValue" else value
            out.append(ValidationResult(focus=focus, path=path, component=ox.NamedNode(c.component), shape=c.shape,
                                        value=value, severity=ox.NamedNode(c.severity),
                                        message=message if message is not None else
                                        c.message if c.message is not None else
                                        default_message(c, focus, value, shapes)))

        if c.kind == "sparql" and _sparql_touches(c.sparql_text, fidelity.rewritten_predicates):
            raise _refuse("a SPARQL constraint over values the store holds in another form "
                          f"(e.g. {fidelity.example[0] if fidelity.example else 'an ill-typed literal'})", c.shape)
        if c.kind == "count" and any(len(forms) > 1 for forms in by_key.values()):
            raise _refuse(f"counting values of <{c.path}> that the store merges (e.g. \"1\" and \"true\")", c.shape)
        rows = []
        if c.kind == "sparql" and needs_prebinding(c.sparql_text):
            for node in sorted(_focus_nodes(store, c.target, cache, focus_cache), key=str):
                text, substitutions = _prebound(c.sparql_text, node)
                solutions = _query(store, text, c, substitutions)
                names = [v.value for v in solutions.variables]
                rows += [(row, names, node) for row in solutions]
        elif c.query:
            solutions = _query(store, _resolve(c.query, store, cache), c)
            names = [v.value for v in solutions.variables]
            rows = [(row, names, None) for row in solutions]
        if c.kind == "hasValue":
            lacking = {row["this"] for row, _, _ in rows}
            if by_key:
                for s in {s for s, _ in by_key} & _focus_nodes(store, c.target, cache, focus_cache):
                    if c.arg in _written_values(store, s, c.path, by_key):
                        lacking.discard(s)
                    else:
                        lacking.add(s)
            for s in sorted(lacking, key=str):
                result(s)
            for lit in c.literal_focus:
                result(lit)
            continue
        for row, names, prebound in rows:
            this = prebound if prebound is not None else row["this"]
            value = row["value"] if "value" in names else None
            if c.kind == "value" and by_key and (this, value) in by_key:
                continue  # checked below, as written
            if c.kind == "node":
                value = this
            row_path = path
            if c.kind == "closed" and fidelity and (this, row["path"], value) in fidelity.written:
                for w in sorted(fidelity.written[(this, row["path"], value)], key=str):
                    result(this, w, row["path"])
                continue
            if "path" in names and isinstance(row["path"], ox.NamedNode) and (row_path is None or c.kind == "sparql"):
                row_path = row["path"]
            if c.kind == "sparql" and value is None:
                value = this  # pySHACL: sh:value is the focus node when the query binds no ?value
            message = c.message
            if c.sparql_message and message:
                def sub(m, row=row, names=names):
                    var = m.group(1)
                    return _term_text(row[var]) if var in names and row[var] is not None else m.group(0)

                message = _VAR.sub(sub, message)
            result(this, value, row_path, message)
        if c.kind == "value" and by_key:
            focus = _focus_nodes(store, c.target, cache, focus_cache) if c.target else set()
            for (s, _stored), forms in by_key.items():
                if s in focus:
                    for w in sorted(forms, key=str):
                        if not value_ok(shapes, c.shape, c.param, c.arg, w):
                            result(s, w)
        if c.kind == "node":
            for lit in c.literal_focus:
                if not value_ok(shapes, c.shape, c.param, c.arg, lit):
                    result(lit, lit)
        if c.kind == "count" and c.param == "minCount":
            for lit in c.literal_focus:
                result(lit)
    return sorted_results(out)

