"""The query library as forms and as stable result URLs (after Datasette's canned queries).

`/queries` lists the `queries/*.rq` files; `/queries/NAME` is a form generated from the query's
`#+` header (one labelled field per parameter, typed: an IRI parameter with a class offers that
class's instances in a datalist, a date takes YYYY-MM-DD / YYYY-MM / YYYY, an integer its min..max)
and, when every required parameter is given, the rows as an HTML table whose IRIs link to their
pages. `/queries/NAME.json|.csv|.tsv|.xml?param=value…` is the same answer in a SPARQL 1.1 result
format. Parameters are typed and bound by kg.queries (never pasted into the text); a bad one
answers HTTP 400 with the message `kg query` prints.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from kg.errors import UsageError
from kg.namespaces import shorten
from kg.web.links import href
from kg.web.negotiation import content_type
from kg.web.pages import cached, names
from kg.web.render import render

RESULT_EXTENSIONS = ("json", "csv", "tsv", "xml")
_INSTANCES = """
SELECT DISTINCT ?c ?x WHERE { ?k rdfs:subClassOf* ?c . ?x a ?k FILTER(isIRI(?x)) } LIMIT 1000
"""


def _query(name: str):
    from kg.queries.library import get

    return get(name)


def choices(backend, cls: str) -> list[dict]:
    """The instances of `cls` (with subclasses; at most 1000): value (prefixed name) and
    name, sorted by name. Any other value can still be typed into the field."""
    from kg.backend import select

    iris = [r["x"].value for r in select(backend, _INSTANCES, c=cls)]
    label = names(backend, iris)
    return sorted(({"value": shorten(i), "label": label[i]} for i in iris), key=lambda c: c["label"].lower())


def fields(request: Request, query) -> list[dict]:
    """One form field per parameter: name, type, input attributes, current value, choices."""
    backend = request.app.state.backend
    out = []
    for p in query.params:
        field = {"name": p.name, "type": p.type, "required": p.required, "example": p.example, "default": p.default,
                 "description": p.description, "value": request.query_params.get(p.name, ""), "choices": None,
                 "input": "text", "min": p.min, "max": p.max, "pattern": None, "class": None}
        if p.type == "integer":
            field["input"] = "number"
        elif p.type == "date":
            field["pattern"] = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
        elif p.type == "boolean":
            field["choices"] = [{"value": "true", "label": "true"}, {"value": "false", "label": "false"}]
        elif p.type == "iri" and p.cls:
            field["class"] = {"short": shorten(p.cls), "href": href(p.cls)}
            field["choices"] = cached(request, "choices:" + p.cls, lambda c=p.cls: choices(backend, c))
        out.append(field)
    return out


def given(request: Request, query) -> dict[str, str]:
    """The parameters given in the URL (empty values left out: an empty field means not given)."""
    return {k: v for k, v in request.query_params.items() if v.strip() and k != "format"}


def table(result, backend) -> dict:
    """A SELECT result as columns and rows of cells (text, link for IRIs); an ASK as a yes/no."""
    import pyoxigraph as ox

    from kg.results import cell, with_labels

    if isinstance(result, ox.QueryBoolean):
        return {"boolean": bool(result), "columns": [], "rows": []}
    labelled = with_labels(result, backend)
    columns = [v.value for v in labelled.variables]
    shown = [c for c in columns if not (c.endswith("Label") and c[:-5] in columns)]
    rows = []
    for sol in labelled:
        row = []
        for c in shown:
            term = sol[c]
            if isinstance(term, ox.NamedNode):
                label = sol[c + "Label"] if c + "Label" in columns else None
                row.append({"text": label.value if label is not None else shorten(term.value),
                            "href": href(term.value), "short": shorten(term.value)})
            else:
                row.append({"text": cell(term), "href": None, "short": None})
        rows.append(row)
    return {"boolean": None, "columns": shown, "rows": rows}


async def index(request: Request) -> Response:
    """GET /queries: every named query with its summary, tags and parameters."""
    from kg.queries.library import library

    queries = await run_in_threadpool(cached, request, "library", lambda: list(library().values()))
    return render(request, "queries.html", title="Query library", queries=queries)


def _run(request: Request, query, params: dict[str, str]):
    from kg.queries.execute import run

    return run(query, params, backend=request.app.state.backend)


async def form(request: Request) -> Response:
    """GET /queries/NAME[?param=value…]: the form, and the rows when the required parameters are given."""
    try:
        query = _query(request.path_params["name"])
    except UsageError as e:
        return render(request, "error.html", status=404, title="No such query", message=str(e))
    params = given(request, query)
    ready = all(p.name in params or p.default is not None for p in query.params if p.required)
    result, problem, status = None, None, 200
    if ready:
        try:
            result = await run_in_threadpool(lambda: table(_run(request, query, params), request.app.state.backend))
        except UsageError as e:
            problem, status = str(e), 400
    form_fields = await run_in_threadpool(fields, request, query)
    suffix = ("?" + urlencode(params)) if params else ""
    downloads = [{"ext": ext, "href": f"/queries/{query.name}.{ext}{suffix}"} for ext in RESULT_EXTENSIONS]
    editor = "/editor?" + urlencode({"query": query.text})
    return render(request, "query.html", status=status, title=query.summary, query=query, fields=form_fields,
                  result=result, problem=problem, downloads=downloads if ready else [], editor=editor)


async def results(request: Request) -> Response:
    """GET /queries/NAME.EXT?param=value…: the rows as SPARQL 1.1 JSON, XML, CSV or TSV."""
    from kg.results import serialize

    ext = request.path_params["ext"]
    if ext not in RESULT_EXTENSIONS:
        return PlainTextResponse(f"unknown format .{ext}; use one of: .{', .'.join(RESULT_EXTENSIONS)}\n",
                                 status_code=404)
    try:
        query = _query(request.path_params["name"])
        body = await run_in_threadpool(lambda: serialize(_run(request, query, given(request, query)), ext))
    except UsageError as e:
        return PlainTextResponse(str(e) + "\n", status_code=400)
    return Response(body, media_type=content_type(ext))
