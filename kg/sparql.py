"""Small helpers to run parameterised SELECTs on a Backend and read terms (pyoxigraph terms)."""

from __future__ import annotations

from typing import Any

from kg.namespaces import shorten


def select(backend, query: str, **bindings: Any) -> list[dict[str, Any]]:
    """Run a SELECT; keyword arguments are bound by the engine (substitutions), never pasted.

    Values may be pyoxigraph terms or plain strings (bound as IRIs when they look like one,
    else as xsd:string literals). Each row is a dict of the bound variables only.
    """
    import pyoxigraph as ox

    subs = {ox.Variable(k): _term(v) for k, v in bindings.items() if v is not None}
    result = backend.query(query, substitutions=subs or None)
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row = {}
        for i, name in enumerate(names):
            value = solution[i]
            if value is not None:
                row[name] = value
        rows.append(row)
    return rows


def _term(value: Any):
    import pyoxigraph as ox

    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, str) and value.startswith(("http://", "https://", "urn:")):
        return ox.NamedNode(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(str(value))


def text(term) -> str:
    """A term for people: a literal's text, an IRI as a prefixed name."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    return str(term)


def plain(term) -> Any:
    """A term for JSON: IRIs as strings, literals as their lexical form."""
    return getattr(term, "value", term)
