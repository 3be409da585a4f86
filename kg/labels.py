"""Finding an entity by its name: the one label lookup of the package.

A label is matched case-insensitively against `rdfs:label`, `skos:prefLabel`, `skos:altLabel` and
`igkg:acronym`, on IRIs only. When several IRIs carry the label and exactly one of them is an
entity (an instance of Organization, Person, Event, Agreement, Post or Place, or of a subclass),
that one is meant. A lookup for a parameter of a declared class (`cls`, e.g. igkg:Organization)
looks among the instances of that class (or of a subclass) only. A person's name also matches in
the other order ("Han Liyun" for "Liyun HAN") when the data states which part is the family name
(`igkg:familyNameFirst`). The label is bound by the engine (`substitutions`), never pasted into the
query.
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
_IS_A = """
ASK { ?x a/rdfs:subClassOf* ?c . }
"""
_NAMED_PEOPLE = """
SELECT ?entity ?label ?first WHERE {
  ?entity igkg:familyNameFirst ?first ; rdfs:label ?label . FILTER(isIRI(?entity))
} ORDER BY ?entity ?label
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


def is_instance(backend, iri: str, cls: str) -> bool:
    """Whether `iri` has type `cls` (an IRI), asserted or through rdfs:subClassOf."""
    import pyoxigraph as ox

    return bool(backend.query(_IS_A, substitutions={ox.Variable("x"): ox.NamedNode(iri),
                                                     ox.Variable("c"): ox.NamedNode(cls)}))


def other_order(backend, label: str) -> list[tuple[str, str]]:
    """(IRI, label) of the people whose name, given in the other order (family name first instead
    of last, or the reverse), is `label` (any case, any white space); only people whose data states
    the order (`igkg:familyNameFirst`)."""
    words = label.lower().split()
    if len(words) < 2:
        return []
    out = []
    for r in backend.query(_NAMED_PEOPLE):
        parts = r["label"].value.lower().split()
        if len(parts) < 2:
            continue
        family_first = r["first"].value in ("true", "1")
        swapped = parts[1:] + parts[:1] if family_first else parts[-1:] + parts[:-1]
        if swapped == words:
            out.append((r["entity"].value, r["label"].value))
    return out


def find_labelled(backend, label: str, *, cls: str | None = None) -> dict[str, tuple[str, ...]]:
    """IRI -> its labels equal to `label` (case-insensitive), entities preferred as described above;
    with `cls` (a class IRI), only instances of that class. When no label is equal, a person's name
    in the other order (see `other_order`).

    `backend` is anything with `query(text, *, substitutions=)` answering like pyoxigraph's
    `Store.query` (a kg.backend backend). Sorted by IRI; empty when nothing carries the label.
    """
    import pyoxigraph as ox

    found: dict[str, list[str]] = {}
    for iri, lab in _rows(backend, _MATCHES, label.strip()):
        found.setdefault(iri, []).append(lab)
    if not found:
        for iri, lab in other_order(backend, label):
            found.setdefault(iri, []).append(lab)
    if cls is not None:
        found = {iri: labs for iri, labs in found.items() if is_instance(backend, iri, cls)}
    if len(found) > 1:
        entities = [i for i in found if bool(backend.query(_IS_ENTITY, substitutions={
            ox.Variable("x"): ox.NamedNode(i)}))]
        if len(entities) == 1:
            found = {entities[0]: found[entities[0]]}
    return {iri: tuple(dict.fromkeys(labs)) for iri, labs in sorted(found.items())}


def suggestions(backend, text: str, *, cls: str | None = None) -> list[tuple[str, str]]:
    """Up to five (IRI, label) pairs whose label contains `text` (any case), else the best full-text
    matches of its words (kg.search: labels, alternative names, quotes; with `cls`, instances of that
    class only), else the closest labels by difflib's ratio (at least 0.7); with `cls`, instances of
    that class first."""
    near = list(dict.fromkeys(_rows(backend, _CONTAINING, text.strip())))
    if cls is not None:
        near = sorted(near, key=lambda pair: not is_instance(backend, pair[0], cls))
    near = near[:SUGGESTIONS]
    if near:
        return near
    near = full_text_suggestions(backend, text, cls=cls)
    if near:
        return near
    by_label: dict[str, tuple[str, str]] = {}
    for iri, lab in _rows(backend, _ALL_LABELS):
        by_label.setdefault(lab.lower(), (iri, lab))
    close = difflib.get_close_matches(text.lower(), list(by_label), n=SUGGESTIONS, cutoff=0.7)
    return [by_label[c] for c in close]


def full_text_suggestions(backend, text: str, *, cls: str | None = None) -> list[tuple[str, str]]:
    """Up to five (IRI, label) of the best full-text matches (kg.search) of `text` that have a label;
    with `cls`, instances of that class only. Only texts holding every word of `text` count: a
    suggestion that shares one common word ("of", "name") with a misspelt name helps no one."""
    from kg.search import search

    out = []
    for hit in search(backend, text, limit=SUGGESTIONS * 10, all_words=True):
        if hit.label and (cls is None or is_instance(backend, hit.entity, cls)):
            out.append((hit.entity, hit.label))
        if len(out) == SUGGESTIONS:
            break
    return out


def resolve_label(backend, label: str, *, subject: str = "", cls: str | None = None) -> str:
    """The IRI of the one entity labelled `label` (with `cls`: the one instance of that class).

    Raises UsageError, its message starting with `subject` (e.g. "parameter 'org': "), when no entity
    or several carry the label; the message lists the candidates with their prefixed names.
    """
    found = find_labelled(backend, label, cls=cls)
    if len(found) == 1:
        return next(iter(found))
    if found:
        listing = "; ".join(f"{shorten(iri)} ({', '.join(labs)})" for iri, labs in found.items())
        raise UsageError(f"{subject}{label!r} is ambiguous: {listing}; give a prefixed name or IRI")
    if cls is not None:
        others = find_labelled(backend, label)
        if others:
            listing = ", ".join(shorten(iri) for iri in others)
            raise UsageError(f"{subject}{label!r} names {listing}, not a {shorten(cls)}")
    raise UsageError(f"{subject}{label!r}: no {'entity' if cls is None else shorten(cls)} has this IRI, "
                     "prefixed name or label" + did_you_mean(backend, label, cls=cls))


def did_you_mean(backend, text: str, *, cls: str | None = None) -> str:
    """"\ndid you mean:" and one line per suggestion (label and prefixed name), or "" when none;
    with `cls`, instances of that class first."""
    near = suggestions(backend, text, cls=cls)
    if not near:
        return ""
    return "\ndid you mean:\n" + "\n".join(f"  {lab} ({shorten(iri)})" for iri, lab in near)


_NAMES = """
SELECT ?x ?l ?k WHERE {
  { ?x rdfs:label ?l BIND(1 AS ?k) } UNION { ?x skos:prefLabel ?l BIND(2 AS ?k) }
  UNION { ?x igkg:acronym ?l BIND(3 AS ?k) }
  FILTER(isLiteral(?l) && (LANG(?l) = "" || LANGMATCHES(LANG(?l), "en")))
}
"""
_CHUNK = 500  # IRIs per VALUES block (keeps a request to a remote endpoint small)


def names_of(backend, iris) -> dict[str, "object"]:
    """IRI -> its name (a pyoxigraph Literal) for each of `iris` (strings) that has one.

    The name is the first by property (rdfs:label, then skos:prefLabel, then igkg:acronym), then
    by text, among literals without a language or in English; IRIs without one are left out. One
    query per 500 IRIs, with the IRIs in a VALUES block.
    """
    import pyoxigraph as ox

    from kg.sparqltext import insert_values, where_brace

    wanted = sorted({i for i in iris if i})
    best: dict[str, tuple[int, str, object]] = {}
    at = where_brace(_NAMES)
    for start in range(0, len(wanted), _CHUNK):
        rows = [[str(ox.NamedNode(i))] for i in wanted[start:start + _CHUNK]]
        for r in backend.query(insert_values(_NAMES, at, ["x"], rows)):
            key = (int(r["k"].value), r["l"].value)
            iri = r["x"].value
            if iri not in best or key < best[iri][:2]:
                best[iri] = (*key, r["l"])
    return {iri: v[2] for iri, v in best.items()}
