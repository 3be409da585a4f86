"""The SPARQL 1.1 Protocol endpoint of the web app (https://www.w3.org/TR/sparql11-protocol/).

`query` by GET (`?query=`), by POST with an `application/x-www-form-urlencoded` body, or by POST
with an `application/sparql-query` body. The project prefixes are predeclared. Result formats by
content negotiation (or `?format=`): SELECT/ASK as JSON (default), XML, CSV or TSV; CONSTRUCT and
DESCRIBE as Turtle (default), N-Triples, JSON-LD or RDF/XML. The default graph is the union of the
named graphs, unless the protocol's `default-graph-uri` / `named-graph-uri` name graphs of the
store (nothing is fetched; a graph the store lacks is empty). Refused: SPARQL Update (HTTP 403),
SERVICE and FROM / FROM NAMED (kg.sparqltext.check_adhoc; HTTP 400). A malformed query answers HTTP 400, a query past the deadline HTTP 503, an answer
past the size bound HTTP 413; each with a plain-text message, never a 200 with a cut body.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from kg.errors import UsageError
from kg.web.negotiation import GRAPH_FORMATS, RESULT_FORMATS, choose, content_type
from kg.web.workers import QueryFailed, QueryTimeout, ResultTooLarge

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"


def error(status: int, message: str) -> PlainTextResponse:
    """A SPARQL-style error: the status and a plain-text message (one or more lines)."""
    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status)


def refuse_update() -> PlainTextResponse:
    return error(403, "SPARQL Update is refused: this endpoint is read-only")


async def _params(request: Request) -> tuple[dict[str, list[str]], str | None]:
    """Protocol parameters (URL and form body) and the query from an application/sparql-query body."""
    params = {k: request.query_params.getlist(k) for k in request.query_params.keys()}
    body_query = None
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        raw = await request.body()
        if ctype == FORM:
            for k, v in parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        elif ctype == QUERY_BODY:
            body_query = raw.decode("utf-8", "replace")
        elif ctype == UPDATE_BODY:
            params["update"] = [raw.decode("utf-8", "replace")]
        else:
            params["_bad_type"] = [ctype or "(none)"]
    return params, body_query


async def sparql(request: Request) -> Response:
    """GET/POST /sparql (and /query): see the module docstring."""
    params, body_query = await _params(request)
    if "_bad_type" in params:
        return error(415, f"unsupported Content-Type {params['_bad_type'][0]}; POST {FORM} or {QUERY_BODY}")
    if "update" in params:
        return refuse_update()
    queries = params.get("query", []) + ([body_query] if body_query is not None else [])
    if not queries:
        if request.method == "GET":
            return RedirectResponse("/editor", status_code=303)
        return error(400, "no query: send query=… (URL or form body) or an application/sparql-query body")
    if len(queries) > 1:
        return error(400, "more than one query given; send exactly one")
    dataset = None
    if "default-graph-uri" in params or "named-graph-uri" in params:
        dataset = (params.get("default-graph-uri", []), params.get("named-graph-uri", []))
    text = queries[0]
    from kg.sparqltext import check_adhoc

    try:
        form = check_adhoc(text)
    except UsageError as e:
        return error(400, str(e))
    graph = form in ("CONSTRUCT", "DESCRIBE")
    offered = GRAPH_FORMATS if graph else RESULT_FORMATS
    fmt = choose(request.headers.get("accept"), (params.get("format") or [None])[0], offered,
                 "turtle" if graph else "json")
    if fmt is None:
        return error(406, "none of the accepted media types fits a "
                          f"{form} answer; ask for one of: {', '.join(offered)}")
    pool = request.app.state.pool
    from starlette.concurrency import run_in_threadpool

    try:
        answer = await run_in_threadpool(pool.run, text, fmt, dataset)
    except QueryFailed as e:
        return error(400, str(e))
    except QueryTimeout as e:
        return error(503, str(e))
    except ResultTooLarge as e:
        return error(413, str(e))
    return Response(answer.body, media_type=content_type(answer.fmt))


async def read_only(request: Request) -> Response:
    """/update and the Graph Store Protocol (/store): writes are refused with HTTP 403."""
    if request.method in ("GET", "HEAD") and request.url.path.startswith("/store"):
        return error(405, "the Graph Store Protocol is not served; query with /sparql")
    return refuse_update()
