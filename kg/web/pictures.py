"""The pictures in the web app: the cooperation network and the timeline (kg.viz) as inline SVG.

    /network[?around=NAME]    the whole cooperation network, or NAME's neighbourhood (one link)
    /timeline[?around=NAME]   every event, signing and post holding, or those involving NAME
    /pictures?around=IRI      an HTML fragment: the network around the entity (when it is in a link
                              of the network) and its timeline rows (when it has any); empty when neither

NAME is an IRI, a prefixed name or a label (kg.viz.resolve); one that names nothing, or several
things, answers HTTP 404 with kg.viz's message and its suggestions. Entity pages carry a placeholder
(the hook that `install` adds to `app.state.entity_hooks`) with links to both pictures around the
entity, which static/pictures.js replaces by the /pictures fragment: the page itself is sent without
waiting for the drawing (tens to hundreds of ms per picture), and a browser without JavaScript keeps
the links.

Every node and row links to the app's page of its entity (kg.web.links.href: `/id/org/cnnic`).
The store is read-only while the app runs, so a drawn picture is kept: at most PICTURE_CACHE
pictures per process, the least recently used dropped first. Pictures are drawn one at a time
(a picture asked for twice at once is drawn once); kept ones are answered meanwhile.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.errors import UsageError
from kg.web.links import href
from kg.web.render import render

PICTURE_CACHE = 512  # drawn pictures kept (SVG text), least recently used dropped first
KINDS = {"network": "Cooperation network", "timeline": "Timeline"}
_CACHE_LOCK = threading.Lock()  # guards the kept pictures
_DRAW_LOCK = threading.Lock()  # one picture drawn at a time


@dataclass(frozen=True)
class Drawn:
    """A picture ready for a page: `kind` ("network" or "timeline"), the entity IRI it is cut
    around (None: the whole graph), its SVG text (inline, no XML declaration), what it shows in words
    ("16 nodes, 15 links"), and `empty` when it has nothing to draw for that entity."""

    kind: str
    around: str | None
    svg: str
    summary: str
    empty: bool = False


def _draw(backend, kind: str, around: str | None) -> Drawn:
    """Draw one picture (see kg.viz.network / kg.viz.timeline); an entity in no link of the network,
    or in no row of the timeline, is an empty Drawn. Raises UsageError for an unknown `around`."""
    from kg import viz

    if kind == "network":
        try:
            pic = viz.network(backend, around=around, link=href)
        except viz.NotInNetwork as e:
            return Drawn(kind, around, "", str(e), empty=True)
    else:
        pic = viz.timeline(backend, around=around, link=href)
        if around is not None and pic.empty:
            return Drawn(kind, around, "", pic.summary, empty=True)
    return Drawn(kind, pic.around, viz.inline(pic.data), pic.summary)


def picture(app, kind: str, around: str | None = None) -> Drawn:
    """The picture `kind` of the whole graph (`around` None) or around the entity IRI `around`,
    drawn once and kept (see the module docstring). Kept pictures are answered while another one
    is being drawn."""
    cache = app.state.caches.setdefault("pictures", OrderedDict())
    key = (kind, around)

    def kept() -> Drawn | None:
        with _CACHE_LOCK:
            found = cache.get(key)
            if found is not None:
                cache.move_to_end(key)
            return found

    found = kept()
    if found is not None:
        return found
    with _DRAW_LOCK:
        found = kept()  # drawn by another request meanwhile
        if found is not None:
            return found
        drawn = _draw(app.state.backend, kind, around)
        with _CACHE_LOCK:
            cache[key] = drawn
            while len(cache) > PICTURE_CACHE:
                cache.popitem(last=False)
    return drawn


def entity_pictures(app, iri: str) -> str:
    """The pictures of an entity's page for `iri` as HTML: a block with the network around it and one
    with its timeline rows, each only when there is something to draw ("" when neither)."""
    drawn = [d for d in (picture(app, "network", iri), picture(app, "timeline", iri)) if not d.empty]
    if not drawn:
        return ""
    return app.state.templates.get_template("pictures.html").render(pictures=[_view(d) for d in drawn])


def placeholder(app, iri: str) -> str:
    """What an entity page holds in place of its pictures (see the module docstring)."""
    return app.state.templates.get_template("pictures-placeholder.html").render(around=_query(iri))


def _view(d: Drawn) -> dict:
    page = f"/{d.kind}" + (f"?around={_query(d.around)}" if d.around else "")
    return {"kind": d.kind, "heading": f"{KINDS[d.kind]} around it" if d.around else KINDS[d.kind],
            "svg": Markup(d.svg), "summary": d.summary, "page": page, "id": f"picture-{d.kind}"}


def _query(iri: str) -> str:
    from urllib.parse import quote

    return quote(iri, safe="")


def install(app) -> None:
    """Add the entity pages' pictures to `app` (a hook in `app.state.entity_hooks`)."""
    app.state.entity_hooks.append(lambda backend, iri: placeholder(app, iri))


def warm(app) -> None:
    """Draw the whole graph's pictures ahead of any request (called at start-up, in a thread)."""
    for kind in KINDS:
        picture(app, kind)


async def network(request: Request) -> Response:
    """GET /network[?around=NAME]: the cooperation network as inline SVG."""
    return await _page(request, "network")


async def timeline(request: Request) -> Response:
    """GET /timeline[?around=NAME]: the timeline as inline SVG."""
    return await _page(request, "timeline")


async def fragment(request: Request) -> Response:
    """GET /pictures?around=IRI: `entity_pictures` of the entity IRI (HTTP 404 when the graph holds
    nothing about it)."""
    from kg.web.entity import exists

    iri = request.query_params.get("around", "")
    app = request.app
    if not iri or not await run_in_threadpool(exists, app.state.backend, iri):
        return HTMLResponse("", status_code=404)
    return HTMLResponse(await run_in_threadpool(entity_pictures, app, iri))


async def _page(request: Request, kind: str) -> Response:
    name = request.query_params.get("around", "").strip() or None
    app = request.app
    try:
        iri = await run_in_threadpool(_resolve, app, name) if name else None
        drawn = await run_in_threadpool(picture, app, kind, iri)
    except UsageError as e:
        return render(request, "error.html", status=404, title="Not found", message=str(e))
    label = app.state.describer.label(iri) if iri else None
    title = KINDS[kind] + (f" around {label}" if label else "")
    other = "timeline" if kind == "network" else "network"
    return render(request, "picture.html", title=title, kind=kind, picture=_view(drawn), empty=drawn.empty,
                  around=iri, around_href=href(iri) if iri else None, around_label=label, other=other,
                  other_title=KINDS[other], around_value=name or "")


def _resolve(app, name: str) -> str:
    return app.state.describer.resolve(name)
