"""Query results out: the SPARQL 1.1 result formats by pyoxigraph, and a plain text table.

JSON, XML, CSV and TSV are written by `QuerySolutions.serialize` / `QueryBoolean.serialize`
(https://www.w3.org/TR/sparql11-results-json/, https://www.w3.org/TR/rdf-sparql-XMLres/,
https://www.w3.org/TR/sparql11-results-csv-tsv/), byte for byte, with one correction: pyoxigraph
0.5's XML writer leaves a carriage return in a value raw, which every XML parser turns into a line
feed (XML 1.0 §2.11), so `"a\\r\\nb"` would be read back as `"a\\nb"`; `serialize` writes it as `&#13;`.

The table (for terminals) is the one writer pyoxigraph lacks: IRIs as prefixed names, literals'
text, long cells cut with "…". It imports nothing beyond the standard library and pyoxigraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.errors import UsageError
from kg.namespaces import PREFIXES
from kg.terms import python_value, show

RESULT_FORMATS = ("table", "json", "csv", "tsv", "xml")
SERIALIZED = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}
GRAPH_FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "jsonld": "JSON_LD", "rdfxml": "RDF_XML", "n3": "N3"}
_WITH_PREFIXES = ("turtle", "n3", "rdfxml")


def render(result, fmt: str) -> bytes:
    """Any query result in `fmt`: SELECT/ASK in table or one of the SPARQL result formats (see
    `serialize`); CONSTRUCT/DESCRIBE triples in turtle (also for "table"), ntriples, jsonld, rdfxml
    or n3, with the project prefixes where the format has prefixes. Raises UsageError when the
    format does not fit the result."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryTriples):
        fmt = "turtle" if fmt == "table" else fmt
        if fmt not in GRAPH_FORMATS:
            raise UsageError(f"CONSTRUCT and DESCRIBE return triples: use --format {', '.join(GRAPH_FORMATS)}")
        rdf_format = getattr(ox.RdfFormat, GRAPH_FORMATS[fmt])
        prefixes = PREFIXES if fmt in _WITH_PREFIXES else None
        return ox.serialize(list(result), format=rdf_format, prefixes=prefixes)
    if fmt == "table":
        return table(result).text.encode("utf-8")
    if fmt in GRAPH_FORMATS:
        raise UsageError(f"SELECT and ASK return a table: use --format {', '.join(RESULT_FORMATS)}")
    return serialize(result, fmt)


def serialize(result, fmt: str) -> bytes:
    """A SELECT or ASK result (pyoxigraph QuerySolutions / QueryBoolean, consumed) in `fmt`: json,
    xml, csv or tsv (the SPARQL 1.1 media types application/sparql-results+json, …+xml, text/csv,
    text/tab-separated-values). Raises UsageError for another format."""
    import pyoxigraph as ox

    if fmt not in SERIALIZED:
        raise UsageError(f"unknown result format {fmt!r}; use one of {', '.join(SERIALIZED)}")
    data = result.serialize(format=getattr(ox.QueryResultsFormat, SERIALIZED[fmt]))
    if fmt == "xml":
        data = data.replace(b"\r", b"&#13;")
    return data


@dataclass(frozen=True)
class Table:
    """A result as a plain-text table: its text (ending in "(N rows)") and its number of rows."""

    text: str
    rows: int


def table(result, *, max_width: int = 60) -> Table:
    """A SELECT result (consumed) as a table, columns padded with spaces and cells cut at
    `max_width` characters with "…"; an ASK result as "yes" or "no" (0 rows)."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return Table(("yes" if bool(result) else "no") + "\n", 0)
    cols = [v.value for v in result.variables]
    cells = [[_cut(cell(t), max_width) for t in row] for row in result]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    n = len(cells)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return Table("\n".join(lines) + "\n", n)


def cell(term) -> str:
    """What the table shows for a term (kg.terms.show, runs of white space made one space)."""
    return " ".join(show(term).split())


def _cut(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"


def rows_text(rows) -> list[tuple[str, ...]]:
    """Rows (a QuerySolutions, consumed, or any rows of terms in column order) as tuples of the
    text the table shows, uncut; for tests and docs."""
    return [tuple(cell(t) for t in row) for row in rows]


def records(result) -> list[dict[str, Any]]:
    """A SELECT result (consumed) as dicts of plain Python values (kg.terms.python_value), one per
    row, unbound cells left out."""
    names = [v.value for v in result.variables]
    return [{n: python_value(t) for n, t in zip(names, row) if t is not None} for row in result]
