"""Write query results: the SPARQL 1.1 result formats (JSON, XML, CSV, TSV) and a plain text table.

The formats follow the W3C recommendations (and match pyoxigraph's own serialiser byte for byte
for SELECT results, which a test checks):
- JSON  https://www.w3.org/TR/sparql11-results-json/ (xsd:string literals carry no datatype)
- XML   https://www.w3.org/TR/rdf-sparql-XMLres/
- CSV   https://www.w3.org/TR/sparql11-results-csv-tsv/ (lexical forms only, CRLF line ends)
- TSV   same page: terms in Turtle syntax, integers and decimals abbreviated
The table (for terminals) shortens IRIs with the project prefixes and shows literals' text only;
it imports nothing beyond the standard library (no rich on the `kg query` path).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Iterable

from kg.namespaces import shorten

if TYPE_CHECKING:  # pragma: no cover
    from kg.queries import QueryResult

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RESULT_FORMATS = ("table", "json", "csv", "tsv", "xml")


def _kind(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return "uri"
    if isinstance(term, ox.BlankNode):
        return "bnode"
    if isinstance(term, ox.Literal):
        return "literal"
    if isinstance(term, ox.Triple):
        return "triple"
    raise TypeError(f"unsupported term {term!r}")


def _datatype(term) -> str | None:
    """The datatype IRI to write, or None for xsd:string and language-tagged strings."""
    if term.language:
        return None
    dt = term.datatype.value if term.datatype is not None else XSD_STRING
    return None if dt == XSD_STRING else dt


# ------------------------------------------------------------------------------------ JSON


def _json_term(term) -> dict[str, Any]:
    kind = _kind(term)
    if kind == "literal":
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif _datatype(term):
            out["datatype"] = _datatype(term)
        return out
    if kind == "triple":
        return {"type": "triple", "value": {
            "subject": _json_term(term.subject), "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        }}
    return {"type": kind, "value": term.value}


def to_json(result: "QueryResult") -> str:
    if result.boolean is not None:
        doc: dict[str, Any] = {"head": {}, "boolean": result.boolean}
    else:
        doc = {
            "head": {"vars": list(result.columns)},
            "results": {"bindings": [
                {c: _json_term(t) for c, t in zip(result.columns, row) if t is not None} for row in result.rows
            ]},
        }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


# ------------------------------------------------------------------------------------ XML


def _xml_escape(s: str, *, attr: bool = False) -> str:
    """Escape the five XML special characters (as pyoxigraph does, in text and attributes)."""
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def _xml_term(term) -> str:
    kind = _kind(term)
    if kind == "uri":
        return f"<uri>{_xml_escape(term.value)}</uri>"
    if kind == "bnode":
        return f"<bnode>{_xml_escape(term.value)}</bnode>"
    if kind == "literal":
        if term.language:
            return f'<literal xml:lang="{_xml_escape(term.language, attr=True)}">{_xml_escape(term.value)}</literal>'
        dt = _datatype(term)
        if dt:
            return f'<literal datatype="{_xml_escape(dt, attr=True)}">{_xml_escape(term.value)}</literal>'
        return f"<literal>{_xml_escape(term.value)}</literal>"
    return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
            f"</predicate><object>{_xml_term(term.object)}</object></triple>")


def to_xml(result: "QueryResult") -> str:
    head = '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
    if result.boolean is not None:
        return head + f"<head></head><boolean>{'true' if result.boolean else 'false'}</boolean></sparql>\n"
    parts = [head, "<head>"]
    parts += [f'<variable name="{_xml_escape(c, attr=True)}"/>' for c in result.columns]
    parts.append("</head><results>")
    for row in result.rows:
        parts.append("<result>")
        for c, t in zip(result.columns, row):
            if t is not None:
                parts.append(f'<binding name="{_xml_escape(c, attr=True)}">{_xml_term(t)}</binding>')
        parts.append("</result>")
    parts.append("</results></sparql>\n")
    return "".join(parts)


# ------------------------------------------------------------------------------------ CSV / TSV


def _csv_field(s: str) -> str:
    if any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def _csv_term(term) -> str:
    if term is None:
        return ""
    kind = _kind(term)
    if kind == "bnode":
        return f"_:{term.value}"
    if kind == "triple":
        return _tsv_term(term)
    return term.value


def to_csv(result: "QueryResult") -> str:
    if result.boolean is not None:
        return ("true" if result.boolean else "false") + "\r\n"
    lines = [",".join(_csv_field(c) for c in result.columns)]
    lines += [",".join(_csv_field(_csv_term(t)) for t in row) for row in result.rows]
    return "\r\n".join(lines) + "\r\n"


_TSV_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_TSV_DECIMAL = re.compile(r"^[+-]?[0-9]*\.[0-9]+$")


def _turtle_string(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{out}"'


def _tsv_term(term) -> str:
    if term is None:
        return ""
    kind = _kind(term)
    if kind == "uri":
        return f"<{term.value}>"
    if kind == "bnode":
        return f"_:{term.value}"
    if kind == "triple":
        return f"<< {_tsv_term(term.subject)} {_tsv_term(term.predicate)} {_tsv_term(term.object)} >>"
    if term.language:
        return f"{_turtle_string(term.value)}@{term.language}"
    dt = _datatype(term)
    if dt is None:
        return _turtle_string(term.value)
    if dt == XSD + "integer" and _TSV_INTEGER.match(term.value):
        return term.value
    if dt == XSD + "decimal" and _TSV_DECIMAL.match(term.value):
        return term.value
    return f"{_turtle_string(term.value)}^^<{dt}>"


def to_tsv(result: "QueryResult") -> str:
    if result.boolean is not None:
        return ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{c}" for c in result.columns)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------ table


def cell_text(term) -> str:
    """What a terminal shows for a term: prefixed names for IRIs, a literal's text."""
    if term is None:
        return ""
    kind = _kind(term)
    if kind == "uri":
        return shorten(term.value)
    if kind == "bnode":
        return f"_:{term.value}"
    if kind == "triple":
        return _tsv_term(term)
    return " ".join(term.value.split())


def to_table(result: "QueryResult", *, max_width: int = 60) -> str:
    """A plain-text table (columns padded with spaces, long cells cut with '…')."""
    if result.boolean is not None:
        return ("yes" if result.boolean else "no") + "\n"
    cols = list(result.columns)
    cells = [[_cut(cell_text(t), max_width) for t in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    n = len(cells)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cut(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"


def render(result: "QueryResult", fmt: str) -> str:
    """The result in one of RESULT_FORMATS."""
    writers = {"table": to_table, "json": to_json, "csv": to_csv, "tsv": to_tsv, "xml": to_xml}
    if fmt not in writers:
        from kg.errors import UsageError

        raise UsageError(f"unknown result format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")
    return writers[fmt](result)


def rows_text(result: "QueryResult") -> Iterable[tuple[str, ...]]:
    """Rows as tuples of display strings (as in the table), for tests and docs."""
    return [tuple(cell_text(t) for t in row) for row in result.rows]
