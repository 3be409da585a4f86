"""`kg export`: the whole dataset in a standard RDF format (named graphs kept where the format has them)."""

from __future__ import annotations

from kg.namespaces import PREFIXES

FORMATS = {"turtle": "TURTLE", "trig": "TRIG", "nt": "N_TRIPLES", "nq": "N_QUADS", "jsonld": "JSON_LD"}
QUAD_FORMATS = {"trig", "nq", "jsonld"}


def export(quads, *, fmt: str, output=None) -> bytes | None:
    """Serialise pyoxigraph quads, sorted by graph, subject, predicate, object, in `fmt` (a key of
    FORMATS): TriG, N-Quads and JSON-LD keep the named graphs; Turtle and N-Triples merge them
    (duplicate triples written once). Writes to `output` (a path or binary file) and returns None,
    or returns the bytes when `output` is None. Raises OSError when `output` cannot be written."""
    import pyoxigraph as ox

    rdf_format = getattr(ox.RdfFormat, FORMATS[fmt])
    quads = sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    if fmt in QUAD_FORMATS:
        data = quads
    else:
        data = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))
    prefixes = PREFIXES if fmt in ("turtle", "trig", "jsonld") else None
    return ox.serialize(data, output, rdf_format, prefixes=prefixes)
