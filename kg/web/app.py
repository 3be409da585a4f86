"""The web app: a Starlette application over one read-only store.

`create_app(store=PATH, …)` returns the ASGI app; `kg serve` (kg.web.serve) runs it with uvicorn.
Routes:

    /                         home: counts, search, entry lists          (kg.web.pages)
    /search?q=                label search                               (kg.web.pages)
    /browse/{list}            organisations, people, events, agreements, documents
    /id/{path}                an entity's page; Turtle, JSON-LD, N-Triples by content negotiation
    /queries, /queries/NAME   the query library as forms; NAME.json|.csv|.tsv|.xml results
    /sparql (alias /query)    SPARQL 1.1 Protocol endpoint               (kg.web.endpoint)
    /editor                   the YASGUI editor                          (kg.web.pages)
    /ontology                 classes and properties                     (kg.web.ontology)
    /network, /timeline       the pictures as inline SVG (?around=NAME)  (kg.web.pictures)
    /pictures?around=IRI      an entity's pictures, the fragment its page loads
    /static/…                 style sheet and the editor's files

`app.state.entity_hooks` / `app.state.home_hooks`: callables adding trusted HTML (a picture) to
entity pages (`hook(backend, iri)`) and the home page (`hook(backend)`); rendered pages are kept,
so add hooks before the first request.

Requests whose Host header is not one of `allowed_hosts` are answered HTTP 400 (DNS rebinding).
Each response carries `Server-Timing: app;dur=<ms>` (time to the response's first byte, ms).
"""

from __future__ import annotations

import time
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.web import endpoint, entity, library_pages, ontology, pages, pictures
from kg.web.render import STATIC, not_found, templates


class ServerTiming:
    """ASGI middleware adding `Server-Timing: app;dur=<ms>` to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start = time.perf_counter()

        async def timed(message):
            if message["type"] == "http.response.start":
                ms = (time.perf_counter() - start) * 1000
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [(b"server-timing", f"app;dur={ms:.2f}".encode())]
            await send(message)

        await self.app(scope, receive, timed)


def _warm(app) -> None:
    """Compute the pages every visitor sees first (kg.web.pages.warm, the ontology documentation) and
    the source documents' pages (kg.web.entity.warm), the whole graph's pictures (kg.web.pictures.warm)."""
    from kg.web.pages import cached

    pages.warm(app)
    cached(app, "ontology", lambda: ontology.documentation(app.state.backend))
    entity.warm(app)
    pictures.warm(app)


def create_app(*, store: str | Path, allowed_hosts: list[str], timeout_s: float = 30,
               max_bytes: int | None = None, workers: int | None = None, backend=None) -> Starlette:
    """The web app over the store folder `store` (made by `kg load`), read-only.

    `allowed_hosts`: the Host header values (without port) answered; others get HTTP 400.
    `timeout_s`: seconds an ad-hoc query at /sparql may run. `max_bytes`: the largest answer /sparql
    sends (default kg.web.workers.DEFAULT_MAX_BYTES). `workers`: processes answering /sparql.
    `backend`: what the pages query (default: the store, opened read-only). Raises UsageError when
    `store` holds no store.
    """
    from kg.backend import open_backend
    from kg.web.workers import DEFAULT_MAX_BYTES, DEFAULT_WORKERS, WorkerPool

    backend = backend or open_backend(store=str(store))
    routes = [
        Route("/", pages.home),
        Route("/search", pages.search),
        Route("/browse/{kind}", pages.browse),
        Route("/editor", pages.editor),
        Route("/id/{path:path}", entity.page),
        Route("/queries", library_pages.index),
        Route("/queries/{name}.{ext}", library_pages.results),
        Route("/queries/{name}", library_pages.form),
        Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
        Route("/query", endpoint.sparql, methods=["GET", "POST"]),
        Route("/update", endpoint.read_only, methods=["GET", "POST"]),
        Route("/store", endpoint.read_only, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]),
        Route("/ontology", ontology.page),
        Route("/network", pictures.network),
        Route("/timeline", pictures.timeline),
        Route("/pictures", pictures.fragment),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(ServerTiming), Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)]
    pool_holder: dict = {}

    def start_pool():
        pool_holder["pool"] = WorkerPool(str(store), size=workers or DEFAULT_WORKERS, timeout_s=timeout_s,
                                         max_bytes=max_bytes or DEFAULT_MAX_BYTES)
        app.state.pool = pool_holder["pool"]

    def stop_pool():
        if "pool" in pool_holder:
            pool_holder.pop("pool").close()

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(_app):
        start_pool()
        import threading

        threading.Thread(target=_warm, args=(app,), daemon=True, name="kg-web-warm").start()
        try:
            yield
        finally:
            stop_pool()

    app = Starlette(routes=routes, middleware=middleware, exception_handlers={404: not_found}, lifespan=lifespan)
    app.state.backend = backend
    from kg.describe import Describer

    app.state.describer = Describer(backend)  # shared: its label cache stays valid (the store is read-only)
    app.state.templates = templates()
    app.state.timeout_s = timeout_s
    app.state.caches = {}
    # Pictures and other additions: callables returning trusted HTML (e.g. an inline SVG), shown in
    # a section of the entity pages (hook(backend, iri)) and of the home page (hook(backend)).
    app.state.entity_hooks = []
    app.state.home_hooks = []
    pictures.install(app)  # entity pages: the network around the entity and its timeline rows, loaded by the page
    return app
