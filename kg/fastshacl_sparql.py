"""The fast engine's SHACL-SPARQL constraints (SHACL 1.0 §5): one query over all focus nodes, $this
joined with the targets (or pre-bound per focus node when it sits in a nested group: kg.fastshacl_run)."""

from __future__ import annotations

import re

from kg.namespaces import SH
from kg.shacl_shapes import Check, refuse as _refuse

SPARQL_KNOWN = {SH + p for p in ("select", "prefixes", "message", "deactivated", "name", "description")}
SPARQL_REFUSED = [(re.compile(r"\bMINUS\b", re.I), "MINUS"), (re.compile(r"\bVALUES\b", re.I), "VALUES"),
                  (re.compile(r"\bSERVICE\b", re.I), "SERVICE"),
                  (re.compile(r"\$(?!this\b|PATH\b)\w+"), "pre-bound variables other than $this")]


def prefixes(g, constraint) -> str:
    """PREFIX lines for a constraint's sh:prefixes (their sh:declare, owl:imports followed)."""
    out = []
    owners = [n for p in g.objs(constraint, SH + "prefixes") for n in g.imports_closure(p)]
    for decl_owner in dict.fromkeys(owners):
        for decl in g.objs(decl_owner, SH + "declare"):
            prefix, namespace = g.one(decl, SH + "prefix").value, g.one(decl, SH + "namespace").value
            out.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(out) + "\n"


def sparql_checks(compiler, shape, target: str, literals: tuple, sev: str, msg, path=None, path_term=None) -> list:
    """The SPARQL-based constraints of `shape` (`compiler`: the kg.fastshacl.Compiler); `path` (a SPARQL
    path) replaces $PATH in a property shape's constraints."""
    out = []
    for c in compiler.g.objs(shape, SH + "sparql"):
        if compiler.deactivated(c):
            continue
        if c != shape:  # a shape may be its own constraint (checked as a shape)
            compiler.check_known(c, SPARQL_KNOWN)
        select = compiler.g.one(c, SH + "select")
        if select is None:
            raise _refuse("sh:sparql without sh:select", shape)
        for pattern, what in SPARQL_REFUSED:
            if pattern.search(select.value):
                raise _refuse(f"{what} in a SPARQL constraint", shape)
        if len(re.findall(r"\bSELECT\b", select.value, re.I)) > 1:
            raise _refuse("a sub-SELECT in a SPARQL constraint", shape)
        if literals:
            raise _refuse("a SPARQL constraint on literal sh:targetNode values", shape)
        if "$PATH" in select.value and path is None:
            raise _refuse("$PATH in a node shape's SPARQL constraint", shape)
        raw = select.value.replace("$PATH", path or "$PATH")
        text = raw.replace("$this", "?this")
        m = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
        if m is None:
            raise _refuse("a SPARQL constraint without WHERE {", shape)
        text = text[: m.end()] + "\n" + target + "\n" + text[m.end():]
        out.append(Check(shape, SH + "SPARQLConstraintComponent", None, sev, compiler.message(c) or msg,
                         prefixes(compiler.g, c) + text if target else "", sparql_message=True, kind="sparql",
                         target=target, sparql_text=prefixes(compiler.g, c) + raw, path_term=path_term))
    return out
