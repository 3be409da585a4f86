"""The named query library: `queries/*.rq` files, their typed parameters, running them.

Modules, one job each: `kg.queries.library` (the files and their `#+` headers),
`kg.queries.headercache` (parsed headers kept between runs, as byte code is), `kg.queries.params`
(typing and checking parameters), `kg.queries.execute` (binding and running; results are
pyoxigraph's), `kg.queries.catalogue` (the Markdown catalogue). For convenience
`kg.queries.run`, `prepare` and `get` name the functions of those modules; nothing is imported
until one is used.
"""

from __future__ import annotations

_EXPORTS = {
    "run": "kg.queries.execute", "prepare": "kg.queries.execute",
    "get": "kg.queries.library",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kg.queries' has no attribute {name!r}")
