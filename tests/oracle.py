"""Second engines the tests check igkg against: rdflib's SPARQL engine and the `reasonable` reasoner.

Neither is on the user's path; they are oracles. `run_rdflib` runs a named query the way
kg.queries.execute.run does (same text, same typed parameters) with rdflib's engine, parameters as
`initBindings`, on the same quads (default graph = union of the named graphs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

_DATASETS: dict[int, tuple[Any, Any]] = {}


@dataclass(frozen=True)
class OracleResult:
    """Columns and rows (tuples of pyoxigraph terms or None) of a SELECT run by rdflib."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Any]]:
        from kg.terms import python_value

        return [{c: python_value(t) for c, t in zip(self.columns, row) if t is not None} for row in self.rows]


def rdflib_dataset(store):
    """An rdflib Dataset with the quads of a pyoxigraph Store (union default graph), cached per store."""
    from kg.rdflib_bridge import to_dataset

    cached = _DATASETS.get(id(store))
    if cached is None or cached[0] is not store:
        _DATASETS.clear()
        cached = _DATASETS[id(store)] = (store, to_dataset(store))
    return cached[1]


def run_sparql_rdflib(store, text: str, bindings: Mapping[str, Any] | None = None) -> OracleResult:
    """Run SELECT `text` with rdflib's engine on `store`'s quads; `bindings` (name -> pyoxigraph term)
    as initBindings. rdflib never dereferences FROM / LOAD IRIs here."""
    import rdflib.plugins.sparql as rdflib_sparql

    from kg.namespaces import PREFIXES
    from kg.rdflib_bridge import from_rdflib, to_rdflib
    from kg.sparqltext import deep_enough_to_parse

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    deep_enough_to_parse()  # as kg does before rdflib parses (holder-of-post-on-date nests deeply)
    init = {k: to_rdflib(v) for k, v in (bindings or {}).items()}
    result = rdflib_dataset(store).query(text, initNs=PREFIXES, initBindings=init or None)
    assert result.type == "SELECT", result.type
    columns = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(None if t is None else from_rdflib(t) for t in row) for row in result)
    return OracleResult(columns, rows)


def run_rdflib(name, params: Mapping[str, str] | None = None, *, backend, limit: int | None = None,
               offset: int = 0) -> OracleResult:
    """The named query with rdflib's engine on `backend.store` (an in-memory or on-disk pyoxigraph store)."""
    from kg.queries.execute import prepare

    text, bindings = prepare(name, params, backend=backend, limit=limit, offset=offset)
    return run_sparql_rdflib(backend.store, text, bindings)


def reasonable_triples(quads) -> set[tuple]:
    """What the `reasonable` OWL 2 RL engine infers: the triples it adds, as rdflib terms."""
    import rdflib
    import reasonable

    from kg.rdflib_bridge import union_graph

    def norm(t):  # reasonable writes plain literals back as xsd:string-typed ones: same literal
        if isinstance(t, rdflib.Literal) and t.datatype == rdflib.XSD.string:
            return rdflib.Literal(str(t))
        return t

    g = union_graph(quads)
    r = reasonable.PyReasoner()
    r.from_graph(g)
    return {t for t in ((norm(s), norm(p), norm(o)) for s, p, o in r.reason()) if t not in g}
