"""/ontology: every class and property of the igkg ontology, documented from the store and the shapes.

For each term: label, definition (skos:definition), scope notes, examples (skos:example), editorial
notes, parents (rdfs:subClassOf / rdfs:subPropertyOf), domain and range (a union written out),
deprecation, the SHACL shapes that constrain it (node shapes by sh:targetClass, property shapes by
sh:path, read from ontology/shapes.ttl through kg.dataset) and, for a class, how many instances the
data has and a few of them. The ontology IRI dereferences here (kg.web.links), and so do term IRIs
(`…/ontology#Registry` is `/ontology#Registry`). Built with SPARQL over the same store as every other
page, so links and names agree with the entity pages.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from kg.backend import select
from kg.namespaces import IGKG, shorten
from kg.web.links import ONTOLOGY_IRI, href
from kg.web.pages import cached, names
from kg.web.render import render

_TERMS = """
SELECT ?t ?kind WHERE {
  GRAPH iggraph:ontology { ?t a ?kind VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty } }
  FILTER(isIRI(?t) && STRSTARTS(STR(?t), STR(igkg:)))
} ORDER BY ?t
"""
_FACTS = """
SELECT ?t ?p ?v WHERE {
  GRAPH iggraph:ontology {
    ?t ?p ?v VALUES ?p { rdfs:label skos:definition skos:scopeNote skos:example skos:editorialNote rdfs:comment
                         rdfs:subClassOf rdfs:subPropertyOf rdfs:domain rdfs:range owl:deprecated owl:inverseOf }
  }
  FILTER(STRSTARTS(STR(?t), STR(igkg:)))
} ORDER BY ?t ?p ?v
"""
_UNION = "SELECT ?x ?m WHERE { GRAPH iggraph:ontology { ?x owl:unionOf/rdf:rest*/rdf:first ?m } }"
_HEADER = """
SELECT ?p ?v WHERE { GRAPH iggraph:ontology { ?o a owl:Ontology ; ?p ?v
  VALUES ?p { dcterms:title dcterms:description owl:versionIRI dcterms:license } } }
"""
_INSTANCES = """
SELECT ?c (COUNT(DISTINCT ?x) AS ?n) (MIN(STR(?x)) AS ?first) WHERE {
  GRAPH ?g { ?x a ?c } FILTER(?g != iggraph:ontology && STRSTARTS(STR(?c), STR(igkg:)))
} GROUP BY ?c
"""
_SHAPES = """
SELECT ?shape ?kind ?target ?name ?description ?severity WHERE {
  { ?shape sh:targetClass ?target BIND("node" AS ?kind) }
  UNION { ?shape sh:path ?target FILTER(isIRI(?target)) BIND("property" AS ?kind) }
  OPTIONAL { ?shape sh:name ?name } OPTIONAL { ?shape sh:description ?description }
  OPTIONAL { ?shape sh:severity ?severity }
  FILTER(isIRI(?shape))
} ORDER BY ?target ?shape
"""
KINDS = {"Class": "Classes", "ObjectProperty": "Object properties", "DatatypeProperty": "Datatype properties",
         "AnnotationProperty": "Annotation properties"}
PROPS = {"label": "label", "definition": "definition", "scopeNote": "notes", "example": "examples",
         "editorialNote": "doubts", "comment": "comments", "subClassOf": "parents", "subPropertyOf": "parents",
         "domain": "domain", "range": "range", "deprecated": "deprecated", "inverseOf": "inverse"}


def shapes_index() -> dict[str, list[dict]]:
    """Term IRI -> the shapes that constrain it (shape IRI, link, node/property, name, description)."""
    from kg.backend import OxigraphBackend
    from kg.dataset import build_store, shapes_file, sources_for

    backend = OxigraphBackend(build_store(sources_for([shapes_file()])), description="the shapes")
    out: dict[str, list[dict]] = {}
    for r in select(backend, _SHAPES):
        out.setdefault(r["target"].value, []).append({
            "iri": r["shape"].value, "href": href(r["shape"].value), "short": shorten(r["shape"].value),
            "kind": r["kind"].value, "name": r["name"].value if "name" in r else "",
            "description": r["description"].value if "description" in r else "",
            "severity": shorten(r["severity"].value) if "severity" in r else "sh:Violation"})
    return out


def _ref(term, label: dict[str, str], backend) -> list[dict]:
    """A parent, domain or range: a named term, or the members of an owl:unionOf."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return [{"iri": term.value, "href": href(term.value), "label": label.get(term.value, shorten(term.value)),
                 "short": shorten(term.value)}]
    members = [r["m"].value for r in select(backend, _UNION, x=term)]
    found = names(backend, members)
    return [{"iri": m, "href": href(m), "label": found[m], "short": shorten(m), "union": True} for m in members]


def documentation(backend) -> dict:
    """The ontology header and its terms grouped by kind (see the module docstring)."""
    terms: dict[str, dict] = {}
    for r in select(backend, _TERMS):
        t = r["t"].value
        kind = r["kind"].value.rsplit("#", 1)[-1]
        terms.setdefault(t, {"iri": t, "local": t[len(IGKG):], "short": shorten(t), "kind": kind,
                             **{v: [] for v in set(PROPS.values())}})
    facts = select(backend, _FACTS)
    label = names(backend, set(terms) | {r["v"].value for r in facts if r["v"].__class__.__name__ == "NamedNode"})
    for r in facts:
        term = terms.get(r["t"].value)
        if term is None:
            continue
        key = PROPS[r["p"].value.rsplit("#", 1)[-1]]
        if key in ("parents", "domain", "range", "inverse"):
            term[key] += _ref(r["v"], label, backend)
        elif r["v"].value not in term[key]:
            term[key].append(r["v"].value)
    shapes = shapes_index()
    counts = {r["c"].value: (int(r["n"].value), r["first"].value) for r in select(backend, _INSTANCES)}
    for t, term in terms.items():
        term["shapes"] = shapes.get(t, [])
        n, first = counts.get(t, (0, None))
        term["instances"] = n
        term["first"] = {"href": href(first), "label": names(backend, [first])[first]} if first else None
        term["name"] = term["label"][0] if term["label"] else term["local"]
    header = {shorten(r["p"].value): r["v"].value for r in select(backend, _HEADER)}
    groups = [{"heading": heading, "kind": kind,
               "terms": sorted((t for t in terms.values() if t["kind"] == kind), key=lambda t: t["local"].lower())}
              for kind, heading in KINDS.items()]
    return {"iri": ONTOLOGY_IRI, "header": header, "groups": [g for g in groups if g["terms"]]}


_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH iggraph:ontology { ?s ?p ?o } }"


async def page(request: Request) -> Response:
    """GET /ontology: the documentation page (HTML); the ontology itself (the named graph
    iggraph:ontology) as Turtle, JSON-LD, N-Triples or RDF/XML by content negotiation or `?format=`."""
    from kg.web.negotiation import choose, content_type

    backend = request.app.state.backend
    fmt = choose(request.headers.get("accept"), request.query_params.get("format"),
                 ("html", "turtle", "jsonld", "ntriples", "rdfxml"), "html")
    if fmt is None:
        return Response("ask for text/html, text/turtle, application/ld+json or application/n-triples\n",
                        status_code=406, media_type="text/plain")
    if fmt != "html":
        from kg.results import render as render_result

        body = await run_in_threadpool(lambda: render_result(backend.query(_GRAPH), fmt))
        return Response(body, media_type=content_type(fmt), headers={"Vary": "Accept"})
    doc = await run_in_threadpool(cached, request, "ontology", lambda: documentation(backend))
    return render(request, "ontology.html", title="The igkg ontology", doc=doc)
