"""Running a named query: parameters typed and bound, one page of rows, pyoxigraph results out.

The result is what the engine answers, unchanged: a `pyoxigraph.QuerySolutions` (iterate it once;
`solution["name"]` is a term or None) or a `QueryBoolean`, ready for `QuerySolutions.serialize`
(kg.results) or for Python code.

Rules the query files follow so that binding behaves the same on every engine (measured):
- every parameter variable is projected by the top-level SELECT (pyoxigraph refuses to
  substitute a variable that is not projected);
- a parameter is used only in required triple patterns (an optional parameter that is not given
  then stays a free variable, i.e. a wildcard) or, when required, in plain FILTER expressions;
- never in BIND (rdflib ignores initial bindings of BIND-assigned variables), OPTIONAL, MINUS,
  BOUND() or sub-queries (the engines scope pre-bound variables differently there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from kg.errors import UsageError
from kg.queries.library import NamedQuery, get
from kg.queries.params import bind_params, check_params
from kg.sparqltext import check_adhoc, page, values_binding

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph


def run_bound(backend, text: str, bindings: Mapping[str, "pyoxigraph.Term"] | None = None):
    """Run SPARQL `text` on `backend` with `bindings` (variable name -> term) bound by the engine:
    a leading VALUES block where that is safe, else pyoxigraph `substitutions` (see
    kg.sparqltext.values_binding). Returns the engine's QuerySolutions / QueryBoolean /
    QueryTriples; a syntax error raises UsageError."""
    import pyoxigraph as ox

    text, rest = values_binding(text, bindings)
    subs = {ox.Variable(k): v for k, v in rest.items()} or None
    try:
        return backend.query(text, substitutions=subs)
    except SyntaxError as e:
        from kg.sparqlerrors import syntax_message

        raise UsageError(syntax_message(text, e)) from None


def prepare(name: str | NamedQuery, params: Mapping[str, str] | None = None, *, backend,
            limit: int | None = None, offset: int = 0) -> tuple[str, dict[str, "pyoxigraph.Term"]]:
    """The text (paged) and the typed bindings `run` would use; for running the same query elsewhere
    (another engine, a benchmark). Raises UsageError as `run` does."""
    query = name if isinstance(name, NamedQuery) else get(name)
    given = dict(params or {})
    check_params(query, given)  # cheap checks before any label look-up
    try:
        text = page(query.text, limit, offset)
    except ValueError as e:
        raise UsageError(f"query {query.name!r}: {e}") from None
    return text, bind_params(query, given, backend)


def run(name: str | NamedQuery, params: Mapping[str, str] | None = None, *, backend=None,
        limit: int | None = None, offset: int = 0):
    """Run the named query with parameters given as strings (typed and validated here).

    `backend` defaults to `kg.backend.open_backend()` (the current store, else the files). `limit`
    and `offset` return one page of the ordered rows: `limit=100, offset=200` is rows 201-300.
    Returns a pyoxigraph QuerySolutions (SELECT) or QueryBoolean (ASK). Raises UsageError for an
    unknown query or a missing, unknown or ill-typed parameter, and for a query that has its own
    LIMIT or OFFSET when paged.
    """
    import pyoxigraph as ox

    if backend is None:
        from kg.backend import open_backend

        backend = open_backend()
    text, bindings = prepare(name, params, backend=backend, limit=limit, offset=offset)
    result = run_bound(backend, text, bindings)
    if not isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        raise UsageError("a named query must be a SELECT or ASK query (use `kg sparql` for CONSTRUCT/DESCRIBE)")
    return result


def incomplete_note(query: NamedQuery, backend) -> str | None:
    """One line for standard error when `backend` is a server of a family the query's header marks
    `incomplete_on` (kg.queries.library), known from the server's answers (RemoteBackend.family,
    so ask after running): `note: Virtuoso may answer this query with fewer rows: <reason>`.
    None for any other backend."""
    from kg.queries.library import ENGINES

    family = getattr(backend, "family", "")
    reason = query.incomplete_on.get(family) if family else None
    return f"note: {ENGINES[family]} may answer this query with fewer rows: {reason}" if reason else None


def sparql_answer(text: str, *, fmt: str = "table", store: str | None = None, endpoint: str | None = None,
                  labels: bool = False, width: int | None = None) -> tuple[bytes, str | None]:
    """Run an ad-hoc query on the backend `kg.backend.open_backend(store=, endpoint=)` picks, with
    the project prefixes predeclared; return the answer rendered in `fmt` (kg.results.render; with
    `labels`, a SELECT gets an `xLabel` column after each IRI column, kg.results.with_labels;
    `width` fits a table) and the backend's note (None, or one line: the answer lacks inferences).

    SERVICE, FROM / FROM NAMED and SPARQL Update are refused first (kg.sparqltext.check_adhoc).
    Raises UsageError for a refused query, a syntax error (line, column, token: kg.sparqlerrors)
    or a format that does not fit the form.
    """
    import pyoxigraph as ox

    from kg.backend import open_backend
    from kg.results import render, table, with_labels

    check_adhoc(text)
    backend = open_backend(store=store, endpoint=endpoint)
    result = run_bound(backend, text)
    note = getattr(backend, "note", None)
    if labels and isinstance(result, ox.QuerySolutions):
        result = with_labels(result, backend)
        if fmt == "table":
            return table(result, width=width, labelled=True).text.encode("utf-8"), note
    return render(result, fmt, width=width), note
