"""Following redirects: an IRI marked `owl:deprecated true` with `dcterms:isReplacedBy` (written by
`kg rename` into data/reference/redirects.ttl) stands for the IRI that replaces it.

`follow` is the one place that resolves them; `kg describe` (kg.describe), IRI parameters of named
queries (kg.queries.params) and the entity pages of `kg serve` (kg.web.entity: HTTP 301) call it.
"""

from __future__ import annotations

import warnings

from kg.namespaces import shorten

MAX_HOPS = 10  # kg rename never writes a chain; a longer one is a loop or hand-made
_REPLACED_BY = """
SELECT ?old ?new WHERE { ?old owl:deprecated true ; dcterms:isReplacedBy ?new . FILTER(isIRI(?new)) } ORDER BY ?new
"""


class DeprecatedIRIWarning(UserWarning):
    """An IRI given by the user was renamed: the message is "OLD is deprecated; replaced by NEW"
    (prefixed names), the line `kg describe` and `kg query` print to standard error."""


def message(old: str, new: str) -> str:
    return f"{shorten(old)} is deprecated; replaced by {shorten(new)}"


def replacement(backend, iri: str) -> str | None:
    """The IRI that finally replaces `iri` (following up to MAX_HOPS redirects), or None when `iri`
    is not a deprecated IRI with exactly one replacement. `backend` answers `query(text,
    substitutions=)` as pyoxigraph's Store does (a kg.backend backend)."""
    import pyoxigraph as ox

    current, seen = iri, {iri}
    for _ in range(MAX_HOPS):
        rows = list(backend.query(_REPLACED_BY,
                                  substitutions={ox.Variable("old"): ox.NamedNode(current)}))
        if len(rows) != 1 or rows[0]["new"].value in seen:
            break
        current = rows[0]["new"].value
        seen.add(current)
    return current if current != iri else None


def follow(backend, iri: str) -> str:
    """`iri`, or the IRI that replaces it; when replaced, warns DeprecatedIRIWarning (see `message`)."""
    new = replacement(backend, iri)
    if new is None:
        return iri
    warnings.warn(message(iri, new), DeprecatedIRIWarning, stacklevel=2)
    return new


def recorded(caught) -> list[str]:
    """The messages of the DeprecatedIRIWarnings among `caught` (from warnings.catch_warnings(record=True)),
    each once, in order."""
    return list(dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, DeprecatedIRIWarning)))
