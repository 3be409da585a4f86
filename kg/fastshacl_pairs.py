"""The fast engine's property-pair constraints (sh:equals, sh:disjoint, sh:lessThan,
sh:lessThanOrEquals; SHACL 1.0 §4.5) and sh:uniqueLang, each as one SPARQL query (kg.fastshacl)."""

from __future__ import annotations

from kg.namespaces import SH, XSD
from kg.shacl_shapes import Check, refuse

PAIRS = ("equals", "disjoint", "lessThan", "lessThanOrEquals")


def pair_checks(g, shape, target: str, path: str | None, path_term, fidelity, sev: str, msg) -> list[Check]:
    """Checks for the pair parameters and sh:uniqueLang of `shape`: a property shape when `path` (a
    SPARQL path) is given, else a node shape (its value node is the focus node)."""
    out = []

    def add(param, query):
        simple = path_term.value if path is not None and path == f"<{path_term.value}>" else None
        out.append(Check(shape, SH + param[0].upper() + param[1:] + "ConstraintComponent", simple, sev, msg,
                         query if target else "", kind="pair", target=target, path_term=path_term))

    for param in PAIRS:
        for other in g.objs(shape, SH + param):
            q = other.value
            touched = [q] + ([path[1:-1]] if path and path.startswith("<") else [])
            if any(fidelity.by_predicate.get(p) for p in touched):
                raise refuse(f"sh:{param} over values the store holds in another form", shape)
            if param == "equals":
                if path is None:
                    a = f"{{ {target} FILTER NOT EXISTS {{ ?this <{q}> ?this }} BIND (?this AS ?value) }}"
                    b = f"{{ {target} ?this <{q}> ?value FILTER (!sameTerm(?value, ?this)) }}"
                else:
                    a = f"{{ {target} ?this {path} ?value FILTER NOT EXISTS {{ ?this <{q}> ?value }} }}"
                    b = f"{{ {target} ?this <{q}> ?value FILTER NOT EXISTS {{ ?this {path} ?value }} }}"
                add(param, f"SELECT DISTINCT ?this ?value WHERE {{ {a} UNION {b} }}")
            elif param == "disjoint":
                body = (f"{target} ?this <{q}> ?this BIND (?this AS ?value)" if path is None
                        else f"{target} ?this {path} ?value . ?this <{q}> ?value")
                add(param, f"SELECT DISTINCT ?this ?value WHERE {{ {body} }}")
            else:
                if path is None:
                    raise refuse(f"sh:{param} on a node shape", shape)
                op = "<" if param == "lessThan" else "<="
                add(param, f"SELECT DISTINCT ?this ?value ?other WHERE {{ {target} ?this {path} ?value . "
                           f"?this <{q}> ?other FILTER (!COALESCE(?value {op} ?other, false)) }}")
    for flag in g.objs(shape, SH + "uniqueLang"):
        if path is None:
            raise refuse("sh:uniqueLang on a node shape", shape)
        if flag.value == "true" and getattr(getattr(flag, "datatype", None), "value", None) == XSD + "boolean":
            add("uniqueLang", f"SELECT DISTINCT ?this (LCASE(LANG(?a)) AS ?lang) WHERE {{ {target} ?this {path} ?a . "
                              f"?this {path} ?b FILTER (!sameTerm(?a, ?b) && LANG(?a) != \"\" && "
                              f"LCASE(LANG(?a)) = LCASE(LANG(?b))) }}")
    return out
