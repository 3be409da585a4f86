"""Query results out: the SPARQL 1.1 result formats by pyoxigraph, and a plain text table.

JSON, XML, CSV and TSV are written by `QuerySolutions.serialize` / `QueryBoolean.serialize`
(https://www.w3.org/TR/sparql11-results-json/, https://www.w3.org/TR/rdf-sparql-XMLres/,
https://www.w3.org/TR/sparql11-results-csv-tsv/), byte for byte, with two corrections to pyoxigraph
0.5's XML writer: it leaves a carriage return in a value raw, which every XML parser turns into a
line feed (XML 1.0 §2.11), so `"a\\r\\nb"` would be read back as `"a\\nb"`: `serialize` writes it as
`&#xD;` (as Canonical XML does); and it writes characters XML 1.0 cannot carry at all (U+0007 and
the other C0 controls but tab and line ends, U+FFFE, U+FFFF) raw, making the document malformed:
`serialize` refuses such a result (UsageError naming the row and column, suggesting JSON).

The table (for terminals) is the one writer pyoxigraph lacks: IRIs as prefixed names, literals'
text; to fit a width, long literals are cut with "…", IRIs never.

Names beside IRIs follow Wikidata's label service: `with_labels` adds, after each column `x` that
holds IRIs, a column `xLabel` with each IRI's name (kg.labels.names_of); the table then shows
"name (prefixed name)" in one cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.errors import UsageError
from kg.namespaces import PREFIXES, XSD_STRING
from kg.terms import printable, python_value, show

RESULT_FORMATS = ("table", "json", "csv", "tsv", "xml")
SERIALIZED = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}
GRAPH_FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "jsonld": "JSON_LD", "rdfxml": "RDF_XML", "n3": "N3"}
_WITH_PREFIXES = ("turtle", "n3", "rdfxml")


def render(result, fmt: str, *, width: int | None = None) -> bytes:
    """Any query result in `fmt`: SELECT/ASK in table or one of the SPARQL result formats (see
    `serialize`); CONSTRUCT/DESCRIBE triples in turtle (also for "table"), ntriples, jsonld, rdfxml
    or n3, with the project prefixes where the format has prefixes; `width` as for `table`.
    Raises UsageError when the format does not fit the result."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryTriples):
        fmt = "turtle" if fmt == "table" else fmt
        if fmt not in GRAPH_FORMATS:
            raise UsageError(f"CONSTRUCT and DESCRIBE return triples: use --format {', '.join(GRAPH_FORMATS)}")
        rdf_format = getattr(ox.RdfFormat, GRAPH_FORMATS[fmt])
        prefixes = PREFIXES if fmt in _WITH_PREFIXES else None
        data = ox.serialize(list(result), format=rdf_format, prefixes=prefixes)
        found = _NOT_XML.search(data) if fmt == "rdfxml" else None
        if found:
            raise UsageError(f"a literal holds U+{ord(found.group().decode('utf-8')):04X}, which XML 1.0 cannot "
                             "carry; use --format turtle (or ntriples, jsonld)")
        return data
    if fmt == "table":
        return table(result, width=width).text.encode("utf-8")
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
        _refuse_non_xml_characters(data)
        data = data.replace(b"\r", b"&#xD;")
    return data


# Characters XML 1.0 cannot carry, even as a character reference (XML 1.0 §2.2 Char), as UTF-8:
# C0 controls other than tab, line feed, carriage return; U+FFFE and U+FFFF.
_NOT_XML = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


def _refuse_non_xml_characters(data: bytes) -> None:
    """UsageError naming the row (1-based) and column of the first value holding a character that
    XML 1.0 cannot carry in pyoxigraph's XML results `data`: such a document would not be
    well-formed, and no escape exists for it."""
    m = _NOT_XML.search(data)
    if m is None:
        return
    before = data[:m.start()]
    row = before.count(b"<result>")
    column = re.findall(rb'<binding name="([^"]*)">', before)[-1].decode("utf-8")
    char = m.group().decode("utf-8")
    raise UsageError(f"row {row}, column ?{column}: the value holds U+{ord(char):04X}, which XML 1.0 cannot "
                     "carry; use --format json (or csv, tsv)")


@dataclass(frozen=True)
class Table:
    """A result as a plain-text table: its text (ending in "(N rows)") and its number of rows."""

    text: str
    rows: int


MIN_WIDTH = 20  # a literal or name is never cut narrower than this (or its header)


def table(result, *, width: int | None = None, labelled: bool = False) -> Table:
    """A SELECT result (consumed) as a table, columns padded with spaces; an ASK result as "yes"
    or "no" (0 rows).

    `width` (characters, e.g. the terminal's) makes the table fit by cutting the longest literal
    cells with "…", down to MIN_WIDTH; IRIs are never cut, so a line may stay wider. None: no cut.
    `labelled`: the result comes from `with_labels`; each `xLabel` column is shown inside the
    cell of `x`, as "name (prefixed name)".
    """
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return Table(("yes" if bool(result) else "no") + "\n", 0)
    names = [v.value for v in result.variables]
    rows = [list(row) for row in result]
    keep = list(range(len(names)))
    label_of: dict[int, int] = {}
    if labelled:
        for i, n in enumerate(names):
            j = names.index(n + "Label") if n + "Label" in names else -1
            if j == i + 1:
                label_of[i] = j
        keep = [i for i in keep if i not in label_of.values()]
    cols = [names[i] for i in keep]
    # a cell: (name part that may be cut, fixed part that may not)
    cells = [[_parts(row[i], row[label_of[i]] if i in label_of else None) for i in keep] for row in rows]
    limits = _fit([len(c) for c in cols], cells, width)
    text_rows = [[_cut(name, fixed, lim) for (name, fixed), lim in zip(r, limits)] for r in cells]
    widths = [max([len(c)] + [len(r[i]) for r in text_rows]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in text_rows]
    n = len(text_rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return Table("\n".join(lines) + "\n", n)


def cell(term) -> str:
    """What the table shows for a term (kg.terms.show, runs of white space made one space, other
    control characters escaped by kg.terms.printable: ESC as `\\x1b`)."""
    return printable(" ".join(show(term).split()))


def _parts(term, label) -> tuple[str, str]:
    """A cell as (the text that may be cut, the text that may not): a literal may be cut, an IRI
    (or blank node, quoted triple) not; with a label, the label may be cut and " (IRI)" not."""
    import pyoxigraph as ox

    text = cell(term)
    if isinstance(term, ox.Literal) or term is None:
        return text, ""
    if label is not None:
        return printable(" ".join(label.value.split())), f" ({text})"
    return "", text


def _fit(header: list[int], cells: list[list[tuple[str, str]]], width: int | None) -> list[int | None]:
    """Per column, the most characters its cuttable part may take (None: any) so that the rows fit
    in `width`: the widest cuttable column is narrowed first, none below MIN_WIDTH or its header."""
    n = len(header)
    limits: list[int | None] = [None] * n
    if width is None or not cells:
        return limits
    need = [max([header[i]] + [len(r[i][0]) + len(r[i][1]) for r in cells]) for i in range(n)]
    fixed = [max([0] + [len(r[i][1]) for r in cells]) for i in range(n)]
    cut = [max([0] + [len(r[i][0]) for r in cells]) for i in range(n)]
    excess = sum(need) + 2 * (n - 1) - width
    while excess > 0:
        i = max(range(n), key=lambda k: (cut[k], -k))
        floor = max(MIN_WIDTH, header[i] - fixed[i])
        if cut[i] <= floor:
            break
        new = max(floor, cut[i] - excess)
        new_need = max(header[i], new + fixed[i], max(len(r[i][1]) for r in cells))
        excess -= need[i] - new_need
        need[i], cut[i], limits[i] = new_need, new, new
    return limits


def _cut(name: str, fixed: str, limit: int | None) -> str:
    if limit is not None and len(name) > limit:
        name = name[: max(limit - 1, 0)] + "…"
    return name + fixed if name else fixed.lstrip()


def with_labels(result, backend):
    """A SELECT result (consumed) with a column `xLabel` after each column `x` that holds an IRI:
    the name of that IRI (kg.labels.names_of on `backend`), unbound when it has none (a column
    `xLabel` the query already has is kept and none is added). Returns a
    pyoxigraph QuerySolutions (made by pyoxigraph's SPARQL JSON results parser), so that
    `serialize` and `table` take it like any other; an ASK result is returned as it is."""
    import json

    import pyoxigraph as ox

    from kg.labels import names_of

    if isinstance(result, ox.QueryBoolean):
        return result
    names = [v.value for v in result.variables]
    rows = [list(row) for row in result]
    iri_cols = [i for i in range(len(names)) if names[i] + "Label" not in names
                and any(isinstance(r[i], ox.NamedNode) for r in rows)]
    found = names_of(backend, {r[i].value for r in rows for i in iri_cols if isinstance(r[i], ox.NamedNode)})
    out_names: list[str] = []
    for i, n in enumerate(names):
        out_names.append(n)
        if i in iri_cols:
            out_names.append(n + "Label")
    bindings = []
    for r in rows:
        b = {}
        for i, n in enumerate(names):
            if r[i] is not None:
                b[n] = _json_term(r[i])
            if i in iri_cols and isinstance(r[i], ox.NamedNode) and r[i].value in found:
                b[n + "Label"] = _json_term(found[r[i].value])
        bindings.append(b)
    data = json.dumps({"head": {"vars": out_names}, "results": {"bindings": bindings}}).encode("utf-8")
    return ox.parse_query_results(data, ox.QueryResultsFormat.JSON)


def _json_term(term) -> dict:
    """A term in the SPARQL 1.1 JSON results format (RDF-star triples included)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")}}


def rows_text(rows) -> list[tuple[str, ...]]:
    """Rows (a QuerySolutions, consumed, or any rows of terms in column order) as tuples of the
    text the table shows, uncut; for tests and docs."""
    return [tuple(cell(t) for t in row) for row in rows]


def records(result) -> list[dict[str, Any]]:
    """A SELECT result (consumed) as dicts of plain Python values (kg.terms.python_value), one per
    row, unbound cells left out."""
    names = [v.value for v in result.variables]
    return [{n: python_value(t) for n, t in zip(names, row) if t is not None} for row in result]
