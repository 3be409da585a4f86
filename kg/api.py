"""The library for Python programs: the commands' answers as plain Python data.

Each function opens the same place to ask as the `kg` commands (`store=` a store folder,
`endpoint=` a SPARQL endpoint URL, neither: the current default store, else the project files
with their inferences) and raises the same errors (kg.errors: UsageError for a bad name or
parameter, InputError for a file that does not parse).

    from kg import api

    rows = api.query("people-of-organisation", {"org": "CNNIC"}, labels=True)
    rows[0]["person"], rows[0]["personLabel"]   # 'https://w3id.org/igkg/id/person/chu-nan-359b70', 'Chu Nan'
    api.sparql("SELECT ?o WHERE { ?o a igkg:Registry } ORDER BY ?o")        # list of dicts
    api.describe("Zhang Jianchuan").statements                                # kg.describe.Profile
    api.search("malware security", limit=3)                                   # list of dicts, best first
    api.validate().conforms                                                   # kg.report.ValidationReport
    api.load(store="/tmp/my-store", reason=True).meta.triples                 # kg.store.LoadResult
    api.dataframe(rows)                                                       # pandas, when installed

Rows are dicts of plain values (kg.terms.python_value: IRIs as strings, numbers as int/Decimal,
dates as datetime.date, other literals as their text), unbound cells left out; with `labels=True`
each IRI column `x` gets `xLabel` (Wikidata's label service convention, kg.results.with_labels).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping


def _backend(store: str | None, endpoint: str | None):
    from kg.backend import open_backend

    return open_backend(store=store, endpoint=endpoint)


def _rows(result, backend, labels: bool) -> list[dict[str, Any]]:
    from kg.results import records, with_labels

    return records(with_labels(result, backend) if labels else result)


def query(name: str, params: Mapping[str, str] | None = None, *, labels: bool = False, limit: int | None = None,
          offset: int = 0, store: str | None = None, endpoint: str | None = None) -> list[dict[str, Any]] | bool:
    """Run the named query `name` (queries/NAME.rq) with `params` given as strings, as `kg query`
    does; a list of row dicts (an ASK query: a bool). Raises UsageError for an unknown query or a
    missing, unknown or ill-typed parameter. On a server of an engine the query's header marks
    `incomplete_on`, warns (UserWarning) with the line `kg query` prints to standard error; an IRI
    parameter that was renamed is replaced by its new IRI, with a kg.redirects.DeprecatedIRIWarning."""
    import warnings

    import pyoxigraph as ox

    from kg.queries.execute import incomplete_note, run
    from kg.queries.library import get

    backend = _backend(store, endpoint)
    named = get(name)
    result = run(named, params, backend=backend, limit=limit, offset=offset)
    note = incomplete_note(named, backend)
    if note:
        warnings.warn(note, UserWarning, stacklevel=2)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    return _rows(result, backend, labels)


def sparql(text: str, *, labels: bool = False, store: str | None = None, endpoint: str | None = None):
    """Run an ad-hoc read-only query with the project prefixes predeclared, as `kg sparql` does:
    SELECT -> a list of row dicts; ASK -> bool; CONSTRUCT / DESCRIBE -> a list of pyoxigraph
    Triples. Raises UsageError for a refused query (SERVICE, FROM, Update) or a syntax error (its
    message gives line, column and the offending token)."""
    import pyoxigraph as ox

    from kg.queries.execute import run_bound
    from kg.sparqltext import check_adhoc

    check_adhoc(text)
    backend = _backend(store, endpoint)
    result = run_bound(backend, text)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
        return list(result)
    return _rows(result, backend, labels)


def describe(name: str, *, store: str | None = None, endpoint: str | None = None):
    """Everything the graph knows about one entity (IRI, prefixed name or label), as `kg describe`:
    a kg.describe.Profile (`.to_json()` gives plain data); a renamed IRI gives the profile of the IRI
    that replaces it and warns kg.redirects.DeprecatedIRIWarning (a UserWarning) with the line
    `kg describe` prints. Raises UsageError when `name` denotes nothing or several entities."""
    from kg.describe import describe as profile_of

    return profile_of(name, backend=_backend(store, endpoint))


def search(text: str, *, limit: int = 10, store: str | None = None, endpoint: str | None = None) -> list[dict]:
    """Full-text search over labels, alternative names, acronyms and quotes, as `kg search`: up to
    `limit` dicts (entity, label, field, text, snippet, score), best first (kg.search.search)."""
    from kg.search import search as run

    return [hit.as_dict() for hit in run(_backend(store, endpoint), text, limit=limit)]


def validate(sources: Iterable[str] | None = None, **options):
    """SHACL-validate `sources` (files or folders; default: the project's ontology and data), as
    `kg validate`: a kg.report.ValidationReport (`.conforms`, `.results`). `options` are those of
    kg.validate.validate (inference, engine, shapes)."""
    from kg.validate import validate as run_validation

    return run_validation(sources, **options)


def load(sources: Iterable[str] | None = None, *, store: str | None = None, reason: bool = True,
         rebuild: bool = False):
    """Load `sources` (default: the project files) into the embedded store folder `store` (default
    ./.kg-store or $KG_STORE), with the rules' inferences unless `reason=False`; a
    kg.store.LoadResult (`.meta.triples`, `.seconds`). Unlike `kg load` it does not validate
    first: call `validate` for that. Raises InputError for a file that does not parse."""
    from kg.dataset import default_sources, sources_for
    from kg.store import load as load_store

    srcs = default_sources() if sources is None else sources_for(sources)
    return load_store(srcs, path=store, reason=reason, rebuild=rebuild, validated="no")


def dataframe(rows: list[dict[str, Any]], columns: list[str] | None = None):
    """Row dicts (from `query` or `sparql`) as a pandas DataFrame: `columns` (default: every key,
    in first-seen order; a column no row binds is then absent), unbound cells NaN/None.
    Raises UsageError when pandas is not installed (`pip install 'igkg[pandas]'`)."""
    try:
        import pandas
    except ImportError:
        from kg.errors import UsageError

        raise UsageError("pandas is not installed: pip install 'igkg[pandas]' (or pandas)") from None
    if columns is None:
        columns = list(dict.fromkeys(k for r in rows for k in r))
    return pandas.DataFrame(rows, columns=columns)
