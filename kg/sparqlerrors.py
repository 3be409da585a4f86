"""SPARQL syntax errors in the user's terms: line, column, the offending token and a hint.

pyoxigraph's parser reports `error at LINE:COLUMN: expected one of …` with its grammar's
internals (character classes such as `['A' ..= 'Z' | …]`). `syntax_message` keeps the position,
shows the line with a caret under the token, names what was expected in words where it can, and
names an undeclared prefix with the list of the predeclared ones.
"""

from __future__ import annotations

import re

_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_TOKEN = re.compile(r"[^\s{}()\[\],;.]+")
_PNAME = re.compile(r"^([A-Za-z][\w\-.]*)?:")
_WORD = re.compile(r"(?<![\w?$:@<\"'\-])[A-Za-z_]+(?![\w:(>\-])|(?<![\w?$:@<\"'\-])[A-Za-z_]+(?=\()")
_STRINGS = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*')
KEYWORDS = frozenset("""
SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED PREFIX BASE DISTINCT REDUCED AS OPTIONAL UNION MINUS GRAPH
SERVICE SILENT FILTER BIND VALUES UNDEF ORDER BY ASC DESC LIMIT OFFSET GROUP HAVING NOT EXISTS IN a true
false COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE
RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE
STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512
COALESCE IF STRLANG STRDT sameTerm isIRI isURI isBLANK isLITERAL isNUMERIC REGEX SUBSTR REPLACE TRIPLE
SUBJECT PREDICATE OBJECT isTRIPLE LOAD CLEAR DROP CREATE ADD MOVE COPY INSERT DELETE DATA WITH USING
DEFAULT ALL INTO TO
""".split())
_UPPER = {k.upper(): k for k in KEYWORDS}


def syntax_message(text: str, error: BaseException, prefixes: dict[str, str] | None = None) -> str:
    """One message for a SyntaxError of pyoxigraph's SPARQL parser on `text`:

        SPARQL syntax error at line 3, column 2 near 'FILTR': expected OPTIONAL
          FILTR(?x) }
          ^

    With "Prefix not found": "prefix 'foo:' is not declared; predeclared: igkg:, igorg:, …; or add
    PREFIX foo: <…>". `prefixes` are the predeclared ones (default: the project's). Lines and
    columns count from 1; the column is pyoxigraph's, which may point just after the token.
    """
    from kg.namespaces import PREFIXES

    prefixes = PREFIXES if prefixes is None else prefixes
    raw = str(error)
    m = _POSITION.match(raw)
    if not m:
        return f"SPARQL syntax error: {' '.join(raw.split())}"
    line_no, col, detail = int(m.group(1)), int(m.group(2)), m.group(3)
    lines = text.splitlines() or [""]
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    start, token = _token_at(line, col - 1)
    unknown = _unknown_word(lines, line_no, col)
    if unknown is not None:
        line_no, col0, word = unknown
        line = lines[line_no - 1]
        import difflib

        close = difflib.get_close_matches(word.upper(), list(_UPPER), n=1, cutoff=0.6)
        hint = f"; did you mean {_UPPER[close[0]]}?" if close else ""
        return (f"SPARQL syntax error at line {line_no}, column {col0 + 1} near {word!r}: "
                f"{word!r} is not a SPARQL keyword{hint}\n  {line}\n  {' ' * col0}^")
    where = f"SPARQL syntax error at line {line_no}, column {col}"
    if token:
        where += f" near {token!r}"
    pname = _PNAME.match(token or "")
    if "Prefix not found" in detail and pname:
        prefix = pname.group(1) or ""
        known = ", ".join(f"{p}:" for p in prefixes)
        what = (f"prefix '{prefix}:' is not declared; predeclared: {known}; "
                f"or add PREFIX {prefix}: <…> before the query")
    elif token and token[0] in "\"'" and not (len(token) > 1 and token.endswith(token[0])):
        what = "a string is not closed (a quote is missing)"
    elif line_no >= len(lines) and col > len(line.rstrip()):
        what = "the query ends too early (something is missing at its end)"
    else:
        what = _expected(detail)
    caret = " " * (start if token else max(col - 1, 0)) + "^"
    return f"{where}: {what}\n  {line}\n  {caret}"


def _unknown_word(lines: list[str], line_no: int, col: int) -> tuple[int, int, str] | None:
    """(line, 0-based column, word) of the last bare word before the error position that is no
    SPARQL keyword (outside strings, IRIs and comments), or None."""
    found = None
    for n, line in enumerate(lines[:line_no], 1):
        masked = _STRINGS.sub(lambda m: " " * len(m.group(0)), line)
        limit = col if n == line_no else len(line)
        for m in _WORD.finditer(masked):
            if m.start() < limit and m.group(0).upper() not in _UPPER:
                found = (n, m.start(), m.group(0))
    return found


def _token_at(line: str, index: int) -> tuple[int, str]:
    """The token (a run without white space or punctuation) at or just before `index` in `line`."""
    best = (0, "")
    for t in _TOKEN.finditer(line):
        if t.start() <= index <= t.end():
            return t.start(), t.group(0)
        if t.end() <= index:
            best = (t.start(), t.group(0))
    return best


def _expected(detail: str) -> str:
    """pyoxigraph's "expected …" without character-class internals."""
    detail = " ".join(detail.split())
    if "..=" in detail or "\\u{" in detail:
        head = detail.split("[", 1)[0].removeprefix("expected one of").strip(" ,")
        return f"unexpected character here (expected {head})" if head else "unexpected character here"
    return detail
