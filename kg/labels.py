"""Finding an entity by its name: the one label lookup of the package.

A label is matched case-insensitively against `rdfs:label`, `skos:prefLabel`, `skos:altLabel` and
`igkg:acronym`, on IRIs only. When several IRIs carry the label and exactly one of them is an
entity (an instance of Organization, Person, Event, Agreement, Post or Place, or of a subclass),
that one is meant. The label is bound by the engine (`substitutions`), never pasted into the query.
"""

from __future__ import annotations

import difflib

from kg.errors import UsageError
from kg.namespaces import shorten

_MATCHES = """
SELECT DISTINCT ?entity ?label ?wanted WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel igkg:acronym }
  ?entity ?p ?label .
  FILTER(isIRI(?entity) && LCASE(STR(?label)) = LCASE(STR(?wanted)))
}
ORDER BY ?entity ?label
"""
_IS_ENTITY = """
ASK {
  VALUES ?c { igkg:Organization igkg:Person igkg:Event igkg:Agreement igkg:Post igkg:Place }
  ?x a/rdfs:subClassOf* ?c .
}
"""
_CONTAINING = """
SELECT DISTINCT ?entity ?label ?wanted WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel igkg:acronym }
  ?entity ?p ?label .
  FILTER(isIRI(?entity) && CONTAINS(LCASE(STR(?label)), LCASE(STR(?wanted))))
}
ORDER BY ?label ?entity
LIMIT 50
"""
_ALL_LABELS = """
SELECT DISTINCT ?entity ?label WHERE {
  VALUES ?p { rdfs:label skos:prefLabel igkg:acronym } ?entity ?p ?label FILTER(isIRI(?entity))
} LIMIT 200000
"""
SUGGESTIONS = 5


def _rows(backend, query: str, wanted: str | None = None) -> list[tuple[str, str]]:
    import pyoxigraph as ox

    subs = {ox.Variable("wanted"): ox.Literal(wanted)} if wanted is not None else None
    return [(r["entity"].value, r["label"].value) for r in backend.query(query, substitutions=subs)]


def find_labelled(backend, label: str) -> dict[str, tuple[str, ...]]:
    """IRI -> its labels equal to `label` (case-insensitive), entities preferred as described above.

    `backend` is anything with `query(text, *, substitutions=)` answering like pyoxigraph's
    `Store.query` (a kg.backend backend). Sorted by IRI; empty when nothing carries the label.
    """
    import pyoxigraph as ox

    found: dict[str, list[str]] = {}
    for iri, lab in _rows(backend, _MATCHES, label.strip()):
        found.setdefault(iri, []).append(lab)
    if len(found) > 1:
        entities = [i for i in found if bool(backend.query(_IS_ENTITY, substitutions={
            ox.Variable("x"): ox.NamedNode(i)}))]
        if len(entities) == 1:
            found = {entities[0]: found[entities[0]]}
    return {iri: tuple(dict.fromkeys(labs)) for iri, labs in sorted(found.items())}


def suggestions(backend, text: str) -> list[tuple[str, str]]:
    """Up to five (IRI, label) pairs whose label contains `text` (any case), else the closest
    labels by difflib's ratio (at least 0.7)."""
    near = list(dict.fromkeys(_rows(backend, _CONTAINING, text.strip())))[:SUGGESTIONS]
    if near:
        return near
    by_label: dict[str, tuple[str, str]] = {}
    for iri, lab in _rows(backend, _ALL_LABELS):
        by_label.setdefault(lab.lower(), (iri, lab))
    close = difflib.get_close_matches(text.lower(), list(by_label), n=SUGGESTIONS, cutoff=0.7)
    return [by_label[c] for c in close]


def resolve_label(backend, label: str, *, subject: str = "") -> str:
    """The IRI of the one entity labelled `label`.

    Raises UsageError, its message starting with `subject` (e.g. "parameter 'org': "), when no entity
    or several carry the label; the message lists the candidates with their prefixed names.
    """
    found = find_labelled(backend, label)
    if len(found) == 1:
        return next(iter(found))
    if found:
        listing = "; ".join(f"{shorten(iri)} ({', '.join(labs)})" for iri, labs in found.items())
        raise UsageError(f"{subject}{label!r} is ambiguous: {listing}; give a prefixed name or IRI")
    raise UsageError(f"{subject}{label!r}: no entity has this IRI, prefixed name or label"
                     + did_you_mean(backend, label))


def did_you_mean(backend, text: str) -> str:
    """"\ndid you mean:" and one line per suggestion (label and prefixed name), or "" when none."""
    near = suggestions(backend, text)
    if not near:
        return ""
    return "\ndid you mean:\n" + "\n".join(f"  {lab} ({shorten(iri)})" for iri, lab in near)
