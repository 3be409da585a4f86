"""The library of named SPARQL queries in `queries/*.rq`: headers, typed parameters, running them.

A query's name is its file stem. Its metadata sits in `#+` comment lines at the top (YAML, see
`../shared/STYLE.md`), so the file stays valid SPARQL:

    #+ summary: Who held a post on a given date?
    #+ params:
    #+   - {name: post, type: iri, required: true, example: "igpost:director-icann-beijing-engagement-center"}
    #+ columns: [post, date, person, source]

Parameters are typed and validated here, turned into RDF terms, and bound by the engine —
on pyoxigraph a `VALUES` block first in the WHERE group, written from the typed terms (the
optimiser orders joins by it; `substitutions` it does not use — see `values_binding`), with
`substitutions` as the fallback; on rdflib `initBindings` — never pasted into the query text.

Rules the query files follow so that binding behaves the same on both engines (measured):
- every parameter variable is projected by the top-level SELECT (pyoxigraph refuses to
  substitute a variable that is not projected);
- a parameter is used only in required triple patterns (an optional parameter that is not given
  then stays a free variable, i.e. a wildcard) or, when required, in plain FILTER expressions;
- never in BIND (rdflib ignores initial bindings of BIND-assigned variables), OPTIONAL, MINUS,
  BOUND() or sub-queries (the engines scope pre-bound variables differently there).

`run()` returns a `QueryResult`: column names and rows as tuples of pyoxigraph terms
(`NamedNode`, `BlankNode`, `Literal`) or `None` for an unbound cell, whichever engine ran the
query; `QueryResult.to_dicts()` turns them into plain Python values (see `python_value`).

`python -m kg.queries catalogue` prints the catalogue `queries/README.md` is generated from.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from kg.errors import InputError, UsageError
from kg.namespaces import IGKG, PREFIXES, expand, shorten
from kg.sparqltext import QUERY_FORMS, UPDATE_KEYWORDS, insert_values, keywords, where_brace

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

XSD = PREFIXES["xsd"]
PARAM_TYPES = ("iri", "string", "date", "integer")
ENGINES = ("oxigraph", "rdflib")

# An absolute IRI as RFC 3987 allows it in SPARQL's IRIREF: a scheme, then no spaces, controls,
# angle brackets, quotes, braces, pipes, carets, backticks or backslashes.
_IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*$")
_PNAME_RE = re.compile(r"^([A-Za-z][\w\-.]*)?:([\w\-.%]*)$")
_INTEGER_RE = re.compile(r"^[+-]?[0-9]+$")
_GYEAR_RE = re.compile(r"^[0-9]{4}$")
_GYEARMONTH_RE = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


# --------------------------------------------------------------------------------------------
# the library


@dataclass(frozen=True)
class Param:
    """One declared parameter of a query."""

    name: str
    type: str
    required: bool = False
    example: str | None = None
    description: str | None = None
    default: str | None = None
    min: int | None = None
    max: int | None = None


@dataclass(frozen=True)
class NamedQuery:
    """One `queries/<name>.rq` file: its header and its SPARQL text."""

    name: str
    path: Path
    summary: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    tags: tuple[str, ...]
    text: str = field(repr=False)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def example_args(self) -> list[str]:
        """`-p name=value` arguments for an example call (required parameters and examples)."""
        args = []
        for p in self.params:
            if p.example is not None and (p.required or p.default is None):
                args += ["-p", f"{p.name}={p.example}"]
        return args


def queries_dir() -> Path:
    from kg.dataset import project_root

    return project_root() / "queries"


def parse_header(text: str, path: Path | str = "<query>") -> dict[str, Any]:
    """The YAML of the leading `#+` comment lines (blank lines and plain comments may precede)."""
    import yaml

    lines: list[str] = []
    first_line = None
    for i, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("#+"):
            first_line = first_line or i
            body = stripped[2:]
            lines.append(body[1:] if body.startswith(" ") else body)
        elif lines and not stripped.startswith("#+"):
            break
    if not lines:
        raise InputError(path, "no '#+' metadata header (summary, params, columns, tags)", line=1)
    try:
        meta = yaml.load("\n".join(lines), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = (first_line or 1) + mark.line if mark else first_line
        raise InputError(path, f"bad '#+' header: {getattr(e, 'problem', e)}", line=line) from None
    if not isinstance(meta, dict):
        raise InputError(path, "the '#+' header must be a YAML mapping", line=first_line)
    return meta


def load_query(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    meta = parse_header(text, path)
    for key in ("summary", "columns"):
        if key not in meta:
            raise InputError(path, f"the '#+' header lacks {key!r}", line=1)
    params = []
    for raw in meta.get("params") or []:
        if not isinstance(raw, dict) or "name" not in raw:
            raise InputError(path, f"a parameter must be a mapping with a name, not {raw!r}", line=1)
        ptype = raw.get("type", "string")
        if ptype not in PARAM_TYPES:
            raise InputError(path, f"parameter {raw['name']!r} has unknown type {ptype!r}; use one of {PARAM_TYPES}", line=1)
        params.append(Param(
            name=str(raw["name"]), type=ptype, required=bool(raw.get("required", False)),
            example=None if raw.get("example") is None else str(raw["example"]),
            description=raw.get("description"),
            default=None if raw.get("default") is None else str(raw["default"]),
            min=raw.get("min"), max=raw.get("max"),
        ))
    return NamedQuery(
        name=path.stem, path=path, summary=str(meta["summary"]).strip(),
        description=str(meta.get("description") or "").strip(), params=tuple(params),
        columns=tuple(str(c) for c in meta["columns"]), tags=tuple(str(t) for t in meta.get("tags") or ()),
        text=text,
    )


def library(folder: Path | None = None) -> dict[str, NamedQuery]:
    """All named queries, by name, sorted."""
    folder = folder or queries_dir()
    return {p.stem: load_query(p) for p in sorted(folder.glob("*.rq"), key=lambda p: p.stem)}


def get(name: str, *, folder: Path | None = None) -> NamedQuery:
    folder = folder or queries_dir()
    path = folder / f"{name}.rq"
    if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", name) or not path.is_file():
        names = sorted(p.stem for p in folder.glob("*.rq"))
        close = [n for n in names if name.lower() in n or n in name.lower()]
        hint = f"; did you mean {', '.join(close[:5])}?" if close else "; `kg queries` lists them"
        raise UsageError(f"no query named {name!r}{hint}")
    return load_query(path)


# --------------------------------------------------------------------------------------------
# parameters


def _literal(value: str, datatype: str | None = None):
    import pyoxigraph as ox

    if datatype is None:
        return ox.Literal(value)
    return ox.Literal(value, datatype=ox.NamedNode(datatype))


def parse_date(name: str, value: str):
    """`2017-03-29` -> xsd:date, `2017-03` -> xsd:gYearMonth, `2017` -> xsd:gYear (validated)."""
    v = value.strip()
    if _GYEAR_RE.match(v):
        return _literal(v, XSD + "gYear")
    m = _GYEARMONTH_RE.match(v)
    if m and 1 <= int(m.group(2)) <= 12:
        return _literal(v, XSD + "gYearMonth")
    if _DATE_RE.match(v):
        try:
            _dt.date.fromisoformat(v)
        except ValueError:
            pass
        else:
            return _literal(v, XSD + "date")
    raise UsageError(
        f"parameter {name!r}: {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2017-03-29)"
    )


def parse_integer(param: Param, value: str):
    v = value.strip()
    if not _INTEGER_RE.match(v):
        raise UsageError(f"parameter {param.name!r}: {value!r} is not an integer")
    n = int(v)
    if param.min is not None and n < param.min or param.max is not None and n > param.max:
        raise UsageError(f"parameter {param.name!r}: {n} is outside {param.min}..{param.max}")
    return _literal(str(n), XSD + "integer")


def check_iri(name: str, iri: str) -> str:
    if not _IRI_RE.match(iri):
        raise UsageError(
            f"parameter {name!r}: {iri!r} is not a valid absolute IRI "
            "(no spaces, <>, quotes, {}, |, ^, ` or backslashes)"
        )
    return iri


_LABEL_PROLOGUE = (
    f"PREFIX rdfs: <{PREFIXES['rdfs']}>\nPREFIX skos: <{PREFIXES['skos']}>\nPREFIX igkg: <{IGKG}>\n"
)

LABEL_QUERY = _LABEL_PROLOGUE + """
SELECT DISTINCT ?entity ?label ?wanted WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel igkg:acronym }
  ?entity ?p ?label .
  FILTER(isIRI(?entity) && LCASE(STR(?label)) = LCASE(STR(?wanted)))
}
ORDER BY ?entity ?label
"""

CANDIDATE_QUERY = _LABEL_PROLOGUE + """
SELECT DISTINCT ?entity ?label ?wanted WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel igkg:acronym }
  ?entity ?p ?label .
  FILTER(isIRI(?entity) && CONTAINS(LCASE(STR(?label)), LCASE(STR(?wanted))))
}
ORDER BY ?entity ?label
LIMIT 50
"""


def resolve_label(name: str, label: str, runner) -> str:
    """The one entity whose rdfs:label, skos:prefLabel, skos:altLabel or acronym is `label`
    (case-insensitive); otherwise a UsageError listing the candidates."""
    import pyoxigraph as ox

    wanted = {"wanted": ox.Literal(label.strip())}
    rows = runner(LABEL_QUERY, wanted).rows
    entities: dict[str, list[str]] = {}
    for entity, lab, _ in rows:
        entities.setdefault(entity.value, []).append(lab.value)
    if len(entities) == 1:
        return next(iter(entities))
    if entities:
        listing = "; ".join(f"{shorten(e)} ({', '.join(sorted(set(ls)))})" for e, ls in sorted(entities.items()))
        raise UsageError(f"parameter {name!r}: {label!r} is ambiguous: {listing}; give a prefixed name or IRI")
    near: dict[str, str] = {}
    for entity, lab, _ in runner(CANDIDATE_QUERY, wanted).rows:
        near.setdefault(entity.value, lab.value)
    hint = ""
    if near:
        hint = "; candidates: " + "; ".join(f"{shorten(e)} ({lab})" for e, lab in list(near.items())[:10])
    raise UsageError(
        f"parameter {name!r}: nothing is labelled {label!r}{hint}; give a label, a prefixed name "
        f"(e.g. igorg:cnnic) or a full IRI"
    )


def parse_iri(name: str, value: str, runner, *, resolve_labels: bool = True):
    import pyoxigraph as ox

    v = value.strip()
    if not v:
        raise UsageError(f"parameter {name!r}: empty value")
    if v.startswith("<") or v.startswith(("http://", "https://", "urn:")):
        iri = v[1:-1] if v.startswith("<") and v.endswith(">") else v
        return ox.NamedNode(check_iri(name, iri))
    m = _PNAME_RE.match(v)
    if m:
        iri = expand(v)
        if iri is not None:
            return ox.NamedNode(check_iri(name, iri))
        if m.group(1) not in PREFIXES and runner is None and resolve_labels:
            raise UsageError(f"parameter {name!r}: unknown prefix {m.group(1)!r} in {v!r}")
    if not resolve_labels:
        return None
    if runner is None:
        raise UsageError(f"parameter {name!r}: {v!r} is not a prefixed name or IRI")
    try:
        return ox.NamedNode(resolve_label(name, v, runner))
    except UsageError as e:
        if m and m.group(1) not in PREFIXES:
            raise UsageError(f"{e}; {m.group(1)!r} is not a project prefix (they are: {', '.join(PREFIXES)})") from None
        raise


def bind_params(query: NamedQuery, given: Mapping[str, str], runner=None, *,
                resolve_labels: bool = True) -> dict[str, "pyoxigraph.Term"]:
    """Check and type the given parameters: name -> RDF term (pyoxigraph).

    `runner(text, bindings) -> QueryResult` resolves labels for IRI parameters; without it only
    prefixed names and IRIs are accepted. With `resolve_labels=False` (a cheap check before the
    store is opened) labels are accepted unresolved and left out of the answer.
    """
    import pyoxigraph as ox

    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise UsageError(f"query {query.name!r} has no parameter {unknown[0]!r} (its parameters: {known})")
    out: dict[str, ox.Term] = {}
    for p in query.params:
        value = given.get(p.name)
        if value is None:
            value = p.default
        if value is None:
            if p.required:
                ex = f" (e.g. -p {p.name}={p.example})" if p.example else ""
                raise UsageError(f"query {query.name!r} needs parameter {p.name!r} of type {p.type}{ex}")
            continue
        if p.type == "string":
            out[p.name] = ox.Literal(value)
        elif p.type == "integer":
            out[p.name] = parse_integer(p, value)
        elif p.type == "date":
            out[p.name] = parse_date(p.name, value)
        else:
            term = parse_iri(p.name, value, runner, resolve_labels=resolve_labels)
            if term is not None:
                out[p.name] = term
    return out


def check_params(query: NamedQuery, given: Mapping[str, str]) -> None:
    """Raise UsageError for unknown, missing or ill-typed parameters without touching a store."""
    bind_params(query, given, None, resolve_labels=False)


# --------------------------------------------------------------------------------------------
# results


@dataclass(frozen=True)
class QueryResult:
    """The answer to a SELECT (columns and rows of pyoxigraph terms or None) or an ASK (boolean)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    boolean: bool | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Rows as dicts of plain Python values (see `python_value`); unbound cells are left out."""
        return [
            {c: python_value(t) for c, t in zip(self.columns, row) if t is not None}
            for row in self.rows
        ]

    def to_terms(self) -> list[dict[str, Any]]:
        """Rows as dicts of the RDF terms themselves; unbound cells are left out."""
        return [{c: t for c, t in zip(self.columns, row) if t is not None} for row in self.rows]


_INT_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
)}


def python_value(term) -> Any:
    """An RDF term as a plain value: IRI -> its string; xsd:string / language literal -> str;
    integers -> int; xsd:decimal -> Decimal; float/double -> float; boolean -> bool;
    xsd:date -> datetime.date; anything else (gYear, gYearMonth, dateTime …) -> its lexical form;
    blank node -> "_:id"."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype is not None else XSD + "string"
        try:
            if dt in _INT_TYPES:
                return int(term.value)
            if dt == XSD + "decimal":
                return Decimal(term.value)
            if dt in (XSD + "double", XSD + "float"):
                return float(term.value)
            if dt == XSD + "boolean":
                return term.value in ("true", "1")
            if dt == XSD + "date":
                return _dt.date.fromisoformat(term.value)
        except ValueError:
            return term.value
        return term.value
    return str(term)


# --------------------------------------------------------------------------------------------
# engines


def _from_oxigraph(result) -> QueryResult:
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return QueryResult(columns=(), rows=(), boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        columns = tuple(v.value for v in result.variables)
        # a solution iterates its values in projection order, None where unbound (25% faster than sol[c])
        return QueryResult(columns=columns, rows=tuple(map(tuple, result)))
    raise UsageError("the query is not a SELECT or ASK query (use `kg sparql` for CONSTRUCT/DESCRIBE)")


_VAR_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def values_binding(text: str, bindings: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]]:
    """Put the bindings that can be written safely into a `VALUES` block first in the WHERE group;
    return the new text and the bindings left for the engine's `substitutions`.

    Why: pyoxigraph's optimiser does not use `substitutions` to order joins, but it does use a
    leading VALUES block (measured at 1M triples: `successions` 600 → 1 ms). The block is built from
    the typed RDF terms (`NamedNode`, `Literal`) — their N-Triples form, which pyoxigraph validates
    (IRIs) and escapes (literals) — never from the user's string. To leave no room for any
    escaping subtlety (SPARQL's `\\u` pre-processing), a term goes into VALUES only when its
    N-Triples form needs no escape at all (no backslash: a literal then holds no `"` and no
    backslash, an IRI no `>` or space); any other term, a blank node, or a query whose WHERE group
    cannot be located for sure stays with `substitutions`. Same answers either way: a parameter is
    used only in the top-level group's required patterns and filters (see the module docstring),
    where joining a one-row VALUES first is what substituting the variable means."""
    import pyoxigraph as ox

    rest: dict[str, Any] = {}
    safe: dict[str, str] = {}
    for name, term in (bindings or {}).items():
        written = str(term) if isinstance(term, (ox.NamedNode, ox.Literal)) else None
        if written is None or "\\" in written or not _VAR_NAME_RE.match(name):
            rest[name] = term
        else:
            safe[name] = written
    if not safe:
        return text, rest
    at = where_brace(text)
    if at is None:
        return text, dict(bindings or {})
    return insert_values(text, at, safe), rest


def run_oxigraph(backend, text: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
    """Run `text` on a backend; `bindings` (name -> pyoxigraph term) go into a leading VALUES block
    where that is safe, else into `substitutions` (see `values_binding`)."""
    import pyoxigraph as ox

    text, rest = values_binding(text, bindings)
    subs = {ox.Variable(k): v for k, v in rest.items()} or None
    try:
        result = backend.query(text, substitutions=subs)
        return _from_oxigraph(result)
    except SyntaxError as e:
        raise UsageError(f"SPARQL syntax error: {e}") from None


_RDFLIB_CACHE: dict[int, tuple[Any, Any]] = {}


def rdflib_dataset(backend=None):
    """An rdflib Dataset with the backend's quads (union default graph), cached per store."""
    store = getattr(backend, "store", None)
    if store is None and backend is not None:
        raise UsageError(f"the rdflib engine needs the project files or an embedded store, not {backend.description}")
    if store is None:
        from kg.dataset import build_store

        store = build_store()
    key = id(store)
    cached = _RDFLIB_CACHE.get(key)
    if cached is None or cached[0] is not store:
        from kg.dataset import to_rdflib

        ds = to_rdflib(store)
        ds.default_union = True
        cached = (store, ds)
        _RDFLIB_CACHE.clear()
        _RDFLIB_CACHE[key] = cached
    return cached[1]


def run_rdflib(dataset, text: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
    from kg.dataset import term_from_rdflib, term_to_rdflib

    import rdflib.plugins.sparql as rdflib_sparql

    # Never let rdflib dereference FROM / LOAD IRIs (FINDINGS.md); ad-hoc text is also checked first.
    rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    init = {k: term_to_rdflib(v) for k, v in (bindings or {}).items()}
    try:
        result = dataset.query(text, initNs=PREFIXES, initBindings=init or None)
    except Exception as e:  # rdflib raises pyparsing exceptions for syntax errors
        raise UsageError(f"SPARQL error (rdflib): {e}") from None
    if result.type == "ASK":
        return QueryResult(columns=(), rows=(), boolean=bool(result.askAnswer))
    if result.type != "SELECT":
        raise UsageError("the query is not a SELECT or ASK query")
    columns = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(None if t is None else term_from_rdflib(t) for t in row) for row in result)
    return QueryResult(columns=columns, rows=rows)


def runner_for(*, backend=None, engine: str = "oxigraph"):
    """A function `(text, bindings) -> QueryResult` on the chosen engine."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if engine == "rdflib":
        ds = rdflib_dataset(backend)
        return lambda text, bindings=None: run_rdflib(ds, text, bindings)
    if backend is None:
        from kg.backend import open_backend

        backend = open_backend()
    return lambda text, bindings=None: run_oxigraph(backend, text, bindings)


def run(name: str | NamedQuery, params: Mapping[str, str] | None = None, *, backend=None,
        engine: str = "oxigraph", limit: int | None = None, offset: int = 0) -> QueryResult:
    """Run the named query with parameters given as strings (typed and validated here).

    `backend` defaults to `kg.backend.open_backend()`; `engine="rdflib"` runs the same query with
    rdflib's engine on the backend's quads (union default graph), for cross-checks. `limit` and
    `offset` return one page of the (ordered) rows: `limit=100, offset=200` is rows 201-300.
    """
    from kg.sparqltext import page

    query = name if isinstance(name, NamedQuery) else get(name)
    check_params(query, dict(params or {}))
    try:
        text = page(query.text, limit, offset)
    except ValueError as e:
        raise UsageError(f"query {query.name!r}: {e}") from None
    runner = runner_for(backend=backend, engine=engine)
    bindings = bind_params(query, dict(params or {}), runner)
    return runner(text, bindings)


# --------------------------------------------------------------------------------------------
# catalogue


# Three questions the catalogue answers with their real output (name, parameters).
EXAMPLES: tuple[tuple[str, dict[str, str]], ...] = (
    ("holder-of-post-on-date", {"date": "2017-03-29", "post": "igpost:director-icann-beijing-engagement-center"}),
    ("people-of-organisation", {"org": "CNNIC"}),
    ("partnership-network", {"org": "igorg:cnnic", "hops": "1"}),
)


def _examples_markdown(examples) -> list[str]:
    from kg.results import to_table

    out = ["## Three questions and their real answers", ""]
    for name, params in examples:
        q = get(name)
        args = " ".join("-p " + _shell_quote(f"{k}={v}") for k, v in params.items())
        out += [f"**{q.summary}**", "", "```console", f"$ kg query {name} {args}".rstrip(),
                to_table(run(q, params)).rstrip("\n"), "```", ""]
    return out


def catalogue_markdown(queries: Iterable[NamedQuery] | None = None, *, examples=EXAMPLES) -> str:
    """The Markdown catalogue of the library (what `queries/README.md` holds); `examples` are run
    on the project data and shown with their output (pass () to leave them out)."""
    qs = list(queries if queries is not None else library().values())
    out = [
        "# Query catalogue",
        "",
        "<!-- Generated from the `#+` headers of `queries/*.rq` by `python -m kg.queries catalogue`"
        " (or `kg queries --format markdown`); do not edit by hand: a test checks it is current. -->",
        "",
        f"{len(qs)} named queries. Run one with `kg query NAME -p name=value …`; an IRI parameter takes a "
        "prefixed name (`igorg:cnnic`), a full IRI or a label (`CNNIC`, case-insensitive); a date takes "
        "`YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Output: `--format table|json|csv|tsv|xml`.",
        "",
        "How the queries are written (so that both engines bind parameters the same way):",
        "",
        "- Parameters are bound by the engine, never pasted into the text: on pyoxigraph (and remote endpoints) a "
        "`VALUES` block put first in the WHERE group and written from the typed RDF terms (the optimiser then starts "
        "its joins from the bound entity; a term whose N-Triples form would need an escape, e.g. a string with a "
        "quote or backslash, is bound with pyoxigraph `substitutions` instead), on rdflib `initBindings`; "
        "`kg.queries` types and validates them first "
        "(IRIs checked for forbidden characters, labels looked up with a parameterised query, dates and integers "
        "checked lexically).",
        "- Every parameter variable is projected by the SELECT (pyoxigraph substitutes only projected variables) "
        "and is never assigned by `BIND` (rdflib ignores bindings of BIND-assigned variables). An optional "
        "parameter sits in a required triple pattern, so when it is not given it stays free and acts as a "
        "wildcard; FILTER-only parameters (dates, years, text, hop counts) are required or have a default.",
        "- Dates of different precision (`xsd:date`, `xsd:gYearMonth`, `xsd:gYear`) are compared on their common "
        "lexical prefix, and ordered by their lexical form (`ORDER BY COALESCE(STR(?start), \"\")`), which is "
        "chronological for ISO dates and safe on both engines.",
        "- Written for pyoxigraph's planner (measured at 1M triples): it starts from the VALUES block, but plans "
        "the inside of a UNION branch without knowing what is bound outside, taking the pattern with the most "
        "constants first and breaking ties by written order. So a branch starts with the parameter's pattern, a "
        "class test that would be picked first is a `FILTER EXISTS { ?x a C }`, a `*` path starts from its bound "
        "end (`?type rdfs:subClassOf* ?kind . ?event a ?type`), and a sub-query (which is never joined row by row) "
        "is not used beside a parameter.",
        "- `partnership-network` counts hops with a union of explicit 1-, 2- and 3-hop chains (property paths "
        "cannot count), so `hops` is bounded to 1..3; the distance is the shortest chain.",
        "- Provenance: fact nodes carry `prov:wasDerivedFrom` and verbatim `igkg:quote`s; literal statements "
        "(stated functions, editorial notes) are credited to the document whose named graph asserts them.",
        "- Ad-hoc queries (`kg sparql`) get the project prefixes predeclared. Before running, the text is "
        "tokenised after SPARQL's `\\uXXXX` escapes are applied, skipping strings, IRIs, comments, variables and "
        "prefixed names; a bare `SERVICE`, `FROM` (also `FROM NAMED`) or any SPARQL Update keyword (`LOAD`, "
        "`INSERT`, `DELETE`, `DROP`, `CLEAR`, `CREATE`, `COPY`, `MOVE`, `ADD`, `WITH`) is refused with exit 2, "
        "because both engines would reach the network or the file system or change the store. A keyword inside "
        "a string literal does not count.",
        "",
        "| query | question | tags |",
        "|---|---|---|",
    ]
    for q in qs:
        out.append(f"| [`{q.name}`](#{q.name}) | {q.summary} | {', '.join(q.tags)} |")
    out.append("")
    if examples:
        out += _examples_markdown(examples)
    for q in qs:
        out += [f"## {q.name}", "", f"**{q.summary}**", ""]
        if q.description:
            out += [q.description, ""]
        if q.params:
            out += ["| parameter | type | required | example |", "|---|---|---|---|"]
            for p in q.params:
                req = "yes" if p.required else ("no (default " + p.default + ")" if p.default else "no")
                out.append(f"| `{p.name}` | {p.type} | {req} | `{p.example or ''}` |")
            out.append("")
        else:
            out += ["No parameters.", ""]
        out += [f"Columns: {', '.join(f'`{c}`' for c in q.columns)}", ""]
        args = " ".join(_shell_quote(a) for a in q.example_args())
        out += ["```sh", f"kg query {q.name}{' ' + args if args else ''}", "```", ""]
    return "\n".join(out)


def _shell_quote(s: str) -> str:
    if re.fullmatch(r"[\w\-.:/=@+,]+", s):
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["catalogue"]:
        print("usage: python -m kg.queries catalogue [--write]", file=sys.stderr)
        return 2
    text = catalogue_markdown()
    if "--write" in argv:
        (queries_dir() / "README.md").write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


# --------------------------------------------------------------------------------------------
# ad-hoc queries: what is refused


def check_adhoc(text: str) -> str:
    """Refuse what would reach the network or the file system or change data; return the form
    (SELECT, ASK, CONSTRUCT or DESCRIBE).

    The query is tokenised (after SPARQL's codepoint escapes are applied) so that a keyword inside
    a string literal, an IRI, a comment, a variable name or a prefixed name does not count; the
    bare words are then checked: SERVICE (federation), FROM / FROM NAMED (dataset clauses that
    would make the engine dereference an IRI or read a file), and every SPARQL Update keyword.
    Over-refusing a query that is not valid SPARQL anyway is harmless; missing one is not.
    """
    words = keywords(text)
    for w in words:
        if w == "SERVICE":
            raise UsageError("refused: SERVICE would make the engine call another endpoint over the network")
        if w == "FROM":
            raise UsageError(
                "refused: FROM / FROM NAMED would make the engine fetch a URL or read a file; "
                "use GRAPH <iri> { … } to query one of the project's named graphs"
            )
        if w in UPDATE_KEYWORDS:
            raise UsageError(f"refused: {w} is SPARQL Update; the query commands are read-only")
    form = next((w for w in words if w in QUERY_FORMS), None)
    if form is None:
        raise UsageError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return form


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
