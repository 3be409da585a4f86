"""HTTP content negotiation (RFC 9110 §12.5.1): the Accept header and `?format=` to a format name.

Format names are those of kg.results: SPARQL results `json`, `xml`, `csv`, `tsv`; RDF `turtle`,
`ntriples`, `jsonld`, `rdfxml`; and `html` for the app's pages.
"""

from __future__ import annotations

MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "html": "text/html",
}
# Media types a client may ask for, each to a format name (aliases included).
ACCEPTED = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "turtle", "application/x-turtle": "turtle",
    "application/n-triples": "ntriples", "text/plain": "ntriples",
    "application/ld+json": "jsonld", "application/rdf+xml": "rdfxml",
    "text/html": "html", "application/xhtml+xml": "html",
}
# `?format=` values (file extensions and names) to format names.
FORMAT_PARAM = {
    "json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
    "ttl": "turtle", "turtle": "turtle", "nt": "ntriples", "ntriples": "ntriples",
    "jsonld": "jsonld", "json-ld": "jsonld", "rdf": "rdfxml", "rdfxml": "rdfxml", "html": "html",
}
RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld", "rdfxml")


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values, best first (stable for ties);
    a malformed q counts as 0."""
    out = []
    for i, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            key, _, value = f.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        out.append((media, q, i))
    out.sort(key=lambda m: (-m[1], m[2]))
    return [(m, q) for m, q, _ in out]


def negotiate(accept: str | None, offered: tuple[str, ...], default: str) -> str | None:
    """The format among `offered` (format names, preference order) the Accept header ranks best;
    `default` when the header is absent or allows anything (`*/*`); None when it allows none of them."""
    ranges = parse_accept(accept)
    if not ranges:
        return default
    for media, q in ranges:
        if q <= 0:
            continue
        if media in ("*/*", "*"):
            return default
        if media.endswith("/*"):
            kind = media[:-1]
            match = [f for f in offered if MEDIA_TYPES[f].startswith(kind)]
            if match:
                return default if default in match else match[0]
            continue
        fmt = ACCEPTED.get(media)
        if fmt in offered:
            return fmt
    return None


def choose(accept: str | None, format_param: str | None, offered: tuple[str, ...], default: str) -> str | None:
    """`?format=` when given (None when it names no offered format), else `negotiate`."""
    if format_param:
        fmt = FORMAT_PARAM.get(format_param.lower())
        return fmt if fmt in offered else None
    return negotiate(accept, offered, default)


def content_type(fmt: str) -> str:
    """The Content-Type for a format name, with charset for the text types."""
    media = MEDIA_TYPES[fmt]
    return media + ("; charset=utf-8" if media.startswith("text/") or "json" in media or "xml" in media else "")
