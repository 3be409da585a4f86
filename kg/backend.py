"""Where queries run: the embedded on-disk store, an in-memory build of the files, or a remote endpoint.

Contract for every backend: `query(text, *, substitutions=None, prefixes=None)` answers like
`pyoxigraph.Store.query` (QuerySolutions, QueryBoolean or QueryTriples), with the **union of all
named graphs as the default graph** and each named graph reachable with `GRAPH`. Parameters are
bound through `substitutions` (pyoxigraph Variables -> terms), never pasted into the text.
`prefixes` (default: the project's) are predeclared.

Every backend also has `description` (which store answers, for messages and `kg stats`),
`graph_counts()` (named graph IRI -> triples, sorted by IRI) and `triple_count()` (all quads).

`open_backend(store=, endpoint=)` picks one: an endpoint URL -> `kg.remote.RemoteBackend`; a store
path -> that on-disk store, read-only; neither -> the default store (`./.kg-store` or `$KG_STORE`)
when it exists and holds exactly the current project files, else an in-memory build of the files.

The same answer whichever path: the in-memory build also materialises the rules' inferences
(kg.reason.rules, into `iggraph:inferred`, 0.2 s on the project data), as `kg load --reason`
does, so it answers like a reasoned store. A store loaded without `--reason` lacks them: its
backend's `note` says so in one line (the commands print it on standard error); `reasoned` is
True, False, or None when not known (a backend made directly from a Store, a remote endpoint).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from kg.namespaces import PREFIXES, XSD

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

    from kg.store import ReadOnlyStore, StoreMeta


class Backend(Protocol):
    """What every place a query can run offers (see the module docstring)."""

    description: str

    def query(self, query: str, *, substitutions: "dict[pyoxigraph.Variable, object] | None" = None,
              prefixes: dict[str, str] | None = None): ...

    def graph_counts(self) -> dict[str, int]: ...

    def triple_count(self) -> int: ...


class OxigraphBackend:
    """A pyoxigraph Store (in memory or on disk) queried with the union default graph."""

    def __init__(self, store: "pyoxigraph.Store", *, description: str = "in-memory build of the project files",
                 meta: "StoreMeta | None" = None, handle: "ReadOnlyStore | None" = None,
                 reasoned: bool | None = None):
        self.store = store
        self.description = description
        self.meta = meta  # what `kg load` recorded, for an on-disk store it made
        self._handle = handle  # keeps the reader lock while this backend lives
        self.reasoned = reasoned

    @property
    def location(self):
        """The on-disk database folder (a pathlib.Path) answering, or None for an in-memory store."""
        return self._handle.location if self._handle is not None else None

    @property
    def note(self) -> str | None:
        """One line saying this answer lacks the inferences, and why; None when it has them (or
        when that is not known)."""
        if self.reasoned is not False:
            return None
        return (f"answered by the {self.description}, loaded without --reason: inferred triples "
                "(super-classes, org:memberOf, igkg:partnerOf …) are missing; `kg load --reason` adds them")

    def query(self, query: str, *, substitutions=None, prefixes: dict[str, str] | None = None):
        """The engine's answer; a query the engine cannot evaluate (pyoxigraph's RuntimeError: a
        substituted variable the query does not project, an unbound SERVICE name, …) is a UsageError."""
        try:
            return self.store.query(
                query, substitutions=substitutions, use_default_graph_as_union=True,
                prefixes=PREFIXES if prefixes is None else prefixes,
            )
        except RuntimeError as e:
            from kg.errors import UsageError

            raise UsageError(f"the query cannot be evaluated: {e}") from None

    def graph_counts(self) -> dict[str, int]:
        from kg.store import graph_counts

        return graph_counts(self.store)

    def triple_count(self) -> int:
        from kg.store import default_graph_count

        return sum(self.graph_counts().values()) + default_graph_count(self.store)


def select(backend: Backend, query: str, **bindings: Any) -> list[dict[str, Any]]:
    """Run a SELECT on `backend`; each keyword argument binds that variable through `substitutions`.

    Values may be pyoxigraph terms or plain values: a str that starts with http://, https:// or
    urn: is bound as an IRI, an int as xsd:integer, anything else as an xsd:string literal. Returns
    one dict per row: variable name -> pyoxigraph term, unbound variables left out.
    """
    import pyoxigraph as ox

    subs = {ox.Variable(k): _term(v) for k, v in bindings.items() if v is not None}
    result = backend.query(query, substitutions=subs or None)
    names = [v.value for v in result.variables]
    return [{n: t for n, t in zip(names, row) if t is not None} for row in result]


def _term(value: Any):
    import pyoxigraph as ox

    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, str) and value.startswith(("http://", "https://", "urn:")):
        return ox.NamedNode(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(str(value))


def open_backend(*, store: str | None = None, endpoint: str | None = None) -> Backend:
    """The backend to query (see the module docstring); UsageError when `store` names no store."""
    if store and endpoint:
        from kg.errors import UsageError

        raise UsageError("give --store or --endpoint, not both")
    if endpoint:
        from kg.remote import RemoteBackend

        return RemoteBackend(endpoint)
    if store:
        return _on_disk(store)
    default = _current_default_store()
    if default is not None:
        return default
    return build_backend()


def build_backend(sources=None) -> OxigraphBackend:
    """An in-memory build of `sources` (default: the project files) with the rules' inferences
    materialised into `iggraph:inferred` (kg.reason.rules.materialise). Raises InputError for a
    file that does not parse."""
    from kg.dataset import build_store
    from kg.reason.rules import materialise

    store = build_store(sources)
    materialise(store)
    return OxigraphBackend(store, reasoned=True)  # described as "in-memory build of the project files"


def _on_disk(path) -> OxigraphBackend:
    import pyoxigraph as ox

    from kg.namespaces import GRAPH_INFERRED
    from kg.store import open_read_only

    handle = open_read_only(path)
    what = f"on-disk store {path}"
    if handle.meta is None:
        what += " (an Oxigraph database not made by kg load)"
        reasoned = handle.store.contains_named_graph(ox.NamedNode(GRAPH_INFERRED))
    else:
        reasoned = handle.meta.reasoned
    return OxigraphBackend(handle.store, description=what, meta=handle.meta, handle=handle, reasoned=reasoned)


def _current_default_store() -> OxigraphBackend | None:
    """The default store when it holds exactly the current project files, else None."""
    from kg.dataset import default_sources, fingerprint
    from kg.errors import UsageError
    from kg.store import read_meta, store_path

    path = store_path()
    try:
        meta = read_meta(path) if path.is_dir() else None
    except UsageError:
        return None
    if meta is None:
        return None
    current = fingerprint(default_sources())
    if meta.fingerprint != current:
        return None
    try:
        backend = _on_disk(path)
    except UsageError:
        return None
    if backend.meta is None or backend.meta.fingerprint != current:  # a load swapped it meanwhile
        return None
    meta = backend.meta
    backend.description = f"store {path} (current: loaded {meta.created})"
    return backend
