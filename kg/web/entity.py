"""Entity pages: `/id/PATH` is the page of `https://w3id.org/igkg/id/PATH`.

HTML (the default for browsers): the profile kg.describe builds — every statement as a sentence
with its source documents and verbatim quotes, types (inferred ones marked) linked to /ontology,
outgoing relations and incoming links grouped by property (inferred ones marked), editorial notes
shown as doubts. Turtle, JSON-LD and
N-Triples (Accept header or `?format=ttl|jsonld|nt`): the triples with the entity as subject or
object. A source document's page lists the facts derived from it (they link to it with
prov:wasDerivedFrom). Pages are kept per IRI for the life of the process. An IRI the graph does not hold: HTTP 404;
a renamed one (kg.redirects): HTTP 301 to the page of the IRI that replaces it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from kg.backend import select
from kg.errors import UsageError
from kg.namespaces import BASE, GRAPH_INFERRED, IGKG, expand, shorten
from kg.web.render import render
from kg.web.links import href, iri_of_path
from kg.web.negotiation import choose, content_type

PAGE_CACHE = 2048  # entity pages kept (rendered HTML), least recently used dropped first
_LOCK = threading.Lock()
PAGE_FORMATS = ("html", "turtle", "jsonld", "ntriples", "rdfxml")
_EXISTS = "ASK { { ?x ?p ?o } UNION { ?s ?p ?x } }"
_TYPES = "SELECT ?x ?t ?g WHERE { GRAPH ?g { ?x a ?t } } ORDER BY ?t"
_TRIPLES = "CONSTRUCT { ?x ?p ?o . ?s ?q ?x } WHERE { { ?x ?p ?o } UNION { ?s ?q ?x } }"


def exists(backend, iri: str) -> bool:
    import pyoxigraph as ox

    return bool(backend.query(_EXISTS, substitutions={ox.Variable("x"): ox.NamedNode(iri)}))


def rdf(backend, iri: str, fmt: str) -> bytes:
    """The triples with `iri` as subject or object (all graphs, inferred included) in `fmt`."""
    import pyoxigraph as ox

    from kg.results import render as render_result

    result = backend.query(_TRIPLES, substitutions={ox.Variable("x"): ox.NamedNode(iri)})
    return render_result(result, fmt)


def types(backend, iri: str, describer) -> list[dict]:
    """The entity's types: IRI, name, link, and whether only the inferred graph states it; asserted first."""
    graphs: dict[str, set] = {}
    for r in select(backend, _TYPES, x=iri):
        graphs.setdefault(r["t"].value, set()).add(r["g"].value)
    out = [{"iri": t, "label": describer.label(t), "href": href(t), "inferred": gs == {GRAPH_INFERRED}}
           for t, gs in graphs.items()]
    return sorted(out, key=lambda t: (t["inferred"], t["label"].lower()))  # asserted types first


def _value(relation) -> dict:
    """A relation's other end for the template: text, link (None for a literal), prefixed name."""
    iri_like = relation.value_label != relation.value or relation.value.startswith(BASE)
    return {"text": relation.value_label, "href": href(relation.value) if iri_like else None,
            "short": shorten(relation.value) if iri_like else None, "inferred": relation.inferred}


def grouped(relations) -> list[dict]:
    """Relations grouped by property, in order of first appearance: property, its link, values."""
    groups: dict[str, dict] = {}
    for r in relations:
        g = groups.setdefault(r.property, {"property": r.property, "href": href(expand(r.property) or r.property),
                                           "values": []})
        g["values"].append(_value(r))
    return list(groups.values())


def statement_view(st) -> dict:
    """A kg.describe Statement for the template, with links to its node and its sources."""
    return {"kind": st.kind, "sentence": st.sentence, "node": st.node, "node_href": href(expand(st.node) or st.node),
            "sources": [{"name": s, "href": href(expand(s) or s)} for s in st.sources],
            "quotes": [" ".join(q.split()) for q in st.quotes]}


def sections(statements: list[dict]) -> list[dict]:
    """Statements under the headings kg.describe uses (Posts, Agreements, Events …)."""
    from kg.describe import KIND_HEADINGS

    out: list[dict] = []
    for st in statements:
        heading = KIND_HEADINGS.get(st["kind"], "Other facts")
        if not out or out[-1]["heading"] != heading:
            out.append({"heading": heading, "statements": []})
        out[-1]["statements"].append(st)
    return out


async def page(request: Request) -> Response:
    """GET /id/{path}: the entity's page (see the module docstring)."""
    from starlette.concurrency import run_in_threadpool

    iri = iri_of_path(request.path_params["path"])
    fmt = choose(request.headers.get("accept"), request.query_params.get("format"), PAGE_FORMATS, "html")
    if fmt is None:
        return PlainTextResponse("ask for text/html, text/turtle, application/ld+json or application/n-triples\n",
                                 status_code=406)
    return await run_in_threadpool(_page, request, iri, fmt)


def _page(request: Request, iri: str, fmt: str) -> Response:
    from kg.redirects import replacement

    backend = request.app.state.backend
    new = replacement(backend, iri)
    if new is not None:  # a renamed IRI: its page moved for good
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(href(new) + query, status_code=301)
    if not exists(backend, iri):
        return render(request, "error.html", status=404, title="Not found",
                      message=f"The graph holds nothing about <{iri}>.")
    if fmt != "html":
        return Response(rdf(backend, iri, fmt), media_type=content_type(fmt), headers={"Vary": "Accept"})
    return cached_html(request.app, iri)


def cached_html(app, iri: str) -> Response:
    """The HTML page of `iri` (which the graph holds), rendered once and kept (at most PAGE_CACHE pages,
    the least recently used dropped first)."""
    pages = app.state.caches.setdefault("entity-pages", OrderedDict())
    with _LOCK:
        body = pages.get(iri)
        if body is not None:
            pages.move_to_end(iri)
    if body is not None:
        return HTMLResponse(body)
    response = _html(app, app.state.backend, iri)
    if response.status_code == 200:
        with _LOCK:
            pages[iri] = response.body
            while len(pages) > PAGE_CACHE:
                pages.popitem(last=False)
    return response


_DOCUMENTS = "SELECT ?d WHERE { ?d a igkg:SourceDocument } ORDER BY ?d LIMIT 21"


def warm(app) -> None:
    """Render the pages of the source documents ahead of any request when there are at most 20 (each
    lists every fact derived from it: the slowest page kind)."""
    docs = [r["d"].value for r in select(app.state.backend, _DOCUMENTS)]
    if len(docs) <= 20:
        for d in docs:
            cached_html(app, d)


def _html(request, backend, iri: str) -> Response:
    d = getattr(request, "app", request).state.describer
    try:
        profile = d.describe(iri)
    except UsageError as e:  # pragma: no cover - exists() said it is there
        return render(request, "error.html", status=404, title="Not found", message=str(e))
    kinds = types(backend, iri, d)
    statements = [statement_view(st) for st in profile.statements]
    return render(
        request, "entity.html", title=profile.label, profile=profile, types=kinds,
        sections=sections(statements), outgoing=grouped(profile.outgoing), incoming=grouped(profile.incoming),
        extras=[Markup(hook(backend, iri)) for hook in getattr(request, "app", request).state.entity_hooks],
    )
