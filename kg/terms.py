"""RDF terms (pyoxigraph's) as text for people and as plain Python values for programs.

The one place that turns a term into something else; every writer, message and sentence of the
package calls `show` or `python_value`. N-Triples text is `str(term)` (pyoxigraph's own writer).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from kg.namespaces import XSD, XSD_STRING, shorten

_INT_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
)}


def show(term, *, literal_syntax: bool = False) -> str:
    """A term as people read it.

    IRI -> prefixed name where a project prefix fits, else `<iri>`; blank node -> `_:id`; quoted
    triple -> `<< s p o >>`; `None` (an unbound cell) -> "". A literal -> its lexical form, or with
    `literal_syntax=True` in Turtle syntax with the datatype shortened (`"649"^^xsd:decimal`,
    `"text"@en`, `"plain"`), for messages where the type matters.
    """
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        if not literal_syntax:
            return term.value
        quoted = str(ox.Literal(term.value))  # N-Triples escaping of the lexical form
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype.value == XSD_STRING:
            return quoted
        return f"{quoted}^^{shorten(term.datatype.value)}"
    if isinstance(term, ox.Triple):
        parts = (show(t, literal_syntax=True) for t in (term.subject, term.predicate, term.object))
        return f"<< {' '.join(parts)} >>"
    return str(term)


def identifier(term) -> str | None:
    """A term as SHACL reports and JSON output write it: an IRI in full, a blank node as `_:id`, a
    literal (or quoted triple) in N-Triples syntax; None stays None."""
    import pyoxigraph as ox

    if term is None:
        return None
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def python_value(term) -> Any:
    """An RDF term as a plain value: IRI -> its string; xsd:string / language literal -> str;
    integer types -> int; xsd:decimal -> Decimal; float/double -> float; boolean -> bool;
    xsd:date -> datetime.date; any other literal (gYear, gYearMonth, dateTime …) or an ill-typed one
    -> its lexical form; blank node -> "_:id"; None -> None."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in _INT_TYPES:
                return int(term.value)
            if dt == XSD + "decimal":
                return Decimal(term.value)
            if dt in (XSD + "double", XSD + "float"):
                return float(term.value)
            if dt == XSD + "boolean":
                return term.value in ("true", "1")
            if dt == XSD + "date":
                return _dt.date.fromisoformat(term.value)
        except ValueError:
            return term.value
        return term.value
    return str(term)
