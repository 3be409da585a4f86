"""Reading SPARQL text: one tokenizer for the binding code, and a parser for the ad-hoc check.

The tokenizer knows strings, IRIs, comments, variables and prefixed names, so a keyword or a
brace inside any of them never counts. `shape` finds, in one pass, the brace that opens the
query's WHERE group (where `values_binding`, the package's one parameter binder, puts a VALUES
block), whether the query names its own dataset (FROM / FROM NAMED) and which prefixes it
declares; `keywords` lists the bare words; `page` appends LIMIT/OFFSET. `check_adhoc`, which
decides what an ad-hoc query may do, parses the query instead (rdflib's SPARQL 1.1 grammar).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from kg.errors import UsageError

ESCAPE_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
TOKEN_RE = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
    | (?P<pname>(?:[^\W\d][\w\-.]*)?:(?:[\w\-.:%\\]|%[0-9A-Fa-f]{2})*)
    | (?P<word>[^\W\d][\w\-]*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def unescape_codepoints(text: str) -> str:
    """Apply SPARQL's \\uXXXX / \\UXXXXXXXX escapes, which the grammar processes before parsing
    (SPARQL 1.1 §19.2), so `\\u0053ERVICE` cannot hide a SERVICE from a check."""
    return ESCAPE_RE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def keywords(text: str) -> list[str]:
    """The bare words of a query (upper-cased), outside strings, IRIs, comments, variables and
    prefixed names: SPARQL's keywords and function names."""
    return [m.group().upper() for m in TOKEN_RE.finditer(unescape_codepoints(text)) if m.lastgroup == "word"]


@dataclass(frozen=True)
class Shape:
    """What one pass over a query's tokens tells (see `shape`)."""

    where_brace: int | None  # offset just after the `{` that opens the WHERE group; None if none
    has_from: bool  # the query names its own dataset (FROM / FROM NAMED)
    declared: frozenset[str]  # prefixes the query declares


def shape(text: str) -> Shape:
    """The WHERE group is the first `{` at nesting depth 0 (braces and parentheses, so
    `SELECT (EXISTS { … } AS ?x)` is skipped) after SELECT, ASK, CONSTRUCT or DESCRIBE, skipping a
    CONSTRUCT template."""
    form: str | None = None
    depth = parens = 0
    first_after_form = in_template = has_from = False
    declared: set[str] = set()
    previous = ""
    for m in TOKEN_RE.finditer(text):
        kind, tok = m.lastgroup, m.group()
        if kind in ("ws", "comment"):
            continue
        if kind == "pname" and previous == "PREFIX" and tok.endswith(":"):
            declared.add(tok[:-1])
        previous = tok.upper() if kind == "word" else ""
        if form is None:
            if kind == "word" and previous in QUERY_FORMS:
                form, first_after_form = previous, True
            continue
        if first_after_form:
            first_after_form = False
            if form == "CONSTRUCT" and tok == "{":
                in_template, depth = True, 1
                continue
        if kind == "word" and previous == "FROM" and depth == 0 and parens == 0:
            has_from = True
        if kind != "other":
            continue
        if tok == "(":
            parens += 1
        elif tok == ")":
            parens = max(0, parens - 1)
        elif tok == "{":
            if depth == 0 and parens == 0 and not in_template:
                return Shape(m.end(), has_from, frozenset(declared))
            depth += 1
        elif tok == "}":
            depth = max(0, depth - 1)
            if depth == 0 and in_template:
                in_template = False
    return Shape(None, has_from, frozenset(declared))


def where_brace(text: str) -> int | None:
    """The offset just after the `{` that opens the query's WHERE group, or None when it cannot be
    told for sure (no query form, no group, or `\\u` escapes, which would shift the offsets)."""
    if ESCAPE_RE.search(text):
        return None
    return shape(text).where_brace


def insert_values(text: str, at: int, names: list[str], rows: list[list[str]]) -> str:
    """`text` with a `VALUES (?name …) { (term …) … }` block inserted at offset `at` (just inside the
    WHERE group, see `shape`): one row per item of `rows`, each with a term per name, already in
    N-Triples form, produced from typed RDF terms by the caller — never from user text."""
    block = " ".join(f"({' '.join(row)})" for row in rows)
    return f"{text[:at]} VALUES ({' '.join(f'?{n}' for n in names)}) {{ {block} }} {text[at:]}"


def page(text: str, limit: int | None, offset: int = 0) -> str:
    """`text` with `LIMIT limit OFFSET offset` appended, for one page of a query's ordered rows.

    Both are Python ints checked here (written with `%d`, never user text). Refused (ValueError)
    when the query already ends in its own LIMIT, OFFSET or trailing VALUES block, where appending
    would be wrong, or when it has no WHERE group."""
    if limit is None and not offset:
        return text
    if (limit is not None and (type(limit) is not int or limit < 1)) or type(offset) is not int or offset < 0:
        raise ValueError("limit must be an integer ≥ 1 and offset an integer ≥ 0")
    if ESCAPE_RE.search(text):  # a \u escape could spell a LIMIT the tokens below do not show
        raise ValueError("the query uses \\u escapes; page it in the query text instead")
    depth, after_where = 0, False
    for m in TOKEN_RE.finditer(text):
        kind, tok = m.lastgroup, m.group()
        if kind == "other" and tok == "{":
            depth += 1
        elif kind == "other" and tok == "}":
            depth -= 1
            after_where = after_where or depth == 0
        elif kind == "word" and after_where and depth == 0 and tok.upper() in ("LIMIT", "OFFSET", "VALUES"):
            raise ValueError(f"the query has its own top-level {tok.upper()}; page it in the query text instead")
    if not after_where:
        raise ValueError("the query has no WHERE group to page")
    parts = ([f"LIMIT {limit:d}"] if limit is not None else []) + ([f"OFFSET {offset:d}"] if offset else [])
    return f"{text.rstrip()}\n{' '.join(parts)}\n"


_VAR_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def values_binding(text: str, bindings: Mapping[Any, Any] | None, *,
                   require_all: bool = False) -> tuple[str, dict[str, Any]]:
    """Bind parameters with a one-row `VALUES` block put first in the query's WHERE group.

    `bindings` maps variable names (str, or pyoxigraph Variables) to pyoxigraph terms. Returns the new
    text and the bindings left for the engine's `substitutions` (name -> term). The block is written
    from the typed terms' N-Triples form (pyoxigraph validates IRIs and escapes literals), never from
    a user's string.

    Why a VALUES block: pyoxigraph's optimiser orders joins by it, not by `substitutions` (measured at
    1M triples: `successions` 600 -> 1 ms). By default a term goes into the block only when its
    N-Triples form needs no escape at all (no backslash), leaving no room for SPARQL's `\\u`
    pre-processing; other terms, blank nodes, or a query whose WHERE group cannot be located stay for
    `substitutions`. Same answers either way: a parameter is used only in the top-level group's
    required patterns and filters, where joining a one-row VALUES first is what substituting means.

    `require_all=True` is for a remote endpoint, which has no `substitutions`: escaped literals go into
    the block as pyoxigraph escapes them, and a blank node or a query without a WHERE group raises
    UsageError.
    """
    import pyoxigraph as ox

    rest: dict[str, Any] = {}
    written: dict[str, str] = {}
    for var, term in (bindings or {}).items():
        name = var.value if isinstance(var, ox.Variable) else str(var).lstrip("?$")
        if not _VAR_NAME_RE.match(name):
            raise UsageError(f"cannot bind {name!r}: not a SPARQL variable name")
        if not isinstance(term, (ox.NamedNode, ox.Literal)):
            if require_all:
                raise UsageError(f"cannot bind {term!r}: only IRIs and literals can be query parameters")
            rest[name] = term
        elif "\\" in str(term) and not require_all:
            rest[name] = term
        else:
            written[name] = str(term)
    if not written:
        return text, rest
    at = shape(text).where_brace if require_all else where_brace(text)
    if at is None:
        if require_all:
            raise UsageError("cannot find the query's WHERE clause to bind parameters into")
        return text, {**rest, **_names(bindings)}
    return insert_values(text, at, list(written), [list(written.values())]), rest


def _names(bindings: Mapping[Any, Any] | None) -> dict[str, Any]:
    """`bindings` keyed by variable name."""
    import pyoxigraph as ox

    return {(k.value if isinstance(k, ox.Variable) else str(k).lstrip("?$")): v for k, v in (bindings or {}).items()}


_REFUSED_UPDATE = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD",
                   "Move": "MOVE", "Copy": "COPY", "InsertData": "INSERT", "DeleteData": "DELETE",
                   "DeleteWhere": "DELETE", "Modify": "DELETE/INSERT"}
PARSE_RECURSION_LIMIT = 5000
_SERVICE_WORD = re.compile(r"(?i)\bSERVICE(?:\s+SILENT)?\b")
_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def deep_enough_to_parse() -> None:
    """Raise the interpreter's recursion limit to PARSE_RECURSION_LIMIT (5000 frames) if it is lower;
    never lower it again. rdflib's SPARQL grammar recurses once per nesting level of an expression:
    the library's holder-of-post-on-date takes about 650 frames above its caller, and a query that
    Jena has re-written with a bracket around every operation (as `rsparql` sends it) passes
    Python's default of 1000. The limit is process-wide, so setting it back after a parse would
    race with another thread's parse; 5000 is checked to be safe on the default 8 MiB thread stack."""
    import sys

    if sys.getrecursionlimit() < PARSE_RECURSION_LIMIT:
        sys.setrecursionlimit(PARSE_RECURSION_LIMIT)


def check_adhoc(text: str) -> str:
    """Refuse what would reach the network or the file system or change data; return the form
    (SELECT, ASK, CONSTRUCT or DESCRIBE). Raises UsageError with a one-line reason.

    Decided on the query's parse tree (rdflib's SPARQL 1.1 grammar, `parseQuery`; imported here,
    about 0.3 s, so `kg query NAME` never pays for it): refused are a SERVICE pattern anywhere
    (sub-queries, EXISTS, OPTIONAL …), a dataset clause (FROM / FROM NAMED), and any text that
    parses as SPARQL Update (`parseUpdate`: LOAD, INSERT, DELETE, CLEAR, DROP …). A text the
    grammar cannot read is refused as a syntax error (kg.sparqlerrors), never guessed at.

    `\\uXXXX` / `\\UXXXXXXXX` escapes are refused before parsing: SPARQL 1.1 (§19.2) applies
    them to the whole text, pyoxigraph only inside strings and IRIs, so the two would read
    different queries.
    """
    if ESCAPE_RE.search(text):
        raise UsageError("refused: \\u / \\U escapes are read differently by SPARQL engines (everywhere "
                         "in SPARQL 1.1, only in strings and IRIs in pyoxigraph); write the characters themselves")
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    deep_enough_to_parse()
    try:
        tree = parseQuery(text)
    except ParseBaseException as e:
        try:
            ops = [op.name for op in parseUpdate(text).request]
        except (ParseBaseException, RecursionError):
            ops = []
        if ops:
            word = _REFUSED_UPDATE.get(ops[0], ops[0].upper())
            raise UsageError(f"refused: {word} is SPARQL Update; the query commands are read-only") from None
        raise UsageError(_parse_error(text, e)) from None
    except RecursionError:
        raise UsageError("refused: the query is nested too deeply to be checked") from None
    names = _node_names(tree)
    if "ServiceGraphPattern" in names:
        raise UsageError("refused: SERVICE would make the engine call another endpoint over the network")
    if "DatasetClause" in names:
        raise UsageError(
            "refused: FROM / FROM NAMED would make the engine fetch a URL or read a file; "
            "use GRAPH <iri> { … } to query one of the project's named graphs"
        )
    return _FORMS[tree[1].name]


def _node_names(tree: Any) -> set[str]:
    """The rule names (rdflib CompValue names: SelectQuery, ServiceGraphPattern …) of every node
    of a parse tree, walked without recursion."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    names: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            names.add(node.name)
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(node)
    return names


def _parse_error(text: str, error: Any) -> str:
    """A pyparsing ParseException of the SPARQL grammar as kg.sparqlerrors words it: line, column,
    the token, a hint."""
    from kg.sparqlerrors import syntax_message

    if _SERVICE_WORD.search(text):
        # rdflib re-reads a SERVICE pattern's text by scanning the query from its start, skipping
        # from any `#` (even one in a string or escaped in a name) to the end of the line, and
        # fails when that hides the pattern. GRAPH has SERVICE's grammar: if the text parses with
        # GRAPH in its place, a SERVICE pattern is what failed, and it is refused either way.
        from pyparsing import ParseBaseException
        from rdflib.plugins.sparql.parser import parseQuery

        try:
            parseQuery(_SERVICE_WORD.sub("GRAPH", text))
        except (ParseBaseException, RecursionError):
            pass
        else:
            raise UsageError("refused: SERVICE would make the engine call another endpoint over the network")
    detail = ("unexpected text after the end of the query" if "end of text" in error.msg
              else "not valid SPARQL 1.1 here")
    return syntax_message(text, SyntaxError(f"error at {error.lineno}:{error.col}: {detail}"))
