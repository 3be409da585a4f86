"""RDF terms (pyoxigraph's) as text for people and as plain Python values for programs.

The one place that turns a term into something else; every writer, message and sentence of the
package calls `show` or `python_value`. N-Triples text is `str(term)` (pyoxigraph's own writer).
"""

from __future__ import annotations

import datetime as _dt
import re
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


def named_node(iri: str, *, what: str = ""):
    """A pyoxigraph NamedNode for an IRI the user typed; UsageError, its message starting with
    `what` (e.g. "parameter 'org': "), when it is no valid IRI (RFC 3987: a space, a stray `%`, …)."""
    import pyoxigraph as ox

    try:
        return ox.NamedNode(iri)
    except ValueError as e:
        from kg.errors import UsageError

        raise UsageError(f"{what}{iri!r} is not a valid IRI ({e}); write %XX for a reserved or non-ASCII "
                         "character (%25 for %, %20 for a space)") from None


_CONTROL = re.compile("\r\n|[\x00-\x1f\x7f-\x9f]")


def printable(text: str, *, keep: tuple[str, ...] = ()) -> str:
    r"""`text` safe to show on a terminal: each control character (Unicode category Cc: U+0000-U+001F,
    U+007F and U+0080-U+009F, which terminals obey as ESC/OSC/CSI sequences, bells, carriage
    returns) written visibly as Python writes it, `\x1b`; those in `keep` ("\n", "\t", or "\r\n" as
    a pair) are left as they are."""
    def escape(m: re.Match) -> str:
        found = m.group()
        if found in keep:
            return found
        return "".join(c if c in keep else f"\\x{ord(c):02x}" for c in found)

    return _CONTROL.sub(escape, text)


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
                from decimal import Decimal  # here: decimal's import is a measurable part of `kg query`'s start

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
