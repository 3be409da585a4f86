"""Typed parameters of named queries: checked and turned into RDF terms, never pasted into text.

A value given as a string becomes a pyoxigraph term by its declared type: `iri` (a prefixed name,
a full IRI, or a label looked up with kg.labels), `string` (an xsd:string literal), `date`
(`YYYY-MM-DD`, `YYYY-MM` or `YYYY` -> xsd:date, xsd:gYearMonth, xsd:gYear), `integer` (within
the declared min..max) or `boolean` (`true` or `false`, any case -> xsd:boolean). The terms are then bound by the engine (kg.sparqltext.values_binding).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Mapping

from kg.errors import UsageError
from kg.namespaces import PREFIXES, XSD, expand
from kg.queries.library import NamedQuery, Param
from kg.terms import named_node

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

# An absolute IRI as RFC 3987 allows it in SPARQL's IRIREF: a scheme, then no spaces, controls,
# angle brackets, quotes, braces, pipes, carets, backticks or backslashes.
_IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*$")
_PNAME_RE = re.compile(r"^([A-Za-z][\w\-.]*)?:([\w\-.%]*)$")
_INTEGER_RE = re.compile(r"^[+-]?[0-9]+$")
_GYEAR_RE = re.compile(r"^[0-9]{4}$")
_GYEARMONTH_RE = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _literal(value: str, datatype: str | None = None):
    import pyoxigraph as ox

    if datatype is None:
        return ox.Literal(value)
    return ox.Literal(value, datatype=ox.NamedNode(datatype))


def parse_date(name: str, value: str):
    """`2017-03-29` -> xsd:date, `2017-03` -> xsd:gYearMonth, `2017` -> xsd:gYear (validated)."""
    v = value.strip()
    if _GYEAR_RE.match(v):
        return _literal(v, XSD + "gYear")
    m = _GYEARMONTH_RE.match(v)
    if m and 1 <= int(m.group(2)) <= 12:
        return _literal(v, XSD + "gYearMonth")
    if _DATE_RE.match(v):
        try:
            _dt.date.fromisoformat(v)
        except ValueError:
            pass
        else:
            return _literal(v, XSD + "date")
    raise UsageError(
        f"parameter {name!r}: {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2017-03-29)"
    )


def parse_integer(param: Param, value: str):
    """A decimal integer within the parameter's min..max -> xsd:integer literal; UsageError else."""
    v = value.strip()
    if not _INTEGER_RE.match(v):
        raise UsageError(f"parameter {param.name!r}: {value!r} is not an integer")
    n = int(v)
    if param.min is not None and n < param.min or param.max is not None and n > param.max:
        raise UsageError(f"parameter {param.name!r}: {n} is outside {param.min}..{param.max}")
    return _literal(str(n), XSD + "integer")


def parse_boolean(name: str, value: str):
    """`true` / `false` (any case, surrounding spaces ignored) -> xsd:boolean literal; UsageError else."""
    v = value.strip().lower()
    if v not in ("true", "false"):
        raise UsageError(f"parameter {name!r}: {value!r} is not a boolean; write true or false")
    return _literal(v, XSD + "boolean")


def check_iri(name: str, iri: str) -> str:
    """`iri` when it is a valid absolute IRI for SPARQL's IRIREF; UsageError else."""
    if not _IRI_RE.match(iri):
        raise UsageError(
            f"parameter {name!r}: {iri!r} is not a valid absolute IRI "
            "(no spaces, <>, quotes, {}, |, ^, ` or backslashes)"
        )
    return iri


def parse_iri(name: str, value: str, backend=None, *, cls: str | None = None):
    """`<iri>`, an absolute IRI, a prefixed name, or (with a `backend` to look in) a label -> NamedNode;
    with `cls` (a class IRI) the label is looked up among the instances of that class.

    Without a backend a label is accepted unchecked and None returned (the cheap check before a
    store is opened). With one, a renamed IRI gives the IRI that replaces it (kg.redirects.follow,
    which warns DeprecatedIRIWarning). Raises UsageError for an invalid IRI, an unknown prefix, an unknown or
    ambiguous label.
    """
    import pyoxigraph as ox

    v = value.strip()
    if not v:
        raise UsageError(f"parameter {name!r}: empty value")
    if v.startswith("<") or v.startswith(("http://", "https://", "urn:")):
        iri = v[1:-1] if v.startswith("<") and v.endswith(">") else v
        return _followed(named_node(check_iri(name, iri), what=f"parameter {name!r}: "), backend)
    m = _PNAME_RE.match(v)
    if m:
        iri = expand(v)
        if iri is not None:
            return _followed(named_node(check_iri(name, iri), what=f"parameter {name!r}: "), backend)
    if backend is None:
        return None
    from kg.labels import resolve_label

    try:
        return ox.NamedNode(resolve_label(backend, v, subject=f"parameter {name!r}: ", cls=cls))
    except UsageError as e:
        if m and m.group(1) not in PREFIXES:
            raise UsageError(f"{e}; {m.group(1)!r} is not a project prefix (they are: {', '.join(PREFIXES)})") from None
        raise


def _followed(node, backend):
    """`node`, or (with a backend) the NamedNode of the IRI that replaces it (kg.redirects.follow)."""
    import pyoxigraph as ox

    from kg.redirects import follow

    return node if backend is None else ox.NamedNode(follow(backend, node.value))


def bind_params(query: NamedQuery, given: Mapping[str, str], backend=None) -> dict[str, "pyoxigraph.Term"]:
    """Check and type the given parameters (name -> value as typed by the user): name -> RDF term.

    Defaults fill parameters not given. Labels of IRI parameters are looked up in `backend` (a
    kg.backend backend); without one they are accepted unchecked and left out of the answer.
    Raises UsageError for an unknown, missing or ill-typed parameter.
    """
    import pyoxigraph as ox

    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise UsageError(f"query {query.name!r} has no parameter {unknown[0]!r} (its parameters: {known})")
    out: dict[str, ox.Term] = {}
    for p in query.params:
        value = given.get(p.name)
        if value is None:
            value = p.default
        if value is None:
            if p.required:
                ex = f" (e.g. -p {p.name}={p.example})" if p.example else ""
                raise UsageError(f"query {query.name!r} needs parameter {p.name!r} of type {p.type}{ex}")
            continue
        if p.type == "string":
            out[p.name] = ox.Literal(value)
        elif p.type == "integer":
            out[p.name] = parse_integer(p, value)
        elif p.type == "date":
            out[p.name] = parse_date(p.name, value)
        elif p.type == "boolean":
            out[p.name] = parse_boolean(p.name, value)
        else:
            term = parse_iri(p.name, value, backend, cls=p.cls)
            if term is not None:
                out[p.name] = term
    return out


def check_params(query: NamedQuery, given: Mapping[str, str]) -> None:
    """Raise UsageError for unknown, missing or ill-typed parameters without touching a store."""
    bind_params(query, given)
