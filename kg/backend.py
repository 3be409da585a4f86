"""Where queries run: the embedded on-disk store, an in-memory build of the files, or a remote endpoint.

Every backend answers `query(text, substitutions=...)` the way `pyoxigraph.Store.query` does
(QuerySolutions, QueryBoolean or QueryTriples), so callers do not care which one they have.
The store issue extends `open_backend` with the on-disk store and SPARQL endpoints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph


class Backend(Protocol):
    def query(self, query: str, *, substitutions: "dict[pyoxigraph.Variable, object] | None" = None): ...


def open_backend(*, store: str | None = None, endpoint: str | None = None) -> Backend:
    """The backend to query: for now always an in-memory store built from the project files."""
    from kg.dataset import build_store

    return build_store()
