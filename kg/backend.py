"""Where queries run: the embedded on-disk store, an in-memory build of the files, or a remote endpoint.

Contract for every backend: `query(text, *, substitutions=None)` answers like
`pyoxigraph.Store.query` (QuerySolutions, QueryBoolean or QueryTriples), with the **union of all
named graphs as the default graph** and each named graph reachable with `GRAPH`. Parameters are
bound through `substitutions` (pyoxigraph Variables -> terms), never pasted into the text.
The store issue extends `open_backend` with the on-disk store and SPARQL endpoints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from kg.namespaces import PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph


class Backend(Protocol):
    def query(self, query: str, *, substitutions: "dict[pyoxigraph.Variable, object] | None" = None): ...


class OxigraphBackend:
    """A pyoxigraph Store (in memory or on disk) queried with the union default graph."""

    def __init__(self, store: "pyoxigraph.Store", *, description: str = "in-memory build of the project files"):
        self.store = store
        self.description = description

    def query(self, query: str, *, substitutions=None, prefixes: dict[str, str] | None = None):
        return self.store.query(
            query, substitutions=substitutions, use_default_graph_as_union=True, prefixes=prefixes or PREFIXES,
        )


def open_backend(*, store: str | None = None, endpoint: str | None = None) -> Backend:
    """The backend to query: for now always an in-memory store built from the project files."""
    from kg.dataset import build_store

    return OxigraphBackend(build_store())
