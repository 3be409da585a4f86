"""Home, search, the entry lists and the editor page of the web app.

The store is read-only while the app runs, so lists computed from it are kept for the life of the
process (`cached`). Lists: organisations by kind (most specific asserted class), people, events by
year, agreements, source documents with the number of facts derived from each.
"""

from __future__ import annotations

import json
from typing import Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from kg.backend import select
from kg.namespaces import ID, IGKG, PREFIXES, shorten, sparql_prologue
from kg.web.links import href
from kg.web.render import STATIC, render

HOME_CLASSES = ("Organization", "Person", "Post", "Event", "Agreement", "SourceDocument", "Place")
_ORGANISATIONS = """
SELECT DISTINCT ?org ?kind WHERE {
  GRAPH ?g { ?org a ?kind } FILTER(?g != iggraph:inferred && isIRI(?org))
  ?kind rdfs:subClassOf* igkg:Organization .
} ORDER BY ?kind ?org
"""
_AGREEMENTS = """
SELECT ?agreement ?class (SAMPLE(?d) AS ?date) (GROUP_CONCAT(DISTINCT STR(?party); separator=" ") AS ?parties) WHERE {
  ?agreement a ?class . VALUES ?class { igkg:MOU igkg:Partnership }
  OPTIONAL { ?agreement igkg:party ?party }
  OPTIONAL { ?agreement igkg:signedAt/schema:startDate ?d }
} GROUP BY ?agreement ?class ORDER BY ?date ?agreement
"""
_DOCUMENTS = """
SELECT ?doc ?class (COUNT(DISTINCT ?node) AS ?facts) WHERE {
  ?doc a ?class . VALUES ?class { igkg:SourceDocument igkg:Report }
  OPTIONAL { ?node prov:wasDerivedFrom ?doc }
} GROUP BY ?doc ?class ORDER BY ?class ?doc
"""
_COUNTS = """
SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {
  VALUES ?c { igkg:Organization igkg:Person igkg:Post igkg:Event igkg:Agreement igkg:SourceDocument igkg:Place }
  ?x a ?c
} GROUP BY ?c
"""
MAX_ITEMS = 500  # entries shown per group of a list (the rest: the query library pages through all)
LISTS = {"organisations": "Organisations by kind", "people": "People", "events": "Events by year",
         "agreements": "Agreements", "documents": "Source documents"}


def cached(request, key: str, compute: Callable[[], object]):
    """`compute()` once per process for `key` (the store does not change while the app runs);
    `request` is a Request or the app itself."""
    caches = getattr(request, "app", request).state.caches
    if key not in caches:
        caches[key] = compute()
    return caches[key]


def names(backend, iris) -> dict[str, str]:
    """IRI -> its name (kg.labels.names_of), else its prefixed name."""
    from kg.labels import names_of

    iris = list(iris)
    found = names_of(backend, iris)
    return {i: (found[i].value if i in found else shorten(i)) for i in iris}


def _link(iri: str, label: str) -> dict:
    return {"iri": iri, "href": href(iri), "label": label, "short": shorten(iri)}


def counts(backend) -> list[dict]:
    """Distinct instances of the main classes (asserted or inferred types; one query), each with its
    class link and the list it opens."""
    found = {r["c"].value: int(r["n"].value) for r in select(backend, _COUNTS)}
    targets = {"Organization": "organisations", "Person": "people", "Event": "events", "Agreement": "agreements",
               "SourceDocument": "documents"}
    return [{"class": c, "href": href(IGKG + c), "count": found.get(IGKG + c, 0),
             "list": f"/browse/{targets[c]}" if c in targets else None} for c in HOME_CLASSES]


def warm(app) -> None:
    """Fill the caches of the home page, the entry lists and the editor (run once at start-up, in a
    thread, so that the first visitor does not wait)."""
    backend = app.state.backend
    cached(app, "counts", lambda: counts(backend))
    for kind, build in BUILDERS.items():
        cached(app, "browse:" + kind, lambda b=build: capped(b(backend)))
    cached(app, "editor", editor_config)


async def home(request: Request) -> Response:
    """GET /: counts, the search box and the entry lists."""
    backend = request.app.state.backend
    data = await run_in_threadpool(cached, request, "counts", lambda: counts(backend))
    from markupsafe import Markup

    extras = [Markup(hook(backend)) for hook in request.app.state.home_hooks]
    return render(request, "home.html", title="Internet Governance Knowledge Graph", counts=data, lists=LISTS,
                  extras=extras)


def search_rows(backend, text: str) -> list[dict]:
    """Entities whose label, preferred or alternative label or acronym contains `text` (the library's
    search-by-label query), one entry per entity with its labels and classes."""
    from kg.queries.execute import run

    out: dict[str, dict] = {}
    for row in run("search-by-label", {"text": text}, backend=backend):
        entity, label, cls = row["entity"], row["label"], row["class"]
        e = out.setdefault(entity.value, {**_link(entity.value, ""), "labels": [], "classes": []})
        if label is not None and label.value not in e["labels"]:
            e["labels"].append(label.value)
        if cls is not None and cls.value not in [c["iri"] for c in e["classes"]]:
            e["classes"].append(_link(cls.value, shorten(cls.value)))
    found = names(backend, out)
    for iri, e in out.items():
        e["label"] = found[iri]
    return list(out.values())


def full_text_rows(backend, text: str, *, limit: int = 20) -> list[dict]:
    """The best full-text matches of `text` (kg.search: labels, alternative names, acronyms and
    quotes, BM25), best first: the entity's link, what matched and a snippet with the words marked."""
    from kg.search import search as full_text

    return [{**_link(hit.entity, hit.label or shorten(hit.entity)), "field": hit.field, "snippet": hit.snippet}
            for hit in full_text(backend, text, limit=limit)]


async def search(request: Request) -> Response:
    """GET /search?q=TEXT: entities whose labels contain TEXT (any case), then the full-text matches
    of its words in labels, names and quotes."""
    text = request.query_params.get("q", "").strip()
    backend = request.app.state.backend
    rows = await run_in_threadpool(search_rows, backend, text) if text else []
    words = await run_in_threadpool(full_text_rows, backend, text) if text else []
    return render(request, "search.html", title=f"Search: {text}" if text else "Search", q=text, rows=rows,
                  words=words)


def organisations(backend) -> list[dict]:
    rows = select(backend, _ORGANISATIONS)
    kinds: dict[str, set] = {}
    for r in rows:
        kinds.setdefault(r["org"].value, set()).add(r["kind"].value)
    label = names(backend, set(kinds) | {k for ks in kinds.values() for k in ks})
    groups: dict[str, list] = {}
    for org, ks in kinds.items():
        specific = ks - {IGKG + "Organization"} or ks
        for k in specific:
            groups.setdefault(k, []).append(_link(org, label[org]))
    return [{"heading": label[k], "href": href(k), "items": sorted(v, key=lambda x: x["label"].lower())}
            for k, v in sorted(groups.items(), key=lambda kv: label[kv[0]].lower())]


def people(backend) -> list[dict]:
    from kg.queries.execute import run

    seen: dict[str, dict] = {}
    for row in run("people", backend=backend):
        p = row["person"].value
        if p not in seen:
            honorific = row["honorific"].value if row["honorific"] is not None else ""
            seen[p] = {**_link(p, row["name"].value if row["name"] is not None else shorten(p)), "note": honorific}
    return [{"heading": "People", "href": href(IGKG + "Person"),
             "items": sorted(seen.values(), key=lambda x: x["label"].lower())}]


def events(backend) -> list[dict]:
    from kg.queries.execute import run

    by_event: dict[str, dict] = {}
    for row in run("events", backend=backend):
        e = row["event"].value
        start = row["start"].value if row["start"] is not None else ""
        item = by_event.setdefault(e, {**_link(e, ""), "note": start, "kinds": []})
        if row["kind"] is not None:
            item["kinds"].append(shorten(row["kind"].value))
    label = names(backend, by_event)
    years: dict[str, list] = {}
    for e, item in by_event.items():
        item["label"] = label[e]
        item["note"] = ", ".join(x for x in [item["note"], "; ".join(sorted(set(item["kinds"])))] if x)
        years.setdefault(item["note"][:4] if item["note"][:4].isdigit() else "Undated", []).append(item)
    order = sorted(years, key=lambda y: (y == "Undated", y))
    return [{"heading": y, "href": None, "items": sorted(years[y], key=lambda x: (x["note"], x["label"]))}
            for y in order]


def agreements(backend) -> list[dict]:
    rows = select(backend, _AGREEMENTS)
    parties = {p for r in rows if "parties" in r for p in r["parties"].value.split()}
    label = names(backend, {r["agreement"].value for r in rows} | parties | {r["class"].value for r in rows})
    items = []
    for r in rows:
        who = sorted(label[p] for p in r["parties"].value.split()) if "parties" in r else []
        date = r["date"].value if "date" in r else "date not stated"
        items.append({**_link(r["agreement"].value, label[r["agreement"].value]),
                      "note": f"{label[r['class'].value]}, {date}: {', '.join(who)}"})
    return [{"heading": "Agreements (MOUs and partnerships)", "href": href(IGKG + "Agreement"), "items": items}]


def documents(backend) -> list[dict]:
    rows = select(backend, _DOCUMENTS)
    label = names(backend, {r["doc"].value for r in rows} | {r["class"].value for r in rows})
    groups: dict[str, list] = {}
    for r in rows:
        n = int(r["facts"].value)
        groups.setdefault(r["class"].value, []).append(
            {**_link(r["doc"].value, label[r["doc"].value]), "note": f"{n} node{'s' if n != 1 else ''} derived from it"})
    return [{"heading": label[c], "href": href(c), "items": items} for c, items in groups.items()]


BUILDERS = {"organisations": organisations, "people": people, "events": events, "agreements": agreements,
            "documents": documents}


async def browse(request: Request) -> Response:
    """GET /browse/{organisations|people|events|agreements|documents}: an entry list."""
    kind = request.path_params["kind"]
    if kind not in BUILDERS:
        return render(request, "error.html", status=404, title="Not found",
                      message=f"No list named {kind!r}; the lists are: {', '.join(LISTS)}.")
    backend = request.app.state.backend
    groups = await run_in_threadpool(cached, request, "browse:" + kind, lambda: capped(BUILDERS[kind](backend)))
    return render(request, "browse.html", title=LISTS[kind], groups=groups, lists=LISTS, current=kind)


def capped(groups: list[dict]) -> list[dict]:
    """Each group with at most MAX_ITEMS entries; `total` keeps its full size."""
    return [{**g, "total": len(g["items"]), "items": g["items"][:MAX_ITEMS]} for g in groups]


def editor_config() -> dict:
    """What the editor page preloads: the project prefixes, the library's queries as examples, and
    `local`: [IRI namespace, the app's path for it] pairs (results link to the app's pages)."""
    from kg.queries.library import library

    examples = [{"name": q.name, "summary": q.summary, "query": q.text} for q in library().values()]
    local = [[ID, "/id/"], [IGKG, "/ontology#"]]
    return {"endpoint": "/sparql", "prefixes": PREFIXES, "prologue": sparql_prologue(), "examples": examples,
            "local": local}


async def editor(request: Request) -> Response:
    """GET /editor[?query=TEXT]: YASGUI on /sparql, the library's queries as examples."""
    config = cached(request, "editor", editor_config)
    installed = (STATIC / "vendor" / "yasgui" / "yasgui.min.js").is_file()
    return render(request, "editor.html", title="SPARQL editor", installed=installed,
                  config=json.dumps({**config, "query": request.query_params.get("query")}).replace("</", "<\\/"),
                  examples=config["examples"], query=request.query_params.get("query") or "")
